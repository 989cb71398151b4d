package statement_test

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"
	"time"

	"briefing/briefing/input"
	"briefing/briefing/statement"
)

// FuzzLoad feeds arbitrary bytes to Load as a data file, alone and as the
// Spanish translation of a valid statement. Load must not panic, and must
// either succeed or return an ErrorList whose errors name the file and
// carry a position unless they concern the whole file. It must also be
// quick: a small input that takes seconds is a failure.
func FuzzLoad(f *testing.F) {
	files, _ := filepath.Glob("testdata/*/*.*")
	for _, name := range files {
		if b, err := os.ReadFile(name); err == nil {
			f.Add(b)
		}
	}
	base, err := os.ReadFile("testdata/valid/translated.yaml")
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		for _, fsys := range []fstest.MapFS{
			{"s.yaml": {Data: b}},
			{"s.yaml": {Data: base}, "s.es.yaml": {Data: b}},
		} {
			start := time.Now()
			ds, err := statement.Load(fsys, "s.yaml")
			if d := time.Since(start); d > 3*time.Second && len(b) < 100000 {
				t.Fatalf("Load took %v for %d bytes", d, len(b))
			}
			if err == nil {
				if ds == nil || ds.Base == nil {
					t.Fatal("no error and no dataset")
				}
				statement.Check(ds)
				continue
			}
			var l input.ErrorList
			if !errors.As(err, &l) || len(l) == 0 {
				t.Fatalf("error is not a non-empty ErrorList: %T %v", err, err)
			}
			for _, e := range l {
				if e.File != "s.yaml" && e.File != "s.es.yaml" {
					t.Errorf("error without its file: %v", e)
				}
				if e.Line == 0 && e.Field != "" {
					t.Errorf("field error without a position: %v", e)
				}
				if e.Line < 0 || e.Col < 0 || e.Msg == "" {
					t.Errorf("bad error: %#v", e)
				}
			}
		}
	})
}
