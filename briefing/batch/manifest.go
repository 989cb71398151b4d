package batch

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"

	"briefing/briefing/statement"
)

// Manifest file names inside the output folder.
const (
	ManifestJSON = "manifest.json"
	ManifestCSV  = "manifest.csv"
)

// Generator and Schema mark a manifest (and a journal) as written by this
// program, in this shape. A build never overwrites a manifest without them.
const (
	Generator = "briefing"
	Schema    = 1
)

// header is what marks a manifest or journal as ours.
type header struct {
	Generator string `json:"generator"`
	Schema    int    `json:"schema"`
}

// Manifest lists every document of ours in the output folder, sorted by
// path, each with the sha256 and size of the bytes on disk. It holds no
// times, so that two builds of the same input write the same manifest.
type Manifest struct {
	// Generator is always "briefing" and Schema the manifest's version.
	Generator string  `json:"generator"`
	Schema    int     `json:"schema"`
	Statement string  `json:"statement"`
	Documents []Entry `json:"documents"`
	// Edited lists files at the path of a document that a person changed
	// after a build wrote them: builds neither overwrite nor remove them
	// while they hold these bytes.
	Edited []Kept `json:"edited,omitempty"`
}

// Kept is a file a person edited, with the sha256 of its edited bytes.
type Kept struct {
	Path   string `json:"path"`
	SHA256 string `json:"sha256"`
}

// Entry is one document in the manifest.
type Entry struct {
	Path     string           `json:"path"`
	Audience string           `json:"audience"`
	Lang     string           `json:"lang"`
	Kind     statement.Kind   `json:"kind"`
	Rec      int              `json:"recommendation,omitempty"`
	RecID    string           `json:"recommendation_id,omitempty"`
	Format   statement.Format `json:"format"`
	Paper    statement.Paper  `json:"paper"`
	// Print is what a PDF was made for: screen, office or press (empty
	// for a DOCX).
	Print statement.Print `json:"print,omitempty"`
	// Pages is the page count of a PDF; 0 for DOCX, which Word paginates
	// (null in manifest.json, empty in manifest.csv: not known).
	Pages  int    `json:"pages"`
	Bytes  int64  `json:"bytes"`
	SHA256 string `json:"sha256"`
	// Inputs is the sha256 of what the document was made from (see
	// Options.Key): a later build with the same inputs leaves the file be.
	Inputs string `json:"inputs,omitempty"`

	// upToDate marks, in a Result, an entry a build left as it was.
	upToDate bool
}

// entryJSON is an Entry as manifest.json has it: pages null when not known.
type entryJSON struct {
	entryFields
	Pages *int `json:"pages"`
}

// entryFields is Entry without its methods, for entryJSON.
type entryFields Entry

// MarshalJSON writes the entry with "pages": null for a DOCX.
func (e Entry) MarshalJSON() ([]byte, error) {
	j := entryJSON{entryFields: entryFields(e)}
	if e.Pages > 0 || e.Format == statement.FormatPDF {
		j.Pages = &e.Pages
	}
	return json.Marshal(j)
}

// UnmarshalJSON reads an entry, null pages as 0.
func (e *Entry) UnmarshalJSON(b []byte) error {
	var j entryJSON
	if err := json.Unmarshal(b, &j); err != nil {
		return err
	}
	*e = Entry(j.entryFields)
	if j.Pages != nil {
		e.Pages = *j.Pages
	}
	return nil
}

// UpToDate reports whether a build left this document as it was (see
// Result.UpToDate).
func (e *Entry) UpToDate() bool { return e != nil && e.upToDate }

func (e Entry) job() Job {
	return Job{Path: e.Path, Audience: e.Audience, Lang: e.Lang, Kind: e.Kind, Rec: e.Rec, RecID: e.RecID, Format: e.Format, Paper: e.Paper, Print: e.Print}
}

// ForeignError is a manifest in the output folder that this program did not
// write: a build leaves it, and the folder, alone.
type ForeignError struct {
	File, Why string
}

func (e *ForeignError) Error() string {
	return fmt.Sprintf("%s %s, so this build leaves it and the folder alone: choose another --out (or move that file away)", e.File, e.Why)
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
	return parseManifest(filepath.Join(out, ManifestJSON), b)
}

// readManifest reads the folder's manifest, refusing one that is not ours.
func (f *folder) readManifest() (*Manifest, error) {
	b, err := f.root.ReadFile(ManifestJSON)
	if os.IsNotExist(err) {
		// A manifest.csv alone that is not ours is someone's file too.
		if c, err := f.root.ReadFile(ManifestCSV); err == nil && !bytes.HasPrefix(c, []byte(strings.Join(csvHeader, ",")+"\n")) {
			return nil, &ForeignError{File: f.show(ManifestCSV), Why: "was not written by briefing"}
		}
		return &Manifest{}, nil
	}
	if err != nil {
		if e := f.linkedOut(ManifestJSON); e != nil {
			return nil, e
		}
		return nil, fmt.Errorf("%s: %w", f.show(ManifestJSON), err)
	}
	return parseManifest(f.show(ManifestJSON), b)
}

func parseManifest(name string, b []byte) (*Manifest, error) {
	var keys map[string]json.RawMessage
	if err := json.Unmarshal(b, &keys); err != nil {
		return nil, &ForeignError{File: name, Why: fmt.Sprintf("is not a manifest briefing wrote (%v)", err)}
	}
	var h header
	json.Unmarshal(b, &h)
	switch {
	case h.Generator == Generator && h.Schema > Schema:
		return nil, &ForeignError{File: name, Why: fmt.Sprintf("was written by a newer briefing (schema %d; this one knows %d)", h.Schema, Schema)}
	case h.Generator == Generator:
	case h.Generator != "":
		return nil, &ForeignError{File: name, Why: fmt.Sprintf("was written by %q, not briefing", h.Generator)}
	default:
		// Manifests from before the generator key: statement and
		// documents, nothing else.
		_, docs := keys["documents"]
		for k := range keys {
			if k != "statement" && k != "documents" {
				docs = false
			}
		}
		if !docs {
			return nil, &ForeignError{File: name, Why: "was not written by briefing (no \"generator\": \"briefing\")"}
		}
	}
	var m Manifest
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, fmt.Errorf("%s: %v (remove it to start afresh)", name, err)
	}
	// Never trust a path that leads outside the folder.
	m.Documents = slices.DeleteFunc(m.Documents, func(e Entry) bool { return !valid(e.Path) })
	m.Edited = slices.DeleteFunc(m.Edited, func(k Kept) bool { return !valid(k.Path) })
	return &m, nil
}

// write writes the manifest as JSON and CSV into the folder: both to
// temporary files first, then both renamed, so that they agree unless
// the process dies between the two renames (and the next build rewrites
// both).
func (m *Manifest) write(f *folder) error {
	m.Generator, m.Schema = Generator, Schema
	sort.Slice(m.Documents, func(i, j int) bool { return m.Documents[i].Path < m.Documents[j].Path })
	sort.Slice(m.Edited, func(i, j int) bool { return m.Edited[i].Path < m.Edited[j].Path })
	if m.Documents == nil {
		m.Documents = []Entry{}
	}
	b, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return err
	}
	b = append(b, '\n')
	c := m.csv()
	// A build that changed nothing leaves the manifest as it was, mtime
	// included.
	if old, err := f.root.ReadFile(ManifestJSON); err == nil && bytes.Equal(old, b) {
		if old, err := f.root.ReadFile(ManifestCSV); err == nil && bytes.Equal(old, c) {
			return nil
		}
	}
	js, err := f.stage(ManifestJSON, writeBytes(b))
	if err != nil {
		return err
	}
	cs, err := f.stage(ManifestCSV, writeBytes(c))
	if err != nil {
		f.discard(js)
		return err
	}
	if err := f.commit(js); err != nil {
		f.discard(cs)
		return err
	}
	return f.commit(cs)
}

func writeBytes(b []byte) func(w io.Writer) error {
	return func(w io.Writer) error {
		_, err := w.Write(b)
		return err
	}
}

var csvHeader = []string{"path", "audience", "lang", "kind", "recommendation", "recommendation_id", "format", "paper", "print", "pages", "bytes", "sha256"}

// csv returns the manifest as CSV with a header row, for mail merge.
func (m *Manifest) csv() []byte {
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	w.Write(csvHeader)
	for _, e := range m.Documents {
		rec := ""
		if e.Rec > 0 {
			rec = strconv.Itoa(e.Rec)
		}
		pages := ""
		if e.Pages > 0 || e.Format == statement.FormatPDF {
			pages = strconv.Itoa(e.Pages)
		}
		w.Write([]string{e.Path, e.Audience, e.Lang, string(e.Kind), rec, e.RecID, string(e.Format), string(e.Paper), string(e.Print), pages, strconv.FormatInt(e.Bytes, 10), e.SHA256})
	}
	w.Flush()
	return buf.Bytes()
}
