package cli_test

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"briefing/internal/testtool"
)

// TestDesign reads the default build's PDFs back with poppler and checks
// what an editorial designer counts (issue 18): every brief of a set
// (audience, language, paper) has one body size; all briefs together use
// at most 7 text sizes; the whole default set has at most 2 runts (a
// paragraph's last line holding one word); every pack is at most 5
// pages, with at most one inside page under 65% full. bench/pagestats
// prints the same figures for any PDF.
func TestDesign(t *testing.T) {
	pdftotext := testtool.Need(t, "pdftotext")
	pdftohtml := testtool.Need(t, "pdftohtml")
	for _, paper := range []string{"a4", "letter"} {
		t.Run(paper, func(t *testing.T) {
			out := t.TempDir()
			if code, stdout, stderr := run(t, "build", "--format", "pdf", "--paper", paper, "--quiet", "--out", out); code != 0 {
				t.Fatalf("build: exit %d\n%s%s", code, stdout, stderr)
			}
			pdfs, _ := filepath.Glob(filepath.Join(out, "*", "*", "*.pdf"))
			if len(pdfs) < 20 {
				t.Fatalf("%d PDFs", len(pdfs))
			}
			slices.Sort(pdfs)
			briefSizes := map[float64]int{}
			bodies := map[string]map[float64]bool{} // set → body sizes
			var runts []string
			for _, p := range pdfs {
				name, _ := filepath.Rel(out, p)
				pages, err := testtool.ReadPDFWords(pdftotext, p)
				if err != nil {
					t.Fatal(err)
				}
				for _, r := range testtool.Runts(pages) {
					runts = append(runts, name+" "+r)
				}
				sizes := testtool.Sizes(pages, testtool.NotoLineHeight)
				if !strings.HasSuffix(name, "-pack.pdf") {
					for s, n := range sizes {
						briefSizes[s] += n
					}
					// The body is the size most of the text in the body
					// colour is set in (a lede or quote is in the primary
					// colour).
					byColor, err := testtool.TextBySizeColor(pdftohtml, p)
					if err != nil {
						t.Fatal(err)
					}
					inBody := map[int]int{}
					for c, m := range byColor {
						if near(c, bodyColor) {
							for size, n := range m {
								inBody[size] += n
							}
						}
					}
					body, most := 0, 0
					for size, n := range inBody {
						if n > most {
							body, most = size, n
						}
					}
					set := filepath.Dir(name)
					if bodies[set] == nil {
						bodies[set] = map[float64]bool{}
					}
					bodies[set][float64(body)] = true
					if body < 10 { // pdftohtml's whole points: 9.5 reads as 10
						t.Errorf("%s: body set at %d pt, below 9.5", name, body)
					}
					continue
				}
				if len(pages) > 5 {
					t.Errorf("%s: %d pages, want at most 5", name, len(pages))
				}
				m := 18 * 72 / 25.4
				var under []string
				for i := 1; i < len(pages)-1; i++ {
					if f := testtool.Fill(pages[i], m, pages[i].H-m); f < 0.65 {
						under = append(under, fmt.Sprintf("page %d %.0f%%", i+1, 100*f))
					}
				}
				if len(under) > 1 {
					t.Errorf("%s: inside pages under 65%% full: %s (at most one)", name, strings.Join(under, ", "))
				}
			}
			for set, b := range bodies {
				if len(b) != 1 {
					t.Errorf("%s: the briefs' body sizes differ: %v", set, testtool.SortedSizes(toCount(b)))
				}
			}
			if n := len(briefSizes); n > 7 {
				t.Errorf("the briefs use %d text sizes, want at most 7: %v", n, testtool.SortedSizes(briefSizes))
			}
			if paper == "a4" && len(runts) > 2 {
				t.Errorf("%d runts, want at most 2:\n%s", len(runts), strings.Join(runts, "\n"))
			}
		})
	}
}

// bodyColor is the built-in brand's text colour.
const bodyColor = "#1e2328"

// near reports whether two "#rrggbb" colours are the same but for
// rounding (poppler reports #1e2328 as #1e2228 or #1e2327).
func near(a, b string) bool {
	var x, y [3]int
	if _, err := fmt.Sscanf(a, "#%02x%02x%02x", &x[0], &x[1], &x[2]); err != nil {
		return false
	}
	if _, err := fmt.Sscanf(b, "#%02x%02x%02x", &y[0], &y[1], &y[2]); err != nil {
		return false
	}
	for i := range x {
		if d := x[i] - y[i]; d > 2 || d < -2 {
			return false
		}
	}
	return true
}

func toCount(m map[float64]bool) map[float64]int {
	out := map[float64]int{}
	for k := range m {
		out[k] = 1
	}
	return out
}
