package cli

import (
	"fmt"
	"slices"
	"strings"

	"briefing/briefing/input"
	"briefing/briefing/schema"
)

const schemaHelp = `briefing schema KIND: print the JSON Schema of a kind of data file:
statement, translation, brand or layout. Editors use it to complete keys and
flag mistakes while typing: with VS Code's YAML extension, a first line

  # yaml-language-server: $schema=schema/statement.schema.json

(as briefing init writes) points a file at its schema. The schema covers what
one file can say; briefing check also checks references between lists,
translations against their base file, fonts, logos and page fit.

Examples:
  briefing schema statement > schema/statement.schema.json
  briefing schema brand
`

func runSchema(c *call) error {
	kinds := enumOf(schema.Kinds)
	if len(c.args) == 0 {
		return usagef("which schema? want one of %s", strings.Join(kinds, ", "))
	}
	k := strings.ToLower(strings.TrimSpace(c.args[0]))
	if !slices.Contains(kinds, k) {
		msg := fmt.Sprintf("no schema %q; want one of %s", c.args[0], strings.Join(kinds, ", "))
		if s := input.Suggest(k, kinds); s != "" {
			msg = fmt.Sprintf("no schema %q; did you mean %q? (want one of %s)", c.args[0], s, strings.Join(kinds, ", "))
		}
		return usagef("%s", msg)
	}
	b, err := schema.JSON(schema.Kind(k))
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(c.stdout, "%s\n", b)
	return err
}

func enumOf[T ~string](vs []T) []string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = string(v)
	}
	return out
}
