package statement_test

import (
	"flag"
	"os"
	"path"
	"strings"
	"testing"

	"briefing/briefing/statement"
	"briefing/data"
	"briefing/internal/testtool"
)

var update = flag.Bool("update", false, "rewrite the .err files of JSON test cases from the current output")

// TestLoadValid loads every case in testdata/valid: no errors, and exactly
// the warnings its "# warn:" lines name.
func TestLoadValid(t *testing.T) {
	for _, name := range testtool.CaseFiles(t, "testdata", "valid") {
		t.Run(name, func(t *testing.T) {
			ds, err := statement.Load(os.DirFS("testdata"), "valid/"+name)
			if err != nil {
				t.Fatalf("Load: %v", err)
			}
			errs, warns := statement.Check(ds)
			if len(errs) > 0 {
				t.Errorf("Check: %v", errs)
			}
			_, want := testtool.Expectations(t, "testdata", "valid", name)
			testtool.SameLines(t, "warnings", testtool.Messages(warns.Err()), want)
		})
	}
}

// TestLoadInvalid loads every case in testdata/invalid and compares the
// full list of error messages with its "# want:" lines.
func TestLoadInvalid(t *testing.T) {
	for _, name := range testtool.CaseFiles(t, "testdata", "invalid") {
		t.Run(name, func(t *testing.T) {
			ds, err := statement.Load(os.DirFS("testdata"), "invalid/"+name)
			if err == nil {
				t.Fatalf("Load succeeded: %+v", ds)
			}
			if ds != nil {
				t.Errorf("Load returned a dataset with its errors")
			}
			got := testtool.Messages(err)
			want, _ := testtool.Expectations(t, "testdata", "invalid", name)
			stem := strings.TrimSuffix(name, path.Ext(name))
			if *update && (path.Ext(name) != ".yaml") {
				os.WriteFile(path.Join("testdata", "invalid", stem+".err"), []byte("want: "+strings.Join(got, "\nwant: ")+"\n"), 0o644)
				return
			}
			if len(want) == 0 {
				t.Fatalf("no # want: lines; got:\n# want: %s", strings.Join(got, "\n# want: "))
			}
			testtool.SameLines(t, "errors", got, want)
		})
	}
}

// TestLoadDefault keeps the embedded default statement valid.
func TestLoadDefault(t *testing.T) {
	ds, err := statement.Load(data.FS, data.Default)
	if err != nil {
		t.Fatal(err)
	}
	errs, warns := statement.Check(ds)
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
