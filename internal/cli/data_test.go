package cli_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"briefing/internal/testtool"
)

// The tests in this file run the built binary on data a user writes
// (issue 21, "Data friction").

// runBin runs the built binary with stdin as its standard input and
// returns its exit status, stdout and stderr.
func runBin(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	return runBinIn(t, "", stdin, args...)
}

// runBinIn is runBin in folder dir.
func runBinIn(t *testing.T, dir, stdin string, args ...string) (int, string, string) {
	t.Helper()
	// None of these runs takes long: a hang (watch reading nothing) ends.
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, binary(t), args...)
	cmd.Dir = dir
	cmd.Stdin = strings.NewReader(stdin)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	var ee *exec.ExitError
	if err != nil && !errors.As(err, &ee) {
		t.Fatal(err)
	}
	return cmd.ProcessState.ExitCode(), out.String(), errb.String()
}

// unnumbered is a statement whose recommendations write no number.
const unnumbered = `id: unnumbered
lang: en
title: A statement
organisation: {name: Example Council, website: https://example.org}
date: 2024-06-21
source: https://example.org/statement
recommendations:
  - id: first
    title: Do the first thing
    body: [One paragraph.]
  - id: second
    title: Do the second thing
    body: [One paragraph.]
  - id: third
    title: Do the third thing
    body: [One paragraph.]
audiences:
  - {id: states, name: States, formats: [pdf]}
`

// TestDataNumberOptional: a recommendation's number is its position, so a
// file need not write it (it was required); one written must still agree.
func TestDataNumberOptional(t *testing.T) {
	dir := t.TempDir()
	data := write(t, dir, "st.yaml", unnumbered)
	code, stdout, stderr := runBin(t, "", "check", "--data", data)
	if code != 0 || strings.Contains(stderr, "number") {
		t.Fatalf("check: exit %d\n%s%s", code, stdout, stderr)
	}
	code, stdout, stderr = runBin(t, "", "list", "--json", "--data", data)
	var l struct {
		Recommendations []struct {
			Number int
			ID     string
		}
	}
	if err := json.Unmarshal([]byte(stdout), &l); code != 0 || err != nil {
		t.Fatalf("list: exit %d, %v\n%s", code, err, stderr)
	}
	for i, r := range l.Recommendations {
		if r.Number != i+1 {
			t.Errorf("%s: number %d, want %d", r.ID, r.Number, i+1)
		}
	}
	code, stdout, stderr = runBin(t, "", "build", "--dry-run", "--data", data, "--out", filepath.Join(dir, "out"))
	if code != 0 || !strings.Contains(stdout, "unnumbered-rec3-do-the-third-thing.pdf") {
		t.Errorf("dry run: exit %d\n%s%s", code, stdout, stderr)
	}

	// Written, a number must agree with the position.
	s := strings.Replace(unnumbered, "  - id: second\n", "  - id: second\n    number: 3\n", 1)
	data = write(t, dir, "st.yaml", s)
	code, _, stderr = runBin(t, "", "check", "--data", data)
	want := data + ":12:13: recommendations[1].number: number 3 out of order: want 2"
	if code != 1 || !strings.Contains(stderr, want) {
		t.Errorf("wrong number: exit %d, stderr:\n%s\nwant it to contain:\n%s", code, stderr, want)
	}
}

// starterFR is a French translation of the starter init writes: every
// text but the organisation's names, which are the same in French.
const starterFR = `lang: fr
translation: {official: false, note: Traduction non officielle}
title: La sécurité de l'eau pour les villes côtières
subtitle: Déclaration de l'Alliance à la Conférence ministérielle régionale sur l'eau
organisation:
  contact:
    role: Équipe politique
place: Lisbonne
event: Conférence ministérielle régionale sur l'eau
context:
  - Les villes côtières abritent une part croissante de la population.
  - L'**Alliance** réunit services publics, villes et associations.
figures:
  - id: people
    value: 48 millions
    label: de personnes vivent dans les villes côtières
    source: Recensement régional, 2024
  - id: wells
    value: 1 sur 5
    label: puits municipaux montrent une salinité croissante
    source: Enquête de l'Alliance, 2024
quotes:
  - id: chair
    text: Chaque ville de notre alliance a un plan pour la prochaine crue.
    role: Présidente de l'Alliance
  - id: engineer
    text: Nous pompons davantage chaque été.
    role: Ingénieur de l'eau, service municipal
recommendations:
  - id: protect-aquifers
    title: Protéger les nappes côtières
    body:
      - Financer la surveillance de chaque puits municipal.
      - Limiter les prélèvements là où le sel progresse.
    asks:
      - Un réseau régional de surveillance d'ici 2027.
      - Des limites de prélèvement convenues.
  - id: drain-for-tomorrow
    title: Construire le drainage pour les tempêtes de demain
    body:
      - Concevoir le drainage pour les pluies de 2050.
  - id: finance-local
    title: Financer ce que les villes peuvent réaliser
    body:
      - Ouvrir le financement climatique aux services municipaux.
audiences:
  - id: ministers
    name: Ministres et délégations
    pack_label: Dossier des délégués
  - id: funders
    name: Bailleurs et banques de développement
    note: Préparé pour la table ronde des bailleurs.
    contact:
      role: Présidente
closing:
  - Nous sommes prêts à travailler avec chaque gouvernement.
`

// initWithFR writes the starter and starterFR into a new folder and
// returns the starter's statement.yaml.
func initWithFR(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if code, _, stderr := runBin(t, "", "init", dir); code != 0 {
		t.Fatalf("init: %s", stderr)
	}
	write(t, dir, "statement.fr.yaml", starterFR)
	return filepath.Join(dir, "statement.yaml")
}

// TestDataNamesSame: a translation that leaves out the organisation's
// name and short name (names, the same in French) leaves nothing
// untranslated: check warns of nothing (it gave 2 warnings per language,
// 25 on the built-in statement) and list says the language is complete.
func TestDataNamesSame(t *testing.T) {
	data := initWithFR(t)
	code, stdout, stderr := runBin(t, "", "check", "--data", data)
	if code != 0 || stderr != "" || strings.Contains(stdout, "warning") {
		t.Errorf("check: exit %d\n%s%s", code, stdout, stderr)
	}
	code, stdout, stderr = runBin(t, "", "list", "--data", data)
	if code != 0 || !strings.Contains(stdout, "fr (unofficial, complete)") {
		t.Errorf("list: exit %d\n%s%s", code, stdout, stderr)
	}
}

// TestDataFallback: an audience asking for a language with no translation
// beside the data is an error at the audience's language, in check and
// build, and nothing is written (it made a de/ folder of English
// documents with one warning); the audience's fallback: true, or
// --allow-fallback, makes it a warning and the documents in English.
func TestDataFallback(t *testing.T) {
	dir := t.TempDir()
	if code, _, stderr := runBin(t, "", "init", dir); code != 0 {
		t.Fatalf("init: %s", stderr)
	}
	data := filepath.Join(dir, "statement.yaml")
	b, err := os.ReadFile(data)
	if err != nil {
		t.Fatal(err)
	}
	asks := strings.Replace(string(b), "    paper: letter ", "    languages: [en, de]\n    paper: letter ", 1)
	write(t, dir, "statement.yaml", asks)
	line := strconv.Itoa(1 + strings.Count(asks[:strings.Index(asks, "languages: [en, de]")], "\n"))
	want := "error: " + data + ":" + line + ":21: audiences[1].languages[1]: no de translation (no statement.de.yaml beside this file): write it, take de out of languages, or add fallback: true to the audience (or pass --allow-fallback) to make the de documents in en\nbriefing: 1 problem\n"
	out := filepath.Join(dir, "out")
	for _, args := range [][]string{{"check"}, {"build", "--out", out}} {
		code, _, stderr := runBin(t, "", append(args, "--data", data)...)
		if code != 1 || stderr != want {
			t.Errorf("%s: exit %d, stderr:\n%s\nwant:\n%s", args[0], code, stderr, want)
		}
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("build wrote %s", out)
	}
	for _, c := range []struct {
		name string
		data string
		args []string
	}{
		{"fallback: true", strings.Replace(asks, "languages: [en, de]\n", "languages: [en, de]\n    fallback: true\n", 1), nil},
		{"--allow-fallback", asks, []string{"--allow-fallback"}},
	} {
		write(t, dir, "statement.yaml", c.data)
		code, _, stderr := runBin(t, "", append([]string{"check", "--data", data}, c.args...)...)
		if code != 0 || !strings.Contains(stderr, "no de translation (no statement.de.yaml beside this file); the de documents will be in en") {
			t.Errorf("%s: check: exit %d\n%s", c.name, code, stderr)
		}
		code, _, stderr = runBin(t, "", append([]string{"build", "-q", "--data", data, "--out", out, "--audience", "funders"}, c.args...)...)
		if code != 0 || !strings.Contains(stderr, "the de documents") {
			t.Errorf("%s: build: exit %d\n%s", c.name, code, stderr)
		}
		if pdfs, _ := filepath.Glob(filepath.Join(out, "funders", "de", "*.pdf")); len(pdfs) != 2 {
			t.Errorf("%s: de briefs: %v", c.name, pdfs)
		}
	}
}

// TestDataWarningsGrouped: the fields a translation leaves out are one
// warning per file with a count, worded the same by check and build (check
// printed a line per field, build five of them); -v lists each at its
// file:line:col; check prints them with the data's errors too (it hid
// them whenever there was an error).
func TestDataWarningsGrouped(t *testing.T) {
	dir := t.TempDir()
	if code, _, stderr := runBin(t, "", "init", dir); code != 0 {
		t.Fatalf("init: %s", stderr)
	}
	data := filepath.Join(dir, "statement.yaml")
	fr := write(t, dir, "statement.fr.yaml", "lang: fr\ntranslation: {official: false}\ntitle: La sécurité de l'eau\n")
	head := regexp.MustCompile(`^warning: ` + regexp.QuoteMeta(fr) + `: (\d+) fields untranslated, printed in English`)
	out := filepath.Join(dir, "out")
	for _, args := range [][]string{{"check"}, {"build", "-q", "--out", out, "--format", "pdf"}} {
		code, _, stderr := runBin(t, "", append(args, "--data", data)...)
		m := head.FindStringSubmatch(stderr)
		if code != 0 || m == nil || stderr != m[0]+" (list them with -v)\n" {
			t.Errorf("%s: exit %d, stderr:\n%s", args[0], code, stderr)
			continue
		}
		code, _, stderr = runBin(t, "", append(args, "--data", data, "-v")...)
		lines := strings.Split(strings.TrimSuffix(stderr, "\n"), "\n")
		if code != 0 || head.FindStringSubmatch(lines[0]) == nil || !strings.HasSuffix(lines[0], ":") || strconv.Itoa(len(lines)-1) != m[1] {
			t.Errorf("%s -v: exit %d, want %s fields listed:\n%s", args[0], code, m[1], stderr)
		}
		if want := "  " + data + ":21:11: subtitle"; !slices.Contains(lines, want) {
			t.Errorf("%s -v: no line %q:\n%s", args[0], want, stderr)
		}
	}

	// With an error in the data, check still prints the warning.
	b, _ := os.ReadFile(data)
	write(t, dir, "statement.yaml", strings.Replace(string(b), "date: 2025-03-22", "date: 2025-02-30", 1))
	code, _, stderr := runBin(t, "", "check", "--data", data)
	if code != 1 || head.FindStringSubmatch(stderr) == nil || !strings.Contains(stderr, `date: "2025-02-30": February 2025 has 28 days`) {
		t.Errorf("check with an error: exit %d, stderr:\n%s", code, stderr)
	}
}

// TestDataPathSuggest: a --data, --brand or --layout path that is not a
// file is answered with the file the user likely meant: a typo's nearest
// name, or the usual file in a folder (it said "no such file", or read
// the folder as a file).
func TestDataPathSuggest(t *testing.T) {
	dir := t.TempDir()
	proj := filepath.Join(dir, "mydir")
	if code, _, stderr := runBin(t, "", "init", proj); code != 0 {
		t.Fatalf("init: %s", stderr)
	}
	empty := filepath.Join(dir, "empty")
	if err := os.Mkdir(empty, 0o755); err != nil {
		t.Fatal(err)
	}
	data := filepath.Join(proj, "statement.yaml")
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--data", filepath.Join(proj, "statment.yaml")}, filepath.Join(proj, "statment.yaml") + ": no such file; did you mean --data " + data + "?"},
		{[]string{"--data", filepath.Join(dir, "mydri", "statment.yaml")}, filepath.Join(dir, "mydri", "statment.yaml") + ": no such file; did you mean --data " + data + "?"},
		{[]string{"--data", proj}, proj + ": is a folder; did you mean --data " + data + "?"},
		{[]string{"--data", empty}, empty + ": is a folder, not a file; name the file in it, e.g. --data " + filepath.Join(empty, "statement.yaml")},
		{[]string{"--data", filepath.Join(dir, "nothing.yaml")}, filepath.Join(dir, "nothing.yaml") + ": no such file"},
		{[]string{"--data", data, "--brand", filepath.Join(proj, "brnd.yaml")}, filepath.Join(proj, "brnd.yaml") + ": no such file; did you mean --brand " + filepath.Join(proj, "brand.yaml") + "?"},
		{[]string{"--data", data, "--layout", proj}, proj + ": is a folder; did you mean --layout " + filepath.Join(proj, "layout.yaml") + "?"},
	} {
		code, _, stderr := runBin(t, "", append([]string{"check"}, c.args...)...)
		if code != 1 || stderr != "error: "+c.want+"\nbriefing: 1 problem\n" {
			t.Errorf("check %v: exit %d, stderr:\n%s\nwant:\n%s", c.args, code, stderr, c.want)
		}
		if len(c.args) == 2 {
			// list reads the data, and the layout only for the paper.
			code, _, stderr := runBin(t, "", append([]string{"list"}, c.args...)...)
			if code != 1 || !strings.Contains(stderr, c.want+"\n") {
				t.Errorf("list %v: exit %d, stderr:\n%s\nwant:\n%s", c.args, code, stderr, c.want)
			}
		}
	}
}

// TestDataStdin: --data - reads the statement from standard input (it was
// "no such file"), named <stdin> in messages; nothing is looked for
// beside it (no translation, brand or layout in the current folder), and
// watch refuses it.
func TestDataStdin(t *testing.T) {
	dir := t.TempDir()
	// Beside the current folder's statement.yaml: a translation and a
	// brand that would be read, and refused, were they looked for.
	write(t, dir, "statement.yaml", unnumbered)
	write(t, dir, "statement.fr.yaml", "lang: fr\nbad: [\n")
	write(t, dir, "brand.yaml", "colors: {primary: not-a-colour}\n")
	write(t, dir, "layout.yaml", "paper: a3\n")
	code, stdout, stderr := runBinIn(t, dir, unnumbered, "check", "--data", "-")
	if code != 0 || !strings.HasPrefix(stdout, "<stdin>: ok: 3 recommendations, 1 audiences, languages [en], 4 documents") {
		t.Errorf("check: exit %d\n%s%s", code, stdout, stderr)
	}
	code, _, stderr = runBinIn(t, dir, unnumbered, "build", "-q", "--data", "-", "--out", "out")
	if code != 0 {
		t.Errorf("build: exit %d\n%s", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "out", "states", "en", "unnumbered-rec1-do-the-first-thing.pdf")); err != nil {
		t.Errorf("build: %v", err)
	}
	code, stdout, stderr = runBinIn(t, dir, unnumbered, "list", "--json", "--data", "-")
	var l struct{ File string }
	if err := json.Unmarshal([]byte(stdout), &l); code != 0 || err != nil || l.File != "<stdin>" {
		t.Errorf("list: exit %d, %v\n%s%s", code, err, stdout, stderr)
	}
	bad := strings.Replace(unnumbered, "date: 2024-06-21", "date: 2024-02-30", 1)
	code, _, stderr = runBinIn(t, dir, bad, "check", "--data", "-")
	if want := "error: <stdin>:5:7: date: \"2024-02-30\": February 2024 has 29 days\nbriefing: 1 problem\n"; code != 1 || stderr != want {
		t.Errorf("bad data: exit %d, stderr:\n%s\nwant:\n%s", code, stderr, want)
	}
	code, _, stderr = runBinIn(t, dir, unnumbered, "watch", "--data", "-")
	if code != 2 || !strings.Contains(stderr, "--data -: standard input is read once and cannot be watched") {
		t.Errorf("watch: exit %d\n%s", code, stderr)
	}
}

// TestDataSyntaxAtBracket: a [ never closed is reported on its own line
// (a list opened on line 10 was reported at 11:3, where the parser gave
// up), by check and build alike.
func TestDataSyntaxAtBracket(t *testing.T) {
	dir := t.TempDir()
	s := strings.Replace(unnumbered, "    body: [One paragraph.]\n  - id: second", "    body: [One paragraph.\n  - id: second", 1)
	data := write(t, dir, "st.yaml", s)
	want := "error: " + data + ":10:11: syntax error: this [ is never closed; close it with ], or put text that starts with [ in quotes\nbriefing: 1 problem\n"
	for _, args := range [][]string{{"check"}, {"build", "--out", filepath.Join(dir, "out")}} {
		code, _, stderr := runBin(t, "", append(args, "--data", data)...)
		if code != 1 || stderr != want {
			t.Errorf("%s: exit %d, stderr:\n%s\nwant:\n%s", args[0], code, stderr, want)
		}
	}
}

// TestDataListComplete: list calls a language complete only when nothing
// of its documents falls back: a translation of every field into a
// language without built-in labels prints its headings and dates in
// English (list said "complete"); a quote's role left out is counted,
// and translated it is printed, the speaker's role in French.
func TestDataListComplete(t *testing.T) {
	pdftotext := testtool.Need(t, "pdftotext")
	data := initWithFR(t)
	dir := filepath.Dir(data)
	languages := func() (string, map[string]bool) {
		t.Helper()
		code, table, stderr := runBin(t, "", "list", "--data", data)
		if code != 0 {
			t.Fatalf("list: %s", stderr)
		}
		code, js, stderr := runBin(t, "", "list", "--json", "--data", data)
		var l struct {
			Languages []struct {
				Lang     string
				Complete bool
			}
		}
		if err := json.Unmarshal([]byte(js), &l); code != 0 || err != nil {
			t.Fatalf("list --json: %v\n%s", err, stderr)
		}
		complete := map[string]bool{}
		for _, x := range l.Languages {
			complete[x.Lang] = x.Complete
		}
		line, _, _ := strings.Cut(table[strings.Index(table, "Languages"):], "\n")
		return line, complete
	}

	line, complete := languages()
	if line != "Languages  en (base), fr (unofficial, complete)" || !complete["en"] || !complete["fr"] {
		t.Errorf("fr in full: %q, %v", line, complete)
	}
	code, _, stderr := runBin(t, "", "build", "-q", "--data", data, "--out", filepath.Join(dir, "out"), "--audience", "ministers", "--lang", "fr", "--rec", "1", "--format", "pdf")
	briefs, _ := filepath.Glob(filepath.Join(dir, "out", "ministers", "fr", "coastal-water-rec1-*.pdf"))
	if code != 0 || len(briefs) != 1 {
		t.Fatalf("build: %v\n%s", briefs, stderr)
	}
	text, err := exec.Command(pdftotext, briefs[0], "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(text), "Ingénieur de l'eau") || strings.Contains(string(text), "Water engineer") {
		t.Errorf("the quote's role is not in French:\n%s", text)
	}

	// The role left out: counted, not complete.
	write(t, dir, "statement.fr.yaml", strings.Replace(starterFR, "    role: Ingénieur de l'eau, service municipal\n", "", 1))
	if line, complete := languages(); line != "Languages  en (base), fr (unofficial, 1 field untranslated)" || complete["fr"] {
		t.Errorf("fr without a quote's role: %q, %v", line, complete)
	}

	// Every field in German, which has no built-in labels: not complete.
	os.Remove(filepath.Join(dir, "statement.fr.yaml"))
	write(t, dir, "statement.de.yaml", strings.Replace(starterFR, "lang: fr\n", "lang: de\n", 1))
	if line, complete := languages(); line != "Languages  en (base), de (unofficial, headings and dates in English)" || complete["de"] {
		t.Errorf("de: %q, %v", line, complete)
	}
}
