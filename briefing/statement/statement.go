package statement

import "briefing/briefing/input"

// Statement is what a data file says: a policy statement with its context,
// key figures, quotes, numbered recommendations and the audiences it is
// briefed to. Text fields hold a small inline Markdown subset (see
// ParseInline).
type Statement struct {
	// ID names the statement in output file names ("cartagena40").
	ID string `yaml:"id"`
	// Lang is the language of this file, as a code such as "en" or "es".
	Lang string `yaml:"lang"`
	// Translation describes a translation file; nil for the base file.
	Translation *Translation `yaml:"translation,omitempty"`

	Title        string       `yaml:"title"`
	Subtitle     string       `yaml:"subtitle,omitempty"`
	Organisation Organisation `yaml:"organisation"`
	// Date is the statement's date as YYYY-MM-DD.
	Date   Date   `yaml:"date"`
	Place  string `yaml:"place,omitempty"`
	Event  string `yaml:"event,omitempty"`
	Source string `yaml:"source"`
	// Summary is the lede: one or two sentences that open every document.
	Summary string `yaml:"summary,omitempty"`
	// Context holds the paragraphs that set the scene.
	Context         []string         `yaml:"context,omitempty"`
	Figures         []Figure         `yaml:"figures,omitempty"`
	Quotes          []Quote          `yaml:"quotes,omitempty"`
	Recommendations []Recommendation `yaml:"recommendations"`
	Audiences       []Audience       `yaml:"audiences,omitempty"`
	// Closing holds paragraphs printed after the recommendations in the pack.
	Closing []string `yaml:"closing,omitempty"`

	// At is where the statement and its fields are in the data, filled by
	// the decoder; each item below has its own. In a statement laid over by
	// a translation (Dataset.In), the places of what the translation writes
	// are the translation file's.
	At input.Places `yaml:"-" json:"-"`
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
	Name      string   `yaml:"name"`
	ShortName string   `yaml:"short_name,omitempty"`
	Website   string   `yaml:"website"`
	Contact   *Contact `yaml:"contact,omitempty"`

	// At is where it and its fields are in the data (see Statement.At).
	At input.Places `yaml:"-" json:"-"`
}

// Contact is an optional person or desk to reach about the statement.
type Contact struct {
	Name  string `yaml:"name,omitempty"`
	Role  string `yaml:"role,omitempty"`
	Email string `yaml:"email,omitempty"`
	Phone string `yaml:"phone,omitempty"`

	// At is where it and its fields are in the data (see Statement.At).
	At input.Places `yaml:"-" json:"-"`
}

// Figure is a key figure: a large value with a label ("25 million" /
// "people displaced across the region").
type Figure struct {
	ID    string `yaml:"id"`
	Value string `yaml:"value"`
	Label string `yaml:"label"`

	// At is where it and its fields are in the data (see Statement.At).
	At input.Places `yaml:"-" json:"-"`
}

// Quote is something a named person said.
type Quote struct {
	ID      string `yaml:"id"`
	Text    string `yaml:"text"`
	Speaker string `yaml:"speaker"`
	Role    string `yaml:"role,omitempty"`

	// At is where it and its fields are in the data (see Statement.At).
	At input.Places `yaml:"-" json:"-"`
}

// Recommendation is one numbered recommendation of the statement.
type Recommendation struct {
	ID     string `yaml:"id"`
	Number int    `yaml:"number"`
	Title  string `yaml:"title"`
	// Body holds the recommendation's paragraphs.
	Body []string `yaml:"body"`
	// Asks is an optional bullet list of concrete asks.
	Asks []string `yaml:"asks,omitempty"`
	// Audiences lists the ids of the audiences this recommendation matters to
	// most; empty means all.
	Audiences []string `yaml:"audiences,omitempty"`
	// Quote is the id of the quote printed with this recommendation's brief.
	Quote string `yaml:"quote,omitempty"`
	// Figures lists the ids of the figures printed with the brief; empty
	// means every figure of the statement.
	Figures []string `yaml:"figures,omitempty"`

	// At is where it and its fields are in the data (see Statement.At).
	At input.Places `yaml:"-" json:"-"`
}

// Audience is a group the statement is briefed to, and what it gets.
type Audience struct {
	ID   string `yaml:"id"`
	Name string `yaml:"name"`
	// Recommendations lists recommendation ids in print order; empty or
	// ["all"] means every recommendation in number order.
	Recommendations []string `yaml:"recommendations,omitempty"`
	Languages       []string `yaml:"languages,omitempty"`
	Kinds           []Kind   `yaml:"kinds,omitempty"`
	Formats         []Format `yaml:"formats,omitempty"`
	Paper           Paper    `yaml:"paper,omitempty"`
	// Note is printed on this audience's pack cover.
	Note string `yaml:"note,omitempty"`

	// At is where it and its fields are in the data (see Statement.At).
	At input.Places `yaml:"-" json:"-"`
}

// Kind is a kind of document.
type Kind string

// The kinds of document briefing makes.
const (
	KindBrief Kind = "brief" // one page per recommendation
	KindPack  Kind = "pack"  // the combined delegate pack
)

// Kinds lists every Kind in build order.
var Kinds = []Kind{KindBrief, KindPack}

// Format is an output file format.
type Format string

// The output formats.
const (
	FormatPDF  Format = "pdf"
	FormatDOCX Format = "docx"
)

// Formats lists every Format in build order.
var Formats = []Format{FormatPDF, FormatDOCX}

// Paper is a paper size.
type Paper string

// The paper sizes.
const (
	PaperA4     Paper = "a4"
	PaperLetter Paper = "letter"
)

// Papers lists every Paper.
var Papers = []Paper{PaperA4, PaperLetter}

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
