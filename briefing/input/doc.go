// Package input reads the YAML and JSON files briefing takes (data,
// translations, brand, layout) strictly, with positions: Decode fills Go
// values through their yaml tags and records where every field is
// (Positions, its own record by path), and fills the Places of every struct
// that holds one, so that a decoded item can say where it and its fields
// are; every problem is an Error at a Place, "file:line:col: field:
// message", collected into an ErrorList rather than stopping at the first.
// It knows nothing of what the files mean.
package input
