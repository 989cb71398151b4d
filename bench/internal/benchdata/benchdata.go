// Package benchdata loads the statement the benchmark tools work on.
package benchdata

import (
	"os"
	"path/filepath"

	"briefing/briefing/statement"
	"briefing/data"
)

// Load reads the statement in file, or the built-in one when file is "".
func Load(file string) (*statement.Dataset, error) {
	if file == "" {
		return statement.Load(data.FS, data.Default)
	}
	return statement.Load(os.DirFS(filepath.Dir(file)), filepath.Base(file))
}
