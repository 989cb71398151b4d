// Package font is the one place brand fonts are parsed and text is
// measured. Parse reads the four style files of a family once per process;
// the resulting Set answers, for every package that sets text: the advance
// width of each character, the vertical metrics, which characters all four
// styles can draw (the "cannot draw" check), each face's PostScript name,
// and where a line of text may break (Unicode line-breaking, UAX #14).
//
// A Set is safe for concurrent use: its metrics are read-only after Parse,
// and the prepared texts it remembers (Prepare) are shared read-only.
package font
