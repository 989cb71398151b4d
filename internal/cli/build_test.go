package cli_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"briefing/briefing/batch"
	"briefing/internal/cli"
	"briefing/internal/testtool"
)

func TestBuildEndToEnd(t *testing.T) {
	a, b := filepath.Join(t.TempDir(), "out"), filepath.Join(t.TempDir(), "out")
	for _, out := range []string{a, b} {
		code, stdout, stderr := run(t, "build", "--out", out, "--quiet")
		if code != 0 || stdout != "" {
			t.Fatalf("exit %d, stdout %q (want none with --quiet), stderr:\n%s", code, stdout, stderr)
		}
	}
	m, err := batch.ReadManifest(a)
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Documents) < 28 {
		t.Fatalf("%d documents built", len(m.Documents))
	}
	for _, e := range m.Documents {
		if e.Kind == "brief" && e.Format == "pdf" && e.Pages != 1 {
			t.Errorf("%s: %d pages, want 1", e.Path, e.Pages)
		}
		x, _ := os.ReadFile(filepath.Join(a, e.Path))
		y, _ := os.ReadFile(filepath.Join(b, e.Path))
		if len(x) == 0 || !bytes.Equal(x, y) {
			t.Errorf("%s: two builds differ (or the file is empty)", e.Path)
		}
	}
	for _, f := range []string{batch.ManifestJSON, batch.ManifestCSV} {
		x, _ := os.ReadFile(filepath.Join(a, f))
		y, _ := os.ReadFile(filepath.Join(b, f))
		if !bytes.Equal(x, y) {
			t.Errorf("%s differs between two builds", f)
		}
	}
}

func TestBuildSubset(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out")
	code, _, stderr := run(t, "build", "--out", out, "--audience", "donors", "--lang", "es", "--format", "pdf", "--kind", "brief")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	got := strings.Join(testtool.Files(t, out), "\n")
	want := strings.Join([]string{
		"donors/es/cartagena40-rec2-invertir-en-la-inclusion-y-la-integracion.pdf",
		"donors/es/cartagena40-rec4-abordar-las-causas-profundas-del-desplazamiento.pdf",
		"index.html",
		"manifest.csv",
		"manifest.json",
	}, "\n")
	if got != want {
		t.Errorf("built:\n%s\nwant:\n%s", got, want)
	}
}

// TestBuildOverflow: one recommendation too long for a page fails with a
// named error; the others are written; nothing partial is left; exit 1.
func TestBuildOverflow(t *testing.T) {
	dir := t.TempDir()
	long := strings.Repeat("Decision makers must proactively engage on how risks of harm arising from disasters could lead to non-refoulement obligations. ", 30)
	s := strings.Replace(cartagena(t), "    body:\n      - >-\n        Climate change", "    body:\n      - "+long+"\n      - "+long+"\n      - >-\n        Climate change", 1)
	data := write(t, dir, "st.yaml", s)
	out := filepath.Join(dir, "out")
	code, _, stderr := run(t, "build", "--data", data, "--out", out, "--lang", "en", "--format", "pdf", "--quiet")
	if code != cli.ExitInput {
		t.Fatalf("exit %d, want 1; stderr:\n%s", code, stderr)
	}
	if !strings.Contains(stderr, "recommendation 3") || !strings.Contains(stderr, "does not fit one A4 page") {
		t.Errorf("stderr does not name the recommendation and paper:\n%s", stderr)
	}
	var rec3, others int
	for _, f := range testtool.Files(t, out) {
		switch {
		case strings.HasSuffix(f, ".tmp"):
			t.Errorf("partial file left: %s", f)
		case strings.Contains(f, "-rec3-"):
			rec3++
		case strings.HasSuffix(f, ".pdf"):
			others++
		}
	}
	if rec3 != 0 || others == 0 {
		t.Errorf("rec3 files %d (want 0), others %d (want > 0)", rec3, others)
	}
}

// TestBuildRefusesUnsafeIDs: an audience id that would climb out of --out
// is refused at load, and nothing is written.
func TestBuildRefusesUnsafeIDs(t *testing.T) {
	dir := t.TempDir()
	base, _ := os.ReadFile(filepath.Join("..", "..", "data", "cartagena40.yaml"))
	data := write(t, dir, "st.yaml", strings.Replace(string(base), "  - id: donors\n", "  - id: ../../x\n", 1))
	out := filepath.Join(dir, "out")
	code, _, stderr := run(t, "build", "--data", data, "--out", out)
	if code != cli.ExitInput || !strings.Contains(stderr, `audiences[2].id: "../../x" is not a valid id`) {
		t.Errorf("exit %d, stderr:\n%s", code, stderr)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("output folder made despite bad data")
	}
	if _, err := os.Stat(filepath.Join(dir, "..", "x")); !os.IsNotExist(err) {
		t.Errorf("something was written outside the output folder")
	}
}

func TestBuildOutIsAFile(t *testing.T) {
	dir := t.TempDir()
	out := write(t, dir, "out", "not a folder")
	code, _, stderr := run(t, "build", "--out", out, "--format", "pdf", "--kind", "brief", "--audience", "donors", "--lang", "en")
	if code != cli.ExitInput || !strings.Contains(stderr, "output folder") {
		t.Errorf("exit %d, stderr:\n%s", code, stderr)
	}
	b, _ := os.ReadFile(out)
	if string(b) != "not a folder" {
		t.Errorf("the file at --out was changed")
	}
}
