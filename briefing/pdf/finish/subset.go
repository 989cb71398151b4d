package finish

import (
	"briefing/briefing/font"
	"encoding/binary"
	"fmt"
	"math"
	"strings"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// Font is a font for the pass to embed: the subset of Program with the
// runes a document shows, as a Type 0 font with Identity-H encoding whose
// character codes are the runes (UTF-16BE, as fpdf writes UTF-8 fonts'
// text). Runes outside the Basic Multilingual Plane are not embedded.
type Font struct {
	// Resource is the font's name in the pages' /Font resources (such as
	// "F1"): the pass puts the embedded font there, in place of the
	// input's. When empty, the font takes the place of the one whose
	// /BaseFont is Replaces.
	Resource string
	Replaces string
	// Program is the font; Runes the characters to embed, in any order
	// (or given later: Writer.SetRunes).
	Program *font.Program
	Runes   []rune
}

// embed writes the objects of f's subset, its Type 0 font as object n.
func (w *Writer) embed(f Font, n int) error {
	p := f.Program
	s, err := p.Subset(f.Runes)
	if err != nil {
		return err
	}
	m := p.Descriptor()
	name := types.Name(s.Tag(p.Name()) + "+" + p.Name())
	prog := w.stream(types.Dict{"Length1": types.Integer(len(s.TTF))}, s.TTF)
	flags := 4 // symbolic
	if m.ItalicAngle != 0 {
		flags |= 64
	}
	desc := w.add(types.Dict{
		"Type": types.Name("FontDescriptor"), "FontName": name, "Flags": types.Integer(flags),
		"FontBBox":    types.Array{types.Integer(m.BBox[0]), types.Integer(m.BBox[1]), types.Integer(m.BBox[2]), types.Integer(m.BBox[3])},
		"ItalicAngle": types.Float(math.Round(m.ItalicAngle*100) / 100), "Ascent": types.Integer(m.Ascent), "Descent": types.Integer(m.Descent),
		"CapHeight": types.Integer(m.CapHeight), "StemV": types.Integer(m.StemV), "FontFile2": prog,
	})
	// CIDToGIDMap: two bytes per code up to the highest.
	hi := rune(0)
	if len(s.Runes) > 0 {
		hi = s.Runes[len(s.Runes)-1]
	}
	c2g := make([]byte, 2*(hi+1))
	var widths types.Array
	for i, r := range s.Runes {
		binary.BigEndian.PutUint16(c2g[2*r:], uint16(s.GID[r]))
		if i > 0 && s.Runes[i-1] == r-1 {
			last := widths[len(widths)-1].(types.Array)
			widths[len(widths)-1] = append(last, types.Integer(s.W[r]))
			continue
		}
		widths = append(widths, types.Integer(r), types.Array{types.Integer(s.W[r])})
	}
	cid := w.add(types.Dict{
		"Type": types.Name("Font"), "Subtype": types.Name("CIDFontType2"), "BaseFont": name,
		"CIDSystemInfo":  types.Dict{"Registry": types.StringLiteral("Adobe"), "Ordering": types.StringLiteral("Identity"), "Supplement": types.Integer(0)},
		"FontDescriptor": desc, "DW": types.Integer(m.MissingWidth), "W": widths,
		"CIDToGIDMap": w.stream(types.Dict{}, c2g),
	})
	w.put(n, types.Dict{
		"Type": types.Name("Font"), "Subtype": types.Name("Type0"), "BaseFont": name,
		"Encoding": types.Name("Identity-H"), "DescendantFonts": types.Array{cid},
		"ToUnicode": w.stream(types.Dict{}, toUnicode(s.Runes)),
	})
	return w.err
}

// stream adds a stream object (compressed when written).
func (w *Writer) stream(dict types.Dict, content []byte) types.IndirectRef {
	l := int64(len(content))
	sd := types.StreamDict{Dict: dict, Raw: content, Content: content, StreamLength: &l}
	return w.add(sd)
}

// toUnicode is a CMap from the codes (the runes) to Unicode.
func toUnicode(runes []rune) []byte {
	var b strings.Builder
	b.WriteString("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n" +
		"/CIDSystemInfo <</Registry (Adobe) /Ordering (UCS) /Supplement 0>> def\n" +
		"/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n" +
		"1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n")
	for i := 0; i < len(runes); i += 100 {
		chunk := runes[i:min(i+100, len(runes))]
		fmt.Fprintf(&b, "%d beginbfchar\n", len(chunk))
		for _, r := range chunk {
			fmt.Fprintf(&b, "<%04X> <%04X>\n", r, r)
		}
		b.WriteString("endbfchar\n")
	}
	b.WriteString("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n")
	return []byte(b.String())
}
