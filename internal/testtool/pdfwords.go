package testtool

import (
	"encoding/xml"
	"fmt"
	"math"
	"os/exec"
	"sort"
)

// PDFPage is one page as poppler's pdftotext -bbox-layout reads it: its
// size and its blocks of lines of words, with boxes in points from the
// top-left corner.
type PDFPage struct {
	W      float64    `xml:"width,attr"`
	H      float64    `xml:"height,attr"`
	Blocks []PDFBlock `xml:"flow>block"`
}

// PDFBox is a box in points from the page's top-left corner.
type PDFBox struct {
	XMin float64 `xml:"xMin,attr"`
	YMin float64 `xml:"yMin,attr"`
	XMax float64 `xml:"xMax,attr"`
	YMax float64 `xml:"yMax,attr"`
}

// PDFBlock is what poppler groups as a block: usually a paragraph.
type PDFBlock struct {
	PDFBox
	Lines []PDFLine `xml:"line"`
}

// PDFLine is one line of words.
type PDFLine struct {
	PDFBox
	Words []PDFWord `xml:"word"`
}

// PDFWord is one word and its box.
type PDFWord struct {
	PDFBox
	Text string `xml:",chardata"`
}

// ReadPDFWords reads the words of the PDF file at path with pdftotext.
func ReadPDFWords(pdftotext, path string) ([]PDFPage, error) {
	out, err := exec.Command(pdftotext, "-bbox-layout", path, "-").Output()
	if err != nil {
		return nil, fmt.Errorf("pdftotext -bbox-layout %s: %w", path, err)
	}
	var d struct {
		Pages []PDFPage `xml:"body>doc>page"`
	}
	if err := xml.Unmarshal(out, &d); err != nil {
		return nil, fmt.Errorf("pdftotext -bbox-layout %s: %w", path, err)
	}
	return d.Pages, nil
}

// NotoLineHeight is the height of poppler's word box per point of type
// size for Noto Sans (its ascent plus descent, 1.069 + 0.293 em).
const NotoLineHeight = 1.362

// Size is the type size a word is set in, in points, rounded to 0.5 pt,
// from its box height (k is the font's box height per point:
// NotoLineHeight for the built-in fonts).
func (w PDFWord) Size(k float64) float64 {
	return math.Round((w.YMax-w.YMin)/k*2) / 2
}

// Sizes counts the words of pages by type size (Size).
func Sizes(pages []PDFPage, k float64) map[float64]int {
	out := map[float64]int{}
	for _, p := range pages {
		for _, b := range p.Blocks {
			for _, l := range b.Lines {
				for _, w := range l.Words {
					out[w.Size(k)]++
				}
			}
		}
	}
	return out
}

// SortedSizes returns the keys of a Sizes count in order.
func SortedSizes(m map[float64]int) []float64 {
	out := make([]float64, 0, len(m))
	for s := range m {
		out = append(out, s)
	}
	sort.Float64s(out)
	return out
}

// Runts returns the runts of pages: blocks of two lines or more whose last
// line holds one word, as "page N: the word".
func Runts(pages []PDFPage) []string {
	var out []string
	for i, p := range pages {
		for _, b := range p.Blocks {
			if n := len(b.Lines); n >= 2 && len(b.Lines[n-1].Words) == 1 {
				out = append(out, fmt.Sprintf("page %d: %q", i+1, b.Lines[n-1].Words[0].Text))
			}
		}
	}
	return out
}

// Fill is how far down its text area page p is filled, from 0 to 1: the
// lowest word between top and bottom (points from the page's top edge:
// the running header and footer lie outside them) over the area's height.
func Fill(p PDFPage, top, bottom float64) float64 {
	low := top
	for _, b := range p.Blocks {
		for _, l := range b.Lines {
			if l.YMin >= top && l.YMax <= bottom {
				low = max(low, l.YMax)
			}
		}
	}
	return (low - top) / (bottom - top)
}

// TextBySizeColor reads the PDF file at path with poppler's pdftohtml and
// counts its characters by colour ("#rrggbb") and type size (whole
// points, as pdftohtml reports them).
func TextBySizeColor(pdftohtml, path string) (map[string]map[int]int, error) {
	out, err := exec.Command(pdftohtml, "-xml", "-i", "-stdout", "-zoom", "1", path).Output()
	if err != nil {
		return nil, fmt.Errorf("pdftohtml -xml %s: %w", path, err)
	}
	var d struct {
		Pages []struct {
			Fonts []struct {
				ID    string `xml:"id,attr"`
				Size  int    `xml:"size,attr"`
				Color string `xml:"color,attr"`
			} `xml:"fontspec"`
			Text []struct {
				Font string `xml:"font,attr"`
				Body string `xml:",innerxml"`
			} `xml:"text"`
		} `xml:"page"`
	}
	if err := xml.Unmarshal(out, &d); err != nil {
		return nil, fmt.Errorf("pdftohtml -xml %s: %w", path, err)
	}
	type spec struct {
		size  int
		color string
	}
	fonts := map[string]spec{}
	res := map[string]map[int]int{}
	for _, p := range d.Pages {
		for _, f := range p.Fonts {
			fonts[f.ID] = spec{f.Size, f.Color}
		}
		for _, t := range p.Text {
			f := fonts[t.Font]
			if res[f.color] == nil {
				res[f.color] = map[int]int{}
			}
			res[f.color][f.size] += len([]rune(t.Body))
		}
	}
	return res, nil
}
