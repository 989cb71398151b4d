package pdf

import (
	"bytes"
	"image"
	"strings"

	"codeberg.org/go-pdf/fpdf"
	"github.com/boombuler/barcode/qr"

	"briefing/briefing"
)

// wordmark draws the brand's logo, or when it has none a typographic
// wordmark (short name in bold, an accent rule, the full name in two
// lines), with its left edge at x and vertically centred on cy, at most h
// high, in colour c. It returns the width used.
func (p *page) wordmark(x, cy, h float64, c rgb) float64 {
	st := p.r.st
	if len(st.Logo) > 0 {
		opt := fpdf.ImageOptions{ImageType: st.LogoType, ReadDpi: false}
		info := p.f.GetImageInfo("logo")
		if info == nil {
			info = p.f.RegisterImageOptionsReader("logo", opt, bytes.NewReader(st.Logo))
		}
		if info == nil || p.f.Err() {
			return 0
		}
		w := h * info.Width() / info.Height()
		p.f.ImageOptions("logo", x, cy-h/2, w, h, false, opt, 0, "")
		return w
	}
	short := st.Brand.ShortName
	if short == "" {
		short = p.m.ShortName
	}
	name := st.Brand.Name
	if name == "" {
		name = p.m.Author
	}
	pt := h / mmPerPt * 0.95
	sw := 0.0
	if short != "" {
		p.text(short, briefing.Bold, pt, c, x, cy-h/2, h)
		sw = p.fonts.width(short, briefing.Bold, pt)
	}
	if name == "" || name == short {
		return sw
	}
	bx := x + sw + 2.6
	p.fill(p.col.accent)
	p.f.Rect(bx, cy-h*0.36, 0.9, h*0.72, "F")
	npt := pt * 0.34
	nH := lh(npt, 1.2)
	ls := p.fonts.wrap(plain(name), briefing.Regular, npt, p.fonts.width(name, briefing.Regular, npt)*0.62)
	if len(ls) > 2 {
		ls = p.fonts.wrap(plain(name), briefing.Regular, npt, 200)
	}
	nh := float64(len(ls)) * nH
	nw := 0.0
	for _, l := range ls {
		nw = max(nw, l.w)
	}
	p.lines(ls, bx+3.3, cy-nh/2, nw, npt, nH, c, left)
	return bx + 3.3 + nw - x
}

// qrCode is a QR code as runs of dark modules, row by row.
type qrCode struct {
	n    int
	runs [][2]int // row, start, end packed as {row<<16 | start, end}
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
func (p *page) qr(s string, x, y, size float64, c rgb) {
	q := p.r.qrFor(s)
	if q == nil {
		return
	}
	m := size / float64(q.n)
	p.fill(c)
	for _, r := range q.runs {
		row, i := r[0]>>16, r[0]&0xffff
		p.f.Rect(x+float64(i)*m, y+float64(row)*m, float64(r[1]-i)*m, m+0.01, "F")
	}
}

func dark(code image.Image, x, y int) bool {
	r, _, _, _ := code.At(x, y).RGBA()
	return r < 0x8000
}

// sourceBlock draws the QR code to the source with the scan label, the
// address and the footer line beside it, from x at top y; returns the
// height.
func (p *page) sourceBlock(x, y, size float64) float64 {
	m := p.m
	if m.SourceURL != "" {
		p.qr(m.SourceURL, x, y, size, p.col.text)
		x += size + 4
	}
	pt := p.sz.small
	lineH := lh(pt, 1.45)
	yy := y + (size-3*lineH)/2
	if m.SourceURL != "" {
		p.text(m.Labels.ScanForSource, briefing.Bold, pt, p.col.text, x, yy, lineH)
		yy += lineH
		p.lines([]line{{spans: []span{{text: m.SourceURL, link: m.SourceURL}}}}, x, yy, 80, pt, lineH, p.col.primary, left)
		yy += lineH
	}
	if f := footerLine(m); f != "" {
		p.text(f, briefing.Regular, pt, p.col.muted, x, yy, lineH)
	}
	return size
}

// footerLine is the brand's footer line, else the organisation and its
// website.
func footerLine(m *briefing.Meta) string {
	if m.Footer != "" {
		return m.Footer
	}
	var parts []string
	for _, s := range []string{m.Author, strings.TrimPrefix(strings.TrimPrefix(m.Website, "https://"), "http://")} {
		if s != "" {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, " · ")
}
