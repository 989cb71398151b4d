package pdf

import (
	"bytes"

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
		f.SetTextColor(int(b.Color.R), int(b.Color.G), int(b.Color.B))
		f.Text(b.X, b.Baseline, b.Text)
	case layout.Fill:
		f.SetFillColor(int(b.Color.R), int(b.Color.G), int(b.Color.B))
		f.Rect(b.X, b.Y, b.W, b.H, "F")
	case layout.Circle:
		f.SetFillColor(int(b.Color.R), int(b.Color.G), int(b.Color.B))
		f.Circle(b.X+b.W/2, b.Y+b.H/2, b.W/2, "F")
	case layout.Rule:
		f.SetDrawColor(int(b.Color.R), int(b.Color.G), int(b.Color.B))
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
		k := dc.k
		l := finish.Link{Rect: [4]float64{b.X * k, dc.h - (b.Y+b.H)*k, (b.X + b.W) * k, dc.h - b.Y*k}, URI: b.URL}
		if b.URL == "" {
			a, ok := dc.anchors[b.Dest]
			if !ok {
				return
			}
			l.Page, l.Y = a.Page-1, dc.h-a.Y*k
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

// qr draws QR code q, size mm square, its modules in colour c: a
// rectangle per run of dark modules in a row.
func (dc *drawing) qr(q *qrcode.Code, x, y, size float64, c layout.Color) {
	if q == nil {
		return
	}
	m := size / float64(q.N)
	dc.f.SetFillColor(int(c.R), int(c.G), int(c.B))
	q.Runs(func(row, i, k int) {
		dc.f.Rect(x+float64(i)*m, y+float64(row)*m, float64(k-i)*m, m+0.01, "F")
	})
}
