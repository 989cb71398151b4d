package pdf

import (
	"fmt"
	"math/bits"

	"codeberg.org/go-pdf/fpdf"

	"briefing/briefing/font"
	"briefing/briefing/style"
)

// Fonts take three parts:
//
//   - the brand's four font files are read once, in New, into
//     font.Programs: the finishing pass embeds from them a subset of each
//     style a document sets text in, with the runes it sets (fpdf's own
//     subsetting and embedding took three quarters of a brief's time);
//   - fpdf only needs a font registered under each style's name to set
//     text in it: it gets a stub, the regular font cut down to the space,
//     which it never embeds (share.go: shared, or added per document);
//   - a document records the runes of each style it sets (doc.box), and
//     hands them to the finishing pass when it closes.

// family is the name the stub fonts are registered under in fpdf.
const family = "xx+NotoSans"

var fpdfStyles = [4]string{style.Regular: "", style.Bold: "B", style.Italic: "I", style.BoldItalic: "BI"}

// fontKey is fpdf's key for style i of family, and "utf8"+fontKey(i) the
// /BaseFont fpdf writes for it.
func fontKey(i int) string {
	return "xx+notosans" + fpdfStyles[i]
}

// readPrograms reads the four styles of set, the fonts Load parsed; names
// are their PostScript names.
func readPrograms(set *font.Set, names [4]string) ([4]*font.Program, error) {
	var progs [4]*font.Program
	for i := range progs {
		p, err := set.Program(font.Style(i), names[i])
		if err != nil {
			return progs, fmt.Errorf("pdf: font style %d: %w", i, err)
		}
		progs[i] = p
	}
	return progs, nil
}

// stubFont cuts the regular font down to the space: the font fpdf is
// given, to set text with; the finishing pass embeds the real one.
func stubFont(regular []byte) (out []byte, err error) {
	defer func() {
		if e := recover(); e != nil {
			err = fmt.Errorf("pdf: cannot read the regular font: %v", e)
		}
	}()
	out = fpdf.UTF8CutFont(regular, " ")
	if len(out) == 0 {
		return nil, fmt.Errorf("pdf: cannot read the regular font")
	}
	return out, nil
}

// runeSet is a set of runes of the Basic Multilingual Plane (the codes
// fpdf writes for UTF-8 fonts), a bit each.
type runeSet []uint64

func (s *runeSet) add(str string) {
	if *s == nil {
		*s = make(runeSet, 0x10000/64)
	}
	for _, r := range str {
		if r < 0x10000 {
			(*s)[r/64] |= 1 << (r % 64)
		}
	}
}

func (s runeSet) runes() []rune {
	n := 0
	for _, w := range s {
		n += bits.OnesCount64(w)
	}
	out := make([]rune, 0, n)
	for i, w := range s {
		for w != 0 {
			b := bits.TrailingZeros64(w)
			out = append(out, rune(i*64+b))
			w &^= 1 << b
		}
	}
	return out
}
