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

	rectsOnce sync.Once
	rects     []Rect
}

// Rect is a rectangle of dark modules: columns X up to X+W, rows Y up to
// Y+H, counted from 0 at the top left.
type Rect struct{ X, Y, W, H int }

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

// Rects returns the dark modules as rectangles, each a run of dark modules
// in a row merged with the same run in the rows below it, from the top left:
// about a third fewer shapes to draw than runs. Made on first use and
// shared: the slice must not be changed.
func (c *Code) Rects() []Rect {
	c.rectsOnce.Do(func() {
		type run struct{ x0, x1 int }
		rows := make([]map[run]bool, c.N)
		for i := range rows {
			rows[i] = map[run]bool{}
		}
		var order []struct {
			y int
			r run
		}
		c.Runs(func(y, x0, x1 int) {
			rows[y][run{x0, x1}] = true
			order = append(order, struct {
				y int
				r run
			}{y, run{x0, x1}})
		})
		for _, o := range order {
			if !rows[o.y][o.r] {
				continue // merged into a rectangle above
			}
			h := 1
			for o.y+h < c.N && rows[o.y+h][o.r] {
				delete(rows[o.y+h], o.r)
				h++
			}
			c.rects = append(c.rects, Rect{X: o.r.x0, Y: o.y, W: o.r.x1 - o.r.x0, H: h})
		}
	})
	return c.rects
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
