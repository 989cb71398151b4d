package cli_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"briefing/internal/cli"
)

// run runs the command line and returns its exit status, stdout and stderr.
func run(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := cli.Main(args, &out, &errb)
	return code, out.String(), errb.String()
}

func TestUsage(t *testing.T) {
	for _, args := range [][]string{
		{"frobnicate"},
		{"build", "--kind", "poster"},
		{"build", "--format", "odt"},
		{"build", "--paper", "a3"},
		{"build", "--no-such-flag"},
		{"check", "extra-arg"},
		{"build", "--audience", "nobody", "--dry-run"},
	} {
		if code, _, stderr := run(t, args...); code != cli.ExitUsage || stderr == "" {
			t.Errorf("%v: exit %d, stderr %q; want exit 2 and a message", args, code, stderr)
		}
	}
	for _, args := range [][]string{{"--help"}, {"build", "--help"}, {"check", "--help"}, {"list", "--help"}, {"help"}} {
		code, stdout, _ := run(t, args...)
		if code != 0 || !strings.Contains(stdout, "Examples:") {
			t.Errorf("%v: exit %d, want 0 and help with examples, got %q", args, code, stdout)
		}
	}
}

func TestCheckDefault(t *testing.T) {
	code, stdout, stderr := run(t, "check")
	if code != 0 || !strings.Contains(stdout, "ok") {
		t.Fatalf("check: exit %d\n%s%s", code, stdout, stderr)
	}
}

// TestCheckReportsAll: a statement with an unknown key and a missing title,
// and a translation with a YAML syntax error: all three, with places, exit 1.
func TestCheckReportsAll(t *testing.T) {
	dir := t.TempDir()
	base, _ := os.ReadFile(filepath.Join("..", "..", "data", "cartagena40.yaml"))
	s := strings.Replace(string(base), "lang: en\n", "lang: en\nsubtitel: oops\n", 1)
	s = strings.Replace(s, "  - id: climate-displacement\n    number: 3\n    title: >-\n", "  - id: climate-displacement\n    number: 3\n    headline: >-\n", 1)
	write(t, dir, "st.yaml", s)
	write(t, dir, "st.es.yaml", "lang: es\ntitle: [unclosed\n")
	code, stdout, stderr := run(t, "check", "--data", filepath.Join(dir, "st.yaml"))
	if code != cli.ExitInput {
		t.Fatalf("exit %d, want 1\n%s%s", code, stdout, stderr)
	}
	for _, want := range []string{
		filepath.Join(dir, "st.yaml") + ":6:1: subtitel: unknown field",
		`did you mean "subtitle"?`,
		".title: required",
		filepath.Join(dir, "st.es.yaml") + ":2:",
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
}

func TestDryRunWritesNothing(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out")
	code, stdout, stderr := run(t, "build", "--dry-run", "--out", out, "--audience", "donors", "--lang", "es", "--format", "pdf", "--kind", "brief")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(stdout, "2 documents") || !strings.Contains(stdout, filepath.Join(out, "donors", "es", "cartagena40-rec2-")) {
		t.Errorf("dry run output:\n%s", stdout)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("dry run made %s", out)
	}
}

func write(t *testing.T, dir, name, content string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}
