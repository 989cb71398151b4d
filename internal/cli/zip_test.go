package cli_test

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"io"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"briefing/internal/testtool"
)

// manifestEntries reads out/manifest.json's documents.
func manifestEntries(t *testing.T, out string) []struct {
	Path, Audience, Lang, Kind, Format string
	Bytes                              int64
	Inputs                             string
} {
	t.Helper()
	var m struct {
		Documents []struct {
			Path, Audience, Lang, Kind, Format string
			Bytes                              int64
			Inputs                             string
		}
	}
	b, err := os.ReadFile(filepath.Join(out, "manifest.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	return m.Documents
}

// TestZipBundles: --format zip writes one zip per audience and language
// holding that folder's documents built in the same run, byte for byte,
// dated from the statement; the same bytes in two builds; up to date
// while its documents are, and made again when one changes.
func TestZipBundles(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "out")
	args := []string{"build", "-q", "--audience", "delegates,donors", "--format", "pdf,docx,zip"}
	if code, _, stderr := runBinIn(t, dir, "", args...); code != 0 {
		t.Fatalf("build: exit %d\n%s", code, stderr)
	}
	testtool.ManifestTrue(t, out)
	entries := manifestEntries(t, out)
	zips := 0
	for _, e := range entries {
		if e.Format != "zip" {
			continue
		}
		zips++
		if e.Kind != "bundle" || e.Path != path.Join(e.Audience, e.Lang, "cartagena40-"+e.Audience+"-"+e.Lang+".zip") || e.Inputs == "" {
			t.Errorf("zip entry %+v", e)
		}
		var want []string
		for _, d := range entries {
			if d.Format != "zip" && path.Dir(d.Path) == path.Dir(e.Path) {
				want = append(want, path.Base(d.Path))
			}
		}
		zr, err := zip.OpenReader(filepath.Join(out, e.Path))
		if err != nil {
			t.Fatalf("%s: %v", e.Path, err)
		}
		var got []string
		stem := strings.TrimSuffix(path.Base(e.Path), ".zip")
		for i, f := range zr.File {
			if path.Dir(f.Name) != stem {
				t.Errorf("%s: %s is not in the folder %s/", e.Path, f.Name, stem)
			}
			got = append(got, path.Base(f.Name))
			if i == 0 && !strings.HasSuffix(f.Name, "-pack.pdf") {
				t.Errorf("%s: the pack's PDF comes first, got %s", e.Path, f.Name)
			}
			if m := f.Modified; m.Year() != 2024 || m.Month() != time.June || m.Day() != 21 {
				t.Errorf("%s: %s dated %v, want the statement's date 2024-06-21", e.Path, f.Name, m)
			}
			rc, err := f.Open()
			if err != nil {
				t.Fatal(err)
			}
			data, err := io.ReadAll(rc)
			rc.Close()
			if err != nil {
				t.Fatalf("%s: %s: %v", e.Path, f.Name, err)
			}
			disk, _ := os.ReadFile(filepath.Join(out, filepath.Dir(e.Path), path.Base(f.Name)))
			if !bytes.Equal(data, disk) {
				t.Errorf("%s: %s differs from the file on disk", e.Path, f.Name)
			}
		}
		zr.Close()
		slices.Sort(got)
		slices.Sort(want)
		testtool.SameLines(t, e.Path, got, want)
		if py, err := exec.LookPath("/usr/bin/python3"); err == nil {
			if o, err := exec.Command(py, "-c", "import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); assert z.testzip() is None; print(len(z.namelist()))", filepath.Join(out, e.Path)).CombinedOutput(); err != nil {
				t.Errorf("%s: python's zipfile: %v\n%s", e.Path, err, o)
			}
		}
	}
	if zips != 4 {
		t.Errorf("%d zips, want 4 (2 audiences × 2 languages)", zips)
	}

	// The same bytes in another folder.
	dir2 := t.TempDir()
	if code, _, stderr := runBinIn(t, dir2, "", args...); code != 0 {
		t.Fatalf("build: exit %d\n%s", code, stderr)
	}
	a, _ := os.ReadFile(filepath.Join(out, "delegates/es/cartagena40-delegates-es.zip"))
	b, _ := os.ReadFile(filepath.Join(dir2, "out", "delegates/es/cartagena40-delegates-es.zip"))
	if len(a) == 0 || !bytes.Equal(a, b) {
		t.Error("two builds of the same input wrote different zips")
	}

	// Up to date: nothing rewritten.
	before := agedFiles(t, out)
	code, stdout, stderr := runBinIn(t, dir, "", append(args[:len(args):len(args)], "--quiet=false")...)
	if code != 0 || !strings.Contains(stdout, "up to date") {
		t.Fatalf("rebuild: exit %d\n%s%s", code, stdout, stderr)
	}
	for p, old := range before {
		if fi, err := os.Stat(p); err != nil || !fi.ModTime().Equal(old) {
			t.Errorf("an up-to-date build rewrote %s", p)
		}
	}
	// A document it holds changes (here: its date): the zip is made again.
	cmd := exec.Command(binary(t), args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "SOURCE_DATE_EPOCH=1735689600") // 2025-01-01
	if o, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, o)
	}
	zr, err := zip.OpenReader(filepath.Join(out, "delegates/es/cartagena40-delegates-es.zip"))
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	if m := zr.File[0].Modified; m.Year() != 2025 {
		t.Errorf("after SOURCE_DATE_EPOCH=2025-01-01, the zip's entries are dated %v", m)
	}
	testtool.ManifestTrue(t, out)
}
