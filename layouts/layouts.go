// Package layouts embeds the default brand and layout files, the default
// wordmark and the reference DOCX parts that briefing renders with.
package layouts

import "embed"

// FS holds brand.yaml, layout.yaml, the wordmark image and the reference
// DOCX parts under docx/.
//
//go:embed *.yaml docx/*.xml
var FS embed.FS

// Default file names inside FS.
const (
	Brand  = "brand.yaml"
	Layout = "layout.yaml"
	// DOCX is the folder of the reference DOCX parts (styles, numbering,
	// settings, theme, font table): Go text/templates filled with the brand.
	DOCX = "docx"
)
