package docx_test

import (
	"bytes"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"testing"
	"testing/fstest"

	"briefing/briefing/compose"
	"briefing/briefing/docx"
	"briefing/briefing/layout"
	"briefing/briefing/style"
	"briefing/internal/defaults"
	"briefing/layouts"
)

// TestMetricsFollow changes one value of the brand or layout file at a
// time and checks that the PDF's layout and the DOCX's styles both
// follow it, as they are set from one table of metrics: the brief's title
// (the Heading 1 style) in its size and colour, the pack's subsection
// headings (the Heading 2 style) in their size. (A quote is a poor case:
// the layout chooses its step to fit or fill a page.)
func TestMetricsFollow(t *testing.T) {
	_, s := setup(t, "en")
	a := s.Audience("delegates")
	for _, c := range []struct {
		name, brand, layout string
		role                layout.Role
		style               string
		size                float64 // points, 0 for the default's
		color               string  // RRGGBB, "" for the default's
		pack                bool    // the pack, not a brief
	}{
		{name: "heading1", layout: "sizes: {heading1: 20}", role: layout.H1, style: "Heading1", size: 20},
		{name: "primary", brand: "colors: {primary: '#123456'}", role: layout.H1, style: "Heading1", color: "123456"},
		{name: "heading2", layout: "sizes: {heading2: 14}", role: layout.H2, style: "Heading2", size: 14, pack: true},
	} {
		t.Run(c.name, func(t *testing.T) {
			def := defaults.StyleFiles()
			fsys := fstest.MapFS{"brand.yaml": {Data: []byte(c.brand + "\n")}, "layout.yaml": {Data: []byte(c.layout + "\n")}}
			files := style.Files{BrandFS: fsys, Brand: "brand.yaml", LayoutFS: fsys, Layout: "layout.yaml", FallbackFS: def.FallbackFS, Defaults: &def}
			if c.brand == "" {
				files.BrandFS, files.Brand = def.BrandFS, def.Brand
			}
			if c.layout == "" {
				files.LayoutFS, files.Layout = def.LayoutFS, def.Layout
			}
			st, err := style.Load(files)
			if err != nil {
				t.Fatal(err)
			}
			ts, err := layout.New(st)
			if err != nil {
				t.Fatal(err)
			}
			r, err := docx.New(st)
			if err != nil {
				t.Fatal(err)
			}
			// The shortest brief: every layout of the cases fits it.
			d := compose.Brief(s, a, &s.Recommendations[3], optsFor(a))
			if c.pack {
				d = compose.Pack(s, a, optsFor(a))
			}

			// The PDF: every box of the role has the size and colour.
			ld, err := ts.Lay(d)
			if err != nil {
				t.Fatal(err)
			}
			boxes := 0
			for _, b := range allBoxes(ld) {
				if b.Role != c.role || b.Kind != layout.Text {
					continue
				}
				boxes++
				if c.size != 0 && b.Size != c.size {
					t.Errorf("PDF: %s box %q at %g pt, want %g", c.role, b.Text, b.Size, c.size)
				}
				if got := fmt.Sprintf("%02X%02X%02X", b.Color.R, b.Color.G, b.Color.B); c.color != "" && got != c.color {
					t.Errorf("PDF: %s box %q in %s, want %s", c.role, b.Text, got, c.color)
				}
			}
			if boxes == 0 {
				t.Fatalf("PDF: no %s boxes", c.role)
			}

			// The DOCX: the role's style has them.
			var buf bytes.Buffer
			if _, err := r.Render(&buf, d); err != nil {
				t.Fatal(err)
			}
			styles := parts(t, buf.Bytes())["word/styles.xml"]
			m := regexp.MustCompile(`<w:style [^>]*w:styleId="` + c.style + `">.*?</w:style>`).FindString(styles)
			if m == "" {
				t.Fatalf("DOCX: no %s style", c.style)
			}
			if want := fmt.Sprintf(`<w:sz w:val="%d"/>`, int(2*c.size)); c.size != 0 && !regexp.MustCompile(regexp.QuoteMeta(want)).MatchString(m) {
				t.Errorf("DOCX: %s style lacks %s: %s", c.style, want, m)
			}
			if want := `<w:color w:val="` + c.color + `"/>`; c.color != "" && !bytes.Contains([]byte(m), []byte(want)) {
				t.Errorf("DOCX: %s style lacks %s: %s", c.style, want, m)
			}
		})
	}
}

// TestNoHandKeptValues checks that the reference styles.xml keeps no
// type size, line spacing or paragraph spacing of its own: each paragraph
// style takes them from the layout's metrics, except the hairline styles
// (Rule, Spacer), whose lines are structure, and a zero.
func TestNoHandKeptValues(t *testing.T) {
	b, err := fs.ReadFile(layouts.FS, path.Join(layouts.DOCX, "styles.xml"))
	if err != nil {
		t.Fatal(err)
	}
	styleRe := regexp.MustCompile(`<w:style w:type="paragraph"[^>]*w:styleId="(\w+)">.*?</w:style>`)
	literal := regexp.MustCompile(`w:(sz|szCs|line|before|after)="[1-9][0-9]*"`)
	borders := regexp.MustCompile(`<w:pBdr>.*?</w:pBdr>`)
	n := 0
	for _, m := range styleRe.FindAllStringSubmatch(string(b), -1) {
		n++
		switch m[1] {
		case "Rule", "Spacer":
			continue
		}
		// Borders (w:pBdr) have sizes and spaces of their own.
		if l := literal.FindString(borders.ReplaceAllString(m[0], "")); l != "" {
			t.Errorf("style %s: hand-kept %s", m[1], l)
		}
	}
	if n < 20 {
		t.Errorf("%d paragraph styles", n)
	}
}

// allBoxes returns the boxes of every page of ld.
func allBoxes(ld *layout.Paged) []layout.Box {
	var out []layout.Box
	for _, p := range ld.Pages {
		out = append(out, p.Boxes...)
	}
	return out
}
