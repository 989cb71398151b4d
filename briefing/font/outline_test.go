package font_test

import (
	"math"
	"testing"

	"briefing/briefing/font"
)

// TestOutline reads glyph outlines: a letter's path lies within the em
// box above the baseline, its advance is the face's, and a character the
// font lacks is its .notdef glyph.
func TestOutline(t *testing.T) {
	s := noto(t)
	for _, st := range []font.Style{font.Regular, font.Bold, font.Italic, font.BoldItalic} {
		o := s.Outline(st, 'H')
		if o.Missing || len(o.Ops) == 0 || o.Ops[0] != font.MoveTo {
			t.Fatalf("%s H: %+v", st, o)
		}
		n := 0
		for _, op := range o.Ops {
			n += op.Points()
		}
		if len(o.Pts) != 2*n {
			t.Errorf("%s H: %d coordinates for %d points", st, len(o.Pts), n)
		}
		for i := 0; i < len(o.Pts); i += 2 {
			if x, y := o.Pts[i], o.Pts[i+1]; x < -0.1 || x > 1 || y > 0.001 || y < -1 {
				t.Errorf("%s H: point %g,%g outside the em above the baseline", st, x, y)
				break
			}
		}
		// The face keeps its widths as float32.
		if want := s.Face(st).Advance('H'); math.Abs(o.Advance-want) > 1e-6 {
			t.Errorf("%s H: advance %g, the face says %g", st, o.Advance, want)
		}
	}
	if sp := s.Outline(font.Regular, ' '); len(sp.Ops) != 0 || sp.Missing || sp.Advance <= 0 {
		t.Errorf("space: %+v", sp)
	}
	if o := s.Outline(font.Regular, '\U0001F600'); !o.Missing {
		t.Errorf("an emoji has a glyph in Noto Sans: %+v", o)
	}
}
