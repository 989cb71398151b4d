package docx_test

import (
	"fmt"
	"html"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"briefing/briefing/doc"
	"briefing/briefing/statement"
	"briefing/internal/testtool"
)

// substitute is a fontconfig file that hides Noto Sans and sends its
// name to Liberation Sans, a font with Arial's metrics: the fonts of a
// reader who has no Noto Sans.
const substitute = `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <selectfont><rejectfont><pattern><patelt name="family"><string>Noto Sans</string></patelt></pattern></rejectfont></selectfont>
  <alias binding="same"><family>Noto Sans</family><prefer><family>Liberation Sans</family></prefer></alias>
</fontconfig>
`

// TestOnePageInLibreOffice converts every brief and pack (en, es; A4,
// Letter) with LibreOffice twice, with a private profile each time: with
// Noto Sans installed, and with Noto Sans replaced by Liberation Sans
// (Arial's metrics) by a fontconfig file. Every brief must be one page
// both times, set in the font the case says.
func TestOnePageInLibreOffice(t *testing.T) {
	soffice := testtool.Need(t, "soffice")
	pdfinfo := testtool.Need(t, "pdfinfo")
	pdffonts := testtool.Need(t, "pdffonts")
	fcMatch := testtool.Need(t, "fc-match")
	pdftotext := testtool.Need(t, "pdftotext")
	docs := allDocs(t)
	conf := filepath.Join(t.TempDir(), "fonts.conf")
	if err := os.WriteFile(conf, []byte(substitute), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name string
		env  []string
		font string // the font the PDFs must use, as pdffonts names it
	}{
		{"noto", nil, "NotoSans"},
		{"liberation", []string{"FONTCONFIG_FILE=" + conf}, "LiberationSans"},
	} {
		t.Run(c.name, func(t *testing.T) {
			env := append(os.Environ(), c.env...)
			fc := exec.Command(fcMatch, "-f", "%{family}", "Noto Sans")
			fc.Env = env
			got, err := fc.Output()
			if err != nil {
				t.Fatalf("fc-match: %v", err)
			}
			if want := map[string]string{"noto": "Noto Sans", "liberation": "Liberation Sans"}[c.name]; !strings.HasPrefix(string(got), want) {
				testtool.Missing(t, fmt.Sprintf("fontconfig gives %q for Noto Sans, want %s (install fonts-noto-core and fonts-liberation2)", got, want))
			}
			dir, paths := writeAll(t, docs)
			args := append([]string{"--headless", "-env:UserInstallation=file://" + t.TempDir(), "--convert-to", "pdf", "--outdir", dir}, paths...)
			cmd := exec.Command(soffice, args...)
			cmd.Env = env
			if b, err := cmd.CombinedOutput(); err != nil {
				t.Fatalf("soffice: %v\n%s", err, b)
			}
			for _, d := range docs {
				pdf := filepath.Join(dir, d.name+".pdf")
				pages := pdfPages(t, pdfinfo, pdf)
				fonts, err := exec.Command(pdffonts, pdf).Output()
				if err != nil {
					t.Fatalf("%s: pdffonts: %v", d.name, err)
				}
				if !strings.Contains(string(fonts), c.font) || (c.name == "liberation" && strings.Contains(string(fonts), "NotoSans-")) {
					t.Errorf("%s: not set in %s:\n%s", d.name, c.font, fonts)
				}
				t.Logf("%s: %d pages", d.name, pages)
				if d.d.Meta.Kind == statement.KindBrief {
					if pages != 1 {
						t.Errorf("%s: %d pages, want 1", d.name, pages)
					}
					sideColumn(t, pdftotext, pdf, d)
				}
			}
		})
	}
}

// pdfPages is the page count pdfinfo gives for a PDF.
func pdfPages(t *testing.T, pdfinfo, pdf string) int {
	t.Helper()
	info, err := exec.Command(pdfinfo, pdf).Output()
	if err != nil {
		t.Fatalf("pdfinfo %s: %v", pdf, err)
	}
	for _, line := range strings.Split(string(info), "\n") {
		if v, ok := strings.CutPrefix(line, "Pages:"); ok {
			n, _ := strconv.Atoi(strings.TrimSpace(v))
			return n
		}
	}
	t.Fatalf("pdfinfo %s: no page count", pdf)
	return 0
}

// wordBox is a word of pdftotext -bbox: its left edge, in points, and its
// text.
var wordBox = regexp.MustCompile(`<word xMin="([0-9.]+)"[^>]*>([^<]*)</word>`)

// sideColumn checks that LibreOffice set a brief in two columns: every
// word of the quote and of the key figures' values (unless they span the
// page above the columns, as the fit may set them) that is not printed
// elsewhere on the page lies right of the side column's left edge (the text
// width less the side column, 0.34 of it at most, from the left margin).
func sideColumn(t *testing.T, pdftotext, pdf string, d rendered) {
	t.Helper()
	out, err := exec.Command(pdftotext, "-bbox", pdf, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	const margin = 18.0
	body := parts(t, d.b)["word/document.xml"]
	// The side column starts after the layout table's first column (the
	// main text and the gutter), which is as wide as the brief's choice
	// of side column (a third of the width, or narrower, or wider for a
	// larger quote) makes it.
	first, err := strconv.Atoi(mainCol(body))
	if err != nil {
		t.Fatalf("%s: no layout table", d.name)
	}
	edge := margin*72/25.4 + float64(first)/20
	main := map[string]bool{} // words printed elsewhere
	elsewhere := func(texts ...string) {
		for _, s := range texts {
			for _, f := range strings.Fields(s) {
				main[f] = true
			}
		}
	}
	var side []string
	// The key figures span the page when their values come before the
	// layout table's first cell.
	span := strings.Index(body, `w:val="FigureValue"`) < strings.Index(body, `<w:gridCol w:w="`+mainCol(body))
	for _, b := range d.d.Blocks {
		switch x := b.(type) {
		case *doc.Paragraph:
			elsewhere(x.Text.Plain())
		case *doc.List:
			for _, it := range x.Items {
				elsewhere(it.Plain())
			}
		case *doc.Heading:
			elsewhere(x.Text.Plain(), x.Kicker)
		case *doc.Masthead:
			elsewhere(x.Label, x.Statement, x.Line, x.Wordmark.Name, x.Wordmark.Short)
		case *doc.SourceBlock:
			elsewhere(x.Label, x.URL, x.Address, x.Footer, x.Date, x.Doc, x.Unofficial)
			if x.Contact != nil {
				elsewhere(x.Contact.Runs().Plain())
			}
		case *doc.PullQuote:
			side = append(side, strings.Fields(x.Text.Plain())...)
		case *doc.Figures:
			if span {
				elsewhere(x.Title, x.Source.Plain())
			}
			for _, it := range x.Items {
				if span {
					elsewhere(it.Value, it.Label.Plain())
				} else {
					side = append(side, strings.Fields(it.Value)...)
				}
			}
		}
	}
	at := map[string][]float64{}
	for _, m := range wordBox.FindAllStringSubmatch(string(out), -1) {
		x, _ := strconv.ParseFloat(m[1], 64)
		at[html.UnescapeString(m[2])] = append(at[html.UnescapeString(m[2])], x)
	}
	checked := 0
	for _, word := range side {
		if main[word] || len(at[word]) == 0 {
			continue // hyphenated, or also in the main text
		}
		checked++
		for _, x := range at[word] {
			if x < edge-1 {
				t.Errorf("%s: %q at x = %.1f pt, left of the side column (%.1f pt)", d.name, word, x, edge)
			}
		}
	}
	if checked < 5 {
		t.Errorf("%s: %d side-column words found in the PDF", d.name, checked)
	}
}

// mainCol is the width of the brief's layout table's first column, as
// document.xml writes it: the grid with two columns whose second is the
// narrower.
func mainCol(body string) string {
	m := regexp.MustCompile(`<w:tblGrid><w:gridCol w:w="(\d+)"></w:gridCol><w:gridCol w:w="(\d+)"></w:gridCol></w:tblGrid>`).FindAllStringSubmatch(body, -1)
	for _, g := range m {
		a, _ := strconv.Atoi(g[1])
		b, _ := strconv.Atoi(g[2])
		if b > a/3 && b < a {
			return g[1]
		}
	}
	return "?"
}
