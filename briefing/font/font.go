package font

import (
	"fmt"
	"sort"
	"sync"
	"unicode"

	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// Style is one of the four faces of a family.
type Style int

// The four styles, in the order of the files Parse takes.
const (
	Regular Style = iota
	Bold
	Italic
	BoldItalic
)

// String returns the style's name: "regular", "bold", "italic",
// "bold_italic" (the keys of a brand file's fonts).
func (s Style) String() string {
	switch s {
	case Bold:
		return "bold"
	case Italic:
		return "italic"
	case BoldItalic:
		return "bold_italic"
	}
	return "regular"
}

// MarshalText writes the style's name, for layout snapshots.
func (s Style) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// With combines s with a run's bold and italic attributes.
func (s Style) With(bold, italic bool) Style {
	b := bold || s == Bold || s == BoldItalic
	i := italic || s == Italic || s == BoldItalic
	switch {
	case b && i:
		return BoldItalic
	case b:
		return Bold
	case i:
		return Italic
	}
	return Regular
}

// MaxRune bounds the characters a font's character map is read for: the
// Basic Multilingual Plane and the two planes above it (emoji, historic
// scripts, rare ideographs). Characters beyond count as not covered.
const MaxRune = 0x2ffff

// denseRunes is how many characters from U+0000 have their widths in a
// flat table; those up to eagerRunes in a sorted one. Both are read in
// Parse; characters beyond (CJK, emoji, historic scripts) are looked up in
// the character map when first asked for, which keeps Parse, on the path
// of every command, short.
const (
	denseRunes = 0x2100
	eagerRunes = 0x3000
)

// Face is one parsed style: its name, vertical metrics and advance widths,
// in ems.
type Face struct {
	// PostScriptName is the face's name table entry 6 ("NotoSans-Regular"),
	// or "" when the font has none.
	PostScriptName string
	// Family is the face's family name (name table entry 1).
	Family string
	// Ascent and Descent are the typographic ascender and descender, in
	// ems (Descent positive below the baseline).
	Ascent, Descent float64
	// CapHeight is the height of capital letters, in ems.
	CapHeight float64

	dense   [denseRunes]float32 // width by rune; 0: look in sparse or missing
	sparse  []runeWidth         // sorted by rune, runes ≥ denseRunes
	missing float64             // the width drawn for a character the face lacks
	cover   ranges              // the characters below eagerRunes the face has

	// Characters from eagerRunes on, looked up when asked for: width by
	// rune, or -1 for one the face lacks.
	font *sfnt.Font
	ppem fixed.Int26_6
	upem float64
	mu   sync.Mutex
	buf  sfnt.Buffer
	lazy map[rune]float32
}

type runeWidth struct {
	r rune
	w float32
}

// Set is a family's four faces, parsed once.
type Set struct {
	faces  [4]*Face
	parsed [4]*sfnt.Font
	files  [4][]byte // the bytes parsed, for Program
	// cache holds prepared texts (see Prepare), cached the bytes of
	// text they hold.
	mu     sync.Mutex
	cache  map[cacheKey]*Text
	cached int
	// cover is the set of characters below eagerRunes all four faces can
	// draw.
	cover ranges
}

// Error says which style's file could not be parsed.
type Error struct {
	Style Style
	Err   error
}

func (e *Error) Error() string { return fmt.Sprintf("font %s: %v", e.Style, e.Err) }
func (e *Error) Unwrap() error { return e.Err }

// Parse parses the four style files of a family (Regular, Bold, Italic,
// BoldItalic).
func Parse(files [4][]byte) (*Set, error) {
	s := &Set{}
	var buf sfnt.Buffer
	for i, b := range files {
		f, err := sfnt.Parse(b)
		if err != nil {
			return nil, &Error{Style: Style(i), Err: err}
		}
		face, err := newFace(f, &buf)
		if err != nil {
			return nil, &Error{Style: Style(i), Err: err}
		}
		s.faces[i] = face
		s.parsed[i] = f
		s.files[i] = b
	}
	s.cover = s.faces[0].cover
	for _, f := range s.faces[1:] {
		s.cover = intersect(s.cover, f.cover)
	}
	return s, nil
}

// newFace reads f's names, metrics and the advance of every character its
// character map has below eagerRunes.
func newFace(f *sfnt.Font, buf *sfnt.Buffer) (*Face, error) {
	upem := float64(f.UnitsPerEm())
	if upem <= 0 {
		return nil, fmt.Errorf("no units per em")
	}
	ppem := fixed.Int26_6(f.UnitsPerEm()) << 6
	em := func(v fixed.Int26_6) float64 { return float64(v) / 64 / upem }
	fc := &Face{font: f, ppem: ppem, upem: upem, lazy: map[rune]float32{}}
	fc.PostScriptName, _ = f.Name(buf, sfnt.NameIDPostScript)
	fc.Family, _ = f.Name(buf, sfnt.NameIDFamily)
	m, err := f.Metrics(buf, ppem, font.HintingNone)
	if err != nil {
		return nil, err
	}
	fc.Ascent, fc.Descent, fc.CapHeight = em(m.Ascent), em(m.Descent), em(m.CapHeight)
	if fc.CapHeight <= 0 {
		fc.CapHeight = 0.7
	}
	widths := map[sfnt.GlyphIndex]float32{}
	adv := func(g sfnt.GlyphIndex) float32 {
		if w, ok := widths[g]; ok {
			return w
		}
		a, err := f.GlyphAdvance(buf, g, ppem, font.HintingNone)
		w := float32(0)
		if err == nil {
			w = float32(em(a))
		}
		widths[g] = w
		return w
	}
	fc.missing = float64(adv(0))
	if fc.missing <= 0 {
		fc.missing = 0.6
	}
	for r := rune(0); r < eagerRunes; r++ {
		g, err := f.GlyphIndex(buf, r)
		if err != nil || g == 0 {
			continue
		}
		if n := len(fc.cover); n > 0 && fc.cover[n-1][1] == r-1 {
			fc.cover[n-1][1] = r
		} else {
			fc.cover = append(fc.cover, [2]rune{r, r})
		}
		w := adv(g)
		if r < denseRunes {
			// A zero-width mark is kept as a tiny positive width so that
			// "covered, zero" and "not covered" stay apart.
			fc.dense[r] = max(w, 1e-9)
		} else {
			fc.sparse = append(fc.sparse, runeWidth{r, max(w, 1e-9)})
		}
	}
	return fc, nil
}

// Raster returns a face of style st at size pixels (72 dpi, full
// hinting) to draw text into an image with golang.org/x/image/font (the
// DOCX wordmark). The caller closes it.
func (s *Set) Raster(st Style, size float64) (font.Face, error) {
	return opentype.NewFace(s.parsed[st&3], &opentype.FaceOptions{Size: size, DPI: 72, Hinting: font.HintingFull})
}

// Face returns the face of style st.
func (s *Set) Face(st Style) *Face { return s.faces[st&3] }

// Advance returns the advance width of r in style st, in ems.
func (f *Face) Advance(r rune) float64 {
	if r >= 0 && r < denseRunes {
		if w := f.dense[r]; w > 0 {
			return float64(w)
		}
		return f.missing
	}
	if r < eagerRunes {
		i := sort.Search(len(f.sparse), func(i int) bool { return f.sparse[i].r >= r })
		if i < len(f.sparse) && f.sparse[i].r == r {
			return float64(f.sparse[i].w)
		}
		return f.missing
	}
	if w := f.lookup(r); w >= 0 {
		return float64(w)
	}
	return f.missing
}

// has reports whether the face has a glyph for r.
func (f *Face) has(r rune) bool {
	if r < eagerRunes {
		return f.cover.has(r)
	}
	return f.lookup(r) >= 0
}

// lookup returns the width of r (from eagerRunes on) in ems, or -1 when
// the face lacks it, reading the character map on first need.
func (f *Face) lookup(r rune) float32 {
	if r > MaxRune || r < 0 {
		return -1
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if w, ok := f.lazy[r]; ok {
		return w
	}
	w := float32(-1)
	if g, err := f.font.GlyphIndex(&f.buf, r); err == nil && g != 0 {
		if a, err := f.font.GlyphAdvance(&f.buf, g, f.ppem, font.HintingNone); err == nil {
			w = max(float32(float64(a)/64/f.upem), 1e-9)
		}
	}
	f.lazy[r] = w
	return w
}

// Width returns the advance width of text in style st at size pt, in
// points. Kerning is left out, as the PDF writer sets text without it.
func (s *Set) Width(text string, st Style, pt float64) float64 {
	f := s.faces[st&3]
	w := 0.0
	for _, r := range text {
		w += f.Advance(r)
	}
	return w * pt
}

// Covers reports whether all four faces can draw r. Spaces and control
// characters are always covered: they are not drawn.
func (s *Set) Covers(r rune) bool {
	if unicode.IsSpace(r) || unicode.IsControl(r) {
		return true
	}
	if r < eagerRunes {
		return s.cover.has(r)
	}
	for _, f := range s.faces {
		if !f.has(r) {
			return false
		}
	}
	return true
}

// Missing returns the distinct characters of text the faces cannot all
// draw, in order of first appearance; nil when they can draw it all.
func (s *Set) Missing(text string) []rune {
	var out []rune
	for _, r := range text {
		if !s.Covers(r) && !contains(out, r) {
			out = append(out, r)
		}
	}
	return out
}

func contains(rs []rune, r rune) bool {
	for _, x := range rs {
		if x == r {
			return true
		}
	}
	return false
}

// ranges is a sorted set of runes as closed ranges.
type ranges [][2]rune

func (rs ranges) has(r rune) bool {
	i := sort.Search(len(rs), func(i int) bool { return rs[i][1] >= r })
	return i < len(rs) && rs[i][0] <= r
}

// intersect returns the runes in both a and b.
func intersect(a, b ranges) ranges {
	var out ranges
	for i, j := 0, 0; i < len(a) && j < len(b); {
		lo, hi := max(a[i][0], b[j][0]), min(a[i][1], b[j][1])
		if lo <= hi {
			out = append(out, [2]rune{lo, hi})
		}
		if a[i][1] < b[j][1] {
			i++
		} else {
			j++
		}
	}
	return out
}
