package style_test

import (
	"image/color"
	"testing"

	"briefing/briefing/style"
)

// TestContrast checks the ratio against pairs whose WCAG 2.1 ratio is
// known (WebAIM's contrast checker gives the same figures).
func TestContrast(t *testing.T) {
	for _, c := range []struct {
		a, b style.Color
		want string
	}{
		{"#000000", "#FFFFFF", "21.00:1"},
		{"#FFFFFF", "#000000", "21.00:1"},
		{"#777777", "#FFFFFF", "4.48:1"}, // 4.478…: fails 4.5
		{"#767676", "#FFFFFF", "4.54:1"}, // the lightest grey that passes on white
		{"#123456", "#123456", "1.00:1"},
		{"#D9822B", "#FFFFFF", "2.93:1"}, // the default accent, issue 18
		{"#D9822B", "#EDF2F6", "2.60:1"},
		{"#D9822B", "#123B5D", "3.97:1"},
		{"#A85A14", "#FFFFFF", "5.08:1"},
		{"#F0A860", "#123B5D", "5.79:1"},
	} {
		a, _ := c.a.NRGBA()
		b, _ := c.b.NRGBA()
		if got := style.Ratio(style.Contrast(a, b)); got != c.want {
			t.Errorf("%s on %s: %s, want %s", c.a, c.b, got, c.want)
		}
	}
	if r := style.Contrast(color.Gray{0x77}, color.White); r >= style.AANormal {
		t.Errorf("#777777 on white passes AA: %g", r)
	}
}

// TestFix: the suggested colour passes, keeps the hue, and is no further
// from the original than it must be.
func TestFix(t *testing.T) {
	for _, c := range []struct {
		fg, bg style.Color
		need   float64
	}{
		{"#D9822B", "#FFFFFF", 4.5},
		{"#D9822B", "#EDF2F6", 3},
		{"#D9822B", "#123B5D", 4.5},
		{"#777777", "#FFFFFF", 4.5},
	} {
		fg, _ := c.fg.NRGBA()
		bg, _ := c.bg.NRGBA()
		x, ok := style.Fix(fg, bg, c.need)
		xc, _ := x.NRGBA()
		if r := style.Contrast(xc, bg); !ok || r < c.need {
			t.Errorf("Fix(%s on %s, %g) = %s, %v: %s", c.fg, c.bg, c.need, x, ok, style.Ratio(r))
		}
		t.Logf("%s on %s → %s (%s)", c.fg, c.bg, x, style.Ratio(style.Contrast(xc, bg)))
	}
	if _, ok := style.Fix(color.White, color.Gray{0x80}, 7); ok {
		t.Errorf("found a colour with 7:1 against mid grey")
	}
}

func TestLarge(t *testing.T) {
	for _, c := range []struct {
		pt   float64
		bold bool
		want float64
	}{{7.5, true, 4.5}, {13.9, true, 4.5}, {14, true, 3}, {14, false, 4.5}, {17.9, false, 4.5}, {18, false, 3}, {26, true, 3}} {
		if got := style.AA(c.pt, c.bold); got != c.want {
			t.Errorf("AA(%g, %v) = %g, want %g", c.pt, c.bold, got, c.want)
		}
	}
}
