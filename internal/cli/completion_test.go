package cli_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"briefing/internal/testtool"
)

// The tests in this file press TAB in each shell with the script that
// "briefing completion SHELL" prints, the built binary on PATH as
// briefing for the values the data decides: bash's function called as
// readline calls it, zsh's in an interactive zsh on a pseudo-terminal
// (zpty), fish's with complete -C. Each runs in a folder holding st.yaml
// (audiences states and donors, recommendations r1 and r2) and outdir/;
// without --data the built-in statement is the one completed from.

type completionCase struct {
	line             string
	want, has, lacks []string
}

// completionCases are the lines completed and the words the line may end
// with after TAB: want, exactly (in any order); or, where the list is
// long, some that must be there (has) and some that must not (lacks).
var completionCases = []completionCase{
	// A comma list keeps what was typed and offers each value once.
	{line: "briefing --format pdf,do", want: []string{"pdf,docx"}},
	{line: "briefing build --kind brief,", want: []string{"brief,pack"}},
	{line: "briefing check --kind=pack,", want: []string{"--kind=pack,brief"}},
	{line: "briefing --format PDF,", want: []string{"PDF,docx", "PDF,png", "PDF,zip", "PDF,eml"}},
	{line: "briefing --format PDF,docx,png,zip,", want: []string{"PDF,docx,png,zip,eml"}},
	// --flag=value, alone and with a comma list.
	{line: "briefing --format=p", want: []string{"--format=pdf", "--format=png"}},
	{line: "briefing --format=pn", want: []string{"--format=png"}},
	{line: "briefing --format=pdf,d", want: []string{"--format=pdf,docx"}},
	{line: "briefing build --format=", want: []string{"--format=pdf", "--format=docx", "--format=png", "--format=zip", "--format=eml"}},
	{line: "briefing --paper=l", want: []string{"--paper=letter"}},
	{line: "briefing --data=s", want: []string{"--data=st.yaml"}},
	{line: "briefing --quiet="},
	// Values the statement decides: the built-in one, else --data's.
	{line: "briefing --lang en,", want: []string{"en,es"}},
	{line: "briefing build --audience d", want: []string{"delegates", "donors"}},
	{line: "briefing check --audience=donors,st", want: []string{"--audience=donors,states"}},
	{line: "briefing --rec 1,cl", want: []string{"1,climate-displacement"}},
	{line: "briefing --data st.yaml --audience ", want: []string{"states", "donors"}},
	{line: "briefing --data=st.yaml build --rec r1,r", want: []string{"r1,r2"}},
	// A project folder's statement, here and through -C.
	{line: "briefing -C proj check --audience ", want: []string{"states", "donors"}},
	// --version and -V only where no command is named.
	{line: "briefing --vers", want: []string{"--version"}},
	{line: "briefing -", has: []string{"--version", "-V", "--help", "--format", "-o"}},
	{line: "briefing build -", has: []string{"--help", "--format"}, lacks: []string{"--version", "-V"}},
	{line: "briefing build --vers"},
	// What worked before.
	{line: "briefing buil", want: []string{"build"}},
	{line: "briefing check --for", want: []string{"--format"}},
	{line: "briefing build --format ", want: []string{"pdf", "docx", "png", "zip", "eml"}},
	{line: "briefing --lang es build --ki", want: []string{"--kind"}},
	{line: "briefing schema b", want: []string{"brand"}},
	{line: "briefing -o ou", want: []string{"outdir"}},
	{line: "briefing build --qu", want: []string{"--quiet"}},
}

// completionDir makes the folder the shells complete in and the PATH that
// finds the built binary as briefing, and writes the shell's script.
func completionDir(t *testing.T, shell string) (dir, script string, env []string) {
	t.Helper()
	bin := binary(t)
	dir = t.TempDir()
	writeStatement(t, dir, 2)
	if err := os.Mkdir(filepath.Join(dir, "outdir"), 0o755); err != nil {
		t.Fatal(err)
	}
	st, err := os.ReadFile(filepath.Join(dir, "st.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	os.Mkdir(filepath.Join(dir, "proj"), 0o755)
	write(t, filepath.Join(dir, "proj"), "statement.yaml", string(st))
	code, out, stderr := run(t, "completion", shell)
	if code != 0 {
		t.Fatalf("completion %s: %s", shell, stderr)
	}
	script = write(t, t.TempDir(), "briefing."+shell, out)
	env = append(os.Environ(), "PATH="+filepath.Dir(bin)+string(os.PathListSeparator)+os.Getenv("PATH"), "HOME="+t.TempDir())
	return dir, script, env
}

// checkWords compares the words a line may end with after TAB with a
// case's.
func checkWords(t *testing.T, got, want, has, lacks []string) {
	t.Helper()
	if has != nil || lacks != nil {
		for _, w := range has {
			if !slices.Contains(got, w) {
				t.Errorf("%q not offered; got %q", w, got)
			}
		}
		for _, w := range lacks {
			if slices.Contains(got, w) {
				t.Errorf("%q offered; got %q", w, got)
			}
		}
		return
	}
	slices.Sort(got)
	want = slices.Sorted(slices.Values(want))
	if !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

// shQuote quotes s for bash and zsh.
func shQuote(s string) string { return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'" }

// bashWords splits a line as bash does for its completion function
// (COMP_WORDS): at blanks, and around "=" and ":", characters of
// COMP_WORDBREAKS that make words of their own; a line ending in a blank
// ends with an empty word. It also returns the end of the line that
// readline replaces with a reply: from the last blank or word break.
func bashWords(line string) (words []string, replaced string) {
	var w strings.Builder
	isBreak := func(r rune) bool { return r == '=' || r == ':' }
	prev := ' '
	for _, r := range line {
		switch {
		case r == ' ':
			if w.Len() > 0 {
				words = append(words, w.String())
				w.Reset()
			}
		case w.Len() > 0 && isBreak(r) != isBreak(prev):
			words = append(words, w.String())
			w.Reset()
			w.WriteRune(r)
		default:
			w.WriteRune(r)
		}
		prev = r
	}
	words = append(words, w.String()) // "" after a blank
	last := words[len(words)-1]
	if strings.ContainsAny(last, "=:") {
		last = ""
	}
	return words, last
}

func TestBashWords(t *testing.T) {
	// As an interactive bash 5.2 gives them (declare -p COMP_WORDS).
	for line, want := range map[string][]string{
		"briefing --format=p":      {"briefing", "--format", "=", "p"},
		"briefing --format=":       {"briefing", "--format", "="},
		"briefing --format pdf,do": {"briefing", "--format", "pdf,do"},
		"briefing --data=a:b":      {"briefing", "--data", "=", "a", ":", "b"},
		"briefing build ":          {"briefing", "build", ""},
	} {
		if got, _ := bashWords(line); !slices.Equal(got, want) {
			t.Errorf("%q: %q, want %q", line, got, want)
		}
	}
}

// TestCompletionBash calls the bash script's function as readline does
// for each case and reads COMPREPLY, each reply put in the line as
// readline puts it.
func TestCompletionBash(t *testing.T) {
	bash := testtool.Need(t, "bash")
	dir, script, env := completionDir(t, "bash")
	for _, c := range completionCases {
		t.Run(c.line, func(t *testing.T) {
			words, replaced := bashWords(c.line)
			quoted := make([]string, len(words))
			for i, w := range words {
				quoted[i] = shQuote(w)
			}
			cmd := exec.Command(bash, "--norc", "--noprofile", "-c", `source `+shQuote(script)+`
COMP_WORDS=(`+strings.Join(quoted, " ")+`) COMP_CWORD=`+strconv.Itoa(len(words)-1)+`
COMP_LINE=`+shQuote(c.line)+` COMP_POINT=`+strconv.Itoa(len(c.line))+`
_briefing
printf '%s\n' "${COMPREPLY[@]}"`)
			cmd.Dir, cmd.Env = dir, env
			out, err := cmd.CombinedOutput()
			if err != nil {
				t.Fatalf("%v\n%s", err, out)
			}
			token := c.line[strings.LastIndex(c.line, " ")+1:]
			kept := token[:len(token)-len(replaced)]
			var got []string
			for _, r := range strings.Split(strings.TrimSuffix(string(out), "\n"), "\n") {
				if r != "" {
					got = append(got, kept+r)
				}
			}
			checkWords(t, got, c.want, c.has, c.lacks)
		})
	}
}

// TestCompletionFish asks fish what it offers for each case (complete -C).
func TestCompletionFish(t *testing.T) {
	fish := testtool.Need(t, "fish")
	dir, script, env := completionDir(t, "fish")
	for _, c := range completionCases {
		t.Run(c.line, func(t *testing.T) {
			cmd := exec.Command(fish, "--no-config", "-c", "source $argv[1]; complete -C $argv[2]", script, c.line)
			cmd.Dir, cmd.Env = dir, env
			out, err := cmd.CombinedOutput()
			if err != nil {
				t.Fatalf("%v\n%s", err, out)
			}
			var got []string
			for _, l := range strings.Split(strings.TrimSuffix(string(out), "\n"), "\n") {
				if l != "" {
					word, _, _ := strings.Cut(l, "\t") // the word, then its description
					got = append(got, strings.TrimSuffix(word, "/"))
				}
			}
			checkWords(t, got, c.want, c.has, c.lacks)
		})
	}
}

// zshDriver types each line given after the fpath folder and the output
// file into an interactive zsh on a pseudo-terminal, presses TAB, then ^T,
// which writes the line as TAB left it to the output file.
const zshDriver = `zmodload zsh/zpty
dir=$1 out=$2
shift 2
zpty z zsh -f -i
zpty -w z "PS1= ; fpath=(${(q)dir} \$fpath); autoload -U compinit; compinit -u -D; zstyle ':completion:*' insert-tab false"
zpty -w z 'dump() { print -r -- "$BUFFER" >> '${(q)out}'; BUFFER=; }; zle -N dump; bindkey "^T" dump'
integer n=0 i
for l in "$@"; do
  zpty -w -n z "$l"$'\t\x14'
  (( n++ ))
  for ((i = 0; i < 300; i++)); do
    while zpty -r -t z junk; do :; done
    [[ -f $out && $(wc -l < $out) -ge $n ]] && break
    sleep 0.1
  done
done
zpty -d z
`

// TestCompletionZsh presses TAB in zsh for each case whose line TAB
// completes alone (one word or none) and reads the line it leaves.
func TestCompletionZsh(t *testing.T) {
	zsh := testtool.Need(t, "zsh")
	dir, script, env := completionDir(t, "zsh")
	fpath := t.TempDir()
	if err := os.Rename(script, filepath.Join(fpath, "_briefing")); err != nil {
		t.Fatal(err)
	}
	driver := write(t, t.TempDir(), "driver.zsh", zshDriver)
	out := filepath.Join(t.TempDir(), "lines")
	var cases []completionCase
	var lines []string
	for _, c := range completionCases {
		if c.has == nil && c.lacks == nil && len(c.want) <= 1 {
			cases = append(cases, c)
			lines = append(lines, c.line)
		}
	}
	cmd := exec.Command(zsh, append([]string{"-f", driver, fpath, out}, lines...)...)
	cmd.Dir, cmd.Env = dir, env
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%v\n%s", err, b)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	got := strings.Split(strings.TrimSuffix(string(b), "\n"), "\n")
	if len(got) != len(lines) {
		t.Fatalf("zsh left %d lines for %d typed:\n%s", len(got), len(lines), b)
	}
	for i, c := range cases {
		t.Run(c.line, func(t *testing.T) {
			line := c.line
			want := line
			if len(c.want) == 1 {
				want = line[:strings.LastIndex(line, " ")+1] + c.want[0]
			}
			// What zsh adds after a word: a space; the "," of a
			// comma list, "=" after a flag that takes a value, "/"
			// after a folder, each gone once the next key is typed.
			if g := strings.TrimRight(got[i], " ,=/"); g != strings.TrimRight(want, " ") && got[i] != want {
				t.Errorf("zsh left %q, want %q", got[i], want)
			}
		})
	}
}

// TestCompleteHidden: the hidden command the scripts run prints the
// values the data decides, one a line, for the statement the words name,
// and nothing (exit 0) when it cannot read one; briefing --help does not
// show it.
func TestCompleteHidden(t *testing.T) {
	dir := t.TempDir()
	st := writeStatement(t, dir, 2)
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--rec"}, "1\n2\n3\n4\naccess-to-protection\ninclusion-and-integration\nclimate-displacement\nroot-causes\n"},
		{[]string{"--lang", "build", "--format"}, "en\nes\n"},
		{[]string{"--audience", "--data=" + st, "--no-such-flag", "x"}, "states\ndonors\n"},
		{[]string{"--rec", "check", "--data", st, "--rec"}, "1\n2\nr1\nr2\n"},
		{[]string{"--audience", "--data", filepath.Join(dir, "missing.yaml")}, ""},
		{[]string{"--paper"}, ""},
	} {
		code, stdout, stderr := run(t, append([]string{"__complete"}, c.args...)...)
		if code != 0 || stdout != c.want || stderr != "" {
			t.Errorf("__complete %q: exit %d, printed %q, want %q\n%s", c.args, code, stdout, c.want, stderr)
		}
	}
	if _, help, _ := run(t, "--help"); strings.Contains(help, "__complete") {
		t.Errorf("--help shows the hidden command:\n%s", help)
	}
}
