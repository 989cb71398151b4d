package pdf

import (
	"bytes"
	"fmt"
	"math"
	"strconv"

	"codeberg.org/go-pdf/fpdf"

	"briefing/briefing/layout"
	"briefing/briefing/pdf/finish"
	"briefing/briefing/qrcode"
)

// box draws one box of page i (from 0).
func (dc *drawing) box(b *layout.Box, i int) {
	f := dc.f
	switch b.Kind {
	case layout.Text:
		dc.font(b.Font, b.Size)
		dc.runes[b.Font].add(b.Text)
		dc.textColor(b.Color)
		f.Text(b.X, b.Baseline, b.Text)
	case layout.Fill:
		dc.fillColor(b.Color)
		f.Rect(b.X, b.Y, b.W, b.H, "F")
	case layout.Circle:
		dc.fillColor(b.Color)
		f.Circle(b.X+b.W/2, b.Y+b.H/2, b.W/2, "F")
	case layout.Rule:
		dc.strokeColor(b.Color)
		f.SetLineWidth(b.Stroke)
		if len(b.Dash) > 0 {
			f.SetDashPattern(b.Dash, 0)
		}
		f.Line(b.X, b.Y, b.X+b.W, b.Y+b.H)
		if len(b.Dash) > 0 {
			f.SetDashPattern(nil, 0)
		}
	case layout.Image:
		lg := dc.r.st.Logo
		if lg == nil {
			return
		}
		opt := fpdf.ImageOptions{ImageType: lg.Type, ReadDpi: false}
		if f.GetImageInfo("logo") == nil {
			f.RegisterImageOptionsReader("logo", opt, bytes.NewReader(lg.Data))
		}
		if !f.Err() {
			f.ImageOptions("logo", b.X, b.Y, b.W, b.H, false, opt, 0, "")
		}
	case layout.QR:
		dc.qr(b.Code, b.X, b.Y, b.W, b.Color)
	case layout.LinkArea:
		l := finish.Link{Rect: [4]float64{dc.x(b.X), dc.y(b.Y + b.H), dc.x(b.X + b.W), dc.y(b.Y)}, URI: b.URL}
		if b.URL == "" {
			a, ok := dc.anchors[b.Dest]
			if !ok {
				return
			}
			l.Page, l.Y = a.Page-1, dc.y(a.Y)
		}
		dc.fw.Link(i, l)
		dc.tags.link(b.Elem)
	}
}

// drawn reports whether b draws a mark on the page (a link area and a
// missing logo or QR code draw none).
func (dc *drawing) drawn(b *layout.Box) bool {
	switch b.Kind {
	case layout.LinkArea:
		return false
	case layout.Image:
		return dc.r.st.Logo != nil
	case layout.QR:
		return b.Code != nil
	}
	return true
}

// fillColor makes c the fill colour: its process inks (DeviceCMYK) when
// it has them, else its RGB. fpdf writes a colour each time it is set:
// one already the fill is not set again.
func (dc *drawing) fillColor(c layout.Color) {
	if !dc.set.fill.to(c) {
		return
	}
	dc.f.SetFillColor(int(c.R), int(c.G), int(c.B))
	if c.Process {
		dc.f.RawWriteStr(inks(c) + " k")
	}
}

// strokeColor makes c the stroke colour, as fillColor the fill colour.
func (dc *drawing) strokeColor(c layout.Color) {
	if !dc.set.stroke.to(c) {
		return
	}
	dc.f.SetDrawColor(int(c.R), int(c.G), int(c.B))
	if c.Process {
		dc.f.RawWriteStr(inks(c) + " K")
	}
}

// textColor makes c the colour of the text drawn next. Text is filled
// with the fill colour, set as fillColor sets it (its process inks in a
// document for a print shop): with the text colour the same, fpdf writes
// no colour of its own around each line (a "q … rg … Q" per line).
func (dc *drawing) textColor(c layout.Color) {
	dc.fillColor(c)
	if !dc.set.text.to(c) {
		return
	}
	dc.f.SetTextColor(int(c.R), int(c.G), int(c.B))
}

// inks writes c's process inks as the operands of k and K, 0 to 1.
func inks(c layout.Color) string {
	var b []byte
	for i, v := range c.Ink {
		if i > 0 {
			b = append(b, ' ')
		}
		b = strconv.AppendFloat(b, math.Round(v*10)/1000, 'f', -1, 64)
	}
	return string(b)
}

// qr draws QR code q, size mm square, its modules in colour c: the code's
// rectangles (qrcode.Code.Rects) in module units, placed by one
// transformation.
func (dc *drawing) qr(q *qrcode.Code, x, y, size float64, c layout.Color) {
	if q == nil {
		return
	}
	dc.fillColor(c)
	m := size / float64(q.N) * dc.k
	// fpdf's coordinates: from the page's top left, y down (the bleed's
	// offset is in the page's transformation already).
	dc.f.RawWriteStr(fmt.Sprintf("q %.4f 0 0 %.4f %.2f %.2f cm\n%sQ", m, -m, x*dc.k, dc.h-y*dc.k, qrPath(q)))
}

// qrPath is q's rectangles as PDF operators in module units, each filled on
// its own (rasterisers such as poppler's snap a lone rectangle to whole
// pixels: crisp edges on screen, where one path of them all is blurred) and
// a fiftieth of a module wider and taller than its modules, so that two
// that touch leave no hairline seam.
func qrPath(q *qrcode.Code) string {
	var b []byte
	for _, rc := range q.Rects() {
		b = strconv.AppendInt(b, int64(rc.X), 10)
		b = append(b, ' ')
		b = strconv.AppendInt(b, int64(rc.Y), 10)
		b = append(b, ' ')
		b = strconv.AppendInt(b, int64(rc.W), 10)
		b = append(b, ".02 "...)
		b = strconv.AppendInt(b, int64(rc.H), 10)
		b = append(b, ".02 re f\n"...)
	}
	return string(b)
}
