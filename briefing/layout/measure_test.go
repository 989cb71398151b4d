package layout_test

import (
	"errors"
	"fmt"
	"math"
	"strings"
	"testing"
	"time"

	"briefing/briefing/compose"
	"briefing/briefing/doc"
	"briefing/briefing/layout"
	"briefing/briefing/statement"
	"briefing/briefing/style"
)

// briefsWith composes the delegates' brief of every recommendation in
// lang on paper, from the built-in statement changed by edit (a copy).
func briefsWith(t testing.TB, st *style.Style, lang string, paper statement.Paper, edit func(*statement.Statement)) []*doc.Doc {
	t.Helper()
	ds, _ := fixture(t)
	s0, _ := ds.In(lang)
	s := *s0
	s.Figures = append([]statement.Figure(nil), s0.Figures...)
	edit(&s)
	a := s.Audience("delegates")
	var out []*doc.Doc
	for i := range s.Recommendations {
		out = append(out, compose.Brief(&s, a, &s.Recommendations[i], compose.Options{Paper: paper, Creator: "briefing test", Brand: &st.Brand}))
	}
	return out
}

// ink is where a text box's glyphs are: from the ascender to the
// descender around its baseline, its width across.
type ink struct{ x0, y0, x1, y1 float64 }

func inkOf(b layout.Box) ink {
	pt := b.Size * layout.MMPerPt
	return ink{b.X, b.Baseline - 0.8*pt, b.X + b.W, b.Baseline + 0.22*pt}
}

// checkInside fails t for a text box off the page, a word broken inside
// (a line that ends in a letter and a next line of the same element that
// starts with one, in a figure's value), and two text boxes whose glyphs
// overlap.
func checkInside(t *testing.T, name string, ld *layout.Paged) {
	t.Helper()
	for pi, p := range ld.Pages {
		var texts []layout.Box
		for _, b := range p.Boxes {
			if b.Kind != layout.Text || strings.TrimSpace(b.Text) == "" {
				continue
			}
			if b.X < -0.01 || b.X+b.W > ld.W+0.01 || inkOf(b).y0 < -0.01 || inkOf(b).y1 > ld.H+0.01 {
				t.Errorf("%s: page %d: %q off the page (x %.1f–%.1f, baseline %.1f)", name, pi+1, b.Text, b.X, b.X+b.W, b.Baseline)
			}
			texts = append(texts, b)
		}
		for i, a := range texts {
			ia := inkOf(a)
			for _, b := range texts[i+1:] {
				ib := inkOf(b)
				if ia.x0 < ib.x1-0.05 && ib.x0 < ia.x1-0.05 && ia.y0 < ib.y1-0.05 && ib.y0 < ia.y1-0.05 {
					t.Errorf("%s: page %d: %q and %q overlap", name, pi+1, a.Text, b.Text)
				}
			}
		}
	}
}

// TestLongStatementTitle: a statement title of about 270 characters wraps
// within the brief's band, which grows for it, with every word on the
// page and clear of the others (the wordmark's included), or, on a brief
// too full for the taller band, is a named overflow at the title; one too
// long for the tallest band is a named overflow at the title, the
// statement's "title" field, for every brief.
func TestLongStatementTitle(t *testing.T) {
	_, st := fixture(t)
	ts := typesetter(t, st)
	const long = "Upholding the promises of the Cartagena Declaration and the commitments of the Brazil Plan of Action for the protection of refugees, displaced and stateless people in Latin America and the Caribbean, forty years on from the Declaration of 1984 and beyond, together"
	if n := len([]rune(long)); n < 260 || n > 280 {
		t.Fatalf("title of %d characters", n)
	}
	for _, paper := range []statement.Paper{statement.PaperA4, statement.PaperLetter} {
		for _, lang := range []string{"en", "es"} {
			for _, d := range briefsWith(t, st, lang, paper, func(s *statement.Statement) { s.Title = long }) {
				name := fmt.Sprintf("%s/%s/rec%d", paper, lang, d.Rec().Number)
				ld, err := ts.Lay(d)
				var oe *doc.OverflowError
				if errors.As(err, &oe) {
					// A full brief may not fit under the taller band: the
					// overflow is the title's when the brief fits under a
					// band of the usual height (the built-in briefs all do).
					if oe.At.Field != "title" || oe.Field != "the statement's title" {
						t.Errorf("%s: %v, want an overflow at the statement's title", name, err)
					}
					t.Logf("%s: %v", name, err)
					continue
				}
				if err != nil {
					t.Fatalf("%s: %v", name, err)
				}
				checkInside(t, name, ld)
				if !strings.Contains(ld.Pages[0].Text(), "together") {
					t.Errorf("%s: the title's last word is not on the page", name)
				}
			}
		}
	}
	huge := strings.TrimSpace(strings.Repeat(long+" ", 2))
	for _, d := range briefsWith(t, st, "en", statement.PaperA4, func(s *statement.Statement) { s.Title = huge }) {
		_, err := ts.Lay(d)
		var oe *doc.OverflowError
		if !errors.As(err, &oe) || !errors.Is(err, doc.ErrOverflow) {
			t.Fatalf("a %d-character title: err = %v, want an OverflowError", len(huge), err)
		}
		if oe.At.Field != "title" || oe.At.Line == 0 || oe.Field != "the statement's title" || oe.Overflow <= 0 {
			t.Errorf("overflow %+v, want one at the statement's title", oe)
		}
		if msg := err.Error(); !strings.Contains(msg, "shorten the statement's title") || strings.Contains(msg, "body_min") {
			t.Errorf("message %q: want it to say what to shorten, and nothing of body_min", msg)
		}
	}
}

// TestHugeTitle: a statement title of 16,000 words is refused, at the
// title, in time linear in its length: 8 times the words take well under
// 64 times (quadratic) as long; and so is a recommendation's title.
func TestHugeTitle(t *testing.T) {
	_, st := fixture(t)
	ts := typesetter(t, st)
	took := map[int]time.Duration{}
	for _, n := range []int{2000, 8000, 16000} {
		title := strings.TrimSpace(strings.Repeat("promises ", n))
		for _, field := range []string{"title", "recommendations[0].title"} {
			d := briefsWith(t, st, "en", statement.PaperA4, func(s *statement.Statement) {
				if field == "title" {
					s.Title = title
					return
				}
				s.Recommendations = append([]statement.Recommendation(nil), s.Recommendations...)
				s.Recommendations[0].Title = title
			})[0]
			best := time.Duration(math.MaxInt64)
			var err error
			for range 3 {
				start := time.Now()
				_, err = ts.Lay(d)
				best = min(best, time.Since(start))
			}
			var oe *doc.OverflowError
			if !errors.As(err, &oe) || oe.At.Field != field {
				t.Fatalf("%d words in %s: err = %v, want an OverflowError at %s", n, field, err, field)
			}
			took[n] += best
		}
	}
	t.Logf("2,000 / 8,000 / 16,000 words: %v / %v / %v", took[2000], took[8000], took[16000])
	if took[16000] > 20*time.Millisecond && took[16000] > 24*took[2000] {
		t.Errorf("16,000 words take %v, 2,000 %v: not linear", took[16000], took[2000])
	}
}

// TestTitleSize60: a layout whose title size is 60 pt (the top of the
// scale) sets every brief with its words on the page and clear of one
// another: the wordmark takes the step nearest its height, not the title's.
func TestTitleSize60(t *testing.T) {
	_, st0 := fixture(t)
	st := *st0
	st.Layout.Sizes.Title = 60
	ts := typesetter(t, &st)
	for _, paper := range []statement.Paper{statement.PaperA4, statement.PaperLetter} {
		for _, lang := range []string{"en", "es"} {
			for _, d := range briefsWith(t, &st, lang, paper, func(*statement.Statement) {}) {
				name := fmt.Sprintf("%s/%s/rec%d", paper, lang, d.Rec().Number)
				ld, err := ts.Lay(d)
				if err != nil {
					t.Errorf("%s: %v", name, err)
					continue
				}
				checkInside(t, name, ld)
			}
		}
	}
}

// TestFigureWords: a figure value with a word too wide for the side
// column at the figure size steps down the scale rather than break the
// word: every line of the value ends at a space in it.
func TestFigureWords(t *testing.T) {
	_, st := fixture(t)
	ts := typesetter(t, st)
	const value = "1,250,000,000,000,000 people"
	for _, d := range briefsWith(t, st, "en", statement.PaperA4, func(s *statement.Statement) { s.Figures[0].Value = value }) {
		ld, err := ts.Lay(d)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, b := range ld.Pages[0].Boxes {
			if b.Kind == layout.Text && strings.Contains(value, strings.TrimSpace(b.Text)) && len(strings.TrimSpace(b.Text)) > 3 {
				got = append(got, strings.TrimSpace(b.Text))
			}
		}
		for _, l := range got {
			for _, w := range strings.Fields(l) {
				if !strings.Contains(" "+value+" ", " "+w+" ") {
					t.Errorf("rec%d: value line %q breaks a word (lines %q)", d.Rec().Number, l, got)
				}
			}
		}
		checkInside(t, fmt.Sprintf("rec%d", d.Rec().Number), ld)
	}
}

// TestLongOrganisationName: an organisation name too long for the
// wordmark's two lines in the band is a named overflow at the name, not
// at the statement title it would crowd out.
func TestLongOrganisationName(t *testing.T) {
	_, st := fixture(t)
	ts := typesetter(t, st)
	const name = "Danish Refugee Council for the Protection of Refugees, Displaced and Stateless People in Latin America and the Caribbean"
	d := briefsWith(t, st, "en", statement.PaperA4, func(s *statement.Statement) { s.Organisation.Name = name })[0]
	_, err := ts.Lay(d)
	var oe *doc.OverflowError
	if !errors.As(err, &oe) || oe.At.Field != "organisation.name" || !strings.Contains(err.Error(), "shorten the organisation's name") {
		t.Fatalf("err = %v, want an overflow at organisation.name", err)
	}
}

// TestLongContact: the footer grows for a contact of a few lines, with
// every word on the page; one too long for the tallest footer is a named
// overflow at the contact.
func TestLongContact(t *testing.T) {
	_, st := fixture(t)
	ts := typesetter(t, st)
	role := "Advocacy team for the Americas, protection and durable solutions, regional office for Latin America and the Caribbean"
	for _, n := range []int{1, 8} {
		d := briefsWith(t, st, "es", statement.PaperLetter, func(s *statement.Statement) {
			ct := *s.Organisation.Contact
			ct.Role = strings.TrimSpace(strings.Repeat(role+", ", n))
			s.Organisation.Contact = &ct
		})[3]
		ld, err := ts.Lay(d)
		var oe *doc.OverflowError
		switch {
		case n == 1 && err != nil:
			t.Errorf("a contact of two lines: %v", err)
		case n == 1:
			checkInside(t, "two lines", ld)
		case !errors.As(err, &oe) || oe.Field != "the contact" || !strings.HasPrefix(oe.At.Field, "organisation.contact"):
			t.Errorf("a contact of %d lines: err = %v, want an overflow at organisation.contact", n, err)
		}
	}
}

// TestBriefChoice: the layout says how it set each brief, for the DOCX
// writer to follow: the short recommendation 4 sets its quote a step
// larger in a wider side column; the others keep the scale's quote size.
func TestBriefChoice(t *testing.T) {
	_, st := fixture(t)
	ts := typesetter(t, st)
	for _, paper := range []statement.Paper{statement.PaperA4, statement.PaperLetter} {
		for _, lang := range []string{"en", "es"} {
			for _, d := range briefsWith(t, st, lang, paper, func(*statement.Statement) {}) {
				ld, err := ts.Lay(d)
				if err != nil {
					t.Fatal(err)
				}
				b, n := ld.Brief, d.Rec().Number
				if b == nil || b.Side <= 0 || b.Band < 30 || b.Foot < 19 || (n == 4) != (b.Quote > 12) || (n == 4 && b.Side <= 0.34) {
					t.Errorf("%s/%s/rec%d: %+v", paper, lang, n, b)
				}
			}
		}
	}
}
