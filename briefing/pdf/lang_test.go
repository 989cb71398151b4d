package pdf_test

import (
	"encoding/json"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"briefing/briefing/compose"
	"briefing/briefing/doc"
	"briefing/briefing/statement"
	"briefing/internal/testtool"
)

// TestFallbackLang reads, as pdf.js exposes it to a screen reader, a
// Spanish brief and pack whose translation leaves some text out (the
// statement's title, a paragraph, an ask and a quote, printed in English):
// each element of that text is in English (/Lang, its own or one it is
// part of), so that a reader switches voice, and every other element is
// in the document's language (the catalog's /Lang, or its own where it is
// part of an element in English).
func TestFallbackLang(t *testing.T) {
	node, dir := pdfjs(t)
	_, st, r := fixture(t)
	s, rec, left := testtool.PartlyTranslated(t, "es")
	a := s.Audience("delegates")
	for name, d := range map[string]*doc.Doc{
		"brief": compose.Brief(s, a, rec, opts(st, statement.PaperA4)),
		"pack":  compose.Pack(s, a, opts(st, statement.PaperLetter)),
	} {
		t.Run(name, func(t *testing.T) {
			b, _ := render(t, r, d, "fallback-"+name)
			out, err := exec.Command(node, filepath.Join(dir, "structtree.mjs"), written(t, b)).Output()
			if err != nil {
				t.Fatalf("pdf.js: %v", err)
			}
			found := 0
			for _, l := range strings.Split(strings.TrimSpace(string(out)), "\n") {
				var e pdfjsElem
				if err := json.Unmarshal([]byte(l), &e); err != nil {
					t.Fatalf("pdf.js: %v: %s", err, l)
				}
				if e.Untagged != nil || e.Text == "" {
					continue
				}
				want := ""
				if left.Has(norm(e.Text)) {
					want = "en"
					found++
				}
				if e.Lang == d.Meta.Lang && want == "" {
					// Said again under an element in English: the
					// attribution of a quote left in English.
					e.Lang = ""
				}
				if e.Lang != want {
					t.Errorf("page %d: %s %q reads in %q, want %q", e.Page, e.Role, e.Text, e.Lang, want)
				}
			}
			// The title, the paragraph, the ask and the quote, and in
			// the pack the subtitle (the brief prints none).
			want := len(left)
			if name == "brief" {
				want--
			}
			if found < want {
				t.Errorf("%d elements of the text left out found, want %d or more", found, want)
			}
		})
	}
}
