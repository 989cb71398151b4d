package docx_test

import (
	"bytes"
	"strings"
	"testing"

	"briefing/briefing/doc"
	"briefing/briefing/inline"
	"briefing/briefing/qrcode"
	"briefing/briefing/statement"
)

// FuzzText renders a pack whose heading, paragraph and link hold arbitrary
// text: rendering must succeed and every part stay well-formed XML.
func FuzzText(f *testing.F) {
	for _, s := range []string{"plain", "a & b < c > \"d\" 'e'", "\uE0000\uE001", " lead and trail ", "\x00\x1f\ufffe", "Página 1 de 2 · ñ"} {
		f.Add(s)
	}
	r, _ := setup(f, "en")
	qr, err := qrcode.Encode("https://example.org/")
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d := &doc.Doc{Meta: doc.Meta{Kind: statement.KindPack, Lang: "en", Paper: statement.PaperA4, Title: s, Author: s},
			Header: &doc.Running{Lead: s, Text: s, Flag: s}, Footer: &doc.Running{Text: s, Page: "Page %d of %d"}, Blocks: []doc.Block{
				&doc.Cover{Wordmark: doc.Wordmark{Short: s, Name: s, Alt: s}, Kicker: s, Title: s, Note: inline.Runs{{Text: s}}, Source: &doc.SourceBlock{URL: "https://example.org/", QR: qr, Label: s, Footer: s}},
				&doc.Contents{Title: s, Entries: []doc.ContentsEntry{{Title: s, Anchor: s, Level: 1}}},
				&doc.Heading{Level: 1, Text: inline.Runs{{Text: s}}, Kicker: s, Anchor: s},
				&doc.Paragraph{Text: inline.Runs{{Text: s, Bold: true}, {Text: s, Link: "https://example.org/" + s}}},
				&doc.PullQuote{Text: inline.Runs{{Text: s}}, Speaker: s},
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
