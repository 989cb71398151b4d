package cli

import (
	"fmt"
	"io"

	"briefing/briefing/batch"

	"github.com/schollz/progressbar/v3"
)

// lines writes one plain line per document, for logs and pipes.
type lines struct {
	w     io.Writer
	total int
	n     int
}

// Start remembers the total.
func (p *lines) Start(total int) { p.total = total }

// Done writes "[3/40] path (2 pages, 41 KB)" or the failure.
func (p *lines) Done(j batch.Job, e *batch.Entry, err error) {
	p.n++
	if err != nil {
		fmt.Fprintf(p.w, "[%d/%d] FAILED %s: %v\n", p.n, p.total, j.Path, err)
		return
	}
	pages := ""
	if e.Pages > 0 {
		pages = fmt.Sprintf("%d %s, ", e.Pages, plural(e.Pages, "page", "pages"))
	}
	fmt.Fprintf(p.w, "[%d/%d] %s (%s%s)\n", p.n, p.total, j.Path, pages, size(e.Bytes))
}

// Finish does nothing.
func (p *lines) Finish() {}

// bar draws a progress bar on a terminal.
type bar struct {
	w   io.Writer
	bar *progressbar.ProgressBar
}

// Start draws an empty bar.
func (p *bar) Start(total int) {
	p.bar = progressbar.NewOptions(total,
		progressbar.OptionSetWriter(p.w),
		progressbar.OptionSetDescription("Building"),
		progressbar.OptionShowCount(),
		progressbar.OptionSetWidth(30),
		progressbar.OptionClearOnFinish(),
		progressbar.OptionThrottle(0),
	)
}

// Done moves the bar on, and prints a failure above it.
func (p *bar) Done(j batch.Job, e *batch.Entry, err error) {
	if err != nil {
		p.bar.Clear()
		fmt.Fprintf(p.w, "FAILED %s: %v\n", j.Path, err)
	}
	p.bar.Add(1)
}

// Finish clears the bar.
func (p *bar) Finish() { p.bar.Finish() }

// size writes a byte count for people: "41 KB", "1.2 MB".
func size(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%d KB", (n+512)>>10)
	}
	return fmt.Sprintf("%d B", n)
}
