package cli

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/pflag"

	"briefing/briefing/input"
	"briefing/briefing/statement"
	"briefing/briefing/style"
	"briefing/data"
	"briefing/internal/defaults"
	"briefing/layouts"
)

// inputs are the files every command reads: the statement data and the
// brand and layout it is set in. Empty means the built-in default.
type inputs struct {
	data, brand, layout string
	// allowFallback makes an audience's language without a translation
	// file a warning, not an error (--allow-fallback).
	allowFallback bool
}

func (in *inputs) flags(fs *pflag.FlagSet) {
	fs.StringVar(&in.data, "data", "", "statement data file (YAML or JSON), or - for standard input; translations are read from FILE's siblings NAME.<lang>.yaml (default: the built-in Cartagena +40 statement)")
	fs.StringVar(&in.brand, "brand", "", "brand file laid over the built-in brand: names, logo, colours, fonts, footer (default: brand.yaml beside --data, if there)")
	fs.StringVar(&in.layout, "layout", "", "layout file laid over the built-in layout: paper, margins, type sizes (default: layout.yaml beside --data, if there)")
}

// Names of the brand and layout files found beside a data file.
const (
	besideBrand  = "brand.yaml"
	besideLayout = "layout.yaml"
)

// brandFile and layoutFile are the brand and layout files in use: the
// flag's, else the one beside the data file (none beside standard input),
// else "" (built in).
func (in *inputs) brandFile() string  { return in.styleFile(in.brand, besideBrand) }
func (in *inputs) layoutFile() string { return in.styleFile(in.layout, besideLayout) }

func (in *inputs) styleFile(flag, beside string) string {
	if flag != "" || in.data == "" || in.data == "-" {
		return flag
	}
	if p := filepath.Join(filepath.Dir(in.data), beside); isFile(p) {
		return p
	}
	return ""
}

// loadData loads the statement and its translations. Errors name files as
// the user would: data/cartagena40.yaml for the built-in data, else the
// path as given. With errors it also returns what it could read (see
// statement.LoadAll), or nil.
func (in *inputs) loadData() (*statement.Dataset, error) {
	opt := statement.Options{AllowFallback: in.allowFallback}
	if in.data == "" {
		ds, errs := statement.LoadAllWith(data.FS, data.Default, opt)
		if ds != nil {
			rename(ds, filepath.Join("data", data.Default), "data")
		}
		return ds, relabel(errs.Err(), "data")
	}
	if in.data == "-" {
		return loadStdin(os.Stdin, opt)
	}
	dir, name := filepath.Split(in.data)
	if dir == "" {
		dir = "."
	}
	if err := fileArg("--data", in.data, "statement.yaml"); err != nil {
		return nil, err
	}
	ds, errs := statement.LoadAllWith(os.DirFS(dir), name, opt)
	if ds != nil {
		rename(ds, in.data, filepath.Clean(dir))
	}
	return ds, relabel(errs.Err(), filepath.Clean(dir))
}

// rename names a loaded dataset's files as the user would, so that later
// checks (Check's warnings, CheckGlyphs) print the same names and
// positions as Load's errors: the base file as base, its translations
// under dir.
func rename(ds *statement.Dataset, base, dir string) {
	file := ds.File
	ds.Rename(func(f string) string {
		if f == file {
			return base
		}
		if dir == "." || filepath.IsAbs(f) {
			return f
		}
		return filepath.Join(dir, f)
	})
}

// loadStyle reads the brand and layout files, each laid over the built-in
// one, and what they name.
func (in *inputs) loadStyle() (*style.Style, error) {
	f, prefix, err := in.styleFiles()
	if err != nil {
		return nil, err
	}
	st, err := style.Load(f)
	return st, relabelEach(err, prefix)
}

// loadLayout reads the layout file alone, laid over the built-in one.
func (in *inputs) loadLayout() (*style.Layout, error) {
	f, prefix, err := in.styleFiles()
	if err != nil {
		return nil, err
	}
	l, err := style.LoadLayout(f)
	return l, relabelEach(err, prefix)
}

// styleFiles says where the brand and layout files are, each over the
// built-in one, and the folder to put before each file name in errors.
func (in *inputs) styleFiles() (style.Files, map[string]string, error) {
	f := defaults.StyleFiles()
	base := f
	prefix := map[string]string{}
	for _, o := range []struct {
		path     string
		fsys     *fs.FS
		name     *string
		fallback string
	}{{in.brandFile(), &f.BrandFS, &f.Brand, layouts.Brand}, {in.layoutFile(), &f.LayoutFS, &f.Layout, layouts.Layout}} {
		if o.path == "" {
			prefix[o.fallback] = "layouts"
			continue
		}
		if err := fileArg("--"+strings.TrimSuffix(o.fallback, ".yaml"), o.path, o.fallback); err != nil {
			return f, nil, err
		}
		dir, name := filepath.Split(o.path)
		if dir == "" {
			dir = "."
		}
		*o.fsys, *o.name = os.DirFS(dir), name
		prefix[name] = filepath.Clean(dir)
		f.Defaults = &base
	}
	return f, prefix, nil
}

// relabel puts dir in front of the file names in err's errors.
func relabel(err error, dir string) error {
	return relabelEach(err, map[string]string{"*": dir})
}

func relabelEach(err error, dirs map[string]string) error {
	if err == nil {
		return nil
	}
	fix := func(e *input.Error) {
		d, ok := dirs[e.File]
		if !ok {
			d, ok = dirs["*"]
		}
		if ok && d != "." && e.File != "" && !filepath.IsAbs(e.File) {
			e.File = filepath.Join(d, e.File)
		}
	}
	var el input.ErrorList
	var e *input.Error
	switch {
	case errors.As(err, &el):
		for _, x := range el {
			fix(x)
		}
	case errors.As(err, &e):
		fix(e)
	}
	return err
}

func notFound(err error) string {
	if errors.Is(err, os.ErrNotExist) {
		return "no such file"
	}
	return err.Error()
}
