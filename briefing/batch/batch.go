// Package batch makes many documents at once: it plans which documents a
// selection of audiences, languages, kinds and formats asks for, renders
// them on a worker pool, writes each file atomically, prunes what an earlier
// build made and this one no longer does, and writes a manifest.
package batch

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"

	"briefing/briefing"
)

// Renderer writes a Doc in one format and says how many pages it has (0
// when the format does not fix pages). It must be safe for concurrent use.
type Renderer interface {
	Render(w io.Writer, d *briefing.Doc) (pages int, err error)
}

// Options are how Run works; the zero value of each field but Out and
// Renderers is usable.
type Options struct {
	// Out is the output folder; it is made when missing.
	Out string
	// Jobs is the number of documents rendered at once; 0 means one per core.
	Jobs int
	// Compose is passed to the composer for every document.
	Compose briefing.ComposeOptions
	// Renderers by format.
	Renderers map[briefing.Format]Renderer
	// Progress is told about each document; nil reports nothing.
	Progress Progress
}

// Failure is a document that could not be made, and why.
type Failure struct {
	Job Job
	Err error
}

// Error returns "path: reason".
func (f Failure) Error() string { return fmt.Sprintf("%s: %v", f.Job.Path, f.Err) }

// Result is what a build did.
type Result struct {
	// Written lists the documents made, in plan order.
	Written []Entry
	// Failed lists the documents that could not be made; nothing was left
	// of them and a previous good file at their path is untouched.
	Failed []Failure
	// Removed lists the files an earlier build made that this one pruned.
	Removed []string
	Pages   int
	Bytes   int64
	Elapsed time.Duration
}

// Err returns an error listing every failure, or nil.
func (r *Result) Err() error {
	if len(r.Failed) == 0 {
		return nil
	}
	msgs := make([]string, len(r.Failed))
	for i, f := range r.Failed {
		msgs[i] = f.Error()
	}
	return fmt.Errorf("%d of %d documents failed:\n  %s", len(r.Failed), len(r.Failed)+len(r.Written), strings.Join(msgs, "\n  "))
}

// Run makes the documents jobs lists (from Plan with sel) into opt.Out.
// A document that fails does not stop the others. Run returns an error only
// when the build as a whole cannot go on (output folder unusable, manifest
// unreadable); per-document failures are in Result.Failed.
func Run(ds *briefing.Dataset, jobs []Job, sel Selection, opt Options) (*Result, error) {
	start := time.Now()
	if err := os.MkdirAll(opt.Out, 0o755); err != nil {
		return nil, fmt.Errorf("output folder %s: %w", opt.Out, folderError(err))
	}
	old, err := ReadManifest(opt.Out)
	if err != nil {
		return nil, fmt.Errorf("previous manifest unreadable, so its files cannot be tracked: %w (remove it to start afresh)", err)
	}
	statements := map[string]*briefing.Statement{}
	places := map[string]func(string) briefing.Place{}
	for _, j := range jobs {
		if _, ok := statements[j.Lang]; !ok {
			statements[j.Lang], _ = ds.In(j.Lang)
			places[j.Lang] = ds.Places(j.Lang)
		}
	}

	n := opt.Jobs
	if n <= 0 {
		n = runtime.GOMAXPROCS(0)
	}
	progress := opt.Progress
	if progress == nil {
		progress = Quiet{}
	}
	progress.Start(len(jobs))
	entries := make([]*Entry, len(jobs))
	errs := make([]error, len(jobs))
	next := make(chan int)
	var wg sync.WaitGroup
	var mu sync.Mutex
	for w := 0; w < n; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				e, err := make1(opt, statements[jobs[i].Lang], places[jobs[i].Lang], jobs[i])
				entries[i], errs[i] = e, err
				mu.Lock()
				progress.Done(jobs[i], e, err)
				mu.Unlock()
			}
		}()
	}
	for i := range jobs {
		next <- i
	}
	close(next)
	wg.Wait()
	progress.Finish()

	res := &Result{}
	// planned says, for each path this build was to make, whether it did.
	planned := make(map[string]bool, len(jobs))
	for i, j := range jobs {
		planned[j.Path] = errs[i] == nil
		if errs[i] != nil {
			res.Failed = append(res.Failed, Failure{Job: j, Err: errs[i]})
			continue
		}
		res.Written = append(res.Written, *entries[i])
		res.Pages += entries[i].Pages
		res.Bytes += entries[i].Bytes
	}

	// The new manifest keeps what this build could not have touched (out of
	// scope, or failed and still on disk from before) and prunes the rest.
	m := &Manifest{Statement: ds.Base.ID, Documents: append([]Entry(nil), res.Written...)}
	for _, e := range old.Documents {
		p, ok := inside(opt.Out, e.Path)
		if !ok {
			continue // never touch a path a tampered manifest points outside with
		}
		made, isPlanned := planned[e.Path]
		switch {
		case made: // replaced by this build's entry
		case isPlanned || !sel.InScope(e.job()):
			if _, err := os.Stat(p); err == nil {
				m.Documents = append(m.Documents, e)
			}
		default:
			if err := os.Remove(p); err == nil {
				res.Removed = append(res.Removed, e.Path)
				removeEmptyDirs(opt.Out, filepath.Dir(p))
			} else if !errors.Is(err, os.ErrNotExist) {
				m.Documents = append(m.Documents, e)
			}
		}
	}
	if err := m.write(opt.Out); err != nil {
		return res, fmt.Errorf("manifest: %w", err)
	}
	res.Elapsed = time.Since(start)
	return res, nil
}

// make1 composes, renders and writes one document. A panic in a renderer
// is that document's failure, not the end of the build: the temporary
// file is removed on the way out and the other documents are still made.
func make1(opt Options, s *briefing.Statement, places func(string) briefing.Place, j Job) (e *Entry, err error) {
	defer func() {
		if r := recover(); r != nil {
			e, err = nil, fmt.Errorf("internal error (please report it): %v", r)
		}
	}()
	a := s.Audience(j.Audience)
	co := opt.Compose
	co.Paper = j.Paper
	co.Places = places
	var d *briefing.Doc
	if j.Kind == briefing.KindPack {
		d = briefing.ComposePack(s, a, co)
	} else {
		d = briefing.ComposeBrief(s, a, s.Recommendation(j.RecID), co)
	}
	r := opt.Renderers[j.Format]
	if r == nil {
		return nil, fmt.Errorf("no renderer for format %q", j.Format)
	}
	p, ok := inside(opt.Out, j.Path)
	if !ok {
		return nil, fmt.Errorf("refusing to write outside the output folder")
	}
	pages := 0
	wr, err := writeAtomic(p, func(w io.Writer) error {
		var err error
		pages, err = r.Render(w, d)
		return err
	})
	if err != nil {
		return nil, err
	}
	return &Entry{
		Path: j.Path, Audience: j.Audience, Lang: j.Lang, Kind: j.Kind, Rec: j.Rec, RecID: j.RecID,
		Format: j.Format, Paper: j.Paper, Pages: pages, Bytes: wr.Bytes, SHA256: wr.SHA256,
	}, nil
}

// inside joins the slash path rel to out and reports whether the result
// stays inside out.
func inside(out, rel string) (string, bool) {
	if rel == "" || filepath.IsAbs(rel) || strings.Contains(rel, "\\") {
		return "", false
	}
	p := filepath.Join(out, filepath.FromSlash(rel))
	r, err := filepath.Rel(out, p)
	if err != nil || r == "." || r == ".." || strings.HasPrefix(r, ".."+string(filepath.Separator)) {
		return "", false
	}
	return p, true
}

// removeEmptyDirs removes dir and its parents up to (not including) out
// while they are empty.
func removeEmptyDirs(out, dir string) {
	for {
		r, err := filepath.Rel(out, dir)
		if err != nil || r == "." || strings.HasPrefix(r, "..") {
			return
		}
		if os.Remove(dir) != nil {
			return
		}
		dir = filepath.Dir(dir)
	}
}
