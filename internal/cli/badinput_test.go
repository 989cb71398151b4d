package cli_test

import (
	"bytes"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"testing"
	"time"

	"briefing/internal/cli"
)

// Hostile and broken input: every case must exit 1 with exactly the
// expected lines on stderr, each with its place, and write nothing.

// minimal is the least a statement needs; cases edit it.
const minimal = `id: minimal
lang: en
title: A minimal statement
organisation:
  name: Example Council
  website: https://example.org
date: 2024-06-21
source: https://example.org/statement
recommendations:
  - id: first
    number: 1
    title: Do the first thing
    body:
      - One paragraph.
audiences:
  - id: states
    name: States
    formats: [pdf]
`

// brand is a brand file using the embedded fonts; %LOGO% and %PRIMARY% are
// filled in by cases.
const brand = `name: Example Council
logo: %LOGO%
colors:
  primary: "%PRIMARY%"
  accent: "#D9822B"
  text: "#1E2328"
  muted: "#5C6670"
  light: "#EDF2F6"
fonts:
  family: Noto Sans
  regular: NotoSans-Regular.ttf
  bold: NotoSans-Bold.ttf
  italic: NotoSans-Italic.ttf
  bold_italic: NotoSans-BoldItalic.ttf
`

func brandFile(logo, primary string) string {
	return strings.NewReplacer("%LOGO%", logo, "%PRIMARY%", primary).Replace(brand)
}

// billionLaughs nests aliases nine deep: a parser that expanded them would
// build 9^9 strings.
const billionLaughs = `id: lol
lang: en
a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
context: *i
`

func pngOf(w, h int) string {
	var buf bytes.Buffer
	png.Encode(&buf, image.NewGray(image.Rect(0, 0, w, h)))
	return buf.String()
}

type badCase struct {
	name string
	// files are written into the case's folder, $D; a value of "\x00sparse:N"
	// makes a sparse file of N MB.
	files map[string]string
	// args are the flags; $D/ is the case's folder. --out $D/out is added
	// unless args set --out.
	args []string
	// want is stderr, line by line, with $D/ for the case's folder.
	want []string
	// check also runs "check" with the same flags and wants the same lines.
	check bool
}

func sparse(mb int) string { return "\x00sparse:" + string(rune('0'+mb/10)) + string(rune('0'+mb%10)) }

var badCases = []badCase{
	{
		name:  "malformed-yaml",
		files: map[string]string{"st.yaml": "id: x\nlang: en\ntitle: [unclosed\n"},
		args:  []string{"--data", "$D/st.yaml"},
		want:  []string{"$D/st.yaml:3:8: syntax error: this [ is never closed; close it with ], or put text that starts with [ in quotes", "briefing: 1 problem"},
		check: true,
	},
	{
		name:  "malformed-json",
		files: map[string]string{"st.json": `{"id": "x" "lang": "en"}` + "\n"},
		args:  []string{"--data", "$D/st.json"},
		want:  []string{"$D/st.json:1:12: syntax error: ',' or '}' must be specified", "briefing: 1 problem"},
		check: true,
	},
	{
		name:  "unclosed-json",
		files: map[string]string{"st.json": `{"id": "x", "lang": "en"` + "\n"},
		args:  []string{"--data", "$D/st.json"},
		want:  []string{"$D/st.json:1:1: syntax error: this { is never closed; close it with }, or put text that starts with { in quotes", "briefing: 1 problem"},
		check: true,
	},
	{
		// A list where text belongs and text where a list belongs; a
		// number as a title is text, and fine.
		name: "wrong-types",
		files: map[string]string{"st.yaml": strings.NewReplacer(
			"title: A minimal statement", "title: [a, list]",
			"source: https://example.org/statement\n", "source: https://example.org/statement\ncontext: just one string\n",
			"title: Do the first thing", "title: 42",
		).Replace(minimal)},
		args: []string{"--data", "$D/st.yaml"},
		want: []string{
			"$D/st.yaml:3:8: title: want text, got a list",
			`$D/st.yaml:9:10: context: want a list, got the text "just one string"`,
			"briefing: 2 problems",
		},
		check: true,
	},
	{
		name:  "empty-file",
		files: map[string]string{"st.yaml": ""},
		args:  []string{"--data", "$D/st.yaml"},
		want:  []string{`$D/st.yaml: file is empty; want a mapping of fields such as "id: ..."`, "briefing: 1 problem"},
		check: true,
	},
	{
		name:  "10-MB-file",
		files: map[string]string{"st.yaml": sparse(10)},
		args:  []string{"--data", "$D/st.yaml"},
		want:  []string{"$D/st.yaml: file too large: 10485760 bytes, over the limit of 5242880 bytes (5 MB); is this the right file?", "briefing: 1 problem"},
		check: true,
	},
	{
		name:  "binary-garbage",
		files: map[string]string{"st.yaml": "id: x\n\x7fELF\x02\x01\x01\x00\x00\xff\xfe"},
		args:  []string{"--data", "$D/st.yaml"},
		want:  []string{"$D/st.yaml:2:1: not a text file: control character U+007F (binary data?)", "briefing: 1 problem"},
		check: true,
	},
	{
		name:  "invalid-utf8",
		files: map[string]string{"st.yaml": "id: x\ntitle: caf\xe9\n"},
		args:  []string{"--data", "$D/st.yaml"},
		want:  []string{"$D/st.yaml:2:11: not a text file: invalid UTF-8 (binary data?); save it as UTF-8 text", "briefing: 1 problem"},
		check: true,
	},
	{
		name:  "alias-bomb",
		files: map[string]string{"st.yaml": billionLaughs},
		args:  []string{"--data", "$D/st.yaml"},
		want: []string{
			"$D/st.yaml:3:4: anchors and aliases are not allowed (write the value out, or refer to it by id)",
			"$D/st.yaml:4:4: anchors and aliases are not allowed (write the value out, or refer to it by id)",
			"$D/st.yaml:5:4: anchors and aliases are not allowed (write the value out, or refer to it by id)",
			"$D/st.yaml:6:4: anchors and aliases are not allowed (write the value out, or refer to it by id)",
			"$D/st.yaml:7:4: anchors and aliases are not allowed (write the value out, or refer to it by id)",
			"$D/st.yaml:8:4: anchors and aliases are not allowed (write the value out, or refer to it by id)",
			"$D/st.yaml:9:4: anchors and aliases are not allowed (write the value out, or refer to it by id)",
			"$D/st.yaml:10:4: anchors and aliases are not allowed (write the value out, or refer to it by id)",
			"$D/st.yaml:11:4: anchors and aliases are not allowed (write the value out, or refer to it by id)",
			"$D/st.yaml:12:10: anchors and aliases are not allowed (write the value out, or refer to it by id)",
			"briefing: 10 problems",
		},
		check: true,
	},
	{
		name:  "cjk",
		files: map[string]string{"st.yaml": strings.Replace(minimal, "- One paragraph.", "- One paragraph.\n      - 难民保护 matters.", 1)},
		args:  []string{"--data", "$D/st.yaml"},
		want: []string{
			`$D/st.yaml:15:9: recommendations[0].body[1]: the fonts (Noto Sans) cannot draw "难民保护" (U+96BE U+6C11 U+4FDD U+62A4); use a brand font that has them or remove them`,
			"briefing: 1 problem",
		},
		check: true,
	},
	{
		name:  "emoji",
		files: map[string]string{"st.yaml": strings.Replace(minimal, "title: Do the first thing", "title: Do the first thing 🙂🙂", 1)},
		args:  []string{"--data", "$D/st.yaml"},
		want: []string{
			`$D/st.yaml:12:12: recommendations[0].title: the fonts (Noto Sans) cannot draw "🙂" (U+1F642); use a brand font that has it or remove it`,
			"briefing: 1 problem",
		},
		check: true,
	},
	{
		// In a translation, and in an audience's name: refused as
		// right-to-left text, whatever the fonts (hostile_test.go).
		name: "arabic",
		files: map[string]string{
			"st.yaml":    strings.Replace(minimal, "name: States", "name: States (الدول)", 1),
			"st.ar.yaml": "lang: ar\ntranslation: {official: false}\ntitle: بيان\n",
		},
		args: []string{"--data", "$D/st.yaml"},
		// The data's warnings come with its errors, in build and check.
		want: []string{
			`warning: $D/st.ar.yaml:1:7: lang: no built-in labels for "ar"; headings and dates print in English`,
			`warning: $D/st.ar.yaml: 3 fields untranslated, printed in English (list them with -v)`,
			`$D/st.yaml:17:11: audiences[0].name: right-to-left text (Arabic) is not supported yet: "الدول" would be set left to right, its letters reversed; leave it out, or write it in a left-to-right script`,
			`$D/st.ar.yaml:3:8: title: right-to-left text (Arabic) is not supported yet: "بيان" would be set left to right, its letters reversed; leave it out, or write it in a left-to-right script`,
			"briefing: 2 problems",
		},
		check: true,
	},
	{
		name:  "invalid-colour",
		files: map[string]string{"st.yaml": minimal, "brand.yaml": brandFile("''", "#12345G")},
		args:  []string{"--data", "$D/st.yaml", "--brand", "$D/brand.yaml"},
		want: []string{
			`$D/brand.yaml:4:12: colors.primary: want a colour as "#rrggbb" (in quotes: # starts a comment), got "#12345G"`,
			"briefing: 1 problem",
		},
		check: true,
	},
	{
		name:  "logo-missing",
		files: map[string]string{"st.yaml": minimal, "brand.yaml": brandFile("logo.png", "#123B5D")},
		args:  []string{"--data", "$D/st.yaml", "--brand", "$D/brand.yaml"},
		want:  []string{"$D/brand.yaml:2:7: logo: cannot read logo file logo.png: no such file", "briefing: 1 problem"},
		check: true,
	},
	{
		name: "logo-corrupt",
		files: map[string]string{"st.yaml": minimal, "brand.yaml": brandFile("logo.png", "#123B5D"),
			"logo.png": pngOf(30, 10)[:60]},
		args:  []string{"--data", "$D/st.yaml", "--brand", "$D/brand.yaml"},
		want:  []string{"$D/brand.yaml:2:7: logo: logo file logo.png is not a valid PNG image (png: invalid format: unexpected EOF)", "briefing: 1 problem"},
		check: true,
	},
	{
		name: "logo-50-MB",
		files: map[string]string{"st.yaml": minimal, "brand.yaml": brandFile("logo.png", "#123B5D"),
			"logo.png": sparse(50)},
		args:  []string{"--data", "$D/st.yaml", "--brand", "$D/brand.yaml"},
		want:  []string{"$D/brand.yaml:2:7: logo: logo file logo.png is 50.0 MB (52428800 bytes), over the limit of 5 MB; use a smaller image", "briefing: 1 problem"},
		check: true,
	},
	{
		name: "logo-too-many-pixels",
		files: map[string]string{"st.yaml": minimal, "brand.yaml": brandFile("logo.png", "#123B5D"),
			"logo.png": pngOf(5000, 2)},
		args:  []string{"--data", "$D/st.yaml", "--brand", "$D/brand.yaml"},
		want:  []string{"$D/brand.yaml:2:7: logo: logo file logo.png is 5000x2 pixels, over the limit of 4000x4000; scale it down", "briefing: 1 problem"},
		check: true,
	},
	{
		name:  "out-is-a-file",
		files: map[string]string{"st.yaml": minimal, "out": "not a folder\n"},
		args:  []string{"--data", "$D/st.yaml", "--out", "$D/out"},
		want:  []string{"briefing: output folder $D/out is a file, not a folder"},
	},
	{
		name:  "out-below-a-file",
		files: map[string]string{"st.yaml": minimal, "out": "not a folder\n"},
		args:  []string{"--data", "$D/st.yaml", "--out", "$D/out/briefs"},
		want:  []string{"briefing: output folder $D/out/briefs: $D/out is a file, not a folder"},
	},
}

// writeCase writes a case's files into dir.
// labelled puts "error: " before each problem line of want, as the
// command prints them: every line but the count ("briefing: 2 problems")
// and warnings.
func labelled(want []string) []string {
	out := make([]string, len(want))
	for i, w := range want {
		switch {
		case strings.HasPrefix(w, "briefing: ") && !strings.HasPrefix(w, "briefing: output folder"):
			out[i] = w
		case strings.HasPrefix(w, "warning: "):
			out[i] = w
		default:
			out[i] = "error: " + strings.TrimPrefix(w, "briefing: ")
		}
	}
	return out
}

func writeCase(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(dir, name)
		if n, ok := strings.CutPrefix(content, "\x00sparse:"); ok {
			f, err := os.Create(p)
			if err != nil {
				t.Fatal(err)
			}
			f.Close()
			mb := int(n[0]-'0')*10 + int(n[1]-'0')
			if err := os.Truncate(p, int64(mb)<<20); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// listing lists every file under dir with its size.
func listing(t *testing.T, dir string) map[string]int64 {
	t.Helper()
	out := map[string]int64{}
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			if info, err := d.Info(); err == nil {
				out[p] = info.Size()
			}
		}
		return nil
	})
	return out
}

func TestBadInput(t *testing.T) {
	for _, c := range badCases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			writeCase(t, dir, c.files)
			sub := strings.NewReplacer("$D/", dir+string(filepath.Separator))
			var args []string // the flags without --out, for check
			out := []string{"--out", filepath.Join(dir, "out")}
			for i := 0; i < len(c.args); i++ {
				if c.args[i] == "--out" {
					out = []string{"--out", sub.Replace(c.args[i+1])}
					i++
					continue
				}
				args = append(args, sub.Replace(c.args[i]))
			}
			want := sub.Replace(strings.Join(labelled(c.want), "\n") + "\n")
			before := listing(t, dir)

			var m0, m1 runtime.MemStats
			runtime.ReadMemStats(&m0)
			start := time.Now()
			code, stdout, stderr := run(t, append(append([]string{"build"}, args...), out...)...)
			elapsed := time.Since(start)
			runtime.ReadMemStats(&m1)

			if code != cli.ExitInput {
				t.Errorf("exit %d, want %d", code, cli.ExitInput)
			}
			if stderr != want {
				t.Errorf("stderr:\n%s\nwant:\n%s", stderr, want)
			}
			if stdout != "" {
				t.Errorf("stdout: %q, want nothing", stdout)
			}
			// A guard against input that makes the loader hang or blow up
			// (alias bombs, huge files), not a timing target: generous
			// enough for the race detector on a loaded machine.
			if elapsed > 10*time.Second {
				t.Errorf("took %v; bad input must be refused without working through it", elapsed)
			}
			if grew := m1.TotalAlloc - m0.TotalAlloc; grew > 100<<20 {
				t.Errorf("allocated %d MB; bad input must be refused without reading it all", grew>>20)
			}
			after := listing(t, dir)
			if len(after) != len(before) {
				t.Errorf("files before: %v\nafter: %v", before, after)
			}
			for p, n := range before {
				if after[p] != n {
					t.Errorf("%s changed size: %d, was %d", p, after[p], n)
				}
			}
			if _, err := os.Stat(filepath.Join(dir, "out")); c.files["out"] == "" && !os.IsNotExist(err) {
				t.Errorf("the output folder was made")
			}

			if c.check {
				code, _, stderr := run(t, append([]string{"check"}, args...)...)
				if code != cli.ExitInput || stderr != want {
					t.Errorf("check: exit %d, stderr:\n%s\nwant:\n%s", code, stderr, want)
				}
			}
		})
	}
}

// TestBadInputOverflow: a paragraph too long for any page. The brief
// fails, naming the recommendation, its place in the data and the paper;
// the other documents are still written, and nothing is left of the
// failed one.
func TestBadInputOverflow(t *testing.T) {
	dir := t.TempDir()
	long := strings.Repeat("      - "+strings.Repeat("These sentences make the body far too long for one page. ", 80)+"\n", 5)
	st := strings.Replace(minimal, "audiences:", `  - id: long
    number: 2
    title: A long one
    body:
`+long+`audiences:`, 1)
	writeCase(t, dir, map[string]string{"st.yaml": st})
	out := filepath.Join(dir, "out")
	code, _, stderr := run(t, "build", "--data", filepath.Join(dir, "st.yaml"), "--out", out, "--format", "pdf", "--paper", "letter", "-q")
	if code != cli.ExitInput {
		t.Errorf("exit %d, want 1", code)
	}
	want := "error: 1 of 3 documents failed:\n  " + filepath.Join(dir, "st.yaml") +
		`:19:7: recommendations[1].body: states/en/minimal-rec2-a-long-one.pdf: recommendation 2 ("A long one") does not fit one Letter page: `
	if !strings.HasPrefix(stderr, want) || strings.Count(stderr, "\n") != 2 {
		t.Errorf("stderr:\n%s\nwant it to start:\n%s", stderr, want)
	}
	var files []string
	for p := range listing(t, out) {
		r, _ := filepath.Rel(out, p)
		files = append(files, filepath.ToSlash(r))
	}
	sort.Strings(files)
	wantFiles := []string{"index.html", "manifest.csv", "manifest.json", "states/en/minimal-pack.pdf", "states/en/minimal-rec1-do-the-first-thing.pdf"}
	if strings.Join(files, " ") != strings.Join(wantFiles, " ") {
		t.Errorf("written: %v\nwant: %v", files, wantFiles)
	}
}

// TestBadInputUnwritable: an output folder the user may not write to.
func TestBadInputUnwritable(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("running as root: permissions do not stop writes, so an unwritable folder cannot be tested")
	}
	dir := t.TempDir()
	writeCase(t, dir, map[string]string{"st.yaml": minimal})
	locked := filepath.Join(dir, "locked")
	if err := os.Mkdir(locked, 0o555); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(locked, 0o755) })
	out := filepath.Join(locked, "out")
	code, _, stderr := run(t, "build", "--data", filepath.Join(dir, "st.yaml"), "--out", out, "-q")
	want := "briefing: output folder " + out + " cannot be made there (permission denied)\n"
	if code != cli.ExitInput || stderr != want {
		t.Errorf("exit %d, stderr:\n%s\nwant:\n%s", code, stderr, want)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("%s was made", out)
	}
}
