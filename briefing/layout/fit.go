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
// headings and small print stay. Documents are set at the layout's own
// body size: the type scale (Scale) is made from SizesAt(s, s.Body).
func SizesAt(s style.TypeSizes, body float64) Sizes {
	k := body / s.Body
	return Sizes{Body: body, Lede: s.Lede * k, Title: s.Title, H1: s.Heading1, H2: s.Heading2, Figure: s.Figure * (0.5 + k/2), Quote: s.Quote * k, Small: s.Small}
}
