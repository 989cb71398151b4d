package cli

import (
	"errors"

	"briefing/briefing"
	"briefing/briefing/build"
)

// renderers makes one renderer per format for st, once per process.
func renderers(st *briefing.Style) (map[briefing.Format]build.Renderer, error) {
	return nil, errors.New("renderers not wired yet")
}
