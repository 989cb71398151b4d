package finish

import (
	"bytes"
	"context"
	"encoding/hex"
	"fmt"
	"io"
	"strings"
	"sync"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
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
	// and runes), and put in the pages' /Font resources (see Font).
	Fonts []Font
	// ObjectStreams packs every object that is not a stream into one
	// compressed object stream, with a cross-reference stream (PDF 1.5):
	// smaller files for the same content.
	ObjectStreams bool
	// Edit, when set, is called after the pass's own changes and before
	// writing: the hook through which tagged PDF adds its entries to the
	// catalog, the pages and the annotations. An error stops the pass.
	Edit func(*Doc) error
}

// Finisher runs the finishing pass. It keeps zlib writers for reuse, so
// make one per process and share it: it is safe for concurrent use.
type Finisher struct {
	zw   sync.Pool // *zlib.Writer
	bufs sync.Pool // *bytes.Buffer
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
func New() *Finisher { return &Finisher{} }

// Finish reads the PDF in, applies o and writes the result to w. Nothing
// is written when it fails.
func (f *Finisher) Finish(w io.Writer, in []byte, o Options) error {
	d, err := Read(in)
	if err != nil {
		return err
	}
	if err := d.finish(o); err != nil {
		return err
	}
	buf := f.buffer()
	defer f.release(buf)
	buf.Grow(len(in) + 64<<10)
	if err := f.write(buf, d, o.ObjectStreams); err != nil {
		return err
	}
	_, err = w.Write(buf.Bytes())
	return err
}

// conf is pdfcpu's configuration for reading: built here rather than with
// model.NewDefaultConfiguration, which reads and writes a configuration
// folder in the user's home.
func conf() *model.Configuration {
	return &model.Configuration{
		Reader15:         true,
		ValidationMode:   model.ValidationRelaxed,
		Eol:              types.EolLF,
		TimestampFormat:  "2006-01-02 15:04",
		DateFormat:       "2006-01-02",
		Limits:           model.DefaultResourceLimits(),
		CheckFileNameExt: false,
	}
}

// Doc is a document in the pass: pdfcpu's cross-reference table and the
// pages in order. Dicts it returns are the document's own: changing them
// changes the output.
type Doc struct {
	x     *model.XRefTable
	pages []types.IndirectRef
}

// Read parses a PDF into a Doc.
func Read(in []byte) (d *Doc, err error) {
	defer func() {
		if e := recover(); e != nil {
			d, err = nil, fmt.Errorf("pdf finish: read: %v", e)
		}
	}()
	ctx, err := pdfcpu.Read(bytes.NewReader(in), conf())
	if err != nil {
		return nil, fmt.Errorf("pdf finish: read: %w", err)
	}
	d = &Doc{x: ctx.XRefTable}
	if d.x.Root == nil {
		return nil, fmt.Errorf("pdf finish: no catalog")
	}
	cat := d.Catalog()
	if cat == nil {
		return nil, fmt.Errorf("pdf finish: no catalog")
	}
	if err := d.collectPages(cat["Pages"], 0); err != nil {
		return nil, err
	}
	return d, nil
}

func (d *Doc) collectPages(o types.Object, depth int) error {
	if depth > 32 {
		return fmt.Errorf("pdf finish: page tree too deep")
	}
	ref, ok := o.(types.IndirectRef)
	if !ok {
		return fmt.Errorf("pdf finish: page tree node is not an indirect object")
	}
	n, _ := d.Resolve(ref).(types.Dict)
	if n == nil {
		return fmt.Errorf("pdf finish: page tree node %d is not a dictionary", ref.ObjectNumber)
	}
	if t, _ := n["Type"].(types.Name); t == "Page" {
		d.pages = append(d.pages, ref)
		return nil
	}
	kids, _ := d.Resolve(n["Kids"]).(types.Array)
	for _, k := range kids {
		if err := d.collectPages(k, depth+1); err != nil {
			return err
		}
	}
	return nil
}

// Resolve returns the object o refers to, or o itself when it is not a
// reference; nil for a dangling reference.
func (d *Doc) Resolve(o types.Object) types.Object {
	ref, ok := o.(types.IndirectRef)
	if !ok {
		return o
	}
	return d.object(ref.ObjectNumber.Value())
}

// object returns object n, decoded from its object stream if need be; nil
// when there is none or it cannot be decoded.
func (d *Doc) object(n int) types.Object {
	e, ok := d.x.Table[n]
	if !ok || e.Free {
		return nil
	}
	if l, ok := e.Object.(types.LazyObjectStreamObject); ok {
		o, err := l.DecodedObject(context.Background())
		if err != nil {
			return nil
		}
		e.Object = o
	}
	return e.Object
}

// Add adds o to the document as an indirect object and returns its
// reference. Objects not reachable from the catalog when the pass writes
// are dropped.
func (d *Doc) Add(o types.Object) types.IndirectRef {
	n := *d.x.Size
	d.x.Table[n] = model.NewXRefTableEntryGen0(o)
	*d.x.Size++
	return *types.NewIndirectRef(n, 0)
}

// Catalog returns the document catalog.
func (d *Doc) Catalog() types.Dict {
	c, _ := d.Resolve(*d.x.Root).(types.Dict)
	return c
}

// NumPages returns the number of pages.
func (d *Doc) NumPages() int { return len(d.pages) }

// PageRef returns the reference of page i (from 0), for /P and /Pg
// entries.
func (d *Doc) PageRef(i int) types.IndirectRef { return d.pages[i] }

// Page returns the dictionary of page i (from 0).
func (d *Doc) Page(i int) types.Dict {
	p, _ := d.Resolve(d.pages[i]).(types.Dict)
	return p
}

// Annots returns the annotations of page i (from 0), in order. After the
// pass's own step each is an indirect object with /P, its page: AnnotRefs
// gives their references.
func (d *Doc) Annots(i int) []types.Dict {
	var out []types.Dict
	for _, a := range d.annotArray(i) {
		if ad, ok := d.Resolve(a).(types.Dict); ok {
			out = append(out, ad)
		}
	}
	return out
}

// AnnotRefs returns the references of page i's annotations, in order.
func (d *Doc) AnnotRefs(i int) []types.IndirectRef {
	var out []types.IndirectRef
	for _, a := range d.annotArray(i) {
		if r, ok := a.(types.IndirectRef); ok {
			out = append(out, r)
		}
	}
	return out
}

func (d *Doc) annotArray(i int) types.Array {
	a, _ := d.Resolve(d.Page(i)["Annots"]).(types.Array)
	return a
}

// Text returns s as a PDF text string: a literal in PDFDocEncoding's ASCII
// range, otherwise UTF-16BE with a byte order mark.
func Text(s string) types.Object {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 || s[i] < 0x20 {
			ascii = false
			break
		}
	}
	if !ascii {
		return types.HexLiteral(strings.ToUpper(hex.EncodeToString([]byte(types.EncodeUTF16String(s)))))
	}
	r := strings.NewReplacer(`\`, `\\`, `(`, `\(`, `)`, `\)`)
	return types.StringLiteral(r.Replace(s))
}

// finish applies the pass's own changes, then o.Edit.
func (d *Doc) finish(o Options) error {
	for i := range d.pages {
		p := d.Page(i)
		if p == nil {
			return fmt.Errorf("pdf finish: page %d is not a dictionary", i+1)
		}
		a, _ := d.Resolve(p["Annots"]).(types.Array)
		if len(a) == 0 {
			continue
		}
		out := make(types.Array, len(a))
		for j, x := range a {
			if ad, ok := x.(types.Dict); ok {
				if _, has := ad["P"]; !has {
					ad["P"] = d.pages[i]
				}
				out[j] = d.Add(ad)
			} else {
				out[j] = x
			}
		}
		p["Annots"] = out
	}
	if err := d.embedFonts(o.Fonts); err != nil {
		return err
	}
	cat := d.Catalog()
	if o.Lang != "" {
		cat["Lang"] = Text(o.Lang)
	}
	if o.DisplayDocTitle {
		vp, _ := d.Resolve(cat["ViewerPreferences"]).(types.Dict)
		if vp == nil {
			vp = types.Dict{}
			cat["ViewerPreferences"] = vp
		}
		vp["DisplayDocTitle"] = types.Boolean(true)
	}
	if o.Edit != nil {
		if err := o.Edit(d); err != nil {
			return fmt.Errorf("pdf finish: %w", err)
		}
	}
	return nil
}
