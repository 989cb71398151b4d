package briefing

import "fmt"

// In returns the statement in lang: the base statement with the
// translation's text laid over it by id (figures, quotes, recommendations)
// or by position (paragraph lists). It also returns the path of every text
// field the translation lacks, which falls back to the base language. For
// the base language, or a language with no translation file, it returns
// the base statement and, for the latter, a single "*" missing entry.
func (d *Dataset) In(lang string) (*Statement, []string) {
	if lang == d.Base.Lang {
		return d.Base, nil
	}
	t, ok := d.Translations[lang]
	if !ok {
		return d.Base, []string{"*"}
	}
	o := overlay{}
	s := *d.Base
	s.Lang = lang
	s.Translation = t.Translation
	s.Title = o.text("title", s.Title, t.Title)
	s.Subtitle = o.text("subtitle", s.Subtitle, t.Subtitle)
	s.Organisation.Name = o.text("organisation.name", s.Organisation.Name, t.Organisation.Name)
	s.Organisation.ShortName = o.text("organisation.short_name", s.Organisation.ShortName, t.Organisation.ShortName)
	if s.Organisation.Contact != nil && t.Organisation.Contact != nil && t.Organisation.Contact.Role != "" {
		c := *s.Organisation.Contact
		c.Role = t.Organisation.Contact.Role
		s.Organisation.Contact = &c
	}
	s.Place = o.text("place", s.Place, t.Place)
	s.Event = o.text("event", s.Event, t.Event)
	s.Summary = o.text("summary", s.Summary, t.Summary)
	s.Context = o.paras("context", s.Context, t.Context)
	s.Closing = o.paras("closing", s.Closing, t.Closing)

	s.Figures = append([]Figure(nil), s.Figures...)
	for i := range s.Figures {
		f := &s.Figures[i]
		var tf Figure
		if x := t.Figure(f.ID); x != nil {
			tf = *x
		}
		p := fmt.Sprintf("figures[%s]", f.ID)
		f.Value = o.text(p+".value", f.Value, tf.Value)
		f.Label = o.text(p+".label", f.Label, tf.Label)
	}
	s.Quotes = append([]Quote(nil), s.Quotes...)
	for i := range s.Quotes {
		q := &s.Quotes[i]
		var tq Quote
		if x := t.Quote(q.ID); x != nil {
			tq = *x
		}
		p := fmt.Sprintf("quotes[%s]", q.ID)
		q.Text = o.text(p+".text", q.Text, tq.Text)
		q.Role = o.text(p+".role", q.Role, tq.Role)
	}
	s.Recommendations = append([]Recommendation(nil), s.Recommendations...)
	for i := range s.Recommendations {
		r := &s.Recommendations[i]
		var tr Recommendation
		if x := t.Recommendation(r.ID); x != nil {
			tr = *x
		}
		p := fmt.Sprintf("recommendations[%s]", r.ID)
		r.Title = o.text(p+".title", r.Title, tr.Title)
		r.Body = o.paras(p+".body", r.Body, tr.Body)
		r.Asks = o.paras(p+".asks", r.Asks, tr.Asks)
	}
	s.Audiences = append([]Audience(nil), s.Audiences...)
	for i := range s.Audiences {
		a := &s.Audiences[i]
		var ta Audience
		if x := t.Audience(a.ID); x != nil {
			ta = *x
		}
		p := fmt.Sprintf("audiences[%s]", a.ID)
		a.Name = o.text(p+".name", a.Name, ta.Name)
		a.Note = o.text(p+".note", a.Note, ta.Note)
	}
	return &s, o.missing
}

type overlay struct{ missing []string }

// text returns the translation when present; otherwise it records the field
// as missing (when the base has text there) and returns the base.
func (o *overlay) text(path, base, tr string) string {
	if tr != "" {
		return tr
	}
	if base != "" {
		o.missing = append(o.missing, path)
	}
	return base
}

// paras lays a translated paragraph list over the base by position.
func (o *overlay) paras(path string, base, tr []string) []string {
	if len(base) == 0 {
		return base
	}
	out := make([]string, len(base))
	for i := range base {
		var t string
		if i < len(tr) {
			t = tr[i]
		}
		out[i] = o.text(fmt.Sprintf("%s[%d]", path, i), base[i], t)
	}
	return out
}
