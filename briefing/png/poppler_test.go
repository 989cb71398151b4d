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
	"testing"

	"briefing/briefing/doc"
	"briefing/briefing/pdf"
	"briefing/briefing/png"
	"briefing/briefing/statement"
	"briefing/briefing/style"
	"briefing/internal/testtool"
)

// TestSameAsPDF is the proof that the layout is the contract: a preview
// and poppler's render of the PDF of the same document at the same size
// (pdftoppm -scale-to-x W -scale-to-y -1) differ by under 2% of a pixel's
// range on average, and their lines of text (runs of rows with ink) start
// and end on the same rows and columns, to a pixel or two.
func TestSameAsPDF(t *testing.T) {
	pdftoppm := testtool.Need(t, "pdftoppm")
	_, st, r := fixture(t)
	pr, err := pdf.New(st)
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
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r, pr := r, pr
			if c.name == "brief-logo" {
				r, pr = lr, lpr
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
			ol, tl := textLines(ours), textLines(theirs)
			if len(ol) != len(tl) {
				t.Fatalf("%d lines of ink in the preview, %d in pdftoppm's render:\n ours   %v\n theirs %v", len(ol), len(tl), ol, tl)
			}
			worst := 0
			for i := range ol {
				d := ol[i].off(tl[i])
				worst = max(worst, d)
				if d > 2 {
					t.Errorf("line %d: preview %v, pdftoppm %v", i+1, ol[i], tl[i])
				}
			}
			t.Logf("%d lines of ink, placed within %d px", len(ol), worst)
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

// line is a run of rows with ink, and the columns its ink spans.
type line struct{ top, bottom, left, right int }

func (l line) String() string {
	return fmt.Sprintf("rows %d-%d cols %d-%d", l.top, l.bottom, l.left, l.right)
}

// off is how many pixels l's edges are from m's, at most.
func (l line) off(m line) int {
	abs := func(v int) int { return max(v, -v) }
	return max(abs(l.top-m.top), abs(l.bottom-m.bottom), abs(l.left-m.left), abs(l.right-m.right))
}

// inkStep is the change in grey between neighbouring pixels that counts
// as an edge of ink, and inkEdges the edges a row needs to have ink: the
// edge of a fill or a rule crosses a row once or twice, a line of text
// many times.
const (
	inkStep  = 60
	inkEdges = 4
	// minLine is the fewest rows a line of ink has: a thinner run is
	// the tail of a descender (g, p, y), whose few edges may fall a row
	// either way of the threshold.
	minLine = 4
)

// textLines finds img's lines of ink: runs of rows with at least
// inkEdges sharp steps in grey from one pixel to the next, each with the
// first and last column of a step within it.
func textLines(img image.Image) []line {
	r := img.Bounds()
	grey := make([][]int, r.Dy())
	for y := range grey {
		grey[y] = make([]int, r.Dx())
		for x := range grey[y] {
			cr, cg, cb, _ := img.At(r.Min.X+x, r.Min.Y+y).RGBA()
			grey[y][x] = int(299*cr+587*cg+114*cb) / 1000 >> 8
		}
	}
	edges := func(y int) (n, first, last int) {
		first = -1
		for x := 1; x < len(grey[y]); x++ {
			if d := grey[y][x] - grey[y][x-1]; d >= inkStep || -d >= inkStep {
				n++
				if first < 0 {
					first = x
				}
				last = x
			}
		}
		return n, first, last
	}
	var out []line
	in := false
	drop := func() {
		if n := len(out); n > 0 && out[n-1].bottom-out[n-1].top+1 < minLine {
			out = out[:n-1]
		}
	}
	for y := range grey {
		n, f, l := edges(y)
		switch {
		case n >= inkEdges && !in:
			drop()
			out = append(out, line{top: y, bottom: y, left: f, right: l})
			in = true
		case n >= inkEdges:
			c := &out[len(out)-1]
			c.bottom, c.left, c.right = y, min(c.left, f), max(c.right, l)
		default:
			in = false
		}
	}
	drop()
	return out
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
