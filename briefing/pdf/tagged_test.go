package pdf_test

import (
	"bytes"
	"crypto/md5"
	"encoding/binary"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"

	"briefing/briefing/compose"
	"briefing/briefing/doc"
	"briefing/briefing/pdf"
	"briefing/briefing/pdf/finish"
	"briefing/briefing/statement"
	"briefing/internal/testtool"
)

// taggedDocs are the documents the tagging tests read: briefs and packs,
// for a screen, an office printer and a print shop (whose crop marks and
// bleed are artifacts, and whose blank versos have no content).
func taggedDocs(t *testing.T) map[string]*doc.Doc {
	return map[string]*doc.Doc{
		"brief-en-a4-1":                briefs(t, "en", statement.PaperA4)["brief-en-a4-1"],
		"brief-es-letter-3":            briefs(t, "es", statement.PaperLetter)["brief-es-letter-3"],
		"pack-en-delegates-a4":         pack(t, "en", "delegates", statement.PaperA4),
		"pack-es-donors-letter":        pack(t, "es", "donors", statement.PaperLetter),
		"brief-en-a4-1-press":          printed(briefs(t, "en", statement.PaperA4)["brief-en-a4-1"], statement.PrintPress),
		"brief-es-letter-3-office":     printed(briefs(t, "es", statement.PaperLetter)["brief-es-letter-3"], statement.PrintOffice),
		"pack-en-delegates-a4-press":   printed(pack(t, "en", "delegates", statement.PaperA4), statement.PrintPress),
		"pack-es-donors-letter-office": printed(pack(t, "es", "donors", statement.PaperLetter), statement.PrintOffice),
		"pack-en-asks":                 asksPack(t),
	}
}

// asksPack is a pack whose recommendations end with asks: bulleted lists.
func asksPack(t *testing.T) *doc.Doc {
	_, st, _ := fixture(t)
	s := *statementIn(t, "en")
	s.Recommendations = slices.Clone(s.Recommendations)
	for i := range s.Recommendations {
		s.Recommendations[i].Asks = []string{"Keep borders open to people seeking protection.", "Fund the host communities that receive them, for the years they stay."}
	}
	return compose.Pack(&s, s.Audience("delegates"), opts(st, statement.PaperA4))
}

// TestTaggedListLabels: each list item is an LI of an Lbl (its bullet,
// with no text: pdf.js reads its /ActualText, TestPdfjsStructTree) and an
// LBody (its text), in that order, in poppler's view of the tree.
func TestTaggedListLabels(t *testing.T) {
	_, _, r := fixture(t)
	b, _ := render(t, r, asksPack(t), "pack-en-asks")
	lines := structText(t, written(t, b))
	items := 0
	for i, l := range lines {
		if l.typ != "LI" {
			continue
		}
		items++
		if i+2 >= len(lines) || lines[i+1].typ != "Lbl" || lines[i+1].depth != l.depth+1 || strings.TrimSpace(lines[i+1].text) != "" ||
			lines[i+2].typ != "LBody" || lines[i+2].depth != l.depth+1 || lines[i+2].text == "" {
			t.Errorf("list item %d is not Lbl then LBody: %v", items, lines[i:min(i+3, len(lines))])
		}
	}
	if items != 8 {
		t.Errorf("%d list items, want 8", items)
	}
}

// printed is d made for print mode p.
func printed(d *doc.Doc, p statement.Print) *doc.Doc {
	d.Meta.Print = p
	return d
}

// modelOrder is a few words of each block of d that a reader reads, in the
// model's block order: what the structure tree must read in that order,
// also where the layout shows a block elsewhere (a brief's key figures
// spanning the page above the columns, layout.BriefChoice.Span, are read
// after the main text, where the model has them).
func modelOrder(t *testing.T, d *doc.Doc) []string {
	var out []string
	add := func(s string) {
		w := strings.Fields(norm(s))
		if len(w) > 4 {
			w = w[1:4]
		}
		if len(w) > 0 {
			out = append(out, strings.Join(w, " "))
		}
	}
	for _, b := range d.Blocks {
		switch b := b.(type) {
		case *doc.Cover:
			add(b.Title)
		case *doc.Contents:
			for _, e := range b.Entries {
				add(e.Title)
			}
		case *doc.Heading:
			add(b.Text.Plain())
		case *doc.Paragraph:
			add(b.Text.Plain())
		case *doc.List:
			for _, it := range b.Items {
				add(it.Plain())
			}
		case *doc.Figures:
			for _, it := range b.Items {
				add(it.Label.Plain())
			}
		case *doc.PullQuote:
			add(b.Text.Plain())
			add(b.Speaker)
		}
	}
	return out
}

// inOrder wants each of want in text, in order.
func inOrder(t *testing.T, what, text string, want []string) {
	t.Helper()
	at := 0
	for _, w := range want {
		i := strings.Index(text[at:], w)
		if i < 0 {
			if strings.Contains(text, w) {
				t.Errorf("%s: %q is out of the model's order", what, w)
			} else {
				t.Errorf("%s: %q is missing", what, w)
			}
			continue
		}
		at += i + len(w)
	}
}

// pageNumber is the running footer's page number, in English and Spanish.
var pageNumber = regexp.MustCompile(`(Page|Página) \d+ (of|de) \d+`)

// structLine is an element of pdfinfo -struct-text: its depth, type and
// text ("" for an element holding only elements).
type structLine struct {
	depth int
	typ   string
	text  string
}

// structText reads poppler's view of file's structure tree.
func structText(t *testing.T, file string) []structLine {
	t.Helper()
	var out []structLine
	for _, l := range strings.Split(run(t, "pdfinfo", "-struct-text", file), "\n") {
		trimmed := strings.TrimLeft(l, " ")
		if trimmed == "" {
			continue
		}
		depth := (len(l) - len(trimmed)) / 2
		if strings.HasPrefix(trimmed, `"`) {
			if n := len(out); n > 0 {
				out[n-1].text += norm(strings.Trim(trimmed, `"`)) + " "
			}
			continue
		}
		typ, _, _ := strings.Cut(trimmed, " ")
		out = append(out, structLine{depth: depth, typ: typ})
	}
	return out
}

// TestTaggedStructText reads the structure tree with poppler: the document
// first, the title its first heading, the body in the model's block order
// (figures and the quote included), and no page furniture: the running
// header's title once (the title itself), no page number.
func TestTaggedStructText(t *testing.T) {
	_, _, r := fixture(t)
	for name, d := range taggedDocs(t) {
		t.Run(name, func(t *testing.T) {
			b, _ := render(t, r, d, name)
			f := written(t, b)
			if in := pdfinfo(t, f); in["Tagged"] != "yes" {
				t.Errorf("pdfinfo: Tagged %q", in["Tagged"])
			}
			els := structText(t, f)
			if len(els) == 0 || els[0].typ != "Document" || els[0].depth != 0 {
				t.Fatalf("the tree does not start with the Document: %v", els)
			}
			var all strings.Builder
			heading := ""
			for _, e := range els[1:] {
				if e.depth < 1 {
					t.Errorf("%s at depth %d, outside the Document", e.typ, e.depth)
				}
				if heading == "" && (e.typ == "H1" || e.typ == "H2") {
					heading = strings.TrimSpace(e.text)
				}
				all.WriteString(e.text)
			}
			text := space.ReplaceAllString(all.String(), " ")
			title := d.Meta.Title
			for _, bl := range d.Blocks {
				if c, ok := bl.(*doc.Cover); ok {
					title = c.Title
					break
				}
				if h, ok := bl.(*doc.Heading); ok {
					title = h.Text.Plain()
					break
				}
			}
			if heading != norm(title) {
				t.Errorf("first heading %q, want the title %q", heading, norm(title))
			}
			inOrder(t, "pdfinfo -struct-text", text, modelOrder(t, d))
			if m := pageNumber.FindString(text); m != "" {
				t.Errorf("the page number %q is in the structure tree", m)
			}
			if n := strings.Count(text, norm(title)); n > 1 && d.Meta.Kind == statement.KindPack {
				t.Errorf("the title is read %d times: the running header is in the tree", n)
			}
		})
	}
}

// pdfjsElem is an element of the structure tree as pdf.js gives it to a
// browser (testdata/pdfjs/structtree.mjs).
type pdfjsElem struct {
	Page     int     `json:"page"`
	Role     string  `json:"role"`
	Text     string  `json:"text"`
	Alt      string  `json:"alt"`
	Lang     string  `json:"lang"`
	Untagged *string `json:"untagged"`
}

// pdfjs returns node and the folder of the pdf.js script, or skips (fails
// under CI=true) when node or pdfjs-dist (installed by .ci/run with npm)
// is missing.
func pdfjs(t *testing.T) (node, dir string) {
	t.Helper()
	node = testtool.Need(t, "node")
	dir, _ = filepath.Abs(filepath.Join("testdata", "pdfjs"))
	if _, err := os.Stat(filepath.Join(dir, "node_modules", "pdfjs-dist", "package.json")); err != nil {
		testtool.Missing(t, "pdfjs-dist is not installed in "+dir+" (npm ci --prefix "+dir+")")
	}
	return node, dir
}

// TestPdfjsStructTree reads the structure tree as pdf.js exposes it to a
// browser's screen reader: its text, element by element, is the model's
// blocks in order; every text of a page is in a marked-content sequence;
// figures have alternative text; links and contents entries their text;
// no page number is in the tree.
func TestPdfjsStructTree(t *testing.T) {
	node, dir := pdfjs(t)
	_, _, r := fixture(t)
	for name, d := range taggedDocs(t) {
		t.Run(name, func(t *testing.T) {
			b, _ := render(t, r, d, name)
			cmd := exec.Command(node, filepath.Join(dir, "structtree.mjs"), written(t, b))
			var stderr strings.Builder
			cmd.Stderr = &stderr
			out, err := cmd.Output()
			if err != nil {
				t.Fatalf("pdf.js: %v\n%s", err, stderr.String())
			}
			var all strings.Builder
			roles := map[string]int{}
			for _, l := range strings.Split(strings.TrimSpace(string(out)), "\n") {
				var e pdfjsElem
				if err := json.Unmarshal([]byte(l), &e); err != nil {
					t.Fatalf("pdf.js: %v: %s", err, l)
				}
				if e.Untagged != nil {
					if strings.TrimSpace(*e.Untagged) != "" {
						t.Errorf("text outside marked content: %q", *e.Untagged)
					}
					continue
				}
				roles[e.Role]++
				switch e.Role {
				case "Figure":
					if e.Alt == "" {
						t.Errorf("page %d: a figure without alternative text", e.Page)
					}
				case "Link", "TOCI":
					if e.Text == "" && e.Role == "Link" {
						t.Errorf("page %d: a link without text", e.Page)
					}
				case "Lbl":
					// A bullet is a drawn disc that reads as one.
					if e.Text != "" || e.Alt != "\u2022" {
						t.Errorf("page %d: a list label reads %q (text) and %q (actual text), want a bullet", e.Page, e.Text, e.Alt)
					}
				}
				if e.Text != "" {
					all.WriteString(e.Text + " ")
				}
			}
			text := space.ReplaceAllString(all.String(), " ")
			inOrder(t, "pdf.js", text, modelOrder(t, d))
			if m := pageNumber.FindString(text); m != "" {
				t.Errorf("the page number %q is in the structure tree", m)
			}
			for _, want := range []string{"Document", "H1", "P", "Figure", "Link", "BlockQuote"} {
				if roles[want] == 0 {
					t.Errorf("no %s element: %v", want, roles)
				}
			}
			if d.Meta.Kind == statement.KindPack && (roles["TOC"] != 1 || roles["TOCI"] == 0) {
				t.Errorf("the pack's contents are not a TOC of TOCI: %v", roles)
			}
			if roles["LI"] != roles["Lbl"] || roles["LI"] != roles["LBody"] {
				t.Errorf("list items without their Lbl or LBody: %v", roles)
			}
		})
	}
}

// xmpPacket is the part of the XMP metadata the tests read: the dc
// properties, and the simple ones (elements or attributes of an
// rdf:Description, RDF/XML's two forms) by namespace and name.
type xmpPacket struct {
	Desc []struct {
		Title       []string   `xml:"title>Alt>li"`
		Creator     []string   `xml:"creator>Seq>li"`
		Description []string   `xml:"description>Alt>li"`
		Language    []string   `xml:"language>Bag>li"`
		Attrs       []xml.Attr `xml:",any,attr"`
		Elems       []struct {
			XMLName xml.Name
			Value   string `xml:",chardata"`
		} `xml:",any"`
	} `xml:"RDF>Description"`
}

// XMP namespaces of the simple properties the tests read.
const (
	nsPDF     = "http://ns.adobe.com/pdf/1.3/"
	nsXMP     = "http://ns.adobe.com/xap/1.0/"
	nsPDFAID  = "http://www.aiim.org/pdfa/ns/id/"
	nsPDFUAID = "http://www.aiim.org/pdfua/ns/id/"
)

// prop is simple property ns name's value, "" when there is none.
func (x *xmpPacket) prop(ns, name string) string {
	for _, d := range x.Desc {
		for _, a := range d.Attrs {
			if a.Name.Space == ns && a.Name.Local == name {
				return a.Value
			}
		}
		for _, e := range d.Elems {
			if e.XMLName.Space == ns && e.XMLName.Local == name {
				return e.Value
			}
		}
	}
	return ""
}

// dc is the first value of each dc property: title, creator, description
// and language.
func (x *xmpPacket) dc() (title, creator, description, language string) {
	first := func(s []string, to *string) {
		if len(s) > 0 && *to == "" {
			*to = s[0]
		}
	}
	for _, d := range x.Desc {
		first(d.Title, &title)
		first(d.Creator, &creator)
		first(d.Description, &description)
		first(d.Language, &language)
	}
	return
}

// TestTaggedCatalog reads the catalog, pages and annotations of tagged
// files back with qpdf's JSON and the finishing pass's reader: /MarkInfo,
// the structure tree root and its parent tree, page /StructParents and
// /Tabs /S, link /StructParent, /Contents and /F 4, XMP metadata that
// agrees with the Info dictionary and says PDF/A-2 and PDF/UA-1, an sRGB
// output intent, no encryption, and every font embedded with a ToUnicode
// map.
func TestTaggedCatalog(t *testing.T) {
	_, _, r := fixture(t)
	for name, d := range taggedDocs(t) {
		t.Run(name, func(t *testing.T) {
			b, _ := render(t, r, d, name)
			f := written(t, b)
			var q struct {
				Qpdf []map[string]json.RawMessage `json:"qpdf"`
			}
			if err := json.Unmarshal([]byte(run(t, "qpdf", "--json=2", "--json-key=qpdf", f)), &q); err != nil {
				t.Fatalf("qpdf --json: %v", err)
			}
			if len(q.Qpdf) < 2 {
				t.Fatalf("qpdf --json: no objects")
			}
			var trailer struct {
				Value map[string]any `json:"value"`
			}
			json.Unmarshal(q.Qpdf[1]["trailer"], &trailer)
			if trailer.Value["/ID"] == nil || trailer.Value["/Encrypt"] != nil {
				t.Errorf("trailer: /ID %v /Encrypt %v", trailer.Value["/ID"], trailer.Value["/Encrypt"])
			}
			for _, l := range strings.Split(strings.TrimSpace(run(t, "pdffonts", f)), "\n")[2:] {
				if fs := strings.Fields(l); len(fs) < 7 || fs[len(fs)-3] != "yes" {
					t.Errorf("font without a ToUnicode map: %s", l)
				}
			}

			pf, err := finish.Read(b)
			if err != nil {
				t.Fatal(err)
			}
			cat := pf.Catalog()
			if mi, _ := pf.Resolve(cat["MarkInfo"]).(types.Dict); mi["Marked"] != types.Boolean(true) {
				t.Errorf("/MarkInfo %v", cat["MarkInfo"])
			}
			root, _ := pf.Resolve(cat["StructTreeRoot"]).(types.Dict)
			if root["Type"] != types.Name("StructTreeRoot") || root["ParentTree"] == nil || root["K"] == nil {
				t.Fatalf("/StructTreeRoot %v", root)
			}
			next, _ := root["ParentTreeNextKey"].(types.Integer)
			keys := map[int]bool{}
			for i := range pf.NumPages() {
				pg := pf.Page(i)
				k, ok := pg["StructParents"].(types.Integer)
				if !ok || pg["Tabs"] != types.Name("S") {
					t.Errorf("page %d: /StructParents %v /Tabs %v", i+1, pg["StructParents"], pg["Tabs"])
				}
				keys[int(k)] = true
				for _, a := range pf.Annots(i) {
					k, ok := a["StructParent"].(types.Integer)
					if !ok || a["Contents"] == nil || a["F"] != types.Integer(4) {
						t.Errorf("page %d: link annotation /StructParent %v /Contents %v /F %v", i+1, a["StructParent"], a["Contents"], a["F"])
					}
					keys[int(k)] = true
				}
			}
			if len(keys) != int(next) {
				t.Errorf("%d distinct parent tree keys, /ParentTreeNextKey %d", len(keys), next)
			}
			checkTree(t, pf, cat["StructTreeRoot"])
			if len(b) < 15 || b[9] != '%' || b[10] < 128 || b[11] < 128 || b[12] < 128 || b[13] < 128 {
				t.Errorf("the header's second line is not %% and four bytes over 127: %q", b[:min(len(b), 16)])
			}
			archival := pdf.Archival(&d.Meta)
			if oi, _ := pf.Resolve(cat["OutputIntents"]).(types.Array); !archival {
				// A print shop's file: DeviceCMYK without a CMYK output
				// intent is not PDF/A, and it does not say it is.
				if oi != nil {
					t.Errorf("a press file claims PDF/A: /OutputIntents %v", oi)
				}
			} else if len(oi) != 1 {
				t.Errorf("/OutputIntents %v", cat["OutputIntents"])
			} else if od, _ := pf.Resolve(oi[0]).(types.Dict); od["S"] != types.Name("GTS_PDFA1") || od["DestOutputProfile"] == nil {
				t.Errorf("output intent %v", od)
			} else {
				// The profile reads back the same with pdfcpu and with qpdf,
				// and is a valid ICC profile PDF/A-2 takes (6.2.3): an RGB
				// display profile, version 4 at most, its size and tag
				// table right, its ID its MD5.
				icc, _ := pf.Resolve(od["DestOutputProfile"]).(types.StreamDict)
				if err := icc.Decode(); err != nil || icc.Dict["N"] != types.Integer(3) {
					t.Errorf("output intent profile: /N %v (%v)", icc.Dict["N"], err)
				}
				ref, _ := od["DestOutputProfile"].(types.IndirectRef)
				if got := run(t, "qpdf", fmt.Sprintf("--show-object=%d", ref.ObjectNumber.Value()), "--filtered-stream-data", f); got != string(icc.Content) {
					t.Errorf("qpdf and pdfcpu read the output intent profile differently (%d and %d bytes)", len(got), len(icc.Content))
				}
				if err := checkICC(icc.Content); err != nil {
					t.Errorf("output intent profile: %v", err)
				}
			}

			md, _ := pf.Resolve(cat["Metadata"]).(types.StreamDict)
			if md.Dict["Type"] != types.Name("Metadata") || md.Dict["Subtype"] != types.Name("XML") {
				t.Fatalf("/Metadata %v", md.Dict)
			}
			if err := md.Decode(); err != nil {
				t.Fatalf("/Metadata: %v", err)
			}
			if !bytes.Contains(md.Content, []byte(`<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>`)) {
				t.Errorf("no PDF/A extension schema for pdfuaid in the XMP")
			}
			if !bytes.HasPrefix(md.Content, []byte("<?xpacket begin=\"\ufeff\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>")) || !bytes.HasSuffix(md.Content, []byte(`<?xpacket end="w"?>`)) {
				t.Errorf("XMP packet without its header or trailer")
			}
			var x xmpPacket
			if err := xml.Unmarshal(md.Content, &x); err != nil {
				t.Fatalf("XMP: %v\n%s", err, md.Content)
			}
			in := pdfinfo(t, f)
			m := d.Meta
			title, creator, description, language := x.dc()
			for _, c := range [][3]string{
				{"dc:title", title, in["Title"]},
				{"dc:creator", creator, in["Author"]},
				{"dc:description", description, in["Subject"]},
				{"dc:language", language, m.Lang},
				{"pdf:Keywords", x.prop(nsPDF, "Keywords"), in["Keywords"]},
				{"pdf:Producer", x.prop(nsPDF, "Producer"), in["Producer"]},
				{"xmp:CreatorTool", x.prop(nsXMP, "CreatorTool"), in["Creator"]},
				{"xmp:CreateDate", x.prop(nsXMP, "CreateDate"), docDate(m)},
				{"xmp:ModifyDate", x.prop(nsXMP, "ModifyDate"), docDate(m)},
				{"pdfaid:part", x.prop(nsPDFAID, "part"), "2"},
				{"pdfaid:conformance", x.prop(nsPDFAID, "conformance"), pdf.Conformance},
				{"pdfuaid:part", x.prop(nsPDFUAID, "part"), "1"},
			} {
				if strings.HasPrefix(c[0], "pdfaid:") && !archival {
					// A press file says nothing of PDF/A (above: no
					// output intent either).
					if c[1] != "" {
						t.Errorf("a press file claims PDF/A: XMP %s %q", c[0], c[1])
					}
					continue
				}
				if c[1] != c[2] || c[1] == "" {
					t.Errorf("XMP %s %q, want %q", c[0], c[1], c[2])
				}
			}
			// The Info dictionary's dates are the XMP's, with a time zone.
			ir, _ := trailer.Value["/Info"].(string)
			var info struct {
				Value map[string]any `json:"value"`
			}
			json.Unmarshal(q.Qpdf[1]["obj:"+ir], &info)
			x2 := strings.NewReplacer("-", "", "T", "", ":", "", "Z", "+00'00'")
			for _, k := range []string{"/CreationDate", "/ModDate"} {
				if got, want := info.Value[k], "u:D:"+x2.Replace(docDate(m)); got != want {
					t.Errorf("Info %s %v, want %s (the XMP's)", k, got, want)
				}
			}
		})
	}
}

// checkICC reports what is wrong with ICC profile b as a PDF/A-2 output
// intent's (ISO 19005-2, 6.2.3; ICC.1:2010, 7).
func checkICC(b []byte) error {
	if len(b) < 132 {
		return fmt.Errorf("%d bytes", len(b))
	}
	u32 := func(i int) uint32 { return binary.BigEndian.Uint32(b[i:]) }
	if int(u32(0)) != len(b) || string(b[36:40]) != "acsp" || string(b[12:24]) != "mntrRGB XYZ " || b[8] >= 5 {
		return fmt.Errorf("header: size %d of %d, %q, %q, version %x", u32(0), len(b), b[36:40], b[12:24], b[8:12])
	}
	n := int(u32(128))
	seen := map[string]bool{}
	for i := range n {
		e := 132 + 12*i
		if e+12 > len(b) {
			return fmt.Errorf("tag table: %d tags", n)
		}
		sig, off, size := string(b[e:e+4]), int(u32(e+4)), int(u32(e+8))
		if off%4 != 0 || off < 132+12*n || off+size > len(b) {
			return fmt.Errorf("tag %s at %d, %d bytes", sig, off, size)
		}
		seen[sig] = true
	}
	for _, sig := range []string{"desc", "cprt", "wtpt", "rXYZ", "gXYZ", "bXYZ", "rTRC", "gTRC", "bTRC"} {
		if !seen[sig] {
			return fmt.Errorf("no %s tag", sig)
		}
	}
	if b[8] >= 4 {
		z := bytes.Clone(b)
		clear(z[44:48])
		clear(z[64:68])
		clear(z[84:100])
		if id := md5.Sum(z); !bytes.Equal(id[:], b[84:100]) {
			return fmt.Errorf("profile ID %x, MD5 %x", b[84:100], id)
		}
	}
	return nil
}

// TestOutputIntentProfile: Little CMS, through Ghostscript, reads the
// output intent's profile and converts the brief's colours with it as with
// the International Color Consortium's sRGB2014.icc (testdata/icc): the
// same pixels, rendered with each as the RGB profile.
func TestOutputIntentProfile(t *testing.T) {
	gs := testtool.Need(t, "gs")
	_, _, r := fixture(t)
	b, _ := render(t, r, briefs(t, "en", statement.PaperA4)["brief-en-a4-1"], "brief-en-a4-1")
	f := written(t, b)
	pf, err := finish.Read(b)
	if err != nil {
		t.Fatal(err)
	}
	oi, _ := pf.Resolve(pf.Catalog()["OutputIntents"]).(types.Array)
	if len(oi) != 1 {
		t.Fatalf("/OutputIntents %v", oi)
	}
	od, _ := pf.Resolve(oi[0]).(types.Dict)
	icc, _ := pf.Resolve(od["DestOutputProfile"]).(types.StreamDict)
	if err := icc.Decode(); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	ours := filepath.Join(dir, "ours.icc")
	if err := os.WriteFile(ours, icc.Content, 0o644); err != nil {
		t.Fatal(err)
	}
	ref, err := filepath.Abs("testdata/icc/sRGB2014.icc")
	if err != nil {
		t.Fatal(err)
	}
	png := func(profile, name string) []byte {
		out := filepath.Join(dir, name+".ppm")
		cmd := exec.Command(gs, "-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-sDEVICE=ppmraw", "-r40",
			"-sDefaultRGBProfile="+profile, "-sOutputICCProfile="+ref, "-o", out, f)
		if msg, err := cmd.CombinedOutput(); err != nil || len(msg) > 0 {
			t.Fatalf("gs with %s: %v\n%s", name, err, msg)
		}
		b, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	want, got := png(ref, "sRGB2014"), png(ours, "ours")
	if !bytes.Equal(got, want) {
		diff := 0
		for i := range min(len(got), len(want)) {
			if got[i] != want[i] {
				diff++
			}
		}
		t.Errorf("the page's colours differ through the output intent's profile: %d of %d bytes", diff, len(want))
	}
}

// docDate is the XMP date of m.
func docDate(m doc.Meta) string {
	if m.Date.IsZero() {
		return "1970-01-01T00:00:00Z"
	}
	return m.Date.UTC().Format("2006-01-02T15:04:05Z")
}

// standardTypes are the standard structure types of ISO 32000-1 (14.8.4)
// the files use: no role map is needed.
var standardTypes = map[string]bool{
	"Document": true, "Part": true, "Art": true, "Sect": true, "Div": true, "BlockQuote": true,
	"Caption": true, "TOC": true, "TOCI": true, "Index": true, "P": true, "H1": true, "H2": true,
	"H3": true, "L": true, "LI": true, "Lbl": true, "LBody": true, "Span": true, "Quote": true,
	"Note": true, "Reference": true, "Link": true, "Annot": true, "Figure": true, "Formula": true,
}

// checkTree walks the structure tree from root: every element of a
// standard type with its parent as /P, a Note with an /ID (PDF/UA-1 7.9),
// a Figure with /Alt (7.3), each link annotation (OBJR) inside a Link
// element (7.18.5), and the parent tree pointing each annotation back at
// its element.
func checkTree(t *testing.T, pf *finish.File, rootRef types.Object) {
	t.Helper()
	objr := map[int]string{} // annotation → the type of the element holding it
	seen := 0
	var walk func(o types.Object, parent types.Object, depth int)
	walk = func(o, parent types.Object, depth int) {
		e, _ := pf.Resolve(o).(types.Dict)
		if e == nil || depth > 64 {
			return
		}
		if e["Type"] == types.Name("OBJR") {
			return
		}
		seen++
		typ, _ := e["S"].(types.Name)
		if !standardTypes[string(typ)] {
			t.Errorf("structure type %q is not a standard one", typ)
		}
		if e["P"] != parent {
			t.Errorf("%s: /P %v, want %v", typ, e["P"], parent)
		}
		if typ == "Note" && e["ID"] == nil {
			t.Errorf("a Note without /ID")
		}
		if typ == "Figure" && e["Alt"] == nil {
			t.Errorf("a Figure without /Alt")
		}
		kids, ok := pf.Resolve(e["K"]).(types.Array)
		if !ok {
			kids = types.Array{e["K"]}
		}
		for _, k := range kids {
			if d, _ := pf.Resolve(k).(types.Dict); d["Type"] == types.Name("OBJR") {
				r, _ := d["Obj"].(types.IndirectRef)
				objr[r.ObjectNumber.Value()] = string(typ)
				continue
			}
			if r, ok := k.(types.IndirectRef); ok {
				walk(r, o, depth+1)
			}
		}
	}
	root, _ := pf.Resolve(rootRef).(types.Dict)
	walk(root["K"], rootRef, 0)
	if seen < 10 {
		t.Errorf("the structure tree has %d elements", seen)
	}
	for i := range pf.NumPages() {
		for _, r := range pf.AnnotRefs(i) {
			if typ := objr[r.ObjectNumber.Value()]; typ != "Link" {
				t.Errorf("page %d: annotation %d is in %q, not in a Link element", i+1, r.ObjectNumber.Value(), typ)
			}
		}
	}
}
