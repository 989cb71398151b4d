// Package briefing turns the structured data of a policy statement into
// branded briefing documents.
//
// Data flows one way: statement data (Statement, loaded by Load) → the
// format-neutral brief model (Doc, made by Compose) → renderers (packages
// briefing/pdf and briefing/docx) → files (Build).
package briefing

import "time"

// Doc is one document in the format-neutral brief model: what it says and in
// what order, not where things go on a page. The PDF and DOCX renderers both
// consume a Doc and lay it out their own way.
type Doc struct {
	Meta   Meta
	Blocks []Block
}

// Meta is what a renderer needs besides the blocks: document properties,
// the running header and footer, and the labels in the document's language.
type Meta struct {
	Kind Kind
	// Lang is the document language as a BCP 47 tag ("en", "es").
	Lang  string
	Paper Paper

	// Title is the document title (statement title; a brief's is the
	// recommendation title).
	Title    string
	Subtitle string
	// Subject and Keywords go into the document properties.
	Subject  string
	Keywords []string
	// Author is the organisation's name; ShortName its short name.
	Author    string
	ShortName string
	// Creator is the tool name and version.
	Creator string

	// Statement is the statement's title, printed in the brand band.
	Statement string
	Event     string
	Place     string
	// Date is the statement's date (or SOURCE_DATE_EPOCH), used for the
	// document properties; DateText is it written out in Lang.
	Date     time.Time
	DateText string

	// SourceURL is the statement's address, for the footer and the QR code;
	// Website the organisation's.
	SourceURL string
	Website   string
	// Footer is the brand's footer line.
	Footer string
	// Unofficial is set on working translations: a line to print on every
	// document ("Unofficial translation").
	Unofficial string

	// Audience is the name of the audience the document is made for.
	Audience string

	// Rec and RecTotal are set on briefs: "Recommendation Rec of RecTotal".
	Rec, RecTotal int

	// Labels are the fixed words the document prints, in Lang.
	Labels Labels
}

// Block is one element of a Doc's flow. The set of blocks is closed: every
// block implements Accept, and a renderer implements Visitor, so that adding
// a block type is a compile error in every renderer until it handles it.
type Block interface {
	Accept(v Visitor) error
}

// Visitor is implemented by renderers: one method per block type.
type Visitor interface {
	Cover(*Cover) error
	Contents(*Contents) error
	Heading(*Heading) error
	Paragraph(*Paragraph) error
	List(*List) error
	Figures(*Figures) error
	PullQuote(*PullQuote) error
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

// Inline is a run of text with one set of attributes.
type Inline struct {
	Text   string `json:"text"`
	Bold   bool   `json:"bold,omitempty"`
	Italic bool   `json:"italic,omitempty"`
	// Link is the target URL when the run is a hyperlink.
	Link string `json:"link,omitempty"`
}

// Runs is a paragraph's worth of inline runs.
type Runs []Inline

// Plain returns the text of the runs without formatting.
func (r Runs) Plain() string {
	n := 0
	for _, x := range r {
		n += len(x.Text)
	}
	b := make([]byte, 0, n)
	for _, x := range r {
		b = append(b, x.Text...)
	}
	return string(b)
}

// Cover is the pack's cover page: title, subtitle, organisation, event, date,
// the audience and its note. Its fields are taken from Meta except Note.
type Cover struct {
	// Note is the audience's note, printed on the cover.
	Note Runs `json:"note,omitempty"`
}

// Contents is the table of contents. Renderers fill in page numbers for the
// entries, which point at Heading anchors.
type Contents struct {
	Entries []ContentsEntry `json:"entries"`
}

// ContentsEntry is one line of the contents.
type ContentsEntry struct {
	Title  string `json:"title"`
	Anchor string `json:"anchor"`
	Level  int    `json:"level"`
}

// Heading starts a section. Level 1 is a section, 2 a subsection. Anchor,
// when set, is the target of a contents entry and a bookmark.
type Heading struct {
	Level int  `json:"level"`
	Text  Runs `json:"text"`
	// Kicker is a short line above the heading ("Recommendation 2 of 4").
	Kicker string `json:"kicker,omitempty"`
	Anchor string `json:"anchor,omitempty"`
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

// Paragraph is a paragraph of inline runs.
type Paragraph struct {
	Style ParaStyle `json:"style"`
	Text  Runs      `json:"text"`
}

// List is a bulleted list.
type List struct {
	Items []Runs `json:"items"`
}

// FigureItem is one key figure: a large value and its label.
type FigureItem struct {
	Value string `json:"value"`
	Label Runs   `json:"label"`
}

// Figures is a row of key figures set as large numerals with labels.
type Figures struct {
	// Title is the row's heading ("Key figures"); may be empty.
	Title string       `json:"title,omitempty"`
	Items []FigureItem `json:"items"`
}

// PullQuote is a quote set apart; renderers never split it across pages.
type PullQuote struct {
	Text    Runs   `json:"text"`
	Speaker string `json:"speaker"`
	Role    string `json:"role,omitempty"`
}

// PageBreak starts a new page.
type PageBreak struct{}

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
