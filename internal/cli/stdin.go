package cli

import (
	"bytes"
	"io"
	"io/fs"
	"time"

	"briefing/briefing/input"
	"briefing/briefing/statement"
)

// stdinName is the name the statement read from standard input (--data -)
// goes by in messages.
const stdinName = "<stdin>"

// loadStdin reads the statement from r (--data -): one file, so no
// translations are found beside it.
func loadStdin(r io.Reader, opt statement.Options) (*statement.Dataset, error) {
	b, err := io.ReadAll(io.LimitReader(r, input.MaxFileSize+1))
	if err != nil {
		return nil, &input.Error{Place: input.Place{File: stdinName}, Msg: input.FSMessage(err)}
	}
	if len(b) > input.MaxFileSize {
		return nil, &input.Error{Place: input.Place{File: stdinName}, Msg: input.TooLarge(-1)}
	}
	ds, errs := statement.LoadAllWith(oneFile{stdinName, b}, stdinName, opt)
	return ds, errs.Err()
}

// oneFile is a file system that holds one file, name, and nothing else.
type oneFile struct {
	name string
	data []byte
}

func (f oneFile) Open(name string) (fs.File, error) {
	if name != f.name {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	return &openFile{Reader: bytes.NewReader(f.data), f: f}, nil
}

// openFile is oneFile's file, open.
type openFile struct {
	*bytes.Reader
	f oneFile
}

func (o *openFile) Stat() (fs.FileInfo, error) { return o, nil }
func (o *openFile) Close() error               { return nil }

// openFile is its own fs.FileInfo.
func (o *openFile) Name() string       { return o.f.name }
func (o *openFile) Size() int64        { return int64(len(o.f.data)) }
func (o *openFile) Mode() fs.FileMode  { return 0o444 }
func (o *openFile) ModTime() time.Time { return time.Time{} }
func (o *openFile) IsDir() bool        { return false }
func (o *openFile) Sys() any           { return nil }
