package docx

import (
	"math"

	"briefing/briefing/doc"
	"briefing/briefing/font"
	"briefing/briefing/layout"
	"briefing/briefing/statement"
	"briefing/briefing/style"
)

// Word and LibreOffice lay out a DOCX themselves, so a one-page brief can
// only fit by estimate: measure walks the brief with the brand's font metrics,
// wraps every paragraph greedily at the width it is set in and adds up line
// heights and paragraph spacing as the reference styles set them. A brief
// is a masthead and a title across the page, then two columns side by side
// (the main text; the key figures panel and the quote), so the page is as
// tall as the taller column, then the source block. Render shrinks the
// body size from Sizes.Body towards Sizes.BodyMin (never below minBody) in
// steps of Sizes.BodyStep until the estimate fits the page, setting a long
// quote one step down before it shrinks the body.

// measure is a doc.Visitor that adds up the height of a brief, in
// points, at one body size.
type measure struct {
	r     *Renderer
	sizes tmplData // in half-points, as the styles are filled
	width float64  // the width being set, points: the text's or a column's
	pageH float64  // text height, points
	// text is the text width, main and side a brief's column widths, in
	// points.
	text, main, side float64
	// col is the height of the brief's column being set, nil outside the
	// columns; mainH and sideH are the columns' heights.
	col          *float64
	mainH, sideH float64
	split        bool
	// smallQuote sets the brief's side-column quote one step down.
	smallQuote bool
	// doc is the Doc measured; breakNext a page break not yet taken.
	doc       *doc.Doc
	breakNext bool
	// sum is the height of everything; h the height on the current page.
	sum, h float64
	// page is the current page, from 1; anchors the page of each anchor.
	page    int
	anchors map[string]int
}

// newMeasure starts a measure. Text split at its break opportunities is
// remembered by the font set, so shrink-to-fit's measures at several sizes
// split each text once.
func (r *Renderer) newMeasure(data tmplData, p page) *measure {
	mainW, sideW, _ := columnWidths(p.textWidth())
	return &measure{r: r, sizes: data, width: float64(p.textWidth()) / 20, pageH: float64(p.H-p.Top-p.Bottom) / 20, page: 1, anchors: map[string]int{},
		text: float64(p.textWidth()) / 20, main: float64(mainW) / 20, side: float64(sideW) / 20}
}

// column sets what follows in a brief's main or side column, as
// builder.column does; outside a brief it does nothing.
func (m *measure) column(side bool) {
	if !m.split {
		return
	}
	m.col, m.width = &m.mainH, m.main
	if side {
		m.col, m.width = &m.sideH, m.side
	}
}

// endColumns adds the taller of a brief's columns, as builder.endColumns
// places the layout table.
func (m *measure) endColumns() {
	if m.col == nil {
		return
	}
	m.col, m.width = nil, m.text
	m.add(max(m.mainH, m.sideH), false, 0)
	m.mainH, m.sideH = 0, 0
}

// add places a block of height h. A block that may split flows on to the
// next page; one kept together (with reserve points of what follows) moves
// whole to the next page when it does not fit.
func (m *measure) add(h float64, keep bool, reserve float64) {
	if m.breakNext {
		m.breakNext = false
		m.newPage()
	}
	if m.col != nil {
		*m.col += h
		return
	}
	m.sum += h
	if keep && m.h > 0 && m.h+h+reserve > m.pageH {
		m.page++
		m.h = 0
	}
	m.h += h
	for m.h > m.pageH {
		m.page++
		m.h -= m.pageH
	}
}

// newPage starts a new page unless the current one is empty.
func (m *measure) newPage() {
	if m.h > 0 {
		m.page++
		m.h = 0
	}
}

var _ doc.Visitor = (*measure)(nil)

// lines returns how many lines text takes at width points, broken as the
// layout breaks lines (package font).
func (m *measure) lines(text string, style style.FontStyle, halfPt int, width float64) int {
	if width <= 0 || text == "" {
		return 1
	}
	t := m.r.st.Type.Prepare([]font.Piece{{Text: text, Style: style}})
	return max(1, len(t.Wrap(float64(halfPt)/2, width)))
}

// lineH is the height of a single-spaced line of style at halfPt.
func (m *measure) lineH(style style.FontStyle, halfPt int) float64 {
	f := m.r.st.Type.Face(style)
	return float64(halfPt) / 2 * (f.Ascent + f.Descent)
}

// paraH is the height of a paragraph: lines of text at halfPt with line
// spacing line (1 = single), and before and after spacing in points.
func (m *measure) paraH(text string, style style.FontStyle, halfPt int, line, indent, before, after float64) float64 {
	n := m.lines(text, style, halfPt, m.width-indent)
	return before + after + float64(n)*m.lineAt(style, halfPt, line)
}

// lineAt is the height of a line of style at halfPt with line spacing
// line (a multiple of single spacing, or bodyLine).
func (m *measure) lineAt(style style.FontStyle, halfPt int, line float64) float64 {
	if line == bodyLine {
		return max(m.lineH(style, halfPt), float64(m.sizes.BodyLine)/20)
	}
	return m.lineH(style, halfPt) * line
}

// para adds a paragraph that may split across pages.
func (m *measure) para(text string, style style.FontStyle, halfPt int, line, indent, before, after float64) {
	m.add(m.paraH(text, style, halfPt, line, indent, before, after), false, 0)
}

// Line spacing as in layouts/docx/styles.xml: a multiple of the font's
// single spacing, or bodyLine, which marks the body's spacing (the
// document default): at least the PDF's body leading in points
// (tmplData.BodyLine), whatever the font, so that a reader's substitute
// for the brand font sets the same lines.
const (
	bodyLine  = -1.0
	ledeLine  = 252.0 / 240
	quoteLine = 243.0 / 240 // of 1.362 em: the PDF's quote leading, 1.38 em (layout.leadQuote)
)

// Masthead measures the brief's band (or logo on white) with the
// statement, as builder.Masthead sets it.
func (m *measure) Masthead(h *doc.Masthead) error {
	pad, lines := 0.0, 1
	if !h.Wordmark.Logo {
		pad, lines = 8.5, 2
	}
	logo, err := m.r.mark(h.Wordmark, !h.Wordmark.Logo, briefMarkMM)
	if err != nil {
		return err
	}
	right := m.width*0.55 - 17
	lines += m.lines(h.Statement, style.Bold, m.sizes.Note, right)
	logoH := briefMarkMM / layout.MMPerPt * float64(logo.h) / float64(logo.w)
	text := float64(lines) * m.lineH(style.Regular, m.sizes.Note)
	m.add(2*pad+math.Max(logoH, text)+1+8, true, 0) // with the rule or spacer
	return nil
}

// SourceBlock measures the rule and the source lines beside the QR code,
// as builder.SourceBlock sets them (Small paragraphs in a table cell).
func (m *measure) SourceBlock(b *doc.SourceBlock) error {
	m.endColumns()
	qr, col := 0.0, 1/layout.MMPerPt
	if b.URL != "" {
		qr, col = 20/layout.MMPerPt, 24/layout.MMPerPt
	}
	text := 0.0
	for _, l := range []struct {
		s  string
		st style.FontStyle
		hp int
	}{{b.Label, style.Bold, m.sizes.Small}, {b.Address, style.Regular, m.sizes.Small}, {b.Footer, style.Regular, m.sizes.Small}, {contactText(b.Contact), style.Regular, m.sizes.Small}, {b.Date + " · " + b.Doc, style.Bold, m.sizes.Small}, {b.Unofficial, style.Bold, m.sizes.Notice}} {
		if l.s != "" {
			text += m.paraH(l.s, l.st, l.hp, 1, col, 0, 2)
		}
	}
	const rule = 6 + 8 // the Rule paragraph: exactly 6 pt and 8 pt after
	m.add(rule+math.Max(qr, text), true, 0)
	return nil
}

// Cover is a page of its own.
func (m *measure) Cover(*doc.Cover) error {
	m.add(1, false, 0)
	m.newPage()
	return nil
}

// Contents is a heading and a line or more per entry.
func (m *measure) Contents(c *doc.Contents) error {
	m.add(m.paraH(c.Title, style.Bold, m.sizes.Heading1, 1, 0, 18, 8), true, 0)
	for _, e := range c.Entries {
		m.para(e.Title+" 00", style.Regular, m.sizes.Body, bodyLine, 11*(float64(e.Level)-1), 6, 3)
	}
	return nil
}

// PageBreak starts a new page before what follows, unless that is a
// heading that flows on (flowsOn).
func (m *measure) PageBreak(*doc.PageBreak) error {
	m.breakNext = true
	return nil
}

// separatorH is the height of a Separator paragraph (layouts/docx/styles.xml:
// 14 pt before, a 1 pt line, 10 pt after), in points.
const separatorH = 14 + 1 + 10

// Heading keeps its kicker, itself and two lines of what follows together.
func (m *measure) Heading(h *doc.Heading) error {
	if m.doc != nil && m.doc.Meta.Kind == statement.KindPack && h.Rec != nil {
		if !m.breakNext {
			m.add(separatorH, false, 0)
		}
	}
	if h.Level >= 2 || m.col != nil {
		m.column(false)
	}
	height := 0.0
	if h.Kicker != "" {
		height += m.paraH(h.Kicker, style.Bold, m.sizes.Kicker, bodyLine, 0, 6, 2)
	}
	if h.Level <= 1 {
		before := 18.0
		if h.Kicker != "" || m.h == 0 {
			before = 0
		}
		height += m.paraH(h.Text.Plain(), style.Bold, m.sizes.Heading1, 1, 0, before, 8)
	} else {
		height += m.paraH(h.Text.Plain(), style.Bold, m.sizes.Heading2, 1, 0, 10, 4)
	}
	m.add(height, true, 2*m.lineAt(style.Regular, m.sizes.Body, bodyLine))
	if h.Anchor != "" {
		m.anchors[h.Anchor] = m.page
	}
	return nil
}

// Paragraph measures a paragraph in its role's size and spacing.
func (m *measure) Paragraph(p *doc.Paragraph) error {
	m.column(false)
	switch p.Style {
	case doc.ParaLede:
		m.para(p.Text.Plain(), style.Regular, m.sizes.Lede, ledeLine, 0, 0, 10)
	case doc.ParaNote:
		m.para(p.Text.Plain(), style.Regular, m.sizes.Body, bodyLine, 14, 6, 10)
	case doc.ParaSmall:
		m.para(p.Text.Plain(), style.Regular, m.sizes.Small, 1, 0, 0, 2)
	default:
		m.para(p.Text.Plain(), style.Regular, m.sizes.Body, bodyLine, 0, 0, 6)
	}
	return nil
}

// List measures the bullets, indented.
func (m *measure) List(l *doc.List) error {
	m.column(false)
	for _, it := range l.Items {
		m.para(it.Plain(), style.Regular, m.sizes.Body, bodyLine, 17, 0, 3)
	}
	return nil
}

// Figures measures the title and the row of figures, kept together.
func (m *measure) Figures(f *doc.Figures) error {
	if len(f.Items) == 0 {
		return nil
	}
	if m.split {
		m.column(true)
		return m.figuresPanel(f)
	}
	title := 0.0
	if f.Title != "" {
		title = m.paraH(f.Title, style.Bold, m.sizes.Heading2, 1, 0, 10, 4)
	}
	col := m.width/float64(len(f.Items)) - 14
	tallest := 0
	for _, it := range f.Items {
		tallest = max(tallest, m.lines(it.Label.Plain(), style.Regular, m.sizes.Note, col))
	}
	src := 0.0
	if len(f.Source) > 0 {
		src = m.paraH(f.Source.Plain(), style.Regular, m.sizes.Small, 1, 0, 3, 2)
	}
	m.add(title+14+3+m.lineH(style.Bold, m.sizes.Figure)+float64(tallest)*m.lineH(style.Regular, m.sizes.Note)+3+src, true, 0)
	return nil
}

// contactText is the contact's line as builder.SourceBlock prints it; ""
// for none.
func contactText(c *doc.Contact) string {
	if c == nil {
		return ""
	}
	return c.Runs().Plain()
}

// figuresPanel measures a brief's figures panel as builder.figuresPanel
// sets it: padding, the accent bar, the title, and each value over its
// label.
func (m *measure) figuresPanel(f *doc.Figures) error {
	pad := float64(twips(panelPadMM)) / 20
	inner := m.width - 2*pad
	h := 2*pad + panelBar/8.0
	if f.Title != "" {
		h += m.paraH(f.Title, style.Bold, m.sizes.Heading2, 1, 2*pad, 0, 4)
	}
	fig := m.r.panelFigureSize(f, m.sizes.Figure, inner)
	for i, it := range f.Items {
		if i > 0 {
			h += figureGap / 20.0
		} else {
			h += 3 // FigureValue: 3 pt before
		}
		h += float64(m.lines(it.Value, style.Bold, fig, inner)) * m.lineH(style.Bold, fig)
		h += m.paraH(it.Label.Plain(), style.Regular, m.sizes.Note, 1, 2*pad, 0, 3)
	}
	if len(f.Source) > 0 {
		h += m.paraH(f.Source.Plain(), style.Regular, m.sizes.Small, 1, 2*pad, 0, 0)
	}
	m.add(h, true, 0)
	return nil
}

// PullQuote measures the quote and its speaker, kept together; in a
// brief's side column, at the size builder.PullQuote sets it there.
func (m *measure) PullQuote(q *doc.PullQuote) error {
	m.column(true)
	size, after := m.sizes.Quote, 10.0
	if m.split {
		after = 0 // last in the side column (builder.PullQuote)
		size = m.sizes.SideQuote
		if m.smallQuote {
			size = m.sizes.Note
		}
	}
	m.add(m.paraH(q.Text.Plain(), style.Italic, size, quoteLine, 11.35+2, 10, 3)+
		m.paraH(q.Speaker+", "+q.Role, style.Regular, m.sizes.Note, bodyLine, 11.35, 0, after), true, 0)
	return nil
}

// over returns by how much (mm) brief d is too long for one page at the
// sizes in data, ≤ 0 when it fits by estimate.
func (r *Renderer) over(d *doc.Doc, data tmplData, p page, smallQuote bool) float64 {
	m := r.newMeasure(data, p)
	m.split, m.smallQuote, m.doc = twoColumns(d), smallQuote, d
	if err := doc.Walk(d, m); err != nil {
		return math.Inf(1)
	}
	m.endColumns()
	// The estimate comes within some 2% of LibreOffice's layout, on the
	// long side: no further margin.
	return (m.sum - m.pageH) * layout.MMPerPt
}

// paginate estimates the page count of d and the page of each anchor, for
// the cached results of the NUMPAGES and PAGEREF fields (Word updates them).
func (r *Renderer) paginate(d *doc.Doc, p page) (int, map[string]int) {
	m := r.newMeasure(r.data, p)
	m.doc = d
	if err := doc.Walk(d, m); err != nil {
		return 1, m.anchors
	}
	return m.page, m.anchors
}

// minBody is the smallest body size a DOCX brief is set in, in points,
// whatever the layout's body_min: a brief a minister reads is not set
// smaller (issue 18, items 2 and 8).
const minBody = 9.5

// briefSet is how a brief is set: its sizes, and whether its quote is set
// one step down in the side column.
type briefSet struct {
	sizes      layout.Sizes
	smallQuote bool
}

// bodySize returns how brief d is set: the layout's shrink rule
// (layout.Shrink) over this package's estimate, from the layout's body
// size down to minBody at the least, or a *doc.OverflowError. At each
// size, a quote that makes the brief too long in the side column is first
// set one step smaller (the Note size), before the body shrinks.
func (r *Renderer) bodySize(d *doc.Doc, p page) (briefSet, error) {
	s := r.st.Layout.Sizes
	s.BodyMin = max(s.BodyMin, minBody)
	small := false
	sz, over, ok := layout.Shrink(s, func(sz layout.Sizes) float64 {
		data := r.sized(sz)
		o := r.over(d, data, p, false)
		small = false
		if o > 0 {
			if os := r.over(d, data, p, true); os < o {
				o, small = os, true
			}
		}
		return o
	})
	if !ok {
		rec := d.Rec()
		return briefSet{sizes: sz}, &doc.OverflowError{Rec: rec.Number, Title: d.BriefTitle(), Paper: d.Meta.Paper, Overflow: over, BodyMin: s.BodyMin, At: rec.Body}
	}
	return briefSet{sizes: sz, smallQuote: small}, nil
}

// sized returns the template data with the type sizes of sz.
func (r *Renderer) sized(sz layout.Sizes) tmplData {
	st := *r.st
	s := &st.Layout.Sizes
	s.Body, s.Lede, s.Figure, s.Quote = sz.Body, sz.Lede, sz.Figure, sz.Quote
	return newTmplData(&st)
}
