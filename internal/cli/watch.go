package cli

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"time"

	"github.com/fsnotify/fsnotify"
	"github.com/spf13/pflag"
)

const watchHelp = `briefing watch: build as briefing build does, then rebuild on every save of
the data file, its translations, the brand and layout files (and the fonts and
logo beside the brand file), and of the project file, briefing.yaml, whose
selection then applies. It prints what was rebuilt, or the problems; while
the data is broken it writes nothing, so the last good files stay. Ctrl-C
stops it.

Examples:
  briefing watch --data mystatement/statement.yaml
  briefing watch --data mystatement/statement.yaml --audience donors --format pdf --out preview
`

// watchDebounce is how long watch waits after the last change before it
// rebuilds: editors save in several steps (write, rename, chmod).
const watchDebounce = 200 * time.Millisecond

// watchFlags are watch's flags: build's, without --dry-run.
func watchFlags(fs *pflag.FlagSet, o *options) {
	o.in.flags(fs)
	o.selectionFlags(fs)
	fs.StringVarP(&o.out, "out", "o", "out", "output folder")
	fs.IntVar(&o.jobs, "jobs", 0, "documents made at once; 0 (the default) means one per core")
	o.fallbackFlag(fs)
	fs.BoolVarP(&o.quiet, "quiet", "q", false, "print nothing but problems (warnings and errors)")
	o.verboseFlag(fs)
	o.pngFlag(fs)
}

func runWatch(c *call) error {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return watch(ctx, c)
}

// watch builds, then rebuilds on each relevant change until ctx ends.
func watch(ctx context.Context, c *call) error {
	if c.o.in.data == "" && c.o.in.brand == "" && c.o.in.layout == "" {
		return usagef("nothing to watch: the built-in statement does not change; give --data FILE (briefing init writes a starter)")
	}
	if c.o.in.data == "-" {
		return usagef("--data -: standard input is read once and cannot be watched; save the statement to a file and give --data FILE")
	}
	date, err := sourceDate()
	if err != nil {
		return usageError{err}
	}
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return fmt.Errorf("watch: %w", err)
	}
	defer w.Close()
	dirs := c.o.watchDirs()
	if c.project != "" && !slices.Contains(dirs, ".") {
		dirs = append(dirs, ".")
	}
	for _, d := range dirs {
		if err := w.Add(d); err != nil {
			return fmt.Errorf("watch %s: %w", d, err)
		}
	}
	c.o.summaryOnly = true
	once := func() {
		if err := c.o.run(c, date); err != nil {
			report(err, c.cmd, c.stderr)
		}
		fmt.Fprintf(c.stdout, "Watching %s for changes (Ctrl-C to stop)\n", strings.Join(dirs, ", "))
	}
	once()
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	var changed []string
	for {
		select {
		case <-ctx.Done():
			fmt.Fprintln(c.stdout, "Stopped watching.")
			return nil
		case err, ok := <-w.Errors:
			if !ok {
				return nil
			}
			fmt.Fprintf(c.stderr, "briefing: watch: %v\n", err)
		case ev, ok := <-w.Events:
			if !ok {
				return nil
			}
			if !(c.o.relevant(ev.Name) || c.project != "" && filepath.Clean(ev.Name) == c.project) || ev.Op == fsnotify.Chmod {
				continue
			}
			if !slices.Contains(changed, ev.Name) {
				changed = append(changed, ev.Name)
			}
			timer.Reset(watchDebounce)
		case <-timer.C:
			fmt.Fprintf(c.stdout, "Changed: %s\n", strings.Join(changed, ", "))
			reread := c.project != "" && slices.ContainsFunc(changed, func(p string) bool { return filepath.Clean(p) == c.project })
			changed = nil
			if reread && !c.reread() {
				fmt.Fprintf(c.stdout, "Watching %s for changes (Ctrl-C to stop)\n", strings.Join(dirs, ", "))
				continue
			}
			once()
		}
	}
}

// reread applies the project file again after it changed, over the
// options the flags set: what it names and selects from now on. A broken
// project file is reported and the last good options stay (false). The
// folders watched stay those of the start: a data file moved elsewhere
// needs watch started again.
func (c *call) reread() bool {
	o := c.plain
	if _, err := o.findProject(c.fs); err != nil {
		report(err, c.cmd, c.stderr)
		return false
	}
	if err := o.validate(c.fs); err != nil {
		report(err, c.cmd, c.stderr)
		return false
	}
	o.summaryOnly = true
	c.o = &o
	return true
}

// run prepares and builds once, as build does.
func (o *options) run(c *call, date time.Time) error {
	p, err := o.prepare(false)
	c.warn(p, false)
	if err != nil {
		return err
	}
	return build(c, p, date)
}

// watchDirs are the folders of the files a build reads: the data file's
// (its translations, brand.yaml and layout.yaml are beside it) and the
// brand and layout files'. Folders, not files: editors save by writing a
// new file and renaming it over the old one.
func (o *options) watchDirs() []string {
	var dirs []string
	for _, f := range []string{o.in.data, o.in.brandFile(), o.in.layoutFile()} {
		if f == "" {
			continue
		}
		d := filepath.Clean(filepath.Dir(f))
		if !slices.Contains(dirs, d) {
			dirs = append(dirs, d)
		}
	}
	return dirs
}

// relevant reports whether a change to the file at p can change the
// documents: the data file or a translation of it, the brand or layout
// file (or one that would be found beside the data), or a font or logo in
// the brand file's folder.
func (o *options) relevant(p string) bool {
	p = filepath.Clean(p)
	base := filepath.Base(p)
	if d := o.in.data; d != "" && filepath.Dir(p) == filepath.Clean(filepath.Dir(d)) {
		stem := strings.TrimSuffix(filepath.Base(d), filepath.Ext(d))
		ext := filepath.Ext(base)
		if base == filepath.Base(d) || base == besideBrand || base == besideLayout ||
			strings.HasPrefix(base, stem+".") && slices.Contains([]string{".yaml", ".yml", ".json"}, ext) {
			return true
		}
	}
	for _, f := range []string{o.in.brandFile(), o.in.layoutFile()} {
		if f != "" && p == filepath.Clean(f) {
			return true
		}
	}
	if b := o.in.brandFile(); b != "" && filepath.Dir(p) == filepath.Clean(filepath.Dir(b)) {
		switch strings.ToLower(filepath.Ext(base)) {
		case ".ttf", ".otf", ".png", ".jpg", ".jpeg":
			return true
		}
	}
	return false
}
