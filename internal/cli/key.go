package cli

import (
	"crypto/sha256"
	"debug/elf"
	"encoding/hex"
	"io"
	"os"
	"runtime/debug"
	"sync"

	"briefing/briefing/doc"
	"briefing/briefing/style"
)

// inputsKey is batch.Options.Key for a build in st: what decides the bytes
// of a document besides its model. A document made by another program
// (another build of briefing, or the public-API font path) or in another
// style is made again.
func inputsKey(st *style.Style) string {
	return programKey() + "\n" + os.Getenv(fontsEnv) + "\n" + st.Fingerprint()
}

// programKey names this program exactly: the Go build ID of the running
// executable (read from its ELF note, without reading the program), else
// the sha256 of the executable's bytes, else the version. Every change to
// the code, a go run included, gives another key.
var programKey = sync.OnceValue(func() string {
	exe, err := os.Executable()
	if err == nil {
		if f, err := elf.Open(exe); err == nil {
			defer f.Close()
			if s := f.Section(".note.go.buildid"); s != nil {
				if b, err := s.Data(); err == nil && len(b) > 16 {
					return "go build id " + hex.EncodeToString(b)
				}
			}
		}
		if f, err := os.Open(exe); err == nil {
			defer f.Close()
			h := sha256.New()
			if _, err := io.Copy(h, f); err == nil {
				return "executable " + hex.EncodeToString(h.Sum(nil))
			}
		}
	}
	bi, ok := debug.ReadBuildInfo()
	return versionLine(bi, ok) + " " + doc.Creator
})
