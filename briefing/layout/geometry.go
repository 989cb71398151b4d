package layout

// Geometry is the page geometry the layout sets a brief and a pack with,
// besides the text metrics (Metrics), in mm: what an exporter that lets
// its reader lay out pages (the DOCX writer) needs to set its own layout
// tables as the PDF's are, so that a change to the layout moves both.
type Geometry struct {
	// SideFrac is a brief's side column (the key figures panel and the
	// quote) as a share of the text width, SideNarrow the narrower share
	// a long main text gets, and Gutter the space between it and the main
	// column.
	SideFrac, SideNarrow, Gutter float64
	// SidePad is the key figures panel's padding, PanelBar the accent bar
	// across its top, FigureGap the space between two of its figures and
	// SideGap the space between the side column's blocks.
	SidePad, PanelBar, FigureGap, SideGap float64
	// BriefGap is the space between the main column's blocks, in body
	// lines (Metrics()[TextBody].Leading).
	BriefGap float64
	// QuoteBar is a pull quote's accent bar, QuoteInset the quote's
	// indent and QuoteGap the space above its speaker.
	QuoteBar, QuoteInset, QuoteGap float64
	// TitleGap is the space between a brief's title and its columns.
	TitleGap float64
	// BriefMark and CoverMark are the height of the wordmark in a brief's
	// band and on a pack's cover.
	BriefMark, CoverMark float64
	// QR is the smallest a QR code is printed, its quiet zone included.
	QR float64
}

// The wordmark's height in a brief's band and on a pack's cover, in mm.
const (
	briefMarkH = 11
	titleGap   = 7
	coverMarkH = 13
	// figureGap is the space between two key figures stacked in a panel,
	// sideGap between the side column's blocks and panelBar the panel's
	// accent bar, in mm.
	figureGap = 4.5
	sideGap   = 8
	panelBar  = 1
)

// Geometry returns the geometry documents are laid out with.
func (t *Typesetter) Geometry() Geometry {
	return Geometry{
		SideFrac: sideFrac, SideNarrow: sideNarrow, Gutter: gutter,
		SidePad: sidePad, PanelBar: panelBar, FigureGap: figureGap, SideGap: sideGap,
		BriefGap: briefGap, TitleGap: titleGap,
		QuoteBar: quoteBar, QuoteInset: quoteInset, QuoteGap: quoteGap,
		BriefMark: briefMarkH, CoverMark: coverMarkH,
		QR: qrMin,
	}
}

// At returns m at size pt, its leading in the same proportion: a step
// of the scale other than its own (a quote one step smaller, a key figure
// that does not fit its column).
func (m Metric) At(pt float64) Metric { return m.at(pt) }
