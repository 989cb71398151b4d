package pdf

import (
	"bytes"
	"fmt"
	"reflect"
	"strings"
	"unsafe"

	"codeberg.org/go-pdf/fpdf"

	"briefing/briefing"
)

// fpdf parses a TrueType file and hashes its width table every time a font
// is added to a document (25-33 ms for four styles). fontSet does that once:
// New adds the four styles to a prototype document and keeps its font
// definitions; each document then gets a copy of them, with its own parser
// state (the subsetter rewinds and refills it) and its own set of used runes.
//
// fpdf keeps font definitions in unexported fields, so the copy goes through
// reflect and unsafe. fontSetCheck in New and the tests guard against a
// change of fpdf's layout: they fail loudly rather than render wrongly.

// family is the name the fonts are registered under. fpdf writes a UTF-8
// font's PostScript name as "utf8" + family + style; subsetTag rewrites the
// "utf8xx" prefix, in place and at the same length, into a six-letter
// subset tag so that readers see "BRFNTA+notosans", as the PDF spec wants
// for subset fonts.
const family = "xx+NotoSans"

var fpdfStyles = [4]string{briefing.Regular: "", briefing.Bold: "B", briefing.Italic: "I", briefing.BoldItalic: "BI"}

// fontSet is the four styles of the brand font, parsed once.
type fontSet struct {
	keys [4]string
	defs [4]reflect.Value // fpdf.fontDefType
	// cw are the glyph widths by rune (1/1000 em) and missing the width of
	// runes the font lacks.
	cw      [4][]int
	missing [4]int
}

// latin are the rune ranges of the reduced fonts: Latin-1 and Latin
// Extended-A (the languages of Europe and the Americas written in Latin
// script), Romanian's comma letters, general punctuation, currency signs
// and ™.
// fpdf subsets a font per document by walking its whole character map, so a
// font cut down once in New to what Latin-script documents use makes every
// document faster; a document with other runes uses the full fonts.
var latin = [][2]rune{
	{0x0000, 0x017f}, {0x0218, 0x021b}, {0x2000, 0x206f}, {0x20a0, 0x20cf}, {0x2122, 0x2122},
}

// inLatin reports whether r is in the reduced fonts' ranges.
func inLatin(r rune) bool {
	for _, g := range latin {
		if r >= g[0] && r <= g[1] {
			return true
		}
	}
	return false
}

var latinSet = func() string {
	var b strings.Builder
	for _, g := range latin {
		for r := max(g[0], 0x20); r <= g[1]; r++ {
			b.WriteRune(r)
		}
	}
	return b.String()
}()

// newFontSet parses the four styles; with cut set, it first cuts each
// down to the Latin ranges.
func newFontSet(fonts [4][]byte, cut bool) (*fontSet, error) {
	p := fpdf.New("P", "mm", "A4", "")
	for i, b := range fonts {
		if len(b) == 0 {
			return nil, fmt.Errorf("pdf: font style %d: no font file", i)
		}
		if cut {
			c, err := cutFont(b)
			if err != nil {
				return nil, fmt.Errorf("pdf: font style %d: %w", i, err)
			}
			b = c
		}
		p.AddUTF8FontFromBytes(family, fpdfStyles[i], b)
		if err := p.Error(); err != nil {
			return nil, fmt.Errorf("pdf: font style %d: %w", i, err)
		}
	}
	m := fontMap(p)
	fs := &fontSet{}
	for i := range fonts {
		key := fontKey(i)
		v := m.MapIndex(reflect.ValueOf(key))
		if !v.IsValid() {
			return nil, fmt.Errorf("pdf: font style %d was not registered (bad TrueType file?)", i)
		}
		def := reflect.New(v.Type()).Elem()
		def.Set(v)
		if field(def, "utf8File").IsNil() {
			return nil, fmt.Errorf("pdf: font style %d: not a UTF-8 font", i)
		}
		fs.keys[i] = key
		fs.defs[i] = def
		fs.cw[i] = field(def, "Cw").Interface().([]int)
		fs.missing[i] = int(field(field(def, "Desc"), "MissingWidth").Int())
	}
	return fs, nil
}

// cutFont cuts a TrueType font down to the Latin ranges.
func cutFont(b []byte) (out []byte, err error) {
	defer func() {
		if e := recover(); e != nil {
			err = fmt.Errorf("cannot subset the font: %v", e)
		}
	}()
	out = fpdf.UTF8CutFont(b, latinSet)
	if len(out) == 0 {
		return nil, fmt.Errorf("cannot subset the font")
	}
	return out, nil
}

// fontKey is fpdf's key for style i of family.
func fontKey(i int) string {
	return "xx+notosans" + fpdfStyles[i]
}

// install gives document p its own copy of the four fonts.
func (fs *fontSet) install(p *fpdf.Fpdf) {
	m := fontMap(p)
	for i, src := range fs.defs {
		def := reflect.New(src.Type()).Elem()
		def.Set(src)
		// A fresh parser over the same (read-only) bytes: the subsetter
		// reassigns the parser's tables and moves its read position.
		uf := field(def, "utf8File")
		nu := reflect.New(uf.Type().Elem())
		nu.Elem().Set(uf.Elem())
		fr := field(nu.Elem(), "fileReader")
		nfr := reflect.New(fr.Type().Elem())
		nfr.Elem().Set(fr.Elem())
		fr.Set(nfr)
		uf.Set(nu)
		// Runes 0-56 are always in the subset, as fpdf does it.
		used := make(map[int]int, 128)
		for r := range 57 {
			used[r] = 0
		}
		field(def, "usedRunes").Set(reflect.ValueOf(used))
		m.SetMapIndex(reflect.ValueOf(fs.keys[i]), def)
	}
}

// prune removes the styles document p never set text in, so that they are
// neither subset nor embedded (subsetting costs about 2 ms a style).
func (fs *fontSet) prune(p *fpdf.Fpdf, used [4]bool) {
	m := fontMap(p)
	for i, u := range used {
		if !u {
			m.SetMapIndex(reflect.ValueOf(fs.keys[i]), reflect.Value{})
		}
	}
}

// fontMap returns p's font map, writable.
func fontMap(p *fpdf.Fpdf) reflect.Value {
	return field(reflect.ValueOf(p).Elem(), "fonts")
}

// field returns the named field of the addressable struct v, writable even
// when unexported. It panics when fpdf no longer has the field.
func field(v reflect.Value, name string) reflect.Value {
	f := v.FieldByName(name)
	if !f.IsValid() {
		panic("pdf: fpdf has no field " + name + "; update briefing/pdf/fonts.go")
	}
	return reflect.NewAt(f.Type(), unsafe.Pointer(f.UnsafeAddr())).Elem()
}

// subsetTag rewrites fpdf's font names ("/utf8xx+notosans…") into subset
// names ("/BRFNTA+notosans…"), byte for byte the same length so that the
// cross-reference offsets stay right.
func subsetTag(pdf []byte) []byte {
	for i := 3; i >= 0; i-- {
		old := []byte("/utf8" + fontKey(i) + "\n")
		tag := []byte("/BRFNT" + string(rune('A'+i)) + "+notosans" + fpdfStyles[i] + "\n")
		pdf = bytes.ReplaceAll(pdf, old, tag)
		old[len(old)-1], tag[len(tag)-1] = ' ', ' '
		pdf = bytes.ReplaceAll(pdf, old, tag)
	}
	return pdf
}
