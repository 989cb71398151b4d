package style

import (
	"fmt"
	"image/color"
	"math"
)

// The WCAG 2.1 AA minimum contrast ratios (success criterion 1.4.3).
const (
	// AANormal is the least contrast of text below the large sizes.
	AANormal = 4.5
	// AALarge is the least contrast of large text: see Large.
	AALarge = 3.0
)

// NoticeMin is the least type size, in points, of the unofficial-translation
// notice: the legally important line is never the least legible one.
const NoticeMin = 8.0

// Large reports whether text of pt points, bold or not, is large in the
// sense of WCAG 2.1: at least 18 pt, or at least 14 pt bold.
func Large(pt float64, bold bool) bool {
	return pt >= 18 || bold && pt >= 14
}

// AA returns the least contrast WCAG 2.1 AA asks of text of pt points:
// AALarge for large text, AANormal below.
func AA(pt float64, bold bool) float64 {
	if Large(pt, bold) {
		return AALarge
	}
	return AANormal
}

// Luminance returns c's relative luminance as WCAG 2.1 defines it: 0 for
// black, 1 for white, from its linearised sRGB components. Alpha is
// ignored.
func Luminance(c color.Color) float64 {
	r, g, b, _ := c.RGBA()
	lin := func(v uint32) float64 {
		s := float64(v) / 0xffff
		if s <= 0.04045 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(r) + 0.7152*lin(g) + 0.0722*lin(b)
}

// Contrast returns the WCAG 2.1 contrast ratio of two colours, from 1
// (the same luminance) to 21 (black and white), whichever is lighter.
func Contrast(a, b color.Color) float64 {
	la, lb := Luminance(a), Luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

// Ratio writes a contrast ratio as WCAG checkers quote it, to two
// decimals: "4.48:1".
func Ratio(r float64) string {
	return fmt.Sprintf("%.2f:1", r)
}

// ratioUnder writes r, which is under need, with enough decimals that it
// does not read as need: 4.4996 is "4.4996:1", not "4.50:1".
func ratioUnder(r, need float64) string {
	for d := 2; d < 6; d++ {
		s := fmt.Sprintf("%.*f", d, r)
		if s != fmt.Sprintf("%.*f", d, need) {
			return s + ":1"
		}
	}
	return Ratio(r)
}

// NRGBA returns the colour as an image/color value.
func (c Color) NRGBA() (color.NRGBA, error) {
	r, g, b, err := c.RGB()
	return color.NRGBA{R: uint8(r), G: uint8(g), B: uint8(b), A: 0xff}, err
}

// White is the page's colour.
const White Color = "#FFFFFF"

// Fix returns the colour nearest to fg, of its hue and saturation, whose
// contrast with bg is at least need: fg made darker when bg is light, or
// lighter when bg is dark. ok is false when no such colour exists.
func Fix(fg, bg color.Color, need float64) (c Color, ok bool) {
	h, s, l := hsl(fg)
	step, limit := 0.005, color.NRGBA{R: 0xff, G: 0xff, B: 0xff, A: 0xff}
	if Contrast(color.Black, bg) >= Contrast(color.White, bg) {
		step, limit = -0.005, color.NRGBA{A: 0xff}
	}
	if Contrast(limit, bg) < need {
		return "", false
	}
	for ; l >= 0 && l <= 1; l += step {
		if x := fromHSL(h, s, l); Contrast(x, bg) >= need {
			return hexOf(x), true
		}
	}
	return hexOf(limit), true
}

func hexOf(c color.NRGBA) Color {
	return Color(fmt.Sprintf("#%02X%02X%02X", c.R, c.G, c.B))
}

// hsl returns c's hue (0–360), saturation and lightness (0–1).
func hsl(c color.Color) (h, s, l float64) {
	r16, g16, b16, _ := c.RGBA()
	r, g, b := float64(r16)/0xffff, float64(g16)/0xffff, float64(b16)/0xffff
	mx, mn := max(r, g, b), min(r, g, b)
	l = (mx + mn) / 2
	d := mx - mn
	if d == 0 {
		return 0, 0, l
	}
	s = d / (1 - math.Abs(2*l-1))
	switch mx {
	case r:
		h = math.Mod((g-b)/d, 6)
	case g:
		h = (b-r)/d + 2
	default:
		h = (r-g)/d + 4
	}
	h *= 60
	if h < 0 {
		h += 360
	}
	return h, s, l
}

// fromHSL is the colour of hue h, saturation s and lightness l.
func fromHSL(h, s, l float64) color.NRGBA {
	l = min(max(l, 0), 1)
	ch := (1 - math.Abs(2*l-1)) * s
	x := ch * (1 - math.Abs(math.Mod(h/60, 2)-1))
	m := l - ch/2
	var r, g, b float64
	switch {
	case h < 60:
		r, g = ch, x
	case h < 120:
		r, g = x, ch
	case h < 180:
		g, b = ch, x
	case h < 240:
		g, b = x, ch
	case h < 300:
		r, b = x, ch
	default:
		r, b = ch, x
	}
	u := func(v float64) uint8 { return uint8(math.Round(min(max(v+m, 0), 1) * 255)) }
	return color.NRGBA{R: u(r), G: u(g), B: u(b), A: 0xff}
}
