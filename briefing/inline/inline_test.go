package inline_test

import (
	"reflect"
	"testing"

	"briefing/briefing/inline"
)

func TestParseInline(t *testing.T) {
	type R = inline.Run
	cases := []struct {
		in   string
		want inline.Runs
	}{
		{"plain  text\n wraps", inline.Runs{{Text: "plain text wraps"}}},
		{"a **bold** word", inline.Runs{{Text: "a "}, {Text: "bold", Bold: true}, {Text: " word"}}},
		{"the *pro homine* principle", inline.Runs{{Text: "the "}, {Text: "pro homine", Italic: true}, {Text: " principle"}}},
		{"_it_ and snake_case_name", inline.Runs{{Text: "it", Italic: true}, {Text: " and snake_case_name"}}},
		{"**bold *and italic***", inline.Runs{{Text: "bold ", Bold: true}, {Text: "and italic", Bold: true, Italic: true}}},
		{"see [the site](https://drc.ngo).", inline.Runs{{Text: "see "}, {Text: "the site", Link: "https://drc.ngo"}, {Text: "."}}},
		{"[**bold link**](https://x.org)", inline.Runs{{Text: "bold link", Bold: true, Link: "https://x.org"}}},
		{"unclosed **bold and * star", inline.Runs{{Text: "unclosed **bold and * star"}}},
		{`escaped \*not italic\*`, inline.Runs{{Text: "escaped *not italic*"}}},
		{"[no url] here", inline.Runs{{Text: "[no url] here"}}},
		{"", nil},
	}
	for _, c := range cases {
		if got := inline.Parse(c.in); !reflect.DeepEqual(got, c.want) {
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
		runs := inline.Parse(s)
		for _, r := range runs {
			if r.Text == "" {
				t.Fatalf("empty run in %#v", runs)
			}
		}
	})
}
