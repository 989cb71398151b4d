package layout

import (
	"math"
	"strings"

	"briefing/briefing/doc"
	"briefing/briefing/font"
	"briefing/briefing/inline"
)

// The pack's cover: the brand's block with the title, the event and the
// audience under it, and the contents ("at a glance": the
// recommendations with their pages) on the cover itself, above the
// source block. The block gives up height, down to what its title needs,
// for the contents to fit; contents too long for the cover go on over the
// next page.

// Cover lays out the cover page, with the contents that follow it.
func (w *packWriter) Cover(cv *doc.Cover) error {
	w.closeSection()
	c := w.c
	var head, entries *frame
	want := 0.0
	if ct := w.glance; ct != nil {
		head = c.glanceHead(ct.Title)
		entries = w.entries(ct, c.packWidth())
		want = head.h + entries.h
	}
	var noteFits bool
	var end, bottom, over float64
	fr := c.build(c.w, c.h, func() { noteFits, end, bottom, over = c.cover(cv, want) })
	if over > 0 {
		return &doc.OverflowError{Title: cv.Title, Paper: c.d.Meta.Paper, Field: "the statement's title", Overflow: over, At: cv.At}
	}
	var note *part
	if !noteFits {
		// The audience's note is too long for the cover: it gets a page
		// of its own after it rather than running into the footer.
		note, _ = w.paragraph(&doc.Paragraph{Style: doc.ParaNote, Text: cv.Note})
	}
	w.add(w.defaultKeep(), func(p *pager) {
		p.newPage()
		p.put(fr, 0, 0, 0, len(fr.boxes))
		if head != nil {
			p.y, p.bottom, p.atTop = end, bottom, false
			first := 0.0
			if len(entries.rows) > 0 {
				first = entries.rows[0].need
			}
			p.ensure(head.h + first)
			p.whole(head, c.ml)
			p.atTop = false
			p.flow(entries, c.ml)
		}
		if note != nil {
			p.needPage = true
			note.paginate(p)
		}
		p.needPage = true
	})
	return nil
}

// glanceHead lays out the title of the cover's contents: a small
// capitals label under a hairline across the measure.
func (c *canvas) glanceHead(title string) *frame {
	cw := c.packWidth()
	lm := c.m[TextLabel]
	return c.build(cw, 0, func() {
		c.rule(0, 0, cw, 0, 0.3, c.col.rule, nil)
		h := 3.0
		if title != "" {
			c.text(strings.ToUpper(title), lm.Style, lm.Size, c.col.primary, 0, h, lm.lineH(), Caption, c.elem(Caption, 0, ""))
			h += lm.lineH() + 2
		}
		c.fr.h = h
	})
}

// entries lays out contents entries in width cw: each title, a dotted
// leader and its page number, the whole a link to its heading; as rows,
// one an entry.
func (w *packWriter) entries(ct *doc.Contents, cw float64) *frame {
	c := w.c
	lineH := c.m[TextTOC1].lineH()
	const nw = 12.0
	return c.build(cw, 0, func() {
		toc := c.elem(TOC, 0, "")
		y := 0.0
		for _, e := range ct.Entries {
			indent := float64(max(e.Level-1, 0)) * tocIndent
			m := c.m[TextTOC2]
			if e.Level <= 1 {
				m = c.m[TextTOC1]
			}
			pt := m.Size
			ls := c.wrapTied(plain(e.Title), m, cw-indent-nw-4)
			h := float64(len(ls))*lineH + 2.6
			r := row{lo: len(c.fr.boxes), y: y, h: h, need: h}
			el := c.elem(TOCEntry, toc, "")
			c.setText(ls, indent, y, cw-indent-nw, m, left, TOCEntry, el)
			last := ls[len(ls)-1]
			ly := y + float64(len(ls)-1)*lineH
			// The dotted leader from the end of the title to the number.
			bl := baseline(ly, lineH, pt)
			c.rule(indent+last.w+2, bl, cw-nw+3, bl, 0.35, c.col.rule, []float64{0.35, 1.4})
			if w.anchors[e.Anchor] {
				// The page number, filled in once the pack is paginated.
				c.fr.refs = append(c.fr.refs, pageRef{box: len(c.fr.boxes), anchor: e.Anchor, right: cw})
				c.add(Box{Kind: Text, Role: TOCEntry, Elem: el, Y: ly, H: lineH, Font: font.Bold, Size: pt, Color: c.m[TextKicker].Color, Baseline: baseline(ly, lineH, pt)})
				c.add(Box{Kind: LinkArea, Role: Link, Elem: el, X: 0, Y: y, W: cw, H: float64(len(ls)) * lineH, Dest: e.Anchor})
			}
			r.hi = len(c.fr.boxes)
			c.fr.rows = append(c.fr.rows, r)
			y += h
		}
		c.fr.h = y
	})
}

// Contents lays out contents that do not follow the cover (those that do
// are set on it) on a page of their own: a title, then the entries.
func (w *packWriter) Contents(ct *doc.Contents) error {
	w.closeSection()
	if ct == w.glance {
		return nil
	}
	c := w.c
	head := w.headingBlock("", plain(ct.Title))
	entries := w.entries(ct, c.packWidth())
	w.add(w.defaultKeep(), func(p *pager) {
		p.ensure(0)
		p.whole(head, c.ml)
		p.atTop = false
		p.flow(entries, c.ml)
		p.needPage = true
	})
	return nil
}

// coverBlock is the share of the page the cover's block takes at most.
const coverBlock = 0.54

// cover lays out the pack's cover page, leaving want mm for the contents
// under the audience (the block gives up height for them, down to what
// its title needs). It reports false when the cover note did not fit
// above the footer and was left out for the caller to set elsewhere, and
// where the contents go: from end down to bottom.
func (c *canvas) cover(cv *doc.Cover, want float64) (noteFits bool, end, bottom, titleOver float64) {
	cw := c.packWidth()
	mw, sx, sw := c.packMeasure(), c.packSideX(), c.packSideW()

	// Under the block: the event and date in the main column, the
	// audience beside them in the side column; the note, the translation
	// notice; then the contents, down to the source block.
	em, dm, am := c.m[TextCoverEvent], c.m[TextCoverDate], c.m[TextCoverAudience]
	el := c.wrapTied(plain(cv.Event), em, mw)
	dl := c.wrapIn(plain(cv.When), dm, mw)
	al := c.wrapTied(plain(cv.Audience), am, sw)
	leftH := float64(len(el))*em.lineH() + float64(len(dl))*(dm.lineH()) + 1
	rightH := 0.0
	if cv.Audience != "" {
		rightH = c.labelH() + 1 + float64(len(al))*am.lineH()
	}
	detailsH := max(leftH, rightH)
	um := c.m[TextUnofficial]
	ul := c.wrapTied(plain(cv.Unofficial), um, cw)
	uh := 0.0
	if cv.Unofficial != "" {
		uh = 4 + float64(len(ul))*um.lineH()
	}
	var note *frame
	if len(cv.Note) > 0 {
		note = c.para(&doc.Paragraph{Style: doc.ParaNote, Text: cv.Note}, cw)
	}
	fh := 17.0
	top := c.h - c.mb - fh
	bottom = top - 6
	if cv.Source == nil {
		bottom = c.h - c.mb
	}
	const under, glanceGap = 10.0, 6.0
	// The title and subtitle in the navy block: the title steps down the
	// type scale, no further than the body size, until the block leaves
	// room under it for the details and the notice (coverTitle); a title
	// that fits at none is an overflow.
	tm, sm, km := c.m[TextCoverTitle], c.m[TextCoverSubtitle], c.m[TextCoverKicker]
	sH, kH := sm.lineH(), km.lineH()
	sl := c.wrapTied(inline.Runs{{Text: cv.Subtitle, Lang: cv.SubtitleLang}}, sm, cw*0.85)
	room := bottom - 1 - (c.mt + 8 + 6.5 + 8 + 12) - under - detailsH - uh
	var tl []line
	var titleH float64
	for {
		lines := math.Ceil(c.width(cv.Title, tm.Style, tm.Size) / (cw * 0.92))
		if tl = c.coverTitle(cv.Title, cv.TitleLang, tm, cw*0.92, room); tl != nil {
			lines = float64(len(tl))
		}
		titleH = kH + 4 + lines*tm.lineH() + 5 + float64(len(sl))*sH
		if tl != nil && titleH <= room {
			break
		}
		next := c.sc.Below(tm.Size)
		if next < c.m[TextBody].Size || next == tm.Size {
			return false, 0, 0, titleH - room
		}
		tm = tm.at(next)
	}
	minBlock := c.mt + 8 + 6.5 + 8 + titleH + 12
	belowH := under + detailsH + uh + glanceGap + want
	// fit is the block's height with extra mm more under it.
	fit := func(extra float64) float64 {
		b := c.h * coverBlock
		// (a millimetre to spare, for rounding)
		if over := b + belowH + extra - (bottom - 1); over > 0 {
			b = max(minBlock, b-over)
		}
		return b
	}
	noteH := 0.0
	if note != nil {
		noteH = 5 + note.h
	}
	blockH := fit(noteH)
	noteFits = note == nil || blockH+under+detailsH+noteH+uh <= top-6
	if !noteFits {
		blockH = fit(0)
	}

	c.bandFill(blockH, 1.6)
	c.wordmark(cv.Wordmark, c.ml, c.mt+8, coverMarkH, c.col.white)
	y := blockH - min(14, blockH-titleH-c.mt-8-6.5-8) - titleH
	c.fill(c.ml, y+kH/2-0.4, 9, 0.8, c.col.accent)
	c.text(strings.ToUpper(cv.Kicker), km.Style, km.Size, km.Color, c.ml+12, y, kH, P, c.elem(P, 0, ""))
	y += kH + 4
	y += c.setText(tl, c.ml, y, cw, tm, left, Title, c.elem(Title, 0, "")) + 5
	c.setText(sl, c.ml, y, cw, sm, left, P, c.elem(P, 0, ""))

	y = blockH + under
	ly := y
	if cv.Event != "" {
		ly += c.setText(el, c.ml, ly, mw, em, left, P, c.elem(P, 0, ""))
	}
	if cv.When != "" {
		c.setText(dl, c.ml, ly+1, mw, dm, left, P, c.elem(P, 0, ""))
	}
	if cv.Audience != "" {
		e := c.elem(P, 0, "")
		ry := y + c.label(cv.PreparedFor, sx, y, c.col.accentText, P, e) + 1
		c.setText(al, sx, ry, sw, am, left, P, e)
	}
	y += detailsH
	if note != nil && noteFits {
		y += 5
		c.put(note, c.ml, y, 0)
		y += note.h
	}
	if cv.Unofficial != "" {
		y += 4
		y += c.setText(ul, c.ml, y, cw, um, left, Note, c.elem(Note, 0, ""))
	}
	if cv.Source != nil {
		c.rule(c.ml, top-3.5, c.w-c.mr, top-3.5, 0.3, c.col.rule, nil)
		c.sourceBlock(cv.Source, c.ml, top, fh, false)
	}
	return noteFits, y + glanceGap, bottom, 0
}

// wrapTied wraps runs in metric m at width w, without a runt where it can:
// when the last of two or more lines holds one word, a measure narrower
// by up to 30% that gives it two without adding a line is taken.
func (c *canvas) wrapTied(runs inline.Runs, m Metric, w float64) []line {
	ls := c.wrapIn(runs, m, w)
	if !runt(ls) {
		return ls
	}
	for k := w - 2; k >= 0.7*w; k -= 2 {
		if t := c.wrapIn(runs, m, k); len(t) == len(ls) && !runt(t) {
			return t
		}
	}
	return ls
}

// runt reports whether the last of two or more lines holds one word.
func runt(ls []line) bool {
	if len(ls) < 2 {
		return false
	}
	var b strings.Builder
	for _, s := range ls[len(ls)-1].spans {
		b.WriteString(s.text)
	}
	return len(strings.Fields(b.String())) == 1
}

// coverTitle wraps the cover's title, in language lang when it is not the
// document's, in metric m at width w, or returns nil when it cannot take
// less than room mm: a title too long for the cover is known from its
// width before it is wrapped, so that a title of thousands of words costs
// no more than its measurement.
func (c *canvas) coverTitle(title, lang string, m Metric, w, room float64) []line {
	if n := math.Floor(room / m.lineH()); c.width(title, m.Style, m.Size) > n*w {
		return nil
	}
	return c.wrapTied(inline.Runs{{Text: title, Lang: lang}}, m, w)
}
