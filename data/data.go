// Package data embeds the default statement that "briefing build" renders
// when no --data flag is given: the Danish Refugee Council's statement to the
// Cartagena +40 process, in English with a Spanish working translation.
package data

import "embed"

// FS holds the default statement (cartagena40.yaml) and its translations
// (cartagena40.<lang>.yaml).
//
//go:embed *.yaml
var FS embed.FS

// Default is the name of the default statement file inside FS.
const Default = "cartagena40.yaml"
