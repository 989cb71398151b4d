package cli_test

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"briefing/internal/cli"
	"briefing/internal/testtool"
)

// built returns the command built once per test run (binary_test.go),
// for the tests that signal or kill a build.
func built(t *testing.T) string {
	t.Helper()
	testtool.Need(t, "go")
	return binary(t)
}

// manyHead opens the statements of many recommendations the tests write:
// everything before the list of recommendations.
const manyHead = "id: many\nlang: en\ntitle: A statement with many recommendations\n" +
	"organisation: {name: Example Council, website: https://example.org}\n" +
	"date: 2024-06-21\nsource: https://example.org/statement\nrecommendations:\n"

// writeStatement writes a statement with n recommendations for two audiences
// (PDF and DOCX) into dir and returns its path.
func writeStatement(t *testing.T, dir string, n int) string {
	var b strings.Builder
	b.WriteString(manyHead)
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&b, "  - id: r%d\n    number: %d\n    title: Recommendation %d\n    body: [Do thing %d, and do it well.]\n", i, i, i, i)
	}
	b.WriteString("audiences:\n  - {id: states, name: States}\n  - {id: donors, name: Donors}\n")
	return write(t, dir, "st.yaml", b.String())
}

// started is a build running as a process, its progress lines read as
// they come.
type started struct {
	cmd    *exec.Cmd
	lines  chan string
	stderr *bytes.Buffer
}

func start(t *testing.T, args ...string) *started {
	t.Helper()
	// -v: a line per document, to follow the build.
	cmd := exec.Command(built(t), append(args, "-v")...)
	cmd.Env = append(os.Environ(), "GOMAXPROCS=1")
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	s := &started{cmd: cmd, lines: make(chan string, 1000), stderr: &bytes.Buffer{}}
	cmd.Stderr = s.stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			// Progress lines, "[3/40] …", not the heading that names the
			// statement.
			if strings.HasPrefix(sc.Text(), "[") {
				s.lines <- sc.Text()
			}
		}
		close(s.lines)
	}()
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	return s
}

// after waits for n progress lines.
func (s *started) after(t *testing.T, n int) {
	t.Helper()
	for i := 0; i < n; i++ {
		select {
		case _, ok := <-s.lines:
			if !ok {
				t.Fatalf("the build ended after %d lines; stderr:\n%s", i, s.stderr)
			}
		case <-time.After(60 * time.Second):
			t.Fatal("no progress in 60 s")
		}
	}
}

// wait drains the output and returns the exit status.
func (s *started) wait(t *testing.T) int {
	t.Helper()
	for range s.lines {
	}
	err := s.cmd.Wait()
	if ee, ok := err.(*exec.ExitError); ok {
		if ws, ok := ee.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
			return 128 + int(ws.Signal())
		}
		return ee.ExitCode()
	}
	if err != nil {
		t.Fatal(err)
	}
	return 0
}

// TestBuildInterrupted: Ctrl-C (or SIGTERM) in the middle of a build:
// exit 130, a message saying how far it got, no temporary files, and a
// manifest true for what is on disk.
func TestBuildInterrupted(t *testing.T) {
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM} {
		t.Run(sig.String(), func(t *testing.T) {
			dir := t.TempDir()
			data := writeStatement(t, dir, 100)
			out := filepath.Join(dir, "out")
			b := start(t, "build", "--data", data, "--out", out, "--jobs", "1")
			b.after(t, 5)
			b.cmd.Process.Signal(sig)
			code := b.wait(t)
			stderr := b.stderr.String()
			if code != cli.ExitInterrupted {
				t.Errorf("exit %d, want 130; stderr:\n%s", code, stderr)
			}
			m := regexp.MustCompile(`briefing: interrupted: (\d+) of 404 documents written; run again to finish\n$`).FindStringSubmatch(stderr)
			if m == nil {
				t.Fatalf("stderr:\n%s", stderr)
			}
			listed := testtool.ManifestTrue(t, out)
			if n, _ := strconv.Atoi(m[1]); n != len(listed) || n < 5 || n == 404 {
				t.Errorf("says %s written, the manifest lists %d", m[1], len(listed))
			}
		})
	}
}

// TestBuildKilledThenRebuilt: a build killed (SIGKILL) on a fresh folder
// leaves temporary files and no manifest; the next build, of data with
// fewer recommendations, removes the temporary files, recovers every
// document the killed one wrote and prunes those it no longer makes.
func TestBuildKilledThenRebuilt(t *testing.T) {
	dir := t.TempDir()
	data := writeStatement(t, dir, 100)
	out := filepath.Join(dir, "out")
	b := start(t, "build", "--data", data, "--out", out, "--jobs", "2")
	b.after(t, 40)
	b.cmd.Process.Kill()
	if code := b.wait(t); code != 128+9 {
		t.Fatalf("exit %d, want killed", code)
	}
	if _, err := os.Stat(filepath.Join(out, "manifest.json")); !os.IsNotExist(err) {
		t.Logf("a manifest was written before the kill: %v", err)
	}
	writeStatement(t, dir, 4)
	code, _, stderr := run(t, "build", "--data", data, "--out", out, "--quiet")
	if code != 0 {
		t.Fatalf("rebuild: exit %d\n%s", code, stderr)
	}
	if !strings.Contains(stderr, "warning: recovered ") {
		t.Errorf("the rebuild does not say it recovered documents:\n%s", stderr)
	}
	listed := testtool.ManifestTrue(t, out)
	if len(listed) != 2*(4*2+2) {
		t.Errorf("manifest lists %d documents, want 20:\n%s", len(listed), strings.Join(listed, "\n"))
	}
	for _, f := range testtool.Files(t, out) {
		if regexp.MustCompile(`-rec([5-9]|\d\d+)-`).MatchString(f) {
			t.Errorf("orphan of the killed build kept: %s", f)
		}
	}
}

// TestBuildTwoAtOnce: two builds into one folder at once (one audience
// each): the second waits for the first, and the manifest lists both.
func TestBuildTwoAtOnce(t *testing.T) {
	dir := t.TempDir()
	data := writeStatement(t, dir, 10)
	out := filepath.Join(dir, "out")
	a := start(t, "build", "--data", data, "--out", out, "--audience", "states")
	c := start(t, "build", "--data", data, "--out", out, "--audience", "donors")
	ca, cc := a.wait(t), c.wait(t)
	for i, code := range []int{ca, cc} {
		stderr := []*started{a, c}[i].stderr.String()
		if code != 0 && !(code == 1 && strings.Contains(stderr, "is writing to "+out+"/")) {
			t.Errorf("build %d: exit %d\n%s", i, code, stderr)
		}
	}
	listed := strings.Join(testtool.ManifestTrue(t, out), " ")
	if ca == 0 && !strings.Contains(listed, "states/") || cc == 0 && !strings.Contains(listed, "donors/") {
		t.Errorf("the manifest misses an audience built: %s", listed)
	}
}

// TestBuildBusy: while a build holds the folder (here: stopped), another
// waits a few seconds, then fails naming it, with exit 1.
func TestBuildBusy(t *testing.T) {
	dir := t.TempDir()
	data := writeStatement(t, dir, 20)
	out := filepath.Join(dir, "out")
	b := start(t, "build", "--data", data, "--out", out, "--jobs", "1")
	b.after(t, 2)
	b.cmd.Process.Signal(syscall.SIGSTOP)
	t0 := time.Now()
	code, _, stderr := run(t, "build", "--data", data, "--out", out, "--quiet")
	waited := time.Since(t0)
	b.cmd.Process.Signal(syscall.SIGCONT)
	want := fmt.Sprintf("error: another build (pid %d) is writing to %s/", b.cmd.Process.Pid, out)
	if code != cli.ExitInput || !strings.Contains(stderr, "\n"+want) || !strings.Contains(stderr, "waiting up to 5s") {
		t.Errorf("exit %d, stderr:\n%s\nwant it to start:\n%s", code, stderr, want)
	}
	if waited < 3*time.Second || waited > 20*time.Second {
		t.Errorf("gave up after %v; want a few seconds", waited)
	}
	if code := b.wait(t); code != 0 {
		t.Errorf("the first build: exit %d\n%s", code, b.stderr)
	}
	testtool.ManifestTrue(t, out)
}

// TestBuildDiskFull: a build into a small tmpfs: exit 1, the full disk
// said once on stderr (also with --quiet), and a manifest, JSON and CSV
// alike, true for what is on disk.
func TestBuildDiskFull(t *testing.T) {
	out := filepath.Join(testtool.Tmpfs(t, "640k"), "out")
	code, stdout, stderr := run(t, "build", "--out", out, "--quiet")
	if code != cli.ExitInput || stdout != "" {
		t.Errorf("exit %d, stdout %q", code, stdout)
	}
	if strings.Count(stderr, "disk full") != 1 || !regexp.MustCompile(`error: disk full: no space left in `+regexp.QuoteMeta(out)+`/ \(at [^)]+\): \d+ of 56 documents written, the manifest lists them; free some space and run again to finish\n$`).MatchString(stderr) {
		t.Errorf("stderr:\n%s", stderr)
	}
	testtool.ManifestTrue(t, out)
}

// TestBuildUnwritableAsRoot: the unwritable-folder cases, which
// permissions do not stop for root: the built binary runs as nobody under
// setpriv. An output folder that cannot be made, or exists and cannot be
// written to, is named as the user gave it, in their terms, without the
// build's lock file, and nothing is written. (TestBadInputUnwritable
// covers the first in-process when not root.)
func TestBuildUnwritableAsRoot(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("not root: TestBadInputUnwritable covers this")
	}
	setpriv := testtool.Need(t, "setpriv")
	bin := built(t)
	for _, c := range []struct {
		name, sub, want string
	}{
		{"cannot be made", "out", "cannot be made there (permission denied)"},
		{"read-only", "", "cannot be written to (permission denied)"},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			for d := dir; d != filepath.Dir(d) && strings.HasPrefix(d, os.TempDir()+"/"); d = filepath.Dir(d) {
				os.Chmod(d, 0o755) // let nobody reach the data
			}
			data := writeStatement(t, dir, 2)
			locked := filepath.Join(dir, "locked")
			if err := os.Mkdir(locked, 0o555); err != nil {
				t.Fatal(err)
			}
			out := filepath.Join(locked, c.sub)
			cmd := exec.Command(setpriv, "--reuid=65534", "--regid=65534", "--clear-groups", bin, "build", "--data", data, "--out", out, "-q")
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			err := cmd.Run()
			want := "error: output folder " + out + " " + c.want + "\n"
			if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != cli.ExitInput || stderr.String() != want {
				t.Errorf("%v, stderr:\n%s\nwant:\n%s", err, stderr.String(), want)
			}
			if files := testtool.Files(t, locked); len(files) != 0 {
				t.Errorf("%s holds %v", locked, files)
			}
			if _, err := os.Stat(out); c.sub != "" && !os.IsNotExist(err) {
				t.Errorf("%s was made", out)
			}
		})
	}
}
