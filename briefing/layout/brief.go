package layout

import (
	"fmt"
	"strings"

	"briefing/briefing/doc"
)

// item is one block of the brief's main column or sidebar, ready to be
// laid out in width w; before is the space above it in the main column,
// in body gaps; quote marks the pull quote, which may move from the
// sidebar to the foot of the main column.
type item struct {
	lay    func(c *canvas, w float64) *frame
	before float64
	quote  bool
}

// briefParts sorts a brief's blocks into the places of its one-page
// layout: the masthead, the title, the main column, the sidebar and the
// source block at the foot. It is a doc.Visitor: a new kind of block
// is a compile error here until the brief knows where it goes.
type briefParts struct {
	mast   *doc.Masthead
	title  *doc.Heading
	main   []item
	side   []item
	source *doc.SourceBlock
}

var _ doc.Visitor = (*briefParts)(nil)

func (b *briefParts) Masthead(m *doc.Masthead) error { b.mast = m; return nil }
func (b *briefParts) Cover(*doc.Cover) error {
	return fmt.Errorf("layout: a brief has no cover")
}
func (b *briefParts) Contents(*doc.Contents) error {
	return fmt.Errorf("layout: a brief has no contents")
}
func (b *briefParts) Heading(h *doc.Heading) error {
	if h.Level == 1 && b.title == nil {
		b.title = h
		return nil
	}
	b.main = append(b.main, item{before: 0.8, lay: func(c *canvas, w float64) *frame { return c.heading2(h, w) }})
	return nil
}
func (b *briefParts) Paragraph(p *doc.Paragraph) error {
	b.main = append(b.main, item{lay: func(c *canvas, w float64) *frame { return c.para(p, w) }})
	return nil
}
func (b *briefParts) List(l *doc.List) error {
	b.main = append(b.main, item{lay: func(c *canvas, w float64) *frame { return c.list(l, w, false) }})
	return nil
}
func (b *briefParts) Figures(f *doc.Figures) error {
	b.side = append(b.side, item{lay: func(c *canvas, w float64) *frame { return c.figuresPanel(f, w) }})
	return nil
}
func (b *briefParts) PullQuote(q *doc.PullQuote) error {
	b.side = append(b.side, item{before: 1.5, quote: true, lay: func(c *canvas, w float64) *frame { return c.quote(q, w) }})
	return nil
}
func (b *briefParts) SourceBlock(x *doc.SourceBlock) error { b.source = x; return nil }

// PageBreak is ignored: a brief is one page.
func (b *briefParts) PageBreak(*doc.PageBreak) error { return nil }

// Brief geometry, in mm; briefGap is the space between the main
// column's blocks, in body lines.
const (
	briefGap = 0.55
	bandH    = 30
	footerH  = 19
	gutter   = 9
	sidePad  = 5.5
	sideFrac = 0.34
)

// brief lays out a one-page brief, shrinking the type until it fits.
func (c *canvas) brief() (*Paged, error) {
	var parts briefParts
	if err := doc.Walk(c.d, &parts); err != nil {
		return nil, err
	}
	// The pull quote goes in the sidebar, or under the main text when
	// that makes the page shorter (a long quote beside a short text).
	alt := parts
	alt.main, alt.side = append([]item(nil), parts.main...), nil
	for _, it := range parts.side {
		if it.quote {
			alt.main = append(alt.main, it)
		} else {
			alt.side = append(alt.side, it)
		}
	}
	top := c.briefTop(parts.title)
	var best *columns
	sz, over, ok := Shrink(c.st.Layout.Sizes, func(sz Sizes) float64 {
		c.setSizes(sz)
		best = c.columns(&parts, top)
		if len(alt.side) != len(parts.side) {
			if a := c.columns(&alt, top); a.over < best.over-4 {
				best = a
			}
		}
		return best.over
	})
	if !ok {
		rec := c.d.Rec()
		return nil, &doc.OverflowError{Rec: rec.Number, Title: c.d.BriefTitle(), Paper: c.d.Meta.Paper, Overflow: over, BodyMin: c.st.Layout.Sizes.BodyMin, At: rec.Body}
	}
	c.setSizes(sz)
	c.begin()
	c.out.Total = 1
	c.addPage()
	c.placeAll(c.briefPage(&parts, top, best), 0, 0)
	if t := parts.title; t != nil {
		c.out.Anchors[t.Anchor] = Dest{Page: 1, Y: top.anchor}
	}
	return c.out, nil
}

// briefTop is where the brief's title goes and where its columns start.
type briefTop struct {
	kH, tH  float64
	tl      []line
	anchor  float64
	columns float64
}

// briefTop lays out the brief's title under the band.
func (c *canvas) briefTop(t *doc.Heading) briefTop {
	y := bandH + 11.0
	var b briefTop
	if t == nil {
		b.columns = y
		return b
	}
	if t.Kicker != "" {
		b.kH = c.m[TextKicker].lineH()
		y += b.kH + kickerAfter
	}
	b.anchor = y
	b.tH = c.m[TextTitle].lineH()
	b.tl = c.wrapIn(t.Text, c.m[TextTitle], c.w-c.ml-c.mr)
	y += float64(len(b.tl))*b.tH + 7
	b.columns = y
	return b
}

// columns is the brief's main column and sidebar laid out at one size:
// each block's frame and its place, and by how much the page is too long
// (≤ 0 when it fits).
type columns struct {
	frames []*frame
	xs, ys []float64
	over   float64
}

// columns lays out the brief's two columns at the current sizes under the
// title.
func (c *canvas) columns(b *briefParts, top briefTop) *columns {
	cw := c.w - c.ml - c.mr
	y := top.columns
	bottom := c.h - c.mb - footerH - 6
	mainW, sideX, sideW := cw, 0.0, 0.0
	if len(b.side) > 0 {
		sideW = cw * sideFrac
		mainW = cw - sideW - gutter
		sideX = c.ml + mainW + gutter
	}
	col := &columns{}
	mh := 0.0
	gap := c.m[TextBody].lineH() * briefGap
	for i, it := range b.main {
		if i > 0 {
			mh += gap
		}
		mh += gap * it.before
		f := it.lay(c, mainW)
		col.frames, col.xs, col.ys = append(col.frames, f), append(col.xs, c.ml), append(col.ys, y+mh)
		mh += f.h
	}
	sh := 0.0
	for i, it := range b.side {
		if i > 0 {
			sh += 8
		}
		f := it.lay(c, sideW)
		col.frames, col.xs, col.ys = append(col.frames, f), append(col.xs, sideX), append(col.ys, y+sh)
		sh += f.h
	}
	col.over = max(mh, sh) - (bottom - y)
	return col
}

// briefPage lays out the brief's page: the band, the title, the columns
// and the source block at the foot.
func (c *canvas) briefPage(b *briefParts, top briefTop, col *columns) *frame {
	return c.build(c.w, c.h, func() {
		cw := c.w - c.ml - c.mr
		if b.mast != nil {
			c.masthead(b.mast)
		}
		if t := b.title; t != nil {
			if t.Kicker != "" {
				y := bandH + 11.0
				kH := top.kH
				c.fill(c.ml, y+kH/2-0.35, 7, 0.7, c.col.accent)
				km := c.m[TextKicker]
				c.text(strings.ToUpper(t.Kicker), km.Style, km.Size, km.Color, c.ml+9, y, kH, P, c.elem(P, 0, ""))
			}
			c.setText(top.tl, c.ml, top.anchor, cw, c.m[TextTitle], left, H1, c.elem(H1, 0, ""))
		}
		for i, f := range col.frames {
			c.put(f, col.xs[i], col.ys[i], 0)
		}
		if b.source != nil {
			top := c.h - c.mb - footerH
			c.rule(c.ml, top, c.w-c.mr, top, 0.3, c.col.rule, nil)
			c.sourceBlock(b.source, c.ml, top+3.5, footerH-3.5, true)
		}
	})
}

// figuresPanel lays out the key figures stacked in a tinted panel.
func (c *canvas) figuresPanel(f *doc.Figures, w float64) *frame {
	col := c.figuresColumn(f, w-2*sidePad)
	h := col.h + 2*sidePad
	return c.build(w, h, func() {
		c.fill(0, 0, w, h, c.col.light)
		c.fill(0, 0, w, 1, c.col.accent)
		c.put(col, sidePad, sidePad+0.5, 0)
	})
}

// masthead lays out the brand band: the wordmark on the left; the
// document type, statement title, event and date on the right.
func (c *canvas) masthead(m *doc.Masthead) {
	c.fill(0, 0, c.w, bandH, c.col.primary)
	c.fill(0, bandH, c.w, 1.1, c.col.accent)
	wm := c.wordmark(m.Wordmark, c.ml, bandH/2, 11, c.col.white)
	rx := c.ml + wm + 12
	rw := c.w - c.mr - rx
	km, tm, em := c.m[TextBandLabel], c.m[TextBandTitle], c.m[TextBandLine]
	kH, tH, eH := km.lineH(), tm.lineH(), em.lineH()
	tl := c.wrapIn(plain(m.Statement), tm, min(rw, 105))
	el := c.wrapIn(plain(m.Line), em, rw)
	h := kH + float64(len(tl))*tH + 0.8 + float64(len(el))*eH
	y := (bandH - h) / 2
	e := c.elem(P, 0, "")
	c.setText(c.wrapIn(plain(strings.ToUpper(m.Label)), km, rw), rx, y, rw, km, right, P, e)
	y += kH
	y += c.setText(tl, rx, y, rw, tm, right, P, c.elem(P, 0, "")) + 0.8
	c.setText(el, rx, y, rw, em, right, P, c.elem(P, 0, ""))
}
