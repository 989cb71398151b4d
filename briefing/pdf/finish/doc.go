// Package finish is the last stage of a PDF: it reads the file a drawing
// library wrote (fpdf, in briefing/pdf) into pdfcpu's object model, adds
// what the drawing library cannot write, and writes the final file.
//
// What the pass does, in order:
//
//   - link annotations written inline in a page's /Annots become indirect
//     objects, as ISO 32000-1 (12.5.2) wants;
//   - fonts are embedded (Options.Fonts): a subset of a TrueType Program
//     with the runes a document shows, named by its PostScript name with a
//     six-letter subset tag derived from the subset's content (the same subset
//     always gets the same tag, different subsets different ones), put in
//     the pages' /Font resources;
//   - the catalog gets /Lang and, with Options.DisplayDocTitle,
//     /ViewerPreferences << /DisplayDocTitle true >>;
//   - Options.Edit, the hook for tagged PDF, may change the catalog, the
//     pages and the annotations and add objects (/MarkInfo, /StructTreeRoot,
//     page /StructParents and /Tabs, annotation /StructParent…) through Doc;
//   - objects no longer reachable from the catalog or the info dictionary
//     are dropped and the rest numbered in order;
//   - streams without a filter are compressed (one reused zlib writer per
//     concurrent call), small objects are packed into an object stream, and
//     the trailer's /ID is a hash of the file's content.
//
// Output is a pure function of the input and the options: no clock, no
// random numbers, map keys written in sorted order.
//
// The package does not import fpdf: it works on any PDF that pdfcpu reads.
package finish
