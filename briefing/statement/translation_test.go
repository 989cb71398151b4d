package statement_test

import (
	"os"
	"strings"
	"testing"
	"testing/fstest"

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

// TestFallbacks: the fields a translation leaves out, each at its place in
// the base file; none for the base language or a language without a
// translation.
func TestFallbacks(t *testing.T) {
	ds, err := statement.Load(os.DirFS("testdata"), "valid/translated.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range ds.Fallbacks("es") {
		got = append(got, f.At.String()+" "+f.Field)
	}
	want := []string{
		"valid/translated.yaml:9:10: summary summary",
		"valid/translated.yaml:24:23: recommendations[1].body[1] recommendations[second].body[1]",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("es:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if f := ds.Fallbacks("en"); f != nil {
		t.Errorf("en: %v", f)
	}
	if f := ds.Fallbacks("fr"); f != nil {
		t.Errorf("fr, no translation: %v", f)
	}
}

// TestEmailTranslatedWithoutBase: a translation may give an audience's
// email subject and note where the base file leaves them to the defaults.
func TestEmailTranslatedWithoutBase(t *testing.T) {
	fsys := fstest.MapFS{
		"s.yaml": {Data: []byte("id: s\nlang: en\ntitle: T\norganisation: {name: O, website: https://example.org}\n" +
			"date: 2024-06-21\nrecommendations:\n  - {id: r, title: R, body: [B.]}\naudiences:\n  - {id: a, name: A}\n")},
		"s.es.yaml": {Data: []byte("lang: es\ntranslation: {official: false}\ntitle: T es\n" +
			"audiences:\n  - {id: a, name: A es, email: {subject: Asunto, note: Nota}}\n")},
	}
	ds, err := statement.Load(fsys, "s.yaml")
	if err != nil {
		t.Fatal(err)
	}
	es, _ := ds.In("es")
	if e := es.Audience("a").Email; e == nil || e.Subject != "Asunto" || e.Note != "Nota" {
		t.Errorf("es email: %+v", e)
	}
	if e := ds.Base.Audience("a").Email; e != nil {
		t.Errorf("the base gained an email: %+v", e)
	}
}
