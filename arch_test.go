package main

import (
	"os/exec"
	"strings"
	"testing"
)

// layers puts each package of the module on a floor: a package may import
// only packages on lower floors, so that imports run one way, from the
// command down to the data and the model.
var layers = map[string]int{
	"briefing/data": 0, "briefing/fonts": 0, "briefing/layouts": 0,
	"briefing/briefing/font": 1, "briefing/briefing/input": 1, "briefing/briefing/inline": 1, "briefing/briefing/labels": 1,
	"briefing/briefing/qrcode": 1, "briefing/briefing/index": 1, "briefing/briefing/bundle": 1,
	"briefing/briefing/statement": 2, "briefing/briefing/pdf/finish": 2,
	"briefing/briefing/style": 3, "briefing/briefing/doc": 3,
	"briefing/briefing/compose": 4, "briefing/briefing/schema": 4, "briefing/briefing/layout": 4,
	"briefing/briefing/pdf": 5, "briefing/briefing/docx": 5, "briefing/briefing/png": 5, "briefing/briefing/batch": 5,
	"briefing/internal/defaults": 4, "briefing/internal/testtool": 5, "briefing/internal/completion": 5,
	"briefing/internal/cli": 6,
	"briefing":              7,
}

// only names the one package of the module allowed to import a library:
// one package draws PDF with fpdf, one parses font files, one encodes QR
// codes.
var only = map[string]string{
	"codeberg.org/go-pdf/fpdf":          "briefing/briefing/pdf",
	"golang.org/x/image/font/sfnt":      "briefing/briefing/font",
	"golang.org/x/image/font/opentype":  "briefing/briefing/font",
	"github.com/boombuler/barcode/qr":   "briefing/briefing/qrcode",
	"github.com/schollz/progressbar/v3": "briefing/internal/cli",
	"github.com/spf13/pflag":            "briefing/internal/cli",
}

// TestArchitecture checks the import graph with go list.
func TestArchitecture(t *testing.T) {
	out, err := exec.Command("go", "list", "-f", `{{.ImportPath}}{{range .Imports}} {{.}}{{end}}`, "./...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	importers := map[string][]string{}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		f := strings.Fields(line)
		pkg := f[0]
		if strings.HasPrefix(pkg, "briefing/bench/") {
			continue // benchmark tools, outside the product
		}
		floor, ok := layers[pkg]
		if !ok {
			t.Errorf("package %s has no floor in arch_test.go's layers: give it one", pkg)
			continue
		}
		for _, imp := range f[1:] {
			importers[imp] = append(importers[imp], pkg)
			if to, ok := layers[imp]; ok && to >= floor {
				t.Errorf("%s (floor %d) imports %s (floor %d): imports must run downwards", pkg, floor, imp, to)
			}
		}
	}
	for lib, want := range only {
		if got := importers[lib]; len(got) != 1 || got[0] != want {
			t.Errorf("%s is imported by %v, want by %s alone", lib, got, want)
		}
	}
}
