package docx_test

import (
	"math"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"briefing/briefing/layout"
	"briefing/briefing/statement"
)

// TestFollowsPDF checks that every DOCX brief of the built-in statement
// is set as its PDF (layout.Paged.Brief), which Word's layout holds for
// all of them: the side column's share of the text width, the key figures
// spanning the page, the lede, the quote's size; and that the quote's
// opening mark hangs (all the built-in quotes open with one).
func TestFollowsPDF(t *testing.T) {
	docs := allDocs(t)
	qm := setupTS.Metrics()[layout.TextQuote]
	grid := regexp.MustCompile(`<w:tblGrid><w:gridCol w:w="(\d+)"></w:gridCol><w:gridCol w:w="(\d+)"></w:gridCol></w:tblGrid>`)
	quote := regexp.MustCompile(`<w:pStyle w:val="(SideQuote\w*)"></w:pStyle>(.*?)</w:pPr>(?:<w:r><w:rPr><w:sz w:val="(\d+)">)?`)
	n := 0
	for _, d := range docs {
		if d.d.Meta.Kind != statement.KindBrief {
			continue
		}
		want := pdfBrief(t, d.d)
		if want == nil {
			t.Fatalf("%s: the layout does not set it", d.name)
		}
		n++
		body := parts(t, d.b)["word/document.xml"]
		first := mainCol(body)
		var side float64
		for _, g := range grid.FindAllStringSubmatch(body, -1) {
			if g[1] == first {
				a, _ := strconv.Atoi(g[1])
				b, _ := strconv.Atoi(g[2])
				side = float64(b) / float64(a+b)
			}
		}
		if math.Abs(side-want.Side) > 0.002 {
			t.Errorf("%s: side column %.3f of the width, the PDF's %.3f", d.name, side, want.Side)
		}
		span := strings.Index(body, `w:val="FigureValue"`) < strings.Index(body, `<w:gridCol w:w="`+first)
		if span != want.Span {
			t.Errorf("%s: key figures spanning %v, the PDF's %v", d.name, span, want.Span)
		}
		if lede := strings.Contains(body, `<w:pStyle w:val="Lede">`); lede != want.Lede {
			t.Errorf("%s: lede %v, the PDF's %v", d.name, lede, want.Lede)
		}
		m := quote.FindStringSubmatch(body)
		if m == nil {
			t.Errorf("%s: no side quote", d.name)
			continue
		}
		size := qm.Size
		switch {
		case m[3] != "":
			hp, _ := strconv.Atoi(m[3])
			size = float64(hp) / 2
		case m[1] == "SideQuoteSmall":
			size = setupTS.Scale().Below(qm.Size)
		}
		if hang := strings.Contains(m[2], `w:hanging="`); !hang {
			t.Errorf("%s: the quote's opening mark does not hang: %s", d.name, m[2])
		}
		if size != want.Quote {
			t.Errorf("%s: quote at %g pt, the PDF's at %g pt", d.name, size, want.Quote)
		}
		t.Logf("%s: side %.2f, span %v, lede %v, quote %g pt", d.name, side, span, want.Lede, size)
	}
	if n == 0 {
		t.Fatal("no briefs")
	}
}
