package style

import (
	"fmt"
	"strings"

	"briefing/briefing/input"
)

// The built-in text-safe accents, used when a brand leaves them out: the
// default brand's amber, darkened to read on white and on its light panel,
// and lightened to read on its deep blue band.
const (
	DefaultAccentText      Color = "#A85A14"
	DefaultAccentOnPrimary Color = "#F0A860"
	// DefaultAccent is the built-in brand's accent, the one the two
	// above are made from.
	DefaultAccent Color = "#D9822B"
)

// TextPair is a text colour on a background colour that the documents
// set words in, with the contrast WCAG 2.1 AA asks of it.
type TextPair struct {
	// Text and On are the fields (colors.text, colors.light…) of the
	// text and background colours; "" is white, the page.
	Text, On string
	// Large is set when only large text (see style.Large) uses the pair,
	// so that it needs AALarge rather than AANormal.
	Large bool
	// Use says which words use the pair, for messages.
	Use string
}

// TextPairs returns every text and background pair the PDF and DOCX
// documents set words in. A renderer that sets text in a new pair adds it
// here, so that Load checks it (the rendered-contrast test in internal/cli
// fails on a pair of the PDFs that is not here).
func TextPairs() []TextPair { return textPairs }

var textPairs = []TextPair{
	{Text: "text", Use: "body text"},
	{Text: "text", On: "light", Use: "notes on the light panel"},
	{Text: "muted", Use: "captions, dates and footers"},
	{Text: "muted", On: "light", Use: "key figure labels"},
	{Text: "primary", Use: "headings, ledes, quotes and links"},
	{Text: "primary", On: "light", Use: "the key figures' title"},
	{Text: "accent_text", Use: "kickers, contents page numbers and \"prepared for\""},
	{Text: "accent_text", On: "light", Large: true, Use: "key figure values"},
	{Text: "", On: "primary", Use: "the band's title and wordmark"},
	{Text: "light", On: "primary", Use: "the band's event and date line"},
	{Text: "accent_on_primary", On: "primary", Use: "the band's document label and the cover's kicker"},
}

// Color returns the colour a TextPair field names: "" is White.
func (c Colors) Color(field string) Color {
	if p := c.ref(field); p != nil {
		return *p
	}
	return White
}

// ref points at the colour field names ("primary", "accent_text"…); nil
// for another name.
func (c *Colors) ref(field string) *Color {
	switch field {
	case "primary":
		return &c.Primary
	case "accent":
		return &c.Accent
	case "accent_text":
		return &c.AccentText
	case "accent_on_primary":
		return &c.AccentOnPrimary
	case "text":
		return &c.Text
	case "muted":
		return &c.Muted
	case "light":
		return &c.Light
	}
	return nil
}

// withDefaults fills the optional colours a brand leaves out.
func (c *Colors) withDefaults() {
	if c.AccentText == "" {
		c.AccentText = DefaultAccentText
	}
	if c.AccentOnPrimary == "" {
		c.AccentOnPrimary = DefaultAccentOnPrimary
	}
}

// checkContrast reports each TextPair of the brand's colours under WCAG
// 2.1 AA, at the text colour's field (or the background's, when only the
// background is in the file), with the ratio, the need and a colour of the
// same hue that would pass. Colours that do not parse are left to their
// own errors.
func checkContrast(file string, c Colors, pos input.Positions) input.ErrorList {
	var errs input.ErrorList
	name := func(field string) string {
		if field == "" {
			return "white"
		}
		return fmt.Sprintf("colors.%s %s", field, c.Color(field))
	}
	for _, p := range textPairs {
		fg, err1 := c.Color(p.Text).NRGBA()
		bg, err2 := c.Color(p.On).NRGBA()
		if err1 != nil || err2 != nil {
			continue
		}
		need, what := AANormal, "text"
		if p.Large {
			need, what = AALarge, "large text (18 pt, or 14 pt bold)"
		}
		r := Contrast(fg, bg)
		if r >= need {
			continue
		}
		field, text := p.Text, true
		_, textSet := pos["colors."+p.Text]
		if _, onSet := pos["colors."+p.On]; p.Text == "" || onSet && !textSet {
			field, text = p.On, false
		}
		fgName, bgName := name(p.Text), name(p.On)
		if text {
			fgName = string(c.Color(p.Text))
		} else {
			bgName = string(c.Color(p.On))
		}
		msg := fmt.Sprintf("%s on %s is %s; %s needs %g:1 (WCAG AA) for %s", fgName, bgName, ratioUnder(r, need), what, need, p.Use)
		if x, ok := fixField(c, field); ok {
			msg += fmt.Sprintf("; try %s", x)
		}
		errs = append(errs, styleErr(file, pos, "colors."+field, "%s", msg))
	}
	return errs
}

// fixField is the colour nearest to the field's, of its hue and
// saturation, with which every TextPair it is part of passes, the other
// colours staying as they are; ok is false when there is none. Each error
// of one field thus suggests the same colour.
func fixField(c Colors, field string) (x Color, ok bool) {
	v, err := c.Color(field).NRGBA()
	if err != nil {
		return "", false
	}
	h, s, l := hsl(v)
	for d := 0.0; d <= 1; d += 0.005 {
		for _, l := range []float64{l - d, l + d} {
			if l < 0 || l > 1 {
				continue
			}
			if x := hexOf(fromHSL(h, s, l)); passes(c.with(field, x), field) {
				return x, true
			}
		}
	}
	return "", false
}

// passes reports whether every TextPair of field meets WCAG AA in c.
func passes(c Colors, field string) bool {
	for _, p := range textPairs {
		if p.Text != field && p.On != field {
			continue
		}
		fg, err1 := c.Color(p.Text).NRGBA()
		bg, err2 := c.Color(p.On).NRGBA()
		need := AANormal
		if p.Large {
			need = AALarge
		}
		if err1 != nil || err2 != nil || Contrast(fg, bg) < need {
			return false
		}
	}
	return true
}

// with returns c with field set to x.
func (c Colors) with(field string, x Color) Colors {
	if p := c.ref(field); p != nil {
		*p = x
	}
	return c
}

// accentWarnings warns of a brand file that sets an accent other than
// DefaultAccent but leaves out a text accent: its kickers and key figures
// would keep the built-in amber beside its own rules. It suggests the
// brand's accent made dark (or light) enough to read.
func (st *Style) accentWarnings() input.ErrorList {
	c := st.Brand.Colors
	if _, set := st.brandPos["colors.accent"]; !set || strings.EqualFold(string(c.Accent), string(DefaultAccent)) {
		return nil
	}
	accent, err := c.Accent.NRGBA()
	if err != nil {
		return nil
	}
	var warns input.ErrorList
	for _, x := range []struct {
		field, on string
		c         Color
	}{{"accent_text", "", c.AccentText}, {"accent_on_primary", "primary", c.AccentOnPrimary}} {
		if _, set := st.brandPos["colors."+x.field]; set || !strings.EqualFold(string(x.c), string(map[string]Color{"accent_text": DefaultAccentText, "accent_on_primary": DefaultAccentOnPrimary}[x.field])) {
			continue
		}
		msg := fmt.Sprintf("colors.accent is %s but colors.%s is the built-in %s, so words in the accent's hue stay amber; set colors.%s", c.Accent, x.field, x.c, x.field)
		if bg, err := c.Color(x.on).NRGBA(); err == nil {
			if fix, ok := Fix(accent, bg, AANormal); ok {
				msg += fmt.Sprintf(" (try %s, which reads at %g:1 or more on %s)", fix, AANormal, map[string]string{"": "white", "primary": "primary"}[x.on])
			}
		}
		warns = append(warns, &input.Error{Place: input.Place{File: st.brandFile, Pos: st.brandPos["colors.accent"], Field: "colors.accent"}, Msg: msg})
	}
	return warns
}
