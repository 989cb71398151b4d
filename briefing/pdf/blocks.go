package pdf

import (
	"strings"

	"briefing/briefing"
)

// The block functions below draw one block with its top-left corner at x, y
// in width w and return the height used. With dry set they only measure:
// the brief is measured at decreasing sizes until it fits, then drawn by
// the same code.

// Leading (line height as a multiple of the type size) by role.
const (
	leadBody    = 1.42
	leadLede    = 1.32
	leadHeading = 1.18
	leadQuote   = 1.38
	leadLabel   = 1.28
)

// paraFormat is how a paragraph role is set.
type paraFormat struct {
	style briefing.FontStyle
	pt    float64
	lineH float64
	color rgb
	// pad is the inner padding of a boxed paragraph, 0 for none.
	pad float64
}

func (p *page) paraFormat(s briefing.ParaStyle) paraFormat {
	switch s {
	case briefing.ParaLede:
		return paraFormat{style: briefing.Regular, pt: p.sz.lede, lineH: lh(p.sz.lede, leadLede), color: p.col.primary}
	case briefing.ParaNote:
		return paraFormat{style: briefing.Regular, pt: p.sz.body, lineH: lh(p.sz.body, leadBody), color: p.col.text, pad: 4}
	case briefing.ParaSmall:
		pt := p.sz.small + 1
		return paraFormat{style: briefing.Regular, pt: pt, lineH: lh(pt, 1.5), color: p.col.muted}
	}
	return paraFormat{style: briefing.Regular, pt: p.sz.body, lineH: lh(p.sz.body, leadBody), color: p.col.text}
}

// para draws a paragraph.
func (p *page) para(b *briefing.Paragraph, x, y, w float64, dry bool) float64 {
	pf := p.paraFormat(b.Style)
	inner := w - 2*pf.pad
	if pf.pad > 0 {
		inner -= 1.2
	}
	ls := p.fonts.wrap(b.Text, pf.style, pf.pt, inner)
	h := float64(len(ls))*pf.lineH + 2*pf.pad
	if dry {
		return h
	}
	if pf.pad > 0 {
		p.fill(p.col.light)
		p.f.Rect(x, y, w, h, "F")
		p.fill(p.col.accent)
		p.f.Rect(x, y, 1.2, h, "F")
		p.lines(ls, x+1.2+pf.pad, y+pf.pad, inner, pf.pt, pf.lineH, pf.color, left)
		return h
	}
	p.lines(ls, x, y, w, pf.pt, pf.lineH, pf.color, left)
	return h
}

// heading2 draws a subsection heading.
func (p *page) heading2(b *briefing.Heading, x, y, w float64, dry bool) float64 {
	lineH := lh(p.sz.h2, leadHeading)
	ls := p.fonts.wrap(b.Text, briefing.Bold, p.sz.h2, w)
	if !dry {
		p.lines(ls, x, y, w, p.sz.h2, lineH, p.col.primary, left)
	}
	return float64(len(ls)) * lineH
}

// list draws a bulleted list.
func (p *page) list(b *briefing.List, x, y, w float64, dry bool) float64 {
	const indent = 5
	pt := p.sz.body
	lineH := lh(pt, leadBody)
	h := 0.0
	for i, it := range b.Items {
		if i > 0 {
			h += 0.35 * lineH
		}
		ls := p.fonts.wrap(it, briefing.Regular, pt, w-indent)
		if !dry {
			p.fill(p.col.accent)
			p.f.Circle(x+1.3, y+h+lineH/2, 0.75, "F")
			p.lines(ls, x+indent, y+h, w-indent, pt, lineH, p.col.text, left)
		}
		h += float64(len(ls)) * lineH
	}
	return h
}

// label draws a small upper-case label (the title of a figures row).
func (p *page) label(s string, x, y float64, c rgb, dry bool) float64 {
	pt := p.sz.small + 0.5
	lineH := lh(pt, 1.3)
	if !dry && s != "" {
		p.text(strings.ToUpper(s), briefing.Bold, pt, c, x, y, lineH)
	}
	return lineH
}

// figure draws one key figure: the value in large numerals, the label
// below.
func (p *page) figure(it briefing.FigureItem, x, y, w, pt float64, dry bool) float64 {
	vH := lh(pt, 1.12)
	vl := p.fonts.wrap(plain(it.Value), briefing.Bold, pt, w)
	lpt := p.sz.body * 0.86
	lH := lh(lpt, leadLabel)
	ll := p.fonts.wrap(it.Label, briefing.Regular, lpt, w)
	if !dry {
		p.lines(vl, x, y, w, pt, vH, p.col.accent, left)
		p.lines(ll, x, y+float64(len(vl))*vH+0.6, w, lpt, lH, p.col.muted, left)
	}
	return float64(len(vl))*vH + 0.6 + float64(len(ll))*lH
}

// figureSize is the size the values of a figures block are set in: the
// layout's figure size, or smaller so that every value fits its column on
// one line ("25 millones" beside "6 millones"), but not below two thirds of
// it; a value still too wide then wraps.
func (p *page) figureSize(items []briefing.FigureItem, w float64) float64 {
	pt := p.sz.figure
	for _, it := range items {
		if vw := p.fonts.width(plain(it.Value).Plain(), briefing.Bold, p.sz.figure); vw > w {
			pt = min(pt, p.sz.figure*w/vw)
		}
	}
	return max(pt, p.sz.figure*2/3)
}

// figuresColumn draws key figures stacked (the brief's sidebar).
func (p *page) figuresColumn(b *briefing.Figures, x, y, w float64, dry bool) float64 {
	fpt := p.figureSize(b.Items, w)
	h := 0.0
	if b.Title != "" {
		h += p.label(b.Title, x, y, p.col.primary, dry) + 2
	}
	for i, it := range b.Items {
		if i > 0 {
			h += 4.5
		}
		h += p.figure(it, x, y+h, w, fpt, dry)
	}
	return h
}

// figuresRow draws key figures side by side (the pack).
func (p *page) figuresRow(b *briefing.Figures, x, y, w float64, dry bool) float64 {
	const pad, gap = 5.0, 6.0
	n := len(b.Items)
	if n == 0 {
		return 0
	}
	cols := min(n, 3)
	cw := (w - 2*pad - float64(cols-1)*gap) / float64(cols)
	fpt := p.figureSize(b.Items, cw)
	h := pad
	th := 0.0
	if b.Title != "" {
		th = p.label(b.Title, x+pad, y+h, p.col.primary, true) + 2.5
	}
	rowsH := 0.0
	for r := 0; r*cols < n; r++ {
		rh := 0.0
		for c := 0; c < cols && r*cols+c < n; c++ {
			rh = max(rh, p.figure(b.Items[r*cols+c], 0, 0, cw, fpt, true))
		}
		if r > 0 {
			rowsH += gap
		}
		rowsH += rh
	}
	h += th + rowsH + pad
	if dry {
		return h
	}
	p.fill(p.col.light)
	p.f.Rect(x, y, w, h, "F")
	p.fill(p.col.accent)
	p.f.Rect(x, y, w, 1, "F")
	p.label(b.Title, x+pad, y+pad, p.col.primary, false)
	yy := y + pad + th
	for r := 0; r*cols < n; r++ {
		rh := 0.0
		for c := 0; c < cols && r*cols+c < n; c++ {
			rh = max(rh, p.figure(b.Items[r*cols+c], x+pad+float64(c)*(cw+gap), yy, cw, fpt, false))
		}
		yy += rh + gap
	}
	return h
}

// quote draws a pull quote with an accent bar, the speaker and role below.
func (p *page) quote(b *briefing.PullQuote, x, y, w float64, dry bool) float64 {
	const bar, inset = 1.2, 5.0
	tw := w - inset
	qH := lh(p.sz.quote, leadQuote)
	text := append(briefing.Runs{{Text: "“"}}, b.Text...)
	text = append(text, briefing.Inline{Text: "”"})
	ql := p.fonts.wrap(text, briefing.Italic, p.sz.quote, tw)
	spt := p.sz.body * 0.92
	sH := lh(spt, leadLabel)
	sl := p.fonts.wrap(plain("— "+b.Speaker), briefing.Bold, spt, tw)
	rpt := p.sz.body * 0.84
	rH := lh(rpt, leadLabel)
	var rl []line
	if b.Role != "" {
		rl = p.fonts.wrap(plain(b.Role), briefing.Regular, rpt, tw)
	}
	h := float64(len(ql))*qH + 2.2 + float64(len(sl))*sH + float64(len(rl))*rH
	if dry {
		return h
	}
	p.fill(p.col.accent)
	p.f.Rect(x, y+0.8, bar, h-1.6, "F")
	yy := y + p.lines(ql, x+inset, y, tw, p.sz.quote, qH, p.col.primary, left) + 2.2
	yy += p.lines(sl, x+inset, yy, tw, spt, sH, p.col.text, left)
	p.lines(rl, x+inset, yy, tw, rpt, rH, p.col.muted, left)
	return h
}
