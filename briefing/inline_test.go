package briefing_test

import (
	"reflect"
	"testing"

	"briefing/briefing"
)

func TestParseInline(t *testing.T) {
	type R = briefing.Inline
	cases := []struct {
		in   string
		want briefing.Runs
	}{
		{"plain  text\n wraps", briefing.Runs{{Text: "plain text wraps"}}},
		{"a **bold** word", briefing.Runs{{Text: "a "}, {Text: "bold", Bold: true}, {Text: " word"}}},
		{"the *pro homine* principle", briefing.Runs{{Text: "the "}, {Text: "pro homine", Italic: true}, {Text: " principle"}}},
		{"_it_ and snake_case_name", briefing.Runs{{Text: "it", Italic: true}, {Text: " and snake_case_name"}}},
		{"**bold *and italic***", briefing.Runs{{Text: "bold ", Bold: true}, {Text: "and italic", Bold: true, Italic: true}}},
		{"see [the site](https://drc.ngo).", briefing.Runs{{Text: "see "}, {Text: "the site", Link: "https://drc.ngo"}, {Text: "."}}},
		{"[**bold link**](https://x.org)", briefing.Runs{{Text: "bold link", Bold: true, Link: "https://x.org"}}},
		{"unclosed **bold and * star", briefing.Runs{{Text: "unclosed **bold and * star"}}},
		{`escaped \*not italic\*`, briefing.Runs{{Text: "escaped *not italic*"}}},
		{"[no url] here", briefing.Runs{{Text: "[no url] here"}}},
		{"", nil},
	}
	for _, c := range cases {
		if got := briefing.ParseInline(c.in); !reflect.DeepEqual(got, c.want) {
			t.Errorf("ParseInline(%q)\n got %#v\nwant %#v", c.in, got, c.want)
		}
	}
	_ = R{}
}

func FuzzParseInline(f *testing.F) {
	for _, s := range []string{"a **b** *c* [d](e)", "***", "[[x](y)](z)", `\\*`, "_a_b_"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		runs := briefing.ParseInline(s)
		for _, r := range runs {
			if r.Text == "" {
				t.Fatalf("empty run in %#v", runs)
			}
		}
	})
}
