package font

import (
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"slices"
)

// Subset is a Program cut down to some runes, glyphs renumbered: a
// complete TrueType file (TTF), the runes it has (sorted, distinct), the
// new glyph of each (GID) and its width in 1/1000 em (W).
type Subset struct {
	TTF   []byte
	Runes []rune
	GID   map[rune]int
	W     map[rune]int
}

// Tag is the subset's six-letter tag for a PDF font name ("ABCDEF+Font"):
// a subset is a function of the font and its runes, so they are hashed
// rather than its bytes; equal subsets get equal tags and different ones,
// all but certainly, different tags.
func (s *Subset) Tag(font string) string {
	b := make([]byte, 0, len(font)+4*len(s.Runes))
	b = append(b, font...)
	for _, r := range s.Runes {
		b = binary.BigEndian.AppendUint32(b, uint32(r))
	}
	return tag(b)
}

// Subset cuts p down to runes (plus .notdef and the components of
// composite glyphs).
func (p *Program) Subset(runes []rune) (s *Subset, err error) {
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
	s = &Subset{GID: make(map[rune]int, len(rs)), W: make(map[rune]int, len(rs))}
	for _, r := range rs {
		if !p.Has(r) {
			continue
		}
		s.Runes = append(s.Runes, r)
		add(int(p.gid[r]))
	}
	slices.Sort(old)
	newID := make([]uint16, p.nGlyph)
	for i, g := range old {
		newID[g] = uint16(i)
	}
	for _, r := range s.Runes {
		s.GID[r] = int(newID[p.gid[r]])
		s.W[r] = p.w[p.gid[r]]
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
	s.TTF = sfntFile(tables)
	return s, nil
}

// cmap is a Unicode character map (platform 3, encoding 1, format 4) of
// the subset: PDF readers go by the CIDToGIDMap, but it keeps the subset
// a complete TrueType font for other tools.
func (s *Subset) cmap() []byte {
	be := binary.BigEndian
	seg := len(s.Runes) + 1
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
	for i, r := range append(slices.Clone(s.Runes), 0xffff) {
		be.PutUint16(ends[2*i:], uint16(r))
		be.PutUint16(starts[2*i:], uint16(r))
		d := 1
		if g, ok := s.GID[r]; ok {
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

// tag is six capital letters from b's SHA-256.
func tag(b []byte) string {
	h := sha256.Sum256(b)
	var t [6]byte
	for i := range t {
		t[i] = 'A' + h[i]%26
	}
	return string(t[:])
}
