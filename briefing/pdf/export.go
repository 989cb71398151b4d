package pdf

import (
	"bytes"
	"image"

	"codeberg.org/go-pdf/fpdf"
	"github.com/boombuler/barcode/qr"

	"briefing/briefing"
	"briefing/briefing/layout"
)

// drawer draws laid-out pages into a document, page by page.
type drawer struct {
	p     *page
	links map[string]int
	mark  int // the next outline entry
}

// newDrawer prepares the internal links of ld (every anchor is known
// before the pages are drawn).
func (p *page) newDrawer(ld *layout.Document) *drawer {
	d := &drawer{p: p, links: map[string]int{}}
	for _, a := range sortedAnchors(ld.Anchors) {
		id := p.f.AddLink()
		p.f.SetLink(id, a.Y, a.Page)
		d.links[a.name] = id
	}
	return d
}

// page adds page n (from 1) of ld with its bookmarks.
func (d *drawer) page(ld *layout.Document, n int, pg *layout.Page) {
	p, f := d.p, d.p.f
	f.AddPage()
	for d.mark < len(ld.Outline) && ld.Outline[d.mark].Page <= n {
		m := ld.Outline[d.mark]
		if m.Page == n {
			p.font(briefing.Regular, 10)
			f.Bookmark(m.Title, m.Level, m.Y)
		}
		d.mark++
	}
	for i := range pg.Boxes {
		p.box(&pg.Boxes[i], d.links)
	}
}

// box draws one box.
func (p *page) box(b *layout.Box, links map[string]int) {
	f := p.f
	switch b.Kind {
	case layout.Text:
		p.font(b.Font, b.Size)
		p.runes[b.Font].add(b.Text)
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
		st := p.r.st
		opt := fpdf.ImageOptions{ImageType: st.LogoType, ReadDpi: false}
		if f.GetImageInfo("logo") == nil {
			f.RegisterImageOptionsReader("logo", opt, bytes.NewReader(st.Logo))
		}
		if !f.Err() {
			f.ImageOptions("logo", b.X, b.Y, b.W, b.H, false, opt, 0, "")
		}
	case layout.QR:
		p.qr(b.Text, b.X, b.Y, b.W, b.Color)
	case layout.LinkArea:
		if b.URL != "" {
			f.LinkString(b.X, b.Y, b.W, b.H, b.URL)
		} else if id, ok := links[b.Dest]; ok {
			f.Link(b.X, b.Y, b.W, b.H, id)
		}
	}
}

type namedAnchor struct {
	name string
	layout.Dest
}

// sortedAnchors lists anchors in page order, for deterministic link ids.
func sortedAnchors(m map[string]layout.Dest) []namedAnchor {
	out := make([]namedAnchor, 0, len(m))
	for k, v := range m {
		out = append(out, namedAnchor{k, v})
	}
	less := func(a, b namedAnchor) bool {
		if a.Page != b.Page {
			return a.Page < b.Page
		}
		if a.Y != b.Y {
			return a.Y < b.Y
		}
		return a.name < b.name
	}
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && less(out[j], out[j-1]); j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
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
func (p *page) qr(s string, x, y, size float64, c layout.Color) {
	q := p.r.qrFor(s)
	if q == nil {
		return
	}
	m := size / float64(q.n)
	p.f.SetFillColor(int(c.R), int(c.G), int(c.B))
	for _, r := range q.runs {
		row, i := r[0]>>16, r[0]&0xffff
		p.f.Rect(x+float64(i)*m, y+float64(row)*m, float64(r[1]-i)*m, m+0.01, "F")
	}
}

func dark(code image.Image, x, y int) bool {
	r, _, _, _ := code.At(x, y).RGBA()
	return r < 0x8000
}
