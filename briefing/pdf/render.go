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
	"briefing/briefing/layout"
)

// Renderer renders Docs to PDF with one Style. It is made once per process
// and is safe for concurrent use: it is read-only after New.
type Renderer struct {
	st *briefing.Style
	// latin are the fonts cut down to Latin scripts, used for documents
	// that print nothing else; full are the whole fonts, parsed on first
	// need.
	latin    *fontSet
	full     *fontSet
	fullErr  error
	fullOnce sync.Once
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

// New makes a Renderer for st: it checks the colours and sizes and hands
// the fonts to fpdf.
func New(st *briefing.Style) (*Renderer, error) {
	if st == nil {
		return nil, fmt.Errorf("pdf: no style")
	}
	c := st.Brand.Colors
	for _, x := range []struct {
		name string
		c    briefing.Color
	}{{"primary", c.Primary}, {"accent", c.Accent}, {"text", c.Text}, {"muted", c.Muted}, {"light", c.Light}} {
		if _, _, _, err := x.c.RGB(); err != nil {
			return nil, fmt.Errorf("pdf: colour %s: %w", x.name, err)
		}
	}
	s := st.Layout.Sizes
	if s.Body <= 0 || s.BodyMin <= 0 || s.BodyMin > s.Body || s.BodyStep <= 0 {
		return nil, fmt.Errorf("pdf: layout sizes: want 0 < body_min ≤ body and body_step > 0, got body %g, body_min %g, body_step %g", s.Body, s.BodyMin, s.BodyStep)
	}
	if st.Type == nil {
		return nil, fmt.Errorf("pdf: the style has no parsed fonts (make it with briefing.LoadStyle)")
	}
	fs, err := newFontSet(st.Fonts, true)
	if err != nil {
		return nil, err
	}
	return &Renderer{st: st, latin: fs}, nil
}

// Render lays d out and writes it as a PDF to w.
func (r *Renderer) Render(w io.Writer, d *briefing.Doc) (Info, error) {
	ld, err := layout.Lay(d, r.st)
	if err != nil {
		return Info{}, err
	}
	return r.Write(w, d, ld)
}

// Write writes ld, the layout of d, as a PDF to w.
func (r *Renderer) Write(w io.Writer, d *briefing.Doc, ld *layout.Document) (Info, error) {
	fs := r.latin
	if !latinOnly(ld) {
		r.fullOnce.Do(func() { r.full, r.fullErr = newFontSet(r.st.Fonts, false) })
		if r.fullErr != nil {
			return Info{}, r.fullErr
		}
		fs = r.full
	}
	p := r.newPage(&d.Meta, ld, fs)
	p.draw(ld)
	if err := p.f.Error(); err != nil {
		return Info{}, fmt.Errorf("pdf: %w", err)
	}
	p.fonts.prune(p.f, p.used)
	var buf bytes.Buffer
	buf.Grow(64 << 10)
	if err := p.f.Output(&buf); err != nil {
		return Info{}, fmt.Errorf("pdf: %w", err)
	}
	if _, err := w.Write(subsetTag(buf.Bytes())); err != nil {
		return Info{}, err
	}
	return Info{Pages: p.f.PageNo()}, nil
}

// page is the state of one document being drawn.
type page struct {
	r     *Renderer
	fonts *fontSet
	f     *fpdf.Fpdf
	// used records the font styles text was set in.
	used [4]bool
}

// newPage starts a document for d's metadata at ld's page size.
func (r *Renderer) newPage(m *briefing.Meta, ld *layout.Document, fs *fontSet) *page {
	f := fpdf.NewCustom(&fpdf.InitType{OrientationStr: "P", UnitStr: "mm", Size: fpdf.SizeType{Wd: ld.W, Ht: ld.H}})
	f.SetCatalogSort(true)
	f.SetCompression(true)
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
	fs.install(f)
	return &page{r: r, fonts: fs, f: f}
}

func (p *page) font(st briefing.FontStyle, pt float64) {
	p.used[st] = true
	p.f.SetFont(family, fpdfStyles[st], pt)
}
