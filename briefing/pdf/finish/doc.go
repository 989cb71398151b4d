// Package finish is the last stage of a PDF: a drawing library (fpdf, in
// briefing/pdf) draws the pages, a part of a few dozen pages at a time; the
// pass reads each part into pdfcpu's object model, adds what the drawing
// library cannot write, and writes the final file as the parts come
// (Writer), so that a document of thousands of pages is never held whole.
//
// What the pass does:
//
//   - the parts' pages become one document: objects are renumbered, the
//     page tree is one node, an image met in several parts (the logo) is
//     written once;
//   - links (Writer.Link) and the outline (Writer.Outline) are the pass's:
//     they go across parts, and every link annotation is an indirect
//     object with /P, as ISO 32000-1 (12.5.2) wants (annotations written
//     inline in a part's /Annots become indirect objects too);
//   - fonts are embedded (Options.Fonts): a subset of a TrueType Program
//     with the runes a document shows, named by its PostScript name with a
//     six-letter subset tag derived from the subset's content (the same subset
//     always gets the same tag, different subsets different ones), put in
//     the pages' /Font resources;
//   - the catalog gets /Lang and, with Options.DisplayDocTitle,
//     /ViewerPreferences << /DisplayDocTitle true >>;
//   - Options.Page and Options.Catalog, the hooks for tagged PDF, may change
//     each page, its annotations and the catalog, and add objects
//     (/MarkInfo, /StructTreeRoot, page /StructParents and /Tabs,
//     annotation /StructParent…); the catalog hook can Reserve numbers for
//     objects that refer to each other and Put them, and write objects it
//     has serialised itself (Raw); Options.Info changes the Info
//     dictionary (dates with a time zone);
//   - only what the pages and the catalog use is written; streams without a
//     filter are compressed with reused zlib writers, XMP metadata too
//     (PDF/A-2 allows it, unlike PDF/A-1; a tool that scans a file's bytes
//     for the packet, rather than reading the PDF, does not find it);
//     small objects are packed into object streams, and the trailer's /ID
//     is a hash of the file's content.
//
// Output is a pure function of the parts, the options and the calls: no
// clock, no random numbers, map keys written in sorted order.
//
// The package does not import fpdf: it works on any PDF that pdfcpu reads.
package finish
