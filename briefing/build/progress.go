package build

import (
	"fmt"
	"io"

	"github.com/schollz/progressbar/v3"
)

// Progress is told how a build goes. Run calls Done from one goroutine at a
// time.
type Progress interface {
	Start(total int)
	Done(j Job, e *Entry, err error)
	Finish()
}

// Quiet reports nothing.
type Quiet struct{}

// Start does nothing.
func (Quiet) Start(int) {}

// Done does nothing.
func (Quiet) Done(Job, *Entry, error) {}

// Finish does nothing.
func (Quiet) Finish() {}

// Lines writes one plain line per document, for logs and pipes.
type Lines struct {
	W     io.Writer
	total int
	n     int
}

// Start remembers the total.
func (p *Lines) Start(total int) { p.total = total }

// Done writes "[3/40] path (2 pages, 41 KB)" or the failure.
func (p *Lines) Done(j Job, e *Entry, err error) {
	p.n++
	if err != nil {
		fmt.Fprintf(p.W, "[%d/%d] FAILED %s: %v\n", p.n, p.total, j.Path, err)
		return
	}
	pages := ""
	if e.Pages > 0 {
		pages = fmt.Sprintf("%d %s, ", e.Pages, plural(e.Pages, "page", "pages"))
	}
	fmt.Fprintf(p.W, "[%d/%d] %s (%s%s)\n", p.n, p.total, j.Path, pages, Size(e.Bytes))
}

// Finish does nothing.
func (p *Lines) Finish() {}

// Bar draws a progress bar on a terminal.
type Bar struct {
	W   io.Writer
	bar *progressbar.ProgressBar
}

// Start draws an empty bar.
func (p *Bar) Start(total int) {
	p.bar = progressbar.NewOptions(total,
		progressbar.OptionSetWriter(p.W),
		progressbar.OptionSetDescription("Building"),
		progressbar.OptionShowCount(),
		progressbar.OptionSetWidth(30),
		progressbar.OptionClearOnFinish(),
		progressbar.OptionThrottle(0),
	)
}

// Done moves the bar on, and prints a failure above it.
func (p *Bar) Done(j Job, e *Entry, err error) {
	if err != nil {
		p.bar.Clear()
		fmt.Fprintf(p.W, "FAILED %s: %v\n", j.Path, err)
	}
	p.bar.Add(1)
}

// Finish clears the bar.
func (p *Bar) Finish() { p.bar.Finish() }

// Size writes a byte count for people: "41 KB", "1.2 MB".
func Size(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%d KB", (n+512)>>10)
	}
	return fmt.Sprintf("%d B", n)
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
