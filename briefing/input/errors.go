package input

import (
	"fmt"
	"strings"
)

// Pos is a position in a file: 1-based line and column; the zero Pos is
// unknown.
type Pos struct {
	Line int `json:"line,omitempty"`
	Col  int `json:"col,omitempty"`
}

// Place is where something is in the data files: the file, the position in
// it and the field's path ("recommendations[2].body"). The zero Place is
// unknown.
type Place struct {
	File string `json:"file,omitempty"`
	Pos
	// Field is the field's path ("recommendations[2].body").
	Field string `json:"field,omitempty"`
}

// String writes "file:line:col: field", or as much of it as is known.
func (p Place) String() string {
	s := p.File
	if p.Line > 0 {
		s += fmt.Sprintf(":%d:%d", p.Line, p.Col)
	}
	if p.Field != "" {
		if s != "" {
			s += ": "
		}
		s += p.Field
	}
	return s
}

// Error is a problem found in an input file, at its Place:
// "data/statement.yaml:14:5: recommendations[2].title: required".
type Error struct {
	Place
	Msg string
}

// Errorf returns an Error at p.
func Errorf(p Place, format string, args ...any) *Error {
	return &Error{Place: p, Msg: fmt.Sprintf(format, args...)}
}

// Error formats the error as file:line:col: field: message.
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d:%d", e.Line, e.Col)
	}
	b.WriteString(": ")
	if e.Field != "" {
		b.WriteString(e.Field)
		b.WriteString(": ")
	}
	b.WriteString(e.Msg)
	return b.String()
}

// ErrorList is every problem found in one pass, in file order.
type ErrorList []*Error

// Error joins the errors, one per line.
func (l ErrorList) Error() string {
	s := make([]string, len(l))
	for i, e := range l {
		s[i] = e.Error()
	}
	return strings.Join(s, "\n")
}

// Err returns l as an error, or nil when it is empty.
func (l ErrorList) Err() error {
	if len(l) == 0 {
		return nil
	}
	return l
}
