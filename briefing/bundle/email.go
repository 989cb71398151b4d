package bundle

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"io"
	"mime"
	"mime/quotedprintable"
	"net/mail"
	"path"
	"strings"
	"time"
)

// Message is an email draft: its words, its addressees and its
// attachments.
type Message struct {
	Subject string
	// Text is the body, plain text, lines separated by "\n".
	Text string
	// Lang is the language of Subject and Text (Content-Language).
	Lang string
	// To and Cc are addresses, "name@example.org" or
	// "Name <name@example.org>"; either may be empty.
	To, Cc []string
	// Date is the message's date.
	Date time.Time
	// Attachments are attached in order, each typed by its name's
	// extension.
	Attachments []File
}

// Email writes m to w as an RFC 5322 draft: X-Unsent: 1, so that Outlook
// opens it ready to send (Thunderbird opens it as a message to forward or
// edit), a text/plain part and the attachments in base64, lines ending in
// CRLF. The multipart boundary is derived from the content, so the same
// message gives the same bytes.
func Email(w io.Writer, m Message) error {
	to, err := addresses("to", m.To)
	if err != nil {
		return err
	}
	cc, err := addresses("cc", m.Cc)
	if err != nil {
		return err
	}
	var text bytes.Buffer
	qp := quotedprintable.NewWriter(&text)
	if _, err := qp.Write([]byte(strings.ReplaceAll(strings.TrimRight(m.Text, "\n")+"\n", "\n", "\r\n"))); err != nil {
		return err
	}
	if err := qp.Close(); err != nil {
		return err
	}
	h := sha256.New()
	fmt.Fprintf(h, "%q %q %q %q %s\n", m.Subject, m.Text, to, cc, m.Date.UTC().Format(time.RFC3339))
	for _, a := range m.Attachments {
		fmt.Fprintf(h, "%q %d ", a.Name, len(a.Data))
		h.Write(a.Data)
	}
	boundary := "briefing-" + hex.EncodeToString(h.Sum(nil))[:32]

	var b bytes.Buffer
	header := func(k, v string) { b.WriteString(fold(k, v)) }
	header("X-Unsent", "1")
	header("Date", m.Date.UTC().Format(time.RFC1123Z))
	header("Subject", mime.QEncoding.Encode("utf-8", m.Subject))
	if to != "" {
		header("To", to)
	}
	if cc != "" {
		header("Cc", cc)
	}
	header("MIME-Version", "1.0")
	if m.Lang != "" {
		header("Content-Language", m.Lang)
	}
	header("Content-Type", mime.FormatMediaType("multipart/mixed", map[string]string{"boundary": boundary}))
	b.WriteString("\r\nThis is a message in MIME format.\r\n")

	fmt.Fprintf(&b, "\r\n--%s\r\n", boundary)
	header("Content-Type", "text/plain; charset=utf-8")
	header("Content-Transfer-Encoding", "quoted-printable")
	b.WriteString("\r\n")
	b.Write(text.Bytes())
	for _, a := range m.Attachments {
		fmt.Fprintf(&b, "\r\n--%s\r\n", boundary)
		header("Content-Type", mime.FormatMediaType(contentType(a.Name), map[string]string{"name": a.Name}))
		header("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": a.Name}))
		header("Content-Transfer-Encoding", "base64")
		b.WriteString("\r\n")
		enc := base64.StdEncoding.EncodeToString(a.Data)
		for len(enc) > 76 {
			b.WriteString(enc[:76])
			b.WriteString("\r\n")
			enc = enc[76:]
		}
		b.WriteString(enc)
		b.WriteString("\r\n")
	}
	fmt.Fprintf(&b, "\r\n--%s--\r\n", boundary)
	_, err = w.Write(b.Bytes())
	return err
}

// maxLine is the length RFC 5322 asks header lines to keep to.
const maxLine = 78

// fold is the header k: v, folded at spaces onto lines of at most maxLine
// characters where it can be (a longer word keeps its own line; the first
// may start on the line after the name), ending in CRLF.
func fold(k, v string) string {
	var b strings.Builder
	line := k + ":"
	for _, w := range strings.Split(v, " ") {
		if len(line)+1+len(w) > maxLine && strings.TrimSpace(line) != "" {
			b.WriteString(line + "\r\n")
			line = ""
		}
		line += " " + w
	}
	b.WriteString(line + "\r\n")
	return b.String()
}

// addresses checks each address and joins them for a header, names
// encoded as RFC 2047 asks.
func addresses(field string, list []string) (string, error) {
	var out []string
	for _, a := range list {
		p, err := mail.ParseAddress(a)
		if err != nil {
			return "", fmt.Errorf("email %s: %q is not an address (want name@example.org or \"Name <name@example.org>\"): %v", field, a, err)
		}
		out = append(out, p.String())
	}
	return strings.Join(out, ", "), nil
}

// contentType is the media type of a file by its name's extension.
func contentType(name string) string {
	switch strings.ToLower(path.Ext(name)) {
	case ".pdf":
		return "application/pdf"
	case ".zip":
		return "application/zip"
	case ".docx":
		return "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
	}
	return "application/octet-stream"
}
