package pdf_test

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"briefing/internal/testtool"
)

// written saves b in a temporary folder for the poppler tools.
func written(t *testing.T, b []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "doc.pdf")
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func run(t *testing.T, prog string, args ...string) string {
	t.Helper()
	out, err := exec.Command(testtool.Need(t, prog), args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s %s: %v\n%s", prog, strings.Join(args, " "), err, out)
	}
	return string(out)
}

// pdfinfo returns pdfinfo's fields.
func pdfinfo(t *testing.T, file string) map[string]string {
	out := run(t, "pdfinfo", file)
	m := map[string]string{}
	for _, l := range strings.Split(out, "\n") {
		if k, v, ok := strings.Cut(l, ":"); ok {
			m[k] = strings.TrimSpace(v)
		}
	}
	return m
}

// text returns the text of pages first to last (0: all) in reading order,
// normalised.
func text(t *testing.T, file string, first, last int) string {
	args := []string{"-enc", "UTF-8"}
	if first > 0 {
		args = append(args, "-f", strconv.Itoa(first), "-l", strconv.Itoa(last))
	}
	return norm(run(t, "pdftotext", append(args, file, "-")...))
}

var space = regexp.MustCompile(`[\s\x{00a0}]+`)

// norm folds white space and joins words broken at line ends after a
// hyphen or a slash (line-break opportunities of UAX #14).
func norm(s string) string {
	s = strings.ReplaceAll(s, "-\n", "-")
	s = strings.ReplaceAll(s, "/\n", "/")
	s = strings.ReplaceAll(s, "\u00ad", "")
	return strings.TrimSpace(space.ReplaceAllString(s, " "))
}

var subsetName = regexp.MustCompile(`^([A-Z]{6})\+NotoSans-(Regular|Bold|Italic|BoldItalic)$`)

// checkFonts asserts that every font is embedded and subset, and named
// TAG+PostScriptName with a tag of its own; it returns the names.
func checkFonts(t *testing.T, file string) []string {
	t.Helper()
	lines := strings.Split(strings.TrimSpace(run(t, "pdffonts", file)), "\n")
	if len(lines) < 3 {
		t.Fatalf("pdffonts lists no fonts:\n%s", strings.Join(lines, "\n"))
	}
	var names []string
	tags := map[string]bool{}
	for _, l := range lines[2:] {
		f := strings.Fields(l)
		// name type... encoding emb sub uni object ID
		if len(f) < 7 || f[len(f)-5] != "yes" || f[len(f)-4] != "yes" {
			t.Errorf("font not embedded and subset: %s", l)
			continue
		}
		m := subsetName.FindStringSubmatch(f[0])
		if m == nil {
			t.Errorf("font name %q is not TAG+NotoSans-Style", f[0])
			continue
		}
		if tags[m[1]] {
			t.Errorf("subset tag %s used twice", m[1])
		}
		tags[m[1]] = true
		names = append(names, f[0])
	}
	return names
}

// checkQPDF runs qpdf --check.
func checkQPDF(t *testing.T, file string) {
	t.Helper()
	run(t, "qpdf", "--check", file)
}

// qpdfOutline reads the document outline of file as qpdf sees it: each
// entry's title and the page (from 1) it goes to, depth first.
func qpdfOutline(t *testing.T, file string) (titles []string, pages []int) {
	t.Helper()
	var doc struct {
		Outlines []qpdfEntry `json:"outlines"`
	}
	if err := json.Unmarshal([]byte(run(t, "qpdf", "--json", "--json-key=outlines", file)), &doc); err != nil {
		t.Fatalf("qpdf --json: %v", err)
	}
	var walk func([]qpdfEntry)
	walk = func(es []qpdfEntry) {
		for _, e := range es {
			titles = append(titles, e.Title)
			pages = append(pages, e.Page)
			walk(e.Kids)
		}
	}
	walk(doc.Outlines)
	return titles, pages
}

type qpdfEntry struct {
	Title string      `json:"title"`
	Page  int         `json:"destpageposfrom1"`
	Kids  []qpdfEntry `json:"kids"`
}
