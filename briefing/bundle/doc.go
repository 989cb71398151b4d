// Package bundle packs finished files for sending: a deterministic zip of
// a folder's documents (Zip) and an RFC 5322 email draft with documents
// attached (Email). Both are functions of the files' bytes and a date, so
// that the same files give the same bytes.
package bundle
