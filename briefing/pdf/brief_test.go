package pdf_test

import (
	"fmt"
	"testing"

	"briefing/briefing"
)

// briefs composes every recommendation's brief in lang on paper.
func briefs(t testing.TB, lang string, paper briefing.Paper) map[string]*briefing.Doc {
	_, st, _ := fixture(t)
	s := statement(t, lang)
	a := s.Audience("delegates")
	out := map[string]*briefing.Doc{}
	for i := range s.Recommendations {
		r := &s.Recommendations[i]
		out[fmt.Sprintf("brief-%s-%s-%d", lang, paper, r.Number)] = briefing.ComposeBrief(s, a, r, opts(st, paper))
	}
	return out
}

func TestBriefRenders(t *testing.T) {
	_, _, r := fixture(t)
	for _, paper := range briefing.Papers {
		for name, d := range briefs(t, "en", paper) {
			b, info := render(t, r, d, name)
			if info.Pages != 1 {
				t.Errorf("%s: %d pages", name, info.Pages)
			}
			t.Logf("%s: %d bytes", name, len(b))
		}
	}
}
