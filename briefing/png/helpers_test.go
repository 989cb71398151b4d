package png_test

import (
	"bytes"
	"image"
	stdpng "image/png"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"briefing/briefing/compose"
	"briefing/briefing/doc"
	"briefing/briefing/png"
	"briefing/briefing/statement"
	"briefing/briefing/style"
	"briefing/internal/testtool"
)

var (
	loadOnce  sync.Once
	ds        *statement.Dataset
	testStyle *style.Style
	renderer  *png.Renderer
	loadErr   error
)

// fixture loads the default data and style and makes a Renderer at the
// default width, once.
func fixture(t testing.TB) (*statement.Dataset, *style.Style, *png.Renderer) {
	t.Helper()
	loadOnce.Do(func() {
		ds, testStyle = testtool.Builtin(t)
		renderer, loadErr = png.New(testStyle, png.Options{})
	})
	if loadErr != nil {
		t.Fatal(loadErr)
	}
	return ds, testStyle, renderer
}

// statementIn returns the default statement in lang.
func statementIn(t testing.TB, lang string) *statement.Statement {
	t.Helper()
	d, _, _ := fixture(t)
	s, _ := d.In(lang)
	return s
}

func opts(st *style.Style, paper statement.Paper) compose.Options {
	return testtool.ComposeOptions(st, paper)
}

// brief composes recommendation n's brief for the delegates in lang on
// paper.
func brief(t testing.TB, lang string, paper statement.Paper, n int) *doc.Doc {
	t.Helper()
	_, st, _ := fixture(t)
	s := statementIn(t, lang)
	return compose.Brief(s, s.Audience("delegates"), &s.Recommendations[n-1], opts(st, paper))
}

// pack composes the delegates' pack in lang on paper.
func pack(t testing.TB, lang string, paper statement.Paper) *doc.Doc {
	t.Helper()
	_, st, _ := fixture(t)
	s := statementIn(t, lang)
	return compose.Pack(s, s.Audience("delegates"), opts(st, paper))
}

// render renders d with r and decodes the picture; when the environment
// variable DUMP names a folder, the file is written there too as
// name.png.
func render(t testing.TB, r *png.Renderer, d *doc.Doc, name string) ([]byte, image.Image) {
	t.Helper()
	var buf bytes.Buffer
	info, err := r.Render(&buf, d)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	if info.Pages != 1 {
		t.Errorf("%s: %d pages, want 1", name, info.Pages)
	}
	if dir := os.Getenv("DUMP"); dir != "" {
		os.WriteFile(filepath.Join(dir, name+".png"), buf.Bytes(), 0o644)
	}
	img, err := stdpng.Decode(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatalf("%s: decoding the PNG: %v", name, err)
	}
	if b := img.Bounds(); b.Dx() != info.Width || b.Dy() != info.Height {
		t.Errorf("%s: picture %v, Info says %dx%d", name, b, info.Width, info.Height)
	}
	return buf.Bytes(), img
}
