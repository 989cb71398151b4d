package pdf

import (
	"bytes"
	_ "embed"
	"strings"
	"sync"
	"time"

	"github.com/klauspost/compress/zlib"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"

	"briefing/briefing/doc"
	"briefing/briefing/pdf/finish"
	"briefing/briefing/statement"
)

// srgb is the International Color Consortium's sRGB profile (sRGB2014.icc,
// ICC v2, 3 KB), which the ICC lets anyone copy and embed unaltered
// (icc/LICENSE.color.org): the output intent that PDF/A wants for a file
// whose colours are DeviceRGB.
//
//go:embed icc/sRGB2014.icc
var srgb []byte

// srgbFlate is srgb compressed, once per process: every document embeds
// the same stream.
var srgbFlate = sync.OnceValue(func() []byte {
	var b bytes.Buffer
	zw, _ := zlib.NewWriterLevel(&b, zlib.BestCompression)
	zw.Write(srgb)
	zw.Close()
	return b.Bytes()
})

// Conformance is the PDF/A-2 level the files claim: A (accessible: tagged,
// every font with a ToUnicode map). No validator has checked it (see the
// README).
const Conformance = "A"

// Archival reports whether a document of m claims PDF/A-2 (Conformance):
// every one but a print shop's. PDF/A-2 allows DeviceCMYK only with a CMYK
// output intent (or a DefaultCMYK colour space), an ICC profile of a
// printing condition that this program does not ship and could not choose
// for the print shop; a press file is PDF/UA-1 with the brand's inks, and
// the screen file of the same document is the one to archive.
func Archival(m *doc.Meta) bool { return m.Print != statement.PrintPress }

// producer is the Info dictionary's /Producer and the XMP's pdf:Producer.
const producer = "briefing (fpdf)"

// docDate is the date the document carries: the statement's, or the Unix
// epoch, in UTC.
func docDate(m *doc.Meta) time.Time {
	if m.Date.IsZero() {
		return time.Unix(0, 0).UTC()
	}
	return m.Date.UTC()
}

// infoDates are the Info dictionary's dates, with the time zone that makes
// them agree with the XMP's (fpdf writes them without one).
func infoDates(m *doc.Meta) types.Dict {
	d := types.StringLiteral("D:" + docDate(m).Format("20060102150405") + "+00'00'")
	return types.Dict{"CreationDate": d, "ModDate": d}
}

// archival adds to the catalog what PDF/A and PDF/UA identify a file by:
// the XMP metadata, agreeing with the Info dictionary fpdf writes, and the
// sRGB output intent. A print shop's file (Archival false) claims PDF/UA
// alone and has no output intent: its DeviceCMYK colours would need a
// CMYK one (see Archival).
func archival(c *finish.Catalog, m *doc.Meta) {
	c.Dict["Metadata"] = c.Add(types.StreamDict{
		Dict: types.Dict{"Type": types.Name("Metadata"), "Subtype": types.Name("XML")},
		Raw:  xmp(m),
	})
	if !Archival(m) {
		return
	}
	icc := c.Add(types.StreamDict{Dict: types.Dict{"N": types.Integer(3), "Filter": types.Name("FlateDecode")}, Raw: srgbFlate()})
	c.Dict["OutputIntents"] = types.Array{types.Dict{
		"Type": types.Name("OutputIntent"), "S": types.Name("GTS_PDFA1"),
		"OutputConditionIdentifier": types.StringLiteral("sRGB IEC61966-2.1"),
		"Info":                      types.StringLiteral("sRGB IEC61966-2.1"),
		"DestOutputProfile":         icc,
	}}
}

// xmp is the document's XMP metadata: what the Info dictionary says (title,
// author, subject, keywords, creator, producer, dates), the language, and
// the PDF/A-2 and PDF/UA-1 identification, with the extension schema that
// PDF/A wants for pdfuaid.
func xmp(m *doc.Meta) []byte {
	var b strings.Builder
	esc := func(s string) string {
		var o strings.Builder
		for _, r := range s {
			switch r {
			case '&':
				o.WriteString("&amp;")
			case '<':
				o.WriteString("&lt;")
			case '>':
				o.WriteString("&gt;")
			default:
				if r < 0x20 && r != '\t' && r != '\n' && r != '\r' {
					continue
				}
				o.WriteRune(r)
			}
		}
		return o.String()
	}
	date := docDate(m).Format("2006-01-02T15:04:05Z")
	b.WriteString("<?xpacket begin=\"\ufeff\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n")
	b.WriteString(`<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">` + "\n")
	b.WriteString(`<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/" xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/" xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">` + "\n")
	b.WriteString("<dc:format>application/pdf</dc:format>\n")
	if m.Title != "" {
		b.WriteString(`<dc:title><rdf:Alt><rdf:li xml:lang="x-default">` + esc(m.Title) + "</rdf:li></rdf:Alt></dc:title>\n")
	}
	if m.Author != "" {
		b.WriteString("<dc:creator><rdf:Seq><rdf:li>" + esc(m.Author) + "</rdf:li></rdf:Seq></dc:creator>\n")
	}
	if m.Subject != "" {
		b.WriteString(`<dc:description><rdf:Alt><rdf:li xml:lang="x-default">` + esc(m.Subject) + "</rdf:li></rdf:Alt></dc:description>\n")
	}
	if m.Lang != "" {
		b.WriteString("<dc:language><rdf:Bag><rdf:li>" + esc(m.Lang) + "</rdf:li></rdf:Bag></dc:language>\n")
	}
	if len(m.Keywords) > 0 {
		b.WriteString("<pdf:Keywords>" + esc(strings.Join(m.Keywords, ", ")) + "</pdf:Keywords>\n")
	}
	b.WriteString("<pdf:Producer>" + producer + "</pdf:Producer>\n")
	if m.Creator != "" {
		b.WriteString("<xmp:CreatorTool>" + esc(m.Creator) + "</xmp:CreatorTool>\n")
	}
	b.WriteString("<xmp:CreateDate>" + date + "</xmp:CreateDate><xmp:ModifyDate>" + date + "</xmp:ModifyDate>\n")
	if Archival(m) {
		b.WriteString("<pdfaid:part>2</pdfaid:part><pdfaid:conformance>" + Conformance + "</pdfaid:conformance>\n")
	}
	b.WriteString("<pdfuaid:part>1</pdfuaid:part>\n")
	b.WriteString(`<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">` +
		`<pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>` +
		`<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>` +
		`<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix><pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType="Resource">` +
		`<pdfaProperty:name>part</pdfaProperty:name><pdfaProperty:valueType>Integer</pdfaProperty:valueType>` +
		`<pdfaProperty:category>internal</pdfaProperty:category>` +
		`<pdfaProperty:description>Indicates, which part of ISO 14289 standard is followed</pdfaProperty:description>` +
		"</rdf:li></rdf:Seq></pdfaSchema:property></rdf:li></rdf:Bag></pdfaExtension:schemas>\n")
	b.WriteString("</rdf:Description></rdf:RDF></x:xmpmeta>\n<?xpacket end=\"w\"?>")
	return []byte(b.String())
}
