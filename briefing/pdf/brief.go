package pdf

import (
	"fmt"
	"strings"

	"briefing/briefing"
)

// briefParts sorts a brief's blocks into the places of its one-page
// layout: the title, the main column and the sidebar.
type briefParts struct {
	title *briefing.Heading
	main  []briefing.Block
	side  []briefing.Block
}

var _ briefing.Visitor = (*briefParts)(nil)

func (b *briefParts) Cover(*briefing.Cover) error {
	return fmt.Errorf("pdf: a brief has no cover")
}

func (b *briefParts) Contents(*briefing.Contents) error {
	return fmt.Errorf("pdf: a brief has no contents")
}

func (b *briefParts) Heading(h *briefing.Heading) error {
	if h.Level == 1 && b.title == nil {
		b.title = h
		return nil
	}
	b.main = append(b.main, h)
	return nil
}

func (b *briefParts) Paragraph(x *briefing.Paragraph) error { b.main = append(b.main, x); return nil }
func (b *briefParts) List(x *briefing.List) error           { b.main = append(b.main, x); return nil }
func (b *briefParts) Figures(x *briefing.Figures) error     { b.side = append(b.side, x); return nil }
func (b *briefParts) PullQuote(x *briefing.PullQuote) error { b.side = append(b.side, x); return nil }

// PageBreak is ignored: a brief is one page.
func (b *briefParts) PageBreak(*briefing.PageBreak) error { return nil }

// Brief geometry, in mm.
const (
	bandH    = 30
	footerH  = 19
	gutter   = 9
	sidePad  = 5.5
	sideFrac = 0.34
)

// brief lays out and draws a one-page brief, shrinking the type until it
// fits.
func (r *Renderer) brief(d *briefing.Doc, fs *fontSet) (*page, error) {
	var parts briefParts
	if err := briefing.Walk(d, &parts); err != nil {
		return nil, err
	}
	p := r.newPage(&d.Meta, fs)
	s := r.st.Layout.Sizes
	// The pull quote goes in the sidebar, or under the main text when
	// that makes the page shorter (a long quote beside a short text).
	alt := parts
	alt.main, alt.side = append([]briefing.Block(nil), parts.main...), nil
	for _, bl := range parts.side {
		if _, ok := bl.(*briefing.PullQuote); ok {
			alt.main = append(alt.main, bl)
		} else {
			alt.side = append(alt.side, bl)
		}
	}
	over := 0.0
	for body := s.Body; body >= s.BodyMin-1e-9; body -= s.BodyStep {
		p.sz = r.sizesAt(body)
		best := &parts
		over = p.briefLayout(&parts, true)
		if len(alt.side) != len(parts.side) {
			if o := p.briefLayout(&alt, true); o < over-4 {
				best, over = &alt, o
			}
		}
		if over <= 0 {
			p.f.AddPage()
			p.briefLayout(best, false)
			return p, p.err()
		}
	}
	title := d.Meta.Title
	if parts.title != nil {
		title = parts.title.Text.Plain()
	}
	return nil, &OverflowError{Rec: d.Meta.Rec, Title: title, Paper: d.Meta.Paper, Overflow: over, BodyMin: s.BodyMin}
}

func (p *page) err() error {
	if err := p.f.Error(); err != nil {
		return fmt.Errorf("pdf: %w", err)
	}
	return nil
}

// briefLayout measures (dry) or draws the brief at the current sizes and
// returns by how much it is too long (≤ 0 when it fits).
func (p *page) briefLayout(b *briefParts, dry bool) float64 {
	cw := p.w - p.ml - p.mr
	if !dry {
		p.briefBand()
		p.briefFooter()
	}
	y := bandH + 11.0
	if t := b.title; t != nil {
		if t.Kicker != "" {
			kpt := p.sz.small + 1.5
			kH := lh(kpt, 1.3)
			if !dry {
				p.fill(p.col.accent)
				p.f.Rect(p.ml, y+kH/2-0.35, 7, 0.7, "F")
				p.text(strings.ToUpper(t.Kicker), briefing.Bold, kpt, p.col.accent, p.ml+9, y, kH)
			}
			y += kH + 1.5
		}
		tH := lh(p.sz.h1, leadHeading)
		ls := p.fonts.wrap(t.Text, briefing.Bold, p.sz.h1, cw)
		if !dry {
			p.lines(ls, p.ml, y, cw, p.sz.h1, tH, p.col.primary, left)
		}
		y += float64(len(ls))*tH + 7
	}
	bottom := p.h - p.mb - footerH - 6
	mainW, sideX, sideW := cw, 0.0, 0.0
	if len(b.side) > 0 {
		sideW = cw * sideFrac
		mainW = cw - sideW - gutter
		sideX = p.ml + mainW + gutter
	}
	mh := p.flowMain(b.main, p.ml, y, mainW, dry)
	sh := 0.0
	if len(b.side) > 0 {
		sh = p.sidebar(b.side, sideX, y, sideW, dry)
	}
	return max(mh, sh) - (bottom - y)
}

// flowMain draws the main column's blocks one below the other.
func (p *page) flowMain(blocks []briefing.Block, x, y, w float64, dry bool) float64 {
	h := 0.0
	gap := lh(p.sz.body, leadBody) * 0.55
	for i, bl := range blocks {
		if i > 0 {
			h += gap
		}
		switch b := bl.(type) {
		case *briefing.Paragraph:
			h += p.para(b, x, y+h, w, dry)
		case *briefing.List:
			h += p.list(b, x, y+h, w, dry)
		case *briefing.Heading:
			h += gap * 0.8
			h += p.heading2(b, x, y+h, w, dry)
		case *briefing.PullQuote:
			h += gap * 1.5
			h += p.quote(b, x, y+h, w, dry)
		}
	}
	return h
}

// sidebar draws the key figures in a tinted panel and the pull quote
// below it.
func (p *page) sidebar(blocks []briefing.Block, x, y, w float64, dry bool) float64 {
	h := 0.0
	for i, bl := range blocks {
		if i > 0 {
			h += 8
		}
		switch b := bl.(type) {
		case *briefing.Figures:
			ih := p.figuresColumn(b, 0, 0, w-2*sidePad, true) + 2*sidePad
			if !dry {
				p.fill(p.col.light)
				p.f.Rect(x, y+h, w, ih, "F")
				p.fill(p.col.accent)
				p.f.Rect(x, y+h, w, 1, "F")
				p.figuresColumn(b, x+sidePad, y+h+sidePad+0.5, w-2*sidePad, false)
			}
			h += ih
		case *briefing.PullQuote:
			h += p.quote(b, x, y+h, w, dry)
		}
	}
	return h
}

// briefBand draws the brand band: the wordmark on the left; the document
// type, statement title, event and date on the right.
func (p *page) briefBand() {
	m := p.m
	p.fill(p.col.primary)
	p.f.Rect(0, 0, p.w, bandH, "F")
	p.fill(p.col.accent)
	p.f.Rect(0, bandH, p.w, 1.1, "F")
	wm := p.wordmark(p.ml, bandH/2, 11, p.col.white)
	rx := p.ml + wm + 12
	rw := p.w - p.mr - rx
	soft := mix(p.col.white, p.col.primary, 0.28)
	kpt, tpt, ept := p.sz.small, 10.0, p.sz.small+0.5
	kH, tH, eH := lh(kpt, 1.4), lh(tpt, 1.22), lh(ept, 1.4)
	tl := p.fonts.wrap(plain(m.Statement), briefing.Bold, tpt, min(rw, 105))
	ev := strings.Join(nonEmpty(m.Event, m.DateText), "  ·  ")
	el := p.fonts.wrap(plain(ev), briefing.Regular, ept, rw)
	h := kH + float64(len(tl))*tH + 0.8 + float64(len(el))*eH
	y := (bandH - h) / 2
	p.lines(p.fonts.wrap(plain(strings.ToUpper(m.Labels.Brief)), briefing.Bold, kpt, rw), rx, y, rw, kpt, kH, p.col.accent, right)
	y += kH
	y += p.lines(tl, rx, y, rw, tpt, tH, p.col.white, right) + 0.8
	p.lines(el, rx, y, rw, ept, eH, soft, right)
}

// briefFooter draws the footer: QR code and source on the left; date,
// document type and the unofficial-translation note on the right.
func (p *page) briefFooter() {
	m := p.m
	top := p.h - p.mb - footerH
	p.stroke(p.col.rule)
	p.f.SetLineWidth(0.3)
	p.f.Line(p.ml, top, p.w-p.mr, top)
	p.sourceBlock(p.ml, top+3.5, footerH-3.5)
	pt := p.sz.small
	lineH := lh(pt, 1.45)
	rx, rw := p.w/2, p.w/2-p.mr
	var rows []struct {
		s  string
		st briefing.FontStyle
		c  rgb
	}
	add := func(s string, st briefing.FontStyle, c rgb) {
		if s != "" {
			rows = append(rows, struct {
				s  string
				st briefing.FontStyle
				c  rgb
			}{s, st, c})
		}
	}
	add(m.DateText, briefing.Bold, p.col.text)
	if m.Rec > 0 {
		add(m.Labels.Brief+" · "+m.Labels.RecOf(m.Rec, m.RecTotal), briefing.Regular, p.col.muted)
	} else {
		add(m.Labels.Brief, briefing.Regular, p.col.muted)
	}
	add(m.Unofficial, briefing.Bold, p.col.accent)
	y := top + 3.5 + (footerH-3.5-float64(len(rows))*lineH)/2
	for _, r := range rows {
		p.lines(p.fonts.wrap(plain(r.s), r.st, pt, rw), rx, y, rw, pt, lineH, r.c, right)
		y += lineH
	}
}

func nonEmpty(ss ...string) []string {
	var out []string
	for _, s := range ss {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}
