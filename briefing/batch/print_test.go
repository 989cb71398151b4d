package batch_test

import (
	"strings"
	"testing"

	"briefing/briefing/batch"
	"briefing/briefing/statement"
	"briefing/internal/testtool"
)

// TestPrintModes builds the screen documents, then the press ones into
// the same folder: the press PDFs are named for their mode and recorded
// with it, the screen PDFs are left as they were (neither overwritten nor
// pruned), and the DOCX files, the same in every mode, keep their names.
func TestPrintModes(t *testing.T) {
	ds := load(t)
	out := t.TempDir()
	if err := run(t, ds, batch.Selection{}, out, fake{}).Err(); err != nil {
		t.Fatal(err)
	}
	screen := testtool.Files(t, out)
	press := batch.Selection{Print: statement.PrintPress}
	res := run(t, ds, press, out, fake{})
	if err := res.Err(); err != nil {
		t.Fatal(err)
	}
	files := testtool.Files(t, out)
	for _, f := range screen {
		if !contains(files, f) {
			t.Errorf("the press build removed %s", f)
		}
	}
	for _, f := range []string{"delegates/en/cartagena40-pack-press.pdf", "delegates/es/cartagena40-rec1-salvaguardar-el-acceso-a-la-proteccion-press.pdf"} {
		if !contains(files, f) {
			t.Errorf("missing %s", f)
		}
	}
	m, err := batch.ReadManifest(out)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, e := range m.Documents {
		press := strings.HasSuffix(e.Path, "-press.pdf")
		switch {
		case e.Format == statement.FormatDOCX && e.Print != "":
			t.Errorf("%s: print %q, want none for a DOCX", e.Path, e.Print)
		case e.Format == statement.FormatPDF && press != (e.Print == statement.PrintPress):
			t.Errorf("%s: print %q", e.Path, e.Print)
		case e.Format == statement.FormatPDF && !press && e.Print != statement.PrintScreen:
			t.Errorf("%s: print %q, want screen", e.Path, e.Print)
		}
		if press {
			n++
		}
	}
	if n == 0 || len(m.Documents) != len(screen)-3+n {
		t.Errorf("%d documents in the manifest, %d of them press; %d before", len(m.Documents), n, len(screen)-3) // less the manifests and index.html
	}
	// Another screen build leaves the press files be.
	if err := run(t, ds, batch.Selection{}, out, fake{}).Err(); err != nil {
		t.Fatal(err)
	}
	if got := testtool.Files(t, out); len(got) != len(files) {
		t.Errorf("a screen build after the press build left %d files of %d", len(got), len(files))
	}
}

// TestPrintInScope: a selection prunes the PDFs of its own print mode
// only; a PDF recorded without one (a manifest from before print modes)
// is a screen one, and a DOCX is in scope for every mode.
func TestPrintInScope(t *testing.T) {
	pdf := batch.Job{Format: statement.FormatPDF}
	for _, c := range []struct {
		sel, job statement.Print
		format   statement.Format
		want     bool
	}{
		{"", "", statement.FormatPDF, true},
		{"", statement.PrintScreen, statement.FormatPDF, true},
		{statement.PrintScreen, "", statement.FormatPDF, true},
		{"", statement.PrintPress, statement.FormatPDF, false},
		{statement.PrintPress, statement.PrintScreen, statement.FormatPDF, false},
		{statement.PrintOffice, statement.PrintOffice, statement.FormatPDF, true},
		{statement.PrintPress, "", statement.FormatDOCX, true},
	} {
		j := pdf
		j.Print, j.Format = c.job, c.format
		if got := (batch.Selection{Print: c.sel}).InScope(j); got != c.want {
			t.Errorf("selection %q, %s job %q: InScope %v, want %v", c.sel, c.format, c.job, got, c.want)
		}
	}
}
