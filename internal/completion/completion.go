// Package completion writes shell completion scripts (bash, zsh, fish) for
// briefing from a description of its commands and flags: which values a
// flag takes, which take a file or a folder, and which arguments a command
// takes.
package completion

import (
	"fmt"
	"strings"
)

// Shells are the shells completion writes scripts for.
var Shells = []string{"bash", "zsh", "fish"}

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
	// Value is free text: nothing to complete.
	Value Kind = iota
	// File is a file name.
	File
	// Folder is a folder name.
	Folder
)

// Flag is a flag as completion sees it.
type Flag struct {
	Name, Short, Usage string
	// Bool is set for a flag that takes no value.
	Bool bool
	Kind Kind
	// Values are the flag's fixed values, if it has any.
	Values []string
}

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

// flagsByKind lists the value-taking flags of every command by kind
// ("--data", ...), each once, in order of first appearance; flags with
// fixed values are left to valued.
func flagsByKind(cmds []Command) map[Kind][]string {
	seen := map[string]bool{}
	out := map[Kind][]string{}
	for _, c := range cmds {
		for _, f := range c.Flags {
			if f.Bool || f.Values != nil || seen[f.Name] {
				continue
			}
			seen[f.Name] = true
			out[f.Kind] = append(out[f.Kind], "--"+f.Name)
		}
	}
	return out
}

// valued lists the flags with fixed values, each once, in order of first
// appearance.
func valued(cmds []Command) []Flag {
	seen := map[string]bool{}
	var out []Flag
	for _, c := range cmds {
		for _, f := range c.Flags {
			if f.Values != nil && !seen[f.Name] {
				seen[f.Name] = true
				out = append(out, f)
			}
		}
	}
	return out
}

// Bash returns the bash completion script for cmds.
func Bash(cmds []Command) string {
	var b strings.Builder
	b.WriteString("# bash completion for briefing: source <(briefing completion bash)\n_briefing() {\n")
	b.WriteString("  local cur=\"${COMP_WORDS[COMP_CWORD]}\" prev=\"${COMP_WORDS[COMP_CWORD-1]}\"\n")
	fmt.Fprintf(&b, "  local cmds=%q\n", strings.Join(names(cmds), " "))
	b.WriteString("  case \"$prev\" in\n")
	byKind := flagsByKind(cmds)
	fmt.Fprintf(&b, "    %s) COMPREPLY=($(compgen -f -- \"$cur\")); return ;;\n", strings.Join(byKind[File], "|"))
	fmt.Fprintf(&b, "    %s) COMPREPLY=($(compgen -d -- \"$cur\")); return ;;\n", strings.Join(byKind[Folder], "|"))
	for _, f := range valued(cmds) {
		fmt.Fprintf(&b, "    --%s) COMPREPLY=($(compgen -W %q -- \"${cur##*,}\")); return ;;\n", f.Name, strings.Join(f.Values, " "))
	}
	fmt.Fprintf(&b, "    %s) return ;;\n  esac\n", strings.Join(byKind[Value], "|"))
	b.WriteString("  local cmd= w\n  for w in \"${COMP_WORDS[@]:1:COMP_CWORD-1}\"; do\n")
	b.WriteString("    case \" $cmds \" in *\" $w \"*) cmd=$w; break ;; esac\n  done\n")
	b.WriteString("  if [[ $cur == -* ]]; then\n    local flags\n    case \"$cmd\" in\n")
	for _, c := range cmds {
		var names []string
		for _, f := range c.Flags {
			names = append(names, "--"+f.Name)
			if f.Short != "" {
				names = append(names, "-"+f.Short)
			}
		}
		names = append(names, "--help")
		pat := c.Name
		if c.Default {
			pat = "build|\"\""
		}
		fmt.Fprintf(&b, "      %s) flags=%q ;;\n", pat, strings.Join(names, " "))
	}
	b.WriteString("    esac\n    COMPREPLY=($(compgen -W \"$flags\" -- \"$cur\"))\n    return\n  fi\n")
	b.WriteString("  case \"$cmd\" in\n    \"\") COMPREPLY=($(compgen -W \"$cmds\" -- \"$cur\")) ;;\n")
	for _, c := range cmds {
		if v := c.Args; v != nil {
			fmt.Fprintf(&b, "    %s) COMPREPLY=($(compgen -W %q -- \"$cur\")) ;;\n", c.Name, strings.Join(v, " "))
		}
	}
	for _, c := range cmds {
		if c.FolderArg {
			fmt.Fprintf(&b, "    %s) COMPREPLY=($(compgen -d -- \"$cur\")) ;;\n", c.Name)
		}
	}
	b.WriteString("  esac\n}\ncomplete -F _briefing briefing\n")
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

// Zsh returns the zsh completion script for cmds.
func Zsh(cmds []Command) string {
	var b strings.Builder
	b.WriteString("#compdef briefing\n# zsh completion for briefing: briefing completion zsh > \"${fpath[1]}/_briefing\"\n")
	b.WriteString("_briefing() {\n  local -a commands\n  commands=(\n")
	for _, c := range cmds {
		fmt.Fprintf(&b, "    '%s:%s'\n", c.Name, zshQuote(c.Summary))
	}
	b.WriteString("  )\n  local cmd=build i\n  for ((i = 2; i < CURRENT; i++)); do\n")
	b.WriteString("    if (( ${commands[(I)${words[i]}:*]} )); then cmd=${words[i]}; break; fi\n  done\n")
	b.WriteString("  if (( CURRENT == 2 )) && [[ ${words[CURRENT]} != -* ]]; then\n    _describe command commands\n    return\n  fi\n")
	b.WriteString("  case $cmd in\n")
	for _, c := range cmds {
		fmt.Fprintf(&b, "    %s)\n      _arguments -s \\\n", c.Name)
		for _, f := range c.Flags {
			spec := "--" + f.Name
			if f.Short != "" {
				spec = fmt.Sprintf("(-%s --%s)'{-%s,--%s}'", f.Short, f.Name, f.Short, f.Name)
			}
			action := ""
			switch {
			case f.Bool:
			case f.Kind == File:
				action = ":file:_files"
			case f.Kind == Folder:
				action = ":folder:_files -/"
			case f.Values != nil:
				action = fmt.Sprintf(":%s:(%s)", f.Name, strings.Join(f.Values, " "))
			default:
				action = ":" + f.Name + ": "
			}
			fmt.Fprintf(&b, "        '%s[%s]%s' \\\n", spec, zshQuote(f.Usage), action)
		}
		switch {
		case c.Args != nil:
			fmt.Fprintf(&b, "        '*:%s:(%s)'\n", c.Name, strings.Join(c.Args, " "))
		case c.FolderArg:
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

// Fish returns the fish completion script for cmds.
func Fish(cmds []Command) string {
	var b strings.Builder
	b.WriteString("# fish completion for briefing: briefing completion fish > ~/.config/fish/completions/briefing.fish\n")
	b.WriteString("complete -c briefing -f\n")
	names := strings.Join(names(cmds), " ")
	for _, c := range cmds {
		fmt.Fprintf(&b, "complete -c briefing -n 'not __fish_seen_subcommand_from %s' -a %s -d %s\n", names, c.Name, fishQuote(c.Summary))
	}
	for _, c := range cmds {
		cond := fmt.Sprintf("__fish_seen_subcommand_from %s", c.Name)
		if c.Default {
			cond = fmt.Sprintf("__fish_seen_subcommand_from build; or not __fish_seen_subcommand_from %s", names)
		}
		for _, f := range c.Flags {
			fmt.Fprintf(&b, "complete -c briefing -n %s -l %s", fishQuote(cond), f.Name)
			if f.Short != "" {
				fmt.Fprintf(&b, " -s %s", f.Short)
			}
			switch {
			case f.Bool:
			case f.Kind == File:
				b.WriteString(" -r -F")
			case f.Kind == Folder:
				b.WriteString(" -r -a '(__fish_complete_directories)'")
			case f.Values != nil:
				fmt.Fprintf(&b, " -x -a %s", fishQuote(strings.Join(f.Values, " ")))
			default:
				b.WriteString(" -x")
			}
			short := f.Usage
			if i := strings.Index(short, " ("); i > 0 {
				short = short[:i]
			}
			fmt.Fprintf(&b, " -d %s\n", fishQuote(short))
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
