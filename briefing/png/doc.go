// Package png writes page previews: page 1 of a laid-out document (the
// one-page brief, a pack's cover) as a PNG picture, drawn straight from
// the layout's boxes with Go's own image libraries — glyph outlines from
// the brand fonts (golang.org/x/image/font/sfnt) filled by
// golang.org/x/image/vector, fills, rules, bullets, the logo and QR codes —
// with no PDF and no outside program.
//
// It is the third exporter beside pdf and docx, and it mirrors pdf's
// drawing box for box (briefing/pdf/export.go): text at the layout's
// baseline with the advances the PDF's width table gives (1/1000 em,
// rounded, no kerning), rectangles and discs antialiased by their exact
// coverage, rules with butt caps, the logo scaled into its box. A test
// holds the two to the same page: the preview and poppler's render of the
// PDF at the same size differ by under 2% of a pixel's range on average,
// and their lines of text sit on the same rows.
//
// A Renderer is made once per process from a Style (New) and renders any
// number of Docs, concurrently if need be. Output is deterministic: the
// same Doc and width give the same bytes (RGB, 8 bits a channel, no
// ancillary chunks, a fixed compression level).
package png
