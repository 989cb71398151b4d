package statement

import (
	"fmt"
	"strings"
	"unicode"

	"briefing/briefing/input"
)

// Translatable lists the fields a translation file may hold, as generic
// paths ("[]" for any list index). Everything else in a Statement is
// structure (ids apart, which key the lists), taken from the base file, and
// an error in a translation.
var Translatable = map[string]bool{
	"lang":                      true,
	"translation":               true,
	"translation.official":      true,
	"translation.note":          true,
	"title":                     true,
	"subtitle":                  true,
	"organisation":              true,
	"organisation.name":         true,
	"organisation.short_name":   true,
	"organisation.contact":      true,
	"organisation.contact.role": true,
	"place":                     true,
	"event":                     true,
	"summary":                   true,
	"context":                   true,
	"closing":                   true,
	"figures":                   true,
	"figures[].id":              true,
	"figures[].value":           true,
	"figures[].label":           true,
	"figures[].source":          true,
	"quotes":                    true,
	"quotes[].id":               true,
	"quotes[].text":             true,
	"quotes[].role":             true,
	"recommendations":           true,
	"recommendations[].id":      true,
	"recommendations[].title":   true,
	"recommendations[].body":    true,
	"recommendations[].asks":    true,
	"audiences":                 true,
	"audiences[].id":            true,
	"audiences[].name":          true,
	"audiences[].note":          true,
	"audiences[].pack_label":    true,
	"audiences[].contact":       true,
	"audiences[].contact.role":  true,
	"audiences[].email":         true,
	"audiences[].email.subject": true,
	"audiences[].email.note":    true,
}

// WithoutBase lists the translatable fields a translation may give where
// the base file leaves them out, because what they hold has defaults: an
// audience's email subject and note (the labels' otherwise). Any other
// field a translation gives needs its base (a contact's role needs the
// contact).
var WithoutBase = map[string]bool{
	"audiences[].email": true,
}

// Names lists the translatable fields that hold names, most often the
// same in every language: a translation may give them (an organisation
// known by another name in Spanish) and need not, and one that leaves them
// out is not untranslated (see SameInTranslation).
var Names = map[string]bool{
	"organisation.name":       true,
	"organisation.short_name": true,
}

// SameInTranslation reports whether text, the base file's text of the
// field at generic path gp, is the same in every language by its nature,
// so that a translation leaving it out leaves nothing untranslated: a
// name (Names), or text without a letter ("40", "2024", "+45 33 73 50
// 00"), or a single web or e-mail address.
func SameInTranslation(gp, text string) bool {
	if Names[gp] {
		return true
	}
	if !strings.ContainsFunc(text, unicode.IsLetter) {
		return true
	}
	t := strings.TrimSpace(text)
	if strings.ContainsAny(t, " \t\n") {
		return false
	}
	return strings.Contains(t, "://") || strings.HasPrefix(t, "www.") || strings.Count(t, "@") == 1 && strings.Contains(t[strings.Index(t, "@"):], ".")
}

// TranslationRequired lists the fields a translation file must hold.
var TranslationRequired = map[string]bool{
	"lang":                 true,
	"translation":          true,
	"translation.official": true,
	"figures[].id":         true,
	"quotes[].id":          true,
	"recommendations[].id": true,
	"audiences[].id":       true,
}

// translationOptions decode a translation file: only text fields, keyed by
// the base file's ids.
var translationOptions = input.Options{
	Required: func(gp string) bool { return TranslationRequired[gp] },
	Allowed: func(gp string) (bool, string) {
		if Translatable[gp] {
			return true, ""
		}
		name := gp[strings.LastIndexAny(gp, ".]")+1:]
		return false, fmt.Sprintf("not allowed in a translation: %s comes from the base file (a translation holds only text, keyed by id)", name)
	},
}
