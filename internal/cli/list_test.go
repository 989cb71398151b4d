package cli_test

import (
	"path/filepath"
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
  states  States  2,1              en,es,fr   brief,pack  pdf,docx  default
`
	if code != 0 || stdout != want {
		t.Fatalf("list: exit %d\nstdout:\n%s\nstderr:\n%s\nwant:\n%s", code, stdout, stderr, want)
	}
}
