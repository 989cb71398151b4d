package cli

import (
	"context"
	"fmt"
	"io"
	"os"
	"sync"

	"briefing/briefing/batch"
	"briefing/briefing/doc"
	"briefing/briefing/docx"
	"briefing/briefing/pdf"
	"briefing/briefing/png"
	"briefing/briefing/statement"
	"briefing/briefing/style"
)

// renderers makes one renderer for each format the plan uses, once per
// process, for a build to render with or a check to fit with: fonts,
// templates and images are prepared here, at the same time on two cores,
// and then shared read-only by the batch's workers.
// Previews (png) are pngWidth pixels wide (0: png.DefaultWidth).
func renderers(st *style.Style, plan []batch.Job, pngWidth int) (map[statement.Format]batch.Renderer, error) {
	var wantPDF, wantDOCX, wantPNG bool
	for _, j := range plan {
		wantPDF = wantPDF || j.Format == statement.FormatPDF
		wantDOCX = wantDOCX || j.Format == statement.FormatDOCX
		wantPNG = wantPNG || j.Format == statement.FormatPNG
	}
	rs := map[statement.Format]batch.Renderer{}
	var pdfErr, docxErr, pngErr error
	var wg sync.WaitGroup
	var mu sync.Mutex
	if wantPDF {
		wg.Go(func() {
			newPDF := pdf.New
			if os.Getenv(fontsEnv) == "public" {
				newPDF = pdf.NewPublic
			}
			r, err := newPDF(st)
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
	if wantPNG {
		wg.Go(func() {
			r, err := png.New(st, png.Options{Width: pngWidth})
			mu.Lock()
			defer mu.Unlock()
			rs[statement.FormatPNG], pngErr = pngRenderer{r}, err
		})
	}
	wg.Wait()
	for _, err := range []error{pdfErr, docxErr, pngErr} {
		if err != nil {
			return nil, err
		}
	}
	return rs, nil
}

// fontsEnv names the environment variable that, set to "public", has PDF
// documents get their fonts through fpdf's public API instead of the
// shortcut (briefing/pdf/share.go): the same files, made more slowly. A
// test sets it to see the fallback work and be reported.
const fontsEnv = "BRIEFING_FPDF"

// noteFonts says once per command, on stderr, when PDF documents are made
// without the font shortcut: nothing changes in the files, but builds are
// several times slower, and a silent fallback would hide that.
func (c *call) noteFonts(rs map[statement.Format]batch.Renderer) {
	p, ok := rs[statement.FormatPDF].(pdfRenderer)
	if !ok || c.fontsNoted {
		return
	}
	if on, why := p.r.FontShortcut(); !on {
		c.fontsNoted = true
		fmt.Fprintf(c.stderr, "note: PDF fonts go through fpdf's public API (%s): the same PDFs, made more slowly\n", why)
	}
}

// shortcutLine is what version says of the font shortcut.
func shortcutLine() string {
	if os.Getenv(fontsEnv) == "public" {
		return "PDF font shortcut: off (" + fontsEnv + "=public)"
	}
	if ok, why := pdf.ShortcutReady(); !ok {
		return "PDF font shortcut: off (" + why + ")"
	}
	return "PDF font shortcut: on (fpdf " + pdf.FpdfVersion + ")"
}

// pdfRenderer is a pdf.Renderer as the batch takes it.
type pdfRenderer struct{ r *pdf.Renderer }

func (p pdfRenderer) Render(ctx context.Context, w io.Writer, d *doc.Doc) (int, error) {
	info, err := p.r.RenderContext(ctx, w, d)
	return info.Pages, err
}

func (p pdfRenderer) Fit(ctx context.Context, d *doc.Doc) error { return p.r.FitContext(ctx, d) }

// docxRenderer is a docx.Renderer as the batch takes it.
type docxRenderer struct{ r *docx.Renderer }

func (d docxRenderer) Render(ctx context.Context, w io.Writer, doc *doc.Doc) (int, error) {
	info, err := d.r.RenderContext(ctx, w, doc)
	return info.Pages, err
}

func (d docxRenderer) Fit(ctx context.Context, doc *doc.Doc) error { return d.r.FitContext(ctx, doc) }

// pngRenderer is a png.Renderer as the batch takes it. A preview is a
// picture, not pages: it reports none, so that the manifest's pages and
// the summary's PDF pages stay the documents'.
type pngRenderer struct{ r *png.Renderer }

func (p pngRenderer) Render(ctx context.Context, w io.Writer, d *doc.Doc) (int, error) {
	_, err := p.r.RenderContext(ctx, w, d)
	return 0, err
}

func (p pngRenderer) Fit(ctx context.Context, d *doc.Doc) error { return p.r.FitContext(ctx, d) }
