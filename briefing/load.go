package briefing

import (
	"io/fs"
	"path"
	"sort"
	"strings"

	"github.com/goccy/go-yaml"
)

// Dataset is a base statement and its translations, as loaded from a data
// file and its siblings name.<lang>.yaml.
type Dataset struct {
	// File is the base file's name, as given to Load.
	File string
	Base *Statement
	// Translations maps a language code to its translation file's contents.
	Translations map[string]*Statement
	// Files maps a language code to the file it was read from.
	Files map[string]string
}

// Load reads the statement in name from fsys, and every translation beside
// it (for "x.yaml", the files "x.<lang>.yaml"). It returns an ErrorList with
// every problem found.
// TODO(loader): strict positions, all errors, suggestions.
func Load(fsys fs.FS, name string) (*Dataset, error) {
	ds := &Dataset{File: name, Translations: map[string]*Statement{}, Files: map[string]string{}}
	b, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil, ErrorList{{File: name, Msg: err.Error()}}
	}
	var s Statement
	if err := yaml.UnmarshalWithOptions(b, &s, yaml.DisallowUnknownField()); err != nil {
		return nil, ErrorList{{File: name, Msg: err.Error()}}
	}
	ds.Base = &s
	ext := path.Ext(name)
	stem := strings.TrimSuffix(name, ext)
	matches, _ := fs.Glob(fsys, stem+".*"+ext)
	sort.Strings(matches)
	for _, m := range matches {
		lang := strings.TrimSuffix(strings.TrimPrefix(m, stem+"."), ext)
		if lang == "" || strings.Contains(lang, ".") {
			continue
		}
		b, err := fs.ReadFile(fsys, m)
		if err != nil {
			return nil, ErrorList{{File: m, Msg: err.Error()}}
		}
		var t Statement
		if err := yaml.UnmarshalWithOptions(b, &t, yaml.DisallowUnknownField()); err != nil {
			return nil, ErrorList{{File: m, Msg: err.Error()}}
		}
		ds.Translations[lang] = &t
		ds.Files[lang] = m
	}
	return ds, nil
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
