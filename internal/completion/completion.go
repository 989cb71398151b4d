// Package completion writes shell completion scripts (bash, zsh, fish) for
// briefing from a description of its commands and flags: which values a
// flag takes, which take a file or a folder, which take a comma-separated
// list, and which arguments a command takes. Values that the statement
// decides (audience ids, languages, recommendations) are not in the
// scripts: a script asks the program for them with the hidden command
// Hidden, so they follow the data as it is when the user presses TAB.
package completion

// Shells are the shells completion writes scripts for.
var Shells = []string{"bash", "zsh", "fish"}

// Hidden is the hidden command a script runs for the values the data
// decides: "briefing __complete --lang WORD…" prints the values of --lang,
// one a line, for the statement that the words before the cursor (WORD…)
// name.
const Hidden = "__complete"

// Command is a command as completion sees it.
type Command struct {
	Name, Summary string
	// Default is set for the command run when none is named.
	Default bool
	Flags   []Flag
	// Args are the fixed values of the command's argument; FolderArg is
	// set when its argument is a folder.
	Args      []string
	FolderArg bool
}

// Kind says what a flag's value is, for completion.
type Kind int

// The kinds of flag value.
const (
	// Value is free text: nothing to complete, unless the flag has fixed
	// Values.
	Value Kind = iota
	// File is a file name.
	File
	// Folder is a folder name.
	Folder
	// Data is a value the statement decides: the script asks the program
	// for them (Hidden).
	Data
)

// Flag is a flag as completion sees it.
type Flag struct {
	Name, Short, Usage string
	// Bool is set for a flag that takes no value.
	Bool bool
	Kind Kind
	// Values are the flag's fixed values, if it has any.
	Values []string
	// List is set for a flag whose value is a comma-separated list:
	// completion keeps the items typed and offers each value once.
	List bool
}

// Version is the flag that a bare "briefing" takes and no command does;
// Help is the one that every command takes.
var (
	Version = Flag{Name: "version", Short: "V", Usage: "print the version", Bool: true}
	Help    = Flag{Name: "help", Short: "h", Usage: "show help", Bool: true}
)

// Script returns the completion script for shell, one of Shells; ok is
// false for another shell.
func Script(shell string, cmds []Command) (script string, ok bool) {
	switch shell {
	case "bash":
		return Bash(cmds), true
	case "zsh":
		return Zsh(cmds), true
	case "fish":
		return Fish(cmds), true
	}
	return "", false
}

func names(cmds []Command) []string {
	out := make([]string, len(cmds))
	for i, c := range cmds {
		out[i] = c.Name
	}
	return out
}

// spellings are a flag's names as typed: "--out", "-o".
func (f Flag) spellings() []string {
	if f.Short == "" {
		return []string{"--" + f.Name}
	}
	return []string{"--" + f.Name, "-" + f.Short}
}

// valueFlags lists the value-taking flags of every command, each once, in
// order of first appearance.
func valueFlags(cmds []Command) []Flag {
	seen := map[string]bool{}
	var out []Flag
	for _, c := range cmds {
		for _, f := range c.Flags {
			if !f.Bool && !seen[f.Name] {
				seen[f.Name] = true
				out = append(out, f)
			}
		}
	}
	return out
}

// bool01 is 1 for true, 0 for false, as the scripts' helpers take it.
func bool01(b bool) int {
	if b {
		return 1
	}
	return 0
}
