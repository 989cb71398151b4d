package layout

import (
	"context"
	"fmt"
	"math"
	"strings"

	"briefing/briefing/doc"
	"briefing/briefing/font"
	"briefing/briefing/inline"
	"briefing/briefing/statement"
	"briefing/briefing/style"
)

// MMPerPt is the millimetres in a point: the layout works in millimetres,
// type sizes are in points, and so are PDF and Word page coordinates.
const MMPerPt = 25.4 / 72

// palette is the brand's colours, resolved. accent is for rules, bars and
// fills; words in the accent's hue use accentText (on white and light) or
// accentOnPrimary (on the primary band), which style.Load checked for
// contrast.
type palette struct {
	primary, accent, accentText, accentOnPrimary, text, muted, light, white, rule Color
}

// newPalette resolves st's colours; with inks set, each colour the brand
// gives process inks for carries them (a print shop's documents).
func newPalette(st *style.Style, inks bool) (palette, error) {
	var p palette
	c := st.Brand.Colors
	k := c.CMYK
	for _, x := range []struct {
		name string
		c    style.Color
		ink  style.Ink
		dst  *Color
	}{{"primary", c.Primary, k.Primary, &p.primary}, {"accent", c.Accent, k.Accent, &p.accent}, {"accent_text", c.AccentText, k.AccentText, &p.accentText}, {"accent_on_primary", c.AccentOnPrimary, k.AccentOnPrimary, &p.accentOnPrimary}, {"text", c.Text, k.Text, &p.text}, {"muted", c.Muted, k.Muted, &p.muted}, {"light", c.Light, k.Light, &p.light}} {
		r, g, b, err := x.c.RGB()
		if err != nil {
			return p, fmt.Errorf("layout: colour %s: %w", x.name, err)
		}
		*x.dst = Color{R: uint8(r), G: uint8(g), B: uint8(b)}
		if inks && len(x.ink) == 4 {
			x.dst.Ink, x.dst.Process = [4]float64(x.ink), true
		}
	}
	p.white = Color{R: 255, G: 255, B: 255}
	if inks {
		// White is no ink: the paper.
		p.white.Process = true
	}
	p.rule = mix(p.light, p.muted, 0.25)
	return p, nil
}

// mix is a between a and b, t of the way to b; its inks are mixed the
// same way when both have them.
func mix(a, b Color, t float64) Color {
	m := func(x, y uint8) uint8 { return uint8(float64(x)*(1-t) + float64(y)*t + 0.5) }
	c := Color{R: m(a.R, b.R), G: m(a.G, b.G), B: m(a.B, b.B)}
	if a.Process && b.Process {
		c.Process = true
		for i := range c.Ink {
			c.Ink[i] = math.Round((a.Ink[i]*(1-t)+b.Ink[i]*t)*10) / 10
		}
	}
	return c
}

// Typesetter lays documents out in one style. New checks the style and
// resolves its colours once per process; a Typesetter is read-only and
// safe for concurrent use.
type Typesetter struct {
	st  *style.Style
	col palette
	// inks is the palette of a print shop's documents: col with the
	// brand's process inks.
	inks palette
}

// New makes a Typesetter for st: it needs the parsed fonts (a Style made
// by style.Load), colours written #rrggbb and a positive body size.
func New(st *style.Style) (*Typesetter, error) {
	if st == nil || st.Type == nil {
		return nil, fmt.Errorf("layout: no fonts (a Style made by style.Load has them)")
	}
	s := st.Layout.Sizes
	if s.Body <= 0 {
		return nil, fmt.Errorf("layout: sizes: want a positive body size, got %g", s.Body)
	}
	col, err := newPalette(st, false)
	if err != nil {
		return nil, err
	}
	inks, _ := newPalette(st, true)
	return &Typesetter{st: st, col: col, inks: inks}, nil
}

// Lay lays d out on d's paper: a brief on one page at the layout's body
// size (a brief too long for it is a *doc.OverflowError), a pack on as
// many pages as it takes.
func (t *Typesetter) Lay(d *doc.Doc) (*Paged, error) {
	return t.lay(context.Background(), d, nil)
}

// LayContext is Lay that stops when ctx is done, with ctx's error (see
// StreamContext).
func (t *Typesetter) LayContext(ctx context.Context, d *doc.Doc) (*Paged, error) {
	return t.lay(ctx, d, nil)
}

// Stream is Lay for long documents: it hands each page to emit as soon
// as the page is laid out, with its number (from 1) and the document so
// far (the anchors of every page are known from the start), and then lets
// the page's boxes go, so that a document of thousands of pages is never
// held whole. The Paged returned has every page, without boxes.
func (t *Typesetter) Stream(d *doc.Doc, emit func(ld *Paged, n int, p *Page) error) (*Paged, error) {
	return t.lay(context.Background(), d, emit)
}

// StreamContext is Stream that stops when ctx is done: it then hands emit
// no more pages and returns ctx's error. It looks at ctx before each
// paragraph it sets and each page it starts, so that a document of any
// length stops within moments of an interrupt.
func (t *Typesetter) StreamContext(ctx context.Context, d *doc.Doc, emit func(ld *Paged, n int, p *Page) error) (*Paged, error) {
	return t.lay(ctx, d, emit)
}

// stopped is what canvas.stop panics with when the document's context is
// done, deep in the layout; lay recovers it and returns err (as go/parser
// bails out).
type stopped struct{ err error }

func (t *Typesetter) lay(ctx context.Context, d *doc.Doc, emit func(*Paged, int, *Page) error) (ld *Paged, err error) {
	defer func() {
		if r := recover(); r != nil {
			s, ok := r.(stopped)
			if !ok {
				panic(r)
			}
			ld, err = nil, s.err
		}
	}()
	pw, ph, ok := d.Meta.Paper.Size()
	if !ok {
		return nil, fmt.Errorf("layout: unknown paper %q", d.Meta.Paper)
	}
	st := t.st
	mg := st.Layout.Margins
	c := &canvas{ctx: ctx, done: ctx.Done(), st: st, fs: st.Type, col: t.col, d: d, w: pw, h: ph, ml: mg.Left, mr: mg.Right, mt: mg.Top, mb: mg.Bottom}
	switch d.Meta.Print {
	case "", statement.PrintScreen:
	case statement.PrintOffice:
		c.edge, c.even = officeEdge, true
	case statement.PrintPress:
		c.bleed, c.slug, c.even, c.col = pressBleed, pressSlug, true, t.inks
	default:
		return nil, fmt.Errorf("layout: unknown print mode %q", d.Meta.Print)
	}
	c.setSizes(SizesAt(st.Layout.Sizes, st.Layout.Sizes.Body))
	c.emit = emit
	switch d.Meta.Kind {
	case statement.KindBrief:
		ld, err = c.brief()
	case statement.KindPack:
		ld, err = c.pack()
	default:
		return nil, fmt.Errorf("layout: unknown document kind %q", d.Meta.Kind)
	}
	if err != nil {
		return nil, err
	}
	if emit != nil && len(ld.Pages) > 0 {
		c.flush(len(ld.Pages) - 1)
	}
	return ld, c.emitErr
}

// canvas is the state of one document being laid out.
type canvas struct {
	// ctx is the document's context, and done its Done channel (nil for
	// one that is never done): see stop.
	ctx  context.Context
	done <-chan struct{}

	st  *style.Style
	fs  *font.Set
	col palette
	d   *doc.Doc
	// w, h are the paper size and ml, mr, mt, mb the margins, in mm.
	w, h           float64
	ml, mr, mt, mb float64
	// edge is the white the band and the cover's block keep from the
	// paper's edge (an office printer's); bleed is how far fills that
	// touch the edge run past it and slug the space past the bleed for
	// the crop marks (a print shop's); even is set when a pack has an
	// even number of pages, for duplex. All 0 and false for a screen.
	edge, bleed, slug float64
	even              bool
	sz                Sizes
	// m is the text metrics at sz, and sc the type scale.
	m  Metrics
	sc Scale

	// out is the document laid out and page the page being filled;
	// fr is the frame being built (see build).
	out  *Paged
	page *Page
	fr   *frame
	// emit, when set, is given each finished page (Stream); emitErr is
	// the first error it returned.
	emit    func(*Paged, int, *Page) error
	emitErr error
}

// begin starts the Paged.
func (c *canvas) begin() {
	c.out = &Paged{W: c.w, H: c.h, Elems: []Elem{{Role: Document}}, Anchors: map[string]Dest{}, Body: c.sz.Body, Bleed: c.bleed, Slug: c.slug}
	c.page = nil
}

// stop ends the layout when the document's context is done, with the
// context's error, or when emit failed, with its error: lay recovers the
// panic. It is called before each paragraph is set and each page started,
// the steps that add up.
func (c *canvas) stop() {
	if c.emitErr != nil {
		panic(stopped{c.emitErr})
	}
	select {
	case <-c.done:
		panic(stopped{c.ctx.Err()})
	default:
	}
}

// addPage starts a page, handing the one before to emit when streaming.
func (c *canvas) addPage() {
	c.stop()
	if c.emit != nil && len(c.out.Pages) > 0 {
		c.flush(len(c.out.Pages) - 1)
	}
	c.out.Pages = append(c.out.Pages, Page{})
	c.page = &c.out.Pages[len(c.out.Pages)-1]
	c.cropMarks()
}

// flush hands page i to emit and lets its boxes go.
func (c *canvas) flush(i int) {
	if c.emitErr == nil {
		c.emitErr = c.emit(c.out, i+1, &c.out.Pages[i])
	}
	c.out.Pages[i].Boxes = nil
}

// elem opens a logical element in the frame being built and returns its
// number there (from 1).
func (c *canvas) elem(r Role, parent int, alt string) int {
	c.fr.elems = append(c.fr.elems, Elem{Role: r, Parent: parent, Alt: alt})
	return len(c.fr.elems)
}

// add adds b to the frame being built.
func (c *canvas) add(b Box) {
	c.fr.add(b)
}

// fill paints a rectangle (an artifact).
func (c *canvas) fill(x, y, w, h float64, col Color) {
	c.add(Box{Kind: Fill, X: x, Y: y, W: w, H: h, Color: col})
}

// rule draws a line (an artifact).
func (c *canvas) rule(x1, y1, x2, y2, width float64, col Color, dash []float64) {
	c.add(Box{Kind: Rule, X: x1, Y: y1, W: x2 - x1, H: y2 - y1, Stroke: width, Color: col, Dash: dash})
}

// setSizes sets the document's type sizes and the metrics at them.
func (c *canvas) setSizes(sz Sizes) {
	c.sz = sz
	c.m = metricsAt(sz, c.col)
	c.sc = scaleOf(sz)
}

// setText sets lines ls in metric m (see lines).
func (c *canvas) setText(ls []line, x, y, w float64, m Metric, a align, r Role, e int) float64 {
	return c.lines(ls, x, y, w, m.Size, m.lineH(), m.Color, a, r, e)
}

// wrapIn wraps runs in metric m's style and size at width mm.
func (c *canvas) wrapIn(runs inline.Runs, m Metric, width float64) []line {
	return c.wrap(runs, m.Style, m.Size, width)
}

// lh is the line height in mm for size pt with leading k.
func lh(pt, k float64) float64 { return pt * k * MMPerPt }

// baseline centres the cap height of size pt in a line box.
func baseline(top, lineH, pt float64) float64 {
	return top + lineH/2 + 0.357*pt*MMPerPt
}

// text sets s at x with its line box's top at y, as part of element e
// with role r (Artifact with e 0).
func (c *canvas) text(s string, st font.Style, pt float64, col Color, x, top, lineH float64, r Role, e int) {
	if s == "" {
		return
	}
	c.add(Box{Kind: Text, Role: r, Elem: e, X: x, Y: top, W: c.width(s, st, pt), H: lineH, Text: s, Font: st, Size: pt, Color: col, Baseline: baseline(top, lineH, pt)})
}

// width returns the width of s in style st at size pt, in mm.
func (c *canvas) width(s string, st font.Style, pt float64) float64 {
	return c.fs.Width(s, st, pt) * MMPerPt
}

// span is a stretch of a line in one style and link, in mm.
type span struct {
	text  string
	style font.Style
	link  string
	x, w  float64
}

// line is one laid-out line of text, in mm.
type line struct {
	spans []span
	w     float64
	// lang is the language of the runs the line is from when it is not
	// the document's (inline.Runs.Lang): the element the line is set in
	// is in that language.
	lang string
}

// wrap sets runs in base style at size pt in lines at most width mm wide.
func (c *canvas) wrap(runs inline.Runs, base font.Style, pt, width float64) []line {
	if len(runs) == 0 {
		return nil
	}
	c.stop()
	ps := make([]font.Piece, len(runs))
	for i, r := range runs {
		ps[i] = font.Piece{Text: r.Text, Style: base.With(r.Bold, r.Italic), Link: r.Link}
	}
	// The font set remembers prepared text: shrink-to-fit wraps the same
	// paragraphs at several sizes, and documents repeat them.
	t := c.fs.Prepare(ps)
	fl := t.Wrap(pt, width/MMPerPt)
	out := make([]line, len(fl))
	lang := runs.Lang()
	for i, l := range fl {
		ln := line{w: l.W * MMPerPt, spans: make([]span, len(l.Spans)), lang: lang}
		for j, s := range l.Spans {
			ln.spans[j] = span{text: s.Text, style: s.Style, link: s.Link, x: s.X * MMPerPt, w: s.W * MMPerPt}
		}
		out[i] = ln
	}
	return out
}

// plain makes runs of a plain string.
func plain(s string) inline.Runs { return inline.Runs{{Text: s}} }

// align is a line alignment.
type align int

const (
	left align = iota
	right
)

// lines sets laid-out lines from top y, lineH apart, as part of element e
// with role r, and returns the height used. Links are set in the primary
// colour, underlined and clickable, each a Link element inside e.
func (c *canvas) lines(ls []line, x, y, w, pt, lineH float64, col Color, a align, r Role, e int) float64 {
	if len(ls) > 0 && ls[0].lang != "" && e > 0 {
		c.fr.elems[e-1].Lang = ls[0].lang
	}
	for i, l := range ls {
		top := y + float64(i)*lineH
		lx := x
		if a == right {
			lx = x + w - l.w
		}
		for _, s := range l.spans {
			if s.link == "" {
				c.add(Box{Kind: Text, Role: r, Elem: e, X: lx + s.x, Y: top, W: s.w, H: lineH, Text: s.text, Font: s.style, Size: pt, Color: col, Baseline: baseline(top, lineH, pt)})
				continue
			}
			le := e
			if r != Artifact {
				le = c.elem(Link, e, "")
			}
			c.add(Box{Kind: Text, Role: Link, Elem: le, X: lx + s.x, Y: top, W: s.w, H: lineH, Text: s.text, Font: s.style, Size: pt, Color: c.col.primary, Baseline: baseline(top, lineH, pt)})
			tw := c.width(strings.TrimRight(s.text, " "), s.style, pt)
			by := baseline(top, lineH, pt) + 0.12*pt*MMPerPt
			c.rule(lx+s.x, by, lx+s.x+tw, by, 0.2, c.col.accent, nil)
			c.add(Box{Kind: LinkArea, Role: Link, Elem: le, X: lx + s.x, Y: top, W: tw, H: lineH, URL: s.link})
		}
	}
	return float64(len(ls)) * lineH
}
