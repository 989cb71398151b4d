// Package doc is the format-neutral model of a document: everything it
// shows, in reading order, page furniture included, as a closed set of
// blocks walked with a Visitor. It is the contract between compose, which
// makes a Doc, and the layout and exporters, which place and write it.
//
// Data flows one way: statement data (package statement) → this model
// (made by package compose) → layout (package layout: pages of boxes with
// roles) → exporters (packages pdf and docx) → files (package batch).
// Fonts are read once, by package font.
package doc

import (
	"time"

	"briefing/briefing/inline"
	"briefing/briefing/input"
	"briefing/briefing/qrcode"
	"briefing/briefing/statement"
)

// Doc is one document in the format-neutral model: everything it shows, in
// reading order, page furniture included (masthead, source block, cover,
// running header and footer). It says what a page shows, not where: the
// layout package places it on PDF pages, and the DOCX writer hands it to
// Word; neither adds words of its own, so a PDF and a DOCX of one Doc carry
// the same words. Where the PDF sets two fields apart (a source block's
// date and document label, a quote's speaker and role), the DOCX writer
// joins them on one line with a separator, " · " or ", ".
type Doc struct {
	Meta Meta
	// Header and Footer are the running lines of every page but the first
	// (a pack's); nil for none.
	Header *Running `json:"header,omitempty"`
	Footer *Running `json:"footer,omitempty"`
	Blocks []Block
}

// Meta is the document's properties: what goes into the file's metadata,
// not onto its pages.
type Meta struct {
	Kind statement.Kind
	// Lang is the document language as a BCP 47 tag ("en", "es").
	Lang string
	// Paper is the paper the batch plan decided on; compose copies it from
	// its options and nothing downstream chooses another.
	Paper statement.Paper
	// Print is what the document is made for: a screen (empty, or
	// statement.PrintScreen), an office printer or a print shop; the batch
	// plan decides it, compose copies it, and the layout sets the page for
	// it (a safe edge, a bleed and crop marks, an even page count).
	Print statement.Print

	// Title is the document title (a brief's is its recommendation's).
	Title    string
	Subtitle string
	// Subject and Keywords go into the document properties.
	Subject  string
	Keywords []string
	// Author is the organisation's name.
	Author string
	// Creator is the tool name and version.
	Creator string
	// Date is the statement's date (or SOURCE_DATE_EPOCH), for the
	// document properties.
	Date time.Time
}

// Running is a running header or footer line. Lead is set first and
// strong (the organisation's short name), Text after it (shortened with
// "…" when the line is too narrow), Flag at the far end in the accent
// colour (the unofficial-translation label). Page, in a footer, is the
// page label with two %d verbs for the page and the page count ("Page %d of
// %d").
type Running struct {
	Lead string `json:"lead,omitempty"`
	Text string `json:"text,omitempty"`
	Flag string `json:"flag,omitempty"`
	Page string `json:"page,omitempty"`
}

// Block is one element of a Doc's flow. The set of blocks is closed: every
// block implements Accept, and a renderer implements Visitor, so that adding
// a block type is a compile error in every renderer until it handles it.
type Block interface {
	Accept(v Visitor) error
}

// Visitor is implemented by renderers: one method per block type.
type Visitor interface {
	Masthead(*Masthead) error
	Cover(*Cover) error
	Contents(*Contents) error
	Heading(*Heading) error
	Paragraph(*Paragraph) error
	List(*List) error
	Figures(*Figures) error
	PullQuote(*PullQuote) error
	SourceBlock(*SourceBlock) error
	PageBreak(*PageBreak) error
}

// Walk calls v for every block of d in order and stops at the first error.
func Walk(d *Doc, v Visitor) error {
	for _, b := range d.Blocks {
		if err := b.Accept(v); err != nil {
			return err
		}
	}
	return nil
}

// Wordmark is the organisation's mark: the brand's logo when it has one
// (Logo set; Alt its text alternative), else a typographic wordmark of the
// short name and the name. Alt is what a screen reader says for it; At is
// where the organisation's name is in the data, for an error when it is
// too long for the mark.
type Wordmark struct {
	Logo  bool        `json:"logo,omitempty"`
	Short string      `json:"short,omitempty"`
	Name  string      `json:"name,omitempty"`
	Alt   string      `json:"alt"`
	At    input.Place `json:"at,omitzero"`
}

// Masthead opens a brief: the wordmark, the document type (Label), the
// statement's title and a line with the event and date. At is where the
// statement's title is in the data, for an error when it is too long for
// the masthead.
type Masthead struct {
	Wordmark  Wordmark `json:"wordmark"`
	Label     string   `json:"label"`
	Statement string   `json:"statement"`
	// StatementLang is the statement title's language when it is not the
	// document's (a translation's fallback text, see inline.Run.Lang).
	StatementLang string      `json:"statement_lang,omitempty"`
	Line          string      `json:"line,omitempty"`
	At            input.Place `json:"at,omitzero"`
}

// SourceBlock points readers at the source: a QR code of URL with its
// label, which says where it leads ("Scan to read the full statement" for
// the statement's own page, "drc.ngo – Danish Refugee Council" for the
// organisation's website), the address printed once (Address, empty when
// the label already names it), the footer line, and beside them the
// contact, the date and place (when the page shows them nowhere else),
// the document line ("Brief · Recommendation 1 of 4") and the
// unofficial-translation note. It closes a brief and the pack's cover.
// URL is the QR code's target and the link of the address (or, without an
// address line, of the label).
type SourceBlock struct {
	URL        string   `json:"url,omitempty"`
	Label      string   `json:"label,omitempty"`
	Address    string   `json:"address,omitempty"`
	Footer     string   `json:"footer,omitempty"`
	Contact    *Contact `json:"contact,omitempty"`
	Date       string   `json:"date,omitempty"`
	Doc        string   `json:"doc,omitempty"`
	Unofficial string   `json:"unofficial,omitempty"`
	// QR is URL encoded as a QR code, made once (by compose) for every
	// exporter to draw; nil when URL is empty or too long for a QR code.
	QR *qrcode.Code `json:"-"`
}

// Contact is who to reach about the statement, as printed: Label
// ("Contact") and a name, a role, an e-mail address and a phone number,
// any of which may be empty. Text and Runs are the line both exporters
// print, so that they print the same words. At is where the contact is in
// the data, for an error when it is too long for its place.
type Contact struct {
	Label string      `json:"label"`
	Name  string      `json:"name,omitempty"`
	Role  string      `json:"role,omitempty"`
	Email string      `json:"email,omitempty"`
	Phone string      `json:"phone,omitempty"`
	At    input.Place `json:"at,omitzero"`
}

// Text returns the contact as one line: "Name, Role · email · phone", the
// e-mail address linked.
func (c *Contact) Text() inline.Runs {
	var out inline.Runs
	sep := func() {
		if len(out) > 0 {
			out = append(out, inline.Run{Text: " · "})
		}
	}
	who := c.Name
	if c.Role != "" {
		if who != "" {
			who += ", "
		}
		who += c.Role
	}
	if who != "" {
		out = append(out, inline.Run{Text: who})
	}
	if c.Email != "" {
		sep()
		out = append(out, inline.Run{Text: c.Email, Link: "mailto:" + c.Email})
	}
	if c.Phone != "" {
		sep()
		out = append(out, inline.Run{Text: c.Phone})
	}
	return out
}

// Runs returns Text after the label in bold: "Contact: Name, Role · email".
func (c *Contact) Runs() inline.Runs {
	out := inline.Runs{{Text: c.Label + ": ", Bold: true}}
	if c.Label == "" {
		out = nil
	}
	return append(out, c.Text()...)
}

// Cover is the pack's cover page.
type Cover struct {
	Wordmark Wordmark `json:"wordmark"`
	// Kicker is the document type, the audience's pack label ("Briefing
	// pack", "Delegate pack").
	Kicker string `json:"kicker"`
	Title  string `json:"title"`
	// TitleLang is the title's language when it is not the document's (a
	// translation's fallback text, see inline.Run.Lang).
	TitleLang string `json:"title_lang,omitempty"`
	Subtitle  string `json:"subtitle,omitempty"`
	// SubtitleLang is the subtitle's, as TitleLang the title's. The
	// cover's short lines (event, place, audience) read in the document's
	// language whatever they are in.
	SubtitleLang string `json:"subtitle_lang,omitempty"`
	Event        string `json:"event,omitempty"`
	// When is the place and date ("Bogotá · 21 June 2024").
	When string `json:"when,omitempty"`
	// PreparedFor labels the Audience's name.
	PreparedFor string `json:"prepared_for,omitempty"`
	Audience    string `json:"audience,omitempty"`
	// Note is the audience's note.
	Note       inline.Runs  `json:"note,omitempty"`
	Unofficial string       `json:"unofficial,omitempty"`
	Source     *SourceBlock `json:"source,omitempty"`
	// At is the title's place in the data, for an error when it does not
	// fit the cover.
	At input.Place `json:"at,omitzero"`
}

// Contents is the table of contents. Renderers fill in page numbers for the
// entries, which point at Heading anchors.
type Contents struct {
	Title   string          `json:"title"`
	Entries []ContentsEntry `json:"entries"`
}

// ContentsEntry is one line of the contents.
type ContentsEntry struct {
	Title  string `json:"title"`
	Anchor string `json:"anchor"`
	Level  int    `json:"level"`
}

// Heading starts a section. Level 1 is a section, 2 a subsection. Anchor,
// when set, is the target of a contents entry and a bookmark. At is where
// its text is in the data (zero for a heading of ours, such as "Context").
type Heading struct {
	Level int         `json:"level"`
	Text  inline.Runs `json:"text"`
	// Kicker is a short line above the heading ("Recommendation 2 of 4").
	Kicker string      `json:"kicker,omitempty"`
	Anchor string      `json:"anchor,omitempty"`
	At     input.Place `json:"at,omitzero"`
	// Rec is set on the heading that opens a recommendation: nil on
	// other headings.
	Rec *Rec `json:"rec,omitempty"`
}

// Rec is the recommendation a heading opens: its number, and where its
// body (the text a one-page brief must fit) is in the data.
type Rec struct {
	Number int         `json:"number"`
	Body   input.Place `json:"body,omitzero"`
}

// ParaStyle is the role of a paragraph.
type ParaStyle int

// The paragraph roles.
const (
	ParaBody  ParaStyle = iota // running text
	ParaLede                   // the opening summary, set larger
	ParaNote                   // a boxed note (audience note, unofficial translation)
	ParaSmall                  // small print (sources, contacts)
)

// String returns the role's name, as used in snapshots and DOCX style ids.
func (s ParaStyle) String() string {
	switch s {
	case ParaLede:
		return "lede"
	case ParaNote:
		return "note"
	case ParaSmall:
		return "small"
	}
	return "body"
}

// MarshalText writes the role's name.
func (s ParaStyle) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// Paragraph is a paragraph of inline runs; At is where it is in the data
// (zero for a paragraph of ours).
type Paragraph struct {
	Style ParaStyle   `json:"style"`
	Text  inline.Runs `json:"text"`
	At    input.Place `json:"at,omitzero"`
}

// List is a bulleted list.
type List struct {
	Items []inline.Runs `json:"items"`
}

// FigureItem is one key figure: a large value and its label.
type FigureItem struct {
	Value string      `json:"value"`
	Label inline.Runs `json:"label"`
}

// Figures is a row of key figures set as large numerals with labels, and
// the line under them that names their sources.
type Figures struct {
	// Title is the row's heading ("Key figures"); may be empty.
	Title string       `json:"title,omitempty"`
	Items []FigureItem `json:"items"`
	// Source is the source line, printed small under the figures ("Source:
	// UNHCR, Global Trends 2023"); empty when no figure names a source.
	Source inline.Runs `json:"source,omitempty"`
}

// PullQuote is a quote set apart; renderers never split it across pages.
// Text carries its quotation marks, as printed, the opening one its first
// run (renderers hang it in the margin, so that the text's left edge
// aligns); Speaker is the name alone ("Charlotte Slente"), without a
// dash; At is where its text is in the data. Speaker is
// the first line of the attribution: the speaker's name, or, for a quote
// the data gives only a role, the role (Role then empty).
type PullQuote struct {
	Text    inline.Runs `json:"text"`
	Speaker string      `json:"speaker"`
	Role    string      `json:"role,omitempty"`
	At      input.Place `json:"at,omitzero"`
}

// PageBreak starts a new page.
type PageBreak struct{}

// Accept calls v.Masthead.
func (b *Masthead) Accept(v Visitor) error { return v.Masthead(b) }

// Accept calls v.SourceBlock.
func (b *SourceBlock) Accept(v Visitor) error { return v.SourceBlock(b) }

// Accept calls v.Cover.
func (b *Cover) Accept(v Visitor) error { return v.Cover(b) }

// Accept calls v.Contents.
func (b *Contents) Accept(v Visitor) error { return v.Contents(b) }

// Accept calls v.Heading.
func (b *Heading) Accept(v Visitor) error { return v.Heading(b) }

// Accept calls v.Paragraph.
func (b *Paragraph) Accept(v Visitor) error { return v.Paragraph(b) }

// Accept calls v.List.
func (b *List) Accept(v Visitor) error { return v.List(b) }

// Accept calls v.Figures.
func (b *Figures) Accept(v Visitor) error { return v.Figures(b) }

// Accept calls v.PullQuote.
func (b *PullQuote) Accept(v Visitor) error { return v.PullQuote(b) }

// Accept calls v.PageBreak.
func (b *PageBreak) Accept(v Visitor) error { return v.PageBreak(b) }

// Rec returns the recommendation a brief is of: what the first heading that
// opens a recommendation says of it; the zero Rec when none does.
func (d *Doc) Rec() Rec {
	for _, b := range d.Blocks {
		if h, ok := b.(*Heading); ok && h.Rec != nil {
			return *h.Rec
		}
	}
	return Rec{}
}

// Add appends a block to the document.
func (d *Doc) Add(b Block) { d.Blocks = append(d.Blocks, b) }
