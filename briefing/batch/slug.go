package batch

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// maxSlug is the longest slug Slug returns, in bytes.
const maxSlug = 48

// Slug turns text into a file-name part: accents folded to ASCII
// ("protección" → "proteccion"), lower case, words joined by '-', at most
// maxSlug bytes and cut at a word boundary. It never contains a path
// separator or a dot, so nothing from the data can steer a file elsewhere.
func Slug(text string) string {
	var b strings.Builder
	dash := false
	emit := func(s string) {
		if dash && b.Len() > 0 {
			b.WriteByte('-')
		}
		dash = false
		b.WriteString(s)
	}
	for _, r := range norm.NFKD.String(text) {
		switch {
		case unicode.Is(unicode.Mn, r):
			// a combining accent, folded off its letter
		case r == 'ß':
			emit("ss")
		case r == 'æ' || r == 'Æ':
			emit("ae")
		case r == 'ø' || r == 'Ø':
			emit("o")
		case r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			emit(string(unicode.ToLower(r)))
		default:
			dash = true
		}
	}
	s := b.String()
	if len(s) > maxSlug {
		s = s[:maxSlug]
		if i := strings.LastIndexByte(s, '-'); i > maxSlug/2 {
			s = s[:i]
		}
		s = strings.TrimRight(s, "-")
		// A name cut short ends on a word that ends a phrase, not on
		// "…-integration-through" or "…-de-la".
		for {
			i := strings.LastIndexByte(s, '-')
			if i < 0 || !stopWords[s[i+1:]] {
				break
			}
			s = s[:i]
		}
	}
	return s
}

// stopWords are the words a cut slug does not end on: articles,
// prepositions and conjunctions of the languages briefing has labels for.
var stopWords = map[string]bool{
	"a": true, "an": true, "the": true, "and": true, "or": true, "of": true, "to": true, "in": true, "on": true,
	"for": true, "with": true, "by": true, "from": true, "through": true, "at": true, "as": true, "into": true,
	"de": true, "del": true, "la": true, "las": true, "el": true, "los": true, "y": true, "e": true, "o": true,
	"en": true, "para": true, "por": true, "con": true, "un": true, "una": true, "al": true,
	"le": true, "les": true, "des": true, "du": true, "et": true, "ou": true, "pour": true, "dans": true, "sur": true,
	"da": true, "do": true, "das": true, "dos": true, "em": true, "no": true, "na": true, "com": true,
}
