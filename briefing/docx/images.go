package docx

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"math"

	"golang.org/x/image/font"
	"golang.org/x/image/math/fixed"

	"briefing/briefing/doc"
	"briefing/briefing/qrcode"
	"briefing/briefing/style"
)

// picture is an image file and its natural size in pixels.
type picture struct {
	data []byte
	ext  string // "png" or "jpg"
	w, h int
	// part is the image as a package part, named when it is used.
	part part
}

// markPPI is the resolution the wordmark is drawn at for its printed
// size: 600 ppi, as sharp as a press proof, for a PNG that stays small
// (16 colours, 4 bits a pixel, best compression).
const markPPI = 600

// markFor returns the picture for wordmark wm for a mark heightMM high
// in the layout (its BriefMark or CoverMark), and its printed width and
// height in mm. As in the layout, the short name fills the mark's height
// (its em is markFill of it); the picture adds the font's ascender,
// descender and the drawing's padding (drawMark) around it. A brand's
// logo is printed heightMM high.
func (r *Renderer) markFor(wm doc.Wordmark, white bool, heightMM float64) (picture, float64, float64, error) {
	// The wordmark's proportions do not depend on its size: a first,
	// small drawing gives them (cheap: the printed one, at 600 ppi, is
	// the expensive one), the second is at the printed width.
	p, err := r.mark(wm, white, 10)
	if err != nil || p.h == 0 {
		return p, 0, 0, err
	}
	h := heightMM
	if !wm.Logo {
		f := r.st.Type.Face(style.Bold)
		h = heightMM * markFill * (f.Ascent + f.Descent + 2*8.0/88)
	}
	w := math.Round(h*float64(p.w)/float64(p.h)*10) / 10
	p, err = r.mark(wm, white, w)
	return p, w, w * float64(p.h) / float64(p.w), err
}

// markFill is the share of the mark's height the short name's em fills,
// as the layout's wordmark sets it.
const markFill = 0.95

// markKey names a drawn wordmark: its words, whether it is white (for
// the brief's brand band) and its printed width in mm.
type markKey struct {
	short, name string
	white       bool
	widthMM     float64
}

// mark returns the picture for wordmark wm printed widthMM wide: the
// brand's logo, or the typographic wordmark of its names drawn once per
// Renderer at markPPI, in the primary colour or, for the brand band, in
// white.
func (r *Renderer) mark(wm doc.Wordmark, white bool, widthMM float64) (picture, error) {
	if wm.Logo {
		return r.logo, nil
	}
	return r.marks.get(markKey{wm.Short, wm.Name, white, widthMM}, func() (picture, error) {
		ink := rgb(r.st.Brand.Colors.Primary)
		if white {
			ink = color.NRGBA{R: 255, G: 255, B: 255, A: 255}
		}
		px := int(math.Ceil(widthMM / 25.4 * markPPI))
		pic, err := wordmark(r.st, wm, ink, px)
		if err == nil {
			pic.part, err = newPart("word/media/mark.png", pic.data)
		}
		return pic, err
	})
}

// brandLogo is the brand's logo as a picture, at the size Load measured.
func brandLogo(st *style.Style) (picture, error) {
	lg := st.Logo
	if lg.Width <= 0 || lg.Height <= 0 {
		return picture{}, fmt.Errorf("docx: logo: no size (make the style with style.Load)")
	}
	return picture{data: lg.Data, ext: lg.Type, w: lg.Width, h: lg.Height}, nil
}

// wordmark draws a typographic wordmark in ink: the short name in bold, a
// thin accent bar, and the full name small beside it on one line (or the
// name alone, in bold, when there is no short name). It is drawn after the
// layout's (layout/chrome.go), not from it: its gaps and bar are in pixels
// of a picture that Word scales, and the layout wraps the name in two
// lines and, with no short name, keeps the bar and the small name. Making
// the two one geometry changes the DOCX or the PDF wordmark: an output
// change, left for an issue that allows one.
//
// It is drawn at least minW pixels wide, scaled from a mark of 88 px type
// with an 8 px margin.
func wordmark(st *style.Style, wm doc.Wordmark, ink color.NRGBA, minW int) (picture, error) {
	const base = 88
	pic, err := drawMark(st, wm, ink, base)
	// Text scales with its size (to a pixel or so, with hinting): draw at
	// the size that makes the mark minW wide, then a pixel larger until it
	// is.
	for size := int(math.Ceil(base * float64(minW) / float64(pic.w))); err == nil && pic.w < minW; size++ {
		pic, err = drawMark(st, wm, ink, size)
	}
	return pic, err
}

// drawMark draws wordmark wm in ink at size pixels.
func drawMark(st *style.Style, wm doc.Wordmark, ink color.NRGBA, size int) (picture, error) {
	pad := size * 8 / 88
	bold, err := st.Type.Raster(style.Bold, float64(size))
	if err != nil {
		return picture{}, fmt.Errorf("docx: wordmark font: %w", err)
	}
	defer bold.Close()
	small, err := st.Type.Raster(style.Regular, float64(size)*0.34)
	if err != nil {
		return picture{}, fmt.Errorf("docx: wordmark font: %w", err)
	}
	defer small.Close()
	short, name := wm.Short, wm.Name
	if short == "" || short == name {
		short, name = name, ""
	}
	m := bold.Metrics()
	asc, desc := m.Ascent.Ceil(), m.Descent.Ceil()
	sw := font.MeasureString(bold, short).Ceil()
	barX, barW := pad+sw+size/6, size/20
	nameX := barX + barW + size/6
	w := sw + 2*pad
	if name != "" {
		w = nameX + font.MeasureString(small, name).Ceil() + pad
	}
	h := asc + desc + 2*pad

	accent := rgb(st.Brand.Colors.Accent)
	// A palette of the ink at 15 opacities (from none) and the accent; the
	// text is drawn as coverage and mapped onto it directly. At 600 ppi, 14
	// steps of antialiasing look as smooth as 255. The accent is listed
	// twice, so that the palette has 17 colours and image/png writes 8 bits
	// a pixel by copying rows: with 16 it packs 4 bits a pixel one pixel
	// at a time, which took a third of a DOCX build (the PNG is some 800
	// bytes larger).
	const levels = 14
	pal := color.Palette{color.NRGBA{}}
	for i := 1; i <= levels; i++ {
		c := ink
		c.A = uint8(i * 255 / levels)
		pal = append(pal, c)
	}
	pal = append(pal, accent, accent)
	cov := image.NewAlpha(image.Rect(0, 0, w, h))
	d := font.Drawer{Dst: cov, Src: image.Opaque, Face: bold, Dot: fixed.P(pad, pad+asc)}
	d.DrawString(short)
	mid := pad + asc - (m.CapHeight.Ceil() / 2)
	var bar image.Rectangle
	if name != "" {
		bar = image.Rect(barX, mid-size*36/100, barX+barW, mid+size*36/100)
		sm := small.Metrics()
		d = font.Drawer{Dst: cov, Src: image.Opaque, Face: small, Dot: fixed.P(nameX, mid+sm.CapHeight.Ceil()/2)}
		d.DrawString(name)
	}
	img := image.NewPaletted(cov.Bounds(), pal)
	for i, a := range cov.Pix {
		img.Pix[i] = uint8((int(a)*levels + 127) / 255)
	}
	for y := bar.Min.Y; y < bar.Max.Y; y++ {
		for x := bar.Min.X; x < bar.Max.X; x++ {
			img.SetColorIndex(x, y, levels+1)
		}
	}
	var buf bytes.Buffer
	// Default compression: the best level took 60% of a DOCX build's time
	// on this 600 ppi picture (1375×333 px) for about 1 KB less a file.
	enc := png.Encoder{CompressionLevel: png.DefaultCompression}
	if err := enc.Encode(&buf, img); err != nil {
		return picture{}, err
	}
	return picture{data: buf.Bytes(), ext: "png", w: w, h: h}, nil
}

// qrCode returns the picture of the source block's QR code, drawn once per
// Renderer and address: many documents share a statement.
func (r *Renderer) qrCode(s *doc.SourceBlock) (picture, error) {
	if s.QR == nil {
		return picture{}, fmt.Errorf("docx: QR code: the address %q is too long for a QR code", doc.Shorten(s.URL, 60))
	}
	return r.qr.get(s.URL, func() (picture, error) { return qrPicture(s.QR, r.st.Brand.Colors.Text) })
}

// qrPicture draws QR code q as a two-colour PNG, dark modules in c, with a
// quiet zone of two modules.
func qrPicture(q *qrcode.Code, c style.Color) (picture, error) {
	const module, quiet = 4, 2
	n := q.N
	size := (n + 2*quiet) * module
	img := image.NewPaletted(image.Rect(0, 0, size, size), color.Palette{color.White, rgb(c)})
	for y := 0; y < n; y++ {
		for x := 0; x < n; x++ {
			if q.Dark(x, y) {
				r := image.Rect((x+quiet)*module, (y+quiet)*module, (x+quiet+1)*module, (y+quiet+1)*module)
				draw.Draw(img, r, image.NewUniform(img.Palette[1]), image.Point{}, draw.Src)
			}
		}
	}
	var buf bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestCompression}
	if err := enc.Encode(&buf, img); err != nil {
		return picture{}, err
	}
	p, err := newPart("word/media/qr.png", buf.Bytes())
	return picture{data: buf.Bytes(), ext: "png", w: size, h: size, part: p}, err
}

func rgb(c style.Color) color.NRGBA {
	r, g, b, err := c.RGB()
	if err != nil {
		return color.NRGBA{A: 255}
	}
	return color.NRGBA{R: uint8(r), G: uint8(g), B: uint8(b), A: 255}
}
