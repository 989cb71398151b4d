package cli_test

import (
	"fmt"
	"html"
	"image"
	"image/color"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"briefing/briefing/font"
	"briefing/briefing/style"
	"briefing/internal/defaults"
	"briefing/internal/testtool"
)

// contrastDPI is the resolution the pages are rendered at to measure
// contrast: at 150 dpi the stems of 7.5 pt text are over a pixel wide, and
// rendered without anti-aliasing every stroke has pixels of the text's own
// colour.
const contrastDPI = 150

// TestRenderedContrast builds the default statement's PDFs (every
// audience's briefs and pack, en and es, A4), reads every word's box with
// poppler (pdftotext -bbox-layout), renders each page (pdftoppm), and for
// each word estimates its text and background colours from the pixels in
// its box (see inkAndPaper). A word under WCAG 2.1 AA for its size fails
// the test. The size is the box's height over the font's ascent plus
// descent; whether it is bold (14 pt bold is large) comes from pdftohtml's
// font names. The log gives the words read and the colour pairs measured.
func TestRenderedContrast(t *testing.T) {
	for _, p := range []string{"pdftotext", "pdftoppm", "pdftohtml"} {
		testtool.Need(t, p)
	}
	st, err := style.Load(defaults.StyleFiles())
	if err != nil {
		t.Fatal(err)
	}
	prog, err := st.Type.Program(font.Regular, "NotoSans-Regular")
	if err != nil {
		t.Fatal(err)
	}
	d := prog.Descriptor()
	em := float64(d.Ascent-d.Descent) / 1000
	bm := boxMetrics{em: em, coreTop: float64(d.Ascent) / 2 / 1000 / em, coreBottom: float64(d.Ascent) / 1000 / em}

	out := filepath.Join(t.TempDir(), "out")
	if code, _, stderr := run(t, "build", "--out", out, "--quiet", "--format", "pdf", "--paper", "a4", "--lang", "en,es"); code != 0 {
		t.Fatalf("build: exit %d\n%s", code, stderr)
	}
	var files []string
	for _, f := range testtool.Files(t, out) {
		if strings.HasSuffix(f, ".pdf") {
			files = append(files, f)
		}
	}
	if len(files) < 20 {
		t.Fatalf("%d PDFs built", len(files))
	}
	type tally struct{ words, failed int }
	var mu sync.Mutex
	tallies := map[string]*tally{}
	pairs := map[string]int{} // words by measured text and background colour
	var wg sync.WaitGroup
	sem := make(chan struct{}, 8)
	results := make([][]string, len(files))
	for i, f := range files {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			ws, err := measureContrast(filepath.Join(out, f), bm)
			if err != nil {
				results[i] = []string{fmt.Sprintf("%s: %v", f, err)}
				return
			}
			kind := "brief"
			if strings.HasSuffix(f, "-pack.pdf") {
				kind = "pack"
			}
			lang := strings.Split(f, "/")[1]
			mu.Lock()
			defer mu.Unlock()
			k := lang + " " + kind
			if tallies[k] == nil {
				tallies[k] = &tally{}
			}
			tallies[k].words += len(ws)
			for _, w := range ws {
				pairs[hexRGB(w.fg)+" on "+hexRGB(w.bg)]++
				if w.ratio < w.need {
					tallies[k].failed++
					results[i] = append(results[i], fmt.Sprintf("%s p%d %q: %.1f pt%s, %s on %s is %s, needs %g:1",
						f, w.page, w.text, w.pt, map[bool]string{true: " bold"}[w.bold], hexRGB(w.fg), hexRGB(w.bg), style.Ratio(w.ratio), w.need))
				}
			}
		}()
	}
	wg.Wait()
	for _, r := range results {
		for _, msg := range r {
			t.Error(msg)
		}
	}
	keys := make([]string, 0, len(tallies))
	for k := range tallies {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		t.Logf("%s: %d of %d words under WCAG AA", k, tallies[k].failed, tallies[k].words)
		if tallies[k].words < 500 {
			t.Errorf("%s: only %d words read", k, tallies[k].words)
		}
	}
	known := map[string]bool{}
	for _, p := range style.TextPairs() {
		c := st.Brand.Colors
		known[strings.ToUpper(string(c.Color(p.Text)))+" on "+strings.ToUpper(string(c.Color(p.On)))] = true
	}
	var ps []string
	for p, n := range pairs {
		ps = append(ps, fmt.Sprintf("%s: %d words", p, n))
		if !known[p] {
			t.Errorf("%d words are set in %s, not one of style.TextPairs: add the pair there so that check tests it", n, p)
		}
	}
	slices.Sort(ps)
	t.Logf("colours measured:\n\t%s", strings.Join(ps, "\n\t"))
}

// boxMetrics say what a poppler word box spans in the brand's font: em is
// its height in em (the font's ascent plus descent); coreTop and
// coreBottom bound its core (see inkAndPaper), from the x-height (about
// half the ascent) to the baseline, as fractions of its height from the
// top.
type boxMetrics struct{ em, coreTop, coreBottom float64 }

// measured is one word as rendered: its text, size, colours and contrast.
type measured struct {
	page   int
	text   string
	pt     float64
	bold   bool
	fg, bg color.NRGBA
	ratio  float64
	need   float64
}

var (
	pageRe  = regexp.MustCompile(`<page width="([\d.]+)" height="([\d.]+)">`)
	wordRe  = regexp.MustCompile(`<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>`)
	specRe  = regexp.MustCompile(`<fontspec id="(\d+)" size="[-\d.]+" family="([^"]*)"`)
	textRe  = regexp.MustCompile(`<text top="(-?\d+)" left="(-?\d+)" width="(\d+)" height="(\d+)" font="(\d+)">`)
	pageXML = regexp.MustCompile(`<page number="(\d+)"`)
)

// measureContrast measures every word of the PDF file.
func measureContrast(file string, bm boxMetrics) ([]measured, error) {
	dir, err := os.MkdirTemp("", "contrast")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	bbox, err := exec.Command("pdftotext", "-bbox-layout", file, "-").Output()
	if err != nil {
		return nil, fmt.Errorf("pdftotext: %v", err)
	}
	xml, err := exec.Command("pdftohtml", "-xml", "-i", "-zoom", "1", "-stdout", "-fontfullname", file).Output()
	if err != nil {
		return nil, fmt.Errorf("pdftohtml: %v", err)
	}
	if out, err := exec.Command("pdftoppm", "-r", strconv.Itoa(contrastDPI), "-aa", "no", "-aaVector", "no", file, filepath.Join(dir, "p")).CombinedOutput(); err != nil {
		return nil, fmt.Errorf("pdftoppm: %v\n%s", err, out)
	}
	ppms, _ := filepath.Glob(filepath.Join(dir, "p-*.ppm"))
	slices.Sort(ppms) // pdftoppm pads the numbers to one width
	bolds := boldBoxes(string(xml))
	pages := pageRe.Split(string(bbox), -1)[1:]
	if len(pages) != len(ppms) {
		return nil, fmt.Errorf("%d pages of words, %d rendered", len(pages), len(ppms))
	}
	scale := contrastDPI / 72.0
	var out []measured
	for i, pg := range pages {
		img, err := readPPM(ppms[i])
		if err != nil {
			return nil, err
		}
		for _, m := range wordRe.FindAllStringSubmatch(pg, -1) {
			var v [4]float64
			for k := range v {
				v[k], _ = strconv.ParseFloat(m[k+1], 64)
			}
			w := measured{page: i + 1, text: html.UnescapeString(m[5])}
			w.pt = (v[3] - v[1]) / bm.em
			w.bold = bolds.at(i+1, (v[0]+v[2])/2, (v[1]+v[3])/2)
			r := image.Rect(int(math.Floor(v[0]*scale)), int(math.Floor(v[1]*scale)), int(math.Ceil(v[2]*scale)), int(math.Ceil(v[3]*scale))).Intersect(img.Bounds())
			if r.Empty() {
				continue
			}
			h := v[3] - v[1]
			core := image.Rect(r.Min.X, int(math.Ceil((v[1]+h*bm.coreTop)*scale)), r.Max.X, int(math.Floor((v[1]+h*bm.coreBottom)*scale))).Intersect(r)
			w.fg, w.bg = inkAndPaper(img, r, core)
			w.ratio = style.Contrast(w.fg, w.bg)
			w.need = style.AA(w.pt, w.bold)
			out = append(out, w)
		}
	}
	return out, nil
}

// inkAndPaper estimates a word's text and background colours from the
// pixels of its box r: the background is the box's most common colour; the
// text is the pixel farthest from it (in contrast) in the box's core, the
// band from the x-height to the baseline, where no neighbouring line's
// ascenders or descenders and no underline reach, and where every glyph
// has strokes. (Anti-aliasing only mixes text towards the background, so
// the farthest pixel is the nearest to the text's own colour.)
func inkAndPaper(img *image.RGBA, r image.Rectangle, core image.Rectangle) (fg, bg color.NRGBA) {
	at := func(x, y int) color.NRGBA {
		p := img.Pix[img.PixOffset(x, y):]
		return color.NRGBA{p[0], p[1], p[2], 0xff}
	}
	count := map[color.NRGBA]int{}
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			count[at(x, y)]++
		}
	}
	bg = mode(count, func(color.NRGBA) bool { return true })
	fg, far := bg, 1.0
	if core.Empty() {
		core = r
	}
	seen := map[color.NRGBA]bool{}
	for y := core.Min.Y; y < core.Max.Y; y++ {
		for x := core.Min.X; x < core.Max.X; x++ {
			seen[at(x, y)] = true
		}
	}
	for c := range seen {
		if k := style.Contrast(c, bg); k > far || k == far && hexRGB(c) < hexRGB(fg) {
			fg, far = c, k
		}
	}
	return fg, bg
}

// mode is the most common colour of count that keep keeps, the lowest
// in RGB order on a tie so that the result does not depend on map order.
func mode(count map[color.NRGBA]int, keep func(color.NRGBA) bool) color.NRGBA {
	var best color.NRGBA
	n := -1
	for c, k := range count {
		if !keep(c) {
			continue
		}
		if k > n || k == n && hexRGB(c) < hexRGB(best) {
			best, n = c, k
		}
	}
	return best
}

func hexRGB(c color.NRGBA) string { return fmt.Sprintf("#%02X%02X%02X", c.R, c.G, c.B) }

// readPPM reads a binary PPM (P6, 8 bits), as pdftoppm writes it.
func readPPM(name string) (*image.RGBA, error) {
	b, err := os.ReadFile(name)
	if err != nil {
		return nil, err
	}
	var magic string
	var w, h, maxv int
	n, err := fmt.Sscan(string(b[:min(len(b), 20)]), &magic, &w, &h, &maxv)
	if err != nil || n != 4 || magic != "P6" || maxv != 255 {
		return nil, fmt.Errorf("%s: not an 8-bit P6 PPM file", name)
	}
	// The header ends at the one white space after its third number.
	fields, off := 0, 2
	for fields < 3 {
		for b[off] == ' ' || b[off] == '\n' || b[off] == '\r' || b[off] == '\t' {
			off++
		}
		for b[off] >= '0' && b[off] <= '9' {
			off++
		}
		fields++
	}
	off++
	if len(b)-off < w*h*3 {
		return nil, fmt.Errorf("%s: short PPM file", name)
	}
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for i := range w * h {
		copy(img.Pix[i*4:i*4+3], b[off+i*3:off+i*3+3])
		img.Pix[i*4+3] = 0xff
	}
	return img, nil
}

// textBox is a run of text pdftohtml reports, in points, and whether its
// font is bold.
type textBox struct {
	page                     int
	left, top, width, height float64
	bold                     bool
}

type textBoxes []textBox

// boldBoxes reads pdftohtml -xml's text runs and their fonts' names.
func boldBoxes(xml string) textBoxes {
	bold := map[string]bool{}
	for _, m := range specRe.FindAllStringSubmatch(xml, -1) {
		bold[m[1]] = strings.Contains(m[2], "Bold")
	}
	var out textBoxes
	page := 0
	for _, line := range strings.Split(xml, "\n") {
		if m := pageXML.FindStringSubmatch(line); m != nil {
			page, _ = strconv.Atoi(m[1])
			continue
		}
		if m := textRe.FindStringSubmatch(line); m != nil {
			var v [4]float64
			for k := range v {
				v[k], _ = strconv.ParseFloat(m[k+1], 64)
			}
			out = append(out, textBox{page: page, top: v[0], left: v[1], width: v[2], height: v[3], bold: bold[m[5]]})
		}
	}
	return out
}

// at reports whether the run of text at (x, y) on page is bold.
func (b textBoxes) at(page int, x, y float64) bool {
	for _, t := range b {
		if t.page == page && x >= t.left-1 && x <= t.left+t.width+1 && y >= t.top-1 && y <= t.top+t.height+1 {
			return t.bold
		}
	}
	return false
}

// TestInkAndPaper: the background is the commonest colour; the text the
// farthest pixel inside the core, whatever lies outside it.
func TestInkAndPaper(t *testing.T) {
	paper := color.NRGBA{0xED, 0xF2, 0xF6, 0xff}
	ink := color.NRGBA{0xD9, 0x82, 0x2B, 0xff}
	img := image.NewRGBA(image.Rect(0, 0, 40, 20))
	for i := range img.Pix {
		img.Pix[i] = []uint8{paper.R, paper.G, paper.B, paper.A}[i%4]
	}
	for x := 5; x < 30; x += 3 {
		for y := 8; y < 15; y++ {
			img.Set(x, y, ink)
		}
	}
	img.Set(20, 1, color.Black) // a descender of the line above
	fg, bg := inkAndPaper(img, img.Bounds(), image.Rect(0, 7, 40, 15))
	if fg != ink || bg != paper {
		t.Errorf("got %s on %s, want %s on %s", hexRGB(fg), hexRGB(bg), hexRGB(ink), hexRGB(paper))
	}
}
