package docx

import (
	"context"
	"encoding/xml"
	"fmt"
	"math"
	"strconv"

	"github.com/gomutex/godocx/common/constants"
	"github.com/gomutex/godocx/common/units"
	"github.com/gomutex/godocx/dml"
	"github.com/gomutex/godocx/dml/dmlct"
	"github.com/gomutex/godocx/dml/dmlpic"
	"github.com/gomutex/godocx/wml/ctypes"
	"github.com/gomutex/godocx/wml/stypes"

	"briefing/briefing/doc"
	"briefing/briefing/inline"
	"briefing/briefing/layout"
	"briefing/briefing/statement"
)

// Style ids in the reference template (layouts/docx/styles.xml).
const (
	sNormal         = "Normal"
	sTitle          = "Title"
	sSubtitle       = "Subtitle"
	sHeading1       = "Heading1"
	sHeading2       = "Heading2"
	sKicker         = "Kicker"
	sCoverKicker    = "CoverKicker"
	sLede           = "Lede"
	sNote           = "Note"
	sSmall          = "Small"
	sNotice         = "Notice"
	sQuote          = "Quote"
	sQuoteSource    = "QuoteSource"
	sSideQuote      = "SideQuote"
	sSideQuoteSmall = "SideQuoteSmall"
	sListBullet     = "ListBullet"
	sFigureValue    = "FigureValue"
	sFigureLabel    = "FigureLabel"
	sFigureSource   = "FigureSource"
	sLabel          = "Label"
	sSource         = "Source"
	sSpeaker        = "Speaker"
	sCoverEvent     = "CoverEvent"
	sCoverDate      = "CoverDate"
	sCoverAudience  = "CoverAudience"
	sMasthead       = "Masthead"
	sMastheadTitle  = "MastheadTitle"
	sMastheadLabel  = "MastheadLabel"
	sRule           = "Rule"
	sSpacer         = "Spacer"
	sTOCHeading     = "TOCHeading"
	sPlainTable     = "PlainTable"
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
	// ctx ends the walk when it is done (see build).
	ctx  context.Context
	r    *Renderer
	d    *doc.Doc
	page page

	// doc is word/document.xml, written as the walk goes; blocks are the
	// body elements of the block being visited, written after it.
	doc    *documentXML
	blocks []xml.Marshaler
	// rels is the document's relationships part; header and footer are
	// the ids of its header and footer parts.
	rels           relationships
	header, footer string
	// breakNext puts a page break before the next paragraph.
	breakNext bool
	// before is space, in points, to add above the next paragraph in the
	// body (under the brief's masthead); afterTable is whether the body's
	// last element is a table (Word joins two tables with nothing between
	// them, so a paragraph must part them).
	before     float64
	afterTable bool
	// onCover is set from the cover to the end of the cover page, whose
	// source block (coverSource) closes it.
	onCover     bool
	coverSource *doc.SourceBlock
	// glance holds the anchors the contents list, and
	// glanceID the glance bookmark's id once it is open (glanceDone once
	// closed).
	glance     map[string]bool
	glanceID   int
	glanceDone bool
	// cols is the brief's two-column layout table once its first column
	// block is written, until the source block (or the end) places it in
	// the body; into is the cell that paragraphs and tables go to, nil for
	// the body.
	cols *briefColumns
	into *cell
	// set is how the fit decided a brief is set: its quote one step
	// down, its side column's width, its key figures across the page.
	set briefSet
	// pages and anchors are the estimated page count and the page of each
	// anchor, for the cached field results; Word updates them on open.
	pages   int
	anchors map[string]int
	// toc is whether the document has a table of contents.
	toc    bool
	marks  int
	images uint
	// parts are the package parts made for this document.
	parts []part
}

var _ doc.Visitor = (*builder)(nil)

// newBuilder starts the document and its relationships: the reference
// template parts, then the header and the footer.
func newBuilder(ctx context.Context, r *Renderer, d *doc.Doc, pg page, pages int, anchors map[string]int) (*builder, error) {
	x, err := newDocumentXML()
	if err != nil {
		return nil, fmt.Errorf("docx: %w", err)
	}
	b := &builder{ctx: ctx, r: r, d: d, page: pg, pages: pages, anchors: anchors, doc: x}
	for _, t := range templateRels {
		b.rels.add(relNS+t.typ, t.target, false)
	}
	b.header = b.rels.add(relNS+"header", "header1.xml", false)
	b.footer = b.rels.add(relNS+"footer", "footer1.xml", false)
	return b, nil
}

// build walks the Doc into the body (a brief between its masthead and its
// source block), writing each block's elements as it goes, then makes the
// per-document parts and the section properties: paper, margins, header
// and footer, a title page for the pack. It returns document.xml, or
// the context's error when it is done before the last block.
func (b *builder) build() ([]byte, error) {
	m := &b.d.Meta

	for _, bl := range b.d.Blocks {
		if err := b.ctx.Err(); err != nil {
			return nil, err
		}
		if err := bl.Accept(b); err != nil {
			return nil, err
		}
		// The last element waits for the next block, which may give it
		// space under it (lastPara).
		n := len(b.blocks)
		if n < 2 {
			continue
		}
		if err := b.doc.add(b.blocks[:n-1]...); err != nil {
			return nil, fmt.Errorf("docx: %w", err)
		}
		b.blocks[0] = b.blocks[n-1]
		clear(b.blocks[1:])
		b.blocks = b.blocks[:1]
	}
	if err := b.closeCover(); err != nil {
		return nil, err
	}
	b.endColumns()
	if err := b.doc.add(b.blocks...); err != nil {
		return nil, fmt.Errorf("docx: %w", err)
	}

	data := b.r.data
	data.Lang = wordLang(m.Lang)
	settings, err := execute(b.r.parts["settings.xml"], data)
	if err != nil {
		return nil, err
	}
	header, err := headerXML(b.d.Header, b.r.data.Primary)
	if err != nil {
		return nil, err
	}
	footer, err := footerXML(b.d.Footer, b.pages)
	if err != nil {
		return nil, err
	}
	core, err := coreXML(m)
	if err != nil {
		return nil, err
	}
	app, err := appXML(m)
	if err != nil {
		return nil, err
	}
	b.parts = append(b.parts,
		part{name: "word/settings.xml", data: settings},
		part{name: "word/header1.xml", data: header},
		part{name: "word/footer1.xml", data: footer},
		part{name: "docProps/core.xml", data: core},
		part{name: "docProps/app.xml", data: app})

	p := b.page
	w, h := uint64(p.W), uint64(p.H)
	hdr, ftr, gutter := twips(8), twips(8), 0 // the schema requires w:gutter
	sect := &ctypes.SectionProp{
		HeaderReference: &ctypes.HeaderReference{Type: stypes.HdrFtrDefault, ID: b.header},
		FooterReference: &ctypes.FooterReference{Type: stypes.HdrFtrDefault, ID: b.footer},
		PageSize:        &ctypes.PageSize{Width: &w, Height: &h},
		PageMargin:      &ctypes.PageMargin{Top: &p.Top, Right: &p.Right, Bottom: &p.Bottom, Left: &p.Left, Header: &hdr, Footer: &ftr, Gutter: &gutter},
	}
	if m.Kind == statement.KindPack {
		// The first page, the cover, has no header or footer: the running
		// lines start after it, as on the PDF's pages.
		sect.TitlePg = ctypes.NewGenSingleStrVal(stypes.OnOffTrue)
	}
	doc, err := b.doc.close(sect)
	if err != nil {
		return nil, fmt.Errorf("docx: %w", err)
	}
	return doc, nil
}

// para adds a paragraph in style to the body, on a new page after a
// PageBreak.
func (b *builder) para(style string) *paragraph {
	p := newPara(style)
	if b.breakNext {
		p.props.PageBreakBefore = &ctypes.OnOff{}
		b.breakNext = false
	}
	if b.before > 0 && b.into == nil {
		// The space under the masthead, on top of the style's own.
		own := 0.0
		if r, ok := styleRoles[style]; ok {
			own = b.r.m[r].Before
		}
		p.props.Spacing = &ctypes.Spacing{Before: ptr(uint64(twipsPt(own + b.before)))}
		b.before = 0
	}
	b.add(p)
	return p
}

// styleRoles are the roles of the styles that may open a brief's body,
// under its masthead.
var styleRoles = map[string]layout.TextRole{
	sKicker: layout.TextKicker, sHeading1: layout.TextTitle, sNormal: layout.TextBody, sLede: layout.TextLede,
}

// add puts a paragraph or table in the current cell, or in the body.
func (b *builder) add(x xml.Marshaler) {
	if b.into != nil {
		b.into.add(x)
		return
	}
	_, b.afterTable = x.(*table)
	b.blocks = append(b.blocks, x)
}

// lastPara returns the body's last element if it is a paragraph not yet
// written, else nil.
func (b *builder) lastPara() *paragraph {
	if b.into != nil || len(b.blocks) == 0 {
		return nil
	}
	p, _ := b.blocks[len(b.blocks)-1].(*paragraph)
	return p
}

// width is the width, in twips, that a table made now spans: the text
// width, or the current cell's.
func (b *builder) width() int {
	if b.cols != nil && b.into == b.cols.side {
		return b.cols.sideW
	}
	if b.cols != nil && b.into == b.cols.main {
		return b.cols.mainW
	}
	return b.page.textWidth()
}

// text adds inline runs to p; links become hyperlinks.
func (b *builder) text(p *paragraph, runs inline.Runs) {
	for _, x := range runs {
		if x.Text == "" {
			continue
		}
		var props *ctypes.RunProperty
		if x.Link != "" {
			props = &ctypes.RunProperty{Style: ctypes.NewCTString(constants.HyperLinkStyle)}
		}
		if x.Bold || x.Italic || x.Lang != "" {
			if props == nil {
				props = &ctypes.RunProperty{}
			}
			if x.Bold {
				props.Bold = ctypes.OnOffFromBool(true)
			}
			if x.Italic {
				props.Italic = ctypes.OnOffFromBool(true)
			}
			props.Lang = runLang(x.Lang)
		}
		r := textRun(x.Text, props)
		if x.Link == "" {
			p.add(r)
			continue
		}
		p.add(&hyperlink{id: b.rels.add(relHyperlink, x.Link, true), content: []xml.Marshaler{r}})
	}
}

// image adds pic to p, widthMM wide, with alternative text alt.
func (b *builder) image(p *paragraph, pic picture, widthMM float64, alt string) {
	b.images++
	n := b.images
	name := "image" + strconv.FormatUint(uint64(n), 10) + "." + pic.ext
	media := pic.part
	media.name = constants.MediaPath + name
	b.parts = append(b.parts, media)
	rid := b.rels.add(relImage, "media/"+name, false)
	w := units.Emu(widthMM * emuPerMM)
	h := units.Emu(float64(w) * float64(pic.h) / float64(pic.w))
	inline := dml.NewInline(*dmlct.NewPostvSz2D(w, h),
		dml.DocProp{ID: uint64(n), Name: alt, Description: alt},
		*dml.NewPicGraphic(dmlpic.NewPic(rid, n, w, h)))
	p.add(&ctypes.Run{Children: []ctypes.RunChild{{Drawing: &dml.Drawing{Inline: []dml.Inline{inline}}}}})
}

// columns returns the widths of n equal columns across the width.
func (b *builder) columns(n int) []uint64 {
	w := make([]uint64, n)
	for i := range w {
		w[i] = uint64(b.width() / n)
	}
	return w
}

// table adds a borderless table across the width with columns of widths.
func (b *builder) table(widths []uint64) *table {
	if b.breakNext {
		// A page break cannot sit in a table: a hairline paragraph takes it.
		b.para(sSpacer)
	}
	t := newTable(b.width(), widths)
	b.add(t)
	return t
}

// Masthead opens a brief like the PDF's brand band: the wordmark at the
// left, the layout's BriefMark high; the document type, statement, event
// and date at the right; an accent rule. A brand's own logo sits on white
// instead of the band.
func (b *builder) Masthead(m *doc.Masthead) error {
	d := &b.r.data
	banded := !m.Wordmark.Logo
	logo, markW, _, err := b.r.markFor(m.Wordmark, banded, b.r.geo.BriefMark)
	if err != nil {
		return err
	}
	tw := b.page.textWidth()
	pad := 0
	if banded {
		pad = twipsPt(bandPad)
	}
	left := twips(markW) + 2*pad
	w := []uint64{uint64(left), uint64(tw - left)}
	t := b.table(w)
	fill := ""
	var ink, soft, label string // the band's colours are the styles'
	if banded {
		fill = d.Primary
		p := ctypes.NewTableWidth(pad, stypes.TableWidthDxa)
		t.props.CellMargin = &ctypes.CellMargins{Top: p, Left: p, Bottom: p, Right: p}
	} else {
		ink, soft, label = d.Primary, d.Muted, d.AccentText
	}
	rule := &ctypes.Border{Val: stypes.BorderStyleSingle, Color: &d.Accent, Size: ptr(18)}
	row := t.addRow()
	lc := row.addCell(w[0], fill)
	lc.centre()
	if banded {
		// The wordmark's picture has its own margin above and below.
		lc.margins(0, pad, 0, pad)
	}
	p := lc.para(sNormal)
	p.props.Spacing = &ctypes.Spacing{Before: ptr(uint64(0)), After: ptr(uint64(0)), Line: ptr(240), LineRule: ptr(stypes.LineSpacingRuleAuto)}
	b.image(p, logo, markW, m.Wordmark.Alt)
	rc := row.addCell(w[1], fill)
	rc.centre()
	if banded {
		lc.props.Borders = &ctypes.CellBorders{Bottom: rule}
		rc.props.Borders = &ctypes.CellBorders{Bottom: rule}
	}
	colour := func(c string) *ctypes.RunProperty {
		if c == "" {
			return nil
		}
		return &ctypes.RunProperty{Color: ctypes.NewColor(c)}
	}
	rc.para(sMastheadLabel).add(textRun(m.Label, colour(label)))
	props := colour(ink)
	if m.StatementLang != "" {
		if props == nil {
			props = &ctypes.RunProperty{}
		}
		props.Lang = runLang(m.StatementLang)
	}
	rc.para(sMastheadTitle).add(textRun(m.Statement, props))
	if m.Line != "" {
		rc.para(sMasthead).add(textRun(m.Line, colour(soft)))
	}
	if banded {
		b.before = spacerH
	} else {
		// The rule under a logo on white: the row's bottom border, and
		// the space the Rule paragraph took under it (its line, the
		// border's 1 pt space, its space after).
		hair := &ctypes.Border{Val: stypes.BorderStyleSingle, Color: &d.Light, Size: ptr(6)}
		lc.props.Borders = &ctypes.CellBorders{Bottom: hair}
		rc.props.Borders = &ctypes.CellBorders{Bottom: hair}
		b.before = ruleH + 1
	}
	return nil
}

// SourceBlock closes a brief (and the pack's cover): the source's QR code
// at the right; its label, address and the footer line, the date and
// place, the document line and the unofficial note at the left.
func (b *builder) SourceBlock(s *doc.SourceBlock) error {
	b.endColumns()
	// The rule above the source: the table's top border, with the rule's
	// space under it, unless a table is last in the body (a brief's
	// columns), which a paragraph must part from this one: a Rule
	// paragraph, the rule its border.
	ruled := b.afterTable || b.into != nil
	if ruled {
		b.para(sRule)
	}
	qrW := uint64(twips(b.r.geo.QR + qrGap))
	if s.URL == "" {
		qrW = uint64(twips(1))
	}
	w := []uint64{uint64(b.page.textWidth()) - qrW, qrW}
	row := b.table(w).addRow()
	left := row.addCell(w[0], "")
	left.centre()
	right := row.addCell(w[1], "")
	right.centre()
	if !ruled {
		hair := &ctypes.Border{Val: stypes.BorderStyleSingle, Color: &b.r.data.Light, Size: ptr(6)}
		for _, c := range []*cell{left, right} {
			c.props.Borders = &ctypes.CellBorders{Top: hair}
			c.margins(twipsPt(ruleH-0.75), 0, 0, 0)
		}
	}
	line := func(runs inline.Runs) { b.text(left.para(sSource), runs) }
	if s.URL != "" {
		if s.Address == "" {
			// The label names the address: it carries the link.
			line(inline.Runs{{Text: s.Label, Bold: true, Link: s.URL}})
		} else {
			line(inline.Runs{{Text: s.Label, Bold: true}})
			line(inline.Runs{{Text: s.Address, Link: s.URL}})
		}
	}
	if s.Footer != "" {
		line(inline.Runs{{Text: s.Footer}})
	}
	if s.Contact != nil {
		line(s.Contact.Runs())
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
		b.text(left.para(sNotice), inline.Runs{{Text: s.Unofficial}})
	}
	p := right.para(sSource)
	p.props.Spacing = &ctypes.Spacing{Line: ptr(240), LineRule: ptr(stypes.LineSpacingRuleAuto)}
	p.props.Justification = ctypes.NewGenSingleStrVal(stypes.JustificationRight)
	if s.URL == "" {
		return nil
	}
	qr, err := b.r.qrCode(s)
	if err != nil {
		return err
	}
	b.image(p, qr, b.r.geo.QR, s.Label+": "+s.URL)
	return nil
}

// Cover writes the pack's cover page: the wordmark, a band in the
// primary colour with the document type, title and subtitle, then the
// event, the place and date, the audience and its note and the
// unofficial note. The contents ("at a glance") follow on the cover page,
// then the cover's source block with the QR code closes it (Contents).
func (b *builder) Cover(c *doc.Cover) error {
	p := b.para(sNormal)
	p.props.Spacing = &ctypes.Spacing{Line: ptr(240), LineRule: ptr(stypes.LineSpacingRuleAuto)}
	logo, markW, _, err := b.r.markFor(c.Wordmark, false, b.r.geo.CoverMark)
	if err != nil {
		return err
	}
	b.image(p, logo, markW, c.Wordmark.Alt)
	// Cover Kicker, Title and Subtitle share a band in the primary colour.
	b.text(b.para(sCoverKicker), inline.Runs{{Text: c.Kicker}})
	b.text(b.para(sTitle), inline.Runs{{Text: c.Title, Lang: c.TitleLang}})
	if c.Subtitle != "" {
		b.text(b.para(sSubtitle), inline.Runs{{Text: c.Subtitle, Lang: c.SubtitleLang}})
	}
	p = b.para(sCoverEvent)
	p.props.Spacing = &ctypes.Spacing{Before: ptr(uint64(twipsPt(b.r.m[layout.TextTitle].Before)))}
	b.text(p, inline.Runs{{Text: c.Event}})
	if c.When != "" {
		b.text(b.para(sCoverDate), inline.Runs{{Text: c.When}})
	}
	if c.Audience != "" {
		p = b.para(sKicker)
		p.props.Spacing = &ctypes.Spacing{Before: ptr(uint64(twipsPt(b.r.m[layout.TextBody].Before)))}
		b.text(p, inline.Runs{{Text: c.PreparedFor}})
		b.text(b.para(sCoverAudience), inline.Runs{{Text: c.Audience}})
	}
	if len(c.Note) > 0 {
		b.text(b.para(sNote), c.Note)
	}
	if c.Unofficial != "" {
		b.text(b.para(sNotice), inline.Runs{{Text: c.Unofficial}})
	}
	b.coverSource = c.Source
	b.onCover = true
	return nil
}

// closeCover writes the cover's source block, last on the cover page.
func (b *builder) closeCover() error {
	if !b.onCover {
		return nil
	}
	b.onCover = false
	if b.coverSource == nil {
		return nil
	}
	return b.SourceBlock(b.coverSource)
}

// tocField is the contents field: level-1 headings only, as hyperlinks,
// no page numbers in web view, by outline level, within the glance
// bookmark (the headings the contents list: a pack's recommendations).
// Its result lists exactly those Heading 1 paragraphs, so an update in
// Word changes nothing.
const tocField = `TOC \o "1-1" \b ` + glanceMark + ` \h \z \u`

// glanceMark is the hidden bookmark (its name starts with "_", as Word's
// own _Toc marks do) around the headings the contents list.
const glanceMark = "_Glance"

// Contents writes the table of contents as Word writes an updated TOC
// field: the field starts in the first entry's paragraph, each level-1
// entry is a paragraph in the TOC 1 style with its right-aligned tab
// leader, the text of its heading's paragraph hyperlinked to the heading's
// bookmark and its PAGEREF page number, and the field ends in a paragraph
// of its own. An entry's title is its heading's text (what Word would
// put there), not the contents label, which may add a number.
func (b *builder) Contents(c *doc.Contents) error {
	b.text(b.para(sTOCHeading), inline.Runs{{Text: c.Title}})
	b.glance = map[string]bool{}
	for _, e := range c.Entries {
		if e.Level <= 1 {
			b.glance[e.Anchor] = true
		}
	}
	headings := map[string]string{}
	for _, bl := range b.d.Blocks {
		if h, ok := bl.(*doc.Heading); ok && h.Anchor != "" && h.Level <= 1 {
			headings[h.Anchor] = h.Text.Plain()
		}
	}
	first := true
	for _, e := range c.Entries {
		if e.Level > 1 {
			continue
		}
		title, ok := headings[e.Anchor]
		if !ok {
			title = e.Title
		}
		p := b.para("TOC1")
		// The flow's gap between entries, as between the PDF's blocks.
		p.props.Spacing = &ctypes.Spacing{Before: ptr(uint64(twipsPt(b.r.m[layout.TextBody].Before)))}
		leader := stypes.CustLeadCharDot
		p.props.Tabs = ctypes.Tabs{Tab: []ctypes.Tab{{Val: stypes.CustTabStopRight, Position: b.page.textWidth(), LeaderChar: &leader}}}
		if first {
			p.add(fieldBegin(tocField)...)
			first = false
		}
		p.add(tocEntry(title, bookmarkName(e.Anchor), b.anchors[e.Anchor]))
		b.toc = true
	}
	if !first {
		b.para(sNormal).add(fieldCharRun{typ: fieldCharEnd, props: &ctypes.RunProperty{NoGrammar: &ctypes.OnOff{}}})
	}
	return b.closeCover()
}

// Heading writes the kicker (if any) and the heading, bookmarked by its
// anchor.
func (b *builder) Heading(h *doc.Heading) error {
	// A pack's recommendations flow on from the context, one after the
	// other, each after space and a hairline: the top border of its first
	// paragraph (the kicker, or the heading), not a paragraph of its own.
	rule := b.d.Meta.Kind == statement.KindPack && h.Rec != nil && !b.breakNext
	if h.Level >= 2 || b.cols != nil {
		// A brief's title runs across the page; the rest is its main text.
		b.column(false)
	}
	if h.Kicker != "" {
		k := b.para(sKicker)
		if rule {
			b.separator(k, layout.TextKicker)
			rule = false
		}
		b.text(k, inline.Runs{{Text: h.Kicker}})
	}
	style := sHeading1
	if h.Level >= 2 {
		style = sHeading2
	}
	first := b.first()
	p := b.para(style)
	if h.Kicker != "" || first {
		// The kicker sits tight above its heading; nothing is above the
		// first in a column.
		p.props.Spacing = &ctypes.Spacing{Before: ptr(uint64(0))}
	}
	if rule {
		role := layout.TextTitle
		if h.Level >= 2 {
			role = layout.TextH2
		}
		b.separator(p, role)
	}
	if b.d.Meta.Kind == statement.KindBrief && h.Level <= 1 {
		// The layout's space between a brief's title and its columns.
		if p.props.Spacing == nil {
			p.props.Spacing = &ctypes.Spacing{}
		}
		p.props.Spacing.After = ptr(uint64(twips(b.r.geo.TitleGap)))
	}
	if h.Anchor == "" {
		b.text(p, h.Text)
		return nil
	}
	if h.Level <= 1 {
		b.markGlance(p, h.Anchor)
	}
	b.marks++
	p.add(bookmarkStart{id: b.marks, name: bookmarkName(h.Anchor)})
	b.text(p, h.Text)
	p.add(bookmarkEnd{id: b.marks})
	return nil
}

// separator puts the hairline that opens a pack's recommendation on p, its
// first paragraph: a title's space above it, the rule (a top border), and
// a body gap under it, as the layout's separator; the paragraph's own
// space above goes under the rule.
func (b *builder) separator(p *paragraph, role layout.TextRole) {
	m := b.r.m
	above := m[layout.TextTitle].Before + separatorLine
	under := int(math.Round(m[layout.TextBody].Before + m[role].Before))
	p.props.Spacing = &ctypes.Spacing{Before: ptr(uint64(twipsPt(above)))}
	p.props.Border = &ctypes.ParaBorder{Top: &ctypes.Border{Val: stypes.BorderStyleSingle, Size: ptr(int(separatorRule * 8)),
		Space: ptr(strconv.Itoa(min(under, 31))), Color: ptr(b.r.data.Muted)}}
}

// markGlance opens the glance bookmark (tocField) at the first level-1
// heading the contents list, and closes it at the first level-1 heading
// after that they do not list.
func (b *builder) markGlance(p *paragraph, anchor string) {
	switch {
	case b.glance[anchor] && b.glanceID == 0:
		b.marks++
		b.glanceID = b.marks
		p.add(bookmarkStart{id: b.glanceID, name: glanceMark})
	case !b.glance[anchor] && b.glanceID != 0 && !b.glanceDone:
		p.add(bookmarkEnd{id: b.glanceID})
		b.glanceDone = true
	}
}

// Paragraph writes a paragraph in its role's style.
func (b *builder) Paragraph(x *doc.Paragraph) error {
	b.column(false)
	style := sNormal
	if int(x.Style) < len(paraStyles) {
		style = paraStyles[x.Style]
	}
	if b.set.lede && b.cols != nil && b.into == b.cols.main && b.first() && x.Style == doc.ParaBody {
		style = sLede // the first paragraph, set as the PDF's lede
	}
	b.flow(style, x.Text)
	return nil
}

// first reports whether the next paragraph is the first in its cell.
func (b *builder) first() bool {
	return b.into != nil && len(b.into.content) == 0
}

// flow adds a paragraph of runs in style; in a brief's column, the
// layout's BriefGap above it (in body lines), none above the first.
func (b *builder) flow(style string, runs inline.Runs) {
	first := b.first()
	p := b.para(style)
	if b.into != nil {
		before := twipsPt(b.r.geo.BriefGap * b.r.m[layout.TextBody].Leading)
		if first {
			before = 0
		}
		p.props.Spacing = &ctypes.Spacing{Before: ptr(uint64(before))}
	}
	b.text(p, runs)
}

// List writes one List Bullet paragraph per item; the bullets come from
// the style's numbering.
func (b *builder) List(x *doc.List) error {
	b.column(false)
	for _, it := range x.Items {
		b.flow(sListBullet, it)
	}
	return nil
}

// Figures writes the key figures: in a brief's side column, a panel
// (figuresPanel); else, as the layout's figures row, one tinted panel
// across the width with an accent bar on top, the label, the figures side
// by side (large numerals over their labels) and the source line. In a
// brief whose fit spans them, the row goes across the page above the
// columns.
func (b *builder) Figures(f *doc.Figures) error {
	if len(f.Items) == 0 {
		return nil
	}
	if twoColumns(b.d) && !b.set.span {
		b.column(true)
		return b.figuresPanel(f)
	}
	if b.set.span {
		// Across the page, above the columns (placed after it, by
		// endColumns), the layout's SideGap under it.
		into := b.into
		b.into = nil
		defer func() {
			b.para(sSpacer).props.Spacing = &ctypes.Spacing{After: ptr(uint64(twips(b.r.geo.SideGap)))}
			b.into = into
		}()
	} else if p := b.lastPara(); p != nil && !b.breakNext {
		// The space above key figures in the flow: under the paragraph
		// before them (a table has no space above).
		if p.props.Spacing == nil {
			p.props.Spacing = &ctypes.Spacing{}
		}
		p.props.Spacing.After = ptr(uint64(twipsPt(spacerH - 8 + b.r.m[layout.TextFigure].Before)))
	} else {
		b.para(sSpacer).props.Spacing = &ctypes.Spacing{After: ptr(uint64(twipsPt(b.r.m[layout.TextFigure].Before)))}
	}
	d, g := &b.r.data, b.r.geo
	n := len(f.Items)
	w := b.columns(n)
	tw := 0
	for _, x := range w {
		tw += int(x)
	}
	t := b.table(w)
	pad, gap := twips(g.SidePad), twips(labelGap)
	bar := &ctypes.Border{Val: stypes.BorderStyleSingle, Color: &d.Accent, Size: ptr(int(math.Round(g.PanelBar / layout.MMPerPt * 8)))}
	rows := 1
	if f.Title != "" {
		rows++
	}
	if len(f.Source) > 0 {
		rows++
	}
	r := 0
	// cell adds a cell to row rw spanning span columns, padded as its
	// place in the panel says.
	cell := func(rw *row, width uint64, span int) *cell {
		c := rw.addCell(width, d.Light)
		top, bottom := 0, 0
		if r == 0 {
			top = pad
			c.props.Borders = &ctypes.CellBorders{Top: bar}
		}
		if r == rows-1 {
			bottom = pad
		}
		c.margins(top, pad, bottom, pad)
		if span > 1 {
			c.props.GridSpan = &ctypes.DecimalNum{Val: span}
		}
		return c
	}
	if f.Title != "" {
		c := cell(t.addRow(), uint64(tw), n)
		p := c.para(sLabel)
		p.props.Spacing = &ctypes.Spacing{Before: ptr(uint64(0)), After: ptr(uint64(gap))}
		b.text(p, inline.Runs{{Text: f.Title}})
		r++
	}
	size := b.r.panelFigureSize(f, float64(int(w[0])-2*pad)/20)
	fm := b.r.m[layout.TextFigure]
	rw := t.addRow()
	for i, it := range f.Items {
		c := cell(rw, w[i], 1)
		p := c.para(sFigureValue)
		p.props.Spacing = &ctypes.Spacing{Before: ptr(uint64(0))}
		var props *ctypes.RunProperty
		if size != fm.Size {
			hp := uint64(halfPoints(size))
			props = &ctypes.RunProperty{Size: ctypes.NewFontSize(hp), SizeCs: ctypes.NewFontSizeCS(hp)}
		}
		p.add(textRun(it.Value, props))
		b.text(c.para(sFigureLabel), it.Label)
	}
	r++
	if len(f.Source) > 0 {
		c := cell(t.addRow(), uint64(tw), n)
		p := c.para(sFigureSource)
		p.props.Spacing = &ctypes.Spacing{Before: ptr(uint64(gap))}
		b.text(p, f.Source)
	}
	return nil
}

// PullQuote writes the quote in the Quote style and its speaker (in
// the Speaker style) and role below, as compose gives them; in a brief's
// side column, under the key figures at the layout's SideGap, at the size
// the fit chose (the PDF's: one step smaller for a long quote, one larger
// on a short brief). The opening mark hangs in the indent, as the PDF's,
// so that the text's left edge is straight.
func (b *builder) PullQuote(q *doc.PullQuote) error {
	b.column(true)
	style := sQuote
	first := b.first()
	qm := b.r.m[layout.TextQuote]
	size := qm.Size
	if b.cols != nil {
		style = sSideQuote
		if s := b.set.quote; s > 0 && s != qm.Size {
			size = s
			if s == b.r.sc.Below(qm.Size) {
				style = sSideQuoteSmall
			}
		}
	}
	p := b.para(style)
	if b.cols != nil && !first {
		p.props.Spacing = &ctypes.Spacing{Before: ptr(uint64(twips(b.r.geo.SideGap)))}
	}
	if mark := layout.OpeningMark(q.Text); mark != "" {
		// The hang is in whole points, as the accent bar's space is: Word
		// and LibreOffice draw a left border off the first line's hanging
		// edge, so the bar keeps its place (level with the speaker's) only
		// with its space less the hang.
		w := b.r.st.Type.Width(mark, qm.Style.With(q.Text[0].Bold, q.Text[0].Italic), size)
		if hang := min(int(math.Round(w)), b.r.data.QuoteSpace); hang > 0 {
			d := &b.r.data
			p.props.Indent = &ctypes.Indent{Left: ptr(twipsPt(qm.Indent)), Hanging: ptr(uint64(20 * hang))}
			p.props.Border = &ctypes.ParaBorder{Left: &ctypes.Border{Val: stypes.BorderStyleSingle, Size: ptr(d.QuoteBar),
				Space: ptr(strconv.Itoa(d.QuoteSpace - hang)), Color: ptr(d.Accent)}}
		}
	}
	b.text(p, q.Text)
	if style == sSideQuote && size != qm.Size {
		// A size off the styles' steps (a short brief's larger quote):
		// on every run; the line spacing (lineRule auto) scales with it.
		hp := uint64(halfPoints(size))
		for _, c := range p.content {
			r, ok := c.(*ctypes.Run)
			if !ok {
				continue
			}
			if r.Property == nil {
				r.Property = &ctypes.RunProperty{}
			}
			r.Property.Size, r.Property.SizeCs = ctypes.NewFontSize(hp), ctypes.NewFontSizeCS(hp)
		}
	}
	p = b.para(sQuoteSource)
	p.add(textRun(q.Speaker, &ctypes.RunProperty{Style: ctypes.NewCTString(sSpeaker)}))
	if q.Role != "" {
		b.text(p, inline.Runs{{Text: ", " + q.Role}})
	}
	return nil
}

// PageBreak starts the next paragraph on a new page (after the cover's
// source block, on the cover).
func (b *builder) PageBreak(*doc.PageBreak) error {
	if err := b.closeCover(); err != nil {
		return err
	}
	b.breakNext = true
	return nil
}

func ptr[T any](v T) *T { return &v }
