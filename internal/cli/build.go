package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"

	"golang.org/x/term"

	"briefing/briefing"
	"briefing/briefing/batch"
)

const buildHelp = `briefing build: make the documents each audience asks for (every audience,
language, kind and format in the data unless narrowed by flags) into --out:

  out/<audience>/<lang>/<statement>-rec<N>-<title>.pdf|docx   one-page brief per recommendation
  out/<audience>/<lang>/<statement>-pack.pdf|docx            the delegate pack
  out/manifest.json, out/manifest.csv                         every file, its pages, size, sha256

Files are written atomically; a document that fails leaves nothing behind and
the others are still made (exit status 1 lists the failures). A rebuild
removes files an earlier build made that it no longer makes, and nothing else.
Dates come from the statement, or SOURCE_DATE_EPOCH when set.

Examples:
  briefing                                         everything, into ./out
  briefing build --audience donors --lang es --format pdf --kind brief
  briefing build --data mystatement.yaml --out briefs --paper letter
  briefing build --dry-run                         show what would be made
`

func runBuild(args []string, stdout, stderr io.Writer) error {
	var in inputs
	var audiences, langs, kinds, formats []string
	var paper, out string
	var jobs int
	var dry, quiet bool
	fs := newFlags("build", buildHelp, stdout)
	in.flags(fs)
	fs.StringSliceVar(&audiences, "audience", nil, "only these audiences, by id (comma-separated)")
	fs.StringSliceVar(&langs, "lang", nil, "only these languages, e.g. en,es")
	fs.StringSliceVar(&kinds, "kind", nil, "only these kinds: brief, pack")
	fs.StringSliceVar(&formats, "format", nil, "only these formats: pdf, docx")
	fs.StringVar(&paper, "paper", "", "paper for every document, a4 or letter (default: each audience's)")
	fs.StringVar(&out, "out", "out", "output folder")
	fs.IntVar(&jobs, "jobs", 0, "documents made at once (default: one per core)")
	fs.BoolVar(&dry, "dry-run", false, "print what would be made, write nothing")
	fs.BoolVarP(&quiet, "quiet", "q", false, "print nothing but problems")
	if err := parse(fs, args); err != nil {
		return err
	}
	sel := batch.Selection{Audiences: audiences, Langs: langs, Paper: briefing.Paper(strings.ToLower(paper))}
	if err := oneOf("--kind", kinds, briefing.Kinds, &sel.Kinds); err != nil {
		return err
	}
	if err := oneOf("--format", formats, briefing.Formats, &sel.Formats); err != nil {
		return err
	}
	if sel.Paper != "" && !slices.Contains(briefing.Papers, sel.Paper) {
		return usageError{fmt.Errorf("--paper: want a4 or letter, got %q", paper)}
	}
	if jobs < 0 {
		return usageError{fmt.Errorf("--jobs: want a positive number, got %d", jobs)}
	}
	date, err := sourceDate()
	if err != nil {
		return usageError{err}
	}

	ds, err := in.loadData()
	if err != nil {
		return err
	}
	st, err := in.loadStyle()
	if err != nil {
		return err
	}
	// Characters the fonts lack would print as blank boxes: refuse before
	// writing anything.
	if err := briefing.CheckGlyphs(ds, st).Err(); err != nil {
		return err
	}
	plan, err := batch.Plan(ds, sel, st.Layout.Paper)
	if err != nil {
		return usageError{err}
	}
	warnFallbacks(ds, plan, stderr)
	if dry {
		for _, j := range plan {
			fmt.Fprintf(stdout, "%s\t%s %s %s\n", filepath.Join(out, filepath.FromSlash(j.Path)), j.Kind, j.Format, j.Paper)
		}
		fmt.Fprintf(stdout, "%d documents (dry run: nothing written)\n", len(plan))
		return nil
	}
	rs, err := renderers(st, plan)
	if err != nil {
		return err
	}
	opt := batch.Options{
		Out:       out,
		Jobs:      jobs,
		Renderers: rs,
		Compose:   briefing.ComposeOptions{Creator: briefing.Creator, Date: date, Footer: st.Brand.Footer},
	}
	switch {
	case quiet:
	case isTerminal(stderr):
		opt.Progress = &bar{w: stderr}
	default:
		opt.Progress = &lines{w: stdout}
	}
	opt.Warn = func(msg string) { fmt.Fprintf(stderr, "warning: %s\n", msg) }
	// Ctrl-C or SIGTERM: no new documents, a true manifest, exit 130. A
	// second one ends the process at once; the next build recovers.
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	done, watched := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(watched)
		select {
		case <-sigs:
			signal.Stop(sigs)
			cancel()
			fmt.Fprintln(stderr, "\nstopping: finishing the documents in flight and the manifest (interrupt again to quit at once)")
		case <-done:
		}
	}()
	defer func() {
		close(done)
		<-watched
		signal.Stop(sigs)
	}()
	res, err := batch.Run(ctx, ds, plan, sel, opt)
	if err != nil {
		return err
	}
	if !quiet && !res.Interrupted && res.DiskFull == nil {
		pages := ""
		if res.Pages > 0 {
			pages = fmt.Sprintf("%d PDF %s, ", res.Pages, plural(res.Pages, "page", "pages"))
		}
		fmt.Fprintf(stdout, "Built %d %s (%s%s) in %.2f s into %s/\n",
			len(res.Written), plural(len(res.Written), "document", "documents"), pages, size(res.Bytes), res.Elapsed.Seconds(), out)
		if len(res.Removed) > 0 {
			fmt.Fprintf(stdout, "Removed %d %s the previous build made and this one does not: %s\n",
				len(res.Removed), plural(len(res.Removed), "file", "files"), strings.Join(res.Removed, ", "))
		}
	}
	return outcome(ds, res)
}

// interrupted is a build stopped by a signal (exit 130).
type interrupted struct{ msg string }

func (e interrupted) Error() string { return e.msg }

// outcome is the build's ending as an error: every failed document (with
// its place in the data when it did not fit), then a full disk or an
// interrupt, said once.
func outcome(ds *briefing.Dataset, res *batch.Result) error {
	var msgs []string
	if err := failures(ds, res); err != nil {
		msgs = append(msgs, err.Error())
	}
	written := fmt.Sprintf("%d of %d documents written", len(res.Written), res.Planned)
	if res.DiskFull != nil {
		msgs = append(msgs, fmt.Sprintf("%v: %s, the manifest lists them; free some space and run again to finish", res.DiskFull, written))
	}
	if res.Interrupted {
		msgs = append(msgs, "interrupted: "+written+"; run again to finish")
		return interrupted{strings.Join(msgs, "\nbriefing: ")}
	}
	if len(msgs) == 0 {
		return nil
	}
	return errors.New(strings.Join(msgs, "\nbriefing: "))
}

// failures is res.Err with the place in the data of each recommendation
// whose brief does not fit its page, so that the user knows what to
// shorten:
//
//	st.yaml:16:7: recommendations[1].body: states/en/st-rec2-x.pdf: recommendation 2 ("X") does not fit one A4 page: …
func failures(ds *briefing.Dataset, res *batch.Result) error {
	if len(res.Failed) == 0 {
		return nil
	}
	lines := make([]string, len(res.Failed))
	for i, f := range res.Failed {
		lines[i] = f.Error()
		var oe *briefing.OverflowError
		if f.Job.RecID != "" && errors.As(f.Err, &oe) {
			e := recPlace(ds, f.Job.Lang, f.Job.RecID)
			e.Msg = lines[i]
			lines[i] = e.Error()
		}
	}
	return fmt.Errorf("%d of %d documents failed:\n  %s", len(res.Failed), res.Planned, strings.Join(lines, "\n  "))
}

// recPlace is where the text of recommendation id is in the data for
// lang: in the translation file when it translates the recommendation,
// else in the base file.
func recPlace(ds *briefing.Dataset, lang, id string) *briefing.Error {
	file, s := ds.File, ds.Base
	if t := ds.Translations[lang]; t != nil && lang != ds.Base.Lang && t.Recommendation(id) != nil {
		file, s = ds.Files[lang], t
	}
	for i := range s.Recommendations {
		if s.Recommendations[i].ID != id {
			continue
		}
		field := fmt.Sprintf("recommendations[%d]", i)
		p, ok := ds.Pos[file][field+".body"]
		if ok {
			field += ".body"
		} else {
			p = ds.Pos[file][field]
		}
		return &briefing.Error{File: file, Line: p.Line, Col: p.Col, Field: field}
	}
	return &briefing.Error{File: file}
}

// oneOf checks that each of vals is one of allowed and stores them in dst.
func oneOf[T ~string](flag string, vals []string, allowed []T, dst *[]T) error {
	for _, v := range vals {
		t := T(strings.ToLower(strings.TrimSpace(v)))
		if !slices.Contains(allowed, t) {
			names := make([]string, len(allowed))
			for i, a := range allowed {
				names[i] = string(a)
			}
			return usageError{fmt.Errorf("%s: want one of %s, got %q", flag, strings.Join(names, ", "), v)}
		}
		*dst = append(*dst, t)
	}
	return nil
}

// sourceDate reads SOURCE_DATE_EPOCH (reproducible builds); zero if unset.
func sourceDate() (time.Time, error) {
	v := os.Getenv("SOURCE_DATE_EPOCH")
	if v == "" {
		return time.Time{}, nil
	}
	n, err := strconv.ParseInt(v, 10, 64)
	if err != nil || n < 0 {
		return time.Time{}, fmt.Errorf("SOURCE_DATE_EPOCH: want seconds since 1970 as a whole number, got %q", v)
	}
	return time.Unix(n, 0).UTC(), nil
}

// warnFallbacks says on stderr which fields of each planned language fall
// back to the base language.
func warnFallbacks(ds *briefing.Dataset, plan []batch.Job, stderr io.Writer) {
	seen := map[string]bool{}
	for _, j := range plan {
		if seen[j.Lang] {
			continue
		}
		seen[j.Lang] = true
		_, missing := ds.In(j.Lang)
		if len(missing) == 0 {
			continue
		}
		show := missing
		if len(show) > 5 {
			show = show[:5]
		}
		more := ""
		if len(missing) > len(show) {
			more = fmt.Sprintf(" and %d more (see briefing check)", len(missing)-len(show))
		}
		fmt.Fprintf(stderr, "warning: %s: %d untranslated %s printed in %s: %s%s\n",
			j.Lang, len(missing), plural(len(missing), "field", "fields"), ds.Base.Lang, strings.Join(show, ", "), more)
	}
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}
