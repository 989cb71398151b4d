package cli

import (
	"errors"
	"fmt"
	"io"

	"briefing/briefing/batch"
	"briefing/briefing/index"

	"github.com/schollz/progressbar/v3"
)

// lines writes one plain line per document, for logs and pipes (-v), in
// plan order whatever order the documents are made in: a line waits until
// the documents before it are done.
type lines struct {
	w     io.Writer
	index map[string]int
	done  []string
	next  int
}

// Start numbers the documents.
func (p *lines) Start(jobs []batch.Job) {
	p.index = make(map[string]int, len(jobs))
	for i, j := range jobs {
		p.index[j.Path] = i
	}
	p.done = make([]string, len(jobs))
	p.next = 0
}

// Done writes "[3/40] path (2 pages, 41 KB)", "(up to date)", "kept" or
// the failure, once the lines before it are written.
func (p *lines) Done(j batch.Job, e *batch.Entry, err error) {
	i, total := p.index[j.Path], len(p.done)
	var line string
	switch {
	case errors.Is(err, batch.ErrEdited):
		line = fmt.Sprintf("[%d/%d] %s: kept, edited after a build made it", i+1, total, j.Path)
	case err != nil:
		line = fmt.Sprintf("[%d/%d] FAILED %s: %v", i+1, total, j.Path, err)
	case e.UpToDate():
		line = fmt.Sprintf("[%d/%d] %s (up to date)", i+1, total, j.Path)
	default:
		pages := ""
		if e.Pages > 0 {
			pages = fmt.Sprintf("%d %s, ", e.Pages, plural(e.Pages, "page", "pages"))
		}
		line = fmt.Sprintf("[%d/%d] %s (%s%s)", i+1, total, j.Path, pages, index.Size(e.Bytes))
	}
	p.done[i] = line
	for p.next < total && p.done[p.next] != "" {
		fmt.Fprintln(p.w, p.done[p.next])
		p.next++
	}
}

// Finish does nothing: a document that was never done (an interrupt)
// leaves the lines after it unwritten, as the summary says what happened.
func (p *lines) Finish() {}

// bar draws a progress bar on a terminal.
type bar struct {
	w   io.Writer
	bar *progressbar.ProgressBar
}

// Start draws an empty bar.
func (p *bar) Start(jobs []batch.Job) {
	p.bar = progressbar.NewOptions(len(jobs),
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
	if err != nil && !errors.Is(err, batch.ErrEdited) {
		p.bar.Clear()
		fmt.Fprintf(p.w, "FAILED %s: %v\n", j.Path, err)
	}
	p.bar.Add(1)
}

// Finish clears the bar.
func (p *bar) Finish() { p.bar.Finish() }
