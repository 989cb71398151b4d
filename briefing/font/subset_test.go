package font_test

import (
	"bytes"
	"math"
	"testing"

	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"

	"briefing/briefing/font"
	"briefing/fonts"
)

// TestSubset cuts Noto Sans down to a few runes: a small file that a
// font reader loads, with one glyph per rune (plus .notdef and the parts
// of composite glyphs), the same bytes whatever the runes' order.
func TestSubset(t *testing.T) {
	b, err := fonts.FS.ReadFile("NotoSans-Bold.ttf")
	if err != nil {
		t.Fatal(err)
	}
	p, err := font.ParseProgram(b, "NotoSans-Bold")
	if err != nil {
		t.Fatal(err)
	}
	runes := []rune("Ǻé’ fi")
	sub, err := p.Subset(runes)
	if err != nil {
		t.Fatal(err)
	}
	ttf := sub.TTF
	if len(ttf) > len(b)/20 {
		t.Errorf("subset is %d bytes of %d", len(ttf), len(b))
	}
	f, err := sfnt.Parse(ttf)
	if err != nil {
		t.Fatalf("the subset is not a font sfnt reads: %v", err)
	}
	if n := f.NumGlyphs(); n < len(runes) || n > 2*len(runes)+2 {
		t.Errorf("%d glyphs for %d runes", n, len(runes))
	}
	var buf sfnt.Buffer
	for g := range f.NumGlyphs() {
		if _, err := f.LoadGlyph(&buf, sfnt.GlyphIndex(g), fixed.I(1000), nil); err != nil {
			t.Errorf("glyph %d: %v", g, err)
		}
	}
	for _, r := range runes {
		if g, err := f.GlyphIndex(&buf, r); err != nil || g == 0 {
			t.Errorf("the subset's cmap lacks %q", r)
		}
		if w := p.Width(r); w <= 0 && r != ' ' {
			t.Errorf("width of %q: %d", r, w)
		}
	}
	if g, _ := f.GlyphIndex(&buf, 'x'); g != 0 {
		t.Error("the subset has x")
	}
	again, _ := p.Subset([]rune("fi ’éǺé"))
	if !bytes.Equal(again.TTF, ttf) || again.Tag("NotoSans-Bold") != sub.Tag("NotoSans-Bold") {
		t.Error("the same runes in another order give another subset")
	}
	other, _ := p.Subset([]rune("fi ’Ǻ"))
	if other.Tag("NotoSans-Bold") == sub.Tag("NotoSans-Bold") {
		t.Error("different subsets share a tag")
	}
}

// FuzzProgram reads damaged font files and subsets them: errors, never a
// panic.
func FuzzProgram(f *testing.F) {
	b, err := fonts.FS.ReadFile("NotoSans-Regular.ttf")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(b[:4096], "Aé’")
	f.Add([]byte("\x00\x01\x00\x00\x00\x01"), "a")
	f.Fuzz(func(t *testing.T, data []byte, text string) {
		p, err := font.ParseProgram(data, "Fuzz-Regular")
		if err != nil {
			return
		}
		for _, r := range text {
			p.Width(r)
		}
		p.Subset([]rune(text))
	})
}

// TestProgramWidths checks that a program made from a Set declares the
// widths the Set's faces measure with (one reader of widths), and the same
// as a program parsed from the file alone.
func TestProgramWidths(t *testing.T) {
	set := noto(t)
	for st, file := range []string{"NotoSans-Regular.ttf", "NotoSans-Bold.ttf", "NotoSans-Italic.ttf", "NotoSans-BoldItalic.ttf"} {
		p, err := set.Program(font.Style(st), "Test")
		if err != nil {
			t.Fatal(err)
		}
		b, err := fonts.FS.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		q, err := font.ParseProgram(b, "Test")
		if err != nil {
			t.Fatal(err)
		}
		face := set.Face(font.Style(st))
		n := 0
		for r := rune(0); r < 0x3000; r++ {
			if p.Width(r) != q.Width(r) {
				t.Fatalf("%s: %U: %d from the Set, %d from the file", file, r, p.Width(r), q.Width(r))
			}
			if !p.Has(r) {
				continue
			}
			n++
			if want := int(math.Round(1000 * face.Advance(r))); p.Width(r) != want {
				t.Fatalf("%s: %U: the program declares %d, the face measures %d", file, r, p.Width(r), want)
			}
		}
		if n < 1000 {
			t.Errorf("%s: only %d runes", file, n)
		}
	}
}
