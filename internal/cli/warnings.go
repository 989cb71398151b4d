package cli

import (
	"fmt"
	"slices"
	"strings"

	"briefing/briefing/batch"
)

// warn prints a prepared build's warnings on stderr, worded the same by
// build, check and watch: each warning at its place (with brand, the
// brand's too: check's), then, for each translation the build uses, how
// many of its fields print in the base language, each listed at its place
// in the base file with -v:
//
//	warning: st/statement.fr.yaml: 12 fields untranslated, printed in English (list them with -v)
//
// p may be what prepare could read with its errors, or nil. It returns
// how many warnings it printed.
func (c *call) warn(p *prepared, brand bool) int {
	if p == nil {
		return 0
	}
	n := 0
	ws := p.warnings
	if brand {
		ws = append(slices.Clip(ws), p.brandWarnings...)
	}
	for _, w := range ws {
		fmt.Fprintf(c.stderr, "warning: %s\n", w)
		n++
	}
	if p.ds == nil || p.ds.Base == nil {
		return n
	}
	for _, lang := range p.langs() {
		fb := p.ds.Fallbacks(lang)
		if len(fb) == 0 {
			continue
		}
		n++
		head := fmt.Sprintf("warning: %s: %d %s untranslated, printed in %s", p.ds.Files[lang], len(fb),
			plural(len(fb), "field", "fields"), languageName(p.ds.Base.Lang))
		if !c.o.verbose {
			fmt.Fprintf(c.stderr, "%s (list %s with -v)\n", head, plural(len(fb), "it", "them"))
			continue
		}
		fmt.Fprintf(c.stderr, "%s:\n", head)
		for _, f := range fb {
			at := f.At
			at.Field = f.Field
			fmt.Fprintf(c.stderr, "  %s\n", at)
		}
	}
	return n
}

// langs are the translations the prepared build uses, in the dataset's
// order: those of the plan, or every one when there is no plan (the data
// has errors).
func (p *prepared) langs() []string {
	all := p.ds.Languages()[1:]
	if p.plan == nil {
		return all
	}
	var out []string
	for _, l := range all {
		if slices.ContainsFunc(p.plan, func(j batch.Job) bool { return j.Lang == l }) {
			out = append(out, l)
		}
	}
	return out
}

// languageNames are the English names of the commonest language codes,
// for messages; a code not here is printed as it is.
var languageNames = map[string]string{
	"ar": "Arabic", "bn": "Bengali", "da": "Danish", "de": "German", "el": "Greek",
	"en": "English", "es": "Spanish", "fa": "Persian", "fi": "Finnish", "fr": "French",
	"he": "Hebrew", "hi": "Hindi", "id": "Indonesian", "it": "Italian", "ja": "Japanese",
	"ko": "Korean", "nl": "Dutch", "no": "Norwegian", "pl": "Polish", "pt": "Portuguese",
	"ru": "Russian", "sv": "Swedish", "sw": "Swahili", "th": "Thai", "tr": "Turkish",
	"uk": "Ukrainian", "ur": "Urdu", "vi": "Vietnamese", "zh": "Chinese",
}

// languageName is lang's English name ("English", "Portuguese (pt-BR)"),
// or lang itself.
func languageName(lang string) string {
	primary, _, regional := strings.Cut(lang, "-")
	name, ok := languageNames[primary]
	switch {
	case !ok:
		return lang
	case regional:
		return name + " (" + lang + ")"
	}
	return name
}
