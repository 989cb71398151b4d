package cli_test

import (
	"context"
	"encoding/json"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"briefing/internal/testtool"
)

// headless runs Chromium headless on the file page with args (such as
// --dump-dom) and returns its standard output.
func headless(t *testing.T, page string, args ...string) []byte {
	t.Helper()
	chromium := testtool.Chromium(t)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	all := append([]string{"--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
		"--user-data-dir=" + t.TempDir(), "--no-first-run", "--disable-extensions"}, args...)
	cmd := exec.CommandContext(ctx, chromium, append(all, "file://"+page)...)
	cmd.Dir = t.TempDir()
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("chromium %v: %v\n%s", args, err, stderr.String())
	}
	return out
}

var hrefRe = regexp.MustCompile(`<a [^>]*href="([^"]*)"`)

// TestIndexInChromium builds the example in every format, zips and email
// drafts too, and loads out/index.html in a real browser: every document
// of the manifest is a link in the DOM, the page
// loads nothing from elsewhere and runs no script, and it is drawn in the
// brand's colours.
func TestIndexInChromium(t *testing.T) {
	testtool.Chromium(t)
	dir := t.TempDir()
	if code, _, stderr := runBinIn(t, dir, "", "build", "-q", "--format", "pdf,docx,zip,eml"); code != 0 {
		t.Fatalf("build: exit %d\n%s", code, stderr)
	}
	out := filepath.Join(dir, "out")
	listed := testtool.ManifestTrue(t, out)
	if len(listed) != 72 {
		t.Errorf("the manifest lists %d files, want 72 (56 documents, 8 zips, 8 drafts)", len(listed))
	}
	page := filepath.Join(out, "index.html")
	src, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{"<script", "http://", "https://", "@import", "url("} {
		if strings.Contains(string(src), bad) {
			t.Errorf("index.html holds %q: it must load nothing and run nothing", bad)
		}
	}
	dom := string(headless(t, page, "--dump-dom"))
	var links []string
	for _, m := range hrefRe.FindAllStringSubmatch(dom, -1) {
		links = append(links, m[1])
	}
	for _, p := range listed {
		if !slices.Contains(links, p) {
			t.Errorf("the DOM has no link to %s", p)
		}
	}
	for _, l := range links {
		if strings.HasPrefix(l, "#") {
			if !strings.Contains(dom, `id="`+l[1:]+`"`) {
				t.Errorf("link %s leads to no element", l)
			}
			continue
		}
		if !slices.Contains(listed, l) {
			t.Errorf("link %s is not a document of the manifest", l)
		}
	}
	for _, want := range []string{`<html lang="en">`, `<title>`, `<h1 lang="en">`, `<th scope="col">Document</th>`, `<th scope="row">`, `<h2 id="audience-delegates">`, `lang="es"`} {
		if !strings.Contains(dom, want) {
			t.Errorf("the DOM has no %s", want)
		}
	}
	// The screenshot: the band at the top is the brand's primary colour.
	shot := filepath.Join(t.TempDir(), "index.png")
	headless(t, page, "--screenshot="+shot, "--window-size=1280,1600")
	f, err := os.Open(shot)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	r, g, b, _ := img.At(20, 20).RGBA()
	if got := [3]uint32{r >> 8, g >> 8, b >> 8}; got != [3]uint32{0x12, 0x3b, 0x5d} {
		t.Errorf("screenshot: pixel (20, 20) is #%02x%02x%02x, want the brand's primary #123b5d", got[0], got[1], got[2])
	}
	if os.Getenv("BRIEFING_KEEP_SHOT") != "" {
		data, _ := os.ReadFile(shot)
		os.WriteFile(os.Getenv("BRIEFING_KEEP_SHOT"), data, 0o644)
	}
}

// TestIndexFollowsManifest: a narrowed rebuild, an up-to-date build and a
// foreign index.html.
func TestIndexFollowsManifest(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "out")
	page := filepath.Join(out, "index.html")
	if code, _, stderr := runBinIn(t, dir, "", "build", "-q", "--audience", "delegates", "--format", "pdf"); code != 0 {
		t.Fatalf("build: exit %d\n%s", code, stderr)
	}
	first, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	links := func(b []byte) []string {
		var l []string
		for _, m := range hrefRe.FindAllSubmatch(b, -1) {
			if !strings.HasPrefix(string(m[1]), "#") {
				l = append(l, string(m[1]))
			}
		}
		slices.Sort(l)
		return l
	}
	listed := testtool.ManifestTrue(t, out)
	slices.Sort(listed)
	testtool.SameLines(t, "index.html's links", links(first), listed)

	// Up to date: the page is not rewritten.
	old := time.Now().Add(-time.Hour).Truncate(time.Second)
	os.Chtimes(page, old, old)
	if code, _, stderr := runBinIn(t, dir, "", "build", "-q", "--audience", "delegates", "--format", "pdf"); code != 0 {
		t.Fatalf("rebuild: exit %d\n%s", code, stderr)
	}
	if fi, err := os.Stat(page); err != nil || !fi.ModTime().Equal(old) {
		t.Errorf("an up-to-date build rewrote index.html (%v)", err)
	}
	// Two builds of the same input, in two folders: the same bytes.
	dir2 := t.TempDir()
	if code, _, stderr := runBinIn(t, dir2, "", "build", "-q", "--audience", "delegates", "--format", "pdf"); code != 0 {
		t.Fatalf("build: exit %d\n%s", code, stderr)
	}
	if second, _ := os.ReadFile(filepath.Join(dir2, "out", "index.html")); string(second) != string(first) {
		t.Error("two builds of the same input wrote different index.html bytes")
	}

	// More documents: the page lists them too.
	if code, _, stderr := runBinIn(t, dir, "", "build", "-q", "--audience", "delegates,donors"); code != 0 {
		t.Fatalf("build: exit %d\n%s", code, stderr)
	}
	now, _ := os.ReadFile(page)
	listed = testtool.ManifestTrue(t, out)
	slices.Sort(listed)
	testtool.SameLines(t, "index.html's links after a wider build", links(now), listed)
	var m struct {
		Documents []json.RawMessage `json:"documents"`
	}
	b, _ := os.ReadFile(filepath.Join(out, "manifest.json"))
	json.Unmarshal(b, &m)
	if len(links(now)) != len(m.Documents) {
		t.Errorf("index.html links %d documents, the manifest lists %d", len(links(now)), len(m.Documents))
	}

	// An index.html briefing did not write is left alone, with a warning.
	mine := []byte("<!DOCTYPE html><title>my own page</title>\n")
	if err := os.WriteFile(page, mine, 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := runBinIn(t, dir, "", "build", "-q", "--audience", "delegates,donors")
	if code != 0 || !strings.Contains(stderr, "briefing did not write it") {
		t.Errorf("build over a foreign index.html: exit %d, stderr %q; want 0 and a warning", code, stderr)
	}
	if got, _ := os.ReadFile(page); string(got) != string(mine) {
		t.Error("a build overwrote an index.html it did not write")
	}
}
