package batch

import (
	"fmt"
	"os"
	"strings"
)

// ReserveFile holds space in the output folder while a build runs, so
// that the manifest can still be written when the disk fills up: the build
// removes it, then writes the manifest into the space it freed.
const ReserveFile = ".briefing.reserve"

// reserve makes ReserveFile about as large as the manifest this build
// writes (JSON and CSV, about 700 bytes a document).
func (b *build) reserve() error {
	f := b.f
	size := int64(len(b.jobs)+len(b.known)+len(b.edited))*700 + 64<<10
	file, err := f.root.OpenFile(ReserveFile, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		if IsDiskFull(err) {
			return diskFullError(f, err)
		}
		if e := f.linkedOut(ReserveFile); e != nil {
			return e
		}
		return folderProblem(f.name, err)
	}
	zeros := make([]byte, 64<<10)
	for n := int64(0); n < size && err == nil; n += int64(len(zeros)) {
		_, err = file.Write(zeros)
	}
	if cerr := file.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		f.root.Remove(ReserveFile)
		if IsDiskFull(err) {
			return diskFullError(f, err)
		}
		return fmt.Errorf("%s: %w", f.show(ReserveFile), err)
	}
	return nil
}

// DiskFullError is a build stopped by a full disk.
type DiskFullError struct {
	// Out is the output folder; Path the file being written when the
	// space ran out (slash path inside Out), if any.
	Out, Path string
	Err       error
}

func (e *DiskFullError) Error() string {
	at := ""
	if e.Path != "" {
		at = " (at " + e.Path + ")"
	}
	return fmt.Sprintf("disk full: no space left in %s/%s", strings.TrimSuffix(e.Out, "/"), at)
}

func (e *DiskFullError) Unwrap() error { return e.Err }

func diskFullError(f *folder, err error) error {
	return &DiskFullError{Out: f.name, Err: err}
}
