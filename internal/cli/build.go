package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/spf13/pflag"
	"golang.org/x/term"

	"briefing/briefing/batch"
	"briefing/briefing/compose"
	"briefing/briefing/doc"
	"briefing/briefing/index"
	"briefing/briefing/input"
	"briefing/briefing/png"
	"briefing/briefing/statement"
)

const buildHelp = `briefing build: make the documents each audience asks for (every audience,
language, kind and format in the data unless narrowed by flags) into --out:

  out/<audience>/<lang>/<statement>-rec<N>-<title>.pdf|docx   one-page brief per recommendation
  out/<audience>/<lang>/<statement>-pack.pdf|docx            the audience's briefing pack
  out/<audience>/<lang>/<statement>-rec<N>-<title>.png       with --format png: a preview of
  out/<audience>/<lang>/<statement>-pack.png                 the brief, and of the pack's cover
  out/manifest.json, out/manifest.csv                         every file, its pages, size, sha256
  out/<audience>/<lang>/<statement>-<audience>-<lang>.zip    with --format zip: that folder's documents
  out/<audience>/<lang>/<statement>-<audience>-<lang>-email.eml  with --format eml: an email draft
                                                              attaching the folder's PDFs
  out/index.html                                              a page linking every file, per audience

A document whose inputs have not changed since the build that made it (the
data, its translation, the brand, layout, fonts and logo, this program and
the options) is left as it is: its bytes and date stay, and the summary says
"up to date"; --force makes it again. A document you edited after a build
made it is kept, never overwritten (a warning; delete or move it to have it
made again). Files are written atomically; a document that fails leaves
nothing behind and the others are still made (exit status 1 lists the
failures). A rebuild removes files an earlier build made that it no longer
makes, and nothing else. Dates come from the statement, or SOURCE_DATE_EPOCH
when set.

On a terminal a progress bar shows while it works; elsewhere (scripts, logs)
it prints one summary line, and with -v a line per document in plan order.

Examples:
  briefing                                         everything, into ./out
  briefing build --audience donors --lang es --format pdf --kind brief
  briefing build --data mystatement.yaml --out briefs --paper letter
  briefing build --rec 2 --format pdf              recommendation 2's briefs only
  briefing build --format pdf,zip                  PDFs, and a zip of them per audience and language
  briefing build --format pdf,eml --audience delegates   an email draft per language, PDFs attached
  briefing build --format pdf,png --png-width 600  PDFs, and a 600 px preview of each
  briefing build --dry-run                         check, and show what would be made
`

// buildFlags are build's flags.
func buildFlags(fs *pflag.FlagSet, o *options) {
	o.in.flags(fs)
	o.selectionFlags(fs)
	fs.StringVarP(&o.out, "out", "o", "out", "output folder")
	fs.IntVar(&o.jobs, "jobs", 0, "documents made at once; 0 (the default) means one per core")
	o.fallbackFlag(fs)
	fs.BoolVar(&o.dry, "dry-run", false, "check as briefing check does and print what would be made; write nothing")
	fs.BoolVar(&o.force, "force", false, "make every document, also those up to date")
	fs.StringVar(&o.emailLimit, "email-limit", "10MB", "with --format eml: the most a draft attaches as separate files; over it, one zip of them")
	o.pngFlag(fs)
	fs.BoolVarP(&o.quiet, "quiet", "q", false, "print nothing but problems (warnings and errors)")
	o.verboseFlag(fs)
}

func runBuild(c *call) error {
	o := c.o
	date, err := sourceDate()
	if err != nil {
		return usageError{err}
	}
	// A dry run reports every problem check would, overflow included; a
	// build finds overflow by making the documents, and still makes the
	// others.
	p, err := o.prepare(o.dry)
	c.warn(p, false)
	if err != nil {
		return err
	}
	plan := p.plan
	if h := o.statementHint(); h != "" && !o.quiet {
		fmt.Fprintf(c.stderr, "note: %s\n", h)
	}
	if o.dry {
		for _, j := range plan {
			fmt.Fprintf(c.stdout, "%s\t%s %s %s\n", filepath.Join(o.out, filepath.FromSlash(j.Path)), j.Kind, j.Format, j.Paper)
		}
		fmt.Fprintf(c.stdout, "%d documents (dry run: nothing written)\n", len(plan))
		return nil
	}
	return build(c, p, date)
}

// build makes the prepared documents into --out and reports them.
func build(c *call, p *prepared, date time.Time) error {
	o, ds, st, plan := c.o, p.ds, p.st, p.plan
	out, quiet := o.out, o.quiet
	rs, err := renderers(st, plan, o.pngWidth)
	if err != nil {
		return err
	}
	c.noteFonts(rs)
	key := inputsKey(st)
	if o.pngWidth != 0 && o.pngWidth != png.DefaultWidth {
		// Previews of another width are other files; the default width
		// keeps the key of builds made before previews existed.
		key += "\npng width " + strconv.Itoa(o.pngWidth)
	}
	opt := batch.Options{
		Out:        out,
		Jobs:       o.jobs,
		Renderers:  rs,
		Compose:    compose.Options{Creator: doc.Creator, Date: date, Brand: &st.Brand},
		Key:        key,
		Force:      o.force,
		EmailLimit: o.emailBytes,
	}
	switch {
	case quiet:
	case o.verbose:
		fmt.Fprintf(c.stdout, "%s: %d %s into %s/\n", o.dataLabel(ds), len(plan), plural(len(plan), "document", "documents"), strings.TrimSuffix(out, "/"))
		opt.Progress = &lines{w: c.stdout}
	case o.summaryOnly:
	case isTerminal(c.stderr):
		opt.Progress = &bar{w: c.stderr}
	}
	opt.Warn = func(msg string) { fmt.Fprintf(c.stderr, "warning: %s\n", msg) }
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
			fmt.Fprintln(c.stderr, "\nstopping: finishing the documents in flight and the manifest (interrupt again to quit at once)")
		case <-done:
		}
	}()
	defer func() {
		close(done)
		<-watched
		signal.Stop(sigs)
	}()
	res, err := batch.Run(ctx, ds, plan, p.sel, opt)
	if err != nil {
		return err
	}
	for _, j := range res.Kept {
		fmt.Fprintf(c.stderr, "warning: %s: kept your edits, not rebuilt (move or delete the file to have it made again)\n", filepath.Join(out, filepath.FromSlash(j.Path)))
	}
	if !quiet && !res.Interrupted && res.DiskFull == nil {
		fmt.Fprintln(c.stdout, summary(o.dataLabel(ds), out, res))
		if len(res.Removed) > 0 {
			fmt.Fprintf(c.stdout, "Removed %d %s the previous build made and this one does not: %s\n",
				len(res.Removed), plural(len(res.Removed), "file", "files"), strings.Join(res.Removed, ", "))
		}
	}
	return outcome(ds, res)
}

// summary is the line a build ends with, naming the statement built:
//
//	st.yaml: 56 documents up to date in out/
//	st.yaml: built 3 documents (3 PDF pages, 120 KB) in 0.21 s into out/; 53 up to date
func summary(file, out string, res *batch.Result) string {
	dir := strings.TrimSuffix(out, "/") + "/"
	var s string
	if len(res.Written) == 0 && len(res.Failed) == 0 {
		n := len(res.UpToDate)
		s = fmt.Sprintf("%s: %d %s up to date in %s", file, n, plural(n, "document", "documents"), dir)
	} else {
		pages := ""
		if res.Pages > 0 {
			pages = fmt.Sprintf("%d PDF %s, ", res.Pages, plural(res.Pages, "page", "pages"))
		}
		s = fmt.Sprintf("%s: built %d %s (%s%s) in %.2f s into %s",
			file, len(res.Written), plural(len(res.Written), "document", "documents"), pages, index.Size(res.Bytes), res.Elapsed.Seconds(), dir)
		if n := len(res.UpToDate); n > 0 {
			s += fmt.Sprintf("; %d up to date", n)
		}
	}
	if n := len(res.Kept); n > 0 {
		s += fmt.Sprintf("; %d kept as you edited %s", n, plural(n, "it", "them"))
	}
	return s
}

// interrupted is a build stopped by a signal (exit 130).
type interrupted struct{ msg string }

func (e interrupted) Error() string { return e.msg }

// outcome is the build's ending as an error: every failed document (with
// its place in the data when it did not fit), then a full disk or an
// interrupt, said once.
func outcome(ds *statement.Dataset, res *batch.Result) error {
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
		return interrupted{strings.Join(msgs, "\nerror: ")}
	}
	if len(msgs) == 0 {
		return nil
	}
	return errors.New(strings.Join(msgs, "\nerror: "))
}

// failures is res.Err with the place in the data of each recommendation
// whose brief does not fit its page, so that the user knows what to
// shorten:
//
//	st.yaml:16:7: recommendations[1].body: states/en/st-rec2-x.pdf: recommendation 2 ("X") does not fit one A4 page: …
func failures(ds *statement.Dataset, res *batch.Result) error {
	if len(res.Failed) == 0 {
		return nil
	}
	lines := make([]string, len(res.Failed))
	for i, f := range res.Failed {
		lines[i] = f.Error()
		var oe *doc.OverflowError
		if errors.As(f.Err, &oe) && oe.At.File != "" {
			e := &input.Error{Place: oe.At, Msg: lines[i]}
			lines[i] = e.Error()
		}
	}
	return fmt.Errorf("%d of %d documents failed:\n  %s", len(res.Failed), res.Planned, strings.Join(lines, "\n  "))
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

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}
