package briefing_test

import (
	"os"
	"path"
	"strings"
	"testing"

	"briefing/briefing"
	"briefing/internal/defaults"
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
			_, err := briefing.LoadStyle(f)
			want, _ := expectations(t, "style", name)
			sameLines(t, "errors", messages(err), want)
		})
	}
}
