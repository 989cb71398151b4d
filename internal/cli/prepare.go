package cli

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"

	"briefing/briefing/batch"
	"briefing/briefing/compose"
	"briefing/briefing/doc"
	"briefing/briefing/input"
	"briefing/briefing/statement"
	"briefing/briefing/style"
	"briefing/layouts"
)

// prepared is everything a build needs, loaded, checked and planned.
type prepared struct {
	ds   *statement.Dataset
	st   *style.Style
	sel  batch.Selection
	plan []batch.Job
	// warnings are what is odd but not wrong in the data, such as a
	// language made without a translation (the fields a translation
	// leaves out are the dataset's Fallbacks); brandWarnings, in the
	// brand, such as a brand not the statement's organisation's.
	warnings, brandWarnings input.ErrorList
}

// prepare loads, checks and plans a build from the options: it is what
// check, build --dry-run, build and watch share, so that whatever check
// accepts, build builds. Problems in the files (every one at once:
// structure, references, glyphs the fonts lack) are an ErrorList (exit 1);
// a selection the data cannot meet is a usage error (exit 2). With
// problems in the files it also returns what it could read, with its
// warnings, so that they are printed too. With fit, it
// also sets every planned one-page brief as a build would, without
// writing it (batch.Fit), and reports each that does not fit its page.
func (o *options) prepare(fit bool) (*prepared, error) {
	var problems input.ErrorList
	// The data and the style (its fonts) are read at once, on two cores.
	var ds *statement.Dataset
	var dataErr error
	read := make(chan struct{})
	go func() {
		defer close(read)
		ds, dataErr = o.in.loadData()
	}()
	st, styleErr := o.in.loadStyle()
	<-read
	problems = appendErr(problems, dataErr)
	problems = appendErr(problems, styleErr)
	// The glyph check needs only the text, so it runs on what could be
	// read even when there are other problems: one pass finds them all.
	if st != nil {
		problems = append(problems, statement.CheckGlyphs(ds, st)...)
	}
	if len(problems) > 0 {
		// What could be read, for its warnings: they are printed with
		// the errors, not hidden by them.
		return o.warnings(&prepared{ds: ds, st: st}), problems
	}
	sel, err := o.selection(ds)
	if err != nil {
		return nil, err
	}
	plan, err := batch.Plan(ds, sel, st.Layout.Paper)
	if err != nil {
		return nil, usageError{planError(err, sel)}
	}
	p := o.warnings(&prepared{ds: ds, st: st, sel: sel, plan: plan})
	if fit {
		if errs := o.fits(p); len(errs) > 0 {
			return p, errs
		}
	}
	return p, nil
}

// warnings sets p's warnings from its data and style, either of which may
// be nil (not read), and returns p.
func (o *options) warnings(p *prepared) *prepared {
	if p.ds == nil || p.ds.Base == nil {
		return p
	}
	_, p.warnings = statement.Check(p.ds)
	if p.st == nil {
		return p
	}
	for _, w := range p.st.Warnings(p.ds) {
		w.File = o.in.brandFile()
		if w.File == "" {
			w.File = filepath.Join("layouts", layouts.Brand) + " (built in)"
		}
		p.brandWarnings = append(p.brandWarnings, w)
	}
	return p
}

// fits lays out every one-page brief of the plan, in each format, without
// writing it (batch.Fit, with the renderers a build makes), and returns an
// error for each that does not fit its page, placed at the recommendation
// in the data.
func (o *options) fits(p *prepared) input.ErrorList {
	// Only briefs are fitted: renderers for their formats are enough.
	var briefs []batch.Job
	for _, j := range p.plan {
		if j.Kind == statement.KindBrief {
			briefs = append(briefs, j)
		}
	}
	if len(briefs) == 0 {
		return nil
	}
	rs, err := renderers(p.st, briefs, o.pngWidth)
	if err != nil {
		return appendErr(nil, err)
	}
	res := batch.Fit(context.Background(), p.ds, p.plan, batch.Options{
		Jobs:      o.jobs,
		Renderers: rs,
		Compose:   compose.Options{Creator: doc.Creator, Brand: &p.st.Brand},
	})
	var out input.ErrorList
	for _, f := range res.Failed {
		j := f.Job
		var oe *doc.OverflowError
		if !errors.As(f.Err, &oe) {
			out = append(out, &input.Error{Place: input.Place{File: j.Path}, Msg: f.Err.Error()})
			continue
		}
		out = append(out, &input.Error{Place: oe.At,
			Msg: fmt.Sprintf("%s (%s, %s): %v", j.Lang, j.Format, j.Path, f.Err)})
	}
	return out
}

// appendErr adds err's errors to l.
func appendErr(l input.ErrorList, err error) input.ErrorList {
	var el input.ErrorList
	var e *input.Error
	switch {
	case err == nil:
		return l
	case errors.As(err, &el):
		return append(l, el...)
	case errors.As(err, &e):
		return append(l, e)
	default:
		return append(l, &input.Error{Place: input.Place{File: "briefing"}, Msg: err.Error()})
	}
}
