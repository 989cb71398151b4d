package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/pflag"

	"briefing/briefing/input"
	"briefing/briefing/statement"
)

// ProjectFile is the project file init writes: what a bare "briefing" in
// its folder builds.
const ProjectFile = "briefing.yaml"

// besideData is the statement file a bare "briefing" builds in a folder
// without a project file.
const besideData = "statement.yaml"

// project is a project file: the files of a statement and the build a
// bare "briefing" makes of it. Every field is optional; a flag given on
// the command line wins over its field. Paths are relative to the folder
// the project file is in.
type project struct {
	// Data is the statement (default statement.yaml).
	Data string `yaml:"data,omitempty"`
	// Brand and Layout default to brand.yaml and layout.yaml beside the
	// data, if there.
	Brand  string `yaml:"brand,omitempty"`
	Layout string `yaml:"layout,omitempty"`
	// Out is the output folder (default out).
	Out string `yaml:"out,omitempty"`
	// The default selection, as the flags --audience, --lang, --kind,
	// --format, --paper and --print.
	Audiences []string `yaml:"audiences,omitempty"`
	Languages []string `yaml:"languages,omitempty"`
	Kinds     []string `yaml:"kinds,omitempty"`
	Formats   []string `yaml:"formats,omitempty"`
	Paper     string   `yaml:"paper,omitempty"`
	Print     string   `yaml:"print,omitempty"`
}

// projectTemplate is the project file init writes.
const projectTemplate = `# briefing project: what "briefing" builds when run in this folder.
# Every line is optional; a flag on the command line wins over its line.
data: statement.yaml      # the statement (its translations sit beside it)
brand: brand.yaml         # names, logo, colours, fonts, footer
layout: layout.yaml       # paper, margins, type sizes
out: out                  # where the documents go
# Build only some documents by default (the values the flags take):
# audiences: [ministers]
# languages: [en]
# kinds: [brief, pack]
# formats: [pdf, docx]
# paper: a4
# print: screen          # or office, or press (PDFs for a print shop)
`

// findProject applies the project in the current folder to o: the
// project file's fields for the flags not given, or, without a project
// file, statement.yaml as the data. It does nothing when --data is given
// and there is no project file, and when the folder holds neither. It
// returns the name of the project file read, or "".
func (o *options) findProject(fs *pflag.FlagSet) (string, error) {
	changed := func(name string) bool {
		f := fs.Lookup(name)
		return f != nil && f.Changed
	}
	if !isFile(ProjectFile) {
		if o.in.data == "" && isFile(besideData) {
			o.in.data = besideData
		}
		return "", nil
	}
	b, rerr := input.ReadLimited(os.DirFS("."), ProjectFile)
	if rerr != nil {
		return "", rerr
	}
	var p project
	if _, errs := input.Decode(ProjectFile, b, &p, input.Options{Required: func(string) bool { return false }}); len(errs) > 0 {
		return "", errs
	}
	var problems input.ErrorList
	for _, f := range []struct {
		flag, field string
		from        string
		to          *string
	}{
		{"data", "data", p.Data, &o.in.data},
		{"brand", "brand", p.Brand, &o.in.brand},
		{"layout", "layout", p.Layout, &o.in.layout},
		{"out", "out", p.Out, &o.out},
		{"paper", "paper", p.Paper, &o.paper},
		{"print", "print", p.Print, &o.print},
	} {
		if f.from == "" || changed(f.flag) || fs.Lookup(f.flag) == nil {
			continue
		}
		if f.flag != "out" && f.flag != "paper" && f.flag != "print" && !isFile(f.from) {
			problems = append(problems, &input.Error{Place: input.Place{File: ProjectFile, Field: f.field},
				Msg: fmt.Sprintf("%s: no such file%s", f.from, didYouMean(f.from))})
			continue
		}
		*f.to = f.from
	}
	for _, f := range []struct {
		flag string
		from []string
		to   *[]string
	}{
		{"audience", p.Audiences, &o.audiences},
		{"lang", p.Languages, &o.langs},
		{"kind", p.Kinds, &o.kinds},
		{"format", p.Formats, &o.formats},
	} {
		if len(f.from) > 0 && !changed(f.flag) && fs.Lookup(f.flag) != nil {
			*f.to = slices.Clone(f.from)
		}
	}
	if o.in.data == "" && isFile(besideData) {
		o.in.data = besideData
	}
	if len(problems) > 0 {
		return ProjectFile, problems
	}
	return ProjectFile, nil
}

// didYouMean is "; did you mean X?" for the existing path closest to p
// (suggestPath), or "".
func didYouMean(p string) string {
	if s := suggestPath(p, 1); s != "" {
		return fmt.Sprintf("; did you mean %s?", s)
	}
	return ""
}

func isFile(p string) bool {
	st, err := os.Stat(p)
	return err == nil && st.Mode().IsRegular()
}

// dataLabel names the statement a command reads, for the first line it
// prints: the data file, or the built-in example.
func (o *options) dataLabel(ds *statement.Dataset) string {
	if o.in.data == "" {
		return ds.File + " (built-in example)"
	}
	return ds.File
}

// statementHint is what to say when a bare command falls back on the
// built-in example in a folder that holds YAML or JSON files that might be
// the user's statement: how to build theirs. "" when there is nothing to
// say.
func (o *options) statementHint() string {
	if o.in.data != "" {
		return ""
	}
	var cands []string
	for _, n := range yamlFiles(".") {
		switch n {
		case besideBrand, besideLayout, "manifest.json":
			continue
		}
		// A translation, statement.es.yaml, is not a statement to build.
		if strings.Contains(strings.TrimSuffix(n, filepath.Ext(n)), ".") {
			continue
		}
		cands = append(cands, n)
	}
	if len(cands) == 0 {
		return ""
	}
	return fmt.Sprintf("no %s or %s here, so this is the built-in example statement; to build yours: briefing --data %s (or name it %s)",
		ProjectFile, besideData, cands[0], besideData)
}
