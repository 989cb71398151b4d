package briefing

import (
	"fmt"
	"strings"
	"time"
)

// ComposeOptions are the choices Compose takes besides the data.
type ComposeOptions struct {
	// Paper is the paper the batch plan decided on. Compose takes it as
	// given: an empty Paper stays empty, and the layout refuses it.
	Paper Paper
	// Creator is the tool name and version written into the properties.
	Creator string
	// Date, when not zero, replaces the statement's date in the document
	// properties (SOURCE_DATE_EPOCH); the printed date stays the statement's.
	Date time.Time
	// Brand is the brand the documents are made in: its logo (when it has
	// one) is the wordmark, and its footer line is printed when it is the
	// statement's organisation's brand. Nil: the statement's organisation
	// alone.
	Brand *Brand
	// Places says where each field of the statement is in the data, for
	// errors that point at it (Dataset.Places); nil: unknown.
	Places func(field string) Place
}

// composer holds what every block of one document is made from.
type composer struct {
	s   *Statement
	a   *Audience
	opt ComposeOptions
	l   Labels
	d   *Doc
}

func newComposer(s *Statement, a *Audience, k Kind, opt ComposeOptions) *composer {
	l, _ := LabelsFor(s.Lang)
	c := &composer{s: s, a: a, opt: opt, l: l}
	c.d = &Doc{Meta: c.meta(k)}
	return c
}

func (c *composer) place(field string) Place {
	if c.opt.Places == nil {
		return Place{}
	}
	return c.opt.Places(field)
}

// ComposeBrief makes the one-page brief for recommendation r of statement s,
// as given to audience a: masthead, the recommendation, its key figures and
// quote, and the source block.
func ComposeBrief(s *Statement, a *Audience, r *Recommendation, opt ComposeOptions) *Doc {
	c := newComposer(s, a, KindBrief, opt)
	d, l := c.d, c.l
	title := PlainText(r.Title)
	d.Meta.Title = fmt.Sprintf("%s: %s", l.RecN(r.Number), title)
	d.Meta.Subject = fmt.Sprintf("%s. %s", l.RecOf(r.Number, len(s.Recommendations)), title)
	d.Meta.Rec = r.Number
	i := c.recIndex(r)
	d.Meta.At = c.place(fmt.Sprintf("recommendations[%d].body", i))
	if d.Meta.At.Line == 0 {
		d.Meta.At = c.place(fmt.Sprintf("recommendations[%d]", i))
	}

	d.Add(&Masthead{Wordmark: c.wordmark(), Label: l.Brief, Statement: PlainText(s.Title), Line: joinNonEmpty("  ·  ", PlainText(s.Event), c.dateText())})
	c.addRecommendation(r)
	if f := c.figures(r.Figures); len(f.Items) > 0 {
		d.Add(f)
	}
	if q := s.Quote(r.Quote); q != nil {
		d.Add(c.pullQuote(q))
	}
	src := c.source()
	src.Doc = l.Brief + " · " + l.RecOf(r.Number, len(s.Recommendations))
	d.Add(src)
	return d
}

// ComposePack makes the delegate pack of statement s for audience a: cover,
// contents, context with the key figures, quotes, each recommendation the
// audience gets on a new page, and an about page; a running header and
// footer on every page but the cover.
func ComposePack(s *Statement, a *Audience, opt ComposeOptions) *Doc {
	c := newComposer(s, a, KindPack, opt)
	d, l := c.d, c.l
	d.Meta.Title = PlainText(s.Title)
	d.Meta.Subject = fmt.Sprintf("%s: %s", l.DelegatePack, PlainText(s.Title))
	recs := s.Selected(a)
	unofficial := c.unofficial()

	flag := ""
	if unofficial != "" {
		// The header has room for the short label; the cover and the about
		// page print the data's full note.
		flag = l.Unofficial
	}
	d.Header = &Running{Lead: s.Organisation.ShortName, Text: PlainText(s.Title), Flag: flag}
	d.Footer = &Running{Text: c.footerLine(), Page: l.Page}

	src := c.source()
	src.Date, src.Unofficial = "", ""
	d.Add(&Cover{
		Wordmark:    c.wordmark(),
		Kicker:      l.DelegatePack,
		Title:       PlainText(s.Title),
		Subtitle:    PlainText(s.Subtitle),
		Event:       PlainText(s.Event),
		When:        joinNonEmpty("  ·  ", PlainText(s.Place), c.dateText()),
		PreparedFor: l.PreparedFor,
		Audience:    PlainText(a.Name),
		Note:        ParseInline(a.Note),
		Unofficial:  unofficial,
		Source:      src,
	})
	toc := &Contents{Title: l.Contents}
	d.Add(toc)
	entry := func(title, anchor string) {
		toc.Entries = append(toc.Entries, ContentsEntry{Title: title, Anchor: anchor, Level: 1})
	}

	d.Add(&PageBreak{})
	entry(l.Context, "context")
	d.Add(&Heading{Level: 1, Text: Runs{{Text: l.Context}}, Anchor: "context"})
	if s.Summary != "" {
		d.Add(&Paragraph{Style: ParaLede, Text: ParseInline(s.Summary), At: c.place("summary")})
	}
	for i, p := range s.Context {
		d.Add(&Paragraph{Style: ParaBody, Text: ParseInline(p), At: c.place(fmt.Sprintf("context[%d]", i))})
	}
	if f := c.figures(nil); len(f.Items) > 0 {
		d.Add(f)
	}
	if len(s.Quotes) > 0 {
		entry(l.Quotes, "quotes")
		d.Add(&Heading{Level: 1, Text: Runs{{Text: l.Quotes}}, Anchor: "quotes"})
		for i := range s.Quotes {
			d.Add(c.pullQuote(&s.Quotes[i]))
		}
	}
	for _, r := range recs {
		d.Add(&PageBreak{})
		entry(fmt.Sprintf("%s. %s", l.RecN(r.Number), PlainText(r.Title)), recAnchor(r))
		c.addRecommendation(r)
	}
	for i, p := range s.Closing {
		d.Add(&Paragraph{Style: ParaBody, Text: ParseInline(p), At: c.place(fmt.Sprintf("closing[%d]", i))})
	}

	d.Add(&PageBreak{})
	entry(l.About, "about")
	d.Add(&Heading{Level: 1, Text: Runs{{Text: l.About}}, Anchor: "about"})
	c.addAbout()
	return d
}

// addAbout writes the about page: who, when, where, the source and the
// contact, and the unofficial-translation note.
func (c *composer) addAbout() {
	s, l, d := c.s, c.l, c.d
	org := s.Organisation
	d.Add(&Paragraph{Style: ParaBody, Text: ParseInline(s.Subtitle), At: c.place("subtitle")})
	line := func(label string, runs Runs) {
		d.Add(&Paragraph{Style: ParaSmall, Text: append(Runs{{Text: label + ": ", Bold: true}}, runs...)})
	}
	line(l.Date, Runs{{Text: joinNonEmpty(", ", c.dateText(), PlainText(s.Place))}})
	if s.Event != "" {
		line(l.PreparedFor, Runs{{Text: joinNonEmpty(" · ", PlainText(s.Event), PlainText(c.a.Name))}})
	}
	line(l.Source, Runs{{Text: s.Source, Link: s.Source}})
	line(l.Website, Runs{{Text: org.Website, Link: org.Website}})
	if ct := org.Contact; ct != nil {
		d.Add(&Heading{Level: 2, Text: Runs{{Text: l.Contact}}})
		runs := Runs{{Text: joinNonEmpty(", ", ct.Name, ct.Role)}}
		if ct.Email != "" {
			runs = append(runs, Inline{Text: " · "}, Inline{Text: ct.Email, Link: "mailto:" + ct.Email})
		}
		if ct.Phone != "" {
			runs = append(runs, Inline{Text: " · " + ct.Phone})
		}
		d.Add(&Paragraph{Style: ParaBody, Text: runs})
	}
	if u := c.unofficial(); u != "" {
		d.Add(&Paragraph{Style: ParaNote, Text: Runs{{Text: u}}, At: c.place("translation.note")})
	}
}

// meta fills the properties every document of s for a shares.
func (c *composer) meta(k Kind) Meta {
	s, l := c.s, c.l
	date, _ := s.Date.Time()
	m := Meta{
		Kind:     k,
		Lang:     s.Lang,
		Paper:    c.opt.Paper,
		Subtitle: PlainText(s.Subtitle),
		Author:   PlainText(s.Organisation.Name),
		Creator:  c.opt.Creator,
		Date:     date,
	}
	if !c.opt.Date.IsZero() {
		m.Date = c.opt.Date
	}
	m.Keywords = []string{PlainText(s.Event), s.Organisation.ShortName, PlainText(c.a.Name)}
	if k == KindBrief {
		m.Keywords = append(m.Keywords, l.Brief)
	} else {
		m.Keywords = append(m.Keywords, l.DelegatePack)
	}
	m.Keywords = compact(m.Keywords)
	return m
}

// dateText is the statement's date written out in its language.
func (c *composer) dateText() string {
	date, err := c.s.Date.Time()
	if err != nil {
		return ""
	}
	return c.l.FormatDate(date)
}

// unofficial is the note printed on a working translation, "" on an
// original or official one.
func (c *composer) unofficial() string {
	t := c.s.Translation
	if t == nil || t.Official {
		return ""
	}
	if t.Note != "" {
		return t.Note
	}
	return c.l.Unofficial
}

// brandOwn reports whether the brand is the statement's organisation's
// own (or names no organisation), so that its names and footer may print.
func (c *composer) brandOwn() bool {
	b := c.opt.Brand
	return b != nil && (b.Name == "" || strings.EqualFold(b.Name, PlainText(c.s.Organisation.Name)))
}

// wordmark is the brand's logo when it has one, else the statement's
// organisation set as a typographic wordmark: a statement of another
// organisation never prints the built-in brand's name.
func (c *composer) wordmark() Wordmark {
	org := c.s.Organisation
	name := PlainText(org.Name)
	if b := c.opt.Brand; b != nil && b.Logo != "" {
		alt := b.LogoAlt
		if alt == "" {
			alt = name
		}
		return Wordmark{Logo: true, Alt: alt}
	}
	return Wordmark{Short: org.ShortName, Name: name, Alt: joinNonEmpty(" ", org.ShortName, name)}
}

// footerLine is the brand's footer line when the brand is the
// organisation's own, else the organisation's name and website.
func (c *composer) footerLine() string {
	if c.brandOwn() && c.opt.Brand.Footer != "" {
		return c.opt.Brand.Footer
	}
	org := c.s.Organisation
	site := strings.TrimSuffix(strings.TrimPrefix(strings.TrimPrefix(org.Website, "https://"), "http://"), "/")
	return joinNonEmpty(" · ", PlainText(org.Name), site)
}

// source is the source block: QR code, address, footer line, date and
// place, and the unofficial note.
func (c *composer) source() *SourceBlock {
	b := &SourceBlock{URL: c.s.Source, Footer: c.footerLine(), Date: joinNonEmpty(", ", PlainText(c.s.Place), c.dateText()), Unofficial: c.unofficial()}
	if b.URL != "" {
		b.Label = c.l.ScanForSource
	}
	return b
}


func (c *composer) recIndex(r *Recommendation) int {
	for i := range c.s.Recommendations {
		if c.s.Recommendations[i].ID == r.ID {
			return i
		}
	}
	return -1
}

// addRecommendation adds recommendation r: its heading with the
// "Recommendation N of M" kicker, its paragraphs and its asks.
func (c *composer) addRecommendation(r *Recommendation) {
	l, d := c.l, c.d
	i := c.recIndex(r)
	d.Add(&Heading{Level: 1, Text: ParseInline(r.Title), Kicker: l.RecOf(r.Number, len(c.s.Recommendations)), Anchor: recAnchor(r), At: c.place(fmt.Sprintf("recommendations[%d].title", i))})
	for j, p := range r.Body {
		d.Add(&Paragraph{Style: ParaBody, Text: ParseInline(p), At: c.place(fmt.Sprintf("recommendations[%d].body[%d]", i, j))})
	}
	if len(r.Asks) > 0 {
		d.Add(&Heading{Level: 2, Text: Runs{{Text: l.Asks}}})
		d.Add(asks(r))
	}
}

func recAnchor(r *Recommendation) string { return fmt.Sprintf("rec-%d", r.Number) }

func asks(r *Recommendation) *List {
	l := &List{}
	for _, a := range r.Asks {
		l.Items = append(l.Items, ParseInline(a))
	}
	return l
}

// figures returns the figures with the given ids, or all when ids is empty.
func (c *composer) figures(ids []string) *Figures {
	s := c.s
	f := &Figures{Title: c.l.KeyFigures}
	add := func(x *Figure) {
		f.Items = append(f.Items, FigureItem{Value: PlainText(x.Value), Label: ParseInline(x.Label)})
	}
	if len(ids) == 0 {
		for i := range s.Figures {
			add(&s.Figures[i])
		}
		return f
	}
	for _, id := range ids {
		if x := s.Figure(id); x != nil {
			add(x)
		}
	}
	return f
}

// pullQuote sets quote q with its marks and the speaker's dash.
func (c *composer) pullQuote(q *Quote) *PullQuote {
	at := Place{}
	for i := range c.s.Quotes {
		if c.s.Quotes[i].ID == q.ID {
			at = c.place(fmt.Sprintf("quotes[%d].text", i))
		}
	}
	text := append(Runs{{Text: "“"}}, ParseInline(q.Text)...)
	text = append(text, Inline{Text: "”"})
	return &PullQuote{Text: text, Speaker: "— " + PlainText(q.Speaker), Role: PlainText(q.Role), At: at}
}

func joinNonEmpty(sep string, parts ...string) string {
	return strings.Join(compact(parts), sep)
}

func compact(parts []string) []string {
	out := parts[:0:0]
	for _, p := range parts {
		if p != "" {
			out = append(out, p)
		}
	}
	return out
}
