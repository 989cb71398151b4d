package docx_test

import (
	"io"
	"testing"

	"briefing/briefing/compose"
	"briefing/briefing/doc"
	"briefing/briefing/docx"
)

func BenchmarkBrief(b *testing.B) {
	r, s := setup(b, "en")
	d := compose.Brief(s, s.Audience("delegates"), &s.Recommendations[0], optsFor(s.Audience("delegates")))
	bench(b, r, d)
}

func BenchmarkPack(b *testing.B) {
	r, s := setup(b, "en")
	d := compose.Pack(s, s.Audience("delegates"), optsFor(s.Audience("delegates")))
	bench(b, r, d)
}

func bench(b *testing.B, r *docx.Renderer, d *doc.Doc) {
	b.ReportAllocs()
	start := cpuTime()
	for b.Loop() {
		if _, err := r.Render(io.Discard, d); err != nil {
			b.Fatal(err)
		}
	}
	if cpu := cpuTime() - start; cpu > 0 {
		b.ReportMetric(float64(cpu.Nanoseconds())/float64(b.N), "cpu-ns/op")
	}
}
