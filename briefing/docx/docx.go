// Package docx renders briefing Docs to Word documents (.docx) with godocx.
//
// Documents start from the project's own reference template (the parts in
// layouts/docx, filled with the brand in New), so every paragraph carries a
// real, named style that shows in Word's style list. A visitor
// (doc.Visitor, via doc.Walk) writes the body: godocx's runs, properties
// and pictures inside paragraphs and tables of ours (body.go), which also
// hold what godocx cannot express (bookmarks, fields, internal links), all
// marshalled by one encoding/xml Encoder. The other parts are written
// whole: the relationships by rels.go, the header, footer and document
// properties by the templates of running.go and props.go, and parts.go
// zips the package. Output is deterministic: two renders of the same Doc
// are byte-identical.
//
// A brief is set like the PDF's: the masthead and the title across the
// page, then a borderless layout table of two columns, the main text and,
// beside it, the key figures panel with the quote under it; the source
// block closes it. The brief follows how the layout set the PDF's
// (layout.Paged.Brief: the side column's share, key figures spanning the
// page, the first paragraph as a lede, the quote one step smaller or
// larger), so that the two look alike; the quote's opening mark hangs, as
// the PDF's. A pack's cover carries
// its contents ("at a glance") and its QR code; the recommendations flow
// on, each after space and a hairline, and the back page holds the about
// text, the contact and the QR code. The contents are a TOC field whose
// result is already what Word would make of it, its page numbers
// estimated with Word's keep-together rules (fit.go), so nothing asks to
// update fields on opening.
//
// The styles (styles.xml) are filled from the layout's text metrics
// (layout.Metrics), so the DOCX sets the PDF's type scale, leading,
// spacing and colours. Word lays out pages itself, so a brief is fitted
// to one page by estimate (fit.go) with the same metrics and the layout's
// geometry (layout.Geometry): the PDF's choices when they hold in Word's
// layout, else its own search by the PDF's rule (the body at the layout's
// body size, the side-column quote one step smaller when needed); past
// that, Render fails with a *doc.OverflowError.
package docx

import (
	"context"
	"fmt"
	"io"
	"sync"
	"text/template"

	"briefing/briefing/doc"
	"briefing/briefing/layout"
	"briefing/briefing/statement"
	"briefing/briefing/style"

	"github.com/gomutex/godocx/wml/ctypes"
)

// Info describes a rendered document.
type Info struct {
	// Pages is 0: Word lays out pages itself.
	Pages int
}

// Renderer renders Docs to DOCX with one Style. Make it once per process
// with New (it parses the reference template parts once); it is safe for
// concurrent use.
type Renderer struct {
	st *style.Style
	// m, sc and geo are the layout's text metrics, type scale and
	// geometry: the styles and the fit estimate come from them.
	m   layout.Metrics
	sc  layout.Scale
	geo layout.Geometry
	// ts is the layout (read-only, safe for concurrent use): a brief
	// follows how the PDF's is set (fit).
	ts   *layout.Typesetter
	data tmplData
	// parts are the reference template parts filled with the brand;
	// settings and styles are filled per document.
	parts map[string]*template.Template
	// static are the parts every document shares, compressed once.
	static []part
	// styles holds styles.xml per paper and language, compressed once when
	// first needed, for
	// the languages that have labels.
	styles made[stylesKey, part]
	// logo is the brand's logo; empty when it has none (documents then
	// carry a typographic wordmark of their organisation, drawn once).
	logo  picture
	marks made[markKey, picture]
	// qr caches QR code images by URL: many documents share a statement.
	qr made[string, picture]
	// flaters keeps deflate writers for the zip (a new one allocates about
	// a megabyte of tables).
	flaters sync.Pool // *kflate.Writer
}

type stylesKey struct {
	paper statement.Paper
	lang  string
}

// New returns a Renderer for st: it fills the reference template parts with
// the brand and makes the logo (or a wordmark when the brand has none).
func New(st *style.Style) (*Renderer, error) {
	if st == nil {
		return nil, fmt.Errorf("docx: no style")
	}
	if st.Type == nil {
		return nil, fmt.Errorf("docx: the style has no parsed fonts (make it with style.Load)")
	}
	ts, err := layout.New(st)
	if err != nil {
		return nil, fmt.Errorf("docx: %w", err)
	}
	parts, err := parseParts(reference())
	if err != nil {
		return nil, err
	}
	r := &Renderer{st: st, m: ts.Metrics(), sc: ts.Scale(), geo: ts.Geometry(), ts: ts, parts: parts}
	r.data = newTmplData(st, r.m, r.sc, r.geo)
	static := []struct {
		name, tmpl string
		data       []byte
	}{
		{name: "[Content_Types].xml", data: []byte(contentTypesXML)},
		{name: "_rels/.rels", data: []byte(rootRelsXML)},
		{name: "word/numbering.xml", tmpl: "numbering.xml"},
		{name: "word/theme/theme1.xml", tmpl: "theme1.xml"},
		{name: "word/fontTable.xml", tmpl: "fontTable.xml"},
	}
	for _, s := range static {
		b := s.data
		if s.tmpl != "" {
			if b, err = execute(parts[s.tmpl], r.data); err != nil {
				return nil, err
			}
		}
		p, err := newPart(s.name, b)
		if err != nil {
			return nil, err
		}
		r.static = append(r.static, p)
	}
	if _, err := r.stylesXML(r.data, statement.PaperA4, "en"); err != nil {
		return nil, err
	}
	if st.Logo != nil {
		if r.logo, err = brandLogo(st); err != nil {
			return nil, err
		}
		if r.logo.part, err = newPart("word/media/logo."+r.logo.ext, r.logo.data); err != nil {
			return nil, err
		}
	}
	return r, nil
}

// stylesPart fills styles.xml for a paper size and a language.
func (r *Renderer) stylesPart(paper statement.Paper, lang string) (part, error) {
	b, err := r.stylesXML(r.data, paper, lang)
	if err != nil {
		return part{}, err
	}
	return newPart("word/styles.xml", b)
}

// stylesXML fills styles.xml with data for a paper size and a language.
func (r *Renderer) stylesXML(data tmplData, paper statement.Paper, lang string) ([]byte, error) {
	pg, ok := pageFor(paper, r.st.Layout.Margins)
	if !ok {
		return nil, fmt.Errorf("docx: unknown paper %q", paper)
	}
	data.TextWidth = pg.textWidth()
	data.Lang = wordLang(lang)
	return execute(r.parts["styles.xml"], data)
}

// Render writes d as a .docx file to w. A brief that does not fit one page
// at the layout's body size is a *doc.OverflowError.
func (r *Renderer) Render(w io.Writer, d *doc.Doc) (Info, error) {
	return r.RenderContext(context.Background(), w, d)
}

// RenderContext is Render that stops when ctx is done, within a block of
// the document, and then returns ctx's error, having written nothing.
func (r *Renderer) RenderContext(ctx context.Context, w io.Writer, d *doc.Doc) (Info, error) {
	if d == nil {
		return Info{}, fmt.Errorf("docx: no document")
	}
	paper := d.Meta.Paper
	pg, ok := pageFor(paper, r.st.Layout.Margins)
	if !ok {
		return Info{}, fmt.Errorf("docx: unknown paper %q", paper)
	}
	// A brief is set as the PDF's (its side column, spanning figures,
	// lede and quote size), or when Word's layout needs it, by the fit's
	// own search; a pack gets estimated page numbers for its contents.
	set, pages, anchors := briefSet{frac: r.geo.SideFrac}, 1, map[string]int(nil)
	if d.Meta.Kind == statement.KindBrief {
		var err error
		if set, err = r.fit(ctx, d, pg); err != nil {
			return Info{}, err
		}
	} else {
		pages, anchors = r.paginate(ctx, d, pg)
	}

	b, err := newBuilder(ctx, r, d, pg, pages, anchors)
	if err != nil {
		return Info{}, err
	}
	b.set = set
	doc, err := b.build()
	if err != nil {
		return Info{}, err
	}
	rels, err := b.rels.marshal()
	if err != nil {
		return Info{}, err
	}
	styles, err := r.styles.get(stylesKey{paper, d.Meta.Lang}, func() (part, error) { return r.stylesPart(paper, d.Meta.Lang) })
	if err != nil {
		return Info{}, err
	}
	parts := append(append(make([]part, 0, len(r.static)+len(b.parts)+3), r.static...), b.parts...)
	parts = append(parts, styles,
		part{name: "word/document.xml", data: doc},
		part{name: "word/_rels/document.xml.rels", data: rels})
	if err := writePackage(w, parts, &r.flaters, d.Meta.Date); err != nil {
		return Info{}, fmt.Errorf("docx: %w", err)
	}
	return Info{}, nil
}

// Fit reports whether d fits as Render would set it, without making the
// file: for a brief, the error Render would return when it does not fit
// one page at the layout's body size (a *doc.OverflowError); nil for a
// pack.
func (r *Renderer) Fit(d *doc.Doc) error {
	return r.FitContext(context.Background(), d)
}

// FitContext is Fit that stops when ctx is done, with ctx's error.
func (r *Renderer) FitContext(ctx context.Context, d *doc.Doc) error {
	pg, ok := pageFor(d.Meta.Paper, r.st.Layout.Margins)
	if !ok {
		return fmt.Errorf("docx: unknown paper %q", d.Meta.Paper)
	}
	if d.Meta.Kind != statement.KindBrief {
		return nil
	}
	_, err := r.fit(ctx, d, pg)
	return err
}

const xmlHeader = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"

// runLang is the language of a run in another language than the
// document's (inline.Run.Lang), for Word's proofing tools and for screen
// readers; nil for "" (the document's, from the styles).
func runLang(lang string) *ctypes.Lang {
	if lang == "" {
		return nil
	}
	v := wordLang(lang)
	return &ctypes.Lang{Val: &v}
}

// wordLang maps a language code to the tag Word's proofing tools know.
func wordLang(lang string) string {
	switch lang {
	case "en":
		return "en-GB"
	case "es":
		return "es-ES"
	case "fr":
		return "fr-FR"
	case "pt":
		return "pt-BR"
	}
	return lang
}
