package style_test

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/png"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"codeberg.org/go-pdf/fpdf"

	"briefing/briefing/statement"
	"briefing/briefing/style"
	"briefing/fonts"
	"briefing/internal/defaults"
	"briefing/internal/testtool"
	"briefing/layouts"
)

func defaultStyle(t *testing.T) *style.Style {
	t.Helper()
	st, err := style.Load(defaults.StyleFiles())
	if err != nil {
		t.Fatal(err)
	}
	return st
}

func TestCovers(t *testing.T) {
	st := defaultStyle(t)
	for _, r := range "aZé€ñ“”–—·\n\t ¿¡ș" {
		if !st.Covers(r) {
			t.Errorf("Covers(%q) = false", r)
		}
	}
	for _, r := range "中文😀عربي" {
		if st.Covers(r) {
			t.Errorf("Covers(%q) = true", r)
		}
	}
	if got := string(st.Missing("a 中文 b 中 😀")); got != "中文😀" {
		t.Errorf("Missing = %q", got)
	}
	if !(&style.Style{}).Covers('中') {
		t.Error("a Style without fonts should cover every rune")
	}
}

const glyphBase = `id: minimal
lang: en
title: A minimal statement
organisation:
  name: Example Council
  website: https://example.org
date: 2024-06-21
source: https://example.org/statement
recommendations:
  - id: first
    number: 1
    title: Do the first thing
    body:
      - One paragraph.
      - Two 中文 paragraphs 中.
audiences:
  - id: states
    name: "States 😀"
`

const glyphES = `lang: es
translation: {official: false}
summary: "नमस्ते"
recommendations:
  - id: first
    title: Hacer ABCDEFGHIJ 一二三四五六七八九十
`

func TestCheckGlyphs(t *testing.T) {
	fsys := fstest.MapFS{
		"st.yaml":    {Data: []byte(glyphBase)},
		"st.es.yaml": {Data: []byte(glyphES)},
	}
	ds, err := statement.Load(fsys, "st.yaml")
	if err != nil {
		t.Fatal(err)
	}
	got := testtool.Messages(statement.CheckGlyphs(ds, defaultStyle(t)).Err())
	want := []string{
		`st.yaml:15:9: recommendations[0].body[1]: the fonts (Noto Sans) cannot draw "中文" (U+4E2D U+6587); use a brand font that has them or remove them`,
		`st.yaml:18:11: audiences[0].name: the fonts (Noto Sans) cannot draw "😀" (U+1F600); use a brand font that has it or remove it`,
		`st.es.yaml:3:10: summary: the fonts (Noto Sans) cannot draw "नमस्ते" (U+0928 U+092E U+0938 U+094D U+0924 U+0947); use a brand font that has them or remove them`,
		`st.es.yaml:6:12: recommendations[0].title: the fonts (Noto Sans) cannot draw "一二三四五六七八" (U+4E00 U+4E8C U+4E09 U+56DB U+4E94 U+516D U+4E03 U+516B) and 2 more; use a brand font that has them or remove them`,
	}
	testtool.SameLines(t, "errors", got, want)
}

// writeBrand writes a brand file naming logo into a temporary folder.
func writeBrand(t *testing.T, logo string, extra string) (string, style.Files) {
	t.Helper()
	dir := t.TempDir()
	b := "name: Example Council\nlogo: " + logo + "\ncolors: {primary: \"#123B5D\", accent: \"#D9822B\", text: \"#1E2328\", muted: \"#5C6670\", light: \"#EDF2F6\"}\n" +
		"fonts: {family: Noto Sans, regular: NotoSans-Regular.ttf, bold: NotoSans-Bold.ttf, italic: NotoSans-Italic.ttf, bold_italic: NotoSans-BoldItalic.ttf}\n" + extra
	if err := os.WriteFile(filepath.Join(dir, "brand.yaml"), []byte(b), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir, style.Files{BrandFS: os.DirFS(dir), Brand: "brand.yaml", LayoutFS: layouts.FS, Layout: layouts.Layout, FallbackFS: fonts.FS}
}

func pngBytes(t *testing.T, w, h int) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := png.Encode(&buf, image.NewGray(image.Rect(0, 0, w, h))); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestLoadStyleLogo(t *testing.T) {
	good := pngBytes(t, 40, 20)
	huge := pngBytes(t, 4001, 1)
	// A PNG whose header is fine and whose image data is cut short.
	truncated := good[:len(good)-20]
	for _, c := range []struct {
		name string
		file func(dir string) // writes logo.png
		want string
	}{
		{"good", func(dir string) { os.WriteFile(filepath.Join(dir, "logo.png"), good, 0o644) }, ""},
		{"missing", func(string) {}, "brand.yaml:2:7: logo: cannot read logo file logo.png: no such file"},
		{"corrupt", func(dir string) {
			os.WriteFile(filepath.Join(dir, "logo.png"), []byte("\x89PNG\r\n\x1a\nthis is not a PNG at all"), 0o644)
		}, "brand.yaml:2:7: logo: logo file logo.png is not a valid PNG image (unexpected EOF)"},
		{"truncated", func(dir string) { os.WriteFile(filepath.Join(dir, "logo.png"), truncated, 0o644) }, "brand.yaml:2:7: logo: logo file logo.png is not a valid PNG image (png: invalid format: unexpected EOF)"},
		{"not an image", func(dir string) { os.WriteFile(filepath.Join(dir, "logo.png"), []byte("GIF89a"), 0o644) }, "brand.yaml:2:7: logo: logo.png: want a PNG or JPEG image"},
		{"too many pixels", func(dir string) { os.WriteFile(filepath.Join(dir, "logo.png"), huge, 0o644) }, "brand.yaml:2:7: logo: logo file logo.png is 4001x1 pixels, over the limit of 4000x4000; scale it down"},
		{"50 MB", func(dir string) {
			p := filepath.Join(dir, "logo.png")
			os.WriteFile(p, good, 0o644)
			os.Truncate(p, 50<<20)
		}, "brand.yaml:2:7: logo: logo file logo.png is 50.0 MB (52428800 bytes), over the limit of 5 MB; use a smaller image"},
		{"folder", func(dir string) { os.Mkdir(filepath.Join(dir, "logo.png"), 0o755) }, "brand.yaml:2:7: logo: logo file logo.png is a folder, not an image"},
		{"interlaced", func(dir string) { os.WriteFile(filepath.Join(dir, "logo.png"), interlaced(good), 0o644) }, "brand.yaml:2:7: logo: logo file logo.png is an interlaced PNG, which cannot be embedded in a PDF; save it without interlacing"},
		{"outside", func(string) {}, "brand.yaml:2:7: logo: logo file ../logo.png is outside the brand file's folder; put it in that folder or below it"},
		{"absolute", func(string) {}, "brand.yaml:2:7: logo: logo file /tmp/logo.png: write the name relative to the brand file's folder, not as an absolute path"},
	} {
		t.Run(c.name, func(t *testing.T) {
			logo := map[string]string{"outside": "../logo.png", "absolute": "/tmp/logo.png"}[c.name]
			if logo == "" {
				logo = "logo.png"
			}
			dir, f := writeBrand(t, logo, "")
			c.file(dir)
			start := time.Now()
			st, err := style.Load(f)
			if d := time.Since(start); d > time.Second {
				t.Errorf("took %v", d)
			}
			got := strings.Join(testtool.Messages(err), "\n")
			if got != c.want {
				t.Errorf("got  %s\nwant %s", got, c.want)
			}
			if c.want == "" && (st == nil || st.Logo == nil || !bytes.Equal(st.Logo.Data, good) || st.Logo.Type != "png" || st.Logo.Width <= 0 || st.Logo.Height <= 0) {
				t.Errorf("logo not loaded")
			}
		})
	}
}

func TestLoadStyleBrandGlyphs(t *testing.T) {
	_, f := writeBrand(t, "''", "footer: 日本 · example.org\n")
	_, err := style.Load(f)
	want := `brand.yaml:5:9: footer: the fonts (Noto Sans) cannot draw "日本" (U+65E5 U+672C); use a brand font that has them or remove them`
	testtool.SameLines(t, "errors", testtool.Messages(err), []string{want})
}

// TestCheckGlyphsASCIIFonts sets a statement in fonts cut down to ASCII:
// its accented text, and the Spanish labels, cannot be drawn.
func TestCheckGlyphsASCIIFonts(t *testing.T) {
	dir, f := writeBrand(t, "''", "")
	var ascii strings.Builder
	for r := rune(0x20); r < 0x7f; r++ {
		ascii.WriteRune(r)
	}
	for _, name := range []string{"NotoSans-Regular.ttf", "NotoSans-Bold.ttf", "NotoSans-Italic.ttf", "NotoSans-BoldItalic.ttf"} {
		b, err := fs.ReadFile(fonts.FS, name)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), fpdf.UTF8CutFont(b, ascii.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	st, err := style.Load(f)
	if err != nil {
		t.Fatal(err)
	}
	if !st.Covers('a') || st.Covers('é') {
		t.Fatalf("the cut fonts cover a: %v, é: %v", st.Covers('a'), st.Covers('é'))
	}
	ds, err := statement.Load(os.DirFS("../statement/testdata"), "valid/translated.yaml")
	if err != nil {
		t.Fatal(err)
	}
	got := testtool.Messages(statement.CheckGlyphs(ds, st).Err())
	want := []string{
		// The QR code's site label ("drc.ngo – Danish Refugee Council")
		// takes an en dash, in every language.
		`valid/translated.yaml:7:7: lang: the fonts (Noto Sans) cannot draw "–" (U+2013), which the built-in en headings and labels use; use a brand font that has it`,
		`valid/translated.es.yaml:1:7: lang: the fonts (Noto Sans) cannot draw "óá–" (U+00F3 U+00E1 U+2013), which the built-in es headings and labels use; use a brand font that has them`,
		`valid/translated.es.yaml:4:9: translation.note: the fonts (Noto Sans) cannot draw "ó" (U+00F3); use a brand font that has it or remove it`,
		`valid/translated.es.yaml:5:8: title: the fonts (Noto Sans) cannot draw "ó" (U+00F3); use a brand font that has it or remove it`,
		`valid/translated.es.yaml:11:12: recommendations[0].body[0]: the fonts (Noto Sans) cannot draw "á" (U+00E1); use a brand font that has it or remove it`,
		`valid/translated.es.yaml:15:9: recommendations[1].body[0]: the fonts (Noto Sans) cannot draw "á" (U+00E1); use a brand font that has it or remove it`,
	}
	testtool.SameLines(t, "errors", got, want)
}

func TestLoadStyleHugeFont(t *testing.T) {
	dir, f := writeBrand(t, "''", "")
	p := filepath.Join(dir, "NotoSans-Bold.ttf")
	if err := os.WriteFile(p, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(p, 100<<20); err != nil {
		t.Fatal(err)
	}
	_, err := style.Load(f)
	want := "brand.yaml:4:65: fonts.bold: font file NotoSans-Bold.ttf is 100.0 MB (104857600 bytes), over the limit of 64 MB"
	testtool.SameLines(t, "errors", testtool.Messages(err), []string{want})
}

// interlaced marks a PNG's header as interlaced (Adam7), fixing its CRC.
func interlaced(b []byte) []byte {
	b = bytes.Clone(b)
	b[28] = 1
	binary.BigEndian.PutUint32(b[29:], crc32.ChecksumIEEE(b[12:29]))
	return b
}
