package cli

import (
	"fmt"

	"github.com/spf13/pflag"
)

const checkHelp = `briefing check: report every problem a build would hit, and write nothing:
the statement data, its translations, the brand and layout files, the
characters the brand fonts cannot draw, and each one-page brief too long for
its page or with a text too long for its box, such as a statement title too
long for the brief's band (laid out, not written). Each problem has its file,
line, column and field: the one to shorten. Untranslated fields and a brand
that is not the statement's organisation are warnings. A language an audience
asks for without a translation file is an error, so that no folder of
documents in the wrong language goes out unnoticed, unless the audience says
fallback: true or --allow-fallback is given (then a warning). Whatever check
accepts, build builds. Exit status 1 when there is a problem.

It takes build's selection flags, to check what a narrowed build would make
(for example --paper letter).

Examples:
  briefing check
  briefing check --data mystatement.yaml
  briefing check --data mystatement.yaml --brand mybrand/brand.yaml
  briefing check -v                            each untranslated field at its place
  briefing check -q && briefing build -q      in scripts: only problems are printed
`

// checkFlags are check's flags.
func checkFlags(fs *pflag.FlagSet, o *options) {
	o.in.flags(fs)
	o.selectionFlags(fs)
	o.fallbackFlag(fs)
	o.verboseFlag(fs)
	fs.BoolVarP(&o.quiet, "quiet", "q", false, "print nothing but problems: errors and warnings (no summary)")
}

func runCheck(c *call) error {
	p, err := c.o.prepare(true)
	// The data's warnings are printed with its errors, as build prints
	// them; the brand's, which build does not print, once all is well.
	warnings := c.warn(p, err == nil)
	if err != nil {
		return err
	}
	if c.o.quiet {
		return nil
	}
	ds := p.ds
	if h := c.o.statementHint(); h != "" {
		fmt.Fprintf(c.stderr, "note: %s\n", h)
	}
	fmt.Fprintf(c.stdout, "%s: ok: %d recommendations, %d audiences, languages %v, %d documents",
		c.o.dataLabel(ds), len(ds.Base.Recommendations), len(ds.Base.Audiences), ds.Languages(), len(p.plan))
	if warnings > 0 {
		fmt.Fprintf(c.stdout, ", %d %s", warnings, plural(warnings, "warning", "warnings"))
	}
	fmt.Fprintln(c.stdout)
	return nil
}
