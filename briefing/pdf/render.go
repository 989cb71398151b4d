package pdf

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"sync"
	"time"

	"codeberg.org/go-pdf/fpdf"

	"briefing/briefing"
	"briefing/briefing/pdf/finish"
)

// Renderer renders Docs to PDF with one Style. It is made once per process
// and is safe for concurrent use: it is read-only after New.
type Renderer struct {
	st *briefing.Style
	// fonts are the brand fonts, share gives fpdf its stub font and fin
	// is the finishing pass.
	fonts *fontSet
	share *fontShare
	fin   *finish.Finisher
	col   palette
	// bufs keeps fpdf's output buffers for reuse.
	bufs sync.Pool // *bytes.Buffer
	// qrs caches QR codes by text: documents of one statement share one.
	qrs sync.Map // string → *qrCode
}

// Info describes a rendered document.
type Info struct {
	// Pages is the number of pages written.
	Pages int
}

// OverflowError is returned for a brief that does not fit one page even at
// the layout's smallest body size: see briefing.OverflowError.
type OverflowError = briefing.OverflowError

type rgb struct{ r, g, b int }

type palette struct {
	primary, accent, text, muted, light, white, rule rgb
}

// New makes a Renderer for st: it checks the colours and parses the fonts.
func New(st *briefing.Style) (*Renderer, error) {
	return newRenderer(st, false)
}

// newRenderer is New; with public set, documents get their fonts through
// fpdf's public API only (see share.go).
func newRenderer(st *briefing.Style, public bool) (*Renderer, error) {
	if st == nil {
		return nil, fmt.Errorf("pdf: no style")
	}
	r := &Renderer{st: st}
	c := st.Brand.Colors
	for _, x := range []struct {
		name string
		c    briefing.Color
		dst  *rgb
	}{{"primary", c.Primary, &r.col.primary}, {"accent", c.Accent, &r.col.accent}, {"text", c.Text, &r.col.text}, {"muted", c.Muted, &r.col.muted}, {"light", c.Light, &r.col.light}} {
		cr, cg, cb, err := x.c.RGB()
		if err != nil {
			return nil, fmt.Errorf("pdf: colour %s: %w", x.name, err)
		}
		*x.dst = rgb{cr, cg, cb}
	}
	r.col.white = rgb{255, 255, 255}
	r.col.rule = mix(r.col.light, r.col.muted, 0.25)
	s := st.Layout.Sizes
	if s.Body <= 0 || s.BodyMin <= 0 || s.BodyMin > s.Body || s.BodyStep <= 0 {
		return nil, fmt.Errorf("pdf: layout sizes: want 0 < body_min ≤ body and body_step > 0, got body %g, body_min %g, body_step %g", s.Body, s.BodyMin, s.BodyStep)
	}
	var names [4]string
	for i := range names {
		names[i] = postScriptName(st, briefing.FontStyle(i))
	}
	fs, err := newFontSet(st.Fonts, names)
	if err != nil {
		return nil, err
	}
	stub, err := stubFont(st.Fonts[briefing.Regular])
	if err != nil {
		return nil, err
	}
	r.fonts = fs
	r.share = newFontShare(stub, public)
	r.fin = finish.New()
	return r, nil
}

func mix(a, b rgb, t float64) rgb {
	m := func(x, y int) int { return int(float64(x)*(1-t) + float64(y)*t + 0.5) }
	return rgb{m(a.r, b.r), m(a.g, b.g), m(a.b, b.b)}
}

// Render writes d as a PDF to w.
func (r *Renderer) Render(w io.Writer, d *briefing.Doc) (Info, error) {
	fs := r.fonts
	var (
		p   *page
		err error
	)
	switch d.Meta.Kind {
	case briefing.KindBrief:
		p, err = r.brief(d, fs)
	case briefing.KindPack:
		p, err = r.pack(d, fs)
	default:
		return Info{}, fmt.Errorf("pdf: unknown document kind %q", d.Meta.Kind)
	}
	if err != nil {
		return Info{}, err
	}
	r.share.prune(p.f)
	buf, _ := r.bufs.Get().(*bytes.Buffer)
	if buf == nil {
		buf = new(bytes.Buffer)
	}
	buf.Reset()
	defer r.bufs.Put(buf)
	if err := p.f.Output(buf); err != nil {
		return Info{}, fmt.Errorf("pdf: %w", err)
	}
	err = r.fin.Finish(w, buf.Bytes(), finish.Options{
		Lang:            d.Meta.Lang,
		DisplayDocTitle: true,
		Fonts:           p.embedFonts(),
		ObjectStreams:   true,
	})
	if err != nil {
		return Info{}, err
	}
	return Info{Pages: p.f.PageNo()}, nil
}

// postScriptName is the PostScript name of style i of st's fonts; for a
// font without one, the family's name without spaces and the style.
func postScriptName(st *briefing.Style, i briefing.FontStyle) string {
	if n := st.PostScriptNames[i]; n != "" {
		return n
	}
	fam := strings.ReplaceAll(st.Brand.Fonts.Family, " ", "")
	if fam == "" {
		fam = "Brand"
	}
	return fam + "-" + [4]string{"Regular", "Bold", "Italic", "BoldItalic"}[i]
}

// page is the state of one document being drawn.
type page struct {
	r     *Renderer
	fonts *fontSet
	f     *fpdf.Fpdf
	m     *briefing.Meta
	col   *palette
	// w, h are the paper size and ml, mr, mt, mb the margins, in mm.
	w, h           float64
	ml, mr, mt, mb float64
	sz             sizes
	// used records the font styles text was set in, runes the runes set
	// in each and fontRes their names in the /Font resources.
	used    [4]bool
	runes   [4]runeSet
	fontRes [4]string
}

// sizes are the type sizes in points one layout pass uses.
type sizes struct {
	body, lede, title, h1, h2, figure, quote, small float64
}

func (r *Renderer) sizesAt(body float64) sizes {
	s := r.st.Layout.Sizes
	k := body / s.Body
	return sizes{body: body, lede: s.Lede * k, title: s.Title, h1: s.Heading1, h2: s.Heading2, figure: s.Figure * (0.5 + k/2), quote: s.Quote * k, small: s.Small}
}

// newPage starts a document for d's metadata; dry documents are only
// measured, never written.
func (r *Renderer) newPage(m *briefing.Meta, fs *fontSet) *page {
	pw, ph := m.Paper.Size()
	f := fpdf.NewCustom(&fpdf.InitType{OrientationStr: "P", UnitStr: "mm", Size: fpdf.SizeType{Wd: pw, Ht: ph}})
	f.SetCatalogSort(true)
	// The finishing pass compresses the pages' content, with reused writers.
	f.SetCompression(false)
	date := m.Date
	if date.IsZero() {
		date = time.Unix(0, 0)
	}
	f.SetCreationDate(date.UTC())
	f.SetModificationDate(date.UTC())
	f.SetTitle(m.Title, true)
	f.SetAuthor(m.Author, true)
	f.SetSubject(m.Subject, true)
	f.SetKeywords(strings.Join(m.Keywords, ", "), true)
	f.SetCreator(m.Creator, true)
	f.SetProducer("briefing (fpdf)", true)
	f.SetLang(m.Lang)
	f.SetAutoPageBreak(false, 0)
	f.SetMargins(0, 0, 0)
	f.SetDisplayMode("fullpage", "single")
	r.share.install(f)
	mg := r.st.Layout.Margins
	p := &page{r: r, fonts: fs, f: f, m: m, col: &r.col, w: pw, h: ph, ml: mg.Left, mr: mg.Right, mt: mg.Top, mb: mg.Bottom, sz: r.sizesAt(r.st.Layout.Sizes.Body)}
	for i := range p.fontRes {
		p.fontRes[i] = r.share.resource(i)
	}
	return p
}

func (p *page) font(st briefing.FontStyle, pt float64) {
	if !p.used[st] {
		p.r.share.use(p.f, int(st))
		p.used[st] = true
	}
	p.f.SetFont(family, fpdfStyles[st], pt)
}

func (p *page) fill(c rgb)   { p.f.SetFillColor(c.r, c.g, c.b) }
func (p *page) stroke(c rgb) { p.f.SetDrawColor(c.r, c.g, c.b) }
func (p *page) ink(c rgb)    { p.f.SetTextColor(c.r, c.g, c.b) }

// lh is the line height in mm for size pt with leading k.
func lh(pt, k float64) float64 { return pt * k * mmPerPt }

// text draws s at x with its line box's top at y.
func (p *page) text(s string, st briefing.FontStyle, pt float64, c rgb, x, top, lineH float64) {
	p.font(st, pt)
	p.runes[st].add(s)
	p.ink(c)
	p.f.Text(x, baseline(top, lineH, pt), s)
}

// baseline centres the cap height of size pt in a line box.
func baseline(top, lineH, pt float64) float64 {
	return top + lineH/2 + 0.357*pt*mmPerPt
}

// align is a line alignment.
type align int

const (
	left align = iota
	right
	center
)

// lines draws laid-out lines from top y, lineH apart, and returns the
// height used. Links are drawn in the primary colour and clickable.
func (p *page) lines(ls []line, x, y, w, pt, lineH float64, c rgb, a align) float64 {
	for i, l := range ls {
		top := y + float64(i)*lineH
		lx := x
		switch a {
		case right:
			lx = x + w - l.w
		case center:
			lx = x + (w-l.w)/2
		}
		for _, s := range l.spans {
			col := c
			if s.link != "" {
				col = p.col.primary
			}
			p.text(s.text, s.style, pt, col, lx+s.x, top, lineH)
			if s.link != "" {
				tw := strings.TrimRight(s.text, " ")
				ww := p.fonts.width(tw, s.style, pt)
				by := baseline(top, lineH, pt) + 0.12*pt*mmPerPt
				p.stroke(p.col.accent)
				p.f.SetLineWidth(0.2)
				p.f.Line(lx+s.x, by, lx+s.x+ww, by)
				p.f.LinkString(lx+s.x, top, ww, lineH, s.link)
			}
		}
	}
	return float64(len(ls)) * lineH
}
