package docx

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"strconv"
	"strings"

	"github.com/gomutex/godocx/common/constants"
	"github.com/gomutex/godocx/common/units"
	"github.com/gomutex/godocx/dml"
	"github.com/gomutex/godocx/dml/dmlct"
	"github.com/gomutex/godocx/dml/dmlpic"
	"github.com/gomutex/godocx/docx"
	"github.com/gomutex/godocx/wml/ctypes"
	"github.com/gomutex/godocx/wml/stypes"

	"briefing/briefing/doc"
	"briefing/briefing/inline"
	"briefing/briefing/statement"
)

// Style ids in the reference template (layouts/docx/styles.xml).
const (
	sNormal      = "Normal"
	sTitle       = "Title"
	sSubtitle    = "Subtitle"
	sHeading1    = "Heading1"
	sHeading2    = "Heading2"
	sKicker      = "Kicker"
	sCoverKicker = "CoverKicker"
	sLede        = "Lede"
	sNote        = "Note"
	sSmall       = "Small"
	sQuote       = "Quote"
	sQuoteSource = "QuoteSource"
	sListBullet  = "ListBullet"
	sFigureValue = "FigureValue"
	sFigureLabel = "FigureLabel"
	sMasthead    = "Masthead"
	sRule        = "Rule"
	sSpacer      = "Spacer"
	sTOCHeading  = "TOCHeading"
	sPlainTable  = "PlainTable"
)

// paraStyles maps a paragraph role to its style id.
var paraStyles = [...]string{
	doc.ParaBody:  sNormal,
	doc.ParaLede:  sLede,
	doc.ParaNote:  sNote,
	doc.ParaSmall: sSmall,
}

// emuPerMM is English Metric Units per millimetre.
const emuPerMM = 36000

// builder renders one Doc: it is the doc.Visitor and holds the state of
// one Render call.
type builder struct {
	r    *Renderer
	d    *doc.Doc
	rd   *docx.RootDoc
	page page

	// frags are the raw XML fragments that replace marker runs (parts.go).
	frags []string
	// breakNext puts a page break before the next paragraph.
	breakNext bool
	// pages and anchors are the estimated page count and the page of each
	// anchor, for the cached field results; Word updates them on open.
	pages   int
	anchors map[string]int
	toc     []tocRef
	marks   int
	images  uint
	// parts are the package parts made for this document.
	parts []part
	// body is the XML of the body elements flushed so far (flush), in
	// pieces.
	body [][]byte
}

// tocRef is a contents entry whose fragment is written after the walk, when
// the page of its anchor is known.
type tocRef struct {
	frag   int
	last   bool
	first  bool
	title  string
	anchor string
}

var _ doc.Visitor = (*builder)(nil)

// build walks the Doc into godocx's body (a brief between its masthead and
// its source block), then makes the per-document parts and the section
// properties: paper, margins, header and footer, a title page for the pack.
func (b *builder) build() error {
	m := &b.d.Meta

	for _, bl := range b.d.Blocks {
		if err := bl.Accept(b); err != nil {
			return err
		}
		if len(b.rd.Document.Body.Children) >= flushAt {
			if err := b.flush(); err != nil {
				return err
			}
		}
	}
	for _, t := range b.toc {
		frag := ""
		if t.first {
			frag = fieldBegin(`TOC \o "1-2" \h \z \u`)
		}
		frag += tocEntry(t.title, bookmarkName(t.anchor), b.anchors[t.anchor])
		if t.last {
			frag += fieldEnd
		}
		b.frags[t.frag] = frag
	}

	data := b.r.data
	data.Lang = wordLang(m.Lang)
	data.UpdateFields = len(b.toc) > 0
	settings, err := execute(b.r.parts["settings.xml"], data)
	if err != nil {
		return err
	}
	b.parts = append(b.parts,
		part{name: "word/settings.xml", data: settings},
		part{name: "word/header1.xml", data: []byte(headerXML(b.d.Header, b.r.data.Primary))},
		part{name: "word/footer1.xml", data: []byte(footerXML(b.d.Footer, b.pages))},
		part{name: "docProps/core.xml", data: []byte(coreXML(m))},
		part{name: "docProps/app.xml", data: []byte(appXML(m))})

	p := b.page
	w, h := uint64(p.W), uint64(p.H)
	hdr, ftr, gutter := twips(8), twips(8), 0 // the schema requires w:gutter
	sect := &ctypes.SectionProp{
		HeaderReference: &ctypes.HeaderReference{Type: stypes.HdrFtrDefault, ID: rIdHeader},
		FooterReference: &ctypes.FooterReference{Type: stypes.HdrFtrDefault, ID: rIdFooter},
		PageSize:        &ctypes.PageSize{Width: &w, Height: &h},
		PageMargin:      &ctypes.PageMargin{Top: &p.Top, Right: &p.Right, Bottom: &p.Bottom, Left: &p.Left, Header: &hdr, Footer: &ftr, Gutter: &gutter},
	}
	if m.Kind == statement.KindPack {
		// The first page, the cover, has no header or footer: the running
		// lines start after it, as on the PDF's pages.
		sect.TitlePg = ctypes.NewGenSingleStrVal(stypes.OnOffTrue)
	}
	b.rd.Document.Body.SectPr = sect
	return nil
}

// flushAt is how many body elements the builder keeps as godocx values
// before it writes them out as XML: a pack of thousands of
// recommendations would otherwise hold a tree of many megabytes.
const flushAt = 256

// flush writes the body's elements so far to b.body as XML and drops
// them.
func (b *builder) flush() error {
	body := b.rd.Document.Body
	x, err := xml.Marshal(docx.Body{Children: body.Children})
	if err != nil {
		return fmt.Errorf("docx: %w", err)
	}
	inner, ok := bodyInner(x)
	if !ok {
		return fmt.Errorf("docx: unexpected body XML")
	}
	b.body = append(b.body, tidy(inner))
	body.Children = body.Children[:0:0]
	return nil
}

// bodyInner returns what is between a marshalled body's start and end
// tags.
func bodyInner(x []byte) ([]byte, bool) {
	start := bytes.Index(x, []byte("<w:body"))
	end := bytes.LastIndex(x, []byte("</w:body>"))
	if start < 0 || end < 0 {
		return nil, false
	}
	gt := bytes.IndexByte(x[start:], '>')
	if gt < 0 || x[start+gt-1] == '/' {
		return nil, start >= 0 && gt >= 0
	}
	return x[start+gt+1 : end], true
}

// para adds a paragraph in style to the body, on a new page after a
// PageBreak.
func (b *builder) para(style string) *docx.Paragraph {
	p := b.rd.AddEmptyParagraph()
	p.Style(style)
	if b.breakNext {
		p.GetCT().Property.PageBreakBefore = &ctypes.OnOff{}
		b.breakNext = false
	}
	return p
}

// text adds inline runs to p; links become hyperlinks.
func (b *builder) text(p *docx.Paragraph, runs inline.Runs) {
	for _, x := range runs {
		if strings.ContainsAny(x.Text, markOpen+markClose) {
			// The marker characters are ours alone (parts.go).
			x.Text = strings.NewReplacer(markOpen, "", markClose, "").Replace(x.Text)
		}
		if x.Text == "" {
			continue
		}
		if x.Link != "" {
			h := p.AddLink(x.Text, x.Link)
			if x.Bold {
				h.Bold(true)
			}
			if x.Italic {
				h.Italic(true)
			}
			continue
		}
		r := p.AddText(x.Text)
		if x.Bold {
			r.Bold(true)
		}
		if x.Italic {
			r.Italic(true)
		}
	}
}

// raw adds a marker run to p that splice replaces by frag; it returns the
// fragment's index.
func (b *builder) raw(p *docx.Paragraph, frag string) int {
	i := len(b.frags)
	b.frags = append(b.frags, frag)
	p.AddText(marker(i))
	return i
}

// image adds pic to p, widthMM wide, with alternative text alt.
func (b *builder) image(p *docx.Paragraph, pic picture, widthMM float64, alt string) {
	b.images++
	n := b.images
	name := "image" + strconv.FormatUint(uint64(n), 10) + "." + pic.ext
	media := pic.part
	media.name = constants.MediaPath + name
	b.parts = append(b.parts, media)
	rid := "rId" + strconv.Itoa(b.rd.Document.IncRelationID())
	b.rd.Document.DocRels.Relationships = append(b.rd.Document.DocRels.Relationships,
		&docx.Relationship{ID: rid, Type: constants.SourceRelationshipImage, Target: "media/" + name})
	w := units.Emu(widthMM * emuPerMM)
	h := units.Emu(float64(w) * float64(pic.h) / float64(pic.w))
	inline := dml.NewInline(*dmlct.NewPostvSz2D(w, h),
		dml.DocProp{ID: uint64(n), Name: alt, Description: alt},
		*dml.NewPicGraphic(dmlpic.NewPic(rid, n, w, h)))
	p.GetCT().Children = append(p.GetCT().Children, ctypes.ParagraphChild{Run: &ctypes.Run{
		Children: []ctypes.RunChild{{Drawing: &dml.Drawing{Inline: []dml.Inline{inline}}}},
	}})
}

// table adds a borderless table of equal columns across the text width.
func (b *builder) table(cols int) (*docx.Table, []uint64) {
	if b.breakNext {
		// A page break cannot sit in a table: a hairline paragraph takes it.
		b.para(sSpacer)
	}
	t := b.rd.AddTable()
	t.Style(sPlainTable)
	tw := b.page.textWidth()
	t.Width(tw, stypes.TableWidthDxa)
	t.Layout(stypes.TableLayoutFixed)
	widths := make([]uint64, cols)
	for i := range widths {
		widths[i] = uint64(tw / cols)
	}
	t.Grid(widths...)
	return t, widths
}

// cell adds a cell of width twips to row, with no fill unless fill is set.
func cell(row *docx.Row, width uint64, fill string) *docx.Cell {
	c := row.AddCell()
	c.Width(int(width), stypes.TableWidthDxa)
	if fill == "" {
		fill = "auto"
	}
	c.BackgroundColor(fill)
	return c
}

// Masthead opens a brief like the PDF's brand band: the wordmark at the
// left; the document type, statement, event and date at the right; an
// accent rule. A brand's own logo sits on white instead of the band.
func (b *builder) Masthead(m *doc.Masthead) error {
	d := &b.r.data
	banded := !m.Wordmark.Logo
	t, w := b.table(2)
	w[0], w[1] = w[0]*9/10, w[1]*11/10
	t.GetCT().Grid.Col[0].Width, t.GetCT().Grid.Col[1].Width = &w[0], &w[1]
	fill, ink, soft := "", d.Primary, d.Muted
	if banded {
		fill, ink, soft = d.Primary, "FFFFFF", d.Light
		pad := ctypes.NewTableWidth(170, stypes.TableWidthDxa)
		t.CellMargin(pad, pad, pad, pad)
	}
	logo, err := b.r.mark(m.Wordmark, banded)
	if err != nil {
		return err
	}
	rule := &ctypes.Border{Val: stypes.BorderStyleSingle, Color: &d.Accent, Size: ptr(18)}
	row := t.AddRow()
	left := cell(row, w[0], fill)
	left.VerticalAlign("center")
	p := left.AddEmptyPara()
	p.Style(sNormal)
	p.GetCT().Property.Spacing = ctypes.NewParagraphSpacing(0, 0)
	b.image(p, logo, 58, m.Wordmark.Alt)
	right := cell(row, w[1], fill)
	right.VerticalAlign("center")
	if banded {
		left.Borders(nil, nil, rule, nil, nil, nil, nil, nil)
		right.Borders(nil, nil, rule, nil, nil, nil, nil, nil)
	}
	p = right.AddEmptyPara()
	p.Style(sMasthead)
	p.AddText(m.Label).Bold(true).Caps(true).Color(d.Accent)
	p = right.AddEmptyPara()
	p.Style(sMasthead)
	p.AddText(m.Statement).Bold(true).Color(ink)
	if m.Line != "" {
		p = right.AddEmptyPara()
		p.Style(sMasthead)
		p.AddText(m.Line).Color(soft)
	}
	if banded {
		b.para(sSpacer).GetCT().Property.Spacing = ctypes.NewParagraphSpacing(0, 160)
	} else {
		b.para(sRule)
	}
	return nil
}

// SourceBlock closes a brief (and the pack's cover): the source's QR code
// at the right; its label, address and the footer line, the date and
// place, the document line and the unofficial note at the left.
func (b *builder) SourceBlock(s *doc.SourceBlock) error {
	b.para(sRule)
	t, w := b.table(2)
	qrW := uint64(twips(24))
	if s.URL == "" {
		qrW = uint64(twips(1))
	}
	w[0], w[1] = uint64(b.page.textWidth())-qrW, qrW
	t.GetCT().Grid.Col[0].Width, t.GetCT().Grid.Col[1].Width = &w[0], &w[1]
	row := t.AddRow()
	left := cell(row, w[0], "")
	left.VerticalAlign("center")
	line := func(runs inline.Runs) {
		p := left.AddEmptyPara()
		p.Style(sSmall)
		b.text(p, runs)
	}
	if s.URL != "" {
		line(inline.Runs{{Text: s.Label, Bold: true}})
		line(inline.Runs{{Text: s.URL, Link: s.URL}})
	}
	if s.Footer != "" {
		line(inline.Runs{{Text: s.Footer}})
	}
	if s.Date != "" || s.Doc != "" {
		// One line for both, where the PDF has room for two.
		runs := inline.Runs{{Text: s.Date, Bold: true}}
		if s.Date != "" && s.Doc != "" {
			runs = append(runs, inline.Run{Text: " · "})
		}
		line(append(runs, inline.Run{Text: s.Doc}))
	}
	if s.Unofficial != "" {
		line(inline.Runs{{Text: s.Unofficial, Bold: true}})
	}
	right := cell(row, w[1], "")
	right.VerticalAlign("center")
	p := right.AddEmptyPara()
	p.Style(sSmall)
	p.Justification(stypes.JustificationRight)
	if s.URL == "" {
		return nil
	}
	qr, err := b.r.qrCode(s)
	if err != nil {
		return err
	}
	b.image(p, qr, 20, s.Label+": "+s.URL)
	return nil
}

// Cover writes the pack's cover page and breaks to a new page: the
// wordmark, a band in the primary colour with the document type, title and
// subtitle, then the event, the place and date, the audience and its note,
// the unofficial note and the source block.
func (b *builder) Cover(c *doc.Cover) error {
	p := b.para(sNormal)
	logo, err := b.r.mark(c.Wordmark, false)
	if err != nil {
		return err
	}
	b.image(p, logo, 80, c.Wordmark.Alt)
	// Cover Kicker, Title and Subtitle share a band in the primary colour.
	b.text(b.para(sCoverKicker), inline.Runs{{Text: c.Kicker}})
	b.text(b.para(sTitle), inline.Runs{{Text: c.Title}})
	if c.Subtitle != "" {
		b.text(b.para(sSubtitle), inline.Runs{{Text: c.Subtitle}})
	}
	p = b.para(sLede)
	p.GetCT().Property.Spacing = ctypes.NewParagraphSpacing(480, 60)
	b.text(p, inline.Runs{{Text: c.Event, Bold: true}})
	if c.When != "" {
		b.text(b.para(sNormal), inline.Runs{{Text: c.When}})
	}
	if c.Audience != "" {
		p = b.para(sKicker)
		p.GetCT().Property.Spacing = ctypes.NewParagraphSpacing(240, 0)
		b.text(p, inline.Runs{{Text: c.PreparedFor}})
		b.text(b.para(sNormal), inline.Runs{{Text: c.Audience, Bold: true}})
	}
	if len(c.Note) > 0 {
		b.text(b.para(sNote), c.Note)
	}
	if c.Unofficial != "" {
		b.text(b.para(sNote), inline.Runs{{Text: c.Unofficial, Bold: true}})
	}
	if c.Source != nil {
		if err := b.SourceBlock(c.Source); err != nil {
			return err
		}
	}
	b.breakNext = true
	return nil
}

// Contents writes the table of contents: a TOC field whose result already
// lists every entry, each a hyperlink to its heading's bookmark.
func (b *builder) Contents(c *doc.Contents) error {
	b.text(b.para(sTOCHeading), inline.Runs{{Text: c.Title}})
	for i, e := range c.Entries {
		lvl := e.Level
		if lvl < 1 || lvl > 2 {
			lvl = 1
		}
		p := b.para("TOC" + strconv.Itoa(lvl))
		b.toc = append(b.toc, tocRef{frag: b.raw(p, ""), first: i == 0, last: i == len(c.Entries)-1, title: e.Title, anchor: e.Anchor})
	}
	return nil
}

// Heading writes the kicker (if any) and the heading, bookmarked by its
// anchor.
func (b *builder) Heading(h *doc.Heading) error {
	if h.Kicker != "" {
		b.text(b.para(sKicker), inline.Runs{{Text: h.Kicker}})
	}
	style := sHeading1
	if h.Level >= 2 {
		style = sHeading2
	}
	p := b.para(style)
	if h.Kicker != "" {
		// The kicker sits tight above its heading.
		p.GetCT().Property.Spacing = &ctypes.Spacing{Before: ptr(uint64(0))}
	}
	if h.Anchor == "" {
		b.text(p, h.Text)
		return nil
	}
	b.marks++
	id := strconv.Itoa(b.marks)
	b.raw(p, `<w:bookmarkStart w:id="`+id+`" w:name="`+esc(bookmarkName(h.Anchor))+`"/>`)
	b.text(p, h.Text)
	b.raw(p, `<w:bookmarkEnd w:id="`+id+`"/>`)
	return nil
}

// Paragraph writes a paragraph in its role's style.
func (b *builder) Paragraph(x *doc.Paragraph) error {
	style := sNormal
	if int(x.Style) < len(paraStyles) {
		style = paraStyles[x.Style]
	}
	b.text(b.para(style), x.Text)
	return nil
}

// List writes one List Bullet paragraph per item; the bullets come from
// the style's numbering.
func (b *builder) List(x *doc.List) error {
	for _, it := range x.Items {
		b.text(b.para(sListBullet), it)
	}
	return nil
}

// Figures writes the key figures as a borderless table: large numerals in
// the accent colour over their labels, on a light ground.
func (b *builder) Figures(f *doc.Figures) error {
	if len(f.Items) == 0 {
		return nil
	}
	if f.Title != "" {
		b.text(b.para(sHeading2), inline.Runs{{Text: f.Title}})
	}
	t, w := b.table(len(f.Items))
	pad := ctypes.NewTableWidth(140, stypes.TableWidthDxa)
	t.CellMargin(pad, pad, pad, pad)
	row := t.AddRow()
	for i, it := range f.Items {
		c := cell(row, w[i], b.r.data.Light)
		gap := &ctypes.Border{Val: stypes.BorderStyleSingle, Color: ptr("FFFFFF"), Size: ptr(24)}
		if i > 0 {
			c.Borders(nil, gap, nil, nil, nil, nil, nil, nil)
		}
		p := c.AddEmptyPara()
		p.Style(sFigureValue)
		p.AddText(it.Value)
		p = c.AddEmptyPara()
		p.Style(sFigureLabel)
		b.text(p, it.Label)
	}
	return nil
}

// PullQuote writes the quote in the Quote style and its speaker and role
// below.
func (b *builder) PullQuote(q *doc.PullQuote) error {
	b.text(b.para(sQuote), q.Text)
	p := b.para(sQuoteSource)
	b.text(p, inline.Runs{{Text: q.Speaker, Bold: true}})
	if q.Role != "" {
		b.text(p, inline.Runs{{Text: ", " + q.Role}})
	}
	return nil
}

// PageBreak starts the next paragraph on a new page.
func (b *builder) PageBreak(*doc.PageBreak) error {
	b.breakNext = true
	return nil
}

func ptr[T any](v T) *T { return &v }

func joinNonEmpty(sep string, parts ...string) string {
	out := ""
	for _, p := range parts {
		if p == "" {
			continue
		}
		if out != "" {
			out += sep
		}
		out += p
	}
	return out
}
