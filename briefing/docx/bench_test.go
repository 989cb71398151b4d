package docx_test

import (
	"io"
	"testing"

	"briefing/briefing"
)

func BenchmarkBrief(b *testing.B) {
	r, s := setup(b, "en")
	d := briefing.ComposeBrief(s, s.Audience("delegates"), &s.Recommendations[0], opts)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := r.Render(io.Discard, d); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkPack(b *testing.B) {
	r, s := setup(b, "en")
	d := briefing.ComposePack(s, s.Audience("delegates"), opts)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := r.Render(io.Discard, d); err != nil {
			b.Fatal(err)
		}
	}
}
