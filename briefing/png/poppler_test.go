package png_test

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	stdpng "image/png"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"briefing/briefing/doc"
	"briefing/briefing/layout"
	"briefing/briefing/pdf"
	"briefing/briefing/png"
	"briefing/briefing/statement"
	"briefing/briefing/style"
	"briefing/internal/testtool"
)

// TestSameAsPDF is the proof that the layout is the contract: a preview
// and poppler's render of the PDF of the same document at the same size
// (pdftoppm -scale-to-x W -scale-to-y -1) differ by under 2% of a pixel's
// range on average, and every run of text the layout placed has its ink
// in the same place in both (the centre of its edges within a pixel, as
// much of it within 15%). Both start glyphs on whole pixel rows, so a
// baseline within a hair of a row's edge (the PDF holds it to 1/100 pt)
// may fall a row apart: a pixel, and a quarter for the weighing.
func TestSameAsPDF(t *testing.T) {
	pdftoppm := testtool.Need(t, "pdftoppm")
	_, st, r := fixture(t)
	pr, err := pdf.New(st)
	if err != nil {
		t.Fatal(err)
	}
	ts, err := layout.New(st)
	if err != nil {
		t.Fatal(err)
	}
	type tc struct {
		name string
		d    *doc.Doc
	}
	var cases []tc
	for _, lang := range []string{"en", "es"} {
		for _, paper := range []statement.Paper{statement.PaperA4, statement.PaperLetter} {
			cases = append(cases,
				tc{fmt.Sprintf("brief-%s-%s-1", lang, paper), brief(t, lang, paper, 1)},
				tc{fmt.Sprintf("pack-%s-%s", lang, paper), pack(t, lang, paper)})
		}
	}
	cases = append(cases, tc{"brief-en-a4-3", brief(t, "en", statement.PaperA4, 3)})
	// A brand's logo, opaque and with see-through parts, in place of the
	// wordmark.
	lst := withLogo(t, st)
	lr, err := png.New(lst, png.Options{})
	if err != nil {
		t.Fatal(err)
	}
	lpr, err := pdf.New(lst)
	if err != nil {
		t.Fatal(err)
	}
	logoDoc := brief(t, "es", statement.PaperA4, 2)
	logoDoc.Blocks[0].(*doc.Masthead).Wordmark = doc.Wordmark{Logo: true, Alt: "Logo"}
	cases = append(cases, tc{"brief-logo", logoDoc})
	// Other widths: a thumbnail, and a page for a large screen.
	sized := map[string]*png.Renderer{}
	for _, w := range []int{600, 1600} {
		name := fmt.Sprintf("brief-es-letter-2-%dpx", w)
		if sized[name], err = png.New(st, png.Options{Width: w}); err != nil {
			t.Fatal(err)
		}
		cases = append(cases, tc{name, brief(t, "es", statement.PaperLetter, 2)})
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r, pr := r, pr
			if c.name == "brief-logo" {
				r, pr = lr, lpr
			}
			if sr := sized[c.name]; sr != nil {
				r = sr
			}
			_, ours := render(t, r, c.d, c.name)
			theirs := poppler(t, pdftoppm, pr, c.d, r.Width(), c.name)
			if ours.Bounds() != theirs.Bounds() {
				t.Fatalf("preview %v, pdftoppm %v", ours.Bounds(), theirs.Bounds())
			}
			diff := meanDiff(ours, theirs)
			t.Logf("mean absolute difference %.3f%%", diff*100)
			if diff >= 0.02 {
				t.Errorf("mean absolute difference %.2f%%, want under 2%%", diff*100)
			}
			ld, err := ts.Lay(c.d)
			if err != nil {
				t.Fatal(err)
			}
			scale := float64(r.Width()) / ld.W
			n, worst := 0, 0.0
			for _, b := range ld.Pages[0].Boxes {
				if b.Kind != layout.Text || strings.TrimSpace(b.Text) == "" {
					continue
				}
				win := image.Rect(int(b.X*scale)-1, int(b.Y*scale), int((b.X+b.W)*scale)+2, int((b.Y+b.H)*scale)+1)
				o, p := inkAt(ours, win), inkAt(theirs, win)
				d := math.Max(math.Abs(o.x-p.x), math.Abs(o.y-p.y))
				worst = math.Max(worst, d)
				n++
				if d > 1.25 || math.Abs(o.mass-p.mass) > 0.15*p.mass {
					t.Errorf("%q: ink at %.1f,%.1f (%.0f) in the preview, %.1f,%.1f (%.0f) in pdftoppm's render", b.Text, o.x, o.y, o.mass, p.x, p.y, p.mass)
				}
			}
			t.Logf("%d runs of text, their ink placed alike to %.2f px", n, worst)
		})
	}
}

// withLogo returns st with a logo: a checkerboard of the accent and
// see-through squares, with a white bar.
func withLogo(t *testing.T, st *style.Style) *style.Style {
	t.Helper()
	logo := image.NewNRGBA(image.Rect(0, 0, 120, 40))
	for y := range 40 {
		for x := range 120 {
			switch {
			case y >= 16 && y < 24:
				logo.Set(x, y, color.NRGBA{255, 255, 255, 255})
			case (x/20+y/20)%2 == 0:
				logo.Set(x, y, color.NRGBA{0xd9, 0x82, 0x2b, 255})
			}
		}
	}
	var buf bytes.Buffer
	if err := stdpng.Encode(&buf, logo); err != nil {
		t.Fatal(err)
	}
	st2 := *st
	st2.Logo = &style.Logo{Data: buf.Bytes(), Type: "png", Width: 120, Height: 40}
	return &st2
}

// poppler renders d as a PDF with pr and page 1 of it with pdftoppm,
// width pixels wide.
func poppler(t *testing.T, pdftoppm string, pr *pdf.Renderer, d *doc.Doc, width int, name string) image.Image {
	t.Helper()
	var buf bytes.Buffer
	if _, err := pr.Render(&buf, d); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "in.pdf")
	if err := os.WriteFile(in, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out")
	cmd := exec.Command(pdftoppm, "-png", "-f", "1", "-l", "1", "-singlefile",
		"-scale-to-x", strconv.Itoa(width), "-scale-to-y", "-1", in, out)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v\n%s", err, b)
	}
	b, err := os.ReadFile(out + ".png")
	if err != nil {
		t.Fatal(err)
	}
	if dir := os.Getenv("DUMP"); dir != "" {
		os.WriteFile(filepath.Join(dir, name+"-pdftoppm.png"), b, 0o644)
	}
	img, err := stdpng.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	return img
}

// meanDiff is the mean absolute difference of a's and b's red, green and
// blue, as a share of 255.
func meanDiff(a, b image.Image) float64 {
	r := a.Bounds()
	var sum float64
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			ar, ag, ab, _ := a.At(x, y).RGBA()
			br, bg, bb, _ := b.At(x, y).RGBA()
			sum += math.Abs(float64(ar)-float64(br)) + math.Abs(float64(ag)-float64(bg)) + math.Abs(float64(ab)-float64(bb))
		}
	}
	return sum / 3 / 0xffff / float64(r.Dx()*r.Dy())
}

// ink is where a window of a picture has ink: the centre of its edges
// (each pixel weighted by how much its grey differs from its right and
// lower neighbours') and their sum.
type ink struct{ x, y, mass float64 }

// inkAt measures the ink in window r of img.
func inkAt(img image.Image, r image.Rectangle) ink {
	r = r.Intersect(img.Bounds())
	grey := func(x, y int) float64 {
		cr, cg, cb, _ := img.At(x, y).RGBA()
		return (0.299*float64(cr) + 0.587*float64(cg) + 0.114*float64(cb)) / 257
	}
	var k ink
	for y := r.Min.Y; y < r.Max.Y-1; y++ {
		for x := r.Min.X; x < r.Max.X-1; x++ {
			g := grey(x, y)
			w := math.Abs(g-grey(x+1, y)) + math.Abs(g-grey(x, y+1))
			k.x += w * float64(x)
			k.y += w * float64(y)
			k.mass += w
		}
	}
	if k.mass > 0 {
		k.x /= k.mass
		k.y /= k.mass
	}
	return k
}

// TestDeterministic: the same document gives the same bytes, from two
// renderers too.
func TestDeterministic(t *testing.T) {
	_, st, r := fixture(t)
	d := brief(t, "en", statement.PaperA4, 2)
	a, _ := render(t, r, d, "det-a")
	b, _ := render(t, r, d, "det-b")
	r2, err := png.New(st, png.Options{})
	if err != nil {
		t.Fatal(err)
	}
	c, _ := render(t, r2, d, "det-c")
	if !bytes.Equal(a, b) || !bytes.Equal(a, c) {
		t.Error("the same brief gave different bytes")
	}
}
