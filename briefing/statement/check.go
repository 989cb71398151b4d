package statement

import (
	"briefing/briefing/inline"
	"briefing/briefing/input"
	"briefing/briefing/labels"
	"fmt"
	"net/url"
	"reflect"
	"regexp"
	"sort"
	"strings"
)

// Check checks a loaded dataset as a whole: ids (safe slugs, unique),
// recommendation numbers (1..N in order), references between
// recommendations, quotes, figures and audiences, the date, web addresses
// (including links in text), language codes, kinds, formats and paper
// sizes, and translations against the base file. Errors make the data
// unusable; warnings, such as every field a translation leaves in the base
// language, do not. Both lists are in file order.
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

// at is where a field is in file, or its nearest enclosing field.
func (c *checker) at(file, field string) input.Pos { return c.ds.Pos[file].At(field) }

func (c *checker) errorf(file, field, format string, args ...any) {
	p := c.at(file, field)
	c.errs = append(c.errs, input.Errorf(input.Place{File: file, Pos: p, Field: field}, format, args...))
}

func (c *checker) warnf(file, field, format string, args ...any) {
	p := c.at(file, field)
	c.warns = append(c.warns, input.Errorf(input.Place{File: file, Pos: p, Field: field}, format, args...))
}

var (
	slugRe = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	langRe = regexp.MustCompile(`^[a-z]{2,3}(-([A-Z]{2}|[0-9]{3}|[A-Z][a-z]{3}))?$`)
)

// validLang reports whether s is a language code such as "en", "es",
// "pt-BR", "es-419" or "zh-Hant".
func validLang(s string) bool { return langRe.MatchString(s) }

// slug checks an id; empty ids are reported as required by the decoder.
func (c *checker) slug(file, field, id string) {
	if id == "" || slugRe.MatchString(id) {
		return
	}
	c.errorf(file, field, "%q is not a valid id: use lower-case letters a-z, digits and single hyphens (e.g. %q); ids name output files", id, slugify(id))
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

// unique reports repeated ids in a list.
func (c *checker) unique(file, list string, ids []string) {
	first := map[string]int{}
	for i, id := range ids {
		if id == "" {
			continue
		}
		if j, ok := first[id]; ok {
			c.errorf(file, fmt.Sprintf("%s[%d].id", list, i), "duplicate id %q (also %s[%d])", id, list, j)
			continue
		}
		first[id] = i
	}
}

// ref checks a reference to an id in a list of known ids.
func (c *checker) ref(file, field, id, what string, known []string) {
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
	c.errs = append(c.errs, c.newErr(file, field, msg))
}

func (c *checker) newErr(file, field, msg string) *input.Error {
	p := c.at(file, field)
	return &input.Error{Place: input.Place{File: file, Pos: p, Field: field}, Msg: msg}
}

// oneOf checks an enumerated value.
func oneOf[T ~string](c *checker, file, field string, v T, allowed []T, what string) {
	if msg := OneOf(v, allowed, what); msg != "" {
		c.errs = append(c.errs, c.newErr(file, field, msg))
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
func (c *checker) webURL(file, field, s string) {
	if s == "" {
		return
	}
	if msg := badURL(s, false); msg != "" {
		c.errorf(file, field, "%s", msg)
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
func (c *checker) links(file string, s *Statement) {
	input.WalkText(reflect.ValueOf(s).Elem(), "", func(path, text string) {
		if !strings.Contains(text, "](") {
			return
		}
		for _, r := range inline.Parse(text) {
			if r.Link == "" {
				continue
			}
			if msg := badURL(r.Link, true); msg != "" {
				c.errorf(file, path, "link [%s](%s): %s", r.Text, r.Link, msg)
			}
		}
	})
}

func ids[T any](list []T, id func(*T) string) []string {
	out := make([]string, len(list))
	for i := range list {
		out[i] = id(&list[i])
	}
	return out
}

func figureIDs(s *Statement) []string { return ids(s.Figures, func(f *Figure) string { return f.ID }) }
func quoteIDs(s *Statement) []string  { return ids(s.Quotes, func(q *Quote) string { return q.ID }) }
func recIDs(s *Statement) []string {
	return ids(s.Recommendations, func(r *Recommendation) string { return r.ID })
}
func audienceIDs(s *Statement) []string {
	return ids(s.Audiences, func(a *Audience) string { return a.ID })
}

// base checks the base statement.
func (c *checker) base() {
	s, f := c.ds.Base, c.ds.File
	if s.Translation != nil {
		c.errorf(f, "translation", "only a translation file (%s) has a translation section", translationName(f, "<lang>"))
	}
	c.slug(f, "id", s.ID)
	if s.Lang != "" && !validLang(s.Lang) {
		c.errorf(f, "lang", "%q is not a language code; want a code such as en, es, fr or pt-BR", s.Lang)
	}
	if s.Date != "" {
		if _, err := s.Date.Time(); err != nil {
			c.errorf(f, "date", "%v", err)
		}
	}
	c.webURL(f, "source", s.Source)
	c.webURL(f, "organisation.website", s.Organisation.Website)
	if ct := s.Organisation.Contact; ct != nil && ct.Email != "" {
		if badURL("mailto:"+ct.Email, true) != "" || strings.HasPrefix(ct.Email, "mailto:") {
			c.errorf(f, "organisation.contact.email", "malformed e-mail address %q; want name@example.org", ct.Email)
		}
	}
	c.links(f, s)

	figs, quotes, recs, auds := figureIDs(s), quoteIDs(s), recIDs(s), audienceIDs(s)
	for i, id := range figs {
		c.slug(f, fmt.Sprintf("figures[%d].id", i), id)
	}
	for i, id := range quotes {
		c.slug(f, fmt.Sprintf("quotes[%d].id", i), id)
	}
	for i, id := range recs {
		c.slug(f, fmt.Sprintf("recommendations[%d].id", i), id)
		if id == "all" {
			c.errorf(f, fmt.Sprintf("recommendations[%d].id", i), `"all" is reserved (audiences use it for every recommendation); choose another id`)
		}
	}
	for i, id := range auds {
		c.slug(f, fmt.Sprintf("audiences[%d].id", i), id)
		if _, written := c.ds.Pos[f][fmt.Sprintf("audiences[%d].id", i)]; id == DefaultAudienceID && written {
			// Load adds the default audience "all" (unwritten) to a
			// statement without audiences.
			c.errorf(f, fmt.Sprintf("audiences[%d].id", i), `"all" is reserved; choose another id`)
		}
	}
	c.unique(f, "figures", figs)
	c.unique(f, "quotes", quotes)
	c.unique(f, "recommendations", recs)
	c.unique(f, "audiences", auds)

	numbers := map[int]int{}
	for i := range s.Recommendations {
		r := &s.Recommendations[i]
		p := fmt.Sprintf("recommendations[%d]", i)
		if j, ok := numbers[r.Number]; ok && r.Number != 0 {
			c.errorf(f, p+".number", "duplicate number %d (also recommendations[%d])", r.Number, j)
		} else if _, set := c.ds.Pos[f][p+".number"]; set && r.Number != i+1 {
			c.errorf(f, p+".number", "number %d out of order: want %d (recommendations are numbered 1..%d in file order)", r.Number, i+1, len(s.Recommendations))
		}
		numbers[r.Number] = i
		for j, a := range r.Audiences {
			c.ref(f, fmt.Sprintf("%s.audiences[%d]", p, j), a, "audience", auds)
		}
		c.ref(f, p+".quote", r.Quote, "quote", quotes)
		for j, x := range r.Figures {
			c.ref(f, fmt.Sprintf("%s.figures[%d]", p, j), x, "figure", figs)
		}
	}

	for i := range s.Audiences {
		a := &s.Audiences[i]
		p := fmt.Sprintf("audiences[%d]", i)
		for j, r := range a.Recommendations {
			rp := fmt.Sprintf("%s.recommendations[%d]", p, j)
			if r == "all" {
				if len(a.Recommendations) > 1 {
					c.errorf(f, rp, `"all" must be the only entry`)
				}
				continue
			}
			c.ref(f, rp, r, "recommendation", recs)
		}
		seen := map[string]bool{}
		for j, l := range a.Languages {
			lp := fmt.Sprintf("%s.languages[%d]", p, j)
			switch {
			case l == "":
			case !validLang(l):
				c.errorf(f, lp, "%q is not a language code; want a code such as en, es, fr or pt-BR", l)
			case seen[l]:
				c.errorf(f, lp, "duplicate language %q", l)
			case l != s.Lang && c.ds.Translations[l] == nil:
				c.warnf(f, lp, "no %s translation (%s); %s documents will be in %s", l, translationName(f, l), l, s.Lang)
			}
			seen[l] = true
		}
		for j, k := range a.Kinds {
			oneOf(c, f, fmt.Sprintf("%s.kinds[%d]", p, j), k, Kinds, "kind")
		}
		for j, x := range a.Formats {
			oneOf(c, f, fmt.Sprintf("%s.formats[%d]", p, j), x, Formats, "format")
		}
		oneOf(c, f, p+".paper", a.Paper, Papers, "paper")
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

// translation checks the translation into lang against the base, and
// warns about every field it leaves untranslated.
func (c *checker) translation(lang string) {
	b, t, f := c.ds.Base, c.ds.Translations[lang], c.ds.Files[lang]
	if t.Lang != "" && t.Lang != lang {
		c.errorf(f, "lang", "lang %q does not match the file name, which says %q", t.Lang, lang)
	}
	if lang == b.Lang {
		c.errorf(f, "lang", "translation into %q, the base file's own language", lang)
	}
	c.links(f, t)
	c.paras(f, "context", t.Context, b.Context)
	c.paras(f, "closing", t.Closing, b.Closing)
	tr := func(list string, tids, bids []string, what string, each func(i, j int)) {
		c.unique(f, list, tids)
		for i, id := range tids {
			c.ref(f, fmt.Sprintf("%s[%d].id", list, i), id, what, bids)
			for j, bid := range bids {
				if bid == id && id != "" && each != nil {
					each(i, j)
				}
			}
		}
	}
	tr("figures", figureIDs(t), figureIDs(b), "figure", nil)
	tr("quotes", quoteIDs(t), quoteIDs(b), "quote", nil)
	tr("recommendations", recIDs(t), recIDs(b), "recommendation", func(i, j int) {
		p := fmt.Sprintf("recommendations[%d]", i)
		c.paras(f, p+".body", t.Recommendations[i].Body, b.Recommendations[j].Body)
		c.paras(f, p+".asks", t.Recommendations[i].Asks, b.Recommendations[j].Asks)
	})
	tr("audiences", audienceIDs(t), audienceIDs(b), "audience", nil)

	if _, ok := labels.LabelsFor(lang); !ok {
		c.warnf(f, "lang", "no built-in labels for %q; headings and dates print in English", lang)
	}
	_, missing := c.ds.In(lang)
	for _, m := range missing {
		bp := c.basePath(m)
		c.warnf(c.ds.File, bp, "not translated into %s (%s)", lang, f)
	}
}

// paras checks that a translated paragraph list is no longer than the base.
func (c *checker) paras(file, field string, t, b []string) {
	if len(t) > len(b) {
		c.errorf(file, fmt.Sprintf("%s[%d]", field, len(b)), "the translation has %d paragraphs here, the base file %d; paragraphs match by position", len(t), len(b))
	}
}

// basePath turns an overlay path keyed by id ("recommendations[x].title")
// into the base file's index path ("recommendations[0].title").
func (c *checker) basePath(p string) string {
	i := strings.IndexByte(p, '[')
	j := strings.IndexByte(p, ']')
	if i < 0 || j < i {
		return p
	}
	list, id := p[:i], p[i+1:j]
	var known []string
	switch list {
	case "figures":
		known = figureIDs(c.ds.Base)
	case "quotes":
		known = quoteIDs(c.ds.Base)
	case "recommendations":
		known = recIDs(c.ds.Base)
	case "audiences":
		known = audienceIDs(c.ds.Base)
	default:
		return p
	}
	for k, x := range known {
		if x == id {
			return fmt.Sprintf("%s[%d]%s", list, k, p[j+1:])
		}
	}
	return p
}
