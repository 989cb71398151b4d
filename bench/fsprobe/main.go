// Command fsprobe measures what the file system costs briefing per
// document: replacing a 20 KB file the way a build does (a temporary file
// written, then renamed over the old one), 200 files a round, 8 rounds in a
// row, as bench/peers.sh's loop of builds does. It prints the milliseconds
// per file of the first round and the median of the others, for each
// folder given:
//
//	go run ./bench/fsprobe DIR...
//
// On a file system without a journal (ext4 on the project's build machine)
// each new file scans past the inodes freed in the last half minute, so
// the later rounds cost several times the first; in RAM (tmpfs) they cost
// the same.
package main

import (
	"crypto/rand"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"time"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: fsprobe DIR...")
		os.Exit(2)
	}
	data := make([]byte, 20<<10)
	rand.Read(data)
	for _, root := range os.Args[1:] {
		dir, err := os.MkdirTemp(root, "fsprobe")
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		var rounds []float64
		for range 8 {
			t0 := time.Now()
			for i := range 200 {
				tmp := filepath.Join(dir, fmt.Sprintf(".tmp-%d", i))
				if err := os.WriteFile(tmp, data, 0o644); err != nil {
					fmt.Fprintln(os.Stderr, err)
					os.Exit(1)
				}
				if err := os.Rename(tmp, filepath.Join(dir, fmt.Sprintf("doc-%d.pdf", i))); err != nil {
					fmt.Fprintln(os.Stderr, err)
					os.Exit(1)
				}
			}
			rounds = append(rounds, float64(time.Since(t0).Microseconds())/1000/200)
		}
		os.RemoveAll(dir)
		rest := slices.Clone(rounds[1:])
		slices.Sort(rest)
		fmt.Printf("%s: %.3f ms a file the first round, %.3f the next ones (median)\n", root, rounds[0], rest[len(rest)/2])
	}
}
