package compose_test

import (
	"strings"
	"testing"

	"briefing/briefing/compose"
	"briefing/briefing/doc"
	"briefing/briefing/statement"
	"briefing/data"
)

// plainOf is the document's snapshot, to search for its words.
func plainOf(d *doc.Doc) string { return string(snapshot(d)) }

// TestPackLabel: the pack's cover label, Subject and keywords come from
// the audience; only the built-in data's delegates say "Delegate pack".
func TestPackLabel(t *testing.T) {
	ds, err := statement.Load(data.FS, data.Default)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]map[string]string{
		"en": {"delegates": "Delegate pack", "states": "Briefing pack", "donors": "Briefing pack", "civil-society": "Briefing pack"},
		"es": {"delegates": "Dosier para delegaciones", "states": "Dosier informativo", "donors": "Dosier informativo", "civil-society": "Dosier informativo"},
	}
	for lang, auds := range want {
		s, _ := ds.In(lang)
		for id, label := range auds {
			d := compose.Pack(s, s.Audience(id), compose.Options{Paper: statement.PaperA4})
			cv := d.Blocks[0].(*doc.Cover)
			if cv.Kicker != label || !strings.HasPrefix(d.Meta.Subject, label+": ") {
				t.Errorf("%s/%s: cover %q, subject %q; want %q", lang, id, cv.Kicker, d.Meta.Subject, label)
			}
			if id != "delegates" && strings.Contains(strings.ToLower(plainOf(d)), "delegate pack") {
				t.Errorf("%s/%s: the pack says Delegate pack", lang, id)
			}
		}
	}
}

// TestQRLabel: the QR code's label says where it leads, and no address is
// printed twice beside it.
func TestQRLabel(t *testing.T) {
	ds, err := statement.Load(data.FS, data.Default)
	if err != nil {
		t.Fatal(err)
	}
	s, _ := ds.In("en")
	a := s.Audience("states")
	r := &s.Recommendations[0]
	src := compose.Brief(s, a, r, compose.Options{Paper: statement.PaperA4}).Blocks
	b := src[len(src)-1].(*doc.SourceBlock)
	if b.URL != "https://drc.ngo" || b.Label != "drc.ngo – Danish Refugee Council" || b.Address != "" {
		t.Errorf("without statement_url: %q %q %q, want the website, labelled as such, with no address line", b.URL, b.Label, b.Address)
	}
	es, _ := ds.In("es")
	src = compose.Brief(es, es.Audience("states"), &es.Recommendations[0], compose.Options{Paper: statement.PaperA4}).Blocks
	if b := src[len(src)-1].(*doc.SourceBlock); b.Label != "drc.ngo – Consejo Danés para Refugiados" {
		t.Errorf("es: label %q", b.Label)
	}

	own := *s
	own.StatementURL = "https://drc.ngo/resources/news/upholding-the-promises-of-the-cartagena-declaration/"
	src = compose.Brief(&own, a, r, compose.Options{Paper: statement.PaperA4, Brand: nil}).Blocks
	b = src[len(src)-1].(*doc.SourceBlock)
	if b.URL != own.StatementURL || b.Label != "Scan to read the full statement" || b.Address != own.StatementURL {
		t.Errorf("with statement_url: %q %q %q", b.URL, b.Label, b.Address)
	}
	home := *s
	home.StatementURL = "https://drc.ngo/"
	src = compose.Brief(&home, a, r, compose.Options{Paper: statement.PaperA4}).Blocks
	if b := src[len(src)-1].(*doc.SourceBlock); b.Label == "Scan to read the full statement" {
		t.Errorf("a home page as statement_url is labelled %q", b.Label)
	}
	for _, blk := range src {
		if b, ok := blk.(*doc.SourceBlock); ok {
			n := strings.Count(b.Label+" "+b.Address+" "+b.Footer, "drc.ngo")
			if n != 1 {
				t.Errorf("the source block names drc.ngo %d times: %q / %q / %q", n, b.Label, b.Address, b.Footer)
			}
		}
	}
}

// TestDateOnce: every brief and every page of a pack prints the date once.
func TestDateOnce(t *testing.T) {
	ds, err := statement.Load(data.FS, data.Default)
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range []string{"en", "es"} {
		s, _ := ds.In(lang)
		date := map[string]string{"en": "21 June 2024", "es": "21 de junio de 2024"}[lang]
		for i := range s.Recommendations {
			d := compose.Brief(s, s.Audience("delegates"), &s.Recommendations[i], compose.Options{Paper: statement.PaperA4})
			if n := strings.Count(plainOf(d), date); n != 1 {
				t.Errorf("%s brief %d prints the date %d times", lang, i+1, n)
			}
		}
		d := compose.Pack(s, s.Audience("donors"), compose.Options{Paper: statement.PaperA4})
		var pages []string
		page := ""
		for _, b := range d.Blocks {
			if _, ok := b.(*doc.PageBreak); ok {
				pages = append(pages, page)
				page = ""
				continue
			}
			page += string(snapshot(&doc.Doc{Blocks: []doc.Block{b}}))
		}
		pages = append(pages, page)
		for i, p := range pages {
			if n := strings.Count(p, date); n > 1 {
				t.Errorf("%s pack page %d prints the date %d times", lang, i+1, n)
			}
		}
	}
}

// TestFigureSources: the source line names one source once, or each
// source with its figures.
func TestFigureSources(t *testing.T) {
	ds, err := statement.Load(data.FS, data.Default)
	if err != nil {
		t.Fatal(err)
	}
	s, _ := ds.In("en")
	a := s.Audience("delegates")
	figs := func(r *statement.Recommendation) string {
		for _, b := range compose.Brief(s, a, r, compose.Options{Paper: statement.PaperA4}).Blocks {
			if f, ok := b.(*doc.Figures); ok {
				return f.Source.Plain()
			}
		}
		return ""
	}
	if got := figs(s.Recommendation("access-to-protection")); got != "Source: Estimates cited by DRC, 2024" {
		t.Errorf("rec 1: %q", got)
	}
	if got := figs(s.Recommendation("root-causes")); got != "Sources: Estimates cited by DRC, 2024 (25 million); Cartagena Declaration on Refugees, 1984 (40)" {
		t.Errorf("rec 4: %q", got)
	}
}

// TestContactAndQuoteRole: an audience's contact replaces the
// organisation's; a quote known by its role prints the role on the
// speaker's line.
func TestContactAndQuoteRole(t *testing.T) {
	ds, err := statement.Load(data.FS, data.Default)
	if err != nil {
		t.Fatal(err)
	}
	s := *ds.Base
	s.Audiences = append([]statement.Audience(nil), s.Audiences...)
	a := &s.Audiences[2]
	a.Contact = &statement.Contact{Name: "Ana Pérez", Role: "Donor relations", Email: "donors@example.org", Phone: "+45 12 34 56 78"}
	s.Quotes = append([]statement.Quote(nil), s.Quotes...)
	s.Quotes[0].Speaker = ""
	d := compose.Pack(&s, a, compose.Options{Paper: statement.PaperLetter})
	text := plainOf(d)
	if !strings.Contains(text, "Ana Pérez, Donor relations") || !strings.Contains(text, "mailto:donors@example.org") || strings.Contains(text, "Advocacy team, Americas") {
		t.Errorf("donors' pack does not carry the audience's contact alone")
	}
	found := false
	for _, b := range d.Blocks {
		if q, ok := b.(*doc.PullQuote); ok && q.Speaker == "Secretary General, DRC" && q.Role == "" {
			found = true
		}
	}
	if !found {
		t.Errorf("no quote attributed to its role alone")
	}
	ct := &doc.Contact{Label: "Contact", Role: "Desk", Email: "a@example.org", Phone: "+1 555 0100"}
	if got := ct.Runs().Plain(); got != "Contact: Desk · a@example.org · +1 555 0100" {
		t.Errorf("contact line %q", got)
	}
}
