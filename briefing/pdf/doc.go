// Package pdf renders briefing Docs to PDF with fpdf: the one-page brief
// for each recommendation and the delegate pack.
//
// A Renderer is made once per process from a Style (New) and renders any
// number of Docs, concurrently if need be. Fonts are parsed once in New and
// subset into each file. Output is deterministic: the same Doc gives the
// same bytes.
//
// Layout is done by the package itself, not by fpdf's flowing text: text is
// broken into lines with the font's width tables, so that the same code
// measures a brief (to shrink it onto one page) and draws it.
package pdf
