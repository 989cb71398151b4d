// Package schema makes the JSON Schemas of the files briefing reads
// (statement, translation, brand, layout) from the same Go types and rules
// the loaders use, for editors to complete keys and flag mistakes.
package schema
