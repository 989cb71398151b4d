package statement_test

import (
	"testing"
	"testing/fstest"

	"briefing/briefing/statement"
)

// TestInPlaces: the statement in a translated language says where its text
// is: in the translation file where the translation writes it, else in the
// base file; items are matched by id, not by index.
func TestInPlaces(t *testing.T) {
	fsys := fstest.MapFS{
		"st.yaml": {Data: []byte(`id: st
lang: en
title: A statement
organisation:
  name: Org
  website: https://example.org
date: 2024-06-21
source: https://example.org/s
recommendations:
  - id: one
    number: 1
    title: First
    body: [Do a thing.]
  - id: two
    number: 2
    title: Second
    body:
      - Do another.
      - And more.
`)},
		"st.es.yaml": {Data: []byte(`lang: es
translation:
  official: false
recommendations:
  - id: two
    body:
      - Haz otra.
`)},
	}
	ds, err := statement.Load(fsys, "st.yaml")
	if err != nil {
		t.Fatal(err)
	}
	s, _ := ds.In("es")
	r := s.Recommendation("two")
	for _, c := range []struct {
		what, got, want string
	}{
		{"item", r.At.Place.String(), "st.es.yaml:5:5: recommendations[0]"},
		{"title", r.At.Of("title").String(), "st.yaml:16:12: recommendations[1].title"},
		{"body", r.At.Of("body").String(), "st.es.yaml:7:7: recommendations[0].body"},
		{"body[0]", r.At.Entry("body", 0).String(), "st.es.yaml:7:9: recommendations[0].body[0]"},
		{"body[1]", r.At.Entry("body", 1).String(), "st.yaml:19:9: recommendations[1].body[1]"},
		{"other item", s.Recommendation("one").At.Of("title").String(), "st.yaml:12:12: recommendations[0].title"},
		{"statement title", s.At.Of("title").String(), "st.yaml:3:8: title"},
		{"base unchanged", ds.Base.Recommendation("two").At.Entry("body", 0).String(), "st.yaml:18:9: recommendations[1].body[0]"},
	} {
		if c.got != c.want {
			t.Errorf("%s: %q, want %q", c.what, c.got, c.want)
		}
	}
}
