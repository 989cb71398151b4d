package layout

import (
	"fmt"
	"slices"
	"strings"

	"briefing/briefing/doc"
	"briefing/briefing/inline"
)

// The pack is laid out in three steps: every block is laid out once into
// a frame (a flowing block's frame in rows that may break between pages);
// the frames are paginated (page breaks, keep-together, keep-with-next,
// widows and orphans), which decides where each anchor lands and how many
// pages there are; then the pages are filled, frame by frame, with the
// contents' page numbers (right-aligned on their own lines: they move
// nothing) and "Page X of Y" known.
//
// The pack is set on its brief's grid: a main column (the running text)
// and a side column (the key figures and the quotes), the brief's gutter
// between them; titles span both. A section's key figures and quotes go
// in the side column beside its text, from the top of its text; a section
// with no text beside them (the uncited quotes) sets them in the main
// column. The cover carries the contents ("at a glance").

// part is one block of a pack laid out, with how it is paginated.
type part struct {
	// keep is how much of the block must fit below a heading before it.
	keep     float64
	paginate func(p *pager)
}

// packWriter lays out a pack's blocks into parts. It implements
// doc.Visitor.
type packWriter struct {
	c     *canvas
	parts []part
	// anchors are the anchors of the pack's headings, for the contents.
	anchors map[string]bool
	// glance is the contents that follows the cover: it is set on the
	// cover page.
	glance *doc.Contents
	// backBreak is the page break before the back page (the last one, with
	// the source block after it); the parts from backAt on are the back
	// page's.
	backBreak *doc.PageBreak
	backAt    int
	back      bool
	// sec is the open section: from a level-1 heading to the next one (or
	// a page break), nil outside one.
	sec *section
}

var _ doc.Visitor = (*packWriter)(nil)

// section is a level-1 heading and what follows it up to the next: its
// main column's height (estimated before pagination, gaps included) and
// its side column's blocks stacked into one frame.
type section struct {
	mainH float64
	// main is set when the section has running text for the side column
	// to stand beside (else its side blocks are set in the main column).
	main bool
	// started is set once the section's first main block is added.
	started bool
	// inMain is set when the pager found no good place for the side
	// column beside the text: its blocks go in the main column after
	// the text, mainSideH high.
	inMain    bool
	mainSideH float64
	// sides are the side column's blocks, small the same with the quotes
	// a step smaller on the type scale; side and smaller are each stacked
	// into one frame.
	sides, small  []*frame
	side, smaller *frame
}

// placement is a frame's boxes[lo:hi] on a page, the frame's top-left
// corner at x, y.
type placement struct {
	fr     *frame
	x, y   float64
	lo, hi int
}

// pager paginates a pack's parts: it keeps the cursor and the pages'
// placements.
type pager struct {
	c     *canvas
	pages [][]placement
	y     float64
	// bottom is how far down the current page the flow may go.
	bottom   float64
	atTop    bool
	needPage bool
	started  bool
	// keepNext is the keep of the part after the one being paginated.
	keepNext float64
	// side is the open section's side column, placed when the section
	// ends, beside its text on the page the text ends on (after the text,
	// in reading order), from sideTop: the top of the section's text on
	// that page.
	side    *frame
	sideTop float64
	// dry is set when the pager only measures: it records no anchors.
	dry bool
	// small sets the side columns' quotes a step smaller; wantSmall is
	// set when a section's would stand out below its text at their size.
	small, wantSmall bool
	// blanks are the pages left blank for an even page count (from 0).
	blanks []int
}

func (c *canvas) pack() (*Paged, error) {
	w := &packWriter{c: c, anchors: map[string]bool{}}
	for i, b := range c.d.Blocks {
		if h, ok := b.(*doc.Heading); ok && h.Anchor != "" {
			w.anchors[h.Anchor] = true
		}
		if pb, ok := b.(*doc.PageBreak); ok {
			w.backBreak = pb
		}
		if _, ok := b.(*doc.SourceBlock); ok && w.backBreak != nil && i == len(c.d.Blocks)-1 {
			w.back = true
		}
		if _, ok := b.(*doc.Cover); ok && i+1 < len(c.d.Blocks) {
			w.glance, _ = c.d.Blocks[i+1].(*doc.Contents)
		}
	}
	if err := doc.Walk(c.d, w); err != nil {
		return nil, err
	}
	w.closeSection()
	c.begin()
	if !w.back {
		w.backAt = len(w.parts)
	}
	// The side columns' quotes are set at one size in the pack: a step
	// smaller when one of them would stand out below its text at its size.
	m := &pager{c: c, dry: true}
	m.run(w.parts[:w.backAt], w.defaultKeep())
	p := &pager{c: c, small: m.wantSmall}
	p.run(w.parts[:w.backAt], w.defaultKeep())
	if back := w.parts[w.backAt:]; len(back) > 0 {
		p.back(back, w.defaultKeep())
	}
	if !p.started {
		p.newPage()
	}
	if c.even && len(p.pages)%2 == 1 {
		p.blank()
	}
	w.parts = nil
	total := len(p.pages)
	c.out.Total = total
	for i, pg := range p.pages {
		c.addPage()
		if n := i + 1; n > 1 && !slices.Contains(p.blanks, i) {
			c.placeAll(c.running(n, total), 0, 0)
		}
		for _, pl := range pg {
			c.place(pl.fr, pl.x, pl.y, pl.lo, pl.hi)
		}
		p.pages[i] = nil
	}
	return c.out, nil
}

// run paginates parts; keep is what the last one keeps with it.
func (p *pager) run(parts []part, keep float64) {
	for i, pt := range parts {
		p.keepNext = keep
		if i+1 < len(parts) {
			p.keepNext = parts[i+1].keep
		}
		pt.paginate(p)
	}
}

// Flow geometry of pack pages, in mm.
func (c *canvas) packTop() float64    { return c.mt + 2 }
func (c *canvas) packBottom() float64 { return c.h - c.mb }
func (c *canvas) packWidth() float64  { return c.w - c.ml - c.mr }

// packSideW is the width of the side column: the brief's share of the
// measure.
func (c *canvas) packSideW() float64 { return c.packWidth() * sideFrac }

// packMeasure is the width of running text, the main column: the
// measure less the side column and the brief's gutter.
func (c *canvas) packMeasure() float64 { return c.packWidth() - c.packSideW() - gutter }

// packSideX is the left edge of the side column.
func (c *canvas) packSideX() float64 { return c.ml + c.packMeasure() + gutter }

// bodyGap is the space between blocks of the pack's flow.
func (c *canvas) bodyGap() float64 { return c.m[TextBody].lineH() * packGap }

// defaultKeep is what a heading keeps with it of a block with no rule of
// its own: two lines of body text.
func (w *packWriter) defaultKeep() float64 {
	return 2*w.c.m[TextBody].lineH() + w.c.bodyGap()
}

// add appends a part.
func (w *packWriter) add(keep float64, f func(p *pager)) {
	w.parts = append(w.parts, part{keep: keep, paginate: f})
}

// addMain appends a part of the main column, h high with the space above
// it: the open section's first one sets the section's side column first.
func (w *packWriter) addMain(pt part, h float64) {
	s := w.sec
	if s == nil {
		w.parts = append(w.parts, pt)
		return
	}
	s.mainH += h
	if s.started {
		w.parts = append(w.parts, pt)
		return
	}
	s.started, s.main = true, true
	f := pt.paginate
	w.add(pt.keep, func(p *pager) {
		p.beginSide(s)
		f(p)
	})
}

// closeSection ends the open section: its side blocks are stacked into
// one frame, and the cursor goes below the side column too.
func (w *packWriter) closeSection() {
	s := w.sec
	if s == nil {
		return
	}
	w.sec = nil
	c := w.c
	if s.main && len(s.sides) > 0 {
		s.side, s.smaller = c.stack(s.sides), c.stack(s.small)
	}
	w.add(0, func(p *pager) { p.endSide() })
}

// stack stacks frames in a side column, sideGap apart.
func (c *canvas) stack(frs []*frame) *frame {
	h := 0.0
	for i, f := range frs {
		if i > 0 {
			h += sideGap
		}
		h += f.h
	}
	return c.build(c.packSideW(), h, func() {
		y := 0.0
		for _, f := range frs {
			c.put(f, 0, y, 0)
			y += f.h + sideGap
		}
	})
}

// newPage starts a page: the open section's text goes on at its top.
func (p *pager) newPage() {
	p.pages = append(p.pages, nil)
	p.started, p.needPage, p.atTop = true, false, true
	p.y = p.c.packTop()
	p.bottom = p.c.packBottom()
	p.sideTop = p.y
}

// beginSide chooses section s's side column as its text starts, below the
// cursor. It stands beside the text on the page the text ends on, from
// the top of the text there: with its quotes at their size when they are
// no longer than that text, else (or when the pager sets all quotes
// smaller) a step smaller; when it would still
// stand out below the text by more than its blocks take in the main
// column, they go there instead, after the text.
func (p *pager) beginSide(s *section) {
	if s.side == nil {
		return
	}
	s.inMain = false
	p.ensure(0)
	y := p.y
	if !p.atTop {
		y += p.c.bodyGap()
	}
	p.sideTop = y
	// The text beside the side column: all of it when it fits this page,
	// else (about) what goes on to its last page, from the top.
	beside, top := s.mainH-(y-p.y), y
	if y+beside > p.bottom {
		beside -= p.bottom - y
		top = p.c.packTop()
		for page := p.c.packBottom() - top; beside > page; {
			beside -= page
		}
	}
	fr := s.side
	if p.small || fr.h > beside || top+fr.h > p.bottom {
		p.wantSmall = p.wantSmall || fr != s.smaller
		fr = s.smaller
	}
	if fr.h-beside > s.mainSideH || top+fr.h > p.bottom {
		s.inMain = true
		return
	}
	p.side = fr
}

// endSide ends a section: its side column is set beside the text on this
// page, and the cursor goes below it when that is the lower.
func (p *pager) endSide() {
	fr := p.side
	if fr == nil {
		return
	}
	p.side = nil
	y := p.sideTop
	if y+fr.h > p.bottom {
		p.newPage()
		y = p.y
	}
	p.put(fr, p.c.packSideX(), y, 0, len(fr.boxes))
	p.y = max(p.y, y+fr.h)
	p.atTop = false
}

// ensure starts a new page when a page break is pending or h mm do not
// fit below the cursor.
func (p *pager) ensure(h float64) {
	if !p.started || p.needPage || (!p.atTop && p.y+h > p.bottom) {
		p.newPage()
	}
}

// gap adds space between blocks, except at the top of a page.
func (p *pager) gap(g float64) {
	if !p.atTop {
		p.y += g
	}
}

// whole places all of fr at x and the cursor, and moves the cursor below
// it.
func (p *pager) whole(fr *frame, x float64) {
	p.put(fr, x, p.y, 0, len(fr.boxes))
	p.y += fr.h
}

func (p *pager) put(fr *frame, x, y float64, lo, hi int) {
	n := len(p.pages) - 1
	pg := p.pages[n]
	if k := len(pg) - 1; k >= 0 && pg[k].fr == fr && pg[k].hi == lo && pg[k].x == x && pg[k].y == y {
		// The next rows of a frame at the same offset: one placement.
		pg[k].hi = hi
		return
	}
	p.pages[n] = append(pg, placement{fr: fr, x: x, y: y, lo: lo, hi: hi})
}

// flow places fr's rows at x, each on the page it fits on.
func (p *pager) flow(fr *frame, x float64) {
	for _, r := range fr.rows {
		p.y += r.pre
		p.ensure(r.need)
		p.put(fr, x, p.y-r.y, r.lo, r.hi)
		p.y += r.h
		p.atTop = false
	}
	p.y += fr.tail
}

// record notes a heading's anchor and bookmarks level-1 headings.
func (p *pager) record(h *doc.Heading) {
	if p.dry {
		return
	}
	pos := Dest{Page: len(p.pages), Y: p.y}
	if h.Anchor != "" {
		p.c.out.Anchors[h.Anchor] = pos
	}
	if h.Level <= 1 {
		p.c.out.Outline = append(p.c.out.Outline, Mark{Title: h.Text.Plain(), Level: 0, Dest: pos})
	}
}

// Masthead is not part of a pack (its cover is).
func (w *packWriter) Masthead(*doc.Masthead) error {
	return fmt.Errorf("layout: a pack has no masthead")
}

// headingBlock lays out a level-1 heading with its kicker and accent rule,
// across the measure.
func (w *packWriter) headingBlock(kicker string, text inline.Runs) *frame {
	c := w.c
	cw := c.packWidth()
	km, tm := c.m[TextKicker], c.m[TextTitle]
	kH := 0.0
	if kicker != "" {
		kH = km.lineH()
	}
	tH := tm.lineH()
	ls := c.wrapTied(text, tm, cw)
	return c.build(cw, 0, func() {
		h := 0.0
		if kicker != "" {
			c.fill(0, kH/2-0.35, 7, 0.7, c.col.accent)
			c.text(strings.ToUpper(kicker), km.Style, km.Size, km.Color, 9, 0, kH, P, c.elem(P, 0, ""))
			h += kH + kickerAfter
		}
		c.setText(ls, 0, h, cw, tm, left, H1, c.elem(H1, 0, ""))
		h += float64(len(ls))*tH + 2.5
		c.fill(0, h, 14, 0.9, c.col.accent)
		c.fr.h = h + 0.9 + headAfter
	})
}

// headAfter is the space under a level-1 heading's accent rule, mm (the
// block after it adds its own gap).
const headAfter = 4.5

// hairline is the rule between a pack's sections, across the measure.
func (c *canvas) hairline() *frame {
	return c.build(c.packWidth(), 0, func() {
		c.rule(0, 0, c.packWidth(), 0, 0.3, c.col.rule, nil)
	})
}

// Heading lays out a heading, keeping it with the next two lines of text
// (or what the next block keeps). A level-1 heading opens a section and,
// unless it starts a page, is set under a hairline; it also keeps with it
// as much of its section as its side column needs, when the section's
// text would not carry the side column over to the next page.
func (w *packWriter) Heading(h *doc.Heading) error {
	c := w.c
	if h.Level <= 1 {
		w.closeSection()
		s := &section{}
		w.sec = s
		fr := w.headingBlock(h.Kicker, h.Text)
		rule := c.hairline()
		w.add(w.defaultKeep(), func(p *pager) {
			g := c.bodyGap()
			p.gap(3 * g)
			need := fr.h + p.keepNext
			if s.side != nil {
				room := p.bottom - p.y - fr.h - g
				if sh := s.smaller.h; sh > room && s.mainH <= room {
					need = fr.h + g + sh
				}
			}
			p.ensure(need)
			if !p.atTop {
				p.put(rule, c.ml, p.y-1.5*g, 0, len(rule.boxes))
			}
			p.record(h)
			p.whole(fr, c.ml)
			p.atTop = false
		})
		return nil
	}
	fr := c.heading2(h, c.packMeasure())
	w.addMain(part{keep: w.defaultKeep(), paginate: func(p *pager) {
		p.gap(1.6 * c.bodyGap())
		p.ensure(fr.h + h2After + p.keepNext)
		p.record(h)
		p.whole(fr, c.ml)
		p.y += h2After
		p.atTop = false
	}}, 1.6*c.bodyGap()+fr.h+h2After)
	return nil
}

// Paragraph lays out a paragraph, breaking it across pages between lines;
// a boxed note is kept whole.
func (w *packWriter) Paragraph(b *doc.Paragraph) error {
	pt, h := w.paragraph(b)
	w.addMain(*pt, h)
	return nil
}

// paragraph lays out b as a part of the main column, and returns it with
// its height and the space above it.
func (w *packWriter) paragraph(b *doc.Paragraph) (*part, float64) {
	c := w.c
	pf := c.paraFormat(b.Style)
	mw := c.packMeasure()
	if pf.pad > 0 {
		fr := c.para(b, mw)
		keep := fr.h + c.bodyGap()
		if fr.h > c.packBottom()-c.packTop() {
			// Too long to keep whole: flow it, in the note's type.
			fl := c.flowPara(c.wrap(b.Text, pf.style, pf.pt, mw), mw, pf)
			return &part{keep: keep, paginate: func(p *pager) {
				p.gap(c.bodyGap())
				p.flow(fl, c.ml)
			}}, c.bodyGap() + fl.h
		}
		return &part{keep: keep, paginate: func(p *pager) {
			p.gap(c.bodyGap())
			p.ensure(fr.h)
			p.whole(fr, c.ml)
			p.atTop = false
		}}, c.bodyGap() + fr.h
	}
	ls := c.wrap(b.Text, pf.style, pf.pt, mw)
	fl := c.flowPara(ls, mw, pf)
	// A heading keeps with it two lines of the paragraph, or its one.
	return &part{keep: float64(min(2, len(ls)))*pf.lineH + c.bodyGap(), paginate: func(p *pager) {
		p.gap(c.bodyGap())
		p.flow(fl, c.ml)
	}}, c.bodyGap() + fl.h
}

// List lays out a bulleted list, item by item.
func (w *packWriter) List(b *doc.List) error {
	c := w.c
	fr := c.list(b, c.packMeasure(), true)
	w.addMain(part{keep: w.defaultKeep(), paginate: func(p *pager) {
		p.gap(c.bodyGap())
		p.flow(fr, c.ml)
	}}, c.bodyGap()+fr.h)
	return nil
}

// Figures lays out the key figures: in a section, stacked in a panel in
// its side column; else as a row across the measure, kept whole.
func (w *packWriter) Figures(b *doc.Figures) error {
	c := w.c
	if s := w.sec; s != nil {
		fp := c.figuresPanel(b, c.packSideW())
		s.sides, s.small = append(s.sides, fp), append(s.small, fp)
		row := c.figuresRow(b, c.packWidth())
		s.mainSideH += row.h + 2*c.bodyGap()
		// Nothing to stand beside: across the measure.
		w.whole(row, 2*c.bodyGap(), func() bool { return s.main && !s.inMain })
		return nil
	}
	w.whole(c.figuresRow(b, c.packWidth()), 2*c.bodyGap(), nil)
	return nil
}

// whole adds frame fr, kept whole, at the left margin after a gap of gap
// mm; when beside reports true at pagination, fr stands in the side
// column beside its section's text instead, and nothing is added here.
func (w *packWriter) whole(fr *frame, gap float64, beside func() bool) {
	w.add(fr.h+gap, func(p *pager) {
		if beside != nil && beside() {
			return
		}
		p.gap(gap)
		p.ensure(fr.h)
		p.whole(fr, w.c.ml)
		p.atTop = false
	})
}

// sideQuoteMax is the share of a page's text height a quote may take in
// the side column; a longer one goes in the main column.
const sideQuoteMax = 0.6

// PullQuote lays out a pull quote: in a section with text, in its side
// column; else in the main column, never split across pages, unless it is
// longer than a whole page: then it flows from page to page like text,
// rather than running off the bottom of one.
func (w *packWriter) PullQuote(b *doc.PullQuote) error {
	c := w.c
	sec, side := w.sec, false
	if sec != nil {
		if fr := c.quote(b, c.packSideW()); fr.h <= sideQuoteMax*(c.packBottom()-c.packTop()) {
			sec.sides = append(sec.sides, fr)
			q := c.m[TextQuote]
			c.m[TextQuote] = q.at(c.sc.Below(q.Size))
			sec.small = append(sec.small, c.quote(b, c.packSideW()))
			c.m[TextQuote] = q
			side = true
		}
	}
	qw := c.packMeasure()
	fr := c.quote(b, qw)
	if fr.h > c.packBottom()-c.packTop() {
		fl := c.flowQuote(b, qw-quoteInset)
		w.add(w.defaultKeep(), func(p *pager) {
			p.gap(2.2 * c.bodyGap())
			p.flow(fl, c.ml)
		})
		return nil
	}
	if side {
		sec.mainSideH += fr.h + 2.2*c.bodyGap()
	}
	w.whole(fr, 2.2*c.bodyGap(), func() bool { return side && sec.main && !sec.inMain })
	return nil
}

// PageBreak makes the next block start a new page; the one before the
// back page marks where its parts start (see pager.back).
func (w *packWriter) PageBreak(b *doc.PageBreak) error {
	w.closeSection()
	if w.back && b == w.backBreak {
		w.backAt = len(w.parts)
		return nil
	}
	w.add(w.defaultKeep(), func(p *pager) { p.needPage = true })
	return nil
}
