package pdf

import "briefing/briefing"

// latinOnly reports whether every rune d prints is in the reduced fonts'
// ranges (see latin).
func latinOnly(d *briefing.Doc) bool {
	m := &d.Meta
	l := &m.Labels
	c := &coverage{ok: true}
	c.str(m.Title, m.Subtitle, m.Author, m.ShortName, m.Statement, m.Event, m.Place, m.DateText,
		m.SourceURL, m.Website, m.Footer, m.Unofficial, m.Audience,
		l.Recommendation, l.RecommendationShort, l.Page, l.Contents, l.KeyFigures, l.Context, l.Quotes,
		l.Recommendations, l.Asks, l.About, l.Contact, l.Source, l.Website, l.PreparedFor, l.Date,
		l.ScanForSource, l.DelegatePack, l.Brief, l.Unofficial)
	if c.ok {
		_ = briefing.Walk(d, c)
	}
	return c.ok
}

// coverage is a Visitor that checks the runes of every block.
type coverage struct{ ok bool }

var _ briefing.Visitor = (*coverage)(nil)

func (c *coverage) str(ss ...string) {
	for _, s := range ss {
		for _, r := range s {
			if !inLatin(r) {
				c.ok = false
				return
			}
		}
	}
}

func (c *coverage) runs(rs briefing.Runs) {
	for _, r := range rs {
		c.str(r.Text)
	}
}

func (c *coverage) Cover(b *briefing.Cover) error { c.runs(b.Note); return nil }

func (c *coverage) Contents(b *briefing.Contents) error {
	for _, e := range b.Entries {
		c.str(e.Title)
	}
	return nil
}

func (c *coverage) Heading(b *briefing.Heading) error {
	c.runs(b.Text)
	c.str(b.Kicker)
	return nil
}

func (c *coverage) Paragraph(b *briefing.Paragraph) error { c.runs(b.Text); return nil }

func (c *coverage) List(b *briefing.List) error {
	for _, it := range b.Items {
		c.runs(it)
	}
	return nil
}

func (c *coverage) Figures(b *briefing.Figures) error {
	c.str(b.Title)
	for _, it := range b.Items {
		c.str(it.Value)
		c.runs(it.Label)
	}
	return nil
}

func (c *coverage) PullQuote(b *briefing.PullQuote) error {
	c.runs(b.Text)
	c.str(b.Speaker, b.Role)
	return nil
}

func (c *coverage) PageBreak(*briefing.PageBreak) error { return nil }
