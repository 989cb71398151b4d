package pdf_test

import (
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"briefing/briefing/compose"
	"briefing/briefing/doc"
	"briefing/briefing/statement"
)

// ptPerMM is the points in a millimetre.
const ptPerMM = 72 / 25.4

// boxes reads the page boxes of page 1 of file with pdfinfo -box, in
// points: [x0 y0 x1 y1] by name (MediaBox, BleedBox, TrimBox…).
func boxes(t *testing.T, file string) map[string][4]float64 {
	t.Helper()
	out := map[string][4]float64{}
	for _, l := range strings.Split(run(t, "pdfinfo", "-box", file), "\n") {
		k, v, ok := strings.Cut(l, ":")
		if !ok || !strings.HasSuffix(k, "Box") {
			continue
		}
		f := strings.Fields(v)
		if len(f) != 4 {
			t.Fatalf("pdfinfo -box: %q", l)
		}
		var b [4]float64
		for i, s := range f {
			b[i], _ = strconv.ParseFloat(s, 64)
		}
		out[k] = b
	}
	return out
}

// near reports whether a and b are within 0.02 pt (pdfinfo's rounding).
func near(a, b float64) bool { return a-b < 0.02 && b-a < 0.02 }

// rendered renders every page of file with pdftoppm at dpi and returns
// the pages.
func rendered(t *testing.T, file string, dpi int) []image.Image {
	t.Helper()
	prefix := filepath.Join(t.TempDir(), "page")
	run(t, "pdftoppm", "-r", strconv.Itoa(dpi), "-png", file, prefix)
	ms, _ := filepath.Glob(prefix + "*.png")
	var out []image.Image
	for _, m := range ms {
		f, err := os.Open(m)
		if err != nil {
			t.Fatal(err)
		}
		img, err := png.Decode(f)
		f.Close()
		if err != nil {
			t.Fatalf("%s: %v", m, err)
		}
		out = append(out, img)
	}
	if len(out) == 0 {
		t.Fatalf("pdftoppm made no page of %s", file)
	}
	return out
}

// rgb is the colour of img at x, y, 8 bits a channel.
func rgb(img image.Image, x, y int) [3]uint8 {
	r, g, b, _ := img.At(x, y).RGBA()
	return [3]uint8{uint8(r >> 8), uint8(g >> 8), uint8(b >> 8)}
}

// dark reports whether c is the band's navy, not paper: dark, and blue.
func navy(c [3]uint8) bool { return c[0] < 90 && c[1] < 110 && c[2] > c[0] && c[2] < 160 }

// white reports whether c is paper.
func white(c [3]uint8) bool { return c[0] > 245 && c[1] > 245 && c[2] > 245 }

// TestPressBoxes checks a print shop's A4 brief as pdfinfo sees it: the
// TrimBox is A4, the BleedBox 3 mm larger on every side, the MediaBox
// larger still for the crop marks; rendered, the band runs past the trim
// into the bleed, and the slug past the bleed is paper but for the marks.
func TestPressBoxes(t *testing.T) {
	_, _, r := fixture(t)
	for _, paper := range statement.Papers {
		t.Run(string(paper), func(t *testing.T) {
			d := printed(briefs(t, "en", paper)["brief-en-"+string(paper)+"-1"], statement.PrintPress)
			b, _ := render(t, r, d, "press-"+string(paper))
			f := written(t, b)
			checkQPDF(t, f)
			bx := boxes(t, f)
			trim, bleed, media := bx["TrimBox"], bx["BleedBox"], bx["MediaBox"]
			w, h, _ := paper.Size()
			if !near(trim[2]-trim[0], w*ptPerMM) || !near(trim[3]-trim[1], h*ptPerMM) {
				t.Errorf("TrimBox %v is %.2f × %.2f pt, want %s, %.2f × %.2f", trim, trim[2]-trim[0], trim[3]-trim[1], paper.Name(), w*ptPerMM, h*ptPerMM)
			}
			for i, sign := range []float64{-1, -1, 1, 1} {
				if !near(bleed[i], trim[i]+sign*3*ptPerMM) {
					t.Errorf("BleedBox %v is not 3 mm outside the TrimBox %v", bleed, trim)
					break
				}
				if sign*(media[i]-bleed[i]) < 5*ptPerMM {
					t.Errorf("MediaBox %v leaves under 5 mm for the crop marks outside the BleedBox %v", media, bleed)
					break
				}
			}
			const dpi = 144
			px := func(pt float64) int { return int(pt * dpi / 72) }
			img := rendered(t, f, dpi)[0]
			// pdftoppm renders the MediaBox, its top-left corner at 0, 0.
			top := media[3] - trim[3]
			left := trim[0] - media[0]
			bandY := px(top + 10*ptPerMM)
			for _, c := range []struct {
				what string
				x    int
				want func([3]uint8) bool
			}{
				{"the band, 1.5 mm outside the trim at the left", px(left - 1.5*ptPerMM), navy},
				{"the band, 1.5 mm outside the trim at the right", px(left + trim[2] - trim[0] + 1.5*ptPerMM), navy},
				{"the slug, 5 mm outside the trim at the left", px(left - 5*ptPerMM), white},
			} {
				if got := rgb(img, c.x, bandY); !c.want(got) {
					t.Errorf("%s: pixel %d, %d is %v", c.what, c.x, bandY, got)
				}
			}
			if got := rgb(img, px(left+20*ptPerMM), px(top-1.5*ptPerMM)); !navy(got) {
				t.Errorf("the band, 1.5 mm above the trim: %v", got)
			}
			// The crop mark in line with the left edge, above the top-left
			// corner, outside the bleed.
			if got := rgb(img, px(left), px(top-6*ptPerMM)); white(got) {
				t.Errorf("no crop mark above the top-left corner: %v", got)
			}
			// The brand's primary is printed with its inks.
			if q := run(t, "qpdf", "--qdf", "--object-streams=disable", f, "-"); !strings.Contains(q, "1 0.72 0.28 0.32 k") {
				t.Errorf("the band is not filled with the primary's CMYK inks (1 0.72 0.28 0.32 k)")
			}
		})
	}
}

// TestPrintPackPages checks that office and press packs have an even
// page count, with the back page last, and screen packs the pages they
// take; every page of a press pack has its trim.
func TestPrintPackPages(t *testing.T) {
	_, _, r := fixture(t)
	for _, p := range statement.Prints {
		for _, c := range []struct {
			lang  string
			paper statement.Paper
		}{{"en", statement.PaperA4}, {"es", statement.PaperLetter}} {
			paper := c.paper
			name := string(p) + "-" + c.lang + "-" + string(paper)
			t.Run(name, func(t *testing.T) {
				d := printed(pack(t, c.lang, "delegates", paper), p)
				b, info := render(t, r, d, "pack-"+name)
				f := written(t, b)
				checkQPDF(t, f)
				if p != statement.PrintScreen && info.Pages%2 != 0 {
					t.Errorf("%d pages, want an even number", info.Pages)
				}
				if p == statement.PrintScreen && info.Pages != 5 {
					t.Errorf("%d pages, want 5 (a screen pack has no blank page)", info.Pages)
				}
				back := ""
				for _, bl := range d.Blocks {
					if h, ok := bl.(*doc.Heading); ok && h.Level == 1 {
						back = norm(h.Text.Plain())
					}
				}
				if last := text(t, f, info.Pages, info.Pages); !strings.Contains(last, back) {
					t.Errorf("the last page is not the back page (%q): %q", back, last)
				}
				if p == statement.PrintPress {
					if n := strings.Count(run(t, "pdfinfo", "-box", "-f", "1", "-l", strconv.Itoa(info.Pages), f), "TrimBox"); n != info.Pages {
						t.Errorf("%d TrimBoxes on %d pages", n, info.Pages)
					}
				}
			})
		}
	}
}

// TestOfficeEdge renders office briefs and packs and requires the outer
// 5 mm of every page to be paper: an office printer cannot print there.
// The same check finds the band at the edge of the screen brief.
func TestOfficeEdge(t *testing.T) {
	_, _, r := fixture(t)
	docs := map[string]*doc.Doc{}
	for _, paper := range statement.Papers {
		docs["brief-en-"+string(paper)] = briefs(t, "en", paper)["brief-en-"+string(paper)+"-2"]
		docs["pack-es-"+string(paper)] = pack(t, "es", "donors", paper)
	}
	for name, d := range docs {
		t.Run(name, func(t *testing.T) {
			screen, _ := render(t, r, d, name)
			if n := edgeInk(rendered(t, written(t, screen), 72)[0], 5); n == 0 {
				t.Errorf("screen: nothing within 5 mm of the edge; the check sees nothing")
			}
			b, _ := render(t, r, printed(d, statement.PrintOffice), name+"-office")
			f := written(t, b)
			checkQPDF(t, f)
			if bx := boxes(t, f); bx["TrimBox"] != bx["MediaBox"] {
				t.Errorf("office: TrimBox %v, MediaBox %v: want the paper", bx["TrimBox"], bx["MediaBox"])
			}
			for i, img := range rendered(t, f, 72) {
				if n := edgeInk(img, 5); n > 0 {
					t.Errorf("office: page %d: %d pixels not paper within 5 mm of the edge", i+1, n)
				}
			}
		})
	}
}

// edgeInk counts the pixels of img within mm of its edge that are not
// paper.
func edgeInk(img image.Image, mm float64) int {
	bd := img.Bounds()
	e := int(mm*float64(bd.Dx())/paperW(bd)) + 1
	n := 0
	for y := bd.Min.Y; y < bd.Max.Y; y++ {
		for x := bd.Min.X; x < bd.Max.X; x++ {
			if x >= bd.Min.X+e && x < bd.Max.X-e && y >= bd.Min.Y+e && y < bd.Max.Y-e {
				continue
			}
			if !white(rgb(img, x, y)) {
				n++
			}
		}
	}
	return n
}

// paperW is the width in mm of a page rendered as bd: A4 or Letter, told
// apart by their proportions.
func paperW(bd image.Rectangle) float64 {
	if float64(bd.Dy())/float64(bd.Dx()) > 1.38 {
		return 210
	}
	return 215.9
}

// TestPressInks reads every page of a press brief and pack as qpdf writes
// them out and checks that nothing is painted in an RGB colour: every
// colour of the brand but white has process inks, and fpdf, which knows
// only RGB, sets its remembered colour again at the top of each page, where
// the inks must follow before anything is painted.
func TestPressInks(t *testing.T) {
	_, st, r := fixture(t)
	press := opts(st, statement.PaperA4)
	press.Print = statement.PrintPress
	s := statementIn(t, "es")
	a := s.Audience("delegates")
	for name, d := range map[string]*doc.Doc{
		"brief": compose.Brief(s, a, &s.Recommendations[0], press),
		"pack":  compose.Pack(s, a, press),
	} {
		t.Run(name, func(t *testing.T) {
			b, _ := render(t, r, d, "inks-"+name)
			q := run(t, "qpdf", "--qdf", "--object-streams=disable", written(t, b), "-")
			pages := strings.Split(q, "%% Contents for page ")[1:]
			if name == "pack" && len(pages) < 4 {
				t.Fatalf("%d pages", len(pages))
			}
			for i, pg := range pages {
				if j := strings.Index(pg, "endstream"); j >= 0 {
					pg = pg[:j]
				}
				fill, painted := "0 g", 0
				for _, l := range strings.Split(pg, "\n") {
					l = strings.TrimSpace(l)
					switch {
					case strings.HasSuffix(l, " rg") || strings.HasSuffix(l, " g") || strings.HasSuffix(l, " k"):
						fill = l
					case strings.Contains(l, " Tj") || strings.HasSuffix(l, " f") || strings.HasSuffix(l, "re f"):
						painted++
						if strings.HasSuffix(fill, " rg") {
							t.Errorf("page %d: %q painted in RGB (%s), not in the colour's inks", i+1, l, fill)
						}
					}
				}
				if painted == 0 {
					t.Errorf("page %d: nothing painted", i+1)
				}
			}
		})
	}
}
