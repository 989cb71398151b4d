package briefing_test

import (
	"encoding/json"
	"os"
	"testing"

	"briefing/briefing"
	"briefing/data"
)

func TestComposeDefault(t *testing.T) {
	ds, err := briefing.Load(data.FS, data.Default)
	if err != nil {
		t.Fatal(err)
	}
	s, _ := ds.In("en")
	a := s.Audience("delegates")
	d := briefing.ComposePack(s, a, briefing.ComposeOptions{})
	if os.Getenv("DUMP") != "" {
		b, _ := json.MarshalIndent(d, "", "  ")
		os.Stdout.Write(b)
	}
	if len(d.Blocks) < 10 {
		t.Fatalf("pack has %d blocks", len(d.Blocks))
	}
}
