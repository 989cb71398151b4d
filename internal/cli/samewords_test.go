package cli_test

import (
	"archive/zip"
	"encoding/xml"
	"io"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"

	"briefing/internal/testtool"
)

// TestSameWords builds every brief as PDF and DOCX and checks that the two
// files of one brief carry the same words (case aside: the PDF sets
// labels in capitals, Word with a Caps property), as pdftotext reads the
// PDF and as the DOCX's text and its wordmark's alternative text say it.
// Both render the same model; neither adds words of its own.
func TestSameWords(t *testing.T) {
	pdftotext := testtool.Need(t, "pdftotext")
	out := t.TempDir()
	if code, stdout, stderr := run(t, "build", "--kind", "brief", "--quiet", "--out", out); code != 0 {
		t.Fatalf("build: exit %d\n%s%s", code, stdout, stderr)
	}
	pdfs, _ := filepath.Glob(filepath.Join(out, "*", "*", "*.pdf"))
	if len(pdfs) < 20 {
		t.Fatalf("%d PDF briefs", len(pdfs))
	}
	for _, p := range pdfs {
		name, _ := filepath.Rel(out, p)
		t.Run(strings.TrimSuffix(name, ".pdf"), func(t *testing.T) {
			b, err := exec.Command(pdftotext, "-enc", "UTF-8", p, "-").Output()
			if err != nil {
				t.Fatalf("pdftotext: %v", err)
			}
			pw := words(string(b))
			dw := words(docxText(t, strings.TrimSuffix(p, ".pdf")+".docx"))
			if extra, missing := diff(pw, dw); len(extra)+len(missing) > 0 {
				t.Errorf("PDF and DOCX differ:\n only in the PDF: %v\n only in the DOCX: %v", extra, missing)
			}
		})
	}
}

// words splits s into lower-case words (letters and digits), sorted.
func words(s string) []string {
	f := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	slices.Sort(f)
	return f
}

// diff returns the words only in a and only in b (as multisets).
func diff(a, b []string) (onlyA, onlyB []string) {
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case j == len(b) || i < len(a) && a[i] < b[j]:
			onlyA = append(onlyA, a[i])
			i++
		case i == len(a) || b[j] < a[i]:
			onlyB = append(onlyB, b[j])
			j++
		default:
			i++
			j++
		}
	}
	return onlyA, onlyB
}

// docxText is the text of a DOCX's body, headers and footers, plus the
// alternative text of its first picture (the wordmark, which the PDF sets
// as text).
func docxText(t *testing.T, file string) string {
	t.Helper()
	zr, err := zip.OpenReader(file)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	var b strings.Builder
	first := true
	for _, f := range zr.File {
		if f.Name != "word/document.xml" && !strings.HasPrefix(f.Name, "word/header") && !strings.HasPrefix(f.Name, "word/footer") {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		dec := xml.NewDecoder(rc)
		inText := false
		for {
			tok, err := dec.Token()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatalf("%s: %v", f.Name, err)
			}
			switch x := tok.(type) {
			case xml.StartElement:
				inText = x.Name.Local == "t"
				if x.Name.Local == "docPr" && first {
					for _, a := range x.Attr {
						if a.Name.Local == "descr" {
							b.WriteString(" " + a.Value + " ")
						}
					}
					first = false
				}
				if x.Name.Local == "p" || x.Name.Local == "tab" || x.Name.Local == "br" {
					b.WriteString(" ")
				}
			case xml.EndElement:
				inText = false
			case xml.CharData:
				if inText {
					b.Write(x)
				}
			}
		}
		rc.Close()
	}
	return b.String()
}
