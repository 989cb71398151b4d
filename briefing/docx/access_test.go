package docx_test

import (
	"regexp"
	"strings"
	"testing"
)

// The rules of Word's accessibility checker that can be checked offline,
// on the XML of every brief and pack (README: "Accessible and archival
// PDF", the DOCX table).
var (
	docPr    = regexp.MustCompile(`<wp:docPr\b[^>]*>`)
	descr    = regexp.MustCompile(`\bdescr="([^"]*)"`)
	paraRe   = regexp.MustCompile(`(?s)<w:p\b[^>]*?(?:/>|>.*?</w:p>)`)
	textRe   = regexp.MustCompile(`(?s)<w:t\b[^>]*>(.*?)</w:t>`)
	pStyleRe = regexp.MustCompile(`<w:pStyle w:val="([^"]*)"`)
	linkRe   = regexp.MustCompile(`(?s)<w:hyperlink\b[^>]*>(.*?)</w:hyperlink>`)
	langRe   = regexp.MustCompile(`<w:rPrDefault><w:rPr>.*?<w:lang w:val="([^"]+)"`)
	titleRe  = regexp.MustCompile(`<dc:title>([^<]+)</dc:title>`)
	// hairRe is a Spacer or Rule paragraph, and partRe one where Word
	// needs a paragraph: between two tables, before a table that starts
	// a page, or closing a table cell.
	hairRe    = regexp.MustCompile(`<w:p><w:pPr><w:pStyle w:val="(?:Spacer|Rule|Separator)">`)
	partRe    = regexp.MustCompile(`(?:</w:tbl>|<w:body>)<w:p><w:pPr><w:pStyle w:val="(?:Spacer|Rule)">(?:[^<]|<[^/]|</[^w]|</w:[^p]|</w:p[A-Za-z])*?</w:p><w:tbl>|<w:p><w:pPr><w:pStyle w:val="Spacer"></w:pStyle><w:pageBreakBefore></w:pageBreakBefore></w:pPr></w:p><w:tbl>|<w:p><w:pPr><w:pStyle w:val="Spacer"></w:pStyle></w:pPr></w:p></w:tc>`)
	vagueLink = map[string]bool{"here": true, "click here": true, "link": true, "more": true, "read more": true, "aquí": true, "haga clic aquí": true}
)

// TestAccessibility checks, for each document: every picture has
// alternative text and is inline (Word: "Missing alternative text",
// "Object not inline"); the title is in the core properties and the
// language in the default run properties; headings use the built-in
// Heading styles and no level is skipped; no two empty paragraphs in a
// row and no three blanks in a row ("Avoid using repeated blank
// characters"), and an empty paragraph only where Word needs one (between
// two tables, before a table that starts a page, closing a cell): space is
// paragraph spacing and rules are borders; every hyperlink has meaningful
// text ("Unclear hyperlink text").
func TestAccessibility(t *testing.T) {
	r, s := setup(t, "en")
	for _, d := range render(t, r, s) {
		t.Run(d.name, func(t *testing.T) {
			p := parts(t, d.b)
			body := p["word/document.xml"]
			pics := docPr.FindAllString(body, -1)
			if len(pics) == 0 {
				t.Errorf("no picture: the wordmark should be one")
			}
			for _, dp := range pics {
				if m := descr.FindStringSubmatch(dp); m == nil || strings.TrimSpace(m[1]) == "" {
					t.Errorf("a picture without alternative text: %s", dp)
				}
			}
			if strings.Contains(body, "<wp:anchor") {
				t.Errorf("a floating picture: pictures should be inline")
			}
			if m := titleRe.FindStringSubmatch(p["docProps/core.xml"]); m == nil || m[1] != esc(d.d.Meta.Title) {
				t.Errorf("core properties: title %v, want %q", m, d.d.Meta.Title)
			}
			if m := langRe.FindStringSubmatch(p["word/styles.xml"]); m == nil || !strings.HasPrefix(m[1], d.d.Meta.Lang) {
				t.Errorf("styles: default language %v, want %s", m, d.d.Meta.Lang)
			}
			level, headings, empty := 0, 0, 0
			for _, para := range paraRe.FindAllString(body, -1) {
				var text strings.Builder
				for _, m := range textRe.FindAllStringSubmatch(para, -1) {
					text.WriteString(m[1])
				}
				if strings.Contains(text.String(), "   ") {
					t.Errorf("three blanks in a row: %q", text.String())
				}
				st := ""
				if m := pStyleRe.FindStringSubmatch(para); m != nil {
					st = m[1]
				}
				if n := strings.TrimPrefix(st, "Heading"); n != st && len(n) == 1 {
					l := int(n[0] - '0')
					if l > level+1 {
						t.Errorf("heading level %d after %d: %q", l, level, text.String())
					}
					level = l
					headings++
				}
				if text.Len() == 0 && !strings.Contains(para, "<w:drawing") && !strings.Contains(para, "<w:br") && !strings.Contains(para, "<w:fldChar") && !strings.Contains(para, "<w:sectPr") {
					empty++
					if empty > 1 {
						t.Errorf("two empty paragraphs in a row (styles %q)", st)
					}
				} else {
					empty = 0
				}
			}
			if n, parts := len(hairRe.FindAllString(body, -1)), len(partRe.FindAllString(body, -1)); n != parts {
				t.Errorf("%d hairline paragraphs, %d of them where Word needs a paragraph", n, parts)
			}
			if headings == 0 {
				t.Errorf("no paragraph in a Heading style")
			}
			for _, m := range linkRe.FindAllStringSubmatch(body, -1) {
				var text strings.Builder
				for _, x := range textRe.FindAllStringSubmatch(m[1], -1) {
					text.WriteString(x[1])
				}
				if l := strings.ToLower(strings.TrimSpace(text.String())); l == "" || vagueLink[l] {
					t.Errorf("a hyperlink with unclear text %q", text.String())
				}
			}
		})
	}
}
