package docx

import (
	"math"
	"strings"

	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"

	"briefing/briefing"
)

// Word and LibreOffice lay out a DOCX themselves, so a one-page brief can
// only fit by estimate: measure walks the brief with the brand's fonts,
// wraps every paragraph greedily at the text width and adds up line heights
// and paragraph spacing as the reference styles set them. Render shrinks the
// body size from Sizes.Body towards Sizes.BodyMin in steps of Sizes.BodyStep
// until the estimate fits the page.

// fonts are the brand's parsed fonts, shared read-only; faces made from
// them are per measurement (faces are not safe for concurrent use).
type fonts [4]*opentype.Font

func parseFonts(st *briefing.Style) (fonts, error) {
	var f fonts
	for i, b := range st.Fonts {
		var err error
		if f[i], err = opentype.Parse(b); err != nil {
			return f, err
		}
	}
	return f, nil
}

// lineEm is the font's line height in ems (ascent + descent), the height
// of a single-spaced line.
func lineEm(f *opentype.Font) float64 {
	var b sfnt.Buffer
	m, err := f.Metrics(&b, fixed.I(1000), font.HintingNone)
	if err != nil {
		return 1.2
	}
	return float64(m.Ascent+m.Descent) / 64 / 1000
}

// measure is a briefing.Visitor that adds up the height of a brief, in
// points, at one body size.
type measure struct {
	r     *Renderer
	fonts fonts
	faces map[faceKey]font.Face
	sizes tmplData // in half-points, as the styles are filled
	width float64  // text width, points
	h     float64
}

type faceKey struct {
	style briefing.FontStyle
	size  int // half-points
}

var _ briefing.Visitor = (*measure)(nil)

func (m *measure) close() {
	for _, f := range m.faces {
		f.Close()
	}
}

func (m *measure) face(style briefing.FontStyle, halfPt int) font.Face {
	k := faceKey{style, halfPt}
	if f, ok := m.faces[k]; ok {
		return f
	}
	f, err := opentype.NewFace(m.fonts[style], &opentype.FaceOptions{Size: float64(halfPt) / 2, DPI: 72, Hinting: font.HintingNone})
	if err != nil {
		return nil
	}
	m.faces[k] = f
	return f
}

// lines returns how many lines text takes at width points.
func (m *measure) lines(text string, style briefing.FontStyle, halfPt int, width float64) int {
	f := m.face(style, halfPt)
	if f == nil || width <= 0 {
		return 1
	}
	space := float64(font.MeasureString(f, " ")) / 64
	n, x := 1, 0.0
	for _, w := range strings.Fields(text) {
		ww := float64(font.MeasureString(f, w)) / 64
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

// para adds a paragraph: lines of text at halfPt with line spacing line
// (1 = single), and before and after spacing in points.
func (m *measure) para(text string, style briefing.FontStyle, halfPt int, line, indent, before, after float64) {
	n := m.lines(text, style, halfPt, m.width-indent)
	m.h += before + after + float64(n)*float64(halfPt)/2*lineEm(m.fonts[style])*line
}

// Spacing as in layouts/docx/styles.xml, in points.
const (
	bodyLine  = 264.0 / 240
	ledeLine  = 252.0 / 240
	quoteLine = 252.0 / 240
)

func (m *measure) masthead(d *briefing.Doc) {
	logoH := 62 * 72 / 25.4 * float64(m.r.logo.h) / float64(m.r.logo.w)
	text := 2 * float64(m.sizes.Note) / 2 * lineEm(m.fonts[briefing.Regular])
	m.h += math.Max(logoH, text)
	m.h += 6 + 8 // rule
	if d.Meta.Unofficial != "" {
		m.para(d.Meta.Unofficial, briefing.Italic, m.sizes.Body, bodyLine, 14, 6, 10)
	}
}

func (m *measure) sourceBlock(d *briefing.Doc) {
	if d.Meta.SourceURL == "" {
		return
	}
	m.h += 6 + 8 // rule
	m.h += math.Max(20*72/25.4, 4*float64(m.sizes.Small)/2*lineEm(m.fonts[briefing.Regular])+8)
}

// Cover, Contents and PageBreak do not occur in a brief.
func (m *measure) Cover(*briefing.Cover) error         { return nil }
func (m *measure) Contents(*briefing.Contents) error   { return nil }
func (m *measure) PageBreak(*briefing.PageBreak) error { return nil }

func (m *measure) Heading(h *briefing.Heading) error {
	if h.Kicker != "" {
		m.para(h.Kicker, briefing.Bold, m.sizes.Kicker, bodyLine, 0, 6, 2)
	}
	if h.Level <= 1 {
		before := 18.0
		if h.Kicker != "" {
			before = 0
		}
		m.para(h.Text.Plain(), briefing.Bold, m.sizes.Heading1, 1, 0, before, 8)
		return nil
	}
	m.para(h.Text.Plain(), briefing.Bold, m.sizes.Heading2, 1, 0, 10, 4)
	return nil
}

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

func (m *measure) List(l *briefing.List) error {
	for _, it := range l.Items {
		m.para(it.Plain(), briefing.Regular, m.sizes.Body, bodyLine, 17, 0, 3)
	}
	return nil
}

func (m *measure) Figures(f *briefing.Figures) error {
	if len(f.Items) == 0 {
		return nil
	}
	if f.Title != "" {
		m.para(f.Title, briefing.Bold, m.sizes.Heading2, 1, 0, 10, 4)
	}
	col := m.width/float64(len(f.Items)) - 14
	tallest := 0
	for _, it := range f.Items {
		tallest = max(tallest, m.lines(it.Label.Plain(), briefing.Regular, m.sizes.Note, col))
	}
	m.h += 14 + 3 + float64(m.sizes.Figure)/2*lineEm(m.fonts[briefing.Bold]) +
		float64(tallest)*float64(m.sizes.Note)/2*lineEm(m.fonts[briefing.Regular]) + 3
	return nil
}

func (m *measure) PullQuote(q *briefing.PullQuote) error {
	m.para("“"+q.Text.Plain()+"”", briefing.Italic, m.sizes.Quote, quoteLine, 11.35+2, 10, 3)
	m.para(q.Speaker+", "+q.Role, briefing.Regular, m.sizes.Note, bodyLine, 11.35, 0, 10)
	return nil
}

// fits reports whether brief d fits one page at the sizes in data.
func (r *Renderer) fits(d *briefing.Doc, data tmplData, p page) bool {
	m := &measure{r: r, fonts: r.fonts, faces: map[faceKey]font.Face{}, sizes: data, width: float64(p.textWidth()) / 20}
	defer m.close()
	m.masthead(d)
	if err := briefing.Walk(d, m); err != nil {
		return false
	}
	m.sourceBlock(d)
	// The estimate runs some 4% over LibreOffice's layout: no further margin.
	return m.h <= float64(p.H-p.Top-p.Bottom)/20
}

// bodySize returns the largest body size, in points, from Sizes.Body down
// to Sizes.BodyMin in steps of Sizes.BodyStep, at which brief d fits one
// page by estimate; BodyMin when none does.
func (r *Renderer) bodySize(d *briefing.Doc, p page) float64 {
	s := r.st.Layout.Sizes
	step := s.BodyStep
	if step <= 0 {
		step = 0.5
	}
	size := s.Body
	for ; size > s.BodyMin; size -= step {
		if r.fits(d, r.sized(size), p) {
			return size
		}
	}
	return math.Max(s.BodyMin, math.Min(size, s.Body))
}

// sized returns the template data with the body size set to size points.
func (r *Renderer) sized(size float64) tmplData {
	st := *r.st
	st.Layout.Sizes.Body = size
	return newTmplData(&st)
}
