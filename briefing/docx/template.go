package docx

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io/fs"
	"math"
	"path"
	"text/template"
	"time"

	"briefing/briefing"
	"briefing/layouts"
)

// The reference template is the project's own: the parts in layouts/docx
// (styles, numbering, theme, settings, font table) are Go text/templates
// filled once in New with the brand's font, colours and type sizes, and
// packed with a bare document into a stored (uncompressed) zip per paper
// size. Render opens that zip with godocx, so nothing of godocx's built-in
// template (its author, thumbnail, custom XML, extra styles) ever reaches
// our output.

// zipTime is the fixed modification time of every part we write.
var zipTime = time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)

// tmplData is what the template parts are filled with.
type tmplData struct {
	Name, Font                          string
	Primary, Accent, Text, Muted, Light string
	// Sizes in half-points.
	Body, Lede, Title, Heading1, Heading2, Figure, Quote, Small, Note, Kicker int
	// TextWidth is the width between the margins in twips (right tabs).
	TextWidth int
	// Per document (settings.xml).
	Lang         string
	UpdateFields bool
}

// page is a paper size and its margins in twips.
type page struct {
	W, H                     int
	Top, Right, Bottom, Left int
}

func (p page) textWidth() int { return p.W - p.Left - p.Right }

func twips(mm float64) int { return int(math.Round(mm * 1440 / 25.4)) }

func halfPoints(pt float64) int { return int(math.Round(pt * 2)) }

func pageFor(paper briefing.Paper, m briefing.Margins) page {
	p := page{W: 11906, H: 16838} // A4
	if paper == briefing.PaperLetter {
		p = page{W: 12240, H: 15840}
	}
	p.Top, p.Right, p.Bottom, p.Left = twips(m.Top), twips(m.Right), twips(m.Bottom), twips(m.Left)
	return p
}

func newTmplData(st *briefing.Style) tmplData {
	c, s := st.Brand.Colors, st.Layout.Sizes
	note := (s.Body + s.Small) / 2
	return tmplData{
		Name: st.Brand.Name, Font: st.Brand.Fonts.Family,
		Primary: c.Primary.Hex(), Accent: c.Accent.Hex(), Text: c.Text.Hex(), Muted: c.Muted.Hex(), Light: c.Light.Hex(),
		Body: halfPoints(s.Body), Lede: halfPoints(s.Lede), Title: halfPoints(s.Title),
		Heading1: halfPoints(s.Heading1), Heading2: halfPoints(s.Heading2), Figure: halfPoints(s.Figure),
		Quote: halfPoints(s.Quote), Small: halfPoints(s.Small), Note: halfPoints(note), Kicker: halfPoints(note),
	}
}

// parseParts reads and parses the template parts in layouts/docx.
func parseParts() (map[string]*template.Template, error) {
	out := map[string]*template.Template{}
	for _, name := range []string{"styles.xml", "numbering.xml", "settings.xml", "theme1.xml", "fontTable.xml"} {
		b, err := fs.ReadFile(layouts.FS, path.Join(layouts.DOCX, name))
		if err != nil {
			return nil, fmt.Errorf("docx: reference template: %w", err)
		}
		t, err := template.New(name).Option("missingkey=error").Parse(string(b))
		if err != nil {
			return nil, fmt.Errorf("docx: reference template: %w", err)
		}
		out[name] = t
	}
	return out, nil
}

func execute(t *template.Template, data tmplData) ([]byte, error) {
	var b bytes.Buffer
	if err := t.Execute(&b, data); err != nil {
		return nil, fmt.Errorf("docx: reference template %s: %w", t.Name(), err)
	}
	return b.Bytes(), nil
}

// The package-level parts of the template: content types, relationships and
// a bare document that godocx fills.
const (
	contentTypesXML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/><Default Extension="jpg" ContentType="image/jpeg"/>` +
		`<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>` +
		`<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>` +
		`<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>` +
		`<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>` +
		`<Override PartName="/word/theme/theme1.xml" ContentType="application/vnd.openxmlformats-officedocument.theme+xml"/>` +
		`<Override PartName="/word/fontTable.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"/>` +
		`<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>` +
		`<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>` +
		`<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>` +
		`<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>`

	rootRelsXML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/></Relationships>`

	// rIdHeader and rIdFooter are the header and footer relationships;
	// godocx numbers the ones it adds after these seven.
	rIdHeader = "rId6"
	rIdFooter = "rId7"

	docRelsXML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/><Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme" Target="theme/theme1.xml"/><Relationship Id="rId5" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable" Target="fontTable.xml"/><Relationship Id="` + rIdHeader + `" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/><Relationship Id="` + rIdFooter + `" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/></Relationships>`

	documentXML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body></w:body></w:document>`
)

// buildTemplate packs the reference parts for one page size into a stored
// zip that godocx opens per document.
func buildTemplate(parts map[string]*template.Template, data tmplData) ([]byte, error) {
	files := []struct {
		name string
		body []byte
	}{
		{"[Content_Types].xml", []byte(contentTypesXML)},
		{"_rels/.rels", []byte(rootRelsXML)},
		{"word/_rels/document.xml.rels", []byte(docRelsXML)},
		{"word/document.xml", []byte(documentXML)},
	}
	for _, p := range []struct{ tmpl, name string }{
		{"styles.xml", "word/styles.xml"},
		{"numbering.xml", "word/numbering.xml"},
		{"theme1.xml", "word/theme/theme1.xml"},
		{"fontTable.xml", "word/fontTable.xml"},
	} {
		b, err := execute(parts[p.tmpl], data)
		if err != nil {
			return nil, err
		}
		files = append(files, struct {
			name string
			body []byte
		}{p.name, b})
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range files {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: f.name, Method: zip.Store, Modified: zipTime})
		if err != nil {
			return nil, err
		}
		if _, err := w.Write(f.body); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
