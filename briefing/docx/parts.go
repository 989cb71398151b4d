package docx

// This file holds everything godocx cannot express, in one place:
//
//   - raw WordprocessingML inside the body (bookmarks, complex fields such as
//     the table of contents and PAGEREF, internal hyperlinks): the visitor
//     puts a marker run where each fragment goes, and splice replaces the
//     marker runs in the document godocx marshalled (and tidy writes its
//     hyperlink ids with the usual r: prefix);
//   - the header and footer parts (with PAGE and NUMPAGES fields);
//   - the core and app properties (docProps/core.xml, docProps/app.xml);
//   - the package itself: godocx marshals the document and its
//     relationships, and writePackage zips them with the template parts
//     (compressed once in New) in a fixed order with fixed timestamps.

import (
	"sync"

	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"

	kflate "github.com/klauspost/compress/flate"

	"briefing/briefing/doc"
)

// Markers are private-use characters, which are valid XML and which the
// builder removes from the text it is given: "\uE000" + index + "\uE001".
const (
	markOpen  = "\uE000"
	markClose = "\uE001"
	// markRun is how godocx writes a run holding only a marker.
	markRunOpen  = "<w:r><w:t>" + markOpen
	markRunClose = markClose + "</w:t></w:r>"
)

func marker(i int) string { return markOpen + strconv.Itoa(i) + markClose }

// godocxLinkID is how godocx (through encoding/xml) writes a hyperlink's
// relationship id: with a prefix of its own, declared on the element.
// tidy writes the conventional r:id instead (r is declared on the root).
var godocxLinkID = []byte(`xmlns:relationships="http://schemas.openxmlformats.org/officeDocument/2006/relationships" relationships:id=`)

func tidy(doc []byte) []byte { return bytes.ReplaceAll(doc, godocxLinkID, []byte(`r:id=`)) }

// splice replaces each marker run in doc by its fragment.
func splice(doc []byte, frags []string) ([]byte, error) {
	sp := splicer{frags: frags}
	sp.out.Grow(len(doc) + 256*len(frags))
	if err := sp.write(doc); err != nil {
		return nil, err
	}
	return sp.done()
}

// splicer splices a document written in pieces (each piece whole
// elements, so no marker spans two) into out.
type splicer struct {
	out   bytes.Buffer
	frags []string
	seen  int
}

// write writes doc to s.out with its markers replaced by their fragments.
func (s *splicer) write(doc []byte) error {
	for {
		i := bytes.Index(doc, []byte(markRunOpen))
		if i < 0 {
			break
		}
		s.out.Write(doc[:i])
		rest := doc[i+len(markRunOpen):]
		j := bytes.Index(rest, []byte(markRunClose))
		if j < 0 {
			return fmt.Errorf("docx: unterminated marker")
		}
		n, err := strconv.Atoi(string(rest[:j]))
		if err != nil || n < 0 || n >= len(s.frags) {
			return fmt.Errorf("docx: bad marker %q", rest[:j])
		}
		s.out.WriteString(s.frags[n])
		s.seen++
		doc = rest[j+len(markRunClose):]
	}
	s.out.Write(doc)
	return nil
}

// done checks that every fragment was placed and returns the document.
func (s *splicer) done() ([]byte, error) {
	if s.seen != len(s.frags) {
		return nil, fmt.Errorf("docx: %d of %d raw fragments placed", s.seen, len(s.frags))
	}
	return s.out.Bytes(), nil
}

// part is one file of the package: either data, deflated as it is written,
// or raw, compressed (or stored) once by newPart.
type part struct {
	name   string
	data   []byte
	method uint16
	raw    []byte
	crc    uint32
	size   uint64 // uncompressed size of raw
}

// dosDate is the fixed modification date of every part, 2024-01-01, as an
// MS-DOS date (time 00:00).
const dosDate = uint16((2024-1980)<<9 | 1<<5 | 1)

// writePackage writes the parts as a zip to w in name order, each with the
// same fixed timestamp, so that equal documents give equal bytes.
func writePackage(w io.Writer, parts []part, flaters *sync.Pool) error {
	sort.Slice(parts, func(i, j int) bool { return parts[i].name < parts[j].name })
	zw := zip.NewWriter(w)
	zw.RegisterCompressor(zip.Deflate, func(out io.Writer) (io.WriteCloser, error) {
		fw, _ := flaters.Get().(*kflate.Writer)
		if fw == nil {
			var err error
			if fw, err = kflate.NewWriter(out, flateLevel); err != nil {
				return nil, err
			}
		}
		fw.Reset(out)
		return &pooledWriter{fw, flaters}, nil
	})
	for _, p := range parts {
		if p.raw == nil {
			fw, err := zw.CreateHeader(&zip.FileHeader{Name: p.name, Method: zip.Deflate, ModifiedDate: dosDate})
			if err != nil {
				return err
			}
			if _, err := fw.Write(p.data); err != nil {
				return err
			}
			continue
		}
		fw, err := zw.CreateRaw(&zip.FileHeader{
			Name: p.name, Method: p.method, ModifiedDate: dosDate, ModifiedTime: 0,
			CRC32: p.crc, CompressedSize64: uint64(len(p.raw)), UncompressedSize64: p.size,
		})
		if err != nil {
			return err
		}
		if _, err := fw.Write(p.raw); err != nil {
			return err
		}
	}
	return zw.Close()
}

// esc escapes s for XML text and attribute values.
func esc(s string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(s))
	return b.String()
}

// textRun is a run of plain text with optional run properties.
func textRun(rPr, s string) string {
	if s == "" {
		return ""
	}
	if rPr != "" {
		rPr = "<w:rPr>" + rPr + "</w:rPr>"
	}
	return `<w:r>` + rPr + `<w:t xml:space="preserve">` + esc(s) + `</w:t></w:r>`
}

// field is a complex field: instr is its code, cached the result shown until
// the field is updated.
func field(instr, cached string) string {
	return `<w:r><w:fldChar w:fldCharType="begin"/></w:r>` +
		`<w:r><w:instrText xml:space="preserve"> ` + esc(instr) + ` </w:instrText></w:r>` +
		`<w:r><w:fldChar w:fldCharType="separate"/></w:r>` +
		textRun("", cached) +
		`<w:r><w:fldChar w:fldCharType="end"/></w:r>`
}

// fieldBegin and fieldEnd open and close a field whose result spans
// paragraphs (the table of contents).
func fieldBegin(instr string) string {
	return `<w:r><w:fldChar w:fldCharType="begin"/></w:r>` +
		`<w:r><w:instrText xml:space="preserve"> ` + esc(instr) + ` </w:instrText></w:r>` +
		`<w:r><w:fldChar w:fldCharType="separate"/></w:r>`
}

const fieldEnd = `<w:r><w:fldChar w:fldCharType="end"/></w:r>`

// bookmarkName turns an anchor into a Word bookmark name: letters, digits
// and underscores, starting with a letter, at most 40 characters.
func bookmarkName(anchor string) string {
	b := []byte("_" + anchor)
	for i := 1; i < len(b); i++ {
		c := b[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
			b[i] = '_'
		}
	}
	s := string(b[1:])
	if s == "" || !(s[0] >= 'a' && s[0] <= 'z' || s[0] >= 'A' && s[0] <= 'Z') {
		s = "bm_" + s
	}
	if len(s) > 40 {
		s = s[:40]
	}
	return s
}

// tocEntry is one pre-rendered line of the table of contents: a hyperlink
// to the heading's bookmark with its PAGEREF page number.
func tocEntry(title, bookmark string, page int) string {
	return `<w:hyperlink w:anchor="` + esc(bookmark) + `" w:history="1">` +
		textRun("", title) + `<w:r><w:tab/></w:r>` +
		field("PAGEREF "+bookmark+" \\h", pageText(page)) +
		`</w:hyperlink>`
}

// pageText is a page number, or nothing when it is not known.
func pageText(n int) string {
	if n <= 0 {
		return ""
	}
	return strconv.Itoa(n)
}

const wNS = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`

// headerXML is the running header: the lead (short name) in bold and the
// primary colour, the text, and the flag at the right. An empty header when
// h is nil.
func headerXML(h *doc.Running, primary string) string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n")
	if h == nil {
		// No running header: an empty paragraph without the Header
		// style's rule.
		b.WriteString(`<w:hdr ` + wNS + `><w:p/></w:hdr>`)
		return b.String()
	}
	b.WriteString(`<w:hdr ` + wNS + `><w:p><w:pPr><w:pStyle w:val="Header"/></w:pPr>`)
	{
		b.WriteString(textRun(`<w:b/><w:color w:val="`+primary+`"/>`, h.Lead))
		b.WriteString(textRun("", sep(h.Lead, h.Text)))
		if h.Flag != "" {
			b.WriteString(`<w:r><w:tab/></w:r>`)
			b.WriteString(textRun(`<w:b/>`, h.Flag))
		}
	}
	b.WriteString(`</w:p></w:hdr>`)
	return b.String()
}

// footerXML is the running footer: its text at the left, the page label at
// the right, built from PAGE and NUMPAGES fields and the label's words. An
// empty footer when f is nil.
func footerXML(f *doc.Running, pages int) string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n")
	if f == nil {
		b.WriteString(`<w:ftr ` + wNS + `><w:p/></w:ftr>`)
		return b.String()
	}
	b.WriteString(`<w:ftr ` + wNS + `><w:p><w:pPr><w:pStyle w:val="Footer"/></w:pPr>`)
	{
		b.WriteString(textRun("", f.Text))
		if f.Page != "" {
			b.WriteString(`<w:r><w:tab/></w:r>`)
			words := strings.Split(f.Page, "%d")
			if len(words) != 3 {
				words = []string{"", " / ", ""}
			}
			b.WriteString(textRun("", words[0]))
			b.WriteString(field("PAGE", "1"))
			b.WriteString(textRun("", words[1]))
			b.WriteString(field("NUMPAGES", strconv.Itoa(pages)))
			b.WriteString(textRun("", words[2]))
		}
	}
	b.WriteString(`</w:p></w:ftr>`)
	return b.String()
}

// sep returns " · " + s when both are set, else s.
func sep(before, s string) string {
	if before == "" || s == "" {
		return s
	}
	return " · " + s
}

// coreXML is docProps/core.xml: title, creator, subject, keywords, language
// and the statement's date as created and modified time.
func coreXML(m *doc.Meta) string {
	date := m.Date.UTC().Format("2006-01-02T15:04:05Z")
	el := func(name, v string) string {
		if v == "" {
			return ""
		}
		return "<" + name + ">" + esc(v) + "</" + name + ">"
	}
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
		`<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
		el("dc:title", m.Title) + el("dc:subject", m.Subject) + el("dc:creator", m.Author) +
		el("cp:keywords", strings.Join(m.Keywords, ", ")) + el("dc:description", m.Subtitle) +
		el("cp:lastModifiedBy", m.Author) + el("dc:language", m.Lang) +
		`<dcterms:created xsi:type="dcterms:W3CDTF">` + date + `</dcterms:created>` +
		`<dcterms:modified xsi:type="dcterms:W3CDTF">` + date + `</dcterms:modified>` +
		`</cp:coreProperties>`
}

// appXML is docProps/app.xml: the tool that made the file.
func appXML(m *doc.Meta) string {
	app := m.Creator
	if app == "" {
		app = "briefing"
	}
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
		`<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">` +
		`<Application>` + esc(app) + `</Application><Company>` + esc(m.Author) + `</Company></Properties>`
}

// flateLevel is the compression of the parts made per document:
// klauspost's deflate at this level is about three times as fast as the
// standard library's default, for files a few per cent larger.
const flateLevel = 5

// pooledWriter returns its writer to the pool when closed.
type pooledWriter struct {
	*kflate.Writer
	pool *sync.Pool
}

func (p *pooledWriter) Close() error {
	err := p.Writer.Close()
	p.pool.Put(p.Writer)
	p.Writer = nil
	return err
}
