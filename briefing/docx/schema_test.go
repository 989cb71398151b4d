package docx_test

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"image"
	"image/jpeg"
	"io"
	"io/fs"
	"maps"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"briefing/briefing/compose"
	"briefing/briefing/docx"
	"briefing/briefing/statement"
	"briefing/briefing/style"
	"briefing/data"
	"briefing/internal/defaults"
	"briefing/internal/testtool"
	"briefing/layouts"
)

// xsdDir holds the ECMA-376 Transitional schemas the parts are checked
// against (see its README.md).
const xsdDir = "testdata/ooxml-xsd"

// schemaFor names the schema a package part is validated with; "" for the
// parts no schema covers (images).
func schemaFor(name string) (string, bool) {
	switch {
	case name == "[Content_Types].xml":
		return "opc-contentTypes.xsd", true
	case strings.HasSuffix(name, ".rels"):
		return "opc-relationships.xsd", true
	case name == "docProps/core.xml":
		return "opc-coreProperties.xsd", true
	case name == "docProps/app.xml":
		return "shared-documentPropertiesExtended.xsd", true
	case strings.HasPrefix(name, "word/theme/") && strings.HasSuffix(name, ".xml"):
		return "dml-main.xsd", true
	case strings.HasPrefix(name, "word/media/"):
		return "", true
	case strings.HasPrefix(name, "word/") && !strings.Contains(name[len("word/"):], "/") && strings.HasSuffix(name, ".xml"):
		// document, styles, settings, numbering, fontTable, headers, footers
		return "wml.xsd", true
	}
	return "", false
}

// schemaDocs renders every document the default build makes, and more:
// each audience's briefs and pack in each language, on the audience's
// paper; the extra cases of render (asks, Spanish labels on the base text);
// and a
// brief and a pack for two brands that change the reference parts: one with
// its own JPEG logo, one whose name and font family need XML escaping.
func schemaDocs(t *testing.T) []rendered {
	t.Helper()
	ds, err := statement.Load(data.FS, data.Default)
	if err != nil {
		t.Fatal(err)
	}
	var docs []rendered
	for _, lang := range ds.Languages() {
		r, s := setup(t, lang)
		for i := range s.Audiences {
			a := &s.Audiences[i]
			for _, rec := range s.Selected(a) {
				docs = append(docs, rendered{name: lang + "-brief-" + a.ID + "-" + rec.ID, d: compose.Brief(s, a, rec, optsFor(a))})
			}
			docs = append(docs, rendered{name: lang + "-pack-" + a.ID, d: compose.Pack(s, a, optsFor(a))})
		}
		if lang == "en" {
			made := map[string]bool{}
			for _, d := range docs {
				made[d.name] = true
			}
			for _, d := range render(t, r, s) {
				if !made[d.name] {
					docs = append(docs, d)
				}
			}
		}
	}
	// Runs in another language (w:lang in their properties): a
	// translation that leaves text out.
	part, rec, _ := testtool.PartlyTranslated(t, "es")
	pa := part.Audience("delegates")
	docs = append(docs,
		rendered{name: "es-fallback-brief", d: compose.Brief(part, pa, rec, optsFor(pa))},
		rendered{name: "es-fallback-pack", d: compose.Pack(part, pa, optsFor(pa))})
	r, s := setup(t, "en")
	for i := range docs {
		if docs[i].b == nil {
			var buf bytes.Buffer
			if _, err := r.Render(&buf, docs[i].d); err != nil {
				t.Fatalf("%s: %v", docs[i].name, err)
			}
			docs[i].b = buf.Bytes()
		}
	}

	brands := []struct {
		name   string
		change func(*style.Style)
	}{
		{"logo", func(st *style.Style) { st.Logo, st.Brand.Logo = jpegLogo(t), "logo.jpg" }},
		{"escaped", func(st *style.Style) {
			st.Brand.Name = `Aid & "Relief" <Org>`
			st.Brand.Fonts.Family = `Noto Sans & 'Co'`
		}},
	}
	for _, br := range brands {
		st, err := style.Load(defaults.StyleFiles())
		if err != nil {
			t.Fatal(err)
		}
		br.change(st)
		r, err := docx.New(st)
		if err != nil {
			t.Fatal(err)
		}
		a := s.Audience("donors")
		opt := optsFor(a)
		opt.Brand = &st.Brand
		for _, d := range []rendered{
			{name: "brand-" + br.name + "-brief", d: compose.Brief(s, a, s.Selected(a)[0], opt)},
			{name: "brand-" + br.name + "-pack", d: compose.Pack(s, a, opt)},
		} {
			var buf bytes.Buffer
			if _, err := r.Render(&buf, d.d); err != nil {
				t.Fatalf("%s: %v", d.name, err)
			}
			d.b = buf.Bytes()
			docs = append(docs, d)
		}
	}
	return docs
}

// TestSchemas validates every part of every kind of document (brief and
// pack, each language, A4 and Letter, other brands) against the ECMA-376
// Transitional schemas with xmllint, after markup-compatibility processing
// as Word reads a part (see compat). The reference parts in layouts/docx
// are checked as they are filled into the documents: each must show up in
// a validated part.
func TestSchemas(t *testing.T) {
	xmllint := testtool.Need(t, "xmllint")
	docs := schemaDocs(t)
	dir := t.TempDir()
	files := map[string][]string{}  // schema → temporary files
	where := map[string][2]string{} // temporary file → document, part
	validated := map[string]bool{}  // part names
	kinds := map[string]bool{}
	for _, d := range docs {
		kinds[fmt.Sprintf("%s %s %s", d.d.Meta.Kind, d.d.Meta.Lang, d.d.Meta.Paper)] = true
		for name, x := range parts(t, d.b) {
			xsd, ok := schemaFor(name)
			if !ok {
				t.Errorf("%s: part %s has no schema to check it with (add one to schemaFor)", d.name, name)
				continue
			}
			if xsd == "" {
				continue
			}
			clean, err := compat([]byte(x))
			if err != nil {
				t.Errorf("%s: %s: %v", d.name, name, err)
				continue
			}
			f := filepath.Join(dir, d.name, filepath.FromSlash(name))
			if err := os.MkdirAll(filepath.Dir(f), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(f, clean, 0o644); err != nil {
				t.Fatal(err)
			}
			files[xsd] = append(files[xsd], f)
			where[f] = [2]string{d.name, name}
			validated[path.Base(name)] = true
		}
	}
	for _, k := range []string{"brief en a4", "brief en letter", "brief es a4", "brief es letter", "pack en a4", "pack en letter", "pack es a4", "pack es letter"} {
		if !kinds[k] {
			t.Errorf("no %s document among those checked", k)
		}
	}
	refs, err := fs.ReadDir(layouts.FS, layouts.DOCX)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range refs {
		if !validated[e.Name()] {
			t.Errorf("reference part %s/%s is in no validated part of any document", layouts.DOCX, e.Name())
		}
	}

	// One xmllint run per schema; collect each distinct error once.
	catalog, err := filepath.Abs(filepath.Join(xsdDir, "catalog.xml"))
	if err != nil {
		t.Fatal(err)
	}
	type problem struct{ part, msg string }
	seen := map[problem][]string{} // → documents
	failed := map[string]bool{}    // temporary files with an error
	var order []problem
	schemas := make([]string, 0, len(files))
	for xsd := range files {
		schemas = append(schemas, xsd)
	}
	sort.Strings(schemas)
	for _, xsd := range schemas {
		cmd := exec.Command(xmllint, append([]string{"--nonet", "--noout", "--schema", filepath.Join(xsdDir, xsd)}, files[xsd]...)...)
		cmd.Env = append(os.Environ(), "XML_CATALOG_FILES="+catalog)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		err := cmd.Run()
		out := stderr.String()
		if strings.Contains(out, "failed to compile") || strings.Contains(out, "parser error") {
			t.Fatalf("xmllint cannot use %s: %v\n%s", xsd, err, out)
		}
		ok := map[string]bool{}
		for _, line := range strings.Split(out, "\n") {
			if f, found := strings.CutSuffix(line, " validates"); found {
				ok[f] = true
				continue
			}
			f, msg, found := strings.Cut(line, "validity error : ")
			if !found {
				continue
			}
			f, _, _ = strings.Cut(f, ":")
			w, known := where[f]
			if !known {
				t.Errorf("xmllint: %s", line)
				continue
			}
			p := problem{w[1], short(msg)}
			if seen[p] == nil {
				order = append(order, p)
			}
			seen[p] = append(seen[p], w[0])
			failed[f] = true
		}
		var missed []string
		for _, f := range files[xsd] {
			if !ok[f] && !failed[f] {
				missed = append(missed, where[f][0]+": "+where[f][1])
			}
		}
		if len(missed) > 0 {
			t.Errorf("xmllint (%v) reported neither success nor an error for %d parts (%s, …):\n%s", err, len(missed), missed[0], out)
		}
	}
	for _, p := range order {
		t.Errorf("%s: %s (in %d documents, e.g. %s)", p.part, p.msg, len(seen[p]), seen[p][0])
	}
	t.Logf("%d documents, %d parts checked against %d schemas", len(docs), len(where), len(files))
}

// short writes the namespaces of xmllint's messages as their usual prefixes.
func short(msg string) string {
	return strings.NewReplacer(
		"{http://schemas.openxmlformats.org/wordprocessingml/2006/main}", "w:",
		"{http://schemas.openxmlformats.org/officeDocument/2006/relationships}", "r:",
		"{http://schemas.openxmlformats.org/drawingml/2006/main}", "a:",
		"{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}", "wp:",
		"{http://schemas.openxmlformats.org/drawingml/2006/picture}", "pic:",
		"{http://schemas.openxmlformats.org/package/2006/relationships}", "",
		"{http://schemas.openxmlformats.org/package/2006/content-types}", "",
		"{http://schemas.openxmlformats.org/markup-compatibility/2006}", "mc:",
	).Replace(strings.TrimSpace(msg))
}

// mcNS is the markup-compatibility namespace (ECMA-376 Part 3).
const mcNS = "http://schemas.openxmlformats.org/markup-compatibility/2006"

// compat returns a part as a reader that knows only the schemas' namespaces
// sees it after markup-compatibility processing (ECMA-376 Part 3), as Word
// reads it: elements and attributes in the namespaces an mc:Ignorable
// attribute names (there and below) are dropped, mc: attributes are dropped,
// and an mc:AlternateContent is replaced by the content of its mc:Fallback.
// Comments and processing instructions are dropped.
func compat(raw []byte) ([]byte, error) {
	type scope struct {
		ns     map[string]string // prefix ("" for the default) → namespace
		ignore map[string]bool   // ignorable namespaces
		unwrap bool              // the element's own tags are not written
		alt    bool              // an mc:AlternateContent
	}
	var out bytes.Buffer
	out.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	stack := []scope{{ns: map[string]string{"xml": "http://www.w3.org/XML/1998/namespace"}, ignore: map[string]bool{}}}
	var open []xml.Name // every open element, written or not
	skip := 0           // depth inside a dropped element
	dec := xml.NewDecoder(bytes.NewReader(raw))
	for {
		tok, err := dec.RawToken()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			open = append(open, tok.Name)
			if skip > 0 {
				skip++
				continue
			}
			top := stack[len(stack)-1]
			sc := scope{ns: top.ns, ignore: top.ignore}
			for i, a := range tok.Attr {
				if p, ok := xmlnsPrefix(a.Name); ok {
					if i == firstDecl(tok.Attr) {
						sc.ns = maps.Clone(top.ns)
					}
					sc.ns[p] = a.Value
				}
			}
			uri := func(n xml.Name, attr bool) string {
				if n.Space == "" && attr {
					return "" // an unprefixed attribute has no namespace
				}
				return sc.ns[n.Space]
			}
			for _, a := range tok.Attr {
				if uri(a.Name, true) == mcNS && a.Name.Local == "Ignorable" {
					sc.ignore = maps.Clone(top.ignore)
					for _, p := range strings.Fields(a.Value) {
						sc.ignore[sc.ns[p]] = true
					}
				}
			}
			el := uri(tok.Name, false)
			switch {
			case sc.ignore[el]:
				skip = 1
				continue
			case el == mcNS && tok.Name.Local == "AlternateContent":
				sc.unwrap, sc.alt = true, true
			case el == mcNS && tok.Name.Local == "Fallback" && top.alt:
				sc.unwrap = true
			case el == mcNS: // mc:Choice, or mc: out of place
				skip = 1
				continue
			}
			stack = append(stack, sc)
			if sc.unwrap {
				continue
			}
			out.WriteString("<" + qname(tok.Name))
			for _, a := range tok.Attr {
				if _, ok := xmlnsPrefix(a.Name); !ok {
					if u := uri(a.Name, true); u == mcNS || sc.ignore[u] {
						continue
					}
				}
				out.WriteString(" " + qname(a.Name) + `="`)
				xml.EscapeText(&out, []byte(a.Value))
				out.WriteString(`"`)
			}
			out.WriteString(">")
		case xml.EndElement:
			if len(open) == 0 || open[len(open)-1] != tok.Name {
				return nil, fmt.Errorf("unexpected </%s>", qname(tok.Name))
			}
			open = open[:len(open)-1]
			if skip > 0 {
				skip--
				continue
			}
			sc := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			if !sc.unwrap {
				out.WriteString("</" + qname(tok.Name) + ">")
			}
		case xml.CharData:
			if skip == 0 && len(open) > 0 {
				xml.EscapeText(&out, tok)
			}
		}
	}
	if len(open) != 0 {
		return nil, fmt.Errorf("unclosed <%s>", qname(open[len(open)-1]))
	}
	return out.Bytes(), nil
}

// firstDecl is the index of the first namespace declaration in attrs.
func firstDecl(attrs []xml.Attr) int {
	for i, a := range attrs {
		if _, ok := xmlnsPrefix(a.Name); ok {
			return i
		}
	}
	return -1
}

func TestCompat(t *testing.T) {
	const w = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"`
	const mc = `xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"`
	const w14 = `xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml"`
	for _, c := range []struct{ in, want string }{
		{`<w:document ` + w + `><w:body>a &amp; b</w:body></w:document>`,
			`<w:document ` + w + `><w:body>a &amp; b</w:body></w:document>`},
		{`<w:document ` + w + ` ` + mc + ` ` + w14 + ` mc:Ignorable="w14"><w:p w14:paraId="1"><w14:x><w:r/></w14:x><w:r/></w:p></w:document>`,
			`<w:document ` + w + ` ` + mc + ` ` + w14 + `><w:p><w:r></w:r></w:p></w:document>`},
		// Ignorable names a namespace by its prefix where it stands.
		{`<w:p ` + w + ` ` + mc + `><w:r xmlns:x="urn:x" mc:Ignorable="x"><x:y/></w:r><w:r xmlns:x="urn:z"><x:y/></w:r></w:p>`,
			`<w:p ` + w + ` ` + mc + `><w:r xmlns:x="urn:x"></w:r><w:r xmlns:x="urn:z"><x:y></x:y></w:r></w:p>`},
		{`<w:p ` + w + ` ` + mc + `><mc:AlternateContent><mc:Choice Requires="w14"><w:a/></mc:Choice><mc:Fallback><w:b/></mc:Fallback></mc:AlternateContent></w:p>`,
			`<w:p ` + w + ` ` + mc + `><w:b></w:b></w:p>`},
		{`<Types xmlns="urn:t"><Default Extension="xml"/></Types>`,
			`<Types xmlns="urn:t"><Default Extension="xml"></Default></Types>`},
	} {
		got, err := compat([]byte(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" + c.in + "\n"))
		if err != nil {
			t.Fatal(err)
		}
		if want := `<?xml version="1.0" encoding="UTF-8"?>` + "\n" + c.want; string(got) != want {
			t.Errorf("compat(%s)\n got %s\nwant %s", c.in, got, want)
		}
	}
	if _, err := compat([]byte(`<a><b></a>`)); err == nil {
		t.Error("compat accepted a part that is not well-formed")
	}
}

// xmlnsPrefix reports whether an attribute declares a namespace, and for
// which prefix ("" for the default namespace).
func xmlnsPrefix(n xml.Name) (string, bool) {
	switch {
	case n.Space == "xmlns":
		return n.Local, true
	case n.Space == "" && n.Local == "xmlns":
		return "", true
	}
	return "", false
}

func qname(n xml.Name) string {
	if n.Space == "" {
		return n.Local
	}
	return n.Space + ":" + n.Local
}

// jpegLogo is a brand's own logo, as a JPEG.
func jpegLogo(t *testing.T) *style.Logo {
	t.Helper()
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, image.NewRGBA(image.Rect(0, 0, 300, 60)), nil); err != nil {
		t.Fatal(err)
	}
	return &style.Logo{Data: buf.Bytes(), Type: "jpg", Width: 300, Height: 60}
}
