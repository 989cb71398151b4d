package cli

import (
	"fmt"
	"runtime"
	"runtime/debug"
	"strings"

	"briefing/briefing/doc"
)

const versionHelp = `briefing version: print the version, and what the binary was built from
(module version, source revision, Go version) when the build recorded it;
then whether PDF fonts take the shortcut into fpdf (several times faster) or
its public API, and why.
Also "briefing --version" and "briefing -V".

Examples:
  briefing version
  briefing -V
`

func runVersion(c *call) error {
	fmt.Fprintln(c.stdout, versionLine(debug.ReadBuildInfo()))
	fmt.Fprintln(c.stdout, shortcutLine())
	return nil
}

// versionLine is "briefing 0.1.0 (v0.1.0, rev 1a2b3c4d5e6f, 2026-11-29T04:00:00Z, go1.26.8 linux/amd64)":
// the version documents carry, then what the build info says.
func versionLine(bi *debug.BuildInfo, ok bool) string {
	var parts []string
	if ok {
		if v := bi.Main.Version; v != "" && v != "(devel)" {
			parts = append(parts, v)
		}
		set := map[string]string{}
		for _, s := range bi.Settings {
			set[s.Key] = s.Value
		}
		if r := set["vcs.revision"]; r != "" {
			if len(r) > 12 {
				r = r[:12]
			}
			if set["vcs.modified"] == "true" {
				r += "+modified"
			}
			parts = append(parts, "rev "+r)
		} else {
			// go run and builds outside a checkout record no revision:
			// say so rather than leave the reader guessing.
			parts = append(parts, "no VCS stamp")
		}
		if t := set["vcs.time"]; t != "" {
			parts = append(parts, t)
		}
		parts = append(parts, bi.GoVersion+" "+runtime.GOOS+"/"+runtime.GOARCH)
	}
	if len(parts) == 0 {
		return doc.Creator
	}
	return fmt.Sprintf("%s (%s)", doc.Creator, strings.Join(parts, ", "))
}
