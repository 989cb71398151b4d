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
	"briefing/briefing/pdf/finish"
)

// Renderer renders Docs to PDF with one Style. It is made once per process
// and is safe for concurrent use: it is read-only after New.
type Renderer struct {
	st *briefing.Style
	// ts lays documents out.
	ts *layout.Typesetter
	// fonts are the brand fonts, share gives fpdf its stub font and fin
	// is the finishing pass.
	fonts *fontSet
	share *fontShare
	fin   *finish.Finisher
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

// New makes a Renderer for st: it checks the colours and sizes and reads
// the fonts.
func New(st *briefing.Style) (*Renderer, error) {
	return newRenderer(st, false)
}

// newRenderer is New; with public set, documents get their fonts through
// fpdf's public API only (see share.go).
func newRenderer(st *briefing.Style, public bool) (*Renderer, error) {
	if st == nil {
		return nil, fmt.Errorf("pdf: no style")
	}
	ts, err := layout.New(st)
	if err != nil {
		return nil, fmt.Errorf("pdf: %w", err)
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
	return &Renderer{st: st, ts: ts, fonts: fs, share: newFontShare(stub, public), fin: finish.New()}, nil
}

// postScriptName is the PostScript name of style i of st's fonts; for a
// font without one, the family's name without spaces and the style.
func postScriptName(st *briefing.Style, i briefing.FontStyle) string {
	if n := st.Type.Face(i).PostScriptName; n != "" {
		return n
	}
	fam := strings.ReplaceAll(st.Brand.Fonts.Family, " ", "")
	if fam == "" {
		fam = "Brand"
	}
	return fam + "-" + [4]string{"Regular", "Bold", "Italic", "BoldItalic"}[i]
}

// Render lays d out and writes it as a PDF to w. Pages are drawn as the
// layout finishes them (Typesetter.Stream), so a long document's layout is
// never held whole beside fpdf's pages.
func (r *Renderer) Render(w io.Writer, d *briefing.Doc) (Info, error) {
	var p *page
	var dr *drawer
	_, err := r.ts.Stream(d, func(ld *layout.Document, n int, pg *layout.Page) error {
		if p == nil {
			p = r.newPage(&d.Meta, ld)
			dr = p.newDrawer(ld)
		}
		dr.page(ld, n, pg)
		return nil
	})
	if err != nil {
		return Info{}, err
	}
	return r.finish(w, d, p)
}

// Write writes ld, the layout of d, as a PDF to w: fpdf draws the boxes,
// the finishing pass embeds the fonts and writes the file.
func (r *Renderer) Write(w io.Writer, d *briefing.Doc, ld *layout.Document) (Info, error) {
	p := r.newPage(&d.Meta, ld)
	dr := p.newDrawer(ld)
	for i := range ld.Pages {
		dr.page(ld, i+1, &ld.Pages[i])
	}
	return r.finish(w, d, p)
}

// finish has fpdf write the drawn document p and the finishing pass make
// the file.
func (r *Renderer) finish(w io.Writer, d *briefing.Doc, p *page) (Info, error) {
	if p == nil {
		return Info{}, fmt.Errorf("pdf: the layout made no page")
	}
	if err := p.f.Error(); err != nil {
		return Info{}, fmt.Errorf("pdf: %w", err)
	}
	r.share.prune(p.f)
	buf, _ := r.bufs.Get().(*bytes.Buffer)
	if buf == nil {
		buf = new(bytes.Buffer)
	}
	buf.Reset()
	defer func() {
		// A long document's buffer is not kept for the next one.
		if buf.Cap() <= maxPooled {
			r.bufs.Put(buf)
		}
	}()
	if err := p.f.Output(buf); err != nil {
		return Info{}, fmt.Errorf("pdf: %w", err)
	}
	info, fonts := Info{Pages: p.f.PageNo()}, p.embedFonts()
	p = nil // fpdf's pages are not needed while the file is finished
	err := r.fin.Finish(w, buf.Bytes(), finish.Options{
		Lang:            d.Meta.Lang,
		DisplayDocTitle: true,
		Fonts:           fonts,
		ObjectStreams:   true,
	})
	if err != nil {
		return Info{}, err
	}
	return info, nil
}

// maxPooled is the largest output buffer kept for reuse.
const maxPooled = 4 << 20

// page is the state of one document being drawn.
type page struct {
	r     *Renderer
	fonts *fontSet
	f     *fpdf.Fpdf
	// used records the font styles text was set in, runes the runes set
	// in each and fontRes their names in the /Font resources.
	used    [4]bool
	runes   [4]runeSet
	fontRes [4]string
}

// compressPages is the page count above which fpdf compresses.
const compressPages = 64

// newPage starts a document for d's metadata at ld's page size.
func (r *Renderer) newPage(m *briefing.Meta, ld *layout.Document) *page {
	f := fpdf.NewCustom(&fpdf.InitType{OrientationStr: "P", UnitStr: "mm", Size: fpdf.SizeType{Wd: ld.W, Ht: ld.H}})
	f.SetCatalogSort(true)
	// The finishing pass compresses the pages' content, with reused
	// writers, which is faster; a long document is compressed by fpdf as
	// it goes, so that its uncompressed content is not held twice (the
	// pass leaves compressed streams as they are).
	f.SetCompression(ld.Total > compressPages)
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
	p := &page{r: r, fonts: r.fonts, f: f}
	for i := range p.fontRes {
		p.fontRes[i] = r.share.resource(i)
	}
	return p
}

// font selects style st at size pt.
func (p *page) font(st briefing.FontStyle, pt float64) {
	if !p.used[st] {
		p.r.share.use(p.f, int(st))
		p.used[st] = true
	}
	p.f.SetFont(family, fpdfStyles[st], pt)
}
