// Command gen writes a generated statement for scale tests: many
// recommendations and audiences, in English with a Spanish translation, in
// the same schema as data/cartagena40.yaml.
//
//	go run ./bench/gen -recs 200 -audiences 10 -out /tmp/scale
//	briefing build --data /tmp/scale/scale.yaml --out /tmp/scale/out
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"strings"
)

func main() {
	recs := flag.Int("recs", 200, "number of recommendations")
	audiences := flag.Int("audiences", 10, "number of audiences (each gets every recommendation)")
	formats := flag.String("formats", "pdf, docx", "formats each audience asks for")
	out := flag.String("out", "scale", "folder to write scale.yaml and scale.es.yaml into")
	flag.Parse()
	if err := os.MkdirAll(*out, 0o755); err != nil {
		log.Fatal(err)
	}
	write := func(name, s string) {
		if err := os.WriteFile(filepath.Join(*out, name), []byte(s), 0o644); err != nil {
			log.Fatal(err)
		}
	}
	write("scale.yaml", statement(*recs, *audiences, *formats, false))
	write("scale.es.yaml", statement(*recs, *audiences, *formats, true))
	fmt.Printf("%s: %d recommendations × %d audiences × 2 languages × %d formats = %d briefs and %d packs\n",
		filepath.Join(*out, "scale.yaml"), *recs, *audiences, len(strings.Split(*formats, ",")),
		*recs**audiences*2*len(strings.Split(*formats, ",")), *audiences*2*len(strings.Split(*formats, ",")))
}

const para = "Access to asylum procedures and protection services at the border and throughout the displacement route are key to meet the international protection needs of displaced populations, and *complementary pathways* should not replace them."
const parra = "El acceso a los procedimientos de asilo y a los servicios de protección en la frontera y a lo largo de la ruta es clave para atender las necesidades de protección internacional, y las *vías complementarias* no deben sustituirlos."

func statement(recs, audiences int, formats string, es bool) string {
	var b strings.Builder
	p, title := para, "Recommendation"
	if es {
		p, title = parra, "Recomendación"
		b.WriteString("lang: es\ntranslation: {official: false}\n")
		fmt.Fprintf(&b, "title: Declaración de prueba a escala\nsummary: %q\ncontext: [%q]\n", parra, parra)
		b.WriteString("figures:\n  - {id: f1, value: 25 millones, label: personas desplazadas}\n")
		fmt.Fprintf(&b, "quotes:\n  - {id: q1, text: %q}\n", parra)
	} else {
		b.WriteString("id: scale\nlang: en\ntitle: A statement at scale\n")
		b.WriteString("organisation: {name: Example Organisation, short_name: EO, website: https://example.org}\n")
		b.WriteString("date: 2024-06-21\nplace: Bogotá\nevent: Scale test\nsource: https://example.org/statement\n")
		fmt.Fprintf(&b, "summary: %q\ncontext: [%q]\n", para, para)
		b.WriteString("figures:\n  - {id: f1, value: 25 million, label: people displaced}\n")
		fmt.Fprintf(&b, "quotes:\n  - {id: q1, text: %q, speaker: A. Speaker, role: Director}\n", para)
	}
	b.WriteString("recommendations:\n")
	for i := 1; i <= recs; i++ {
		fmt.Fprintf(&b, "  - id: r%d\n", i)
		if !es {
			fmt.Fprintf(&b, "    number: %d\n    quote: q1\n", i)
		}
		fmt.Fprintf(&b, "    title: %s %d on protection and durable solutions\n    body: [%q, %q, %q]\n", title, i, p, p, p)
	}
	b.WriteString("audiences:\n")
	for i := 1; i <= audiences; i++ {
		fmt.Fprintf(&b, "  - id: a%d\n    name: Audience %d\n", i, i)
		if !es {
			fmt.Fprintf(&b, "    languages: [en, es]\n    kinds: [brief, pack]\n    formats: [%s]\n", formats)
		}
	}
	return b.String()
}
