package docx

import (
	"archive/zip"
	"bytes"
	"fmt"
	"hash/crc32"
	"io/fs"
	"math"
	"strings"
	"text/template"

	kflate "github.com/klauspost/compress/flate"

	"briefing/briefing/font"
	"briefing/briefing/layout"
	"briefing/briefing/statement"
	"briefing/briefing/style"
)

// The reference template is the project's own: the parts in layouts/docx
// (styles, numbering, theme, settings, font table) are Go text/templates
// filled once in New with the brand's font, colours and type sizes (and,
// for styles.xml, per paper size and language) and compressed once. godocx
// is used only for the values it models inside the body (body.go), never
// for a document of its own, so nothing of its built-in template (its
// author, thumbnail, custom XML, extra styles) ever reaches our output.

// tmplData is what the template parts are filled with.
type tmplData struct {
	// Name and Font are XML-escaped: text/template writes them as they are,
	// into attribute values.
	Name, Font                          string
	Primary, Accent, Text, Muted, Light string
	// AccentText and AccentOnPrimary colour words in the accent's hue,
	// on white or light and on the primary band: Accent is for rules and
	// bullets only.
	AccentText, AccentOnPrimary string
	// S is the paragraph styles' values, from the layout's metrics.
	S wordStyles
	// QuoteBar is the width of a quote's accent bar in eighths of a
	// point, QuoteSpace the space between it and the text in points
	// (the layout's QuoteInset less QuoteBar).
	QuoteBar, QuoteSpace int
	// TextWidth is the width between the margins in twips (right tabs).
	TextWidth int
	// Per document (settings.xml).
	Lang string
}

// page is a paper size and its margins in twips.
type page struct {
	W, H                     int
	Top, Right, Bottom, Left int
}

func (p page) textWidth() int { return p.W - p.Left - p.Right }

// textHeight is the height between the margins, in points.
func (p page) textHeight() float64 { return float64(p.H-p.Top-p.Bottom) / 20 }

func twips(mm float64) int { return int(math.Round(mm * 1440 / 25.4)) }

func halfPoints(pt float64) int { return int(math.Round(pt * 2)) }

// pageFor returns the page of paper with margins m; ok is false for an
// unknown paper.
func pageFor(paper statement.Paper, m style.Margins) (p page, ok bool) {
	w, h, ok := paper.Size()
	if !ok {
		return page{}, false
	}
	p = page{W: twips(w), H: twips(h)}
	p.Top, p.Right, p.Bottom, p.Left = twips(m.Top), twips(m.Right), twips(m.Bottom), twips(m.Left)
	return p, true
}

// newTmplData fills the template data from the brand and the layout's
// metrics m, scale sc and geometry g.
func newTmplData(st *style.Style, m layout.Metrics, sc layout.Scale, g layout.Geometry) tmplData {
	c := st.Brand.Colors
	pt := func(mm float64) float64 { return mm / layout.MMPerPt }
	return tmplData{
		Name: esc(st.Brand.Name), Font: esc(st.Brand.Fonts.Family),
		Primary: c.Primary.Hex(), Accent: c.Accent.Hex(), Text: c.Text.Hex(), Muted: c.Muted.Hex(), Light: c.Light.Hex(),
		AccentText: c.AccentText.Hex(), AccentOnPrimary: c.AccentOnPrimary.Hex(),
		S:        newWordStyles(m, sc, fontLines{st.Type}),
		QuoteBar: int(math.Round(pt(g.QuoteBar) * 8)), QuoteSpace: int(math.Round(pt(g.QuoteInset - g.QuoteBar))),
	}
}

// fontLines gives the brand fonts' single line spacing (ascender and
// descender), as Word and LibreOffice set lineRule auto.
type fontLines struct{ fs *font.Set }

func (f fontLines) single(st style.FontStyle) float64 {
	face := f.fs.Face(st)
	return face.Ascent + face.Descent
}

// parseParts reads and parses the reference template parts of the style.
func parseParts(ref fs.FS) (map[string]*template.Template, error) {
	if ref == nil {
		return nil, fmt.Errorf("docx: no reference template parts")
	}
	out := map[string]*template.Template{}
	for _, name := range []string{"styles.xml", "numbering.xml", "settings.xml", "theme1.xml", "fontTable.xml"} {
		b, err := fs.ReadFile(ref, name)
		if err != nil {
			return nil, fmt.Errorf("docx: reference template: %w", err)
		}
		t, err := template.New(name).Funcs(styleFuncs).Option("missingkey=error").Parse(string(b))
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

// The package-level parts: content types and the package relationships.
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
)

// templateRels are the document's relationships to the reference template
// parts, first in its relationships part.
var templateRels = []struct{ typ, target string }{
	{"styles", "styles.xml"},
	{"numbering", "numbering.xml"},
	{"settings", "settings.xml"},
	{"theme", "theme/theme1.xml"},
	{"fontTable", "fontTable.xml"},
}

// newPart compresses a part once; Render copies it into every package
// without compressing it again. Images are stored, XML deflated.
func newPart(name string, data []byte) (part, error) {
	p := part{name: name, method: zip.Deflate, crc: crc32.ChecksumIEEE(data), size: uint64(len(data))}
	if strings.HasPrefix(name, "word/media/") {
		p.method, p.raw = zip.Store, data
		return p, nil
	}
	var b bytes.Buffer
	fw, err := kflate.NewWriter(&b, flateLevel)
	if err != nil {
		return part{}, err
	}
	if _, err := fw.Write(data); err != nil {
		return part{}, err
	}
	if err := fw.Close(); err != nil {
		return part{}, err
	}
	p.raw = b.Bytes()
	return p, nil
}
