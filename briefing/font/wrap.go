package font

import (
	"strings"

	"github.com/rivo/uniseg"
)

// Piece is a stretch of input text in one style, optionally a link.
type Piece struct {
	Text  string
	Style Style
	Link  string
}

// Span is what a line sets in one go: text in one style and link, starting
// X points from the line's start and W points wide.
type Span struct {
	Text  string
	Style Style
	Link  string
	X, W  float64
}

// Line is one line of set text; W is its width in points, without the
// spaces at its end.
type Line struct {
	Spans []Span
	W     float64
}

// Text returns the line's text.
func (l Line) Text() string {
	var b strings.Builder
	for _, s := range l.Spans {
		b.WriteString(s.Text)
	}
	return b.String()
}

// fitSlack is how far, in points, a line may measure over its width and
// still fit: summing widths in floating point may land a hair over a width
// computed from the whole line's.
const fitSlack = 1e-6

// part is a stretch of a segment in one style and link: text[lo:hi] of
// the prepared text, w its width at 1 pt.
type part struct {
	lo, hi int
	style  Style
	link   string
	w      float64
}

// segment is the text between two line-break opportunities: parts[lo:hi]
// of the prepared text, with its width at 1 pt without the spaces at its
// end (w) and with them (full).
type segment struct {
	lo, hi  int
	w, full float64
	must    bool // a line must break after it
}

// Text is text split at its line-break opportunities and measured, ready
// to be set at any size and width: a paragraph is prepared once and wrapped
// at each size shrink-to-fit tries.
type Text struct {
	set   *Set
	text  string
	parts []part
	segs  []segment
}

// Wrap sets pieces at size pt in lines at most width points wide: see
// Text.Wrap.
func (s *Set) Wrap(pieces []Piece, pt, width float64) []Line {
	return s.Prepare(pieces).Wrap(pt, width)
}

// Prepare splits pieces at the line-break opportunities of Unicode's line
// breaking algorithm (UAX #14: after spaces, after hyphens and dashes,
// between ideographs…) and measures each stretch between them.
//
// The documents of one statement repeat their paragraphs (a pack per
// audience and language, a brief per recommendation), so Prepare
// remembers what it prepared, up to cacheBudget bytes of text (then it
// starts afresh); a Text is read-only and shared.
func (s *Set) Prepare(pieces []Piece) *Text {
	key := keyOf(pieces)
	s.mu.Lock()
	t, ok := s.cache[key]
	s.mu.Unlock()
	if ok {
		return t
	}
	t = s.prepare(pieces)
	s.mu.Lock()
	if s.cached+len(key.text) > cacheBudget {
		clear(s.cache)
		s.cached = 0
	}
	if s.cache == nil {
		s.cache = map[cacheKey]*Text{}
	}
	s.cache[key] = t
	s.cached += len(key.text)
	s.mu.Unlock()
	return t
}

// cacheBudget bounds the text Prepare remembers, in bytes (about 15 times
// as much memory).
const cacheBudget = 256 << 10

// cacheKey names prepared text: one piece by its style and text (no
// allocation for the common case), several by an encoding of them all
// (style -1).
type cacheKey struct {
	style Style
	text  string
}

func keyOf(pieces []Piece) cacheKey {
	if len(pieces) == 1 && pieces[0].Link == "" {
		return cacheKey{pieces[0].Style, pieces[0].Text}
	}
	var b strings.Builder
	for _, p := range pieces {
		b.WriteByte(byte('0' + p.Style))
		b.WriteString(p.Link)
		b.WriteByte(0)
		b.WriteString(p.Text)
		b.WriteByte(0)
	}
	return cacheKey{-1, b.String()}
}

// prepare does Prepare's work.
func (s *Set) prepare(pieces []Piece) *Text {
	var text string
	if len(pieces) == 1 {
		text = pieces[0].Text
	} else {
		var all strings.Builder
		for _, p := range pieces {
			all.WriteString(p.Text)
		}
		text = all.String()
	}
	t := &Text{set: s, text: text, parts: make([]part, 0, len(text)/5+len(pieces)), segs: make([]segment, 0, len(text)/6+1)}
	pi, off, pos := 0, 0, 0 // current piece, the offset of its start, the position in text
	state := -1
	for rest := text; rest != ""; {
		var seg string
		var must bool
		seg, rest, must, state = uniseg.FirstLineSegmentInString(rest, state)
		end := pos + len(seg)
		g := segment{lo: len(t.parts)}
		g.must = must && rest != "" && strings.ContainsAny(seg, "\n\r\u2028\u2029\v\f\u0085")
		for pos < end {
			for off+len(pieces[pi].Text) <= pos {
				off += len(pieces[pi].Text)
				pi++
			}
			p := pieces[pi]
			stop := min(end, off+len(p.Text))
			x := part{lo: pos, hi: stop, style: p.Style, link: p.Link}
			x.w = s.Width(text[pos:stop], p.Style, 1)
			t.parts = append(t.parts, x)
			g.full += x.w
			pos = stop
		}
		g.hi = len(t.parts)
		g.w = g.full
		for i := g.hi - 1; i >= g.lo; i-- {
			p := t.parts[i]
			pt := text[p.lo:p.hi]
			tr := strings.TrimRightFunc(pt, isBreakSpace)
			if tr == pt {
				break
			}
			g.w -= s.Width(pt[len(tr):], p.style, 1)
			if tr != "" {
				break
			}
		}
		t.segs = append(t.segs, g)
	}
	return t
}

// Wrap sets the text at size pt in lines at most width points wide,
// breaking greedily at its line-break opportunities. A stretch without an
// opportunity wider than the line (a long web address) is broken between
// characters.
func (t *Text) Wrap(pt, width float64) []Line {
	w := width / pt // in ems: the segments are measured at 1 pt
	slack := fitSlack / pt
	var lines []Line
	// The line being filled is a run of whole segments, possibly starting
	// with the tail of a split one (from part head, byte from) and ending
	// before a split point.
	type cut struct {
		part, at int // part index and byte offset in text where the line starts
	}
	start := cut{0, 0}
	if len(t.parts) > 0 {
		start = cut{0, t.parts[0].lo}
	}
	curW := 0.0  // width of the line so far, trailing spaces of the last segment left out
	trail := 0.0 // the last segment's trailing spaces
	empty := true
	emit := func(endPart, endAt int) {
		lines = append(lines, t.makeLine(start.part, start.at, endPart, endAt, pt))
		curW, trail, empty = 0, 0, true
	}
	for k := 0; k < len(t.segs); k++ {
		g := t.segs[k]
		gw, gfull := g.w, g.full
		if start.part > g.lo && start.part < g.hi || start.part == g.lo && start.at > t.parts[g.lo].lo {
			// the rest of a segment split on the previous line
			gw, gfull = t.widthFrom(g, start), t.widthFrom(g, start)+g.full-g.w
		}
		if !empty && curW+trail+gw > w+slack {
			last := t.segs[k-1]
			emit(last.hi-1, t.parts[last.hi-1].hi)
			start = cut{g.lo, t.parts[g.lo].lo}
		}
		if empty && gw > w+slack {
			// Break inside the segment between characters.
			pi, at, used := t.fit(start, g, w)
			if pi < g.hi {
				emit(pi, at)
				start = cut{pi, at}
				k--
				continue
			}
			_ = used
		}
		if !empty {
			curW += trail
		}
		curW += gw
		trail = gfull - gw
		empty = false
		if g.must {
			emit(g.hi-1, t.parts[g.hi-1].hi)
			if k+1 < len(t.segs) {
				n := t.segs[k+1]
				start = cut{n.lo, t.parts[n.lo].lo}
			}
		}
	}
	if !empty {
		last := t.segs[len(t.segs)-1]
		emit(last.hi-1, t.parts[last.hi-1].hi)
	}
	return lines
}

// widthFrom is the width at 1 pt of segment g from cut c on, its trailing
// spaces left out.
func (t *Text) widthFrom(g segment, c struct{ part, at int }) float64 {
	w := g.w
	for i := g.lo; i < c.part; i++ {
		w -= t.parts[i].w
	}
	p := t.parts[c.part]
	w -= t.set.Width(t.text[p.lo:c.at], p.style, 1)
	return w
}

// fit returns where, in segment g from cut c, a line width ems wide must
// end: the part and byte offset after as many characters as fit (at least
// one). pi == g.hi when all of it fits.
func (t *Text) fit(c struct{ part, at int }, g segment, width float64) (pi, at int, used float64) {
	first := true
	for i := c.part; i < g.hi; i++ {
		p := t.parts[i]
		from := p.lo
		if i == c.part {
			from = c.at
		}
		f := t.set.faces[p.style&3]
		for j, r := range t.text[from:p.hi] {
			rw := f.Advance(r)
			if used+rw > width && !first {
				return i, from + j, used
			}
			first = false
			used += rw
		}
	}
	return g.hi, 0, used
}

func isBreakSpace(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\r', '\v', '\f', '\u2028', '\u2029', '\u0085':
		return true
	}
	return false
}

// makeLine makes the line of text from part sp at byte sa to part ep at
// byte ea (exclusive) at size pt: spans of one style and link, each a
// slice of the prepared text, without the spaces at the line's end.
func (t *Text) makeLine(sp, sa, ep, ea int, pt float64) Line {
	// Drop the break spaces at the end.
	for ep >= sp {
		p := t.parts[ep]
		lo := p.lo
		if ep == sp {
			lo = sa
		}
		tr := strings.TrimRightFunc(t.text[lo:ea], isBreakSpace)
		if tr != "" {
			ea = lo + len(tr)
			break
		}
		ep--
		if ep >= sp {
			ea = t.parts[ep].hi
		}
	}
	l := Line{Spans: make([]Span, 0, 2)}
	if ep < sp {
		return l
	}
	x := 0.0
	var cur *Span
	curLo := 0
	for i := sp; i <= ep; i++ {
		p := t.parts[i]
		lo, hi := p.lo, p.hi
		if i == sp {
			lo = sa
		}
		if i == ep {
			hi = ea
		}
		if lo >= hi {
			continue
		}
		var w float64
		if lo == p.lo && hi == p.hi {
			w = p.w * pt
		} else {
			w = t.set.Width(t.text[lo:hi], p.style, pt)
		}
		if cur != nil && cur.Style == p.style && cur.Link == p.link {
			cur.Text = t.text[curLo:hi]
			cur.W += w
		} else {
			l.Spans = append(l.Spans, Span{Text: t.text[lo:hi], Style: p.style, Link: p.link, X: x, W: w})
			cur = &l.Spans[len(l.Spans)-1]
			curLo = lo
		}
		x += w
	}
	l.W = x
	return l
}
