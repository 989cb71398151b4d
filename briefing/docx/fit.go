package docx

import (
	"errors"
	"math"
	"strings"

	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"

	"briefing/briefing"
)

// Word and LibreOffice lay out a DOCX themselves, so a one-page brief can
// only fit by estimate: measure walks the brief with the brand's font metrics,
// wraps every paragraph greedily at the text width and adds up line heights
// and paragraph spacing as the reference styles set them. Render shrinks the
// body size from Sizes.Body towards Sizes.BodyMin in steps of Sizes.BodyStep
// until the estimate fits the page.

// metrics are the widths of one font's characters and its line height, in
// ems, read once in New; kerning is left out, which errs on the long side.
type metrics struct {
	adv  [0x250]float32 // Basic Latin to Latin Extended-B
	avg  float64        // for other characters
	line float64        // ascent + descent: a single-spaced line
}

// fonts are the metrics of the brand's four font styles.
type fonts [4]*metrics

func parseFonts(st *briefing.Style) (fonts, error) {
	var fs fonts
	var buf sfnt.Buffer
	const ppem = 1000
	for i, b := range st.Fonts {
		f, err := sfnt.Parse(b)
		if err != nil {
			return fs, err
		}
		m := &metrics{line: 1.2, avg: 0.55}
		if fm, err := f.Metrics(&buf, fixed.I(ppem), font.HintingNone); err == nil {
			m.line = float64(fm.Ascent+fm.Descent) / 64 / ppem
		}
		sum, n := 0.0, 0
		for r := rune(0x20); r < rune(len(m.adv)); r++ {
			g, err := f.GlyphIndex(&buf, r)
			if err != nil || g == 0 {
				continue
			}
			a, err := f.GlyphAdvance(&buf, g, fixed.I(ppem), font.HintingNone)
			if err != nil {
				continue
			}
			m.adv[r] = float32(float64(a) / 64 / ppem)
			if r >= 'a' && r <= 'z' {
				sum += float64(m.adv[r])
				n++
			}
		}
		if n > 0 {
			m.avg = sum / float64(n)
		}
		fs[i] = m
	}
	return fs, nil
}

// width returns the width of s in ems.
func (m *metrics) width(s string) float64 {
	w := 0.0
	for _, r := range s {
		if r >= 0 && r < rune(len(m.adv)) && m.adv[r] > 0 {
			w += float64(m.adv[r])
		} else {
			w += m.avg
		}
	}
	return w
}

// measure is a briefing.Visitor that adds up the height of a brief, in
// points, at one body size.
type measure struct {
	r     *Renderer
	sizes tmplData // in half-points, as the styles are filled
	width float64  // text width, points
	pageH float64  // text height, points
	// sum is the height of everything; h the height on the current page.
	sum, h float64
	// page is the current page, from 1; anchors the page of each anchor.
	page    int
	anchors map[string]int
}

func (r *Renderer) newMeasure(data tmplData, p page) *measure {
	return &measure{r: r, sizes: data, width: float64(p.textWidth()) / 20, pageH: float64(p.H-p.Top-p.Bottom) / 20, page: 1, anchors: map[string]int{}}
}

// add places a block of height h. A block that may split flows on to the
// next page; one kept together (with reserve points of what follows) moves
// whole to the next page when it does not fit.
func (m *measure) add(h float64, keep bool, reserve float64) {
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

var _ briefing.Visitor = (*measure)(nil)

// lines returns how many lines text takes at width points.
func (m *measure) lines(text string, style briefing.FontStyle, halfPt int, width float64) int {
	f := m.r.fonts[style]
	em := float64(halfPt) / 2
	if width <= 0 {
		return 1
	}
	space := f.width(" ") * em
	n, x := 1, 0.0
	for _, w := range strings.Fields(text) {
		ww := f.width(w) * em
		switch {
		case x == 0:
			x = ww
		case x+space+ww <= width:
			x += space + ww
		default:
			n++
			x = ww
		}
	}
	return n
}

// lineH is the height of a single-spaced line of style at halfPt.
func (m *measure) lineH(style briefing.FontStyle, halfPt int) float64 {
	return float64(halfPt) / 2 * m.r.fonts[style].line
}

// paraH is the height of a paragraph: lines of text at halfPt with line
// spacing line (1 = single), and before and after spacing in points.
func (m *measure) paraH(text string, style briefing.FontStyle, halfPt int, line, indent, before, after float64) float64 {
	n := m.lines(text, style, halfPt, m.width-indent)
	return before + after + float64(n)*m.lineH(style, halfPt)*line
}

// para adds a paragraph that may split across pages.
func (m *measure) para(text string, style briefing.FontStyle, halfPt int, line, indent, before, after float64) {
	m.add(m.paraH(text, style, halfPt, line, indent, before, after), false, 0)
}

// Spacing as in layouts/docx/styles.xml, in points.
const (
	bodyLine  = 264.0 / 240
	ledeLine  = 252.0 / 240
	quoteLine = 252.0 / 240
)

// masthead measures the brief's band (or logo on white), statement and
// rule, as builder.masthead sets them.
func (m *measure) masthead(d *briefing.Doc) {
	logo, pad, lines := m.r.logo, 0.0, 1
	right := m.width*0.55 - 17
	if m.r.band.data != nil {
		logo, pad, lines = m.r.band, 8.5, 2
	}
	lines += m.lines(d.Meta.Statement, briefing.Bold, m.sizes.Note, right)
	logoH := 58 * 72 / 25.4 * float64(logo.h) / float64(logo.w)
	text := float64(lines) * m.lineH(briefing.Regular, m.sizes.Note)
	m.add(2*pad+math.Max(logoH, text)+1+8, true, 0) // with the rule or spacer
	if d.Meta.Unofficial != "" {
		m.para(d.Meta.Unofficial, briefing.Italic, m.sizes.Body, bodyLine, 14, 6, 10)
	}
}

// sourceBlock measures the brief's closing source lines and QR code.
func (m *measure) sourceBlock(d *briefing.Doc) {
	if d.Meta.SourceURL == "" {
		return
	}
	m.add(6+8+math.Max(20*72/25.4, 4*m.lineH(briefing.Regular, m.sizes.Small)+8), true, 0)
}

// Cover is a page of its own.
func (m *measure) Cover(*briefing.Cover) error {
	m.add(1, false, 0)
	m.newPage()
	return nil
}

// Contents is a heading and a line or more per entry.
func (m *measure) Contents(c *briefing.Contents) error {
	m.add(m.paraH("Contents", briefing.Bold, m.sizes.Heading1, 1, 0, 18, 8), true, 0)
	for _, e := range c.Entries {
		m.para(e.Title+" 00", briefing.Regular, m.sizes.Body, bodyLine, 11*(float64(e.Level)-1), 6, 3)
	}
	return nil
}

// PageBreak starts a new page.
func (m *measure) PageBreak(*briefing.PageBreak) error {
	m.newPage()
	return nil
}

// Heading keeps its kicker, itself and two lines of what follows together.
func (m *measure) Heading(h *briefing.Heading) error {
	height := 0.0
	if h.Kicker != "" {
		height += m.paraH(h.Kicker, briefing.Bold, m.sizes.Kicker, bodyLine, 0, 6, 2)
	}
	if h.Level <= 1 {
		before := 18.0
		if h.Kicker != "" || m.h == 0 {
			before = 0
		}
		height += m.paraH(h.Text.Plain(), briefing.Bold, m.sizes.Heading1, 1, 0, before, 8)
	} else {
		height += m.paraH(h.Text.Plain(), briefing.Bold, m.sizes.Heading2, 1, 0, 10, 4)
	}
	m.add(height, true, 2*m.lineH(briefing.Regular, m.sizes.Body)*bodyLine)
	if h.Anchor != "" {
		m.anchors[h.Anchor] = m.page
	}
	return nil
}

// Paragraph measures a paragraph in its role's size and spacing.
func (m *measure) Paragraph(p *briefing.Paragraph) error {
	switch p.Style {
	case briefing.ParaLede:
		m.para(p.Text.Plain(), briefing.Regular, m.sizes.Lede, ledeLine, 0, 0, 10)
	case briefing.ParaNote:
		m.para(p.Text.Plain(), briefing.Regular, m.sizes.Body, bodyLine, 14, 6, 10)
	case briefing.ParaSmall:
		m.para(p.Text.Plain(), briefing.Regular, m.sizes.Small, 1, 0, 0, 2)
	default:
		m.para(p.Text.Plain(), briefing.Regular, m.sizes.Body, bodyLine, 0, 0, 6)
	}
	return nil
}

// List measures the bullets, indented.
func (m *measure) List(l *briefing.List) error {
	for _, it := range l.Items {
		m.para(it.Plain(), briefing.Regular, m.sizes.Body, bodyLine, 17, 0, 3)
	}
	return nil
}

// Figures measures the title and the row of figures, kept together.
func (m *measure) Figures(f *briefing.Figures) error {
	if len(f.Items) == 0 {
		return nil
	}
	title := 0.0
	if f.Title != "" {
		title = m.paraH(f.Title, briefing.Bold, m.sizes.Heading2, 1, 0, 10, 4)
	}
	col := m.width/float64(len(f.Items)) - 14
	tallest := 0
	for _, it := range f.Items {
		tallest = max(tallest, m.lines(it.Label.Plain(), briefing.Regular, m.sizes.Note, col))
	}
	m.add(title+14+3+m.lineH(briefing.Bold, m.sizes.Figure)+float64(tallest)*m.lineH(briefing.Regular, m.sizes.Note)+3, true, 0)
	return nil
}

// PullQuote measures the quote and its speaker, kept together.
func (m *measure) PullQuote(q *briefing.PullQuote) error {
	m.add(m.paraH("“"+q.Text.Plain()+"”", briefing.Italic, m.sizes.Quote, quoteLine, 11.35+2, 10, 3)+
		m.paraH(q.Speaker+", "+q.Role, briefing.Regular, m.sizes.Note, bodyLine, 11.35, 0, 10), true, 0)
	return nil
}

// fits reports whether brief d fits one page at the sizes in data.
func (r *Renderer) fits(d *briefing.Doc, data tmplData, p page) bool {
	m := r.newMeasure(data, p)
	m.masthead(d)
	if err := briefing.Walk(d, m); err != nil {
		return false
	}
	m.sourceBlock(d)
	// The estimate comes within some 2% of LibreOffice's layout, on the
	// long side: no further margin.
	return m.sum <= m.pageH
}

// paginate estimates the page count of d and the page of each anchor, for
// the cached results of the NUMPAGES and PAGEREF fields (Word updates them).
func (r *Renderer) paginate(d *briefing.Doc, p page) (int, map[string]int) {
	m := r.newMeasure(r.data, p)
	if err := briefing.Walk(d, m); err != nil {
		return 1, m.anchors
	}
	return m.page, m.anchors
}

// ErrOverflow is returned (wrapped) by Render for a brief that does not fit
// one page even at the layout's smallest body size.
var ErrOverflow = errors.New("brief does not fit one page")

// bodySize returns the largest body size, in points, from Sizes.Body down
// to Sizes.BodyMin in steps of Sizes.BodyStep, at which brief d fits one
// page by estimate, or ErrOverflow.
func (r *Renderer) bodySize(d *briefing.Doc, p page) (float64, error) {
	s := r.st.Layout.Sizes
	step := s.BodyStep
	if step <= 0 {
		step = 0.5
	}
	for size := s.Body; ; size -= step {
		size = math.Max(size, s.BodyMin)
		if r.fits(d, r.sized(size), p) {
			return size, nil
		}
		if size <= s.BodyMin {
			return 0, &briefing.OverflowError{Rec: d.Meta.Rec, Title: briefTitle(d), Paper: d.Meta.Paper, BodyMin: s.BodyMin, Err: ErrOverflow}
		}
	}
}

// sized returns the template data with the body size set to size points.
func (r *Renderer) sized(size float64) tmplData {
	st := *r.st
	st.Layout.Sizes.Body = size
	return newTmplData(&st)
}

// briefTitle is the recommendation's title: the brief's first heading.
func briefTitle(d *briefing.Doc) string {
	for _, b := range d.Blocks {
		if h, ok := b.(*briefing.Heading); ok {
			return h.Text.Plain()
		}
	}
	return d.Meta.Title
}
