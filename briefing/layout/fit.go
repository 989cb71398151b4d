package layout

import (
	"briefing/briefing/style"
)

// Sizes are the type sizes, in points, one layout pass sets a document in.
type Sizes struct {
	Body, Lede, Title, H1, H2, Figure, Quote, Small float64
}

// SizesAt returns the layout's sizes with the body set at body points: the
// lede and quote scale with the body, the key figures by half as much,
// headings and small print stay. It is the one shrink rule, for PDF and
// DOCX alike.
func SizesAt(s style.TypeSizes, body float64) Sizes {
	k := body / s.Body
	return Sizes{Body: body, Lede: s.Lede * k, Title: s.Title, H1: s.Heading1, H2: s.Heading2, Figure: s.Figure * (0.5 + k/2), Quote: s.Quote * k, Small: s.Small}
}

// Shrink is the DOCX writer's shrink rule, kept for its fit estimate
// until that runs the layout's own flow: the PDF layout no longer shrinks
// a brief. It finds the largest body size, from the layout's body down to
// body_min in steps of body_step, at which a one-page document fits: over
// returns by how much (mm) the document is too long at the given sizes,
// ≤ 0 when it fits. It returns the sizes chosen, or ok false with the
// overflow at body_min.
func Shrink(s style.TypeSizes, over func(Sizes) float64) (sz Sizes, overflow float64, ok bool) {
	steps := 0
	if s.BodyStep > 0 {
		steps = int((s.Body-s.BodyMin)/s.BodyStep + 1e-9)
	}
	for i := 0; i <= steps; i++ {
		sz = SizesAt(s, s.Body-float64(i)*s.BodyStep)
		if overflow = over(sz); overflow <= 0 {
			return sz, overflow, true
		}
	}
	if last := SizesAt(s, s.BodyMin); steps >= 0 && last.Body < sz.Body-1e-9 {
		// body_min is not a whole number of steps below body: try it too.
		if overflow = over(last); overflow <= 0 {
			return last, overflow, true
		}
		sz = last
	}
	return sz, overflow, false
}
