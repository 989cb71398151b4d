package docx_test

import (
	"bytes"
	"strings"
	"testing"

	"briefing/briefing"
)

// FuzzText renders a pack whose heading, paragraph and link hold arbitrary
// text: rendering must succeed and every part stay well-formed XML.
func FuzzText(f *testing.F) {
	for _, s := range []string{"plain", "a & b < c > \"d\" 'e'", "\uE0000\uE001", " lead and trail ", "\x00\x1f\ufffe", "Página 1 de 2 · ñ"} {
		f.Add(s)
	}
	r, _ := setup(f, "en")
	f.Fuzz(func(t *testing.T, s string) {
		d := &briefing.Doc{Meta: briefing.Meta{Kind: briefing.KindPack, Lang: "en", Paper: briefing.PaperA4, Title: s, Author: s},
			Header: &briefing.Running{Lead: s, Text: s, Flag: s}, Footer: &briefing.Running{Text: s, Page: "Page %d of %d"}, Blocks: []briefing.Block{
				&briefing.Cover{Wordmark: briefing.Wordmark{Short: s, Name: s, Alt: s}, Kicker: s, Title: s, Note: briefing.Runs{{Text: s}}, Source: &briefing.SourceBlock{URL: "https://example.org/", Label: s, Footer: s}},
				&briefing.Contents{Title: s, Entries: []briefing.ContentsEntry{{Title: s, Anchor: s, Level: 1}}},
				&briefing.Heading{Level: 1, Text: briefing.Runs{{Text: s}}, Kicker: s, Anchor: s},
				&briefing.Paragraph{Text: briefing.Runs{{Text: s, Bold: true}, {Text: s, Link: "https://example.org/" + s}}},
				&briefing.PullQuote{Text: briefing.Runs{{Text: s}}, Speaker: s},
			}}
		var buf bytes.Buffer
		if _, err := r.Render(&buf, d); err != nil {
			t.Fatal(err)
		}
		for name, x := range parts(t, buf.Bytes()) {
			if strings.HasSuffix(name, ".xml") || strings.HasSuffix(name, ".rels") {
				if err := wellFormed(x); err != nil {
					t.Errorf("%s: %v", name, err)
				}
			}
		}
	})
}
