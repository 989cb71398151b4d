package pdf

import (
	"strings"

	"briefing/briefing"
)

const mmPerPt = 25.4 / 72

// piece is a stretch of text in one style without a break opportunity
// inside (part of a word).
type piece struct {
	text  string
	style briefing.FontStyle
	link  string
	w     float64
}

// word is a run of pieces between spaces.
type word struct {
	pieces []piece
	w      float64
	// space is the width of the space after the word (in its last style).
	space float64
}

// span is what a line draws in one call: text in one style and link.
type span struct {
	text  string
	style briefing.FontStyle
	link  string
	x, w  float64 // x from the line's start
}

// line is one laid-out line of text.
type line struct {
	spans []span
	w     float64
}

// styleOf combines a base style with a run's bold and italic.
func styleOf(base briefing.FontStyle, bold, italic bool) briefing.FontStyle {
	b := bold || base == briefing.Bold || base == briefing.BoldItalic
	i := italic || base == briefing.Italic || base == briefing.BoldItalic
	switch {
	case b && i:
		return briefing.BoldItalic
	case b:
		return briefing.Bold
	case i:
		return briefing.Italic
	}
	return briefing.Regular
}

// words splits runs into words, measured at size pt.
func (fs *fontSet) words(runs briefing.Runs, base briefing.FontStyle, pt float64) []word {
	var out []word
	var cur word
	flush := func(space float64) {
		if len(cur.pieces) > 0 {
			cur.space = space
			out = append(out, cur)
		}
		cur = word{}
	}
	for _, r := range runs {
		st := styleOf(base, r.Bold, r.Italic)
		t := r.Text
		for len(t) > 0 {
			i := strings.IndexByte(t, ' ')
			part := t
			if i >= 0 {
				part = t[:i]
			}
			if part != "" {
				w := fs.width(part, st, pt)
				cur.pieces = append(cur.pieces, piece{text: part, style: st, link: r.Link, w: w})
				cur.w += w
			}
			if i < 0 {
				break
			}
			flush(fs.width(" ", st, pt))
			t = t[i+1:]
		}
	}
	flush(0)
	return out
}

// fitSlack is how far, in mm, a line may measure over its width and still
// fit: summing word widths in floating point may land a hair over a width
// computed from the whole line's.
const fitSlack = 1e-6

// wrap lays runs out in lines no wider than width (mm) at size pt.
func (fs *fontSet) wrap(runs briefing.Runs, base briefing.FontStyle, pt, width float64) []line {
	ws := fs.words(runs, base, pt)
	var lines []line
	var cur []word
	curW := 0.0
	emit := func() {
		if len(cur) > 0 {
			lines = append(lines, makeLine(cur))
		}
		cur, curW = nil, 0
	}
	for k := 0; k < len(ws); k++ {
		w := ws[k]
		if len(cur) > 0 && curW+cur[len(cur)-1].space+w.w > width+fitSlack {
			emit()
		}
		if len(cur) == 0 && w.w > width+fitSlack {
			// A word wider than the line (an address): break it where it
			// fills the line.
			head, tail := fs.split(w, pt, width)
			if len(tail.pieces) > 0 {
				lines = append(lines, makeLine([]word{head}))
				ws[k] = tail
				k--
				continue
			}
		}
		if len(cur) > 0 {
			curW += cur[len(cur)-1].space
		}
		cur = append(cur, w)
		curW += w.w
	}
	emit()
	return lines
}

// split cuts w, set at size pt, after as many runes as fit in width (at
// least one).
func (fs *fontSet) split(w word, pt, width float64) (head, tail word) {
	used := 0.0
	for i, p := range w.pieces {
		for j, r := range p.text {
			rw := fs.width(string(r), p.style, pt)
			if used+rw > width && (i > 0 || j > 0) {
				hp := piece{text: p.text[:j], style: p.style, link: p.link}
				tp := piece{text: p.text[j:], style: p.style, link: p.link}
				hp.w = fs.width(hp.text, p.style, pt)
				tp.w = p.w - hp.w
				head.pieces = append(append(head.pieces, w.pieces[:i]...), hp)
				if hp.text == "" {
					head.pieces = head.pieces[:len(head.pieces)-1]
				}
				tail.pieces = append([]piece{tp}, w.pieces[i+1:]...)
				head.w = used
				tail.w = w.w - used
				tail.space = w.space
				return head, tail
			}
			used += rw
		}
	}
	return w, word{}
}

// makeLine merges a line's words into spans of one style and link.
func makeLine(ws []word) line {
	var l line
	x := 0.0
	var sb strings.Builder
	var cur *span
	for i, w := range ws {
		for j, p := range w.pieces {
			if cur == nil || cur.style != p.style || cur.link != p.link {
				if cur != nil {
					cur.text = sb.String()
					l.spans = append(l.spans, *cur)
				}
				sb.Reset()
				cur = &span{style: p.style, link: p.link, x: x}
			}
			sb.WriteString(p.text)
			cur.w += p.w
			x += p.w
			if j == len(w.pieces)-1 && i < len(ws)-1 {
				sb.WriteByte(' ')
				cur.w += w.space
				x += w.space
			}
		}
	}
	if cur != nil {
		cur.text = sb.String()
		l.spans = append(l.spans, *cur)
	}
	l.w = x
	return l
}

// plain makes runs of a plain string.
func plain(s string) briefing.Runs { return briefing.Runs{{Text: s}} }
