package style_test

import (
	"testing"

	"briefing/briefing/style"
	"briefing/internal/defaults"
)

func TestLoadDefaultStyle(t *testing.T) {
	st, err := style.Load(defaults.StyleFiles())
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
