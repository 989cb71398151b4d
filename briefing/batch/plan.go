package batch

import (
	"errors"
	"fmt"
	"path"
	"slices"
	"strings"

	"briefing/briefing/inline"
	"briefing/briefing/statement"
)

// Selection narrows a build to some audiences, languages, kinds and
// formats; an empty field selects everything the audiences ask for. Paper,
// when set, overrides every audience's paper.
type Selection struct {
	Audiences []string
	Langs     []string
	Kinds     []statement.Kind
	Formats   []statement.Format
	// Recs, when set, narrows the build to these recommendations' briefs
	// (by id): no packs.
	Recs  []string
	Paper statement.Paper
}

// Job is one document to make.
type Job struct {
	// Path is the file's slash-separated path inside the output folder:
	// <audience>/<lang>/<statement>-pack.<ext> or
	// <audience>/<lang>/<statement>-rec<N>-<slug>.<ext>.
	Path     string
	Audience string
	Lang     string
	Kind     statement.Kind
	// Rec is the recommendation's number (0 for a pack); RecID its id.
	Rec    int
	RecID  string
	Format statement.Format
	Paper  statement.Paper
}

// SelectionField names a field of Selection that can name something the
// data does not have.
type SelectionField int

// The fields of Selection a SelectionError can be about.
const (
	SelectAudiences SelectionField = iota + 1
	SelectLangs
	SelectRecs
)

// SelectionError is a Selection that names an audience, a language or a
// recommendation the data does not have. Its message names no flag: the
// command line adds which of its flags asked.
type SelectionError struct {
	// Field is the Selection's field and Value the value not found in
	// File, the data file.
	Field SelectionField
	Value string
	File  string
	// Have lists what the data has for Field: audience ids or languages
	// (none for recommendations).
	Have []string
}

// Error says what File does not have, and what it has.
func (e *SelectionError) Error() string {
	switch e.Field {
	case SelectAudiences:
		return fmt.Sprintf("no audience %q in %s (have: %s)", e.Value, e.File, strings.Join(e.Have, ", "))
	case SelectLangs:
		return fmt.Sprintf("no %q version of %s (have: %s)", e.Value, e.File, strings.Join(e.Have, ", "))
	default:
		return fmt.Sprintf("no recommendation %q in %s", e.Value, e.File)
	}
}

// ErrNothing is what errors.Is finds in Plan's error when the selection
// leaves no document to make.
var ErrNothing = errors.New("nothing to build")

// Plan lists the documents a build makes for sel, in a stable order
// (audience, language, kind, recommendation, format, as the data lists
// them). defaultPaper is the layout's paper, used when neither sel nor the
// audience names one. A selection naming what the data does not have is a
// *SelectionError; one that leaves nothing to make wraps ErrNothing.
func Plan(ds *statement.Dataset, sel Selection, defaultPaper statement.Paper) ([]Job, error) {
	base := ds.Base
	have := ds.Languages()
	asked := Languages(ds)
	for _, id := range sel.Audiences {
		if base.Audience(id) == nil {
			return nil, &SelectionError{Field: SelectAudiences, Value: id, File: ds.File, Have: audienceIDs(base)}
		}
	}
	for _, l := range sel.Langs {
		if !slices.Contains(asked, l) {
			return nil, &SelectionError{Field: SelectLangs, Value: l, File: ds.File, Have: asked}
		}
	}
	for _, id := range sel.Recs {
		if base.Recommendation(id) == nil {
			return nil, &SelectionError{Field: SelectRecs, Value: id, File: ds.File}
		}
	}
	var jobs []Job
	for i := range base.Audiences {
		a := &base.Audiences[i]
		if len(sel.Audiences) > 0 && !slices.Contains(sel.Audiences, a.ID) {
			continue
		}
		paper := firstPaper(sel.Paper, a.Paper, defaultPaper)
		for _, lang := range pick(orAll(a.Languages, have), sel.Langs) {
			// A language with no translation is built in the base
			// language (ds.In falls back; Check warns).
			s, _ := ds.In(lang)
			dir := path.Join(a.ID, lang)
			for _, kind := range pick(orAll(a.Kinds, statement.Kinds), sel.Kinds) {
				formats := pick(formatsOf(a, sel), sel.Formats)
				if kind == statement.KindPack {
					if len(sel.Recs) > 0 {
						continue
					}
					for _, f := range formats {
						jobs = append(jobs, Job{
							Path:     path.Join(dir, fmt.Sprintf("%s-pack.%s", base.ID, f)),
							Audience: a.ID, Lang: lang, Kind: kind, Format: f, Paper: paper,
						})
					}
					continue
				}
				for _, r := range s.Selected(a) {
					if len(sel.Recs) > 0 && !slices.Contains(sel.Recs, r.ID) {
						continue
					}
					name := fmt.Sprintf("%s-rec%d", base.ID, r.Number)
					if slug := Slug(inline.Plain(r.Title)); slug != "" {
						name += "-" + slug
					}
					for _, f := range formats {
						jobs = append(jobs, Job{
							Path:     path.Join(dir, name+"."+string(f)),
							Audience: a.ID, Lang: lang, Kind: kind, Rec: r.Number, RecID: r.ID, Format: f, Paper: paper,
						})
					}
				}
			}
		}
	}
	if len(jobs) == 0 {
		return nil, fmt.Errorf("%w: no audience in %s asks for that selection", ErrNothing, ds.File)
	}
	return jobs, nil
}

// InScope reports whether a document described by j falls under sel, so
// that a narrowed rebuild only prunes what it could have rebuilt.
func (sel Selection) InScope(j Job) bool {
	return (len(sel.Audiences) == 0 || slices.Contains(sel.Audiences, j.Audience)) &&
		(len(sel.Langs) == 0 || slices.Contains(sel.Langs, j.Lang)) &&
		(len(sel.Kinds) == 0 || slices.Contains(sel.Kinds, j.Kind)) &&
		(len(sel.Formats) == 0 || slices.Contains(sel.Formats, j.Format)) &&
		(len(sel.Recs) == 0 || slices.Contains(sel.Recs, j.RecID))
}

// Languages lists the languages a build of ds can make: the base language,
// the translations, and any language an audience asks for without a
// translation (built in the base language), in that order.
func Languages(ds *statement.Dataset) []string {
	out := ds.Languages()
	for _, a := range ds.Base.Audiences {
		for _, l := range a.Languages {
			if !slices.Contains(out, l) {
				out = append(out, l)
			}
		}
	}
	return out
}

func audienceIDs(s *statement.Statement) []string {
	var ids []string
	for _, a := range s.Audiences {
		ids = append(ids, a.ID)
	}
	return ids
}

func firstPaper(ps ...statement.Paper) statement.Paper {
	for _, p := range ps {
		if p != "" {
			return p
		}
	}
	return statement.PaperA4
}

// formatsOf is the formats made for audience a: those it names (the
// default formats when it names none), and a preview (png) whenever sel
// asks for one, since a preview is a picture of a document the audience
// gets.
func formatsOf(a *statement.Audience, sel Selection) []statement.Format {
	fs := orAll(a.Formats, statement.DefaultFormats)
	if slices.Contains(sel.Formats, statement.FormatPNG) && !slices.Contains(fs, statement.FormatPNG) {
		fs = append(slices.Clip(fs), statement.FormatPNG)
	}
	return fs
}

// orAll returns xs, or all when xs is empty.
func orAll[T any](xs, all []T) []T {
	if len(xs) == 0 {
		return all
	}
	return xs
}

// pick keeps the xs that filter names, in xs's order; all of xs when
// filter is empty.
func pick[T comparable](xs, filter []T) []T {
	if len(filter) == 0 {
		return xs
	}
	var out []T
	for _, x := range xs {
		if slices.Contains(filter, x) {
			out = append(out, x)
		}
	}
	return out
}
