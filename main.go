// Command briefing turns a policy statement's data into branded briefing
// documents: a one-page brief per recommendation and a delegate pack, per
// audience and language, in PDF and DOCX. Run "briefing --help".
package main

import (
	"os"

	"briefing/internal/cli"
)

func main() {
	os.Exit(cli.Main(os.Args[1:], os.Stdout, os.Stderr))
}
