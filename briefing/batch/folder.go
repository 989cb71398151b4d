package batch

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
)

// folder is the output folder, opened as an os.Root: every create, rename
// and remove of a build goes through it, so that no path from the data or
// a manifest, and no symbolic link inside the folder, can lead outside it.
type folder struct {
	root *os.Root
	// name is the folder as the user named it, for messages.
	name string
	// dirs holds the folders (slash paths) of this build, checked, made
	// and opened as roots of their own once, not per file: a file is then
	// made, renamed and removed by its name in its folder, one system call
	// each instead of a walk from the output folder per path part. (A
	// folder moved away while the build runs keeps receiving its files,
	// as a shell's working folder would: a link put in its place is not
	// followed.)
	dirs sync.Map // string → *os.Root
}

// openFolder makes the output folder when missing and opens it.
func openFolder(out string) (*folder, error) {
	if err := os.MkdirAll(out, 0o755); err != nil {
		return nil, folderProblem(out, err)
	}
	r, err := os.OpenRoot(out)
	if err != nil {
		return nil, folderProblem(out, err)
	}
	return &folder{root: r, name: out}, nil
}

func (f *folder) close() error {
	f.dirs.Range(func(_, v any) bool {
		v.(*os.Root).Close()
		return true
	})
	return f.root.Close()
}

// dir returns the folder d (slash path) as a root, checked (no link on the
// way leads outside the output folder) and, with mk, made when missing.
func (f *folder) dir(d string, mk bool) (*os.Root, error) {
	if d == "." || d == "" {
		return f.root, nil
	}
	if r, ok := f.dirs.Load(d); ok {
		return r.(*os.Root), nil
	}
	if err := f.checkDir(d); err != nil {
		return nil, err
	}
	if mk {
		if err := f.root.MkdirAll(d, 0o755); err != nil {
			return nil, folderError(f.escaped(d, err))
		}
	}
	r, err := f.root.OpenRoot(d)
	if err != nil {
		return nil, folderError(f.escaped(d, err))
	}
	if old, loaded := f.dirs.LoadOrStore(d, r); loaded {
		r.Close()
		return old.(*os.Root), nil
	}
	return r, nil
}

// show is rel as the user sees it: out/<rel>.
func (f *folder) show(rel string) string {
	return filepath.Join(f.name, filepath.FromSlash(rel))
}

// valid reports whether rel is a slash path that names something strictly
// inside the folder: relative, clean, no "..", no backslash.
func valid(rel string) bool {
	return rel != "" && rel != "." && !path.IsAbs(rel) && !strings.Contains(rel, "\\") &&
		path.Clean(rel) == rel && rel != ".." && !strings.HasPrefix(rel, "../")
}

// EscapeError is a symbolic link inside the output folder that leads
// outside it (or is absolute): a build writes and removes nothing through
// it.
type EscapeError struct {
	// Link is the link as the user sees it (out/delegates); Target is
	// what it points at.
	Link, Target string
	// File is set when the link stands where the build keeps a file of
	// its own (the manifest, its lock), not a folder.
	File bool
}

func (e *EscapeError) Error() string {
	what := "a symbolic link to %s, outside the output folder"
	if filepath.IsAbs(e.Target) {
		what = "a symbolic link to %s (absolute links may lead anywhere)"
	}
	if e.File {
		return fmt.Sprintf("%s is "+what+": briefing does not follow links out of its folder; remove the link", e.Link, e.Target)
	}
	return fmt.Sprintf("%s is "+what+": nothing is written or removed through it (replace it with a folder, or build into another --out)", e.Link, e.Target)
}

// linkedOut returns an *EscapeError when the file rel, one the build keeps
// in the folder (the manifest, its lock, its journal), is a symbolic link
// leading outside the folder, which is then why using it failed; nil
// otherwise.
func (f *folder) linkedOut(rel string) error {
	fi, err := f.root.Lstat(rel)
	if err != nil || fi.Mode()&fs.ModeSymlink == 0 {
		return nil
	}
	if _, err := f.root.Stat(rel); err == nil || errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	target, _ := f.root.Readlink(rel)
	return &EscapeError{Link: f.show(rel), Target: target, File: true}
}

// LinkError is why a document was not written: a symbolic link stands at
// its path. A person put it there (to file the document elsewhere, say), so
// a build neither replaces it nor writes through it, as it keeps a file a
// person edited (ErrEdited).
type LinkError struct {
	// Target is what the link points at.
	Target string
}

func (e *LinkError) Error() string {
	return fmt.Sprintf("not written: it is a symbolic link (to %s), which a build never replaces or writes through; remove the link to build the document there", e.Target)
}

// link returns a *LinkError when the file rel is a symbolic link.
func (f *folder) link(rel string) error {
	d, err := f.dir(path.Dir(rel), false)
	if err != nil {
		return nil // the write reports it
	}
	fi, err := d.Lstat(path.Base(rel))
	if err != nil || fi.Mode()&fs.ModeSymlink == 0 {
		return nil
	}
	target, _ := d.Readlink(path.Base(rel))
	return &LinkError{Target: target}
}

// checkDir makes sure nothing on the way to the folder dir (slash path)
// is a symbolic link leading outside the output folder. A part that does
// not exist yet is fine: the build makes it as a folder.
func (f *folder) checkDir(dir string) error {
	if dir == "." || dir == "" {
		return nil
	}
	if _, err := f.root.Stat(dir); err == nil || errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	// Something on the way failed: find the link that escapes, if any.
	parts := strings.Split(dir, "/")
	for i := range parts {
		p := strings.Join(parts[:i+1], "/")
		fi, err := f.root.Lstat(p)
		if err != nil {
			return nil // missing, or not a link: the write reports it
		}
		if fi.Mode()&fs.ModeSymlink == 0 {
			continue
		}
		if _, err := f.root.Stat(p); err != nil && !errors.Is(err, fs.ErrNotExist) {
			target, _ := os.Readlink(f.show(p))
			return &EscapeError{Link: f.show(p), Target: target}
		}
	}
	return nil
}

// escaped turns an error about something in the folder dir (slash path)
// into an EscapeError naming the link, when a link is why it failed.
func (f *folder) escaped(dir string, err error) error {
	if err == nil {
		return nil
	}
	if e := f.checkDir(dir); e != nil {
		return e
	}
	return err
}

// sum is the size and sha256 of the file rel, read through the root (a
// link leading outside fails).
func (f *folder) sum(rel string) (int64, string, error) {
	d, err := f.dir(path.Dir(rel), false)
	if err != nil {
		return 0, "", err
	}
	r, err := d.Open(path.Base(rel))
	if err != nil {
		return 0, "", err
	}
	defer r.Close()
	fi, err := r.Stat()
	if err != nil {
		return 0, "", err
	}
	if !fi.Mode().IsRegular() {
		return 0, "", fmt.Errorf("%s is not a regular file", f.show(rel))
	}
	h := sha256.New()
	n, err := io.Copy(h, r)
	if err != nil {
		return 0, "", err
	}
	return n, hex.EncodeToString(h.Sum(nil)), nil
}

// matches reports whether the file rel holds exactly the bytes e says.
func (f *folder) matches(e Entry) bool {
	n, s, err := f.sum(e.Path)
	return err == nil && n == e.Bytes && s == e.SHA256
}

// remove removes the file rel and then its folders up to the output
// folder while they are empty.
func (f *folder) remove(rel string) error {
	if err := f.root.Remove(rel); err != nil {
		return err
	}
	for dir := path.Dir(rel); dir != "." && dir != "/"; dir = path.Dir(dir) {
		if f.root.Remove(dir) != nil {
			break
		}
	}
	return nil
}

// tempName matches the temporary files writeAtomic makes:
// .<name>.<digits>.tmp, beside the file they become.
var tempName = regexp.MustCompile(`^\..+\.[0-9]+\.tmp$`)

// removeTemps removes the temporary files a build killed midway left in
// the folders dirs, and returns their paths.
func (f *folder) removeTemps(dirs map[string]bool) []string {
	var gone []string
	for dir := range dirs {
		d, err := f.root.Open(dir)
		if err != nil {
			continue
		}
		ents, _ := d.ReadDir(-1)
		d.Close()
		for _, e := range ents {
			if !e.Type().IsRegular() || !tempName.MatchString(e.Name()) {
				continue
			}
			p := path.Join(dir, e.Name())
			if f.root.Remove(p) == nil {
				gone = append(gone, p)
			}
		}
	}
	return gone
}

// read returns the bytes of the file rel, read through the root (a link
// leading outside fails).
func (f *folder) read(rel string) ([]byte, error) {
	d, err := f.dir(path.Dir(rel), false)
	if err != nil {
		return nil, err
	}
	b, err := d.ReadFile(path.Base(rel))
	if err != nil {
		return nil, f.named(path.Dir(rel), err)
	}
	return b, nil
}
