package compose_test

import (
	"strings"
	"testing"

	"briefing/briefing/compose"
	"briefing/briefing/doc"
	"briefing/briefing/inline"
	"briefing/briefing/statement"
	"briefing/internal/testtool"
)

// TestFallbackLang checks that text a translation leaves out, printed in
// the base language, is marked with it (inline.Run.Lang, and the titles'
// own fields) in the brief and the pack, and that nothing else is: not the
// translated text, not our labels, not a complete translation's documents.
func TestFallbackLang(t *testing.T) {
	ds, st := testtool.Builtin(t)
	part, rec, left := testtool.PartlyTranslated(t, "es")
	full, _ := ds.In("es")
	opt := testtool.ComposeOptions(st, statement.PaperA4)
	for _, c := range []struct {
		name string
		s    *statement.Statement
		want int // runs marked
	}{{"partly translated", part, 1}, {"translated", full, 0}} {
		a := c.s.Audience("delegates")
		r := c.s.Recommendation(rec.ID)
		docs := map[string]*doc.Doc{
			"brief": compose.Brief(c.s, a, r, opt),
			"pack":  compose.Pack(c.s, a, opt),
		}
		for name, d := range docs {
			marked := map[string]bool{}
			check := func(what string, runs inline.Runs) {
				text := runs.Plain()
				for _, r := range runs {
					switch {
					case r.Lang == "en":
						marked[what] = true
						if !left.Has(text) {
							t.Errorf("%s %s: %s %q is marked English, but is translated", c.name, name, what, text)
						}
					case r.Lang != "":
						t.Errorf("%s %s: %s %q is marked %q", c.name, name, what, text, r.Lang)
					case c.want > 0 && left.Has(text) && strings.TrimSpace(r.Text) != "":
						t.Errorf("%s %s: %s %q is in English, unmarked", c.name, name, what, text)
					}
				}
			}
			for _, b := range d.Blocks {
				switch b := b.(type) {
				case *doc.Heading:
					check("heading", b.Text)
				case *doc.Paragraph:
					check("paragraph", b.Text)
				case *doc.List:
					for _, it := range b.Items {
						check("list item", it)
					}
				case *doc.Figures:
					for _, it := range b.Items {
						check("figure", it.Label)
					}
				case *doc.PullQuote:
					check("quote", b.Text)
				case *doc.Masthead:
					check("masthead", inline.Runs{{Text: b.Statement, Lang: b.StatementLang}})
				case *doc.Cover:
					check("cover", inline.Runs{{Text: b.Title, Lang: b.TitleLang}})
					check("cover subtitle", inline.Runs{{Text: b.Subtitle, Lang: b.SubtitleLang}})
				}
			}
			want := []string{"paragraph", "list item", "quote", "masthead"}
			if name == "pack" {
				want = append(want[:3], "cover", "cover subtitle")
			}
			for _, w := range want {
				if marked[w] != (c.want > 0) {
					t.Errorf("%s %s: %s marked English: %v, want %v", c.name, name, w, marked[w], c.want > 0)
				}
			}
		}
	}
}
