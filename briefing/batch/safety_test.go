package batch_test

import (
	"context"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"briefing/briefing/batch"
	"briefing/briefing/doc"
	"briefing/briefing/statement"
	"briefing/internal/testtool"
)

// build runs a whole build of ds into out with r, and returns the result,
// the warnings and the error.
func build(ctx context.Context, t *testing.T, ds *statement.Dataset, out string, r batch.Renderer, opt batch.Options) (*batch.Result, []string, error) {
	t.Helper()
	plan, err := batch.Plan(ds, batch.Selection{}, statement.PaperA4)
	if err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	var warns []string
	opt.Out = out
	if opt.Jobs == 0 {
		opt.Jobs = 2
	}
	opt.Renderers = map[statement.Format]batch.Renderer{statement.FormatPDF: r, statement.FormatDOCX: r}
	opt.Warn = func(m string) {
		mu.Lock()
		warns = append(warns, m)
		mu.Unlock()
	}
	res, err := batch.Run(ctx, ds, plan, batch.Selection{}, opt)
	return res, warns, err
}

// TestSymlinkedFolderOutside: a folder inside --out replaced by a link to
// another folder: the build is refused, naming the link, and nothing is
// written there; a pruning build removes nothing through it either.
func TestSymlinkedFolderOutside(t *testing.T) {
	ds := load(t)
	out, elsewhere := t.TempDir(), t.TempDir()
	if err := os.Symlink(elsewhere, filepath.Join(out, "delegates")); err != nil {
		t.Fatal(err)
	}
	_, _, err := build(context.Background(), t, ds, out, fake{}, batch.Options{})
	var ee *batch.EscapeError
	if !errors.As(err, &ee) || ee.Link != filepath.Join(out, "delegates") || !strings.Contains(err.Error(), "is a symbolic link to "+elsewhere) {
		t.Fatalf("error %v, want one naming %s", err, filepath.Join(out, "delegates"))
	}
	if got := testtool.Files(t, elsewhere); len(got) > 0 {
		t.Errorf("written through the link: %v", got)
	}
	if got := testtool.Files(t, out); len(got) != 1 || got[0] != "delegates" {
		t.Errorf("written although the build was refused: %v", got)
	}

	// Pruning: the donors folder (in the manifest) becomes a link to a
	// copy outside; the donors audience goes. Nothing outside is removed.
	out = t.TempDir()
	run(t, ds, batch.Selection{}, out, fake{})
	donors, copyOut := filepath.Join(out, "donors"), filepath.Join(t.TempDir(), "donors")
	if err := os.Rename(donors, copyOut); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(copyOut, donors); err != nil {
		t.Fatal(err)
	}
	before := testtool.Files(t, copyOut)
	ds.Base.Audiences = ds.Base.Audiences[:2]
	_, _, err = build(context.Background(), t, ds, out, fake{}, batch.Options{})
	if !errors.As(err, &ee) || ee.Link != donors {
		t.Errorf("error %v, want one naming %s", err, donors)
	}
	if got := testtool.Files(t, copyOut); strings.Join(got, " ") != strings.Join(before, " ") {
		t.Errorf("files outside --out changed:\n%v\nwant:\n%v", got, before)
	}
}

// TestSymlinkedFileOutside: a document replaced by a link to a file
// outside --out (a person filed it elsewhere): the rebuild leaves the link
// and the file alone and fails that document, naming the link; the
// manifest no longer lists it.
func TestSymlinkedFileOutside(t *testing.T) {
	ds := load(t)
	out := t.TempDir()
	run(t, ds, batch.Selection{}, out, fake{})
	victim := filepath.Join(t.TempDir(), "precious.txt")
	os.WriteFile(victim, []byte("precious"), 0o644)
	rel := "delegates/en/cartagena40-pack.pdf"
	doc := filepath.Join(out, filepath.FromSlash(rel))
	os.Remove(doc)
	if err := os.Symlink(victim, doc); err != nil {
		t.Fatal(err)
	}
	res := run(t, ds, batch.Selection{}, out, fake{})
	var le *batch.LinkError
	if len(res.Failed) != 1 || res.Failed[0].Job.Path != rel || !errors.As(res.Failed[0].Err, &le) || le.Target != victim {
		t.Errorf("failed: %v, want %s alone, a link to %s", res.Failed, rel, victim)
	}
	if b, _ := os.ReadFile(victim); string(b) != "precious" {
		t.Errorf("the file the link pointed at was written: %q", b)
	}
	if target, err := os.Readlink(doc); err != nil || target != victim {
		t.Errorf("the link was replaced: %q, %v", target, err)
	}
	if listed := testtool.ManifestTrue(t, out, rel); slices.Contains(listed, rel) {
		t.Errorf("the manifest lists the link %s", rel)
	}
}

// TestEditedFileKept: a file edited after the build is neither pruned nor
// overwritten; the build says so, naming it.
func TestEditedFileKept(t *testing.T) {
	ds := load(t)
	out := t.TempDir()
	run(t, ds, batch.Selection{}, out, fake{})
	pruned := "donors/en/cartagena40-pack.docx"
	rebuilt := "delegates/en/cartagena40-pack.docx"
	for _, p := range []string{pruned, rebuilt} {
		f, err := os.OpenFile(filepath.Join(out, p), os.O_APPEND|os.O_WRONLY, 0)
		if err != nil {
			t.Fatal(err)
		}
		f.WriteString("my edit")
		f.Close()
	}
	ds.Base.Audiences = ds.Base.Audiences[:2] // delegates, states: donors go
	res, warns, err := build(context.Background(), t, ds, out, fake{}, batch.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{pruned, rebuilt} {
		if b, _ := os.ReadFile(filepath.Join(out, p)); !strings.HasSuffix(string(b), "my edit") {
			t.Errorf("%s: the edit is gone", p)
		}
	}
	if !strings.Contains(strings.Join(warns, "\n"), "kept "+filepath.Join(out, pruned)) {
		t.Errorf("no warning names %s: %q", pruned, warns)
	}
	if len(res.Failed) != 0 || len(res.Kept) != 1 || res.Kept[0].Path != rebuilt {
		t.Errorf("failures %v, kept %v: want %s kept as edited, no failure", res.Failed, res.Kept, rebuilt)
	}
	for _, r := range res.Removed {
		if r == pruned {
			t.Errorf("%s removed", pruned)
		}
	}
	testtool.ManifestTrue(t, out, pruned, rebuilt)
	// The next build still keeps the edit at a path it makes.
	res, _, _ = build(context.Background(), t, ds, out, fake{}, batch.Options{})
	if b, _ := os.ReadFile(filepath.Join(out, rebuilt)); !strings.HasSuffix(string(b), "my edit") || len(res.Kept) != 1 {
		t.Errorf("second rebuild: the edit is gone or not reported (%v)", res.Kept)
	}
	// Deleting it lets the build make it again.
	os.Remove(filepath.Join(out, rebuilt))
	res, _, _ = build(context.Background(), t, ds, out, fake{}, batch.Options{})
	if len(res.Failed) != 0 || len(res.Kept) != 0 {
		t.Errorf("after removing the edited file: %v %v", res.Failed, res.Kept)
	}
	testtool.ManifestTrue(t, out, pruned)
}

// TestForeignManifest: a manifest.json this program did not write is
// never overwritten, and nothing is built beside it; one from before the
// generator key is still ours.
func TestForeignManifest(t *testing.T) {
	ds := load(t)
	for name, content := range map[string]string{
		"web app":  `{"name": "My app", "icons": []}`,
		"other":    `{"generator": "sometool", "schema": 1, "documents": []}`,
		"newer":    `{"generator": "briefing", "schema": 99, "documents": []}`,
		"not json": "manifest-version: 1\n",
	} {
		t.Run(name, func(t *testing.T) {
			out := t.TempDir()
			p := filepath.Join(out, batch.ManifestJSON)
			os.WriteFile(p, []byte(content), 0o644)
			_, _, err := build(context.Background(), t, ds, out, fake{}, batch.Options{})
			var fe *batch.ForeignError
			if !errors.As(err, &fe) || !strings.Contains(err.Error(), p) {
				t.Errorf("error %v, want one naming %s as not ours", err, p)
			}
			if b, _ := os.ReadFile(p); string(b) != content {
				t.Errorf("the manifest was changed to %q", b)
			}
			if got := testtool.Files(t, out); len(got) != 1 {
				t.Errorf("written beside a foreign manifest: %v", got)
			}
		})
	}
	t.Run("legacy", func(t *testing.T) {
		out := t.TempDir()
		run(t, ds, batch.Selection{}, out, fake{})
		m, _ := batch.ReadManifest(out)
		old := strings.Replace(mustRead(t, filepath.Join(out, batch.ManifestJSON)), "\"generator\": \"briefing\",\n  \"schema\": 1,\n", "", 1)
		os.WriteFile(filepath.Join(out, batch.ManifestJSON), []byte(old), 0o644)
		ds := load(t)
		ds.Base.Audiences = ds.Base.Audiences[:2]
		res := run(t, ds, batch.Selection{}, out, fake{})
		if len(res.Removed) == 0 || len(m.Documents) == 0 {
			t.Errorf("a manifest from before the generator key was not taken as ours")
		}
		testtool.ManifestTrue(t, out)
	})
}

// TestOtherStatement: a folder holding another statement's documents is
// not pruned by a build of this one (forgetting --data).
func TestOtherStatement(t *testing.T) {
	ds := load(t)
	out := t.TempDir()
	run(t, ds, batch.Selection{}, out, fake{})
	before := testtool.Files(t, out)
	other := load(t)
	other.Base.ID = "mystatement"
	_, _, err := build(context.Background(), t, other, out, fake{}, batch.Options{})
	if err == nil || !strings.Contains(err.Error(), `documents of statement "cartagena40", and this build is of "mystatement"`) {
		t.Errorf("error %v", err)
	}
	if got := testtool.Files(t, out); strings.Join(got, " ") != strings.Join(before, " ") {
		t.Errorf("the folder changed")
	}
}

// gate is a renderer that signals when it starts and waits for release.
type gate struct {
	started chan struct{}
	release chan struct{}
	once    sync.Once
}

func (g *gate) Fit(_ context.Context, d *doc.Doc) error { return nil }

func (g *gate) Render(ctx context.Context, w io.Writer, d *doc.Doc) (int, error) {
	g.once.Do(func() { close(g.started) })
	<-g.release
	return fake{}.Render(ctx, w, d)
}

// TestSecondBuildWaitsThenFails: while a build writes to a folder,
// another one waits LockWait, then fails naming the first one's pid;
// once the first ends, the second can run.
func TestSecondBuildWaitsThenFails(t *testing.T) {
	ds := load(t)
	out := t.TempDir()
	g := &gate{started: make(chan struct{}), release: make(chan struct{})}
	done := make(chan error)
	go func() {
		_, _, err := build(context.Background(), t, ds, out, g, batch.Options{})
		done <- err
	}()
	<-g.started
	start := time.Now()
	_, _, err := build(context.Background(), t, ds, out, fake{}, batch.Options{LockWait: 300 * time.Millisecond})
	var be *batch.BusyError
	want := "another build (pid " + strconv.Itoa(os.Getpid()) + ") is writing to " + out + "/"
	if !errors.As(err, &be) || !strings.HasPrefix(err.Error(), want) {
		t.Errorf("error %v, want it to start %q", err, want)
	}
	if d := time.Since(start); d < 300*time.Millisecond {
		t.Errorf("gave up after %v, before the wait", d)
	}
	close(g.release)
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if _, _, err := build(context.Background(), t, ds, out, fake{}, batch.Options{LockWait: -1}); err != nil {
		t.Errorf("after the first build: %v", err)
	}
	testtool.ManifestTrue(t, out)
}

// TestStaleLockTakenOver: a lock file left by a build that died is taken
// over, with a note naming its pid.
func TestStaleLockTakenOver(t *testing.T) {
	ds := load(t)
	out := t.TempDir()
	// A process that has ended: its pid is free.
	cmd := exec.Command("true")
	if err := cmd.Run(); err != nil {
		t.Skip("no true command to make a dead pid")
	}
	pid := cmd.Process.Pid
	os.WriteFile(filepath.Join(out, batch.LockFile), []byte(strconv.Itoa(pid)+"\n"), 0o644)
	_, warns, err := build(context.Background(), t, ds, out, fake{}, batch.Options{LockWait: -1})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(strings.Join(warns, "\n"), "from build pid "+strconv.Itoa(pid)+", which ended") {
		t.Errorf("no note about the stale lock: %q", warns)
	}
	testtool.ManifestTrue(t, out)
}

// TestConcurrentBuildsInProcess: many builds at once into one folder (as
// two terminals would): each runs in turn, and the manifest is true.
func TestConcurrentBuildsInProcess(t *testing.T) {
	ds := load(t)
	out := t.TempDir()
	var wg sync.WaitGroup
	for _, aud := range []string{"delegates", "states", "donors"} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sel := batch.Selection{Audiences: []string{aud}}
			plan, _ := batch.Plan(ds, sel, statement.PaperA4)
			_, err := batch.Run(context.Background(), ds, plan, sel, batch.Options{Out: out, Jobs: 2,
				Renderers: map[statement.Format]batch.Renderer{statement.FormatPDF: fake{}, statement.FormatDOCX: fake{}}})
			if err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	listed := testtool.ManifestTrue(t, out)
	for _, aud := range []string{"delegates/", "states/", "donors/"} {
		if !strings.Contains(strings.Join(listed, " "), aud) {
			t.Errorf("the manifest lists nothing of %s", aud)
		}
	}
}

// stopAfter renders like fake and cancels the build after n documents.
type stopAfter struct {
	n      int64
	count  *atomic.Int64
	cancel context.CancelFunc
}

func (s stopAfter) Fit(_ context.Context, d *doc.Doc) error { return nil }

func (s stopAfter) Render(ctx context.Context, w io.Writer, d *doc.Doc) (int, error) {
	if s.count.Add(1) == s.n {
		s.cancel()
	}
	return fake{}.Render(ctx, w, d)
}

// TestInterruptedManifestTrue: a build cancelled midway (Ctrl-C) after an
// earlier full build of other data: the manifest lists what is on disk,
// old and new, and no temporary file is left; the next build finishes and
// prunes.
func TestInterruptedManifestTrue(t *testing.T) {
	ds := load(t)
	out := t.TempDir()
	run(t, ds, batch.Selection{}, out, fake{})
	ds.Base.Recommendations = ds.Base.Recommendations[:2]
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	res, _, err := build(ctx, t, ds, out, stopAfter{n: 5, count: new(atomic.Int64), cancel: cancel}, batch.Options{Jobs: 1})
	if err != nil {
		t.Fatal(err)
	}
	if !res.Interrupted || len(res.Written) >= res.Planned || len(res.Removed) > 0 {
		t.Errorf("interrupted %v, written %d of %d, removed %d", res.Interrupted, len(res.Written), res.Planned, len(res.Removed))
	}
	testtool.ManifestTrue(t, out)
	res, _, _ = build(context.Background(), t, ds, out, fake{}, batch.Options{})
	if len(res.Removed) == 0 {
		t.Errorf("the next build pruned nothing")
	}
	for _, p := range testtool.ManifestTrue(t, out) {
		if strings.Contains(p, "-rec3-") || strings.Contains(p, "-rec4-") {
			t.Errorf("orphan kept: %s", p)
		}
	}
}

func mustRead(t *testing.T, p string) string {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// padded renders like fake, padded to size bytes.
type padded struct{ size int }

func (p padded) Fit(_ context.Context, d *doc.Doc) error { return nil }

func (p padded) Render(ctx context.Context, w io.Writer, d *doc.Doc) (int, error) {
	n, err := fake{}.Render(ctx, w, d)
	if err != nil {
		return n, err
	}
	_, err = w.Write(make([]byte, p.size))
	return n, err
}

// TestDiskFull: the disk fills midway (a small tmpfs): the build stops
// starting documents, says so once, and the manifest (JSON and CSV alike)
// lists exactly the documents on disk, old and new.
func TestDiskFull(t *testing.T) {
	ds := load(t)
	out := filepath.Join(testtool.Tmpfs(t, "640k"), "out")
	// A first build that fits, then a second whose documents are larger.
	run(t, ds, batch.Selection{Kinds: []statement.Kind{statement.KindPack}}, out, fake{})
	res, _, err := build(context.Background(), t, ds, out, padded{16 << 10}, batch.Options{})
	if err != nil {
		t.Fatalf("the manifest could not be written: %v", err)
	}
	if res.DiskFull == nil || !batch.IsDiskFull(res.DiskFull.Err) {
		t.Fatalf("disk full not reported: %+v", res)
	}
	if len(res.Written) == 0 || len(res.Written) >= res.Planned {
		t.Errorf("written %d of %d; want some, not all", len(res.Written), res.Planned)
	}
	if len(res.Failed) != 0 {
		t.Errorf("documents stopped by the full disk are listed as failures one by one: %v", res.Failed)
	}
	t.Logf("written %d of %d: %v", len(res.Written), res.Planned, res.DiskFull)
	testtool.ManifestTrue(t, out)
}
