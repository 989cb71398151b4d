package docx

import (
	"bytes"
	"encoding/xml"
	"testing"
)

// TestBodyValues checks the XML of the body values this package writes
// itself around godocx's runs: a bookmarked heading, a contents line with
// its TOC and PAGEREF fields, a link by relationship id, and a table.
func TestBodyValues(t *testing.T) {
	heading := newPara(sHeading1)
	heading.add(bookmarkStart{id: 1, name: "rec_1"}, textRun("A & B", nil), bookmarkEnd{id: 1})
	toc := newPara("TOC1")
	toc.add(fieldBegin(tocField)...)
	toc.add(tocEntry("Context", "context", 3), fieldCharEnd)
	link := newPara(sSmall)
	link.add(&hyperlink{id: "rId9", content: []xml.Marshaler{textRun("https://drc.ngo", nil)}})
	tbl := newTable(200, []uint64{120, 80})
	c := tbl.addRow().addCell(120, "")
	c.centre()
	c.para(sSmall)
	const hidden = `<w:rPr><w:noProof></w:noProof><w:webHidden></w:webHidden></w:rPr>`
	for _, x := range []struct {
		name string
		v    xml.Marshaler
		want string
	}{
		{"heading", heading, `<w:p><w:pPr><w:pStyle w:val="Heading1"></w:pStyle></w:pPr>` +
			`<w:bookmarkStart w:id="1" w:name="rec_1"></w:bookmarkStart><w:r><w:t>A &amp; B</w:t></w:r><w:bookmarkEnd w:id="1"></w:bookmarkEnd></w:p>`},
		{"contents", toc, `<w:p><w:pPr><w:pStyle w:val="TOC1"></w:pStyle></w:pPr>` +
			`<w:r><w:fldChar w:fldCharType="begin"></w:fldChar></w:r><w:r><w:instrText xml:space="preserve"> TOC \o &#34;1-1&#34; \b _Glance \h \z \u </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"></w:fldChar></w:r>` +
			`<w:hyperlink w:anchor="context" w:history="1"><w:r><w:rPr><w:rStyle w:val="Hyperlink"></w:rStyle><w:noProof></w:noProof></w:rPr><w:t xml:space="preserve">Context</w:t></w:r>` +
			`<w:r>` + hidden + `<w:tab></w:tab></w:r>` +
			`<w:r>` + hidden + `<w:fldChar w:fldCharType="begin"></w:fldChar></w:r><w:r>` + hidden + `<w:instrText xml:space="preserve"> PAGEREF context \h </w:instrText></w:r><w:r>` + hidden + `<w:fldChar w:fldCharType="separate"></w:fldChar></w:r>` +
			`<w:r>` + hidden + `<w:t xml:space="preserve">3</w:t></w:r><w:r>` + hidden + `<w:fldChar w:fldCharType="end"></w:fldChar></w:r></w:hyperlink>` +
			`<w:r><w:fldChar w:fldCharType="end"></w:fldChar></w:r></w:p>`},
		{"link", link, `<w:p><w:pPr><w:pStyle w:val="Small"></w:pStyle></w:pPr><w:hyperlink r:id="rId9"><w:r><w:t>https://drc.ngo</w:t></w:r></w:hyperlink></w:p>`},
		{"table", tbl, `<w:tbl><w:tblPr><w:tblStyle w:val="PlainTable"></w:tblStyle><w:tblW w:w="200" w:type="dxa"></w:tblW><w:tblLayout w:type="fixed"></w:tblLayout></w:tblPr>` +
			`<w:tblGrid><w:gridCol w:w="120"></w:gridCol><w:gridCol w:w="80"></w:gridCol></w:tblGrid>` +
			`<w:tr><w:trPr></w:trPr><w:tc><w:tcPr><w:tcW w:w="120" w:type="dxa"></w:tcW><w:shd w:val="clear" w:color="auto" w:fill="auto"></w:shd><w:vAlign w:val="center"></w:vAlign></w:tcPr>` +
			`<w:p><w:pPr><w:pStyle w:val="Small"></w:pStyle></w:pPr></w:p></w:tc></w:tr></w:tbl>`},
	} {
		var b bytes.Buffer
		e := xml.NewEncoder(&b)
		if err := x.v.MarshalXML(e, xml.StartElement{}); err != nil {
			t.Fatal(err)
		}
		if err := e.Close(); err != nil {
			t.Fatal(err)
		}
		if b.String() != x.want {
			t.Errorf("%s:\n got %s\nwant %s", x.name, b.String(), x.want)
		}
	}
}

// TestRelationships checks that ids are handed out in order, each once.
func TestRelationships(t *testing.T) {
	var r relationships
	a, b := r.add(relNS+"styles", "styles.xml", false), r.add(relHyperlink, "https://example.org/", true)
	if a != "rId1" || b != "rId2" {
		t.Errorf("ids %s, %s", a, b)
	}
	x, err := r.marshal()
	if err != nil {
		t.Fatal(err)
	}
	want := xmlHeader + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
		`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"></Relationship>` +
		`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://example.org/" TargetMode="External"></Relationship></Relationships>`
	if string(x) != want {
		t.Errorf("got %s\nwant %s", x, want)
	}
}
