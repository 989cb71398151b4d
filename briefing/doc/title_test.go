package doc

import (
	"testing"

	"briefing/briefing/inline"
)

// TestBriefTitle checks that a brief's title is its first level-1
// heading's text, and Meta.Title when it has none.
func TestBriefTitle(t *testing.T) {
	h := func(level int, s string) *Heading { return &Heading{Level: level, Text: inline.Runs{{Text: s}}} }
	for _, c := range []struct {
		blocks []Block
		want   string
	}{
		{[]Block{&Masthead{}, h(1, "Protect"), h(2, "Asks"), h(1, "Other")}, "Protect"},
		{[]Block{h(2, "Asks"), h(1, "Protect")}, "Protect"},
		{[]Block{h(2, "Asks")}, "Meta title"},
		{nil, "Meta title"},
	} {
		d := &Doc{Meta: Meta{Title: "Meta title"}, Blocks: c.blocks}
		if got := d.BriefTitle(); got != c.want {
			t.Errorf("BriefTitle() = %q, want %q", got, c.want)
		}
	}
}
