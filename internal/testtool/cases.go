package testtool

import (
	"briefing/briefing/input"
	"errors"
	"io/fs"
	"os"
	"path"
	"regexp"
	"sort"
	"strings"
	"testing"
)

// CaseFiles lists the base files of the test cases in root/dir: data
// files whose name has no language part ("x.yaml", not "x.es.yaml").
func CaseFiles(t *testing.T, root, dir string) []string {
	t.Helper()
	var out []string
	ents, err := os.ReadDir(path.Join(root, dir))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range ents {
		n := e.Name()
		ext := path.Ext(n)
		if ext != ".yaml" && ext != ".json" && ext != ".bin" {
			continue
		}
		if strings.Contains(strings.TrimSuffix(n, ext), ".") {
			continue // a translation, loaded with its base file
		}
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

var wantRe = regexp.MustCompile(`(?m)^#\s*(want|warn):\s?(.*)$`)

// Expectations reads the "# want:" and "# warn:" lines of a case: from its
// base file and its translations, and from a sibling .err file (lines
// "want: ..." or "warn: ..."), for files that cannot hold comments.
func Expectations(t *testing.T, root, dir, name string) (want, warn []string) {
	t.Helper()
	stem := strings.TrimSuffix(name, path.Ext(name))
	files, _ := fs.Glob(os.DirFS(root), path.Join(dir, stem)+".*")
	sort.Slice(files, func(i, j int) bool { // the base file first
		return len(strings.Split(files[i], ".")) < len(strings.Split(files[j], ".")) ||
			len(strings.Split(files[i], ".")) == len(strings.Split(files[j], ".")) && files[i] < files[j]
	})
	for _, f := range files {
		b, err := os.ReadFile(path.Join(root, f))
		if err != nil {
			t.Fatal(err)
		}
		text := string(b)
		if strings.HasSuffix(f, ".err") {
			text = regexp.MustCompile(`(?m)^(want|warn):`).ReplaceAllString(text, "# $1:")
		} else if path.Ext(f) == ".bin" {
			continue
		}
		for _, m := range wantRe.FindAllStringSubmatch(text, -1) {
			if m[1] == "want" {
				want = append(want, m[2])
			} else {
				warn = append(warn, m[2])
			}
		}
	}
	return want, warn
}

// Messages returns the lines of an input.ErrorList.
func Messages(err error) []string {
	if err == nil {
		return nil
	}
	var l input.ErrorList
	if !errors.As(err, &l) {
		return []string{"not an ErrorList: " + err.Error()}
	}
	out := make([]string, len(l))
	for i, e := range l {
		out[i] = e.Error()
	}
	return out
}

// SameLines fails the test when got and want differ.
func SameLines(t *testing.T, what string, got, want []string) {
	t.Helper()
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("%s:\ngot:\n\t%s\nwant:\n\t%s", what, strings.Join(got, "\n\t"), strings.Join(want, "\n\t"))
	}
}
