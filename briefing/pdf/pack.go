package pdf

import (
	"fmt"

	"briefing/briefing"
)

func (r *Renderer) pack(d *briefing.Doc) (*page, error) {
	return nil, fmt.Errorf("pdf: pack not implemented yet")
}
