package layout_test

import (
	"fmt"
	"strings"
	"testing"

	"briefing/briefing/compose"
	"briefing/briefing/layout"
	"briefing/briefing/statement"
)

// TestPackGrid lays out packs of the built-in statement for the built-in
// audiences and for audiences of one or two recommendations (whose
// uncited quotes then go under "In their words", in the main column), en
// and es, A4 and Letter, and checks the pack's grid: no two boxes of text
// overlap, and every box of running text is in the main column or the
// side column (no dead strip: the spare width is a real column), only
// titles, the cover, the contents and the source block running across
// both.
func TestPackGrid(t *testing.T) {
	d, st := fixture(t)
	ts := typesetter(t, st)
	subsets := [][]string{nil, {"access-to-protection"}, {"climate-displacement", "root-causes"}, {"root-causes"}}
	for _, lang := range []string{"en", "es"} {
		s, _ := d.In(lang)
		for _, paper := range statement.Papers {
			for _, aud := range []string{"delegates", "states", "donors"} {
				for i, recs := range subsets {
					a := *s.Audience(aud)
					if recs != nil {
						if aud != "delegates" {
							continue
						}
						a.Recommendations = recs
					}
					name := fmt.Sprintf("%s-%s-%s-%d", lang, aud, paper, i)
					ld, err := ts.Lay(compose.Pack(s, &a, compose.Options{Paper: paper, Brand: &st.Brand}))
					if err != nil {
						t.Fatalf("%s: %v", name, err)
					}
					checkGrid(t, name, ld, st.Layout.Margins.Left, st.Layout.Margins.Right)
				}
			}
		}
	}
}

// checkGrid checks the grid of the inside pages of pack ld (see
// TestPackGrid).
func checkGrid(t *testing.T, name string, ld *layout.Paged, ml, mr float64) {
	t.Helper()
	cw := ld.W - ml - mr
	sideW := cw * 0.34
	mainR, sideX := ml+cw-sideW-9, ml+cw-sideW
	const eps = 0.05
	for pi, p := range ld.Pages {
		var texts []layout.Box
		for _, b := range p.Boxes {
			if b.Kind != layout.Text || strings.TrimSpace(b.Text) == "" {
				continue
			}
			for _, o := range texts {
				if w, h := min(b.X+b.W, o.X+o.W)-max(b.X, o.X), min(b.Y+b.H, o.Y+o.H)-max(b.Y, o.Y); w > eps && h > eps {
					t.Errorf("%s: page %d: %q overlaps %q", name, pi+1, b.Text, o.Text)
				}
			}
			texts = append(texts, b)
			if pi == 0 || b.Role == layout.Artifact || b.Role == layout.H1 || b.Role == layout.TOCEntry {
				continue
			}
			inMain := b.X >= ml-eps && b.X+b.W <= mainR+eps
			inSide := b.X >= sideX-eps && b.X+b.W <= ml+cw+eps
			if !inMain && !inSide {
				t.Errorf("%s: page %d: %q (%.1f–%.1f mm) is in neither column (main %.1f–%.1f, side %.1f–%.1f)", name, pi+1, b.Text, b.X, b.X+b.W, ml, mainR, sideX, ml+cw)
			}
		}
	}
}
