package pdf_test

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/color"
	pngenc "image/png"
	"strings"
	"sync"
	"testing"

	"briefing/briefing/compose"
	"briefing/briefing/doc"
	"briefing/briefing/pdf"
	"briefing/briefing/statement"
	"briefing/briefing/style"
)

// briefs composes every recommendation's brief in lang on paper, by name.
func briefs(t testing.TB, lang string, paper statement.Paper) map[string]*doc.Doc {
	_, st, _ := fixture(t)
	s := statementIn(t, lang)
	a := s.Audience("delegates")
	out := map[string]*doc.Doc{}
	for i := range s.Recommendations {
		r := &s.Recommendations[i]
		out[fmt.Sprintf("brief-%s-%s-%d", lang, paper, r.Number)] = compose.Brief(s, a, r, opts(st, paper))
	}
	return out
}

// docText is the text a Doc's blocks must show, block by block.
func docText(d *doc.Doc) []string {
	var out []string
	for _, b := range d.Blocks {
		switch b := b.(type) {
		case *doc.Heading:
			out = append(out, b.Kicker, b.Text.Plain())
		case *doc.Paragraph:
			out = append(out, b.Text.Plain())
		case *doc.List:
			for _, it := range b.Items {
				out = append(out, it.Plain())
			}
		case *doc.Figures:
			for _, it := range b.Items {
				out = append(out, it.Value, it.Label.Plain())
			}
			out = append(out, b.Source.Plain())
		case *doc.PullQuote:
			out = append(out, b.Text.Plain(), b.Speaker, b.Role)
		case *doc.Masthead:
			out = append(out, b.Label, b.Statement, b.Line, b.Wordmark.Short)
		case *doc.SourceBlock:
			out = append(out, b.Label, b.Address, b.Footer, b.Date, b.Doc, b.Unofficial)
			if b.Contact != nil {
				out = append(out, b.Contact.Runs().Plain())
			}
		}
	}
	return out
}

const briefMax = 60 << 10

func TestBrief(t *testing.T) {
	_, _, r := fixture(t)
	sizes := map[statement.Paper]string{statement.PaperA4: "595.28 x 841.89 pts", statement.PaperLetter: "612 x 792 pts"}
	for _, lang := range []string{"en", "es"} {
		for _, paper := range statement.Papers {
			for name, d := range briefs(t, lang, paper) {
				t.Run(name, func(t *testing.T) {
					b, info := render(t, r, d, name)
					if info.Pages != 1 {
						t.Errorf("Info.Pages = %d", info.Pages)
					}
					if len(b) > briefMax {
						t.Errorf("%d bytes, want ≤ %d", len(b), briefMax)
					}
					f := written(t, b)
					checkQPDF(t, f)
					checkValid(t, b)
					checkCatalog(t, b, d.Meta.Lang)
					checkFonts(t, f)
					in := pdfinfo(t, f)
					if in["Pages"] != "1" {
						t.Errorf("pdfinfo: %s pages", in["Pages"])
					}
					if !strings.HasPrefix(in["Page size"], sizes[paper]) {
						t.Errorf("page size %q, want %s", in["Page size"], sizes[paper])
					}
					if in["Title"] != d.Meta.Title || in["Author"] != d.Meta.Author {
						t.Errorf("Title %q Author %q, want %q %q", in["Title"], in["Author"], d.Meta.Title, d.Meta.Author)
					}
					got := text(t, f, 0, 0)
					for _, want := range docText(d) {
						if w := norm(want); !strings.Contains(strings.ToLower(got), strings.ToLower(w)) {
							t.Errorf("text lacks %q", w)
						}
					}
				})
			}
		}
	}
}

// TestBriefDeterministic renders every brief twice, the second time all
// at once from one Renderer, and wants the same bytes.
func TestBriefDeterministic(t *testing.T) {
	_, _, r := fixture(t)
	docs := briefs(t, "en", statement.PaperA4)
	first := map[string][]byte{}
	for name, d := range docs {
		first[name], _ = render(t, r, d, "")
	}
	var wg sync.WaitGroup
	var mu sync.Mutex
	for name, d := range docs {
		wg.Go(func() {
			var buf bytes.Buffer
			if _, err := r.Render(&buf, d); err != nil {
				t.Error(err)
				return
			}
			mu.Lock()
			defer mu.Unlock()
			if !bytes.Equal(buf.Bytes(), first[name]) {
				t.Errorf("%s: second render differs", name)
			}
		})
	}
	wg.Wait()
}

func TestBriefOverflow(t *testing.T) {
	_, st, r := fixture(t)
	s := statementIn(t, "en")
	rec := s.Recommendations[2]
	rec.Body = append([]string(nil), rec.Body...)
	for range 4 {
		rec.Body = append(rec.Body, rec.Body[:4]...)
	}
	for _, paper := range statement.Papers {
		d := compose.Brief(s, s.Audience("delegates"), &rec, opts(st, paper))
		var buf bytes.Buffer
		_, err := r.Render(&buf, d)
		var oe *doc.OverflowError
		if !errors.As(err, &oe) {
			t.Fatalf("%s: got %v, want a *doc.OverflowError", paper, err)
		}
		if !errors.Is(err, doc.ErrOverflow) {
			t.Errorf("%s: errors.Is(%v, doc.ErrOverflow) is false", paper, err)
		}
		if oe.Rec != 3 || oe.Paper != paper || oe.Overflow <= 0 || !strings.HasPrefix(oe.Title, "Address") {
			t.Errorf("%+v", oe)
		}
		msg := err.Error()
		if !strings.HasPrefix(msg, `recommendation 3 ("Address`) || !strings.Contains(msg, "does not fit one "+map[statement.Paper]string{statement.PaperA4: "A4", statement.PaperLetter: "Letter"}[paper]+" page") || !strings.Contains(msg, "shorten the recommendation's text") || strings.Contains(msg, "body_min") {
			t.Errorf("message: %s", msg)
		}
		if buf.Len() != 0 {
			t.Errorf("wrote %d bytes on overflow", buf.Len())
		}
		if fit := r.Fit(d); fit == nil || fit.Error() != err.Error() {
			t.Errorf("%s: Fit says %v, Render %v: want the same", paper, fit, err)
		}
		if fit := r.Fit(compose.Brief(s, s.Audience("delegates"), &s.Recommendations[2], opts(st, paper))); fit != nil {
			t.Errorf("%s: Fit of a brief that fits: %v", paper, fit)
		}
	}
}

// TestBriefShrinks makes a brief a little too long for the body size and
// wants it on one page all the same.
func TestBriefShrinks(t *testing.T) {
	_, st, r := fixture(t)
	s := statementIn(t, "en")
	rec := s.Recommendations[0]
	rec.Body = append(append([]string(nil), rec.Body...), rec.Body[1])
	d := compose.Brief(s, s.Audience("delegates"), &rec, opts(st, statement.PaperLetter))
	_, info := render(t, r, d, "brief-shrunk")
	if info.Pages != 1 {
		t.Errorf("%d pages", info.Pages)
	}
}

func BenchmarkBrief(b *testing.B) {
	_, _, r := fixture(b)
	var d *doc.Doc
	for name, x := range briefs(b, "en", statement.PaperA4) {
		if strings.HasSuffix(name, "-1") {
			d = x
		}
	}
	var buf bytes.Buffer
	for b.Loop() {
		buf.Reset()
		if _, err := r.Render(&buf, d); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(buf.Len()), "bytes/doc")
}

func BenchmarkNew(b *testing.B) {
	_, st, _ := fixture(b)
	for b.Loop() {
		if _, err := pdf.New(st); err != nil {
			b.Fatal(err)
		}
	}
}

// TestBriefLogoUnofficial draws a brand with a logo image and a working
// translation's note.
func TestBriefLogoUnofficial(t *testing.T) {
	_, st, _ := fixture(t)
	logo := image.NewRGBA(image.Rect(0, 0, 120, 40))
	for y := range 40 {
		for x := range 120 {
			if (x/20+y/20)%2 == 0 {
				logo.Set(x, y, color.RGBA{255, 255, 255, 255})
			}
		}
	}
	var png bytes.Buffer
	if err := pngenc.Encode(&png, logo); err != nil {
		t.Fatal(err)
	}
	st2 := *st
	st2.Logo = &style.Logo{Data: png.Bytes(), Type: "png", Width: 120, Height: 40}
	r, err := pdf.New(&st2)
	if err != nil {
		t.Fatal(err)
	}
	for name, d := range briefs(t, "es", statement.PaperA4) {
		if !strings.HasSuffix(name, "-3") {
			continue
		}
		d.Blocks[0].(*doc.Masthead).Wordmark = doc.Wordmark{Logo: true, Alt: "Logo"}
		d.Blocks[len(d.Blocks)-1].(*doc.SourceBlock).Unofficial = "Traducción no oficial"
		b, info := render(t, r, d, "brief-logo-unofficial")
		if info.Pages != 1 {
			t.Errorf("%d pages", info.Pages)
		}
		f := written(t, b)
		checkQPDF(t, f)
		checkValid(t, b)
		if got := text(t, f, 0, 0); !strings.Contains(got, "Traducción no oficial") {
			t.Errorf("no unofficial note in %q", got)
		}
		if !strings.Contains(run(t, "pdfimages", "-list", f), "image") {
			t.Error("no logo image")
		}
	}
}

// TestBriefNonLatin prints runes outside the reduced fonts: the brief then
// uses the full fonts.
func TestBriefNonLatin(t *testing.T) {
	_, st, r := fixture(t)
	s := statementIn(t, "en")
	rec := s.Recommendations[3]
	rec.Body = append([]string{"Защита беженцев — Προστασία προσφύγων."}, rec.Body...)
	d := compose.Brief(s, s.Audience("delegates"), &rec, opts(st, statement.PaperA4))
	b, _ := render(t, r, d, "brief-nonlatin")
	f := written(t, b)
	checkFonts(t, f)
	checkValid(t, b)
	if got := text(t, f, 0, 0); !strings.Contains(got, "Защита беженцев — Προστασία προσφύγων.") {
		t.Errorf("text lacks the Cyrillic and Greek line:\n%s", got)
	}
}

// TestBriefRich has asks, bold and italic runs and a link.
func TestBriefRich(t *testing.T) {
	_, st, r := fixture(t)
	s := statementIn(t, "en")
	rec := s.Recommendations[1]
	rec.Body = append([]string{"States should **fund refugee-led organisations** and read the *Cartagena* [Declaration](https://example.org/cartagena) in full."}, rec.Body[:3]...)
	rec.Asks = []string{"Adopt a **regional** plan for inclusion by 2025.", "Report on progress every year, with civil society and refugee-led organisations at the table."}
	d := compose.Brief(s, s.Audience("delegates"), &rec, opts(st, statement.PaperLetter))
	b, info := render(t, r, d, "brief-rich")
	if info.Pages != 1 {
		t.Errorf("%d pages", info.Pages)
	}
	if !hasLink(t, b, "https://example.org/cartagena") {
		t.Error("no link annotation to the Declaration")
	}
	f := written(t, b)
	got := text(t, f, 0, 0)
	for _, w := range docText(d) {
		// pdftotext drops a hyphen at a line's end ("refugee-|led"):
		// compare without hyphens.
		if !strings.Contains(strings.ToLower(strings.ReplaceAll(got, "-", "")), strings.ToLower(strings.ReplaceAll(norm(w), "-", ""))) {
			t.Errorf("text lacks %q", w)
		}
	}
}

// TestSubsetTags: two briefs subset the same font differently, so its
// subset tags differ; a second render of one brief gives the same tags.
func TestSubsetTags(t *testing.T) {
	_, _, r := fixture(t)
	docs := briefs(t, "en", statement.PaperA4)
	names := map[string][]string{}
	for _, n := range []string{"brief-en-a4-1", "brief-en-a4-2"} {
		b, _ := render(t, r, docs[n], "")
		names[n] = checkFonts(t, written(t, b))
	}
	a, b := names["brief-en-a4-1"], names["brief-en-a4-2"]
	if len(a) == 0 || len(a) != len(b) {
		t.Fatalf("fonts %v and %v", a, b)
	}
	for i := range a {
		if a[i] == b[i] {
			t.Errorf("two different briefs both name a font %s", a[i])
		}
		if a[i][7:] != b[i][7:] {
			t.Errorf("fonts in different order: %v, %v", a, b)
		}
	}
}
