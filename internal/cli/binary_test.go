package cli_test

import (
	"bufio"
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"briefing/internal/testtool"
)

// The tests in this file run the built binary, as a user would.

var (
	binOnce sync.Once
	binDir  string
	binPath string
	binErr  error
)

func TestMain(m *testing.M) {
	code := m.Run()
	if binDir != "" {
		os.RemoveAll(binDir)
	}
	os.Exit(code)
}

// binary builds the briefing command once per test run and returns its
// path.
func binary(t *testing.T) string {
	t.Helper()
	binOnce.Do(func() {
		binDir, binErr = os.MkdirTemp("", "briefing-bin")
		if binErr != nil {
			return
		}
		os.Chmod(binDir, 0o755) // setpriv runs it as nobody
		binPath = filepath.Join(binDir, "briefing")
		out, err := exec.Command("go", "build", "-o", binPath, "briefing").CombinedOutput()
		if err != nil {
			binErr = &buildError{err, out}
		}
	})
	if binErr != nil {
		t.Fatal(binErr)
	}
	return binPath
}

type buildError struct {
	err error
	out []byte
}

func (e *buildError) Error() string { return "go build: " + e.err.Error() + "\n" + string(e.out) }

// output collects a process's output for a test to wait on.
type output struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (o *output) Write(p []byte) (int, error) {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.b.Write(p)
}

func (o *output) String() string {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.b.String()
}

// waitFor waits until the output holds n occurrences of s.
func (o *output) waitFor(t *testing.T, s string, n int) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for strings.Count(o.String(), s) < n {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %d× %q; output:\n%s", n, s, o.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// TestWatch drives briefing watch through a folder: the first build, a
// rebuild on save, broken data that keeps the last good files, a fix, and
// Ctrl-C.
func TestWatch(t *testing.T) {
	bin := binary(t)
	dir := t.TempDir()
	if out, err := exec.Command(bin, "init", dir).CombinedOutput(); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	data := filepath.Join(dir, "statement.yaml")
	good, _ := os.ReadFile(data)
	outDir := filepath.Join(dir, "out")
	cmd := exec.Command(bin, "watch", "--data", data, "--out", outDir, "--format", "pdf", "--kind", "brief")
	var out output
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	out.waitFor(t, "Watching", 1)
	brief := filepath.Join(outDir, "ministers", "en", "coastal-water-rec3-finance-what-cities-can-deliver.pdf")
	first, err := os.ReadFile(brief)
	if err != nil {
		t.Fatalf("first build: %v\n%s", err, out.String())
	}

	// A save (as editors do: a new file renamed over the old) rebuilds.
	save := func(content string) {
		tmp := data + ".tmp~"
		if err := os.WriteFile(tmp, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Rename(tmp, data); err != nil {
			t.Fatal(err)
		}
	}
	save(strings.Replace(string(good), "title: Finance what cities can deliver", "title: Finance what cities can deliver now", 1))
	out.waitFor(t, ": built 2 documents", 1)
	second, _ := os.ReadFile(brief)
	if bytes.Equal(first, second) {
		t.Errorf("the brief did not change after the save")
	}

	// Broken data: the problem is printed, nothing is written.
	save(strings.Replace(string(good), "id: coastal-water", "id: coastal-water\nsubtitel: oops", 1))
	out.waitFor(t, `unknown field "subtitel"`, 1)
	out.waitFor(t, "Watching", 3)
	if kept, _ := os.ReadFile(brief); !bytes.Equal(kept, second) {
		t.Errorf("broken data changed the last good file")
	}

	// Fixed again: rebuilt. An unrelated file in the folder does nothing.
	os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("x"), 0o644)
	save(string(good))
	out.waitFor(t, ": built 2 documents", 2)
	time.Sleep(400 * time.Millisecond)

	// Ctrl-C ends it cleanly.
	if err := cmd.Process.Signal(syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("watch ended with %v after Ctrl-C; output:\n%s", err, out.String())
		}
	case <-time.After(10 * time.Second):
		t.Fatalf("watch did not end on Ctrl-C; output:\n%s", out.String())
	}
	if s := out.String(); !strings.HasSuffix(s, "Stopped watching.\n") || strings.Count(s, ": built ") != 3 || strings.Contains(s, "notes.txt") {
		t.Errorf("output:\n%s", s)
	}
}

// TestReadmeExamples runs every "go run ." line of the README's sh blocks
// with the built binary, in order, in an empty folder: each must succeed.
// watch runs until it is watching, then gets Ctrl-C.
func TestReadmeExamples(t *testing.T) {
	bin := binary(t)
	readme, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	bash := testtool.Need(t, "bash")
	dir := t.TempDir()
	var n int
	inSh := false
	sc := bufio.NewScanner(bytes.NewReader(readme))
	comment := regexp.MustCompile(`\s+#.*$`)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "```sh"):
			inSh = true
			continue
		case strings.HasPrefix(line, "```"):
			inSh = false
			continue
		}
		if !inSh || !strings.Contains(line, "go run .") {
			continue
		}
		n++
		cmdline := strings.ReplaceAll(comment.ReplaceAllString(line, ""), "go run .", bin)
		t.Run(strings.TrimSpace(comment.ReplaceAllString(line, "")), func(t *testing.T) {
			cmd := exec.Command(bash, "-c", cmdline)
			cmd.Dir = dir
			var out output
			cmd.Stdout, cmd.Stderr = &out, &out
			if strings.Contains(cmdline+" ", " watch ") {
				if err := cmd.Start(); err != nil {
					t.Fatal(err)
				}
				out.waitFor(t, "Watching", 1)
				cmd.Process.Signal(syscall.SIGINT)
				if err := cmd.Wait(); err != nil {
					t.Errorf("%s: %v\n%s", line, err, out.String())
				}
				return
			}
			if err := cmd.Run(); err != nil {
				t.Errorf("%s: %v\n%s", line, err, out.String())
			}
		})
	}
	if n < 15 {
		t.Errorf("found only %d examples in the README", n)
	}
}

// TestGoVersion: the README states the go.mod go line as the minimum.
func TestGoVersion(t *testing.T) {
	mod, _ := os.ReadFile(filepath.Join("..", "..", "go.mod"))
	readme, _ := os.ReadFile(filepath.Join("..", "..", "README.md"))
	m := regexp.MustCompile(`(?m)^go (\S+)$`).FindSubmatch(mod)
	if m == nil {
		t.Fatal("go.mod has no go line")
	}
	if want := "Go " + string(m[1]) + " or newer"; !strings.Contains(string(readme), want) {
		t.Errorf("README does not say %q", want)
	}
}

// TestFontShortcut: the shipped binary (not a test binary, which carries no
// module information, so that fpdf's version check is skipped there) takes
// the font shortcut into fpdf, says so in version, and builds without a
// note; with BRIEFING_FPDF=public it makes the same PDFs through fpdf's
// public API (the same text; resource names differ) and says so once on
// stderr and in version.
func TestFontShortcut(t *testing.T) {
	bin := binary(t)
	version := func(env ...string) string {
		cmd := exec.Command(bin, "version")
		cmd.Env = append(os.Environ(), env...)
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("version: %v", err)
		}
		return string(out)
	}
	if v := version(); !strings.Contains(v, "PDF font shortcut: on (fpdf v") {
		t.Errorf("the built binary does not take the font shortcut:\n%s", v)
	}
	if v := version("BRIEFING_FPDF=public"); !strings.Contains(v, "PDF font shortcut: off (BRIEFING_FPDF=public)") {
		t.Errorf("version with BRIEFING_FPDF=public:\n%s", v)
	}
	dir := t.TempDir()
	build := func(out string, env ...string) (stderr string, files map[string][]byte) {
		cmd := exec.Command(bin, "build", "--out", filepath.Join(dir, out), "--format", "pdf", "--audience", "delegates", "-q")
		cmd.Env = append(os.Environ(), env...)
		var e bytes.Buffer
		cmd.Stderr = &e
		if err := cmd.Run(); err != nil {
			t.Fatalf("build: %v\n%s", err, e.String())
		}
		files = map[string][]byte{}
		paths, _ := filepath.Glob(filepath.Join(dir, out, "delegates", "*", "*.pdf"))
		for _, p := range paths {
			b, _ := os.ReadFile(p)
			files[filepath.Base(filepath.Dir(p))+"/"+filepath.Base(p)] = b
		}
		return e.String(), files
	}
	fast, shared := build("shared")
	slow, public := build("public", "BRIEFING_FPDF=public")
	if strings.Contains(fast, "public API") {
		t.Errorf("a build with the shortcut speaks of the public API:\n%s", fast)
	}
	if n := strings.Count(slow, "note: PDF fonts go through fpdf's public API"); n != 1 {
		t.Errorf("a build without the shortcut said so %d times, want once:\n%s", n, slow)
	}
	if len(shared) == 0 || len(shared) != len(public) {
		t.Fatalf("%d PDFs with the shortcut, %d without", len(shared), len(public))
	}
	pdftotext := testtool.Need(t, "pdftotext")
	text := func(b []byte) string {
		cmd := exec.Command(pdftotext, "-layout", "-", "-")
		cmd.Stdin = bytes.NewReader(b)
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("pdftotext: %v", err)
		}
		return string(out)
	}
	for name, b := range shared {
		if text(b) != text(public[name]) {
			t.Errorf("%s: the text differs between the shortcut and the public API", name)
		}
	}
}
