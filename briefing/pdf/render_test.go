package pdf_test

import (
	"bytes"
	"strings"
	"testing"

	"briefing/briefing"
	"briefing/briefing/pdf"
)

func TestNewErrors(t *testing.T) {
	_, st, _ := fixture(t)
	for name, c := range map[string]struct {
		edit func(*briefing.Style)
		want string
	}{
		"colour":  {func(s *briefing.Style) { s.Brand.Colors.Accent = "amber" }, "colour accent"},
		"no font": {func(s *briefing.Style) { s.Fonts[briefing.Italic] = nil }, "font style 2"},
		"not a font": {func(s *briefing.Style) {
			s.Fonts[briefing.Bold] = []byte("not a font at all, not at all, not at all")
		}, "font style 1"},
		"sizes": {func(s *briefing.Style) { s.Layout.Sizes.BodyStep = 0 }, "body_step"},
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
	if _, err := r.Render(&buf, &briefing.Doc{Meta: briefing.Meta{Kind: "poster"}}); err == nil {
		t.Error("no error for an unknown kind")
	}
}
