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
// rounded, no kerning), rectangles and rules with butt ends snapped to
// whole pixels, discs and glyphs antialiased in 16 steps, the logo scaled
// into its box. Where a viewer has a choice, it draws as poppler does
// (glyphs start on whole pixel rows and quarter pixel columns): a test
// holds the preview to poppler's render of the PDF at the same size (a
// mean difference under 2% of a pixel's range, in practice 0.15–0.25%,
// and every run of text's ink in the same place, within a pixel).
//
// A Renderer is made once per process from a Style (New) and renders any
// number of Docs, concurrently if need be. Output is deterministic: the
// same Doc and width give the same bytes (a paletted PNG, its colours in
// order of first appearance, or RGB for a page of more than 256 colours;
// no ancillary chunks; a fixed compression level).
package png
