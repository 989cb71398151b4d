package cli

import (
	"io"
	"sync"

	"briefing/briefing/batch"
	"briefing/briefing/doc"
	"briefing/briefing/docx"
	"briefing/briefing/pdf"
	"briefing/briefing/statement"
	"briefing/briefing/style"
)

// renderers makes one renderer for each format the plan uses, once per
// process, for a build to render with or a check to fit with: fonts,
// templates and images are prepared here, at the same time on two cores,
// and then shared read-only by the batch's workers.
func renderers(st *style.Style, plan []batch.Job) (map[statement.Format]batch.Renderer, error) {
	var wantPDF, wantDOCX bool
	for _, j := range plan {
		wantPDF = wantPDF || j.Format == statement.FormatPDF
		wantDOCX = wantDOCX || j.Format == statement.FormatDOCX
	}
	rs := map[statement.Format]batch.Renderer{}
	var pdfErr, docxErr error
	var wg sync.WaitGroup
	var mu sync.Mutex
	if wantPDF {
		wg.Go(func() {
			r, err := pdf.New(st)
			mu.Lock()
			defer mu.Unlock()
			rs[statement.FormatPDF], pdfErr = pdfRenderer{r}, err
		})
	}
	if wantDOCX {
		wg.Go(func() {
			r, err := docx.New(st)
			mu.Lock()
			defer mu.Unlock()
			rs[statement.FormatDOCX], docxErr = docxRenderer{r}, err
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

// pdfRenderer is a pdf.Renderer as the batch takes it.
type pdfRenderer struct{ r *pdf.Renderer }

func (p pdfRenderer) Render(w io.Writer, d *doc.Doc) (int, error) {
	info, err := p.r.Render(w, d)
	return info.Pages, err
}

func (p pdfRenderer) Fit(d *doc.Doc) error { return p.r.Fit(d) }

// docxRenderer is a docx.Renderer as the batch takes it.
type docxRenderer struct{ r *docx.Renderer }

func (d docxRenderer) Render(w io.Writer, doc *doc.Doc) (int, error) {
	info, err := d.r.Render(w, doc)
	return info.Pages, err
}

func (d docxRenderer) Fit(doc *doc.Doc) error { return d.r.Fit(doc) }
