package completion_test

import (
	"strings"
	"testing"

	"briefing/internal/completion"
)

// TestScripts: each shell's script completes the commands, the flags by
// what their values are (fixed, a comma list, the data's from the hidden
// command), --version without a command, and a command's fixed arguments.
// What each completes is tested by pressing TAB in each shell (the cli
// package's TestCompletionBash and the like).
func TestScripts(t *testing.T) {
	cmds := []completion.Command{
		{Name: "build", Summary: "make it", Default: true, Flags: []completion.Flag{
			{Name: "data", Usage: "data file", Kind: completion.File},
			{Name: "out", Short: "o", Usage: "output folder", Kind: completion.Folder},
			{Name: "paper", Usage: "paper", Values: []string{"a4", "letter"}},
			{Name: "format", Usage: "formats", Values: []string{"pdf", "docx"}, List: true},
			{Name: "lang", Usage: "languages", Kind: completion.Data, List: true},
			{Name: "jobs", Usage: "jobs"},
			{Name: "quiet", Short: "q", Usage: "quiet", Bool: true},
		}},
		{Name: "schema", Summary: "print a schema", Args: []string{"brand", "layout"}},
		{Name: "init", Summary: "start", FolderArg: true},
	}
	for _, c := range []struct {
		shell string
		want  []string
	}{
		{"bash", []string{`local cmds="build schema init"`, "--data) _briefing_files -f;", "--out|-o) _briefing_files -d;", "--paper) _briefing_values 0 a4 letter;", "--format) _briefing_values 1 pdf docx;", "--lang) _briefing_data --lang 1;", "--jobs) return ;;",
			`"") flags="--data --out -o --paper --format --lang --jobs --quiet -q --help -h --version -V"`, `build) flags="--data --out -o --paper --format --lang --jobs --quiet -q --help -h"`,
			`schema) COMPREPLY=($(compgen -W "brand layout"`, "init) _briefing_files -d", `"${COMP_WORDS[0]}" __complete "$1"`}},
		{"zsh", []string{"'build:make it'", "'--data=[data file]:file:_files'", "'(-o --out)'{-o+,--out=}'[output folder]:folder:_files -/'", "'--paper=[paper]:paper:{_briefing_values paper 0 a4 letter}'", "'--format=[formats]:format:{_briefing_values format 1 pdf docx}'", "'--lang=[languages]:lang:{_briefing_values lang 1}'", "'(-q --quiet)'{-q,--quiet}'[quiet]'", "'(- *)'{-V,--version}'[print the version]'", "'*:schema:(brand layout)'", "'*:folder:_files -/'", "_call_program values $words[1] __complete --$name"}},
		{"fish", []string{"-a build -d 'make it'", "-l data -r -F", "-l out -s o -r -a '(__fish_complete_directories)'", "-l paper -x -a '(__briefing_values 0 a4 letter)'", "-l format -x -a '(__briefing_values 1 pdf docx)'", "-l lang -x -a '(__briefing_values 1 (__briefing_data --lang))'", "-l quiet -s q -d 'quiet'", "-l version -s V", "-a 'brand layout'", "command $words[1] __complete $argv[1]"}},
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
