package statement_test

import (
	"testing"

	"briefing/briefing/statement"
)

// TestSameInTranslation: names, numerals and addresses are the same in
// every language; a translation that leaves them out leaves nothing
// untranslated.
func TestSameInTranslation(t *testing.T) {
	for _, c := range []struct {
		gp, text string
		same     bool
	}{
		{"organisation.name", "Danish Refugee Council", true},
		{"organisation.short_name", "DRC", true},
		{"figures[].value", "40", true},
		{"figures[].value", "1 in 5", false},
		{"figures[].value", "25 million", false},
		{"figures[].source", "https://example.org/data", true},
		{"figures[].source", "desk@example.org", true},
		{"figures[].source", "UNHCR, 2024", false},
		{"title", "Water security", false},
		{"quotes[].role", "Chair", false},
	} {
		if got := statement.SameInTranslation(c.gp, c.text); got != c.same {
			t.Errorf("%s %q: %v, want %v", c.gp, c.text, got, c.same)
		}
	}
}
