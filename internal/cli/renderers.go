package cli

import (
	"io"

	"briefing/briefing"
	"briefing/briefing/build"
	"briefing/briefing/docx"
	"briefing/briefing/pdf"
)

// renderers makes one renderer per format for st, once per process: fonts,
// templates and images are prepared here and shared read-only by the build's
// workers.
func renderers(st *briefing.Style) (map[briefing.Format]build.Renderer, error) {
	p, err := pdf.New(st)
	if err != nil {
		return nil, err
	}
	d, err := docx.New(st)
	if err != nil {
		return nil, err
	}
	return map[briefing.Format]build.Renderer{
		briefing.FormatPDF:  pdfRenderer{p},
		briefing.FormatDOCX: docxRenderer{d},
	}, nil
}

type docxRenderer struct{ r *docx.Renderer }

func (d docxRenderer) Render(w io.Writer, doc *briefing.Doc) (int, error) {
	info, err := d.r.Render(w, doc)
	return info.Pages, err
}

type pdfRenderer struct{ r *pdf.Renderer }

func (p pdfRenderer) Render(w io.Writer, d *briefing.Doc) (int, error) {
	info, err := p.r.Render(w, d)
	return info.Pages, err
}
