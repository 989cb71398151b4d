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
// not fit its page even at the layout's smallest body size. Both renderers
// return it, so that the build can point at the recommendation to shorten:
// errors.As finds it, and errors.Is(err, ErrOverflow) holds, for PDF and
// DOCX alike.
type OverflowError struct {
	// Rec is the recommendation's number and Title its title.
	Rec   int
	Title string
	Paper statement.Paper
	// Overflow is how much too long the brief is, in millimetres; 0 when
	// the renderer cannot say (Word lays out DOCX pages itself).
	Overflow float64
	// BodyMin is the smallest body size tried, in points.
	BodyMin float64
	// At is where the recommendation's text is in the data (Doc.Rec).
	At input.Place
}

// Error says which recommendation overflows which paper, and by how much.
func (e *OverflowError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "recommendation %d (%q) does not fit one %s page", e.Rec, Shorten(strings.ReplaceAll(e.Title, "\u00a0", " "), 40), e.Paper.Name())
	if e.Overflow > 0 {
		fmt.Fprintf(&b, ": %.0f mm too long", e.Overflow)
	}
	fmt.Fprintf(&b, " at the smallest body size %g pt; shorten it or lower body_min in the layout", e.BodyMin)
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
