// Package docx renders briefing Docs to Word documents (.docx) with godocx.
//
// Documents start from the project's own reference template (the parts in
// layouts/docx, filled with the brand in New), so every paragraph carries a
// real, named style that shows in Word's style list. godocx writes the body;
// parts.go adds what it cannot express (header, footer, fields, bookmarks,
// document properties). Output is deterministic: two renders of the same Doc
// are byte-identical.
package docx

import (
	"bytes"
	"fmt"
	"io"
	"text/template"

	"github.com/gomutex/godocx/packager"

	"briefing/briefing"
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
	st       *briefing.Style
	data     tmplData
	settings *template.Template
	// tmpl is the stored template zip per paper size.
	tmpl map[briefing.Paper][]byte
	logo picture
}

// New returns a Renderer for st: it fills the reference template parts with
// the brand and makes the logo (or a wordmark when the brand has none).
func New(st *briefing.Style) (*Renderer, error) {
	if st == nil {
		return nil, fmt.Errorf("docx: no style")
	}
	parts, err := parseParts()
	if err != nil {
		return nil, err
	}
	r := &Renderer{st: st, data: newTmplData(st), settings: parts["settings.xml"], tmpl: map[briefing.Paper][]byte{}}
	for _, paper := range []briefing.Paper{briefing.PaperA4, briefing.PaperLetter} {
		data := r.data
		data.TextWidth = pageFor(paper, st.Layout.Margins).textWidth()
		if r.tmpl[paper], err = buildTemplate(parts, data); err != nil {
			return nil, err
		}
	}
	if r.logo, err = logo(st); err != nil {
		return nil, err
	}
	return r, nil
}

// Render writes d as a .docx file to w.
func (r *Renderer) Render(w io.Writer, d *briefing.Doc) (Info, error) {
	paper := d.Meta.Paper
	if paper == "" {
		paper = r.st.Layout.Paper
	}
	tmpl, ok := r.tmpl[paper]
	if !ok {
		tmpl = r.tmpl[briefing.PaperA4]
	}
	rd, err := packager.Unpack(&tmpl)
	if err != nil {
		return Info{}, fmt.Errorf("docx: reference template: %w", err)
	}
	b := &builder{r: r, d: d, rd: rd, page: pageFor(paper, r.st.Layout.Margins), pageNo: 1, anchors: map[string]int{}}
	if err := b.build(); err != nil {
		return Info{}, err
	}
	var buf bytes.Buffer
	buf.Grow(32 << 10)
	if err := rd.Write(&buf); err != nil {
		return Info{}, fmt.Errorf("docx: %w", err)
	}
	if err := finish(w, buf.Bytes(), b.frags); err != nil {
		return Info{}, fmt.Errorf("docx: %w", err)
	}
	return Info{}, nil
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
