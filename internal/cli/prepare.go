package cli

import (
	"errors"
	"fmt"
	"path/filepath"
	"runtime"
	"sync"

	"briefing/briefing/batch"
	"briefing/briefing/compose"
	"briefing/briefing/doc"
	"briefing/briefing/docx"
	"briefing/briefing/input"
	"briefing/briefing/layout"
	"briefing/briefing/qrcode"
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
	// warnings are what is odd but not wrong: untranslated fields, a
	// language without a translation, a brand not the statement's.
	warnings input.ErrorList
}

// prepare loads, checks and plans a build from the options: it is what
// check, build --dry-run, build and watch share, so that whatever check
// accepts, build builds. Problems in the files (every one at once:
// structure, references, glyphs the fonts lack) are an ErrorList (exit 1);
// a selection the data cannot meet is a usage error (exit 2). With fit, it
// also lays out every planned one-page brief without writing it, and
// reports each that does not fit its page.
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
		return nil, problems
	}
	sel, err := o.selection(ds)
	if err != nil {
		return nil, err
	}
	plan, err := batch.Plan(ds, sel, st.Layout.Paper)
	if err != nil {
		return nil, usageError{err}
	}
	_, warns := statement.Check(ds)
	p := &prepared{ds: ds, st: st, sel: sel, plan: plan, warnings: warns}
	for _, w := range st.Warnings(ds) {
		w.File = o.in.brandFile()
		if w.File == "" {
			w.File = filepath.Join("layouts", layouts.Brand) + " (built in)"
		}
		p.warnings = append(p.warnings, w)
	}
	if fit {
		if errs := fits(p); len(errs) > 0 {
			return p, errs
		}
	}
	return p, nil
}

// fits lays out every one-page brief of the plan, in each format, without
// writing it, and returns an error for each that does not fit its page,
// placed at the recommendation in the data: the PDF's fit is the layout
// package's answer, the DOCX's the DOCX writer's estimate (docx.Fit), the
// same calls a build makes before it writes.
func fits(p *prepared) input.ErrorList {
	// One brief per recommendation, language, paper and format: the
	// audiences' briefs print the same page.
	type key struct {
		lang, rec string
		paper     statement.Paper
		format    statement.Format
	}
	var briefs []batch.Job
	seen := map[key]bool{}
	for _, j := range p.plan {
		k := key{j.Lang, j.RecID, j.Paper, j.Format}
		if j.Kind == statement.KindBrief && !seen[k] {
			seen[k] = true
			briefs = append(briefs, j)
		}
	}
	if len(briefs) == 0 {
		return nil
	}
	var dx *docx.Renderer
	var ts *layout.Typesetter
	for _, j := range briefs {
		var err error
		switch {
		case j.Format == statement.FormatDOCX && dx == nil:
			dx, err = docx.New(p.st)
		case j.Format == statement.FormatPDF && ts == nil:
			ts, err = layout.New(p.st)
		}
		if err != nil {
			return appendErr(nil, err)
		}
	}
	statements := map[string]*statement.Statement{}
	places := map[string]func(string) input.Place{}
	for _, j := range briefs {
		if _, ok := statements[j.Lang]; !ok {
			statements[j.Lang], _ = p.ds.In(j.Lang)
			places[j.Lang] = p.ds.Places(j.Lang)
		}
	}
	errs := make([]error, len(briefs))
	codes := &qrcode.Cache{}
	next := make(chan int)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for i := range next {
				j := briefs[i]
				s := statements[j.Lang]
				co := compose.Options{Creator: doc.Creator, Brand: &p.st.Brand, Paper: j.Paper, Places: places[j.Lang], QR: codes}
				d := compose.Brief(s, s.Audience(j.Audience), s.Recommendation(j.RecID), co)
				if j.Format == statement.FormatPDF {
					// The layout decides a PDF's fit: no file is made.
					_, errs[i] = ts.Lay(d)
				} else {
					errs[i] = dx.Fit(d)
				}
			}
		})
	}
	for i := range briefs {
		next <- i
	}
	close(next)
	wg.Wait()

	var out input.ErrorList
	for i, err := range errs {
		if err == nil {
			continue
		}
		j := briefs[i]
		var oe *doc.OverflowError
		if !errors.As(err, &oe) {
			out = append(out, &input.Error{File: j.Path, Msg: err.Error()})
			continue
		}
		out = append(out, &input.Error{File: oe.At.File, Line: oe.At.Line, Col: oe.At.Col, Field: oe.At.Field,
			Msg: fmt.Sprintf("%s (%s, %s): %v", j.Lang, j.Format, j.Path, err)})
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
		return append(l, &input.Error{File: "briefing", Msg: err.Error()})
	}
}
