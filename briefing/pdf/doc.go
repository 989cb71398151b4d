// Package pdf writes laid-out documents as PDF with fpdf: the one-page
// brief for each recommendation and the briefing pack. It is the only
// package that imports fpdf.
//
// A Renderer is made once per process from a Style (New) and renders any
// number of Docs, concurrently if need be. Render lays a Doc out with
// package layout and draws the boxes it returns: text, fills, rules,
// bullets, the logo, QR codes, links, bookmarks. It adds nothing of its
// own: what a page shows, the layout placed. Output is deterministic: the
// same Doc gives the same bytes (fixed dates, sorted catalogue, no random
// ids).
//
// fpdf draws the pages; the finishing pass (package finish) writes the
// final file: it embeds a subset of each font style a document uses, turns
// link annotations into indirect objects, compresses and gives the file a
// content-derived /ID. Font programs are read once in New (fonts.go); fpdf
// only gets a stub font to set text with, shared by all documents through
// the one guarded shortcut into fpdf's fields (share.go), or added through
// its public API when the shortcut's checks fail.
//
// Every PDF is tagged (tags.go): the boxes' marks are wrapped in marked
// content as fpdf draws them (its public RawWriteStr), and the finishing
// pass's hooks write the structure tree from the layout's elements, with
// the XMP metadata and sRGB output intent that identify the file as PDF/UA-1
// and PDF/A-2 (meta.go).
package pdf
