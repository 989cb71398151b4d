package cli_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"testing/fstest"

	"briefing/briefing/compose"
	"briefing/briefing/doc"
	"briefing/briefing/docx"
	"briefing/briefing/input"
	"briefing/briefing/pdf"
	"briefing/briefing/statement"
	"briefing/briefing/style"
	"briefing/internal/defaults"
)

var (
	fuzzOnce  sync.Once
	fuzzPDF   *pdf.Renderer
	fuzzDOCX  *docx.Renderer
	fuzzStyle *style.Style
	fuzzErr   error
)

func fuzzRenderers(t *testing.T) (*pdf.Renderer, *docx.Renderer) {
	fuzzOnce.Do(func() {
		fuzzStyle, fuzzErr = style.Load(defaults.StyleFiles())
		if fuzzErr == nil {
			fuzzPDF, fuzzErr = pdf.New(fuzzStyle)
		}
		if fuzzErr == nil {
			fuzzDOCX, fuzzErr = docx.New(fuzzStyle)
		}
	})
	if fuzzErr != nil {
		t.Fatal(fuzzErr)
	}
	return fuzzPDF, fuzzDOCX
}

// FuzzBuild feeds fuzzed statements through load → compose → render. It
// must never panic: a statement either fails to load with positioned
// errors, or every document renders to a valid-looking PDF and DOCX or fails
// with a named overflow error.
func FuzzBuild(f *testing.F) {
	for _, p := range []string{
		filepath.Join("..", "..", "data", "cartagena40.yaml"),
		filepath.Join("..", "..", "briefing", "statement", "testdata", "valid", "minimal.yaml"),
		filepath.Join("..", "..", "briefing", "statement", "testdata", "valid", "translated.yaml"),
	} {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		ds, err := statement.Load(fstest.MapFS{"s.yaml": {Data: data}}, "s.yaml")
		if err != nil {
			var el input.ErrorList
			if !errors.As(err, &el) || len(el) == 0 {
				t.Fatalf("load error is not a positioned ErrorList: %v", err)
			}
			return
		}
		p, d := fuzzRenderers(t)
		s := ds.Base
		for i := range s.Audiences {
			a := &s.Audiences[i]
			// The paper as the batch plan decides it: the audience's, else
			// the layout's (A4).
			opt := compose.Options{Paper: a.Paper}
			if opt.Paper == "" {
				opt.Paper = statement.PaperA4
			}
			docs := []*doc.Doc{compose.Pack(s, a, opt)}
			for _, r := range s.Selected(a) {
				docs = append(docs, compose.Brief(s, a, r, opt))
			}
			for _, dc := range docs {
				var buf bytes.Buffer
				if _, err := p.Render(&buf, dc); err != nil {
					if !errors.Is(err, doc.ErrOverflow) {
						t.Fatalf("pdf: %v", err)
					}
				} else if !bytes.HasPrefix(buf.Bytes(), []byte("%PDF-")) || !bytes.Contains(buf.Bytes()[max(0, buf.Len()-32):], []byte("%%EOF")) {
					t.Fatalf("pdf output is not a whole PDF (%d bytes)", buf.Len())
				}
				buf.Reset()
				if _, err := d.Render(&buf, dc); err != nil {
					if !errors.Is(err, doc.ErrOverflow) {
						t.Fatalf("docx: %v", err)
					}
				} else if !bytes.HasPrefix(buf.Bytes(), []byte("PK\x03\x04")) {
					t.Fatalf("docx output is not a zip (%d bytes)", buf.Len())
				}
			}
			if i >= 1 {
				break // two audiences are enough to reach every block
			}
		}
	})
}
