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

// part is a piece of a segment with its width at 1 pt.
type part struct {
	Piece
	w float64
}

// segment is the text between two line-break opportunities, with its
// width at 1 pt without the spaces at its end (w) and with them (full).
type segment struct {
	parts   []part
	w, full float64
	must    bool // a line must break after it
}

// Text is text split at its line-break opportunities and measured, ready
// to be set at any size and width: a paragraph is prepared once and wrapped
// at each size shrink-to-fit tries.
type Text struct {
	set  *Set
	segs []segment
}

// Wrap sets pieces at size pt in lines at most width points wide: see
// Text.Wrap.
func (s *Set) Wrap(pieces []Piece, pt, width float64) []Line {
	return s.Prepare(pieces).Wrap(pt, width)
}

// Prepare splits pieces at the line-break opportunities of Unicode's line
// breaking algorithm (UAX #14: after spaces, after hyphens and dashes,
// between ideographs…) and measures each stretch between them.
func (s *Set) Prepare(pieces []Piece) *Text {
	var all strings.Builder
	for _, p := range pieces {
		all.WriteString(p.Text)
	}
	text := all.String()
	t := &Text{set: s}
	pi, off, pos := 0, 0, 0 // current piece, the offset of its start, the position in text
	state := -1
	for rest := text; rest != ""; {
		var seg string
		var must bool
		seg, rest, must, state = uniseg.FirstLineSegmentInString(rest, state)
		end := pos + len(seg)
		var g segment
		g.must = must && rest != "" && strings.ContainsAny(seg, "\n\r\u2028\u2029\v\f\u0085")
		for pos < end {
			for off+len(pieces[pi].Text) <= pos {
				off += len(pieces[pi].Text)
				pi++
			}
			p := pieces[pi]
			stop := min(end, off+len(p.Text))
			x := part{Piece: Piece{Text: text[pos:stop], Style: p.Style, Link: p.Link}}
			x.w = s.Width(x.Text, p.Style, 1)
			g.parts = append(g.parts, x)
			g.full += x.w
			pos = stop
		}
		g.w = g.full
		for i := len(g.parts) - 1; i >= 0; i-- {
			p := g.parts[i]
			tr := strings.TrimRightFunc(p.Text, isBreakSpace)
			if tr == p.Text {
				break
			}
			g.w -= s.Width(p.Text[len(tr):], p.Style, 1)
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
	segs := t.segs
	var lines []Line
	var cur []segment
	curW := 0.0 // cur's width, the last segment's trailing spaces left out
	emit := func() {
		lines = append(lines, t.makeLine(cur, pt))
		cur, curW = cur[:0:0], 0
	}
	var carry *segment // the rest of a segment split across lines
	for k := 0; k < len(segs) || carry != nil; {
		var g segment
		if carry != nil {
			g, carry = *carry, nil
		} else {
			g = segs[k]
			k++
		}
		if len(cur) > 0 {
			last := cur[len(cur)-1]
			if curW+last.full-last.w+g.w > w+slack {
				emit()
			}
		}
		if len(cur) == 0 && g.w > w+slack {
			head, tail := t.split(g, w)
			if len(tail.parts) > 0 {
				cur = append(cur, head)
				emit()
				carry = &tail
				continue
			}
		}
		if len(cur) > 0 {
			last := cur[len(cur)-1]
			curW += last.full - last.w
		}
		cur = append(cur, g)
		curW += g.w
		if g.must {
			emit()
		}
	}
	if len(cur) > 0 {
		emit()
	}
	return lines
}

func isBreakSpace(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\r', '\v', '\f', '\u2028', '\u2029', '\u0085':
		return true
	}
	return false
}

// split cuts g after as many characters as fit width ems (at least one),
// for a stretch too long for any line.
func (t *Text) split(g segment, width float64) (head, tail segment) {
	used := 0.0
	for i, p := range g.parts {
		for j, r := range p.Text {
			rw := t.set.faces[p.Style&3].Advance(r)
			if used+rw > width && (i > 0 || j > 0) {
				head.parts = append(head.parts, g.parts[:i]...)
				if j > 0 {
					hp := part{Piece: Piece{Text: p.Text[:j], Style: p.Style, Link: p.Link}}
					hp.w = t.set.Width(hp.Text, p.Style, 1)
					head.parts = append(head.parts, hp)
				}
				tp := part{Piece: Piece{Text: p.Text[j:], Style: p.Style, Link: p.Link}}
				tp.w = p.w - t.set.Width(p.Text[:j], p.Style, 1)
				tail.parts = append([]part{tp}, g.parts[i+1:]...)
				head.w, head.full = used, used
				tail.w, tail.full = g.w-used, g.full-used
				tail.must = g.must
				return head, tail
			}
			used += rw
		}
	}
	return g, segment{}
}

// makeLine merges a line's segments into spans of one style and link at
// size pt, dropping the spaces at the line's end.
func (t *Text) makeLine(segs []segment, pt float64) Line {
	n := 0
	for _, g := range segs {
		n += len(g.parts)
	}
	ps := make([]part, 0, n)
	for _, g := range segs {
		ps = append(ps, g.parts...)
	}
	for len(ps) > 0 {
		last := &ps[len(ps)-1]
		tr := strings.TrimRightFunc(last.Text, isBreakSpace)
		if tr == last.Text {
			break
		}
		if tr != "" {
			last.w -= t.set.Width(last.Text[len(tr):], last.Style, 1)
			last.Text = tr
			break
		}
		ps = ps[:len(ps)-1]
	}
	l := Line{Spans: make([]Span, 0, 2)}
	x := 0.0
	for _, p := range ps {
		if p.Text == "" {
			continue
		}
		w := p.w * pt
		if k := len(l.Spans); k > 0 && l.Spans[k-1].Style == p.Style && l.Spans[k-1].Link == p.Link {
			l.Spans[k-1].Text += p.Text
			l.Spans[k-1].W += w
		} else {
			l.Spans = append(l.Spans, Span{Text: p.Text, Style: p.Style, Link: p.Link, X: x, W: w})
		}
		x += w
	}
	l.W = x
	return l
}
