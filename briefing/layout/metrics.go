package layout

import (
	"math"

	"briefing/briefing/font"
	"briefing/briefing/style"
)

// TextRole is a kind of text a document sets: each has one Metric.
type TextRole uint8

// The text roles.
const (
	// TextBody is running text; TextLede the opening paragraph; TextNote
	// a boxed note; TextSmall small print in the flow; TextListItem a
	// bulleted list's item.
	TextBody TextRole = iota
	TextLede
	TextNote
	TextSmall
	TextListItem
	// TextTitle is a brief's or a pack section's title (level-1
	// heading), TextH2 a subsection heading, TextKicker the label above
	// a title.
	TextTitle
	TextH2
	TextKicker
	// TextLabel is a small capitals label (a figures block's title,
	// "Prepared for").
	TextLabel
	// TextFigure is a key figure's value, TextFigureLabel what it counts
	// and TextFigureSource where it comes from.
	TextFigure
	TextFigureLabel
	TextFigureSource
	// TextQuote is a pull quote, TextSpeaker its speaker and
	// TextSpeakerRole the speaker's role.
	TextQuote
	TextSpeaker
	TextSpeakerRole
	// TextBandLabel, TextBandTitle and TextBandLine are the brief's band:
	// the document type, the statement and the event line.
	TextBandLabel
	TextBandTitle
	TextBandLine
	// The pack's cover: kicker, title, subtitle, event, date, audience,
	// and the translation notice.
	TextCoverKicker
	TextCoverTitle
	TextCoverSubtitle
	TextCoverEvent
	TextCoverDate
	TextCoverAudience
	TextUnofficial
	// TextTOC1 and TextTOC2 are contents entries of level 1 and 2.
	TextTOC1
	TextTOC2
	// TextSource is the source block's lines beside the QR code;
	// TextRunning the running header and footer.
	TextSource
	TextRunning

	// NumTextRoles is the number of text roles.
	NumTextRoles
)

var textRoleNames = [NumTextRoles]string{
	"body", "lede", "note", "small", "list_item", "title", "heading2", "kicker", "label",
	"figure", "figure_label", "figure_source", "quote", "speaker", "speaker_role",
	"band_label", "band_title", "band_line", "cover_kicker", "cover_title", "cover_subtitle",
	"cover_event", "cover_date", "cover_audience", "unofficial", "toc1", "toc2", "source", "running",
}

// String returns the role's name ("body", "heading2", "figure_label"…).
func (r TextRole) String() string {
	if r < NumTextRoles {
		return textRoleNames[r]
	}
	return "TextRole(?)"
}

// Metric is how one role of text is set. Lengths are points.
type Metric struct {
	// Size is the type size and Leading the distance from baseline to
	// baseline.
	Size, Leading float64
	// Before and After are the space above and below a block of this
	// role in running text (the pack's flow); Indent is the text's
	// indent from the column's left edge.
	Before, After, Indent float64
	// Color is the colour the text is set in, Palette the name of the
	// brand colour it is ("primary", "accent_text", "accent_on_primary",
	// "text", "muted", "light" or "white"): only pairs the brand file's
	// contrast check knows (style.TextPairs).
	Color   Color
	Palette string
	// Style is the font style; Upper sets the text in capitals.
	Style font.Style
	Upper bool
	// KeepWithNext keeps the block on the page of what follows it.
	KeepWithNext bool
}

// at returns m at size pt, its leading in the same proportion.
func (m Metric) at(pt float64) Metric {
	m.Leading *= pt / m.Size
	m.Size = pt
	return m
}

// lineH is the metric's line height in mm.
func (m Metric) lineH() float64 { return m.Leading * MMPerPt }

// Metrics is the table of per-role text metrics a document is set with,
// indexed by TextRole: the one place type sizes, leading, spacing and
// text colours are decided, read by the PDF layout and (for its styles)
// by the DOCX writer.
type Metrics [NumTextRoles]Metric

// Leading (line height as a multiple of the type size) by kind of text.
const (
	leadFigure  = 1.12
	leadBody    = 1.42
	leadLede    = 1.32
	leadHeading = 1.18
	leadQuote   = 1.38
	leadLabel   = 1.28
)

// Metrics returns the table of text metrics documents are set with, from
// the brand's colours and the layout's sizes.
func (t *Typesetter) Metrics() Metrics {
	return metricsAt(SizesAt(t.st.Layout.Sizes, t.st.Layout.Sizes.Body), t.col)
}

// packGap is the space between blocks of running text, in body lines;
// h2After the space under a subsection heading and tocIndent the indent
// of a level-2 contents entry, in mm.
const (
	packGap   = 0.6
	h2After   = 1.5
	tocIndent = 6.0
	// kickerAfter is the space between a kicker and its title, in mm.
	kickerAfter = 1.5
)

// Scale is the type scale: every text a document sets is one of its
// sizes, in points, smallest first. It comes from the layout's sizes:
// small, body, heading2, heading1, figure and title are steps of their
// own, Label is halfway between small and body (rounded to half a point),
// and the lede and the quote take the step nearest their size.
type Scale [7]float64

// The steps of the scale.
const (
	StepSmall = iota
	StepLabel
	StepBody
	StepSub
	StepHead
	StepFigure
	StepDisplay
)

// scaleOf makes the scale of sizes sz.
func scaleOf(sz Sizes) Scale {
	return Scale{sz.Small, math.Round(sz.Small+sz.Body) / 2, sz.Body, sz.H2, sz.H1, sz.Figure, sz.Title}
}

// Nearest returns the step of the scale nearest pt (the larger of two as
// near).
func (s Scale) Nearest(pt float64) float64 {
	best := s[0]
	for _, v := range s {
		if d, bd := math.Abs(v-pt), math.Abs(best-pt); d < bd || (d == bd && v > best) {
			best = v
		}
	}
	return best
}

// AtLeast returns the smallest step of the scale not below pt, or pt when
// there is none.
func (s Scale) AtLeast(pt float64) float64 {
	out := 0.0
	for _, v := range s {
		if v >= pt && (out == 0 || v < out) {
			out = v
		}
	}
	if out == 0 {
		return pt
	}
	return out
}

// Below returns the largest step of the scale smaller than pt, or pt when
// there is none.
func (s Scale) Below(pt float64) float64 {
	out := 0.0
	for _, v := range s {
		if v < pt && v > out {
			out = v
		}
	}
	if out == 0 {
		return pt
	}
	return out
}

// Scale returns the type scale documents are set in.
func (t *Typesetter) Scale() Scale {
	return scaleOf(SizesAt(t.st.Layout.Sizes, t.st.Layout.Sizes.Body))
}

// metricsAt builds the table at sizes sz: each role's size is a step of
// the scale.
func metricsAt(sz Sizes, p palette) Metrics {
	sc := scaleOf(sz)
	col := map[string]Color{"primary": p.primary, "accent_text": p.accentText, "accent_on_primary": p.accentOnPrimary, "text": p.text, "muted": p.muted, "light": p.light, "white": p.white}
	// set makes a metric of size pt with leading k in style st and brand
	// colour name.
	set := func(pt, k float64, st font.Style, name string) Metric {
		return Metric{Size: pt, Leading: pt * k, Style: st, Palette: name, Color: col[name]}
	}
	small, label, body, sub, head := sc[StepSmall], sc[StepLabel], sc[StepBody], sc[StepSub], sc[StepHead]
	// The pack's flow: a gap of 0.6 body lines between blocks, three
	// above a section title, 1.6 above a subsection heading, two around
	// key figures, 2.2 above a quote.
	bm := set(body, leadBody, font.Regular, "text")
	gap := bm.Leading * packGap
	var m Metrics
	m[TextBody] = bm
	m[TextBody].Before = gap
	m[TextLede] = set(sc.Nearest(sz.Lede), leadLede, font.Regular, "primary")
	m[TextLede].Before = gap
	m[TextNote] = bm
	m[TextNote].Before = gap
	m[TextSmall] = set(label, 1.4, font.Regular, "muted")
	m[TextSmall].Before = gap
	m[TextListItem] = bm
	m[TextListItem].Before = gap
	m[TextListItem].Indent = listIndent / MMPerPt
	m[TextTitle] = set(head, leadHeading, font.Bold, "primary")
	m[TextTitle].Before, m[TextTitle].KeepWithNext = 3*gap, true
	m[TextH2] = set(sub, leadHeading, font.Bold, "primary")
	m[TextH2].Before, m[TextH2].After, m[TextH2].KeepWithNext = 1.6*gap, h2After/MMPerPt, true
	m[TextKicker] = set(label, 1.3, font.Bold, "accent_text")
	m[TextKicker].Upper, m[TextKicker].After, m[TextKicker].KeepWithNext = true, kickerAfter/MMPerPt, true
	m[TextLabel] = set(small, 1.35, font.Bold, "primary")
	m[TextLabel].Upper = true
	m[TextFigure] = set(sc[StepFigure], leadFigure, font.Bold, "accent_text")
	m[TextFigure].Before = 2 * gap
	m[TextFigureLabel] = set(label, leadLabel, font.Regular, "muted")
	m[TextFigureSource] = set(small, 1.3, font.Regular, "muted")
	m[TextQuote] = set(sc.Nearest(sz.Quote), leadQuote, font.Italic, "primary")
	m[TextQuote].Before = 2.2 * gap
	m[TextQuote].Indent = quoteInset / MMPerPt
	m[TextSpeaker] = set(label, leadLabel, font.Bold, "text")
	m[TextSpeaker].Before, m[TextSpeaker].Indent = quoteGap/MMPerPt, quoteInset/MMPerPt
	m[TextSpeakerRole] = set(label, leadLabel, font.Regular, "muted")
	m[TextSpeakerRole].Indent = quoteInset / MMPerPt
	m[TextBandLabel] = set(small, 1.4, font.Bold, "accent_on_primary")
	m[TextBandLabel].Upper = true
	m[TextBandTitle] = set(body, 1.22, font.Bold, "white")
	m[TextBandLine] = set(small, 1.4, font.Regular, "light")
	m[TextCoverKicker] = set(body, 1.3, font.Bold, "accent_on_primary")
	m[TextCoverKicker].Upper = true
	m[TextCoverTitle] = set(sc[StepDisplay], 1.12, font.Bold, "white")
	m[TextCoverSubtitle] = set(sc.Nearest(sz.Lede), 1.3, font.Regular, "light")
	m[TextCoverEvent] = set(sub, 1.25, font.Bold, "primary")
	m[TextCoverDate] = set(body, 1.4, font.Regular, "muted")
	m[TextCoverAudience] = set(sub, 1.3, font.Bold, "text")
	m[TextUnofficial] = set(sc.AtLeast(max(body, style.NoticeMin)), 1.4, font.Bold, "text")
	m[TextTOC1] = set(body, 1.5, font.Bold, "primary")
	m[TextTOC2] = set(body, 1.5, font.Regular, "primary")
	m[TextTOC2].Indent = tocIndent / MMPerPt
	m[TextSource] = set(small, 1.45, font.Regular, "text")
	m[TextRunning] = set(small, 1.3, font.Regular, "muted")
	return m
}
