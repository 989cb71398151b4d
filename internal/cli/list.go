package cli

import (
	"io"

	"briefing/briefing"
)

const listHelp = `briefing list: show the statement, its recommendations, its audiences and
what each gets, and its languages, as a table.

Examples:
  briefing list
  briefing list --data mystatement.yaml
`

func runList(args []string, stdout, stderr io.Writer) error {
	var in inputs
	fs := newFlags("list", listHelp, stdout)
	in.flags(fs)
	if err := parse(fs, args); err != nil {
		return err
	}
	ds, err := in.loadData()
	if err != nil {
		return err
	}
	return briefing.ListDataset(stdout, ds)
}
