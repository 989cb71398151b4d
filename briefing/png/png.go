package png

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"image"
	_ "image/jpeg" // logos may be JPEG
	stdpng "image/png"
	"io"
	"math"
	"sync"

	"briefing/briefing/doc"
	"briefing/briefing/layout"
	"briefing/briefing/style"
)

// DefaultWidth is a preview's width in pixels when Options.Width is 0.
const DefaultWidth = 1000

// MaxWidth is the widest preview made, in pixels: at 10,000 px an A4 page
// is 14,143 px high, some 570 MB of pixels while drawn.
const MaxWidth = 10000

// Options are how previews are drawn; the zero value is usable.
type Options struct {
	// Width is the picture's width in pixels; 0 means DefaultWidth. The
	// height follows the paper, rounded up to whole pixels (as poppler's
	// pdftoppm -scale-to-x W -scale-to-y -1 does).
	Width int
}

// Renderer draws previews of Docs in one Style. It is made once per
// process and is safe for concurrent use: read-only after New but for its
// caches (glyph outlines, encoder buffers), which are guarded.
type Renderer struct {
	st    *style.Style
	ts    *layout.Typesetter
	width int
	// glyphs are the brand fonts' outlines, read as first needed.
	glyphs *glyphCache
	// logo is the brand's logo decoded (nil when it has none).
	logo image.Image
	// enc encodes with reused buffers; bufs and pals keep the pages'
	// pixels, drawn and paletted.
	enc  stdpng.Encoder
	bufs sync.Pool // *image.RGBA
	pals sync.Pool // *image.Paletted
}

// Info describes a rendered preview.
type Info struct {
	// Pages is the number of pages drawn: 1.
	Pages int
	// Width and Height are the picture's size in pixels.
	Width, Height int
}

// New makes a Renderer for st, which must be a Style made by style.Load
// (its fonts parsed, its logo read).
func New(st *style.Style, opt Options) (*Renderer, error) {
	if st == nil {
		return nil, fmt.Errorf("png: no style")
	}
	w := opt.Width
	if w == 0 {
		w = DefaultWidth
	}
	if w < 1 || w > MaxWidth {
		return nil, fmt.Errorf("png: width: want 1 to %d pixels, got %d", MaxWidth, opt.Width)
	}
	ts, err := layout.New(st)
	if err != nil {
		return nil, fmt.Errorf("png: %w", err)
	}
	r := &Renderer{st: st, ts: ts, width: w, glyphs: newGlyphCache(st.Type)}
	if lg := st.Logo; lg != nil {
		img, _, err := image.Decode(bytes.NewReader(lg.Data))
		if err != nil {
			return nil, fmt.Errorf("png: logo: %w", err)
		}
		r.logo = img
	}
	// A fixed level, and no ancillary chunks (image/png writes none):
	// the same pixels give the same bytes. BestSpeed makes an A4 brief's
	// file some 15% larger than the default level (100 KB, not 87) in
	// half the time.
	r.enc = stdpng.Encoder{CompressionLevel: stdpng.BestSpeed, BufferPool: &encPool{}}
	return r, nil
}

// Width returns the previews' width in pixels.
func (r *Renderer) Width() int { return r.width }

// errDone stops the layout after page 1: a preview shows no more.
var errDone = errors.New("png: page 1 drawn")

// Render lays d out and writes page 1 of it to w as a PNG: a brief's
// page, or a pack's cover. A brief that does not fit its page is a
// *doc.OverflowError, and nothing is written.
func (r *Renderer) Render(w io.Writer, d *doc.Doc) (Info, error) {
	return r.RenderContext(context.Background(), w, d)
}

// RenderContext is Render that stops when ctx is done, with ctx's error.
func (r *Renderer) RenderContext(ctx context.Context, w io.Writer, d *doc.Doc) (Info, error) {
	var img *image.RGBA
	_, err := r.ts.StreamContext(ctx, d, func(ld *layout.Paged, n int, pg *layout.Page) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		img = r.draw(ld, pg)
		return errDone
	})
	if img != nil {
		defer r.bufs.Put(img)
	}
	if err != nil && !errors.Is(err, errDone) {
		return Info{}, err
	}
	if img == nil {
		return Info{}, fmt.Errorf("png: the layout made no page")
	}
	var out image.Image = img
	pal, _ := r.pals.Get().(*image.Paletted)
	if p, ok := paletted(img, pal); ok {
		out = p
		defer r.pals.Put(p)
	}
	if err := r.enc.Encode(w, out); err != nil {
		return Info{}, fmt.Errorf("png: %w", err)
	}
	b := img.Bounds()
	return Info{Pages: 1, Width: b.Dx(), Height: b.Dy()}, nil
}

// Fit lays d out as Render does, without drawing or writing it, and
// returns the error Render would return for its layout: a
// *doc.OverflowError for a brief that does not fit one page.
func (r *Renderer) Fit(d *doc.Doc) error { return r.FitContext(context.Background(), d) }

// FitContext is Fit that stops when ctx is done, with ctx's error.
func (r *Renderer) FitContext(ctx context.Context, d *doc.Doc) error {
	_, err := r.ts.StreamContext(ctx, d, func(*layout.Paged, int, *layout.Page) error { return errDone })
	if errors.Is(err, errDone) {
		return nil
	}
	return err
}

// size returns the picture's size for a page of w × h mm and its scale in
// pixels per mm.
func (r *Renderer) size(w, h float64) (px, py int, scale float64) {
	scale = float64(r.width) / w
	// Rounded up as pdftoppm rounds; the 1e-6 keeps float noise from
	// adding a row.
	return r.width, int(math.Ceil(h*scale - 1e-6)), scale
}

// page returns a white picture of px × py pixels, reusing a pooled one.
func (r *Renderer) page(px, py int) *image.RGBA {
	img, _ := r.bufs.Get().(*image.RGBA)
	if img == nil || img.Rect.Dx() != px || img.Rect.Dy() != py {
		img = image.NewRGBA(image.Rect(0, 0, px, py))
	}
	// White, opaque: one byte set, then copied in doubling spans.
	p := img.Pix
	p[0] = 0xff
	for n := 1; n < len(p); n *= 2 {
		copy(p[n:], p[:n])
	}
	return img
}

// encPool is the encoder's buffer pool.
type encPool struct{ p sync.Pool }

func (e *encPool) Get() *stdpng.EncoderBuffer {
	b, _ := e.p.Get().(*stdpng.EncoderBuffer)
	return b
}

func (e *encPool) Put(b *stdpng.EncoderBuffer) { e.p.Put(b) }
