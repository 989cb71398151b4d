package docx_test

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"briefing/briefing/doc"
	"briefing/briefing/statement"
	"briefing/internal/testtool"
)

// writeAll writes docs into a temporary folder and returns their paths.
func writeAll(t *testing.T, docs []rendered) (string, []string) {
	t.Helper()
	dir := t.TempDir()
	var paths []string
	for _, d := range docs {
		p := filepath.Join(dir, d.name+".docx")
		if err := os.WriteFile(p, d.b, 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	return dir, paths
}

// TestLibreOffice converts every document in one soffice run, with a fresh
// profile, and checks that each brief is one page and that every paragraph
// of every document is in the PDF's text.
func TestLibreOffice(t *testing.T) {
	soffice := testtool.Need(t, "soffice")
	pdfinfo := testtool.Need(t, "pdfinfo")
	pdftotext := testtool.Need(t, "pdftotext")
	r, s := setup(t, "en")
	docs := render(t, r, s)
	dir, paths := writeAll(t, docs)
	profile := t.TempDir()
	args := append([]string{"--headless", "-env:UserInstallation=file://" + profile, "--convert-to", "pdf", "--outdir", dir}, paths...)
	if b, err := exec.Command(soffice, args...).CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, b)
	}
	for _, d := range docs {
		t.Run(d.name, func(t *testing.T) {
			pdf := filepath.Join(dir, d.name+".pdf")
			info, err := exec.Command(pdfinfo, pdf).Output()
			if err != nil {
				t.Fatalf("pdfinfo: %v", err)
			}
			pages := 0
			for _, line := range strings.Split(string(info), "\n") {
				if v, ok := strings.CutPrefix(line, "Pages:"); ok {
					pages, _ = strconv.Atoi(strings.TrimSpace(v))
				}
			}
			if d.d.Meta.Kind == statement.KindBrief && pages != 1 {
				t.Errorf("brief has %d pages, want 1", pages)
			}
			if d.d.Meta.Kind == statement.KindPack && pages < 3 {
				t.Errorf("pack has %d pages", pages)
			}
			txt, err := exec.Command(pdftotext, pdf, "-").Output()
			if err != nil {
				t.Fatalf("pdftotext: %v", err)
			}
			text := norm(string(txt))
			// The flow without the running lines, so that a paragraph
			// that goes on over a page reads on.
			flow := text
			if h, f := d.d.Header, d.d.Footer; h != nil && f != nil {
				var pages []string
				for i, pg := range strings.Split(string(txt), "\f") {
					pg = regexp.MustCompile(strings.ReplaceAll(regexp.QuoteMeta(f.Page), "%d", `\d+`)).ReplaceAllString(pg, " ")
					for _, s := range []string{f.Text, h.Text, h.Flag, h.Lead} {
						if s != "" && i > 0 {
							pg = strings.Replace(pg, s, " ", 1)
						}
					}
					pages = append(pages, pg)
				}
				flow = norm(strings.ReplaceAll(strings.Join(pages, " "), "·", " "))
			}
			for _, b := range d.d.Blocks {
				if p, ok := b.(*doc.Paragraph); ok {
					if want := norm(p.Text.Plain()); !strings.Contains(text, want) && !strings.Contains(flow, want) {
						t.Errorf("PDF text lacks paragraph %q", want)
					}
				}
			}
			if f := d.d.Footer; f != nil {
				page := strings.Fields(f.Page)[0] + " 2 " // the cover has no footer
				for _, want := range []string{f.Text, page} {
					if !strings.Contains(text, norm(want)) {
						t.Errorf("PDF text lacks %q", want)
					}
				}
			}
			if d.d.Meta.Kind == statement.KindPack {
				tocPages(t, d, string(txt))
			}
		})
	}
}

func norm(s string) string { return strings.Join(strings.Fields(s), " ") }

const pyDocx = `
import docx, json, sys
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
# Paragraph text including hyperlinks (older python-docx leaves them out).
def text(p):
    return "".join(t.text or "" for t in p._p.iter(qn("w:t")))
out = []
for path in sys.argv[1:]:
    d = docx.Document(path)
    cp = d.core_properties
    out.append({
        "title": cp.title, "author": cp.author, "language": cp.language,
        # Every paragraph, in table cells too (a brief's columns).
        "paragraphs": [[p.style.name, text(p)] for p in (Paragraph(x, d._body) for x in d.element.body.iter(qn("w:p")))],
    })
json.dump(out, sys.stdout)
`

type pyDoc struct {
	Title, Author, Language string
	Paragraphs              [][2]string
}

// TestPythonDocx re-reads the documents with python-docx: core properties
// and the style names of the paragraphs that matter.
func TestPythonDocx(t *testing.T) {
	py := testtool.PythonDocx(t)
	r, s := setup(t, "en")
	docs := render(t, r, s)
	_, paths := writeAll(t, docs)
	b, err := exec.Command(py, append([]string{"-c", pyDocx}, paths...)...).Output()
	if err != nil {
		t.Fatalf("python-docx: %v", err)
	}
	var got []pyDoc
	if err := json.Unmarshal(b, &got); err != nil {
		t.Fatal(err)
	}
	for i, d := range docs {
		g, m := got[i], d.d.Meta
		if g.Title != m.Title || g.Author != m.Author || g.Language != m.Lang {
			t.Errorf("%s: core properties %q %q %q", d.name, g.Title, g.Author, g.Language)
		}
		style := map[string]string{} // text → style name
		for _, p := range g.Paragraphs {
			style[p[1]] = p[0]
		}
		want := map[string]string{}
		// A brief the PDF sets with a lede has its first paragraph in the
		// Lede style, as the DOCX follows the PDF's choices.
		lede := false
		if d.d.Meta.Kind == statement.KindBrief {
			c := pdfBrief(t, d.d)
			lede = c != nil && c.Lede
		}
		for _, b := range d.d.Blocks {
			switch x := b.(type) {
			case *doc.Heading:
				want[x.Text.Plain()] = "Heading " + strconv.Itoa(x.Level)
				if x.Kicker != "" {
					want[x.Kicker] = "Kicker"
				}
			case *doc.Paragraph:
				want[x.Text.Plain()] = map[doc.ParaStyle]string{doc.ParaBody: "Normal", doc.ParaLede: "Lede", doc.ParaNote: "Note", doc.ParaSmall: "Small"}[x.Style]
				if lede && x.Style == doc.ParaBody {
					want[x.Text.Plain()], lede = "Lede", false
				}
			case *doc.List:
				for _, it := range x.Items {
					want[it.Plain()] = "List Bullet"
				}
			case *doc.PullQuote:
				want[x.Text.Plain()] = "Quote"
				if d.d.Meta.Kind == statement.KindBrief {
					want[x.Text.Plain()] = "Side Quote"
					if style[x.Text.Plain()] == "Side Quote Small" {
						want[x.Text.Plain()] = "Side Quote Small"
					}
				}
			case *doc.Cover:
				want[x.Title] = "Title"
				want[x.Subtitle] = "Subtitle"
			}
		}
		for text, w := range want {
			if style[text] != w {
				t.Errorf("%s: %q has style %q, want %q", d.name, text, style[text], w)
			}
		}
	}
}

// pagerefRe finds a PAGEREF field's bookmark and cached page (an empty
// element may be written either way).
var pagerefRe = regexp.MustCompile(`PAGEREF (\w+) \\h </w:instrText></w:r><w:r>(?:<w:rPr>.*?</w:rPr>)?<w:fldChar w:fldCharType="separate"(?:/>|></w:fldChar>)</w:r><w:r>(?:<w:rPr>.*?</w:rPr>)?<w:t xml:space="preserve">(\d+)<`)

// tocPages checks the page numbers the contents show before Word updates
// them (the renderer's estimate) against the pages LibreOffice put each
// heading on.
func tocPages(t *testing.T, d rendered, txt string) {
	t.Helper()
	pages := strings.Split(txt, "\f")
	cached := map[string]string{}
	for _, m := range pagerefRe.FindAllStringSubmatch(parts(t, d.b)["word/document.xml"], -1) {
		cached[m[1]] = m[2]
	}
	if len(cached) == 0 {
		t.Error("no PAGEREF fields with cached pages")
	}
	listed := map[string]bool{}
	for _, b := range d.d.Blocks {
		if c, ok := b.(*doc.Contents); ok {
			for _, e := range c.Entries {
				listed[e.Anchor] = true
			}
		}
	}
	for _, b := range d.d.Blocks {
		h, ok := b.(*doc.Heading)
		if !ok || !listed[h.Anchor] {
			continue
		}
		want := norm(h.Text.Plain())
		if len(want) > 30 {
			want = want[:30]
		}
		got := ""
		for i := 1; i < len(pages); i++ { // after the cover, which has the contents
			if strings.Contains(norm(pages[i]), want) {
				got = strconv.Itoa(i + 1)
				break
			}
		}
		if c := cached[bookmark(h.Anchor)]; c != got {
			t.Errorf("contents give %q on page %s, LibreOffice sets it on page %s", want, c, got)
		}
	}
}
