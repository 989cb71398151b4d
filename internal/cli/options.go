package cli

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/spf13/pflag"

	"briefing/briefing/batch"
	"briefing/briefing/input"
	"briefing/briefing/png"
	"briefing/briefing/statement"
)

// options are every command's flag values; each command defines the flags
// it takes.
type options struct {
	in inputs
	// The selection, as typed: ids and values are matched ignoring case
	// and spaces around commas.
	audiences, langs, kinds, formats, recs []string
	paper, print                           string
	out                                    string
	jobs                                   int
	dry, quiet, json                       bool
	// verbose prints a line per document and every untranslated field;
	// force remakes documents that are up to date.
	verbose, force bool
	// summaryOnly makes build print its summary line without a line or
	// bar per document (watch).
	summaryOnly bool
	// emailLimit is --email-limit as typed ("10MB"); emailBytes the same
	// in bytes, set by validate.
	emailLimit string
	emailBytes int64
	// pngWidth is the previews' width in pixels (0: png.DefaultWidth).
	pngWidth int
}

// pngFlag is --png-width, for the commands that make previews.
func (o *options) pngFlag(fs *pflag.FlagSet) {
	fs.IntVar(&o.pngWidth, "png-width", png.DefaultWidth, "width of the previews (--format png) in pixels")
}

// selectionFlags are the flags that narrow a build.
func (o *options) selectionFlags(fs *pflag.FlagSet) {
	fs.StringSliceVar(&o.audiences, "audience", nil, "only these audiences, by id (comma-separated)")
	fs.StringSliceVar(&o.langs, "lang", nil, "only these languages, e.g. en,es")
	fs.StringSliceVar(&o.kinds, "kind", nil, "only these kinds: brief, pack")
	fs.StringSliceVar(&o.formats, "format", nil, "only these formats: pdf, docx, png (a preview of each brief and pack cover, for every audience); and zip (one zip per audience and language), eml (an email draft per audience and language)")
	fs.StringSliceVar(&o.recs, "rec", nil, "only these recommendations' briefs, by number or id (no packs)")
	fs.StringVar(&o.paper, "paper", "", "paper for every document, a4 or letter (default: each audience's, else the layout's)")
	fs.StringVar(&o.print, "print", "", "what PDFs are made for: screen (the default), office (nothing near the paper's edge, even page counts) or press (3 mm bleed, crop marks, the brand's CMYK inks); DOCX files are the same for every mode")
}

// allFormats are the values of --format: the documents' formats, then
// the deliverables made from them.
var allFormats = append(append([]statement.Format(nil), statement.Formats...), statement.Deliverables...)

// verboseFlag is -v, --verbose.
func (o *options) verboseFlag(fs *pflag.FlagSet) {
	fs.BoolVarP(&o.verbose, "verbose", "v", false, "say more: a line per document, in plan order, and each untranslated field at its file:line:col")
}

// fallbackFlag is --allow-fallback, for the commands that check the data.
func (o *options) fallbackFlag(fs *pflag.FlagSet) {
	fs.BoolVar(&o.in.allowFallback, "allow-fallback", false, "make a language an audience asks for without a translation file in the base language, with a warning (default: an error, unless the audience says fallback: true)")
}

// validate checks what can be checked before reading any file: empty
// file names, kinds, formats, paper, jobs.
func (o *options) validate(fs *pflag.FlagSet) error {
	for _, name := range []string{"data", "brand", "layout", "out"} {
		f := fs.Lookup(name)
		if f != nil && f.Changed && strings.TrimSpace(f.Value.String()) == "" {
			if name == "out" {
				return usagef("--out: empty; name a folder (the default is out)")
			}
			return usagef("--%s: empty; name a file, or leave the flag out for the built-in one", name)
		}
	}
	if _, err := parseValues("--kind", o.kinds, statement.Kinds); err != nil {
		return err
	}
	if _, err := parseValues("--format", o.formats, allFormats); err != nil {
		return err
	}
	if o.paper != "" {
		if _, err := parseValues("--paper", []string{o.paper}, statement.Papers); err != nil {
			return err
		}
	}
	if o.print != "" {
		if _, err := parseValues("--print", []string{o.print}, statement.Prints); err != nil {
			return err
		}
	}
	if f := fs.Lookup("png-width"); f != nil && (o.pngWidth < 1 || o.pngWidth > png.MaxWidth) {
		return usagef("--png-width: want a width in pixels from 1 to %d (the default is %d), got %d", png.MaxWidth, png.DefaultWidth, o.pngWidth)
	}
	if o.jobs < 0 {
		return usagef("--jobs: want a number of documents made at once (0, the default, is one per core), got %d", o.jobs)
	}
	if o.emailLimit != "" {
		n, err := parseSize(o.emailLimit)
		if err != nil {
			return usagef("--email-limit: %v", err)
		}
		o.emailBytes = n
	}
	return nil
}

// parseSize reads a size in bytes with an optional unit, KB or MB (1024
// and 1024×1024 bytes): "10MB", "500 KB", "2000000".
func parseSize(s string) (int64, error) {
	t := strings.ToUpper(strings.TrimSpace(s))
	mult := int64(1)
	for _, u := range []struct {
		suffix string
		n      int64
	}{{"MB", 1 << 20}, {"KB", 1 << 10}, {"B", 1}} {
		if strings.HasSuffix(t, u.suffix) {
			t, mult = strings.TrimSpace(strings.TrimSuffix(t, u.suffix)), u.n
			break
		}
	}
	f, err := strconv.ParseFloat(t, 64)
	if err != nil || f <= 0 || f*float64(mult) > 1<<40 {
		return 0, fmt.Errorf("want a size such as 10MB, 500KB or a number of bytes, got %q", s)
	}
	return int64(f * float64(mult)), nil
}

// selection resolves the selection flags against the data: ids and
// languages ignoring case, recommendations by number or id, each unknown
// value a usage error with a "did you mean".
func (o *options) selection(ds *statement.Dataset) (batch.Selection, error) {
	var sel batch.Selection
	var err error
	if sel.Kinds, err = parseValues("--kind", o.kinds, statement.Kinds); err != nil {
		return sel, err
	}
	if sel.Formats, err = parseValues("--format", o.formats, allFormats); err != nil {
		return sel, err
	}
	if o.paper != "" {
		p, err := parseValues("--paper", []string{o.paper}, statement.Papers)
		if err != nil {
			return sel, err
		}
		sel.Paper = p[0]
	}
	if o.print != "" {
		p, err := parseValues("--print", []string{o.print}, statement.Prints)
		if err != nil {
			return sel, err
		}
		sel.Print = p[0]
	}
	c := choicesOf(ds)
	recIDs, recNums := c.recIDs, c.recNums
	if sel.Audiences, err = match("--audience", "audience", o.audiences, c.audiences, ds.File); err != nil {
		return sel, err
	}
	if sel.Langs, err = match("--lang", "language", o.langs, c.langs, ds.File); err != nil {
		return sel, err
	}
	for _, v := range cleanList(o.recs) {
		if i := slices.Index(recNums, v); i >= 0 {
			sel.Recs = append(sel.Recs, recIDs[i])
			continue
		}
		i := slices.IndexFunc(recIDs, func(id string) bool { return strings.EqualFold(id, v) })
		if i < 0 {
			msg := fmt.Sprintf("--rec: no recommendation %q in %s", v, ds.File)
			if s := input.Suggest(v, recIDs); s != "" {
				msg += fmt.Sprintf("; did you mean %q?", s)
			}
			return sel, usagef("%s (want a number from 1 to %d, or an id: %s)", msg, len(recIDs), strings.Join(recIDs, ", "))
		}
		sel.Recs = append(sel.Recs, recIDs[i])
	}
	return sel, nil
}

// choices are the values of the selection flags that the data decides.
type choices struct {
	audiences, langs []string
	// recNums and recIDs are the recommendations' numbers and ids, in
	// the same order.
	recNums, recIDs []string
}

func choicesOf(ds *statement.Dataset) choices {
	c := choices{langs: batch.Languages(ds)}
	for _, a := range ds.Base.Audiences {
		c.audiences = append(c.audiences, a.ID)
	}
	for _, r := range ds.Base.Recommendations {
		c.recIDs = append(c.recIDs, r.ID)
		c.recNums = append(c.recNums, strconv.Itoa(r.Number))
	}
	return c
}

// selectionFlags are the flags that set each field of a batch.Selection a
// batch.SelectionError can be about.
var selectionFlags = map[batch.SelectionField]string{
	batch.SelectAudiences: "--audience",
	batch.SelectLangs:     "--lang",
	batch.SelectRecs:      "--rec",
}

// planError words an error of batch.Plan for sel on the command line: a
// selection the data cannot meet is said with the flag that asked for it,
// and --rec with --kind pack (briefs of some recommendations, and no
// briefs) with why nothing is left.
func planError(err error, sel batch.Selection) error {
	var se *batch.SelectionError
	switch {
	case errors.As(err, &se):
		return fmt.Errorf("%s: %w", selectionFlags[se.Field], err)
	case errors.Is(err, batch.ErrNothing) && len(sel.Recs) > 0 && len(sel.Kinds) > 0 && !slices.Contains(sel.Kinds, statement.KindBrief):
		return fmt.Errorf("nothing to build: --rec picks recommendations' briefs, and --kind %s asks for no briefs (drop --rec to build packs)", strings.Join(kindNames(sel.Kinds), ","))
	}
	return err
}

func kindNames(ks []statement.Kind) []string {
	out := make([]string, len(ks))
	for i, k := range ks {
		out[i] = string(k)
	}
	return out
}

// cleanList drops the spaces around comma-separated values, and empty
// values.
func cleanList(vals []string) []string {
	var out []string
	for _, v := range vals {
		if v = strings.TrimSpace(v); v != "" {
			out = append(out, v)
		}
	}
	return out
}

// parseValues matches each of vals to one of allowed, ignoring case.
func parseValues[T ~string](flag string, vals []string, allowed []T) ([]T, error) {
	names := make([]string, len(allowed))
	for i, a := range allowed {
		names[i] = string(a)
	}
	var out []T
	for _, v := range cleanList(vals) {
		i := slices.IndexFunc(names, func(n string) bool { return strings.EqualFold(n, v) })
		if i < 0 {
			msg := fmt.Sprintf("%s: want one of %s, got %q", flag, strings.Join(names, ", "), v)
			if s := input.Suggest(v, names); s != "" {
				msg = fmt.Sprintf("%s: unknown value %q; did you mean %q? (want one of %s)", flag, v, s, strings.Join(names, ", "))
			}
			return nil, usageError{fmt.Errorf("%s", msg)}
		}
		out = append(out, allowed[i])
	}
	return out, nil
}

// match matches each of vals to one of the data's ids or codes, ignoring
// case.
func match(flag, what string, vals, have []string, file string) ([]string, error) {
	var out []string
	for _, v := range cleanList(vals) {
		i := slices.IndexFunc(have, func(h string) bool { return strings.EqualFold(h, v) })
		if i >= 0 {
			out = append(out, have[i])
			continue
		}
		msg := fmt.Sprintf("%s: no %s %q in %s", flag, what, v, file)
		if s := input.Suggest(v, have); s != "" {
			msg += fmt.Sprintf("; did you mean %q?", s)
		}
		if len(have) > 0 {
			msg += fmt.Sprintf(" (have: %s)", strings.Join(have, ", "))
		}
		return nil, usageError{fmt.Errorf("%s", msg)}
	}
	return out, nil
}
