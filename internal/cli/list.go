package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/spf13/pflag"

	"briefing/briefing/doc"
	"briefing/briefing/inline"
	"briefing/briefing/labels"
	"briefing/briefing/statement"
)

const listHelp = `briefing list: show the statement, its recommendations, its audiences and
what each gets, and its languages, as a table.

Examples:
  briefing list
  briefing list --data mystatement.yaml
  briefing list --json | jq -r '.recommendations[].id'
`

// listFlags are list's flags.
func listFlags(fs *pflag.FlagSet, o *options) {
	o.in.flags(fs)
	fs.BoolVar(&o.json, "json", false, "print the statement as JSON, for scripts")
}

func runList(c *call) error {
	ds, err := c.o.in.loadData()
	if err != nil {
		return err
	}
	// An audience without a paper of its own gets the layout's: list
	// says which, from the layout file alone (no fonts are read). A
	// layout that cannot be read is check's to report; list then says
	// only that the layout decides.
	paper := statement.Paper("")
	if l, err := c.o.in.loadLayout(); err == nil {
		paper = l.Paper
	}
	if c.o.json {
		return writeListJSON(c.stdout, ds, paper)
	}
	return writeList(c.stdout, ds, paper)
}

// paperOf is the paper audience a is built on: its own, else the layout's
// (def), else "layout" when the layout could not be read.
func paperOf(a *statement.Audience, def statement.Paper) string {
	switch {
	case a.Paper != "":
		return string(a.Paper)
	case def != "":
		return string(def)
	}
	return "layout"
}

// languagesOf are the languages audience a is built in: its own list,
// else every language of the dataset.
func languagesOf(a *statement.Audience, ds *statement.Dataset) []string {
	if len(a.Languages) > 0 {
		return a.Languages
	}
	return ds.Languages()
}

// listing is what list --json prints.
type listing struct {
	File            string         `json:"file"`
	ID              string         `json:"id"`
	Title           string         `json:"title"`
	Organisation    string         `json:"organisation"`
	Date            string         `json:"date"`
	Lang            string         `json:"lang"`
	Languages       []listLanguage `json:"languages"`
	Recommendations []listRec      `json:"recommendations"`
	Audiences       []listAudience `json:"audiences"`
}

type listLanguage struct {
	Lang string `json:"lang"`
	// File is the translation file; "" for the base language.
	File         string `json:"file,omitempty"`
	Base         bool   `json:"base,omitempty"`
	Official     bool   `json:"official"`
	Untranslated int    `json:"untranslated"`
	// Complete is true when nothing of the language's documents falls
	// back to the base language or English: no untranslated field, and
	// built-in labels (headings, dates) for it.
	Complete bool `json:"complete"`
}

type listRec struct {
	Number int    `json:"number"`
	ID     string `json:"id"`
	Title  string `json:"title"`
}

type listAudience struct {
	ID              string   `json:"id"`
	Name            string   `json:"name"`
	Recommendations []string `json:"recommendations"`
	Languages       []string `json:"languages"`
	Kinds           []string `json:"kinds"`
	Formats         []string `json:"formats"`
	// Paper is "" when the audience takes the layout's.
	Paper string `json:"paper"`
}

// writeListJSON writes what writeList shows, as JSON.
func writeListJSON(w io.Writer, ds *statement.Dataset, paper statement.Paper) error {
	s := ds.Base
	l := listing{File: ds.File, ID: s.ID, Title: inline.Plain(s.Title), Organisation: inline.Plain(s.Organisation.Name),
		Date: string(s.Date), Lang: s.Lang, Languages: []listLanguage{}, Recommendations: []listRec{}, Audiences: []listAudience{}}
	for _, lang := range ds.Languages() {
		_, missing := ds.In(lang)
		_, labelled := labels.LabelsFor(lang)
		ll := listLanguage{Lang: lang, File: ds.Files[lang], Base: lang == s.Lang, Official: lang == s.Lang, Untranslated: len(missing),
			Complete: len(missing) == 0 && labelled}
		if t := ds.Translations[lang]; t != nil && t.Translation != nil {
			ll.Official = t.Translation.Official
		}
		l.Languages = append(l.Languages, ll)
	}
	for _, r := range s.Recommendations {
		l.Recommendations = append(l.Recommendations, listRec{Number: r.Number, ID: r.ID, Title: inline.Plain(r.Title)})
	}
	for i := range s.Audiences {
		a := &s.Audiences[i]
		la := listAudience{ID: a.ID, Name: inline.Plain(a.Name), Paper: paperOf(a, paper), Recommendations: []string{}}
		for _, r := range s.Selected(a) {
			la.Recommendations = append(la.Recommendations, r.ID)
		}
		la.Languages = languagesOf(a, ds)
		la.Kinds = strings.Split(joinAll(a.Kinds, statement.Kinds), ",")
		la.Formats = strings.Split(joinAll(a.Formats, statement.DefaultFormats), ",")
		l.Audiences = append(l.Audiences, la)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(l)
}

// writeList writes a readable summary of a dataset to w: the statement's title,
// id and date, its languages with each translation's status, its
// recommendations and its audiences with what each gets.
func writeList(w io.Writer, ds *statement.Dataset, paper statement.Paper) error {
	s := ds.Base
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintf(tw, "Statement\t%s\n", inline.Plain(s.Title))
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
		fmt.Fprintf(tw, "  %d\t%s\t%s\n", r.Number, r.ID, doc.Shorten(inline.Plain(r.Title), 60))
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
		fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\t%s\t%s\t%s\n", a.ID, doc.Shorten(inline.Plain(a.Name), 40),
			strings.Join(recs, ","), strings.Join(languagesOf(a, ds), ","), joinAll(a.Kinds, statement.Kinds), joinAll(a.Formats, statement.DefaultFormats), paperOf(a, paper))
	}
	return tw.Flush()
}

// languageStatus describes the base language and each translation:
// "en (base)", "es (unofficial, complete)", "fr (official, 12 fields
// untranslated)", "de (official, headings in English)": complete only when
// nothing of its documents falls back to another language.
func languageStatus(ds *statement.Dataset) []string {
	out := []string{ds.Base.Lang + " (base)"}
	for _, l := range ds.Languages()[1:] {
		t := ds.Translations[l]
		status := "unofficial"
		if t.Translation != nil && t.Translation.Official {
			status = "official"
		}
		_, missing := ds.In(l)
		_, labelled := labels.LabelsFor(l)
		switch len(missing) {
		case 0:
		case 1:
			status += ", 1 field untranslated"
		default:
			status += fmt.Sprintf(", %d fields untranslated", len(missing))
		}
		if !labelled {
			status += ", headings and dates in English"
		}
		if len(missing) == 0 && labelled {
			status += ", complete"
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
