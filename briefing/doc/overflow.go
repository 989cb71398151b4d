package doc

import (
	"errors"
	"fmt"
	"strings"

	"briefing/briefing/input"
	"briefing/briefing/statement"
)

// ErrOverflow is what errors.Is finds in every *OverflowError, whichever
// renderer returned it.
var ErrOverflow = errors.New("brief does not fit one page")

// OverflowError is what a renderer returns for a one-page brief that does
// not fit its page, or for a text that does not fit its box on it (a
// statement title too long for the masthead's band). Both renderers
// return it, so that the build can point at the field to shorten:
// errors.As finds it, and errors.Is(err, ErrOverflow) holds, for PDF and
// DOCX alike.
type OverflowError struct {
	// Rec is the recommendation's number and Title its title.
	Rec   int
	Title string
	Paper statement.Paper
	// Field names the text that overflows, in words ("the statement's
	// title"); empty for the recommendation's text, At then being its
	// body.
	Field string
	// Overflow is how much too long the brief is, in millimetres; 0 when
	// the renderer cannot say (Word lays out DOCX pages itself).
	Overflow float64
	// At is where the overflowing text is in the data: the field's place
	// (At.Field is its path, "title", "recommendations[3].body").
	At input.Place
}

// Error says which recommendation overflows which paper, by how much, and
// what to shorten.
func (e *OverflowError) Error() string {
	var b strings.Builder
	// The title as a reader types it: the tie between its last two words
	// (a no-break space) is typography, not part of the name.
	title := Shorten(strings.ReplaceAll(e.Title, "\u00a0", " "), 40)
	switch {
	case e.Rec == 0:
		// Not a brief: a pack's cover.
		fmt.Fprintf(&b, "%s (%q) does not fit the pack's %s cover", e.Field, title, e.Paper.Name())
	case e.Field != "":
		fmt.Fprintf(&b, "recommendation %d (%q): %s does not fit its place on one %s page", e.Rec, title, e.Field, e.Paper.Name())
	default:
		fmt.Fprintf(&b, "recommendation %d (%q) does not fit one %s page", e.Rec, title, e.Paper.Name())
	}
	if e.Overflow > 0 {
		fmt.Fprintf(&b, ": %.0f mm too long", e.Overflow)
	}
	what := "the recommendation's text"
	if e.Field != "" {
		what = e.Field
	}
	fmt.Fprintf(&b, "; shorten %s", what)
	return b.String()
}

// Is reports whether target is ErrOverflow.
func (e *OverflowError) Is(target error) bool { return target == ErrOverflow }

// Shorten cuts s to at most n runes at a word boundary, adding "…".
func Shorten(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	cut := string(r[:n-1])
	if i := strings.LastIndexByte(cut, ' '); i > n/2 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ,.;:") + "…"
}
