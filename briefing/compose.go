package briefing

import (
	"fmt"
	"strings"
	"time"
)

// ComposeOptions are the choices Compose takes besides the data. The zero
// value works: the audience's paper (else A4) and the statement's date.
type ComposeOptions struct {
	// Paper overrides the audience's paper when set.
	Paper Paper
	// Creator is the tool name and version written into the properties.
	Creator string
	// Date, when not zero, replaces the statement's date in the document
	// properties (SOURCE_DATE_EPOCH); the printed date stays the statement's.
	Date time.Time
	// Footer is the brand's footer line.
	Footer string
}

// ComposeBrief makes the one-page brief for recommendation r of statement s,
// as given to audience a.
func ComposeBrief(s *Statement, a *Audience, r *Recommendation, opt ComposeOptions) *Doc {
	d := &Doc{Meta: meta(s, a, KindBrief, opt)}
	l := d.Meta.Labels
	d.Meta.Rec, d.Meta.RecTotal = r.Number, len(s.Recommendations)
	title := PlainText(r.Title)
	d.Meta.Title = fmt.Sprintf("%s: %s", l.RecN(r.Number), title)
	d.Meta.Subject = fmt.Sprintf("%s. %s", l.RecOf(r.Number, len(s.Recommendations)), title)

	d.addRecommendation(r, len(s.Recommendations))
	if f := figures(s, r.Figures, l.KeyFigures); len(f.Items) > 0 {
		d.add(f)
	}
	if q := s.Quote(r.Quote); q != nil {
		d.add(pullQuote(q))
	}
	return d
}

// ComposePack makes the delegate pack of statement s for audience a: cover,
// contents, context with the key figures, quotes, each recommendation the
// audience gets on a new page, and an about page.
func ComposePack(s *Statement, a *Audience, opt ComposeOptions) *Doc {
	d := &Doc{Meta: meta(s, a, KindPack, opt)}
	l := d.Meta.Labels
	d.Meta.Title = PlainText(s.Title)
	d.Meta.Subject = fmt.Sprintf("%s: %s", l.DelegatePack, PlainText(s.Title))
	recs := s.Selected(a)

	d.add(&Cover{Note: ParseInline(a.Note)})
	toc := &Contents{}
	d.add(toc)
	entry := func(title, anchor string) {
		toc.Entries = append(toc.Entries, ContentsEntry{Title: title, Anchor: anchor, Level: 1})
	}

	d.add(&PageBreak{})
	entry(l.Context, "context")
	d.add(&Heading{Level: 1, Text: Runs{{Text: l.Context}}, Anchor: "context"})
	if s.Summary != "" {
		d.add(&Paragraph{Style: ParaLede, Text: ParseInline(s.Summary)})
	}
	for _, p := range s.Context {
		d.add(&Paragraph{Style: ParaBody, Text: ParseInline(p)})
	}
	if f := figures(s, nil, l.KeyFigures); len(f.Items) > 0 {
		d.add(f)
	}
	if len(s.Quotes) > 0 {
		entry(l.Quotes, "quotes")
		d.add(&Heading{Level: 1, Text: Runs{{Text: l.Quotes}}, Anchor: "quotes"})
		for i := range s.Quotes {
			d.add(pullQuote(&s.Quotes[i]))
		}
	}
	for _, r := range recs {
		d.add(&PageBreak{})
		entry(fmt.Sprintf("%s. %s", l.RecN(r.Number), PlainText(r.Title)), recAnchor(r))
		d.addRecommendation(r, len(s.Recommendations))
	}
	for _, p := range s.Closing {
		d.add(&Paragraph{Style: ParaBody, Text: ParseInline(p)})
	}

	d.add(&PageBreak{})
	entry(l.About, "about")
	d.add(&Heading{Level: 1, Text: Runs{{Text: l.About}}, Anchor: "about"})
	d.addAbout(s, l)
	return d
}

// addAbout writes the about page: who, when, where, the source and the
// contact, and the unofficial-translation note.
func (d *Doc) addAbout(s *Statement, l Labels) {
	m := &d.Meta
	org := s.Organisation
	d.add(&Paragraph{Style: ParaBody, Text: ParseInline(s.Subtitle)})
	line := func(label string, runs Runs) {
		d.add(&Paragraph{Style: ParaSmall, Text: append(Runs{{Text: label + ": ", Bold: true}}, runs...)})
	}
	line(l.Date, Runs{{Text: joinNonEmpty(", ", m.DateText, m.Place)}})
	if s.Event != "" {
		line(l.PreparedFor, Runs{{Text: joinNonEmpty(" · ", s.Event, m.Audience)}})
	}
	line(l.Source, Runs{{Text: s.Source, Link: s.Source}})
	line(l.Website, Runs{{Text: org.Website, Link: org.Website}})
	if c := org.Contact; c != nil {
		d.add(&Heading{Level: 2, Text: Runs{{Text: l.Contact}}})
		runs := Runs{{Text: joinNonEmpty(", ", c.Name, c.Role)}}
		if c.Email != "" {
			runs = append(runs, Inline{Text: " · "}, Inline{Text: c.Email, Link: "mailto:" + c.Email})
		}
		if c.Phone != "" {
			runs = append(runs, Inline{Text: " · " + c.Phone})
		}
		d.add(&Paragraph{Style: ParaBody, Text: runs})
	}
	if m.Unofficial != "" {
		d.add(&Paragraph{Style: ParaNote, Text: Runs{{Text: m.Unofficial}}})
	}
}

// meta fills the fields every document of s for a shares.
func meta(s *Statement, a *Audience, k Kind, opt ComposeOptions) Meta {
	l, _ := LabelsFor(s.Lang)
	paper := opt.Paper
	if paper == "" {
		paper = a.Paper
	}
	if paper == "" {
		paper = PaperA4
	}
	date, _ := s.Date.Time()
	m := Meta{
		Kind:      k,
		Lang:      s.Lang,
		Paper:     paper,
		Subtitle:  PlainText(s.Subtitle),
		Author:    PlainText(s.Organisation.Name),
		ShortName: s.Organisation.ShortName,
		Creator:   opt.Creator,
		Statement: PlainText(s.Title),
		Event:     PlainText(s.Event),
		Place:     PlainText(s.Place),
		Date:      date,
		DateText:  l.FormatDate(date),
		SourceURL: s.Source,
		Website:   s.Organisation.Website,
		Footer:    opt.Footer,
		Audience:  PlainText(a.Name),
		Labels:    l,
	}
	if !opt.Date.IsZero() {
		m.Date = opt.Date
	}
	if t := s.Translation; t != nil && !t.Official {
		m.Unofficial = t.Note
		if m.Unofficial == "" {
			m.Unofficial = l.Unofficial
		}
	}
	m.Keywords = []string{PlainText(s.Event), m.ShortName, m.Audience}
	if k == KindBrief {
		m.Keywords = append(m.Keywords, l.Brief)
	} else {
		m.Keywords = append(m.Keywords, l.DelegatePack)
	}
	m.Keywords = compact(m.Keywords)
	return m
}

func (d *Doc) add(b Block) { d.Blocks = append(d.Blocks, b) }

// addRecommendation adds recommendation r of total: its heading with the
// "Recommendation N of M" kicker, its paragraphs and its asks.
func (d *Doc) addRecommendation(r *Recommendation, total int) {
	l := d.Meta.Labels
	d.add(&Heading{Level: 1, Text: ParseInline(r.Title), Kicker: l.RecOf(r.Number, total), Anchor: recAnchor(r)})
	for _, p := range r.Body {
		d.add(&Paragraph{Style: ParaBody, Text: ParseInline(p)})
	}
	if len(r.Asks) > 0 {
		d.add(&Heading{Level: 2, Text: Runs{{Text: l.Asks}}})
		d.add(asks(r))
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
func figures(s *Statement, ids []string, title string) *Figures {
	f := &Figures{Title: title}
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

func pullQuote(q *Quote) *PullQuote {
	return &PullQuote{Text: ParseInline(q.Text), Speaker: PlainText(q.Speaker), Role: PlainText(q.Role)}
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
