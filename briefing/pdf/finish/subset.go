package finish

import (
	"encoding/binary"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// Font is a font for the pass to embed: the subset of Program with the
// runes a document shows, as a Type 0 font with Identity-H encoding whose
// character codes are the runes (UTF-16BE, as fpdf writes UTF-8 fonts'
// text). Runes outside the Basic Multilingual Plane are not embedded.
type Font struct {
	// Resource is the font's name in the pages' /Font resources (such as
	// "F1"): the pass puts the embedded font there. When empty, the font
	// takes the place of the one whose /BaseFont is Replaces.
	Resource string
	// Replaces is the /BaseFont of a font in the input that this one
	// replaces (used when Resource is empty).
	Replaces string
	// Program is the font; Runes the characters to embed, in any order.
	Program *Program
	Runes   []rune
}

// subset is a Program cut down to some runes, glyphs renumbered.
type subset struct {
	ttf   []byte
	runes []rune       // sorted, distinct, each with its glyph
	gid   map[rune]int // new glyph by rune
	w     map[rune]int // width by rune, 1/1000 em
}

// tag is the subset's tag: a subset is a function of the font and its
// runes, so they are hashed rather than its bytes.
func (s *subset) tag(font string) string {
	b := make([]byte, 0, len(font)+4*len(s.runes))
	b = append(b, font...)
	for _, r := range s.runes {
		b = binary.BigEndian.AppendUint32(b, uint32(r))
	}
	return SubsetTag(b)
}

// subset cuts p down to runes (plus .notdef and the components of
// composite glyphs).
func (p *Program) subset(runes []rune) (s *subset, err error) {
	defer func() {
		if e := recover(); e != nil {
			s, err = nil, fmt.Errorf("font %s: cannot subset: %v", p.name, e)
		}
	}()
	be := binary.BigEndian
	rs := slices.Clone(runes)
	slices.Sort(rs)
	rs = slices.Compact(rs)
	old := []int{0}
	have := make([]bool, p.nGlyph)
	have[0] = true
	var add func(g int)
	add = func(g int) {
		if have[g] {
			return
		}
		have[g] = true
		old = append(old, g)
		for _, at := range components(p.glyf[p.loca[g]:p.loca[g+1]]) {
			if comp := int(be.Uint16(p.glyf[int(p.loca[g])+at+2:])); comp < p.nGlyph {
				add(comp)
			}
		}
	}
	s = &subset{gid: make(map[rune]int, len(rs)), w: make(map[rune]int, len(rs))}
	for _, r := range rs {
		if !p.Has(r) {
			continue
		}
		s.runes = append(s.runes, r)
		add(int(p.gid[r]))
	}
	slices.Sort(old)
	newID := make([]uint16, p.nGlyph)
	for i, g := range old {
		newID[g] = uint16(i)
	}
	for _, r := range s.runes {
		s.gid[r] = int(newID[p.gid[r]])
		s.w[r] = p.w[p.gid[r]]
	}
	// glyf and loca, components renumbered, hinting instructions
	// dropped.
	size := 0
	for _, g := range old {
		size += int(p.loca[g+1]-p.loca[g]) + 3
	}
	glyf := make([]byte, 0, size)
	loca := make([]byte, 4*(len(old)+1))
	for i, g := range old {
		be.PutUint32(loca[4*i:], uint32(len(glyf)))
		glyf = appendGlyph(glyf, p.glyf[p.loca[g]:p.loca[g+1]], newID)
		for len(glyf)%4 != 0 {
			glyf = append(glyf, 0)
		}
	}
	be.PutUint32(loca[4*len(old):], uint32(len(glyf)))
	hm := p.tables["hmtx"]
	hmtx := make([]byte, 4*len(old))
	for i, g := range old {
		a := hm[4*min(g, p.nHM-1):]
		be.PutUint16(hmtx[4*i:], be.Uint16(a))
		if g < p.nHM {
			be.PutUint16(hmtx[4*i+2:], be.Uint16(hm[4*g+2:]))
		} else if at := 4*p.nHM + 2*(g-p.nHM); at+2 <= len(hm) {
			be.PutUint16(hmtx[4*i+2:], be.Uint16(hm[at:]))
		}
	}
	head := slices.Clone(p.tables["head"])
	be.PutUint32(head[8:], 0) // checkSumAdjustment, set below
	be.PutUint16(head[50:], 1)
	hhea := slices.Clone(p.tables["hhea"])
	be.PutUint16(hhea[34:], uint16(len(old)))
	maxp := slices.Clone(p.tables["maxp"])
	be.PutUint16(maxp[4:], uint16(len(old)))
	// post version 3: no glyph names.
	post := make([]byte, 32)
	if len(p.tables["post"]) >= 32 {
		copy(post, p.tables["post"][:32])
	}
	be.PutUint32(post, 0x00030000)
	tables := map[string][]byte{"cmap": s.cmap(), "glyf": glyf, "head": head, "hhea": hhea, "hmtx": hmtx, "loca": loca, "maxp": maxp, "post": post}
	s.ttf = sfntFile(tables)
	return s, nil
}

// cmap is a Unicode character map (platform 3, encoding 1, format 4) of
// the subset: PDF readers go by the CIDToGIDMap, but it keeps the subset
// a complete TrueType font for other tools.
func (s *subset) cmap() []byte {
	be := binary.BigEndian
	seg := len(s.runes) + 1
	es := 0
	for 1<<(es+1) <= seg {
		es++
	}
	n := 16 + 8*seg
	b := make([]byte, 12+n)
	be.PutUint16(b[2:], 1)
	be.PutUint16(b[4:], 3)
	be.PutUint16(b[6:], 1)
	be.PutUint32(b[8:], 12)
	t := b[12:]
	be.PutUint16(t, 4)
	be.PutUint16(t[2:], uint16(n))
	be.PutUint16(t[6:], uint16(2*seg))
	be.PutUint16(t[8:], uint16(2<<es))
	be.PutUint16(t[10:], uint16(es))
	be.PutUint16(t[12:], uint16(2*seg-2<<es))
	ends, starts, deltas := t[14:], t[16+2*seg:], t[16+4*seg:]
	for i, r := range append(slices.Clone(s.runes), 0xffff) {
		be.PutUint16(ends[2*i:], uint16(r))
		be.PutUint16(starts[2*i:], uint16(r))
		d := 1
		if g, ok := s.gid[r]; ok {
			d = g - int(r)
		}
		be.PutUint16(deltas[2*i:], uint16(d))
	}
	return b
}

// components returns the offsets in the composite glyph gl of its
// component records (flags, then glyph index); none for a simple glyph.
func components(gl []byte) []int {
	be := binary.BigEndian
	if len(gl) < 10 || int16(be.Uint16(gl)) >= 0 {
		return nil
	}
	var out []int
	for at := 10; at+4 <= len(gl); {
		out = append(out, at)
		flags := be.Uint16(gl[at:])
		n := 6
		if flags&1 != 0 { // ARG_1_AND_2_ARE_WORDS
			n += 2
		}
		switch {
		case flags&8 != 0: // WE_HAVE_A_SCALE
			n += 2
		case flags&0x40 != 0: // WE_HAVE_AN_X_AND_Y_SCALE
			n += 4
		case flags&0x80 != 0: // WE_HAVE_A_TWO_BY_TWO
			n += 8
		}
		if flags&0x20 == 0 { // MORE_COMPONENTS
			break
		}
		at += n
	}
	return out
}

// appendGlyph appends glyph gl to dst without its hinting instructions
// (viewers and printers of PDF draw outlines unhinted; upstream Noto is
// unhinted too), composite components renumbered with newID.
func appendGlyph(dst, gl []byte, newID []uint16) []byte {
	be := binary.BigEndian
	if len(gl) < 10 {
		return dst
	}
	start := len(dst)
	if nc := int(int16(be.Uint16(gl))); nc >= 0 {
		at := 10 + 2*nc
		if at+2 > len(gl) {
			return append(dst, gl...)
		}
		l := int(be.Uint16(gl[at:]))
		if at+2+l > len(gl) {
			return append(dst, gl...)
		}
		dst = append(dst, gl[:at]...)
		dst = append(dst, 0, 0)
		return append(dst, gl[at+2+l:]...)
	}
	cs := components(gl)
	if len(cs) == 0 {
		return append(dst, gl...)
	}
	last := cs[len(cs)-1]
	end := last + 6
	flags := be.Uint16(gl[last:])
	if flags&1 != 0 {
		end += 2
	}
	switch {
	case flags&8 != 0:
		end += 2
	case flags&0x40 != 0:
		end += 4
	case flags&0x80 != 0:
		end += 8
	}
	dst = append(dst, gl[:min(end, len(gl))]...)
	g := dst[start:]
	for _, at := range cs {
		if at+4 > len(g) {
			break
		}
		be.PutUint16(g[at:], be.Uint16(g[at:])&^0x100) // WE_HAVE_INSTRUCTIONS
		if comp := int(be.Uint16(g[at+2:])); comp < len(newID) {
			be.PutUint16(g[at+2:], newID[comp])
		}
	}
	return dst
}

// sfntFile assembles a TrueType file from its tables.
func sfntFile(tables map[string][]byte) []byte {
	be := binary.BigEndian
	tags := make([]string, 0, len(tables))
	for t := range tables {
		tags = append(tags, t)
	}
	slices.Sort(tags)
	n := len(tags)
	es := 0
	for 1<<(es+1) <= n {
		es++
	}
	size := 12 + 16*n
	for _, b := range tables {
		size += (len(b) + 3) &^ 3
	}
	out := make([]byte, 12+16*n, size)
	be.PutUint32(out, 0x00010000)
	be.PutUint16(out[4:], uint16(n))
	be.PutUint16(out[6:], uint16(16<<es))
	be.PutUint16(out[8:], uint16(es))
	be.PutUint16(out[10:], uint16(16*n-16<<es))
	headAt := 0
	for i, t := range tags {
		b := tables[t]
		rec := out[12+16*i:]
		copy(rec, t)
		be.PutUint32(rec[4:], checksum(b))
		be.PutUint32(rec[8:], uint32(len(out)))
		be.PutUint32(rec[12:], uint32(len(b)))
		if t == "head" {
			headAt = len(out)
		}
		out = append(out, b...)
		for len(out)%4 != 0 {
			out = append(out, 0)
		}
	}
	be.PutUint32(out[headAt+8:], 0xB1B0AFBA-checksum(out))
	return out
}

func checksum(b []byte) uint32 {
	var s uint32
	for i := 0; i < len(b); i += 4 {
		var w [4]byte
		copy(w[:], b[i:])
		s += binary.BigEndian.Uint32(w[:])
	}
	return s
}

// embed adds the objects of f's subset and returns its Type 0 font.
func (d *Doc) embed(f Font) (types.IndirectRef, error) {
	p := f.Program
	s, err := p.subset(f.Runes)
	if err != nil {
		return types.IndirectRef{}, err
	}
	name := types.Name(s.tag(p.name) + "+" + p.name)
	prog := d.stream(types.Dict{"Length1": types.Integer(len(s.ttf))}, s.ttf)
	flags := 4 // symbolic
	if p.italic != 0 {
		flags |= 64
	}
	desc := d.Add(types.Dict{
		"Type": types.Name("FontDescriptor"), "FontName": name, "Flags": types.Integer(flags),
		"FontBBox":    types.Array{types.Integer(p.bbox[0]), types.Integer(p.bbox[1]), types.Integer(p.bbox[2]), types.Integer(p.bbox[3])},
		"ItalicAngle": types.Float(math.Round(p.italic*100) / 100), "Ascent": types.Integer(p.ascent), "Descent": types.Integer(p.descent),
		"CapHeight": types.Integer(p.capHeight), "StemV": types.Integer(p.stemV), "FontFile2": prog,
	})
	// CIDToGIDMap: two bytes per code up to the highest.
	hi := rune(0)
	if len(s.runes) > 0 {
		hi = s.runes[len(s.runes)-1]
	}
	c2g := make([]byte, 2*(hi+1))
	var w types.Array
	for i, r := range s.runes {
		binary.BigEndian.PutUint16(c2g[2*r:], uint16(s.gid[r]))
		if i > 0 && s.runes[i-1] == r-1 {
			last := w[len(w)-1].(types.Array)
			w[len(w)-1] = append(last, types.Integer(s.w[r]))
			continue
		}
		w = append(w, types.Integer(r), types.Array{types.Integer(s.w[r])})
	}
	cid := d.Add(types.Dict{
		"Type": types.Name("Font"), "Subtype": types.Name("CIDFontType2"), "BaseFont": name,
		"CIDSystemInfo":  types.Dict{"Registry": types.StringLiteral("Adobe"), "Ordering": types.StringLiteral("Identity"), "Supplement": types.Integer(0)},
		"FontDescriptor": desc, "DW": types.Integer(p.w[0]), "W": w,
		"CIDToGIDMap": d.stream(types.Dict{}, c2g),
	})
	return d.Add(types.Dict{
		"Type": types.Name("Font"), "Subtype": types.Name("Type0"), "BaseFont": name,
		"Encoding": types.Name("Identity-H"), "DescendantFonts": types.Array{cid},
		"ToUnicode": d.stream(types.Dict{}, toUnicode(s.runes)),
	}), nil
}

// stream adds a stream object (compressed when written).
func (d *Doc) stream(dict types.Dict, content []byte) types.IndirectRef {
	l := int64(len(content))
	sd := types.StreamDict{Dict: dict, Raw: content, Content: content, StreamLength: &l}
	return d.Add(sd)
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

// embedFonts embeds fonts and puts them in the pages' resources.
func (d *Doc) embedFonts(fonts []Font) error {
	for _, f := range fonts {
		ref, err := d.embed(f)
		if err != nil {
			return fmt.Errorf("pdf finish: %w", err)
		}
		placed := false
		for i := range d.pages {
			res, _ := d.Resolve(d.Page(i)["Resources"]).(types.Dict)
			if res == nil {
				res = types.Dict{}
				d.Page(i)["Resources"] = res
			}
			fd, _ := d.Resolve(res["Font"]).(types.Dict)
			if fd == nil {
				fd = types.Dict{}
				res["Font"] = fd
			}
			key := f.Resource
			if key == "" {
				for k, v := range fd {
					if x, _ := d.Resolve(v).(types.Dict); x != nil && x["BaseFont"] == types.Name(f.Replaces) {
						key = k
					}
				}
			}
			if key != "" {
				fd[key] = ref
				placed = true
			}
		}
		if !placed {
			return fmt.Errorf("pdf finish: font %s: no font %q to replace", f.Program.name, f.Replaces)
		}
	}
	return nil
}
