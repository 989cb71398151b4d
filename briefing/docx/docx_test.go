package docx_test

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"image"
	"image/jpeg"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"

	"briefing/briefing/compose"
	"briefing/briefing/doc"
	"briefing/briefing/docx"
	"briefing/briefing/inline"
	"briefing/briefing/layout"
	"briefing/briefing/statement"
	"briefing/briefing/style"
	"briefing/data"
	"briefing/internal/defaults"
)

// out, when DOCX_OUT names a folder, keeps the rendered files there to look at.
var out = os.Getenv("DOCX_OUT")

var (
	setupOnce sync.Once
	setupR    *docx.Renderer
	setupTS   *layout.Typesetter
	setupErr  error
)

// pdfBrief is how the PDF sets brief d (layout.Paged.Brief), which the
// DOCX follows when Word's layout holds it; nil when the layout fails.
func pdfBrief(t testing.TB, d *doc.Doc) *layout.BriefChoice {
	t.Helper()
	setup(t, "en")
	pd, err := setupTS.Lay(d)
	if err != nil {
		return nil
	}
	return pd.Brief
}

func setup(t testing.TB, lang string) (*docx.Renderer, *statement.Statement) {
	t.Helper()
	setupOnce.Do(func() {
		st, err := style.Load(defaults.StyleFiles())
		if err != nil {
			setupErr = err
			return
		}
		if setupTS, setupErr = layout.New(st); setupErr != nil {
			return
		}
		setupR, setupErr = docx.New(st)
	})
	if setupErr != nil {
		t.Fatal(setupErr)
	}
	ds, err := statement.Load(data.FS, data.Default)
	if err != nil {
		t.Fatal(err)
	}
	s, missing := ds.In(lang)
	if len(missing) == 1 && missing[0] == "*" {
		t.Skipf("no %q translation in the data", lang)
	}
	return setupR, s
}

var brand = style.Brand{Name: "Danish Refugee Council", Footer: "Danish Refugee Council · drc.ngo"}

// optsFor are the compose options for audience a: its paper, as the batch
// plan decides it (else A4).
func optsFor(a *statement.Audience) compose.Options {
	paper := a.Paper
	if paper == "" {
		paper = statement.PaperA4
	}
	return compose.Options{Paper: paper, Creator: "briefing test", Brand: &brand}
}

// rendered is one rendered document.
type rendered struct {
	name string
	d    *doc.Doc
	b    []byte
}

// render renders the briefs and packs of s for the delegates (A4) and the
// donors (Letter), and, as a stand-in for a working translation, the
// longest brief and a pack with Spanish labels and the unofficial note.
func render(t testing.TB, r *docx.Renderer, s *statement.Statement) []rendered {
	t.Helper()
	var docs []rendered
	for _, id := range []string{"delegates", "donors"} {
		a := s.Audience(id)
		for _, rec := range s.Selected(a) {
			docs = append(docs, rendered{name: s.Lang + "-brief-" + id + "-" + rec.ID, d: compose.Brief(s, a, rec, optsFor(a))})
		}
		docs = append(docs, rendered{name: s.Lang + "-pack-" + id, d: compose.Pack(s, a, optsFor(a))})
	}
	// The longest recommendation with asks, for List Bullet.
	asks := s.Recommendations[0]
	asks.Asks = []string{
		"Guarantee access to asylum procedures at borders and along the displacement route.",
		"Fund **legal aid** and protection services for people on the move.",
		"Keep complementary pathways in addition to, not instead of, international protection.",
	}
	docs = append(docs, rendered{name: s.Lang + "-brief-asks", d: compose.Brief(s, s.Audience("delegates"), &asks, optsFor(s.Audience("delegates")))})
	es := *s
	es.Lang = "es"
	es.Translation = &statement.Translation{}
	a := es.Audience("delegates")
	docs = append(docs,
		rendered{name: "xx-es-brief", d: compose.Brief(&es, a, &es.Recommendations[0], optsFor(a))},
		rendered{name: "xx-es-pack", d: compose.Pack(&es, a, optsFor(a))})
	for i := range docs {
		var buf bytes.Buffer
		if _, err := r.Render(&buf, docs[i].d); err != nil {
			t.Fatalf("%s: %v", docs[i].name, err)
		}
		docs[i].b = buf.Bytes()
		if out != "" {
			if err := os.WriteFile(filepath.Join(out, docs[i].name+".docx"), docs[i].b, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	return docs
}

// parts unzips a .docx.
func parts(t testing.TB, b []byte) map[string]string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	m := map[string]string{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		x, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		m[f.Name] = string(x)
	}
	return m
}

func TestParts(t *testing.T) {
	r, s := setup(t, "en")
	for _, d := range render(t, r, s) {
		t.Run(d.name, func(t *testing.T) {
			p := parts(t, d.b)
			m := d.d.Meta
			for _, name := range []string{"word/document.xml", "word/styles.xml", "word/numbering.xml", "word/settings.xml", "word/theme/theme1.xml", "word/fontTable.xml", "word/header1.xml", "word/footer1.xml", "docProps/core.xml", "docProps/app.xml"} {
				if _, ok := p[name]; !ok {
					t.Errorf("no part %s", name)
				}
			}
			for name, x := range p {
				if strings.HasSuffix(name, ".xml") || strings.HasSuffix(name, ".rels") {
					if err := wellFormed(x); err != nil {
						t.Errorf("%s: %v", name, err)
					}
				}
				if strings.HasPrefix(name, "docProps/thumbnail") || strings.HasPrefix(name, "customXml") || strings.Contains(name, "stylesWithEffects") || strings.Contains(name, "webSettings") {
					t.Errorf("foreign part %s", name)
				}
				for _, bad := range []string{"gomutex", "godocx"} {
					if strings.Contains(strings.ToLower(x), bad) {
						t.Errorf("%s mentions %q", name, bad)
					}
				}
			}
			core := p["docProps/core.xml"]
			for _, want := range []string{
				"<dc:title>" + esc(m.Title) + "</dc:title>",
				"<dc:creator>" + esc(m.Author) + "</dc:creator>",
				"<dc:language>" + m.Lang + "</dc:language>",
				"<dc:subject>" + esc(m.Subject) + "</dc:subject>",
				">" + m.Date.Format("2006-01-02") + "T00:00:00Z</dcterms:created>",
			} {
				if !strings.Contains(core, want) {
					t.Errorf("core.xml lacks %s:\n%s", want, core)
				}
			}
			if !strings.Contains(p["docProps/app.xml"], "<Application>briefing test</Application>") {
				t.Errorf("app.xml: %s", p["docProps/app.xml"])
			}
			lang, page, of := "en-GB", ">Page </w:t>", "> of </w:t>"
			if m.Lang == "es" {
				lang, page, of = "es-ES", ">Página </w:t>", "> de </w:t>"
			}
			if !strings.Contains(p["word/styles.xml"], `<w:lang w:val="`+lang+`"`) || !strings.Contains(p["word/settings.xml"], `<w:themeFontLang w:val="`+lang+`"/>`) {
				t.Errorf("styles.xml or settings.xml has no language %s", lang)
			}
			ftr := p["word/footer1.xml"]
			if f := d.d.Footer; f != nil {
				for _, want := range []string{"> PAGE </w:instrText>", "> NUMPAGES </w:instrText>", page, of, ">" + esc(f.Text) + "<"} {
					if !strings.Contains(ftr, want) {
						t.Errorf("footer lacks %q", want)
					}
				}
			} else if strings.Contains(ftr, "<w:t") {
				t.Errorf("a document without running lines has a footer: %s", ftr)
			}
			body := p["word/document.xml"]
			styles := usedStyles(body)
			want := []string{"Heading1", "Kicker"}
			if m.Kind == statement.KindPack {
				want = append(want, "Title", "Subtitle", "CoverKicker", "CoverEvent", "TOC1", "TOCHeading", "Quote", "Label", "Source")
				if !strings.Contains(body, `w:titlePg`) {
					t.Error("pack: no titlePg")
				}
				// The recommendations flow: each after space and a hairline,
				// none on a page of its own (the context and the back page
				// start pages: the contents are on the cover).
				recs := 0
				for _, b := range d.d.Blocks {
					if h, ok := b.(*doc.Heading); ok && h.Rec != nil {
						recs++
					}
				}
				if n := strings.Count(body, `<w:pBdr><w:top `); n != recs {
					t.Errorf("pack: %d hairlines (paragraph top borders) for %d recommendations", n, recs)
				}
				if n := strings.Count(body, "<w:pageBreakBefore>"); n != 2 {
					t.Errorf("pack: %d page breaks, want 2", n)
				}
				cover, _, _ := strings.Cut(body, "<w:pageBreakBefore>")
				if !strings.Contains(cover, `descr="`+esc(d.d.Blocks[0].(*doc.Cover).Source.Label)) {
					t.Error("pack: no QR code on the cover")
				}
				if !strings.Contains(cover, `<w:pStyle w:val="TOC1">`) {
					t.Error("pack: the contents are not on the cover page")
				}
			} else {
				want = append(want, "FigureValue", "FigureLabel", "Masthead", "Rule")
				if !styles["SideQuote"] && !styles["SideQuoteSmall"] {
					t.Error("brief: no quote in the side column")
				}
			}
			for _, s := range want {
				if !styles[s] {
					t.Errorf("style %s not used (used: %v)", s, styles)
				}
			}
			for s := range styles {
				if !strings.Contains(p["word/styles.xml"], `w:styleId="`+s+`"`) {
					t.Errorf("style %s used but not defined", s)
				}
			}
			if strings.Contains(body, "xmlns:relationships") || !strings.Contains(body, `<w:hyperlink r:id="rId`) {
				t.Error("hyperlinks not written with r:id")
			}
			for name, x := range p {
				if i := strings.IndexFunc(x, func(r rune) bool { return r >= '\uE000' && r <= '\uF8FF' }); i >= 0 && !strings.HasPrefix(name, "word/media/") {
					t.Errorf("%s: private-use character at %d", name, i)
				}
			}
			if strings.Contains(p["word/settings.xml"], "updateFields") {
				t.Error("settings.xml has updateFields: Word would ask a question on every open")
			}
			relsOK(t, p)
			for _, b := range d.d.Blocks {
				if c, ok := b.(*doc.Contents); ok {
					for _, e := range c.Entries {
						if !strings.Contains(body, `w:anchor="`+bookmark(e.Anchor)+`"`) || !strings.Contains(body, `w:name="`+bookmark(e.Anchor)+`"`) {
							t.Errorf("contents entry %s: no hyperlink or bookmark", e.Anchor)
						}
					}
					tocOK(t, body, d.d)
				}
			}
		})
	}
}

func TestDeterministic(t *testing.T) {
	r, s := setup(t, "en")
	a := render(t, r, s)
	b := render(t, r, s)
	for i := range a {
		if !bytes.Equal(a[i].b, b[i].b) {
			t.Errorf("%s: two renders differ", a[i].name)
		}
	}
}

func TestConcurrent(t *testing.T) {
	r, s := setup(t, "en")
	want := render(t, r, s)
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for _, d := range want {
				var buf bytes.Buffer
				if _, err := r.Render(&buf, d.d); err != nil {
					t.Error(err)
					return
				}
				if !bytes.Equal(buf.Bytes(), d.b) {
					t.Errorf("%s: concurrent render differs", d.name)
				}
			}
		}()
	}
	wg.Wait()
}

func TestSize(t *testing.T) {
	r, s := setup(t, "en")
	for _, d := range render(t, r, s) {
		t.Logf("%s: %d bytes", d.name, len(d.b))
		if d.d.Meta.Kind == statement.KindBrief && len(d.b) > 40<<10 {
			t.Errorf("%s: %d bytes, want ≤ 40 KB", d.name, len(d.b))
		}
	}
}

var styleRe = regexp.MustCompile(`<w:pStyle w:val="([^"]+)"`)

func usedStyles(doc string) map[string]bool {
	m := map[string]bool{}
	for _, x := range styleRe.FindAllStringSubmatch(doc, -1) {
		m[x[1]] = true
	}
	return m
}

func esc(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '&':
			b.WriteString("&amp;")
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '"':
			b.WriteString("&#34;")
		case '\'':
			b.WriteString("&#39;")
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// bookmark is the bookmark name the renderer makes of an anchor.
func bookmark(anchor string) string {
	return strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' {
			return r
		}
		return '_'
	}, anchor)
}

// TestOneBodySize checks that every brief is set at the layout's body
// size, never below 9.5 pt, whatever its length, language or paper (a
// long one sets its side-column quote smaller, narrows its side column or
// spans its key figures, as the PDF's), and that the briefs of a set
// (language and paper) share one styles part.
func TestOneBodySize(t *testing.T) {
	r, s := setup(t, "en")
	st, err := style.Load(defaults.StyleFiles())
	if err != nil {
		t.Fatal(err)
	}
	full := fmt.Sprint(int(2 * st.Layout.Sizes.Body)) // the layout's body, in half-points
	re := regexp.MustCompile(`<w:rPrDefault><w:rPr>.*?<w:sz w:val="(\d+)"/>`)
	sets := map[string]string{} // styles.xml by language and paper
	// The test set, and every brief in English and Spanish on A4 and Letter.
	for _, d := range append(render(t, r, s), allDocs(t)...) {
		if d.d.Meta.Kind != statement.KindBrief {
			continue
		}
		styles := parts(t, d.b)["word/styles.xml"]
		m := re.FindStringSubmatch(styles)
		if m == nil {
			t.Fatalf("%s: no default size", d.name)
		}
		if m[1] != full {
			t.Errorf("%s: body size %s half-points, want %s", d.name, m[1], full)
		}
		if n, _ := strconv.Atoi(m[1]); n < 19 {
			t.Errorf("%s: body size %s half-points is under 9.5 pt", d.name, m[1])
		}
		key := d.d.Meta.Lang + "/" + string(d.d.Meta.Paper)
		if prev, ok := sets[key]; ok && prev != styles {
			t.Errorf("%s: styles differ from another brief of %s", d.name, key)
		}
		sets[key] = styles
	}
}

// TestLogo checks that a brand's own logo is used as it is, JPEG too.
func TestLogo(t *testing.T) {
	_, s := setup(t, "en")
	st, err := style.Load(defaults.StyleFiles())
	if err != nil {
		t.Fatal(err)
	}
	img := image.NewRGBA(image.Rect(0, 0, 300, 60))
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, nil); err != nil {
		t.Fatal(err)
	}
	st.Logo = &style.Logo{Data: buf.Bytes(), Type: "jpg", Width: 300, Height: 60}
	r, err := docx.New(st)
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	opt := optsFor(s.Audience("delegates"))
	opt.Brand = &st.Brand
	st.Brand.Logo = "logo.jpg"
	if _, err := r.Render(&out, compose.Brief(s, s.Audience("delegates"), &s.Recommendations[0], opt)); err != nil {
		t.Fatal(err)
	}
	p := parts(t, out.Bytes())
	if p["word/media/image1.jpg"] != buf.String() {
		t.Error("logo not in the package as given")
	}
	if !strings.Contains(p["word/document.xml"], `descr="`+esc(st.Brand.LogoAlt)+`"`) {
		t.Error("logo has no alternative text")
	}
}

// TestBreakBeforeTable checks that a page break before a table without a
// title lands on a paragraph outside the table.
func TestBreakBeforeTable(t *testing.T) {
	r, _ := setup(t, "en")
	d := &doc.Doc{Meta: doc.Meta{Kind: statement.KindPack, Lang: "en", Paper: statement.PaperLetter}, Blocks: []doc.Block{
		&doc.Paragraph{Text: inline.Runs{{Text: "Before."}}},
		&doc.PageBreak{},
		&doc.Figures{Items: []doc.FigureItem{{Value: "1", Label: inline.Runs{{Text: "one"}}}}},
	}}
	var buf bytes.Buffer
	if _, err := r.Render(&buf, d); err != nil {
		t.Fatal(err)
	}
	doc := parts(t, buf.Bytes())["word/document.xml"]
	if !strings.Contains(doc, `<w:pStyle w:val="Spacer"></w:pStyle><w:pageBreakBefore></w:pageBreakBefore>`) || !strings.Contains(doc, `w:w="12240"`) {
		t.Errorf("no page break before the table, or not on Letter paper:\n%s", doc)
	}
}

// wellFormed decodes every token of an XML document.
func wellFormed(s string) error {
	d := xml.NewDecoder(strings.NewReader(s))
	for {
		_, err := d.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
	}
}

// TestPrivateUseText checks that text in the Unicode private-use area,
// or that looks like markup, is written as the text it is: the renderer
// gives no character a meaning of its own.
func TestPrivateUseText(t *testing.T) {
	r, _ := setup(t, "en")
	text := "\uE0000\uE001 <w:bookmarkEnd w:id=\"1\"/> text"
	d := &doc.Doc{Meta: doc.Meta{Kind: statement.KindPack, Lang: "en", Paper: statement.PaperA4}, Blocks: []doc.Block{
		&doc.Heading{Level: 1, Text: inline.Runs{{Text: "Title"}}, Anchor: "a"},
		&doc.Paragraph{Text: inline.Runs{{Text: text}}},
	}}
	var buf bytes.Buffer
	if _, err := r.Render(&buf, d); err != nil {
		t.Fatal(err)
	}
	doc := parts(t, buf.Bytes())["word/document.xml"]
	if !strings.Contains(doc, ">"+esc(text)+"<") || !strings.Contains(doc, `w:name="a"`) || strings.Count(doc, "<w:bookmarkEnd ") != 1 {
		t.Errorf("text not written as given:\n%s", doc)
	}
}

// relsOK checks that every relationship id the document, header and
// footer refer to is in the document's relationships part, with a type
// that fits the reference, and that every relationship is used.
func relsOK(t *testing.T, p map[string]string) {
	t.Helper()
	var rels struct {
		Rel []struct {
			ID         string `xml:"Id,attr"`
			Type       string `xml:"Type,attr"`
			Target     string `xml:"Target,attr"`
			TargetMode string `xml:"TargetMode,attr"`
		} `xml:"Relationship"`
	}
	if err := xml.Unmarshal([]byte(p["word/_rels/document.xml.rels"]), &rels); err != nil {
		t.Fatal(err)
	}
	types := map[string]string{}
	for _, r := range rels.Rel {
		if _, dup := types[r.ID]; dup {
			t.Errorf("relationship %s twice", r.ID)
		}
		typ := r.Type[strings.LastIndex(r.Type, "/")+1:]
		types[r.ID] = typ
		if r.TargetMode != "External" {
			if _, ok := p["word/"+r.Target]; !ok {
				t.Errorf("relationship %s: no part %s", r.ID, r.Target)
			}
		}
	}
	// The template parts are found by type; the rest by id.
	used := map[string]bool{}
	for _, r := range rels.Rel {
		switch types[r.ID] {
		case "styles", "numbering", "settings", "theme", "fontTable":
			used[r.ID] = true
		}
	}
	refRe := regexp.MustCompile(`<(w:headerReference|w:footerReference|w:hyperlink|a:blip)\b[^>]*?\br:(?:id|embed)="([^"]*)"`)
	want := map[string]string{"w:headerReference": "header", "w:footerReference": "footer", "w:hyperlink": "hyperlink", "a:blip": "image"}
	for _, m := range refRe.FindAllStringSubmatch(p["word/document.xml"], -1) {
		if typ, ok := types[m[2]]; !ok || typ != want[m[1]] {
			t.Errorf("%s refers to %s, of type %q in the relationships part", m[1], m[2], typ)
		}
		used[m[2]] = true
	}
	if n := strings.Count(p["word/document.xml"], `r:id="`) + strings.Count(p["word/document.xml"], `r:embed="`); n != len(refRe.FindAllString(p["word/document.xml"], -1)) {
		t.Errorf("document.xml has %d relationship references, %d of them known", n, len(refRe.FindAllString(p["word/document.xml"], -1)))
	}
	for _, r := range rels.Rel {
		if !used[r.ID] {
			t.Errorf("relationship %s (%s) not used", r.ID, r.Target)
		}
	}
	for _, part := range []string{"word/header1.xml", "word/footer1.xml"} {
		if strings.Contains(p[part], `r:id=`) || strings.Contains(p[part], `r:embed=`) {
			t.Errorf("%s refers to a relationship, and has no relationships part", part)
		}
	}
}

// TestOverflow checks that a brief too long for one page at body_min fails.
func TestOverflow(t *testing.T) {
	r, s := setup(t, "en")
	rec := s.Recommendations[0]
	rec.Body = append(append(append([]string{}, rec.Body...), rec.Body...), rec.Body...)
	d := compose.Brief(s, s.Audience("delegates"), &rec, optsFor(s.Audience("delegates")))
	_, err := r.Render(io.Discard, d)
	if !errors.Is(err, doc.ErrOverflow) {
		t.Errorf("got %v, want doc.ErrOverflow", err)
	}
	if fit := r.Fit(d); fit == nil || fit.Error() != err.Error() {
		t.Errorf("Fit says %v, Render %v: want the same", fit, err)
	}
	if fit := r.Fit(compose.Brief(s, s.Audience("delegates"), &s.Recommendations[0], optsFor(s.Audience("delegates")))); fit != nil {
		t.Errorf("Fit of a brief that fits: %v", fit)
	}
	var oe *doc.OverflowError
	if !errors.As(err, &oe) || oe.Rec != 1 || oe.Paper != statement.PaperA4 || !strings.Contains(err.Error(), `recommendation 1 ("Safeguard access`) {
		t.Errorf("got %v, want a *doc.OverflowError naming recommendation 1 and A4", err)
	}
}

// TestLargePack renders a pack of 150 recommendations, whose body the
// renderer writes out in pieces as it goes (so that a huge pack does not
// hold its whole tree): the document is well-formed, passes the schema
// check's parts, and has every recommendation in order.
func TestLargePack(t *testing.T) {
	r, s := setup(t, "en")
	big := *s
	big.Recommendations = nil
	for i := range 150 {
		rec := s.Recommendations[i%len(s.Recommendations)]
		rec.ID = fmt.Sprintf("rec-%03d", i)
		rec.Number = i + 1
		rec.Title = fmt.Sprintf("Recommendation title number %03d", i+1)
		big.Recommendations = append(big.Recommendations, rec)
	}
	a := big.Audience("delegates")
	a2 := *a
	a2.Recommendations = nil
	var buf bytes.Buffer
	if _, err := r.Render(&buf, compose.Pack(&big, &a2, optsFor(a))); err != nil {
		t.Fatal(err)
	}
	doc := parts(t, buf.Bytes())["word/document.xml"]
	if err := wellFormed(doc); err != nil {
		t.Fatal(err)
	}
	at := 0
	doc = strings.ReplaceAll(doc, "\u00a0", " ") // the last two words are tied
	for i := range 150 {
		title := fmt.Sprintf("Recommendation title number %03d", i+1)
		j := strings.Index(doc[at:], title)
		if j < 0 {
			t.Fatalf("%q missing or out of order", title)
		}
		at += j
	}
	if strings.Count(doc, "<w:body") != 1 || strings.Count(doc, "<w:sectPr") != 1 {
		t.Error("one body and one section wanted")
	}
}

// paraTexts returns the style and the text (its w:t elements) of every
// paragraph of a document part, in order.
func paraTexts(t *testing.T, body string) [][3]string {
	t.Helper()
	var out [][3]string
	glance, in := "", false // the _Glance bookmark's id; inside it
	dec := xml.NewDecoder(strings.NewReader(body))
	var style, text strings.Builder
	inText := false
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return out
		}
		if err != nil {
			t.Fatal(err)
		}
		switch x := tok.(type) {
		case xml.StartElement:
			switch x.Name.Local {
			case "p":
				style.Reset()
				text.Reset()
			case "pStyle":
				for _, a := range x.Attr {
					if a.Name.Local == "val" {
						style.WriteString(a.Value)
					}
				}
			case "t":
				inText = true
			case "bookmarkStart", "bookmarkEnd":
				id, name := "", ""
				for _, a := range x.Attr {
					switch a.Name.Local {
					case "id":
						id = a.Value
					case "name":
						name = a.Value
					}
				}
				if name == "_Glance" {
					glance, in = id, true
				} else if x.Name.Local == "bookmarkEnd" && id == glance {
					in = false
				}
			}
		case xml.CharData:
			if inText {
				text.Write(x)
			}
		case xml.EndElement:
			switch x.Name.Local {
			case "t":
				inText = false
			case "p":
				where := ""
				if in {
					where = "glance"
				}
				out = append(out, [3]string{style.String(), text.String(), where})
			}
		}
	}
}

// tocOK checks the pack's contents field: level 1 only, within the
// _Glance bookmark, and a result that is what Word makes of it: one TOC 1
// line per Heading 1 paragraph in the bookmark, in order, with that
// paragraph's text, a tab leader and a PAGEREF field.
func tocOK(t *testing.T, body string, d *doc.Doc) {
	t.Helper()
	if strings.Count(body, `TOC \o &#34;1-1&#34; \b _Glance \h \z \u`) != 1 || strings.Contains(body, "1-2") {
		t.Error(`want one TOC \o "1-1" \b _Glance \h \z \u field`)
	}
	var toc, headings []string
	for _, p := range paraTexts(t, body) {
		switch {
		case p[0] == "TOC1":
			toc = append(toc, strings.TrimRight(p[1], "0123456789"))
		case p[0] == "Heading1" && p[2] == "glance":
			headings = append(headings, p[1])
		}
	}
	if strings.Join(toc, "\n") != strings.Join(headings, "\n") {
		t.Errorf("contents lines\n%q\nare not the Heading 1 paragraphs\n%q", toc, headings)
	}
	if n := strings.Count(body, `<w:tab w:val="right" w:pos=`); n < len(toc) || !strings.Contains(body, `w:leader="dot"`) {
		t.Errorf("%d right tabs with leaders for %d entries", n, len(toc))
	}
	if n := strings.Count(body, "PAGEREF "); n != len(toc) {
		t.Errorf("%d PAGEREF fields for %d entries", n, len(toc))
	}
}

// TestWordmarkResolution checks that the wordmark is printed at 600 ppi
// or more: its pixels over its extent in the document, in every brief and
// pack. The QR code, a grid of whole modules, is left out.
func TestWordmarkResolution(t *testing.T) {
	r, s := setup(t, "en")
	drawing := regexp.MustCompile(`<wp:extent cx="(\d+)"[^>]*>(?:</wp:extent>)?<wp:docPr id="\d+" name="([^"]*)".*?r:embed="(rId\d+)"`)
	target := regexp.MustCompile(`Id="(rId\d+)"[^>]*Target="(media/[^"]+)"`)
	for _, d := range render(t, r, s) {
		p := parts(t, d.b)
		media := map[string]string{}
		for _, m := range target.FindAllStringSubmatch(p["word/_rels/document.xml.rels"], -1) {
			media[m[1]] = "word/" + m[2]
		}
		marks := 0
		for _, m := range drawing.FindAllStringSubmatch(p["word/document.xml"], -1) {
			if strings.Contains(m[2], "://") {
				continue // the QR code's alternative text holds its address
			}
			cfg, _, err := image.DecodeConfig(strings.NewReader(p[media[m[3]]]))
			if err != nil {
				t.Fatalf("%s: %s: %v", d.name, media[m[3]], err)
			}
			var cx float64
			fmt.Sscan(m[1], &cx)
			ppi := float64(cfg.Width) / (cx / 914400)
			t.Logf("%s: %s %d px, %.1f mm: %.0f ppi, %d bytes", d.name, media[m[3]], cfg.Width, cx/36000, ppi, len(p[media[m[3]]]))
			if ppi < 600 {
				t.Errorf("%s: wordmark at %.0f ppi, want ≥ 600", d.name, ppi)
			}
			marks++
		}
		if marks != 1 {
			t.Errorf("%s: %d wordmarks", d.name, marks)
		}
	}
}

// TestBriefColumns checks a brief's layout: the masthead, the two-column
// layout table (the figures panel nested in it) and the source block's
// table; and, for a brief with neither key figures nor a quote, no
// columns: its text runs across the page, as in the PDF.
func TestBriefColumns(t *testing.T) {
	r, s := setup(t, "en")
	a := s.Audience("delegates")
	for _, c := range []struct {
		name   string
		side   bool
		tables int
	}{{"with side", true, 4}, {"without side", false, 2}} {
		d := compose.Brief(s, a, &s.Recommendations[0], optsFor(a))
		if !c.side {
			var keep []doc.Block
			for _, b := range d.Blocks {
				switch b.(type) {
				case *doc.Figures, *doc.PullQuote:
				default:
					keep = append(keep, b)
				}
			}
			d.Blocks = keep
		}
		var buf bytes.Buffer
		if _, err := r.Render(&buf, d); err != nil {
			t.Fatal(err)
		}
		body := parts(t, buf.Bytes())["word/document.xml"]
		if n := strings.Count(body, "<w:tbl>"); n != c.tables {
			t.Errorf("%s: %d tables, want %d", c.name, n, c.tables)
		}
		// A4: 9866 twips of text, 0.34 of it (3354) the side column; the
		// main column 6002 and the 9 mm (510) gutter.
		cols := `<w:gridCol w:w="6512"></w:gridCol><w:gridCol w:w="3354"></w:gridCol>`
		if strings.Contains(body, cols) != c.side {
			t.Errorf("%s: two-column grid %s: %v", c.name, cols, !c.side)
		}
	}
}
