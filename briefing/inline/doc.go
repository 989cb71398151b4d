// Package inline parses the small inline Markdown subset text fields hold
// (**bold**, *italic*, [text](url), backslash escapes) into Runs.
package inline
