package compose

import (
	"fmt"
	"strings"

	"briefing/briefing/inline"
	"briefing/briefing/statement"
)

// Email is what an audience's email draft says, in one language: the
// words a mail program shows, with no attachment (the batch attaches the
// documents).
type Email struct {
	// Lang is the language of Subject and Note.
	Lang    string
	Subject string
	// Note is the cover note as plain text, paragraphs separated by blank
	// lines, signed with the organisation's name.
	Note string
	// To and Cc are the addresses as the data gives them.
	To, Cc []string
}

// EmailOf is the email draft of audience a in s's language: its own
// subject and note (translated when the translation has them), else the
// language's (labels.EmailSubject with the pack's name and the title,
// labels.EmailNote with the title).
func EmailOf(s *statement.Statement, a *statement.Audience) Email {
	c := newComposer(s, a, statement.KindPack, Options{})
	title := inline.Plain(s.Title)
	e := Email{Lang: s.Lang, Subject: fmt.Sprintf(c.l.EmailSubject, c.packLabel(), title), Note: fmt.Sprintf(c.l.EmailNote, title)}
	if a != nil && a.Email != nil {
		if a.Email.Subject != "" {
			e.Subject = strings.Join(strings.Fields(inline.Plain(a.Email.Subject)), " ")
		}
		if a.Email.Note != "" {
			e.Note = strings.TrimSpace(a.Email.Note)
		}
		e.To, e.Cc = a.Email.To, a.Email.Cc
	}
	if org := inline.Plain(s.Organisation.Name); org != "" {
		e.Note += "\n" + org
	}
	return e
}
