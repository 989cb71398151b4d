package style_test

import (
	"briefing/briefing/input"
	"briefing/briefing/style"
	"briefing/internal/defaults"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"
)

// FuzzLoadStyle feeds arbitrary bytes to LoadStyle as a brand file and as
// a layout file: no panic, and errors are an ErrorList naming the file.
func FuzzLoadStyle(f *testing.F) {
	files, _ := filepath.Glob("testdata/style/*.yaml")
	files = append(files, "../../layouts/brand.yaml", "../../layouts/layout.yaml")
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
			st, err := style.Load(sf)
			if err == nil {
				if st == nil {
					t.Fatal("no error and no style")
				}
				continue
			}
			var l input.ErrorList
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
