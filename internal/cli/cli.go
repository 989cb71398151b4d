// Package cli is briefing's command line: it parses flags, calls the
// briefing packages, prints errors and chooses the exit status.
package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/spf13/pflag"

	"briefing/briefing/input"
	"briefing/internal/completion"
)

// Exit statuses.
const (
	ExitOK    = 0 // success
	ExitInput = 1 // bad input or a failed build
	ExitUsage = 2 // the command line is wrong
	// ExitInterrupted is a build stopped by Ctrl-C or SIGTERM (128+SIGINT,
	// as a shell reports it).
	ExitInterrupted = 130
)

const usage = `briefing turns a policy statement's data into branded briefing documents:
a one-page brief per recommendation and a briefing pack, per audience and
language, in PDF and DOCX.

Usage:
  briefing [-C DIR] [COMMAND] [flags]

In a folder with a briefing.yaml project file (briefing init writes one), or
a statement.yaml, every command uses that statement; elsewhere, the built-in
example. -C DIR runs as if started in DIR.

Commands:
%s
Examples:
  briefing                                  build the statement here (or the built-in example) into ./out
  briefing init mystatement                 write a starter project to edit
  briefing -C mystatement check             report its problems
  briefing -C mystatement build --audience donors --lang es --format pdf
  briefing -C mystatement watch             rebuild on every save
  briefing check --data other/statement.yaml

Flags may come before or after the command. Run "briefing COMMAND --help"
for a command's flags. Exit status: 0 ok, 1 bad input or a failed document,
2 a mistake on the command line, 130 interrupted (Ctrl-C; run again to finish).
`

// command is one of briefing's commands.
type command struct {
	name string
	// summary is its line in "briefing --help".
	summary string
	// help is its --help text, printed before its flags.
	help string
	// flags defines its flags over o.
	flags func(fs *pflag.FlagSet, o *options)
	// args names its positional arguments for messages ("" for none) and
	// max is how many it takes.
	args string
	max  int
	run  func(c *call) error
}

// call is one run of a command: its options, positional arguments and
// output streams.
type call struct {
	cmd            *command
	o              *options
	fs             *pflag.FlagSet
	args           []string
	stdout, stderr io.Writer
	// plain is o as the flags set it, before the project file's lines
	// (findProject); project is the project file read, or "".
	plain   options
	project string
	// fontsNoted is set once the build has said that PDF fonts go
	// through fpdf's public API (noteFonts), so that watch says it once.
	fontsNoted bool
}

// commands lists briefing's commands in the order "briefing --help" shows
// them.
func commands() []*command {
	return []*command{
		{name: "build", summary: "make the documents (the default command)", help: buildHelp, flags: buildFlags, run: runBuild},
		{name: "check", summary: "report every problem a build would hit; write nothing", help: checkHelp, flags: checkFlags, run: runCheck},
		{name: "list", summary: "show the statement, recommendations, audiences, languages", help: listHelp, flags: listFlags, run: runList},
		{name: "watch", summary: "build, then rebuild on every save of the data, brand or layout", help: watchHelp, flags: watchFlags, run: runWatch},
		{name: "init", summary: "write a starter statement, brand.yaml and layout.yaml to edit", help: initHelp, flags: noFlags, args: "[DIR]", max: 1, run: runInit},
		{name: "schema", summary: "print the JSON Schema of a data file kind (for editors)", help: schemaHelp, flags: noFlags, args: "KIND", max: 1, run: runSchema},
		{name: "completion", summary: "print a shell completion script (bash, zsh, fish)", help: completionHelp, flags: noFlags, args: "SHELL", max: 1, run: runCompletion},
		{name: "version", summary: "print the version", help: versionHelp, flags: noFlags, run: runVersion},
		{name: "help", summary: "show this help, or a command's (briefing help build)", help: helpHelp, flags: noFlags, args: "[COMMAND]", max: 1, run: runHelp},
	}
}

func noFlags(*pflag.FlagSet, *options) {}

func lookup(name string) *command {
	for _, c := range commands() {
		if c.name == name {
			return c
		}
	}
	return nil
}

func commandNames() []string {
	var out []string
	for _, c := range commands() {
		out = append(out, c.name)
	}
	return out
}

// Main runs the command line args and returns the exit status.
func Main(args []string, stdout, stderr io.Writer) int {
	// -C DIR, first as in git and go: run in DIR, as if started there.
	if dir, rest, ok := chdirFlag(args); ok {
		if dir == "" {
			fmt.Fprintf(stderr, "briefing: -C: name a folder (briefing -C DIR [COMMAND])\n")
			return ExitUsage
		}
		if err := os.Chdir(dir); err != nil {
			fmt.Fprintf(stderr, "briefing: -C %s: %s\n", dir, input.FSMessage(err))
			return ExitUsage
		}
		args = rest
	}
	if len(args) > 0 && args[0] == completion.Hidden {
		return runComplete(args[1:], stdout)
	}
	name, rest := split(args)
	if name == "" {
		switch {
		case hasFlag(rest, "--version", "-V"):
			name, rest = "version", nil
		case hasFlag(rest, "--help", "-h"):
			fmt.Fprint(stdout, topUsage())
			return ExitOK
		default:
			name = "build"
		}
	}
	cmd := lookup(name)
	if cmd == nil {
		msg := fmt.Sprintf("unknown command %q", name)
		if s := input.Suggest(name, commandNames()); s != "" {
			msg += fmt.Sprintf("; did you mean %q?", s)
		} else {
			msg += "; want one of " + strings.Join(commandNames(), ", ")
		}
		fmt.Fprintf(stderr, "briefing: %s\nRun \"briefing --help\" for usage.\n", msg)
		return ExitUsage
	}
	return report(runCommand(cmd, rest, stdout, stderr), cmd, stderr)
}

// chdirFlag finds -C DIR (or -C=DIR, -CDIR) at the start of args.
func chdirFlag(args []string) (dir string, rest []string, ok bool) {
	if len(args) == 0 || !strings.HasPrefix(args[0], "-C") {
		return "", args, false
	}
	if args[0] == "-C" {
		if len(args) < 2 {
			return "", nil, true
		}
		return args[1], args[2:], true
	}
	return strings.TrimPrefix(strings.TrimPrefix(args[0], "-C"), "="), args[1:], true
}

// runCommand parses a command's flags and runs it.
func runCommand(cmd *command, args []string, stdout, stderr io.Writer) error {
	o := &options{}
	fs := pflag.NewFlagSet(cmd.name, pflag.ContinueOnError)
	fs.SortFlags = false
	fs.SetOutput(io.Discard)
	cmd.flags(fs, o)
	fs.Usage = func() { fmt.Fprint(stdout, commandUsage(cmd, fs)) }
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, pflag.ErrHelp) {
			return errHelp // pflag has printed the help
		}
		return usageError{flagError(fs, err, args)}
	}
	if fs.NArg() > cmd.max {
		extra := fs.Arg(cmd.max)
		if cmd.max == 0 {
			return usageError{fmt.Errorf("unexpected argument %q (%s takes flags only)", extra, cmd.name)}
		}
		return usageError{fmt.Errorf("unexpected argument %q (usage: briefing %s %s)", extra, cmd.name, cmd.args)}
	}
	plain := *o
	project := ""
	if fs.Lookup("data") != nil {
		var err error
		if project, err = o.findProject(fs); err != nil {
			return err
		}
	}
	if err := o.validate(fs); err != nil {
		return err
	}
	return cmd.run(&call{cmd: cmd, o: o, plain: plain, project: project, fs: fs, args: fs.Args(), stdout: stdout, stderr: stderr})
}

// split finds the command in args, wherever it is among the flags, and
// returns it and the other arguments in order. The command is the first
// argument that is neither a flag nor a flag's value; "" when there is
// none.
func split(args []string) (string, []string) {
	all := allFlags(&options{})
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--":
			return "", args
		case strings.HasPrefix(a, "--"):
			if !strings.Contains(a, "=") {
				if f := all.Lookup(a[2:]); f != nil && f.NoOptDefVal == "" {
					i++
				}
			}
		case strings.HasPrefix(a, "-") && len(a) > 1:
			if len(a) == 2 {
				if f := all.ShorthandLookup(a[1:]); f != nil && f.NoOptDefVal == "" {
					i++
				}
			}
		default:
			return a, append(slices.Clip(args[:i]), args[i+1:]...)
		}
	}
	return "", args
}

// allFlags is every command's flags in one set, over o, to tell a flag's
// value from the command in split and to read a line being completed.
func allFlags(o *options) *pflag.FlagSet {
	all := pflag.NewFlagSet("all", pflag.ContinueOnError)
	for _, c := range commands() {
		fs := pflag.NewFlagSet(c.name, pflag.ContinueOnError)
		c.flags(fs, o)
		all.AddFlagSet(fs)
	}
	return all
}

func hasFlag(args []string, names ...string) bool {
	for _, a := range args {
		if a == "--" {
			return false
		}
		if slices.Contains(names, a) {
			return true
		}
	}
	return false
}

// topUsage is "briefing --help": the commands, one line each, and examples.
func topUsage() string {
	var b strings.Builder
	for _, c := range commands() {
		name := c.name
		if c.args != "" {
			name += " " + c.args
		}
		fmt.Fprintf(&b, "  %-18s %s\n", name, c.summary)
	}
	return fmt.Sprintf(usage, b.String())
}

// commandUsage is "briefing COMMAND --help".
func commandUsage(c *command, fs *pflag.FlagSet) string {
	s := c.help
	if fl := fs.FlagUsagesWrapped(100); fl != "" {
		// pflag writes a switch as "--quiet[=true|false]"; a switch is
		// given bare. Spaces keep the descriptions in their column.
		fl = strings.ReplaceAll(fl, "[=true|false]", strings.Repeat(" ", len("[=true|false]")))
		s += "\nFlags:\n" + fl
	}
	return s
}

// flagError words a pflag error, with "did you mean" for an unknown flag.
func flagError(fs *pflag.FlagSet, err error, args []string) error {
	var ne *pflag.NotExistError
	if !errors.As(err, &ne) {
		return err
	}
	// -data: a long flag with one dash, which pflag reads as -d -a -t -a.
	for _, a := range args {
		if a == "--" {
			break
		}
		name, _, _ := strings.Cut(strings.TrimPrefix(a, "-"), "=")
		if len(a) > 2 && a[0] == '-' && a[1] != '-' && len(name) > 1 && fs.Lookup(name) != nil {
			return fmt.Errorf("unknown flag %s: long flags take two dashes: --%s", a, strings.TrimPrefix(a, "-"))
		}
	}
	names := []string{"help"}
	shorts := map[string]string{"h": "help"}
	fs.VisitAll(func(f *pflag.Flag) {
		names = append(names, f.Name)
		if f.Shorthand != "" {
			shorts[f.Shorthand] = f.Name
		}
	})
	if sh := ne.GetSpecifiedShortnames(); sh != "" {
		// Reported as typed: -x, not --x.
		c := sh[:1]
		msg := fmt.Sprintf("unknown flag -%s", c)
		switch {
		case c == "v" && shorts["V"] == "":
			msg += " (the version is briefing -V)"
		case c == "C":
			msg = "-C comes first: briefing -C DIR [COMMAND] [flags]"
		case shorts[strings.ToLower(c)] != "":
			msg += fmt.Sprintf("; did you mean -%s (--%s)?", strings.ToLower(c), shorts[strings.ToLower(c)])
		case shorts[strings.ToUpper(c)] != "":
			msg += fmt.Sprintf("; did you mean -%s (--%s)?", strings.ToUpper(c), shorts[strings.ToUpper(c)])
		}
		return errors.New(msg)
	}
	n := ne.GetSpecifiedName()
	msg := fmt.Sprintf("unknown flag --%s", n)
	if s := input.Suggest(n, names); s != "" {
		msg += fmt.Sprintf("; did you mean --%s?", s)
	}
	return errors.New(msg)
}

// usageError is a mistake on the command line (exit 2).
type usageError struct{ err error }

func (e usageError) Error() string { return e.err.Error() }

// usagef makes a usageError.
func usagef(format string, args ...any) error { return usageError{fmt.Errorf(format, args...)} }

// errHelp is returned after --help printed the help (exit 0).
var errHelp = errors.New("help shown")

// report prints err and turns it into an exit status. Problems are
// labelled "error: ", as warnings are "warning: ", each on its own line
// with its place first after the label; a mistake on the command line
// names the command, as pflag and the go command do.
func report(err error, cmd *command, stderr io.Writer) int {
	var ue usageError
	switch {
	case err == nil, errors.Is(err, errHelp):
		return ExitOK
	case errors.As(err, &ue):
		fmt.Fprintf(stderr, "briefing %s: %v\nRun \"briefing %s --help\" for usage.\n", cmd.name, ue.err, cmd.name)
		return ExitUsage
	}
	var ie interrupted
	if errors.As(err, &ie) {
		fmt.Fprintf(stderr, "briefing: %v\n", err)
		return ExitInterrupted
	}
	var el input.ErrorList
	if errors.As(err, &el) {
		for _, e := range el {
			fmt.Fprintf(stderr, "error: %v\n", e)
		}
		fmt.Fprintf(stderr, "briefing: %d %s\n", len(el), plural(len(el), "problem", "problems"))
		return ExitInput
	}
	fmt.Fprintf(stderr, "error: %v\n", err)
	return ExitInput
}

func runHelp(c *call) error {
	if len(c.args) == 0 {
		fmt.Fprint(c.stdout, topUsage())
		return nil
	}
	cmd := lookup(c.args[0])
	if cmd == nil {
		msg := fmt.Sprintf("no command %q", c.args[0])
		if s := input.Suggest(c.args[0], commandNames()); s != "" {
			msg += fmt.Sprintf("; did you mean %q?", s)
		}
		return usageError{errors.New(msg)}
	}
	fs := pflag.NewFlagSet(cmd.name, pflag.ContinueOnError)
	fs.SortFlags = false
	cmd.flags(fs, &options{})
	fmt.Fprint(c.stdout, commandUsage(cmd, fs))
	return nil
}

const helpHelp = `briefing help: show the list of commands, or a command's help and flags.

Examples:
  briefing help
  briefing help build
`

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
