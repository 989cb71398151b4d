package finish

import (
	"bytes"
	"context"
	"fmt"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

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

// File is a PDF read with pdfcpu: its cross-reference table and the pages
// in order. The Writer reads each part it is given as a File; tests read
// finished files back with it.
type File struct {
	x     *model.XRefTable
	pages []types.IndirectRef
	// nodes are the page tree's inner nodes (the /Pages objects).
	nodes []int
}

// Read parses a PDF into a File.
func Read(in []byte) (d *File, err error) {
	defer func() {
		if e := recover(); e != nil {
			d, err = nil, fmt.Errorf("pdf finish: read: %v", e)
		}
	}()
	ctx, err := pdfcpu.Read(bytes.NewReader(in), conf())
	if err != nil {
		return nil, fmt.Errorf("pdf finish: read: %w", err)
	}
	d = &File{x: ctx.XRefTable}
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

func (d *File) collectPages(o types.Object, depth int) error {
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
	d.nodes = append(d.nodes, ref.ObjectNumber.Value())
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
func (d *File) Resolve(o types.Object) types.Object {
	ref, ok := o.(types.IndirectRef)
	if !ok {
		return o
	}
	return d.object(ref.ObjectNumber.Value())
}

// object returns object n, decoded from its object stream if need be; nil
// when there is none or it cannot be decoded.
func (d *File) object(n int) types.Object {
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

// Catalog returns the document catalog.
func (d *File) Catalog() types.Dict {
	c, _ := d.Resolve(*d.x.Root).(types.Dict)
	return c
}

// NumPages returns the number of pages.
func (d *File) NumPages() int { return len(d.pages) }

// PageRef returns the reference of page i (from 0), for /P and /Pg
// entries.
func (d *File) PageRef(i int) types.IndirectRef { return d.pages[i] }

// Page returns the dictionary of page i (from 0).
func (d *File) Page(i int) types.Dict {
	p, _ := d.Resolve(d.pages[i]).(types.Dict)
	return p
}

// Annots returns the annotations of page i (from 0), in order. In a file
// the pass wrote, each is an indirect object with /P, its page: AnnotRefs
// gives their references.
func (d *File) Annots(i int) []types.Dict {
	var out []types.Dict
	for _, a := range d.annotArray(i) {
		if ad, ok := d.Resolve(a).(types.Dict); ok {
			out = append(out, ad)
		}
	}
	return out
}

// AnnotRefs returns the references of page i's annotations, in order.
func (d *File) AnnotRefs(i int) []types.IndirectRef {
	var out []types.IndirectRef
	for _, a := range d.annotArray(i) {
		if r, ok := a.(types.IndirectRef); ok {
			out = append(out, r)
		}
	}
	return out
}

func (d *File) annotArray(i int) types.Array {
	a, _ := d.Resolve(d.Page(i)["Annots"]).(types.Array)
	return a
}
