// Command briefing turns a policy statement's data into branded briefing
// documents (PDF and DOCX). See README.md.
package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Fprintln(os.Stderr, "briefing: not yet wired")
	os.Exit(1)
}
