package pdf_test

import (
	"testing"

	"briefing/briefing"
)

// pack composes the delegate pack for audience in lang on paper.
func pack(t testing.TB, lang, audience string, paper briefing.Paper) *briefing.Doc {
	_, st, _ := fixture(t)
	s := statement(t, lang)
	a := s.Audience(audience)
	if a == nil {
		t.Fatalf("no audience %q", audience)
	}
	return briefing.ComposePack(s, a, opts(st, paper))
}

func TestPackRenders(t *testing.T) {
	_, _, r := fixture(t)
	for _, c := range []struct{ lang, aud string }{{"en", "delegates"}, {"en", "donors"}, {"es", "states"}} {
		for _, paper := range briefing.Papers {
			name := "pack-" + c.lang + "-" + c.aud + "-" + string(paper)
			b, info := render(t, r, pack(t, c.lang, c.aud, paper), name)
			t.Logf("%s: %d pages, %d bytes", name, info.Pages, len(b))
		}
	}
}
