package input_test

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"briefing/briefing/input"
	"briefing/internal/testtool"
)

// texts holds one field of each kind of text.
type texts struct {
	Title string   `yaml:"title"`
	Body  []string `yaml:"body" text:"paragraph"`
	Link  string   `yaml:"link" text:"address"`
	ID    string   `yaml:"id" text:"id"`
	Logo  string   `yaml:"logo" text:"file"`
	Next  string   `yaml:"next"`
}

func decodeTexts(src string) (*texts, []string) {
	var v texts
	_, errs := input.Decode("t.yaml", []byte(src), &v, input.Options{Required: func(string) bool { return false }})
	return &v, testtool.Messages(errs.Err())
}

// TestTabs: a TAB typed inside a double-quoted scalar is text, and the
// places of what follows it stay true; one typed in text without quotes,
// which the parser drops, is an error saying so.
func TestTabs(t *testing.T) {
	v, errs := decodeTexts("title: \"a\tb\"\nbody:\n  - \"\tone\t\"\n  - \"two\t\n    \tlines\"\n  - 'single\tquoted'\n  - |\n    block\ttext\n  - \"escaped \\t and \\\ttab\"\nnext: [c\td, \"e\tf\"]\n")
	testtool.SameLines(t, "errors", errs, []string{"t.yaml:10:7: next: want text, got a list"})
	if v.Title != "a\tb" {
		t.Errorf("title %q", v.Title)
	}
	want := []string{"\tone\t", "two lines", "single\tquoted", "block\ttext\n", "escaped \t and \ttab"}
	if strings.Join(v.Body, "|") != strings.Join(want, "|") {
		t.Errorf("body %q, want %q", v.Body, want)
	}

	_, errs = decodeTexts("title: \"x\ty\"\nnext: [a\nid: b\n")
	testtool.SameLines(t, "errors", errs, []string{"t.yaml:2:7: syntax error: this [ is never closed; close it with ], or put text that starts with [ in quotes"})

	_, errs = decodeTexts("title: a\tb\nid: \"a\tb\"\n")
	testtool.SameLines(t, "errors", errs, []string{
		"t.yaml:1:8: title: a tab inside text without quotes is lost when the file is read; put the text in double quotes, or write a space",
		"t.yaml:2:5: id: control character U+0009 (tab) in the text: no document can show it; remove it",
	})

	// After an escaped line break, leading blanks fold away; a TAB after
	// text is text.
	v, errs = decodeTexts("title: \"a\\\n  b\tc\"\n")
	if len(errs) > 0 || v.Title != "ab\tc" {
		t.Errorf("escaped line break: %q, %v", v.Title, errs)
	}

	// Millions of TABs: looked at once each (the parser took minutes).
	start := time.Now()
	_, errs = decodeTexts("title: \"a" + strings.Repeat("\t", 4<<20) + "b\"\n")
	if d := time.Since(start); d > 5*time.Second || len(errs) != 1 || !strings.Contains(errs[0], "too long: 4194306 characters") {
		t.Errorf("%v: %v", d, errs)
	}

	_, errs = decodeTexts("title: \"x\ufdd0\"\n")
	testtool.SameLines(t, "errors", errs, []string{"t.yaml:1:10: not a text file: noncharacter U+FDD0 (binary data?)"})
}

// TestTextProblems: control characters, however they are written, text
// that steers or is written right to left, and text over its kind's
// limits are refused at the field, each problem said once.
func TestTextProblems(t *testing.T) {
	for _, c := range []struct {
		src  string
		want []string
	}{
		{`title: "\e[31m red \a \x9b"`, []string{"t.yaml:1:8: title: control character U+001B (escape) in the text: no document can show it; remove it"}},
		{`{"title": "\u0000"}`, []string{"t.yaml:1:11: title: control character U+0000 (NUL) in the text: no document can show it; remove it"}},
		{"title: \"line\\nbreak\\ttab\"\nbody: [\"one\\n\\ttwo\"]", nil},
		{`link: "https://example.org/\n"`, []string{"t.yaml:1:7: link: control character U+000A (line break) in the text: no document can show it; remove it"}},
		{`title: "a \u202e b"`, []string{"t.yaml:1:8: title: character U+202E (right-to-left override), which steers the direction of text, is not supported; remove it"}},
		{`title: "שלום, world"`, []string{`t.yaml:1:8: title: right-to-left text (Hebrew) is not supported yet: "שלום" would be set left to right, its letters reversed; leave it out, or write it in a left-to-right script`}},
		{`logo: "שלום.png"`, nil},
		{"title: " + strings.Repeat("x ", 200) + "x", []string{"t.yaml:1:8: title: too long: 401 characters, over the limit of 400 for a line of text such as a title or a name; shorten it"}},
		{"title: " + strings.Repeat("éé ", 133) + "é", nil},
		{"body: [" + strings.Repeat("word ", 1000) + "end]", []string{"t.yaml:1:8: body[0]: too long: 5003 characters, over the limit of 5000 for a paragraph; shorten it, or split it into two paragraphs"}},
		{"id: " + strings.Repeat("a", 65), []string{"t.yaml:1:5: id: too long: 65 characters, over the limit of 64 for an id; use a shorter id (ids name output files)"}},
		{"link: https://example.org/" + strings.Repeat("a", 2000), []string{"t.yaml:1:7: link: too long: 2020 characters, over the limit of 2000 for an address; use a shorter address"}},
		{"title: a " + strings.Repeat("w", 101) + " b", []string{`t.yaml:1:8: title: a word of 101 characters ("wwwwwwwwwwwwwwwwwwwwwww…"), over the limit of 100 for one word: pasted by mistake? Break it with spaces or hyphens`}},
		// Where a line may break, a long stretch is words: after slashes
		// and hyphens, between ideographs.
		{"title: " + strings.Repeat("long-", 30), nil},
		{"body: [" + strings.Repeat("https://example.org/", 10) + "]", nil},
		{"body: [" + strings.Repeat("中文", 100) + "]", nil},
		{"link: https://example.org/" + strings.Repeat("a", 200), nil},
		// Several problems in one field: each is said.
		{`title: "\x1b ` + strings.Repeat("ש", 400) + `"`, []string{
			"t.yaml:1:8: title: control character U+001B (escape) in the text: no document can show it; remove it",
			`t.yaml:1:8: title: right-to-left text (Hebrew) is not supported yet: "ששששששששששששששששששש…" would be set left to right, its letters reversed; leave it out, or write it in a left-to-right script`,
			"t.yaml:1:8: title: too long: 402 characters, over the limit of 400 for a line of text such as a title or a name; shorten it",
			`t.yaml:1:8: title: a word of 400 characters ("ששששששששששששששששששששששש…"), over the limit of 100 for one word: pasted by mistake? Break it with spaces or hyphens`,
		}},
	} {
		_, errs := decodeTexts(c.src)
		testtool.SameLines(t, shortSrc(c.src), errs, c.want)
	}
}

func shortSrc(s string) string {
	if len(s) > 40 {
		return s[:40] + "…"
	}
	return s
}

// TestTextKinds: a field's kind comes from its text tag, Line without
// one; an unknown kind is a programming error, found by the first decode.
func TestTextKinds(t *testing.T) {
	var kinds []string
	for _, f := range input.FieldsOf(reflectType[texts]()) {
		kinds = append(kinds, f.Name+":"+f.Text.String())
	}
	if got := strings.Join(kinds, " "); got != "title:line body:paragraph link:address id:id logo:file next:line" {
		t.Errorf("kinds: %s", got)
	}
	var bad struct {
		X string `yaml:"x" text:"poem"`
	}
	_, errs := input.Decode("t.yaml", []byte("x: y\n"), &bad, input.Options{})
	if len(errs) != 1 || !strings.Contains(errs[0].Msg, `unknown text kind "poem"`) {
		t.Errorf("errors: %v", errs)
	}
}

func reflectType[T any]() reflect.Type { return reflect.TypeOf((*T)(nil)).Elem() }
