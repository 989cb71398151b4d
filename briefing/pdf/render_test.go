package pdf_test

import (
	"bytes"
	"strings"
	"testing"

	"briefing/briefing/doc"
	"briefing/briefing/pdf"
	"briefing/briefing/style"
)

func TestNewErrors(t *testing.T) {
	_, st, _ := fixture(t)
	for name, c := range map[string]struct {
		edit func(*style.Style)
		want string
	}{
		"colour": {func(s *style.Style) { s.Brand.Colors.Accent = "amber" }, "colour accent"},
		// The fonts are the ones Load parsed (Type): the layout measures
		// with them and the PDF embeds them, widths and all.
		"no fonts": {func(s *style.Style) { s.Type = nil }, "no fonts"},
		"not a font": {func(s *style.Style) {
			s.Fonts[style.Regular] = []byte("not a font at all, not at all, not at all")
		}, "regular font"},
		"sizes": {func(s *style.Style) { s.Layout.Sizes.Body = 0 }, "positive body size"},
	} {
		t.Run(name, func(t *testing.T) {
			s := *st
			c.edit(&s)
			_, err := pdf.New(&s)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("got %v, want an error with %q", err, c.want)
			}
		})
	}
}

func TestRenderUnknownKind(t *testing.T) {
	_, _, r := fixture(t)
	var buf bytes.Buffer
	if _, err := r.Render(&buf, &doc.Doc{Meta: doc.Meta{Kind: "poster"}}); err == nil {
		t.Error("no error for an unknown kind")
	}
}
