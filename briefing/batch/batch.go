// Package batch makes many documents at once: it plans which documents a
// selection of audiences, languages, kinds and formats asks for, renders
// them on a worker pool, writes each file atomically inside the output
// folder (never through a link leading out of it), prunes what an earlier
// build made and this one no longer does, and writes a manifest that lists
// exactly the documents of ours on disk, also after an interrupt, a kill or
// a full disk. Fit runs the same plan on the same worker pool and writes
// nothing: it sets each one-page brief, to find those too long for a page.
package batch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"runtime"
	"strings"
	"sync"
	"syscall"
	"time"

	"briefing/briefing/compose"
	"briefing/briefing/doc"
	"briefing/briefing/qrcode"
	"briefing/briefing/statement"
)

// Renderer writes a Doc in one format and says how many pages it has (0
// when the format does not fix pages). It must be safe for concurrent use.
// When ctx is done, Render and Fit stop soon, inside a long document too
// (within a paragraph or a page, not at its end), and return an error.
type Renderer interface {
	Render(ctx context.Context, w io.Writer, d *doc.Doc) (pages int, err error)
	// Fit sets d as Render would, writing nothing, and returns the error
	// Render would return for how d is set: a *doc.OverflowError for a
	// one-page brief that does not fit its page.
	Fit(ctx context.Context, d *doc.Doc) error
}

// Options are how Run works; the zero value of each field but Out and
// Renderers is usable.
type Options struct {
	// Out is the output folder; it is made when missing.
	Out string
	// Jobs is the number of documents rendered at once; 0 means one per core.
	Jobs int
	// Compose is passed to compose.Brief and compose.Pack for every document.
	Compose compose.Options
	// Renderers by format.
	Renderers map[statement.Format]Renderer
	// Progress is told about each document; nil reports nothing.
	Progress Progress
	// Warn is told, as it happens, what is worth knowing but not a
	// failure: a stale lock taken over, an edited file kept, documents
	// recovered after a build was killed. nil ignores them.
	Warn func(msg string)
	// LockWait is how long Run waits for another build writing to Out;
	// 0 means 5 seconds, a negative value not at all.
	LockWait time.Duration
	// Key names everything outside a document's model that decides its
	// bytes: the program and the style (brand, layout, fonts, logo) it
	// renders with. With a Key, each document's inputs are hashed (Key,
	// the job and its composed model) into Entry.Inputs, and a document
	// whose file on disk is the one the manifest lists, made from the
	// same inputs, is left as it is: up to date, not rewritten. Empty
	// makes every document.
	Key string
	// Force makes every document, up to date or not (Entry.Inputs is
	// still recorded).
	Force bool
	// EmailLimit is the most an email draft attaches as separate files,
	// in bytes: over it, the draft attaches one zip of them instead. 0
	// means DefaultEmailLimit.
	EmailLimit int64
}

// DefaultEmailLimit is Options.EmailLimit when not set: 10 MB, which most
// mail servers take.
const DefaultEmailLimit = 10 << 20

// Failure is a document that could not be made, and why.
type Failure struct {
	Job Job
	Err error
}

// Error returns "path: reason".
func (f Failure) Error() string { return fmt.Sprintf("%s: %v", f.Job.Path, f.Err) }

// ErrEdited is why a document was not rebuilt: a person edited the file a
// previous build wrote at its path, and a build never overwrites that. It
// is not a failure: Run lists the document in Result.Kept.
var ErrEdited = errors.New("kept, not rebuilt: the file was edited after the build that wrote it (its sha256 differs from manifest.json); move it away or delete it to rebuild it")

// Result is what a build did.
type Result struct {
	// Planned is the number of documents the build was to make.
	Planned int
	// Written lists the documents made, in plan order.
	Written []Entry
	// UpToDate lists the documents left as they were, in plan order: the
	// file on disk is the one an earlier build made from the same inputs
	// (Options.Key).
	UpToDate []Entry
	// Kept lists the documents not rebuilt because a person edited the
	// file an earlier build wrote (ErrEdited), in plan order.
	Kept []Job
	// Failed lists the documents that could not be made, in plan order;
	// nothing was left of them and a previous good file at their path is
	// untouched.
	Failed []Failure
	// Removed lists the files an earlier build made that this one pruned.
	Removed []string
	// Interrupted is true when the build was cancelled (its context
	// done) before it made every document.
	Interrupted bool
	// DiskFull is the first "no space left on device" error; when set,
	// the build stopped starting documents.
	DiskFull *DiskFullError
	Pages    int
	Bytes    int64
	Elapsed  time.Duration
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
	return fmt.Errorf("%d of %d documents failed:\n  %s", len(r.Failed), r.Planned, strings.Join(msgs, "\n  "))
}

// IsDiskFull reports whether err is "no space left on device" (or a
// quota exceeded).
func IsDiskFull(err error) bool {
	return errors.Is(err, syscall.ENOSPC) || errors.Is(err, syscall.EDQUOT)
}

// errStopped discards a document in flight when the build is stopped.
var errStopped = errors.New("build stopped")

// heavyRecs is the number of recommendations from which a pack is
// rendered alone: its document tree takes tens of megabytes, and two at
// once (or one beside many briefs) would double the peak memory.
const heavyRecs = 64

// Run makes the documents jobs lists (from Plan with sel) into opt.Out.
// A document that fails does not stop the others. When ctx is done, Run
// starts no more documents, finishes or discards those in flight and
// writes a manifest true for what is on disk (Result.Interrupted). Run
// returns an error only when the build as a whole cannot go on (output
// folder unusable or busy, a link leading outside it, a manifest that is
// not ours, the manifest unwritable); per-document failures are in
// Result.Failed.
func Run(ctx context.Context, ds *statement.Dataset, jobs []Job, sel Selection, opt Options) (*Result, error) {
	start := time.Now()
	b := &build{opt: opt, jobs: jobs, warn: opt.Warn, ds: ds}
	b.shareQR()
	if b.warn == nil {
		b.warn = func(string) {}
	}
	f, err := openFolder(opt.Out)
	if err != nil {
		return nil, err
	}
	defer f.close()
	b.f = f
	wait := opt.LockWait
	if wait == 0 {
		wait = defaultLockWait
	}
	lk, err := f.acquire(max(wait, 0), func(pid int) {
		who := "another build"
		if pid > 0 {
			who += fmt.Sprintf(" (pid %d)", pid)
		}
		b.warn(fmt.Sprintf("%s is writing to %s/; waiting up to %v for it", who, strings.TrimSuffix(f.name, "/"), wait.Round(time.Second)))
	})
	if err != nil {
		return nil, err
	}
	defer lk.release()
	if lk.stale > 0 {
		b.warn(fmt.Sprintf("took over %s from build pid %d, which ended without finishing", f.show(LockFile), lk.stale))
	}
	if err := b.prepare(ds.Base.ID); err != nil {
		return nil, err
	}

	statements := b.languages(ds)
	res := b.makeAll(ctx, statements, b.make1)
	err = b.finish(res, sel)
	res.Elapsed = time.Since(start)
	return res, err
}

// Fit finds, writing nothing, every one-page brief of jobs (from Plan)
// that a build would fail because it does not fit its page: it composes
// each brief as Run does and fits it with its format's renderer
// (Renderer.Fit), on Run's worker pool. A brief prints the same page for
// every audience that asks for it, so each recommendation is fitted once
// per language, paper and format, as the first of jobs that asks for it; a
// pack takes the pages it needs, but its cover must hold the statement's
// title, so each pack is fitted too. Of opt, Fit uses Jobs,
// Compose, Renderers and Progress. Result.Planned is the number of documents
// fitted and Result.Failed those that do not fit (or could not be set), in
// plan order; nothing is Written.
func Fit(ctx context.Context, ds *statement.Dataset, jobs []Job, opt Options) *Result {
	start := time.Now()
	// A brief is the same page for every audience; a pack flows onto as
	// many pages as it takes, and what can overflow is its cover, which
	// depends on the audience.
	type key struct {
		kind           statement.Kind
		lang, rec, aud string
		paper          statement.Paper
		format         statement.Format
		print          statement.Print
	}
	var fit []Job
	seen := map[key]bool{}
	for _, j := range jobs {
		if j.Deliverable() {
			continue // made from documents, nothing to set
		}
		k := key{j.Kind, j.Lang, j.RecID, "", j.Paper, j.Format, j.Print}
		if j.Kind == statement.KindPack {
			k.aud = j.Audience
		}
		if !seen[k] {
			seen[k] = true
			fit = append(fit, j)
		}
	}
	b := &build{opt: opt, jobs: fit}
	b.shareQR()
	res := b.makeAll(ctx, b.languages(ds), b.fit1)
	res.Elapsed = time.Since(start)
	return res
}

// shareQR gives the build one QR code per source address, unless the
// caller gave a cache of its own.
func (b *build) shareQR() {
	if b.opt.Compose.QR == nil {
		b.opt.Compose.QR = &qrcode.Cache{}
	}
}

// languages returns the statement in each language of b's jobs.
func (b *build) languages(ds *statement.Dataset) map[string]*statement.Statement {
	statements := map[string]*statement.Statement{}
	for _, j := range b.jobs {
		if _, ok := statements[j.Lang]; !ok {
			statements[j.Lang], _ = ds.In(j.Lang)
		}
	}
	return statements
}

// build is one run of Run (or of Fit, which has no folder).
type build struct {
	opt  Options
	jobs []Job
	ds   *statement.Dataset
	f    *folder
	warn func(string)
	// statement is the id of the statement built.
	statement string
	// known is the documents of ours on disk before this build, by path;
	// edited the files at our paths a person changed, by path.
	known  map[string]Entry
	edited map[string]Kept
	jn     *journal

	// made holds, by path, what became of each job of makeAll (see
	// made1): a deliverable waits there for the documents it holds.
	made map[string]*outcome

	mu sync.Mutex
	// newlyEdited are files found edited during this build.
	newlyEdited []Kept
	diskFull    *DiskFullError
}

// prepare reads what an earlier build left, checks the folders this one
// will touch, cleans up after a killed build, and opens the journal.
func (b *build) prepare(statement string) error {
	f := b.f
	b.statement = statement
	old, err := f.readManifest()
	if err != nil {
		return err
	}
	if old.Statement != "" && old.Statement != statement && len(old.Documents) > 0 {
		return fmt.Errorf("%s lists %d documents of statement %q, and this build is of %q: build into another --out (or remove %s to start afresh there; its documents are then no longer tracked)",
			f.show(ManifestJSON), len(old.Documents), old.Statement, statement, f.show(ManifestJSON))
	}
	journaled, hadJournal, err := f.readJournal()
	if err != nil {
		return err
	}
	dirs := map[string]bool{".": true}
	for _, j := range b.jobs {
		dirs[path.Dir(j.Path)] = true
	}
	for _, e := range old.Documents {
		dirs[path.Dir(e.Path)] = true
	}
	for _, e := range journaled {
		dirs[path.Dir(e.Path)] = true
	}
	for _, k := range old.Edited {
		dirs[path.Dir(k.Path)] = true
	}
	for d := range dirs {
		if err := f.checkDir(d); err != nil {
			return err
		}
	}
	if gone := f.removeTemps(dirs); len(gone) > 0 {
		b.warn(fmt.Sprintf("removed %d temporary %s an interrupted build left in %s/", len(gone), plural(len(gone), "file", "files"), f.name))
	}
	b.known = map[string]Entry{}
	b.edited = map[string]Kept{}
	for _, k := range old.Edited {
		b.edited[k.Path] = k
	}
	for _, e := range old.Documents {
		b.known[e.Path] = e
	}
	if hadJournal {
		if err := b.recover(old, journaled); err != nil {
			return err
		}
	}
	if err := b.reserve(); err != nil {
		return err
	}
	b.jn, err = f.openJournal()
	if err != nil {
		f.root.Remove(ReserveFile)
		if IsDiskFull(err) {
			return diskFullError(f, err)
		}
		return fmt.Errorf("%s: %w", f.show(JournalFile), err)
	}
	return nil
}

// recover folds the journal of a build that was killed into what is known:
// each path is ours with the bytes the journal or the manifest says, when
// the file on disk has them. It then writes a manifest true for the disk,
// so that a kill of this build loses nothing either.
func (b *build) recover(old *Manifest, journaled []Entry) error {
	f := b.f
	last := map[string]Entry{}
	for _, e := range journaled {
		last[e.Path] = e
	}
	inOld := map[string]Entry{}
	for _, e := range old.Documents {
		inOld[e.Path] = e
	}
	paths := map[string]bool{}
	for p := range last {
		paths[p] = true
	}
	for p := range inOld {
		paths[p] = true
	}
	n := 0
	for p := range paths {
		if e, ok := last[p]; ok && f.matches(e) {
			b.known[p] = e
			delete(b.edited, p)
			n++
			continue
		}
		if e, ok := inOld[p]; ok && f.matches(e) {
			b.known[p] = e
			continue
		}
		delete(b.known, p)
		if _, ok := inOld[p]; ok {
			if _, sum, err := f.sum(p); err == nil {
				b.edited[p] = Kept{Path: p, SHA256: sum}
			}
		}
	}
	m := b.manifest(nil)
	if err := m.write(f); err != nil {
		if IsDiskFull(err) {
			return fmt.Errorf("manifest: %w", diskFullError(f, err))
		}
		return fmt.Errorf("manifest: %w", err)
	}
	if err := f.root.Remove(JournalFile); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("%s: %w", f.show(JournalFile), err)
	}
	if n > 0 {
		b.warn(fmt.Sprintf("recovered %d %s an interrupted build wrote (noted in %s); the manifest lists them again", n, plural(n, "document", "documents"), f.show(JournalFile)))
	}
	return nil
}

// manifest is the manifest for what is known plus extra, with the edited
// files.
func (b *build) manifest(extra []Entry) *Manifest {
	m := &Manifest{Statement: b.statement}
	seen := map[string]bool{}
	for _, e := range extra {
		m.Documents = append(m.Documents, e)
		seen[e.Path] = true
	}
	for p, e := range b.known {
		if !seen[p] {
			m.Documents = append(m.Documents, e)
		}
	}
	for _, k := range b.edited {
		m.Edited = append(m.Edited, k)
	}
	return m
}

// makeAll makes each document with one (b.make1 renders and writes it,
// b.fit1 fits it) on a worker pool until they are done, ctx is done or
// the disk is full.
func (b *build) makeAll(ctx context.Context, statements map[string]*statement.Statement, one func(context.Context, *statement.Statement, Job) (*Entry, error)) *Result {
	jobs := b.jobs
	stop, cancel := context.WithCancel(ctx)
	defer cancel()
	n := b.opt.Jobs
	if n <= 0 {
		n = runtime.GOMAXPROCS(0)
	}
	progress := b.opt.Progress
	if progress == nil {
		progress = Quiet{}
	}
	progress.Start(jobs)
	entries := make([]*Entry, len(jobs))
	errs := make([]error, len(jobs))
	b.made = make(map[string]*outcome, len(jobs))
	outcomes := make([]outcome, len(jobs))
	for i, j := range jobs {
		outcomes[i].done = make(chan struct{})
		b.made[j.Path] = &outcomes[i]
	}
	next := make(chan int)
	var wg sync.WaitGroup
	var mu sync.Mutex
	var heavy sync.RWMutex
	for w := 0; w < n; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				j := jobs[i]
				s := statements[j.Lang]
				big := j.Kind == statement.KindPack && len(s.Recommendations) >= heavyRecs
				// A deliverable takes no turn of the heavy lock: it
				// waits for its documents, a big pack among them.
				switch {
				case j.Deliverable():
				case big:
					heavy.Lock()
				default:
					heavy.RLock()
				}
				e, err := one(stop, s, j)
				switch {
				case j.Deliverable():
				case big:
					heavy.Unlock()
				default:
					heavy.RUnlock()
				}
				entries[i], errs[i] = e, err
				outcomes[i].entry, outcomes[i].err = e, err
				close(outcomes[i].done)
				if IsDiskFull(err) {
					b.mu.Lock()
					if b.diskFull == nil {
						b.diskFull = &DiskFullError{Out: b.f.name, Path: j.Path, Err: err}
					}
					b.mu.Unlock()
					cancel()
					continue
				}
				if errors.Is(err, errStopped) {
					continue
				}
				mu.Lock()
				progress.Done(j, e, err)
				mu.Unlock()
			}
		}()
	}
dispatch:
	for i := range jobs {
		select {
		case next <- i:
		case <-stop.Done():
			break dispatch
		}
	}
	close(next)
	wg.Wait()
	progress.Finish()

	res := &Result{Planned: len(jobs), Interrupted: ctx.Err() != nil, DiskFull: b.diskFull}
	for i, j := range jobs {
		switch {
		case entries[i] != nil && entries[i].upToDate:
			res.UpToDate = append(res.UpToDate, *entries[i])
		case entries[i] != nil:
			res.Written = append(res.Written, *entries[i])
			res.Pages += entries[i].Pages
			res.Bytes += entries[i].Bytes
		case errors.Is(errs[i], ErrEdited):
			res.Kept = append(res.Kept, j)
		case errs[i] != nil && !errors.Is(errs[i], errStopped) && !IsDiskFull(errs[i]):
			res.Failed = append(res.Failed, Failure{Job: j, Err: errs[i]})
		}
	}
	return res
}

// make1 composes, renders and writes one document. A panic in a renderer
// is that document's failure, not the end of the build: the temporary
// file is removed on the way out and the other documents are still made.
func (b *build) make1(ctx context.Context, s *statement.Statement, j Job) (e *Entry, err error) {
	defer func() {
		if r := recover(); r != nil {
			e, err = nil, fmt.Errorf("internal error (please report it): %v", r)
		}
	}()
	if ctx.Err() != nil {
		return nil, errStopped
	}
	intact, err := b.mayOverwrite(j.Path)
	if err != nil {
		return nil, err
	}
	if j.Deliverable() {
		return b.deliver(ctx, s, j, intact)
	}
	d, r, err := b.compose(s, j)
	if err != nil {
		return nil, err
	}
	inputs := ""
	if b.opt.Key != "" {
		if inputs, err = inputsKey(b.opt.Key, j, d); err != nil {
			return nil, err
		}
		if e, ok := b.upToDate(j.Path, inputs, intact); ok {
			return e, nil
		}
	}
	return b.write(ctx, j, inputs, func(w io.Writer) (int, error) { return r.Render(ctx, w, d) })
}

// write writes job j's file through render, made from inputs (see
// Entry.Inputs), atomically, noting it in the journal before it lands,
// and returns its entry.
func (b *build) write(ctx context.Context, j Job, inputs string, render func(io.Writer) (pages int, err error)) (*Entry, error) {
	pages := 0
	st, err := b.f.stage(j.Path, func(w io.Writer) error {
		var err error
		pages, err = render(stopWriter{ctx, w})
		return err
	})
	if err != nil {
		if ctx.Err() != nil && !IsDiskFull(err) {
			return nil, errStopped
		}
		return nil, err
	}
	e := &Entry{
		Path: j.Path, Audience: j.Audience, Lang: j.Lang, Kind: j.Kind, Rec: j.Rec, RecID: j.RecID,
		Format: j.Format, Paper: j.Paper, Print: j.Print, Pages: pages, Bytes: st.Bytes, SHA256: st.SHA256,
		Inputs: inputs,
	}
	// Note it before it lands, so that a kill between the two loses
	// nothing: the next build checks the bytes on disk against the note.
	if err := b.jn.note(*e); err != nil {
		b.f.discard(st)
		return nil, err
	}
	if err := b.f.commit(st); err != nil {
		return nil, err
	}
	return e, nil
}

// fit1 composes one document and fits it with its renderer (Renderer.Fit),
// writing nothing; a panic is that document's failure, as in make1.
func (b *build) fit1(ctx context.Context, s *statement.Statement, j Job) (e *Entry, err error) {
	defer func() {
		if r := recover(); r != nil {
			e, err = nil, fmt.Errorf("internal error (please report it): %v", r)
		}
	}()
	if ctx.Err() != nil {
		return nil, errStopped
	}
	d, r, err := b.compose(s, j)
	if err != nil {
		return nil, err
	}
	if err := r.Fit(ctx, d); err != nil {
		if ctx.Err() != nil {
			return nil, errStopped
		}
		return nil, err
	}
	return nil, nil
}

// compose makes job j's document from s, the statement in j's language,
// and returns it with the renderer of j's format.
func (b *build) compose(s *statement.Statement, j Job) (*doc.Doc, Renderer, error) {
	r := b.opt.Renderers[j.Format]
	if r == nil {
		return nil, nil, fmt.Errorf("no renderer for format %q", j.Format)
	}
	a := s.Audience(j.Audience)
	co := b.opt.Compose
	co.Paper = j.Paper
	co.Print = j.Print
	if j.Kind == statement.KindPack {
		return compose.Pack(s, a, co), r, nil
	}
	return compose.Brief(s, a, s.Recommendation(j.RecID), co), r, nil
}

// mayOverwrite refuses to replace a symbolic link at p (a *LinkError), or
// a file at p that a person edited after a build wrote it; it records the
// edit so later builds keep it too. intact reports whether p holds the
// bytes the manifest lists for it, read once here for upToDate too.
func (b *build) mayOverwrite(p string) (intact bool, err error) {
	if err := b.f.link(p); err != nil {
		return false, err
	}
	e, known := b.known[p]
	_, wasEdited := b.edited[p]
	if !known && !wasEdited {
		return false, nil
	}
	n, sum, err := b.f.sum(p)
	if err != nil {
		return false, nil // gone (or unreadable): write it
	}
	if known && n == e.Bytes && sum == e.SHA256 {
		return true, nil
	}
	b.mu.Lock()
	b.newlyEdited = append(b.newlyEdited, Kept{Path: p, SHA256: sum})
	b.mu.Unlock()
	return false, ErrEdited
}

// upToDate returns the manifest's entry for the document at p when it
// was made from inputs and the file on disk is intact: it still has the
// bytes the manifest lists (mayOverwrite read them).
func (b *build) upToDate(p, inputs string, intact bool) (*Entry, bool) {
	e, ok := b.known[p]
	if !ok || !intact || b.opt.Force || e.Inputs != inputs {
		return nil, false
	}
	e.upToDate = true
	return &e, true
}

// stopWriter fails writes once ctx is done, so that a renderer that
// streams stops early and its document is discarded.
type stopWriter struct {
	ctx context.Context
	w   io.Writer
}

func (s stopWriter) Write(p []byte) (int, error) {
	if s.ctx.Err() != nil {
		return 0, errStopped
	}
	return s.w.Write(p)
}

// finish prunes (after a build that ran through), writes the manifest and
// removes the journal.
func (b *build) finish(res *Result, sel Selection) error {
	f := b.f
	planned := make(map[string]bool, len(b.jobs))
	for _, j := range b.jobs {
		planned[j.Path] = true
	}
	written := make(map[string]bool, len(res.Written))
	for _, e := range res.Written {
		written[e.Path] = true
		delete(b.edited, e.Path)
	}
	for _, k := range b.newlyEdited {
		b.edited[k.Path] = k
		delete(b.known, k.Path)
	}
	complete := !res.Interrupted && res.DiskFull == nil
	for p, e := range b.known {
		if written[p] {
			continue
		}
		prune := complete && !planned[p] && sel.InScope(e.job())
		if !prune {
			// Keep it while it is still there with its size; it is
			// checked in full before it is ever removed or replaced.
			if fi, err := f.root.Lstat(p); err != nil || !fi.Mode().IsRegular() || fi.Size() != e.Bytes {
				delete(b.known, p)
			}
			continue
		}
		delete(b.known, p)
		n, sum, err := f.sum(p)
		switch {
		case errors.Is(err, fs.ErrNotExist):
		case err == nil && n == e.Bytes && sum == e.SHA256:
			if err := f.remove(p); err != nil {
				b.known[p] = e
				b.warn(fmt.Sprintf("could not remove %s, which this build no longer makes: %v", f.show(p), err))
			} else {
				res.Removed = append(res.Removed, p)
			}
		default:
			b.warn(fmt.Sprintf("kept %s: this build no longer makes it, but it was edited after the build that wrote it, so it is yours now", f.show(p)))
		}
	}
	// An edited file stays on record while it holds the edited bytes.
	for p, k := range b.edited {
		if _, sum, err := f.sum(p); err != nil || sum != k.SHA256 {
			delete(b.edited, p)
		}
	}
	f.root.Remove(ReserveFile)
	m := b.manifest(res.Written)
	werr := m.write(f)
	b.jn.close()
	if werr != nil {
		// The journal stays: the next build recovers from it.
		if IsDiskFull(werr) {
			return fmt.Errorf("manifest: %w (the next build recovers the documents written)", diskFullError(f, werr))
		}
		return fmt.Errorf("manifest: %w (the next build recovers the documents written)", werr)
	}
	f.root.Remove(JournalFile)
	// The index page follows the manifest: it shows what the manifest
	// lists. The documents and their manifest stand without it, so a page
	// that cannot be written is a warning, not a failed build.
	if err := b.writeIndex(m); err != nil {
		b.warn(fmt.Sprintf("%s: %v", f.show(IndexHTML), err))
	}
	return nil
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
