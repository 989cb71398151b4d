package cli_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

func TestList(t *testing.T) {
	code, stdout, stderr := run(t, "list", "--data", filepath.Join("..", "..", "briefing", "statement", "testdata", "valid", "translated.yaml"))
	want := `Statement  A translated statement
ID         translated
Date       2024-06-21
Languages  en (base), es (unofficial, 2 fields untranslated)

Recommendations (2)
  No.  ID      Title
  1    first   Do the first thing
  2    second  Do the second thing

Audiences (1)
  ID      Name    Recommendations  Languages  Kinds       Formats   Paper
  states  States  2,1              en,es,fr   brief,pack  pdf,docx  a4
`
	if code != 0 || stdout != want {
		t.Fatalf("list: exit %d\nstdout:\n%s\nstderr:\n%s\nwant:\n%s", code, stdout, stderr, want)
	}
}

// TestListAgrees (issue 21): an audience that names no languages is built
// in every language found, and one without a paper on the layout's: the
// table says so as the JSON does (a starter with a French translation
// beside it: "en,fr" and "a4", not "en" and "default").
func TestListAgrees(t *testing.T) {
	dir := t.TempDir()
	if code, _, stderr := run(t, "init", dir); code != 0 {
		t.Fatalf("init: %s", stderr)
	}
	fr := "lang: fr\ntranslation: {official: false, note: Traduction non officielle}\ntitle: Une déclaration\n"
	if err := os.WriteFile(filepath.Join(dir, "statement.fr.yaml"), []byte(fr), 0o644); err != nil {
		t.Fatal(err)
	}
	data := filepath.Join(dir, "statement.yaml")
	code, table, stderr := run(t, "list", "--data", data)
	if code != 0 {
		t.Fatalf("list: %s", stderr)
	}
	code, js, stderr := run(t, "list", "--json", "--data", data)
	if code != 0 {
		t.Fatalf("list --json: %s", stderr)
	}
	var l struct {
		Audiences []struct {
			ID        string   `json:"id"`
			Languages []string `json:"languages"`
			Paper     string   `json:"paper"`
		} `json:"audiences"`
	}
	if err := json.Unmarshal([]byte(js), &l); err != nil {
		t.Fatal(err)
	}
	if len(l.Audiences) == 0 {
		t.Fatal("no audiences")
	}
	for _, a := range l.Audiences {
		langs := strings.Join(a.Languages, ",")
		if langs != "en,fr" || a.Paper == "" {
			t.Errorf("JSON: %s: languages %q, paper %q", a.ID, langs, a.Paper)
		}
		re := regexp.MustCompile(`(?m)^  ` + regexp.QuoteMeta(a.ID) + `\s.*\s` + regexp.QuoteMeta(langs) + `\s.*\s` + regexp.QuoteMeta(a.Paper) + `$`)
		if !re.MatchString(table) {
			t.Errorf("the table's row for %s does not say %s and %s:\n%s", a.ID, langs, a.Paper, table)
		}
	}
}
