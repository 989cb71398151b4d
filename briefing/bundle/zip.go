package bundle

import (
	"archive/zip"
	"fmt"
	"io"
	"path"
	"time"
)

// File is a file to pack: its name and its bytes.
type File struct {
	Name string
	Data []byte
}

// DOSDateTime is t as an MS-DOS date and time (to two seconds, between
// 1980 and 2107), for zip entries. It is set through the deprecated
// ModifiedDate and ModifiedTime fields: setting Modified instead makes
// archive/zip add an extended timestamp to every entry, which would change
// every file's bytes.
func DOSDateTime(t time.Time) (date, clock uint16) {
	t = t.UTC()
	switch {
	case t.Year() < 1980:
		t = time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)
	case t.Year() > 2107:
		t = time.Date(2107, 12, 31, 23, 59, 58, 0, time.UTC)
	}
	date = uint16((t.Year()-1980)<<9 | int(t.Month())<<5 | t.Day())
	clock = uint16(t.Hour()<<11 | t.Minute()<<5 | t.Second()/2)
	return date, clock
}

// Zip writes files to w as a zip, in the order given, each under dir/
// (dir empty: at the top) and dated at: the same files, dir and date give
// the same bytes. Names must be plain file names, each once.
func Zip(w io.Writer, dir string, files []File, at time.Time) error {
	date, clock := DOSDateTime(at)
	zw := zip.NewWriter(w)
	seen := map[string]bool{}
	for _, f := range files {
		if f.Name == "" || path.Base(f.Name) != f.Name || f.Name == "." || f.Name == ".." {
			return fmt.Errorf("zip: %q is not a file name", f.Name)
		}
		if seen[f.Name] {
			return fmt.Errorf("zip: %s twice", f.Name)
		}
		seen[f.Name] = true
		name := f.Name
		if dir != "" {
			name = dir + "/" + f.Name
		}
		h := &zip.FileHeader{Name: name, Method: zip.Deflate}
		//lint:ignore SA1019 Modified would add an extended-timestamp extra field to every entry, changing the bytes.
		h.ModifiedDate, h.ModifiedTime = date, clock
		h.SetMode(0o644)
		fw, err := zw.CreateHeader(h)
		if err != nil {
			return err
		}
		if _, err := fw.Write(f.Data); err != nil {
			return err
		}
	}
	return zw.Close()
}
