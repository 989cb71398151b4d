package batch_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"briefing/briefing/batch"
	"briefing/briefing/statement"
)

// TestUpToDate: with a Key, a second build of the same inputs writes no
// file (mtimes kept, manifest included); a change to one recommendation
// remakes the documents that show it and no other; a new Key or Force
// remakes every one.
func TestUpToDate(t *testing.T) {
	ds := load(t)
	out := t.TempDir()
	sel := batch.Selection{Formats: []statement.Format{statement.FormatPDF}, Langs: []string{"en"}}
	plan, err := batch.Plan(ds, sel, statement.PaperA4)
	if err != nil {
		t.Fatal(err)
	}
	opt := batch.Options{Out: out, Key: "program 1", Renderers: map[statement.Format]batch.Renderer{statement.FormatPDF: fake{}}}
	runWith := func(ds *statement.Dataset, opt batch.Options) *batch.Result {
		t.Helper()
		plan, err := batch.Plan(ds, sel, statement.PaperA4)
		if err != nil {
			t.Fatal(err)
		}
		res, err := batch.Run(context.Background(), ds, plan, sel, opt)
		if err != nil {
			t.Fatal(err)
		}
		return res
	}
	if res := runWith(ds, opt); len(res.Written) != len(plan) || len(res.UpToDate) != 0 {
		t.Fatalf("first build: written %d, up to date %d, want %d written", len(res.Written), len(res.UpToDate), len(plan))
	}
	mtimes := func() map[string]time.Time {
		m := map[string]time.Time{}
		filepath.Walk(out, func(p string, fi os.FileInfo, err error) error {
			if err == nil && !fi.IsDir() {
				m[p] = fi.ModTime()
			}
			return nil
		})
		return m
	}
	// Make any rewrite visible in the mtimes.
	old := time.Now().Add(-time.Hour)
	for p := range mtimes() {
		os.Chtimes(p, old, old)
	}
	before := mtimes()
	res := runWith(ds, opt)
	if len(res.Written) != 0 || len(res.UpToDate) != len(plan) {
		t.Errorf("second build: written %d, up to date %d, want all %d up to date", len(res.Written), len(res.UpToDate), len(plan))
	}
	after := mtimes()
	if len(after) != len(before) {
		t.Errorf("files before %d, after %d", len(before), len(after))
	}
	for p, m := range before {
		if !after[p].Equal(m) {
			t.Errorf("%s rewritten", p)
		}
	}
	// One recommendation's words change: its brief and the packs, which
	// show every recommendation, are remade; the other briefs are not.
	ds.Base.Recommendations[1].Title += " now"
	res = runWith(ds, opt)
	want := 0
	for _, j := range plan {
		if j.Kind == statement.KindPack || j.RecID == ds.Base.Recommendations[1].ID {
			want++
		}
	}
	if len(res.Written) != want || len(res.UpToDate) != len(plan)-want {
		t.Errorf("after one edit: written %d, up to date %d; want %d written", len(res.Written), len(res.UpToDate), want)
	}
	for _, e := range res.Written {
		if e.Kind == statement.KindBrief && e.RecID != ds.Base.Recommendations[1].ID {
			t.Errorf("%s remade", e.Path)
		}
	}
	// Another program or style, or --force: all remade.
	opt.Key = "program 2"
	if res := runWith(ds, opt); len(res.Written) != len(plan) {
		t.Errorf("new key: written %d of %d", len(res.Written), len(plan))
	}
	opt.Force = true
	if res := runWith(ds, opt); len(res.Written) != len(plan) {
		t.Errorf("force: written %d of %d", len(res.Written), len(plan))
	}
	// A document removed by hand is made again.
	opt.Force = false
	e := res.Written[0]
	os.Remove(filepath.Join(out, e.Path))
	if res := runWith(ds, opt); len(res.Written) != 1 || res.Written[0].Path != e.Path {
		t.Errorf("after removing %s: written %v", e.Path, res.Written)
	}
}
