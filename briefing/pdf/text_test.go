package pdf

import (
	"strings"
	"testing"

	"briefing/briefing"
	"briefing/fonts"
)

func testFonts(t *testing.T) *fontSet {
	t.Helper()
	var ff [4][]byte
	for i, n := range []string{"NotoSans-Regular.ttf", "NotoSans-Bold.ttf", "NotoSans-Italic.ttf", "NotoSans-BoldItalic.ttf"} {
		b, err := fonts.FS.ReadFile(n)
		if err != nil {
			t.Fatal(err)
		}
		ff[i] = b
	}
	fs, err := newFontSet(ff, [4]string{"NotoSans-Regular", "NotoSans-Bold", "NotoSans-Italic", "NotoSans-BoldItalic"})
	if err != nil {
		t.Fatal(err)
	}
	return fs
}

func TestWrap(t *testing.T) {
	fs := testFonts(t)
	runs := briefing.ParseInline("Some **bold** text, an *italic*, and a [link](https://example.org) and https://example.org/a/very/long/address/that/does/not/fit/on/one/line/at/all/anywhere")
	for _, width := range []float64{20, 40, 80, 400} {
		ls := fs.wrap(runs, briefing.Regular, 10, width)
		var words []string
		for _, l := range ls {
			if l.w > width+0.01 {
				t.Errorf("width %g: line %.1f mm wide", width, l.w)
			}
			var b strings.Builder
			for _, s := range l.spans {
				b.WriteString(s.text)
			}
			words = append(words, b.String())
		}
		got := strings.Join(words, "")
		want := strings.ReplaceAll(runs.Plain(), " ", "")
		if strings.ReplaceAll(got, " ", "") != want {
			t.Errorf("width %g: text %q, want %q", width, got, runs.Plain())
		}
	}
	if ls := fs.wrap(runs, briefing.Regular, 10, 400); len(ls) != 1 {
		t.Errorf("wide: %d lines", len(ls))
	}
}
