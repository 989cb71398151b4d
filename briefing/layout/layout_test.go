package layout_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"briefing/briefing/compose"
	"briefing/briefing/doc"
	"briefing/briefing/layout"
	"briefing/briefing/statement"
	"briefing/briefing/style"
	"briefing/internal/testtool"
)

var update = flag.Bool("update", false, "rewrite the snapshots in testdata")

// fixture is the built-in statement and style.
func fixture(t testing.TB) (*statement.Dataset, *style.Style) {
	t.Helper()
	return testtool.Builtin(t)
}

// typesetter makes a Typesetter for st.
func typesetter(t testing.TB, st *style.Style) *layout.Typesetter {
	t.Helper()
	ts, err := layout.New(st)
	if err != nil {
		t.Fatal(err)
	}
	return ts
}

// TestNew: a style the layout cannot use is refused once, by New.
func TestNew(t *testing.T) {
	_, st := fixture(t)
	for want, edit := range map[string]func(*style.Style){
		"colour accent":      func(s *style.Style) { s.Brand.Colors.Accent = "amber" },
		"positive body size": func(s *style.Style) { s.Layout.Sizes.Body = 0 },
		"no fonts":           func(s *style.Style) { s.Type = nil },
	} {
		s := *st
		edit(&s)
		if _, err := layout.New(&s); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("got %v, want an error with %q", err, want)
		}
	}
}

// sample composes the brief of rec (or the pack when rec is "") for the
// audience in lang on paper.
func sample(t testing.TB, lang, audience, rec string, paper statement.Paper) *doc.Doc {
	d, st := fixture(t)
	s, _ := d.In(lang)
	a := s.Audience(audience)
	opt := compose.Options{Paper: paper, Creator: "briefing test", Brand: &st.Brand}
	if rec == "" {
		return compose.Pack(s, a, opt)
	}
	return compose.Brief(s, a, s.Recommendation(rec), opt)
}

// snapshot writes a laid-out document as JSON with one box per line, so
// that a layout change reads as a short diff.
func snapshot(t *testing.T, ld *layout.Paged) []byte {
	t.Helper()
	var b bytes.Buffer
	head, _ := json.Marshal(struct {
		W, H    float64
		Body    float64
		Elems   []layout.Elem
		Anchors map[string]layout.Dest
		Outline []layout.Mark
	}{ld.W, ld.H, ld.Body, ld.Elems, ld.Anchors, ld.Outline})
	b.WriteString("{\"doc\": ")
	b.Write(head)
	b.WriteString(",\n\"pages\": [")
	for i, p := range ld.Pages {
		if i > 0 {
			b.WriteString(",")
		}
		b.WriteString("\n [")
		for j, bx := range p.Boxes {
			if j > 0 {
				b.WriteString(",")
			}
			x, err := json.Marshal(bx)
			if err != nil {
				t.Fatal(err)
			}
			b.WriteString("\n  ")
			b.Write(x)
		}
		b.WriteString("\n ]")
	}
	b.WriteString("\n]}\n")
	return b.Bytes()
}

// TestSnapshots compares the laid-out pages of a brief and of a pack with
// testdata/<name>.json; run with -update to rewrite them, and review the
// diff.
func TestSnapshots(t *testing.T) {
	_, st := fixture(t)
	for _, c := range []struct {
		name, lang, audience, rec string
		paper                     statement.Paper
	}{
		{"brief-en-rec1-a4", "en", "delegates", "access-to-protection", statement.PaperA4},
		{"brief-es-rec2-letter", "es", "donors", "inclusion-and-integration", statement.PaperLetter},
		{"pack-es-donors-letter", "es", "donors", "", statement.PaperLetter},
	} {
		t.Run(c.name, func(t *testing.T) {
			ld, err := typesetter(t, st).Lay(sample(t, c.lang, c.audience, c.rec, c.paper))
			if err != nil {
				t.Fatal(err)
			}
			got := snapshot(t, ld)
			file := filepath.Join("testdata", c.name+".json")
			if *update {
				if err := os.WriteFile(file, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(file)
			if err != nil {
				t.Fatalf("%v (run go test ./briefing/layout -run TestSnapshots -update)", err)
			}
			if !bytes.Equal(got, want) {
				gl, wl := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
				for i := range min(len(gl), len(wl)) {
					if gl[i] != wl[i] {
						t.Fatalf("layout differs from %s at line %d:\n got %s\nwant %s\n(if intended, run with -update and review the diff)", file, i+1, gl[i], wl[i])
					}
				}
				t.Fatalf("layout differs from %s: %d lines, want %d", file, len(gl), len(wl))
			}
		})
	}
}

// TestRolesAndOrder checks what tagging will rely on: every box on the
// page, artifacts without an element, content boxes in elements whose
// roles fit, the wordmark and QR code as figures with alternative text,
// and the text in reading order: the model's order.
func TestRolesAndOrder(t *testing.T) {
	_, st := fixture(t)
	for _, c := range []struct {
		lang, audience, rec string
		paper               statement.Paper
	}{
		{"en", "delegates", "access-to-protection", statement.PaperA4},
		{"es", "donors", "root-causes", statement.PaperLetter},
		{"en", "states", "", statement.PaperA4},
		{"es", "donors", "", statement.PaperLetter},
	} {
		d := sample(t, c.lang, c.audience, c.rec, c.paper)
		ld, err := typesetter(t, st).Lay(d)
		if err != nil {
			t.Fatal(err)
		}
		name := c.lang + "-" + c.audience + "-" + c.rec
		if c.rec != "" && len(ld.Pages) != 1 {
			t.Errorf("%s: brief on %d pages", name, len(ld.Pages))
		}
		roles := map[layout.Role]int{}
		figures := 0
		for i, e := range ld.Elems {
			roles[e.Role]++
			if e.Role == layout.Figure {
				figures++
				if e.Alt == "" {
					t.Errorf("%s: figure element %d has no alternative text", name, i)
				}
			}
			if e.Parent >= i && i > 0 {
				t.Errorf("%s: element %d's parent %d does not come before it", name, i, e.Parent)
			}
		}
		if figures < 2 || roles[layout.H1] == 0 || roles[layout.P] == 0 {
			t.Errorf("%s: roles %v, want H1, P and the wordmark and QR figures", name, roles)
		}
		var text strings.Builder
		for pi, p := range ld.Pages {
			for _, b := range p.Boxes {
				if b.X < -0.01 || b.Y < -0.01 || b.X+b.W > ld.W+0.01 || b.Y+b.H > ld.H+0.01 {
					t.Errorf("%s: page %d: box off the page: %+v", name, pi+1, b)
				}
				if (b.Role == layout.Artifact) != (b.Elem == 0) {
					t.Errorf("%s: page %d: artifact and element disagree: %+v", name, pi+1, b)
				}
				if b.Kind == layout.Text && b.Role != layout.Artifact {
					text.WriteString(b.Text)
					text.WriteString(" ")
				}
			}
		}
		// The model's texts appear in the boxes' reading order.
		got := strings.Join(strings.Fields(text.String()), " ")
		pos := 0
		for _, w := range modelText(d) {
			w = strings.Join(strings.Fields(w), " ")
			first := strings.Fields(w)
			if len(first) == 0 {
				continue
			}
			// A pull quote's opening mark hangs, a box of its own.
			if w := strings.TrimLeft(first[0], "“"); w != "" {
				first[0] = w
			}
			i := strings.Index(got[pos:], first[0])
			if i < 0 {
				t.Errorf("%s: %q not found in reading order after position %d", name, first[0], pos)
				break
			}
			pos += i
		}
	}
}

// modelText lists the texts of d's body blocks, in order.
func modelText(d *doc.Doc) []string {
	var out []string
	for _, b := range d.Blocks {
		switch b := b.(type) {
		case *doc.Heading:
			out = append(out, b.Text.Plain())
		case *doc.Paragraph:
			out = append(out, b.Text.Plain())
		case *doc.PullQuote:
			out = append(out, b.Text.Plain())
		}
	}
	return out
}

// TestOverflow: a brief too long for one page at body_min fails with the
// recommendation's place in the data.
func TestOverflow(t *testing.T) {
	_, st := fixture(t)
	d := sample(t, "en", "delegates", "access-to-protection", statement.PaperA4)
	long := d.Blocks[2].(*doc.Paragraph)
	for range 6 {
		d.Blocks = append(d.Blocks[:3], append([]doc.Block{long}, d.Blocks[3:]...)...)
	}
	_, err := typesetter(t, st).Lay(d)
	var oe *doc.OverflowError
	if !errors.As(err, &oe) {
		t.Fatalf("err = %v, want an OverflowError", err)
	}
	if !errors.Is(err, doc.ErrOverflow) {
		t.Errorf("errors.Is(%v, doc.ErrOverflow) is false", err)
	}
	if oe.At.File != "cartagena40.yaml" || oe.At.Line == 0 || oe.At.Field != "recommendations[0].body" || oe.Overflow <= 0 {
		t.Errorf("overflow %+v, want the place of recommendations[0].body and a length", oe)
	}
}

// TestUnknownPaper: the paper is decided by the plan; the layout never
// guesses one.
func TestUnknownPaper(t *testing.T) {
	_, st := fixture(t)
	d := sample(t, "en", "delegates", "access-to-protection", statement.PaperA4)
	d.Meta.Paper = ""
	if _, err := typesetter(t, st).Lay(d); err == nil || !strings.Contains(err.Error(), "unknown paper") {
		t.Errorf("err = %v", err)
	}
}

func BenchmarkBrief(b *testing.B) {
	_, st := fixture(b)
	ts := typesetter(b, st)
	d := sample(b, "en", "delegates", "access-to-protection", statement.PaperA4)
	for b.Loop() {
		if _, err := ts.Lay(d); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkPack(b *testing.B) {
	_, st := fixture(b)
	ts := typesetter(b, st)
	d := sample(b, "en", "delegates", "", statement.PaperA4)
	for b.Loop() {
		if _, err := ts.Lay(d); err != nil {
			b.Fatal(err)
		}
	}
}

// TestStream: Stream hands over the same pages as Lay, in order, each
// once, with every anchor known from the first page on, and keeps no
// boxes.
func TestStream(t *testing.T) {
	_, st := fixture(t)
	d := sample(t, "es", "donors", "", statement.PaperLetter)
	whole, err := typesetter(t, st).Lay(d)
	if err != nil {
		t.Fatal(err)
	}
	next := 1
	streamed, err := typesetter(t, st).Stream(d, func(ld *layout.Paged, n int, p *layout.Page) error {
		if n != next {
			t.Errorf("page %d handed over, want %d", n, next)
		}
		next++
		if len(ld.Anchors) != len(whole.Anchors) || ld.Total != len(whole.Pages) {
			t.Errorf("page %d: %d anchors and %d pages known, want %d and %d", n, len(ld.Anchors), ld.Total, len(whole.Anchors), len(whole.Pages))
		}
		a, _ := json.Marshal(p.Boxes)
		b, _ := json.Marshal(whole.Pages[n-1].Boxes)
		if !bytes.Equal(a, b) {
			t.Errorf("page %d differs from Lay's", n)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if next-1 != len(whole.Pages) || len(streamed.Pages) != len(whole.Pages) {
		t.Fatalf("%d pages handed over, %d in the result, want %d", next-1, len(streamed.Pages), len(whole.Pages))
	}
	for i, p := range streamed.Pages {
		if len(p.Boxes) != 0 {
			t.Errorf("page %d still holds its boxes", i+1)
		}
	}
	stop := errors.New("stop")
	if _, err := typesetter(t, st).Stream(d, func(*layout.Paged, int, *layout.Page) error { return stop }); !errors.Is(err, stop) {
		t.Errorf("emit's error: got %v", err)
	}
}

// TestMetrics: every text role has a size, a leading of at least its
// size, a colour named in the palette, and a name.
func TestMetrics(t *testing.T) {
	_, st := fixture(t)
	m := typesetter(t, st).Metrics()
	if m[layout.TextBody].Size != st.Layout.Sizes.Body {
		t.Errorf("body %g pt, want the layout's %g", m[layout.TextBody].Size, st.Layout.Sizes.Body)
	}
	for r := range layout.NumTextRoles {
		x := m[r]
		if x.Size <= 0 || x.Leading < x.Size || x.Palette == "" || strings.HasPrefix(r.String(), "TextRole") {
			t.Errorf("%v: %+v", r, x)
		}
	}
}

// TestTypeScale lays out every document of the built-in statement (each
// brief and pack, en and es, A4 and Letter) and finds at most 7 distinct
// text sizes across them, and one body size for every brief.
func TestTypeScale(t *testing.T) {
	ds, st := fixture(t)
	ts := typesetter(t, st)
	sizes := map[float64]int{}
	bodies := map[float64]bool{}
	for _, lang := range []string{"en", "es"} {
		s, _ := ds.In(lang)
		for _, paper := range []statement.Paper{statement.PaperA4, statement.PaperLetter} {
			for _, a := range s.Audiences {
				docs := []*doc.Doc{compose.Pack(s, &a, compose.Options{Paper: paper, Brand: &st.Brand})}
				for i := range s.Recommendations {
					docs = append(docs, compose.Brief(s, &a, &s.Recommendations[i], compose.Options{Paper: paper, Brand: &st.Brand}))
				}
				for _, d := range docs {
					ld, err := ts.Lay(d)
					if err != nil {
						t.Fatal(err)
					}
					if d.Meta.Kind == statement.KindBrief {
						bodies[ld.Body] = true
					}
					for _, p := range ld.Pages {
						for _, b := range p.Boxes {
							if b.Kind == layout.Text {
								sizes[b.Size]++
							}
						}
					}
				}
			}
		}
	}
	t.Logf("text sizes (boxes): %v", sizes)
	if len(sizes) > 7 {
		t.Errorf("%d text sizes, want at most 7: %v", len(sizes), sizes)
	}
	if len(bodies) != 1 {
		t.Errorf("briefs set at %d body sizes, want one: %v", len(bodies), bodies)
	}
}
