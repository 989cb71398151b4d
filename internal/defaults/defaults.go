// Package defaults names the built-in inputs: the embedded brand, layout
// and fonts that every command and test starts from unless told otherwise.
package defaults

import (
	"briefing/briefing/style"
	"briefing/fonts"
	"briefing/layouts"
)

// StyleFiles returns the built-in brand and layout files, with the
// embedded fonts as the fallback for font files the brand names.
func StyleFiles() style.Files {
	return style.Files{
		BrandFS: layouts.FS, Brand: layouts.Brand,
		LayoutFS: layouts.FS, Layout: layouts.Layout,
		FallbackFS: fonts.FS,
	}
}
