package pdf

import (
	"bytes"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/klauspost/compress/zlib"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"

	"briefing/briefing/doc"
	"briefing/briefing/pdf/finish"
	"briefing/briefing/statement"
)

// srgbStream is the output intent's profile (icc.go) as a stream, made
// and compressed once per process: every document embeds the same bytes.
var srgbStream = sync.OnceValue(func() types.StreamDict {
	var b bytes.Buffer
	zw, _ := zlib.NewWriterLevel(&b, zlib.BestCompression)
	zw.Write(sRGBProfile())
	zw.Close()
	return types.StreamDict{Dict: types.Dict{"N": types.Integer(3), "Filter": types.Name("FlateDecode")}, Raw: b.Bytes()}
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
	icc := srgbStream()
	icc.Dict = icc.Dict.Clone().(types.Dict)
	iccRef := c.Add(icc)
	c.Dict["OutputIntents"] = types.Array{types.Dict{
		"Type": types.Name("OutputIntent"), "S": types.Name("GTS_PDFA1"),
		"OutputConditionIdentifier": types.StringLiteral("sRGB IEC61966-2.1"),
		"Info":                      types.StringLiteral("sRGB IEC61966-2.1"),
		"DestOutputProfile":         iccRef,
	}}
}

// xmp is the document's XMP metadata: what the Info dictionary says (title,
// author, subject, keywords, creator, producer, dates), the language, and
// the PDF/A-2 and PDF/UA-1 identification, with the extension schema that
// PDF/A wants for pdfuaid. It is compact: simple properties are attributes
// of their rdf:Description (RDF/XML's short form), no line breaks, no
// padding (the file is written once, never edited in place).
func xmp(m *doc.Meta) []byte {
	n := 2048 + len(m.Title) + len(m.Author) + len(m.Subject) + len(m.Lang) + len(m.Creator)
	for _, k := range m.Keywords {
		n += len(k) + 2
	}
	b := make([]byte, 0, n+n/8)
	b = append(b, "<?xpacket begin=\"\ufeff\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>"+
		`<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">`+
		`<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/" xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/"`...)
	attr := func(name, v string) {
		b = append(b, ' ')
		b = append(b, name...)
		b = append(b, `="`...)
		b = appendXML(b, v)
		b = append(b, '"')
	}
	if len(m.Keywords) > 0 {
		attr("pdf:Keywords", strings.Join(m.Keywords, ", "))
	}
	attr("pdf:Producer", producer)
	if m.Creator != "" {
		attr("xmp:CreatorTool", m.Creator)
	}
	date := docDate(m).Format("2006-01-02T15:04:05Z")
	attr("xmp:CreateDate", date)
	attr("xmp:ModifyDate", date)
	if Archival(m) {
		b = append(b, ` pdfaid:part="2" pdfaid:conformance="`+Conformance+`"`...)
	}
	b = append(b, ` pdfuaid:part="1"><dc:format>application/pdf</dc:format>`...)
	elem := func(name, container, lang, v string) {
		if v == "" {
			return
		}
		b = append(b, '<')
		b = append(b, name...)
		b = append(b, "><rdf:"...)
		b = append(b, container...)
		b = append(b, "><rdf:li"...)
		if lang != "" {
			b = append(b, ` xml:lang="`...)
			b = append(b, lang...)
			b = append(b, '"')
		}
		b = append(b, '>')
		b = appendXML(b, v)
		b = append(b, "</rdf:li></rdf:"...)
		b = append(b, container...)
		b = append(b, "></"...)
		b = append(b, name...)
		b = append(b, '>')
	}
	elem("dc:title", "Alt", "x-default", m.Title)
	elem("dc:creator", "Seq", "", m.Author)
	elem("dc:description", "Alt", "x-default", m.Subject)
	elem("dc:language", "Bag", "", m.Lang)
	b = append(b, `</rdf:Description>`+
		`<rdf:Description rdf:about="" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/" xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">`+
		`<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">`+
		`<pdfaSchema:schema>PDF/UA identification</pdfaSchema:schema>`+
		`<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>`+
		`<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>`+
		`<pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType="Resource">`+
		`<pdfaProperty:name>part</pdfaProperty:name><pdfaProperty:valueType>Integer</pdfaProperty:valueType>`+
		`<pdfaProperty:category>internal</pdfaProperty:category><pdfaProperty:description>ISO 14289 part</pdfaProperty:description>`+
		`</rdf:li></rdf:Seq></pdfaSchema:property></rdf:li></rdf:Bag></pdfaExtension:schemas></rdf:Description>`+
		`</rdf:RDF></x:xmpmeta><?xpacket end="w"?>`...)
	return b
}

// appendXML appends s to b as XML character data or an attribute value in
// double quotes: &, <, > and " escaped, control characters other than
// TAB, LF and CR left out (XML 1.0 cannot hold them).
func appendXML(b []byte, s string) []byte {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '&':
			b = append(b, "&amp;"...)
		case c == '<':
			b = append(b, "&lt;"...)
		case c == '>':
			b = append(b, "&gt;"...)
		case c == '"':
			b = append(b, "&quot;"...)
		case c < 0x20 && c != '\t' && c != '\n' && c != '\r':
		default:
			b = append(b, c)
		}
	}
	return b
}
