package batch

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"

	"briefing/briefing"
)

// Manifest file names inside the output folder.
const (
	ManifestJSON = "manifest.json"
	ManifestCSV  = "manifest.csv"
)

// Manifest lists every document a build made, sorted by path. It holds no
// times, so that two builds of the same input write the same manifest.
type Manifest struct {
	Statement string  `json:"statement"`
	Documents []Entry `json:"documents"`
}

// Entry is one document in the manifest.
type Entry struct {
	Path     string          `json:"path"`
	Audience string          `json:"audience"`
	Lang     string          `json:"lang"`
	Kind     briefing.Kind   `json:"kind"`
	Rec      int             `json:"recommendation,omitempty"`
	RecID    string          `json:"recommendation_id,omitempty"`
	Format   briefing.Format `json:"format"`
	Paper    briefing.Paper  `json:"paper"`
	// Pages is the page count of a PDF; 0 for DOCX, which Word paginates.
	Pages  int    `json:"pages"`
	Bytes  int64  `json:"bytes"`
	SHA256 string `json:"sha256"`
}

func (e Entry) job() Job {
	return Job{Path: e.Path, Audience: e.Audience, Lang: e.Lang, Kind: e.Kind, Rec: e.Rec, RecID: e.RecID, Format: e.Format, Paper: e.Paper}
}

// ReadManifest reads out/manifest.json; an absent manifest is empty.
func ReadManifest(out string) (*Manifest, error) {
	b, err := os.ReadFile(filepath.Join(out, ManifestJSON))
	if os.IsNotExist(err) {
		return &Manifest{}, nil
	}
	if err != nil {
		return nil, err
	}
	var m Manifest
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, fmt.Errorf("%s: %v", filepath.Join(out, ManifestJSON), err)
	}
	return &m, nil
}

// write writes the manifest as JSON and CSV into out, atomically.
func (m *Manifest) write(out string) error {
	sort.Slice(m.Documents, func(i, j int) bool { return m.Documents[i].Path < m.Documents[j].Path })
	b, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return err
	}
	b = append(b, '\n')
	if _, err := writeAtomic(filepath.Join(out, ManifestJSON), func(w io.Writer) error {
		_, err := w.Write(b)
		return err
	}); err != nil {
		return err
	}
	_, err = writeAtomic(filepath.Join(out, ManifestCSV), func(w io.Writer) error {
		_, err := w.Write(m.csv())
		return err
	})
	return err
}

// csv returns the manifest as CSV with a header row, for mail merge.
func (m *Manifest) csv() []byte {
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	w.Write([]string{"path", "audience", "lang", "kind", "recommendation", "recommendation_id", "format", "paper", "pages", "bytes", "sha256"})
	for _, e := range m.Documents {
		rec := ""
		if e.Rec > 0 {
			rec = strconv.Itoa(e.Rec)
		}
		w.Write([]string{e.Path, e.Audience, e.Lang, string(e.Kind), rec, e.RecID, string(e.Format), string(e.Paper), strconv.Itoa(e.Pages), strconv.FormatInt(e.Bytes, 10), e.SHA256})
	}
	w.Flush()
	return buf.Bytes()
}
