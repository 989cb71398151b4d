package pdf

import (
	"crypto/md5"
	"encoding/binary"
	"math"
)

// sRGBProfile returns an ICC v4.2 display profile of sRGB as IEC 61966-2-1
// defines it: its primaries and D65 white adapted to the profile
// connection space's D50 with the Bradford transform (the chromatic
// adaptation tag says which), and its tone curve exactly, as a parametric
// curve (type 3: a straight line near black, then a 2.4 power). 496 bytes
// (300 deflated): the International Color Consortium's sRGB2014.icc says
// the same with a 1,024-point table in 3 KB (1.4 KB deflated with a
// predictor), and every PDF embeds its output intent's profile. Little
// CMS (through Ghostscript) converts colours with it exactly as with
// sRGB2014.icc (TestOutputIntentProfile).
func sRGBProfile() []byte {
	// The primaries' and white's chromaticities (IEC 61966-2-1).
	xy := [4][2]float64{{0.64, 0.33}, {0.30, 0.60}, {0.15, 0.06}, {0.3127, 0.3290}}
	xyz := func(c [2]float64) [3]float64 { return [3]float64{c[0] / c[1], 1, (1 - c[0] - c[1]) / c[1]} }
	// The RGB → XYZ matrix under D65: the primaries scaled so that
	// RGB (1, 1, 1) is the white.
	var p mat3
	for j := range 3 {
		c := xyz(xy[j])
		for i := range 3 {
			p[i][j] = c[i]
		}
	}
	s := p.inv().mul(xyz(xy[3]))
	for i := range 3 {
		for j := range 3 {
			p[i][j] *= s[j]
		}
	}
	// Bradford: D65 → the PCS white (ICC.1: X 0.9642, Y 1, Z 0.8249).
	d50 := [3]float64{0.9642, 1, 0.8249}
	brad := mat3{{0.8951, 0.2664, -0.1614}, {-0.7502, 1.7135, 0.0367}, {0.0389, -0.0685, 1.0296}}
	src, dst := brad.mul(xyz(xy[3])), brad.mul(d50)
	var scale mat3
	for i := range 3 {
		scale[i][i] = dst[i] / src[i]
	}
	chad := brad.inv().times(scale).times(brad)
	rgb := chad.times(p)

	b := make([]byte, 0, 496)
	u32 := func(v uint32) { b = binary.BigEndian.AppendUint32(b, v) }
	s15 := func(v float64) { u32(uint32(int32(math.Round(v * 65536)))) }
	sig := func(s string) { b = append(b, s...) }
	// Header (ICC.1:2010, 7.2); the size and the profile ID are set last.
	u32(0)
	u32(0)
	u32(0x04200000)
	sig("mntrRGB XYZ ")
	for _, v := range []uint16{2024, 6, 21, 0, 0, 0} {
		b = binary.BigEndian.AppendUint16(b, v)
	}
	sig("acsp")
	b = append(b, make([]byte, 28)...) // platform, flags, device, attributes, intent 0
	for _, v := range d50 {
		s15(v)
	}
	b = append(b, make([]byte, 128-len(b))...)
	// Tag table: every tag's data follows, each at a multiple of 4.
	type tag struct {
		sig  string
		data []byte
	}
	mluc := func(s string) []byte {
		t := []byte("mluc\x00\x00\x00\x00\x00\x00\x00\x01\x00\x00\x00\x0cenUS")
		t = binary.BigEndian.AppendUint32(t, uint32(2*len(s)))
		t = binary.BigEndian.AppendUint32(t, 28)
		for _, r := range s {
			t = binary.BigEndian.AppendUint16(t, uint16(r))
		}
		return t
	}
	xyzTag := func(v ...float64) []byte {
		t := []byte("XYZ \x00\x00\x00\x00")
		for _, x := range v {
			t = binary.BigEndian.AppendUint32(t, uint32(int32(math.Round(x*65536))))
		}
		return t
	}
	sf32 := []byte("sf32\x00\x00\x00\x00")
	for i := range 3 {
		for j := range 3 {
			sf32 = binary.BigEndian.AppendUint32(sf32, uint32(int32(math.Round(chad[i][j]*65536))))
		}
	}
	// The tone curve: Y = (aX + b)^g for X ≥ d, cX below.
	para := []byte("para\x00\x00\x00\x00\x00\x03\x00\x00")
	for _, v := range []float64{2.4, 1 / 1.055, 0.055 / 1.055, 1 / 12.92, 0.04045} {
		para = binary.BigEndian.AppendUint32(para, uint32(int32(math.Round(v*65536))))
	}
	tags := []tag{
		{"desc", mluc("sRGB")},
		{"cprt", mluc("No copyright")},
		{"wtpt", xyzTag(d50[:]...)},
		{"chad", sf32},
		{"rXYZ", xyzTag(rgb[0][0], rgb[1][0], rgb[2][0])},
		{"gXYZ", xyzTag(rgb[0][1], rgb[1][1], rgb[2][1])},
		{"bXYZ", xyzTag(rgb[0][2], rgb[1][2], rgb[2][2])},
		{"rTRC", para},
		{"gTRC", nil}, // the red curve's data, shared
		{"bTRC", nil},
	}
	u32(uint32(len(tags)))
	at := uint32(len(b) + 12*len(tags))
	var data []byte
	var last [2]uint32
	for _, t := range tags {
		if t.data == nil {
			sig(t.sig)
			u32(last[0])
			u32(last[1])
			continue
		}
		for (int(at)+len(data))%4 != 0 {
			data = append(data, 0)
		}
		off := at + uint32(len(data))
		last = [2]uint32{off, uint32(len(t.data))}
		sig(t.sig)
		u32(off)
		u32(uint32(len(t.data)))
		data = append(data, t.data...)
	}
	b = append(b, data...)
	for len(b)%4 != 0 {
		b = append(b, 0)
	}
	binary.BigEndian.PutUint32(b, uint32(len(b)))
	// The profile ID: the MD5 of the profile with its flags, rendering
	// intent and ID zero (they are).
	id := md5.Sum(b)
	copy(b[84:100], id[:])
	return b
}

// mat3 is a 3×3 matrix.
type mat3 [3][3]float64

// mul returns m·v.
func (m mat3) mul(v [3]float64) (r [3]float64) {
	for i := range 3 {
		r[i] = m[i][0]*v[0] + m[i][1]*v[1] + m[i][2]*v[2]
	}
	return r
}

// times returns m·n.
func (m mat3) times(n mat3) (r mat3) {
	for i := range 3 {
		for j := range 3 {
			r[i][j] = m[i][0]*n[0][j] + m[i][1]*n[1][j] + m[i][2]*n[2][j]
		}
	}
	return r
}

// inv returns m's inverse.
func (m mat3) inv() (r mat3) {
	det := m[0][0]*(m[1][1]*m[2][2]-m[1][2]*m[2][1]) -
		m[0][1]*(m[1][0]*m[2][2]-m[1][2]*m[2][0]) +
		m[0][2]*(m[1][0]*m[2][1]-m[1][1]*m[2][0])
	for i := range 3 {
		for j := range 3 {
			// The cofactor of (j, i), over the determinant.
			a, b := [2]int{(j + 1) % 3, (j + 2) % 3}, [2]int{(i + 1) % 3, (i + 2) % 3}
			r[i][j] = (m[a[0]][b[0]]*m[a[1]][b[1]] - m[a[0]][b[1]]*m[a[1]][b[0]]) / det
		}
	}
	return r
}
