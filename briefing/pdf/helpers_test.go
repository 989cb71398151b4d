package pdf_test

import (
	"bytes"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"briefing/briefing"
	"briefing/briefing/pdf"
	"briefing/data"
	"briefing/internal/defaults"
)

var (
	loadOnce sync.Once
	ds       *briefing.Dataset
	style    *briefing.Style
	renderer *pdf.Renderer
	loadErr  error
)

// fixture loads the default data and style and makes a Renderer, once.
func fixture(t testing.TB) (*briefing.Dataset, *briefing.Style, *pdf.Renderer) {
	t.Helper()
	loadOnce.Do(func() {
		ds, loadErr = briefing.Load(data.FS, data.Default)
		if loadErr != nil {
			return
		}
		style, loadErr = briefing.LoadStyle(defaults.StyleFiles())
		if loadErr != nil {
			return
		}
		renderer, loadErr = pdf.New(style)
	})
	if loadErr != nil {
		t.Fatal(loadErr)
	}
	return ds, style, renderer
}

// statement returns the default statement in lang (falling back to English
// data with lang's labels when there is no such file yet).
func statement(t testing.TB, lang string) *briefing.Statement {
	t.Helper()
	d, _, _ := fixture(t)
	s, missing := d.In(lang)
	if len(missing) == 1 && missing[0] == "*" {
		c := *s
		c.Lang = lang
		s = &c
	}
	return s
}

func opts(st *briefing.Style, paper briefing.Paper) briefing.ComposeOptions {
	return briefing.ComposeOptions{Paper: paper, Creator: "briefing test", Brand: &st.Brand}
}

// render renders d and, when the environment variable DUMP names a
// folder, writes the file there too.
func render(t testing.TB, r *pdf.Renderer, d *briefing.Doc, name string) ([]byte, pdf.Info) {
	t.Helper()
	var buf bytes.Buffer
	info, err := r.Render(&buf, d)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	if dir := os.Getenv("DUMP"); dir != "" {
		os.WriteFile(filepath.Join(dir, name+".pdf"), buf.Bytes(), 0o644)
	}
	return buf.Bytes(), info
}
