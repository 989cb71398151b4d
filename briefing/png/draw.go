package png

import (
	"image"
	"image/draw"
	"math"

	xdraw "golang.org/x/image/draw"
	"golang.org/x/image/vector"

	"briefing/briefing/font"
	"briefing/briefing/layout"
)

// canvas is one page being drawn: the picture, its scale in pixels per
// mm, and a rasteriser and point buffer reused box after box.
type canvas struct {
	r   *Renderer
	img *image.RGBA
	s   float64
	z   vector.Rasterizer
	ops []font.PathOp
	pts []float32
	// mask is the coverage of the shape being filled.
	mask image.Alpha
}

// draw draws page pg of ld: its boxes in order, as briefing/pdf draws
// them (export.go), onto white.
func (r *Renderer) draw(ld *layout.Paged, pg *layout.Page) *image.RGBA {
	px, py, s := r.size(ld.W, ld.H)
	c := &canvas{r: r, img: r.page(px, py), s: s}
	for i := range pg.Boxes {
		c.box(&pg.Boxes[i])
	}
	return c.img
}

// box draws one box.
func (c *canvas) box(b *layout.Box) {
	switch b.Kind {
	case layout.Text:
		c.text(b)
	case layout.Fill:
		c.rect(b.X, b.Y, b.X+b.W, b.Y+b.H, b.Color)
	case layout.Circle:
		c.disc(b.X+b.W/2, b.Y+b.H/2, b.W/2, b.Color)
	case layout.Rule:
		c.rule(b)
	case layout.Image:
		c.logo(b)
	case layout.QR:
		c.qr(b)
	case layout.LinkArea:
		// A link draws nothing.
	}
}

// text sets b's text: each character's outline at the pen, the pen moved
// on by the character's advance in the PDF's width table, all of the
// box's outlines filled at once (non-zero winding) in its colour. Each
// outline starts on a whole pixel row and a quarter pixel column, as
// poppler places glyphs: baselines are crisp, and previews and renders of
// the PDF agree to the pixel.
func (c *canvas) text(b *layout.Box) {
	em := b.Size * layout.MMPerPt * c.s
	x, y := b.X*c.s, math.Floor(b.Baseline*c.s)
	c.ops, c.pts = c.ops[:0], c.pts[:0]
	minX, minY := math.Inf(1), math.Inf(1)
	maxX, maxY := math.Inf(-1), math.Inf(-1)
	for _, ch := range b.Text {
		g := c.r.glyphs.get(b.Font, ch)
		if len(g.Ops) > 0 {
			c.ops = append(c.ops, g.Ops...)
			gx := math.Floor(x*4) / 4
			for i := 0; i < len(g.Pts); i += 2 {
				px, py := gx+float64(g.Pts[i])*em, y+float64(g.Pts[i+1])*em
				minX, maxX = min(minX, px), max(maxX, px)
				minY, maxY = min(minY, py), max(maxY, py)
				c.pts = append(c.pts, float32(px), float32(py))
			}
		}
		x += g.adv * em
	}
	if len(c.ops) == 0 {
		return
	}
	c.fill(minX, minY, maxX, maxY, b.Color)
}

// fill fills the path in c.ops and c.pts, whose points lie within minX,
// minY, maxX, maxY (pixels), in colour col.
func (c *canvas) fill(minX, minY, maxX, maxY float64, col layout.Color) {
	r := image.Rect(int(math.Floor(minX)), int(math.Floor(minY)), int(math.Ceil(maxX)), int(math.Ceil(maxY))).Intersect(c.img.Rect)
	if r.Empty() {
		return
	}
	ox, oy := float32(r.Min.X), float32(r.Min.Y)
	z := &c.z
	z.Reset(r.Dx(), r.Dy())
	z.DrawOp = draw.Src
	p := c.pts
	for i, op := range c.ops {
		switch op {
		case font.MoveTo:
			if i > 0 {
				z.ClosePath()
			}
			z.MoveTo(p[0]-ox, p[1]-oy)
		case font.LineTo:
			z.LineTo(p[0]-ox, p[1]-oy)
		case font.QuadTo:
			z.QuadTo(p[0]-ox, p[1]-oy, p[2]-ox, p[3]-oy)
		case font.CubeTo:
			z.CubeTo(p[0]-ox, p[1]-oy, p[2]-ox, p[3]-oy, p[4]-ox, p[5]-oy)
		}
		p = p[2*op.Points():]
	}
	z.ClosePath()
	m := &c.mask
	n := r.Dx() * r.Dy()
	if cap(m.Pix) < n {
		m.Pix = make([]uint8, n)
	}
	m.Pix, m.Stride, m.Rect = m.Pix[:n], r.Dx(), image.Rect(0, 0, r.Dx(), r.Dy())
	z.Draw(m, m.Rect, image.Opaque, image.Point{})
	for y := range r.Dy() {
		row := c.img.Pix[c.img.PixOffset(r.Min.X, r.Min.Y+y):]
		for x, a := range m.Pix[y*m.Stride : (y+1)*m.Stride] {
			if a != 0 {
				blend(row[4*x:4*x+3], col, a)
			}
		}
	}
}

// levels is the number of steps of coverage an antialiased edge is drawn
// with, as poppler's 4×4 supersampling draws shapes: a page then has
// a few hundred colours, and is written as a paletted PNG.
const levels = 16

// blend paints col over the pixel p (red, green and blue) with coverage
// a (0 to 255), rounded to one of levels steps.
func blend(p []uint8, col layout.Color, a uint8) {
	q := (uint32(a)*levels + 127) / 255
	switch q {
	case 0:
		return
	case levels:
		p[0], p[1], p[2] = col.R, col.G, col.B
		return
	}
	mix := func(d, s uint8) uint8 {
		return uint8((uint32(d)*(levels-q) + uint32(s)*q + levels/2) / levels)
	}
	p[0], p[1], p[2] = mix(p[0], col.R), mix(p[1], col.G), mix(p[2], col.B)
}

// rect paints the rectangle from x0, y0 to x1, y1 (mm) in col, its edges
// moved to the nearest pixel boundary and at least a pixel apart: crisp,
// as poppler paints rectangles (stroke adjustment), so that a QR code's
// modules and the rows of its runs meet without a seam.
func (c *canvas) rect(x0, y0, x1, y1 float64, col layout.Color) {
	s := c.s
	i0, i1 := snap(min(x0, x1)*s, max(x0, x1)*s)
	j0, j1 := snap(min(y0, y1)*s, max(y0, y1)*s)
	b := c.img.Rect
	i0, i1 = max(i0, b.Min.X), min(i1, b.Max.X)
	j0, j1 = max(j0, b.Min.Y), min(j1, b.Max.Y)
	if i0 >= i1 || j0 >= j1 {
		return
	}
	for j := j0; j < j1; j++ {
		row := c.img.Pix[c.img.PixOffset(i0, j):c.img.PixOffset(i1, j)]
		for k := 0; k < len(row); k += 4 {
			row[k], row[k+1], row[k+2] = col.R, col.G, col.B
		}
	}
}

// snap rounds the edges a and b (pixels, a ≤ b) to the nearest pixel
// boundaries, at least one pixel apart.
func snap(a, b float64) (int, int) {
	i, j := int(math.Floor(a+0.5)), int(math.Floor(b+0.5))
	if j == i {
		j++
	}
	return i, j
}

// kappa is the distance of a cubic Bézier's control points from its ends
// for a quarter circle of radius 1 (as fpdf draws circles).
const kappa = 0.5522847498

// disc paints a disc of radius rad centred at cx, cy (mm) in col.
func (c *canvas) disc(cx, cy, rad float64, col layout.Color) {
	s := c.s
	x, y, r := cx*s, cy*s, rad*s
	k := r * kappa
	f := func(v float64) float32 { return float32(v) }
	c.ops = append(c.ops[:0], font.MoveTo, font.CubeTo, font.CubeTo, font.CubeTo, font.CubeTo)
	c.pts = append(c.pts[:0],
		f(x+r), f(y),
		f(x+r), f(y+k), f(x+k), f(y+r), f(x), f(y+r),
		f(x-k), f(y+r), f(x-r), f(y+k), f(x-r), f(y),
		f(x-r), f(y-k), f(x-k), f(y-r), f(x), f(y-r),
		f(x+k), f(y-r), f(x+r), f(y-k), f(x+r), f(y))
	c.fill(x-r, y-r, x+r, y+r, col)
}

// rule draws b's line, Stroke wide with butt ends, dashed by b.Dash (on,
// off, … in mm, from the start).
func (c *canvas) rule(b *layout.Box) {
	x0, y0, x1, y1 := b.X, b.Y, b.X+b.W, b.Y+b.H
	n := math.Hypot(b.W, b.H)
	if n == 0 || b.Stroke <= 0 {
		return
	}
	if sum(b.Dash) <= 0 {
		c.segment(x0, y0, x1, y1, b.Stroke, b.Color)
		return
	}
	dx, dy := b.W/n, b.H/n
	for at, i := 0.0, 0; at < n; i++ {
		d := max(b.Dash[i%len(b.Dash)], 0)
		end := min(at+d, n)
		if i%2 == 0 && end > at {
			c.segment(x0+dx*at, y0+dy*at, x0+dx*end, y0+dy*end, b.Stroke, b.Color)
		}
		at += d
	}
}

func sum(xs []float64) float64 {
	t := 0.0
	for _, x := range xs {
		t += x
	}
	return t
}

// segment paints the line from x0, y0 to x1, y1 (mm), w wide, with butt
// ends: a rectangle when it is level or upright, else a quadrilateral.
func (c *canvas) segment(x0, y0, x1, y1, w float64, col layout.Color) {
	switch {
	case y0 == y1:
		c.rect(x0, y0-w/2, x1, y0+w/2, col)
	case x0 == x1:
		c.rect(x0-w/2, y0, x0+w/2, y1, col)
	default:
		s := c.s
		n := math.Hypot(x1-x0, y1-y0)
		nx, ny := -(y1-y0)/n*w/2, (x1-x0)/n*w/2
		q := [4][2]float64{{x0 + nx, y0 + ny}, {x1 + nx, y1 + ny}, {x1 - nx, y1 - ny}, {x0 - nx, y0 - ny}}
		c.ops = append(c.ops[:0], font.MoveTo, font.LineTo, font.LineTo, font.LineTo)
		c.pts = c.pts[:0]
		minX, minY := math.Inf(1), math.Inf(1)
		maxX, maxY := math.Inf(-1), math.Inf(-1)
		for _, p := range q {
			x, y := p[0]*s, p[1]*s
			minX, maxX, minY, maxY = min(minX, x), max(maxX, x), min(minY, y), max(maxY, y)
			c.pts = append(c.pts, float32(x), float32(y))
		}
		c.fill(minX, minY, maxX, maxY, col)
	}
}

// qr paints b's QR code: the code's rectangles, each a fiftieth of a
// module wider and taller than its modules, as the PDF paints them.
func (c *canvas) qr(b *layout.Box) {
	q := b.Code
	if q == nil {
		return
	}
	m := b.W / float64(q.N)
	for _, r := range q.Rects() {
		x, y := b.X+float64(r.X)*m, b.Y+float64(r.Y)*m
		c.rect(x, y, x+(float64(r.W)+0.02)*m, y+(float64(r.H)+0.02)*m, b.Color)
	}
}

// logo draws the brand's logo scaled into b (its pixels rounded to whole
// ones), over what is there.
func (c *canvas) logo(b *layout.Box) {
	if c.r.logo == nil {
		return
	}
	s := c.s
	r := image.Rect(int(math.Round(b.X*s)), int(math.Round(b.Y*s)), int(math.Round((b.X+b.W)*s)), int(math.Round((b.Y+b.H)*s)))
	if r.Empty() {
		return
	}
	xdraw.CatmullRom.Scale(c.img, r, c.r.logo, c.r.logo.Bounds(), xdraw.Over, nil)
}
