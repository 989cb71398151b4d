package style_test

import (
	"bytes"
	"io/fs"
	"os"
	"path"
	"strings"
	"testing"

	"briefing/briefing/style"
	"briefing/internal/defaults"
	"briefing/internal/testtool"
)

// TestLoadStyleFiles loads each brand-*.yaml in testdata/style with the
// default layout, and each layout-*.yaml with the default brand, and
// compares the errors with the file's "# want:" lines (none: it loads).
func TestLoadStyleFiles(t *testing.T) {
	ents, err := os.ReadDir("testdata/style")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range ents {
		name := e.Name()
		if path.Ext(name) != ".yaml" {
			continue
		}
		t.Run(name, func(t *testing.T) {
			f := defaults.StyleFiles()
			if strings.HasPrefix(name, "brand-") {
				f.BrandFS, f.Brand = os.DirFS("testdata"), "style/"+name
			} else {
				f.LayoutFS, f.Layout = os.DirFS("testdata"), "style/"+name
			}
			_, err := style.Load(f)
			want, _ := testtool.Expectations(t, "testdata", "style", name)
			testtool.SameLines(t, "errors", testtool.Messages(err), want)
		})
	}
}

// TestLoadStyleLayered lays each file in testdata/style/layered over the
// built-in brand: the errors are its "# want:" lines; a file that loads
// changes only the fields it names.
func TestLoadStyleLayered(t *testing.T) {
	files, _ := fs.Glob(os.DirFS("testdata"), "style/layered/*.yaml")
	if len(files) == 0 {
		t.Fatal("no cases in testdata/style/layered")
	}
	base, err := style.Load(defaults.StyleFiles())
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range files {
		t.Run(path.Base(name), func(t *testing.T) {
			d := defaults.StyleFiles()
			f := d
			f.BrandFS, f.Brand, f.Defaults = os.DirFS("testdata"), name, &d
			st, err := style.Load(f)
			want, _ := testtool.Expectations(t, "testdata", "style/layered", path.Base(name))
			testtool.SameLines(t, "errors", testtool.Messages(err), want)
			if err != nil {
				return
			}
			if st.Brand.Name != "Example Council" || st.Brand.Colors.Primary != "#004D40" {
				t.Errorf("named fields not changed: %+v", st.Brand)
			}
			if st.Brand.Colors.Accent != base.Brand.Colors.Accent || st.Brand.Fonts != base.Brand.Fonts || st.Layout != base.Layout {
				t.Errorf("fields it does not name changed: %+v", st.Brand)
			}
			// A colour changed without its inks loses the built-in ones
			// (the built-in colour's); the others keep theirs.
			if st.Brand.Colors.CMYK.Primary != nil || len(st.Brand.Colors.CMYK.Accent) != 4 {
				t.Errorf("inks: primary %v (want none: the colour changed), accent %v", st.Brand.Colors.CMYK.Primary, st.Brand.Colors.CMYK.Accent)
			}
			if !bytes.Equal(st.Fonts[0], base.Fonts[0]) || !bytes.Equal(st.Fonts[3], base.Fonts[3]) {
				t.Errorf("fonts differ from the built-in ones")
			}
		})
	}
}

// TestWarningsAccent lays each file in testdata/style/warn over the
// built-in brand: it loads, and its warnings are its "# want:" lines.
func TestWarningsAccent(t *testing.T) {
	files, _ := fs.Glob(os.DirFS("testdata"), "style/warn/*.yaml")
	if len(files) == 0 {
		t.Fatal("no cases in testdata/style/warn")
	}
	for _, name := range files {
		t.Run(path.Base(name), func(t *testing.T) {
			d := defaults.StyleFiles()
			f := d
			f.BrandFS, f.Brand, f.Defaults = os.DirFS("testdata"), name, &d
			st, err := style.Load(f)
			if err != nil {
				t.Fatal(err)
			}
			want, _ := testtool.Expectations(t, "testdata", "style/warn", path.Base(name))
			testtool.SameLines(t, "warnings", testtool.Messages(st.Warnings(nil)), want)
		})
	}
}
