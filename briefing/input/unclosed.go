package input

import "strings"

// unclosedMessage rewords a parser error, at p, about a missing ] or } as
// the bracket that is never closed, at its own place: the parser notices
// only where the text stops making sense, often lines later ("21:1" for a
// [ opened on line 20). ok is false when the message is about something
// else, or every such bracket before p is closed (a comma missing inside
// one that is, say).
func unclosedMessage(b []byte, p Pos, msg string) (Pos, string, bool) {
	var open byte
	switch {
	case strings.Contains(msg, "']'"):
		open = '['
	case strings.Contains(msg, "'}'"):
		open = '{'
	default:
		return p, "", false
	}
	at, ok := unclosed(b, p, open)
	if !ok {
		return p, "", false
	}
	closer := map[byte]string{'[': "]", '{': "}"}[open]
	return at, "syntax error: this " + string(open) + " is never closed; close it with " + closer + ", or put text that starts with " + string(open) + " in quotes", true
}

// unclosed returns where the last flow collection opened with open ([ or
// {) before p that the file never closes is. It reads b as checkShape
// does, roughly: quotes and comments are skipped, and a bracket opens a
// collection only where a value can start (after a key's colon, a dash,
// a comma, another bracket, or at the start of a line).
func unclosed(b []byte, p Pos, open byte) (Pos, bool) {
	type bracket struct {
		c  byte
		at Pos
	}
	var stack []bracket
	line, col := 1, 0
	var quote quotes
	prev := byte('\n') // the last character that is not a space
	for i := 0; i < len(b); i++ {
		c := b[i]
		if c&0xC0 != 0x80 { // count characters, not bytes
			col++
		}
		if c == '\n' {
			line, col, prev = line+1, 0, '\n'
			continue
		}
		if j, skipped := quote.skip(b, i, " \t\n[{,:-"); skipped {
			// Columns count characters: a skipped escape is one, and a
			// comment runs to the end of its line.
			if j > i && b[i] == '\\' {
				col++
			}
			i = j
			if c != ' ' && c != '\t' {
				prev = c
			}
			continue
		}
		switch {
		case (c == '[' || c == '{') && (strings.IndexByte(":-,[{?\n", prev) >= 0 || len(stack) > 0):
			stack = append(stack, bracket{c, Pos{line, col}})
		case (c == ']' || c == '}') && len(stack) > 0:
			// A closer of the other kind closes nothing.
			if top := stack[len(stack)-1].c; top == '[' && c == ']' || top == '{' && c == '}' {
				stack = stack[:len(stack)-1]
			}
		}
		if c != ' ' && c != '\t' {
			prev = c
		}
	}
	// What is left open at the end is never closed.
	for i := len(stack) - 1; i >= 0; i-- {
		br := stack[i]
		if br.c == open && (br.at.Line < p.Line || br.at.Line == p.Line && br.at.Col <= p.Col || p.Line == 0) {
			return br.at, true
		}
	}
	return p, false
}
