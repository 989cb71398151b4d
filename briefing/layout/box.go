package layout

import (
	"encoding/json"
	"fmt"
	"math"

	"briefing/briefing/font"
	"briefing/briefing/qrcode"
)

// Paged is a document laid out: its pages of boxes, its logical elements
// and anchors.
type Paged struct {
	// W and H are the page size in millimetres.
	W     float64 `json:"w"`
	H     float64 `json:"h"`
	Pages []Page  `json:"pages"`
	// Total is the number of pages the document has: known from the
	// start, also while Stream is still laying pages out.
	Total int `json:"total"`
	// Elems are the document's logical elements (a heading, a paragraph, a
	// list item…), in reading order; boxes point at them by index. Elems[0]
	// is the document itself.
	Elems []Elem `json:"elems"`
	// Anchors are where each heading anchor landed, for internal links.
	Anchors map[string]Dest `json:"anchors,omitempty"`
	// Outline is the bookmarks, in order.
	Outline []Mark `json:"outline,omitempty"`
	// Bleed is how far the fills that touch the paper's edge run past it,
	// and Slug how much further the page goes for the crop marks, in mm:
	// both 0 but in a document for a print shop. W and H are the paper
	// (the trim), and boxes are placed from its top-left corner: a fill
	// in the bleed, or a crop mark, lies outside 0…W, 0…H.
	Bleed float64 `json:"bleed,omitempty"`
	Slug  float64 `json:"slug,omitempty"`
	// Body is the body size the document was set at, in points: the
	// layout's, for every document.
	Body float64 `json:"body"`
	// Brief is how a one-page brief was set (nil for a pack).
	Brief *BriefChoice `json:"brief,omitempty"`
}

// Page is one page's boxes, in reading order.
type Page struct {
	Boxes []Box `json:"boxes"`
}

// Dest is a place on a page: page number from 1, and the distance from the
// top in millimetres.
type Dest struct {
	Page int     `json:"page"`
	Y    float64 `json:"y"`
}

// Mark is a bookmark.
type Mark struct {
	Title string `json:"title"`
	Level int    `json:"level"`
	Dest
}

// Elem is a logical element: what a screen reader announces. Parent is the
// index of the element it is part of (0 for the document), so that list
// items sit in their list and a figure's caption in its figure.
type Elem struct {
	Role   Role   `json:"role"`
	Parent int    `json:"parent,omitempty"`
	Alt    string `json:"alt,omitempty"`
	// Lang is the element's language when it is not the document's
	// (inline.Run.Lang): a translation's fallback text.
	Lang string `json:"lang,omitempty"`
}

// Role is what a box or element is.
type Role uint8

// The roles. Artifact is decoration and page furniture that a screen
// reader skips (rules, fills, running headers and footers, page numbers).
const (
	Artifact Role = iota
	Document
	Title
	H1
	H2
	P
	List
	ListItem
	Figure
	Quote
	Caption
	Link
	TOC
	TOCEntry
	Note
	Section
)

var roleNames = [...]string{
	Artifact: "Artifact", Document: "Document", Title: "Title", H1: "H1", H2: "H2", P: "P",
	List: "L", ListItem: "LI", Figure: "Figure", Quote: "BlockQuote", Caption: "Caption",
	Link: "Link", TOC: "TOC", TOCEntry: "TOCI", Note: "Note", Section: "Sect",
}

// String returns the role's name, as PDF structure types spell it ("H1",
// "P", "LI", "BlockQuote", "TOCI"…).
func (r Role) String() string {
	if int(r) < len(roleNames) {
		return roleNames[r]
	}
	return fmt.Sprintf("Role(%d)", r)
}

// MarshalText writes the role's name.
func (r Role) MarshalText() ([]byte, error) { return []byte(r.String()), nil }

// Kind is what a box draws.
type Kind uint8

// The kinds of box.
const (
	// Text sets Text in Font at Size points in Color, its baseline at
	// Baseline (X is its left end).
	Text Kind = iota
	// Fill paints the rectangle X, Y, W, H in Color.
	Fill
	// Circle paints a disc of radius W/2 centred in the box.
	Circle
	// Rule draws a line from X, Y to X+W, Y+H, Stroke wide, dashed when
	// Dash is set.
	Rule
	// Image draws the brand's logo into the box.
	Image
	// QR draws Code, the QR code of Text, into the square box.
	QR
	// LinkArea makes the box a link to URL, or to the anchor Dest.
	LinkArea
)

var kindNames = [...]string{Text: "text", Fill: "fill", Circle: "circle", Rule: "rule", Image: "image", QR: "qr", LinkArea: "link"}

// MarshalText writes the kind's name.
func (k Kind) MarshalText() ([]byte, error) { return []byte(kindNames[k]), nil }

// Color is an sRGB colour and, in a print shop's document, the process
// inks to print it with.
type Color struct {
	R, G, B uint8
	// Ink is the colour's cyan, magenta, yellow and black in per cent,
	// the brand's values, set (with Process) in documents for a print
	// shop only: an exporter that can prints the inks, else the RGB.
	Ink     [4]float64
	Process bool
}

// MarshalText writes the colour as "#rrggbb".
func (c Color) MarshalText() ([]byte, error) {
	return fmt.Appendf(nil, "#%02x%02x%02x", c.R, c.G, c.B), nil
}

// Box is one positioned mark on a page. Lengths are millimetres from the
// page's top-left corner.
type Box struct {
	Kind Kind `json:"kind"`
	Role Role `json:"role"`
	// Elem is the element the box belongs to (an index into
	// Paged.Elems); 0 for artifacts.
	Elem       int     `json:"elem,omitempty"`
	X, Y, W, H float64 `json:"-"`

	Text     string     `json:"text,omitempty"`
	Font     font.Style `json:"font,omitzero"`
	Size     float64    `json:"size,omitempty"`
	Color    Color      `json:"color,omitzero"`
	Baseline float64    `json:"-"`
	Stroke   float64    `json:"stroke,omitempty"`
	Dash     []float64  `json:"dash,omitempty"`
	// URL is an external link's target; Dest an internal link's anchor.
	URL  string `json:"url,omitempty"`
	Dest string `json:"dest,omitempty"`
	// Code is a QR box's module matrix, the source block's (nil when the
	// address is too long for a QR code): exporters draw it as it is.
	Code *qrcode.Code `json:"-"`
}

// MarshalJSON writes the box with its lengths rounded to 0.01 mm, so that
// snapshots do not churn on float noise.
func (b Box) MarshalJSON() ([]byte, error) {
	type plain Box
	r := func(v float64) float64 { return math.Round(v*100) / 100 }
	return json.Marshal(struct {
		plain
		X        float64 `json:"x"`
		Y        float64 `json:"y"`
		W        float64 `json:"w,omitempty"`
		H        float64 `json:"h,omitempty"`
		Baseline float64 `json:"baseline,omitempty"`
		Size     float64 `json:"size,omitempty"`
	}{plain(b), r(b.X), r(b.Y), r(b.W), r(b.H), r(b.Baseline), r(b.Size)})
}

// Text returns the text of the page's boxes of element e, in order, lines
// joined by spaces.
func (p *Page) Text() string {
	var s string
	for _, b := range p.Boxes {
		if b.Kind == Text {
			if s != "" {
				s += " "
			}
			s += b.Text
		}
	}
	return s
}
