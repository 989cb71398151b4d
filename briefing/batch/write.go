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
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
)

// staged is a file written to a temporary name beside its place, not yet
// renamed into it.
type staged struct {
	tmp, rel string
	// dir is the folder of both, as a root.
	dir    *os.Root
	Bytes  int64
	SHA256 string
}

// stage writes a file through write into a temporary file in the folder
// of rel (made when missing), inside the output folder. When write fails,
// the temporary file is removed. commit renames it into place: a reader
// sees the old file or the whole new one, never half of one.
func (f *folder) stage(rel string, write func(io.Writer) error) (*staged, error) {
	if !valid(rel) {
		return nil, fmt.Errorf("refusing to write outside the output folder")
	}
	dir, err := f.dir(path.Dir(rel), true)
	if err != nil {
		return nil, err
	}
	var tmp string
	var file *os.File
	for range 100 {
		tmp = "." + path.Base(rel) + "." + strconv.FormatUint(uint64(rand.Uint32()), 10) + ".tmp"
		var err error
		file, err = dir.OpenFile(tmp, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o644)
		if err == nil {
			break
		}
		if !errors.Is(err, fs.ErrExist) {
			return nil, folderError(f.escaped(path.Dir(rel), f.named(path.Dir(rel), err)))
		}
	}
	if file == nil {
		return nil, fmt.Errorf("%s: cannot find a free temporary name", f.show(rel))
	}
	ok := false
	defer func() {
		if !ok {
			file.Close()
			dir.Remove(tmp)
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
	return &staged{tmp: tmp, rel: rel, dir: dir, Bytes: c.n, SHA256: hex.EncodeToString(h.Sum(nil))}, nil
}

// commit renames s into place.
func (f *folder) commit(s *staged) error {
	if err := s.dir.Rename(s.tmp, path.Base(s.rel)); err != nil {
		s.dir.Remove(s.tmp)
		return f.escaped(path.Dir(s.rel), f.named(path.Dir(s.rel), err))
	}
	return nil
}

// discard removes s's temporary file.
func (f *folder) discard(s *staged) { s.dir.Remove(s.tmp) }

// named puts the folder dir (slash path) back in the paths of err, an
// error about a name in that folder, so that it names the file as the user
// sees it.
func (f *folder) named(dir string, err error) error {
	var pe *os.PathError
	var le *os.LinkError
	switch {
	case errors.As(err, &pe):
		pe.Path = f.show(path.Join(dir, pe.Path))
	case errors.As(err, &le):
		le.Old, le.New = f.show(path.Join(dir, le.Old)), f.show(path.Join(dir, le.New))
	}
	return err
}

// folderProblem says in a user's words why output folder out cannot be
// made or written to: "out is read-only", "out is a file, not a folder";
// the files the build keeps there (its lock, its reserve) are not named,
// since the folder is the user's subject. Other errors keep their text.
func folderProblem(out string, err error) error {
	var pe *os.PathError
	switch {
	case errors.Is(err, syscall.EROFS):
		return fmt.Errorf("output folder %s is on a read-only file system", out)
	case os.IsPermission(err) && errors.As(err, &pe) && pe.Op == "mkdir":
		return fmt.Errorf("output folder %s cannot be made there (permission denied)", out)
	case os.IsPermission(err):
		return fmt.Errorf("output folder %s cannot be written to (permission denied)", out)
	case errors.As(err, &pe) && strings.Contains(pe.Err.Error(), "not a directory"):
		if p := filepath.Clean(pe.Path); p != filepath.Clean(out) && strings.HasPrefix(filepath.Clean(out), p+string(filepath.Separator)) {
			return fmt.Errorf("output folder %s: %s is a file, not a folder", out, p)
		}
		return fmt.Errorf("output folder %s is a file, not a folder", out)
	}
	return fmt.Errorf("output folder %s: %w", out, err)
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
