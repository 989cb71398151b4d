// Package testtool finds the outside programs that tests re-read output
// with (poppler, qpdf, LibreOffice, python-docx). A missing program skips the
// test on a laptop and fails it under CI=true.
package testtool

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// Need returns the path of the program name, or skips the test (fails it
// when the environment variable CI is "true") when it is not installed.
func Need(t testing.TB, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		Missing(t, name+" not found on PATH")
	}
	return p
}

// Missing skips the test with why, or fails it under CI=true.
func Missing(t testing.TB, why string) {
	t.Helper()
	if os.Getenv("CI") == "true" {
		t.Fatalf("%s (CI=true: .ci/run must install it)", why)
	}
	t.Skipf("%s; skipping (install it, see .ci/run)", why)
}

// PythonDocx returns a python3 that can import docx (Debian's python3-docx
// works with /usr/bin/python3), or skips/fails like Need.
func PythonDocx(t testing.TB) string {
	t.Helper()
	for _, py := range []string{"/usr/bin/python3", "python3"} {
		if exec.Command(py, "-c", "import docx").Run() == nil {
			return py
		}
	}
	Missing(t, "python3 with the docx module (Debian python3-docx) not found")
	return ""
}

// Files lists the files below dir as slash-separated paths relative to it,
// in lexical order.
func Files(t testing.TB, dir string) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() {
			r, err := filepath.Rel(dir, p)
			if err != nil {
				return err
			}
			out = append(out, filepath.ToSlash(r))
		}
		return nil
	})
	if err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	return out
}

// Chromium returns the path of a Chromium to run headless (Debian
// chromium), or skips/fails like Need.
func Chromium(t testing.TB) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	Missing(t, "chromium (Debian chromium) not found on PATH")
	return ""
}
