package batch

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// written is what writeAtomic learned about a file it wrote.
type written struct {
	Bytes  int64
	SHA256 string
}

// writeAtomic writes a file through write into a temporary file in the
// target's folder, then renames it into place: a reader sees the old file
// or the whole new one, never half of one. When write fails, the temporary
// file is removed and any previous file at path is left as it was.
func writeAtomic(path string, write func(io.Writer) error) (written, error) {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return written{}, folderError(err)
	}
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return written{}, folderError(err)
	}
	ok := false
	defer func() {
		if !ok {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	h := sha256.New()
	c := &counter{}
	if err := write(io.MultiWriter(tmp, h, c)); err != nil {
		return written{}, err
	}
	if err := tmp.Chmod(0o644); err != nil {
		return written{}, err
	}
	if err := tmp.Close(); err != nil {
		return written{}, err
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return written{}, err
	}
	ok = true
	return written{Bytes: c.n, SHA256: hex.EncodeToString(h.Sum(nil))}, nil
}

// folderError explains the usual reasons a folder cannot be made or
// written to in words for people, keeping the path.
func folderError(err error) error {
	var pe *os.PathError
	switch {
	case os.IsPermission(err):
		return fmt.Errorf("cannot write there (permission denied): %w", err)
	case asPathError(err, &pe) && strings.Contains(pe.Err.Error(), "not a directory"):
		return fmt.Errorf("a file stands where a folder is needed: %w", err)
	}
	return err
}

func asPathError(err error, pe **os.PathError) bool {
	p, ok := err.(*os.PathError)
	if ok {
		*pe = p
	}
	return ok
}

type counter struct{ n int64 }

func (c *counter) Write(p []byte) (int, error) {
	c.n += int64(len(p))
	return len(p), nil
}
