// Command totypst writes, for every recommendation of a statement, a Typst
// document laid out like briefing's one-page brief (kicker, title, body and
// asks in a main column, key figures and the pull quote in a sidebar, a
// footer), so that bench/peers.sh can time Typst on the same text.
//
//	go run ./bench/totypst [-data FILE] [-lang en] -out DIR
//
// It writes DIR/rec-<N>.typ; the fonts are the brand's Noto Sans (pass the
// repository's fonts folder to Typst).
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"strings"

	"briefing/bench/internal/benchdata"
	"briefing/briefing/inline"
	"briefing/briefing/statement"
)

func main() {
	file := flag.String("data", "", "statement data file (default: the built-in statement)")
	lang := flag.String("lang", "en", "language")
	out := flag.String("out", "typst", "folder to write the .typ files into")
	flag.Parse()
	ds, err := benchdata.Load(*file)
	if err != nil {
		log.Fatal(err)
	}
	if err := os.MkdirAll(*out, 0o755); err != nil {
		log.Fatal(err)
	}
	s, _ := ds.In(*lang)
	for _, r := range s.Recommendations {
		src := brief(s, &r)
		if err := os.WriteFile(filepath.Join(*out, fmt.Sprintf("rec-%d.typ", r.Number)), []byte(src), 0o644); err != nil {
			log.Fatal(err)
		}
	}
}

// str quotes s as a Typst string literal, inline markup removed.
func str(s string) string {
	p := inline.Parse(s).Plain()
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", " ").Replace(p) + `"`
}

func brief(s *statement.Statement, r *statement.Recommendation) string {
	var b strings.Builder
	fmt.Fprintf(&b, `#set document(title: %s, author: %s)
#set page(paper: "a4", margin: (x: 18mm, top: 36mm, bottom: 28mm),
  header: block(width: 100%%, fill: rgb("#1b3a5c"), inset: 6mm)[#text(fill: white, weight: "bold", size: 18pt)[#%s] #h(1fr) #text(fill: white, size: 9pt)[#%s]],
  footer: [#line(length: 100%%, stroke: 0.4pt + luma(180)) #text(size: 7pt)[#%s #h(1fr) #%s]])
#set text(font: "Noto Sans", size: 10pt, lang: %q)
#set par(justify: false, leading: 0.55em, spacing: 0.9em)
#text(fill: rgb("#e07b00"), weight: "bold", size: 8pt)[#upper("Recommendation %d of %d")] \
#text(fill: rgb("#1b3a5c"), weight: "bold", size: 16pt)[#%s]
#grid(columns: (2fr, 1fr), gutter: 8mm,
[
`, str(r.Title), str(s.Organisation.Name), str(s.Organisation.ShortName), str(s.Title), str(s.Source), str(string(s.Date)), s.Lang, r.Number, len(s.Recommendations), str(r.Title))
	for _, p := range r.Body {
		fmt.Fprintf(&b, "#par(%s)\n", str(p))
	}
	for _, a := range r.Asks {
		fmt.Fprintf(&b, "- #%s\n", str(a))
	}
	b.WriteString("],\n[\n#block(fill: luma(240), inset: 4mm, width: 100%)[#text(weight: \"bold\", size: 7pt)[KEY FIGURES] \\\n")
	for _, f := range s.Figures {
		if len(r.Figures) > 0 && !contains(r.Figures, f.ID) {
			continue
		}
		fmt.Fprintf(&b, "#text(fill: rgb(\"#e07b00\"), weight: \"bold\", size: 20pt)[#%s] \\\n#text(size: 8pt)[#%s]\n\n", str(f.Value), str(f.Label))
	}
	b.WriteString("]\n")
	for _, q := range s.Quotes {
		if q.ID == r.Quote {
			fmt.Fprintf(&b, "#block(stroke: (left: 2pt + rgb(\"#e07b00\")), inset: (left: 4mm))[#text(style: \"italic\", fill: rgb(\"#1b3a5c\"))[#%s] \\\n#text(weight: \"bold\", size: 8pt)[— #%s] \\\n#text(size: 7pt)[#%s]]\n", str(q.Text), str(q.Speaker), str(q.Role))
		}
	}
	b.WriteString("])\n")
	return b.String()
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}
