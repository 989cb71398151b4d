package layout

import "strconv"

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
	boxes []Box
	// elems are the frame's logical elements: a box's Elem k > 0 is
	// elems[k-1], and so is an element's Parent k > 0; Parent 0 is
	// whatever the frame is placed in (the document, or a section).
	elems []Elem
	// rows, when set, are where a flowing block (running text, a list)
	// may break between pages: each row is placed on its own.
	rows []row
	// tail is space the block ends with after its last row.
	tail float64
	// keep is how much of the block must fit below a heading before it
	// for the heading to stay on the page.
	keep float64
	// refs are page numbers filled in when the document is paginated.
	refs []pageRef
	// base is where the frame's elements start in the document, once its
	// first row is placed (placed is then set).
	base   int
	placed bool
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
	for _, b := range src.boxes {
		dst.boxes = append(dst.boxes, moved(b, x, y, base))
	}
}

// moved is b offset by x, y, its element renumbered from base.
func moved(b Box, x, y float64, base int) Box {
	b.X += x
	b.Y += y
	if b.Kind == Text {
		b.Baseline += y
	}
	if b.Elem > 0 {
		b.Elem += base
	}
	return b
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
	for _, b := range fr.boxes[lo:hi] {
		c.page.Boxes = append(c.page.Boxes, moved(b, x, y, fr.base))
	}
	for _, r := range fr.refs {
		if r.box < lo || r.box >= hi {
			continue
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
