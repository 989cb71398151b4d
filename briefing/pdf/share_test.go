package pdf_test

import (
	"bytes"
	"fmt"
	"os"
	"regexp"
	"sync"
	"testing"

	"briefing/briefing/doc"
	"briefing/briefing/pdf"
	"briefing/briefing/statement"
)

// TestFpdfVersion fails on any change of the fpdf module or of its font
// definitions: share.go reaches into them and must be reviewed again
// (then update fpdfVersion and fpdfLayout there).
func TestFpdfVersion(t *testing.T) {
	mod, err := os.ReadFile("../../go.mod")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?m)^\s*codeberg\.org/go-pdf/fpdf (\S+)`).FindSubmatch(mod)
	if m == nil || string(m[1]) != pdf.FpdfVersion {
		t.Errorf("go.mod requires fpdf %q; briefing/pdf/share.go was written for %s: review it, then update fpdfVersion", m, pdf.FpdfVersion)
	}
	if bytes.Contains(mod, []byte("replace codeberg.org/go-pdf/fpdf")) {
		t.Error("go.mod replaces fpdf: review briefing/pdf/share.go")
	}
	if l, err := pdf.FontLayout(); err != nil || l != pdf.FpdfLayout {
		t.Errorf("fpdf's font definitions have layout %s (%v), share.go knows %s: review it, then update fpdfLayout", l, err, pdf.FpdfLayout)
	}
	_, _, r := fixture(t)
	if on, why := r.FontShortcut(); !on {
		t.Errorf("the shortcut is off: %s", why)
	}
}

// TestShareRace renders many documents at once from one Renderer (run it
// with -race): every brief and pack, in both languages, four times over.
func TestShareRace(t *testing.T) {
	_, _, r := fixture(t)
	var docs []*doc.Doc
	for _, lang := range []string{"en", "es"} {
		for _, d := range briefs(t, lang, statement.PaperA4) {
			docs = append(docs, d)
		}
		docs = append(docs, pack(t, lang, "delegates", statement.PaperLetter))
	}
	want := make([][]byte, len(docs))
	for i, d := range docs {
		want[i], _ = render(t, r, d, "")
	}
	var wg sync.WaitGroup
	for k := range 4 * len(docs) {
		wg.Go(func() {
			i := k % len(docs)
			var buf bytes.Buffer
			if _, err := r.Render(&buf, docs[i]); err != nil {
				t.Error(err)
				return
			}
			if !bytes.Equal(buf.Bytes(), want[i]) {
				t.Errorf("document %d: a concurrent render differs", i)
			}
		})
	}
	wg.Wait()
}

// TestPublicFonts renders through fpdf's public API only (the fallback
// when the shortcut is off): the same pages, valid files.
func TestPublicFonts(t *testing.T) {
	_, st, shared := fixture(t)
	r, err := pdf.NewPublic(st)
	if err != nil {
		t.Fatal(err)
	}
	if on, _ := r.FontShortcut(); on {
		t.Fatal("NewPublic shares fonts")
	}
	for _, d := range []*doc.Doc{briefs(t, "es", statement.PaperLetter)["brief-es-letter-2"], pack(t, "en", "donors", statement.PaperA4)} {
		t.Run(fmt.Sprint(d.Meta.Kind), func(t *testing.T) {
			b, info := render(t, r, d, "public-"+string(d.Meta.Kind))
			checkValid(t, b)
			f := written(t, b)
			checkQPDF(t, f)
			checkFonts(t, f)
			s, _ := render(t, shared, d, "shared-"+string(d.Meta.Kind))
			g := written(t, s)
			for p := 1; p <= info.Pages; p++ {
				if a, b := text(t, f, p, p), text(t, g, p, p); a != b {
					t.Errorf("page %d: the public path's text differs:\n%s\n%s", p, a, b)
				}
			}
		})
	}
}

// BenchmarkFonts compares the two ways of giving fpdf its fonts.
func BenchmarkFonts(b *testing.B) {
	_, st, shared := fixture(b)
	public, err := pdf.NewPublic(st)
	if err != nil {
		b.Fatal(err)
	}
	d := briefs(b, "en", statement.PaperA4)["brief-en-a4-1"]
	for name, r := range map[string]*pdf.Renderer{"shared": shared, "public": public} {
		b.Run(name, func(b *testing.B) {
			var buf bytes.Buffer
			for b.Loop() {
				buf.Reset()
				if _, err := r.Render(&buf, d); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
