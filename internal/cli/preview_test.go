package cli_test

import (
	"encoding/json"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"briefing/internal/cli"
	"briefing/internal/testtool"
)

// TestPreviewBuild: --format png makes a preview of each brief and of each
// pack's cover for every audience (the built-in data's audiences name only
// pdf and docx), --png-width sizes them, the manifest lists them with no
// pages, a rebuild at the same width leaves them be and another width
// makes them again.
func TestPreviewBuild(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out")
	args := []string{"build", "--out", out, "--audience", "donors", "--format", "pdf,png", "--png-width", "400", "-q"}
	if code, _, stderr := run(t, args...); code != 0 {
		t.Fatal(stderr)
	}
	var pngs []string
	for _, f := range testtool.Files(t, out) {
		if strings.HasSuffix(f, ".png") {
			pngs = append(pngs, f)
		}
	}
	want := []string{
		"donors/en/cartagena40-pack.png",
		"donors/en/cartagena40-rec2-invest-in-the-inclusion-and-integration.png",
		"donors/en/cartagena40-rec4-address-the-root-causes-of-displacement.png",
		"donors/es/cartagena40-pack.png",
		"donors/es/cartagena40-rec2-invertir-en-la-inclusion-y-la-integracion.png",
		"donors/es/cartagena40-rec4-abordar-las-causas-profundas-del-desplazamiento.png",
	}
	if strings.Join(pngs, "\n") != strings.Join(want, "\n") {
		t.Fatalf("previews:\n%s\nwant:\n%s", strings.Join(pngs, "\n"), strings.Join(want, "\n"))
	}
	for _, f := range pngs {
		r, err := os.Open(filepath.Join(out, f))
		if err != nil {
			t.Fatal(err)
		}
		c, err := png.DecodeConfig(r)
		r.Close()
		if err != nil || c.Width != 400 || c.Height != 518 {
			// Letter: 400 × 279.4/215.9, rounded up.
			t.Errorf("%s: %+v, %v; want 400×518", f, c, err)
		}
	}
	testtool.ManifestTrue(t, out)
	b, err := os.ReadFile(filepath.Join(out, "manifest.json"))
	if err != nil {
		t.Fatal(err)
	}
	var m struct {
		Documents []struct {
			Path   string `json:"path"`
			Format string `json:"format"`
			Pages  *int   `json:"pages"`
		} `json:"documents"`
	}
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, d := range m.Documents {
		if d.Format == "png" {
			n++
			if d.Pages != nil {
				t.Errorf("%s: pages %d, want none", d.Path, *d.Pages)
			}
		}
	}
	if n != len(want) {
		t.Errorf("manifest lists %d previews, want %d", n, len(want))
	}

	again := func(width string) string {
		_, stdout, _ := run(t, "build", "--out", out, "--audience", "donors", "--format", "png", "--png-width", width)
		return stdout
	}
	if s := again("400"); !strings.Contains(s, "6 documents up to date") {
		t.Errorf("a rebuild at the same width: %q", s)
	}
	if s := again("300"); !strings.Contains(s, "built 6 documents") {
		t.Errorf("a rebuild at another width: %q", s)
	}
}

// TestPreviewWidthUsage: a width that cannot be drawn is a usage error.
func TestPreviewWidthUsage(t *testing.T) {
	for _, w := range []string{"0", "-5", "100000"} {
		code, _, stderr := run(t, "build", "--dry-run", "--format", "png", "--png-width", w)
		if code != cli.ExitUsage || !strings.Contains(stderr, "--png-width") {
			t.Errorf("--png-width %s: exit %d, %q", w, code, stderr)
		}
	}
}
