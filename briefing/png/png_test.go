package png_test

import (
	"bytes"
	"context"
	"errors"
	"io"
	"testing"

	"briefing/briefing/doc"
	"briefing/briefing/png"
	"briefing/briefing/statement"
)

// TestSizes: the picture is the width asked for and as high as the paper
// (rounded up), for both papers and a width of its own; the file stays
// small.
func TestSizes(t *testing.T) {
	_, st, r := fixture(t)
	r600, err := png.New(st, png.Options{Width: 600})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name  string
		r     *png.Renderer
		d     *doc.Doc
		w, h  int
		limit int
	}{
		{"a4", r, brief(t, "en", statement.PaperA4, 1), 1000, 1415, 300 << 10},
		{"letter", r, brief(t, "en", statement.PaperLetter, 1), 1000, 1295, 300 << 10},
		{"pack-a4", r, pack(t, "en", statement.PaperA4), 1000, 1415, 300 << 10},
		{"a4-600", r600, brief(t, "en", statement.PaperA4, 1), 600, 849, 150 << 10},
	} {
		b, img := render(t, c.r, c.d, "size-"+c.name)
		if got := img.Bounds().Size(); got.X != c.w || got.Y != c.h {
			t.Errorf("%s: %v, want %dx%d", c.name, got, c.w, c.h)
		}
		t.Logf("%s: %d×%d, %d KB", c.name, c.w, c.h, len(b)>>10)
		if len(b) > c.limit {
			t.Errorf("%s: %d bytes, want at most %d", c.name, len(b), c.limit)
		}
	}
}

// TestOptions refuses widths it cannot draw.
func TestOptions(t *testing.T) {
	_, st, _ := fixture(t)
	for _, w := range []int{-1, png.MaxWidth + 1} {
		if _, err := png.New(st, png.Options{Width: w}); err == nil {
			t.Errorf("width %d: no error", w)
		}
	}
	if _, err := png.New(nil, png.Options{}); err == nil {
		t.Error("no style: no error")
	}
}

// TestOverflow: a brief too long for its page is the layout's
// *doc.OverflowError, from Fit and Render, and nothing is written.
func TestOverflow(t *testing.T) {
	_, _, r := fixture(t)
	d := brief(t, "en", statement.PaperA4, 1)
	for i := range d.Blocks {
		if p, ok := d.Blocks[i].(*doc.Paragraph); ok {
			for range 6 {
				p.Text = append(p.Text, p.Text...)
			}
		}
	}
	var oe *doc.OverflowError
	if err := r.Fit(d); !errors.As(err, &oe) {
		t.Fatalf("Fit: %v, want an overflow", err)
	}
	var buf bytes.Buffer
	if _, err := r.Render(&buf, d); !errors.As(err, &oe) || buf.Len() > 0 {
		t.Errorf("Render: %v and %d bytes, want an overflow and none", err, buf.Len())
	}
}

// TestCancel: a done context stops Render and Fit with its error.
func TestCancel(t *testing.T) {
	_, _, r := fixture(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	d := pack(t, "en", statement.PaperA4)
	if _, err := r.RenderContext(ctx, io.Discard, d); !errors.Is(err, context.Canceled) {
		t.Errorf("Render: %v", err)
	}
	if err := r.FitContext(ctx, d); !errors.Is(err, context.Canceled) {
		t.Errorf("Fit: %v", err)
	}
}

// BenchmarkBrief renders one A4 brief at the default width: layout,
// drawing and encoding.
func BenchmarkBrief(b *testing.B) {
	_, _, r := fixture(b)
	d := brief(b, "en", statement.PaperA4, 1)
	var buf bytes.Buffer
	for b.Loop() {
		buf.Reset()
		if _, err := r.Render(&buf, d); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(buf.Len()), "bytes/png")
}

// BenchmarkPackCover renders a pack's cover: the layout stops after page
// 1.
func BenchmarkPackCover(b *testing.B) {
	_, _, r := fixture(b)
	d := pack(b, "en", statement.PaperA4)
	for b.Loop() {
		if _, err := r.Render(io.Discard, d); err != nil {
			b.Fatal(err)
		}
	}
}
