package pdf_test

import (
	"bytes"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"

	"briefing/briefing/compose"
	"briefing/briefing/doc"
	"briefing/briefing/pdf"
	"briefing/briefing/pdf/finish"
	"briefing/briefing/statement"
	"briefing/briefing/style"
	"briefing/internal/testtool"
)

var (
	loadOnce  sync.Once
	ds        *statement.Dataset
	testStyle *style.Style
	renderer  *pdf.Renderer
	loadErr   error
)

// fixture loads the default data and style and makes a Renderer, once.
func fixture(t testing.TB) (*statement.Dataset, *style.Style, *pdf.Renderer) {
	t.Helper()
	loadOnce.Do(func() {
		ds, testStyle = testtool.Builtin(t)
		renderer, loadErr = pdf.New(testStyle)
	})
	if loadErr != nil {
		t.Fatal(loadErr)
	}
	return ds, testStyle, renderer
}

// statementIn returns the default statement in lang (falling back to English
// data with lang's labels when there is no such file yet).
func statementIn(t testing.TB, lang string) *statement.Statement {
	t.Helper()
	d, _, _ := fixture(t)
	s, missing := d.In(lang)
	if len(missing) == 1 && missing[0] == "*" {
		c := *s
		c.Lang = lang
		s = &c
	}
	return s
}

func opts(st *style.Style, paper statement.Paper) compose.Options {
	return testtool.ComposeOptions(st, paper)
}

// render renders d and, when the environment variable DUMP names a
// folder, writes the file there too.
func render(t testing.TB, r *pdf.Renderer, d *doc.Doc, name string) ([]byte, pdf.Info) {
	t.Helper()
	var buf bytes.Buffer
	info, err := r.Render(&buf, d)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	if dir := os.Getenv("DUMP"); dir != "" {
		os.WriteFile(filepath.Join(dir, name+".pdf"), buf.Bytes(), 0o644)
	}
	return buf.Bytes(), info
}

// hasLink reports whether a page of the PDF b has a link annotation, an
// indirect object, to uri.
func hasLink(t testing.TB, b []byte, uri string) bool {
	t.Helper()
	d, err := finish.Read(b)
	if err != nil {
		t.Fatal(err)
	}
	for i := range d.NumPages() {
		refs := d.AnnotRefs(i)
		for j, a := range d.Annots(i) {
			act, _ := d.Resolve(a["A"]).(types.Dict)
			if j < len(refs) && act["URI"] == finish.Text(uri) {
				return true
			}
		}
	}
	return false
}

// checkValid runs pdfcpu's strict validation on b.
func checkValid(t testing.TB, b []byte) {
	t.Helper()
	if err := testtool.StrictPDF(b); err != nil {
		t.Error(err)
	}
}

// internalLinks counts the link annotations, indirect objects, that go to
// a place in the document.
func internalLinks(t testing.TB, b []byte) int {
	t.Helper()
	d, err := finish.Read(b)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for i := range d.NumPages() {
		if len(d.AnnotRefs(i)) != len(d.Annots(i)) {
			t.Errorf("page %d: an annotation is not an indirect object", i+1)
		}
		for _, a := range d.Annots(i) {
			if _, ok := d.Resolve(a["Dest"]).(types.Array); ok {
				n++
			}
		}
	}
	return n
}

// checkCatalog wants the catalog's /Lang to be lang and viewers asked to
// show the title.
func checkCatalog(t testing.TB, b []byte, lang string) {
	t.Helper()
	d, err := finish.Read(b)
	if err != nil {
		t.Fatal(err)
	}
	cat := d.Catalog()
	if cat["Lang"] != finish.Text(lang) {
		t.Errorf("/Lang %v, want %s", cat["Lang"], lang)
	}
	if vp, _ := d.Resolve(cat["ViewerPreferences"]).(types.Dict); vp["DisplayDocTitle"] != types.Boolean(true) {
		t.Errorf("/ViewerPreferences %v", cat["ViewerPreferences"])
	}
}

// linkTargets lists, in order, the pages (from 1) that the document's
// internal links go to; 0 for a destination that is not one of its pages.
func linkTargets(t testing.TB, b []byte) []int {
	t.Helper()
	d, page := readDests(t, b)
	var out []int
	for i := range d.NumPages() {
		for _, a := range d.Annots(i) {
			if _, ok := d.Resolve(a["Dest"]).(types.Array); ok {
				out = append(out, page(a["Dest"]))
			}
		}
	}
	return out
}

// readDests reads the PDF b, with a function that gives the page (from 1)
// a destination goes to: 0 when it is not one of the document's pages.
func readDests(t testing.TB, b []byte) (*finish.File, func(dest types.Object) int) {
	t.Helper()
	d, err := finish.Read(b)
	if err != nil {
		t.Fatal(err)
	}
	pages := map[types.IndirectRef]int{}
	for i := range d.NumPages() {
		pages[d.PageRef(i)] = i + 1
	}
	return d, func(dest types.Object) int {
		a, _ := d.Resolve(dest).(types.Array)
		if len(a) == 0 {
			return 0
		}
		r, _ := a[0].(types.IndirectRef)
		return pages[r]
	}
}

// outline lists the document outline's titles, depth first, each with its
// target page (from 1; 0 when it is not one of the document's pages).
func outline(t testing.TB, b []byte) (titles []string, targets []int) {
	t.Helper()
	d, page := readDests(t, b)
	root, _ := d.Resolve(d.Catalog()["Outlines"]).(types.Dict)
	var walk func(o types.Object, depth int)
	walk = func(o types.Object, depth int) {
		for n := 0; o != nil && n < 100000 && depth < 16; n++ {
			e, _ := d.Resolve(o).(types.Dict)
			if e == nil {
				return
			}
			title := ""
			if s, err := types.StringOrHexLiteral(e["Title"]); err == nil {
				title = *s
			}
			titles = append(titles, title)
			targets = append(targets, page(e["Dest"]))
			walk(e["First"], depth+1)
			o = e["Next"]
		}
	}
	if root != nil {
		walk(root["First"], 0)
	}
	return titles, targets
}
