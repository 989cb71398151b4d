// Package benchdata loads the statement the benchmark tools work on.
package benchdata

import (
	"os"
	"path/filepath"

	"briefing/briefing"
	"briefing/data"
)

// Load reads the statement in file, or the built-in one when file is "".
func Load(file string) (*briefing.Dataset, error) {
	if file == "" {
		return briefing.Load(data.FS, data.Default)
	}
	return briefing.Load(os.DirFS(filepath.Dir(file)), filepath.Base(file))
}
