// Package cli is briefing's command line: it parses flags, calls the
// briefing packages, prints errors and chooses the exit status.
package cli

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/pflag"

	"briefing/briefing"
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
a one-page brief per recommendation and a delegate pack, per audience and
language, in PDF and DOCX.

Usage:
  briefing [build] [flags]    make the documents (the default command)
  briefing check [flags]      check the data, brand and layout files; write nothing
  briefing list [flags]       show the statement, recommendations, audiences, languages
  briefing version            print the version

Examples:
  briefing                                  build everything for the built-in statement into ./out
  briefing check --data mystatement.yaml    check your own statement (and mystatement.<lang>.yaml)
  briefing build --data mystatement.yaml --audience donors --lang es --format pdf

Run "briefing COMMAND --help" for a command's flags.
`

// Main runs the command line args and returns the exit status.
func Main(args []string, stdout, stderr io.Writer) int {
	cmd := "build"
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		cmd, args = args[0], args[1:]
	}
	if len(args) == 0 && cmd == "help" {
		fmt.Fprint(stdout, usage)
		return ExitOK
	}
	var err error
	switch cmd {
	case "build":
		err = runBuild(args, stdout, stderr)
	case "check":
		err = runCheck(args, stdout, stderr)
	case "list":
		err = runList(args, stdout, stderr)
	case "version":
		fmt.Fprintln(stdout, briefing.Creator)
		return ExitOK
	case "help":
		return Main(append(args, "--help"), stdout, stderr)
	default:
		fmt.Fprintf(stderr, "briefing: unknown command %q\n\n%s", cmd, usage)
		return ExitUsage
	}
	return report(err, stderr)
}

// usageError is a mistake on the command line (exit 2).
type usageError struct{ err error }

func (e usageError) Error() string { return e.err.Error() }

// errHelp is returned after --help printed the help (exit 0).
var errHelp = errors.New("help shown")

// report prints err and turns it into an exit status.
func report(err error, stderr io.Writer) int {
	var ue usageError
	switch {
	case err == nil, errors.Is(err, errHelp):
		return ExitOK
	case errors.As(err, &ue):
		fmt.Fprintf(stderr, "briefing: %v\nRun \"briefing --help\" for usage.\n", ue.err)
		return ExitUsage
	}
	var ie interrupted
	if errors.As(err, &ie) {
		fmt.Fprintf(stderr, "briefing: %v\n", err)
		return ExitInterrupted
	}
	var el briefing.ErrorList
	if errors.As(err, &el) {
		for _, e := range el {
			fmt.Fprintln(stderr, e)
		}
		fmt.Fprintf(stderr, "briefing: %d %s\n", len(el), plural(len(el), "problem", "problems"))
		return ExitInput
	}
	fmt.Fprintf(stderr, "briefing: %v\n", err)
	return ExitInput
}

// newFlags makes a command's flag set with its help text.
func newFlags(name, help string, stdout io.Writer) *pflag.FlagSet {
	fs := pflag.NewFlagSet(name, pflag.ContinueOnError)
	fs.SortFlags = false
	fs.SetOutput(io.Discard)
	fs.Usage = func() {
		fmt.Fprintf(stdout, "%s\nFlags:\n%s", help, fs.FlagUsagesWrapped(100))
	}
	return fs
}

// parse parses args, maps --help to errHelp and other problems to usage
// errors.
func parse(fs *pflag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, pflag.ErrHelp) {
			fs.Usage()
			return errHelp
		}
		return usageError{fmt.Errorf("%s: %v", fs.Name(), err)}
	}
	if fs.NArg() > 0 {
		return usageError{fmt.Errorf("%s: unexpected argument %q", fs.Name(), fs.Arg(0))}
	}
	return nil
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
