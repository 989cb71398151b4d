// Command tomd writes a statement as Markdown (the delegate pack's content:
// title, context, figures, quotes, recommendations), so that bench/peers.sh
// can time pandoc on the same text briefing sets.
//
//	go run ./bench/tomd [-data FILE] [-lang en] > statement.md
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"strings"

	"briefing/bench/internal/benchdata"
)

func main() {
	file := flag.String("data", "", "statement data file (default: the built-in statement)")
	lang := flag.String("lang", "en", "language")
	flag.Parse()
	ds, err := benchdata.Load(*file)
	if err != nil {
		log.Fatal(err)
	}
	s, _ := ds.In(*lang)
	var b strings.Builder
	fmt.Fprintf(&b, "---\ntitle: %q\nsubtitle: %q\nauthor: %q\ndate: %q\nlang: %s\n---\n\n", s.Title, s.Subtitle, s.Organisation.Name, s.Date, s.Lang)
	b.WriteString("# Context\n\n")
	for _, p := range s.Context {
		b.WriteString(p + "\n\n")
	}
	b.WriteString("## Key figures\n\n")
	for _, f := range s.Figures {
		fmt.Fprintf(&b, "- **%s** %s\n", f.Value, f.Label)
	}
	b.WriteString("\n# Quotes\n\n")
	for _, q := range s.Quotes {
		fmt.Fprintf(&b, "> %s\n>\n> — %s, %s\n\n", q.Text, q.Speaker, q.Role)
	}
	for _, r := range s.Recommendations {
		fmt.Fprintf(&b, "# Recommendation %d: %s\n\n", r.Number, r.Title)
		for _, p := range r.Body {
			b.WriteString(p + "\n\n")
		}
		for _, a := range r.Asks {
			fmt.Fprintf(&b, "- %s\n", a)
		}
	}
	os.Stdout.WriteString(b.String())
}
