package statement

import (
	"fmt"
	"sort"
	"strings"

	"briefing/briefing/input"
	"briefing/briefing/labels"
)

// Glyphs is what CheckGlyphs asks of the brand's fonts.
type Glyphs interface {
	// Missing returns the distinct runes of text the fonts cannot draw.
	Missing(text string) []rune
	// Family names the fonts in messages.
	Family() string
}

// maxMissingShown caps the characters one error lists.
const maxMissingShown = 8

// CheckGlyphs checks that the brand fonts can draw every character of
// every text field of the statement and of each translation (audience
// names and notes included), so that no document prints a blank box or
// drops a character. Each field with characters the fonts lack is one
// error at that field, listing them:
//
//	data/x.yaml:12:9: recommendations[0].body[1]: the fonts (Noto Sans) cannot draw "中文" (U+4E2D U+6587); use a brand font that has them or remove them
//
// The brand's own texts are checked by LoadStyle.
func CheckGlyphs(ds *Dataset, st Glyphs) input.ErrorList {
	if ds == nil || ds.Base == nil || st == nil {
		return nil
	}
	c := &checker{ds: ds}
	c.glyphs(ds.Base, st)
	langs := make([]string, 0, len(ds.Translations))
	for l := range ds.Translations {
		langs = append(langs, l)
	}
	sort.Strings(langs)
	for _, l := range langs {
		c.glyphs(ds.Translations[l], st)
	}
	for _, l := range ds.Languages() {
		s := ds.Base
		if t, ok := ds.Translations[l]; ok {
			s = t
		}
		if m := st.Missing(labels.LabelText(l)); len(m) > 0 {
			msg := MissingMessage(st.Family(), m)
			msg = strings.Replace(msg, "; use", fmt.Sprintf(", which the built-in %s headings and labels use; use", l), 1)
			msg = msg[:strings.LastIndex(msg, " or remove")]
			c.errorf(s.At.Near("lang"), "%s", msg)
		}
	}
	errs := input.Dedupe(c.errs)
	input.SortErrors(errs, ds.File)
	return errs
}

func (c *checker) glyphs(s *Statement, st Glyphs) {
	input.WalkText(s, func(at input.Place, text string) {
		if m := st.Missing(text); len(m) > 0 {
			c.errorf(at, "%s", MissingMessage(st.Family(), m))
		}
	})
}

// MissingMessage says which characters the fonts of family cannot draw.
func MissingMessage(family string, m []rune) string {
	shown, more := m, ""
	if len(m) > maxMissingShown {
		shown = m[:maxMissingShown]
		more = fmt.Sprintf(" and %d more", len(m)-maxMissingShown)
	}
	codes := make([]string, len(shown))
	for i, r := range shown {
		codes[i] = fmt.Sprintf("%U", r)
	}
	them := "them"
	if len(m) == 1 {
		them = "it"
	}
	return fmt.Sprintf("the fonts (%s) cannot draw %q (%s)%s; use a brand font that has %s or remove %s",
		family, string(shown), strings.Join(codes, " "), more, them, them)
}
