package batch

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"path"
	"reflect"
	"strings"
	"time"

	"briefing/briefing/bundle"
	"briefing/briefing/compose"
	"briefing/briefing/statement"
)

// outcome is what became of one job of makeAll: done is closed once entry
// and err are set.
type outcome struct {
	done  chan struct{}
	entry *Entry
	err   error
}

// member is a document a deliverable holds: its file's bytes as they are
// on disk once this build made it (or left it), and their sha256.
type member struct {
	bundle.File
	sha256 string
}

// deliver makes the deliverable j (a zip, an email draft) of s's audience
// from its documents, once they are made. Its inputs are the Key, j and
// the sha256 of each document it holds, with the date and, for a draft,
// its words: a deliverable whose documents did not change is up to date.
func (b *build) deliver(ctx context.Context, s *statement.Statement, j Job, intact bool) (*Entry, error) {
	ms, err := b.members(ctx, j)
	if err != nil {
		return nil, err
	}
	at := b.date(s)
	var extra any
	var render func(io.Writer) (int, error)
	files := make([]bundle.File, len(ms))
	for i, m := range ms {
		files[i] = m.File
	}
	stem := strings.TrimSuffix(path.Base(j.Path), path.Ext(j.Path))
	switch j.Format {
	case statement.FormatZip:
		render = func(w io.Writer) (int, error) { return 0, bundle.Zip(w, stem, files, at) }
	case statement.FormatEML:
		words := compose.EmailOf(s, s.Audience(j.Audience))
		limit := b.opt.EmailLimit
		if limit <= 0 {
			limit = DefaultEmailLimit
		}
		extra = struct {
			Words compose.Email
			Limit int64
		}{words, limit}
		render = func(w io.Writer) (int, error) {
			attach := files
			total := int64(0)
			for _, f := range files {
				total += int64(len(f.Data))
			}
			if total > limit {
				// One zip instead, named as the folder's zip.
				name := strings.TrimSuffix(stem, "-email")
				var z bytes.Buffer
				if err := bundle.Zip(&z, name, files, at); err != nil {
					return 0, err
				}
				attach = []bundle.File{{Name: name + ".zip", Data: z.Bytes()}}
			}
			return 0, bundle.Email(w, bundle.Message{
				Subject: words.Subject, Text: words.Note, Lang: words.Lang, To: words.To, Cc: words.Cc,
				Date: at, Attachments: attach,
			})
		}
	default:
		return nil, fmt.Errorf("no way to make a %q file", j.Format)
	}
	inputs := ""
	if b.opt.Key != "" {
		sums := make([]string, len(ms))
		for i, m := range ms {
			sums[i] = m.Name + " " + m.sha256
		}
		if inputs, err = deliveryKey(b.opt.Key, j, sums, at, extra); err != nil {
			return nil, err
		}
		if e, ok := b.upToDate(j.Path, inputs, intact); ok {
			return e, nil
		}
	}
	return b.write(ctx, j, inputs, render)
}

// members waits for the documents j holds and reads them from the folder.
// A document that failed fails j; one a person edited is held as edited.
func (b *build) members(ctx context.Context, j Job) ([]member, error) {
	var out []member
	for _, p := range j.Members {
		o := b.made[p]
		if o == nil {
			return nil, fmt.Errorf("%s is not part of this build", p)
		}
		select {
		case <-o.done:
		case <-ctx.Done():
			return nil, errStopped
		}
		switch {
		case o.err == nil, errors.Is(o.err, ErrEdited):
		case errors.Is(o.err, errStopped):
			return nil, errStopped
		default:
			return nil, fmt.Errorf("not made: %s, which it holds, could not be made", p)
		}
		data, err := b.f.read(p)
		if err != nil {
			return nil, err
		}
		sum := sha256.Sum256(data)
		out = append(out, member{File: bundle.File{Name: path.Base(p), Data: data}, sha256: hex.EncodeToString(sum[:])})
	}
	return out, nil
}

// date is the date of the documents in s: Options.Compose.Date
// (SOURCE_DATE_EPOCH) when set, else the statement's.
func (b *build) date(s *statement.Statement) time.Time {
	if !b.opt.Compose.Date.IsZero() {
		return b.opt.Compose.Date
	}
	t, _ := s.Date.Time()
	return t
}

// deliveryKey is the sha256 of what a deliverable is made from: key, the
// job, its documents' names and sha256, its date and extra (the words of
// a draft).
func deliveryKey(key string, j Job, sums []string, at time.Time, extra any) (string, error) {
	var w hasher
	w.str(key)
	w.value(reflect.ValueOf(j))
	w.value(reflect.ValueOf(sums))
	w.str(at.UTC().Format(time.RFC3339))
	w.value(reflect.ValueOf(extra))
	if w.err != nil {
		return "", w.err
	}
	sum := sha256.Sum256(w.buf)
	return hex.EncodeToString(sum[:]), nil
}
