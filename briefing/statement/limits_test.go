package statement_test

import (
	"io"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"briefing/briefing/input"
	"briefing/briefing/statement"
	"briefing/internal/testtool"
)

// TestLoadLimits covers inputs too large to keep as files in testdata:
// each must be refused quickly with one clear error.
func TestLoadLimits(t *testing.T) {
	for _, c := range []struct {
		name, data, want string
	}{
		{"huge", "id: x\ncontext:\n" + strings.Repeat("  - A paragraph of text.\n", input.MaxFileSize/25+1),
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
			_, err := statement.Load(fstest.MapFS{"s.yaml": {Data: []byte(c.data)}}, "s.yaml")
			testtool.SameLines(t, "errors", testtool.Messages(err), []string{c.want})
			if d := time.Since(start); d > 2*time.Second {
				t.Errorf("took %v", d)
			}
		})
	}
}

// hugeFS holds one file that claims to be a terabyte and fails the test if
// anything reads it.
type hugeFS struct{ t *testing.T }

type hugeFile struct{ t *testing.T }

type hugeInfo struct{}

func (h hugeFS) Open(name string) (fs.File, error) {
	if name != "s.yaml" {
		return nil, fs.ErrNotExist
	}
	return hugeFile(h), nil
}
func (f hugeFile) Stat() (fs.FileInfo, error) { return hugeInfo{}, nil }
func (f hugeFile) Read([]byte) (int, error) {
	f.t.Error("read a file over the size limit")
	return 0, io.EOF
}
func (f hugeFile) Close() error     { return nil }
func (hugeInfo) Name() string       { return "s.yaml" }
func (hugeInfo) Size() int64        { return 1 << 40 }
func (hugeInfo) Mode() fs.FileMode  { return 0o444 }
func (hugeInfo) ModTime() time.Time { return time.Time{} }
func (hugeInfo) IsDir() bool        { return false }
func (hugeInfo) Sys() any           { return nil }

// TestLoadHugeUnread checks that a file over the limit is refused from its
// size alone, before reading it.
func TestLoadHugeUnread(t *testing.T) {
	_, err := statement.Load(hugeFS{t}, "s.yaml")
	testtool.SameLines(t, "errors", testtool.Messages(err), []string{"s.yaml: file too large: 1099511627776 bytes, over the limit of 5242880 bytes (5 MB); is this the right file?"})
}
