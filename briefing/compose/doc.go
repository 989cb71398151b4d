// Package compose turns a statement, an audience and a language into the
// documents' model: Brief makes one recommendation's one-page brief, Pack
// the combined pack. Every word a document shows is decided here.
package compose
