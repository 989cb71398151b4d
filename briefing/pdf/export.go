package pdf

import (
	"bytes"
	"image"

	"codeberg.org/go-pdf/fpdf"
	"github.com/boombuler/barcode/qr"

	"briefing/briefing/layout"
	"briefing/briefing/pdf/finish"
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
		st := dc.r.st
		opt := fpdf.ImageOptions{ImageType: st.LogoType, ReadDpi: false}
		if f.GetImageInfo("logo") == nil {
			f.RegisterImageOptionsReader("logo", opt, bytes.NewReader(st.Logo))
		}
		if !f.Err() {
			f.ImageOptions("logo", b.X, b.Y, b.W, b.H, false, opt, 0, "")
		}
	case layout.QR:
		dc.qr(b.Text, b.X, b.Y, b.W, b.Color)
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
	}
}

// qrCode is a QR code as runs of dark modules, row by row.
type qrCode struct {
	n    int
	runs [][2]int // row<<16 | start, end
}

// qrFor encodes s, or returns the cached code.
func (r *Renderer) qrFor(s string) *qrCode {
	if c, ok := r.qrs.Load(s); ok {
		return c.(*qrCode)
	}
	code, err := qr.Encode(s, qr.M, qr.Auto)
	if err != nil {
		return nil
	}
	q := &qrCode{n: code.Bounds().Dx()}
	for j := range q.n {
		for i := 0; i < q.n; {
			if !dark(code, i, j) {
				i++
				continue
			}
			k := i
			for k < q.n && dark(code, k, j) {
				k++
			}
			q.runs = append(q.runs, [2]int{j<<16 | i, k})
			i = k
		}
	}
	c, _ := r.qrs.LoadOrStore(s, q)
	return c.(*qrCode)
}

// qr draws a QR code of s, size mm square, its modules in colour c.
func (dc *drawing) qr(s string, x, y, size float64, c layout.Color) {
	q := dc.r.qrFor(s)
	if q == nil {
		return
	}
	m := size / float64(q.n)
	dc.f.SetFillColor(int(c.R), int(c.G), int(c.B))
	for _, r := range q.runs {
		row, i := r[0]>>16, r[0]&0xffff
		dc.f.Rect(x+float64(i)*m, y+float64(row)*m, float64(r[1]-i)*m, m+0.01, "F")
	}
}

func dark(code image.Image, x, y int) bool {
	r, _, _, _ := code.At(x, y).RGBA()
	return r < 0x8000
}
