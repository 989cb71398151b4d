package pdf

import (
	"fmt"
	"strconv"
	"strings"

	"briefing/briefing"
)

// The pack is rendered twice: the first pass learns on which page (and
// where) each anchor lands and how many pages there are; the second draws
// the contents page numbers, internal links and "Page X of Y" from that.
// Both passes lay out the same, because nothing they differ in (numbers
// right-aligned on their own lines) moves anything else.

// anchorPos is where a heading landed.
type anchorPos struct {
	page int
	y    float64
}

// packWriter draws a pack's blocks in flow, page by page. It implements
// briefing.Visitor.
type packWriter struct {
	p *page
	// pages and at are what the first pass learnt (zero in the first pass).
	pages int
	at    map[string]anchorPos
	links map[string]int
	// found records this pass's anchors.
	found map[string]anchorPos
	// next maps each heading to the block after it, to keep them together.
	next map[*briefing.Heading]briefing.Block

	y        float64
	atTop    bool
	needPage bool
	started  bool
}

var _ briefing.Visitor = (*packWriter)(nil)

func (r *Renderer) pack(d *briefing.Doc, fs *fontSet) (*page, error) {
	first := &packWriter{p: r.newPage(&d.Meta, fs), found: map[string]anchorPos{}}
	if err := first.run(d); err != nil {
		return nil, err
	}
	w := &packWriter{p: r.newPage(&d.Meta, fs), found: map[string]anchorPos{}, pages: first.p.f.PageNo(), at: first.found, links: map[string]int{}}
	for _, pos := range sortedAnchors(first.found) {
		id := w.p.f.AddLink()
		w.p.f.SetLink(id, pos.pos.y, pos.pos.page)
		w.links[pos.name] = id
	}
	if err := w.run(d); err != nil {
		return nil, err
	}
	if w.p.f.PageNo() != w.pages {
		return nil, fmt.Errorf("pdf: pack laid out on %d pages, then %d", w.pages, w.p.f.PageNo())
	}
	return w.p, nil
}

type namedAnchor struct {
	name string
	pos  anchorPos
}

// sortedAnchors lists anchors in page order, for deterministic link ids.
func sortedAnchors(m map[string]anchorPos) []namedAnchor {
	out := make([]namedAnchor, 0, len(m))
	for k, v := range m {
		out = append(out, namedAnchor{k, v})
	}
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && less(out[j], out[j-1]); j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

func less(a, b namedAnchor) bool {
	if a.pos.page != b.pos.page {
		return a.pos.page < b.pos.page
	}
	if a.pos.y != b.pos.y {
		return a.pos.y < b.pos.y
	}
	return a.name < b.name
}

func (w *packWriter) run(d *briefing.Doc) error {
	w.next = map[*briefing.Heading]briefing.Block{}
	for i, b := range d.Blocks[:max(len(d.Blocks)-1, 0)] {
		if h, ok := b.(*briefing.Heading); ok {
			w.next[h] = d.Blocks[i+1]
		}
	}
	if err := briefing.Walk(d, w); err != nil {
		return err
	}
	if !w.started {
		w.newPage()
	}
	return w.p.err()
}

// Flow geometry of pack pages, in mm.
func (w *packWriter) top() float64    { return w.p.mt + 2 }
func (w *packWriter) bottom() float64 { return w.p.h - w.p.mb }
func (w *packWriter) width() float64  { return w.p.w - w.p.ml - w.p.mr }

// measure is the width of running text: narrower than the page, for
// comfortable lines of 75-90 characters.
func (w *packWriter) measure() float64 { return min(w.width(), 140) }

// newPage starts a page with the running header and footer.
func (w *packWriter) newPage() {
	p := w.p
	p.f.AddPage()
	w.started, w.needPage, w.atTop = true, false, true
	w.y = w.top()
	n := p.f.PageNo()
	if n == 1 {
		return
	}
	m := p.m
	pt := p.sz.small
	lineH := lh(pt, 1.3)
	ty := p.mt - 9
	x := p.ml
	if m.ShortName != "" {
		p.text(m.ShortName, briefing.Bold, pt, p.col.primary, x, ty, lineH)
		x += p.fonts.width(m.ShortName, briefing.Bold, pt) + 2.5
	}
	rx := p.w - p.mr
	if m.Unofficial != "" {
		// The header has room for the short label; the cover and the about
		// page print the data's full note.
		u := m.Labels.Unofficial
		uw := p.fonts.width(u, briefing.Bold, pt)
		rx -= uw
		p.text(u, briefing.Bold, pt, p.col.accent, rx, ty, lineH)
		rx -= 6
	}
	if st := ellipsize(p.fonts, m.Statement, briefing.Regular, pt, rx-x); st != "" {
		p.text(st, briefing.Regular, pt, p.col.muted, x, ty, lineH)
	}
	p.stroke(p.col.rule)
	p.f.SetLineWidth(0.3)
	p.f.Line(p.ml, ty+lineH+1.2, p.w-p.mr, ty+lineH+1.2)
	fy := p.h - p.mb + 5
	p.f.Line(p.ml, fy-1.5, p.w-p.mr, fy-1.5)
	if f := footerLine(m); f != "" {
		p.text(f, briefing.Regular, pt, p.col.muted, p.ml, fy, lineH)
	}
	total := w.pages
	if total == 0 {
		total = 99
	}
	pg := m.Labels.PageOf(n, total)
	p.text(pg, briefing.Bold, pt, p.col.text, p.w-p.mr-p.fonts.width(pg, briefing.Bold, pt), fy, lineH)
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

func (w *packWriter) bodyGap() float64 { return lh(w.p.sz.body, leadBody) * 0.6 }

// Cover draws the cover page.
func (w *packWriter) Cover(c *briefing.Cover) error {
	w.newPage()
	if !w.p.cover(c) {
		// The audience's note is too long for the cover: it gets a page
		// of its own after it rather than running into the footer.
		w.needPage = true
		if err := w.Paragraph(&briefing.Paragraph{Style: briefing.ParaNote, Text: c.Note}); err != nil {
			return err
		}
	}
	w.needPage = true
	return nil
}

// Contents draws the contents page: entries with page numbers, each a link
// to its heading.
func (w *packWriter) Contents(c *briefing.Contents) error {
	p := w.p
	w.ensure(0)
	w.y += w.headingBlock("", plain(p.m.Labels.Contents), false)
	cw := w.width()
	pt := p.sz.body + 1
	lineH := lh(pt, 1.35)
	for _, e := range c.Entries {
		num := ""
		if pos, ok := w.at[e.Anchor]; ok {
			num = strconv.Itoa(pos.page)
		}
		nw := 12.0
		indent := float64(max(e.Level-1, 0)) * 6
		st := briefing.Regular
		if e.Level <= 1 {
			st = briefing.Bold
		}
		ls := p.fonts.wrap(plain(e.Title), st, pt, cw-indent-nw-4)
		h := float64(len(ls))*lineH + 3.2
		w.ensure(h)
		x := p.ml + indent
		p.lines(ls, x, w.y, cw-indent-nw, pt, lineH, p.col.primary, left)
		last := ls[len(ls)-1]
		ly := w.y + float64(len(ls)-1)*lineH
		// dotted leader from the end of the title to the number
		p.stroke(p.col.rule)
		p.f.SetLineWidth(0.35)
		p.f.SetDashPattern([]float64{0.35, 1.4}, 0)
		bl := baseline(ly, lineH, pt)
		p.f.Line(x+last.w+2, bl, p.w-p.mr-nw+3, bl)
		p.f.SetDashPattern(nil, 0)
		if num != "" {
			p.text(num, briefing.Bold, pt, p.col.accent, p.w-p.mr-p.fonts.width(num, briefing.Bold, pt), ly, lineH)
		}
		if id, ok := w.links[e.Anchor]; ok {
			p.f.Link(p.ml, w.y, cw, float64(len(ls))*lineH, id)
		}
		w.y += h
		w.atTop = false
	}
	w.needPage = true
	return nil
}

// headingBlock draws (or measures) a level-1 heading with its kicker and
// accent rule at the cursor; it returns the height.
func (w *packWriter) headingBlock(kicker string, text briefing.Runs, dry bool) float64 {
	p := w.p
	cw := w.width()
	h := 0.0
	if kicker != "" {
		kpt := p.sz.small + 1.5
		kH := lh(kpt, 1.3)
		if !dry {
			p.fill(p.col.accent)
			p.f.Rect(p.ml, w.y+kH/2-0.35, 7, 0.7, "F")
			p.text(strings.ToUpper(kicker), briefing.Bold, kpt, p.col.accent, p.ml+9, w.y, kH)
		}
		h += kH + 1.5
	}
	tH := lh(p.sz.h1, leadHeading)
	ls := p.fonts.wrap(text, briefing.Bold, p.sz.h1, cw)
	if !dry {
		p.lines(ls, p.ml, w.y+h, cw, p.sz.h1, tH, p.col.primary, left)
	}
	h += float64(len(ls))*tH + 2.5
	if !dry {
		p.fill(p.col.accent)
		p.f.Rect(p.ml, w.y+h, 14, 0.9, "F")
	}
	return h + 0.9 + 6
}

// Heading draws a heading, keeping it with the next two lines of text.
func (w *packWriter) Heading(h *briefing.Heading) error {
	p := w.p
	keep := w.keep(w.next[h])
	if h.Level <= 1 {
		w.gap(3 * w.bodyGap())
		w.ensure(w.headingBlock(h.Kicker, h.Text, true) + keep)
		w.record(h)
		w.y += w.headingBlock(h.Kicker, h.Text, false)
		w.atTop = false
		return nil
	}
	w.gap(1.6 * w.bodyGap())
	hh := p.heading2(h, 0, 0, w.width(), true)
	w.ensure(hh + 1.5 + keep)
	w.record(h)
	w.y += p.heading2(h, p.ml, w.y, w.width(), false) + 1.5
	w.atTop = false
	return nil
}

// keep is how much of block b must fit below a heading for the heading
// to stay on the page: two lines of text, or all of a block kept whole.
func (w *packWriter) keep(b briefing.Block) float64 {
	p := w.p
	two := 2*lh(p.sz.body, leadBody) + w.bodyGap()
	switch b := b.(type) {
	case *briefing.Paragraph:
		if p.paraFormat(b.Style).pad > 0 {
			return p.para(b, 0, 0, w.measure(), true) + w.bodyGap()
		}
		pf := p.paraFormat(b.Style)
		return 2*pf.lineH + w.bodyGap()
	case *briefing.Figures:
		return p.figuresRow(b, 0, 0, w.width(), true) + 2*w.bodyGap()
	case *briefing.PullQuote:
		if h := p.quote(b, 0, 0, w.width()*0.82, true); h <= w.bottom()-w.top() {
			return h + 2.2*w.bodyGap()
		}
	}
	return two
}

// record notes a heading's anchor and bookmarks level-1 headings.
func (w *packWriter) record(h *briefing.Heading) {
	pos := anchorPos{page: w.p.f.PageNo(), y: w.y}
	if h.Anchor != "" {
		w.found[h.Anchor] = pos
	}
	if h.Level <= 1 {
		w.p.font(briefing.Regular, w.p.sz.body)
		w.p.f.Bookmark(h.Text.Plain(), 0, w.y)
	}
}

// Paragraph draws a paragraph, breaking it across pages between lines; a
// boxed note is kept whole.
func (w *packWriter) Paragraph(b *briefing.Paragraph) error {
	p := w.p
	w.gap(w.bodyGap())
	pf := p.paraFormat(b.Style)
	if pf.pad > 0 {
		h := p.para(b, 0, 0, w.measure(), true)
		if h > w.bottom()-w.top() {
			// Too long to keep whole: flow it, in the note's type.
			w.flowLines(p.fonts.wrap(b.Text, pf.style, pf.pt, w.measure()), p.ml, w.measure(), pf)
			return nil
		}
		w.ensure(h)
		w.y += p.para(b, p.ml, w.y, w.measure(), false)
		w.atTop = false
		return nil
	}
	ls := p.fonts.wrap(b.Text, pf.style, pf.pt, w.measure())
	w.flowLines(ls, p.ml, w.measure(), pf)
	return nil
}

// flowLines draws lines at the cursor, breaking pages between them but
// never leaving a single line behind or carrying a single one over.
func (w *packWriter) flowLines(ls []line, x, width float64, pf paraFormat) {
	p := w.p
	for i := 0; i < len(ls); i++ {
		need := pf.lineH
		if i == 0 && len(ls) > 1 {
			need = 2 * pf.lineH
		}
		if i == len(ls)-2 {
			need = 2 * pf.lineH
		}
		w.ensure(need)
		p.lines(ls[i:i+1], x, w.y, width, pf.pt, pf.lineH, pf.color, left)
		w.y += pf.lineH
		w.atTop = false
	}
}

// List draws a bulleted list, item by item.
func (w *packWriter) List(b *briefing.List) error {
	p := w.p
	w.gap(w.bodyGap())
	pf := p.paraFormat(briefing.ParaBody)
	const indent = 5
	for i, it := range b.Items {
		if i > 0 {
			w.y += 0.35 * pf.lineH
		}
		ls := p.fonts.wrap(it, briefing.Regular, pf.pt, w.measure()-indent)
		w.ensure(min(float64(len(ls)), 2) * pf.lineH)
		p.fill(p.col.accent)
		p.f.Circle(p.ml+1.3, w.y+pf.lineH/2, 0.75, "F")
		w.flowLines(ls, p.ml+indent, w.measure()-indent, pf)
	}
	return nil
}

// Figures draws the key figures as a row, kept whole.
func (w *packWriter) Figures(b *briefing.Figures) error {
	p := w.p
	w.gap(2 * w.bodyGap())
	h := p.figuresRow(b, 0, 0, w.width(), true)
	w.ensure(h)
	w.y += p.figuresRow(b, p.ml, w.y, w.width(), false)
	w.atTop = false
	return nil
}

// PullQuote draws a pull quote, never split across pages, unless it is
// longer than a whole page: then it flows from page to page like text,
// rather than running off the bottom of one.
func (w *packWriter) PullQuote(b *briefing.PullQuote) error {
	p := w.p
	w.gap(2.2 * w.bodyGap())
	qw := w.width() * 0.82
	h := p.quote(b, 0, 0, qw, true)
	if h > w.bottom()-w.top() {
		w.flowQuote(b, qw)
		return nil
	}
	w.ensure(h)
	w.y += p.quote(b, p.ml+6, w.y, qw, false)
	w.atTop = false
	return nil
}

// flowQuote sets an over-long quote as flowing italic text with its
// speaker and role after it.
func (w *packWriter) flowQuote(b *briefing.PullQuote, width float64) {
	p := w.p
	text := append(briefing.Runs{{Text: "“"}}, b.Text...)
	text = append(text, briefing.Inline{Text: "”"})
	qf := paraFormat{style: briefing.Italic, pt: p.sz.quote, lineH: lh(p.sz.quote, leadQuote), color: p.col.primary}
	w.flowLines(p.fonts.wrap(text, qf.style, qf.pt, width), p.ml+6, width, qf)
	w.y += 2.2
	sf := paraFormat{style: briefing.Bold, pt: p.sz.body * 0.92, lineH: lh(p.sz.body*0.92, leadLabel), color: p.col.text}
	w.flowLines(p.fonts.wrap(plain("— "+b.Speaker), sf.style, sf.pt, width), p.ml+6, width, sf)
	if b.Role != "" {
		rf := paraFormat{style: briefing.Regular, pt: p.sz.body * 0.84, lineH: lh(p.sz.body*0.84, leadLabel), color: p.col.muted}
		w.flowLines(p.fonts.wrap(plain(b.Role), rf.style, rf.pt, width), p.ml+6, width, rf)
	}
}

// PageBreak makes the next block start a new page.
func (w *packWriter) PageBreak(*briefing.PageBreak) error {
	w.needPage = true
	return nil
}

// cover draws the pack's cover page. It reports false when the cover
// note did not fit above the footer and was left out for the caller to set
// elsewhere.
func (p *page) cover(c *briefing.Cover) (noteFits bool) {
	m := p.m
	cw := p.w - p.ml - p.mr
	blockH := p.h * 0.54
	p.fill(p.col.primary)
	p.f.Rect(0, 0, p.w, blockH, "F")
	p.fill(p.col.accent)
	p.f.Rect(0, blockH, p.w, 1.6, "F")
	p.wordmark(p.ml, p.mt+8, 13, p.col.white)

	soft := mix(p.col.white, p.col.primary, 0.25)
	tpt := p.sz.title + 6
	tH := lh(tpt, 1.12)
	tl := p.fonts.wrap(plain(m.Statement), briefing.Bold, tpt, cw*0.92)
	spt := p.sz.lede
	sH := lh(spt, 1.3)
	sl := p.fonts.wrap(plain(m.Subtitle), briefing.Regular, spt, cw*0.85)
	kpt := p.sz.small + 2.5
	kH := lh(kpt, 1.3)
	h := kH + 4 + float64(len(tl))*tH + 5 + float64(len(sl))*sH
	y := blockH - 16 - h
	p.fill(p.col.accent)
	p.f.Rect(p.ml, y+kH/2-0.4, 9, 0.8, "F")
	p.text(strings.ToUpper(m.Labels.DelegatePack), briefing.Bold, kpt, p.col.accent, p.ml+12, y, kH)
	y += kH + 4
	y += p.lines(tl, p.ml, y, cw, tpt, tH, p.col.white, left) + 5
	p.lines(sl, p.ml, y, cw, spt, sH, soft, left)

	y = blockH + 16
	if m.Event != "" {
		ept := p.sz.h2 + 2
		eH := lh(ept, 1.25)
		y += p.lines(p.fonts.wrap(plain(m.Event), briefing.Bold, ept, cw), p.ml, y, cw, ept, eH, p.col.primary, left)
	}
	if s := strings.Join(nonEmpty(m.Place, m.DateText), "  ·  "); s != "" {
		dpt := p.sz.body + 1.5
		y += p.lines(p.fonts.wrap(plain(s), briefing.Regular, dpt, cw), p.ml, y+1, cw, dpt, lh(dpt, 1.4), p.col.muted, left) + 1
	}
	if m.Audience != "" {
		y += 9
		y += p.label(m.Labels.PreparedFor, p.ml, y, p.col.accent, false) + 1
		apt := p.sz.body + 2.5
		y += p.lines(p.fonts.wrap(plain(m.Audience), briefing.Bold, apt, cw), p.ml, y, cw, apt, lh(apt, 1.3), p.col.text, left)
	}
	fh := 17.0
	top := p.h - p.mb - fh
	upt := p.sz.body
	ul := p.fonts.wrap(plain(m.Unofficial), briefing.Bold, upt, cw)
	uh := 0.0
	if m.Unofficial != "" {
		uh = 5 + float64(len(ul))*lh(upt, 1.4)
	}
	noteFits = true
	if len(c.Note) > 0 {
		note := &briefing.Paragraph{Style: briefing.ParaNote, Text: c.Note}
		if nh := p.para(note, 0, 0, cw, true); y+6+nh+uh > top-6 {
			noteFits = false
		} else {
			y += 6
			y += p.para(note, p.ml, y, cw, false)
		}
	}
	if m.Unofficial != "" {
		y += 5
		p.lines(ul, p.ml, y, cw, upt, lh(upt, 1.4), p.col.accent, left)
	}
	p.stroke(p.col.rule)
	p.f.SetLineWidth(0.3)
	p.f.Line(p.ml, top-3.5, p.w-p.mr, top-3.5)
	p.sourceBlock(p.ml, top, fh)
	return noteFits
}

// ellipsize returns s, or as many of its words as fit width followed by
// "…", so that a running header never stops mid-phrase without saying so.
func ellipsize(f *fontSet, s string, st briefing.FontStyle, pt, width float64) string {
	if f.width(s, st, pt) <= width {
		return s
	}
	words := strings.Fields(s)
	for n := len(words) - 1; n > 0; n-- {
		t := strings.TrimRight(strings.Join(words[:n], " "), ",;:.·-–—") + "…"
		if f.width(t, st, pt) <= width {
			return t
		}
	}
	return ""
}
