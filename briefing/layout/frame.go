package layout

import (
	"slices"
	"strconv"

	"briefing/briefing/font"
	"briefing/briefing/qrcode"
)

// A block is laid out once, into a frame: its boxes relative to the
// frame's top-left corner, its logical elements, its size. Measuring is
// laying out: a frame's height is what the block takes, and placing the
// frame on a page (or in a bigger frame) only moves its boxes by an offset
// and numbers its elements into the document's. There is no "dry run" a
// new kind of box could be forgotten in.

// frame is a block laid out.
type frame struct {
	// w and h are the frame's size, in mm.
	w, h  float64
	boxes []mark
	// text is the text of the frame's boxes, one after the other, and
	// more the rest of its rules, links and QR codes (see mark); buf
	// collects the text while the frame is built.
	text string
	buf  []byte
	more []markMore
	// elems are the frame's logical elements: a box's Elem k > 0 is
	// elems[k-1], and so is an element's Parent k > 0; Parent 0 is
	// whatever the frame is placed in (the document, or a section).
	elems []Elem
	// rows, when set, are where a flowing block (running text, a list)
	// may break between pages: each row is placed on its own.
	rows []row
	// tail is space the block ends with after its last row.
	tail float64
	// refs are page numbers filled in when the document is paginated,
	// in the order of their boxes.
	refs []pageRef
	// base is where the frame's elements start in the document, once its
	// first row is placed (placed is then set).
	base   int
	placed bool
}

// mark is a Box held in a frame, in less than half the memory and
// without pointers (a document's frames are all held until it is
// paginated, and the collector need not scan them): its text is
// frame.text[off:off+n], and what only rules, links and QR codes have is
// frame.more[more-1] (none when more is 0).
type mark struct {
	x, y, w, h, size, baseline float64
	off, n, more               int32
	elem                       int32
	kind                       Kind
	role                       Role
	font                       uint8
	color                      Color
}

// markMore is the rest of a Box.
type markMore struct {
	stroke    float64
	dash      []float64
	url, dest string
	code      *qrcode.Code
}

// add packs b into the frame being built.
func (fr *frame) add(b Box) {
	it := mark{x: b.X, y: b.Y, w: b.W, h: b.H, size: b.Size, baseline: b.Baseline, off: int32(len(fr.buf)), n: int32(len(b.Text)), elem: int32(b.Elem), kind: b.Kind, role: b.Role, font: uint8(b.Font), color: b.Color}
	fr.buf = append(fr.buf, b.Text...)
	if b.Stroke != 0 || b.Dash != nil || b.URL != "" || b.Dest != "" || b.Code != nil {
		fr.more = append(fr.more, markMore{stroke: b.Stroke, dash: b.Dash, url: b.URL, dest: b.Dest, code: b.Code})
		it.more = int32(len(fr.more))
	}
	fr.boxes = append(fr.boxes, it)
}

// box unpacks the frame's mark it.
func (fr *frame) box(it *mark) Box {
	b := Box{X: it.x, Y: it.y, W: it.w, H: it.h, Size: it.size, Baseline: it.baseline, Text: fr.text[it.off : it.off+it.n], Elem: int(it.elem), Kind: it.kind, Role: it.role, Font: font.Style(it.font), Color: it.color}
	if it.more > 0 {
		m := &fr.more[it.more-1]
		b.Stroke, b.Dash, b.URL, b.Dest, b.Code = m.stroke, m.dash, m.url, m.dest, m.code
	}
	return b
}

// row is a stretch of a flowing frame kept on one page: boxes[lo:hi],
// from y (in the frame) and h high. pre is space added above it, also at
// the top of a page; need is how much must fit below the cursor for the
// row to stay on the page (more than h to avoid a widow or an orphan).
type row struct {
	lo, hi    int
	y, h      float64
	pre, need float64
}

// pageRef is a text box, boxes[box], that shows the page number of anchor,
// right-aligned at right (in the frame): a contents entry's number.
type pageRef struct {
	box    int
	anchor string
	right  float64
}

// build lays out into a new frame w by h what f adds (with c.add and
// c.elem, in the frame's coordinates), and returns it.
func (c *canvas) build(w, h float64, f func()) *frame {
	prev := c.fr
	fr := &frame{w: w, h: h}
	c.fr = fr
	f()
	c.fr = prev
	// A document's frames are all held until it is paginated: they keep
	// no spare capacity.
	fr.boxes = slices.Clip(slices.Clone(fr.boxes))
	if cap(fr.rows) > len(fr.rows) {
		fr.rows = slices.Clone(fr.rows)
	}
	fr.text, fr.buf = string(fr.buf), nil
	return fr
}

// put places frame src in the frame being built, its top-left corner at
// x, y; src's top-level elements become parts of element parent (0: of
// what the frame being built is placed in).
func (c *canvas) put(src *frame, x, y float64, parent int) {
	dst := c.fr
	base := len(dst.elems)
	for _, e := range src.elems {
		if e.Parent == 0 {
			e.Parent = parent
		} else {
			e.Parent += base
		}
		dst.elems = append(dst.elems, e)
	}
	for _, r := range src.refs {
		r.box += len(dst.boxes)
		r.right += x
		dst.refs = append(dst.refs, r)
	}
	off, more := int32(len(dst.buf)), int32(len(dst.more))
	dst.buf = append(dst.buf, src.text...)
	dst.more = append(dst.more, src.more...)
	for _, b := range src.boxes {
		b = moved(b, x, y, base)
		b.off += off
		if b.more > 0 {
			b.more += more
		}
		dst.boxes = append(dst.boxes, b)
	}
}

// moved is it offset by x, y, its element renumbered from base.
func moved(it mark, x, y float64, base int) mark {
	it.x += x
	it.y += y
	if it.kind == Text {
		it.baseline += y
	}
	if it.elem > 0 {
		it.elem += int32(base)
	}
	return it
}

// place puts boxes[lo:hi] of fr on the current page, the frame's top-left
// corner at x, y; the frame's elements join the document when its first
// boxes are placed. Page references are filled in from the anchors.
func (c *canvas) place(fr *frame, x, y float64, lo, hi int) {
	if !fr.placed {
		fr.placed, fr.base = true, len(c.out.Elems)-1
		for _, e := range fr.elems {
			if e.Parent > 0 {
				e.Parent += fr.base
			}
			c.out.Elems = append(c.out.Elems, e)
		}
	}
	start := len(c.page.Boxes)
	c.page.Boxes = slices.Grow(c.page.Boxes, hi-lo)
	for _, it := range fr.boxes[lo:hi] {
		it = moved(it, x, y, fr.base)
		b := fr.box(&it)
		if c.bleed > 0 && b.Kind == Fill {
			c.bleedOut(&b)
		}
		c.page.Boxes = append(c.page.Boxes, b)
	}
	// refs are in box order: the ones in lo:hi, without a scan of all.
	i, _ := slices.BinarySearchFunc(fr.refs, lo, func(r pageRef, lo int) int { return r.box - lo })
	for _, r := range fr.refs[i:] {
		if r.box >= hi {
			break
		}
		b := &c.page.Boxes[start+r.box-lo]
		if pos, ok := c.out.Anchors[r.anchor]; ok {
			b.Text = strconv.Itoa(pos.Page)
			b.W = c.width(b.Text, b.Font, b.Size)
			b.X = r.right + x - b.W
		}
	}
}

// placeAll puts the whole of fr on the current page at x, y.
func (c *canvas) placeAll(fr *frame, x, y float64) { c.place(fr, x, y, 0, len(fr.boxes)) }
