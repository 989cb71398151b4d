// Command pagestats prints what an editorial review counts in PDFs, read
// back with poppler: each page's fill (how far down its text area the text
// goes), the type sizes set (from word boxes, to 0.5 pt) and the runts (a
// paragraph's last line holding one word).
//
//	go run ./bench/pagestats out/delegates/en/*.pdf
package main

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"strings"

	"briefing/internal/testtool"
)

func main() {
	margin := flag.Float64("margin", 18, "top and bottom margin of the text area, mm")
	flag.Parse()
	pdftotext, err := exec.LookPath("pdftotext")
	if err != nil {
		fmt.Fprintln(os.Stderr, "pagestats: pdftotext (poppler-utils) not found")
		os.Exit(1)
	}
	all := map[float64]int{}
	runts := 0
	for _, f := range flag.Args() {
		pages, err := testtool.ReadPDFWords(pdftotext, f)
		if err != nil {
			fmt.Fprintln(os.Stderr, "pagestats:", err)
			os.Exit(1)
		}
		m := *margin * 72 / 25.4
		var fills []string
		for _, p := range pages {
			fills = append(fills, fmt.Sprintf("%.0f%%", 100*testtool.Fill(p, m, p.H-m)))
		}
		sz := testtool.Sizes(pages, testtool.NotoLineHeight)
		var sizes []string
		for _, s := range testtool.SortedSizes(sz) {
			all[s] += sz[s]
			sizes = append(sizes, fmt.Sprintf("%g×%d", s, sz[s]))
		}
		r := testtool.Runts(pages)
		runts += len(r)
		fmt.Printf("%s\n  pages %d, fill %s\n  sizes %s\n  runts %d %s\n", f, len(pages), strings.Join(fills, " "), strings.Join(sizes, " "), len(r), strings.Join(r, ", "))
	}
	fmt.Printf("all: %d sizes %v, %d runts\n", len(all), testtool.SortedSizes(all), runts)
}
