package pdf

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"codeberg.org/go-pdf/fpdf"

	"briefing/briefing/doc"
	"briefing/briefing/font"
	"briefing/briefing/layout"
	"briefing/briefing/pdf/finish"
	"briefing/briefing/style"
)

// Renderer renders Docs to PDF with one Style. It is made once per process
// and is safe for concurrent use: it is read-only after New, but for what
// drawing needs, made once by the first Render (Fit does not draw).
type Renderer struct {
	st *style.Style
	// ts lays documents out.
	ts *layout.Typesetter
	// progs are the brand fonts' programs (by style), stub the font fpdf
	// is given to set text with, and public whether fpdf gets it through
	// its public API only.
	progs  [4]*font.Program
	stub   []byte
	public bool
	// draw makes, once, fonts: the brand fonts for the finishing pass to
	// embed (by style), and share, which gives fpdf its stub font.
	draw  sync.Once
	fonts []finish.Font
	share *fontShare
	// fin is the finishing pass.
	fin *finish.Finisher
	// bufs keeps fpdf's output buffers for reuse.
	bufs sync.Pool // *bytes.Buffer
}

// Info describes a rendered document.
type Info struct {
	// Pages is the number of pages written.
	Pages int
}

// New makes a Renderer for st: it checks the colours and sizes and reads
// the fonts. Its documents get fpdf's stub font through the shortcut in
// share.go when its checks pass (see Renderer.FontShortcut).
func New(st *style.Style) (*Renderer, error) {
	return newRenderer(st, false)
}

// NewPublic is New with fonts given to fpdf through its public API only:
// the same PDFs, made more slowly (the fallback the shortcut's checks
// choose when fpdf is not the version share.go was written for).
func NewPublic(st *style.Style) (*Renderer, error) { return newRenderer(st, true) }

// FontShortcut reports whether r's documents share fpdf's parsed stub font
// (the shortcut in share.go) and, when they do not, why. It prepares for
// drawing, as the first Render does.
func (r *Renderer) FontShortcut() (on bool, why string) {
	r.prepareDrawing()
	return r.share.shared(), r.share.why
}

// ShortcutReady reports whether the fpdf built in is the one share.go was
// written for (module version, when the binary records it, and the layout
// of its font definitions), without making a Renderer; why says what
// differs. New makes the final decision, after a dry run.
func ShortcutReady() (ok bool, why string) {
	if err := checkFpdf(); err != nil {
		return false, err.Error()
	}
	return true, ""
}

// newRenderer is New; with public set, documents get their fonts through
// fpdf's public API only (see share.go).
func newRenderer(st *style.Style, public bool) (*Renderer, error) {
	if st == nil {
		return nil, fmt.Errorf("pdf: no style")
	}
	ts, err := layout.New(st)
	if err != nil {
		return nil, fmt.Errorf("pdf: %w", err)
	}
	var names [4]string
	for i := range names {
		names[i] = postScriptName(st, style.FontStyle(i))
	}
	progs, err := readPrograms(st.Type, names)
	if err != nil {
		return nil, err
	}
	stub, err := stubFont(st.Fonts[style.Regular])
	if err != nil {
		return nil, err
	}
	return &Renderer{st: st, ts: ts, progs: progs, stub: stub, public: public, fin: finish.New()}, nil
}

// prepareDrawing makes what drawing needs, once: fpdf's stub font, shared
// (share.go), and the fonts for the finishing pass.
func (r *Renderer) prepareDrawing() {
	r.draw.Do(func() {
		r.share = newFontShare(r.stub, r.public)
		for i, p := range r.progs {
			r.fonts = append(r.fonts, finish.Font{Resource: r.share.resource(i), Replaces: "utf8" + fontKey(i), Program: p})
		}
	})
}

// postScriptName is the PostScript name of style i of st's fonts; for a
// font without one, the family's name without spaces and the style.
func postScriptName(st *style.Style, i style.FontStyle) string {
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
// layout finishes them (Typesetter.Stream) and written a part at a time
// (partPages), so a long document is never held whole, neither as layout
// nor as drawn pages. A brief that does not fit one page at the layout's
// body_min is a *doc.OverflowError, and nothing is written. When Render
// fails otherwise, w may hold part of a file.
func (r *Renderer) Render(w io.Writer, d *doc.Doc) (Info, error) {
	return r.RenderContext(context.Background(), w, d)
}

// RenderContext is Render that stops when ctx is done, within a paragraph
// or a page of the layout and a page of the drawing, and then returns
// ctx's error; w may hold part of a file.
func (r *Renderer) RenderContext(ctx context.Context, w io.Writer, d *doc.Doc) (Info, error) {
	r.prepareDrawing()
	var dc *drawing
	ld, err := r.ts.StreamContext(ctx, d, func(ld *layout.Paged, n int, pg *layout.Page) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		if dc == nil {
			dc = r.newDoc(w, &d.Meta, ld)
		}
		return dc.page(ld, n, pg)
	})
	if err != nil {
		return Info{}, err
	}
	return dc.close(ld)
}

// Fit lays d out as Render does, without drawing or writing it, and
// returns the error Render would return for its layout: a
// *doc.OverflowError for a brief that does not fit one page.
func (r *Renderer) Fit(d *doc.Doc) error {
	return r.FitContext(context.Background(), d)
}

// FitContext is Fit that stops when ctx is done, with ctx's error.
func (r *Renderer) FitContext(ctx context.Context, d *doc.Doc) error {
	_, err := r.ts.StreamContext(ctx, d, func(*layout.Paged, int, *layout.Page) error { return nil })
	return err
}

// partPages is the number of pages fpdf draws before the part is handed to
// the finishing pass: fpdf holds a document's pages, uncompressed, until
// it writes them. A brief or a short pack is one part.
const partPages = 48

// drawing is the state of one document being drawn: fpdf draws it a part at a
// time, and the finishing pass's Writer writes each part.
type drawing struct {
	r  *Renderer
	m  *doc.Meta
	fw *finish.Writer
	// f is the part being drawn, nil between parts; inPart counts its
	// pages and inst the font styles installed in it.
	f      *fpdf.Fpdf
	inPart int
	inst   [4]bool
	// pages counts the pages drawn; k is points per mm and h the page
	// height in points (the MediaBox's); off is where the paper's (the
	// trim's) top-left corner is on the page, in mm from the page's: the
	// bleed and the slug for a print shop, else 0.
	// set is the graphics state the part's content has set, so that what
	// is set already is not written again (fpdf writes a font or a colour
	// each time one is set); fpdf writes the font and its colours again
	// itself at each new page, the colours without their inks.
	set   graphics
	pages int
	k, h  float64
	off   float64
	// runes are the runes set in each font style (nil for a style not
	// used).
	runes   [4]runeSet
	anchors map[string]layout.Dest
	buf     *bytes.Buffer
	// tags is the tagging state (tags.go) and elems the document's
	// elements, known when it closes.
	tags  *tagger
	elems []layout.Elem
	// spaced is the text box being drawn with a line break's space.
	spaced layout.Box
}

// newDoc starts a document for d's metadata, written to w, at ld's page
// size.
func (r *Renderer) newDoc(w io.Writer, m *doc.Meta, ld *layout.Paged) *drawing {
	dc := &drawing{r: r, m: m, k: 1 / layout.MMPerPt, anchors: ld.Anchors, tags: newTagger()}
	dc.off = ld.Bleed + ld.Slug
	dc.h = (ld.H + 2*dc.off) * dc.k
	dc.fw = r.fin.NewWriter(w, finish.Options{
		Lang:            m.Lang,
		DisplayDocTitle: true,
		Fonts:           r.fonts,
		ObjectStreams:   true,
		Page:            dc.tags.page,
		Catalog: func(c *finish.Catalog) error {
			archival(c, m)
			return dc.tags.catalog(c, dc.elems, dc.m.Lang)
		},
		Info: infoDates(m),
	})
	dc.buf, _ = r.bufs.Get().(*bytes.Buffer)
	if dc.buf == nil {
		dc.buf = new(bytes.Buffer)
	}
	return dc
}

// startPart starts fpdf on the next part.
func (dc *drawing) startPart(ld *layout.Paged) {
	m := dc.m
	o := dc.off
	f := fpdf.NewCustom(&fpdf.InitType{OrientationStr: "P", UnitStr: "mm", Size: fpdf.SizeType{Wd: ld.W + 2*o, Ht: ld.H + 2*o}})
	if o > 0 {
		// The paper, and the bleed around it; the MediaBox holds the
		// crop marks too.
		f.SetPageBox("trim", o, o, ld.W, ld.H)
		f.SetPageBox("bleed", ld.Slug, ld.Slug, ld.W+2*ld.Bleed, ld.H+2*ld.Bleed)
	}
	f.SetCatalogSort(true)
	// The finishing pass compresses the content, with reused writers.
	f.SetCompression(false)
	date := docDate(m)
	f.SetCreationDate(date)
	f.SetModificationDate(date)
	f.SetTitle(m.Title, true)
	f.SetAuthor(m.Author, true)
	f.SetSubject(m.Subject, true)
	f.SetKeywords(strings.Join(m.Keywords, ", "), true)
	f.SetCreator(m.Creator, true)
	f.SetProducer(producer, true)
	f.SetLang(m.Lang)
	f.SetAutoPageBreak(false, 0)
	f.SetMargins(0, 0, 0)
	f.SetDisplayMode("fullpage", "single")
	dc.r.share.install(f)
	dc.f, dc.inPart, dc.inst, dc.set = f, 0, [4]bool{}, graphics{}
}

// page draws page n (from 1) of ld.
func (dc *drawing) page(ld *layout.Paged, n int, pg *layout.Page) error {
	if dc.f == nil {
		dc.startPart(ld)
	}
	dc.f.AddPage()
	// fpdf sets its remembered colours again at the top of the page, in
	// RGB: a colour with process inks is set again before it paints.
	dc.set.fill, dc.set.stroke = shown{}, shown{}
	if dc.off > 0 {
		// The layout places boxes from the paper's corner: the page's
		// content is moved to where the paper is on the sheet.
		o := dc.off * dc.k
		dc.f.RawWriteStr(fmt.Sprintf("q 1 0 0 1 %.2f %.2f cm", o, -o))
	}
	dc.tags.startPage()
	for i := range pg.Boxes {
		b := &pg.Boxes[i]
		if dc.drawn(b) {
			if ops := dc.tags.mark(b, ld.H); ops != "" {
				dc.f.RawWriteStr(ops)
			}
		}
		if lineEnd(pg.Boxes, i, ld.Elems) {
			// The word space of a line break, for text extraction and
			// screen readers: invisible, and the box is the layout's.
			dc.spaced = *b
			dc.spaced.Text += " "
			b = &dc.spaced
		}
		dc.box(b, n-1)
	}
	if ops := dc.tags.end(); ops != "" {
		dc.f.RawWriteStr("EMC")
	}
	if dc.off > 0 {
		dc.f.RawWriteStr("Q")
	}
	dc.pages++
	dc.inPart++
	if dc.inPart == partPages {
		return dc.flush()
	}
	return nil
}

// flush has fpdf write the part and the finishing pass take it.
func (dc *drawing) flush() error {
	f := dc.f
	if f == nil {
		return nil
	}
	dc.f = nil
	if err := f.Error(); err != nil {
		return fmt.Errorf("pdf: %w", err)
	}
	dc.r.share.prune(f)
	for i, u := range dc.inst {
		if u {
			dc.fw.UseFont(i)
		}
	}
	dc.buf.Reset()
	if err := f.Output(dc.buf); err != nil {
		return fmt.Errorf("pdf: %w", err)
	}
	return dc.fw.Add(dc.buf.Bytes())
}

// close writes the last part, the outline and the fonts.
func (dc *drawing) close(ld *layout.Paged) (Info, error) {
	if dc == nil {
		return Info{}, fmt.Errorf("pdf: the layout made no page")
	}
	defer func() {
		// A part of unusually heavy pages does not keep its buffer.
		if dc.buf.Cap() <= maxPooled {
			dc.r.bufs.Put(dc.buf)
		}
	}()
	if err := dc.flush(); err != nil {
		return Info{}, err
	}
	dc.elems = ld.Elems
	marks := make([]finish.Bookmark, len(ld.Outline))
	for i, m := range ld.Outline {
		marks[i] = finish.Bookmark{Title: m.Title, Level: m.Level, Page: m.Page - 1, Y: dc.y(m.Y)}
	}
	dc.fw.Outline(marks)
	for i, rs := range dc.runes {
		if rs != nil {
			dc.fw.SetRunes(i, rs.runes())
		}
	}
	if err := dc.fw.Close(); err != nil {
		return Info{}, err
	}
	return Info{Pages: dc.pages}, nil
}

// x and y are where x and y mm from the paper's top-left corner are on
// the page, in PDF points from its bottom-left corner.
func (dc *drawing) x(x float64) float64 { return (x + dc.off) * dc.k }
func (dc *drawing) y(y float64) float64 { return dc.h - (y+dc.off)*dc.k }

// maxPooled is the largest output buffer kept for reuse.
const maxPooled = 4 << 20

// font selects style st at size pt.
func (dc *drawing) font(st style.FontStyle, pt float64) {
	if !dc.inst[st] {
		dc.r.share.use(dc.f, int(st))
		dc.inst[st] = true
	}
	if dc.set.font && dc.set.style == st && dc.set.pt == pt {
		return
	}
	dc.set.font, dc.set.style, dc.set.pt = true, st, pt
	dc.f.SetFont(family, fpdfStyles[st], pt)
}

// graphics is what a part's content has set of the graphics state: a
// font (when font is set) and colours.
type graphics struct {
	font               bool
	style              style.FontStyle
	pt                 float64
	fill, stroke, text shown
}

// shown is a colour the content has set, when ok.
type shown struct {
	ok bool
	c  layout.Color
}

// to makes c the colour and reports whether that changes it.
func (s *shown) to(c layout.Color) bool {
	if s.ok && s.c == c {
		return false
	}
	*s = shown{ok: true, c: c}
	return true
}

// lineEnd reports whether text box i of bs ends a line of an element whose
// text goes on on the next line (its own, or a link's in it) with no space
// or hyphen between; elems are the document's elements so far.
func lineEnd(bs []layout.Box, i int, elems []layout.Elem) bool {
	b := &bs[i]
	if b.Kind != layout.Text || b.Elem == 0 || b.Role == layout.Artifact || b.Text == "" {
		return false
	}
	if r, _ := utf8.DecodeLastRuneInString(b.Text); unicode.IsSpace(r) || r == '-' || r == '/' || r == '\u00ad' || r == '\u2010' || r == '\u2013' {
		return false
	}
	for j := i + 1; j < len(bs); j++ {
		nb := &bs[j]
		if nb.Kind != layout.Text || nb.Elem == 0 {
			continue
		}
		if !related(elems, b.Elem, nb.Elem) {
			return false
		}
		if nb.Baseline <= b.Baseline+0.01 {
			return false
		}
		r, _ := utf8.DecodeRuneInString(nb.Text)
		return !unicode.IsSpace(r)
	}
	return false
}

// related reports whether elements a and b are one, or one holds the
// other, or they are links in one element: parts of one run of text.
func related(elems []layout.Elem, a, b int) bool {
	if a == b {
		return true
	}
	if a >= len(elems) || b >= len(elems) {
		return false
	}
	pa, pb := elems[a].Parent, elems[b].Parent
	return pa == b || pb == a || pa == pb && pa != 0 && (elems[a].Role == layout.Link || elems[b].Role == layout.Link)
}
