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
	// Print is what PDFs are made for; empty is statement.PrintScreen.
	// DOCX files are the same for every print mode.
	Print statement.Print
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
	// Members are the paths of the documents a deliverable (a zip, an
	// email draft) holds, in the order it holds them; empty for a
	// document. They come before it in a plan.
	Members []string
	// Print is what a PDF is made for (statement.PrintScreen unless the
	// selection says otherwise); empty for a DOCX, which Word prints.
	Print statement.Print
}

// Deliverable reports whether j is made from other documents (a zip, an
// email draft) rather than from the model.
func (j Job) Deliverable() bool { return slices.Contains(statement.Deliverables, j.Format) }

// deliverablesOf are the deliverables asked for (formats) of one folder,
// whose documents are docs (in plan order): a zip of them all, and an
// email draft attaching the PDFs, the pack's first.
func deliverablesOf(stmt string, docs []Job, formats []statement.Format) []Job {
	if len(docs) == 0 {
		return nil
	}
	d := docs[0]
	stem := path.Join(path.Dir(d.Path), fmt.Sprintf("%s-%s-%s", stmt, d.Audience, d.Lang))
	var out []Job
	for _, f := range formats {
		j := Job{Audience: d.Audience, Lang: d.Lang, Format: f, Paper: d.Paper}
		switch f {
		case statement.FormatZip:
			j.Kind, j.Path = statement.KindBundle, stem+".zip"
			j.Members = packFirst(docs, func(Job) bool { return true })
		case statement.FormatEML:
			j.Kind, j.Path = statement.KindEmail, stem+"-email.eml"
			j.Members = packFirst(docs, func(m Job) bool { return m.Format == statement.FormatPDF })
		}
		out = append(out, j)
	}
	return out

}

// printFor is the print mode of a document in format f: sel's (screen
// when it names none) for a PDF, none for a DOCX.
func printFor(f statement.Format, sel statement.Print) statement.Print {
	if f != statement.FormatPDF {
		return ""
	}
	if sel == "" {
		return statement.PrintScreen
	}
	return sel
}

// fileName is a document's file name: base, then the print mode when it
// is not for a screen (so that office and press files never overwrite
// the screen ones), then the format's extension.
func fileName(base string, f statement.Format, p statement.Print) string {
	if p != "" && p != statement.PrintScreen {
		base += "-" + string(p)
	}
	return base + "." + string(f)
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
// them), then the deliverables sel.Formats asks for (a zip, an email
// draft per audience and language), in the same order. defaultPaper is the layout's paper, used when neither sel nor the
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
	var jobs, deliverables []Job
	// Deliverables are made when asked for by name, never by default.
	var deliver []statement.Format
	if len(sel.Formats) > 0 {
		deliver = pick(statement.Deliverables, sel.Formats)
	}
	docFormats := pick(statement.Formats, sel.Formats)
	for i := range base.Audiences {
		a := &base.Audiences[i]
		if len(sel.Audiences) > 0 && !slices.Contains(sel.Audiences, a.ID) {
			continue
		}
		paper := firstPaper(sel.Paper, a.Paper, defaultPaper)
		// Asked for deliverables alone, a build makes the documents they
		// hold in the audience's formats; an email draft attaches PDFs.
		formats := pick(formatsOf(a, sel), docFormats)
		if slices.Contains(deliver, statement.FormatEML) && !slices.Contains(formats, statement.FormatPDF) {
			formats = append([]statement.Format{statement.FormatPDF}, formats...)
		}
		for _, lang := range pick(orAll(a.Languages, have), sel.Langs) {
			// A language with no translation is built in the base
			// language (ds.In falls back; Check warns).
			s, _ := ds.In(lang)
			dir := path.Join(a.ID, lang)
			first := len(jobs)
			for _, kind := range pick(orAll(a.Kinds, statement.Kinds), sel.Kinds) {
				if kind == statement.KindPack {
					if len(sel.Recs) > 0 {
						continue
					}
					for _, f := range formats {
						pr := printFor(f, sel.Print)
						jobs = append(jobs, Job{
							Path:     path.Join(dir, fileName(base.ID+"-pack", f, pr)),
							Audience: a.ID, Lang: lang, Kind: kind, Format: f, Paper: paper, Print: pr,
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
						pr := printFor(f, sel.Print)
						jobs = append(jobs, Job{
							Path:     path.Join(dir, fileName(name, f, pr)),
							Audience: a.ID, Lang: lang, Kind: kind, Rec: r.Number, RecID: r.ID, Format: f, Paper: paper, Print: pr,
						})
					}
				}
			}
			deliverables = append(deliverables, deliverablesOf(base.ID, jobs[first:], deliver)...)
		}
	}
	// The deliverables come last: each is made once the documents it
	// holds are (see Job.Members).
	jobs = append(jobs, deliverables...)
	if len(jobs) == 0 {
		return nil, fmt.Errorf("%w: no audience in %s asks for that selection", ErrNothing, ds.File)
	}
	return jobs, nil
}

// packFirst is the paths of the docs that keep says, the pack's first.
func packFirst(docs []Job, keep func(Job) bool) []string {
	var out []string
	for _, kind := range []statement.Kind{statement.KindPack, statement.KindBrief} {
		for _, m := range docs {
			if m.Kind == kind && keep(m) {
				out = append(out, m.Path)
			}
		}
	}
	return out
}

// InScope reports whether a document described by j falls under sel, so
// that a narrowed rebuild only prunes what it could have rebuilt. A PDF
// made for another print mode is not: a screen build leaves the press
// files be, and a press build the screen ones (a PDF of a manifest from
// before print modes is a screen one).
func (sel Selection) InScope(j Job) bool {
	return printFor(j.Format, sel.Print) == printFor(j.Format, j.Print) &&
		(len(sel.Audiences) == 0 || slices.Contains(sel.Audiences, j.Audience)) &&
		(len(sel.Langs) == 0 || slices.Contains(sel.Langs, j.Lang)) &&
		(len(sel.Kinds) == 0 || slices.Contains(sel.Kinds, j.Kind) || j.Deliverable()) &&
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
