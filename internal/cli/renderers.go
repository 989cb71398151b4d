package cli

import (
	"io"
	"sync"

	"briefing/briefing"
	"briefing/briefing/batch"
	"briefing/briefing/docx"
	"briefing/briefing/pdf"
)

// renderers makes one renderer for each format the plan uses, once per
// process: fonts, templates and images are prepared here, at the same time
// on two cores, and then shared read-only by the build's workers.
func renderers(st *briefing.Style, plan []batch.Job) (map[briefing.Format]batch.Renderer, error) {
	var wantPDF, wantDOCX bool
	for _, j := range plan {
		wantPDF = wantPDF || j.Format == briefing.FormatPDF
		wantDOCX = wantDOCX || j.Format == briefing.FormatDOCX
	}
	rs := map[briefing.Format]batch.Renderer{}
	var pdfErr, docxErr error
	var wg sync.WaitGroup
	var mu sync.Mutex
	if wantPDF {
		wg.Go(func() {
			r, err := pdf.New(st)
			mu.Lock()
			defer mu.Unlock()
			rs[briefing.FormatPDF], pdfErr = pdfRenderer{r}, err
		})
	}
	if wantDOCX {
		wg.Go(func() {
			r, err := docx.New(st)
			mu.Lock()
			defer mu.Unlock()
			rs[briefing.FormatDOCX], docxErr = docxRenderer{r}, err
		})
	}
	wg.Wait()
	for _, err := range []error{pdfErr, docxErr} {
		if err != nil {
			return nil, err
		}
	}
	return rs, nil
}

type pdfRenderer struct{ r *pdf.Renderer }

func (p pdfRenderer) Render(w io.Writer, d *briefing.Doc) (int, error) {
	info, err := p.r.Render(w, d)
	return info.Pages, err
}

type docxRenderer struct{ r *docx.Renderer }

func (d docxRenderer) Render(w io.Writer, doc *briefing.Doc) (int, error) {
	info, err := d.r.Render(w, doc)
	return info.Pages, err
}
