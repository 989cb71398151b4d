// Command briefing turns a policy statement's data into branded briefing
// documents: a one-page brief per recommendation and a briefing pack, per
// audience and language, in PDF and DOCX. Run "briefing --help".
package main

import (
	"os"
	"runtime/debug"

	"briefing/internal/cli"
)

func main() {
	tuneGC()
	os.Exit(cli.Main(os.Args[1:], os.Stdout, os.Stderr))
}

// tuneGC trades memory the build does not need for time: rendering
// allocates short-lived compression buffers of about 1 MB per stream, and at
// Go's default GOGC=100 the collector runs after every few documents. A
// higher GOGC with a soft memory limit keeps a build at about 100 MB at
// most. GOGC and GOMEMLIMIT in the environment win.
func tuneGC() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(100 << 20)
	}
}
