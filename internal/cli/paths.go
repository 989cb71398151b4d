package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"briefing/briefing/input"
)

// fileArg checks that p, the value of flag (--data, --brand, --layout),
// names a file, and says what the user likely meant when it does not: a
// file of a name close to p's (a typo, in p's folder or in a folder of a
// name close to it), or, for a folder, the file named usual in it. nil
// when p is a file.
func fileArg(flag, p, usual string) *input.Error {
	st, err := os.Stat(p)
	switch {
	case err == nil && !st.IsDir():
		return nil
	case err == nil:
		in := filepath.Join(p, usual)
		if st, err := os.Stat(in); err == nil && !st.IsDir() {
			return &input.Error{Place: input.Place{File: p}, Msg: fmt.Sprintf("is a folder; did you mean %s %s?", flag, in)}
		}
		msg := fmt.Sprintf("is a folder, not a file; name the file in it, e.g. %s %s", flag, in)
		if have := yamlFiles(p); len(have) > 0 {
			msg += fmt.Sprintf(" (it holds %s)", strings.Join(have, ", "))
		}
		return &input.Error{Place: input.Place{File: p}, Msg: msg}
	}
	msg := notFound(err)
	if s := suggestPath(p, 2); s != "" {
		msg += fmt.Sprintf("; did you mean %s %s?", flag, s)
	}
	return &input.Error{Place: input.Place{File: p}, Msg: msg}
}

// suggestPath returns the existing path closest to p, a path that is not
// there, by the edit distance of its last element and, up to depth
// folders up, of its folders'; "" when none is close.
func suggestPath(p string, depth int) string {
	dir, name := filepath.Split(filepath.Clean(p))
	if name == "" {
		return ""
	}
	d := filepath.Clean(dir)
	if dir == "" {
		d = "."
	}
	if st, err := os.Stat(d); err != nil || !st.IsDir() {
		if depth == 0 {
			return ""
		}
		fixed := suggestPath(d, depth-1)
		if fixed == "" {
			return ""
		}
		if _, err := os.Stat(filepath.Join(fixed, name)); err == nil {
			return filepath.Join(fixed, name)
		}
		d, dir = fixed, fixed
	}
	entries, err := os.ReadDir(d)
	if err != nil {
		return ""
	}
	names := make([]string, len(entries))
	for i, e := range entries {
		names[i] = e.Name()
	}
	s := input.Suggest(name, names)
	if s == "" {
		return ""
	}
	return filepath.Join(dir, s)
}

// yamlFiles lists the YAML and JSON files in folder dir, at most five.
func yamlFiles(dir string) []string {
	entries, _ := os.ReadDir(dir)
	var out []string
	for _, e := range entries {
		switch filepath.Ext(e.Name()) {
		case ".yaml", ".yml", ".json":
			if !e.IsDir() && len(out) < 5 {
				out = append(out, e.Name())
			}
		}
	}
	return out
}
