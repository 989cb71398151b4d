package layout

import (
	"fmt"
	"strings"

	"briefing/briefing/doc"
	"briefing/briefing/font"
)

// item is one block of the brief's main column or sidebar, ready to be
// measured or laid out at x, y in width w; before is the space above it
// in the main column, in body gaps; quote marks the pull quote, which may
// move from the sidebar to the foot of the main column.
type item struct {
	place  func(c *canvas, x, y, w float64, dry bool) float64
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
	b.main = append(b.main, item{before: 0.8, place: func(c *canvas, x, y, w float64, dry bool) float64 { return c.heading2(h, x, y, w, dry) }})
	return nil
}
func (b *briefParts) Paragraph(p *doc.Paragraph) error {
	b.main = append(b.main, item{place: func(c *canvas, x, y, w float64, dry bool) float64 { return c.para(p, x, y, w, dry) }})
	return nil
}
func (b *briefParts) List(l *doc.List) error {
	b.main = append(b.main, item{place: func(c *canvas, x, y, w float64, dry bool) float64 { return c.list(l, x, y, w, dry) }})
	return nil
}
func (b *briefParts) Figures(f *doc.Figures) error {
	b.side = append(b.side, item{place: func(c *canvas, x, y, w float64, dry bool) float64 { return c.figuresPanel(f, x, y, w, dry) }})
	return nil
}
func (b *briefParts) PullQuote(q *doc.PullQuote) error {
	b.side = append(b.side, item{before: 1.5, quote: true, place: func(c *canvas, x, y, w float64, dry bool) float64 { return c.quote(q, x, y, w, dry) }})
	return nil
}
func (b *briefParts) SourceBlock(x *doc.SourceBlock) error { b.source = x; return nil }

// PageBreak is ignored: a brief is one page.
func (b *briefParts) PageBreak(*doc.PageBreak) error { return nil }

// Brief geometry, in mm.
const (
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
	best := &parts
	sz, over, ok := Shrink(c.st.Layout.Sizes, func(sz Sizes) float64 {
		c.sz = sz
		best = &parts
		o := c.briefLayout(&parts, true)
		if len(alt.side) != len(parts.side) {
			if oa := c.briefLayout(&alt, true); oa < o-4 {
				best, o = &alt, oa
			}
		}
		return o
	})
	if !ok {
		rec := c.d.Rec()
		return nil, &doc.OverflowError{Rec: rec.Number, Title: c.d.BriefTitle(), Paper: c.d.Meta.Paper, Overflow: over, BodyMin: c.st.Layout.Sizes.BodyMin, At: rec.Body}
	}
	c.sz = sz
	c.begin()
	c.out.Total = 1
	c.addPage()
	c.briefLayout(best, false)
	return c.out, nil
}

// briefLayout measures (dry) or lays out the brief at the current sizes
// and returns by how much it is too long (≤ 0 when it fits).
func (c *canvas) briefLayout(b *briefParts, dry bool) float64 {
	cw := c.w - c.ml - c.mr
	if !dry && b.mast != nil {
		c.masthead(b.mast)
	}
	y := bandH + 11.0
	if t := b.title; t != nil {
		if t.Kicker != "" {
			kpt := c.sz.Small + 1.5
			kH := lh(kpt, 1.3)
			if !dry {
				c.fill(c.ml, y+kH/2-0.35, 7, 0.7, c.col.accent)
				c.text(strings.ToUpper(t.Kicker), font.Bold, kpt, c.col.accentText, c.ml+9, y, kH, P, c.elem(P, 0, ""))
			}
			y += kH + 1.5
		}
		tH := lh(c.sz.H1, leadHeading)
		ls := c.wrap(t.Text, font.Bold, c.sz.H1, cw)
		if !dry {
			c.out.Anchors[t.Anchor] = Dest{Page: 1, Y: y}
			c.lines(ls, c.ml, y, cw, c.sz.H1, tH, c.col.primary, left, H1, c.elem(H1, 0, ""))
		}
		y += float64(len(ls))*tH + 7
	}
	bottom := c.h - c.mb - footerH - 6
	mainW, sideX, sideW := cw, 0.0, 0.0
	if len(b.side) > 0 {
		sideW = cw * sideFrac
		mainW = cw - sideW - gutter
		sideX = c.ml + mainW + gutter
	}
	mh := c.flowMain(b.main, c.ml, y, mainW, dry)
	sh := 0.0
	if len(b.side) > 0 {
		sh = c.sidebar(b.side, sideX, y, sideW, dry)
	}
	if !dry && b.source != nil {
		top := c.h - c.mb - footerH
		c.rule(c.ml, top, c.w-c.mr, top, 0.3, c.col.rule, nil)
		c.sourceBlock(b.source, c.ml, top+3.5, footerH-3.5, true)
	}
	return max(mh, sh) - (bottom - y)
}

// flowMain lays out the main column's items one below the other.
func (c *canvas) flowMain(items []item, x, y, w float64, dry bool) float64 {
	h := 0.0
	gap := lh(c.sz.Body, leadBody) * 0.55
	for i, it := range items {
		if i > 0 {
			h += gap
		}
		h += gap * it.before
		h += it.place(c, x, y+h, w, dry)
	}
	return h
}

// sidebar lays out the sidebar's items (the key figures panel, the pull
// quote) one below the other.
func (c *canvas) sidebar(items []item, x, y, w float64, dry bool) float64 {
	h := 0.0
	for i, it := range items {
		if i > 0 {
			h += 8
		}
		h += it.place(c, x, y+h, w, dry)
	}
	return h
}

// figuresPanel lays out the key figures stacked in a tinted panel.
func (c *canvas) figuresPanel(f *doc.Figures, x, y, w float64, dry bool) float64 {
	ih := c.figuresColumn(f, 0, 0, w-2*sidePad, true) + 2*sidePad
	if !dry {
		c.fill(x, y, w, ih, c.col.light)
		c.fill(x, y, w, 1, c.col.accent)
		c.figuresColumn(f, x+sidePad, y+sidePad+0.5, w-2*sidePad, false)
	}
	return ih
}

// masthead lays out the brand band: the wordmark on the left; the
// document type, statement title, event and date on the right.
func (c *canvas) masthead(m *doc.Masthead) {
	c.fill(0, 0, c.w, bandH, c.col.primary)
	c.fill(0, bandH, c.w, 1.1, c.col.accent)
	wm := c.wordmark(m.Wordmark, c.ml, bandH/2, 11, c.col.white)
	rx := c.ml + wm + 12
	rw := c.w - c.mr - rx
	soft := c.col.light
	kpt, tpt, ept := c.sz.Small, 10.0, c.sz.Small+0.5
	kH, tH, eH := lh(kpt, 1.4), lh(tpt, 1.22), lh(ept, 1.4)
	tl := c.wrap(plain(m.Statement), font.Bold, tpt, min(rw, 105))
	el := c.wrap(plain(m.Line), font.Regular, ept, rw)
	h := kH + float64(len(tl))*tH + 0.8 + float64(len(el))*eH
	y := (bandH - h) / 2
	e := c.elem(P, 0, "")
	c.lines(c.wrap(plain(strings.ToUpper(m.Label)), font.Bold, kpt, rw), rx, y, rw, kpt, kH, c.col.accentOnPrimary, right, P, e)
	y += kH
	y += c.lines(tl, rx, y, rw, tpt, tH, c.col.white, right, P, c.elem(P, 0, "")) + 0.8
	c.lines(el, rx, y, rw, ept, eH, soft, right, P, c.elem(P, 0, ""))
}
