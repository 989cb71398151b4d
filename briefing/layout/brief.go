package layout

import (
	"fmt"
	"math"
	"strings"

	"briefing/briefing/doc"
)

// item is one block of the brief's main column or sidebar, ready to be
// laid out in width w; before is the space above it in the main column,
// in body gaps; para is set for a paragraph, which a short brief may set
// as its lede.
type item struct {
	lay    func(c *canvas, w float64) *frame
	before float64
	para   *doc.Paragraph
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
	quotes []item
	figs   []*doc.Figures
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
	b.main = append(b.main, item{para: p, lay: func(c *canvas, w float64) *frame { return c.para(p, w) }})
	return nil
}
func (b *briefParts) List(l *doc.List) error {
	b.main = append(b.main, item{lay: func(c *canvas, w float64) *frame { return c.list(l, w, false) }})
	return nil
}
func (b *briefParts) Figures(f *doc.Figures) error {
	b.side = append(b.side, item{lay: func(c *canvas, w float64) *frame { return c.figuresPanel(f, w) }})
	b.figs = append(b.figs, f)
	return nil
}
func (b *briefParts) PullQuote(q *doc.PullQuote) error {
	// The quote goes under the figures.
	b.quotes = append(b.quotes, item{lay: func(c *canvas, w float64) *frame { return c.quote(q, w) }})
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
	spanGap  = 8
	footerH  = 19
	gutter   = 9
	sidePad  = 5.5
	sideFrac = 0.34
	// sideNarrow is the side column of a brief whose main text is too
	// long beside a third of the width.
	sideNarrow = 0.29
)

// brief lays out a one-page brief. Every brief of a set has the same
// type: the body never shrinks. The key figures and the quote go in the
// side column, the quote under the figures; a quote too long for it is
// set one step smaller on the type scale, and a brief still too long is a
// *doc.OverflowError. A short brief sets its first paragraph as a lede
// and gives its blocks more air, rather than leaving the foot of the page
// empty.
func (c *canvas) brief() (*Paged, error) {
	var parts briefParts
	if err := doc.Walk(c.d, &parts); err != nil {
		return nil, err
	}
	parts.side = append(parts.side, parts.quotes...)
	top := c.briefTop(parts.title)
	col, over := c.choose(&parts, top)
	if col == nil {
		rec := c.d.Rec()
		return nil, &doc.OverflowError{Rec: rec.Number, Title: c.d.BriefTitle(), Paper: c.d.Meta.Paper, Overflow: over, BodyMin: c.sz.Body, At: rec.Body}
	}
	c.air(col)
	c.begin()
	c.out.Total = 1
	c.addPage()
	c.placeAll(c.briefPage(&parts, top, col), 0, 0)
	if t := parts.title; t != nil {
		c.out.Anchors[t.Anchor] = Dest{Page: 1, Y: top.anchor + col.drop}
	}
	return c.out, nil
}

// choose picks the brief's layout, in this order of preference: the
// quote at its size, then one step smaller on the scale; the side column a
// third of the width, then narrower (sideNarrow, for a long main text).
// At each, the key figures span the page above the columns when the main
// text is much shorter than the side column and that leaves less of the
// page empty; and a brief that still leaves a fifth of its columns empty
// sets its first paragraph as a lede. It returns nil and by how much the
// brief is too long at best when nothing fits.
func (c *canvas) choose(b *briefParts, top briefTop) (*columns, float64) {
	q0 := c.m[TextQuote]
	over := math.Inf(1)
	for _, down := range []bool{false, true} {
		if down {
			if len(b.quotes) == 0 {
				break
			}
			c.m[TextQuote] = q0.at(c.sc.Below(q0.Size))
		}
		for _, frac := range []float64{sideFrac, sideNarrow} {
			col := c.columns(b, top, false, false, frac)
			over = min(over, col.over)
			if len(b.figs) > 0 && (col.over > 0 || col.mh < col.sh*spanBelow) {
				if s := c.columns(b, top, false, true, frac); s.over <= 0 && (col.over > 0 || s.empty() < col.empty()) {
					col = s
				}
			}
			if col.over > 0 {
				continue
			}
			if col.empty() > shortBrief {
				if l := c.columns(b, top, true, col.span, frac); l.over <= 0 {
					col = l
				}
			}
			return col, 0
		}
	}
	return nil, over
}

// shortBrief is the share of the columns' area a brief leaves empty
// before it sets its first paragraph as a lede; spanBelow is how much
// shorter than the side column the main text is before the key figures
// may span the page.
const (
	shortBrief = 0.2
	spanBelow  = 0.6
)

// empty is the share of the columns' area left empty.
func (col *columns) empty() float64 {
	if col.room <= 0 {
		return 0
	}
	m := max(col.room-col.top-col.mh, 0) * col.mainW
	s := max(col.room-col.top-col.sh, 0) * col.sideW
	return (m + s) / (col.room * (col.mainW + col.sideW))
}

// air spreads what the columns leave empty, so that a short brief reads
// as set with space rather than as a page left unfinished: up to half a
// body line more between the main column's blocks; the quote moved down
// level with the end of the main text; then of what is still empty, some
// under the spanning key figures and some above the title (the page's
// foot keeps the rest).
func (c *canvas) air(col *columns) {
	free := -col.over
	if free <= 0 {
		return
	}
	if n := len(col.main) - 1; n > 0 {
		extra := min(free/float64(n), airGap*c.m[TextBody].lineH())
		for i := 1; i < len(col.main); i++ {
			col.ys[col.main[i]] += float64(i) * extra
		}
		col.mh += float64(n) * extra
	}
	if n := len(col.side); n > 1 && col.sh < col.mh {
		extra := (col.mh - col.sh) / float64(n-1)
		for i := 1; i < n; i++ {
			col.ys[col.side[i]] += float64(i) * extra
		}
		col.sh = col.mh
	}
	free = col.room - col.top - max(col.mh, col.sh)
	if free <= 0 {
		return
	}
	if col.span {
		under := min(free*airUnder, airUnderMax)
		for _, i := range append(append([]int(nil), col.main...), col.side...) {
			col.ys[i] += under
		}
		free -= under
	}
	col.drop = min(free*airAbove, airAboveMax)
	for i := range col.ys {
		col.ys[i] += col.drop
	}
}

// How air is spread on a short brief: airGap body lines at most between
// the main column's blocks; of what is still empty, airUnder (at most
// airUnderMax mm) under spanning key figures and airAbove (at most
// airAboveMax mm) above the title.
const (
	airGap      = 0.5
	airUnder    = 0.25
	airUnderMax = 8.0
	airAbove    = 0.45
	airAboveMax = 22.0
)

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
	y += float64(len(b.tl))*b.tH + titleGap
	b.columns = y
	return b
}

// columns is the brief's main column and sidebar laid out: each block's
// frame and its place, which frames are in which column, their heights,
// the height they have (room) and by how much the page is too long (≤ 0
// when it fits).
type columns struct {
	frames     []*frame
	xs, ys     []float64
	main, side []int
	mh, sh     float64
	room, over float64
	// mainW and sideW are the columns' widths; with span set, the key
	// figures span both, top high, above them.
	mainW, sideW float64
	span         bool
	top          float64
	// drop is the air above the title (see air).
	drop float64
}

// columns lays out the brief's two columns under the title; with lede
// set, the first paragraph is set as a lede.
func (c *canvas) columns(b *briefParts, top briefTop, lede, span bool, frac float64) *columns {
	cw := c.w - c.ml - c.mr
	y := top.columns
	bottom := c.h - c.mb - footerH - 6
	mainW, sideX, sideW := cw, 0.0, 0.0
	if len(b.side) > 0 {
		sideW = cw * frac
		mainW = cw - sideW - gutter
		sideX = c.ml + mainW + gutter
	}
	col := &columns{mainW: mainW, sideW: sideW, span: span}
	side := b.side
	if span {
		for _, f := range b.figs {
			fr := c.figuresRow(f, cw)
			col.frames, col.xs, col.ys = append(col.frames, fr), append(col.xs, c.ml), append(col.ys, y+col.top)
			col.top += fr.h + spanGap
		}
		side = b.quotes
	}
	col.room = bottom - y
	y += col.top
	gap := c.m[TextBody].lineH() * briefGap
	for i, it := range b.main {
		if i > 0 {
			col.mh += gap
		}
		col.mh += gap * it.before
		var f *frame
		if p := it.para; lede && i == 0 && p != nil && p.Style == doc.ParaBody {
			f = c.para(&doc.Paragraph{Style: doc.ParaLede, Text: p.Text, At: p.At}, mainW)
		} else {
			f = it.lay(c, mainW)
		}
		col.main = append(col.main, len(col.frames))
		col.frames, col.xs, col.ys = append(col.frames, f), append(col.xs, c.ml), append(col.ys, y+col.mh)
		col.mh += f.h
	}
	for i, it := range side {
		if i > 0 {
			col.sh += sideGap
		}
		f := it.lay(c, sideW)
		col.side = append(col.side, len(col.frames))
		col.frames, col.xs, col.ys = append(col.frames, f), append(col.xs, sideX), append(col.ys, y+col.sh)
		col.sh += f.h
	}
	col.over = col.top + max(col.mh, col.sh) - col.room
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
				y := bandH + 11.0 + col.drop
				kH := top.kH
				c.fill(c.ml, y+kH/2-0.35, 7, 0.7, c.col.accent)
				km := c.m[TextKicker]
				c.text(strings.ToUpper(t.Kicker), km.Style, km.Size, km.Color, c.ml+9, y, kH, P, c.elem(P, 0, ""))
			}
			c.setText(top.tl, c.ml, top.anchor+col.drop, cw, c.m[TextTitle], left, H1, c.elem(H1, 0, ""))
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
		c.fill(0, 0, w, panelBar, c.col.accent)
		c.put(col, sidePad, sidePad+0.5, 0)
	})
}

// masthead lays out the brand band: the wordmark on the left; the
// document type, statement title, event and date on the right.
func (c *canvas) masthead(m *doc.Masthead) {
	c.fill(0, 0, c.w, bandH, c.col.primary)
	c.fill(0, bandH, c.w, 1.1, c.col.accent)
	wm := c.wordmark(m.Wordmark, c.ml, bandH/2, briefMarkH, c.col.white)
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
