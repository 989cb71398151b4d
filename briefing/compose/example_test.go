package compose_test

import (
	"fmt"
	"os"

	"briefing/briefing/statement"
)

func ExampleLoad() {
	_, err := statement.Load(os.DirFS("../statement/testdata"), "invalid/unknown-key-and-missing-title.yaml")
	fmt.Println(err)
	// Output:
	// invalid/unknown-key-and-missing-title.yaml:3:1: title: required
	// invalid/unknown-key-and-missing-title.yaml:7:3: organisation.webiste: unknown field "webiste"; did you mean "website"?
}
