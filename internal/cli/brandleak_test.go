package cli_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"briefing/internal/testtool"
)

// TestBrandLeaksNothing (issue 21): a brand file that names only the
// organisation, laid over the built-in brand, inherits its colours and
// fonts but nothing that names the built-in brand's organisation: no
// document of the starter statement says "Danish Refugee Council" (its
// footer line) or "drc.ngo", in PDF or DOCX.
func TestBrandLeaksNothing(t *testing.T) {
	pdftotext := testtool.Need(t, "pdftotext")
	dir := t.TempDir()
	if code, _, stderr := run(t, "init", dir); code != 0 {
		t.Fatalf("init: %s", stderr)
	}
	brand := filepath.Join(dir, "brand.yaml")
	if err := os.WriteFile(brand, []byte("name: Coastal Cities Water Alliance\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out")
	if code, stdout, stderr := run(t, "build", "--data", filepath.Join(dir, "statement.yaml"), "--brand", brand, "--out", out, "-q"); code != 0 {
		t.Fatalf("build: exit %d\n%s%s", code, stdout, stderr)
	}
	files, _ := filepath.Glob(filepath.Join(out, "*", "*", "*.*"))
	n := 0
	for _, f := range files {
		var text string
		switch filepath.Ext(f) {
		case ".pdf":
			b, err := exec.Command(pdftotext, f, "-").Output()
			if err != nil {
				t.Fatalf("pdftotext %s: %v", f, err)
			}
			text = string(b)
		case ".docx":
			text = docxText(t, f)
		default:
			continue
		}
		n++
		for _, leak := range []string{"Danish Refugee Council", "drc.ngo"} {
			if strings.Contains(text, leak) {
				t.Errorf("%s says %q", filepath.Base(f), leak)
			}
		}
	}
	if n == 0 {
		t.Fatal("no documents")
	}
}
