package testtool

import (
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// ManifestTrue checks that out/manifest.json and out/manifest.csv tell the
// truth about out: every entry exists with its sha256 and size, every file
// in out is listed (but the manifests, index.html and the files in others), nothing
// the build uses while it runs (temporary files, lock, journal, reserve)
// is left, and the two manifests list the same documents. It returns the
// paths listed.
func ManifestTrue(t testing.TB, out string, others ...string) []string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(out, "manifest.json"))
	if err != nil {
		t.Fatalf("manifest: %v", err)
	}
	var m struct {
		Generator string `json:"generator"`
		Schema    int    `json:"schema"`
		Documents []struct {
			Path   string `json:"path"`
			Bytes  int64  `json:"bytes"`
			SHA256 string `json:"sha256"`
		} `json:"documents"`
	}
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatalf("manifest.json: %v", err)
	}
	if m.Generator != "briefing" || m.Schema < 1 {
		t.Errorf("manifest.json: generator %q schema %d, want briefing and a schema", m.Generator, m.Schema)
	}
	var listed []string
	for _, e := range m.Documents {
		listed = append(listed, e.Path)
		f, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(e.Path)))
		if err != nil {
			t.Errorf("manifest lists %s: %v", e.Path, err)
			continue
		}
		sum := sha256.Sum256(f)
		if hex.EncodeToString(sum[:]) != e.SHA256 || int64(len(f)) != e.Bytes {
			t.Errorf("%s: manifest says %d bytes sha256 %s, the file has %d bytes %x", e.Path, e.Bytes, e.SHA256, len(f), sum)
		}
	}
	for _, f := range Files(t, out) {
		base := filepath.Base(f)
		switch {
		case f == "manifest.json" || f == "manifest.csv" || f == "index.html" || slices.Contains(others, f):
		case strings.HasSuffix(base, ".tmp") || strings.HasPrefix(base, ".briefing"):
			t.Errorf("left behind: %s", f)
		case !slices.Contains(listed, f):
			t.Errorf("on disk but not in the manifest: %s", f)
		}
	}
	c, err := os.Open(filepath.Join(out, "manifest.csv"))
	if err != nil {
		t.Fatalf("manifest: %v", err)
	}
	defer c.Close()
	rows, err := csv.NewReader(c).ReadAll()
	if err != nil || len(rows) == 0 {
		t.Fatalf("manifest.csv: %v (%d rows)", err, len(rows))
	}
	var fromCSV []string
	for _, r := range rows[1:] {
		fromCSV = append(fromCSV, r[0]+" "+r[len(r)-2]+" "+r[len(r)-1])
	}
	var fromJSON []string
	for _, e := range m.Documents {
		fromJSON = append(fromJSON, e.Path+" "+strconv.FormatInt(e.Bytes, 10)+" "+e.SHA256)
	}
	if strings.Join(fromCSV, "\n") != strings.Join(fromJSON, "\n") {
		t.Errorf("manifest.csv and manifest.json disagree:\ncsv:\n%s\njson:\n%s", strings.Join(fromCSV, "\n"), strings.Join(fromJSON, "\n"))
	}
	return listed
}
