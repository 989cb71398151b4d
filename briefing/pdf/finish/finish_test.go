package finish_test

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"

	"briefing/briefing/pdf/finish"
	"briefing/internal/testtool"
)

// minimal returns a one-page PDF with an inline link annotation, as fpdf
// writes them, and an uncompressed content stream.
func minimal() []byte { return pdfOf(minimalObjs(linkAnnot)) }

const linkAnnot = "<</Type /Annot /Subtype /Link /Rect [72 700 144 730] /Border [0 0 0] /A <</S /URI /URI (https://example.org/)>>>>"

// minimalObjs are minimal's objects, 1 to 7, with annots in the page's
// /Annots.
func minimalObjs(annots string) []string {
	content := strings.Repeat("0 0 m 10 10 l S\n", 20)
	return []string{
		"<</Type /Catalog /Pages 2 0 R>>",
		"<</Type /Pages /Kids [3 0 R] /Count 1>>",
		"<</Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources <<>> /Contents 4 0 R " +
			"/Annots [" + annots + "]>>",
		fmt.Sprintf("<</Length %d>>\nstream\n%s\nendstream", len(content), content),
		"<</Unused true>>",
		"<</Title (Minimal) /Producer (test)>>",
		"<</Orphan true>>",
	}
}

// pdfOf writes objs as objects 1… of a PDF whose catalog is 1 and info 6.
func pdfOf(objs []string) []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n")
	offs := make([]int, len(objs))
	for i, o := range objs {
		offs[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	x := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, o := range offs {
		fmt.Fprintf(&b, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&b, "trailer\n<</Size %d /Root 1 0 R /Info 6 0 R>>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, x)
	return b.Bytes()
}

func finishBytes(t *testing.T, in []byte, o finish.Options) []byte {
	t.Helper()
	var out bytes.Buffer
	if err := finish.New().Finish(&out, in, o); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

// tagPage and tagCatalog are hooks adding what tagged PDF needs: the
// hooks are real.
func tagPage(p *finish.Page) error {
	p.Dict["Tabs"] = types.Name("S")
	p.Dict["StructParents"] = types.Integer(p.Index)
	for j, a := range p.Annots {
		a["StructParent"] = types.Integer(100 + j)
	}
	return nil
}

func tagCatalog(c *finish.Catalog) error {
	c.Dict["MarkInfo"] = types.Dict{"Marked": types.Boolean(true)}
	parents := c.Add(types.Dict{"Nums": types.Array{}})
	c.Dict["StructTreeRoot"] = c.Add(types.Dict{"Type": types.Name("StructTreeRoot"), "ParentTree": parents})
	return nil
}

func TestFinish(t *testing.T) {
	for _, objStm := range []bool{false, true} {
		t.Run(fmt.Sprint("objstm=", objStm), func(t *testing.T) {
			o := finish.Options{Lang: "es-CO", DisplayDocTitle: true, ObjectStreams: objStm, Page: tagPage, Catalog: tagCatalog}
			out := finishBytes(t, minimal(), o)
			if err := testtool.StrictPDF(out); err != nil {
				t.Error(err)
			}
			if again := finishBytes(t, minimal(), o); !bytes.Equal(out, again) {
				t.Error("two runs differ")
			}
			d, err := finish.Read(out)
			if err != nil {
				t.Fatal(err)
			}
			cat := d.Catalog()
			if mi, _ := d.Resolve(cat["MarkInfo"]).(types.Dict); mi["Marked"] != types.Boolean(true) {
				t.Errorf("/MarkInfo %v", cat["MarkInfo"])
			}
			if cat["Lang"] != finish.Text("es-CO") {
				t.Errorf("/Lang %v", cat["Lang"])
			}
			if vp, _ := d.Resolve(cat["ViewerPreferences"]).(types.Dict); vp["DisplayDocTitle"] != types.Boolean(true) {
				t.Errorf("/ViewerPreferences %v", cat["ViewerPreferences"])
			}
			if _, ok := cat["StructTreeRoot"].(types.IndirectRef); !ok {
				t.Errorf("/StructTreeRoot %v", cat["StructTreeRoot"])
			}
			p := d.Page(0)
			if p["Tabs"] != types.Name("S") || p["StructParents"] != types.Integer(0) {
				t.Errorf("page %v", p)
			}
			refs, annots := d.AnnotRefs(0), d.Annots(0)
			if len(refs) != 1 || len(annots) != 1 {
				t.Fatalf("annotations %v, refs %v", annots, refs)
			}
			if annots[0]["StructParent"] != types.Integer(100) || annots[0]["P"] != d.PageRef(0) {
				t.Errorf("annotation %v", annots[0])
			}
			if bytes.Contains(out, []byte("Orphan")) {
				t.Error("an unreachable object was written")
			}
			qpdf(t, out)
		})
	}
}

// TestFinishID: the trailer /ID depends on the content only.
func TestFinishID(t *testing.T) {
	id := func(lang string) string {
		out := finishBytes(t, minimal(), finish.Options{Lang: lang})
		i := bytes.LastIndex(out, []byte("/ID [<"))
		if i < 0 {
			t.Fatal("no /ID")
		}
		return string(out[i+6 : i+6+32])
	}
	if a, b, c := id("en"), id("en"), id("es"); a != b || a == c {
		t.Errorf("/ID: %s, %s (same input), %s (other)", a, b, c)
	}
}

func TestFinishEditError(t *testing.T) {
	var out bytes.Buffer
	for _, o := range []finish.Options{
		{Page: func(*finish.Page) error { return fmt.Errorf("no") }},
		{Catalog: func(*finish.Catalog) error { return fmt.Errorf("no") }},
	} {
		err := finish.New().Finish(&out, minimal(), o)
		if err == nil || out.Len() != 0 {
			t.Errorf("err %v, %d bytes written", err, out.Len())
		}
	}
	if err := finish.New().Finish(&out, []byte("not a PDF"), finish.Options{}); err == nil {
		t.Error("no error for a file that is not a PDF")
	}
}

// qpdf runs qpdf --check on b and reads the page's /Tabs back with
// qpdf --json.
func qpdf(t *testing.T, b []byte) {
	t.Helper()
	prog, f := qpdfCheck(t, b)
	out, err := exec.Command(prog, "--json", f).CombinedOutput()
	if err != nil {
		t.Fatalf("qpdf --json: %v\n%s", err, out)
	}
	if !bytes.Contains(out, []byte(`"/Tabs": "/S"`)) || !bytes.Contains(out, []byte(`"/Marked": true`)) {
		t.Errorf("qpdf does not see /Tabs /S or /MarkInfo")
	}
}

// qpdfCheck runs qpdf --check on b; it returns qpdf and the file.
func qpdfCheck(t *testing.T, b []byte) (prog, file string) {
	t.Helper()
	prog = testtool.Need(t, "qpdf")
	file = filepath.Join(t.TempDir(), "x.pdf")
	if err := os.WriteFile(file, b, 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command(prog, "--check", file).CombinedOutput(); err != nil {
		t.Fatalf("qpdf --check: %v\n%s", err, out)
	}
	return prog, file
}

// TestWriterParts writes a document from two parts, with a link and a
// bookmark from the first part to the second's page.
func TestWriterParts(t *testing.T) {
	var out bytes.Buffer
	w := finish.New().NewWriter(&out, finish.Options{ObjectStreams: true, Page: tagPage, Catalog: tagCatalog})
	w.Link(0, finish.Link{Rect: [4]float64{72, 600, 144, 620}, Page: 1, Y: 700})
	w.Outline([]finish.Bookmark{{Title: "First", Page: 0, Y: 792}, {Title: "Second", Level: 1, Page: 1, Y: 700}})
	for range 2 {
		if err := w.Add(minimal()); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	b := out.Bytes()
	if err := testtool.StrictPDF(b); err != nil {
		t.Error(err)
	}
	d, err := finish.Read(b)
	if err != nil {
		t.Fatal(err)
	}
	if d.NumPages() != 2 {
		t.Fatalf("%d pages, want 2", d.NumPages())
	}
	annots := d.Annots(0)
	if len(annots) != 2 {
		t.Fatalf("page 1: %d annotations, want the part's and the link", len(annots))
	}
	dest, _ := d.Resolve(annots[1]["Dest"]).(types.Array)
	if len(dest) == 0 || dest[0] != d.PageRef(1) {
		t.Errorf("the link goes to %v, not page 2 (%v)", dest, d.PageRef(1))
	}
	ol, _ := d.Resolve(d.Catalog()["Outlines"]).(types.Dict)
	first, _ := d.Resolve(ol["First"]).(types.Dict)
	second, _ := d.Resolve(first["First"]).(types.Dict)
	if first["Title"] != finish.Text("First") || second["Title"] != finish.Text("Second") {
		t.Fatalf("outline %v / %v", first, second)
	}
	if dest, _ := d.Resolve(second["Dest"]).(types.Array); len(dest) == 0 || dest[0] != d.PageRef(1) {
		t.Errorf("the bookmark goes to %v, not page 2", dest)
	}
	if p := d.Page(1); p["StructParents"] != types.Integer(1) {
		t.Errorf("page 2 was not given to the page hook: %v", p)
	}
	qpdf(t, b)
	if w.Close() == nil || w.Add(minimal()) == nil {
		t.Error("a closed Writer takes more")
	}
	// A link or bookmark to a page that never comes is an error, not a
	// dangling reference (nor a panic).
	for _, c := range []struct {
		link  finish.Link
		marks []finish.Bookmark
	}{
		{link: finish.Link{Page: 5}},
		{link: finish.Link{Page: -1}},
		{marks: []finish.Bookmark{{Title: "Gone", Page: 1}}},
		{marks: []finish.Bookmark{{Title: "Before", Page: -2}}},
	} {
		w = finish.New().NewWriter(io.Discard, finish.Options{})
		if c.link != (finish.Link{}) {
			w.Link(0, c.link)
		}
		w.Outline(c.marks)
		err := w.Add(minimal())
		if err == nil {
			err = w.Close()
		}
		if err == nil {
			t.Errorf("no error for %+v %+v in a document of 1 page", c.link, c.marks)
		}
	}
}

// FuzzWriter: whatever a part holds, the Writer returns an error or a
// file, never panics.
func FuzzWriter(f *testing.F) {
	f.Add(minimal())
	f.Add([]byte("%PDF-1.4\n1 0 obj\n<</Type /Catalog /Pages 1 0 R>>\nendobj\ntrailer\n<</Root 1 0 R>>\n%%EOF\n"))
	f.Fuzz(func(t *testing.T, in []byte) {
		w := finish.New().NewWriter(io.Discard, finish.Options{ObjectStreams: true, Page: tagPage, Catalog: tagCatalog})
		w.Link(0, finish.Link{Page: 0, Y: 10})
		w.Outline([]finish.Bookmark{{Title: "x", Level: 2}})
		if w.Add(in) == nil {
			w.Close()
		}
	})
}

// TestIndirectAnnot: an annotation that is already an indirect object in
// a part is written once, with /P.
func TestIndirectAnnot(t *testing.T) {
	in := pdfOf(append(minimalObjs("8 0 R"), linkAnnot))
	out := finishBytes(t, in, finish.Options{})
	if err := testtool.StrictPDF(out); err != nil {
		t.Fatal(err)
	}
	if n := bytes.Count(out, []byte("/URI (https://example.org/)")); n != 1 {
		t.Errorf("the annotation is written %d times", n)
	}
	d, err := finish.Read(out)
	if err != nil {
		t.Fatal(err)
	}
	if a := d.Annots(0); len(a) != 1 || a[0]["P"] != d.PageRef(0) {
		t.Errorf("annotations %v", a)
	}
}

// TestCatalogObjects: the catalog hook reserves numbers for objects that
// refer to each other and puts them, two of them serialised already (Raw,
// PutRaw);
// Options.Info changes the Info dictionary; streams are compressed, an
// XMP metadata stream too, and read back as they were given.
func TestCatalogObjects(t *testing.T) {
	xmp := strings.Repeat("<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"/>\n", 8)
	// Without object streams, the Info dictionary is in plain sight.
	o := finish.Options{
		Info: types.Dict{"CreationDate": types.StringLiteral("D:20240621000000+00'00'")},
		Catalog: func(c *finish.Catalog) error {
			a, b, x := c.Reserve(), c.Reserve(), c.Reserve()
			c.Put(a, types.Dict{"Next": b, "Last": x})
			c.Put(b, finish.Raw(fmt.Sprintf("<</Prev %d 0 R /K [0 1]>>", a.ObjectNumber.Value())))
			c.PutRaw(x, fmt.Appendf(nil, "<</First %d 0 R>>", a.ObjectNumber.Value()))
			c.Dict["Pair"] = a
			c.Dict["Metadata"] = c.Add(types.StreamDict{Dict: types.Dict{"Type": types.Name("Metadata"), "Subtype": types.Name("XML")}, Raw: []byte(xmp)})
			c.Dict["Other"] = c.Add(types.StreamDict{Dict: types.Dict{}, Raw: []byte(xmp)})
			return nil
		},
	}
	b := finishBytes(t, minimal(), o)
	if err := testtool.StrictPDF(b); err != nil {
		t.Error(err)
	}
	qpdfCheck(t, b)
	if !bytes.Contains(b, []byte("/CreationDate (D:20240621000000+00'00')")) {
		t.Error("Options.Info did not reach the Info dictionary")
	}
	d, err := finish.Read(b)
	if err != nil {
		t.Fatal(err)
	}
	cat := d.Catalog()
	a, _ := d.Resolve(cat["Pair"]).(types.Dict)
	next, _ := d.Resolve(a["Next"]).(types.Dict)
	last, _ := d.Resolve(a["Last"]).(types.Dict)
	if k, _ := next["K"].(types.Array); next["Prev"] != cat["Pair"] || len(k) != 2 || last["First"] != cat["Pair"] {
		t.Errorf("reserved objects: %v → %v, %v", a, next, last)
	}
	for _, k := range []string{"Metadata", "Other"} {
		sd, _ := d.Resolve(cat[k]).(types.StreamDict)
		if sd.Dict["Filter"] != types.Name("FlateDecode") {
			t.Errorf("/%s is not compressed: %v", k, sd.Dict)
		}
		if err := sd.Decode(); err != nil || string(sd.Content) != xmp {
			t.Errorf("/%s reads back as %q (%v)", k, sd.Content, err)
		}
	}
}
