package cli

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"briefing/briefing/schema"
	"briefing/layouts"
)

const initHelp = `briefing init [DIR]: write a starter project into DIR (default: the current
folder) to edit and build:

  briefing.yaml      the project: which statement, brand, layout and output
                     folder "briefing" builds when run in DIR
  statement.yaml     a short, commented example statement (not a real one)
  brand.yaml         the built-in brand, named for the example organisation
  layout.yaml        the built-in layout
  schema/*.json      JSON Schemas, named on each file's first line, so that an
                     editor with a YAML extension completes keys and flags mistakes

It never overwrites: when any of these files exists it writes nothing. The
starter builds as written.

Then, in DIR, "briefing check" and "briefing" (or from elsewhere,
"briefing -C DIR").

Examples:
  briefing init mystatement
  cd mystatement && briefing check && briefing
`

//go:embed starter/statement.yaml
var starter embed.FS

// The starter's organisation, which its brand.yaml carries.
const (
	starterName  = "Coastal Cities Water Alliance"
	starterShort = "CCWA"
	starterSite  = "example.org"
)

// modeline points an editor's YAML extension at a file's schema.
func modeline(k schema.Kind) string {
	return "# yaml-language-server: $schema=schema/" + k.File() + "\n"
}

func runInit(c *call) error {
	dir := "."
	if len(c.args) > 0 {
		dir = c.args[0]
	}
	files, err := starterFiles()
	if err != nil {
		return err
	}
	var exist []string
	for _, f := range files {
		p := filepath.Join(dir, f.name)
		if _, err := os.Lstat(p); err == nil || !errors.Is(err, fs.ErrNotExist) {
			exist = append(exist, p)
		}
	}
	if len(exist) > 0 {
		return fmt.Errorf("init: %s already %s; nothing written (init never overwrites: choose another folder)",
			strings.Join(exist, ", "), plural(len(exist), "exists", "exist"))
	}
	var written []string
	for _, f := range files {
		p := filepath.Join(dir, f.name)
		if err := writeNew(p, f.data); err != nil {
			return fmt.Errorf("init: %w (written so far: %s)", err, strings.Join(written, ", "))
		}
		written = append(written, p)
	}
	fmt.Fprintf(c.stdout, "Wrote %s.\n%s", strings.Join(written, ", "), nextSteps(dir, goRun()))
	return nil
}

// nextSteps is what init suggests next, as the user ran it: through "go
// run ." (goRun) or as an installed briefing.
func nextSteps(dir string, goRun bool) string {
	var b strings.Builder
	b.WriteString("Next:\n")
	cmd, cd := "briefing", ""
	switch {
	case goRun && dir != ".":
		cmd = "go run . -C " + dir
	case goRun:
		cmd = "go run ."
	case dir != ".":
		cd = "  cd " + dir + "\n"
	}
	b.WriteString(cd)
	out := "out"
	if goRun && dir != "." {
		out = filepath.Join(dir, "out")
	}
	w := len(cmd) + 7
	fmt.Fprintf(&b, "  %-*s  edit the statement, then report its problems\n", w, cmd+" check")
	fmt.Fprintf(&b, "  %-*s  build the documents into %s/\n", w, cmd, out)
	fmt.Fprintf(&b, "  %-*s  rebuild on every save\n", w, cmd+" watch")
	return b.String()
}

// goRun reports whether this process is a "go run": its executable is in
// the go command's temporary build folder.
func goRun() bool {
	exe, err := os.Executable()
	return err == nil && strings.Contains(filepath.ToSlash(exe), "/go-build") && filepath.Base(filepath.Dir(exe)) == "exe"
}

type starterFile struct {
	name string
	data []byte
}

// starterFiles are the files init writes, in order.
func starterFiles() ([]starterFile, error) {
	st, err := starter.ReadFile("starter/statement.yaml")
	if err != nil {
		return nil, err
	}
	brand, err := fs.ReadFile(layouts.FS, layouts.Brand)
	if err != nil {
		return nil, err
	}
	layout, err := fs.ReadFile(layouts.FS, layouts.Layout)
	if err != nil {
		return nil, err
	}
	b := strings.NewReplacer("Danish Refugee Council", starterName, "DRC", starterShort, "drc.ngo", starterSite).Replace(string(brand))
	files := []starterFile{
		{ProjectFile, []byte(projectTemplate)},
		{"statement.yaml", st},
		{"brand.yaml", []byte(modeline(schema.Brand) +
			"# Laid over the built-in brand: delete the lines you do not change.\n" + b)},
		{"layout.yaml", []byte(modeline(schema.Layout) +
			"# Laid over the built-in layout: delete the lines you do not change.\n" + string(layout))},
	}
	for _, k := range schema.Kinds {
		s, err := schema.JSON(k)
		if err != nil {
			return nil, err
		}
		files = append(files, starterFile{filepath.Join("schema", k.File()), append(s, '\n')})
	}
	return files, nil
}

// writeNew writes a new file, making its folder; it fails when the file
// exists.
func writeNew(p string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	f, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		os.Remove(p)
		return err
	}
	return f.Close()
}
