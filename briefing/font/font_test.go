package font_test

import (
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"briefing/briefing/font"
)

var (
	setOnce sync.Once
	set     *font.Set
	setErr  error
)

// noto parses the built-in Noto Sans family once for the tests.
func noto(t testing.TB) *font.Set {
	t.Helper()
	setOnce.Do(func() {
		var files [4][]byte
		for i, n := range []string{"NotoSans-Regular.ttf", "NotoSans-Bold.ttf", "NotoSans-Italic.ttf", "NotoSans-BoldItalic.ttf"} {
			b, err := os.ReadFile(filepath.Join("..", "..", "fonts", n))
			if err != nil {
				setErr = err
				return
			}
			files[i] = b
		}
		set, setErr = font.Parse(files)
	})
	if setErr != nil {
		t.Fatal(setErr)
	}
	return set
}

func TestParse(t *testing.T) {
	s := noto(t)
	for st, want := range []string{"NotoSans-Regular", "NotoSans-Bold", "NotoSans-Italic", "NotoSans-BoldItalic"} {
		if got := s.Face(font.Style(st)).PostScriptName; got != want {
			t.Errorf("style %d: PostScript name %q, want %q", st, got, want)
		}
	}
	f := s.Face(font.Regular)
	if f.Ascent < 0.8 || f.Ascent > 1.2 || f.Descent < 0.1 || f.Descent > 0.4 {
		t.Errorf("ascent %g, descent %g: not Noto Sans's", f.Ascent, f.Descent)
	}
	// Noto Sans Regular: space 260, "a" 561 units of 1000.
	if w := s.Width(" a", font.Regular, 10); w < 8.1 || w > 8.3 {
		t.Errorf("width of \" a\" at 10 pt = %g pt, want 8.21", w)
	}
	if s.Width("W", font.Bold, 10) <= s.Width("W", font.Regular, 10) {
		t.Error("bold W is not wider than regular")
	}
	if _, err := font.Parse([4][]byte{[]byte("not a font")}); err == nil || !strings.Contains(err.Error(), "font regular") {
		t.Errorf("Parse of garbage: %v", err)
	}
}

func TestCovers(t *testing.T) {
	s := noto(t)
	for _, r := range "aé€ñŁșẞ–" {
		if !s.Covers(r) {
			t.Errorf("Noto Sans should cover %q", r)
		}
	}
	if got := string(s.Missing("a难民a😀")); got != "难民😀" {
		t.Errorf("Missing = %q", got)
	}
}

func lines(ls []font.Line) []string {
	var out []string
	for _, l := range ls {
		out = append(out, l.Text())
	}
	return out
}

func TestWrap(t *testing.T) {
	s := noto(t)
	pt := 10.0
	w := func(x string) float64 { return s.Width(x, font.Regular, pt) }
	for _, c := range []struct {
		name  string
		in    []font.Piece
		width float64
		want  []string
	}{
		{"spaces", []font.Piece{{Text: "one two three"}}, w("one two") + 0.01, []string{"one two", "three"}},
		{"hyphen", []font.Piece{{Text: "well-known fact"}}, w("known") + 0.5, []string{"well-", "known", "fact"}},
		{"styles", []font.Piece{{Text: "bold", Style: font.Bold}, {Text: " and plain"}}, 1000, []string{"bold and plain"}},
		{"long address", []font.Piece{{Text: "https://example.org/aaaaaaaaaaaaaaaaaaaa"}}, w("aaaaaaaaaaaa") + 0.01, []string{"https://", "example.org/", "aaaaaaaaaaaa", "aaaaaaaa"}},
		{"no break before punctuation", []font.Piece{{Text: "word «quoted» word"}}, w("word «quoted»") + 0.01, []string{"word «quoted»", "word"}},
		{"newline", []font.Piece{{Text: "a\nb"}}, 1000, []string{"a", "b"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := lines(s.Wrap(c.in, pt, c.width))
			if strings.Join(got, "|") != strings.Join(c.want, "|") {
				t.Errorf("got %q, want %q", got, c.want)
			}
		})
	}
	// Spans keep style and position.
	ls := s.Wrap([]font.Piece{{Text: "bold", Style: font.Bold}, {Text: " plain "}, {Text: "link", Link: "https://x"}}, pt, 1000)
	if len(ls) != 1 || len(ls[0].Spans) != 3 {
		t.Fatalf("spans: %+v", ls)
	}
	sp := ls[0].Spans
	if sp[1].X != sp[0].W || sp[2].Link != "https://x" || sp[2].Text != "link" {
		t.Errorf("spans: %+v", sp)
	}
	if d := ls[0].W - (s.Width("bold", font.Bold, pt) + s.Width(" plain link", font.Regular, pt)); d > 1e-9 || d < -1e-9 {
		t.Errorf("line width off by %g", d)
	}
}

func BenchmarkParse(b *testing.B) {
	var files [4][]byte
	for i, n := range []string{"NotoSans-Regular.ttf", "NotoSans-Bold.ttf", "NotoSans-Italic.ttf", "NotoSans-BoldItalic.ttf"} {
		files[i], _ = os.ReadFile(filepath.Join("..", "..", "fonts", n))
	}
	for b.Loop() {
		if _, err := font.Parse(files); err != nil {
			b.Fatal(err)
		}
	}
}

// TestConcurrent prepares and wraps the same texts from many goroutines
// (run under -race by .ci/run): the cache and the shared Texts are safe.
func TestConcurrent(t *testing.T) {
	s := noto(t)
	want := lines(s.Wrap([]font.Piece{{Text: "one two three four five six seven"}}, 10, 60))
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			for i := range 200 {
				s.Prepare([]font.Piece{{Text: strings.Repeat("x ", g*200+i)}})
				if got := lines(s.Wrap([]font.Piece{{Text: "one two three four five six seven"}}, 10, 60)); strings.Join(got, "|") != strings.Join(want, "|") {
					t.Errorf("got %q, want %q", got, want)
					return
				}
			}
		})
	}
	wg.Wait()
}

// BenchmarkPrepareCold is the line-breaking cost of a paragraph seen for
// the first time (UAX #14 and widths).
func BenchmarkPrepareCold(b *testing.B) {
	s := noto(b)
	text := []font.Piece{{Text: strings.Repeat("The Cartagena +40 process arrives at a critical moment for the region. ", 6)}}
	for b.Loop() {
		s.PrepareUncached(text)
	}
}

func BenchmarkWrap(b *testing.B) {
	s := noto(b)
	text := []font.Piece{{Text: strings.Repeat("The Cartagena +40 process arrives at a critical moment for the region. ", 6)}}
	for b.Loop() {
		s.Wrap(text, 10, 300)
	}
}

func BenchmarkWrapPrepared(b *testing.B) {
	s := noto(b)
	text := s.Prepare([]font.Piece{{Text: strings.Repeat("The Cartagena +40 process arrives at a critical moment for the region. ", 6)}})
	for b.Loop() {
		text.Wrap(10, 300)
	}
}
