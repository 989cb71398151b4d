package layout

// What a page is made for (doc.Meta.Print) changes its edges, and
// nothing else of its design:
//
//   - on a screen, the band and the cover's block run to the paper's
//     edge;
//   - for an office printer, which cannot print the outer 4 to 5 mm of
//     the paper, they keep officeEdge of white from it on every side they
//     touched, and what they hold is centred in what is left: nothing is
//     set within officeEdge of the edge;
//   - for a print shop, every fill that touches the paper's edge runs
//     pressBleed past it (the bleed, trimmed off after printing), and
//     crop marks stand in the slug outside the bleed, where the sheet is
//     cut; the brand's process inks colour the page.
//
// Office and press packs have an even number of pages, for duplex: a
// blank page goes before a back page of its own, or after the last.

// Print geometry, in mm: the office edge; the press bleed and the slug
// past it (the crop marks stand in it, from cropGap past the bleed,
// markLen long, markStroke wide).
const (
	officeEdge = 8.0
	pressBleed = 3.0
	pressSlug  = 9.0
	cropGap    = 0.5
	markLen    = 6.0
	markStroke = 0.25 * MMPerPt
)

// registration is the colour of crop marks: every ink, so that they show
// on every plate.
var registration = Color{Ink: [4]float64{100, 100, 100, 100}, Process: true}

// edgeEps is how close to the paper's edge a fill's side is to touch it,
// in mm.
const edgeEps = 1e-6

// bleedOut runs fill b past each edge of the paper it touches by the
// bleed.
func (c *canvas) bleedOut(b *Box) {
	if b.X <= edgeEps {
		b.W += b.X + c.bleed
		b.X = -c.bleed
	}
	if b.Y <= edgeEps {
		b.H += b.Y + c.bleed
		b.Y = -c.bleed
	}
	if b.X+b.W >= c.w-edgeEps {
		b.W = c.w + c.bleed - b.X
	}
	if b.Y+b.H >= c.h-edgeEps {
		b.H = c.h + c.bleed - b.Y
	}
}

// cropMarks adds the page's crop marks (artifacts) when it has a bleed:
// at each corner, a line in line with each edge of the paper, in the slug
// outside the bleed.
func (c *canvas) cropMarks() {
	if c.bleed == 0 {
		return
	}
	in, out := c.bleed+cropGap, c.bleed+cropGap+markLen
	add := func(x1, y1, x2, y2 float64) {
		c.page.Boxes = append(c.page.Boxes, Box{Kind: Rule, X: x1, Y: y1, W: x2 - x1, H: y2 - y1, Stroke: markStroke, Color: registration})
	}
	for _, x := range []float64{0, c.w} {
		for _, y := range []float64{0, c.h} {
			// Outwards from the corner: -1 at the left and top, +1 at
			// the right and bottom.
			sx, sy := 1.0, 1.0
			if x == 0 {
				sx = -1
			}
			if y == 0 {
				sy = -1
			}
			add(x+sx*in, y, x+sx*out, y)
			add(x, y+sy*in, x, y+sy*out)
		}
	}
}

// bandTop is where the band and the cover's block start: the office
// edge, or the paper's edge.
func (c *canvas) bandTop() float64 { return c.edge }

// bandFill paints the band (or the cover's block) from the top of the
// page down to bottom, across the page, and its accent rule under it,
// rule mm high: inside the office edge, or to the paper's edge (and past
// it, into the bleed).
func (c *canvas) bandFill(bottom, rule float64) {
	e := c.edge
	c.fill(e, e, c.w-2*e, bottom-e, c.col.primary)
	c.fill(e, bottom, c.w-2*e, rule, c.col.accent)
}
