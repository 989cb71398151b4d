package briefing

import (
	"fmt"
	"reflect"
	"sort"
	"strings"
	"unicode"

	"golang.org/x/image/font/sfnt"
)

// maxCoverRune bounds the runes a font's character map is read for: the
// Basic Multilingual Plane and the two planes above it (emoji, historic
// scripts, rare ideographs). Runes beyond count as not covered.
const maxCoverRune = 0x2ffff

// maxMissingShown caps the characters one error lists.
const maxMissingShown = 8

// runeRanges is a sorted set of runes as closed ranges.
type runeRanges [][2]rune

func (rs *runeRanges) has(r rune) bool {
	if rs == nil {
		return true
	}
	return rs.in(r)
}

func (rs runeRanges) in(r rune) bool {
	i := sort.Search(len(rs), func(i int) bool { return rs[i][1] >= r })
	return i < len(rs) && rs[i][0] <= r
}

// coverage returns the runes every one of fonts has a glyph for and each
// font's PostScript name (empty when the font has none); an error names
// the style (0..3) whose file sfnt cannot parse.
func coverage(fonts [4][]byte) (runeRanges, [4]string, int, error) {
	var parsed [4]*sfnt.Font
	var names [4]string
	var buf sfnt.Buffer
	for i, b := range fonts {
		f, err := sfnt.Parse(b)
		if err != nil {
			return nil, names, i, err
		}
		parsed[i] = f
		if n, err := f.Name(&buf, sfnt.NameIDPostScript); err == nil {
			names[i] = n
		}
	}
	var out runeRanges
	in := false
	for r := rune(0); r <= maxCoverRune; r++ {
		ok := true
		for _, f := range parsed {
			if g, err := f.GlyphIndex(&buf, r); err != nil || g == 0 {
				ok = false
				break
			}
		}
		switch {
		case ok && in:
			out[len(out)-1][1] = r
		case ok:
			out = append(out, [2]rune{r, r})
		}
		in = ok
	}
	return out, names, 0, nil
}

// Covers reports whether the brand fonts (all four styles) can draw r.
// Spaces and control characters are always covered: they are not drawn.
// A Style not made by LoadStyle knows nothing of its fonts and covers
// every rune.
func (s *Style) Covers(r rune) bool {
	if unicode.IsSpace(r) || unicode.IsControl(r) {
		return true
	}
	return s.cover.has(r)
}

// Missing returns the distinct runes of text the brand fonts cannot draw,
// in order of first appearance; nil when they can draw it all.
func (s *Style) Missing(text string) []rune {
	var out []rune
	for _, r := range text {
		if !s.Covers(r) && !containsRune(out, r) {
			out = append(out, r)
		}
	}
	return out
}

func containsRune(rs []rune, r rune) bool {
	for _, x := range rs {
		if x == r {
			return true
		}
	}
	return false
}

// CheckGlyphs checks that the brand fonts can draw every character of
// every text field of the statement and of each translation (audience
// names and notes included), so that no document prints a blank box or
// drops a character. Each field with characters the fonts lack is one
// error at that field, listing them:
//
//	data/x.yaml:12:9: recommendations[0].body[1]: the fonts (Noto Sans) cannot draw "中文" (U+4E2D U+6587); use a brand font that has them or remove them
//
// The brand's own texts are checked by LoadStyle.
func CheckGlyphs(ds *Dataset, st *Style) ErrorList {
	if ds == nil || ds.Base == nil || st == nil {
		return nil
	}
	c := &checker{ds: ds}
	c.glyphs(ds.File, ds.Base, st)
	langs := make([]string, 0, len(ds.Translations))
	for l := range ds.Translations {
		langs = append(langs, l)
	}
	sort.Strings(langs)
	for _, l := range langs {
		c.glyphs(ds.Files[l], ds.Translations[l], st)
	}
	for _, l := range ds.Languages() {
		file := ds.File
		if f, ok := ds.Files[l]; ok {
			file = f
		}
		if m := st.Missing(labelText(l)); len(m) > 0 {
			msg := missingMessage(st, m)
			msg = strings.Replace(msg, "; use", fmt.Sprintf(", which the built-in %s headings and labels use; use", l), 1)
			msg = msg[:strings.LastIndex(msg, " or remove")]
			c.errorf(file, "lang", "%s", msg)
		}
	}
	errs := dedupe(c.errs)
	sortErrors(errs, ds.File)
	return errs
}

// labelText is every fixed word documents in lang print: headings, labels
// and month names.
func labelText(lang string) string {
	l, _ := LabelsFor(lang)
	var b strings.Builder
	walkLabels(reflect.ValueOf(l), &b)
	for _, m := range l.months {
		b.WriteString(m)
	}
	b.WriteString(l.dateFormat)
	return b.String()
}

func walkLabels(v reflect.Value, b *strings.Builder) {
	for i := 0; i < v.NumField(); i++ {
		if f := v.Field(i); f.Kind() == reflect.String && v.Type().Field(i).IsExported() {
			b.WriteString(f.String())
		}
	}
}

func (c *checker) glyphs(file string, s *Statement, st *Style) {
	walkText(reflect.ValueOf(s).Elem(), "", func(path, text string) {
		if m := st.Missing(text); len(m) > 0 {
			c.errorf(file, path, "%s", missingMessage(st, m))
		}
	})
}

// missingMessage says which characters the fonts cannot draw.
func missingMessage(st *Style, m []rune) string {
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
	family := st.Brand.Fonts.Family
	if family == "" {
		family = "brand"
	}
	return fmt.Sprintf("the fonts (%s) cannot draw %q (%s)%s; use a brand font that has %s or remove %s",
		family, string(shown), strings.Join(codes, " "), more, them, them)
}
