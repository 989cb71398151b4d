package cli

import (
	"fmt"
	"io"

	"briefing/briefing"
)

const checkHelp = `briefing check: check the statement data, its translations, the brand and the
layout files (and that the brand fonts can draw every character of the text),
and print every problem with its file, line, column and field.
Untranslated fields are listed as warnings. Writes nothing. Exit status 1 when
there is a problem.

Examples:
  briefing check
  briefing check --data mystatement.yaml
  briefing check --data mystatement.yaml --brand mybrand/brand.yaml
`

func runCheck(args []string, stdout, stderr io.Writer) error {
	var in inputs
	fs := newFlags("check", checkHelp, stdout)
	in.flags(fs)
	if err := parse(fs, args); err != nil {
		return err
	}
	var problems briefing.ErrorList
	ds, err := in.loadData()
	problems = appendErr(problems, err)
	st, err := in.loadStyle()
	problems = appendErr(problems, err)
	problems = append(problems, briefing.CheckGlyphs(ds, st)...)
	if len(problems) > 0 {
		return problems
	}
	_, warnings := briefing.Check(ds)
	for _, w := range warnings {
		fmt.Fprintf(stderr, "%s (warning)\n", w)
	}
	langs := ds.Languages()
	fmt.Fprintf(stdout, "%s: ok: %d recommendations, %d audiences, languages %v", ds.File, len(ds.Base.Recommendations), len(ds.Base.Audiences), langs)
	if len(warnings) > 0 {
		fmt.Fprintf(stdout, ", %d untranslated %s", len(warnings), plural(len(warnings), "field", "fields"))
	}
	fmt.Fprintln(stdout)
	return nil
}

// appendErr adds err's errors to l.
func appendErr(l briefing.ErrorList, err error) briefing.ErrorList {
	switch e := err.(type) {
	case nil:
		return l
	case briefing.ErrorList:
		return append(l, e...)
	case *briefing.Error:
		return append(l, e)
	default:
		return append(l, &briefing.Error{Msg: err.Error()})
	}
}
