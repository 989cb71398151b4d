package statement

import (
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"

	"briefing/briefing/input"
)

// Dataset is a base statement and its translations, as loaded from a data
// file and its siblings name.<lang>.yaml (or .yml, .json).
type Dataset struct {
	// File is the base file's name, as given to Load.
	File string
	Base *Statement
	// Translations maps a language code to its translation file's contents.
	Translations map[string]*Statement
	// Files maps a language code to the file it was read from.
	Files map[string]string
	// AllowFallback makes every language an audience asks for without a
	// translation file a warning, its documents in the base language, as
	// though every audience said fallback: true (Audience.Fallback);
	// otherwise such a language is an error. Check reads it; Options sets
	// it as the dataset is loaded.
	AllowFallback bool
}

// Options say how LoadAllWith reads and checks a dataset; the zero value
// is Load's.
type Options struct {
	// AllowFallback sets the loaded Dataset's AllowFallback.
	AllowFallback bool
}

// dataExts are the extensions of data files, in lookup order.
var dataExts = []string{".yaml", ".yml", ".json"}

// Load reads the statement in name from fsys, and every translation beside
// it (for "x.yaml", the files "x.<lang>.yaml", "x.<lang>.yml" and
// "x.<lang>.json"), and checks them all. When anything is wrong it returns a
// nil Dataset and an ErrorList with every problem found (syntax, schema and
// semantic), each with its file:line:col, in file order. Warnings are not
// errors: see Check. A language an audience asks for without a
// translation file is an error, unless the audience says fallback: true
// (see LoadAllWith for the dataset-wide choice). A recommendation that
// writes no number gets its position. A statement without audiences gets
// one, DefaultAudience.
//
// Data files are read strictly: unknown keys, values of the wrong type,
// missing required fields, YAML anchors, aliases, tags and merge keys, more
// than one document, binary data and files over MaxFileSize are errors.
//
// A translation file holds lang, a translation section (official, note)
// and only text: title, subtitle, organisation name, short name and
// contact role, place, event, summary, context and closing paragraphs (by
// position), and the text of figures (value, label), quotes (text, role),
// recommendations (title, body, asks) and audiences (name, note), each
// keyed by its id in the base file. Any other field (numbers, references,
// languages, kinds, formats, paper, dates, addresses, speakers) comes from
// the base file and is an error in a translation, as are ids the base file
// lacks and more paragraphs than the base has. Missing text is not an
// error: it falls back to the base language (see Fallbacks).
func Load(fsys fs.FS, name string) (*Dataset, error) {
	ds, errs := LoadAll(fsys, name)
	if len(errs) > 0 {
		return nil, errs
	}
	return ds, nil
}

// LoadAll is Load for reporting every problem at once: with its errors it
// also returns what it could read (nil when the base file could not be
// decoded), so that checks which need only the text, such as CheckGlyphs,
// can run in the same pass. Only a Dataset that came without errors is fit
// to build from.
func LoadAll(fsys fs.FS, name string) (*Dataset, input.ErrorList) {
	return LoadAllWith(fsys, name, Options{})
}

// LoadAllWith is LoadAll with options.
func LoadAllWith(fsys fs.FS, name string, opt Options) (*Dataset, input.ErrorList) {
	ds, errs := load(fsys, name)
	if ds != nil {
		ds.AllowFallback = opt.AllowFallback
		c, _ := Check(ds)
		errs = append(errs, c...)
	}
	errs = input.Dedupe(errs)
	input.SortErrors(errs, name)
	if len(errs) == 0 && len(ds.Base.Audiences) == 0 {
		a := DefaultAudience()
		// Unwritten: the place of the list entry it stands in for.
		a.At = input.Places{Place: ds.Base.At.Entry("audiences", 0)}
		ds.Base.Audiences = []Audience{a}
	}
	return ds, errs
}

// DefaultAudienceID is the id of the audience a statement without
// audiences is built for.
const DefaultAudienceID = "all"

// DefaultAudience is the audience Load gives a statement that names none:
// every recommendation, in the base language and every translation found,
// as briefs and a pack, in PDF and DOCX, on the layout's paper.
func DefaultAudience() Audience {
	return Audience{ID: DefaultAudienceID, Name: "All audiences"}
}

// load reads and decodes the base file and its translations without the
// semantic checks. ds is nil when the base file could not be decoded.
func load(fsys fs.FS, name string) (*Dataset, input.ErrorList) {
	var errs input.ErrorList
	ds := &Dataset{File: name, Translations: map[string]*Statement{}, Files: map[string]string{}}
	base := &Statement{}
	pos, e := input.DecodeFile(fsys, name, base, input.Options{})
	errs = append(errs, e...)
	if pos == nil {
		ds = nil
	} else {
		ds.Base = base
		number(base)
	}

	ext := path.Ext(name)
	stem := strings.TrimSuffix(name, ext)
	var matches []string
	for _, x := range dataExts {
		m, _ := fs.Glob(fsys, globEscape(stem)+".*"+x)
		matches = append(matches, m...)
	}
	sort.Strings(matches)
	for _, m := range matches {
		mext := path.Ext(m)
		lang := strings.TrimSuffix(strings.TrimPrefix(m, stem+"."), mext)
		if strings.Contains(lang, ".") {
			continue
		}
		if !validLang(lang) {
			errs = append(errs, &input.Error{Place: input.Place{File: m}, Msg: fmt.Sprintf("translation file name: %q is not a language code (want e.g. %s.es%s or %s.pt-BR%s)", lang, path.Base(stem), mext, path.Base(stem), mext)})
			continue
		}
		if prev, ok := ds.filesOf()[lang]; ok {
			errs = append(errs, &input.Error{Place: input.Place{File: m}, Msg: fmt.Sprintf("second translation into %q (the first is %s)", lang, prev)})
			continue
		}
		t := &Statement{}
		tpos, e := input.DecodeFile(fsys, m, t, translationOptions)
		errs = append(errs, e...)
		if tpos == nil || ds == nil {
			continue
		}
		ds.Translations[lang] = t
		ds.Files[lang] = m
	}
	return ds, errs
}

// number gives each recommendation that has no number its position, from
// 1: the position is the number, so a file need not write it (Check
// reports a written number that disagrees).
func number(s *Statement) {
	for i := range s.Recommendations {
		if r := &s.Recommendations[i]; !r.At.Written("number") {
			r.Number = i + 1
		}
	}
}

// Rename names the dataset's files, and the places of its items, as fix
// says: for a caller that shows files under other names than it read them
// by.
func (d *Dataset) Rename(fix func(file string) string) {
	d.File = fix(d.File)
	for l, f := range d.Files {
		d.Files[l] = fix(f)
	}
	input.RenameFiles(d.Base, fix)
	for _, t := range d.Translations {
		input.RenameFiles(t, fix)
	}
}

// filesOf is Files, safe on a nil Dataset.
func (d *Dataset) filesOf() map[string]string {
	if d == nil {
		return map[string]string{}
	}
	return d.Files
}

// globEscape escapes the glob metacharacters in a file name.
func globEscape(s string) string {
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune(`*?[\`, r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// Languages returns the base language followed by the translations' codes,
// sorted.
func (d *Dataset) Languages() []string {
	out := []string{d.Base.Lang}
	var rest []string
	for l := range d.Translations {
		rest = append(rest, l)
	}
	sort.Strings(rest)
	return append(out, rest...)
}
