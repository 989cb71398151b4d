package cli_test

import (
	"io"
	"path/filepath"
	"testing"

	"briefing/internal/cli"
)

// BenchmarkBuildDefault is the whole default build in one process: load,
// style, every document of every audience, language, kind and format, the
// manifest. Each iteration is a fresh process's worth of work (fonts and
// templates are prepared again), into a folder that already holds the
// previous build.
func BenchmarkBuildDefault(b *testing.B) {
	out := filepath.Join(b.TempDir(), "out")
	for b.Loop() {
		if code := cli.Main([]string{"build", "--quiet", "--out", out}, io.Discard, io.Discard); code != 0 {
			b.Fatalf("exit %d", code)
		}
	}
}
