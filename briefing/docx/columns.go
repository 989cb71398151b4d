package docx

// A brief is set in two columns, as the PDF's: under the masthead and the
// title, a borderless layout table of one row, the main text in its first
// cell and, in the second, the key figures panel with the quote under it.
// The builder writes into the cells (builder.into) as it walks the brief,
// and places the table in the body before the source block; fit.go
// measures the same columns.

import (
	"math"

	"github.com/gomutex/godocx/wml/ctypes"
	"github.com/gomutex/godocx/wml/stypes"

	"briefing/briefing/doc"
	"briefing/briefing/inline"
	"briefing/briefing/statement"
	"briefing/briefing/style"
)

// The brief's side column, as the PDF's (briefing/layout/brief.go: its
// constants sideFrac and gutter, unexported there): a fraction of the text
// width, and the gutter between it and the main column, in mm. They move
// to the layout's metrics table when it has them.
const (
	sideFrac = 0.34
	gutterMM = 9
)

// briefColumns is a brief's borderless layout table: one row, the main
// text in the first cell (its right margin the gutter), the key figures
// panel and the pull quote under it in the second. mainW and sideW are
// the widths of their content, in twips.
type briefColumns struct {
	t            *table
	main, side   *cell
	mainW, sideW int
}

// columnWidths are a brief's main and side column widths and the gutter,
// in twips, for a text width of tw twips.
func columnWidths(tw int) (mainW, sideW, gutter int) {
	sideW = int(math.Round(float64(tw) * sideFrac))
	gutter = twips(gutterMM)
	return tw - sideW - gutter, sideW, gutter
}

// twoColumns reports whether d is set in two columns: a brief with key
// figures or a quote for its side column (else its text runs across the
// page, as the PDF's).
func twoColumns(d *doc.Doc) bool {
	if d.Meta.Kind != statement.KindBrief {
		return false
	}
	for _, bl := range d.Blocks {
		switch x := bl.(type) {
		case *doc.Figures:
			if len(x.Items) > 0 {
				return true
			}
		case *doc.PullQuote:
			return true
		}
	}
	return false
}

// column sends what follows into the brief's side column, or its main
// column; the layout table is made by the first call. Outside a brief it
// does nothing.
func (b *builder) column(side bool) {
	if !twoColumns(b.d) {
		return
	}
	if b.cols == nil {
		mainW, sideW, gutter := columnWidths(b.page.textWidth())
		t := newTable(b.page.textWidth(), []uint64{uint64(mainW + gutter), uint64(sideW)})
		row := t.addRow()
		c := &briefColumns{t: t, mainW: mainW, sideW: sideW}
		c.main = row.addCell(uint64(mainW+gutter), "")
		c.main.margins(0, 0, 0, gutter)
		c.side = row.addCell(uint64(sideW), "")
		b.cols = c
	}
	b.into = b.cols.main
	if side {
		b.into = b.cols.side
	}
}

// endColumns places the brief's layout table in the body, if it has one;
// what follows goes to the body.
func (b *builder) endColumns() {
	if b.cols == nil {
		return
	}
	b.into = nil
	b.blocks = append(b.blocks, b.cols.t)
	b.cols = nil
}

// Side panel geometry, after the PDF's (layout/brief.go: sidePad 5.5 mm,
// the accent bar 1 mm): padding in mm, a millimetre less than the PDF's
// so that the longest Spanish brief keeps a 9.5 pt body on Letter, and
// the bar in eighths of a point.
const (
	panelPadMM = 4.5
	panelBar   = 24
	// figureGap is the space between two figures of the panel, in
	// twentieths of a point (4.5 mm, as layout's figuresColumn).
	figureGap = 255
)

// figuresPanel writes a brief's key figures stacked in a tinted panel
// with an accent bar at its top, the width of the side column: the title,
// then each value over its label. A value too wide for the panel is set
// smaller, down to two thirds of the figure size (as the PDF's
// figureSize).
func (b *builder) figuresPanel(f *doc.Figures) error {
	d := &b.r.data
	w := b.width()
	t := b.table([]uint64{uint64(w)})
	c := t.addRow().addCell(uint64(w), d.Light)
	pad := twips(panelPadMM)
	c.margins(pad, pad, pad, pad)
	c.props.Borders = &ctypes.CellBorders{Top: &ctypes.Border{Val: stypes.BorderStyleSingle, Color: &d.Accent, Size: ptr(panelBar)}}
	if f.Title != "" {
		p := c.para(sHeading2)
		p.props.Spacing = ctypes.NewParagraphSpacing(0, 80)
		b.text(p, inline.Runs{{Text: f.Title}})
	}
	size := b.r.panelFigureSize(f, d.Figure, float64(w-2*pad)/20)
	for i, it := range f.Items {
		p := c.para(sFigureValue)
		if i > 0 {
			p.props.Spacing = ctypes.NewParagraphSpacing(figureGap, 0)
		}
		var props *ctypes.RunProperty
		if size != d.Figure {
			props = &ctypes.RunProperty{Size: ctypes.NewFontSize(uint64(size)), SizeCs: ctypes.NewFontSizeCS(uint64(size))}
		}
		p.add(textRun(it.Value, props))
		b.text(c.para(sFigureLabel), it.Label)
	}
	if len(f.Source) > 0 {
		// The figures' source, small, under them in the panel.
		p := c.para(sSmall)
		p.props.Spacing = ctypes.NewParagraphSpacing(0, 0)
		b.text(p, f.Source)
	}
	return nil
}

// panelFigureSize is the size, in half-points, that the values of f are
// set in in a panel of width points: the figure size figure, or smaller so
// that every value fits on one line, not below two thirds of it.
func (r *Renderer) panelFigureSize(f *doc.Figures, figure int, width float64) int {
	pt := float64(figure) / 2
	for _, it := range f.Items {
		if vw := r.st.Type.Width(it.Value, style.Bold, float64(figure)/2); vw > width {
			pt = min(pt, float64(figure)/2*width/vw)
		}
	}
	return max(int(math.Floor(pt*2)), (figure*2+2)/3)
}
