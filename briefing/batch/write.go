package batch

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"path"
	"strconv"
	"strings"
)

// staged is a file written to a temporary name beside its place, not yet
// renamed into it.
type staged struct {
	tmp, rel string
	Bytes    int64
	SHA256   string
}

// stage writes a file through write into a temporary file in the folder
// of rel (made when missing), inside the output folder. When write fails,
// the temporary file is removed. commit renames it into place: a reader
// sees the old file or the whole new one, never half of one.
func (f *folder) stage(rel string, write func(io.Writer) error) (*staged, error) {
	if !valid(rel) {
		return nil, fmt.Errorf("refusing to write outside the output folder")
	}
	dir := path.Dir(rel)
	if _, ok := f.ready.Load(dir); !ok {
		if err := f.checkDir(dir); err != nil {
			return nil, err
		}
		if dir != "." {
			if err := f.root.MkdirAll(dir, 0o755); err != nil {
				return nil, folderError(f.escaped(rel, err))
			}
		}
		f.ready.Store(dir, true)
	}
	var tmp string
	var file *os.File
	for range 100 {
		tmp = path.Join(dir, "."+path.Base(rel)+"."+strconv.FormatUint(uint64(rand.Uint32()), 10)+".tmp")
		var err error
		file, err = f.root.OpenFile(tmp, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o644)
		if err == nil {
			break
		}
		if !errors.Is(err, fs.ErrExist) {
			return nil, folderError(f.escaped(rel, err))
		}
	}
	if file == nil {
		return nil, fmt.Errorf("%s: cannot find a free temporary name", f.show(rel))
	}
	ok := false
	defer func() {
		if !ok {
			file.Close()
			f.root.Remove(tmp)
		}
	}()
	h := sha256.New()
	c := &counter{}
	if err := write(io.MultiWriter(file, h, c)); err != nil {
		return nil, err
	}
	if err := file.Close(); err != nil {
		return nil, err
	}
	ok = true
	return &staged{tmp: tmp, rel: rel, Bytes: c.n, SHA256: hex.EncodeToString(h.Sum(nil))}, nil
}

// commit renames s into place.
func (f *folder) commit(s *staged) error {
	if err := f.root.Rename(s.tmp, s.rel); err != nil {
		f.root.Remove(s.tmp)
		return f.escaped(s.rel, err)
	}
	return nil
}

// discard removes s's temporary file.
func (f *folder) discard(s *staged) { f.root.Remove(s.tmp) }

// writeFile stages and commits a small file.
func (f *folder) writeFile(rel string, b []byte) error {
	s, err := f.stage(rel, func(w io.Writer) error {
		_, err := w.Write(b)
		return err
	})
	if err != nil {
		return err
	}
	return f.commit(s)
}

// folderError explains the usual reasons a folder cannot be made or
// written to in words for people, keeping the path.
func folderError(err error) error {
	var pe *os.PathError
	switch {
	case os.IsPermission(err):
		return fmt.Errorf("cannot write there (permission denied): %w", err)
	case errors.As(err, &pe) && strings.Contains(pe.Err.Error(), "not a directory"):
		return fmt.Errorf("a file stands where a folder is needed: %w", err)
	}
	return err
}

type counter struct{ n int64 }

func (c *counter) Write(p []byte) (int, error) {
	c.n += int64(len(p))
	return len(p), nil
}
