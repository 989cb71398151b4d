package cli

import (
	"fmt"
	"slices"
	"strings"

	"github.com/spf13/pflag"

	"briefing/briefing/input"
	"briefing/briefing/schema"
	"briefing/briefing/statement"
)

const completionHelp = `briefing completion SHELL: print a completion script for bash, zsh or fish,
which completes commands, flags, the values of --kind, --format and --paper,
schema kinds and file names.

Examples:
  source <(briefing completion bash)                       bash, this session
  briefing completion bash > ~/.local/share/bash-completion/completions/briefing
  briefing completion zsh > "${fpath[1]}/_briefing"        zsh (then restart it)
  briefing completion fish > ~/.config/fish/completions/briefing.fish
`

var shells = []string{"bash", "zsh", "fish"}

func runCompletion(c *call) error {
	if len(c.args) == 0 {
		return usagef("which shell? want one of %s", strings.Join(shells, ", "))
	}
	sh := strings.ToLower(c.args[0])
	var script string
	switch sh {
	case "bash":
		script = bashCompletion()
	case "zsh":
		script = zshCompletion()
	case "fish":
		script = fishCompletion()
	default:
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
		return enumOf(statement.Formats)
	case "paper":
		return enumOf(statement.Papers)
	}
	return nil
}

// argValues are the fixed values of a command's argument.
func argValues(cmd string) []string {
	switch cmd {
	case "schema":
		return enumOf(schema.Kinds)
	case "completion":
		return shells
	case "help":
		return commandNames()
	}
	return nil
}

func fileFlag(name string) bool { return slices.Contains([]string{"data", "brand", "layout"}, name) }

func bashCompletion() string {
	var b strings.Builder
	b.WriteString("# bash completion for briefing: source <(briefing completion bash)\n_briefing() {\n")
	b.WriteString("  local cur=\"${COMP_WORDS[COMP_CWORD]}\" prev=\"${COMP_WORDS[COMP_CWORD-1]}\"\n")
	fmt.Fprintf(&b, "  local cmds=%q\n", strings.Join(commandNames(), " "))
	b.WriteString("  case \"$prev\" in\n")
	b.WriteString("    --data|--brand|--layout) COMPREPLY=($(compgen -f -- \"$cur\")); return ;;\n")
	b.WriteString("    --out) COMPREPLY=($(compgen -d -- \"$cur\")); return ;;\n")
	for _, f := range []string{"kind", "format", "paper"} {
		fmt.Fprintf(&b, "    --%s) COMPREPLY=($(compgen -W %q -- \"${cur##*,}\")); return ;;\n", f, strings.Join(flagValues(f), " "))
	}
	b.WriteString("    --audience|--lang|--rec|--jobs) return ;;\n  esac\n")
	b.WriteString("  local cmd= w\n  for w in \"${COMP_WORDS[@]:1:COMP_CWORD-1}\"; do\n")
	b.WriteString("    case \" $cmds \" in *\" $w \"*) cmd=$w; break ;; esac\n  done\n")
	b.WriteString("  if [[ $cur == -* ]]; then\n    local flags\n    case \"$cmd\" in\n")
	for _, c := range commands() {
		var names []string
		for _, f := range flagsOf(c) {
			names = append(names, "--"+f.Name)
			if f.Shorthand != "" {
				names = append(names, "-"+f.Shorthand)
			}
		}
		names = append(names, "--help")
		pat := c.name
		if c.name == "build" {
			pat = "build|\"\""
		}
		fmt.Fprintf(&b, "      %s) flags=%q ;;\n", pat, strings.Join(names, " "))
	}
	b.WriteString("    esac\n    COMPREPLY=($(compgen -W \"$flags\" -- \"$cur\"))\n    return\n  fi\n")
	b.WriteString("  case \"$cmd\" in\n    \"\") COMPREPLY=($(compgen -W \"$cmds\" -- \"$cur\")) ;;\n")
	for _, c := range commands() {
		if v := argValues(c.name); v != nil {
			fmt.Fprintf(&b, "    %s) COMPREPLY=($(compgen -W %q -- \"$cur\")) ;;\n", c.name, strings.Join(v, " "))
		}
	}
	b.WriteString("    init) COMPREPLY=($(compgen -d -- \"$cur\")) ;;\n  esac\n}\ncomplete -F _briefing briefing\n")
	return b.String()
}

// zshQuote escapes text for an _arguments spec.
func zshQuote(s string) string {
	s = strings.NewReplacer("'", "'\\''", "[", "(", "]", ")", ":", " -").Replace(s)
	if i := strings.Index(s, " ("); i > 0 && len(s) > 70 {
		s = s[:i]
	}
	return s
}

func zshCompletion() string {
	var b strings.Builder
	b.WriteString("#compdef briefing\n# zsh completion for briefing: briefing completion zsh > \"${fpath[1]}/_briefing\"\n")
	b.WriteString("_briefing() {\n  local -a commands\n  commands=(\n")
	for _, c := range commands() {
		fmt.Fprintf(&b, "    '%s:%s'\n", c.name, zshQuote(c.summary))
	}
	b.WriteString("  )\n  local cmd=build i\n  for ((i = 2; i < CURRENT; i++)); do\n")
	b.WriteString("    if (( ${commands[(I)${words[i]}:*]} )); then cmd=${words[i]}; break; fi\n  done\n")
	b.WriteString("  if (( CURRENT == 2 )) && [[ ${words[CURRENT]} != -* ]]; then\n    _describe command commands\n    return\n  fi\n")
	b.WriteString("  case $cmd in\n")
	for _, c := range commands() {
		fmt.Fprintf(&b, "    %s)\n      _arguments -s \\\n", c.name)
		for _, f := range flagsOf(c) {
			spec := "--" + f.Name
			if f.Shorthand != "" {
				spec = fmt.Sprintf("(-%s --%s)'{-%s,--%s}'", f.Shorthand, f.Name, f.Shorthand, f.Name)
			}
			action := ""
			switch {
			case f.NoOptDefVal != "":
			case fileFlag(f.Name):
				action = ":file:_files"
			case f.Name == "out":
				action = ":folder:_files -/"
			case flagValues(f.Name) != nil:
				action = fmt.Sprintf(":%s:(%s)", f.Name, strings.Join(flagValues(f.Name), " "))
			default:
				action = ":" + f.Name + ": "
			}
			fmt.Fprintf(&b, "        '%s[%s]%s' \\\n", spec, zshQuote(f.Usage), action)
		}
		switch {
		case argValues(c.name) != nil:
			fmt.Fprintf(&b, "        '*:%s:(%s)'\n", c.name, strings.Join(argValues(c.name), " "))
		case c.name == "init":
			b.WriteString("        '*:folder:_files -/'\n")
		default:
			b.WriteString("        '--help[show help]'\n")
		}
		b.WriteString("      ;;\n")
	}
	b.WriteString("  esac\n}\n_briefing \"$@\"\n")
	return b.String()
}

// fishQuote quotes text for fish.
func fishQuote(s string) string { return "'" + strings.ReplaceAll(s, "'", "\\'") + "'" }

func fishCompletion() string {
	var b strings.Builder
	b.WriteString("# fish completion for briefing: briefing completion fish > ~/.config/fish/completions/briefing.fish\n")
	b.WriteString("complete -c briefing -f\n")
	names := strings.Join(commandNames(), " ")
	for _, c := range commands() {
		fmt.Fprintf(&b, "complete -c briefing -n 'not __fish_seen_subcommand_from %s' -a %s -d %s\n", names, c.name, fishQuote(c.summary))
	}
	for _, c := range commands() {
		cond := fmt.Sprintf("__fish_seen_subcommand_from %s", c.name)
		if c.name == "build" {
			cond = fmt.Sprintf("__fish_seen_subcommand_from build; or not __fish_seen_subcommand_from %s", names)
		}
		for _, f := range flagsOf(c) {
			fmt.Fprintf(&b, "complete -c briefing -n %s -l %s", fishQuote(cond), f.Name)
			if f.Shorthand != "" {
				fmt.Fprintf(&b, " -s %s", f.Shorthand)
			}
			switch {
			case f.NoOptDefVal != "":
			case fileFlag(f.Name):
				b.WriteString(" -r -F")
			case f.Name == "out":
				b.WriteString(" -r -a '(__fish_complete_directories)'")
			case flagValues(f.Name) != nil:
				fmt.Fprintf(&b, " -x -a %s", fishQuote(strings.Join(flagValues(f.Name), " ")))
			default:
				b.WriteString(" -x")
			}
			short := f.Usage
			if i := strings.Index(short, " ("); i > 0 {
				short = short[:i]
			}
			fmt.Fprintf(&b, " -d %s\n", fishQuote(short))
		}
		if v := argValues(c.name); v != nil {
			fmt.Fprintf(&b, "complete -c briefing -n %s -a %s\n", fishQuote(cond), fishQuote(strings.Join(v, " ")))
		}
		if c.name == "init" {
			fmt.Fprintf(&b, "complete -c briefing -n %s -a '(__fish_complete_directories)'\n", fishQuote(cond))
		}
	}
	return b.String()
}
