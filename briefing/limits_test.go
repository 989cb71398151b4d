package briefing_test

import (
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"briefing/briefing"
)

// TestLoadLimits covers inputs too large to keep as files in testdata:
// each must be refused quickly with one clear error.
func TestLoadLimits(t *testing.T) {
	for _, c := range []struct {
		name, data, want string
	}{
		{"huge", "id: x\ncontext:\n" + strings.Repeat("  - A paragraph of text.\n", briefing.MaxFileSize/25+1),
			"s.yaml: file too large: 5242915 bytes, over the limit of 5242880 bytes (5 MB); is this the right file?"},
		{"deep-flow", "id: " + strings.Repeat("[", 100000),
			"s.yaml:1:69: lists and mappings nest more than 64 deep"},
		{"many-entries", "id: x\ncontext: [" + strings.Repeat("a,", 250000) + "]\n",
			"s.yaml:2:400010: too many lines and list entries (over 200000); a statement needs far fewer"},
		{"many-lines", "id: x\ncontext:\n" + strings.Repeat("  - a\n", 250000),
			"s.yaml:200002:1: too many lines and list entries (over 200000); a statement needs far fewer"},
		{"deep-block", strings.Repeat("- ", 100000),
			"s.yaml:1:129: lists and mappings nest more than 64 deep"},
	} {
		t.Run(c.name, func(t *testing.T) {
			start := time.Now()
			_, err := briefing.Load(fstest.MapFS{"s.yaml": {Data: []byte(c.data)}}, "s.yaml")
			sameLines(t, "errors", messages(err), []string{c.want})
			if d := time.Since(start); d > 2*time.Second {
				t.Errorf("took %v", d)
			}
		})
	}
}
