package briefing_test

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"
	"time"

	"briefing/briefing"
	"briefing/internal/defaults"
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
			ds, err := briefing.Load(fsys, "s.yaml")
			if d := time.Since(start); d > 3*time.Second && len(b) < 100000 {
				t.Fatalf("Load took %v for %d bytes", d, len(b))
			}
			if err == nil {
				if ds == nil || ds.Base == nil {
					t.Fatal("no error and no dataset")
				}
				briefing.Check(ds)
				continue
			}
			var l briefing.ErrorList
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

// FuzzLoadStyle feeds arbitrary bytes to LoadStyle as a brand file and as
// a layout file: no panic, and errors are an ErrorList naming the file.
func FuzzLoadStyle(f *testing.F) {
	files, _ := filepath.Glob("testdata/style/*.yaml")
	files = append(files, "../layouts/brand.yaml", "../layouts/layout.yaml")
	for _, name := range files {
		if b, err := os.ReadFile(name); err == nil {
			f.Add(b)
		}
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		for _, which := range []string{"brand", "layout"} {
			sf := defaults.StyleFiles()
			fsys := fstest.MapFS{"x.yaml": {Data: b}}
			if which == "brand" {
				sf.BrandFS, sf.Brand = fsys, "x.yaml"
			} else {
				sf.LayoutFS, sf.Layout = fsys, "x.yaml"
			}
			st, err := briefing.LoadStyle(sf)
			if err == nil {
				if st == nil {
					t.Fatal("no error and no style")
				}
				continue
			}
			var l briefing.ErrorList
			if !errors.As(err, &l) || len(l) == 0 {
				t.Fatalf("error is not a non-empty ErrorList: %T %v", err, err)
			}
			for _, e := range l {
				if e.File != "x.yaml" {
					t.Errorf("error in the wrong file: %v", e)
				}
			}
		}
	})
}
