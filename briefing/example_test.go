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
