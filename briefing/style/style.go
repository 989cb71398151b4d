package style

import (
	"fmt"
	"strconv"

	"briefing/briefing/font"
	"briefing/briefing/input"
	"briefing/briefing/statement"
)

// Brand is what a brand team owns: names, logo, colours, fonts and the footer
// line. It is read from a brand file (layouts/brand.yaml by default).
type Brand struct {
	Name      string `yaml:"name"`
	ShortName string `yaml:"short_name,omitempty"`
	// Logo is a PNG or JPEG file, relative to the brand file.
	Logo string `yaml:"logo,omitempty" text:"file"`
	// LogoAlt is the logo's alternative text.
	LogoAlt string     `yaml:"logo_alt,omitempty"`
	Colors  Colors     `yaml:"colors"`
	Fonts   BrandFonts `yaml:"fonts"`
	// Footer is printed in every document's footer.
	Footer string `yaml:"footer,omitempty"`
}

// Colors are the brand colours, each "#rrggbb".
type Colors struct {
	// Primary fills the brand band and colours headings.
	Primary Color `yaml:"primary"`
	// Accent is the bright brand accent, for rules, bars and fills; text
	// in the accent's hue is set in AccentText or AccentOnPrimary.
	Accent Color `yaml:"accent"`
	// AccentText is the accent for text on white and on Light (kickers,
	// key figures, contents page numbers): dark enough to read. Optional:
	// DefaultAccentText when left out.
	AccentText Color `yaml:"accent_text,omitempty"`
	// AccentOnPrimary is the accent for text on the Primary band (the
	// document label, the cover's kicker). Optional: DefaultAccentOnPrimary
	// when left out.
	AccentOnPrimary Color `yaml:"accent_on_primary,omitempty"`
	// Text is body text; Muted secondary text; Light tinted backgrounds.
	Text  Color `yaml:"text"`
	Muted Color `yaml:"muted"`
	Light Color `yaml:"light"`
	// CMYK are the colours' process inks, for a print shop (--print
	// press): what the brand guide gives. A colour without one is printed
	// as its RGB, which the print shop converts. Nothing else is
	// converted: no colour management.
	CMYK CMYKColors `yaml:"cmyk,omitempty"`
}

// CMYKColors are process-ink values of the brand colours, by the same
// names as Colors; each is optional.
type CMYKColors struct {
	Primary         Ink `yaml:"primary,omitempty"`
	Accent          Ink `yaml:"accent,omitempty"`
	AccentText      Ink `yaml:"accent_text,omitempty"`
	AccentOnPrimary Ink `yaml:"accent_on_primary,omitempty"`
	Text            Ink `yaml:"text,omitempty"`
	Muted           Ink `yaml:"muted,omitempty"`
	Light           Ink `yaml:"light,omitempty"`
}

// Ink is a colour's process inks: cyan, magenta, yellow and black, each
// in per cent (0 to 100), as [c, m, y, k]; nil for none.
type Ink []float64

// check returns what is wrong with the ink, or "".
func (k Ink) check() string {
	if len(k) != 4 {
		return fmt.Sprintf("want four ink values [c, m, y, k] in per cent, got %d", len(k))
	}
	for _, v := range k {
		if v < 0 || v > 100 {
			return fmt.Sprintf("want ink values from 0 to 100 (per cent), got %g", v)
		}
	}
	return ""
}

// named returns the brand colours with their names as brand files write
// them, and their inks.
func (c *Colors) named() []namedColor {
	k := &c.CMYK
	return []namedColor{{"primary", c.Primary, &k.Primary}, {"accent", c.Accent, &k.Accent}, {"accent_text", c.AccentText, &k.AccentText}, {"accent_on_primary", c.AccentOnPrimary, &k.AccentOnPrimary}, {"text", c.Text, &k.Text}, {"muted", c.Muted, &k.Muted}, {"light", c.Light, &k.Light}}
}

// namedColor is a brand colour, its name and its ink.
type namedColor struct {
	name string
	c    Color
	ink  *Ink
}

// BrandFonts names one font family and its four style files, relative to
// the brand file (or in the embedded fonts when the file name has no folder
// and is not found beside it).
type BrandFonts struct {
	Family     string `yaml:"family"`
	Regular    string `yaml:"regular" text:"file"`
	Bold       string `yaml:"bold" text:"file"`
	Italic     string `yaml:"italic" text:"file"`
	BoldItalic string `yaml:"bold_italic" text:"file"`
}

// Layout is how documents are set: default paper, margins and type sizes.
// It is read from a layout file (layouts/layout.yaml by default).
type Layout struct {
	Paper   statement.Paper `yaml:"paper"`
	Margins Margins         `yaml:"margins"`
	Sizes   TypeSizes       `yaml:"sizes"`
}

// Margins are page margins in millimetres.
type Margins struct {
	Top    float64 `yaml:"top"`
	Right  float64 `yaml:"right"`
	Bottom float64 `yaml:"bottom"`
	Left   float64 `yaml:"left"`
}

// TypeSizes are type sizes in points.
type TypeSizes struct {
	Body float64 `yaml:"body"`
	// BodyMin and BodyStep are no longer used: a brief's body is never
	// shrunk (every brief of a set has one body size). They are still
	// read, so that older layout files load.
	BodyMin  float64 `yaml:"body_min,omitempty"`
	BodyStep float64 `yaml:"body_step,omitempty"`
	Lede     float64 `yaml:"lede"`
	Title    float64 `yaml:"title"`
	Heading1 float64 `yaml:"heading1"`
	Heading2 float64 `yaml:"heading2"`
	Figure   float64 `yaml:"figure"`
	Quote    float64 `yaml:"quote"`
	Small    float64 `yaml:"small"`
}

// Color is a colour written "#rrggbb".
type Color string

// RGB returns the colour's components.
func (c Color) RGB() (r, g, b int, err error) {
	s := string(c)
	if len(s) != 7 || s[0] != '#' {
		return 0, 0, 0, fmt.Errorf("want a colour as #rrggbb, got %q", s)
	}
	v, err := strconv.ParseUint(s[1:], 16, 32)
	if err != nil {
		return 0, 0, 0, fmt.Errorf("want a colour as #rrggbb, got %q", s)
	}
	return int(v >> 16 & 0xff), int(v >> 8 & 0xff), int(v & 0xff), nil
}

// Hex returns the colour as "RRGGBB", as DOCX wants it.
func (c Color) Hex() string {
	if len(c) == 7 {
		return string(c[1:])
	}
	return "000000"
}

// Style is a brand and a layout with their files read and checked: what the
// renderers draw with. It is made once per process and shared read-only.
type Style struct {
	Brand  Brand
	Layout Layout
	// Fonts holds the four font files' bytes, by FontStyle.
	Fonts [4][]byte
	// Logo is the brand's logo, read, checked and measured once by Load;
	// nil when the brand has no logo.
	Logo *Logo
	// Type is the four fonts parsed: metrics, coverage, line breaking. Nil
	// in a Style not made by Load.
	Type *font.Set
	// brandFile and brandPos are the brand file's name and the positions
	// of its fields, for Warnings.
	brandFile string
	brandPos  input.Positions
}

// Logo is a logo image as Load read and checked it: what the layout and
// the exporters need of it, so that none of them decodes it again.
type Logo struct {
	// Data is the file's bytes, as they are: the exporters embed them.
	Data []byte
	// Type is "png" or "jpg".
	Type string
	// Width and Height are the image's size in pixels, both positive.
	Width, Height int
}

// FontStyle indexes Style.Fonts: see font.Style.
type FontStyle = font.Style

// The four font styles.
const (
	Regular    = font.Regular
	Bold       = font.Bold
	Italic     = font.Italic
	BoldItalic = font.BoldItalic
)

// Covers reports whether the brand fonts (all four styles) can draw r.
// Spaces and control characters are always covered: they are not drawn.
// A Style not made by Load knows nothing of its fonts and covers
// every rune.
func (s *Style) Covers(r rune) bool {
	return s.Type == nil || s.Type.Covers(r)
}

// Missing returns the distinct runes of text the brand fonts cannot draw,
// in order of first appearance; nil when they can draw it all.
func (s *Style) Missing(text string) []rune {
	if s.Type == nil {
		return nil
	}
	return s.Type.Missing(text)
}

// Family names the brand fonts in messages: their family, or "brand".
func (s *Style) Family() string {
	if s.Brand.Fonts.Family == "" {
		return "brand"
	}
	return s.Brand.Fonts.Family
}
