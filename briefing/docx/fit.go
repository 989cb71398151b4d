package docx

import (
	"context"
	"math"

	"briefing/briefing/doc"
	"briefing/briefing/font"
	"briefing/briefing/layout"
	"briefing/briefing/statement"
)

// Word and LibreOffice lay out a DOCX themselves, so a one-page brief can
// only fit by estimate: measure walks the brief with the brand's font
// metrics, wraps every paragraph greedily at the width it is set in and
// adds up the leading and spacing of the layout's metrics (the values
// styles.xml is filled with) and the layout's geometry (layout.Geometry:
// the side column, the panel, the quote, the QR code). A brief is a
// masthead and a title across the page, then two columns side by side
// (the main text; the key figures panel and the quote), so the page is as
// tall as the taller column, then the source block. The body is never
// shrunk: a brief is set as the PDF's was when that fits by estimate
// (fit), else by the PDF's rule estimated for Word (search): a brief too
// long at the layout's body size sets its side-column quote one step
// smaller on the type scale, and past that is a *doc.OverflowError.

// measure is a doc.Visitor that adds up the height of a document, in
// points.
type measure struct {
	r *Renderer
	m layout.Metrics
	g layout.Geometry
	// width is the width being set, points: the text's or a column's.
	width float64
	pageH float64 // text height, points
	// text is the text width, main and side a brief's column widths, in
	// points.
	text, main, side float64
	// col is the height of the brief's column being set, nil outside the
	// columns; mainH and sideH are the columns' heights.
	col          *float64
	mainH, sideH float64
	split        bool
	// set is how a brief is set: its quote's size, its side column's
	// width, whether its key figures span the page.
	set briefSet
	// doc is the Doc measured; breakNext a page break not yet taken.
	doc       *doc.Doc
	breakNext bool
	// sum is the height of everything; h the height on the current page.
	sum, h float64
	// page is the current page, from 1; anchors the page of each anchor.
	page    int
	anchors map[string]int
}

// newMeasure starts a measure of d on page p, set as set says.
func (r *Renderer) newMeasure(d *doc.Doc, p page, set briefSet) *measure {
	mainW, sideW, _ := r.columnWidths(p.textWidth(), set.frac)
	tw := float64(p.textWidth()) / 20
	return &measure{r: r, m: r.m, g: r.geo, doc: d, width: tw, pageH: p.textHeight(), page: 1, anchors: map[string]int{},
		text: tw, main: float64(mainW) / 20, side: float64(sideW) / 20, split: twoColumns(d), set: set}
}

// pt converts mm to points.
func pt(mm float64) float64 { return mm / layout.MMPerPt }

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

// lines returns how many lines text takes in metric mt at width points,
// broken as the layout breaks lines (package font).
func (m *measure) lines(text string, mt layout.Metric, width float64) int {
	if width <= 0 || text == "" {
		return 1
	}
	t := m.r.st.Type.Prepare([]font.Piece{{Text: text, Style: mt.Style}})
	return max(1, len(t.Wrap(mt.Size, width)))
}

// textH is the height of text's lines in metric mt at width points, its
// indent and wrapSlack taken off.
func (m *measure) textH(text string, mt layout.Metric, width float64) float64 {
	return float64(m.lines(text, mt, width-mt.Indent-wrapSlack)) * mt.Leading
}

// wrapSlack is how much narrower than its measure the estimate wraps a
// paragraph, in points: Word and LibreOffice position glyphs on their own
// grid and fill a line a little less than the font's advances say, so a
// long paragraph of theirs may take a line more than an exact wrap.
const wrapSlack = 2.0

// paraH is the height of a paragraph of text in metric mt at the width
// being set, with its space before and after.
func (m *measure) paraH(text string, mt layout.Metric) float64 {
	return mt.Before + m.textH(text, mt, m.width) + mt.After
}

// role returns role's metric.
func (m *measure) role(r layout.TextRole) layout.Metric { return m.m[r] }

// Masthead measures the brief's band (or logo on white) with the
// statement, as builder.Masthead sets it.
func (m *measure) Masthead(h *doc.Masthead) error {
	pad, under := bandPad, spacerH
	if h.Wordmark.Logo {
		pad, under = 0, ruleH
	}
	_, markW, markH, err := m.r.markFor(h.Wordmark, !h.Wordmark.Logo, m.g.BriefMark)
	if err != nil {
		return err
	}
	right := m.text - pt(markW) - 2*pad
	text := m.role(layout.TextBandLabel).Leading + m.textH(h.Statement, m.role(layout.TextBandTitle), right)
	if h.Line != "" {
		text += m.textH(h.Line, m.role(layout.TextBandLine), right)
	}
	m.add(math.Max(pt(markH), 2*pad+text)+under, true, 0)
	return nil
}

// SourceBlock measures the rule and the source lines beside the QR code,
// as builder.SourceBlock sets them (Source paragraphs in a table cell).
func (m *measure) SourceBlock(b *doc.SourceBlock) error {
	m.endColumns()
	qr, w := 0.0, m.text
	if b.URL != "" {
		qr = pt(m.g.QR)
		w -= pt(m.g.QR + qrGap)
	}
	src := m.role(layout.TextSource)
	text := 0.0
	for _, l := range []string{b.Label, b.Address, b.Footer, contactText(b.Contact), b.Date + " · " + b.Doc} {
		if l != "" {
			text += m.textH(l, src, w)
		}
	}
	if b.Unofficial != "" {
		text += m.textH(b.Unofficial, m.role(layout.TextUnofficial), w)
	}
	if m.doc.Meta.Kind == statement.KindPack && m.page == 1 {
		return nil // the cover's, on the cover page
	}
	m.add(ruleH+math.Max(qr, text), true, 0)
	return nil
}

// ruleH is the height a rule takes with the space under it (a Rule
// paragraph, layouts/docx/styles.xml: exactly 2 pt and 8 pt after; or a
// table's border with that space, builder.Masthead and SourceBlock) and
// spacerH the space under a band (builder.Masthead, as the 1 pt Spacer
// paragraph with 8 pt after that it was), in points.
const (
	ruleH   = 2.0 + 8
	spacerH = 1.0 + 8
)

// Cover is the first page, with the contents: the pages that follow start
// after the PageBreak the contents end with.
func (m *measure) Cover(*doc.Cover) error {
	m.add(1, false, 0)
	return nil
}

// Contents are on the cover page.
func (m *measure) Contents(*doc.Contents) error { return nil }

// PageBreak starts a new page before what follows.
func (m *measure) PageBreak(*doc.PageBreak) error {
	m.breakNext = true
	return nil
}

// separatorLine is the space a pack recommendation's hairline adds above
// the title's space (it was the line of a paragraph of its own) and
// separatorRule the hairline's width, in points (builder.separator).
const (
	separatorLine = 1.0
	separatorRule = 0.5
)

// separatorH is the height the hairline above a pack's recommendation
// adds (builder.separator): a title's space, the line, the rule, a body
// gap, in points.
func (m *measure) separatorH() float64 {
	return m.role(layout.TextTitle).Before + separatorLine + separatorRule + m.role(layout.TextBody).Before
}

// Heading keeps its separator (a pack's recommendation), its kicker,
// itself and two lines of what follows together, as Word's keepNext does.
func (m *measure) Heading(h *doc.Heading) error {
	height := 0.0
	if m.doc.Meta.Kind == statement.KindPack && h.Rec != nil && !m.breakNext {
		height += m.separatorH()
	}
	if h.Level >= 2 || m.col != nil {
		m.column(false)
	}
	t := m.role(layout.TextTitle)
	if h.Level >= 2 {
		t = m.role(layout.TextH2)
	}
	if h.Kicker != "" {
		height += m.paraH(h.Kicker, m.role(layout.TextKicker))
		t.Before = 0
	}
	if m.col != nil && m.mainH == 0 {
		t.Before = 0 // first in its cell
	}
	if m.doc.Meta.Kind == statement.KindBrief && h.Level <= 1 {
		t.After = pt(m.g.TitleGap)
	}
	height += m.paraH(h.Text.Plain(), t)
	m.add(height, true, 2*m.role(layout.TextBody).Leading)
	if h.Anchor != "" {
		m.anchors[h.Anchor] = m.page
	}
	return nil
}

// paraRole is the text role of a paragraph style.
var paraRole = [...]layout.TextRole{
	doc.ParaBody:  layout.TextBody,
	doc.ParaLede:  layout.TextLede,
	doc.ParaNote:  layout.TextNote,
	doc.ParaSmall: layout.TextSmall,
}

// flow adds a paragraph in metric mt that may split across pages; the
// first in a brief's column has no space before, the others the layout's
// BriefGap (builder.flow).
func (m *measure) flow(text string, mt layout.Metric) {
	if m.col != nil {
		mt.Before = m.g.BriefGap * m.role(layout.TextBody).Leading
		if *m.col == 0 {
			mt.Before = 0
		}
	}
	m.add(m.paraH(text, mt), false, 0)
}

// Paragraph measures a paragraph in its role's metric.
func (m *measure) Paragraph(p *doc.Paragraph) error {
	m.column(false)
	r := layout.TextBody
	if int(p.Style) < len(paraRole) {
		r = paraRole[p.Style]
	}
	if m.set.lede && m.col != nil && m.mainH == 0 && p.Style == doc.ParaBody {
		r = layout.TextLede // the first paragraph, set as the PDF's lede
	}
	mt := m.role(r)
	if p.Style == doc.ParaNote {
		mt.After += mt.Before // the shaded box's padding
	}
	m.flow(p.Text.Plain(), mt)
	return nil
}

// List measures the bullets, indented.
func (m *measure) List(l *doc.List) error {
	m.column(false)
	for _, it := range l.Items {
		m.flow(it.Plain(), m.role(layout.TextListItem))
	}
	return nil
}

// Figures measures the title and the row of figures, kept together.
func (m *measure) Figures(f *doc.Figures) error {
	if len(f.Items) == 0 {
		return nil
	}
	if m.split && !m.set.span {
		m.column(true)
		return m.figuresPanel(f)
	}
	if m.set.span {
		// Across the page above the columns, the layout's SideGap under.
		col, w := m.col, m.width
		m.col, m.width = nil, m.text
		defer func() { m.col, m.width = col, w }()
		defer m.add(pt(m.g.SideGap), false, 0)
	}
	pad := pt(m.g.SidePad)
	h := 2*pad + pt(m.g.PanelBar)
	if !m.set.span {
		h += spacerH - 8 + m.role(layout.TextFigure).Before // the Spacer above
	}
	if f.Title != "" {
		h += m.role(layout.TextLabel).Leading + pt(labelGap)
	}
	col := m.width/float64(len(f.Items)) - 2*pad
	fm := m.role(layout.TextFigure)
	fm = fm.At(m.r.panelFigureSize(f, col))
	lm := m.role(layout.TextFigureLabel)
	tallest := 0.0
	for _, it := range f.Items {
		tallest = max(tallest, m.textH(it.Value, fm, col)+m.textH(it.Label.Plain(), lm, col))
	}
	h += tallest
	if len(f.Source) > 0 {
		h += pt(labelGap) + m.textH(f.Source.Plain(), m.role(layout.TextFigureSource), m.width-2*pad)
	}
	m.add(h, true, 0)
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
	pad := pt(m.g.SidePad)
	inner := m.width - 2*pad
	h := 2*pad + pt(m.g.PanelBar)
	if f.Title != "" {
		h += m.role(layout.TextLabel).Leading + pt(labelGap)
	}
	fm := m.role(layout.TextFigure)
	fm = fm.At(m.r.panelFigureSize(f, inner))
	lm := m.role(layout.TextFigureLabel)
	for i, it := range f.Items {
		if i > 0 {
			h += pt(m.g.FigureGap)
		}
		h += m.textH(it.Value, fm, inner) + m.textH(it.Label.Plain(), lm, inner)
	}
	if len(f.Source) > 0 {
		h += pt(labelGap) + m.textH(f.Source.Plain(), m.role(layout.TextFigureSource), inner)
	}
	m.add(h, true, 0)
	return nil
}

// PullQuote measures the quote and its speaker, kept together; in a
// brief's side column, at the size builder.PullQuote sets it there.
func (m *measure) PullQuote(q *doc.PullQuote) error {
	m.column(true)
	qm, sm := m.role(layout.TextQuote), m.role(layout.TextSpeakerRole)
	if m.split {
		qm.Before = 0
		if m.sideH > 0 {
			qm.Before = pt(m.g.SideGap)
		}
		if q := m.set.quote; q > 0 {
			qm = qm.At(q)
		}
	}
	sm.Before = m.role(layout.TextSpeaker).Before
	m.add(m.paraH(q.Text.Plain(), qm)+m.paraH(q.Speaker+", "+q.Role, sm), true, 0)
	return nil
}

// over returns by how much (mm) brief d is too long for one page set
// as set says, ≤ 0 when it fits by estimate.
func (r *Renderer) over(ctx context.Context, d *doc.Doc, p page, set briefSet) float64 {
	m := r.newMeasure(d, p, set)
	if err := walk(ctx, d, m); err != nil {
		return math.Inf(1)
	}
	m.endColumns()
	return (m.sum-m.pageH)*layout.MMPerPt + fitMargin
}

// fitMargin is the room, in mm, a brief keeps free by estimate: Word and
// LibreOffice round table rows, spacing and line positions their own way,
// which adds up to a few points over a page.
const fitMargin = 2.0

// paginate estimates the page count of d and the page of each anchor, for
// the cached results of the NUMPAGES and PAGEREF fields (Word updates them).
func (r *Renderer) paginate(ctx context.Context, d *doc.Doc, p page) (int, map[string]int) {
	m := r.newMeasure(d, p, briefSet{frac: r.geo.SideFrac})
	if err := walk(ctx, d, m); err != nil {
		return 1, m.anchors
	}
	return m.page, m.anchors
}

// briefSet is how a brief is set: its side-column quote's size in
// points (0 for the Quote style's), the side column's share of the text
// width, whether the key figures span the page above the columns, and
// whether the first paragraph is set as a lede.
type briefSet struct {
	quote      float64
	frac       float64
	span, lede bool
}

// fit returns how brief d is set. It follows the PDF's choices
// (layout.Paged.Brief: the side column's share, the spanning key figures,
// the lede, the quote's size), so that the PDF and the DOCX of a brief
// look alike, when the page holds them in Word's layout by estimate (over).
// Word's line heights and line breaks are not the layout's (its own
// leading for the font, its own glyph positions, rounded table rows), so a
// brief the PDF just fits may not fit in Word: then it falls back to
// search, which tries the same options in the same order for Word.
func (r *Renderer) fit(ctx context.Context, d *doc.Doc, p page) (briefSet, error) {
	if set, ok := r.followPDF(ctx, d); ok && r.over(ctx, d, p, set) <= 0 {
		return set, nil
	}
	set, err := r.search(ctx, d, p)
	if ctx.Err() != nil {
		return briefSet{}, ctx.Err()
	}
	return set, err
}

// walk is doc.Walk that stops before the next block, with ctx's error,
// when ctx is done.
func walk(ctx context.Context, d *doc.Doc, v doc.Visitor) error {
	for _, b := range d.Blocks {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := b.Accept(v); err != nil {
			return err
		}
	}
	return nil
}

// followPDF returns how the layout set brief d (layout.Paged.Brief), as a
// briefSet; false when the layout does not set it (it overflows the PDF's
// page, or has no brief's choices).
func (r *Renderer) followPDF(ctx context.Context, d *doc.Doc) (briefSet, bool) {
	pd, err := r.ts.LayContext(ctx, d)
	if err != nil || pd == nil || pd.Brief == nil {
		return briefSet{}, false
	}
	c := pd.Brief
	set := briefSet{quote: c.Quote, frac: c.Side, span: c.Span, lede: c.Lede}
	if set.frac <= 0 {
		set.frac = r.geo.SideFrac
	}
	return set, true
}

// search returns how brief d is set, by the PDF's rule (layout's choose)
// estimated in Word's layout: the body always at the layout's body size;
// the quote at its size, then one step smaller on the scale; at each, the
// side column a third of the width (SideFrac), then narrower
// (SideNarrow); at each, the key figures in the side column, then
// spanning the page above the columns with the quote beside the main
// text. The first that fits by estimate wins; none is a
// *doc.OverflowError.
func (r *Renderer) search(ctx context.Context, d *doc.Doc, p page) (briefSet, error) {
	over := math.Inf(1)
	quote, figures := hasQuote(d), hasFigures(d)
	q := r.m[layout.TextQuote].Size
	for _, small := range []bool{false, true} {
		if small && !quote {
			break
		}
		size := q
		if small {
			size = r.sc.Below(q)
		}
		for _, frac := range []float64{r.geo.SideFrac, r.geo.SideNarrow} {
			for _, span := range []bool{false, true} {
				if span && !(quote && figures) {
					break
				}
				set := briefSet{quote: size, frac: frac, span: span}
				o := r.over(ctx, d, p, set)
				if o <= 0 {
					return set, nil
				}
				over = min(over, o)
			}
		}
	}
	rec := d.Rec()
	return briefSet{}, &doc.OverflowError{Rec: rec.Number, Title: d.BriefTitle(), Paper: d.Meta.Paper, Overflow: over, At: rec.Body}
}

// hasFigures reports whether d has key figures.
func hasFigures(d *doc.Doc) bool {
	for _, b := range d.Blocks {
		if f, ok := b.(*doc.Figures); ok && len(f.Items) > 0 {
			return true
		}
	}
	return false
}

// hasQuote reports whether d has a pull quote.
func hasQuote(d *doc.Doc) bool {
	for _, b := range d.Blocks {
		if _, ok := b.(*doc.PullQuote); ok {
			return true
		}
	}
	return false
}
