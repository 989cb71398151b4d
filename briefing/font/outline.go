package font

import (
	xfont "golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// PathOp is a step of an Outline's path.
type PathOp uint8

// The steps of a path: each takes one point (move, line), two (a
// quadratic Bézier's control and end point) or three (a cubic's).
const (
	MoveTo PathOp = iota
	LineTo
	QuadTo
	CubeTo
)

// Points returns how many points op takes.
func (op PathOp) Points() int {
	switch op {
	case QuadTo:
		return 2
	case CubeTo:
		return 3
	}
	return 1
}

// Outline is a character's glyph in one style: its path in ems, x to the
// right and y down from the origin on the baseline, and its advance.
type Outline struct {
	// Ops are the path's steps, each MoveTo starting a closed contour,
	// and Pts their points, x and y in turn.
	Ops []PathOp
	Pts []float32
	// Advance is the glyph's advance width in ems, unrounded (Face.Advance
	// of the character).
	Advance float64
	// Missing is a character the face has no glyph for: the outline is
	// then the face's .notdef glyph, as a PDF viewer draws it.
	Missing bool
}

// Outline returns the glyph of r in style st, read from the font file
// (a few microseconds: a caller drawing much text keeps what it reads).
// Characters beyond the Basic Multilingual Plane are drawn as .notdef, as
// the PDF writer sets them.
func (s *Set) Outline(st Style, r rune) Outline {
	f := s.parsed[st&3]
	var buf sfnt.Buffer
	upem := float32(f.UnitsPerEm())
	// At ppem = unitsPerEm in 26.6, advances and points come out in font
	// units, unscaled (as newFace and Program read widths).
	ppem := fixed.Int26_6(f.UnitsPerEm())
	g, err := f.GlyphIndex(&buf, r)
	if err != nil || r < 0 || r > 0xffff {
		g = 0
	}
	o := Outline{Missing: g == 0}
	if a, err := f.GlyphAdvance(&buf, g, ppem, xfont.HintingNone); err == nil && int(a) < 1<<15 {
		o.Advance = float64(a) / float64(upem)
	}
	segs, err := f.LoadGlyph(&buf, g, ppem, nil)
	if err != nil {
		return o
	}
	for _, sg := range segs {
		op := MoveTo
		switch sg.Op {
		case sfnt.SegmentOpLineTo:
			op = LineTo
		case sfnt.SegmentOpQuadTo:
			op = QuadTo
		case sfnt.SegmentOpCubeTo:
			op = CubeTo
		}
		o.Ops = append(o.Ops, op)
		for _, p := range sg.Args[:op.Points()] {
			o.Pts = append(o.Pts, float32(p.X)/upem, float32(p.Y)/upem)
		}
	}
	return o
}
