package statement

import (
	"fmt"
	"strings"

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
