package layout

import (
	"strings"

	"briefing/briefing/doc"
	"briefing/briefing/font"
	"briefing/briefing/inline"
)

// The block functions below lay out one block with its top-left corner at
// x, y in width w and return the height used. With dry set they only
// measure: the brief is measured at decreasing sizes until it fits, then
// laid out by the same code.

// paraFormat is how a paragraph role is set.
type paraFormat struct {
	style font.Style
	pt    float64
	lineH float64
	color Color
	// pad is the inner padding of a boxed paragraph, 0 for none.
	pad  float64
	role Role
}

func (c *canvas) paraFormat(s doc.ParaStyle) paraFormat {
	switch s {
	case doc.ParaLede:
		return paraFormat{style: font.Regular, pt: c.sz.Lede, lineH: lh(c.sz.Lede, leadLede), color: c.col.primary, role: P}
	case doc.ParaNote:
		return paraFormat{style: font.Regular, pt: c.sz.Body, lineH: lh(c.sz.Body, leadBody), color: c.col.text, pad: 4, role: Note}
	case doc.ParaSmall:
		pt := c.sz.Small + 1
		return paraFormat{style: font.Regular, pt: pt, lineH: lh(pt, 1.5), color: c.col.muted, role: P}
	}
	return paraFormat{style: font.Regular, pt: c.sz.Body, lineH: lh(c.sz.Body, leadBody), color: c.col.text, role: P}
}

// para lays out a paragraph.
func (c *canvas) para(b *doc.Paragraph, x, y, w float64, dry bool) float64 {
	pf := c.paraFormat(b.Style)
	inner := w - 2*pf.pad
	if pf.pad > 0 {
		inner -= 1.2
	}
	ls := c.wrap(b.Text, pf.style, pf.pt, inner)
	h := float64(len(ls))*pf.lineH + 2*pf.pad
	if dry {
		return h
	}
	e := c.elem(pf.role, 0, "")
	if pf.pad > 0 {
		c.fill(x, y, w, h, c.col.light)
		c.fill(x, y, 1.2, h, c.col.accent)
		c.lines(ls, x+1.2+pf.pad, y+pf.pad, inner, pf.pt, pf.lineH, pf.color, left, pf.role, e)
		return h
	}
	c.lines(ls, x, y, w, pf.pt, pf.lineH, pf.color, left, pf.role, e)
	return h
}

// heading2 lays out a subsection heading.
func (c *canvas) heading2(b *doc.Heading, x, y, w float64, dry bool) float64 {
	lineH := lh(c.sz.H2, leadHeading)
	ls := c.wrap(b.Text, font.Bold, c.sz.H2, w)
	if !dry {
		c.lines(ls, x, y, w, c.sz.H2, lineH, c.col.primary, left, H2, c.elem(H2, 0, ""))
	}
	return float64(len(ls)) * lineH
}

// listIndent is the indent of list items' text, mm.
const listIndent = 5

// list lays out a bulleted list.
func (c *canvas) list(b *doc.List, x, y, w float64, dry bool) float64 {
	pt := c.sz.Body
	lineH := lh(pt, leadBody)
	h := 0.0
	le := 0
	if !dry {
		le = c.elem(List, 0, "")
	}
	for i, it := range b.Items {
		if i > 0 {
			h += 0.35 * lineH
		}
		ls := c.wrap(it, font.Regular, pt, w-listIndent)
		if !dry {
			c.bullet(x, y+h, lineH)
			c.lines(ls, x+listIndent, y+h, w-listIndent, pt, lineH, c.col.text, left, ListItem, c.elem(ListItem, le, ""))
		}
		h += float64(len(ls)) * lineH
	}
	return h
}

// bullet draws a list bullet for a line at top y.
func (c *canvas) bullet(x, y, lineH float64) {
	c.add(Box{Kind: Circle, X: x + 0.55, Y: y + lineH/2 - 0.75, W: 1.5, H: 1.5, Color: c.col.accent})
}

// label lays out a small upper-case label (the title of a figures block).
func (c *canvas) label(s string, x, y float64, col Color, dry bool, r Role, e int) float64 {
	pt := c.sz.Small + 0.5
	lineH := lh(pt, 1.3)
	if !dry && s != "" {
		c.text(strings.ToUpper(s), font.Bold, pt, col, x, y, lineH, r, e)
	}
	return lineH
}

// figure lays out one key figure: the value in large numerals, the label
// below.
func (c *canvas) figure(it doc.FigureItem, x, y, w, pt float64, dry bool, parent int) float64 {
	vH := lh(pt, 1.12)
	vl := c.wrap(plain(it.Value), font.Bold, pt, w)
	lpt := c.sz.Body * 0.86
	lH := lh(lpt, leadLabel)
	ll := c.wrap(it.Label, font.Regular, lpt, w)
	if !dry {
		e := c.elem(P, parent, "")
		c.lines(vl, x, y, w, pt, vH, c.col.accentText, left, P, e)
		c.lines(ll, x, y+float64(len(vl))*vH+0.6, w, lpt, lH, c.col.muted, left, P, e)
	}
	return float64(len(vl))*vH + 0.6 + float64(len(ll))*lH
}

// figureSize is the size the values of a figures block are set in: the
// layout's figure size, or smaller so that every value fits its column on
// one line ("25 millones" beside "6 millones"), but not below two thirds of
// it; a value still too wide then wraps.
func (c *canvas) figureSize(items []doc.FigureItem, w float64) float64 {
	pt := c.sz.Figure
	for _, it := range items {
		if vw := c.width(it.Value, font.Bold, c.sz.Figure); vw > w {
			pt = min(pt, c.sz.Figure*w/vw)
		}
	}
	return max(pt, c.sz.Figure*2/3)
}

// figuresColumn lays out key figures stacked (the brief's sidebar).
func (c *canvas) figuresColumn(b *doc.Figures, x, y, w float64, dry bool) float64 {
	fpt := c.figureSize(b.Items, w)
	h := 0.0
	se := 0
	if !dry {
		se = c.elem(Section, 0, "")
	}
	if b.Title != "" {
		e := 0
		if !dry {
			e = c.elem(Caption, se, "")
		}
		h += c.label(b.Title, x, y, c.col.primary, dry, Caption, e) + 2
	}
	for i, it := range b.Items {
		if i > 0 {
			h += 4.5
		}
		h += c.figure(it, x, y+h, w, fpt, dry, se)
	}
	if len(b.Source) > 0 {
		h += 3 + c.figureSource(b.Source, x, y+h+3, w, dry, se)
	}
	return h
}

// figureSource lays out the figures' source line in small type, and
// returns its height.
func (c *canvas) figureSource(src inline.Runs, x, y, w float64, dry bool, parent int) float64 {
	pt := c.sz.Small
	lineH := lh(pt, 1.3)
	ls := c.wrap(src, font.Regular, pt, w)
	if !dry {
		c.lines(ls, x, y, w, pt, lineH, c.col.muted, left, P, c.elem(P, parent, ""))
	}
	return float64(len(ls)) * lineH
}

// figuresRow lays out key figures side by side in a tinted panel (the
// pack).
func (c *canvas) figuresRow(b *doc.Figures, x, y, w float64, dry bool) float64 {
	const pad, gap = 5.0, 6.0
	n := len(b.Items)
	if n == 0 {
		return 0
	}
	cols := min(n, 3)
	cw := (w - 2*pad - float64(cols-1)*gap) / float64(cols)
	fpt := c.figureSize(b.Items, cw)
	h := pad
	th := 0.0
	if b.Title != "" {
		th = c.label(b.Title, 0, 0, c.col.primary, true, Caption, 0) + 2.5
	}
	rowsH := 0.0
	for r := 0; r*cols < n; r++ {
		rh := 0.0
		for k := 0; k < cols && r*cols+k < n; k++ {
			rh = max(rh, c.figure(b.Items[r*cols+k], 0, 0, cw, fpt, true, 0))
		}
		if r > 0 {
			rowsH += gap
		}
		rowsH += rh
	}
	srcH := 0.0
	if len(b.Source) > 0 {
		srcH = 3 + c.figureSource(b.Source, 0, 0, w-2*pad, true, 0)
	}
	h += th + rowsH + srcH + pad
	if dry {
		return h
	}
	c.fill(x, y, w, h, c.col.light)
	c.fill(x, y, w, 1, c.col.accent)
	se := c.elem(Section, 0, "")
	if b.Title != "" {
		c.label(b.Title, x+pad, y+pad, c.col.primary, false, Caption, c.elem(Caption, se, ""))
	}
	yy := y + pad + th
	for r := 0; r*cols < n; r++ {
		rh := 0.0
		for k := 0; k < cols && r*cols+k < n; k++ {
			rh = max(rh, c.figure(b.Items[r*cols+k], x+pad+float64(k)*(cw+gap), yy, cw, fpt, false, se))
		}
		yy += rh + gap
	}
	if len(b.Source) > 0 {
		c.figureSource(b.Source, x+pad, yy-gap+3, w-2*pad, false, se)
	}
	return h
}

// quoteParts is a pull quote wrapped at one width.
type quoteParts struct {
	ql, sl, rl []line
	qH, sH, rH float64
	spt, rpt   float64
	h          float64
	tw         float64
}

const quoteBar, quoteInset = 1.2, 5.0

func (c *canvas) quoteParts(b *doc.PullQuote, w float64) quoteParts {
	q := quoteParts{tw: w - quoteInset}
	q.qH = lh(c.sz.Quote, leadQuote)
	q.ql = c.wrap(b.Text, font.Italic, c.sz.Quote, q.tw)
	q.spt = c.sz.Body * 0.92
	q.sH = lh(q.spt, leadLabel)
	q.sl = c.wrap(plain(b.Speaker), font.Bold, q.spt, q.tw)
	q.rpt = c.sz.Body * 0.84
	q.rH = lh(q.rpt, leadLabel)
	if b.Role != "" {
		q.rl = c.wrap(plain(b.Role), font.Regular, q.rpt, q.tw)
	}
	q.h = float64(len(q.ql))*q.qH + 2.2 + float64(len(q.sl))*q.sH + float64(len(q.rl))*q.rH
	return q
}

// quote lays out a pull quote with an accent bar, the speaker and role
// below.
func (c *canvas) quote(b *doc.PullQuote, x, y, w float64, dry bool) float64 {
	q := c.quoteParts(b, w)
	if dry {
		return q.h
	}
	c.fill(x, y+0.8, quoteBar, q.h-1.6, c.col.accent)
	e := c.elem(Quote, 0, "")
	yy := y + c.lines(q.ql, x+quoteInset, y, q.tw, c.sz.Quote, q.qH, c.col.primary, left, Quote, e) + 2.2
	ce := c.elem(Caption, e, "")
	yy += c.lines(q.sl, x+quoteInset, yy, q.tw, q.spt, q.sH, c.col.text, left, Caption, ce)
	c.lines(q.rl, x+quoteInset, yy, q.tw, q.rpt, q.rH, c.col.muted, left, Caption, ce)
	return q.h
}
