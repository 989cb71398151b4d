package cli

import (
	"errors"
	"io"
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
	_ = ds
	return errors.New("list: not yet") // TODO: briefing.List from the loader branch
}
