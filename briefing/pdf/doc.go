// Package pdf writes laid-out documents as PDF with fpdf: the one-page
// brief for each recommendation and the delegate pack. It is the only
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
// Fonts are handed to fpdf once in New, cut down to Latin scripts, and
// copied into each document, which then embeds a subset of the styles it
// uses (see fonts.go). Documents that print other scripts use the full
// fonts.
package pdf
