package pdf_test

import (
	"bytes"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"briefing/briefing/compose"
	"briefing/briefing/doc"
	"briefing/briefing/statement"
)

// pack composes the delegate pack for audience in lang on paper.
func pack(t testing.TB, lang, audience string, paper statement.Paper) *doc.Doc {
	_, st, _ := fixture(t)
	s := statementIn(t, lang)
	a := s.Audience(audience)
	if a == nil {
		t.Fatalf("no audience %q", audience)
	}
	return compose.Pack(s, a, opts(st, paper))
}

const packMax = 150 << 10

// headingFor returns the text of the heading with the given anchor.
func headingFor(d *doc.Doc, anchor string) string {
	for _, b := range d.Blocks {
		if h, ok := b.(*doc.Heading); ok && h.Anchor == anchor {
			return h.Text.Plain()
		}
	}
	return ""
}

func TestPack(t *testing.T) {
	_, _, r := fixture(t)
	for _, c := range []struct{ lang, aud string }{{"en", "delegates"}, {"en", "donors"}, {"es", "states"}} {
		for _, paper := range statement.Papers {
			name := "pack-" + c.lang + "-" + c.aud + "-" + string(paper)
			t.Run(name, func(t *testing.T) {
				d := pack(t, c.lang, c.aud, paper)
				b, info := render(t, r, d, name)
				if len(b) > packMax {
					t.Errorf("%d bytes, want ≤ %d", len(b), packMax)
				}
				f := written(t, b)
				checkQPDF(t, f)
				checkValid(t, b)
				checkCatalog(t, b, d.Meta.Lang)
				checkFonts(t, f)
				in := pdfinfo(t, f)
				if in["Pages"] != strconv.Itoa(info.Pages) || in["Title"] != d.Meta.Title || in["Author"] != d.Meta.Author {
					t.Errorf("pdfinfo: %v; Info %+v", in, info)
				}
				pages := make([]string, info.Pages+1)
				for i := 1; i <= info.Pages; i++ {
					pages[i] = text(t, f, i, i)
				}
				// Running footer on every page but the cover.
				for i := 2; i <= info.Pages; i++ {
					if want := fmt.Sprintf(d.Footer.Page, i, info.Pages); !strings.Contains(pages[i], want) {
						t.Errorf("page %d lacks %q", i, want)
					}
				}
				if strings.Contains(pages[1], fmt.Sprintf(d.Footer.Page, 1, info.Pages)) {
					t.Errorf("cover has a page number")
				}
				// Contents ("at a glance", on the cover): the numbers, in
				// order, are the pages the headings are on.
				var toc *doc.Contents
				for _, bl := range d.Blocks {
					if x, ok := bl.(*doc.Contents); ok {
						toc = x
					}
				}
				layout := run(t, "pdftotext", "-layout", "-enc", "UTF-8", "-f", "1", "-l", "1", f, "-")
				var nums []string
				for _, m := range regexp.MustCompile(`(?m)\s{2,}(\d+)\s*$`).FindAllStringSubmatch(layout, -1) {
					nums = append(nums, m[1])
				}
				var want []string
				for _, e := range toc.Entries {
					h := norm(headingFor(d, e.Anchor))
					page := 0
					for i := 2; i <= info.Pages && page == 0; i++ {
						if strings.Contains(pages[i], h) {
							page = i
						}
					}
					if page == 0 {
						t.Errorf("heading %q not found", h)
					}
					want = append(want, strconv.Itoa(page))
				}
				if strings.Join(nums, " ") != strings.Join(want, " ") {
					t.Errorf("contents page numbers %v, want %v\n%s", nums, want, layout)
				}
				// All the text is there: the pages' text without their
				// running lines, so that a paragraph that goes on over a
				// page reads on.
				flow := make([]string, len(pages))
				for i, pg := range pages {
					if i >= 2 {
						for _, s := range []string{fmt.Sprintf(d.Footer.Page, i, info.Pages), d.Footer.Text, d.Header.Text, d.Header.Flag, d.Header.Lead} {
							if s != "" {
								pg = strings.Replace(pg, s, " ", 1)
							}
						}
					}
					flow[i] = pg
				}
				all := strings.ToLower(strings.Join(strings.Fields(strings.Join(flow, " ")), " "))
				for _, w := range docText(d) {
					if !strings.Contains(all, strings.ToLower(norm(w))) {
						t.Errorf("text lacks %q", w)
					}
				}
				// No heading is left at the foot of a page: the page it is on
				// also shows the start of the block after it.
				for i, bl := range d.Blocks[:len(d.Blocks)-1] {
					h, ok := bl.(*doc.Heading)
					if !ok {
						continue
					}
					next := docText(&doc.Doc{Blocks: d.Blocks[i+1 : i+2]})
					if len(next) == 0 {
						continue
					}
					start := strings.Join(strings.Fields(next[0])[:min(4, len(strings.Fields(next[0])))], " ")
					found := false
					for _, pg := range pages {
						if strings.Contains(strings.ToLower(pg), strings.ToLower(norm(h.Text.Plain()))) && strings.Contains(strings.ToLower(pg), strings.ToLower(start)) {
							found = true
						}
					}
					if !found {
						t.Errorf("heading %q is not on the page of %q", h.Text.Plain(), start)
					}
				}
				// Each contents entry links inside the document.
				if n := internalLinks(t, b); n < len(toc.Entries) {
					t.Errorf("%d internal links, want ≥ %d", n, len(toc.Entries))
				}
				// One bookmark per level-1 heading.
				outline := run(t, "qpdf", "--json", "--json-key=outlines", f)
				for _, e := range toc.Entries {
					if h := headingFor(d, e.Anchor); !strings.Contains(outline, h) {
						t.Errorf("no bookmark %q", h)
					}
				}
			})
		}
	}
}

func TestPackDeterministic(t *testing.T) {
	_, _, r := fixture(t)
	d := pack(t, "en", "delegates", statement.PaperA4)
	a, _ := render(t, r, d, "")
	b, _ := render(t, r, d, "")
	if !bytes.Equal(a, b) {
		t.Error("two renders differ")
	}
}

func BenchmarkPack(b *testing.B) {
	_, _, r := fixture(b)
	d := pack(b, "en", "delegates", statement.PaperA4)
	var buf bytes.Buffer
	for b.Loop() {
		buf.Reset()
		if _, err := r.Render(&buf, d); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(buf.Len()), "bytes/doc")
}

// TestPackUnofficial prints a working translation's note on the cover and
// in every running header.
func TestPackUnofficial(t *testing.T) {
	_, _, r := fixture(t)
	d := pack(t, "es", "civil-society", statement.PaperA4)
	d.Header.Flag = "Traducción no oficial"
	d.Blocks[0].(*doc.Cover).Unofficial = "Traducción no oficial"
	b, info := render(t, r, d, "pack-unofficial")
	f := written(t, b)
	for i := 1; i <= info.Pages; i++ {
		if !strings.Contains(text(t, f, i, i), "Traducción no oficial") {
			t.Errorf("page %d lacks the unofficial note", i)
		}
	}
}

// TestPackQuoteLongerThanAPage: a quote that cannot be kept on one page
// flows across pages instead of running off the bottom; every word is in
// the text and the heading before it is not left alone on a page.
func TestPackQuoteLongerThanAPage(t *testing.T) {
	_, st, r := fixture(t)
	s := *statementIn(t, "en")
	s.Quotes = append([]statement.Quote(nil), s.Quotes...)
	long := strings.Repeat("Another and more inclusive way is possible. ", 150) + "The last words."
	s.Quotes[0].Text = long
	d := compose.Pack(&s, s.Audience("delegates"), opts(st, statement.PaperA4))
	b, info := render(t, r, d, "pack-long-quote")
	file := written(t, b)
	// A sentence may be split by a page's footer and the next one's
	// header: the pages are read without their running lines.
	var flow []string
	for i := 1; i <= info.Pages; i++ {
		pg := text(t, file, i, i)
		for _, s := range []string{fmt.Sprintf(d.Footer.Page, i, info.Pages), d.Footer.Text, d.Header.Text, d.Header.Lead} {
			if s != "" && i > 1 {
				pg = strings.Replace(pg, s, " ", 1)
			}
		}
		flow = append(flow, pg)
	}
	all := norm(strings.Join(flow, " "))
	starts, ends := strings.Count(all, "Another and more inclusive way is possible."), strings.Count(all, "is possible.")
	if starts != 150 || ends != 150 || !strings.Contains(all, "The last words.") {
		t.Errorf("the quote lost words: %d and %d of 150 sentences", starts, ends)
	}
	for p := 2; p <= info.Pages; p++ {
		if pt := text(t, file, p, p); strings.TrimSpace(strings.TrimPrefix(pt, "DRC")) == "" {
			t.Errorf("page %d is empty", p)
		}
	}
	checkQPDF(t, file)
	checkValid(t, b)
}

// TestPackLongCoverNote: an audience note too long for the cover moves to
// the page after it instead of running into the cover's footer.
func TestPackLongCoverNote(t *testing.T) {
	_, st, r := fixture(t)
	s := *statementIn(t, "en")
	s.Audiences = append([]statement.Audience(nil), s.Audiences...)
	a := &s.Audiences[1]
	a.Note = strings.Repeat("Recommendations 1, 3 and 4 call for action in national asylum systems. ", 40) + "End of note."
	b, _ := render(t, r, compose.Pack(&s, a, opts(st, statement.PaperA4)), "pack-long-note")
	file := written(t, b)
	if strings.Contains(text(t, file, 1, 1), "call for action") {
		t.Error("the long note is still on the cover")
	}
	if !strings.Contains(text(t, file, 2, 2), "call for action") || !strings.Contains(text(t, file, 0, 0), "End of note.") {
		t.Error("the long note is not on the page after the cover, or lost its end")
	}
	// A short note stays on the cover.
	b, _ = render(t, r, pack(t, "en", "states", statement.PaperA4), "pack-states")
	if !strings.Contains(text(t, written(t, b), 1, 1), "national asylum systems") {
		t.Error("the states' short note is not on the cover")
	}
	checkQPDF(t, file)
	checkValid(t, b)
}

// TestLongPack renders a pack of 250 recommendations, drawn in several
// parts (partPages): the file is valid, its fonts embedded, every
// recommendation on its page, and the contents' links and the outline go
// across parts to the right pages.
func TestLongPack(t *testing.T) {
	_, st, r := fixture(t)
	s := *statementIn(t, "en")
	s.Recommendations = nil
	for i := range 250 {
		rec := statementIn(t, "en").Recommendations[i%4]
		rec.ID = fmt.Sprintf("rec-%03d", i)
		rec.Number = i + 1
		rec.Title = fmt.Sprintf("Long pack recommendation %03d", i+1)
		s.Recommendations = append(s.Recommendations, rec)
	}
	a := *s.Audience("delegates")
	a.Recommendations = nil
	d := compose.Pack(&s, &a, opts(st, statement.PaperA4))
	b, info := render(t, r, d, "pack-long")
	if info.Pages <= 2*48 {
		t.Fatalf("%d pages: not long enough to test", info.Pages)
	}
	checkValid(t, b)
	f := written(t, b)
	checkQPDF(t, f)
	checkFonts(t, f)
	// The last recommendation is on the last page but one, or on the last
	// (the back page's text goes at its foot when there is room).
	if got := text(t, f, info.Pages-1, info.Pages); !strings.Contains(got, "Long pack recommendation 250") {
		t.Errorf("pages %d-%d lack the last recommendation:\n%s", info.Pages-1, info.Pages, got)
	}
	// Every recommendation in the outline goes to the page that shows it,
	// and the contents link there too.
	titles, targets := outline(t, b)
	links := linkTargets(t, b)
	seen := 0
	for i, title := range titles {
		if !strings.Contains(title, "Long pack recommendation") {
			continue
		}
		seen++
		p := targets[i]
		if p == 0 || !strings.Contains(norm(text(t, f, p, p)), norm(title)) {
			t.Errorf("bookmark %q goes to page %d, which does not show it", title, p)
		}
		if !slices.Contains(links, p) {
			t.Errorf("no link goes to page %d (%s)", p, title)
		}
	}
	if seen != 250 {
		t.Errorf("%d recommendations in the outline, want 250: %q", seen, titles)
	}
	// qpdf reads the same outline, going to the same pages.
	qt, qp := qpdfOutline(t, f)
	if !slices.Equal(qt, titles) || !slices.Equal(qp, targets) {
		t.Errorf("qpdf reads the outline as %q → %v, not %q → %v", qt, qp, titles, targets)
	}
	if n := bytes.Count(b, []byte("/Subtype /Image")); n > 1 {
		t.Errorf("the logo is written %d times", n)
	}
}
