package docx

// The body of word/document.xml is written here, by one xml.Encoder, in
// one pass. godocx models runs (ctypes.Run: text, tabs, field codes,
// drawings), the properties of paragraphs, runs, tables, rows, cells and
// sections, and DrawingML pictures, and this package uses it for all of
// them. What it does not model is the block structure those sit in: its
// paragraph holds only runs and hyperlinks (ctypes.ParagraphChild), its
// hyperlink has no w:anchor and writes its relationship id under a prefix
// that encoding/xml makes up, its range markup (ctypes.RngMarkupElem) is
// empty, a run has no w:fldChar, and a table cell holds only its own
// paragraphs. So the paragraph, the table, its rows and cells, hyperlinks,
// bookmarks and field characters are typed values of ours, and each
// godocx value inside them marshals itself.

import (
	"bytes"
	"encoding/xml"
	"strconv"

	"github.com/gomutex/godocx/common/constants"
	"github.com/gomutex/godocx/wml/ctypes"
	"github.com/gomutex/godocx/wml/stypes"
)

// paragraph is a w:p: its properties (godocx's) and its content, in
// order: godocx's *ctypes.Run, or our hyperlink, bookmarkStart,
// bookmarkEnd or fieldChar.
type paragraph struct {
	props   *ctypes.ParagraphProp
	content []xml.Marshaler
}

// newPara returns an empty paragraph in style.
func newPara(style string) *paragraph {
	return &paragraph{props: &ctypes.ParagraphProp{Style: ctypes.NewParagraphStyle(style)}}
}

// add appends content to p.
func (p *paragraph) add(content ...xml.Marshaler) { p.content = append(p.content, content...) }

// MarshalXML writes p as a w:p element.
func (p *paragraph) MarshalXML(e *xml.Encoder, _ xml.StartElement) error {
	start := xml.StartElement{Name: xml.Name{Local: "w:p"}}
	if err := e.EncodeToken(start); err != nil {
		return err
	}
	if p.props != nil {
		if err := p.props.MarshalXML(e, xml.StartElement{}); err != nil {
			return err
		}
	}
	if err := encodeAll(e, p.content); err != nil {
		return err
	}
	return e.EncodeToken(start.End())
}

// encodeAll marshals each of ms in turn.
func encodeAll(e *xml.Encoder, ms []xml.Marshaler) error {
	for _, m := range ms {
		if err := m.MarshalXML(e, xml.StartElement{}); err != nil {
			return err
		}
	}
	return nil
}

// hyperlink is a w:hyperlink: to an external address by relationship id
// (r:id), or to a bookmark of the document (w:anchor).
type hyperlink struct {
	id      string          // relationship id, for an external address
	anchor  string          // bookmark name, for a place in the document
	content []xml.Marshaler // as a paragraph's
}

// MarshalXML writes h as a w:hyperlink element; r is declared on the
// document's root.
func (h *hyperlink) MarshalXML(e *xml.Encoder, _ xml.StartElement) error {
	start := xml.StartElement{Name: xml.Name{Local: "w:hyperlink"}}
	if h.id != "" {
		start.Attr = append(start.Attr, xml.Attr{Name: xml.Name{Local: "r:id"}, Value: h.id})
	}
	if h.anchor != "" {
		start.Attr = append(start.Attr,
			xml.Attr{Name: xml.Name{Local: "w:anchor"}, Value: h.anchor},
			xml.Attr{Name: xml.Name{Local: "w:history"}, Value: "1"})
	}
	if err := e.EncodeToken(start); err != nil {
		return err
	}
	if err := encodeAll(e, h.content); err != nil {
		return err
	}
	return e.EncodeToken(start.End())
}

// empty writes an element with attributes attrs (name, value, …) and
// no content.
func empty(e *xml.Encoder, name string, attrs ...string) error {
	start := xml.StartElement{Name: xml.Name{Local: name}}
	for i := 0; i+1 < len(attrs); i += 2 {
		start.Attr = append(start.Attr, xml.Attr{Name: xml.Name{Local: attrs[i]}, Value: attrs[i+1]})
	}
	if err := e.EncodeToken(start); err != nil {
		return err
	}
	return e.EncodeToken(start.End())
}

// bookmarkStart and bookmarkEnd enclose a bookmark: the target of
// internal hyperlinks and PAGEREF fields.
type bookmarkStart struct {
	id   int
	name string
}

// MarshalXML writes b as a w:bookmarkStart element.
func (b bookmarkStart) MarshalXML(e *xml.Encoder, _ xml.StartElement) error {
	return empty(e, "w:bookmarkStart", "w:id", strconv.Itoa(b.id), "w:name", b.name)
}

type bookmarkEnd struct{ id int }

// MarshalXML writes b as a w:bookmarkEnd element.
func (b bookmarkEnd) MarshalXML(e *xml.Encoder, _ xml.StartElement) error {
	return empty(e, "w:bookmarkEnd", "w:id", strconv.Itoa(b.id))
}

// fieldChar is a run holding a complex field character: it opens a field
// (begin), parts its code from its result (separate) or closes it (end).
type fieldChar string

const (
	fieldCharBegin    fieldChar = "begin"
	fieldCharSeparate fieldChar = "separate"
	fieldCharEnd      fieldChar = "end"
)

// MarshalXML writes f as a w:r element holding a w:fldChar.
func (f fieldChar) MarshalXML(e *xml.Encoder, _ xml.StartElement) error {
	return fieldCharRun{typ: f}.MarshalXML(e, xml.StartElement{})
}

// fieldCharRun is a field character in a run with properties (godocx's),
// as Word writes the fields inside a contents entry.
type fieldCharRun struct {
	typ   fieldChar
	props *ctypes.RunProperty
}

// MarshalXML writes f as a w:r element holding its properties and a
// w:fldChar.
func (f fieldCharRun) MarshalXML(e *xml.Encoder, _ xml.StartElement) error {
	r := xml.StartElement{Name: xml.Name{Local: "w:r"}}
	if err := e.EncodeToken(r); err != nil {
		return err
	}
	if f.props != nil {
		if err := f.props.MarshalXML(e, xml.StartElement{}); err != nil {
			return err
		}
	}
	if err := empty(e, "w:fldChar", "w:fldCharType", string(f.typ)); err != nil {
		return err
	}
	return e.EncodeToken(r.End())
}

// fieldBegin opens a complex field with code instr and starts its result.
func fieldBegin(instr string) []xml.Marshaler {
	return []xml.Marshaler{fieldCharBegin, instrRun(" " + instr + " "), fieldCharSeparate}
}

// preserve is the value of xml:space that keeps a text's spaces.
var preserve = "preserve"

// instrRun is a run holding a field code.
func instrRun(instr string) *ctypes.Run {
	return &ctypes.Run{Children: []ctypes.RunChild{{InstrText: &ctypes.Text{Text: instr, Space: &preserve}}}}
}

// textRun is a run of text with properties props (nil for none).
func textRun(s string, props *ctypes.RunProperty) *ctypes.Run {
	return &ctypes.Run{Property: props, Children: []ctypes.RunChild{{Text: ctypes.TextFromString(s)}}}
}

// tocEntry is one pre-rendered line of the table of contents, as Word
// writes it when it updates a TOC field with \h: a hyperlink to the
// heading's bookmark holding the title (in the Hyperlink style), a tab
// and the PAGEREF field of the page number, every run but the title's
// hidden in web view, none proofed.
func tocEntry(title, bookmark string, page int) *hyperlink {
	h := &hyperlink{anchor: bookmark}
	if title != "" {
		h.content = append(h.content, &ctypes.Run{
			Property: &ctypes.RunProperty{Style: ctypes.NewCTString(constants.HyperLinkStyle), NoGrammar: &ctypes.OnOff{}},
			Children: []ctypes.RunChild{{Text: &ctypes.Text{Text: title, Space: &preserve}}},
		})
	}
	hidden := func() *ctypes.RunProperty {
		return &ctypes.RunProperty{NoGrammar: &ctypes.OnOff{}, WebHidden: &ctypes.OnOff{}}
	}
	instr := " PAGEREF " + bookmark + ` \h `
	h.content = append(h.content,
		&ctypes.Run{Property: hidden(), Children: []ctypes.RunChild{{Tab: &ctypes.Empty{}}}},
		fieldCharRun{typ: fieldCharBegin, props: hidden()},
		&ctypes.Run{Property: hidden(), Children: []ctypes.RunChild{{InstrText: &ctypes.Text{Text: instr, Space: &preserve}}}},
		fieldCharRun{typ: fieldCharSeparate, props: hidden()})
	if n := pageText(page); n != "" {
		h.content = append(h.content, &ctypes.Run{Property: hidden(), Children: []ctypes.RunChild{{Text: &ctypes.Text{Text: n, Space: &preserve}}}})
	}
	h.content = append(h.content, fieldCharRun{typ: fieldCharEnd, props: hidden()})
	return h
}

// pageText is a page number, or nothing when it is not known.
func pageText(n int) string {
	if n <= 0 {
		return ""
	}
	return strconv.Itoa(n)
}

// table is a w:tbl: its properties and grid (godocx's) and its rows.
type table struct {
	props ctypes.TableProp
	grid  ctypes.Grid
	rows  []*row
}

// row is a w:tr of a table.
type row struct {
	props ctypes.RowProperty
	cells []*cell
}

// cell is a w:tc of a row: its properties (godocx's) and its content,
// paragraphs and tables, in order.
type cell struct {
	props   *ctypes.CellProperty
	content []xml.Marshaler
}

// newTable returns a borderless table in the plain table style, width
// twips wide, with columns of widths.
func newTable(width int, widths []uint64) *table {
	t := &table{}
	layout := stypes.TableLayoutFixed
	t.props.Style = ctypes.NewCTString(sPlainTable)
	t.props.Width = ctypes.NewTableWidth(width, stypes.TableWidthDxa)
	t.props.Layout = &ctypes.TableLayout{LayoutType: &layout}
	for i := range widths {
		t.grid.Col = append(t.grid.Col, ctypes.Column{Width: &widths[i]})
	}
	return t
}

// addRow adds an empty row to t.
func (t *table) addRow() *row {
	r := &row{}
	t.rows = append(t.rows, r)
	return r
}

// addCell adds a cell of width twips to r, with no fill unless fill is
// set.
func (r *row) addCell(width uint64, fill string) *cell {
	if fill == "" {
		fill = "auto"
	}
	c := &cell{props: &ctypes.CellProperty{
		Width:   ctypes.NewTableWidth(int(width), stypes.TableWidthDxa),
		Shading: ctypes.DefaultShading(),
	}}
	c.props.Shading.Fill = &fill
	r.cells = append(r.cells, c)
	return c
}

// centre centres c's content vertically.
func (c *cell) centre() { c.props.VAlign = ctypes.NewGenSingleStrVal(stypes.VerticalJcCenter) }

// para adds an empty paragraph in style to c.
func (c *cell) para(style string) *paragraph {
	p := newPara(style)
	c.add(p)
	return p
}

// add appends paragraphs or tables to c.
func (c *cell) add(content ...xml.Marshaler) { c.content = append(c.content, content...) }

// margins sets c's own margins, in twips, over the table's.
func (c *cell) margins(top, left, bottom, right int) {
	w := func(n int) *ctypes.TableWidth { return ctypes.NewTableWidth(n, stypes.TableWidthDxa) }
	c.props.Margins = &ctypes.CellMargins{Top: w(top), Left: w(left), Bottom: w(bottom), Right: w(right)}
}

// MarshalXML writes t as a w:tbl element.
func (t *table) MarshalXML(e *xml.Encoder, _ xml.StartElement) error {
	start := xml.StartElement{Name: xml.Name{Local: "w:tbl"}}
	if err := e.EncodeToken(start); err != nil {
		return err
	}
	if err := t.props.MarshalXML(e, xml.StartElement{}); err != nil {
		return err
	}
	if err := t.grid.MarshalXML(e, xml.StartElement{}); err != nil {
		return err
	}
	tr := xml.StartElement{Name: xml.Name{Local: "w:tr"}}
	tc := xml.StartElement{Name: xml.Name{Local: "w:tc"}}
	for _, r := range t.rows {
		if err := e.EncodeToken(tr); err != nil {
			return err
		}
		if err := r.props.MarshalXML(e, xml.StartElement{}); err != nil {
			return err
		}
		for _, c := range r.cells {
			if err := e.EncodeToken(tc); err != nil {
				return err
			}
			if err := c.props.MarshalXML(e, xml.StartElement{}); err != nil {
				return err
			}
			content := c.content
			if len(content) == 0 {
				content = []xml.Marshaler{newPara(sSpacer)}
			} else if _, ok := content[len(content)-1].(*paragraph); !ok {
				// A cell ends with a paragraph: the schema wants one after a
				// nested table.
				content = append(content[:len(content):len(content)], newPara(sSpacer))
			}
			if err := encodeAll(e, content); err != nil {
				return err
			}
			if err := e.EncodeToken(tc.End()); err != nil {
				return err
			}
		}
		if err := e.EncodeToken(tr.End()); err != nil {
			return err
		}
	}
	return e.EncodeToken(start.End())
}

// documentXML writes word/document.xml: the root and body start tags in
// newDocumentXML, each body element as the builder finishes it (add), the
// section properties and the end tags (close).
type documentXML struct {
	buf  bytes.Buffer
	enc  *xml.Encoder
	root xml.StartElement
	body xml.StartElement
}

// docNamespaces are the namespaces declared on w:document; r is the one
// its hyperlinks and pictures use for relationship ids.
var docNamespaces = []struct{ prefix, uri string }{
	{"w", "http://schemas.openxmlformats.org/wordprocessingml/2006/main"},
	{"o", "urn:schemas-microsoft-com:office:office"},
	{"r", "http://schemas.openxmlformats.org/officeDocument/2006/relationships"},
	{"v", "urn:schemas-microsoft-com:vml"},
	{"w10", "urn:schemas-microsoft-com:office:word"},
	{"wp", "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"},
	{"wps", "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"},
	{"wpg", "http://schemas.microsoft.com/office/word/2010/wordprocessingGroup"},
	{"mc", "http://schemas.openxmlformats.org/markup-compatibility/2006"},
	{"wp14", "http://schemas.microsoft.com/office/word/2010/wordprocessingDrawing"},
	{"w14", "http://schemas.microsoft.com/office/word/2010/wordml"},
	{"w15", "http://schemas.microsoft.com/office/word/2012/wordml"},
}

// newDocumentXML starts the document: the XML declaration, w:document with
// its namespaces, and w:body.
func newDocumentXML() (*documentXML, error) {
	d := &documentXML{
		root: xml.StartElement{Name: xml.Name{Local: "w:document"}},
		body: xml.StartElement{Name: xml.Name{Local: "w:body"}},
	}
	for _, ns := range docNamespaces {
		d.root.Attr = append(d.root.Attr, xml.Attr{Name: xml.Name{Local: "xmlns:" + ns.prefix}, Value: ns.uri})
	}
	d.root.Attr = append(d.root.Attr, xml.Attr{Name: xml.Name{Local: "mc:Ignorable"}, Value: "w14 wp14 w15"})
	d.enc = xml.NewEncoder(&d.buf)
	for _, t := range []xml.Token{xmlDecl, xml.CharData("\n"), d.root, d.body} {
		if err := d.enc.EncodeToken(t); err != nil {
			return nil, err
		}
	}
	return d, nil
}

// xmlDecl is the XML declaration every part starts with.
var xmlDecl = xml.ProcInst{Target: "xml", Inst: []byte(`version="1.0" encoding="UTF-8" standalone="yes"`)}

// add writes body elements (paragraphs and tables).
func (d *documentXML) add(els ...xml.Marshaler) error {
	return encodeAll(d.enc, els)
}

// close writes the section properties and ends the document.
func (d *documentXML) close(sect *ctypes.SectionProp) ([]byte, error) {
	if err := sect.MarshalXML(d.enc, xml.StartElement{}); err != nil {
		return nil, err
	}
	for _, t := range []xml.Token{d.body.End(), d.root.End()} {
		if err := d.enc.EncodeToken(t); err != nil {
			return nil, err
		}
	}
	if err := d.enc.Close(); err != nil {
		return nil, err
	}
	return d.buf.Bytes(), nil
}
