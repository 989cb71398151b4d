package compose_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"briefing/briefing/compose"
	"briefing/briefing/doc"
	"briefing/briefing/inline"
	"briefing/briefing/statement"
	"briefing/briefing/style"
	"briefing/data"
)

var update = flag.Bool("update", false, "rewrite the expected files from the current output")

// snapshot is the structure of a Doc as JSON: each block tagged with its type.
func snapshot(d *doc.Doc) []byte {
	type tagged struct {
		Type  string    `json:"type"`
		Block doc.Block `json:"block"`
	}
	blocks := make([]tagged, len(d.Blocks))
	for i, b := range d.Blocks {
		blocks[i] = tagged{reflect.TypeOf(b).Elem().Name(), b}
	}
	b, err := json.MarshalIndent(struct {
		Meta   doc.Meta     `json:"meta"`
		Header *doc.Running `json:"header,omitempty"`
		Footer *doc.Running `json:"footer,omitempty"`
		Blocks []tagged     `json:"blocks"`
	}{d.Meta, d.Header, d.Footer, blocks}, "", "  ")
	if err != nil {
		panic(err)
	}
	return append(b, '\n')
}

// TestCompose compares the brief model of each case with its golden file
// testdata/golden/<name>.json; run with -update (see load_test.go) to
// rewrite them.
func TestCompose(t *testing.T) {
	ds, err := statement.Load(data.FS, data.Default)
	if err != nil {
		t.Fatal(err)
	}
	brand := style.Brand{Name: "Danish Refugee Council", Footer: "Footer line"}
	cases := []struct {
		name, lang, audience string
		rec                  string // empty: the pack
	}{
		{"brief-en-rec1", "en", "delegates", "access-to-protection"},
		{"brief-es-rec3", "es", "delegates", "climate-displacement"},
		{"pack-en-delegates", "en", "delegates", ""},
		{"pack-es-donors", "es", "donors", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s, missing := ds.In(c.lang)
			if len(missing) > 0 {
				t.Fatalf("%s: untranslated: %v", c.lang, missing)
			}
			a := s.Audience(c.audience)
			opt := compose.Options{Paper: statement.PaperA4, Creator: "briefing test", Brand: &brand}
			var d *doc.Doc
			if c.rec == "" {
				d = compose.Pack(s, a, opt)
			} else {
				d = compose.Brief(s, a, s.Recommendation(c.rec), opt)
			}
			got := snapshot(d)
			file := filepath.Join("testdata", "golden", c.name+".json")
			if *update {
				os.MkdirAll(filepath.Dir(file), 0o755)
				if err := os.WriteFile(file, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(file)
			if err != nil {
				t.Fatalf("%v (run go test ./briefing/compose -run TestCompose -update)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("brief model differs from %s; if the change is intended, run with -update and review the diff\n%s", file, got)
			}
		})
	}
}

// TestComposeBriefContent checks what a brief carries, independent of golden
// files: the kicker, every body paragraph, the figures and the quote.
func TestComposeBriefContent(t *testing.T) {
	ds, err := statement.Load(data.FS, data.Default)
	if err != nil {
		t.Fatal(err)
	}
	s, _ := ds.In("es")
	r := s.Recommendation("inclusion-and-integration")
	d := compose.Brief(s, s.Audience("donors"), r, compose.Options{Paper: statement.PaperLetter})
	m, ok := d.Blocks[0].(*doc.Masthead)
	if !ok || m.Wordmark.Short != "DRC" || m.Wordmark.Name != "Consejo Danés para Refugiados" && m.Wordmark.Name != "Danish Refugee Council" {
		t.Fatalf("first block %#v, want the masthead with DRC's wordmark", d.Blocks[0])
	}
	h, ok := d.Blocks[1].(*doc.Heading)
	if !ok || h.Kicker != "Recomendación 2 de 4" {
		t.Fatalf("second block %#v, want a heading with kicker Recomendación 2 de 4", d.Blocks[1])
	}
	if h.At.File != "cartagena40.es.yaml" || h.At.Line == 0 || h.At.Field != "recommendations[1].title" {
		t.Errorf("heading place %v, want the Spanish title's place", h.At)
	}
	if rec := d.Rec(); rec.Number != 2 || rec.Body.File != "cartagena40.es.yaml" || rec.Body.Line == 0 || rec.Body.Field != "recommendations[1].body" {
		t.Errorf("brief's recommendation %+v, want number 2 with the Spanish body's place", rec)
	}
	if p, ok := d.Blocks[2].(*doc.Paragraph); !ok || p.At.File != "cartagena40.es.yaml" || p.At.Field != "recommendations[1].body[0]" {
		t.Errorf("third block %#v, want the first paragraph of the Spanish body, with its place", d.Blocks[2])
	}
	if m.Line != "Proceso Cartagena +40  ·  Bogotá, 21 de junio de 2024" {
		t.Errorf("masthead line %q, want the event, place and date", m.Line)
	}
	src, ok := d.Blocks[len(d.Blocks)-1].(*doc.SourceBlock)
	if !ok || src.Date != "" || src.Unofficial == "" || src.URL == "" || src.Contact == nil || src.Contact.Role != "Equipo de incidencia, Américas" {
		t.Errorf("last block %#v, want the source block with the unofficial note and the contact, and no date (the masthead has it)", d.Blocks[len(d.Blocks)-1])
	}
	if d.Meta.Paper != statement.PaperLetter {
		t.Errorf("meta: paper %q", d.Meta.Paper)
	}
	var paras, figs, quotes int
	for _, b := range d.Blocks {
		switch b := b.(type) {
		case *doc.Paragraph:
			// The last two words are tied (no-break space).
			if strings.ReplaceAll(b.Text.Plain(), "\u00a0", " ") != inline.Plain(r.Body[paras]) {
				t.Errorf("paragraph %d: %q", paras, b.Text.Plain())
			}
			paras++
		case *doc.Figures:
			figs = len(b.Items)
		case *doc.PullQuote:
			quotes++
		}
	}
	if paras != len(r.Body) || figs != 2 || quotes != 1 {
		t.Errorf("brief has %d paragraphs (want %d), %d figures (want 2), %d quotes (want 1)", paras, len(r.Body), figs, quotes)
	}
}

// TestTie: the last two words of a text field are tied with a no-break
// space, across runs of other styles too.
func TestTie(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"one", "one"},
		{"one two", "one\u00a0two"},
		{"one two three.", "one two\u00a0three."},
		{"the *pro homine* principle", "the pro homine\u00a0principle"},
		{"ends in *two words*", "ends in two\u00a0words"},
		{"trailing space ", "trailing\u00a0space"},
	} {
		if got := compose.Tie(c.in).Plain(); got != c.want {
			t.Errorf("%q: got %q, want %q", c.in, got, c.want)
		}
	}
}
