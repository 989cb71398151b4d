package completion

import (
	"fmt"
	"strings"
)

// bashHelpers are the bash script's functions that the generated one
// calls. They read its locals: keep, pre, val, w and n.
const bashHelpers = `# _briefing_reply WORD...: COMPREPLY gets each WORD less $keep, the start
# of the word that readline keeps ("--format=" when bash split the word at
# "=", a COMP_WORDBREAKS character).
_briefing_reply() {
  local x
  for x; do COMPREPLY+=("${x#"$keep"}"); done
}
# _briefing_values LIST VALUE...: the VALUEs that start like $val, the value
# at the cursor (after $pre, "--flag=", if typed so). With LIST 1 the value
# is a comma-separated list: the items before the last comma stay, and an
# item already there is not offered again.
_briefing_values() {
  local list=$1 head= x case=$(shopt -p nocasematch)
  shift
  [[ $list == 1 && $val == *,* ]] && head=${val%,*},
  local tail=${val#"$head"}
  shopt -s nocasematch # as briefing matches values
  for x; do
    [[ ,$head == *",$x,"* ]] && continue
    [[ $x == "$tail"* ]] && _briefing_reply "$pre$head$x"
  done
  $case
}
# _briefing_data FLAG LIST: _briefing_values with the values of FLAG that
# the statement decides, from briefing ` + Hidden + ` (the words before the
# cursor say which statement).
_briefing_data() {
  local -a v
  local x
  while IFS= read -r x; do v+=("$x"); done < <("${COMP_WORDS[0]}" ` + Hidden + ` "$1" "${w[@]:1:n-2}" 2>/dev/null)
  _briefing_values "$2" "${v[@]}"
}
# _briefing_files compgen-OPTION: the files (-f) or folders (-d) that start
# like $val.
_briefing_files() {
  local -a v
  local x
  compopt -o filenames 2>/dev/null
  while IFS= read -r x; do v+=("$x"); done < <(compgen "$1" -- "$val")
  _briefing_reply "${v[@]/#/$pre}"
}
`

// bashWords reassembles the words to the cursor: bash splits a word at
// "=" and ":" (COMP_WORDBREAKS), so --format=pdf comes as three; pieces
// with no blank between them in the line are one word again, as the
// program will see it.
const bashWords = `  local -a w=()
  local i n x line=$COMP_LINE
  for ((i = 0; i <= COMP_CWORD; i++)); do
    x=${COMP_WORDS[i]} n=${#w[@]}
    if ((n > 1)) && [[ $line != [[:blank:]]* ]] && [[ -n $x && -z ${x//[=:]} || ${w[n-1]} == *[=:] ]]; then
      w[n-1]+=$x
    else
      w+=("$x")
    fi
    line=${line#"${line%%[![:blank:]]*}"}
    line=${line#"$x"}
  done
  n=${#w[@]}
  local cur=${w[n-1]} prev=${w[n-2]}
  # keep: what readline keeps of cur, up to where bash split it.
  x=${COMP_WORDS[COMP_CWORD]}
  [[ -z ${x//[=:]} ]] && x=
  local keep=${cur%"$x"} flag=$prev val=$cur pre=
  if [[ $cur == -?*=* ]]; then
    flag=${cur%%=*} val=${cur#*=} pre=${cur%%=*}=
  fi
`

// Bash returns the bash completion script for cmds. It keeps to what bash
// 3.2 has (macOS's), so no mapfile and no ${x,,}.
func Bash(cmds []Command) string {
	var b strings.Builder
	b.WriteString("# bash completion for briefing: source <(briefing completion bash)\n")
	b.WriteString(bashHelpers)
	b.WriteString("_briefing() {\n")
	fmt.Fprintf(&b, "  local cmds=%q\n", strings.Join(names(cmds), " "))
	b.WriteString(bashWords)
	b.WriteString("  case $flag in\n")
	var valued []string
	for _, f := range valueFlags(cmds) {
		valued = append(valued, f.spellings()...)
		pat := strings.Join(f.spellings(), "|")
		switch {
		case f.Kind == File:
			fmt.Fprintf(&b, "    %s) _briefing_files -f; return ;;\n", pat)
		case f.Kind == Folder:
			fmt.Fprintf(&b, "    %s) _briefing_files -d; return ;;\n", pat)
		case f.Kind == Data:
			fmt.Fprintf(&b, "    %s) _briefing_data --%s %d; return ;;\n", pat, f.Name, bool01(f.List))
		case f.Values != nil:
			fmt.Fprintf(&b, "    %s) _briefing_values %d %s; return ;;\n", pat, bool01(f.List), strings.Join(f.Values, " "))
		default:
			fmt.Fprintf(&b, "    %s) return ;;\n", pat)
		}
	}
	b.WriteString("  esac\n  [[ $pre ]] && return # --flag=… of a flag that takes no value\n")
	b.WriteString("  # The command: the first word that is neither a flag nor a flag's value.\n")
	b.WriteString("  local cmd= skip=\n  for x in \"${w[@]:1:n-2}\"; do\n")
	b.WriteString("    if [[ $skip ]]; then skip=; continue; fi\n    case $x in\n")
	fmt.Fprintf(&b, "      %s) skip=1 ;;\n", strings.Join(valued, "|"))
	b.WriteString("      -*) ;;\n      *) case \" $cmds \" in *\" $x \"*) cmd=$x ;; esac; break ;;\n    esac\n  done\n")
	b.WriteString("  if [[ $cur == -* ]]; then\n    local flags\n    case $cmd in\n")
	for _, c := range cmds {
		var names []string
		for _, f := range c.Flags {
			names = append(names, f.spellings()...)
		}
		names = append(names, Help.spellings()...)
		if c.Default {
			top := append(names[:len(names):len(names)], Version.spellings()...)
			fmt.Fprintf(&b, "      \"\") flags=%q ;;\n", strings.Join(top, " "))
		}
		fmt.Fprintf(&b, "      %s) flags=%q ;;\n", c.Name, strings.Join(names, " "))
	}
	b.WriteString("    esac\n    COMPREPLY=($(compgen -W \"$flags\" -- \"$cur\"))\n    return\n  fi\n")
	b.WriteString("  case $cmd in\n    \"\") COMPREPLY=($(compgen -W \"$cmds\" -- \"$cur\")) ;;\n")
	for _, c := range cmds {
		if v := c.Args; v != nil {
			fmt.Fprintf(&b, "    %s) COMPREPLY=($(compgen -W %q -- \"$cur\")) ;;\n", c.Name, strings.Join(v, " "))
		}
	}
	for _, c := range cmds {
		if c.FolderArg {
			fmt.Fprintf(&b, "    %s) _briefing_files -d ;;\n", c.Name)
		}
	}
	b.WriteString("  esac\n}\ncomplete -F _briefing briefing\n")
	return b.String()
}
