package finish

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"maps"
	"math"
	"slices"
	"strings"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"

	"briefing/briefing/font"
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

// embedded is a font subset ready to write: its streams compressed, its
// dictionaries' entries that do not refer to other objects. The Finisher
// keeps them (subsets), since the documents of a statement often show the
// same runes in a style; they are only read once made.
type embedded struct {
	name           types.Name
	flags          int
	file, c2g, uni types.StreamDict
	widths         types.Array
}

// subsetKey names a subset: the font and the hash of its runes.
type subsetKey struct {
	p *font.Program
	h [32]byte
}

// maxSubsets is the most bytes of subsets a Finisher keeps.
const maxSubsets = 4 << 20

// subset returns f's subset, made or kept.
func (fin *Finisher) subset(f Font) (*embedded, error) {
	runes := slices.Clone(f.Runes)
	slices.Sort(runes)
	runes = slices.Compact(runes)
	h := sha256.New()
	var b [4]byte
	for _, r := range runes {
		binary.BigEndian.PutUint32(b[:], uint32(r))
		h.Write(b[:])
	}
	key := subsetKey{p: f.Program}
	h.Sum(key.h[:0])
	if e, ok := fin.subsets.Load(key); ok {
		return e.(*embedded), nil
	}
	p := f.Program
	s, err := p.Subset(runes)
	if err != nil {
		return nil, err
	}
	e := &embedded{name: types.Name(s.Tag(p.Name()) + "+" + p.Name()), flags: 4} // symbolic
	if p.Descriptor().ItalicAngle != 0 {
		e.flags |= 64
	}
	// CIDToGIDMap: two bytes per code up to the highest.
	hi := rune(0)
	if len(s.Runes) > 0 {
		hi = s.Runes[len(s.Runes)-1]
	}
	c2g := make([]byte, 2*(hi+1))
	for i, r := range s.Runes {
		binary.BigEndian.PutUint16(c2g[2*r:], uint16(s.GID[r]))
		if i > 0 && s.Runes[i-1] == r-1 {
			last := e.widths[len(e.widths)-1].(types.Array)
			e.widths[len(e.widths)-1] = append(last, types.Integer(s.W[r]))
			continue
		}
		e.widths = append(e.widths, types.Integer(r), types.Array{types.Integer(s.W[r])})
	}
	if e.file, err = fin.pack(types.Dict{"Length1": types.Integer(len(s.TTF))}, s.TTF); err != nil {
		return nil, err
	}
	if e.c2g, err = fin.pack(types.Dict{}, c2g); err != nil {
		return nil, err
	}
	if e.uni, err = fin.pack(types.Dict{}, toUnicode(s.Runes)); err != nil {
		return nil, err
	}
	size := int64(len(e.file.Raw)+len(e.c2g.Raw)+len(e.uni.Raw)) + 8*int64(len(e.widths))
	if fin.kept.Add(size) <= maxSubsets {
		fin.subsets.Store(key, e)
	}
	return e, nil
}

// pack makes a stream of raw, compressed when that makes it smaller.
func (fin *Finisher) pack(dict types.Dict, raw []byte) (types.StreamDict, error) {
	raw, err := fin.squeeze(new(bytes.Buffer), dict, raw)
	if err != nil {
		return types.StreamDict{}, err
	}
	l := int64(len(raw))
	return types.StreamDict{Dict: dict, Raw: raw, StreamLength: &l}, nil
}

// own returns a copy of sd with its own dictionary, for a document to
// write.
func own(sd types.StreamDict) types.StreamDict {
	sd.Dict = maps.Clone(sd.Dict)
	return sd
}

// embed writes the objects of f's subset, its Type 0 font as object n.
func (w *Writer) embed(f Font, n int) error {
	e, err := w.f.subset(f)
	if err != nil {
		return err
	}
	m := f.Program.Descriptor()
	desc := w.add(types.Dict{
		"Type": types.Name("FontDescriptor"), "FontName": e.name, "Flags": types.Integer(e.flags),
		"FontBBox":    types.Array{types.Integer(m.BBox[0]), types.Integer(m.BBox[1]), types.Integer(m.BBox[2]), types.Integer(m.BBox[3])},
		"ItalicAngle": types.Float(math.Round(m.ItalicAngle*100) / 100), "Ascent": types.Integer(m.Ascent), "Descent": types.Integer(m.Descent),
		"CapHeight": types.Integer(m.CapHeight), "StemV": types.Integer(m.StemV), "FontFile2": w.add(own(e.file)),
	})
	cid := w.add(types.Dict{
		"Type": types.Name("Font"), "Subtype": types.Name("CIDFontType2"), "BaseFont": e.name,
		"CIDSystemInfo":  types.Dict{"Registry": types.StringLiteral("Adobe"), "Ordering": types.StringLiteral("Identity"), "Supplement": types.Integer(0)},
		"FontDescriptor": desc, "DW": types.Integer(m.MissingWidth), "W": e.widths,
		"CIDToGIDMap": w.add(own(e.c2g)),
	})
	w.put(n, types.Dict{
		"Type": types.Name("Font"), "Subtype": types.Name("Type0"), "BaseFont": e.name,
		"Encoding": types.Name("Identity-H"), "DescendantFonts": types.Array{cid},
		"ToUnicode": w.add(own(e.uni)),
	})
	return w.err
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
