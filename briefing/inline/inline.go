package inline

import (
	"strings"
	"unicode"
)

// Parse parses the inline Markdown subset that text fields accept:
// **bold**, *italic* (or _italic_), [text](url), and backslash escapes of
// the markup characters. Markup that does not close is kept as literal text.
// White space runs (including newlines) fold to one space.
func Parse(s string) Runs {
	p := inlineParser{}
	p.parse(foldSpace(s), false, false, "")
	return p.out
}

type inlineParser struct {
	out Runs
	buf strings.Builder
}

func (p *inlineParser) flush(bold, italic bool, link string) {
	if p.buf.Len() == 0 {
		return
	}
	t := p.buf.String()
	p.buf.Reset()
	if n := len(p.out); n > 0 {
		last := &p.out[n-1]
		if last.Bold == bold && last.Italic == italic && last.Link == link {
			last.Text += t
			return
		}
	}
	p.out = append(p.out, Run{Text: t, Bold: bold, Italic: italic, Link: link})
}

func (p *inlineParser) parse(s string, bold, italic bool, link string) {
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == '\\' && i+1 < len(s) && strings.IndexByte(`\*_[]()`, s[i+1]) >= 0:
			p.buf.WriteByte(s[i+1])
			i += 2
			continue
		case c == '*' && strings.HasPrefix(s[i:], "**"):
			if j := closing(s, i+2, "**"); j > i+2 && flanking(s, i+2, j) {
				p.flush(bold, italic, link)
				p.parse(s[i+2:j], true, italic, link)
				i = j + 2
				continue
			}
			p.buf.WriteString("**")
			i += 2
			continue
		case c == '*' || c == '_':
			if j := closing(s, i+1, string(c)); j > i+1 && flanking(s, i+1, j) && (c == '*' || wordEdge(s, i, j)) {
				p.flush(bold, italic, link)
				p.parse(s[i+1:j], bold, true, link)
				i = j + 1
				continue
			}
		case c == '[' && link == "":
			if end := closing(s, i+1, "]"); end > i+1 && strings.HasPrefix(s[end:], "](") {
				if u := strings.IndexByte(s[end+2:], ')'); u > 0 {
					url := strings.TrimSpace(s[end+2 : end+2+u])
					p.flush(bold, italic, link)
					p.parse(s[i+1:end], bold, italic, url)
					i = end + 2 + u + 1
					continue
				}
			}
		}
		p.buf.WriteByte(c)
		i++
	}
	p.flush(bold, italic, link)
}

// closing finds the next unescaped delim in s at or after from, not counting
// a "**" when looking for "*"; -1 if none.
func closing(s string, from int, delim string) int {
	for i := from; i < len(s); i++ {
		if s[i] == '\\' {
			i++
			continue
		}
		if strings.HasPrefix(s[i:], delim) {
			if delim == "*" && strings.HasPrefix(s[i:], "**") {
				i++
				continue
			}
			if delim == "**" {
				// In a run of three or more stars the bold closes last:
				// "**a *b***" is bold "a ", bold italic "b".
				for i+2 < len(s) && s[i+2] == '*' {
					i++
				}
			}
			return i
		}
	}
	return -1
}

// flanking reports whether the text between delimiters, s[from:to], does
// not start or end with a space, as in CommonMark: "2 * 3 * 4" stays literal.
func flanking(s string, from, to int) bool {
	return s[from] != ' ' && s[to-1] != ' '
}

// wordEdge reports whether _ at i and j sit at word edges, so that
// snake_case_words stay literal.
func wordEdge(s string, i, j int) bool {
	before := i == 0 || !isWordByte(s[i-1])
	after := j+1 >= len(s) || !isWordByte(s[j+1])
	return before && after
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80
}

// foldSpace trims s and folds each run of white space to one space.
func foldSpace(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// Plain returns s with its inline markup removed.
func Plain(s string) string { return Parse(s).Plain() }

// Run is a stretch of text with one set of attributes.
type Run struct {
	Text   string `json:"text"`
	Bold   bool   `json:"bold,omitempty"`
	Italic bool   `json:"italic,omitempty"`
	// Link is the target URL when the run is a hyperlink.
	Link string `json:"link,omitempty"`
	// Lang is the run's language when it is not the document's (a
	// language code such as "en"): text a translation leaves out, printed
	// in the base language. Exporters mark it, so that a screen reader
	// reads it in its own language.
	Lang string `json:"lang,omitempty"`
}

// Runs is a paragraph's worth of inline runs.
type Runs []Run

// Lang returns the language the runs with letters in them share when it
// is not the document's (their Lang); "" when they are in the document's
// language or in different ones. Runs of punctuation, digits and spaces
// alone (quotation marks, a label's colon) take the language around them.
func (r Runs) Lang() string {
	lang, seen := "", false
	for _, x := range r {
		if !hasLetter(x.Text) {
			continue
		}
		if seen && x.Lang != lang {
			return ""
		}
		lang, seen = x.Lang, true
	}
	return lang
}

func hasLetter(s string) bool {
	for _, c := range s {
		if unicode.IsLetter(c) {
			return true
		}
	}
	return false
}

// Plain returns the text of the runs without formatting.
func (r Runs) Plain() string {
	n := 0
	for _, x := range r {
		n += len(x.Text)
	}
	b := make([]byte, 0, n)
	for _, x := range r {
		b = append(b, x.Text...)
	}
	return string(b)
}
