package cli_test

import (
	"path/filepath"
	"strings"
	"testing"

	"briefing/internal/cli"
)

// TestTitleOverflow: a statement title too long for the brief's band is
// one named overflow at the title's place, the same in check and in
// build, saying what to shorten and nothing of body_min; a title of about
// 270 characters builds, one of 377 (under the limit of 400 for a title)
// does not fit.
func TestTitleOverflow(t *testing.T) {
	dir := t.TempDir()
	const base = "title: Upholding the promises of the Cartagena Declaration"
	long := " and the commitments of the Brazil Plan of Action for the protection of refugees, displaced and stateless people in Latin America and the Caribbean, forty years on"
	fits := write(t, dir, "fits.yaml", strings.Replace(cartagena(t), base, base+long+" from 1984 and beyond, together", 1))
	for _, args := range [][]string{{"check", "--data", fits}, {"build", "--data", fits, "--out", filepath.Join(dir, "fits"), "--quiet"}} {
		if code, _, stderr := run(t, append(args, "--format", "pdf", "--kind", "brief")...); code != 0 {
			t.Errorf("%s, a 270-character title: exit %d\n%s", args[0], code, stderr)
		}
	}
	data := write(t, dir, "st.yaml", strings.Replace(cartagena(t), base, base+long+long, 1))
	for _, args := range [][]string{{"check", "--data", data}, {"build", "--data", data, "--out", filepath.Join(dir, "out"), "--quiet"}} {
		code, _, stderr := run(t, append(args, "--format", "pdf", "--kind", "brief", "--lang", "en")...)
		if code != cli.ExitInput || !strings.Contains(stderr, data+":7:8: title:") || !strings.Contains(stderr, "the statement's title does not fit") ||
			!strings.Contains(stderr, "shorten the statement's title") || strings.Contains(stderr, "body_min") || strings.Contains(stderr, ".body") {
			t.Errorf("%s: exit %d, stderr:\n%s", args[0], code, stderr)
		}
	}
}
