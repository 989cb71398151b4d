package finish

import (
	"bytes"
	"io"
	"sync"
	"sync/atomic"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/klauspost/compress/zlib"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// Options say what the pass adds. The zero value only makes the file
// valid: indirect annotations, compressed streams, a content-derived /ID.
type Options struct {
	// Lang is the document's language (a BCP 47 tag such as "en" or
	// "es-CO"), written as the catalog's /Lang; empty keeps the input's.
	Lang string
	// DisplayDocTitle sets /ViewerPreferences << /DisplayDocTitle true >>
	// in the catalog, so that viewers show the title rather than the file
	// name (PDF/UA-1 requires it).
	DisplayDocTitle bool
	// Fonts are embedded, each a subset named "TAG+PostScriptName", where
	// TAG is six capital letters derived from the subset's content (font
	// and runes), in place of the fonts of the pages' /Font resources
	// named Font.Resource (see Font).
	Fonts []Font
	// ObjectStreams packs the objects that are not streams into compressed
	// object streams (one per part), with a cross-reference stream (PDF
	// 1.5): smaller files for the same content.
	ObjectStreams bool
	// Page, when set, is called for each page after the pass's own
	// changes and before the page is written, and Catalog for the catalog
	// when the Writer closes: the hooks through which tagged PDF adds its
	// entries (page /StructParents and /Tabs, annotation /StructParent,
	// /MarkInfo, /StructTreeRoot…). An error stops the pass.
	Page    func(*Page) error
	Catalog func(*Catalog) error
	// Info entries replace or add to those of the document information
	// dictionary (the first part's), such as dates with a time zone that
	// agree with the XMP metadata.
	Info types.Dict
}

// Finisher runs the finishing pass. It keeps zlib writers, buffers and
// font subsets for reuse, so make one per process and share it: it is safe
// for concurrent use.
type Finisher struct {
	// zw are zlib writers kept for reuse. Not a sync.Pool: the collector
	// empties a pool, and a level-3 writer costs about 80 KB of tables to
	// make again.
	zw   chan *zlib.Writer
	bufs sync.Pool // *bytes.Buffer
	outs sync.Pool // *bufio.Writer
	// scratch are a Writer's buffers (its object stream, serialised
	// objects), kept for the next document.
	scratch sync.Pool // *scratch
	// subsets are font subsets made, by font and runes, and kept their
	// size in bytes.
	subsets sync.Map // subsetKey → *embedded
	kept    atomic.Int64
}

// maxPooled is the largest buffer kept for reuse.
const maxPooled = 4 << 20

func (f *Finisher) buffer() *bytes.Buffer {
	if b, ok := f.bufs.Get().(*bytes.Buffer); ok {
		b.Reset()
		return b
	}
	return new(bytes.Buffer)
}

func (f *Finisher) release(b *bytes.Buffer) {
	if b.Cap() <= maxPooled {
		f.bufs.Put(b)
	}
}

// New returns a Finisher.
func New() *Finisher { return &Finisher{zw: make(chan *zlib.Writer, maxWriters)} }

// maxWriters is the most zlib writers a Finisher keeps: one per document
// being finished at a time, on any likely number of cores.
const maxWriters = 64

// Finish reads the PDF in, applies o and writes the result to w: a
// Writer given one part. Nothing is written when it fails.
func (f *Finisher) Finish(w io.Writer, in []byte, o Options) error {
	buf := f.buffer()
	defer f.release(buf)
	buf.Grow(len(in) + 64<<10)
	fw := f.NewWriter(buf, o)
	for i := range o.Fonts {
		fw.UseFont(i)
	}
	if err := fw.Add(in); err != nil {
		return err
	}
	if err := fw.Close(); err != nil {
		return err
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// Raw is an object already serialised in PDF syntax, written as it is:
// objects that a document has many of (a structure tree's elements) are
// cheaper built as bytes than as dictionaries sorted key by key. The
// references in it must be ones the Writer gave.
type Raw string

// Clone returns r.
func (r Raw) Clone() types.Object { return r }

// PDFString returns r.
func (r Raw) PDFString() string { return string(r) }

// String returns r.
func (r Raw) String() string { return string(r) }

// Text returns s as a PDF text string, a literal: in PDFDocEncoding's
// ASCII range when s is, otherwise UTF-16BE with a byte order mark.
func Text(s string) types.Object {
	b := AppendText(nil, s)
	return types.StringLiteral(b[1 : len(b)-1])
}

// AppendText appends s to b as a PDF text string with its parentheses, as
// Text: "(text)", or "(\xFE\xFF…)", UTF-16BE as bytes (half the size of a
// hexadecimal string), with \, (, ) and CR escaped (a reader takes a CR in
// a literal for a line feed).
func AppendText(b []byte, s string) []byte {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 || s[i] < 0x20 {
			ascii = false
			break
		}
	}
	b = append(b, '(')
	if ascii {
		for i := 0; i < len(s); i++ {
			if c := s[i]; c == '\\' || c == '(' || c == ')' {
				b = append(b, '\\', c)
			} else {
				b = append(b, c)
			}
		}
		return append(b, ')')
	}
	b = append(b, 0xfe, 0xff)
	for _, r := range s {
		switch {
		case r >= 0x10000 && r <= utf8.MaxRune:
			r1, r2 := utf16.EncodeRune(r)
			b = appendUnit(appendUnit(b, r1), r2)
		case r >= 0xd800 && r < 0xe000:
			b = appendUnit(b, utf8.RuneError)
		default:
			b = appendUnit(b, r)
		}
	}
	return append(b, ')')
}

// appendUnit appends UTF-16 code unit u to a literal string's bytes, each
// byte escaped as it must be.
func appendUnit(b []byte, u rune) []byte {
	for _, c := range [2]byte{byte(u >> 8), byte(u)} {
		switch c {
		case '\\', '(', ')':
			b = append(b, '\\', c)
		case '\r':
			b = append(b, '\\', 'r')
		default:
			b = append(b, c)
		}
	}
	return b
}
