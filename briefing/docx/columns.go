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
	"briefing/briefing/layout"
	"briefing/briefing/statement"
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
// in twips, for a text width of tw twips and a side column of share frac
// of it (the layout's SideFrac or SideNarrow) and the layout's gutter.
func (r *Renderer) columnWidths(tw int, frac float64) (mainW, sideW, gutter int) {
	sideW = int(math.Round(float64(tw) * frac))
	gutter = twips(r.geo.Gutter)
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
		mainW, sideW, gutter := b.r.columnWidths(b.page.textWidth(), b.set.frac)
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
	b.add(b.cols.t)
	b.cols = nil
}

// labelGap is the space under a figures block's label and above its
// source line, in mm, and bandPad the padding of the DOCX brief's band,
// in points: the band is a table inside the margins, where the PDF's
// bleeds off the page, so it has no counterpart in the layout. qrGap is
// the space between the QR code and its lines, in mm.
const (
	labelGap = 2.0
	bandPad  = 5.0
	qrGap    = 4.0
)

// figuresPanel writes a brief's key figures stacked in a tinted panel
// with an accent bar at its top, the width of the side column, as the
// layout's (layout.Geometry: SidePad, PanelBar, FigureGap): the title,
// then each value over its label, and the source. Values too wide for
// the panel are set one step smaller on the scale (as the PDF's
// figureSize).
func (b *builder) figuresPanel(f *doc.Figures) error {
	d, g := &b.r.data, b.r.geo
	w := b.width()
	t := b.table([]uint64{uint64(w)})
	c := t.addRow().addCell(uint64(w), d.Light)
	pad := twips(g.SidePad)
	c.margins(pad, pad, pad, pad)
	c.props.Borders = &ctypes.CellBorders{Top: &ctypes.Border{Val: stypes.BorderStyleSingle, Color: &d.Accent, Size: ptr(int(math.Round(g.PanelBar / layout.MMPerPt * 8)))}}
	if f.Title != "" {
		p := c.para(sLabel)
		p.props.Spacing = &ctypes.Spacing{Before: ptr(uint64(0)), After: ptr(uint64(twips(labelGap)))}
		b.text(p, inline.Runs{{Text: f.Title}})
	}
	size := b.r.panelFigureSize(f, float64(w-2*pad)/20)
	fm := b.r.m[layout.TextFigure]
	for i, it := range f.Items {
		p := c.para(sFigureValue)
		before := 0
		if i > 0 {
			before = twips(g.FigureGap)
		}
		p.props.Spacing = &ctypes.Spacing{Before: ptr(uint64(before))}
		var props *ctypes.RunProperty
		if size != fm.Size {
			hp := uint64(halfPoints(size))
			props = &ctypes.RunProperty{Size: ctypes.NewFontSize(hp), SizeCs: ctypes.NewFontSizeCS(hp)}
		}
		p.add(textRun(it.Value, props))
		b.text(c.para(sFigureLabel), it.Label)
	}
	if len(f.Source) > 0 {
		// The figures' source, small, under them in the panel.
		p := c.para(sFigureSource)
		p.props.Spacing = &ctypes.Spacing{Before: ptr(uint64(twips(labelGap)))}
		b.text(p, f.Source)
	}
	return nil
}

// panelFigureSize is the size, in points, that the values of f are set
// in in a column width points wide: the figure step of the scale, or the
// step below it when a value does not fit on one line (the PDF's rule).
func (r *Renderer) panelFigureSize(f *doc.Figures, width float64) float64 {
	m := r.m[layout.TextFigure]
	for _, it := range f.Items {
		if r.st.Type.Width(it.Value, m.Style, m.Size) > width {
			return r.sc.Below(m.Size)
		}
	}
	return m.Size
}
