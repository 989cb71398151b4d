package docx

import (
	"io/fs"

	"briefing/layouts"
)

// reference is the reference template every DOCX file starts from: the
// project's own parts in layouts/docx (styles, numbering, settings, theme,
// font table), Go text/templates filled with the brand. They are this
// writer's concern, so it takes them itself rather than through the Style.
func reference() fs.FS {
	sub, err := fs.Sub(layouts.FS, layouts.DOCX)
	if err != nil {
		return nil
	}
	return sub
}
