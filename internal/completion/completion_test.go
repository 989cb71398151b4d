package completion_test

import (
	"strings"
	"testing"

	"briefing/internal/completion"
)

// TestScripts: each shell's script completes the commands, the flags by
// what their values are, and a command's fixed arguments.
func TestScripts(t *testing.T) {
	cmds := []completion.Command{
		{Name: "build", Summary: "make it", Default: true, Flags: []completion.Flag{
			{Name: "data", Usage: "data file", Kind: completion.File},
			{Name: "out", Short: "o", Usage: "output folder", Kind: completion.Folder},
			{Name: "paper", Usage: "paper", Values: []string{"a4", "letter"}},
			{Name: "lang", Usage: "languages"},
			{Name: "quiet", Short: "q", Usage: "quiet", Bool: true},
		}},
		{Name: "schema", Summary: "print a schema", Args: []string{"brand", "layout"}},
		{Name: "init", Summary: "start", FolderArg: true},
	}
	for _, c := range []struct {
		shell string
		want  []string
	}{
		{"bash", []string{`local cmds="build schema init"`, "--data) COMPREPLY=($(compgen -f", "--out) COMPREPLY=($(compgen -d", `--paper) COMPREPLY=($(compgen -W "a4 letter"`, "--lang) return ;;", `build|"") flags="--data --out -o --paper --lang --quiet -q --help"`, `schema) COMPREPLY=($(compgen -W "brand layout"`, "init) COMPREPLY=($(compgen -d"}},
		{"zsh", []string{"'build:make it'", "'--data[data file]:file:_files'", "'(-o --out)'{-o,--out}'[output folder]:folder:_files -/'", "'--paper[paper]:paper:(a4 letter)'", "'*:schema:(brand layout)'", "'*:folder:_files -/'"}},
		{"fish", []string{"-a build -d 'make it'", "-l data -r -F", "-l out -s o -r -a '(__fish_complete_directories)'", "-l paper -x -a 'a4 letter'", "-l quiet -s q -d 'quiet'", "-a 'brand layout'"}},
	} {
		s, ok := completion.Script(c.shell, cmds)
		if !ok {
			t.Fatalf("%s: no script", c.shell)
		}
		for _, w := range c.want {
			if !strings.Contains(s, w) {
				t.Errorf("%s script lacks %q:\n%s", c.shell, w, s)
			}
		}
	}
	if _, ok := completion.Script("tcsh", cmds); ok {
		t.Error("a script for tcsh")
	}
}
