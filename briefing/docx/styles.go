package docx

import (
	"fmt"
	"math"
	"strings"
	"text/template"

	"briefing/briefing/layout"
	"briefing/briefing/style"
)

// The paragraph styles of styles.xml are filled from the layout's text
// metrics (layout.Metrics), one role per style, so that the DOCX sets the
// PDF's type scale, leading, spacing, indents and colours: the template
// keeps the structure (names, inheritance, borders, shading, tabs,
// outline levels) and takes every value from a wordStyle.

// wordStyle is one role's metric in Word's units.
type wordStyle struct {
	// Size is the type size in half-points.
	Size int
	// Line is the line spacing in 240ths of the font's single spacing
	// (lineRule auto): the metric's leading in the brand font, which a
	// substitute font scales by its own line height.
	Line int
	// Before, After and Indent are in twips.
	Before, After, Indent int
	// Color is the text colour, RRGGBB.
	Color string
	// Bold, Italic and Caps are the font style; KeepNext keeps the
	// paragraph on the page of the next.
	Bold, Italic, Caps, KeepNext bool
}

// newWordStyle converts metric m for fonts fs.
func newWordStyle(m layout.Metric, fs lineHeights) wordStyle {
	return wordStyle{
		Size:   halfPoints(m.Size),
		Line:   int(math.Round(240 * m.Leading / (m.Size * fs.single(m.Style)))),
		Before: twipsPt(m.Before), After: twipsPt(m.After), Indent: twipsPt(m.Indent),
		Color: hexColor(m.Color),
		Bold:  m.Style&style.Bold != 0, Italic: m.Style&style.Italic != 0, Caps: m.Upper, KeepNext: m.KeepWithNext,
	}
}

// lineHeights gives a font style's single line spacing, in ems.
type lineHeights interface {
	single(st style.FontStyle) float64
}

// twipsPt converts points to twips.
func twipsPt(pt float64) int { return int(math.Round(pt * 20)) }

// hexColor writes c as Word writes colours.
func hexColor(c layout.Color) string { return fmt.Sprintf("%02X%02X%02X", c.R, c.G, c.B) }

// wordStyles are the paragraph styles' values, by style id.
type wordStyles struct {
	Normal, Lede, Note, Small, ListBullet               wordStyle
	Heading1, Heading2, Kicker, Label                   wordStyle
	FigureValue, FigureLabel, FigureSource              wordStyle
	Quote, SideQuoteSmall, QuoteSource, Speaker         wordStyle
	Masthead, MastheadTitle, MastheadLabel              wordStyle
	CoverKicker, Title, Subtitle, CoverEvent, CoverDate wordStyle
	CoverAudience, Notice, TOC1, TOC2, Source, Running  wordStyle
}

// newWordStyles fills the styles from metrics m on type scale sc.
func newWordStyles(m layout.Metrics, sc layout.Scale, fs lineHeights) wordStyles {
	w := func(r layout.TextRole) wordStyle { return newWordStyle(m[r], fs) }
	q := m[layout.TextQuote]
	small := q
	small.Leading *= sc.Below(q.Size) / q.Size
	small.Size = sc.Below(q.Size)
	return wordStyles{
		Normal: w(layout.TextBody), Lede: w(layout.TextLede), Note: w(layout.TextNote), Small: w(layout.TextSmall), ListBullet: w(layout.TextListItem),
		Heading1: w(layout.TextTitle), Heading2: w(layout.TextH2), Kicker: w(layout.TextKicker), Label: w(layout.TextLabel),
		FigureValue: w(layout.TextFigure), FigureLabel: w(layout.TextFigureLabel), FigureSource: w(layout.TextFigureSource),
		Quote: w(layout.TextQuote), SideQuoteSmall: newWordStyle(small, fs), QuoteSource: w(layout.TextSpeakerRole), Speaker: w(layout.TextSpeaker),
		Masthead: w(layout.TextBandLine), MastheadTitle: w(layout.TextBandTitle), MastheadLabel: w(layout.TextBandLabel),
		CoverKicker: w(layout.TextCoverKicker), Title: w(layout.TextCoverTitle), Subtitle: w(layout.TextCoverSubtitle),
		CoverEvent: w(layout.TextCoverEvent), CoverDate: w(layout.TextCoverDate), CoverAudience: w(layout.TextCoverAudience),
		Notice: w(layout.TextUnofficial), TOC1: w(layout.TextTOC1), TOC2: w(layout.TextTOC2), Source: w(layout.TextSource),
		Running: w(layout.TextRunning),
	}
}

// styleFuncs write a wordStyle's values into styles.xml, each in the
// place the schema orders it: keep first in w:pPr, space (w:spacing)
// after the borders, shading and tabs, ind after it, and run in w:rPr
// after its fonts.
var styleFuncs = template.FuncMap{
	"keep": func(s wordStyle) string {
		if s.KeepNext {
			return "<w:keepNext/>"
		}
		return ""
	},
	"space": func(s wordStyle) string {
		return fmt.Sprintf(`<w:spacing w:before="%d" w:after="%d" w:line="%d" w:lineRule="auto"/>`, s.Before, s.After, s.Line)
	},
	"ind": func(s wordStyle) string {
		if s.Indent == 0 {
			return ""
		}
		return fmt.Sprintf(`<w:ind w:left="%d"/>`, s.Indent)
	},
	"run": func(s wordStyle) string {
		var b strings.Builder
		if s.Bold {
			b.WriteString("<w:b/><w:bCs/>")
		}
		if s.Italic {
			b.WriteString("<w:i/><w:iCs/>")
		}
		if s.Caps {
			b.WriteString("<w:caps/>")
		}
		fmt.Fprintf(&b, `<w:color w:val="%s"/><w:sz w:val="%d"/><w:szCs w:val="%d"/>`, s.Color, s.Size, s.Size)
		return b.String()
	},
}
