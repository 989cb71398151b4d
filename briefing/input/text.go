package input

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/rivo/uniseg"
	"golang.org/x/text/unicode/bidi"
)

// Text is the kind of text a string field holds, which bounds its length
// and says which characters it may hold. A struct field names its kind
// with a tag, `text:"paragraph"`; a string field without one holds a
// Line. Decode refuses, at the field's place, a value over its kind's
// MaxLen, control characters (a Line or a Paragraph may hold tabs and
// line breaks, which fold to spaces), right-to-left text and the
// characters that steer the direction of text, and in a Line or a
// Paragraph a word longer than MaxWord: however the file writes them,
// escaped ("\x1b", "\u202e") or not. The bounds keep layout and check
// quick whatever the data: a field can take no more than a moment to set.
type Text uint8

// The kinds of text.
const (
	// Line is a title, a name, a label: a line or a few.
	Line Text = iota
	// Paragraph is prose: a paragraph, a quote, a note.
	Paragraph
	// Address is a web or e-mail address.
	Address
	// ID is an id, or a reference to one; ids name output files.
	ID
	// FileName is a file the file names, relative to it.
	FileName
)

// texts describes each Text: its tag, its bound and the words for it.
var texts = [...]struct {
	tag string
	max int
	// what names the kind for messages ("for a paragraph"); fix is what
	// to do about a value over max.
	what, fix string
}{
	Line:      {"line", 400, "a line of text such as a title or a name", "shorten it"},
	Paragraph: {"paragraph", 5000, "a paragraph", "shorten it, or split it into two paragraphs"},
	Address:   {"address", 2000, "an address", "use a shorter address"},
	ID:        {"id", 64, "an id", "use a shorter id (ids name output files)"},
	FileName:  {"file", 1000, "a file name", "use a shorter name"},
}

// MaxWord is the most characters a word of a Line or a Paragraph may have:
// a stretch of text between two places a line may break (spaces, hyphens,
// slashes…, as the layout breaks lines). The longest words of the
// languages briefing prints are under 80 characters; a longer "word" is
// most likely pasted by mistake (encoded data, a key), and would be set
// broken between characters.
const MaxWord = 100

// MaxLen is the most characters (Unicode code points, after NFC) a value
// of kind t may have.
func (t Text) MaxLen() int { return texts[t].max }

// String is the kind's tag.
func (t Text) String() string { return texts[t].tag }

// textOf reads a field's text tag.
func textOf(tag string) Text {
	if tag == "" {
		return Line
	}
	for t, k := range texts {
		if k.tag == tag {
			return Text(t)
		}
	}
	panic(fmt.Sprintf("input: unknown text kind %q in a struct tag", tag))
}

// prose reports whether t is text people read, which may hold tabs and
// line breaks and has words.
func (t Text) prose() bool { return t == Line || t == Paragraph }

// TextProblems says what is wrong with s as a value of kind t, one message
// per problem, in the order control characters, direction, length, words;
// nil when it is fine.
func TextProblems(s string, t Text) []string {
	var msgs []string
	n := 0
	ctl, steer := rune(-1), rune(-1)
	rtl := -1
	for i := 0; i < len(s); {
		at := i
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		i += size
		n++
		if r < 0x0590 { // no right-to-left letter or direction control below Hebrew
			if (r < 0x20 || r >= 0x7f && r < 0xa0) && ctl < 0 && !(t.prose() && (r == '\t' || r == '\n')) {
				ctl = r
			}
			continue
		}
		if t == FileName {
			continue
		}
		p, _ := bidi.LookupString(s[at:])
		switch c := p.Class(); {
		case r == rlm || r == alm:
			if steer < 0 {
				steer = r
			}
		case c == bidi.R || c == bidi.AL:
			if rtl < 0 {
				rtl = at
			}
		case c == bidi.LRO, c == bidi.RLO, c == bidi.LRE, c == bidi.RLE, c == bidi.PDF, c == bidi.LRI, c == bidi.RLI, c == bidi.FSI, c == bidi.PDI:
			if steer < 0 {
				steer = r
			}
		}
	}
	if ctl >= 0 {
		msgs = append(msgs, fmt.Sprintf("control character %U (%s) in the text: no document can show it; remove it", ctl, controlName(ctl)))
	}
	if steer >= 0 {
		msgs = append(msgs, fmt.Sprintf("character %U (%s), which steers the direction of text, is not supported; remove it", steer, steerName(steer)))
	}
	if rtl >= 0 {
		run := rtlRun(s[rtl:])
		msgs = append(msgs, fmt.Sprintf("right-to-left text (%s) is not supported yet: %q would be set left to right, its letters reversed; leave it out, or write it in a left-to-right script", scriptOf(run), run))
	}
	if k := texts[t]; n > k.max {
		msgs = append(msgs, fmt.Sprintf("too long: %d characters, over the limit of %d for %s; %s", n, k.max, k.what, k.fix))
	}
	if t.prose() {
		if w, wn := longWord(s); w != "" {
			msgs = append(msgs, fmt.Sprintf("a word of %d characters (%q), over the limit of %d for one word: pasted by mistake? Break it with spaces or hyphens", wn, shorten(w, 24), MaxWord))
		}
	}
	return msgs
}

// longWord returns the first word of s longer than MaxWord characters and
// its length; "" when there is none. Only a run of characters without
// white space longer than that is split into words, as the layout breaks
// lines (Unicode's line breaking: after hyphens, slashes, between
// ideographs…), so that text of ordinary words costs one pass.
func longWord(s string) (string, int) {
	start, n := 0, 0
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		i += size
		if r == ' ' || r >= '\t' && r <= '\r' || r >= utf8.RuneSelf && unicode.IsSpace(r) {
			start, n = i, 0
			continue
		}
		n++
		if n != MaxWord+1 {
			continue
		}
		end := strings.IndexFunc(s[start:], unicode.IsSpace)
		if end < 0 {
			end = len(s) - start
		}
		state := -1
		for rest := s[start : start+end]; rest != ""; {
			var seg string
			seg, rest, _, state = uniseg.FirstLineSegmentInString(rest, state)
			if c := utf8.RuneCountInString(seg); c > MaxWord {
				return seg, c
			}
		}
	}
	return "", 0
}

// shorten cuts s to n characters, with "…" when it cut.
func shorten(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n-1]) + "…"
}

// The marks that set the direction of what follows them, invisibly.
const (
	rlm = '\u200f' // right-to-left mark
	alm = '\u061c' // Arabic letter mark
)

// rtlRun is the right-to-left text s starts with, up to the next
// left-to-right letter, without what follows its last letter (and its
// marks), cut short for a message.
func rtlRun(s string) string {
	end := len(s)
	for i, r := range s {
		if p, _ := bidi.LookupString(s[i:]); p.Class() == bidi.L && unicode.IsLetter(r) {
			end = i
			break
		}
	}
	run := strings.TrimRightFunc(s[:end], func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsMark(r) })
	if run == "" {
		_, n := utf8.DecodeRuneInString(s)
		run = s[:n]
	}
	return shorten(run, 20)
}

// rtlScripts are the scripts written right to left that messages name, in
// the order they are looked for.
var rtlScripts = []struct {
	name string
	tab  *unicode.RangeTable
}{
	{"Arabic", unicode.Arabic}, {"Hebrew", unicode.Hebrew}, {"Syriac", unicode.Syriac},
	{"Thaana", unicode.Thaana}, {"N'Ko", unicode.Nko}, {"Samaritan", unicode.Samaritan},
	{"Mandaic", unicode.Mandaic}, {"Adlam", unicode.Adlam}, {"Hanifi Rohingya", unicode.Hanifi_Rohingya},
	{"Yezidi", unicode.Yezidi}, {"Mende Kikakui", unicode.Mende_Kikakui},
}

// scriptOf names the script of the first letter of s written right to
// left.
func scriptOf(s string) string {
	for _, r := range s {
		for _, sc := range rtlScripts {
			if unicode.Is(sc.tab, r) {
				return sc.name
			}
		}
	}
	return "a right-to-left script"
}

// controlName names a control character as people know it.
func controlName(r rune) string {
	switch r {
	case 0:
		return "NUL"
	case 7:
		return "bell"
	case 8:
		return "backspace"
	case '\t':
		return "tab"
	case '\n':
		return "line break"
	case '\v':
		return "vertical tab"
	case '\f':
		return "form feed"
	case '\r':
		return "carriage return"
	case 0x1b:
		return "escape"
	case 0x7f:
		return "delete"
	case 0x85:
		return "next line"
	case 0x9b:
		return "control sequence introducer"
	}
	if r < 0x20 || r == 0x7f {
		return "C0 control"
	}
	return "C1 control"
}

// steerName names a character that steers the direction of text.
func steerName(r rune) string {
	switch r {
	case 0x202a:
		return "left-to-right embedding"
	case 0x202b:
		return "right-to-left embedding"
	case 0x202c:
		return "pop directional formatting"
	case 0x202d:
		return "left-to-right override"
	case 0x202e:
		return "right-to-left override"
	case 0x2066:
		return "left-to-right isolate"
	case 0x2067:
		return "right-to-left isolate"
	case 0x2068:
		return "first strong isolate"
	case 0x2069:
		return "pop directional isolate"
	case rlm:
		return "right-to-left mark"
	case alm:
		return "Arabic letter mark"
	}
	return "a direction control"
}
