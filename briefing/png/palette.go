package png

import (
	"image"
	"image/color"
)

// paletted returns img's pixels as a paletted picture when it has at most
// 256 colours (a page of text, fills and QR codes has a few hundred at
// most, edges being drawn in 16 steps), reusing dst's pixels; ok is false
// for a picture with more (a photographic logo), which is written as
// RGB. The palette lists the colours in the order they first appear, row
// by row: the same pixels give the same file.
func paletted(img *image.RGBA, dst *image.Paletted) (out *image.Paletted, ok bool) {
	const slots = 1024 // a power of two, well above 256
	var keys [slots]uint32
	var idx [slots]uint8
	pal := make(color.Palette, 0, 256)
	n := img.Rect.Dx() * img.Rect.Dy()
	if dst == nil || cap(dst.Pix) < n {
		dst = &image.Paletted{Pix: make([]uint8, n)}
	}
	dst.Pix, dst.Stride, dst.Rect = dst.Pix[:n], img.Rect.Dx(), img.Rect
	prev, prevIdx := uint32(0), uint8(0)
	src := img.Pix
	for i, o := 0, 0; i < n; i, o = i+1, o+4 {
		// The key has bit 24 set, so that 0 marks an empty slot.
		k := 1<<24 | uint32(src[o])<<16 | uint32(src[o+1])<<8 | uint32(src[o+2])
		if k == prev {
			dst.Pix[i] = prevIdx
			continue
		}
		h := (k * 0x9e3779b1) >> 22 & (slots - 1)
		for keys[h] != 0 && keys[h] != k {
			h = (h + 1) & (slots - 1)
		}
		if keys[h] == 0 {
			if len(pal) == 256 {
				return dst, false
			}
			keys[h], idx[h] = k, uint8(len(pal))
			pal = append(pal, color.RGBA{src[o], src[o+1], src[o+2], 0xff})
		}
		prev, prevIdx = k, idx[h]
		dst.Pix[i] = prevIdx
	}
	dst.Palette = pal
	return dst, true
}
