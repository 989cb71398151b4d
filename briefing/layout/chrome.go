package layout

import (
	"fmt"
	"sort"
	"strings"

	"briefing/briefing/doc"
	"briefing/briefing/font"
	"briefing/briefing/inline"
	"briefing/briefing/style"
)

// wordmark lays out the organisation's mark with its left edge at x,
// vertically centred on cy, at most h high, in colour col: the brand's
// logo, or a typographic wordmark (short name in bold, an accent rule, the
// full name in at most two lines). It is one Figure, read by its
// alternative text. It returns the width used, and false when the
// typographic wordmark is wider than markMax of the text width or its name
// takes more than two lines (it is then set as best it can be).
func (c *canvas) wordmark(wm doc.Wordmark, x, cy, h float64, col Color) (float64, bool) {
	e := c.elem(Figure, 0, wm.Alt)
	if wm.Logo {
		lg := c.st.Logo
		if lg == nil || lg.Height == 0 {
			return 0, true
		}
		w := h * float64(lg.Width) / float64(lg.Height)
		c.add(Box{Kind: Image, Role: Figure, Elem: e, X: x, Y: cy - h/2, W: w, H: h})
		return w, true
	}
	most := (c.w - c.ml - c.mr) * markMax
	// The short name fills the mark's height, at the nearest step of the
	// type scale; the full name is a third of it.
	pt := c.sc.Nearest(h / MMPerPt * 0.95)
	sw := 0.0
	if wm.Short != "" {
		c.text(wm.Short, font.Bold, pt, col, x, cy-h/2, h, Figure, e)
		sw = c.width(wm.Short, font.Bold, pt)
	}
	if wm.Name == "" || wm.Name == wm.Short {
		return sw, sw <= most
	}
	bx := x + sw + 2.6
	if sw == 0 {
		bx = x
	}
	c.fill(bx, cy-h*0.36, 0.9, h*0.72, c.col.accent)
	npt := c.sc.Nearest(pt * 0.34)
	nH := lh(npt, 1.2)
	room := max(most-(bx+3.3-x), 1)
	ls := c.wrap(plain(wm.Name), font.Regular, npt, min(c.width(wm.Name, font.Regular, npt)*0.62, room))
	if len(ls) > 2 {
		ls = c.wrap(plain(wm.Name), font.Regular, npt, room)
	}
	ok := len(ls) <= 2 && bx+3.3-x < most
	nh := float64(len(ls)) * nH
	nw := 0.0
	for _, l := range ls {
		nw = max(nw, l.w)
	}
	c.lines(ls, bx+3.3, cy-nh/2, nw, npt, nH, col, left, Figure, e)
	return bx + 3.3 + nw - x, ok
}

// markMax is the most of the text width a typographic wordmark takes.
const markMax = 0.45

// qrMin is the smallest a QR code is printed, in mm, its quiet zone
// included.
const qrMin = 20

// sourceBlock lays out the QR code to the source with its label, the
// address and the footer line beside it, from x at top y, size mm high;
// the contact, date, document line and unofficial note go right-aligned in
// the right half when aside is set, else the contact follows the footer
// line.
func (c *canvas) sourceBlock(b *doc.SourceBlock, x, y, size float64, aside bool) {
	se := c.elem(Section, 0, "")
	if b.URL != "" {
		qs := size
		if b.QR != nil {
			// At least qrMin with its quiet zone of four modules a side (which
			// the white around it gives): a long address makes a denser
			// code, set a little larger than size.
			qs = max(size, qrMin*float64(b.QR.N)/float64(b.QR.N+8))
		}
		c.add(Box{Kind: QR, Role: Figure, Elem: c.elem(Figure, se, b.Label+": "+b.URL), X: x, Y: y, W: qs, H: qs, Text: b.URL, Color: c.col.text, Code: b.QR})
		x += qs + 4
	}
	sm := c.m[TextSource]
	pt, lineH := sm.Size, sm.lineH()
	var contact inline.Runs
	if b.Contact != nil {
		contact = b.Contact.Runs()
	}
	n := 0
	for _, s := range []string{b.Label, b.Address, b.Footer} {
		if s != "" {
			n++
		}
	}
	if !aside && contact != nil {
		n++
	}
	yy := y + (size-float64(n)*lineH)/2
	if b.URL != "" {
		e := c.elem(P, se, "")
		if b.Address == "" {
			// The label names the address: it carries the link.
			c.lines([]line{{spans: []span{{text: b.Label, style: font.Bold, link: b.URL, w: c.width(b.Label, font.Bold, pt)}}}}, x, yy, 80, pt, lineH, c.col.text, left, P, e)
		} else {
			c.text(b.Label, font.Bold, pt, c.col.text, x, yy, lineH, P, e)
			yy += lineH
			c.lines([]line{{spans: []span{{text: b.Address, link: b.URL, w: c.width(b.Address, font.Regular, pt)}}}}, x, yy, 80, pt, lineH, c.col.primary, left, P, e)
		}
		yy += lineH
	}
	if b.Footer != "" {
		c.text(b.Footer, font.Regular, pt, c.col.muted, x, yy, lineH, P, c.elem(P, se, ""))
		yy += lineH
	}
	if !aside {
		if contact != nil {
			c.lines(c.wrap(contact, font.Regular, pt, c.w-c.mr-x), x, yy, c.w-c.mr-x, pt, lineH, c.col.text, left, P, c.elem(P, se, ""))
		}
		return
	}
	rows, h := c.aside(b)
	rx, rw := c.w/2, c.w/2-c.mr
	ry := y + max(size-h, 0)/2
	for _, r := range rows {
		ry += c.lines(r.ls, rx, ry, rw, r.pt, r.lineH, r.col, right, P, c.elem(P, se, ""))
	}
}

// asideRow is a row of the source block's right half, wrapped: its lines
// at size pt, lineH apart, in colour col.
type asideRow struct {
	ls        []line
	pt, lineH float64
	col       Color
}

// aside lays out the right half of source block b (the contact, date,
// document line and unofficial note, right-aligned in half the page's
// width) and returns its rows and their height, so that the brief can
// measure it against its footer.
func (c *canvas) aside(b *doc.SourceBlock) ([]asideRow, float64) {
	sm := c.m[TextSource]
	pt, lineH := sm.Size, sm.lineH()
	var contact inline.Runs
	if b.Contact != nil {
		contact = b.Contact.Runs()
	}
	type row struct {
		s   inline.Runs
		st  font.Style
		col Color
		pt  float64
	}
	// The unofficial-translation notice is the legally important line: in
	// body colour and at least style.NoticeMin (a step of the scale),
	// however small the rest.
	notice := c.sc.AtLeast(max(pt, style.NoticeMin))
	rw := c.w/2 - c.mr
	var rows []asideRow
	h := 0.0
	for _, r := range []row{{contact, font.Regular, c.col.text, pt}, {plain(b.Date), font.Bold, c.col.text, pt}, {plain(b.Doc), font.Regular, c.col.muted, pt}, {plain(b.Unofficial), font.Bold, c.col.text, notice}} {
		if r.s.Plain() == "" {
			continue
		}
		ar := asideRow{ls: c.wrap(r.s, r.st, r.pt, rw), pt: r.pt, lineH: r.pt / pt * lineH, col: r.col}
		rows = append(rows, ar)
		h += float64(len(ar.ls)) * ar.lineH
	}
	return rows, h
}

// running lays out a pack page's running header and footer (artifacts),
// as a frame of the page.
func (c *canvas) running(n, total int) *frame {
	return c.build(c.w, c.h, func() { c.runningText(n, total) })
}

func (c *canvas) runningText(n, total int) {
	rm := c.m[TextRunning]
	pt, lineH := rm.Size, rm.lineH()
	if hd := c.d.Header; hd != nil {
		ty := c.mt - 9
		x := c.ml
		if hd.Lead != "" {
			c.text(hd.Lead, font.Bold, pt, c.col.primary, x, ty, lineH, Artifact, 0)
			x += c.width(hd.Lead, font.Bold, pt) + 2.5
		}
		rx := c.w - c.mr
		if hd.Flag != "" {
			rx -= c.width(hd.Flag, font.Bold, pt)
			c.text(hd.Flag, font.Bold, pt, c.col.accentText, rx, ty, lineH, Artifact, 0)
			rx -= 6
		}
		if s := c.ellipsize(hd.Text, font.Regular, pt, rx-x); s != "" {
			c.text(s, font.Regular, pt, c.col.muted, x, ty, lineH, Artifact, 0)
		}
		c.rule(c.ml, ty+lineH+1.2, c.w-c.mr, ty+lineH+1.2, 0.3, c.col.rule, nil)
	}
	if ft := c.d.Footer; ft != nil {
		fy := c.h - c.mb + 5
		c.rule(c.ml, fy-1.5, c.w-c.mr, fy-1.5, 0.3, c.col.rule, nil)
		c.text(ft.Text, font.Regular, pt, c.col.muted, c.ml, fy, lineH, Artifact, 0)
		if ft.Page != "" {
			pg := fmt.Sprintf(ft.Page, n, total)
			c.text(pg, font.Bold, pt, c.col.text, c.w-c.mr-c.width(pg, font.Bold, pt), fy, lineH, Artifact, 0)
		}
	}
}

// ellipsize returns s, or as many of its words as fit width followed by
// "…", so that a running header never stops mid-phrase without saying so.
// It measures O(log n) prefixes of at most the width's worth of text, so
// that a title of thousands of words costs no more than a short one.
func (c *canvas) ellipsize(s string, st font.Style, pt, width float64) string {
	if c.width(s, st, pt) <= width {
		return s
	}
	// No more words than the width holds of the narrowest (a space).
	words := strings.Fields(s)
	if most := int(width/max(c.width(" ", st, pt), 1e-3)) + 1; len(words) > most {
		words = words[:most]
	}
	cut := func(n int) string {
		return strings.TrimRight(strings.Join(words[:n], " "), ",;:.·-–—") + "…"
	}
	// The longest prefix that fits: prefixes grow with n.
	n := sort.Search(len(words), func(n int) bool { return n > 0 && c.width(cut(n), st, pt) > width }) - 1
	if n < 1 {
		return ""
	}
	return cut(n)
}
