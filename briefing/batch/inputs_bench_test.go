package batch

import (
	"testing"

	"briefing/briefing/compose"
	"briefing/briefing/statement"
	"briefing/data"
)

// BenchmarkInputsKey hashes a brief's inputs, as every build does for
// every document.
func BenchmarkInputsKey(b *testing.B) {
	ds, err := statement.Load(data.FS, data.Default)
	if err != nil {
		b.Fatal(err)
	}
	s := ds.Base
	d := compose.Brief(s, &s.Audiences[0], &s.Recommendations[0], compose.Options{Paper: statement.PaperA4})
	j := Job{Path: "a/en/x.pdf", Kind: statement.KindBrief, Format: statement.FormatPDF}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := inputsKey("key", j, d); err != nil {
			b.Fatal(err)
		}
	}
}
