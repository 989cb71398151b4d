package pdf_test

import (
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"briefing/briefing/compose"
	"briefing/briefing/doc"
	"briefing/briefing/layout"
	"briefing/briefing/statement"
	"briefing/internal/testtool"
)

// TestQRScans renders the briefs' and the pack's pages with poppler and
// reads them with a QR code reader (zbarimg, Debian zbar-tools), as a
// delegate's phone would read the printed page: every QR code the layout
// draws decodes to its address, on A4 and Letter, in the press mode's
// process inks too.
func TestQRScans(t *testing.T) {
	zbar := testtool.Need(t, "zbarimg")
	pdftoppm := testtool.Need(t, "pdftoppm")
	_, st, r := fixture(t)
	ts, err := layout.New(st)
	if err != nil {
		t.Fatal(err)
	}
	docs := map[string]*doc.Doc{}
	for _, paper := range []statement.Paper{statement.PaperA4, statement.PaperLetter} {
		for name, d := range briefs(t, "es", paper) {
			if strings.HasSuffix(name, "-1") || strings.HasSuffix(name, "-2") {
				docs[name] = d
			}
		}
		docs["pack-en-"+string(paper)] = pack(t, "en", "delegates", paper)
	}
	press := opts(st, statement.PaperA4)
	press.Print = statement.PrintPress
	s := statementIn(t, "en")
	docs["brief-press"] = compose.Brief(s, s.Audience("delegates"), &s.Recommendations[0], press)
	for name, d := range docs {
		t.Run(name, func(t *testing.T) {
			// What the layout draws: a QR box per page at most.
			ld, err := ts.Lay(d)
			if err != nil {
				t.Fatal(err)
			}
			var want []string
			for _, pg := range ld.Pages {
				for _, b := range pg.Boxes {
					if b.Kind == layout.QR && b.Code != nil {
						want = append(want, b.Text)
					}
				}
			}
			if len(want) == 0 {
				t.Fatal("no QR code in the document")
			}
			b, _ := render(t, r, d, name)
			dir := t.TempDir()
			if out, err := exec.Command(pdftoppm, "-r", "150", "-png", written(t, b), filepath.Join(dir, "p")).CombinedOutput(); err != nil {
				t.Fatalf("pdftoppm: %v\n%s", err, out)
			}
			pages, _ := filepath.Glob(filepath.Join(dir, "p-*.png"))
			var got []string
			for _, p := range pages {
				// zbarimg exits 4 on a page without a code.
				out, _ := exec.Command(zbar, "-q", "--raw", p).Output()
				for _, l := range strings.Split(strings.TrimSpace(string(out)), "\n") {
					if l != "" {
						got = append(got, l)
					}
				}
			}
			slices.Sort(got)
			slices.Sort(want)
			if !slices.Equal(got, want) {
				t.Errorf("QR codes read: %q, want %q (one per QR box)", got, want)
			}
		})
	}
}
