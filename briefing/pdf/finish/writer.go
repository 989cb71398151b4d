package finish

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"fmt"
	"hash"
	"io"
	"strconv"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// A Writer writes one PDF, part by part: each part is a PDF whose pages
// are the document's next pages (fpdf draws a long document a few dozen
// pages at a time). Each part's objects are written as soon as it is added,
// so a document of thousands of pages is never held whole; what the parts
// share (the page tree, the fonts, the outline, the catalog) is written
// when the Writer closes.
//
// Object numbers: 1 is the catalog and 2 the page tree; the others are
// given in the order objects are met, so the output is a pure function of
// the parts, the options and the calls.
//
// After an error the Writer writes nothing more, and w holds part of a
// file: write to a file that is discarded on error (or use Finish).
type Writer struct {
	f   *Finisher
	o   Options
	out *bufio.Writer
	cw  countWriter
	err error

	next int    // the next free object number
	loc  []xloc // where each object is, by number
	// pages are the object numbers of the pages, reserved when a page is
	// first written or linked to; done counts the pages written.
	pages []int
	done  int
	// fonts are the numbers reserved for the fonts of o.Fonts, by index,
	// once a page uses them; runes their runes (Font.Runes or SetRunes).
	fonts map[int]int
	runes map[int][]rune
	// uses are the fonts the next part sets text in (UseFont).
	uses map[int]bool
	// images are image XObjects written, by content, so that the logo of
	// every part is written once.
	images map[[32]byte]int
	// links are the annotations to add to pages not yet written.
	links   map[int][]Link
	outline []Bookmark
	// catalog holds the first part's catalog entries, in output numbers.
	catalog types.Dict
	info    int
	// s holds the object stream being filled (stm, and its "number
	// offset" pairs, stmHdr) and the serialised object (e.b), buffers
	// reused from document to document; stmObjs are the stream's objects.
	*scratch
	stmObjs []int
}

// scratch are a Writer's buffers.
type scratch struct {
	stm    bytes.Buffer
	stmHdr []byte
	e      enc
}

// xloc is an object's cross-reference entry: type 1 (a = offset) or 2
// (a = object stream, b = index); 0 for a number never used.
type xloc struct {
	typ byte
	a   uint32
	b   uint16
}

// countWriter counts and hashes what goes through it.
type countWriter struct {
	w io.Writer
	n int
	h hash.Hash
}

func (c *countWriter) Write(b []byte) (int, error) {
	n, err := c.w.Write(b)
	c.n += n
	c.h.Write(b[:n])
	return n, err
}

// Page is a page about to be written, for Options.Page.
type Page struct {
	// Index is the page's place in the document, from 0, and Ref its
	// reference.
	Index int
	Ref   types.IndirectRef
	// Dict is the page dictionary and Annots its annotations, in order,
	// with their references AnnotRefs: changing them changes the output.
	Dict      types.Dict
	Annots    []types.Dict
	AnnotRefs []types.IndirectRef
	w         *Writer
}

// Add adds o to the document as an indirect object and returns its
// reference. References in o must be ones the Writer gave.
func (p *Page) Add(o types.Object) types.IndirectRef { return p.w.add(o) }

// Catalog is the document catalog about to be written, for
// Options.Catalog.
type Catalog struct {
	// Dict is the catalog: changing it changes the output.
	Dict types.Dict
	// Pages is the number of pages.
	Pages int
	w     *Writer
}

// PageRef returns the reference of page i (from 0), for /P and /Pg entries.
// A number outside the document gives a null reference.
func (c *Catalog) PageRef(i int) types.IndirectRef {
	if i < 0 || i >= c.Pages {
		return ref(0)
	}
	return ref(c.w.pageNum(i))
}

// Add adds o to the document as an indirect object and returns its
// reference. References in o must be ones the Writer gave.
func (c *Catalog) Add(o types.Object) types.IndirectRef { return c.w.add(o) }

// Reserve returns a reference for an object to Put later: objects that
// refer to each other (a structure tree's elements and their parents) are
// given their numbers first.
func (c *Catalog) Reserve() types.IndirectRef { return ref(c.w.alloc()) }

// Put writes o as the object r, a reference Reserve gave.
func (c *Catalog) Put(r types.IndirectRef, o types.Object) { c.w.put(r.ObjectNumber.Value(), o) }

// PutRaw writes b, an object serialised in PDF syntax that is no stream
// (as Raw), as the object r, a reference Reserve gave; b is copied.
func (c *Catalog) PutRaw(r types.IndirectRef, b []byte) { c.w.putRaw(r.ObjectNumber.Value(), b) }

// Catalog and page tree numbers.
const (
	catalogNum = 1
	pagesNum   = 2
)

// NewWriter starts a document written to w with the options o.
func (f *Finisher) NewWriter(w io.Writer, o Options) *Writer {
	fw := &Writer{
		f: f, o: o, next: pagesNum + 1,
		fonts: map[int]int{}, runes: map[int][]rune{}, uses: map[int]bool{},
		images: map[[32]byte]int{}, links: map[int][]Link{},
	}
	fw.scratch, _ = f.scratch.Get().(*scratch)
	if fw.scratch == nil {
		fw.scratch = new(scratch)
	}
	fw.stm.Reset()
	fw.cw = countWriter{w: w, h: sha256.New()}
	fw.out, _ = f.outs.Get().(*bufio.Writer)
	if fw.out == nil {
		fw.out = bufio.NewWriterSize(&fw.cw, 64<<10)
	} else {
		fw.out.Reset(&fw.cw)
	}
	fw.out.WriteString("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
	for i, ft := range o.Fonts {
		fw.runes[i] = ft.Runes
	}
	return fw
}

// SetRunes sets the runes to embed of Options.Fonts[i], in place of its
// Runes: a document learns them as it draws.
func (w *Writer) SetRunes(i int, runes []rune) { w.runes[i] = runes }

// UseFont says that the next part sets text in Options.Fonts[i]: the pass
// puts the font in the part's /Font resources under its Resource name if
// the part does not list it (fpdf does not list the fonts briefing/pdf
// gives it through share.go).
func (w *Writer) UseFont(i int) { w.uses[i] = true }

// fontNum returns the number reserved for Options.Fonts[i].
func (w *Writer) fontNum(i int) int {
	n, ok := w.fonts[i]
	if !ok {
		n = w.alloc()
		w.fonts[i] = n
	}
	return n
}

// Link adds a link annotation to page i (from 0). It must come before the
// part holding page i is added.
func (w *Writer) Link(i int, l Link) {
	switch {
	case i < w.done:
		w.fail(fmt.Errorf("pdf finish: link on page %d, already written", i+1))
		return
	case l.URI == "" && l.Page < 0:
		w.fail(fmt.Errorf("pdf finish: link on page %d to page %d", i+1, l.Page+1))
		return
	}
	w.links[i] = append(w.links[i], l)
}

// Outline sets the document outline, written when the Writer closes.
func (w *Writer) Outline(b []Bookmark) { w.outline = b }

func (w *Writer) fail(err error) {
	if w.err == nil {
		w.err = err
	}
}

// alloc returns a new object number.
func (w *Writer) alloc() int {
	n := w.next
	w.next++
	return n
}

// pageNum returns the object number of page i, reserving it.
func (w *Writer) pageNum(i int) int {
	for len(w.pages) <= i {
		w.pages = append(w.pages, 0)
	}
	if w.pages[i] == 0 {
		w.pages[i] = w.alloc()
	}
	return w.pages[i]
}

func ref(n int) types.IndirectRef { return *types.NewIndirectRef(n, 0) }

// add gives o a number and writes it.
func (w *Writer) add(o types.Object) types.IndirectRef {
	n := w.alloc()
	w.put(n, o)
	return ref(n)
}

// put writes object n: a stream at once (compressed when it has no
// filter), anything else into the object stream being filled, or at once
// without object streams.
func (w *Writer) put(n int, o types.Object) {
	if w.err != nil {
		return
	}
	for len(w.loc) <= n {
		w.loc = append(w.loc, xloc{})
	}
	if sd, ok := o.(types.StreamDict); ok {
		w.loc[n] = xloc{typ: 1, a: uint32(w.cw.n + w.out.Buffered())}
		if err := w.putStream(n, sd); err != nil {
			w.fail(fmt.Errorf("pdf finish: object %d: %w", n, err))
		}
		return
	}
	w.e.b = w.e.b[:0]
	w.e.obj(o)
	w.putBytes(n, w.e.b)
}

// putRaw writes object n, serialised as b.
func (w *Writer) putRaw(n int, b []byte) {
	if w.err != nil {
		return
	}
	for len(w.loc) <= n {
		w.loc = append(w.loc, xloc{})
	}
	w.putBytes(n, b)
}

// putBytes writes object n, serialised as b, into the object stream being
// filled, or at once without object streams.
func (w *Writer) putBytes(n int, b []byte) {
	if w.o.ObjectStreams {
		w.stmHdr = strconv.AppendInt(w.stmHdr, int64(n), 10)
		w.stmHdr = append(w.stmHdr, ' ')
		w.stmHdr = strconv.AppendInt(w.stmHdr, int64(w.stm.Len()), 10)
		w.stmHdr = append(w.stmHdr, ' ')
		w.stm.Write(b)
		w.stm.WriteByte('\n')
		w.loc[n] = xloc{typ: 2, b: uint16(len(w.stmObjs))}
		w.stmObjs = append(w.stmObjs, n)
		if len(w.stmObjs) == maxStm {
			w.flushStm()
		}
		return
	}
	w.loc[n] = xloc{typ: 1, a: uint32(w.cw.n + w.out.Buffered())}
	w.out.WriteString(strconv.Itoa(n))
	w.out.WriteString(" 0 obj\n")
	w.out.Write(b)
	w.out.WriteString("\nendobj\n")
}

// maxStm is the most objects in one object stream.
const maxStm = 4096

// flushStm writes the object stream being filled, if any.
func (w *Writer) flushStm() {
	if len(w.stmObjs) == 0 || w.err != nil {
		return
	}
	sn := w.alloc()
	for _, n := range w.stmObjs {
		w.loc[n].a = uint32(sn)
	}
	first := len(w.stmHdr)
	w.stmHdr = append(w.stmHdr, w.stm.Bytes()...)
	zb := w.f.buffer()
	defer w.f.release(zb)
	if err := w.f.deflate(zb, w.stmHdr); err != nil {
		w.fail(err)
		return
	}
	for len(w.loc) <= sn {
		w.loc = append(w.loc, xloc{})
	}
	w.loc[sn] = xloc{typ: 1, a: uint32(w.cw.n + w.out.Buffered())}
	fmt.Fprintf(w.out, "%d 0 obj\n<</Type /ObjStm /N %d /First %d /Filter /FlateDecode /Length %d>>\nstream\n", sn, len(w.stmObjs), first, zb.Len())
	w.out.Write(zb.Bytes())
	w.out.WriteString("\nendstream\nendobj\n")
	w.stmHdr = w.stmHdr[:0]
	w.stm.Reset()
	w.stmObjs = w.stmObjs[:0]
}

// Close embeds the fonts and writes the outline, the page tree, the
// catalog and the cross-reference section.
func (w *Writer) Close() error {
	if w.err == nil {
		w.fail(w.close())
	}
	return w.err
}

func (w *Writer) close() error {
	if w.out == nil {
		return fmt.Errorf("pdf finish: closed twice")
	}
	if w.done == 0 {
		return fmt.Errorf("pdf finish: no page")
	}
	for _, b := range w.outline {
		if b.Page < 0 || b.Page >= w.done {
			return fmt.Errorf("pdf finish: bookmark %q goes to page %d of %d", b.Title, b.Page+1, w.done)
		}
	}
	if len(w.pages) > w.done {
		return fmt.Errorf("pdf finish: a link goes to page %d of %d", len(w.pages), w.done)
	}
	for i, ft := range w.o.Fonts {
		n, ok := w.fonts[i]
		if !ok {
			continue
		}
		ft.Runes = w.runes[i]
		if err := w.embed(ft, n); err != nil {
			return fmt.Errorf("pdf finish: %w", err)
		}
	}
	cat := w.catalog
	cat["Type"] = types.Name("Catalog")
	cat["Pages"] = ref(pagesNum)
	if ol := w.writeOutline(); ol != 0 {
		cat["Outlines"] = ref(ol)
		cat["PageMode"] = types.Name("UseOutlines")
	}
	if w.o.Lang != "" {
		cat["Lang"] = Text(w.o.Lang)
	}
	if w.o.DisplayDocTitle {
		vp, _ := cat["ViewerPreferences"].(types.Dict)
		if vp == nil {
			vp = types.Dict{}
			cat["ViewerPreferences"] = vp
		}
		vp["DisplayDocTitle"] = types.Boolean(true)
	}
	if w.o.Catalog != nil {
		if err := w.o.Catalog(&Catalog{Dict: cat, Pages: w.done, w: w}); err != nil {
			return fmt.Errorf("pdf finish: %w", err)
		}
	}
	kids := make(types.Array, w.done)
	for i := range kids {
		kids[i] = ref(w.pages[i])
	}
	w.put(pagesNum, types.Dict{"Type": types.Name("Pages"), "Kids": kids, "Count": types.Integer(w.done)})
	w.put(catalogNum, cat)
	w.flushStm()
	if w.err != nil {
		return w.err
	}
	w.xref()
	if err := w.out.Flush(); err != nil {
		w.fail(err)
	}
	w.out.Reset(nil)
	w.f.outs.Put(w.out)
	w.out = nil
	if w.stm.Cap() <= maxPooled {
		w.stmHdr = w.stmHdr[:0]
		w.f.scratch.Put(w.scratch)
	}
	w.scratch = nil
	return w.err
}
