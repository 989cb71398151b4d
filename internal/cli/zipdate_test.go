package cli_test

import (
	"archive/zip"
	"path/filepath"
	"testing"
	"time"
)

// TestZipDates (issue 21): a DOCX's zip entries are dated as the document
// is, the statement's date or SOURCE_DATE_EPOCH, not a fixed day.
func TestZipDates(t *testing.T) {
	for _, c := range []struct {
		epoch string
		want  time.Time
	}{
		{"", time.Date(2024, 6, 21, 0, 0, 0, 0, time.UTC)},
		{"1700000000", time.Unix(1700000000, 0).UTC()},
	} {
		t.Setenv("SOURCE_DATE_EPOCH", c.epoch)
		out := filepath.Join(t.TempDir(), "out")
		if code, _, stderr := run(t, "build", "-q", "--out", out, "--rec", "1", "--format", "docx", "--lang", "en", "--audience", "delegates"); code != 0 {
			t.Fatalf("build: %s", stderr)
		}
		files, _ := filepath.Glob(filepath.Join(out, "delegates", "en", "*.docx"))
		if len(files) != 1 {
			t.Fatalf("%d DOCX files", len(files))
		}
		zr, err := zip.OpenReader(files[0])
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range zr.File {
			if got := f.Modified.UTC(); !got.Equal(c.want.Truncate(2 * time.Second)) {
				t.Errorf("SOURCE_DATE_EPOCH=%q: %s dated %v, want %v", c.epoch, f.Name, got, c.want)
				break
			}
		}
		zr.Close()
	}
}
