package statement

import (
	"net/url"
	"strings"

	"briefing/briefing/input"
)

// Statement is what a data file says: a policy statement with its context,
// key figures, quotes, numbered recommendations and the audiences it is
// briefed to. Text fields hold a small inline Markdown subset (see
// ParseInline).
type Statement struct {
	// ID names the statement in output file names ("cartagena40").
	ID string `yaml:"id" text:"id"`
	// Lang is the language of this file, as a code such as "en" or "es".
	Lang string `yaml:"lang"`
	// Translation describes a translation file; nil for the base file.
	Translation *Translation `yaml:"translation,omitempty"`

	Title        string       `yaml:"title"`
	Subtitle     string       `yaml:"subtitle,omitempty"`
	Organisation Organisation `yaml:"organisation"`
	// Date is the statement's date as YYYY-MM-DD.
	Date  Date   `yaml:"date"`
	Place string `yaml:"place,omitempty"`
	Event string `yaml:"event,omitempty"`
	// StatementURL is the statement's own page, where its full text is
	// read: the QR code and the source line lead there, and say so. Without
	// it they lead to the organisation's website, and say that (see Link).
	StatementURL string `yaml:"statement_url,omitempty" text:"address"`
	// Source is the older name of StatementURL, still read; a file gives
	// one or the other.
	Source string `yaml:"source,omitempty" text:"address"`
	// Summary is the lede: one or two sentences that open every document.
	Summary string `yaml:"summary,omitempty" text:"paragraph"`
	// Context holds the paragraphs that set the scene.
	Context         []string         `yaml:"context,omitempty" text:"paragraph"`
	Figures         []Figure         `yaml:"figures,omitempty"`
	Quotes          []Quote          `yaml:"quotes,omitempty"`
	Recommendations []Recommendation `yaml:"recommendations"`
	Audiences       []Audience       `yaml:"audiences,omitempty"`
	// Closing holds paragraphs printed after the recommendations in the pack.
	Closing []string `yaml:"closing,omitempty" text:"paragraph"`

	// At is where the statement and its fields are in the data, filled by
	// the decoder; each item below has its own. In a statement laid over by
	// a translation (Dataset.In), the places of what the translation writes
	// are the translation file's.
	At input.Places `yaml:"-" json:"-"`

	// base is the base file's language, and fallback the places (in the
	// base file) of the text fields a translation leaves out, which print
	// in that language: set on a statement laid over by a translation
	// (Dataset.In), nil otherwise. See FallbackLang.
	base     string
	fallback map[input.Place]bool
}

// FallbackLang returns the language of the text at place at when it is not
// the statement's: the base file's language for a text field the
// translation leaves out (it prints in the base language), "" otherwise.
// Compose marks such text, so that a screen reader reads it in its own
// language.
func (s *Statement) FallbackLang(at input.Place) string {
	if s.fallback[at] {
		return s.base
	}
	return ""
}

// Translation marks a file as a translation of the base statement.
type Translation struct {
	// Official is false for a working translation; documents then print Note.
	Official bool `yaml:"official"`
	// Note is printed on unofficial translations, e.g. "Unofficial translation".
	Note string `yaml:"note,omitempty"`

	// At is where it and its fields are in the data (see Statement.At).
	At input.Places `yaml:"-" json:"-"`
}

// Organisation is the body that issued the statement.
type Organisation struct {
	Name      string `yaml:"name"`
	ShortName string `yaml:"short_name,omitempty"`
	Website   string `yaml:"website" text:"address"`
	// Contact is who to reach about the statement; an audience may name
	// its own (Audience.Contact).
	Contact *Contact `yaml:"contact,omitempty"`

	// At is where it and its fields are in the data (see Statement.At).
	At input.Places `yaml:"-" json:"-"`
}

// Contact is an optional person or desk to reach about the statement: a
// name or a role (or both), and an e-mail address or a phone number (or
// both). The role is translatable; the name, like a quote's speaker, is
// not.
type Contact struct {
	Name  string `yaml:"name,omitempty"`
	Role  string `yaml:"role,omitempty"`
	Email string `yaml:"email,omitempty" text:"address"`
	Phone string `yaml:"phone,omitempty"`

	// At is where it and its fields are in the data (see Statement.At).
	At input.Places `yaml:"-" json:"-"`
}

// Figure is a key figure: a large value with a label ("25 million" /
// "people displaced across the region").
type Figure struct {
	ID    string `yaml:"id" text:"id"`
	Value string `yaml:"value"`
	Label string `yaml:"label"`
	// Source is where the number comes from ("UNHCR, Global Trends
	// 2023"), printed in a source line under the figures.
	Source string `yaml:"source,omitempty"`

	// At is where it and its fields are in the data (see Statement.At).
	At input.Places `yaml:"-" json:"-"`
}

// Quote is something a person said: named by Speaker, by Role, or both
// (a quote needs one of them).
type Quote struct {
	ID      string `yaml:"id" text:"id"`
	Text    string `yaml:"text" text:"paragraph"`
	Speaker string `yaml:"speaker,omitempty"`
	Role    string `yaml:"role,omitempty"`

	// At is where it and its fields are in the data (see Statement.At).
	At input.Places `yaml:"-" json:"-"`
}

// Recommendation is one numbered recommendation of the statement.
type Recommendation struct {
	ID string `yaml:"id" text:"id"`
	// Number is its position in the list, from 1: a file may leave it out,
	// and Load fills it in; written, it must agree (Check).
	Number int    `yaml:"number,omitempty"`
	Title  string `yaml:"title"`
	// Body holds the recommendation's paragraphs.
	Body []string `yaml:"body" text:"paragraph"`
	// Asks is an optional bullet list of concrete asks.
	Asks []string `yaml:"asks,omitempty" text:"paragraph"`
	// Audiences lists the ids of the audiences this recommendation matters to
	// most; empty means all.
	Audiences []string `yaml:"audiences,omitempty" text:"id"`
	// Quote is the id of the quote printed with this recommendation's brief.
	Quote string `yaml:"quote,omitempty" text:"id"`
	// Figures lists the ids of the figures printed with the brief; empty
	// means every figure of the statement.
	Figures []string `yaml:"figures,omitempty" text:"id"`

	// At is where it and its fields are in the data (see Statement.At).
	At input.Places `yaml:"-" json:"-"`
}

// Audience is a group the statement is briefed to, and what it gets.
type Audience struct {
	ID   string `yaml:"id" text:"id"`
	Name string `yaml:"name"`
	// Recommendations lists recommendation ids in print order; empty or
	// ["all"] means every recommendation in number order.
	Recommendations []string `yaml:"recommendations,omitempty" text:"id"`
	Languages       []string `yaml:"languages,omitempty"`
	Kinds           []Kind   `yaml:"kinds,omitempty"`
	Formats         []Format `yaml:"formats,omitempty"`
	Paper           Paper    `yaml:"paper,omitempty"`
	// Note is printed on this audience's pack cover.
	Note string `yaml:"note,omitempty" text:"paragraph"`
	// PackLabel names its pack, on the cover and in the document
	// properties ("Delegate pack"); empty: the language's default
	// ("Briefing pack").
	PackLabel string `yaml:"pack_label,omitempty"`
	// Contact, when set, replaces the organisation's contact on this
	// audience's documents.
	Contact *Contact `yaml:"contact,omitempty"`
	// Fallback lets a language in Languages that has no translation file
	// be made in the base language, with a warning; without it (and
	// without Dataset.AllowFallback) such a language is an error, so that
	// no folder of documents in the wrong language goes out unnoticed.
	Fallback bool `yaml:"fallback,omitempty"`

	// Email, when set, gives this audience's email drafts (build --format
	// eml) their words and addressees.
	Email *Email `yaml:"email,omitempty"`

	// At is where it and its fields are in the data (see Statement.At).
	At input.Places `yaml:"-" json:"-"`
}

// Email is what an audience's email draft says and to whom; each field is
// optional (the subject and note default to the language's labels).
type Email struct {
	// Subject and Note (the cover note, paragraphs separated by blank
	// lines) are translatable.
	Subject string `yaml:"subject,omitempty"`
	Note    string `yaml:"note,omitempty"`
	// To and Cc are addresses: "name@example.org" or
	// "Name <name@example.org>".
	To []string `yaml:"to,omitempty"`
	Cc []string `yaml:"cc,omitempty"`

	// At is where it and its fields are in the data (see Statement.At).
	At input.Places `yaml:"-" json:"-"`
}

// Kind is a kind of document.
type Kind string

// The kinds of document briefing makes.
const (
	KindBrief Kind = "brief" // one page per recommendation
	KindPack  Kind = "pack"  // the combined briefing pack
)

// Kinds lists every Kind in build order.
var Kinds = []Kind{KindBrief, KindPack}

// The kinds of the deliverables, files made from an audience's documents
// in one language (see Deliverables); never in Kinds, since the data does
// not ask for them by kind.
const (
	KindBundle Kind = "bundle" // the folder's documents in one zip
	KindEmail  Kind = "email"  // an email draft with the documents attached
)

// Format is an output file format.
type Format string

// The output formats. FormatPNG is a preview: page 1 of a document (a
// brief's page, a pack's cover) as a picture.
const (
	FormatPDF  Format = "pdf"
	FormatDOCX Format = "docx"
	FormatPNG  Format = "png"
)

// Formats lists every Format in build order.
var Formats = []Format{FormatPDF, FormatDOCX, FormatPNG}

// DefaultFormats are the formats made for an audience that names none.
var DefaultFormats = []Format{FormatPDF, FormatDOCX}

// The deliverables' formats: made from an audience's documents in one
// language once they are made, on request (build --format), never by
// default.
const (
	FormatZip Format = "zip" // KindBundle
	FormatEML Format = "eml" // KindEmail
)

// Deliverables lists the deliverables' formats, in build order.
var Deliverables = []Format{FormatZip, FormatEML}

// Paper is a paper size.
type Paper string

// The paper sizes.
const (
	PaperA4     Paper = "a4"
	PaperLetter Paper = "letter"
)

// Papers lists every Paper.
var Papers = []Paper{PaperA4, PaperLetter}

// Print is what a PDF is made for: a screen (the default), an office
// printer, or a print shop.
type Print string

// The print modes.
const (
	// PrintScreen is for reading on screen and printing as it comes: the
	// band runs to the paper's edge.
	PrintScreen Print = "screen"
	// PrintOffice is for office printers, which cannot print the outer
	// few millimetres of the paper: nothing is set near its edge, and a
	// pack has an even number of pages, for duplex.
	PrintOffice Print = "office"
	// PrintPress is for a print shop: a bleed with crop marks, the brand's
	// CMYK values for its colours, and an even number of pages in a pack.
	PrintPress Print = "press"
)

// Prints lists every Print, the default first.
var Prints = []Print{PrintScreen, PrintOffice, PrintPress}

// Size returns the paper's width and height in millimetres; ok is false
// for a paper that is not one of Papers (no size is guessed for it).
func (p Paper) Size() (w, h float64, ok bool) {
	switch p {
	case PaperA4:
		return 210, 297, true
	case PaperLetter:
		return 215.9, 279.4, true
	}
	return 0, 0, false
}

// Recommendation returns the recommendation with the given id, or nil.
func (s *Statement) Recommendation(id string) *Recommendation {
	for i := range s.Recommendations {
		if s.Recommendations[i].ID == id {
			return &s.Recommendations[i]
		}
	}
	return nil
}

// Quote returns the quote with the given id, or nil.
func (s *Statement) Quote(id string) *Quote {
	for i := range s.Quotes {
		if s.Quotes[i].ID == id {
			return &s.Quotes[i]
		}
	}
	return nil
}

// Figure returns the figure with the given id, or nil.
func (s *Statement) Figure(id string) *Figure {
	for i := range s.Figures {
		if s.Figures[i].ID == id {
			return &s.Figures[i]
		}
	}
	return nil
}

// Audience returns the audience with the given id, or nil.
func (s *Statement) Audience(id string) *Audience {
	for i := range s.Audiences {
		if s.Audiences[i].ID == id {
			return &s.Audiences[i]
		}
	}
	return nil
}

// Selected returns the recommendations an audience gets, in its order.
// Unknown ids are skipped (Check reports them).
func (s *Statement) Selected(a *Audience) []*Recommendation {
	var out []*Recommendation
	if len(a.Recommendations) == 0 || (len(a.Recommendations) == 1 && a.Recommendations[0] == "all") {
		for i := range s.Recommendations {
			out = append(out, &s.Recommendations[i])
		}
		return out
	}
	for _, id := range a.Recommendations {
		if r := s.Recommendation(id); r != nil {
			out = append(out, r)
		}
	}
	return out
}

// Name returns the paper's name as people write it: "A4", "Letter".
func (p Paper) Name() string {
	if p == PaperLetter {
		return "Letter"
	}
	return "A4"
}

// Link returns where the documents' QR code and source line lead: the
// statement's own page (StatementURL, or Source), with own set; else the
// organisation's website. An address that is only a site's home page
// ("https://drc.ngo/") is not the statement's own page: own is false for
// it, so that nothing claims it holds the full statement.
func (s *Statement) Link() (url string, own bool) {
	u := s.StatementURL
	if u == "" {
		u = s.Source
	}
	if u != "" {
		return u, !HomePage(u)
	}
	return s.Organisation.Website, false
}

// HomePage reports whether address u leads no further than a site's home
// page: no path beyond "/", no query and no fragment.
func HomePage(u string) bool {
	p, err := url.Parse(u)
	if err != nil {
		return false
	}
	return strings.Trim(p.EscapedPath(), "/") == "" && p.RawQuery == "" && p.Fragment == ""
}

// Host returns the host name of address u without "www.", as people write
// it ("drc.ngo"); u itself when it has none.
func Host(u string) string {
	p, err := url.Parse(u)
	if err != nil || p.Host == "" {
		return u
	}
	return strings.TrimPrefix(strings.ToLower(p.Hostname()), "www.")
}

// ContactFor returns the contact of audience a's documents: the
// audience's own, else the organisation's; nil for none.
func (s *Statement) ContactFor(a *Audience) *Contact {
	if a != nil && a.Contact != nil {
		return a.Contact
	}
	return s.Organisation.Contact
}
