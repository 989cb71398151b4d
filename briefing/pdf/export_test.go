package pdf

import (
	"briefing/briefing/style"
)

// NewPublic is New with fonts given through fpdf's public API only.
func NewPublic(st *style.Style) (*Renderer, error) { return newRenderer(st, true) }

// SharesFonts reports whether r's documents share the parsed stub font
// (the shortcut in share.go) and, when not, why.
func (r *Renderer) SharesFonts() (bool, string) {
	r.prepareDrawing()
	return r.share.shared(), r.share.why
}

// FpdfVersion and FpdfLayout are the fpdf share.go was written for and
// the fingerprint of its font definitions; FontLayout is the built-in
// fpdf's.
const (
	FpdfVersion = fpdfVersion
	FpdfLayout  = fpdfLayout
)

// FontLayout is fontLayout.
func FontLayout() (string, error) { return fontLayout() }
