package docx

// The package: writePackage zips the parts made for a document with the
// template parts (compressed once in New) in a fixed order with fixed
// timestamps.

import (
	"archive/zip"
	"encoding/xml"
	"io"
	"sort"
	"strings"
	"sync"
	"time"

	kflate "github.com/klauspost/compress/flate"

	"briefing/briefing/bundle"
)

// part is one file of the package: either data, deflated as it is written,
// or raw, compressed (or stored) once by newPart.
type part struct {
	name   string
	data   []byte
	method uint16
	raw    []byte
	crc    uint32
	size   uint64 // uncompressed size of raw
}

// writePackage writes the parts as a zip to w in name order, each dated
// at (the document's date: the statement's, or SOURCE_DATE_EPOCH), so
// that equal documents give equal bytes.
func writePackage(w io.Writer, parts []part, flaters *sync.Pool, at time.Time) error {
	dosDate, dosTime := bundle.DOSDateTime(at)
	sort.Slice(parts, func(i, j int) bool { return parts[i].name < parts[j].name })
	zw := zip.NewWriter(w)
	zw.RegisterCompressor(zip.Deflate, func(out io.Writer) (io.WriteCloser, error) {
		fw, _ := flaters.Get().(*kflate.Writer)
		if fw == nil {
			var err error
			if fw, err = kflate.NewWriter(out, flateLevel); err != nil {
				return nil, err
			}
		}
		fw.Reset(out)
		return &pooledWriter{fw, flaters}, nil
	})
	for _, p := range parts {
		if p.raw == nil {
			//lint:ignore SA1019 Modified would add an extended-timestamp extra field to every entry, changing the bytes.
			fw, err := zw.CreateHeader(&zip.FileHeader{Name: p.name, Method: zip.Deflate, ModifiedDate: dosDate, ModifiedTime: dosTime})
			if err != nil {
				return err
			}
			if _, err := fw.Write(p.data); err != nil {
				return err
			}
			continue
		}
		fw, err := zw.CreateRaw(&zip.FileHeader{
			//lint:ignore SA1019 as above: the MS-DOS date alone, no extra field.
			Name: p.name, Method: p.method, ModifiedDate: dosDate, ModifiedTime: dosTime,
			CRC32: p.crc, CompressedSize64: uint64(len(p.raw)), UncompressedSize64: p.size,
		})
		if err != nil {
			return err
		}
		if _, err := fw.Write(p.raw); err != nil {
			return err
		}
	}
	return zw.Close()
}

// esc escapes s for XML text and attribute values.
func esc(s string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(s))
	return b.String()
}

// bookmarkName turns an anchor into a Word bookmark name: letters, digits
// and underscores, starting with a letter, at most 40 characters.
func bookmarkName(anchor string) string {
	b := []byte("_" + anchor)
	for i := 1; i < len(b); i++ {
		c := b[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
			b[i] = '_'
		}
	}
	s := string(b[1:])
	if s == "" || !(s[0] >= 'a' && s[0] <= 'z' || s[0] >= 'A' && s[0] <= 'Z') {
		s = "bm_" + s
	}
	if len(s) > 40 {
		s = s[:40]
	}
	return s
}

// flateLevel is the compression of the parts made per document:
// klauspost's deflate at this level is about three times as fast as the
// standard library's default, for files a few per cent larger.
const flateLevel = 5

// pooledWriter returns its writer to the pool when closed.
type pooledWriter struct {
	*kflate.Writer
	pool *sync.Pool
}

func (p *pooledWriter) Close() error {
	err := p.Writer.Close()
	p.pool.Put(p.Writer)
	p.Writer = nil
	return err
}
