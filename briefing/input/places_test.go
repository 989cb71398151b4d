package input_test

import (
	"testing"

	"briefing/briefing/input"
)

type entry struct {
	ID    string       `yaml:"id"`
	Title string       `yaml:"title,omitempty"`
	Body  []string     `yaml:"body,omitempty"`
	At    input.Places `yaml:"-"`
}

type file struct {
	Lang  string       `yaml:"lang"`
	Items []entry      `yaml:"items"`
	At    input.Places `yaml:"-"`
}

const base = `lang: en
items:
  - id: a
    title: Alpha
    body:
      - one
      - two
  - id: b
    title:
`

const tr = `lang: es
items:
  - id: a
    body:
      - uno
`

func decode(t *testing.T, name, src string) *file {
	t.Helper()
	var f file
	if _, errs := input.Decode(name, []byte(src), &f, input.Options{Required: func(string) bool { return false }}); len(errs) > 0 {
		t.Fatal(errs)
	}
	return &f
}

// TestPlaces: the decoder fills each item's Places; an item answers where
// it, its fields and its list entries are, with no path built by the
// caller.
func TestPlaces(t *testing.T) {
	f := decode(t, "x.yaml", base)
	for _, c := range []struct {
		got  input.Place
		want string
	}{
		{f.At.Of("lang"), "x.yaml:1:7: lang"},
		{f.At.Entry("items", 1), "x.yaml:8:5: items[1]"},
		{f.Items[0].At.Place, "x.yaml:3:5: items[0]"},
		{f.Items[0].At.Of("title"), "x.yaml:4:12: items[0].title"},
		{f.Items[0].At.Entry("body", 1), "x.yaml:7:9: items[0].body[1]"},
		// An empty value: the key's place.
		{f.Items[1].At.Of("title"), "x.yaml:9:5: items[1].title"},
		// Not written: the path, no line; Near: the item's line.
		{f.Items[1].At.Of("body"), "x.yaml: items[1].body"},
		{f.Items[1].At.Near("body"), "x.yaml:8:5: items[1].body"},
		{f.Items[0].At.Entry("body", 5), "x.yaml: items[0].body[5]"},
		// The top level has no line of its own to fall back to.
		{f.At.Near("title"), "x.yaml: title"},
		// An item that was not decoded knows nothing.
		{entry{}.At.Of("title"), ""},
	} {
		if c.got.String() != c.want {
			t.Errorf("got %q, want %q", c.got.String(), c.want)
		}
	}
	if !f.Items[0].At.Written("title") || f.Items[1].At.Written("body") {
		t.Errorf("Written: title %v, body %v", f.Items[0].At.Written("title"), f.Items[1].At.Written("body"))
	}
}

// TestPlacesOver: a translation's places replace the base's where the
// translation writes the field; entries it lacks keep the base's.
func TestPlacesOver(t *testing.T) {
	b, s := decode(t, "x.yaml", base), decode(t, "x.es.yaml", tr)
	o := b.Items[0].At.Over(s.Items[0].At)
	for _, c := range []struct {
		got  input.Place
		want string
	}{
		{o.Place, "x.es.yaml:3:5: items[0]"},
		{o.Of("title"), "x.yaml:4:12: items[0].title"},
		{o.Entry("body", 0), "x.es.yaml:5:9: items[0].body[0]"},
		{o.Entry("body", 1), "x.yaml:7:9: items[0].body[1]"},
		{b.Items[1].At.Over(input.Places{}).Of("title"), "x.yaml:9:5: items[1].title"},
	} {
		if c.got.String() != c.want {
			t.Errorf("got %q, want %q", c.got.String(), c.want)
		}
	}
	input.RenameFiles(b, func(f string) string { return "data/" + f })
	if got := b.Items[0].At.Entry("body", 1).String(); got != "data/x.yaml:7:9: items[0].body[1]" {
		t.Errorf("renamed: %q", got)
	}
}
