package briefing_test

import (
	"errors"
	"flag"
	"io/fs"
	"os"
	"path"
	"regexp"
	"sort"
	"strings"
	"testing"

	"briefing/briefing"
	"briefing/data"
)

var update = flag.Bool("update", false, "rewrite the .err files of JSON test cases from the current output")

// caseFiles lists the base files of the test cases in testdata/dir: data
// files whose name has no language part ("x.yaml", not "x.es.yaml").
func caseFiles(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	ents, err := os.ReadDir(path.Join("testdata", dir))
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

// expectations reads the "# want:" and "# warn:" lines of a case: from its
// base file and its translations, and from a sibling .err file (lines
// "want: ..." or "warn: ..."), for files that cannot hold comments.
func expectations(t *testing.T, dir, name string) (want, warn []string) {
	t.Helper()
	stem := strings.TrimSuffix(name, path.Ext(name))
	files, _ := fs.Glob(os.DirFS("testdata"), path.Join(dir, stem)+".*")
	sort.Slice(files, func(i, j int) bool { // the base file first
		return len(strings.Split(files[i], ".")) < len(strings.Split(files[j], ".")) ||
			len(strings.Split(files[i], ".")) == len(strings.Split(files[j], ".")) && files[i] < files[j]
	})
	for _, f := range files {
		b, err := os.ReadFile(path.Join("testdata", f))
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

func messages(err error) []string {
	if err == nil {
		return nil
	}
	var l briefing.ErrorList
	if !errors.As(err, &l) {
		return []string{"not an ErrorList: " + err.Error()}
	}
	out := make([]string, len(l))
	for i, e := range l {
		out[i] = e.Error()
	}
	return out
}

func sameLines(t *testing.T, what string, got, want []string) {
	t.Helper()
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("%s:\ngot:\n\t%s\nwant:\n\t%s", what, strings.Join(got, "\n\t"), strings.Join(want, "\n\t"))
	}
}

// TestLoadValid loads every case in testdata/valid: no errors, and exactly
// the warnings its "# warn:" lines name.
func TestLoadValid(t *testing.T) {
	for _, name := range caseFiles(t, "valid") {
		t.Run(name, func(t *testing.T) {
			ds, err := briefing.Load(os.DirFS("testdata"), "valid/"+name)
			if err != nil {
				t.Fatalf("Load: %v", err)
			}
			errs, warns := briefing.Check(ds)
			if len(errs) > 0 {
				t.Errorf("Check: %v", errs)
			}
			_, want := expectations(t, "valid", name)
			sameLines(t, "warnings", messages(warns.Err()), want)
		})
	}
}

// TestLoadInvalid loads every case in testdata/invalid and compares the
// full list of error messages with its "# want:" lines.
func TestLoadInvalid(t *testing.T) {
	for _, name := range caseFiles(t, "invalid") {
		t.Run(name, func(t *testing.T) {
			ds, err := briefing.Load(os.DirFS("testdata"), "invalid/"+name)
			if err == nil {
				t.Fatalf("Load succeeded: %+v", ds)
			}
			if ds != nil {
				t.Errorf("Load returned a dataset with its errors")
			}
			got := messages(err)
			want, _ := expectations(t, "invalid", name)
			stem := strings.TrimSuffix(name, path.Ext(name))
			if *update && (path.Ext(name) != ".yaml") {
				os.WriteFile(path.Join("testdata", "invalid", stem+".err"), []byte("want: "+strings.Join(got, "\nwant: ")+"\n"), 0o644)
				return
			}
			if len(want) == 0 {
				t.Fatalf("no # want: lines; got:\n# want: %s", strings.Join(got, "\n# want: "))
			}
			sameLines(t, "errors", got, want)
		})
	}
}

// TestLoadDefault keeps the embedded default statement valid.
func TestLoadDefault(t *testing.T) {
	ds, err := briefing.Load(data.FS, data.Default)
	if err != nil {
		t.Fatal(err)
	}
	errs, warns := briefing.Check(ds)
	if len(errs) > 0 {
		t.Error(errs)
	}
	for _, w := range warns {
		t.Log("warning:", w)
	}
	if len(ds.Base.Recommendations) != 4 || len(ds.Base.Audiences) == 0 {
		t.Errorf("default data: %d recommendations, %d audiences", len(ds.Base.Recommendations), len(ds.Base.Audiences))
	}
}
