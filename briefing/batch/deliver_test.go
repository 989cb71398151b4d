package batch_test

import (
	"path"
	"strings"
	"testing"

	"briefing/briefing/batch"
	"briefing/briefing/doc"
	"briefing/briefing/statement"
)

// TestPlanDeliverables: deliverables come after every document, each
// after the documents it holds; asked for alone, they bring the documents
// they hold; an email draft brings PDFs.
func TestPlanDeliverables(t *testing.T) {
	ds := load(t)
	plan, err := batch.Plan(ds, batch.Selection{Audiences: []string{"delegates"}, Formats: []statement.Format{statement.FormatZip}}, statement.PaperA4)
	if err != nil {
		t.Fatal(err)
	}
	pos := map[string]int{}
	zips := 0
	for i, j := range plan {
		pos[j.Path] = i
		if !j.Deliverable() {
			continue
		}
		zips++
		if j.Format != statement.FormatZip || j.Kind != statement.KindBundle || len(j.Members) != 10 {
			t.Errorf("%s: %s %s holding %d documents, want a bundle of 10 (5 PDF, 5 DOCX)", j.Path, j.Format, j.Kind, len(j.Members))
		}
		for _, m := range j.Members {
			if p, ok := pos[m]; !ok || p > i || path.Dir(m) != path.Dir(j.Path) {
				t.Errorf("%s holds %s, which is not a document of its folder planned before it", j.Path, m)
			}
		}
	}
	if zips != 2 {
		t.Errorf("%d zips, want 2", zips)
	}
	plan, _ = batch.Plan(ds, batch.Selection{Audiences: []string{"delegates"}, Formats: []statement.Format{statement.FormatDOCX, statement.FormatEML}}, statement.PaperA4)
	for _, j := range plan {
		if j.Format == statement.FormatEML {
			if len(j.Members) != 5 || !strings.HasSuffix(j.Members[0], "-pack.pdf") {
				t.Errorf("%s attaches %v, want the 5 PDFs, the pack's first", j.Path, j.Members)
			}
		}
	}
}

// TestZipOfFailed: a zip holding a document that could not be made fails
// too, and leaves nothing; the other folders' zips are made.
func TestZipOfFailed(t *testing.T) {
	ds := load(t)
	out := t.TempDir()
	sel := batch.Selection{Audiences: []string{"delegates"}, Formats: []statement.Format{statement.FormatPDF, statement.FormatZip}}
	res := run(t, ds, sel, out, fake{fail: func(d *doc.Doc) bool {
		return d.Meta.Kind == statement.KindBrief && d.Rec().Number == 3 && d.Meta.Lang == "es"
	}})
	var failed []string
	for _, f := range res.Failed {
		failed = append(failed, f.Job.Path)
	}
	if len(failed) != 2 || !strings.HasSuffix(failed[1], "delegates/es/cartagena40-delegates-es.zip") || !strings.Contains(res.Err().Error(), "could not be made") {
		t.Errorf("failed: %v (%v)", failed, res.Err())
	}
	made := false
	for _, e := range res.Written {
		made = made || e.Path == "delegates/en/cartagena40-delegates-en.zip"
	}
	if !made {
		t.Error("the en zip was not made")
	}
}
