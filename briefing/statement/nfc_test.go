package statement_test

import (
	"strings"
	"testing"
	"testing/fstest"

	"briefing/briefing/statement"
)

// TestLoadNFC: text written decomposed (NFD: "e" + combining marks) is
// composed (NFC) at load, so it is measured and drawn as one character.
func TestLoadNFC(t *testing.T) {
	nfd := "Nguye\u0302\u0303n" // Nguyễn, decomposed
	src := "id: nfc\nlang: en\ntitle: Statement by " + nfd + "\norganisation:\n  name: " + nfd + " Council\n  website: https://example.org\n" +
		"date: 2024-06-21\nsource: https://example.org\nrecommendations:\n  - id: first\n    number: 1\n    title: T\n    body: [\"" + nfd + " says so.\"]\n"
	ds, err := statement.Load(fstest.MapFS{"st.yaml": {Data: []byte(src)}}, "st.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for _, got := range []string{ds.Base.Title, ds.Base.Organisation.Name, ds.Base.Recommendations[0].Body[0]} {
		want := "Nguy\u1ec5n"
		if !strings.Contains(got, want) || strings.Contains(got, "\u0303") {
			t.Errorf("%q: not composed (want %q inside)", got, want)
		}
	}
}
