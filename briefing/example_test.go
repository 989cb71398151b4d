package briefing_test

import (
	"fmt"
	"os"

	"briefing/briefing"
)

func ExampleLoad() {
	_, err := briefing.Load(os.DirFS("testdata"), "invalid/unknown-key-and-missing-title.yaml")
	fmt.Println(err)
	// Output:
	// invalid/unknown-key-and-missing-title.yaml:3:1: title: required
	// invalid/unknown-key-and-missing-title.yaml:7:3: organisation.webiste: unknown field "webiste"; did you mean "website"?
}

func ExampleListDataset() {
	ds, err := briefing.Load(os.DirFS("testdata"), "valid/translated.yaml")
	if err != nil {
		fmt.Println(err)
		return
	}
	briefing.ListDataset(os.Stdout, ds)
	// Output:
	// Statement  A translated statement
	// ID         translated
	// Date       2024-06-21
	// Languages  en (base), es (unofficial, 2 fields untranslated)
	//
	// Recommendations (2)
	//   No.  ID      Title
	//   1    first   Do the first thing
	//   2    second  Do the second thing
	//
	// Audiences (1)
	//   ID      Name    Recommendations  Languages  Kinds       Formats   Paper
	//   states  States  2,1              en,es,fr   brief,pack  pdf,docx  default
}
