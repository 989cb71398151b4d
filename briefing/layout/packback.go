package layout

import (
	"briefing/briefing/doc"
	"briefing/briefing/font"
	"briefing/briefing/inline"
)

// The pack's back page: about the statement, the contact and the source
// block with the QR code, the QR code in the side column beside the text.
// It goes at the foot of the last page when the recommendations leave
// room for it there, else on a page of its own.

// back paginates the back page's parts (about the statement, the contact,
// the source block): at the foot of the last page, under a hairline, when
// they fit below the recommendations; else on a page of their own. In a
// pack with an even page count, they end on an even page: on a page of
// their own when the last is odd, after a blank page when that is odd
// too.
func (p *pager) back(parts []part, keep float64) {
	c := p.c
	m := &pager{c: c, dry: true, small: p.small}
	m.newPage()
	m.run(parts, keep)
	m.endSide()
	h := m.y - c.packTop()
	g := 2 * c.bodyGap()
	// A pack with an even page count that would end on an odd page sets
	// its back page on a page of its own: the back of the last sheet,
	// rather than a blank one after it.
	odd := c.even && len(p.pages)%2 == 1
	if len(m.pages) > 1 || !p.started || p.needPage || len(p.pages) < 2 || p.y+g+h > p.bottom || odd {
		p.needPage = true
		p.evenBefore(len(m.pages))
		p.run(parts, keep)
		return
	}
	// Should the parts not keep to the height they took alone, they go
	// on a page of their own after all.
	n, k, marks, was := len(p.pages), len(p.pages[len(p.pages)-1]), len(c.out.Outline), *p
	p.y = p.bottom - h
	rule := c.hairline()
	p.put(rule, c.ml, p.y-g/2, 0, len(rule.boxes))
	p.atTop = true
	p.run(parts, keep)
	if len(p.pages) > n {
		*p = was
		p.pages[n-1] = p.pages[n-1][:k]
		if !p.dry {
			c.out.Outline = c.out.Outline[:marks]
		}
		p.needPage = true
		p.evenBefore(len(m.pages))
		p.run(parts, keep)
	}
}

// evenBefore adds a blank page before back pages n pages long, when the
// pack has an even number of pages and they would end on an odd one: the
// back page then prints on the back of the last sheet.
func (p *pager) evenBefore(n int) {
	if p.c.even && (len(p.pages)+n)%2 == 1 {
		p.blank()
	}
}

// blank adds a blank page: no running header or footer, nothing on it.
func (p *pager) blank() {
	p.blanks = append(p.blanks, len(p.pages))
	p.pages = append(p.pages, nil)
}

// SourceBlock outside the cover: in a section with text (the back
// page's), in its side column, the QR code above its label; else across
// the measure, the label beside the QR code.
func (w *packWriter) SourceBlock(b *doc.SourceBlock) error {
	c := w.c
	s := w.sec
	if s != nil {
		col := c.sourceColumn(b, c.packSideW())
		s.sides, s.small = append(s.sides, col), append(s.small, col)
	}
	fr := c.build(c.packWidth(), 17, func() { c.sourceBlock(b, 0, 0, 17, false) })
	if s != nil {
		s.mainSideH += fr.h + 2*c.bodyGap()
	}
	w.add(w.defaultKeep(), func(p *pager) {
		if s != nil && s.main && !s.inMain {
			return
		}
		p.gap(2 * c.bodyGap())
		p.ensure(17)
		p.whole(fr, c.ml)
		p.atTop = false
	})
	return nil
}

// sourceColumn lays out a source block in a column w wide: the QR code
// (qrMin with its quiet zone, at least), then its label, the address, the
// footer line and the contact under it.
func (c *canvas) sourceColumn(b *doc.SourceBlock, w float64) *frame {
	sm := c.m[TextSource]
	pt, lineH := sm.Size, sm.lineH()
	return c.build(w, 0, func() {
		se := c.elem(Section, 0, "")
		y := 0.0
		if b.URL != "" {
			if b.QR != nil {
				qs := qrMin * float64(b.QR.N) / float64(b.QR.N+8)
				qs = max(qs, qrMin-3)
				c.add(Box{Kind: QR, Role: Figure, Elem: c.elem(Figure, se, b.Label+": "+b.URL), X: 0, Y: 0, W: qs, H: qs, Text: b.URL, Color: c.col.text, Code: b.QR})
				y += qs + 3
			}
			e := c.elem(P, se, "")
			if b.Address == "" {
				// The label names the address: it carries the link.
				y += c.lines(c.wrap(inline.Runs{{Text: b.Label, Link: b.URL}}, font.Bold, pt, w), 0, y, w, pt, lineH, c.col.text, left, P, e)
			} else {
				y += c.lines(c.wrap(plain(b.Label), font.Bold, pt, w), 0, y, w, pt, lineH, c.col.text, left, P, e)
				y += c.lines(c.wrap(inline.Runs{{Text: b.Address, Link: b.URL}}, font.Regular, pt, w), 0, y, w, pt, lineH, c.col.primary, left, P, e)
			}
		}
		if b.Footer != "" {
			y += c.lines(c.wrap(plain(b.Footer), font.Regular, pt, w), 0, y, w, pt, lineH, c.col.muted, left, P, c.elem(P, se, ""))
		}
		if b.Contact != nil {
			y += c.lines(c.wrap(b.Contact.Runs(), font.Regular, pt, w), 0, y, w, pt, lineH, c.col.text, left, P, c.elem(P, se, ""))
		}
		c.fr.h = y
	})
}
