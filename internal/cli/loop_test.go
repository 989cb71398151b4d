package cli_test

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// mtimes is every file under dir with its modification time, after
// setting them an hour back so that a rewrite shows.
func agedFiles(t *testing.T, dir string) map[string]time.Time {
	t.Helper()
	old := time.Now().Add(-time.Hour).Truncate(time.Second)
	m := map[string]time.Time{}
	filepath.Walk(dir, func(p string, fi os.FileInfo, err error) error {
		if err == nil && !fi.IsDir() {
			os.Chtimes(p, old, old)
			m[p] = old
		}
		return nil
	})
	return m
}

func sameMtimes(t *testing.T, dir string, want map[string]time.Time) {
	t.Helper()
	n := 0
	filepath.Walk(dir, func(p string, fi os.FileInfo, err error) error {
		if err != nil || fi.IsDir() {
			return nil
		}
		n++
		if w, ok := want[p]; !ok {
			t.Errorf("new file %s", p)
		} else if !fi.ModTime().Equal(w) {
			t.Errorf("%s rewritten", p)
		}
		return nil
	})
	if n != len(want) {
		t.Errorf("%d files, had %d", n, len(want))
	}
}

// TestRebuildUpToDate: a second build of unchanged input writes no file
// (documents and manifest keep their dates) and prints one line; off a
// terminal a build prints its summary alone; --force remakes everything;
// -v prints a line per document in plan order (the order --dry-run lists).
func TestRebuildUpToDate(t *testing.T) {
	dir := t.TempDir()
	code, stdout, stderr := runBinIn(t, dir, "", "build", "--lang", "en")
	if code != 0 || strings.Count(stdout, "\n") != 1 || !strings.Contains(stdout, ": built 28 documents") || stderr != "" {
		t.Fatalf("first build: exit %d\nstdout %q\nstderr %q", code, stdout, stderr)
	}
	files := agedFiles(t, filepath.Join(dir, "out"))
	code, stdout, stderr = runBinIn(t, dir, "", "build", "--lang", "en")
	if code != 0 || stdout != "data/cartagena40.yaml (built-in example): 28 documents up to date in out/\n" || stderr != "" {
		t.Errorf("second build: exit %d\nstdout %q\nstderr %q", code, stdout, stderr)
	}
	sameMtimes(t, filepath.Join(dir, "out"), files)

	code, stdout, _ = runBinIn(t, dir, "", "build", "--lang", "en", "--force", "-v")
	_, dry, _ := runBinIn(t, dir, "", "build", "--lang", "en", "--dry-run")
	var want []string
	for _, l := range strings.Split(strings.TrimSpace(dry), "\n") {
		if f := strings.Fields(l); len(f) == 4 {
			want = append(want, strings.TrimPrefix(filepath.ToSlash(f[0]), "out/"))
		}
	}
	// File names end on a word that ends a phrase, not "…-through".
	_, all, _ := runBinIn(t, dir, "", "build", "--dry-run")
	for _, l := range strings.Split(all, "\n") {
		f := strings.Fields(l)
		if len(f) != 4 {
			continue
		}
		stem := strings.TrimSuffix(filepath.Base(f[0]), filepath.Ext(f[0]))
		for _, w := range []string{"through", "the", "and", "of", "de", "la", "y", "del", "en", "to", "for"} {
			if strings.HasSuffix(stem, "-"+w) {
				t.Errorf("%s: the name ends on %q", f[0], w)
			}
		}
	}
	lines := strings.Split(strings.TrimSpace(stdout), "\n")
	// The first line names the statement.
	if len(lines) > 0 && lines[0] == "data/cartagena40.yaml (built-in example): 28 documents into out/" {
		lines = lines[1:]
	} else {
		t.Errorf("-v: first line %q", lines[0])
	}
	if code != 0 || len(lines) != len(want)+1 || !strings.Contains(lines[len(lines)-1], ": built 28 documents") {
		t.Fatalf("--force -v: exit %d, %d lines, want %d and a summary:\n%s", code, len(lines), len(want)+1, stdout)
	}
	for i, w := range want {
		if f := strings.Fields(lines[i]); len(f) < 2 || f[1] != w {
			t.Errorf("line %d: %q, want document %s (plan order)", i+1, lines[i], w)
		}
	}
}

// TestKeptEditIsNotAFailure: a DOCX edited after a build is kept, and the
// builds after it succeed (exit 0), naming it in a warning, the summary
// and the manifest; the other documents are up to date.
func TestKeptEditIsNotAFailure(t *testing.T) {
	dir := t.TempDir()
	if code, _, stderr := runBinIn(t, dir, "", "build", "--lang", "en", "--audience", "donors"); code != 0 {
		t.Fatalf("first build: %s", stderr)
	}
	rel := "donors/en/cartagena40-pack.docx"
	p := filepath.Join(dir, "out", filepath.FromSlash(rel))
	f, err := os.OpenFile(p, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString("my edit")
	f.Close()
	for i := range 2 {
		code, stdout, stderr := runBinIn(t, dir, "", "build", "--lang", "en", "--audience", "donors")
		if code != 0 {
			t.Errorf("build %d after the edit: exit %d\n%s%s", i+1, code, stdout, stderr)
		}
		if !strings.Contains(stderr, "warning: "+filepath.Join("out", filepath.FromSlash(rel))+": kept your edits") {
			t.Errorf("build %d: no warning names %s: %q", i+1, rel, stderr)
		}
		if !strings.Contains(stdout, "5 documents up to date in out/; 1 kept as you edited it") {
			t.Errorf("build %d: summary %q", i+1, stdout)
		}
	}
	if b, _ := os.ReadFile(p); !bytes.HasSuffix(b, []byte("my edit")) {
		t.Errorf("the edit is gone")
	}
	var m struct {
		Documents []struct {
			Path   string
			Format string
			Pages  *int
		}
		Edited []struct{ Path string }
	}
	b, _ := os.ReadFile(filepath.Join(dir, "out", "manifest.json"))
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	if len(m.Edited) != 1 || m.Edited[0].Path != rel {
		t.Errorf("manifest edited: %+v", m.Edited)
	}
	// Pages: null for a DOCX (Word paginates), a number for a PDF.
	for _, d := range m.Documents {
		if (d.Format == "docx") != (d.Pages == nil) {
			t.Errorf("%s: pages %v", d.Path, d.Pages)
		}
	}
}

// TestProject: after init, a bare "briefing" in the folder builds its
// statement (not the built-in one) into its out/, saying which on the
// first line, and a second one writes nothing and prints one line; the
// project file's selection applies and flags win over it; -C DIR runs in
// DIR; a folder with a statement.yaml and no project file builds it; a
// folder with neither builds the built-in example and says how to build
// a statement it holds.
func TestProject(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "proj")
	if code, _, stderr := runBinIn(t, root, "", "init", "proj"); code != 0 {
		t.Fatal(stderr)
	}
	code, stdout, stderr := runBinIn(t, dir, "")
	if code != 0 || !strings.HasPrefix(stdout, "statement.yaml: built 10 documents") || strings.Count(stdout, "\n") != 1 || stderr != "" {
		t.Fatalf("bare briefing in the project: exit %d\nstdout %q\nstderr %q", code, stdout, stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "out", "ministers", "en", "coastal-water-pack.pdf")); err != nil {
		t.Errorf("the starter's pack is not in proj/out: %v", err)
	}
	files := agedFiles(t, filepath.Join(dir, "out"))
	code, stdout, stderr = runBinIn(t, root, "", "-C", "proj")
	if code != 0 || stdout != "statement.yaml: 10 documents up to date in out/\n" || stderr != "" {
		t.Errorf("second build (-C proj): exit %d\nstdout %q\nstderr %q", code, stdout, stderr)
	}
	sameMtimes(t, filepath.Join(dir, "out"), files)

	// The project's selection and out folder; a flag wins.
	project := filepath.Join(dir, "briefing.yaml")
	os.WriteFile(project, []byte("data: statement.yaml\nout: pdfs\nformats: [pdf]\nkinds: [pack]\n"), 0o644)
	if code, stdout, stderr := runBinIn(t, dir, ""); code != 0 || !strings.HasPrefix(stdout, "statement.yaml: built 1 document ") || !strings.Contains(stdout, "into pdfs/") {
		t.Errorf("project selection: exit %d\n%s%s", code, stdout, stderr)
	}
	if code, stdout, stderr := runBinIn(t, dir, "", "--format", "docx"); code != 0 || !strings.HasPrefix(stdout, "statement.yaml: built 1 document ") {
		t.Errorf("--format over the project's: exit %d\n%s%s", code, stdout, stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "pdfs", "ministers", "en", "coastal-water-pack.docx")); err != nil {
		t.Errorf("--format docx: %v", err)
	}
	// A mistake in the project file is placed.
	os.WriteFile(project, []byte("data: statement.yaml\nformat: [pdf]\n"), 0o644)
	if code, _, stderr := runBinIn(t, dir, "", "check"); code != 1 || !strings.Contains(stderr, `briefing.yaml:2:1: format: unknown field "format"; did you mean "formats"?`) {
		t.Errorf("typo in the project file: exit %d\n%s", code, stderr)
	}
	os.WriteFile(project, []byte("data: statment.yaml\n"), 0o644)
	if code, _, stderr := runBinIn(t, dir, "", "check"); code != 1 || !strings.Contains(stderr, "briefing.yaml: data: statment.yaml: no such file; did you mean statement.yaml?") {
		t.Errorf("missing data file: exit %d\n%s", code, stderr)
	}
	// --data wins over the project's.
	if code, stdout, stderr := runBinIn(t, dir, "", "check", "--data", "statement.yaml"); code != 0 || !strings.HasPrefix(stdout, "statement.yaml: ok") {
		t.Errorf("--data over a broken project: exit %d\n%s%s", code, stdout, stderr)
	}

	// No project file: statement.yaml is the data.
	os.Remove(project)
	if code, stdout, stderr := runBinIn(t, dir, "", "check"); code != 0 || !strings.HasPrefix(stdout, "statement.yaml: ok") {
		t.Errorf("statement.yaml alone: exit %d\n%s%s", code, stdout, stderr)
	}
	// Neither: the built-in example, and a hint at the file that may be
	// the user's statement.
	other := t.TempDir()
	b, _ := os.ReadFile(filepath.Join(dir, "statement.yaml"))
	os.WriteFile(filepath.Join(other, "water.yaml"), b, 0o644)
	code, stdout, stderr = runBinIn(t, other, "", "check")
	if code != 0 || !strings.HasPrefix(stdout, "data/cartagena40.yaml (built-in example): ok") ||
		!strings.Contains(stderr, "note: no briefing.yaml or statement.yaml here, so this is the built-in example statement; to build yours: briefing --data water.yaml") {
		t.Errorf("a folder without a project: exit %d\nstdout %q\nstderr %q", code, stdout, stderr)
	}
}

// TestWatchProject: watch in a project folder reads the project file
// again when it is saved: its new selection applies from the next build;
// a broken one is reported and the last good one stays.
func TestWatchProject(t *testing.T) {
	root := t.TempDir()
	if code, _, stderr := runBinIn(t, root, "", "init", "proj"); code != 0 {
		t.Fatal(stderr)
	}
	dir := filepath.Join(root, "proj")
	cmd := exec.Command(binary(t), "watch", "--format", "pdf")
	cmd.Dir = dir
	var out output
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	out.waitFor(t, "Watching", 1)
	if !strings.Contains(out.String(), "statement.yaml: built 6 documents") {
		t.Fatalf("first build:\n%s", out.String())
	}
	save := func(content string) {
		tmp := filepath.Join(dir, "briefing.yaml.tmp~")
		os.WriteFile(tmp, []byte(content), 0o644)
		if err := os.Rename(tmp, filepath.Join(dir, "briefing.yaml")); err != nil {
			t.Fatal(err)
		}
	}
	save("data: statement.yaml\nkinds: [pack]\n")
	out.waitFor(t, "statement.yaml: 1 document up to date in out/", 1)
	save("data: statement.yaml\nkind: [pack]\n")
	out.waitFor(t, `briefing.yaml:2:1: kind: unknown field "kind"; did you mean "kinds"?`, 1)
	out.waitFor(t, "Watching", 3)
	cmd.Process.Signal(syscall.SIGINT)
	cmd.Wait()
}
