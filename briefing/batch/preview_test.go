package batch_test

import (
	"fmt"
	"strings"
	"testing"

	"briefing/briefing/batch"
	"briefing/briefing/statement"
)

// TestPlanPreviews: previews (png) are made when asked for, for every
// audience whatever formats it names, after its other formats and with
// the same names; a build that does not ask makes none, and an audience
// that names png gets them in every build.
func TestPlanPreviews(t *testing.T) {
	ds := load(t)
	list := func(sel batch.Selection) string {
		t.Helper()
		plan, err := batch.Plan(ds, sel, statement.PaperA4)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, j := range plan {
			got = append(got, fmt.Sprintf("%s %s", j.Format, j.Path))
		}
		return strings.Join(got, "\n")
	}
	sel := batch.Selection{Audiences: []string{"donors"}, Langs: []string{"en"}}
	if got := list(sel); strings.Contains(got, "png") {
		t.Errorf("a build that asks for no preview:\n%s", got)
	}
	sel.Formats = []statement.Format{statement.FormatPDF, statement.FormatPNG}
	want := strings.Join([]string{
		"pdf donors/en/cartagena40-rec2-invest-in-the-inclusion-and-integration.pdf",
		"png donors/en/cartagena40-rec2-invest-in-the-inclusion-and-integration.png",
		"pdf donors/en/cartagena40-rec4-address-the-root-causes-of-displacement.pdf",
		"png donors/en/cartagena40-rec4-address-the-root-causes-of-displacement.png",
		"pdf donors/en/cartagena40-pack.pdf",
		"png donors/en/cartagena40-pack.png",
	}, "\n")
	if got := list(sel); got != want {
		t.Errorf("--format pdf,png:\n%s\nwant:\n%s", got, want)
	}
	ds.Base.Audience("donors").Formats = []statement.Format{statement.FormatPDF, statement.FormatPNG}
	ds.Base.Audience("donors").Kinds = []statement.Kind{statement.KindPack}
	sel.Formats = nil
	if got := list(sel); got != "pdf donors/en/cartagena40-pack.pdf\npng donors/en/cartagena40-pack.png" {
		t.Errorf("an audience naming png:\n%s", got)
	}
}
