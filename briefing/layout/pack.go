package layout

import (
	"fmt"
	"strings"

	"briefing/briefing/doc"
	"briefing/briefing/font"
	"briefing/briefing/inline"
)

// The pack is laid out in three steps: every block is laid out once into
// a frame (a flowing block's frame in rows that may break between pages);
// the frames are paginated (page breaks, keep-together, keep-with-next,
// widows and orphans), which decides where each anchor lands and how many
// pages there are; then the pages are filled, frame by frame, with the
// contents page's numbers (right-aligned on their own lines: they move
// nothing) and "Page X of Y" known.

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
}

var _ doc.Visitor = (*packWriter)(nil)

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
	c        *canvas
	pages    [][]placement
	y        float64
	atTop    bool
	needPage bool
	started  bool
	// keepNext is the keep of the part after the one being paginated.
	keepNext float64
}

func (c *canvas) pack() (*Paged, error) {
	w := &packWriter{c: c, anchors: map[string]bool{}}
	for _, b := range c.d.Blocks {
		if h, ok := b.(*doc.Heading); ok && h.Anchor != "" {
			w.anchors[h.Anchor] = true
		}
	}
	if err := doc.Walk(c.d, w); err != nil {
		return nil, err
	}
	c.begin()
	p := &pager{c: c}
	for i, pt := range w.parts {
		p.keepNext = w.defaultKeep()
		if i+1 < len(w.parts) {
			p.keepNext = w.parts[i+1].keep
		}
		pt.paginate(p)
	}
	if !p.started {
		p.newPage()
	}
	w.parts = nil
	total := len(p.pages)
	c.out.Total = total
	for i, pg := range p.pages {
		c.addPage()
		if n := i + 1; n > 1 {
			c.placeAll(c.running(n, total), 0, 0)
		}
		for _, pl := range pg {
			c.place(pl.fr, pl.x, pl.y, pl.lo, pl.hi)
		}
		p.pages[i] = nil
	}
	return c.out, nil
}

// Flow geometry of pack pages, in mm.
func (c *canvas) packTop() float64    { return c.mt + 2 }
func (c *canvas) packBottom() float64 { return c.h - c.mb }
func (c *canvas) packWidth() float64  { return c.w - c.ml - c.mr }

// packMeasure is the width of running text: narrower than the page, for
// comfortable lines of 75-90 characters.
func (c *canvas) packMeasure() float64 { return min(c.packWidth(), 140) }

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

// newPage starts a page.
func (p *pager) newPage() {
	p.pages = append(p.pages, nil)
	p.started, p.needPage, p.atTop = true, false, true
	p.y = p.c.packTop()
}

// ensure starts a new page when a page break is pending or h mm do not
// fit below the cursor.
func (p *pager) ensure(h float64) {
	if !p.started || p.needPage || (!p.atTop && p.y+h > p.c.packBottom()) {
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

// SourceBlock outside the cover goes in the flow.
func (w *packWriter) SourceBlock(b *doc.SourceBlock) error {
	c := w.c
	fr := c.build(c.packWidth(), 17, func() { c.sourceBlock(b, 0, 0, 17, false) })
	w.add(w.defaultKeep(), func(p *pager) {
		p.gap(2 * c.bodyGap())
		p.ensure(17)
		p.whole(fr, c.ml)
		p.atTop = false
	})
	return nil
}

// Cover lays out the cover page.
func (w *packWriter) Cover(cv *doc.Cover) error {
	c := w.c
	var noteFits bool
	fr := c.build(c.w, c.h, func() { noteFits = c.cover(cv) })
	var note *part
	if !noteFits {
		// The audience's note is too long for the cover: it gets a page
		// of its own after it rather than running into the footer.
		note = w.paragraph(&doc.Paragraph{Style: doc.ParaNote, Text: cv.Note})
	}
	w.add(w.defaultKeep(), func(p *pager) {
		p.newPage()
		p.put(fr, 0, 0, 0, len(fr.boxes))
		if note != nil {
			p.needPage = true
			note.paginate(p)
		}
		p.needPage = true
	})
	return nil
}

// Contents lays out the contents page: entries with page numbers, each a
// link to its heading.
func (w *packWriter) Contents(ct *doc.Contents) error {
	c := w.c
	head := w.headingBlock("", plain(ct.Title))
	cw := c.packWidth()
	lineH := c.m[TextTOC1].lineH()
	entries := c.build(c.w, 0, func() {
		toc := c.elem(TOC, 0, "")
		y := 0.0
		for _, e := range ct.Entries {
			known := w.anchors[e.Anchor]
			nw := 12.0
			indent := float64(max(e.Level-1, 0)) * tocIndent
			m := c.m[TextTOC2]
			if e.Level <= 1 {
				m = c.m[TextTOC1]
			}
			pt := m.Size
			ls := c.wrapIn(plain(e.Title), m, cw-indent-nw-4)
			h := float64(len(ls))*lineH + 3.2
			r := row{lo: len(c.fr.boxes), y: y, h: h, need: h}
			x := c.ml + indent
			el := c.elem(TOCEntry, toc, "")
			c.setText(ls, x, y, cw-indent-nw, m, left, TOCEntry, el)
			last := ls[len(ls)-1]
			ly := y + float64(len(ls)-1)*lineH
			// dotted leader from the end of the title to the number
			bl := baseline(ly, lineH, pt)
			c.rule(x+last.w+2, bl, c.w-c.mr-nw+3, bl, 0.35, c.col.rule, []float64{0.35, 1.4})
			if known {
				// The page number, filled in once the pack is paginated.
				c.fr.refs = append(c.fr.refs, pageRef{box: len(c.fr.boxes), anchor: e.Anchor, right: c.w - c.mr})
				c.add(Box{Kind: Text, Role: TOCEntry, Elem: el, Y: ly, H: lineH, Font: font.Bold, Size: pt, Color: c.m[TextKicker].Color, Baseline: baseline(ly, lineH, pt)})
				c.add(Box{Kind: LinkArea, Role: Link, Elem: el, X: c.ml, Y: y, W: cw, H: float64(len(ls)) * lineH, Dest: e.Anchor})
			}
			r.hi = len(c.fr.boxes)
			c.fr.rows = append(c.fr.rows, r)
			y += h
		}
		c.fr.h = y
	})
	w.add(w.defaultKeep(), func(p *pager) {
		p.ensure(0)
		p.put(head, c.ml, p.y, 0, len(head.boxes))
		p.y += head.h
		p.flow(entries, 0)
		p.needPage = true
	})
	return nil
}

// headingBlock lays out a level-1 heading with its kicker and accent rule.
func (w *packWriter) headingBlock(kicker string, text inline.Runs) *frame {
	c := w.c
	cw := c.packWidth()
	km, tm := c.m[TextKicker], c.m[TextTitle]
	kH := 0.0
	if kicker != "" {
		kH = km.lineH()
	}
	tH := tm.lineH()
	ls := c.wrapIn(text, tm, cw)
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
		c.fr.h = h + 0.9 + 6
	})
}

// Heading lays out a heading, keeping it with the next two lines of text
// (or what the next block keeps).
func (w *packWriter) Heading(h *doc.Heading) error {
	c := w.c
	if h.Level <= 1 {
		fr := w.headingBlock(h.Kicker, h.Text)
		w.add(w.defaultKeep(), func(p *pager) {
			p.gap(3 * c.bodyGap())
			p.ensure(fr.h + p.keepNext)
			p.record(h)
			p.whole(fr, c.ml)
			p.atTop = false
		})
		return nil
	}
	fr := c.heading2(h, c.packWidth())
	w.add(w.defaultKeep(), func(p *pager) {
		p.gap(1.6 * c.bodyGap())
		p.ensure(fr.h + h2After + p.keepNext)
		p.record(h)
		p.whole(fr, c.ml)
		p.y += h2After
		p.atTop = false
	})
	return nil
}

// Paragraph lays out a paragraph, breaking it across pages between lines;
// a boxed note is kept whole.
func (w *packWriter) Paragraph(b *doc.Paragraph) error {
	pt := w.paragraph(b)
	w.parts = append(w.parts, *pt)
	return nil
}

func (w *packWriter) paragraph(b *doc.Paragraph) *part {
	c := w.c
	pf := c.paraFormat(b.Style)
	if pf.pad > 0 {
		fr := c.para(b, c.packMeasure())
		keep := fr.h + c.bodyGap()
		if fr.h > c.packBottom()-c.packTop() {
			// Too long to keep whole: flow it, in the note's type.
			fl := c.flowPara(c.wrap(b.Text, pf.style, pf.pt, c.packMeasure()), c.packMeasure(), pf)
			return &part{keep: keep, paginate: func(p *pager) {
				p.gap(c.bodyGap())
				p.flow(fl, c.ml)
			}}
		}
		return &part{keep: keep, paginate: func(p *pager) {
			p.gap(c.bodyGap())
			p.ensure(fr.h)
			p.whole(fr, c.ml)
			p.atTop = false
		}}
	}
	fl := c.flowPara(c.wrap(b.Text, pf.style, pf.pt, c.packMeasure()), c.packMeasure(), pf)
	return &part{keep: 2*pf.lineH + c.bodyGap(), paginate: func(p *pager) {
		p.gap(c.bodyGap())
		p.flow(fl, c.ml)
	}}
}

// List lays out a bulleted list, item by item.
func (w *packWriter) List(b *doc.List) error {
	c := w.c
	fr := c.list(b, c.packMeasure(), true)
	w.add(w.defaultKeep(), func(p *pager) {
		p.gap(c.bodyGap())
		p.flow(fr, c.ml)
	})
	return nil
}

// Figures lays out the key figures as a row, kept whole.
func (w *packWriter) Figures(b *doc.Figures) error {
	c := w.c
	fr := c.figuresRow(b, c.packWidth())
	w.add(fr.h+2*c.bodyGap(), func(p *pager) {
		p.gap(2 * c.bodyGap())
		p.ensure(fr.h)
		p.whole(fr, c.ml)
		p.atTop = false
	})
	return nil
}

// PullQuote lays out a pull quote, never split across pages, unless it is
// longer than a whole page: then it flows from page to page like text,
// rather than running off the bottom of one.
func (w *packWriter) PullQuote(b *doc.PullQuote) error {
	c := w.c
	qw := c.packWidth() * 0.82
	fr := c.quote(b, qw)
	if fr.h > c.packBottom()-c.packTop() {
		fl := c.flowQuote(b, qw)
		w.add(w.defaultKeep(), func(p *pager) {
			p.gap(2.2 * c.bodyGap())
			p.flow(fl, c.ml+6)
		})
		return nil
	}
	w.add(fr.h+2.2*c.bodyGap(), func(p *pager) {
		p.gap(2.2 * c.bodyGap())
		p.ensure(fr.h)
		p.whole(fr, c.ml+6)
		p.atTop = false
	})
	return nil
}

// PageBreak makes the next block start a new page.
func (w *packWriter) PageBreak(*doc.PageBreak) error {
	w.add(w.defaultKeep(), func(p *pager) { p.needPage = true })
	return nil
}

// cover lays out the pack's cover page. It reports false when the cover
// note did not fit above the footer and was left out for the caller to set
// elsewhere.
func (c *canvas) cover(cv *doc.Cover) (noteFits bool) {
	cw := c.w - c.ml - c.mr
	blockH := c.h * 0.54
	c.fill(0, 0, c.w, blockH, c.col.primary)
	c.fill(0, blockH, c.w, 1.6, c.col.accent)
	c.wordmark(cv.Wordmark, c.ml, c.mt+8, coverMarkH, c.col.white)

	tm, sm, km := c.m[TextCoverTitle], c.m[TextCoverSubtitle], c.m[TextCoverKicker]
	tH, sH, kH := tm.lineH(), sm.lineH(), km.lineH()
	tl := c.wrapIn(plain(cv.Title), tm, cw*0.92)
	sl := c.wrapIn(plain(cv.Subtitle), sm, cw*0.85)
	h := kH + 4 + float64(len(tl))*tH + 5 + float64(len(sl))*sH
	y := blockH - 16 - h
	c.fill(c.ml, y+kH/2-0.4, 9, 0.8, c.col.accent)
	c.text(strings.ToUpper(cv.Kicker), km.Style, km.Size, km.Color, c.ml+12, y, kH, P, c.elem(P, 0, ""))
	y += kH + 4
	y += c.setText(tl, c.ml, y, cw, tm, left, Title, c.elem(Title, 0, "")) + 5
	c.setText(sl, c.ml, y, cw, sm, left, P, c.elem(P, 0, ""))

	y = blockH + 16
	if cv.Event != "" {
		em := c.m[TextCoverEvent]
		y += c.setText(c.wrapIn(plain(cv.Event), em, cw), c.ml, y, cw, em, left, P, c.elem(P, 0, ""))
	}
	if cv.When != "" {
		dm := c.m[TextCoverDate]
		y += c.setText(c.wrapIn(plain(cv.When), dm, cw), c.ml, y+1, cw, dm, left, P, c.elem(P, 0, "")) + 1
	}
	if cv.Audience != "" {
		y += 9
		e := c.elem(P, 0, "")
		y += c.label(cv.PreparedFor, c.ml, y, c.col.accentText, P, e) + 1
		am := c.m[TextCoverAudience]
		y += c.setText(c.wrapIn(plain(cv.Audience), am, cw), c.ml, y, cw, am, left, P, e)
	}
	fh := 17.0
	top := c.h - c.mb - fh
	um := c.m[TextUnofficial]
	ul := c.wrapIn(plain(cv.Unofficial), um, cw)
	uh := 0.0
	if cv.Unofficial != "" {
		uh = 5 + float64(len(ul))*um.lineH()
	}
	noteFits = true
	if len(cv.Note) > 0 {
		note := c.para(&doc.Paragraph{Style: doc.ParaNote, Text: cv.Note}, cw)
		if y+6+note.h+uh > top-6 {
			noteFits = false
		} else {
			y += 6
			c.put(note, c.ml, y, 0)
			y += note.h
		}
	}
	if cv.Unofficial != "" {
		y += 5
		c.setText(ul, c.ml, y, cw, um, left, Note, c.elem(Note, 0, ""))
	}
	if cv.Source != nil {
		c.rule(c.ml, top-3.5, c.w-c.mr, top-3.5, 0.3, c.col.rule, nil)
		c.sourceBlock(cv.Source, c.ml, top, fh, false)
	}
	return noteFits
}
