package cli

import (
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/pflag"

	"briefing/briefing/input"
	"briefing/briefing/schema"
	"briefing/briefing/statement"
	"briefing/internal/completion"
)

const completionHelp = `briefing completion SHELL: print a completion script for bash, zsh or fish,
which completes commands, flags, schema kinds, file names and the values of
--kind, --format, --paper, and --audience, --lang and --rec from the
statement that the line names (--data). Comma lists (--format pdf,docx) and
--flag=value are completed too.

Examples:
  source <(briefing completion bash)                       bash, this session
  briefing completion bash > ~/.local/share/bash-completion/completions/briefing
  briefing completion zsh > "${fpath[1]}/_briefing"        zsh (then restart it)
  briefing completion fish > ~/.config/fish/completions/briefing.fish
`

func runCompletion(c *call) error {
	if len(c.args) == 0 {
		return usagef("which shell? want one of %s", strings.Join(completion.Shells, ", "))
	}
	sh := strings.ToLower(c.args[0])
	shells := completion.Shells
	script, ok := completion.Script(sh, completionCommands())
	if !ok {
		msg := fmt.Sprintf("no completion for %q; want one of %s", c.args[0], strings.Join(shells, ", "))
		if s := input.Suggest(sh, shells); s != "" {
			msg = fmt.Sprintf("no completion for %q; did you mean %q?", c.args[0], s)
		}
		return usagef("%s", msg)
	}
	_, err := fmt.Fprint(c.stdout, script)
	return err
}

// flagsOf lists a command's flags.
func flagsOf(cmd *command) []*pflag.Flag {
	fs := pflag.NewFlagSet(cmd.name, pflag.ContinueOnError)
	fs.SortFlags = false
	cmd.flags(fs, &options{})
	var out []*pflag.Flag
	fs.VisitAll(func(f *pflag.Flag) { out = append(out, f) })
	return out
}

// flagValues are the fixed values of flags, for completion.
func flagValues(name string) []string {
	switch name {
	case "kind":
		return enumOf(statement.Kinds)
	case "format":
		return enumOf(allFormats)
	case "paper":
		return enumOf(statement.Papers)
	case "print":
		return enumOf(statement.Prints)
	}
	return nil
}

// argValues are the fixed values of a command's argument.
func argValues(cmd string) []string {
	switch cmd {
	case "schema":
		return enumOf(schema.Kinds)
	case "completion":
		return completion.Shells
	case "help":
		return commandNames()
	}
	return nil
}

// completionCommands describes briefing's commands for completion scripts.
func completionCommands() []completion.Command {
	var out []completion.Command
	for _, c := range commands() {
		cc := completion.Command{Name: c.name, Summary: c.summary, Default: c.name == "build", Args: argValues(c.name), FolderArg: c.name == "init"}
		for _, f := range flagsOf(c) {
			cf := completion.Flag{Name: f.Name, Short: f.Shorthand, Usage: f.Usage, Bool: f.NoOptDefVal != "", Values: flagValues(f.Name), List: f.Value.Type() == "stringSlice"}
			switch f.Name {
			case "data", "brand", "layout":
				cf.Kind = completion.File
			case "out":
				cf.Kind = completion.Folder
			case "audience", "lang", "rec":
				cf.Kind = completion.Data
			}
			cc.Flags = append(cc.Flags, cf)
		}
		out = append(out, cc)
	}
	return out
}

// runComplete is the hidden command completion scripts run for the values
// the data decides: "briefing __complete --lang WORD…" prints the values
// of --lang, one a line, for the statement that the words typed before
// the cursor name (--data), and nothing when the data cannot be read.
// Only the flags are read from the words; a word it does not know is
// passed over, as the line is still being typed.
func runComplete(args []string, stdout io.Writer) int {
	if len(args) == 0 {
		return ExitUsage
	}
	words := args[1:]
	// briefing -C DIR …: the statement is DIR's.
	if dir, rest, ok := chdirFlag(words); ok {
		if dir == "" || os.Chdir(dir) != nil {
			return ExitOK
		}
		words = rest
	}
	o := &options{}
	fs := allFlags(o)
	fs.SetOutput(io.Discard)
	fs.ParseErrorsAllowlist.UnknownFlags = true
	_ = fs.Parse(words) // the flags read before a mistake are enough
	o.findProject(fs)   // a broken project file: the data flags alone
	ds, _ := o.in.loadData()
	if ds == nil {
		return ExitOK
	}
	c := choicesOf(ds)
	var vals []string
	switch args[0] {
	case "--audience":
		vals = c.audiences
	case "--lang":
		vals = c.langs
	case "--rec":
		vals = append(c.recNums, c.recIDs...)
	}
	for _, v := range vals {
		fmt.Fprintln(stdout, v)
	}
	return ExitOK
}
