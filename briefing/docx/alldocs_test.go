package docx_test

import (
	"bytes"
	"testing"

	"briefing/briefing/compose"
	"briefing/briefing/statement"
)

// allDocs renders every brief and pack of the built-in statement for the
// delegates, in English and Spanish, on A4 and on Letter.
func allDocs(t *testing.T) []rendered {
	t.Helper()
	var docs []rendered
	for _, lang := range []string{"en", "es"} {
		r, s := setup(t, lang)
		a := s.Audience("delegates")
		for _, paper := range []statement.Paper{statement.PaperA4, statement.PaperLetter} {
			opt := optsFor(a)
			opt.Paper = paper
			name := lang + "-" + string(paper)
			for _, rec := range s.Selected(a) {
				docs = append(docs, rendered{name: name + "-brief-" + rec.ID, d: compose.Brief(s, a, rec, opt)})
			}
			docs = append(docs, rendered{name: name + "-pack", d: compose.Pack(s, a, opt)})
		}
		for i := range docs {
			if docs[i].b != nil {
				continue
			}
			var buf bytes.Buffer
			if _, err := r.Render(&buf, docs[i].d); err != nil {
				t.Fatalf("%s: %v", docs[i].name, err)
			}
			docs[i].b = buf.Bytes()
		}
	}
	return docs
}
