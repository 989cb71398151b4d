package batch_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"briefing/briefing/batch"
	"briefing/briefing/doc"
	"briefing/briefing/statement"
	"briefing/data"
	"briefing/internal/testtool"
)

// fake renders a Doc as its JSON, and fails for documents fail picks
// (panics, after writing half, for those panic picks).
type fake struct {
	fail  func(d *doc.Doc) bool
	panic func(d *doc.Doc) bool
}

func (f fake) Render(_ context.Context, w io.Writer, d *doc.Doc) (int, error) {
	b, err := json.Marshal(d.Meta)
	if err != nil {
		return 0, err
	}
	// Write half, then fail: the file must not survive.
	if f.fail != nil && f.fail(d) {
		w.Write(b[:len(b)/2])
		return 0, errors.New("does not fit one page")
	}
	if f.panic != nil && f.panic(d) {
		w.Write(b[:len(b)/2])
		panic("renderer bug")
	}
	_, err = w.Write(b)
	return 1, err
}

func load(t *testing.T) *statement.Dataset {
	t.Helper()
	ds, err := statement.Load(data.FS, data.Default)
	if err != nil {
		t.Fatal(err)
	}
	return ds
}

// Fit fails as Render does, writing nothing.
func (f fake) Fit(_ context.Context, d *doc.Doc) error {
	if f.fail != nil && f.fail(d) {
		return errors.New("does not fit one page")
	}
	if f.panic != nil && f.panic(d) {
		panic("renderer bug")
	}
	return nil
}

func run(t *testing.T, ds *statement.Dataset, sel batch.Selection, out string, r batch.Renderer) *batch.Result {
	t.Helper()
	plan, err := batch.Plan(ds, sel, statement.PaperA4)
	if err != nil {
		t.Fatal(err)
	}
	res, err := batch.Run(context.Background(), ds, plan, sel, batch.Options{
		Out: out, Jobs: 4,
		Renderers: map[statement.Format]batch.Renderer{statement.FormatPDF: r, statement.FormatDOCX: r},
	})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func TestBuildTreeAndManifest(t *testing.T) {
	ds := load(t)
	out := t.TempDir()
	res := run(t, ds, batch.Selection{}, out, fake{})
	if err := res.Err(); err != nil {
		t.Fatal(err)
	}
	files := testtool.Files(t, out)
	want := []string{
		"delegates/en/cartagena40-pack.pdf",
		"delegates/en/cartagena40-rec1-safeguard-access-to-international-protection.pdf",
		"delegates/es/cartagena40-rec2-invertir-en-la-inclusion-y-la-integracion.docx",
		"donors/es/cartagena40-rec4-abordar-las-causas-profundas-del-desplazamiento.pdf",
		"index.html", "manifest.csv", "manifest.json",
	}
	for _, w := range want {
		if !contains(files, w) {
			t.Errorf("missing %s in\n%s", w, strings.Join(files, "\n"))
		}
	}
	if contains(files, "civil-society/en/cartagena40-rec1-safeguard-access-to-international-protection.pdf") {
		t.Error("civil-society asks for packs only, got a brief")
	}
	m, err := batch.ReadManifest(out)
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Documents) != len(files)-3 || len(m.Documents) != len(res.Written) {
		t.Fatalf("manifest has %d documents, tree %d files, result %d", len(m.Documents), len(files)-3, len(res.Written))
	}
	for _, e := range m.Documents {
		b, err := os.ReadFile(filepath.Join(out, e.Path))
		if err != nil {
			t.Fatal(err)
		}
		sum := sha256.Sum256(b)
		if int64(len(b)) != e.Bytes || hex.EncodeToString(sum[:]) != e.SHA256 {
			t.Errorf("%s: manifest says %d bytes %s, file has %d bytes %x", e.Path, e.Bytes, e.SHA256, len(b), sum)
		}
	}
	csv, _ := os.ReadFile(filepath.Join(out, batch.ManifestCSV))
	if n := strings.Count(string(csv), "\n"); n != len(m.Documents)+1 {
		t.Errorf("manifest.csv has %d lines, want %d", n, len(m.Documents)+1)
	}
}

func TestBuildFilter(t *testing.T) {
	ds := load(t)
	sel := batch.Selection{Audiences: []string{"donors"}, Langs: []string{"es"}, Kinds: []statement.Kind{statement.KindBrief}, Formats: []statement.Format{statement.FormatPDF}}
	plan, err := batch.Plan(ds, sel, statement.PaperA4)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, j := range plan {
		got = append(got, fmt.Sprintf("%s %s %s %d %s %s", j.Audience, j.Lang, j.Kind, j.Rec, j.Format, j.Paper))
	}
	want := []string{"donors es brief 2 pdf letter", "donors es brief 4 pdf letter"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("plan:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	sel.Paper = statement.PaperA4
	plan, _ = batch.Plan(ds, sel, statement.PaperA4)
	if plan[0].Paper != statement.PaperA4 {
		t.Errorf("--paper a4 did not override the audience's letter")
	}
	for _, bad := range []batch.Selection{{Audiences: []string{"../../x"}}, {Langs: []string{"de"}}} {
		if _, err := batch.Plan(ds, bad, statement.PaperA4); err == nil {
			t.Errorf("Plan(%+v) gave no error", bad)
		}
	}
}

// TestPlanErrors: a selection the data cannot meet is a typed error that
// names what is missing and no command-line flag.
func TestPlanErrors(t *testing.T) {
	ds := load(t)
	for _, c := range []struct {
		sel   batch.Selection
		field batch.SelectionField
		msg   string
	}{
		{batch.Selection{Audiences: []string{"x"}}, batch.SelectAudiences, `no audience "x" in cartagena40.yaml (have: delegates, states, donors, civil-society)`},
		{batch.Selection{Langs: []string{"de"}}, batch.SelectLangs, `no "de" version of cartagena40.yaml (have: en, es)`},
		{batch.Selection{Recs: []string{"nope"}}, batch.SelectRecs, `no recommendation "nope" in cartagena40.yaml`},
	} {
		_, err := batch.Plan(ds, c.sel, statement.PaperA4)
		var se *batch.SelectionError
		if !errors.As(err, &se) || se.Field != c.field || err.Error() != c.msg {
			t.Errorf("Plan(%+v) = %v, want a *SelectionError about field %d: %s", c.sel, err, c.field, c.msg)
		}
	}
	_, err := batch.Plan(ds, batch.Selection{Audiences: []string{"donors"}, Kinds: []statement.Kind{statement.KindPack}, Recs: []string{"root-causes"}}, statement.PaperA4)
	if !errors.Is(err, batch.ErrNothing) {
		t.Errorf("a selection of nothing: %v, want ErrNothing", err)
	}
}

func TestBuildFailureLeavesOthers(t *testing.T) {
	ds := load(t)
	out := t.TempDir()
	run(t, ds, batch.Selection{}, out, fake{})
	victim := "delegates/en/cartagena40-rec3-address-international-protection-needs.pdf"
	before, err := os.ReadFile(filepath.Join(out, victim))
	if err != nil {
		t.Fatal(err)
	}
	res := run(t, ds, batch.Selection{}, out, fake{fail: func(d *doc.Doc) bool { return d.Meta.Kind == statement.KindBrief && d.Rec().Number == 3 }})
	if len(res.Failed) == 0 || len(res.Written) == 0 {
		t.Fatalf("failed %d, written %d", len(res.Failed), len(res.Written))
	}
	if !strings.Contains(res.Err().Error(), "does not fit one page") {
		t.Errorf("error does not give the reason: %v", res.Err())
	}
	after, err := os.ReadFile(filepath.Join(out, victim))
	if err != nil || !bytes.Equal(before, after) {
		t.Errorf("the previous good file was replaced or removed (err %v)", err)
	}
	for _, f := range testtool.Files(t, out) {
		if strings.HasSuffix(f, ".tmp") {
			t.Errorf("partial file left: %s", f)
		}
	}
	// A fresh folder: the failing documents leave nothing at all.
	out2 := t.TempDir()
	run(t, ds, batch.Selection{}, out2, fake{fail: func(d *doc.Doc) bool { return d.Meta.Kind == statement.KindBrief && d.Rec().Number == 3 }})
	for _, f := range testtool.Files(t, out2) {
		if strings.Contains(f, "-rec3-") || strings.HasSuffix(f, ".tmp") {
			t.Errorf("failed document left %s", f)
		}
	}
}

// TestBuildRendererPanic: a renderer that panics halfway through a
// document fails that document only, like an error would.
func TestBuildRendererPanic(t *testing.T) {
	ds := load(t)
	out := t.TempDir()
	run(t, ds, batch.Selection{}, out, fake{})
	victim := "delegates/en/cartagena40-rec3-address-international-protection-needs.pdf"
	before, err := os.ReadFile(filepath.Join(out, victim))
	if err != nil {
		t.Fatal(err)
	}
	all := testtool.Files(t, out)
	res := run(t, ds, batch.Selection{}, out, fake{panic: func(d *doc.Doc) bool { return d.Meta.Kind == statement.KindBrief && d.Rec().Number == 3 }})
	if len(res.Failed) == 0 || len(res.Written) == 0 {
		t.Fatalf("failed %d, written %d", len(res.Failed), len(res.Written))
	}
	for _, f := range res.Failed {
		if !strings.Contains(f.Job.Path, "-rec3-") || !strings.Contains(f.Err.Error(), "internal error (please report it): renderer bug") {
			t.Errorf("failure: %v", f)
		}
	}
	after, err := os.ReadFile(filepath.Join(out, victim))
	if err != nil || !bytes.Equal(before, after) {
		t.Errorf("the previous good file was replaced or removed (err %v)", err)
	}
	if got := testtool.Files(t, out); strings.Join(got, "\n") != strings.Join(all, "\n") {
		t.Errorf("files after the failed build:\n%v\nwant the same as before:\n%v", got, all)
	}
}

func TestBuildPrunesOnlyItsOwnFiles(t *testing.T) {
	ds := load(t)
	out := t.TempDir()
	run(t, ds, batch.Selection{}, out, fake{})
	mine := filepath.Join(out, "delegates", "notes.txt")
	os.WriteFile(mine, []byte("mine"), 0o644)
	// Drop the donors audience: its files go, the user's file stays.
	ds.Base.Audiences = ds.Base.Audiences[:2]
	res := run(t, ds, batch.Selection{}, out, fake{})
	if len(res.Removed) == 0 {
		t.Fatal("nothing pruned")
	}
	for _, f := range testtool.Files(t, out) {
		if strings.HasPrefix(f, "donors/") || strings.HasPrefix(f, "civil-society/") {
			t.Errorf("stale file kept: %s", f)
		}
	}
	if _, err := os.Stat(filepath.Join(out, "donors")); !os.IsNotExist(err) {
		t.Errorf("empty folder donors/ kept")
	}
	if _, err := os.Stat(mine); err != nil {
		t.Errorf("a file the build did not make was touched: %v", err)
	}
	// A narrowed build keeps what is out of its scope.
	n := len(testtool.Files(t, out))
	run(t, ds, batch.Selection{Langs: []string{"es"}, Formats: []statement.Format{statement.FormatPDF}}, out, fake{})
	if got := len(testtool.Files(t, out)); got != n {
		t.Errorf("narrowed rebuild changed the tree from %d to %d files", n, got)
	}
}

func TestBuildDeterministic(t *testing.T) {
	ds := load(t)
	a, b := t.TempDir(), t.TempDir()
	run(t, ds, batch.Selection{}, a, fake{})
	run(t, ds, batch.Selection{}, b, fake{})
	for _, f := range testtool.Files(t, a) {
		x, _ := os.ReadFile(filepath.Join(a, f))
		y, _ := os.ReadFile(filepath.Join(b, f))
		if !bytes.Equal(x, y) {
			t.Errorf("%s differs between two builds", f)
		}
	}
}

func TestSlug(t *testing.T) {
	for in, want := range map[string]string{
		"Protección internacional":  "proteccion-internacional",
		"../../etc/passwd":          "etc-passwd",
		"Ñandú   & Co.":             "nandu-co",
		"":                          "",
		"Straße  Ærø":               "strasse-aero",
		strings.Repeat("word ", 30): "word-word-word-word-word-word-word-word-word",
		// Cut short, a name ends on a word that ends a phrase (issue 21).
		"Invest in the inclusion and integration through alternative, comprehensive, and durable solutions": "invest-in-the-inclusion-and-integration",
		"Address the root causes of displacement through international cooperation":                         "address-the-root-causes-of-displacement",
		"Abordar las necesidades de protección internacional derivadas del desplazamiento":                  "abordar-las-necesidades-de-proteccion",
	} {
		if got := batch.Slug(in); got != want {
			t.Errorf("Slug(%q) = %q, want %q", in, got, want)
		}
	}
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// fitter is a fake that counts the documents it fits.
type fitter struct {
	fake
	mu     sync.Mutex
	fitted []*doc.Doc
}

func (f *fitter) Fit(ctx context.Context, d *doc.Doc) error {
	f.mu.Lock()
	f.fitted = append(f.fitted, d)
	f.mu.Unlock()
	return f.fake.Fit(ctx, d)
}

// TestFit: Fit fits each brief once per recommendation, language, paper
// and format (as the first job asking for it), each pack (its cover), and
// lists the documents that do not fit in plan order.
func TestFit(t *testing.T) {
	ds := load(t)
	plan, err := batch.Plan(ds, batch.Selection{}, statement.PaperA4)
	if err != nil {
		t.Fatal(err)
	}
	type key struct {
		kind           statement.Kind
		lang, rec, aud string
		paper          statement.Paper
		format         statement.Format
	}
	seen := map[key]bool{}
	var want, wantFailed []string
	for _, j := range plan {
		k := key{j.Kind, j.Lang, j.RecID, "", j.Paper, j.Format}
		if j.Kind == statement.KindPack {
			k.aud = j.Audience // each pack's cover
		}
		if seen[k] {
			continue
		}
		seen[k] = true
		want = append(want, j.Path)
		if j.Paper == statement.PaperLetter {
			wantFailed = append(wantFailed, j.Path)
		}
	}
	if len(wantFailed) == 0 || len(wantFailed) == len(want) {
		t.Fatalf("the data has %d briefs on letter of %d: want some", len(wantFailed), len(want))
	}
	f := &fitter{fake: fake{fail: func(d *doc.Doc) bool { return d.Meta.Paper == statement.PaperLetter }}}
	res := batch.Fit(context.Background(), ds, plan, batch.Options{
		Jobs:      3,
		Renderers: map[statement.Format]batch.Renderer{statement.FormatPDF: f, statement.FormatDOCX: f},
	})
	if res.Planned != len(want) || len(f.fitted) != len(want) || len(res.Written) != 0 {
		t.Errorf("fitted %d (Planned %d, written %d), want %d", len(f.fitted), res.Planned, len(res.Written), len(want))
	}
	var failed []string
	for _, fl := range res.Failed {
		failed = append(failed, fl.Job.Path)
	}
	if strings.Join(failed, "\n") != strings.Join(wantFailed, "\n") {
		t.Errorf("failed:\n%s\nwant:\n%s", strings.Join(failed, "\n"), strings.Join(wantFailed, "\n"))
	}
}
