package compose

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"briefing/briefing/doc"
	"briefing/briefing/inline"
	"briefing/briefing/input"
	"briefing/briefing/labels"
	"briefing/briefing/qrcode"
	"briefing/briefing/statement"
	"briefing/briefing/style"
)

// Options are the choices Brief and Pack take besides the data; the zero
// value composes without a paper (the layout refuses it), a creator or a
// brand.
type Options struct {
	// Paper is the paper the batch plan decided on. Brief and Pack take
	// it as given: an empty Paper stays empty, and the layout refuses it.
	Paper statement.Paper
	// Print is what the document is made for (a PDF's print mode, from
	// the batch plan); empty is statement.PrintScreen.
	Print statement.Print
	// Creator is the tool name and version written into the properties.
	Creator string
	// Date, when not zero, replaces the statement's date in the document
	// properties (SOURCE_DATE_EPOCH); the printed date stays the statement's.
	Date time.Time
	// Brand is the brand the documents are made in: its logo (when it has
	// one) is the wordmark, and its footer line is printed when it is the
	// statement's organisation's brand. Nil: the statement's organisation
	// alone.
	Brand *style.Brand
	// QR encodes the source address as a QR code, once for all the
	// documents that share it; nil: once per document.
	QR *qrcode.Cache
}

// composer holds what every block of one document is made from.
type composer struct {
	s   *statement.Statement
	a   *statement.Audience
	opt Options
	l   labels.Labels
	d   *doc.Doc
}

func newComposer(s *statement.Statement, a *statement.Audience, k statement.Kind, opt Options) *composer {
	l, _ := labels.LabelsFor(s.Lang)
	c := &composer{s: s, a: a, opt: opt, l: l}
	c.d = &doc.Doc{Meta: c.meta(k)}
	return c
}

// Brief makes the one-page brief for recommendation r of statement s,
// as given to audience a: masthead, the recommendation, its key figures and
// quote, and the source block.
func Brief(s *statement.Statement, a *statement.Audience, r *statement.Recommendation, opt Options) *doc.Doc {
	c := newComposer(s, a, statement.KindBrief, opt)
	d, l := c.d, c.l
	title := inline.Plain(r.Title)
	d.Meta.Title = fmt.Sprintf("%s: %s", l.RecN(r.Number), title)
	d.Meta.Subject = fmt.Sprintf("%s. %s", l.RecOf(r.Number, len(s.Recommendations)), title)

	// The date (with the place) is printed once, here at the top where a
	// reader looks for when and where; the source block at the foot says
	// where to read more and whom to contact.
	d.Add(&doc.Masthead{Wordmark: c.wordmark(), Label: l.Brief, Statement: inline.Plain(s.Title), StatementLang: s.FallbackLang(s.At.Of("title")), Line: joinNonEmpty("  ·  ", inline.Plain(s.Event), c.placeDate()), At: s.At.Of("title")})
	c.addRecommendation(r)
	if f := c.figures(r.Figures); len(f.Items) > 0 {
		d.Add(f)
	}
	if q := s.Quote(r.Quote); q != nil {
		d.Add(c.pullQuote(q))
	}
	src := c.source()
	src.Doc = l.Brief + " · " + l.RecOf(r.Number, len(s.Recommendations))
	src.Contact = c.contact()
	d.Add(src)
	return d
}

// Pack makes the briefing pack of statement s for audience a: a cover with
// the recommendations at a glance (the contents); the context with the key
// figures; the recommendations the audience gets, flowing one after the
// other, each with the quote it cites; and a back page about the
// statement with the contact and the QR code. A running header and footer
// go on every page but the cover.
func Pack(s *statement.Statement, a *statement.Audience, opt Options) *doc.Doc {
	c := newComposer(s, a, statement.KindPack, opt)
	d, l := c.d, c.l
	d.Meta.Title = inline.Plain(s.Title)
	d.Meta.Subject = fmt.Sprintf("%s: %s", c.packLabel(), inline.Plain(s.Title))
	recs := s.Selected(a)
	unofficial := c.unofficial()

	flag := ""
	if unofficial != "" {
		// The header has room for the short label; the cover and the about
		// page print the data's full note.
		flag = l.Unofficial
	}
	d.Header = &doc.Running{Lead: s.Organisation.ShortName, Text: inline.Plain(s.Title), Flag: flag}
	d.Footer = &doc.Running{Text: c.footerLine(), Page: l.Page}

	// The cover prints the place and date (When) and the unofficial note
	// once, above its source block.
	src := c.source()
	src.Unofficial = ""
	d.Add(&doc.Cover{
		Wordmark:     c.wordmark(),
		Kicker:       c.packLabel(),
		Title:        inline.Plain(s.Title),
		TitleLang:    s.FallbackLang(s.At.Of("title")),
		Subtitle:     inline.Plain(s.Subtitle),
		SubtitleLang: s.FallbackLang(s.At.Of("subtitle")),
		Event:        inline.Plain(s.Event),
		When:         joinNonEmpty("  ·  ", inline.Plain(s.Place), c.dateText()),
		PreparedFor:  l.PreparedFor,
		Audience:     inline.Plain(a.Name),
		Note:         c.prose(a.Note, a.At.Of("note")),
		Unofficial:   unofficial,
		Source:       src,
		At:           s.At.Of("title"),
	})
	// The cover lists the recommendations with their pages: the pack's
	// contents ("at a glance"); the outline (bookmarks) has every section.
	toc := &doc.Contents{Title: l.AtAGlance}
	d.Add(toc)
	for _, r := range recs {
		toc.Entries = append(toc.Entries, doc.ContentsEntry{Title: fmt.Sprintf("%s. %s", l.RecN(r.Number), prose(r.Title).Plain()), Anchor: recAnchor(r), Level: 1})
	}

	// Each quote is printed once: beside the first recommendation of the
	// pack that cites it, else with the context.
	cited := map[string]bool{}
	for _, r := range recs {
		if s.Quote(r.Quote) != nil {
			cited[r.Quote] = true
		}
	}
	d.Add(&doc.PageBreak{})
	d.Add(&doc.Heading{Level: 1, Text: inline.Runs{{Text: l.Context}}, Anchor: "context"})
	if s.Summary != "" {
		d.Add(&doc.Paragraph{Style: doc.ParaLede, Text: c.prose(s.Summary, s.At.Of("summary")), At: s.At.Of("summary")})
	}
	for i, p := range s.Context {
		d.Add(&doc.Paragraph{Style: doc.ParaBody, Text: c.prose(p, s.At.Entry("context", i)), At: s.At.Entry("context", i)})
	}
	if f := c.figures(nil); len(f.Items) > 0 {
		d.Add(f)
	}
	var uncited []*statement.Quote
	for i := range s.Quotes {
		if !cited[s.Quotes[i].ID] {
			uncited = append(uncited, &s.Quotes[i])
		}
	}
	if len(uncited) > 0 {
		d.Add(&doc.Heading{Level: 1, Text: inline.Runs{{Text: l.Quotes}}, Anchor: "quotes"})
		for _, q := range uncited {
			d.Add(c.pullQuote(q))
		}
	}
	// The recommendations flow on from the context, each with the quote
	// it cites when that is the quote's first appearance (the key figures
	// are all in the context's panel).
	shown := map[string]bool{}
	for _, r := range recs {
		c.addRecommendation(r)
		if q := s.Quote(r.Quote); q != nil && !shown[q.ID] {
			shown[q.ID] = true
			d.Add(c.pullQuote(q))
		}
	}
	for i, p := range s.Closing {
		d.Add(&doc.Paragraph{Style: doc.ParaBody, Text: c.prose(p, s.At.Entry("closing", i)), At: s.At.Entry("closing", i)})
	}

	// The back page: about the statement, the contact and the QR code.
	d.Add(&doc.PageBreak{})
	d.Add(&doc.Heading{Level: 1, Text: inline.Runs{{Text: l.About}}, Anchor: "about"})
	c.addAbout()
	back := c.source()
	back.Unofficial = ""
	d.Add(back)
	return d
}

// addAbout writes the about page: who, when, where, the statement's page
// (when the data gives it) and the website, the contact, and the
// unofficial-translation note.
func (c *composer) addAbout() {
	s, l, d := c.s, c.l, c.d
	org := s.Organisation
	d.Add(&doc.Paragraph{Style: doc.ParaBody, Text: c.prose(s.Subtitle, s.At.Of("subtitle")), At: s.At.Of("subtitle")})
	line := func(label string, runs inline.Runs) {
		d.Add(&doc.Paragraph{Style: doc.ParaSmall, Text: tie(append(inline.Runs{{Text: label + ": ", Bold: true}}, runs...))})
	}
	line(l.Date, inline.Runs{{Text: joinNonEmpty(", ", c.dateText(), inline.Plain(s.Place))}})
	if s.Event != "" {
		line(l.PreparedFor, inline.Runs{{Text: joinNonEmpty(" · ", inline.Plain(s.Event), inline.Plain(c.a.Name))}})
	}
	if link, own := s.Link(); own {
		line(l.Source, inline.Runs{{Text: link, Link: link}})
	}
	if org.Website != "" {
		line(l.Website, inline.Runs{{Text: org.Website, Link: org.Website}})
	}
	if ct := c.contact(); ct != nil {
		d.Add(&doc.Heading{Level: 2, Text: inline.Runs{{Text: l.Contact}}})
		d.Add(&doc.Paragraph{Style: doc.ParaBody, Text: ct.Text()})
	}
	if u := c.unofficial(); u != "" {
		d.Add(&doc.Paragraph{Style: doc.ParaNote, Text: tie(inline.Runs{{Text: u}}), At: s.Translation.At.Of("note")})
	}
}

// contact is the contact of the audience's documents (its own, else the
// organisation's) as printed; nil for none.
func (c *composer) contact() *doc.Contact {
	ct := c.s.ContactFor(c.a)
	if ct == nil {
		return nil
	}
	return &doc.Contact{Label: c.l.Contact, Name: inline.Plain(ct.Name), Role: inline.Plain(ct.Role), Email: ct.Email, Phone: ct.Phone, At: ct.At.Place}
}

// packLabel is what the audience's pack is called: its own label, else
// the language's ("Briefing pack").
func (c *composer) packLabel() string {
	if c.a != nil && c.a.PackLabel != "" {
		return inline.Plain(c.a.PackLabel)
	}
	return c.l.Pack
}

// meta fills the properties every document of s for a shares.
func (c *composer) meta(k statement.Kind) doc.Meta {
	s, l := c.s, c.l
	date, _ := s.Date.Time()
	m := doc.Meta{
		Kind:     k,
		Lang:     s.Lang,
		Paper:    c.opt.Paper,
		Print:    c.opt.Print,
		Subtitle: inline.Plain(s.Subtitle),
		Author:   inline.Plain(s.Organisation.Name),
		Creator:  c.opt.Creator,
		Date:     date,
	}
	if !c.opt.Date.IsZero() {
		m.Date = c.opt.Date
	}
	m.Keywords = []string{inline.Plain(s.Event), s.Organisation.ShortName, inline.Plain(c.a.Name)}
	if k == statement.KindBrief {
		m.Keywords = append(m.Keywords, l.Brief)
	} else {
		m.Keywords = append(m.Keywords, c.packLabel())
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

// placeDate is the place and date of the statement: "Bogotá, 21 June
// 2024".
func (c *composer) placeDate() string {
	return joinNonEmpty(", ", inline.Plain(c.s.Place), c.dateText())
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
	return b != nil && (b.Name == "" || strings.EqualFold(b.Name, inline.Plain(c.s.Organisation.Name)))
}

// wordmark is the brand's logo when it has one, else the statement's
// organisation set as a typographic wordmark: a statement of another
// organisation never prints the built-in brand's name.
func (c *composer) wordmark() doc.Wordmark {
	org := c.s.Organisation
	name := inline.Plain(org.Name)
	if b := c.opt.Brand; b != nil && b.Logo != "" {
		alt := b.LogoAlt
		if alt == "" {
			alt = name
		}
		return doc.Wordmark{Logo: true, Alt: alt}
	}
	return doc.Wordmark{Short: org.ShortName, Name: name, Alt: joinNonEmpty(" ", org.ShortName, name), At: org.At.Of("name")}
}

// footerLine is the brand's footer line when the brand is the
// organisation's own, else the organisation's name and website.
func (c *composer) footerLine() string {
	if c.brandOwn() && c.opt.Brand.Footer != "" {
		return c.opt.Brand.Footer
	}
	org := c.s.Organisation
	site := strings.TrimSuffix(strings.TrimPrefix(strings.TrimPrefix(org.Website, "https://"), "http://"), "/")
	return joinNonEmpty(" · ", inline.Plain(org.Name), site)
}

// source is the source block: the QR code with a label that says where
// it leads, the address (printed once), the footer line and the
// unofficial note. A QR code to the statement's own page says "Scan to read
// the full statement" and prints the address; one to the organisation's
// website is labelled with the site and the organisation's name
// ("drc.ngo – Danish Refugee Council"), which is its address, so no
// address line follows, nor a footer line that names the site again.
func (c *composer) source() *doc.SourceBlock {
	b := &doc.SourceBlock{Footer: c.footerLine(), Unofficial: c.unofficial()}
	link, own := c.s.Link()
	if link == "" {
		return b
	}
	b.URL = link
	if own {
		b.Label, b.Address = c.l.ScanForSource, link
	} else {
		host := statement.Host(link)
		b.Label = c.l.SiteOf(host, inline.Plain(c.s.Organisation.Name))
		if strings.Contains(strings.ToLower(b.Footer), host) {
			b.Footer = ""
		}
	}
	// An address too long for a QR code gets none: the PDF leaves it out,
	// the DOCX writer says so.
	b.QR, _ = c.opt.QR.Encode(b.URL)
	return b
}

// addRecommendation adds recommendation r: its heading with the
// "Recommendation N of M" kicker, its paragraphs and its asks.
func (c *composer) addRecommendation(r *statement.Recommendation) {
	l, d := c.l, c.d
	body := r.At.Of("body")
	if body.Line == 0 {
		body = r.At.Place
	}
	d.Add(&doc.Heading{Level: 1, Text: c.prose(r.Title, r.At.Of("title")), Kicker: l.RecOf(r.Number, len(c.s.Recommendations)), Anchor: recAnchor(r), At: r.At.Of("title"),
		Rec: &doc.Rec{Number: r.Number, Body: body}})
	for j, p := range r.Body {
		d.Add(&doc.Paragraph{Style: doc.ParaBody, Text: c.prose(p, r.At.Entry("body", j)), At: r.At.Entry("body", j)})
	}
	if len(r.Asks) > 0 {
		d.Add(&doc.Heading{Level: 2, Text: inline.Runs{{Text: l.Asks}}})
		d.Add(c.asks(r))
	}
}

func recAnchor(r *statement.Recommendation) string { return fmt.Sprintf("rec-%d", r.Number) }

func (c *composer) asks(r *statement.Recommendation) *doc.List {
	l := &doc.List{}
	for i, a := range r.Asks {
		l.Items = append(l.Items, c.prose(a, r.At.Entry("asks", i)))
	}
	return l
}

// figures returns the figures with the given ids, or all when ids is
// empty, with the line that names their sources.
func (c *composer) figures(ids []string) *doc.Figures {
	s := c.s
	f := &doc.Figures{Title: c.l.KeyFigures}
	var picked []*statement.Figure
	if len(ids) == 0 {
		for i := range s.Figures {
			picked = append(picked, &s.Figures[i])
		}
	}
	for _, id := range ids {
		if x := s.Figure(id); x != nil {
			picked = append(picked, x)
		}
	}
	for _, x := range picked {
		f.Items = append(f.Items, doc.FigureItem{Value: inline.Plain(x.Value), Label: c.prose(x.Label, x.At.Of("label"))})
	}
	f.Source = c.figureSources(picked)
	return f
}

// figureSources is the source line of figures: "Source: X" when every
// figure has the one source X; otherwise "Sources: X (25 million, 6
// million); Y (40)", each source with the values it is the source of, in
// the order they first appear. Figures without a source are left out of
// it; nil when none has one.
func (c *composer) figureSources(figs []*statement.Figure) inline.Runs {
	var order []string
	values := map[string][]string{}
	all := true
	for _, x := range figs {
		if x.Source == "" {
			all = false
			continue
		}
		if _, ok := values[x.Source]; !ok {
			order = append(order, x.Source)
		}
		values[x.Source] = append(values[x.Source], inline.Plain(x.Value))
	}
	switch {
	case len(order) == 0:
		return nil
	case len(order) == 1 && all:
		return append(inline.Runs{{Text: c.l.Source + ": "}}, inline.Parse(order[0])...)
	}
	label := c.l.Sources
	if len(order) == 1 {
		label = c.l.Source
	}
	out := inline.Runs{{Text: label + ": "}}
	for i, src := range order {
		if i > 0 {
			out = append(out, inline.Run{Text: "; "})
		}
		out = append(out, inline.Parse(src)...)
		out = append(out, inline.Run{Text: " (" + strings.Join(values[src], ", ") + ")"})
	}
	return out
}

// pullQuote sets quote q with its marks; the speaker's line has no dash
// (the layout sets it apart by space and weight).
func (c *composer) pullQuote(q *statement.Quote) *doc.PullQuote {
	lang := c.s.FallbackLang(q.At.Of("text"))
	text := append(inline.Runs{{Text: "“", Lang: lang}}, c.prose(q.Text, q.At.Of("text"))...)
	text = append(text, inline.Run{Text: "”", Lang: lang})
	if q.Speaker == "" {
		// Known by the role alone: the role takes the speaker's line.
		return &doc.PullQuote{Text: text, Speaker: inline.Plain(q.Role), At: q.At.Of("text")}
	}
	return &doc.PullQuote{Text: text, Speaker: inline.Plain(q.Speaker), Role: inline.Plain(q.Role), At: q.At.Of("text")}
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

// prose parses s (a text field of the data) and ties its last two words
// with a no-break space, so that no line breaker, the PDF layout's or
// Word's, leaves the last word of a paragraph, a title or a quote alone
// on its line (a runt).
func prose(s string) inline.Runs { return tie(inline.Parse(s)) }

// prose is prose(s) for the text field at place at, each run marked with
// its language when a translation leaves the field out (it prints in the
// base language: Statement.FallbackLang).
func (c *composer) prose(s string, at input.Place) inline.Runs {
	runs := prose(s)
	if lang := c.s.FallbackLang(at); lang != "" {
		runs = slices.Clone(runs)
		for i := range runs {
			runs[i].Lang = lang
		}
	}
	return runs
}

// tie replaces the last space between two words of runs with a no-break
// space (U+00A0).
func tie(runs inline.Runs) inline.Runs {
	for i := len(runs) - 1; i >= 0; i-- {
		t := strings.TrimRight(runs[i].Text, " ")
		j := strings.LastIndexByte(t, ' ')
		if j < 0 {
			continue // no space in this run: the last one is in a run before it
		}
		if j == 0 && i == 0 {
			return runs
		}
		out := append(inline.Runs(nil), runs...)
		out[i].Text = runs[i].Text[:j] + "\u00a0" + runs[i].Text[j+1:]
		return out
	}
	return runs
}
