// Package pdf renders briefing Docs to PDF with fpdf: the one-page brief
// for each recommendation and the delegate pack.
//
// A Renderer is made once per process from a Style (New) and renders any
// number of Docs, concurrently if need be. Output is deterministic: the same
// Doc gives the same bytes (fixed dates, sorted catalogue, no random ids).
//
// fpdf draws the pages; the finishing pass (package finish) writes the
// final file: it embeds a subset of each font style a document uses, turns
// link annotations into indirect objects, compresses and gives the file a
// content-derived /ID. Fonts are parsed once in New (fonts.go); fpdf only
// gets a stub font to set text with, shared by all documents through the
// one guarded shortcut into fpdf's fields (share.go), or added through its
// public API when the shortcut's checks fail.
//
// Layout is done here, not by fpdf's flowing text: runs are broken into
// lines with the fonts' width tables (text.go), so the same code measures a
// brief, to shrink its type until it fits one page, and draws it. A brief
// puts the recommendation in a main column and the key figures and the
// pull quote in a sidebar (brief.go); the pack flows its blocks page by
// page in two passes, the first to learn the page of every anchor for the
// contents, links and "Page X of Y" (pack.go).
package pdf
