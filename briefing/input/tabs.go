package input

import (
	"bytes"
	"strings"

	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/token"
)

// A TAB typed inside a double-quoted scalar is valid YAML, and text: the
// YAML parser mishandles it (it counts the TAB twice, loses its place and
// reads the next line as part of the same one: "value is not allowed in
// this context"). quoteTabs hides each such TAB from the parser as
// tabMark, one character wide like the TAB, so that every position the
// parser reports stays true, and scalarText puts the TABs back (untab).
// tabMark is a noncharacter, which checkText refuses in a file, so that
// none is taken for a TAB.
const tabMark = '\ufdd0'

// quoteTabs returns b with each TAB inside a double-quoted scalar that
// the parser would mishandle (one with text after it on its line: a TAB
// that starts or ends a line of a scalar written over several lines is
// folded away, as YAML says) replaced by tabMark; b itself when there is
// none. It finds double-quoted scalars as YAML starts them: a '"' first on
// a line or after an indicator (": ", "- ", "[", "{", ","), outside
// comments and single-quoted scalars. Where it takes a '"' inside plain
// text for the start of a scalar, the TABs it marks are text all the same,
// and come back as TABs. A scalar left open is left to the parser to
// report.
func quoteTabs(b []byte) []byte {
	if bytes.IndexByte(b, '\t') < 0 {
		return b
	}
	var marks []int // where the TABs to hide are
	start := true   // a scalar may start here
	for i := 0; i < len(b); i++ {
		switch c := b[i]; {
		case c == '\n':
			start = true
		case c == ' ' || c == '\t' || c == '\r':
		case c == '#' && (i == 0 || b[i-1] == ' ' || b[i-1] == '\t' || b[i-1] == '\n'):
			for i+1 < len(b) && b[i+1] != '\n' {
				i++
			}
		case c == '\'' && start:
			j := i + 1
			for ; j < len(b); j++ {
				if b[j] == '\'' {
					if j+1 < len(b) && b[j+1] == '\'' {
						j++
						continue
					}
					break
				}
			}
			if j >= len(b) {
				return b
			}
			i, start = j, false
		case c == '"' && start:
			j := i + 1
			for ; j < len(b) && b[j] != '"'; j++ {
				if b[j] == '\\' {
					j++
				}
			}
			if j >= len(b) {
				return b
			}
			marks = append(marks, hiddenTabs(b, i, j)...)
			i, start = j, false
		case c == ':' || c == '-' || c == '?' || c == '[' || c == '{' || c == ',':
			start = true
		default:
			start = false
		}
	}
	if len(marks) == 0 {
		return b
	}
	out := make([]byte, 0, len(b)+2*len(marks))
	last := 0
	for _, k := range marks {
		out = append(out, b[last:k]...)
		out = append(out, string(tabMark)...)
		last = k + 1
	}
	return append(out, b[last:]...)
}

// hiddenTabs returns where the TABs are that quoteTabs hides in the
// double-quoted scalar whose quotes are at open and end: those in a run of
// blanks with text before it on its line (the opening quote counts) and
// after it (the closing quote counts). It looks at each byte once.
func hiddenTabs(b []byte, open, end int) []int {
	var marks []int
	text := true // text before, on this line
	for k := open + 1; k < end; k++ {
		switch b[k] {
		case '\\':
			// An escaped line break starts a line whose leading blanks
			// are folded away.
			text = k+1 < end && b[k+1] != '\n' && b[k+1] != '\r'
			k++
		case '\n', '\r':
			text = false
		case ' ', '\t':
			e := k
			for e < end && (b[e] == ' ' || b[e] == '\t') {
				e++
			}
			if text && b[e] != '\n' && b[e] != '\r' {
				for m := k; m < e; m++ {
					if b[m] == '\t' {
						marks = append(marks, m)
					}
				}
			}
			k = e - 1
		default:
			text = true
		}
	}
	return marks
}

// untab puts back the TABs quoteTabs hid.
func untab(s string) string {
	if !strings.ContainsRune(s, tabMark) {
		return s
	}
	return strings.ReplaceAll(s, string(tabMark), "\t")
}

// lostTab reports whether n is text written without quotes that held a
// TAB the parser dropped ("a<TAB>b" reads as "ab").
func lostTab(n ast.Node) bool {
	s, ok := n.(*ast.StringNode)
	if !ok || s.GetToken() == nil || s.GetToken().Type != token.StringType {
		return false
	}
	written := strings.TrimSpace(s.GetToken().Origin)
	return strings.Count(written, "\t") > strings.Count(s.Value, "\t")
}
