// Package layout places a document on pages: it turns a doc.Doc, a
// Style and the Doc's paper into pages of positioned boxes (text runs with
// font, size and colour; fills; rules; images; QR codes; links), each with
// its role (a heading, a paragraph, a figure with its alternative text, a
// quote, a link… or an artifact: decoration and running furniture), in
// reading order.
//
// Everything that decides where things go lives here, once, for every
// format: line breaking (through package font), pagination with
// keep-together and keep-with-next, the brief's one-page rule (one body
// size for every brief; the layout's choices, not shrinking, make a brief
// fit), the pack's contents page numbers, and the type scale and table of
// per-role text metrics (Scale, Metrics) both exporters read. Each block is laid out once into a frame (its boxes relative
// to its corner, its elements, its size) and placed by offset, as Typst
// does: measuring is laying out, and the contents' page numbers come from
// paginating the frames. Lay is a pure function of its inputs; the PDF exporter draws the
// boxes and adds nothing, and tagged PDF builds its structure tree from the
// roles and elements.
package layout
