package font

import (
	"encoding/binary"
	"fmt"
	"math"

	xfont "golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// Program is a TrueType font program (glyf outlines), read once per
// process, from which the pass embeds a subset per document. It reads
// only the tables a subset needs; it is read-only after ParseProgram and
// safe for concurrent use.
//
// The PDF writer embeds subsets of it (Subset) rather than letting fpdf
// subset and embed, which took three quarters of a brief's time.
type Program struct {
	name   string
	tables map[string][]byte
	upem   int
	nGlyph int
	nHM    int // numberOfHMetrics
	long   bool
	glyf   []byte
	loca   []uint32 // nGlyph+1 offsets into glyf
	gid    []uint16 // glyph by rune, for the Basic Multilingual Plane
	w      []int    // advance by glyph, in 1/1000 em, rounded
	// The font descriptor's numbers, in 1/1000 em.
	ascent, descent, capHeight, stemV int
	bbox                              [4]int
	italic                            float64
}

// ParseProgram reads a TrueType font; name is its PostScript name, which
// embedded subsets are called by. A Set's fonts are better read with
// Set.Program, which does not parse them again.
func ParseProgram(data []byte, name string) (*Program, error) {
	f, err := sfnt.Parse(data)
	if err != nil {
		return nil, fmt.Errorf("font %s: %w", name, err)
	}
	return newProgram(f, data, name)
}

// Program returns the font program of style st (see ParseProgram), named
// name: the file the Set parsed, its advance widths read by the same
// reader as the faces' (sfnt), not parsed again.
func (s *Set) Program(st Style, name string) (*Program, error) {
	return newProgram(s.parsed[st&3], s.files[st&3], name)
}

// newProgram reads the tables a subset needs from data, the file of f;
// advance widths come from f, the one reader of widths (as Face's).
func newProgram(f *sfnt.Font, data []byte, name string) (p *Program, err error) {
	defer func() {
		if e := recover(); e != nil {
			p, err = nil, fmt.Errorf("font %s: damaged TrueType file (%v)", name, e)
		}
	}()
	be := binary.BigEndian
	if len(data) < 12 {
		return nil, fmt.Errorf("font %s: not a TrueType file", name)
	}
	switch be.Uint32(data) {
	case 0x00010000, 0x74727565: // 1.0, 'true'
	default:
		return nil, fmt.Errorf("font %s: not a TrueType font with glyf outlines", name)
	}
	p = &Program{name: name, tables: map[string][]byte{}}
	n := int(be.Uint16(data[4:]))
	for i := range n {
		r := data[12+16*i:]
		off, l := be.Uint32(r[8:]), be.Uint32(r[12:])
		if uint64(off)+uint64(l) > uint64(len(data)) {
			return nil, fmt.Errorf("font %s: table %q outside the file", name, r[:4])
		}
		p.tables[string(r[:4])] = data[off : off+l]
	}
	for _, t := range []string{"head", "hhea", "maxp", "hmtx", "loca", "glyf", "cmap"} {
		if p.tables[t] == nil {
			return nil, fmt.Errorf("font %s: no %s table (only TrueType fonts with glyf outlines can be embedded)", name, t)
		}
	}
	head, hhea := p.tables["head"], p.tables["hhea"]
	p.upem = int(be.Uint16(head[18:]))
	if p.upem < 16 {
		return nil, fmt.Errorf("font %s: bad unitsPerEm %d", name, p.upem)
	}
	p.long = be.Uint16(head[50:]) != 0
	p.nGlyph = int(be.Uint16(p.tables["maxp"][4:]))
	p.nHM = int(be.Uint16(hhea[34:]))
	if p.nHM < 1 || p.nHM > p.nGlyph || len(p.tables["hmtx"]) < 4*p.nHM {
		return nil, fmt.Errorf("font %s: bad horizontal metrics", name)
	}
	p.glyf = p.tables["glyf"]
	loca := p.tables["loca"]
	p.loca = make([]uint32, p.nGlyph+1)
	for i := range p.loca {
		if p.long {
			p.loca[i] = be.Uint32(loca[4*i:])
		} else {
			p.loca[i] = 2 * uint32(be.Uint16(loca[2*i:]))
		}
		if p.loca[i] > uint32(len(p.glyf)) || i > 0 && p.loca[i] < p.loca[i-1] {
			return nil, fmt.Errorf("font %s: bad glyph locations", name)
		}
	}
	scale := 1000 / float64(p.upem)
	em := func(v int) int { return int(math.Round(scale * float64(v))) }
	if f.NumGlyphs() != p.nGlyph || int(f.UnitsPerEm()) != p.upem {
		return nil, fmt.Errorf("font %s: the font reader sees %d glyphs and %d units per em, the tables %d and %d", name, f.NumGlyphs(), f.UnitsPerEm(), p.nGlyph, p.upem)
	}
	// At ppem = unitsPerEm, the advance sfnt returns is the hmtx value
	// itself, in font units (no rounding).
	var buf sfnt.Buffer
	p.w = make([]int, p.nGlyph)
	for g := range p.w {
		adv, err := f.GlyphAdvance(&buf, sfnt.GlyphIndex(g), fixed.Int26_6(p.upem), xfont.HintingNone)
		if err != nil {
			return nil, fmt.Errorf("font %s: glyph %d: %w", name, g, err)
		}
		a := int(adv)
		if a >= 1<<15 {
			a = 0
		}
		p.w[g] = em(a)
	}
	i16 := func(b []byte, off int) int { return int(int16(be.Uint16(b[off:]))) }
	p.bbox = [4]int{em(i16(head, 36)), em(i16(head, 38)), em(i16(head, 40)), em(i16(head, 42))}
	p.ascent, p.descent = em(i16(hhea, 4)), em(i16(hhea, 6))
	p.capHeight = p.ascent
	weight := 400
	if os2 := p.tables["OS/2"]; len(os2) >= 78 {
		weight = int(be.Uint16(os2[4:]))
		p.ascent, p.descent = em(i16(os2, 68)), em(i16(os2, 70))
		if be.Uint16(os2) >= 2 && len(os2) >= 90 {
			p.capHeight = em(i16(os2, 88))
		}
	}
	p.stemV = 50 + int(math.Pow(float64(weight)/65, 2))
	if post := p.tables["post"]; len(post) >= 8 {
		p.italic = float64(int32(be.Uint32(post[4:]))) / 65536
	}
	if err := p.readCmap(); err != nil {
		return nil, err
	}
	return p, nil
}

// readCmap fills p.gid from the best Unicode subtable: format 12, else 4.
func (p *Program) readCmap() error {
	be := binary.BigEndian
	cmap := p.tables["cmap"]
	var f4, f12 []byte
	for i := range int(be.Uint16(cmap[2:])) {
		r := cmap[4+8*i:]
		pid, eid, off := be.Uint16(r), be.Uint16(r[2:]), be.Uint32(r[4:])
		if int(off)+4 > len(cmap) || !(pid == 0 || pid == 3 && (eid == 1 || eid == 10)) {
			continue
		}
		st := cmap[off:]
		switch be.Uint16(st) {
		case 4:
			f4 = st
		case 12:
			f12 = st
		}
	}
	p.gid = make([]uint16, 0x10000)
	switch {
	case f12 != nil:
		n := int(be.Uint32(f12[12:]))
		for i := range n {
			g := f12[16+12*i:]
			lo, hi, start := be.Uint32(g), be.Uint32(g[4:]), be.Uint32(g[8:])
			for c := lo; c <= hi && c < 0x10000; c++ {
				if gl := start + c - lo; gl < uint32(p.nGlyph) {
					p.gid[c] = uint16(gl)
				}
			}
		}
	case f4 != nil:
		seg := int(be.Uint16(f4[6:])) / 2
		ends, starts, deltas, ranges := f4[14:], f4[16+2*seg:], f4[16+4*seg:], f4[16+6*seg:]
		for s := range seg {
			lo, hi := int(be.Uint16(starts[2*s:])), int(be.Uint16(ends[2*s:]))
			delta, ro := int(be.Uint16(deltas[2*s:])), int(be.Uint16(ranges[2*s:]))
			for c := lo; c <= hi && c < 0xffff; c++ {
				g := 0
				if ro == 0 {
					g = (c + delta) & 0xffff
				} else if at := 16 + 6*seg + 2*s + ro + 2*(c-lo); at+2 <= len(f4) {
					if g = int(be.Uint16(f4[at:])); g != 0 {
						g = (g + delta) & 0xffff
					}
				}
				if g < p.nGlyph {
					p.gid[c] = uint16(g)
				}
			}
		}
	default:
		return fmt.Errorf("font %s: no Unicode character map", p.name)
	}
	return nil
}

// Name returns the font's PostScript name.
func (p *Program) Name() string { return p.name }

// Has reports whether the font has a glyph for r.
func (p *Program) Has(r rune) bool { return r >= 0 && r < 0x10000 && p.gid[r] != 0 }

// Width returns the advance of r in 1/1000 em, rounded; the .notdef
// glyph's (MissingWidth) when the font has no glyph for r.
func (p *Program) Width(r rune) int {
	if r < 0 || r >= 0x10000 {
		return p.w[0]
	}
	return p.w[p.gid[r]]
}

// MissingWidth returns the advance of the .notdef glyph in 1/1000 em.
func (p *Program) MissingWidth() int { return p.w[0] }

// Descriptor is what a PDF font descriptor says of a Program, in 1/1000
// em: ascent, descent, cap height, stem width, bounding box, italic angle
// in degrees, and the width of a missing glyph.
type Descriptor struct {
	Ascent, Descent, CapHeight, StemV int
	BBox                              [4]int
	ItalicAngle                       float64
	MissingWidth                      int
}

// Descriptor returns the program's descriptor numbers.
func (p *Program) Descriptor() Descriptor {
	return Descriptor{Ascent: p.ascent, Descent: p.descent, CapHeight: p.capHeight, StemV: p.stemV, BBox: p.bbox, ItalicAngle: p.italic, MissingWidth: p.w[0]}
}
