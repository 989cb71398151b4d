package statement

import (
	"fmt"
	"net/mail"
	"net/url"
	"path"
	"regexp"
	"sort"
	"strings"

	"briefing/briefing/inline"
	"briefing/briefing/input"
	"briefing/briefing/labels"
)

// Check checks a loaded dataset as a whole: ids (safe slugs, unique),
// recommendation numbers (where written, their position), references between
// recommendations, quotes, figures and audiences, the date, web addresses
// (including links in text), language codes, kinds, formats and paper
// sizes, and translations against the base file. Errors make the data
// unusable; warnings, such as a translation into a language without
// built-in labels, do not. Both lists are in file order. The fields a
// translation leaves in the base language are not among the warnings:
// see Dataset.Fallbacks.
func Check(ds *Dataset) (errs, warnings input.ErrorList) {
	if ds == nil || ds.Base == nil {
		return nil, nil
	}
	c := &checker{ds: ds}
	c.base()
	langs := make([]string, 0, len(ds.Translations))
	for l := range ds.Translations {
		langs = append(langs, l)
	}
	sort.Strings(langs)
	for _, l := range langs {
		c.translation(l)
	}
	errs, warnings = input.Dedupe(c.errs), input.Dedupe(c.warns)
	input.SortErrors(errs, ds.File)
	input.SortErrors(warnings, ds.File)
	return errs, warnings
}

type checker struct {
	ds          *Dataset
	errs, warns input.ErrorList
}

func (c *checker) errorf(at input.Place, format string, args ...any) {
	c.errs = append(c.errs, input.Errorf(at, format, args...))
}

func (c *checker) warnf(at input.Place, format string, args ...any) {
	c.warns = append(c.warns, input.Errorf(at, format, args...))
}

var (
	slugRe = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	langRe = regexp.MustCompile(`^[a-z]{2,3}(-([A-Z]{2}|[0-9]{3}|[A-Z][a-z]{3}))?$`)
)

// validLang reports whether s is a language code such as "en", "es",
// "pt-BR", "es-419" or "zh-Hant".
func validLang(s string) bool { return langRe.MatchString(s) }

// slug checks an id; empty ids are reported as required by the decoder.
func (c *checker) slug(at input.Place, id string) {
	if id == "" || slugRe.MatchString(id) {
		return
	}
	c.errorf(at, "%q is not a valid id: use lower-case letters a-z, digits and single hyphens (e.g. %q); ids name output files", id, slugify(id))
}

// slugify suggests a slug for s.
func slugify(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
		} else {
			dash = true
		}
	}
	if b.Len() == 0 {
		return "my-id"
	}
	return b.String()
}

// unique reports repeated ids in a list of items.
func (c *checker) unique(items []item) {
	first := map[string]item{}
	for _, it := range items {
		if it.id == "" {
			continue
		}
		if f, ok := first[it.id]; ok {
			c.errorf(it.at.Near("id"), "duplicate id %q (also %s)", it.id, f.at.Field)
			continue
		}
		first[it.id] = it
	}
}

// ref checks a reference to an id in a list of known ids.
func (c *checker) ref(at input.Place, id, what string, known []string) {
	if id == "" {
		return
	}
	for _, k := range known {
		if k == id {
			return
		}
	}
	msg := fmt.Sprintf("unknown %s %q", what, id)
	if s := input.Suggest(id, known); s != "" {
		msg += fmt.Sprintf("; did you mean %q?", s)
	} else if len(known) > 0 {
		msg += "; want one of " + strings.Join(known, ", ")
	} else {
		msg += fmt.Sprintf("; the file defines no %ss", what)
	}
	c.errs = append(c.errs, &input.Error{Place: at, Msg: msg})
}

// oneOf checks an enumerated value.
func oneOf[T ~string](c *checker, at input.Place, v T, allowed []T, what string) {
	if msg := OneOf(v, allowed, what); msg != "" {
		c.errs = append(c.errs, &input.Error{Place: at, Msg: msg})
	}
}

// OneOf says why v is not one of allowed (with a likely meant one); ""
// when it is, or when v is empty.
func OneOf[T ~string](v T, allowed []T, what string) string {
	if v == "" {
		return ""
	}
	names := make([]string, len(allowed))
	for i, a := range allowed {
		if a == v {
			return ""
		}
		names[i] = string(a)
	}
	if s := input.Suggest(string(v), names); s != "" {
		return fmt.Sprintf("unknown %s %q; did you mean %q? (want one of %s)", what, v, s, strings.Join(names, ", "))
	}
	return fmt.Sprintf("unknown %s %q; want one of %s", what, v, strings.Join(names, ", "))
}

// webURL checks an absolute http(s) address.
func (c *checker) webURL(at input.Place, s string) {
	if s == "" {
		return
	}
	if msg := badURL(s, false); msg != "" {
		c.errorf(at, "%s", msg)
	}
}

// badURL describes what is wrong with a link target; "" when it is fine.
func badURL(s string, mailto bool) string {
	want := "want an absolute http:// or https:// address"
	if mailto {
		want = "want an absolute http://, https:// or mailto: address"
	}
	u, err := url.Parse(s)
	if err != nil || strings.ContainsAny(s, " \t\n") {
		return fmt.Sprintf("malformed address %q; %s", s, want)
	}
	switch strings.ToLower(u.Scheme) {
	case "http", "https":
		if u.Host == "" || strings.HasPrefix(u.Host, ".") || strings.HasSuffix(u.Host, ".") {
			return fmt.Sprintf("malformed address %q: no host name; %s", s, want)
		}
		return ""
	case "mailto":
		if mailto {
			if !strings.Contains(u.Opaque, "@") {
				return fmt.Sprintf("malformed address %q: want mailto:name@example.org", s)
			}
			return ""
		}
	}
	return fmt.Sprintf("malformed address %q; %s", s, want)
}

// links checks the links in every text field of s.
func (c *checker) links(s *Statement) {
	input.WalkText(s, func(at input.Place, text string) {
		if !strings.Contains(text, "](") {
			return
		}
		for _, r := range inline.Parse(text) {
			if r.Link == "" {
				continue
			}
			if msg := badURL(r.Link, true); msg != "" {
				c.errorf(at, "link [%s](%s): %s", r.Text, r.Link, msg)
			}
		}
	})
}

// item is an item of a list keyed by id: its id and its places.
type item struct {
	id string
	at input.Places
}

func items[T any](list []T, item1 func(*T) item) []item {
	out := make([]item, len(list))
	for i := range list {
		out[i] = item1(&list[i])
	}
	return out
}

func figures(s *Statement) []item {
	return items(s.Figures, func(f *Figure) item { return item{f.ID, f.At} })
}
func quotes(s *Statement) []item {
	return items(s.Quotes, func(q *Quote) item { return item{q.ID, q.At} })
}
func recs(s *Statement) []item {
	return items(s.Recommendations, func(r *Recommendation) item { return item{r.ID, r.At} })
}
func audiences(s *Statement) []item {
	return items(s.Audiences, func(a *Audience) item { return item{a.ID, a.At} })
}

// ids lists the items' ids.
func ids(items []item) []string {
	out := make([]string, len(items))
	for i, it := range items {
		out[i] = it.id
	}
	return out
}

// base checks the base statement.
func (c *checker) base() {
	s, f := c.ds.Base, c.ds.File
	if s.Translation != nil {
		c.errorf(s.At.Near("translation"), "only a translation file (%s) has a translation section", translationName(f, "<lang>"))
	}
	c.slug(s.At.Near("id"), s.ID)
	if s.Lang != "" && !validLang(s.Lang) {
		c.errorf(s.At.Near("lang"), "%q is not a language code; want a code such as en, es, fr or pt-BR", s.Lang)
	}
	if s.Date != "" {
		if _, err := s.Date.Time(); err != nil {
			c.errorf(s.At.Near("date"), "%v", err)
		}
	}
	c.webURL(s.At.Near("statement_url"), s.StatementURL)
	c.webURL(s.At.Near("source"), s.Source)
	switch {
	case s.StatementURL != "" && s.Source != "":
		c.errorf(s.At.Near("source"), "source is the older name of statement_url, which the file also gives; keep one")
	case s.StatementURL != "" && badURL(s.StatementURL, false) == "" && HomePage(s.StatementURL):
		c.warnf(s.At.Near("statement_url"), "%q is a site's home page, not the statement's own page: the QR code will say it leads to %s; give the statement's address, or leave statement_url out", s.StatementURL, Host(s.StatementURL))
	}
	c.webURL(s.Organisation.At.Near("website"), s.Organisation.Website)
	c.contact(s.Organisation.Contact)
	c.links(s)

	figs, qs, rs, auds := figures(s), quotes(s), recs(s), audiences(s)
	for _, list := range [][]item{figs, qs, rs, auds} {
		for _, it := range list {
			c.slug(it.at.Near("id"), it.id)
		}
	}
	for _, it := range rs {
		if it.id == "all" {
			c.errorf(it.at.Near("id"), `"all" is reserved (audiences use it for every recommendation); choose another id`)
		}
	}
	for _, it := range auds {
		if it.id == DefaultAudienceID && it.at.Written("id") {
			// Load adds the default audience "all" (unwritten) to a
			// statement without audiences.
			c.errorf(it.at.Near("id"), `"all" is reserved; choose another id`)
		}
	}
	c.unique(figs)
	c.unique(qs)
	c.unique(rs)
	c.unique(auds)

	for i := range s.Quotes {
		q := &s.Quotes[i]
		if q.Speaker == "" && q.Role == "" {
			c.errorf(q.At.Near("speaker"), "a quote needs its speaker, its role, or both")
		}
	}

	// A recommendation's number is its position (Load fills in those
	// left out); one written must agree.
	written := map[int]int{}
	for i := range s.Recommendations {
		r := &s.Recommendations[i]
		if r.At.Written("number") {
			if j, ok := written[r.Number]; ok {
				c.errorf(r.At.Near("number"), "duplicate number %d (also %s)", r.Number, s.Recommendations[j].At.Field)
			} else if r.Number != i+1 {
				c.errorf(r.At.Near("number"), "number %d out of order: want %d, its position in the list (or leave number out)", r.Number, i+1)
			}
			written[r.Number] = i
		}
		for j, a := range r.Audiences {
			c.ref(r.At.Entry("audiences", j), a, "audience", ids(auds))
		}
		c.ref(r.At.Near("quote"), r.Quote, "quote", ids(qs))
		for j, x := range r.Figures {
			c.ref(r.At.Entry("figures", j), x, "figure", ids(figs))
		}
	}

	for i := range s.Audiences {
		a := &s.Audiences[i]
		for j, r := range a.Recommendations {
			if r == "all" {
				if len(a.Recommendations) > 1 {
					c.errorf(a.At.Entry("recommendations", j), `"all" must be the only entry`)
				}
				continue
			}
			c.ref(a.At.Entry("recommendations", j), r, "recommendation", ids(rs))
		}
		seen := map[string]bool{}
		for j, l := range a.Languages {
			at := a.At.Entry("languages", j)
			switch {
			case l == "":
			case !validLang(l):
				c.errorf(at, "%q is not a language code; want a code such as en, es, fr or pt-BR", l)
			case seen[l]:
				c.errorf(at, "duplicate language %q", l)
			case l == s.Lang || c.ds.Translations[l] != nil || !validLang(s.Lang):
			case a.Fallback || c.ds.AllowFallback:
				c.warnf(at, "no %s translation (no %s beside this file); the %s documents will be in %s", l, path.Base(translationName(f, l)), l, s.Lang)
			default:
				c.errorf(at, "no %s translation (no %s beside this file): write it, take %s out of languages, or add fallback: true to the audience (or pass --allow-fallback) to make the %s documents in %s", l, path.Base(translationName(f, l)), l, l, s.Lang)
			}
			seen[l] = true
		}
		for j, k := range a.Kinds {
			oneOf(c, a.At.Entry("kinds", j), k, Kinds, "kind")
		}
		for j, x := range a.Formats {
			oneOf(c, a.At.Entry("formats", j), x, Formats, "format")
		}
		oneOf(c, a.At.Near("paper"), a.Paper, Papers, "paper")
		c.contact(a.Contact)
		c.email(a.Email)
	}
}

// email checks an audience's email drafts' addressees, each as a mail
// program reads it: name@example.org or "Name <name@example.org>".
func (c *checker) email(e *Email) {
	if e == nil {
		return
	}
	for _, f := range []struct {
		key  string
		list []string
	}{{"to", e.To}, {"cc", e.Cc}} {
		for i, a := range f.list {
			if _, err := mail.ParseAddress(a); err != nil {
				c.errorf(e.At.Entry(f.key, i), "%q is not an e-mail address; want name@example.org or \"Name <name@example.org>\"", a)
			}
		}
	}
}

// phoneRe is a phone number as people write it: digits, spaces, dots,
// hyphens and brackets, with an optional leading "+".
var phoneRe = regexp.MustCompile(`^\+?[0-9][0-9 ./()-]*[0-9]$`)

// contact checks a contact: who (a name or a role), how to reach them (an
// e-mail address or a phone number), and that both are well formed.
func (c *checker) contact(ct *Contact) {
	if ct == nil {
		return
	}
	if ct.Name == "" && ct.Role == "" {
		c.errorf(ct.At.Place, "a contact needs a name, a role, or both")
	}
	if ct.Email == "" && ct.Phone == "" {
		c.errorf(ct.At.Place, "a contact needs an e-mail address, a phone number, or both")
	}
	if e := ct.Email; e != "" {
		switch {
		case strings.HasPrefix(strings.ToLower(e), "mailto:"):
			c.errorf(ct.At.Near("email"), "malformed e-mail address %q; did you mean %q? (the mailto: link is made for you)", e, e[len("mailto:"):])
		case badURL("mailto:"+e, true) != "" || strings.Count(e, "@") != 1 || !strings.Contains(e[strings.Index(e, "@"):], "."):
			c.errorf(ct.At.Near("email"), "malformed e-mail address %q; want name@example.org", e)
		}
	}
	if p := ct.Phone; p != "" {
		digits := 0
		for _, r := range p {
			if r >= '0' && r <= '9' {
				digits++
			}
		}
		if !phoneRe.MatchString(p) || digits < 5 || digits > 15 {
			c.errorf(ct.At.Near("phone"), "malformed phone number %q; want digits with an optional leading + and spaces, e.g. \"+45 33 73 50 00\"", p)
		}
	}
}

// translationName is the name of base file's translation into lang.
func translationName(base, lang string) string {
	ext := ""
	for _, x := range dataExts {
		if strings.HasSuffix(base, x) {
			ext = x
		}
	}
	return strings.TrimSuffix(base, ext) + "." + lang + ext
}

// translation checks the translation into lang against the base. The
// fields it leaves untranslated are Fallbacks', not warnings: a caller
// counts them per file.
func (c *checker) translation(lang string) {
	b, t := c.ds.Base, c.ds.Translations[lang]
	if t.Lang != "" && t.Lang != lang {
		c.errorf(t.At.Near("lang"), "lang %q does not match the file name, which says %q", t.Lang, lang)
	}
	if lang == b.Lang {
		c.errorf(t.At.Near("lang"), "translation into %q, the base file's own language", lang)
	}
	c.links(t)
	c.paras(t.At, "context", t.Context, b.Context)
	c.paras(t.At, "closing", t.Closing, b.Closing)
	tr := func(titems, bitems []item, what string, each func(i, j int)) {
		c.unique(titems)
		bids := ids(bitems)
		for i, it := range titems {
			c.ref(it.at.Near("id"), it.id, what, bids)
			for j, bid := range bids {
				if bid == it.id && it.id != "" && each != nil {
					each(i, j)
				}
			}
		}
	}
	tr(figures(t), figures(b), "figure", nil)
	tr(quotes(t), quotes(b), "quote", nil)
	tr(recs(t), recs(b), "recommendation", func(i, j int) {
		tr, br := &t.Recommendations[i], &b.Recommendations[j]
		c.paras(tr.At, "body", tr.Body, br.Body)
		c.paras(tr.At, "asks", tr.Asks, br.Asks)
	})
	tr(audiences(t), audiences(b), "audience", func(i, j int) {
		c.orphanContact(t.Audiences[i].Contact, b.Audiences[j].Contact)
	})
	c.orphanContact(t.Organisation.Contact, b.Organisation.Contact)

	if _, ok := labels.LabelsFor(lang); !ok {
		c.warnf(t.At.Near("lang"), "no built-in labels for %q; headings and dates print in English", lang)
	}
}

// orphanContact reports a translated contact (t) where the base file
// has none (b) to lay it over.
func (c *checker) orphanContact(t, b *Contact) {
	if t != nil && b == nil {
		c.errorf(t.At.Place, "the base file (%s) gives no contact here to translate; add the contact there", c.ds.File)
	}
}

// paras checks that a translated paragraph list, the field key of the
// translated item whose places are at, is no longer than the base's.
func (c *checker) paras(at input.Places, key string, t, b []string) {
	if len(t) > len(b) {
		c.errorf(at.Entry(key, len(b)), "the translation has %d paragraphs here, the base file %d; paragraphs match by position", len(t), len(b))
	}
}
