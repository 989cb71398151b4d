package completion

import (
	"fmt"
	"strings"
)

// fishQuote quotes text for fish.
func fishQuote(s string) string { return "'" + strings.ReplaceAll(s, "'", "\\'") + "'" }

// fishHelpers are the fish script's functions for flag values. Fish
// completes --flag=value itself; __briefing_values keeps a comma list.
const fishHelpers = `# __briefing_values LIST VALUE...: the VALUEs; with LIST 1 the value is a
# comma-separated list: the items before the last comma stay, and an item
# already there is not offered again.
function __briefing_values
    set -l list $argv[1]
    set -e argv[1]
    set -l tok (commandline -ct | string replace -r -- '^-[^=]*=' '')
    set -l head ''
    if test $list = 1; and string match -q -- '*,*' $tok
        set head (string replace -r -- '[^,]*$' '' $tok)
    end
    set -l have (string split , -- (string lower -- $head))
    for v in $argv
        contains -- (string lower -- $v) $have; and continue
        printf '%s%s\n' $head $v
    end
end
# __briefing_data FLAG: the values of FLAG that the statement decides, from
# briefing ` + Hidden + ` (the words before the cursor say which statement).
function __briefing_data
    set -l words (commandline -opc)
    command $words[1] ` + Hidden + ` $argv[1] $words[2..-1] 2>/dev/null
end
`

// Fish returns the fish completion script for cmds.
func Fish(cmds []Command) string {
	var b strings.Builder
	b.WriteString("# fish completion for briefing: briefing completion fish > ~/.config/fish/completions/briefing.fish\n")
	b.WriteString(fishHelpers)
	b.WriteString("complete -c briefing -f\n")
	names := strings.Join(names(cmds), " ")
	none := "not __fish_seen_subcommand_from " + names
	for _, c := range cmds {
		fmt.Fprintf(&b, "complete -c briefing -n %s -a %s -d %s\n", fishQuote(none), c.Name, fishQuote(c.Summary))
	}
	fishFlag(&b, none, Version)
	for _, c := range cmds {
		cond := fmt.Sprintf("__fish_seen_subcommand_from %s", c.Name)
		if c.Default {
			cond = fmt.Sprintf("__fish_seen_subcommand_from %s; or %s", c.Name, none)
		}
		for _, f := range append(c.Flags, Help) {
			fishFlag(&b, cond, f)
		}
		if v := c.Args; v != nil {
			fmt.Fprintf(&b, "complete -c briefing -n %s -a %s\n", fishQuote(cond), fishQuote(strings.Join(v, " ")))
		}
		if c.FolderArg {
			fmt.Fprintf(&b, "complete -c briefing -n %s -a '(__fish_complete_directories)'\n", fishQuote(cond))
		}
	}
	return b.String()
}

// fishFlag writes the complete line of flag f where cond holds.
func fishFlag(b *strings.Builder, cond string, f Flag) {
	fmt.Fprintf(b, "complete -c briefing -n %s -l %s", fishQuote(cond), f.Name)
	if f.Short != "" {
		fmt.Fprintf(b, " -s %s", f.Short)
	}
	switch {
	case f.Bool:
	case f.Kind == File:
		b.WriteString(" -r -F")
	case f.Kind == Folder:
		b.WriteString(" -r -a '(__fish_complete_directories)'")
	case f.Kind == Data:
		fmt.Fprintf(b, " -x -a '(__briefing_values %d (__briefing_data --%s))'", bool01(f.List), f.Name)
	case f.Values != nil:
		fmt.Fprintf(b, " -x -a '(__briefing_values %d %s)'", bool01(f.List), strings.Join(f.Values, " "))
	default:
		b.WriteString(" -x")
	}
	short := f.Usage
	if i := strings.Index(short, " ("); i > 0 {
		short = short[:i]
	}
	fmt.Fprintf(b, " -d %s\n", fishQuote(short))
}
