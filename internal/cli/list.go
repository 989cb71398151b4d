package cli

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"

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
	return writeList(stdout, ds)
}

// writeList writes a readable summary of a dataset to w: the statement's title,
// id and date, its languages with each translation's status, its
// recommendations and its audiences with what each gets.
func writeList(w io.Writer, ds *briefing.Dataset) error {
	s := ds.Base
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintf(tw, "Statement\t%s\n", briefing.PlainText(s.Title))
	fmt.Fprintf(tw, "ID\t%s\n", s.ID)
	fmt.Fprintf(tw, "Date\t%s\n", s.Date)
	fmt.Fprintf(tw, "Languages\t%s\n", strings.Join(languageStatus(ds), ", "))
	if err := tw.Flush(); err != nil {
		return err
	}

	fmt.Fprintf(w, "\nRecommendations (%d)\n", len(s.Recommendations))
	tw = tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintf(tw, "  No.\tID\tTitle\n")
	for _, r := range s.Recommendations {
		fmt.Fprintf(tw, "  %d\t%s\t%s\n", r.Number, r.ID, briefing.Shorten(briefing.PlainText(r.Title), 60))
	}
	if err := tw.Flush(); err != nil {
		return err
	}

	fmt.Fprintf(w, "\nAudiences (%d)\n", len(s.Audiences))
	tw = tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintf(tw, "  ID\tName\tRecommendations\tLanguages\tKinds\tFormats\tPaper\n")
	for i := range s.Audiences {
		a := &s.Audiences[i]
		var recs []string
		if len(a.Recommendations) == 0 || len(a.Recommendations) == 1 && a.Recommendations[0] == "all" {
			recs = []string{"all"}
		} else {
			for _, r := range s.Selected(a) {
				recs = append(recs, strconv.Itoa(r.Number))
			}
		}
		langs := a.Languages
		if len(langs) == 0 {
			langs = []string{s.Lang}
		}
		paper := string(a.Paper)
		if paper == "" {
			paper = "default"
		}
		fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\t%s\t%s\t%s\n", a.ID, briefing.Shorten(briefing.PlainText(a.Name), 40),
			strings.Join(recs, ","), strings.Join(langs, ","), joinAll(a.Kinds, briefing.Kinds), joinAll(a.Formats, briefing.Formats), paper)
	}
	return tw.Flush()
}

// languageStatus describes the base language and each translation:
// "en (base)", "es (unofficial, complete)", "fr (official, 12 fields untranslated)".
func languageStatus(ds *briefing.Dataset) []string {
	out := []string{ds.Base.Lang + " (base)"}
	for _, l := range ds.Languages()[1:] {
		t := ds.Translations[l]
		status := "unofficial"
		if t.Translation != nil && t.Translation.Official {
			status = "official"
		}
		_, missing := ds.In(l)
		switch len(missing) {
		case 0:
			status += ", complete"
		case 1:
			status += ", 1 field untranslated"
		default:
			status += fmt.Sprintf(", %d fields untranslated", len(missing))
		}
		out = append(out, fmt.Sprintf("%s (%s)", l, status))
	}
	return out
}

// joinAll joins values, or all values when there are none.
func joinAll[T ~string](v, all []T) string {
	if len(v) == 0 {
		v = all
	}
	s := make([]string, len(v))
	for i, x := range v {
		s[i] = string(x)
	}
	return strings.Join(s, ",")
}
