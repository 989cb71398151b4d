package layout_test

import (
	"errors"
	"strings"
	"testing"

	"briefing/briefing/doc"
	"briefing/briefing/layout"
	"briefing/briefing/statement"
)

// TestCoverTitle: a long statement title on the pack's cover, at the
// layout's title size and at 60 pt, steps down the type scale until the
// cover holds it, every box on the page and none over another text; a
// title too long even at the body size is an overflow at the title.
func TestCoverTitle(t *testing.T) {
	_, st := fixture(t)
	long := "Upholding the promises of the Cartagena Declaration: protection, solutions and solidarity for forcibly displaced and stateless people across Latin America and the Caribbean, forty years on, in a region facing new displacement"
	for _, size := range []float64{0, 60} {
		s := *st
		if size > 0 {
			s.Layout.Sizes.Title = size
		}
		ts := typesetter(t, &s)
		d := sample(t, "en", "delegates", "", statement.PaperA4)
		cv := d.Blocks[0].(*doc.Cover)
		cv.Title = long
		ld, err := ts.Lay(d)
		if err != nil {
			t.Fatalf("title %g pt: %v", size, err)
		}
		var texts []layout.Box
		for _, b := range ld.Pages[0].Boxes {
			if b.Kind != layout.Text {
				continue
			}
			if b.X < 0 || b.Y < 0 || b.X+b.W > ld.W+0.01 || b.Y+b.H > ld.H+0.01 {
				t.Errorf("title %g pt: %q off the page", size, b.Text)
			}
			for _, o := range texts {
				if b.X < o.X+o.W-0.01 && o.X < b.X+b.W-0.01 && b.Y < o.Y+o.H-0.01 && o.Y < b.Y+b.H-0.01 {
					t.Errorf("title %g pt: %q overlaps %q", size, b.Text, o.Text)
				}
			}
			texts = append(texts, b)
		}
	}
	d := sample(t, "en", "delegates", "", statement.PaperA4)
	d.Blocks[0].(*doc.Cover).Title = strings.Repeat("An endless statement title ", 400)
	_, err := typesetter(t, st).Lay(d)
	var oe *doc.OverflowError
	if !errors.As(err, &oe) || !errors.Is(err, doc.ErrOverflow) || oe.Field != "the statement's title" || !strings.Contains(err.Error(), "cover") {
		t.Errorf("a title too long for the cover: %v", err)
	}
}
