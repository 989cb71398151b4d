package qrcode

import (
	"sync"

	"github.com/boombuler/barcode/qr"
)

// Code is a QR code: N×N modules, each dark or light, without the quiet
// zone around them. It is read-only once made.
type Code struct {
	// N is the number of modules on a side.
	N    int
	dark []bool // row by row
}

// Encode encodes s at error correction level M (15% of the code may be
// lost), in the smallest version and the mode that fit it.
func Encode(s string) (*Code, error) {
	code, err := qr.Encode(s, qr.M, qr.Auto)
	if err != nil {
		return nil, err
	}
	n := code.Bounds().Dx()
	c := &Code{N: n, dark: make([]bool, n*n)}
	for y := range n {
		for x := range n {
			r, _, _, _ := code.At(x, y).RGBA()
			c.dark[y*n+x] = r < 0x8000
		}
	}
	return c, nil
}

// Dark reports whether the module in column x and row y (from 0, at the
// top left) is dark.
func (c *Code) Dark(x, y int) bool {
	return c.dark[y*c.N+x]
}

// Runs calls f for each horizontal run of dark modules, row by row from the
// top, left to right: row y, columns x0 up to (not including) x1.
func (c *Code) Runs(f func(y, x0, x1 int)) {
	for y := range c.N {
		for x := 0; x < c.N; {
			if !c.Dark(x, y) {
				x++
				continue
			}
			k := x
			for k < c.N && c.Dark(k, y) {
				k++
			}
			f(y, x, k)
			x = k
		}
	}
}

// Cache makes each address's code once and hands the same Code to every
// document that asks for it: encoding costs about 2 ms, and the documents
// of a statement share one source address. The zero value is an empty
// cache, safe for concurrent use; a nil *Cache encodes every time.
type Cache struct {
	m sync.Map // string → *entry
}

type entry struct {
	once sync.Once
	code *Code
	err  error
}

// Encode returns the code of s, encoding it on first use (see Encode).
func (c *Cache) Encode(s string) (*Code, error) {
	if c == nil {
		return Encode(s)
	}
	e, _ := c.m.LoadOrStore(s, &entry{})
	en := e.(*entry)
	en.once.Do(func() { en.code, en.err = Encode(s) })
	return en.code, en.err
}
