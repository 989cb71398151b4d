package briefing_test

import (
	"testing"

	"briefing/briefing"
	"briefing/fonts"
	"briefing/layouts"
)

func TestLoadDefaultStyle(t *testing.T) {
	st, err := briefing.LoadStyle(briefing.StyleFiles{BrandFS: layouts.FS, Brand: layouts.Brand, LayoutFS: layouts.FS, Layout: layouts.Layout, FallbackFS: fonts.FS})
	if err != nil {
		t.Fatal(err)
	}
	for i, f := range st.Fonts {
		if len(f) < 1000 {
			t.Errorf("font %d: %d bytes", i, len(f))
		}
	}
	if st.Layout.Sizes.Body == 0 || st.Brand.Colors.Primary == "" {
		t.Errorf("style not decoded: %+v", st)
	}
}
