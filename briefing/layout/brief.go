package layout

import (
	"fmt"
	"math"
	"strings"

	"briefing/briefing/doc"
	"briefing/briefing/inline"
	"briefing/briefing/input"
)

// item is one block of the brief's main column or sidebar, ready to be
// laid out in width w; before is the space above it in the main column,
// in body gaps; para is set for a paragraph, which a short brief may set
// as its lede.
type item struct {
	lay    func(c *canvas, w float64) *frame
	before float64
	para   *doc.Paragraph
	// made are the frames laid out so far, by width and the rest of what
	// they depend on: choose tries several layouts of the page, and most
	// blocks keep their width from one to the next.
	made map[madeKey]*frame
}

// madeKey is what an item's frame depends on: the width, whether it is set
// as the lede, and the quote's size (which choose changes).
type madeKey struct {
	w, quote float64
	lede     bool
}

// frame lays the item out in width w, as the lede when lede is set, or
// returns the frame made so before (frames are not changed once built).
func (it *item) frame(c *canvas, w float64, lede bool) *frame {
	k := madeKey{w: w, quote: c.m[TextQuote].Size, lede: lede}
	if f, ok := it.made[k]; ok {
		return f
	}
	var f *frame
	if p := it.para; lede {
		f = c.para(&doc.Paragraph{Style: doc.ParaLede, Text: p.Text, At: p.At}, w)
	} else {
		f = it.lay(c, w)
	}
	if it.made == nil {
		it.made = map[madeKey]*frame{}
	}
	it.made[k] = f
	return f
}

// briefParts sorts a brief's blocks into the places of its one-page
// layout: the masthead, the title, the main column, the sidebar and the
// source block at the foot. It is a doc.Visitor: a new kind of block
// is a compile error here until the brief knows where it goes.
type briefParts struct {
	mast   *doc.Masthead
	title  *doc.Heading
	main   []item
	side   []item
	quotes []item
	figs   []*doc.Figures
	source *doc.SourceBlock
}

var _ doc.Visitor = (*briefParts)(nil)

func (b *briefParts) Masthead(m *doc.Masthead) error { b.mast = m; return nil }
func (b *briefParts) Cover(*doc.Cover) error {
	return fmt.Errorf("layout: a brief has no cover")
}
func (b *briefParts) Contents(*doc.Contents) error {
	return fmt.Errorf("layout: a brief has no contents")
}
func (b *briefParts) Heading(h *doc.Heading) error {
	if h.Level == 1 && b.title == nil {
		b.title = h
		return nil
	}
	b.main = append(b.main, item{before: 0.8, lay: func(c *canvas, w float64) *frame { return c.heading2(h, w) }})
	return nil
}
func (b *briefParts) Paragraph(p *doc.Paragraph) error {
	b.main = append(b.main, item{para: p, lay: func(c *canvas, w float64) *frame { return c.para(p, w) }})
	return nil
}
func (b *briefParts) List(l *doc.List) error {
	b.main = append(b.main, item{lay: func(c *canvas, w float64) *frame { return c.list(l, w, false) }})
	return nil
}
func (b *briefParts) Figures(f *doc.Figures) error {
	b.side = append(b.side, item{lay: func(c *canvas, w float64) *frame { return c.figuresPanel(f, w) }})
	b.figs = append(b.figs, f)
	return nil
}
func (b *briefParts) PullQuote(q *doc.PullQuote) error {
	// The quote goes under the figures.
	b.quotes = append(b.quotes, item{lay: func(c *canvas, w float64) *frame { return c.quote(q, w) }})
	return nil
}
func (b *briefParts) SourceBlock(x *doc.SourceBlock) error { b.source = x; return nil }

// PageBreak is ignored: a brief is one page.
func (b *briefParts) PageBreak(*doc.PageBreak) error { return nil }

// Brief geometry, in mm; briefGap is the space between the main
// column's blocks, in body lines.
const (
	briefGap = 0.55
	bandH    = 30
	// bandMax is the tallest the band grows for a long statement title;
	// titleAbove is the space between the band and the title.
	bandMax    = 38
	titleAbove = 11.0
	spanGap    = 8
	footerH    = 19
	// footerPad is the space between the footer's rule and its text;
	// footerMax the tallest the footer grows for a long contact.
	footerPad = 3.5
	footerMax = 30
	gutter    = 9
	sidePad   = 5.5
	sideFrac  = 0.34
	// sideNarrow is the side column of a brief whose main text is too
	// long beside a third of the width.
	sideNarrow = 0.29
)

// brief lays out a one-page brief. Every brief of a set has the same
// type: the body never shrinks. The key figures and the quote go in the
// side column, the quote under the figures; a quote too long for it is
// set one step smaller on the type scale. A short brief sets its first
// paragraph as a lede, its quote one step larger, and gives its blocks
// more air, rather than leaving the foot of the page empty. Every text box
// is measured against its place: the masthead's band and the footer grow
// a little for a long statement title or contact; what still does not
// fit is a *doc.OverflowError at the field to shorten (the statement's
// title, the organisation's name, the contact, the recommendation's title
// or its text).
func (c *canvas) brief() (*Paged, error) {
	var parts briefParts
	if err := doc.Walk(c.d, &parts); err != nil {
		return nil, err
	}
	parts.side = append(parts.side, parts.quotes...)
	rec := c.d.Rec()
	overflow := func(field string, over float64, at input.Place) error {
		return &doc.OverflowError{Rec: rec.Number, Title: c.d.BriefTitle(), Paper: c.d.Meta.Paper, Field: field, Overflow: over, At: at}
	}
	mast := mastLines{h: bandH}
	if m := parts.mast; m != nil {
		var over float64
		var name bool
		if mast, over, name = c.mastFit(m); name {
			return nil, overflow("the organisation's name", 0, m.Wordmark.At)
		} else if over > 0 {
			return nil, overflow("the statement's title", over, m.At)
		}
	}
	// The contact, date and notes beside the QR code keep within the
	// footer, which grows for them up to footerMax.
	foot := float64(footerH)
	var contactAt input.Place
	if src := parts.source; src != nil {
		if src.Contact != nil {
			contactAt = src.Contact.At
		}
		_, h := c.aside(src)
		if h > footerMax-footerPad {
			return nil, overflow("the contact", h-(footerMax-footerPad), contactAt)
		}
		foot = max(footerH, h+footerPad)
	}
	top := c.briefTop(parts.title, mast.h, foot)
	if t := parts.title; t != nil && len(top.tl) > titleLines {
		return nil, overflow("the recommendation's title", float64(len(top.tl)-titleLines)*top.tH, t.At)
	}
	col, over := c.choose(&parts, top)
	if col == nil {
		// The band grew for a long statement title, or the footer for a
		// long contact: when the brief fits with a band or a footer of the
		// usual height, that is what to shorten.
		if mast.h > bandH {
			if fits, _ := c.choose(&parts, c.briefTop(parts.title, bandH, foot)); fits != nil {
				return nil, overflow("the statement's title", over, parts.mast.At)
			}
		}
		if foot > footerH {
			if fits, _ := c.choose(&parts, c.briefTop(parts.title, mast.h, footerH)); fits != nil {
				return nil, overflow("the contact", over, contactAt)
			}
		}
		return nil, overflow("", over, rec.Body)
	}
	c.air(col)
	c.begin()
	c.out.Total = 1
	c.addPage()
	c.placeAll(c.briefPage(&parts, &mast, top, col), 0, 0)
	c.out.Brief = &BriefChoice{Side: col.sideW / (c.w - c.ml - c.mr), Span: col.span, Lede: col.lede, Quote: c.m[TextQuote].Size, Band: mast.h, Foot: top.foot}
	if len(parts.quotes) == 0 {
		c.out.Brief.Quote = 0
	}
	if t := parts.title; t != nil {
		c.out.Anchors[t.Anchor] = Dest{Page: 1, Y: top.anchor + col.drop}
	}
	return c.out, nil
}

// BriefChoice is how the layout set a one-page brief, for an exporter that
// lays the page out itself (the DOCX writer) to follow: the same columns,
// quote size and lede.
type BriefChoice struct {
	// Side is the side column's share of the text width (0 for none);
	// Span is set when the key figures span the page above the columns.
	Side float64 `json:"side"`
	Span bool    `json:"span,omitempty"`
	// Lede is set when the first paragraph is set as a lede.
	Lede bool `json:"lede,omitempty"`
	// Quote is the pull quote's size in points (0 for no quote): the
	// scale's quote step, one step smaller for a long quote, one larger
	// on a short brief.
	Quote float64 `json:"quote,omitempty"`
	// Band and Foot are the heights of the masthead's band and of the
	// footer, in mm: each grows for a long statement title or contact.
	Band float64 `json:"band"`
	Foot float64 `json:"foot"`
}

// choose picks the brief's layout, in this order of preference: the
// quote at its size, then one step smaller on the scale; the side column a
// third of the width, then narrower (sideNarrow, for a long main text).
// At each, the key figures span the page above the columns when the main
// text is much shorter than the side column and that leaves less of the
// page empty; and a brief that still leaves a fifth of its columns empty
// sets its first paragraph as a lede and, when that is not enough, its
// quote one step larger in a wider side column (quoteUp). It returns nil
// and by how much the brief is too long at best when nothing fits.
func (c *canvas) choose(b *briefParts, top briefTop) (*columns, float64) {
	q0 := c.m[TextQuote]
	over := math.Inf(1)
	for _, down := range []bool{false, true} {
		if down {
			if len(b.quotes) == 0 {
				break
			}
			c.m[TextQuote] = q0.at(c.sc.Below(q0.Size))
		}
		for _, frac := range []float64{sideFrac, sideNarrow} {
			col := c.columns(b, top, false, false, frac)
			over = min(over, col.over)
			if len(b.figs) > 0 && (col.over > 0 || col.mh < col.sh*spanBelow) {
				if s := c.columns(b, top, false, true, frac); s.over <= 0 && (col.over > 0 || s.empty() < col.empty()) {
					col = s
				}
			}
			if col.over > 0 {
				continue
			}
			if col.empty() > shortBrief {
				if l := c.columns(b, top, true, col.span, frac); l.over <= 0 {
					col = l
				}
			}
			if !down && col.empty() > shortBrief && len(b.quotes) > 0 {
				col = c.quoteUp(b, top, col)
			}
			return col, 0
		}
	}
	return nil, over
}

// quoteUp is col with the quote set one step larger on the scale, in the
// widest side column, from sideWide down to a third of the width, that
// fits and leaves at least quoteUpGain less of the columns empty; col
// itself when none does. A short recommendation lets its quote speak,
// rather than leave the foot of the page blank: no words are added, and
// the body keeps its size. The widest column comes first because the
// larger quote's lines are short: at a third of the width they hold about
// 20 characters, and rag badly.
func (c *canvas) quoteUp(b *briefParts, top briefTop, col *columns) *columns {
	q0 := c.m[TextQuote]
	up := c.sc.AtLeast(q0.Size + 0.01)
	if up <= q0.Size {
		return col
	}
	c.m[TextQuote] = q0.at(up)
	for _, frac := range []float64{sideWide, sideMid, sideFrac} {
		if s := c.columns(b, top, col.lede, col.span, frac); s.over <= 0 && s.empty() <= col.empty()-quoteUpGain {
			return s
		}
	}
	c.m[TextQuote] = q0
	return col
}

// sideMid and sideWide are the wider side columns a quote set larger may
// take; quoteUpGain is the least share of the columns' area it must fill
// to be set larger.
const (
	sideMid     = 0.38
	sideWide    = 0.42
	quoteUpGain = 0.05
)

// shortBrief is the share of the columns' area a brief leaves empty
// before it sets its first paragraph as a lede; spanBelow is how much
// shorter than the side column the main text is before the key figures
// may span the page.
const (
	shortBrief = 0.2
	spanBelow  = 0.6
)

// empty is the share of the columns' area left empty.
func (col *columns) empty() float64 {
	if col.room <= 0 {
		return 0
	}
	m := max(col.room-col.top-col.mh, 0) * col.mainW
	s := max(col.room-col.top-col.sh, 0) * col.sideW
	return (m + s) / (col.room * (col.mainW + col.sideW))
}

// air spreads what the columns leave empty, so that a short brief reads
// as set with space rather than as a page left unfinished: up to half a
// body line more between the main column's blocks; the quote moved down
// level with the end of the main text; then of what is still empty, some
// under the spanning key figures and some above the title (the page's
// foot keeps the rest).
func (c *canvas) air(col *columns) {
	free := -col.over
	if free <= 0 {
		return
	}
	if n := len(col.main) - 1; n > 0 {
		extra := min(free/float64(n), airGap*c.m[TextBody].lineH())
		for i := 1; i < len(col.main); i++ {
			col.ys[col.main[i]] += float64(i) * extra
		}
		col.mh += float64(n) * extra
	}
	if n := len(col.side); n > 1 && col.sh < col.mh {
		extra := (col.mh - col.sh) / float64(n-1)
		for i := 1; i < n; i++ {
			col.ys[col.side[i]] += float64(i) * extra
		}
		col.sh = col.mh
	}
	free = col.room - col.top - max(col.mh, col.sh)
	if free <= 0 {
		return
	}
	if col.span {
		under := min(free*airUnder, airUnderMax)
		for _, i := range append(append([]int(nil), col.main...), col.side...) {
			col.ys[i] += under
		}
		free -= under
	}
	col.drop = min(free*airAbove, airAboveMax)
	for i := range col.ys {
		col.ys[i] += col.drop
	}
}

// How air is spread on a short brief: airGap body lines at most between
// the main column's blocks; of what is still empty, airUnder (at most
// airUnderMax mm) under spanning key figures and airAbove (at most
// airAboveMax mm) above the title.
const (
	airGap      = 0.5
	airUnder    = 0.25
	airUnderMax = 8.0
	airAbove    = 0.45
	airAboveMax = 22.0
)

// titleLines is the most lines a brief's title may take: a longer title
// is an overflow at the title, not at the text it would push off the
// page.
const titleLines = 6

// briefTop is where the brief's title goes and where its columns start,
// under a band band high, above a footer foot high.
type briefTop struct {
	band    float64
	foot    float64
	kH, tH  float64
	tl      []line
	anchor  float64
	columns float64
}

// briefTop lays out the brief's title under the band.
func (c *canvas) briefTop(t *doc.Heading, band, foot float64) briefTop {
	y := band + titleAbove
	b := briefTop{band: band, foot: foot}
	if t == nil {
		b.columns = y
		return b
	}
	if t.Kicker != "" {
		b.kH = c.m[TextKicker].lineH()
		y += b.kH + kickerAfter
	}
	b.anchor = y
	b.tH = c.m[TextTitle].lineH()
	b.tl = c.wrapIn(t.Text, c.m[TextTitle], c.w-c.ml-c.mr)
	y += float64(len(b.tl))*b.tH + titleGap
	b.columns = y
	return b
}

// columns is the brief's main column and sidebar laid out: each block's
// frame and its place, which frames are in which column, their heights,
// the height they have (room) and by how much the page is too long (≤ 0
// when it fits).
type columns struct {
	frames     []*frame
	xs, ys     []float64
	main, side []int
	mh, sh     float64
	room, over float64
	// mainW and sideW are the columns' widths; with span set, the key
	// figures span both, top high, above them.
	mainW, sideW float64
	span, lede   bool
	top          float64
	// drop is the air above the title (see air).
	drop float64
}

// columns lays out the brief's two columns under the title; with lede
// set, the first paragraph is set as a lede.
func (c *canvas) columns(b *briefParts, top briefTop, lede, span bool, frac float64) *columns {
	cw := c.w - c.ml - c.mr
	y := top.columns
	bottom := c.h - c.mb - top.foot - 6
	mainW, sideX, sideW := cw, 0.0, 0.0
	if len(b.side) > 0 {
		sideW = cw * frac
		mainW = cw - sideW - gutter
		sideX = c.ml + mainW + gutter
	}
	col := &columns{mainW: mainW, sideW: sideW, span: span, lede: lede}
	side := b.side
	// Spanning key figures are placed above the columns but join the
	// frames after the main text, as in the model: the frames' order is
	// the reading order (the structure tree's), their places the page's.
	var figs []*frame
	var figYs []float64
	if span {
		for _, f := range b.figs {
			fr := c.figuresRow(f, cw)
			figs, figYs = append(figs, fr), append(figYs, y+col.top)
			col.top += fr.h + spanGap
		}
		side = b.quotes
	}
	col.room = bottom - y
	y += col.top
	gap := c.m[TextBody].lineH() * briefGap
	for i := range b.main {
		it := &b.main[i]
		if i > 0 {
			col.mh += gap
		}
		col.mh += gap * it.before
		p := it.para
		f := it.frame(c, mainW, lede && i == 0 && p != nil && p.Style == doc.ParaBody)
		col.main = append(col.main, len(col.frames))
		col.frames, col.xs, col.ys = append(col.frames, f), append(col.xs, c.ml), append(col.ys, y+col.mh)
		col.mh += f.h
	}
	for i, fr := range figs {
		col.frames, col.xs, col.ys = append(col.frames, fr), append(col.xs, c.ml), append(col.ys, figYs[i])
	}
	for i := range side {
		if i > 0 {
			col.sh += sideGap
		}
		f := side[i].frame(c, sideW, false)
		col.side = append(col.side, len(col.frames))
		col.frames, col.xs, col.ys = append(col.frames, f), append(col.xs, sideX), append(col.ys, y+col.sh)
		col.sh += f.h
	}
	col.over = col.top + max(col.mh, col.sh) - col.room
	return col
}

// briefPage lays out the brief's page: the band, the title, the columns
// and the source block at the foot.
func (c *canvas) briefPage(b *briefParts, mast *mastLines, top briefTop, col *columns) *frame {
	return c.build(c.w, c.h, func() {
		cw := c.w - c.ml - c.mr
		if b.mast != nil {
			c.masthead(b.mast, mast)
		}
		if t := b.title; t != nil {
			if t.Kicker != "" {
				y := top.band + titleAbove + col.drop
				kH := top.kH
				c.fill(c.ml, y+kH/2-0.35, 7, 0.7, c.col.accent)
				km := c.m[TextKicker]
				c.text(strings.ToUpper(t.Kicker), km.Style, km.Size, km.Color, c.ml+9, y, kH, P, c.elem(P, 0, ""))
			}
			c.setText(top.tl, c.ml, top.anchor+col.drop, cw, c.m[TextTitle], left, H1, c.elem(H1, 0, ""))
		}
		for i, f := range col.frames {
			c.put(f, col.xs[i], col.ys[i], 0)
		}
		if b.source != nil {
			fy := c.h - c.mb - top.foot
			c.rule(c.ml, fy, c.w-c.mr, fy, 0.3, c.col.rule, nil)
			c.sourceBlock(b.source, c.ml, fy+footerPad, top.foot-footerPad, true)
		}
	})
}

// figuresPanel lays out the key figures stacked in a tinted panel.
func (c *canvas) figuresPanel(f *doc.Figures, w float64) *frame {
	col := c.figuresColumn(f, w-2*sidePad)
	h := col.h + 2*sidePad
	return c.build(w, h, func() {
		c.fill(0, 0, w, h, c.col.light)
		c.fill(0, 0, w, panelBar, c.col.accent)
		c.put(col, sidePad, sidePad+0.5, 0)
	})
}

// mastLines is the masthead's text laid out: the label, the statement's
// title in metric tm and the event line, the x and width of the box they
// are set in, right of the wordmark, and the band's height h.
type mastLines struct {
	kl, tl, el []line
	tm         Metric
	x, w, h    float64
}

// Masthead geometry, in mm (the wordmark's height is briefMarkH): the
// space between the wordmark and the text, the least space above and below
// the text in the band, the measure a statement title keeps to when it
// can, and the space above the event line.
const (
	markGap     = 12
	bandPad     = 2.5
	mastMeasure = 105
	mastLineGap = 0.8
)

// mastFit lays out the masthead's text within the band: the statement's
// title at its measure, else across the width right of the wordmark, else
// one step smaller on the scale, the first of these that fits a band
// bandH high; else the first that fits a band grown up to bandMax. It
// returns by how much the text is too tall for the tallest band at best
// (> 0: it does not fit), and name set when what does not fit is the
// organisation's name, in the wordmark. Its time is linear in the title's
// length.
func (c *canvas) mastFit(m *doc.Masthead) (ml mastLines, over float64, name bool) {
	var wm float64
	var fits bool
	c.build(0, 0, func() { wm, fits = c.wordmark(m.Wordmark, c.ml, bandH/2, briefMarkH, c.col.white) })
	ml = mastLines{h: bandH}
	if !fits {
		return ml, math.Inf(1), true
	}
	ml.x = c.ml + wm + markGap
	ml.w = c.w - c.mr - ml.x
	km, em := c.m[TextBandLabel], c.m[TextBandLine]
	ml.kl = c.wrapIn(plain(strings.ToUpper(m.Label)), km, ml.w)
	ml.el = c.wrapIn(plain(m.Line), em, ml.w)
	fixed := float64(len(ml.kl))*km.lineH() + mastLineGap + float64(len(ml.el))*em.lineH()
	tm := c.m[TextBandTitle]
	over = math.Inf(1)
	for _, band := range []float64{bandH, bandMax} {
		room := band - c.bandTop() - 2*bandPad - fixed
		for _, try := range []struct {
			pt, w float64
		}{{tm.Size, min(ml.w, mastMeasure)}, {tm.Size, ml.w}, {c.sc.Below(tm.Size), ml.w}} {
			mt := tm.at(try.pt)
			// A title that cannot fit is known before it is wrapped: a
			// line holds at most the box's width of text.
			tw := c.width(m.Statement, mt.Style, mt.Size)
			if n := math.Floor(room/mt.lineH() + 1e-9); tw > n*try.w+1e-9 {
				over = min(over, max(math.Ceil(tw/try.w)*mt.lineH()-room, 0.1))
				continue
			}
			tl := c.wrapIn(inline.Runs{{Text: m.Statement, Lang: m.StatementLang}}, mt, try.w)
			h := float64(len(tl)) * mt.lineH()
			if h <= room+1e-9 {
				ml.tl, ml.tm = tl, mt
				ml.h = max(bandH, h+fixed+2*bandPad+c.bandTop())
				return ml, 0, false
			}
			over = min(over, h-room)
		}
	}
	return ml, over, false
}

// masthead lays out the brand band: the wordmark on the left; the
// document type, statement title, event and date on the right, as mastFit
// laid them out, centred in the band.
func (c *canvas) masthead(m *doc.Masthead, ml *mastLines) {
	top := c.bandTop()
	c.bandFill(ml.h, 1.1)
	c.wordmark(m.Wordmark, c.ml, (top+ml.h)/2, briefMarkH, c.col.white)
	km, tm, em := c.m[TextBandLabel], ml.tm, c.m[TextBandLine]
	h := float64(len(ml.kl))*km.lineH() + float64(len(ml.tl))*tm.lineH() + mastLineGap + float64(len(ml.el))*em.lineH()
	y := top + (ml.h-top-h)/2
	y += c.setText(ml.kl, ml.x, y, ml.w, km, right, P, c.elem(P, 0, ""))
	y += c.setText(ml.tl, ml.x, y, ml.w, tm, right, P, c.elem(P, 0, "")) + mastLineGap
	c.setText(ml.el, ml.x, y, ml.w, em, right, P, c.elem(P, 0, ""))
}
