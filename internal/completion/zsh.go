package completion

import (
	"fmt"
	"strings"
)

// zshQuote escapes text for an _arguments spec.
func zshQuote(s string) string {
	s = strings.NewReplacer("'", "'\\''", "[", "(", "]", ")", ":", " -").Replace(s)
	if i := strings.Index(s, " ("); i > 0 && len(s) > 70 {
		s = s[:i]
	}
	return s
}

// zshHelpers are the zsh script's function for flag values.
const zshHelpers = `# _briefing_values NAME LIST [VALUE...]: the values of --NAME, a
# comma-separated list when LIST is 1 (each item offered once); without
# VALUEs, the ones the statement decides, from briefing ` + Hidden + ` (the
# words before the cursor say which statement).
_briefing_values() {
  local name=$1 list=$2
  shift 2
  local -a vals
  if (( $# )); then
    vals=("$@")
  else
    vals=(${(f)"$(_call_program values $words[1] ` + Hidden + ` --$name ${words[2,CURRENT-1]} 2>/dev/null)"})
  fi
  if (( list )); then
    # The items typed are not offered again, ignoring case as briefing does.
    local -a have keep
    local v
    [[ $PREFIX == *,* ]] && have=(${(s:,:)${(L)PREFIX%,*}})
    for v in $vals; do
      (( ${have[(Ie)${(L)v}]} )) || keep+=($v)
    done
    _sequence -s , compadd - $keep
  else
    compadd - $vals
  fi
}
`

// zshSpec is a flag's _arguments spec: --format=[…]:format:action, the
// "=" saying that the value may follow in the same word or the next.
func zshSpec(f Flag) string {
	name, short := "--"+f.Name, "-"+f.Short
	if !f.Bool {
		name += "="
		short += "+"
	}
	excl := ""
	if f.Short != "" {
		excl = fmt.Sprintf("(-%s --%s)", f.Short, f.Name)
	}
	if f.Name == Help.Name || f.Name == Version.Name {
		excl = "(- *)" // nothing else goes with it
	}
	spec := "'" + excl + name
	if f.Short != "" {
		spec = fmt.Sprintf("'%s'{%s,%s}'", excl, short, name)
	}
	action := ""
	switch {
	case f.Bool:
	case f.Kind == File:
		action = ":file:_files"
	case f.Kind == Folder:
		action = ":folder:_files -/"
	case f.Kind == Data:
		action = fmt.Sprintf(":%s:{_briefing_values %s %d}", f.Name, f.Name, bool01(f.List))
	case f.Values != nil:
		action = fmt.Sprintf(":%s:{_briefing_values %s %d %s}", f.Name, f.Name, bool01(f.List), strings.Join(f.Values, " "))
	default:
		action = ":" + f.Name + ": "
	}
	return fmt.Sprintf("%s[%s]%s'", spec, zshQuote(f.Usage), action)
}

// Zsh returns the zsh completion script for cmds.
func Zsh(cmds []Command) string {
	var b strings.Builder
	b.WriteString("#compdef briefing\n# zsh completion for briefing: briefing completion zsh > \"${fpath[1]}/_briefing\"\n")
	b.WriteString(zshHelpers)
	b.WriteString("_briefing() {\n  local -a commands\n  commands=(\n")
	for _, c := range cmds {
		fmt.Fprintf(&b, "    '%s:%s'\n", c.Name, zshQuote(c.Summary))
	}
	b.WriteString("  )\n  local cmd= i\n  for ((i = 2; i < CURRENT; i++)); do\n")
	b.WriteString("    if (( ${commands[(I)${words[i]}:*]} )); then cmd=${words[i]}; break; fi\n  done\n")
	b.WriteString("  if (( CURRENT == 2 )) && [[ ${words[CURRENT]} != -* ]]; then\n    _describe command commands\n    return\n  fi\n")
	b.WriteString("  # _arguments takes the command's words: the command itself is not one.\n")
	b.WriteString("  local -a top\n  if [[ -n $cmd ]]; then\n    words[i]=()\n    (( CURRENT-- ))\n  else\n")
	fmt.Fprintf(&b, "    top=(%s '1:command:{_describe command commands}')\n  fi\n", zshSpec(Version))
	b.WriteString("  case ${cmd:-" + defaultName(cmds) + "} in\n")
	for _, c := range cmds {
		specs := []string{"_arguments -s $top"}
		for _, f := range append(c.Flags, Help) {
			specs = append(specs, zshSpec(f))
		}
		switch {
		case c.Args != nil:
			specs = append(specs, fmt.Sprintf("'*:%s:(%s)'", c.Name, strings.Join(c.Args, " ")))
		case c.FolderArg:
			specs = append(specs, "'*:folder:_files -/'")
		}
		fmt.Fprintf(&b, "    %s)\n      %s\n", c.Name, strings.Join(specs, " \\\n        "))
		b.WriteString("      ;;\n")
	}
	b.WriteString("  esac\n}\n_briefing \"$@\"\n")
	return b.String()
}

// defaultName is the name of the command run when none is named.
func defaultName(cmds []Command) string {
	for _, c := range cmds {
		if c.Default {
			return c.Name
		}
	}
	return ""
}
