package cli_test

import (
	"archive/zip"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"briefing/internal/cli"
	"briefing/internal/testtool"
)

// cartagena is the built-in statement's base file, to copy without its
// translation: its audiences name no languages, so that they get the
// base language only (an audience asking for es without a translation
// beside the data is an error; see cartagenaFile).
func cartagena(t *testing.T) string {
	t.Helper()
	return regexp.MustCompile(`(?m)^    languages: .*\n`).ReplaceAllString(cartagenaFile(t), "")
}

// cartagenaFile is the built-in statement's base file as it is.
func cartagenaFile(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "data", "cartagena40.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestHelpOnce(t *testing.T) {
	for _, args := range [][]string{{"build", "--help"}, {"check", "-h"}, {"help", "watch"}, {"--data", "x.yaml", "list", "--help"}} {
		code, stdout, _ := run(t, args...)
		if code != 0 || strings.Count(stdout, "Examples:") != 1 || strings.Count(stdout, "Flags:") != 1 {
			t.Errorf("%v: exit %d, want the help once:\n%s", args, code, stdout)
		}
	}
	for _, args := range [][]string{{"--help"}, {"-h"}, {"help"}} {
		code, stdout, _ := run(t, args...)
		if code != 0 || strings.Count(stdout, "Commands:") != 1 || !strings.Contains(stdout, "Examples:") {
			t.Errorf("%v: exit %d, want the command list once:\n%s", args, code, stdout)
		}
		for _, c := range []string{"build", "check", "list", "watch", "init", "schema", "completion", "version"} {
			if !strings.Contains(stdout, "\n  "+c+" ") {
				t.Errorf("%v: command %s not listed", args, c)
			}
		}
	}
}

func TestVersion(t *testing.T) {
	for _, args := range [][]string{{"--version"}, {"-V"}, {"version"}} {
		code, stdout, _ := run(t, args...)
		if code != 0 || !strings.HasPrefix(stdout, "briefing 0.") || strings.Count(stdout, "\n") != 2 || !strings.Contains(stdout, "PDF font shortcut: ") {
			t.Errorf("%v: exit %d, %q", args, code, stdout)
		}
		// A test binary records no revision: version says so (issue 21).
		if !strings.Contains(stdout, "rev ") && !strings.Contains(stdout, "no VCS stamp") {
			t.Errorf("%v: neither a revision nor \"no VCS stamp\": %q", args, stdout)
		}
	}
}

// TestSuggestions: a typo in a command, flag or value is a usage error
// (exit 2) that names the likely intent.
func TestSuggestions(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"buidl"}, `unknown command "buidl"; did you mean "build"?`},
		{[]string{"chek"}, `did you mean "check"?`},
		{[]string{"build", "--audiance", "donors"}, "unknown flag --audiance; did you mean --audience?"},
		{[]string{"check", "--lnag", "es"}, "did you mean --lang?"},
		{[]string{"build", "--dry-run", "--kind", "breif"}, `--kind: unknown value "breif"; did you mean "brief"?`},
		{[]string{"build", "--dry-run", "--format", "pfd"}, `did you mean "pdf"?`},
		{[]string{"build", "--dry-run", "--paper", "leter"}, `did you mean "letter"?`},
		{[]string{"build", "--dry-run", "--audience", "donrs"}, `--audience: no audience "donrs" in data/cartagena40.yaml; did you mean "donors"?`},
		{[]string{"build", "--dry-run", "--lang", "esp"}, `did you mean "es"?`},
		{[]string{"build", "--dry-run", "--rec", "root-cause"}, `--rec: no recommendation "root-cause" in data/cartagena40.yaml; did you mean "root-causes"?`},
		{[]string{"schema", "brnad"}, `did you mean "brand"?`},
		{[]string{"completion", "bsh"}, `did you mean "bash"?`},
		{[]string{"build", "--data", ""}, "--data: empty"},
		{[]string{"build", "--out", ""}, "--out: empty"},
		{[]string{"check", "--brand="}, "--brand: empty"},
		{[]string{"list", "extra"}, `unexpected argument "extra"`},
		// Short flags are reported as typed (issue 21).
		{[]string{"build", "-x"}, "unknown flag -x\n"},
		{[]string{"list", "-v"}, "unknown flag -v (the version is briefing -V)"},
		{[]string{"build", "-Q"}, "unknown flag -Q; did you mean -q (--quiet)?"},
		{[]string{"build", "--hlep"}, "unknown flag --hlep; did you mean --help?"},
		{[]string{"build", "-data", "f.yaml"}, "unknown flag -data: long flags take two dashes: --data"},
		{[]string{"build", "--rec", "3", "--kind", "pack"}, "nothing to build: --rec picks recommendations' briefs, and --kind pack asks for no briefs (drop --rec to build packs)"},
		{[]string{"build", "-C", "x"}, "-C comes first: briefing -C DIR [COMMAND] [flags]"},
		{[]string{"build", "--jobs", "-3"}, "--jobs: want a number of documents made at once (0, the default, is one per core), got -3"},
	} {
		// Through the built binary, as a user types it.
		code, stdout, stderr := runBinIn(t, "", "", c.args...)
		if code != cli.ExitUsage || !strings.Contains(stderr, c.want) || stdout != "" {
			t.Errorf("%q: exit %d (want 2), stdout %q, stderr:\n%s\nwant %q", c.args, code, stdout, stderr, c.want)
		}
	}
}

// TestValuesForgiving: ids and codes ignore case, comma lists ignore
// spaces, recommendations go by number or id, flags may come before the
// command.
func TestValuesForgiving(t *testing.T) {
	want := func(args []string, n string) {
		t.Helper()
		code, stdout, stderr := run(t, args...)
		if code != 0 || !strings.Contains(stdout, "\n"+n+" documents (dry run") {
			t.Errorf("%q: exit %d, want %s documents:\n%s%s", args, code, n, stdout, stderr)
		}
	}
	want([]string{"build", "--dry-run", "--audience", "Donors", "--lang", "ES", "--format", "PDF", "--kind", "Brief"}, "2")
	want([]string{"build", "--dry-run", "--audience", "donors", "--lang", "en, es", "--format", "pdf", "--kind", "brief"}, "4")
	want([]string{"build", "--dry-run", "--rec", "2", "--lang", "en", "--format", "pdf"}, "3")
	want([]string{"build", "--dry-run", "--rec", "Inclusion-And-Integration", "--lang", "en", "--format", "pdf"}, "3")
	want([]string{"build", "--dry-run", "--rec", "1, 4", "--audience", "donors", "--format", "docx"}, "2")
	want([]string{"--lang", "es", "--format", "pdf", "--kind", "pack", "build", "--dry-run"}, "4")
	want([]string{"--dry-run", "--audience", "donors", "--kind", "pack", "--lang", "en", "--format", "pdf"}, "1")
	code, stdout, stderr := run(t, "--lang", "es", "check", "-q")
	if code != 0 || stdout != "" || stderr != "" {
		t.Errorf("flags before check: exit %d\n%s%s", code, stdout, stderr)
	}
}

// TestRecBuild: --rec builds that recommendation's briefs and no pack, and
// a rebuild narrowed to it prunes nothing else.
func TestRecBuild(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out")
	if code, _, stderr := run(t, "build", "--out", out, "--audience", "donors", "--format", "pdf", "--lang", "en", "-q"); code != 0 {
		t.Fatal(stderr)
	}
	before := testtool.Files(t, out)
	if code, _, stderr := run(t, "build", "--out", out, "--rec", "4", "--format", "pdf", "-q"); code != 0 {
		t.Fatal(stderr)
	}
	after := testtool.Files(t, out)
	for _, f := range before {
		if !strings.Contains(strings.Join(after, "\n"), f) {
			t.Errorf("--rec build removed %s", f)
		}
	}
	for _, f := range after {
		if strings.HasSuffix(f, ".pdf") && !strings.Contains(f, "-rec4-") && !strings.HasPrefix(f, "donors/en/") {
			t.Errorf("--rec 4 made %s", f)
		}
	}
}

// TestExitCodes: 0 ok, 1 bad input, 2 only for the command line.
func TestExitCodes(t *testing.T) {
	dir := t.TempDir()
	bad := write(t, dir, "bad.yaml", "id: x\n")
	for _, c := range []struct {
		args []string
		code int
	}{
		{[]string{"check"}, 0},
		{[]string{"check", "--data", bad}, 1},
		{[]string{"build", "--data", bad, "--out", filepath.Join(dir, "out")}, 1},
		{[]string{"check", "--data", filepath.Join(dir, "missing.yaml")}, 1},
		{[]string{"check", "--no-such-flag"}, 2},
		{[]string{"build", "--audience", "nobody", "--dry-run"}, 2},
	} {
		if code, _, stderr := run(t, c.args...); code != c.code {
			t.Errorf("%q: exit %d, want %d\n%s", c.args, code, c.code, stderr)
		}
	}
}

// TestCheckEqualsBuildNoTranslation: only the base file, though audiences
// ask for es: an error at each audience's es in check and build; with
// --allow-fallback, check warns and passes, build builds the es documents
// in English and says so; the dry run plans the same files.
func TestCheckEqualsBuildNoTranslation(t *testing.T) {
	dir := t.TempDir()
	data := write(t, dir, "cartagena40.yaml", cartagenaFile(t))
	out := filepath.Join(dir, "out")
	for _, args := range [][]string{{"check"}, {"build", "--out", out}} {
		code, _, stderr := run(t, append(args, "--data", data)...)
		if code != cli.ExitInput || !strings.Contains(stderr, data+":210:21: audiences[0].languages[1]: no es translation (no cartagena40.es.yaml beside this file)") ||
			!strings.HasSuffix(stderr, "briefing: 4 problems\n") {
			t.Errorf("%s: exit %d\n%s", args[0], code, stderr)
		}
	}
	code, stdout, stderr := run(t, "check", "--data", data, "--allow-fallback")
	if code != 0 || !strings.Contains(stderr, "the es documents will be in en") {
		t.Fatalf("check: exit %d\n%s%s", code, stdout, stderr)
	}
	code, dry, stderr := run(t, "build", "--data", data, "--out", out, "--dry-run", "--allow-fallback")
	if code != 0 {
		t.Fatalf("dry run: exit %d\n%s", code, stderr)
	}
	code, _, stderr = run(t, "build", "--data", data, "--out", out, "-q", "--allow-fallback")
	if code != 0 || !strings.Contains(stderr, "the es documents") {
		t.Fatalf("build: exit %d\n%s", code, stderr)
	}
	samePlan(t, dry, out)
}

// samePlan checks that a dry run's listing names exactly the documents
// built into out.
func samePlan(t *testing.T, dry, out string) {
	t.Helper()
	var planned []string
	for _, l := range strings.Split(dry, "\n") {
		if p, _, ok := strings.Cut(l, "\t"); ok {
			r, _ := filepath.Rel(out, p)
			planned = append(planned, filepath.ToSlash(r))
		}
	}
	var built []string
	for _, f := range testtool.Files(t, out) {
		if !strings.HasPrefix(f, "manifest.") && f != "index.html" {
			built = append(built, f)
		}
	}
	if len(planned) == 0 || strings.Join(sorted(planned), "\n") != strings.Join(built, "\n") {
		t.Errorf("dry run planned:\n%s\nbuild made:\n%s", strings.Join(planned, "\n"), strings.Join(built, "\n"))
	}
}

func sorted(s []string) []string {
	out := append([]string(nil), s...)
	for i := range out {
		for j := i + 1; j < len(out); j++ {
			if out[j] < out[i] {
				out[i], out[j] = out[j], out[i]
			}
		}
	}
	return out
}

// TestNoAudiences: a statement without audiences builds everything for the
// default audience "all".
func TestNoAudiences(t *testing.T) {
	dir := t.TempDir()
	s := cartagena(t)
	s = s[:strings.Index(s, "\naudiences:")] + "\n"
	s = regexp.MustCompile(`(?m)^    audiences: .*\n`).ReplaceAllString(s, "")
	data := write(t, dir, "st.yaml", s)
	if code, stdout, stderr := run(t, "check", "--data", data); code != 0 || !strings.Contains(stdout, "1 audiences") {
		t.Fatalf("check: exit %d\n%s%s", code, stdout, stderr)
	}
	out := filepath.Join(dir, "out")
	if code, _, stderr := run(t, "build", "--data", data, "--out", out, "-q"); code != 0 {
		t.Fatalf("build: exit %d\n%s", code, stderr)
	}
	files := testtool.Files(t, out)
	// 4 briefs and a pack, in PDF and DOCX, in the base language only (the
	// copy has no translation beside it), the manifests and index.html.
	if len(files) != 13 || !strings.HasPrefix(files[0], "all/en/cartagena40-pack.") {
		t.Errorf("built:\n%s", strings.Join(files, "\n"))
	}
}

// TestCheckOverflow: check and the dry run report the brief build would
// fail on, at the recommendation, and write nothing.
func TestCheckOverflow(t *testing.T) {
	dir := t.TempDir()
	long := strings.Repeat("Decision makers must proactively engage on how risks of harm arising from disasters could lead to non-refoulement obligations. ", 30)
	s := strings.Replace(cartagena(t), "    body:\n      - >-\n        Climate change", "    body:\n      - "+long+"\n      - "+long+"\n      - >-\n        Climate change", 1)
	data := write(t, dir, "st.yaml", s)
	for _, args := range [][]string{{"check", "--data", data}, {"build", "--dry-run", "--data", data, "--out", filepath.Join(dir, "out")}} {
		code, _, stderr := run(t, args...)
		if code != cli.ExitInput || !strings.Contains(stderr, data+":") || !strings.Contains(stderr, "recommendations[2].body: en (pdf,") ||
			!strings.Contains(stderr, "recommendation 3") || !strings.Contains(stderr, "does not fit one A4 page") {
			t.Errorf("%s: exit %d, stderr:\n%s", args[0], code, stderr)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "out")); !os.IsNotExist(err) {
		t.Errorf("the dry run wrote something")
	}
}

// TestCheckOnePass: structural errors and glyphs the fonts lack come out
// of one check.
func TestCheckOnePass(t *testing.T) {
	dir := t.TempDir()
	s := strings.Replace(cartagena(t), "lang: en\n", "lang: en\nsubtitel: oops\n", 1)
	s = strings.Replace(s, "place: Bogotá", "place: 难民保护", 1)
	data := write(t, dir, "st.yaml", s)
	code, _, stderr := run(t, "check", "--data", data)
	if code != 1 || !strings.Contains(stderr, `unknown field "subtitel"`) || !strings.Contains(stderr, `place: the fonts (Noto Sans) cannot draw "难民保护"`) {
		t.Errorf("exit %d, stderr:\n%s", code, stderr)
	}
}

// TestInputHygiene: an impossible date says so; decomposed text is
// composed before it is used.
func TestInputHygiene(t *testing.T) {
	dir := t.TempDir()
	s := strings.Replace(cartagena(t), "date: 2024-06-21", "date: 2024-02-30", 1)
	data := write(t, dir, "st.yaml", s)
	if code, _, stderr := run(t, "check", "--data", data); code != 1 || !strings.Contains(stderr, `date: "2024-02-30": February 2024 has 29 days`) {
		t.Errorf("exit %d, stderr:\n%s", code, stderr)
	}
	s = strings.Replace(cartagena(t), "title: Upholding the promises", "title: Nguye\u0302\u0303n upholding the promises", 1)
	data = write(t, dir, "st.yaml", s)
	code, stdout, stderr := run(t, "list", "--json", "--data", data)
	if code != 0 || !strings.Contains(stdout, "Nguy\u1ec5n upholding") {
		t.Errorf("exit %d, title not composed:\n%s%s", code, stdout, stderr)
	}
}

// TestListJSON: list --json is the statement for scripts.
func TestListJSON(t *testing.T) {
	code, stdout, stderr := run(t, "list", "--json")
	if code != 0 {
		t.Fatal(stderr)
	}
	var l struct {
		ID              string
		Languages       []struct{ Lang string }
		Recommendations []struct {
			Number int
			ID     string
		}
		Audiences []struct {
			ID              string
			Recommendations []string
			Paper           string
		}
	}
	if err := json.Unmarshal([]byte(stdout), &l); err != nil {
		t.Fatalf("%v\n%s", err, stdout)
	}
	if l.ID != "cartagena40" || len(l.Languages) != 2 || len(l.Recommendations) != 4 || l.Recommendations[3].ID != "root-causes" || len(l.Audiences) != 4 {
		t.Errorf("%+v", l)
	}
}

// TestCheckQuiet: check -q prints nothing when all is well, only the
// problems when not.
func TestCheckQuiet(t *testing.T) {
	if code, stdout, stderr := run(t, "check", "-q"); code != 0 || stdout != "" || stderr != "" {
		t.Errorf("exit %d, %q %q", code, stdout, stderr)
	}
	data := write(t, t.TempDir(), "bad.yaml", "id: x\n")
	if code, stdout, stderr := run(t, "check", "-q", "--data", data); code != 1 || stdout != "" || !strings.Contains(stderr, "title: required") {
		t.Errorf("exit %d, %q %q", code, stdout, stderr)
	}
}

// TestRebrand: a partial brand.yaml beside the data is found and laid over
// the built-in brand; the built-in brand on another organisation's
// statement is a warning.
func TestRebrand(t *testing.T) {
	dir := t.TempDir()
	s := strings.NewReplacer("name: Danish Refugee Council", "name: Example Council", "short_name: DRC", "short_name: EC").Replace(cartagena(t))
	data := write(t, dir, "st.yaml", s)
	code, _, stderr := run(t, "check", "--data", data)
	if code != 0 || !strings.Contains(stderr, `layouts/brand.yaml (built in):3:7: name: the brand is "Danish Refugee Council" but the statement's organisation is "Example Council"`) {
		t.Errorf("no warning for the built-in brand: exit %d\n%s", code, stderr)
	}
	write(t, dir, "brand.yaml", "name: Example Council\nshort_name: EC\nfooter: Example Council · example.org\n")
	write(t, dir, "layout.yaml", "margins: {left: 25}\n")
	code, _, stderr = run(t, "check", "--data", data)
	if code != 0 || strings.Contains(stderr, "the brand is") {
		t.Errorf("exit %d\n%s", code, stderr)
	}
	out := filepath.Join(dir, "out")
	if code, _, stderr := run(t, "build", "--data", data, "--out", out, "--audience", "delegates", "--lang", "en", "--format", "docx", "--kind", "pack", "-q"); code != 0 {
		t.Fatal(stderr)
	}
	doc := readZip(t, filepath.Join(out, "delegates", "en", "cartagena40-pack.docx"))
	if !strings.Contains(doc, "Example Council · example.org") || strings.Contains(doc, "Council · drc.ngo") || !strings.Contains(doc, `w:left="1417"`) {
		t.Errorf("the pack does not carry the new footer and left margin")
	}
	write(t, dir, "brand.yaml", "colors:\n  primary: blue\n")
	if code, _, stderr := run(t, "check", "--data", data); code != 1 || !strings.Contains(stderr, filepath.Join(dir, "brand.yaml")+":2:12: colors.primary") {
		t.Errorf("bad partial brand: exit %d\n%s", code, stderr)
	}
}

// readZip returns every XML part of a DOCX, concatenated.
func readZip(t *testing.T, p string) string {
	t.Helper()
	z, err := zip.OpenReader(p)
	if err != nil {
		t.Fatal(err)
	}
	defer z.Close()
	var b strings.Builder
	for _, f := range z.File {
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		io.Copy(&b, r)
		r.Close()
	}
	return b.String()
}

// TestInit: init writes a starter that checks clean and builds as written,
// each data file naming its schema on the first line, and never
// overwrites.
func TestInit(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "proj")
	code, stdout, stderr := run(t, "init", dir)
	if code != 0 {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	for _, f := range []string{"statement.yaml", "brand.yaml", "layout.yaml"} {
		b, err := os.ReadFile(filepath.Join(dir, f))
		if err != nil {
			t.Fatal(err)
		}
		first, _, _ := strings.Cut(string(b), "\n")
		kind := strings.TrimSuffix(f, ".yaml")
		if f == "statement.yaml" {
			kind = "statement"
		}
		if first != "# yaml-language-server: $schema=schema/"+kind+".schema.json" {
			t.Errorf("%s: first line %q", f, first)
		}
		if _, err := os.Stat(filepath.Join(dir, "schema", kind+".schema.json")); err != nil {
			t.Errorf("%s names a schema init did not write: %v", f, err)
		}
	}
	data := filepath.Join(dir, "statement.yaml")
	if !strings.Contains(stdout, "  cd "+dir+"\n  briefing check ") || !strings.Contains(stdout, "\n  briefing   ") {
		t.Errorf("init does not say what to do next:\n%s", stdout)
	}
	if code, _, stderr := run(t, "check", "--data", data); code != 0 || stderr != "" {
		t.Errorf("starter check: exit %d, want no warnings:\n%s", code, stderr)
	}
	out := filepath.Join(dir, "out")
	if code, _, stderr := run(t, "build", "--data", data, "--out", out, "-q"); code != 0 {
		t.Errorf("starter build: exit %d\n%s", code, stderr)
	}
	before, _ := os.ReadFile(data)
	os.WriteFile(filepath.Join(dir, "brand.yaml"), []byte("name: Mine\n"), 0o644)
	code, _, stderr = run(t, "init", dir)
	after, _ := os.ReadFile(data)
	mine, _ := os.ReadFile(filepath.Join(dir, "brand.yaml"))
	if code != 1 || !strings.Contains(stderr, "nothing written") || string(before) != string(after) || string(mine) != "name: Mine\n" {
		t.Errorf("second init: exit %d\n%s", code, stderr)
	}
	// init into an empty current folder by default.
	if code, _, stderr := run(t, "init", filepath.Join(t.TempDir(), "a", "b")); code != 0 {
		t.Errorf("init into a new nested folder: %s", stderr)
	}
}

// TestCompletion: each script is printed. What each completes is tested
// by pressing TAB in each shell (completion_test.go).
func TestCompletion(t *testing.T) {
	for _, sh := range []string{"bash", "zsh", "fish"} {
		code, stdout, stderr := run(t, "completion", sh)
		if code != 0 || !strings.Contains(stdout, "briefing") || !strings.Contains(stdout, "audience") {
			t.Errorf("%s: exit %d\n%s", sh, code, stderr)
		}
	}
}

// TestOutShort: -o is --out, as in pandoc, typst and go (issue 21).
func TestOutShort(t *testing.T) {
	out := filepath.Join(t.TempDir(), "o")
	if code, _, stderr := run(t, "build", "-q", "-o", out, "--rec", "1", "--format", "pdf", "--lang", "en", "--audience", "delegates"); code != 0 {
		t.Fatalf("build -o: %s", stderr)
	}
	if files, _ := filepath.Glob(filepath.Join(out, "delegates", "en", "*.pdf")); len(files) != 1 {
		t.Errorf("build -o %s made %v", out, files)
	}
}
