package docx_test

import (
	"bytes"
	"encoding/json"
	"os/exec"
	"strings"
	"testing"
	"unicode"

	"briefing/briefing/compose"
	"briefing/briefing/statement"
	"briefing/internal/testtool"
)

// pyRunLangs prints, per paragraph (in table cells too), each run's text
// and its own language (w:lang w:val, "" for none), as python-docx reads
// the document.
const pyRunLangs = `
import docx, json, sys
from docx.oxml.ns import qn
out = []
for path in sys.argv[1:]:
    d = docx.Document(path)
    paras = []
    for p in d.element.body.iter(qn("w:p")):
        runs = []
        for r in p.iter(qn("w:r")):
            t = "".join(x.text or "" for x in r.iter(qn("w:t")))
            rpr = r.find(qn("w:rPr"))
            lang = rpr.find(qn("w:lang")) if rpr is not None else None
            runs.append([t, lang.get(qn("w:val")) if lang is not None else ""])
        paras.append(runs)
    out.append(paras)
json.dump(out, sys.stdout)
`

// TestFallbackLang reads, with python-docx, a Spanish brief and pack whose
// translation leaves some text out (the statement's title, a paragraph, an
// ask and a quote, printed in English): every run of that text is marked
// English (w:lang), for Word's proofing tools and screen readers, and no
// other run has a language of its own (the styles give the document's).
func TestFallbackLang(t *testing.T) {
	py := testtool.PythonDocx(t)
	_, st := testtool.Builtin(t)
	r, _ := setup(t, "en")
	s, rec, left := testtool.PartlyTranslated(t, "es")
	a := s.Audience("delegates")
	docs := []rendered{
		{name: "brief", d: compose.Brief(s, a, rec, testtool.ComposeOptions(st, statement.PaperA4))},
		{name: "pack", d: compose.Pack(s, a, testtool.ComposeOptions(st, statement.PaperLetter))},
	}
	for i := range docs {
		var buf bytes.Buffer
		if _, err := r.Render(&buf, docs[i].d); err != nil {
			t.Fatalf("%s: %v", docs[i].name, err)
		}
		docs[i].b = buf.Bytes()
	}
	_, paths := writeAll(t, docs)
	b, err := exec.Command(py, append([]string{"-c", pyRunLangs}, paths...)...).Output()
	if err != nil {
		t.Fatalf("python-docx: %v", err)
	}
	var got [][][][2]string
	if err := json.Unmarshal(b, &got); err != nil {
		t.Fatal(err)
	}
	for i, d := range docs {
		found := 0
		for _, runs := range got[i] {
			var text strings.Builder
			for _, r := range runs {
				text.WriteString(r[0])
			}
			want := ""
			if left.Has(text.String()) {
				want = "en-GB"
				found++
			}
			for _, r := range runs {
				if !strings.ContainsFunc(r[0], unicode.IsLetter) {
					continue // punctuation and numbers take the language around them
				}
				if r[1] != want {
					t.Errorf("%s: run %q of %q is in %q, want %q", d.name, r[0], text.String(), r[1], want)
				}
			}
		}
		// The brief prints no subtitle.
		want := len(left)
		if d.name == "brief" {
			want--
		}
		if found < want {
			t.Errorf("%s: %d paragraphs of the text left out, want %d or more", d.name, found, want)
		}
	}
}
