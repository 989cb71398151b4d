package layout

import (
	"strings"

	"briefing/briefing/doc"
	"briefing/briefing/font"
	"briefing/briefing/inline"
)

// The block functions below lay out one block in width w into a frame
// (see frame.go), which the brief and the pack then place.

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
		return c.format(TextLede, P)
	case doc.ParaNote:
		pf := c.format(TextNote, Note)
		pf.pad = notePad
		return pf
	case doc.ParaSmall:
		return c.format(TextSmall, P)
	}
	return c.format(TextBody, P)
}

// notePad is the inner padding of a boxed note, mm.
const notePad = 4

// format is the paragraph format of text role t, as element role r.
func (c *canvas) format(t TextRole, r Role) paraFormat {
	m := c.m[t]
	return paraFormat{style: m.Style, pt: m.Size, lineH: m.lineH(), color: m.Color, role: r}
}

// para lays out a paragraph.
func (c *canvas) para(b *doc.Paragraph, w float64) *frame {
	pf := c.paraFormat(b.Style)
	inner := w - 2*pf.pad
	if pf.pad > 0 {
		inner -= 1.2
	}
	ls := c.wrap(b.Text, pf.style, pf.pt, inner)
	h := float64(len(ls))*pf.lineH + 2*pf.pad
	return c.build(w, h, func() {
		e := c.elem(pf.role, 0, "")
		if pf.pad > 0 {
			c.fill(0, 0, w, h, c.col.light)
			c.fill(0, 0, 1.2, h, c.col.accent)
			c.lines(ls, 1.2+pf.pad, pf.pad, inner, pf.pt, pf.lineH, pf.color, left, pf.role, e)
			return
		}
		c.lines(ls, 0, 0, w, pf.pt, pf.lineH, pf.color, left, pf.role, e)
	})
}

// flowing lays out lines in format pf as rows that may break between
// pages, as part of element e, from the current height of the frame being
// built (y) at x; it never leaves a single line of them behind or carries
// a single one over. pre is space above the first row. It returns the
// height used.
func (c *canvas) flowing(ls []line, x, y, width, pre float64, pf paraFormat, e int) float64 {
	y0 := y
	for i := range ls {
		need := pf.lineH
		if i == 0 && len(ls) > 1 {
			need = 2 * pf.lineH
		}
		if i == len(ls)-2 {
			need = 2 * pf.lineH
		}
		r := row{lo: len(c.fr.boxes), pre: pre, need: need}
		y += pre
		pre = 0
		r.y, r.h = y, pf.lineH
		c.lines(ls[i:i+1], x, y, width, pf.pt, pf.lineH, pf.color, left, pf.role, e)
		r.hi = len(c.fr.boxes)
		c.fr.rows = append(c.fr.rows, r)
		y += pf.lineH
	}
	return y - y0
}

// flowPara lays out a paragraph as flowing rows (the pack's running
// text), in the format of its style, as one element.
func (c *canvas) flowPara(ls []line, w float64, pf paraFormat) *frame {
	fr := c.build(w, 0, func() {
		c.fr.h = c.flowing(ls, 0, 0, w, 0, pf, c.elem(pf.role, 0, ""))
	})
	return fr
}

// heading2 lays out a subsection heading.
func (c *canvas) heading2(b *doc.Heading, w float64) *frame {
	m := c.m[TextH2]
	ls := c.wrapIn(b.Text, m, w)
	return c.build(w, float64(len(ls))*m.lineH(), func() {
		c.setText(ls, 0, 0, w, m, left, H2, c.elem(H2, 0, ""))
	})
}

// listIndent is the indent of list items' text, mm.
const listIndent = 5

// list lays out a bulleted list; with flow set, as rows that may break
// between pages (the pack's).
func (c *canvas) list(b *doc.List, w float64, flow bool) *frame {
	pf := c.format(TextListItem, ListItem)
	return c.build(w, 0, func() {
		h := 0.0
		le := c.elem(List, 0, "")
		for i, it := range b.Items {
			pre := 0.0
			if i > 0 {
				pre = 0.35 * pf.lineH
			}
			ls := c.wrap(it, font.Regular, pf.pt, w-listIndent)
			if !flow {
				h += pre
				c.bullet(0, h, pf.lineH)
				h += c.lines(ls, listIndent, h, w-listIndent, pf.pt, pf.lineH, c.col.text, left, ListItem, c.elem(ListItem, le, ""))
				continue
			}
			first := len(c.fr.boxes)
			c.bullet(0, h+pre, pf.lineH)
			n := len(c.fr.rows)
			h += c.flowing(ls, listIndent, h, w-listIndent, pre, pf, c.elem(ListItem, le, ""))
			if len(c.fr.rows) > n {
				c.fr.rows[n].lo = first
			}
		}
		c.fr.h = h
	})
}

// bullet draws a list bullet for a line at top y.
func (c *canvas) bullet(x, y, lineH float64) {
	c.add(Box{Kind: Circle, X: x + 0.55, Y: y + lineH/2 - 0.75, W: 1.5, H: 1.5, Color: c.col.accent})
}

// labelH is the height of a label's line.
func (c *canvas) labelH() float64 { return c.m[TextLabel].lineH() }

// label sets a small upper-case label (the title of a figures block) at
// x, y in the frame being built and returns its height.
func (c *canvas) label(s string, x, y float64, col Color, r Role, e int) float64 {
	m := c.m[TextLabel]
	if s != "" {
		c.text(strings.ToUpper(s), m.Style, m.Size, col, x, y, m.lineH(), r, e)
	}
	return m.lineH()
}

// figure lays out one key figure: the value in large numerals, the label
// below.
func (c *canvas) figure(it doc.FigureItem, w, pt float64) *frame {
	vm := c.m[TextFigure]
	vH := lh(pt, leadFigure)
	vl := c.wrap(plain(it.Value), vm.Style, pt, w)
	lm := c.m[TextFigureLabel]
	ll := c.wrapIn(it.Label, lm, w)
	return c.build(w, float64(len(vl))*vH+0.6+float64(len(ll))*lm.lineH(), func() {
		e := c.elem(P, 0, "")
		c.lines(vl, 0, 0, w, pt, vH, vm.Color, left, P, e)
		c.setText(ll, 0, float64(len(vl))*vH+0.6, w, lm, left, P, e)
	})
}

// figureSize is the size the values of a figures block are set in: the
// figure step of the scale, or the step below it when a value does not
// fit its column on one line at that size ("25 millones" beside "6
// millones"); a value still too wide then wraps between words. A word is
// never broken inside ("milli/on"): while one is wider than the column,
// the values step further down the scale.
func (c *canvas) figureSize(items []doc.FigureItem, w float64) float64 {
	m := c.m[TextFigure]
	pt := m.Size
	for _, it := range items {
		if c.width(it.Value, m.Style, m.Size) > w {
			pt = c.sc.Below(m.Size)
			break
		}
	}
	for pt > c.sc[StepSmall] && c.widestWord(items, m.Style, pt) > w {
		pt = c.sc.Below(pt)
	}
	return pt
}

// widestWord is the width of the widest word of the items' values in
// style st at size pt, in mm.
func (c *canvas) widestWord(items []doc.FigureItem, st font.Style, pt float64) float64 {
	most := 0.0
	for _, it := range items {
		for _, w := range strings.Fields(it.Value) {
			most = max(most, c.width(w, st, pt))
		}
	}
	return most
}

// figuresColumn lays out key figures stacked (the brief's sidebar).
func (c *canvas) figuresColumn(b *doc.Figures, w float64) *frame {
	fpt := c.figureSize(b.Items, w)
	figs := make([]*frame, len(b.Items))
	for i, it := range b.Items {
		figs[i] = c.figure(it, w, fpt)
	}
	var src *frame
	if len(b.Source) > 0 {
		src = c.figureSource(b.Source, w)
	}
	return c.build(w, 0, func() {
		h := 0.0
		se := c.elem(Section, 0, "")
		if b.Title != "" {
			h += c.label(b.Title, 0, 0, c.col.primary, Caption, c.elem(Caption, se, "")) + 2
		}
		for i, f := range figs {
			if i > 0 {
				h += figureGap
			}
			c.put(f, 0, h, se)
			h += f.h
		}
		if src != nil {
			c.put(src, 0, h+3, se)
			h += 3 + src.h
		}
		c.fr.h = h
	})
}

// figureSource lays out the figures' source line (TextFigureSource) in
// width w, once: the panels place it by offset.
func (c *canvas) figureSource(src inline.Runs, w float64) *frame {
	m := c.m[TextFigureSource]
	ls := c.wrapIn(src, m, w)
	return c.build(w, float64(len(ls))*m.lineH(), func() {
		c.setText(ls, 0, 0, w, m, left, P, c.elem(P, 0, ""))
	})
}

// figuresRow lays out key figures side by side in a tinted panel (the
// pack).
func (c *canvas) figuresRow(b *doc.Figures, w float64) *frame {
	const pad, gap = 5.0, 6.0
	n := len(b.Items)
	if n == 0 {
		return c.build(w, 0, func() {})
	}
	cols := min(n, 3)
	cw := (w - 2*pad - float64(cols-1)*gap) / float64(cols)
	fpt := c.figureSize(b.Items, cw)
	figs := make([]*frame, n)
	for i, it := range b.Items {
		figs[i] = c.figure(it, cw, fpt)
	}
	th := 0.0
	if b.Title != "" {
		th = c.labelH() + 2.5
	}
	rowH := make([]float64, 0, (n+cols-1)/cols)
	rowsH := 0.0
	for r := 0; r*cols < n; r++ {
		rh := 0.0
		for k := 0; k < cols && r*cols+k < n; k++ {
			rh = max(rh, figs[r*cols+k].h)
		}
		if r > 0 {
			rowsH += gap
		}
		rowsH += rh
		rowH = append(rowH, rh)
	}
	var src *frame
	srcH := 0.0
	if len(b.Source) > 0 {
		src = c.figureSource(b.Source, w-2*pad)
		srcH = 3 + src.h
	}
	h := pad
	h += th + rowsH + srcH + pad
	return c.build(w, h, func() {
		c.fill(0, 0, w, h, c.col.light)
		c.fill(0, 0, w, 1, c.col.accent)
		se := c.elem(Section, 0, "")
		if b.Title != "" {
			c.label(b.Title, pad, pad, c.col.primary, Caption, c.elem(Caption, se, ""))
		}
		yy := pad + th
		for r, rh := range rowH {
			for k := 0; k < cols && r*cols+k < n; k++ {
				c.put(figs[r*cols+k], pad+float64(k)*(cw+gap), yy, se)
			}
			yy += rh + gap
		}
		if src != nil {
			c.put(src, pad, yy-gap+3, se)
		}
	})
}

// quoteParts is a pull quote wrapped at one width. With a hanging mark,
// the opening quotation mark is mark, set mw wide left of the text's left
// edge on its first line, and ql is the text after it.
type quoteParts struct {
	ql, sl, rl []line
	qm, sm, rm Metric
	h          float64
	tw         float64
	mark       string
	mw         float64
}

// openMarks are the opening quotation marks a quote's first run may be,
// which a pull quote hangs in its margin.
const openMarks = "“‘„«‹\"'"

// OpeningMark is the opening quotation mark a pull quote's text starts
// with, which hangs in the quote's margin so that the text's left edge is
// straight: its first run when that holds only opening marks (openMarks)
// and more runs follow; "" for none. The DOCX writer hangs the same mark.
func OpeningMark(text inline.Runs) string {
	if len(text) > 1 && text[0].Text != "" && strings.Trim(text[0].Text, openMarks) == "" {
		return text[0].Text
	}
	return ""
}

// quoteBar is the width of a pull quote's accent bar, quoteInset the
// quote's indent and quoteGap the space above its speaker, in mm.
const quoteBar, quoteInset, quoteGap = 1.2, 5.0, 2.2

// quoteParts wraps quote b at width w (its text at w less the inset);
// with hang set, an opening mark that is the text's first run is set
// apart, to hang in the inset.
func (c *canvas) quoteParts(b *doc.PullQuote, w float64, hang bool) quoteParts {
	q := quoteParts{tw: w - quoteInset}
	q.qm, q.sm, q.rm = c.m[TextQuote], c.m[TextSpeaker], c.m[TextSpeakerRole]
	text := b.Text
	if hang && OpeningMark(text) != "" {
		q.mark = text[0].Text
		q.mw = c.width(q.mark, q.qm.Style.With(text[0].Bold, text[0].Italic), q.qm.Size)
		text = text[1:]
	}
	q.ql = c.wrapIn(text, q.qm, q.tw)
	q.sl = c.wrapIn(plain(b.Speaker), q.sm, q.tw)
	if b.Role != "" {
		q.rl = c.wrapIn(plain(b.Role), q.rm, q.tw)
	}
	q.h = float64(len(q.ql))*q.qm.lineH() + quoteGap + float64(len(q.sl))*q.sm.lineH() + float64(len(q.rl))*q.rm.lineH()
	return q
}

// quote lays out a pull quote with an accent bar, the speaker and role
// below. The opening quotation mark hangs in the inset, so that the
// text's left edge is straight.
func (c *canvas) quote(b *doc.PullQuote, w float64) *frame {
	q := c.quoteParts(b, w, true)
	return c.build(w, q.h, func() {
		c.fill(0, 0.8, quoteBar, q.h-1.6, c.col.accent)
		e := c.elem(Quote, 0, "")
		if q.mark != "" {
			c.text(q.mark, q.qm.Style, q.qm.Size, q.qm.Color, quoteInset-q.mw, 0, q.qm.lineH(), Quote, e)
		}
		yy := c.setText(q.ql, quoteInset, 0, q.tw, q.qm, left, Quote, e) + quoteGap
		ce := c.elem(Caption, e, "")
		yy += c.setText(q.sl, quoteInset, yy, q.tw, q.sm, left, Caption, ce)
		c.setText(q.rl, quoteInset, yy, q.tw, q.rm, left, Caption, ce)
	})
}

// flowQuote lays out an over-long quote as flowing italic text with its
// speaker and role after it (rows that may break between pages), the
// text width wide.
func (c *canvas) flowQuote(b *doc.PullQuote, width float64) *frame {
	q := c.quoteParts(b, width+quoteInset, false)
	return c.build(width, 0, func() {
		e := c.elem(Quote, 0, "")
		y := c.flowing(q.ql, 0, 0, width, 0, c.format(TextQuote, Quote), e)
		ce := c.elem(Caption, e, "")
		pre := quoteGap
		for _, part := range []struct {
			ls []line
			pf paraFormat
		}{
			{q.sl, c.format(TextSpeaker, Caption)},
			{q.rl, c.format(TextSpeakerRole, Caption)},
		} {
			if len(part.ls) > 0 {
				y += c.flowing(part.ls, 0, y, width, pre, part.pf, ce)
				pre = 0
			}
		}
		c.fr.h = y
		c.fr.tail = pre
	})
}
