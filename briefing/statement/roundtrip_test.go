package statement_test

import (
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"briefing/briefing/inline"
	"briefing/briefing/statement"
	"briefing/data"
)

// norm folds white space and strips inline markup.
func norm(s string) string { return strings.Join(strings.Fields(inline.Plain(s)), " ") }

// TestSeedRoundTrip checks that every paragraph of the published statement
// (testdata/seed.txt, the text the default data was made from) is in the
// default data: context paragraphs, quote texts, recommendation titles and
// body paragraphs.
func TestSeedRoundTrip(t *testing.T) {
	ds, err := statement.Load(data.FS, data.Default)
	if err != nil {
		t.Fatal(err)
	}
	s := ds.Base
	b, err := os.ReadFile("testdata/seed.txt")
	if err != nil {
		t.Fatal(err)
	}
	var paras []string
	for _, p := range regexp.MustCompile(`\n\s*\n`).Split(strings.ReplaceAll(string(b), "\r", ""), -1) {
		if p = strings.Join(strings.Fields(p), " "); p != "" {
			paras = append(paras, p)
		}
	}
	// The statement runs from the line after the subtitle to the first
	// "24 Jun 2024"-style line of the site's related-articles list.
	start, end := -1, len(paras)
	for i, p := range paras {
		if strings.HasPrefix(p, "Danish Refugee Council (DRC) statement") && start < 0 {
			start = i + 1
		}
		if start >= 0 && i >= start && regexp.MustCompile(`^\d{1,2} [A-Z][a-z]{2} \d{4}\b`).MatchString(p) {
			end = i
			break
		}
	}
	if start < 0 || end-start < 20 {
		t.Fatalf("seed text not recognised: start %d end %d", start, end)
	}
	if paras[1] != norm(s.Title) {
		t.Errorf("title: seed %q, data %q", paras[1], norm(s.Title))
	}

	text := map[string]bool{}
	for _, p := range s.Context {
		text[norm(p)] = true
	}
	for _, r := range s.Recommendations {
		for _, p := range r.Body {
			text[norm(p)] = true
		}
	}
	quote := func(q string) string { // quotes may be re-cased and re-punctuated
		return strings.ToLower(strings.TrimRight(norm(q), ".,;: "))
	}
	quotes := map[string]bool{}
	for _, q := range s.Quotes {
		quotes[quote(q.Text)] = true
	}

	titleRe := regexp.MustCompile(`^(\d+): (.*)$`)
	quoteRe := regexp.MustCompile(`“([^”]*)”`)
	var nTitles, nQuotes, nParas int
	for _, p := range paras[start:end] {
		switch {
		case titleRe.MatchString(p):
			m := titleRe.FindStringSubmatch(p)
			n, _ := strconv.Atoi(m[1])
			nTitles++
			if n < 1 || n > len(s.Recommendations) || norm(s.Recommendations[n-1].Title) != m[2] {
				t.Errorf("recommendation %d title not in data: %q", n, m[2])
			}
		case quoteRe.MatchString(p):
			nQuotes++
			if q := quoteRe.FindStringSubmatch(p)[1]; !quotes[quote(q)] {
				t.Errorf("quote not in data: %q", q)
			}
		default:
			nParas++
			if !text[p] {
				t.Errorf("paragraph not in data: %q", p)
			}
		}
	}
	if nTitles != 4 || nQuotes != 2 || nParas != 17 {
		t.Errorf("seed has %d titles, %d quotes, %d paragraphs; want 4, 2, 17", nTitles, nQuotes, nParas)
	}
}
