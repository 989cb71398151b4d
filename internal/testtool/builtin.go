package testtool

import (
	"maps"
	"slices"
	"strings"
	"sync"
	"testing"

	"briefing/briefing/compose"
	"briefing/briefing/inline"
	"briefing/briefing/statement"
	"briefing/briefing/style"
	"briefing/data"
	"briefing/internal/defaults"
)

var (
	builtinOnce  sync.Once
	builtinData  *statement.Dataset
	builtinStyle *style.Style
	builtinErr   error
)

// Builtin returns the built-in statement and style, loaded once per test
// binary and shared read-only by the exporters' tests.
func Builtin(t testing.TB) (*statement.Dataset, *style.Style) {
	t.Helper()
	builtinOnce.Do(func() {
		builtinData, builtinErr = statement.Load(data.FS, data.Default)
		if builtinErr != nil {
			return
		}
		builtinStyle, builtinErr = style.Load(defaults.StyleFiles())
	})
	if builtinErr != nil {
		t.Fatal(builtinErr)
	}
	return builtinData, builtinStyle
}

// ComposeOptions are the options the exporters' tests compose documents
// with: paper, a fixed creator and st's brand.
func ComposeOptions(st *style.Style, paper statement.Paper) compose.Options {
	return compose.Options{Paper: paper, Creator: "briefing test", Brand: &st.Brand}
}

// PartlyTranslated returns the built-in statement in lang as laid over by a
// translation that leaves out the statement's title and subtitle, the second paragraph
// of recommendation rec (the shortest, so that its brief still fits a page)
// and the first of two asks it is given here, and the text of the quote it
// cites: those print in the base language
// (statement.Statement.FallbackLang). It also returns those texts, in the
// base language, for the tests to look for.
func PartlyTranslated(t testing.TB, lang string) (s *statement.Statement, rec *statement.Recommendation, left LeftOut) {
	t.Helper()
	ds, _ := Builtin(t)
	tr, ok := ds.Translations[lang]
	if !ok {
		t.Fatalf("the built-in statement has no %s translation", lang)
	}
	base := *ds.Base
	base.Recommendations = slices.Clone(base.Recommendations)
	size := func(r statement.Recommendation) int { return len(strings.Join(r.Body, "")) }
	n := 0
	for i, r := range base.Recommendations {
		if size(r) < size(base.Recommendations[n]) && r.Quote != "" {
			n = i
		}
	}
	r0 := &base.Recommendations[n]
	r0.Asks = []string{"Keep borders open to people seeking protection.", "Fund the communities that host them."}
	c := *tr
	c.Title, c.Subtitle = "", ""
	c.Recommendations = slices.Clone(tr.Recommendations)
	i := slices.IndexFunc(c.Recommendations, func(r statement.Recommendation) bool { return r.ID == r0.ID })
	if i < 0 {
		t.Fatalf("the %s translation has no recommendation %s", lang, r0.ID)
	}
	r := &c.Recommendations[i]
	r.Body = slices.Clone(r.Body)
	r.Body[1], r.Asks = "", []string{"", "Financiar a las comunidades que las acogen."}
	c.Quotes = slices.Clone(tr.Quotes)
	left = []string{base.Title, base.Subtitle, r0.Body[1], r0.Asks[0]}
	for i := range c.Quotes {
		if c.Quotes[i].ID == r0.Quote {
			c.Quotes[i].Text = ""
			left = append(left, base.Quote(r0.Quote).Text)
		}
	}
	if len(left) < 5 {
		t.Fatal("the first recommendation cites no quote")
	}
	d := *ds
	d.Base = &base
	d.Translations = maps.Clone(ds.Translations)
	d.Translations[lang] = &c
	s, _ = d.In(lang)
	for i, x := range left {
		left[i] = fold(inline.Parse(x).Plain())
	}
	return s, &s.Recommendations[n], left
}

// LeftOut are the texts a partial translation leaves out
// (PartlyTranslated), in the base language.
type LeftOut []string

// Has reports whether text, as a reader gives it back, is one of the texts
// left out or part of one: white space and no-break spaces are folded and
// a quote's marks trimmed; a text of 12 bytes or fewer is never matched (a
// name or a number reads the same in both languages).
func (l LeftOut) Has(text string) bool {
	text = strings.Trim(fold(text), "“” ")
	if len(text) <= 12 {
		return false
	}
	for _, x := range l {
		if strings.Contains(x, text) || strings.Contains(text, x) {
			return true
		}
	}
	return false
}

// fold folds runs of white space, no-break spaces included, to one space.
func fold(s string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(s, "\u00a0", " ")), " ")
}
