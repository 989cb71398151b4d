package layout

import (
	"fmt"
	"strconv"
	"strings"

	"briefing/briefing/doc"
	"briefing/briefing/font"
	"briefing/briefing/inline"
)

// The pack is laid out twice: the first pass learns on which page (and
// where) each anchor lands and how many pages there are; the second sets
// the contents page numbers and "Page X of Y" from that. Both passes lay
// out the same, because nothing they differ in (numbers right-aligned on
// their own lines) moves anything else.

// packWriter lays out a pack's blocks in flow, page by page. It
// implements doc.Visitor.
type packWriter struct {
	c *canvas
	// pages and at are what the first pass learnt (zero in the first pass).
	pages int
	at    map[string]Dest
	// next maps each heading to the block after it, to keep them together.
	next map[*doc.Heading]doc.Block

	y        float64
	atTop    bool
	needPage bool
	started  bool
}

var _ doc.Visitor = (*packWriter)(nil)

func (c *canvas) pack() (*Paged, error) {
	c.begin()
	c.counting = true
	first := &packWriter{c: c}
	if err := first.run(); err != nil {
		return nil, err
	}
	pages, at := len(c.out.Pages), c.out.Anchors
	c.counting = false
	c.begin()
	// The second pass lays out the same: every anchor is where the first
	// found it, known before its page (for a streamed document's links).
	for k, v := range at {
		c.out.Anchors[k] = v
	}
	c.out.Total = pages
	w := &packWriter{c: c, pages: pages, at: at}
	if err := w.run(); err != nil {
		return nil, err
	}
	if len(c.out.Pages) != pages {
		return nil, fmt.Errorf("layout: pack laid out on %d pages, then %d", pages, len(c.out.Pages))
	}
	return c.out, nil
}

func (w *packWriter) run() error {
	d := w.c.d
	w.next = map[*doc.Heading]doc.Block{}
	for i, b := range d.Blocks[:max(len(d.Blocks)-1, 0)] {
		if h, ok := b.(*doc.Heading); ok {
			w.next[h] = d.Blocks[i+1]
		}
	}
	if err := doc.Walk(d, w); err != nil {
		return err
	}
	if !w.started {
		w.newPage()
	}
	return nil
}

// Flow geometry of pack pages, in mm.
func (w *packWriter) top() float64    { return w.c.mt + 2 }
func (w *packWriter) bottom() float64 { return w.c.h - w.c.mb }
func (w *packWriter) width() float64  { return w.c.w - w.c.ml - w.c.mr }

// measure is the width of running text: narrower than the page, for
// comfortable lines of 75-90 characters.
func (w *packWriter) measure() float64 { return min(w.width(), 140) }

// newPage starts a page with the running header and footer (none on the
// cover).
func (w *packWriter) newPage() {
	c := w.c
	c.addPage()
	w.started, w.needPage, w.atTop = true, false, true
	w.y = w.top()
	if n := c.pageNo(); n > 1 {
		total := w.pages
		if total == 0 {
			total = 99
		}
		c.running(n, total)
	}
}

// ensure starts a new page when a page break is pending or h mm do not
// fit below the cursor; it returns whether a new page was started.
func (w *packWriter) ensure(h float64) bool {
	if !w.started || w.needPage || (!w.atTop && w.y+h > w.bottom()) {
		w.newPage()
		return true
	}
	return false
}

// gap adds space between blocks, except at the top of a page.
func (w *packWriter) gap(g float64) {
	if !w.atTop {
		w.y += g
	}
}

func (w *packWriter) bodyGap() float64 { return lh(w.c.sz.Body, leadBody) * 0.6 }

// Masthead is not part of a pack (its cover is).
func (w *packWriter) Masthead(*doc.Masthead) error {
	return fmt.Errorf("layout: a pack has no masthead")
}

// SourceBlock outside the cover goes in the flow.
func (w *packWriter) SourceBlock(b *doc.SourceBlock) error {
	w.gap(2 * w.bodyGap())
	w.ensure(17)
	w.c.sourceBlock(b, w.c.ml, w.y, 17, false)
	w.y += 17
	w.atTop = false
	return nil
}

// Cover lays out the cover page.
func (w *packWriter) Cover(cv *doc.Cover) error {
	w.newPage()
	if !w.c.cover(cv) {
		// The audience's note is too long for the cover: it gets a page
		// of its own after it rather than running into the footer.
		w.needPage = true
		if err := w.Paragraph(&doc.Paragraph{Style: doc.ParaNote, Text: cv.Note}); err != nil {
			return err
		}
	}
	w.needPage = true
	return nil
}

// Contents lays out the contents page: entries with page numbers, each a
// link to its heading.
func (w *packWriter) Contents(ct *doc.Contents) error {
	c := w.c
	w.ensure(0)
	w.y += w.headingBlock("", plain(ct.Title), false, nil)
	cw := w.width()
	pt := c.sz.Body + 1
	lineH := lh(pt, 1.35)
	toc := c.elem(TOC, 0, "")
	for _, e := range ct.Entries {
		num := ""
		if pos, ok := w.at[e.Anchor]; ok {
			num = strconv.Itoa(pos.Page)
		}
		nw := 12.0
		indent := float64(max(e.Level-1, 0)) * 6
		st := font.Regular
		if e.Level <= 1 {
			st = font.Bold
		}
		title := plain(e.Title)
		ls := c.wrap(title, st, pt, cw-indent-nw-4)
		h := float64(len(ls))*lineH + 3.2
		w.ensure(h)
		x := c.ml + indent
		el := c.elem(TOCEntry, toc, "")
		c.lines(ls, x, w.y, cw-indent-nw, pt, lineH, c.col.primary, left, TOCEntry, el)
		last := ls[len(ls)-1]
		ly := w.y + float64(len(ls)-1)*lineH
		// dotted leader from the end of the title to the number
		bl := baseline(ly, lineH, pt)
		c.rule(x+last.w+2, bl, c.w-c.mr-nw+3, bl, 0.35, c.col.rule, []float64{0.35, 1.4})
		if num != "" {
			c.text(num, font.Bold, pt, c.col.accentText, c.w-c.mr-c.width(num, font.Bold, pt), ly, lineH, TOCEntry, el)
		}
		if _, ok := w.at[e.Anchor]; ok {
			c.add(Box{Kind: LinkArea, Role: Link, Elem: el, X: c.ml, Y: w.y, W: cw, H: float64(len(ls)) * lineH, Dest: e.Anchor})
		}
		w.y += h
		w.atTop = false
	}
	w.needPage = true
	return nil
}

// headingBlock lays out (or measures) a level-1 heading with its kicker
// and accent rule at the cursor; it returns the height.
func (w *packWriter) headingBlock(kicker string, text inline.Runs, dry bool, h1 *doc.Heading) float64 {
	c := w.c
	cw := w.width()
	h := 0.0
	if kicker != "" {
		kpt := c.sz.Small + 1.5
		kH := lh(kpt, 1.3)
		if !dry {
			c.fill(c.ml, w.y+kH/2-0.35, 7, 0.7, c.col.accent)
			c.text(strings.ToUpper(kicker), font.Bold, kpt, c.col.accentText, c.ml+9, w.y, kH, P, c.elem(P, 0, ""))
		}
		h += kH + 1.5
	}
	tH := lh(c.sz.H1, leadHeading)
	ls := c.wrap(text, font.Bold, c.sz.H1, cw)
	if !dry {
		c.lines(ls, c.ml, w.y+h, cw, c.sz.H1, tH, c.col.primary, left, H1, c.elem(H1, 0, ""))
	}
	h += float64(len(ls))*tH + 2.5
	if !dry {
		c.fill(c.ml, w.y+h, 14, 0.9, c.col.accent)
	}
	return h + 0.9 + 6
}

// Heading lays out a heading, keeping it with the next two lines of text.
func (w *packWriter) Heading(h *doc.Heading) error {
	c := w.c
	keep := w.keep(w.next[h])
	if h.Level <= 1 {
		w.gap(3 * w.bodyGap())
		w.ensure(w.headingBlock(h.Kicker, h.Text, true, h) + keep)
		w.record(h)
		w.y += w.headingBlock(h.Kicker, h.Text, false, h)
		w.atTop = false
		return nil
	}
	w.gap(1.6 * w.bodyGap())
	hh := c.heading2(h, 0, 0, w.width(), true)
	w.ensure(hh + 1.5 + keep)
	w.record(h)
	w.y += c.heading2(h, c.ml, w.y, w.width(), false) + 1.5
	w.atTop = false
	return nil
}

// keep is how much of block b must fit below a heading for the heading
// to stay on the page: two lines of text, or all of a block kept whole.
func (w *packWriter) keep(b doc.Block) float64 {
	k := &keeper{w: w, h: 2*lh(w.c.sz.Body, leadBody) + w.bodyGap()}
	if b != nil {
		b.Accept(k)
	}
	return k.h
}

// keeper measures what of a block must stay with the heading before it
// (see keep); blocks it has no rule for keep two lines.
type keeper struct {
	w *packWriter
	h float64
}

var _ doc.Visitor = (*keeper)(nil)

func (k *keeper) Paragraph(b *doc.Paragraph) error {
	w, c := k.w, k.w.c
	pf := c.paraFormat(b.Style)
	if pf.pad > 0 {
		k.h = c.para(b, 0, 0, w.measure(), true) + w.bodyGap()
	} else {
		k.h = 2*pf.lineH + w.bodyGap()
	}
	return nil
}
func (k *keeper) Figures(b *doc.Figures) error {
	k.h = k.w.c.figuresRow(b, 0, 0, k.w.width(), true) + 2*k.w.bodyGap()
	return nil
}
func (k *keeper) PullQuote(b *doc.PullQuote) error {
	w := k.w
	if h := w.c.quote(b, 0, 0, w.width()*0.82, true); h <= w.bottom()-w.top() {
		k.h = h + 2.2*w.bodyGap()
	}
	return nil
}
func (k *keeper) Masthead(*doc.Masthead) error       { return nil }
func (k *keeper) Cover(*doc.Cover) error             { return nil }
func (k *keeper) Contents(*doc.Contents) error       { return nil }
func (k *keeper) Heading(*doc.Heading) error         { return nil }
func (k *keeper) List(*doc.List) error               { return nil }
func (k *keeper) SourceBlock(*doc.SourceBlock) error { return nil }
func (k *keeper) PageBreak(*doc.PageBreak) error     { return nil }

// record notes a heading's anchor and bookmarks level-1 headings.
func (w *packWriter) record(h *doc.Heading) {
	pos := Dest{Page: w.c.pageNo(), Y: w.y}
	if h.Anchor != "" {
		w.c.out.Anchors[h.Anchor] = pos
	}
	if h.Level <= 1 {
		w.c.out.Outline = append(w.c.out.Outline, Mark{Title: h.Text.Plain(), Level: 0, Dest: pos})
	}
}

// Paragraph lays out a paragraph, breaking it across pages between lines;
// a boxed note is kept whole.
func (w *packWriter) Paragraph(b *doc.Paragraph) error {
	c := w.c
	w.gap(w.bodyGap())
	pf := c.paraFormat(b.Style)
	if pf.pad > 0 {
		h := c.para(b, 0, 0, w.measure(), true)
		if h > w.bottom()-w.top() {
			// Too long to keep whole: flow it, in the note's type.
			w.flowLines(c.wrap(b.Text, pf.style, pf.pt, w.measure()), c.ml, w.measure(), pf, c.elem(pf.role, 0, ""))
			return nil
		}
		w.ensure(h)
		w.y += c.para(b, c.ml, w.y, w.measure(), false)
		w.atTop = false
		return nil
	}
	ls := c.wrap(b.Text, pf.style, pf.pt, w.measure())
	w.flowLines(ls, c.ml, w.measure(), pf, c.elem(pf.role, 0, ""))
	return nil
}

// flowLines lays out lines at the cursor as part of element e, breaking
// pages between them but never leaving a single line behind or carrying a
// single one over.
func (w *packWriter) flowLines(ls []line, x, width float64, pf paraFormat, e int) {
	c := w.c
	for i := 0; i < len(ls); i++ {
		need := pf.lineH
		if i == 0 && len(ls) > 1 {
			need = 2 * pf.lineH
		}
		if i == len(ls)-2 {
			need = 2 * pf.lineH
		}
		w.ensure(need)
		c.lines(ls[i:i+1], x, w.y, width, pf.pt, pf.lineH, pf.color, left, pf.role, e)
		w.y += pf.lineH
		w.atTop = false
	}
}

// List lays out a bulleted list, item by item.
func (w *packWriter) List(b *doc.List) error {
	c := w.c
	w.gap(w.bodyGap())
	pf := c.paraFormat(doc.ParaBody)
	pf.role = ListItem
	le := c.elem(List, 0, "")
	for i, it := range b.Items {
		if i > 0 {
			w.y += 0.35 * pf.lineH
		}
		ls := c.wrap(it, font.Regular, pf.pt, w.measure()-listIndent)
		w.ensure(min(float64(len(ls)), 2) * pf.lineH)
		c.bullet(c.ml, w.y, pf.lineH)
		w.flowLines(ls, c.ml+listIndent, w.measure()-listIndent, pf, c.elem(ListItem, le, ""))
	}
	return nil
}

// Figures lays out the key figures as a row, kept whole.
func (w *packWriter) Figures(b *doc.Figures) error {
	c := w.c
	w.gap(2 * w.bodyGap())
	h := c.figuresRow(b, 0, 0, w.width(), true)
	w.ensure(h)
	w.y += c.figuresRow(b, c.ml, w.y, w.width(), false)
	w.atTop = false
	return nil
}

// PullQuote lays out a pull quote, never split across pages, unless it is
// longer than a whole page: then it flows from page to page like text,
// rather than running off the bottom of one.
func (w *packWriter) PullQuote(b *doc.PullQuote) error {
	c := w.c
	w.gap(2.2 * w.bodyGap())
	qw := w.width() * 0.82
	h := c.quote(b, 0, 0, qw, true)
	if h > w.bottom()-w.top() {
		w.flowQuote(b, qw)
		return nil
	}
	w.ensure(h)
	w.y += c.quote(b, c.ml+6, w.y, qw, false)
	w.atTop = false
	return nil
}

// flowQuote sets an over-long quote as flowing italic text with its
// speaker and role after it.
func (w *packWriter) flowQuote(b *doc.PullQuote, width float64) {
	c := w.c
	q := c.quoteParts(b, width+quoteInset)
	e := c.elem(Quote, 0, "")
	w.flowLines(q.ql, c.ml+6, width, paraFormat{style: font.Italic, pt: c.sz.Quote, lineH: q.qH, color: c.col.primary, role: Quote}, e)
	w.y += 2.2
	ce := c.elem(Caption, e, "")
	w.flowLines(q.sl, c.ml+6, width, paraFormat{style: font.Bold, pt: q.spt, lineH: q.sH, color: c.col.text, role: Caption}, ce)
	w.flowLines(q.rl, c.ml+6, width, paraFormat{style: font.Regular, pt: q.rpt, lineH: q.rH, color: c.col.muted, role: Caption}, ce)
}

// PageBreak makes the next block start a new page.
func (w *packWriter) PageBreak(*doc.PageBreak) error {
	w.needPage = true
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
	c.wordmark(cv.Wordmark, c.ml, c.mt+8, 13, c.col.white)

	soft := c.col.light
	tpt := c.sz.Title + 6
	tH := lh(tpt, 1.12)
	tl := c.wrap(plain(cv.Title), font.Bold, tpt, cw*0.92)
	spt := c.sz.Lede
	sH := lh(spt, 1.3)
	sl := c.wrap(plain(cv.Subtitle), font.Regular, spt, cw*0.85)
	kpt := c.sz.Small + 2.5
	kH := lh(kpt, 1.3)
	h := kH + 4 + float64(len(tl))*tH + 5 + float64(len(sl))*sH
	y := blockH - 16 - h
	c.fill(c.ml, y+kH/2-0.4, 9, 0.8, c.col.accent)
	c.text(strings.ToUpper(cv.Kicker), font.Bold, kpt, c.col.accentOnPrimary, c.ml+12, y, kH, P, c.elem(P, 0, ""))
	y += kH + 4
	y += c.lines(tl, c.ml, y, cw, tpt, tH, c.col.white, left, Title, c.elem(Title, 0, "")) + 5
	c.lines(sl, c.ml, y, cw, spt, sH, soft, left, P, c.elem(P, 0, ""))

	y = blockH + 16
	if cv.Event != "" {
		ept := c.sz.H2 + 2
		eH := lh(ept, 1.25)
		y += c.lines(c.wrap(plain(cv.Event), font.Bold, ept, cw), c.ml, y, cw, ept, eH, c.col.primary, left, P, c.elem(P, 0, ""))
	}
	if cv.When != "" {
		dpt := c.sz.Body + 1.5
		y += c.lines(c.wrap(plain(cv.When), font.Regular, dpt, cw), c.ml, y+1, cw, dpt, lh(dpt, 1.4), c.col.muted, left, P, c.elem(P, 0, "")) + 1
	}
	if cv.Audience != "" {
		y += 9
		e := c.elem(P, 0, "")
		y += c.label(cv.PreparedFor, c.ml, y, c.col.accentText, false, P, e) + 1
		apt := c.sz.Body + 2.5
		y += c.lines(c.wrap(plain(cv.Audience), font.Bold, apt, cw), c.ml, y, cw, apt, lh(apt, 1.3), c.col.text, left, P, e)
	}
	fh := 17.0
	top := c.h - c.mb - fh
	upt := c.sz.Body
	ul := c.wrap(plain(cv.Unofficial), font.Bold, upt, cw)
	uh := 0.0
	if cv.Unofficial != "" {
		uh = 5 + float64(len(ul))*lh(upt, 1.4)
	}
	noteFits = true
	if len(cv.Note) > 0 {
		note := &doc.Paragraph{Style: doc.ParaNote, Text: cv.Note}
		if nh := c.para(note, 0, 0, cw, true); y+6+nh+uh > top-6 {
			noteFits = false
		} else {
			y += 6
			y += c.para(note, c.ml, y, cw, false)
		}
	}
	if cv.Unofficial != "" {
		y += 5
		c.lines(ul, c.ml, y, cw, upt, lh(upt, 1.4), c.col.text, left, Note, c.elem(Note, 0, ""))
	}
	if cv.Source != nil {
		c.rule(c.ml, top-3.5, c.w-c.mr, top-3.5, 0.3, c.col.rule, nil)
		c.sourceBlock(cv.Source, c.ml, top, fh, false)
	}
	return noteFits
}
