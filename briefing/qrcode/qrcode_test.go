package qrcode

import (
	"testing"

	"github.com/boombuler/barcode/qr"
)

// TestEncode checks the matrix against the encoder's image, module by
// module, and that the runs cover exactly the dark modules.
func TestEncode(t *testing.T) {
	for _, s := range []string{"https://example.org/", "https://example.org/statements/cartagena-40?lang=es#recommendations"} {
		c, err := Encode(s)
		if err != nil {
			t.Fatal(err)
		}
		img, err := qr.Encode(s, qr.M, qr.Auto)
		if err != nil {
			t.Fatal(err)
		}
		if c.N != img.Bounds().Dx() || c.N < 21 {
			t.Fatalf("%s: N = %d, want %d", s, c.N, img.Bounds().Dx())
		}
		dark := 0
		for y := range c.N {
			for x := range c.N {
				r, _, _, _ := img.At(x, y).RGBA()
				if c.Dark(x, y) != (r < 0x8000) {
					t.Fatalf("%s: module %d,%d differs", s, x, y)
				}
				if c.Dark(x, y) {
					dark++
				}
			}
		}
		inRuns := 0
		c.Runs(func(y, x0, x1 int) {
			for x := x0; x < x1; x++ {
				if !c.Dark(x, y) {
					t.Errorf("%s: run %d:%d-%d holds a light module", s, y, x0, x1)
				}
			}
			inRuns += x1 - x0
		})
		if inRuns != dark {
			t.Errorf("%s: runs cover %d modules, want %d", s, inRuns, dark)
		}
		// The rectangles cover every dark module once and no light one,
		// in fewer shapes than the runs.
		cover := make([]int, c.N*c.N)
		runs := 0
		c.Runs(func(int, int, int) { runs++ })
		for _, r := range c.Rects() {
			for y := r.Y; y < r.Y+r.H; y++ {
				for x := r.X; x < r.X+r.W; x++ {
					cover[y*c.N+x]++
				}
			}
		}
		for i, n := range cover {
			if want := map[bool]int{true: 1, false: 0}[c.Dark(i%c.N, i/c.N)]; n != want {
				t.Fatalf("%s: module %d,%d covered %d times, want %d", s, i%c.N, i/c.N, n, want)
			}
		}
		if len(c.Rects()) >= runs {
			t.Errorf("%s: %d rectangles for %d runs", s, len(c.Rects()), runs)
		}
		t.Logf("%s: %d runs, %d rectangles", s, runs, len(c.Rects()))
	}
}

// TestTooLong checks that an address beyond a QR code's capacity is an
// error, not a code.
func TestTooLong(t *testing.T) {
	long := make([]byte, 4000)
	for i := range long {
		long[i] = 'a'
	}
	if c, err := Encode("https://example.org/" + string(long)); err == nil || c != nil {
		t.Errorf("Encode of 4 kB: %v, %v; want an error", c, err)
	}
}

// BenchmarkEncode is the cost compose pays per document with a source
// address.
func BenchmarkEncode(b *testing.B) {
	for b.Loop() {
		if _, err := Encode("https://example.org/statements/cartagena-40"); err != nil {
			b.Fatal(err)
		}
	}
}

// TestCache checks that a cache hands out one code per address, and that a
// nil cache still encodes.
func TestCache(t *testing.T) {
	var c Cache
	a, err := c.Encode("https://example.org/")
	if err != nil {
		t.Fatal(err)
	}
	if b, _ := c.Encode("https://example.org/"); b != a {
		t.Error("the same address gave two codes")
	}
	if b, _ := c.Encode("https://example.org/other"); b == a {
		t.Error("two addresses gave one code")
	}
	var nilCache *Cache
	if b, err := nilCache.Encode("https://example.org/"); err != nil || b == a || b.N != a.N {
		t.Errorf("nil cache: %v, %v", b, err)
	}
}
