package finish

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"fmt"
	"hash"
	"io"
	"math"
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
	e   enc

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
	// stm is the object stream being filled: its objects' numbers and
	// "number offset" pairs.
	stm     bytes.Buffer
	stmHdr  []byte
	stmObjs []int
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

// Link is a link annotation: over Rect (x1 y1 x2 y2, in PDF points from the
// page's lower left corner) to URI, or else to page Page (from 0) at
// height Y (points from the bottom).
type Link struct {
	Rect [4]float64
	URI  string
	Page int
	Y    float64
}

// Bookmark is an entry of the document outline: Title at Level (0 at the
// top; an entry's children follow it one level deeper), going to page Page
// (from 0) at height Y (points from the bottom).
type Bookmark struct {
	Title string
	Level int
	Page  int
	Y     float64
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
func (c *Catalog) PageRef(i int) types.IndirectRef { return ref(c.w.pageNum(i)) }

// Add adds o to the document as an indirect object and returns its
// reference. References in o must be ones the Writer gave.
func (c *Catalog) Add(o types.Object) types.IndirectRef { return c.w.add(o) }

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
	if i < w.done {
		w.fail(fmt.Errorf("pdf finish: link on page %d, already written", i+1))
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

// Pages returns the number of pages written so far.
func (w *Writer) Pages() int { return w.done }

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
	if w.o.ObjectStreams {
		w.stmHdr = strconv.AppendInt(w.stmHdr, int64(n), 10)
		w.stmHdr = append(w.stmHdr, ' ')
		w.stmHdr = strconv.AppendInt(w.stmHdr, int64(w.stm.Len()), 10)
		w.stmHdr = append(w.stmHdr, ' ')
		w.e.b = w.e.b[:0]
		w.e.obj(o)
		w.stm.Write(w.e.b)
		w.stm.WriteByte('\n')
		w.loc[n] = xloc{typ: 2, b: uint16(len(w.stmObjs))}
		w.stmObjs = append(w.stmObjs, n)
		if len(w.stmObjs) == maxStm {
			w.flushStm()
		}
		return
	}
	w.loc[n] = xloc{typ: 1, a: uint32(w.cw.n + w.out.Buffered())}
	w.e.b = append(w.e.b[:0], strconv.Itoa(n)...)
	w.e.b = append(w.e.b, " 0 obj\n"...)
	w.e.obj(o)
	w.e.b = append(w.e.b, "\nendobj\n"...)
	w.out.Write(w.e.b)
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
	body := append(w.stmHdr, w.stm.Bytes()...)
	zb := w.f.buffer()
	defer w.f.release(zb)
	if err := w.f.deflate(zb, body); err != nil {
		w.fail(err)
		return
	}
	for len(w.loc) <= sn {
		w.loc = append(w.loc, xloc{})
	}
	w.loc[sn] = xloc{typ: 1, a: uint32(w.cw.n + w.out.Buffered())}
	fmt.Fprintf(w.out, "%d 0 obj\n<</Type /ObjStm /N %d /First %d /Filter /FlateDecode /Length %d>>\nstream\n", sn, len(w.stmObjs), len(w.stmHdr), zb.Len())
	w.out.Write(zb.Bytes())
	w.out.WriteString("\nendstream\nendobj\n")
	w.stmHdr = body[:0]
	w.stm.Reset()
	w.stmObjs = w.stmObjs[:0]
}

// part is one part being added: its objects' numbers in the output.
type part struct {
	w     *Writer
	d     *Doc
	num   map[int]int
	queue []int
}

// Add reads p, a PDF, and writes its pages as the document's next pages,
// with everything they use.
func (w *Writer) Add(p []byte) error {
	if w.err != nil {
		return w.err
	}
	d, err := Read(p)
	if err != nil {
		return err
	}
	c := &part{w: w, d: d, num: map[int]int{}}
	for _, n := range d.nodes {
		c.num[n] = pagesNum
	}
	for i, pr := range d.pages {
		c.num[pr.ObjectNumber.Value()] = w.pageNum(w.done + i)
	}
	dicts := make([]types.Dict, len(d.pages))
	for i := range d.pages {
		pd, err := c.inherit(i)
		if err != nil {
			return err
		}
		dicts[i] = pd
		c.fonts(pd)
	}
	if w.catalog == nil {
		w.catalog = types.Dict{}
		cat := d.Catalog()
		for _, k := range sortedKeys(cat) {
			switch k {
			case "Type", "Pages", "Outlines", "PageMode":
			default:
				w.catalog[k] = c.remap(cat[k])
			}
		}
		if d.x.Info != nil {
			w.info = c.assign(d.x.Info.ObjectNumber.Value())
		}
	}
	for i, pd := range dicts {
		if err := c.page(w.done+i, pd); err != nil {
			return err
		}
	}
	for len(c.queue) > 0 && w.err == nil {
		n := c.queue[0]
		c.queue = c.queue[1:]
		w.put(c.num[n], c.remap(d.object(n)))
	}
	w.done += len(d.pages)
	clear(w.uses)
	w.flushStm()
	return w.err
}

// inherit returns a copy of page i's dictionary with the attributes it
// inherits from the page tree.
func (c *part) inherit(i int) (types.Dict, error) {
	p := c.d.Page(i)
	if p == nil {
		return nil, fmt.Errorf("pdf finish: page %d is not a dictionary", c.w.done+i+1)
	}
	out := make(types.Dict, len(p)+2)
	for k, v := range p {
		out[k] = v
	}
	node := p
	for depth := 0; depth < 32 && node != nil; depth++ {
		for _, k := range [...]string{"MediaBox", "CropBox", "Resources", "Rotate"} {
			if _, has := out[k]; !has && node[k] != nil {
				out[k] = node[k]
			}
		}
		node, _ = c.d.Resolve(node["Parent"]).(types.Dict)
	}
	return out, nil
}

// fonts points the fonts of page dictionary pd's resources that
// Options.Fonts replace at the numbers reserved for them, and adds those
// the part uses (UseFont) but does not list.
func (c *part) fonts(pd types.Dict) {
	res, _ := c.d.Resolve(pd["Resources"]).(types.Dict)
	if res == nil {
		res = types.Dict{}
		pd["Resources"] = res
	}
	fd, _ := c.d.Resolve(res["Font"]).(types.Dict)
	if fd == nil {
		fd = types.Dict{}
		res["Font"] = fd
	}
	for _, k := range sortedKeys(fd) {
		// fpdf's fonts are indirect objects; a direct one stays.
		r, isRef := fd[k].(types.IndirectRef)
		if !isRef {
			continue
		}
		for i, ft := range c.w.o.Fonts {
			if ft.Resource == k || ft.Resource == "" && c.isFont(r, ft.Replaces) {
				c.num[r.ObjectNumber.Value()] = c.w.fontNum(i)
				break
			}
		}
	}
	for i, ft := range c.w.o.Fonts {
		if _, has := fd[ft.Resource]; has || ft.Resource == "" || !c.w.uses[i] {
			continue
		}
		// A number the part does not use stands for the font.
		n := *c.d.x.Size + i
		fd[ft.Resource] = ref(n)
		c.num[n] = c.w.fontNum(i)
	}
}

// isFont reports whether r is a font whose /BaseFont is name.
func (c *part) isFont(r types.IndirectRef, name string) bool {
	d, _ := c.d.Resolve(r).(types.Dict)
	return name != "" && d["BaseFont"] == types.Name(name)
}

// page writes page i, dictionary pd, with its annotations.
func (c *part) page(i int, pd types.Dict) error {
	w := c.w
	pr := ref(w.pageNum(i))
	out := c.remap(pd).(types.Dict)
	out["Parent"] = ref(pagesNum)
	pg := &Page{Index: i, Ref: pr, Dict: out, w: w}
	annots, _ := c.d.Resolve(pd["Annots"]).(types.Array)
	for _, a := range annots {
		ad, _ := c.d.Resolve(a).(types.Dict)
		if ad == nil {
			continue
		}
		if r, isRef := a.(types.IndirectRef); isRef {
			// An indirect annotation is written in place of the part's.
			delete(c.num, r.ObjectNumber.Value())
		}
		x := c.remap(ad).(types.Dict)
		if _, has := x["P"]; !has {
			x["P"] = pr
		}
		pg.Annots = append(pg.Annots, x)
	}
	for _, l := range w.links[i] {
		pg.Annots = append(pg.Annots, w.link(l, pr))
	}
	delete(w.links, i)
	pg.AnnotRefs = make([]types.IndirectRef, len(pg.Annots))
	arr := make(types.Array, len(pg.Annots))
	for j := range pg.Annots {
		pg.AnnotRefs[j] = ref(w.alloc())
		arr[j] = pg.AnnotRefs[j]
	}
	delete(out, "Annots")
	if len(arr) > 0 {
		out["Annots"] = arr
	}
	if w.o.Page != nil {
		if err := w.o.Page(pg); err != nil {
			return fmt.Errorf("pdf finish: %w", err)
		}
	}
	for j, a := range pg.Annots {
		w.put(pg.AnnotRefs[j].ObjectNumber.Value(), a)
	}
	w.put(pr.ObjectNumber.Value(), out)
	return w.err
}

// link makes the annotation of l on page pr.
func (w *Writer) link(l Link, pr types.IndirectRef) types.Dict {
	rect := make(types.Array, 4)
	for i, v := range l.Rect {
		rect[i] = types.Float(round2(v))
	}
	a := types.Dict{
		"Type": types.Name("Annot"), "Subtype": types.Name("Link"), "Rect": rect,
		"Border": types.Array{types.Integer(0), types.Integer(0), types.Integer(0)}, "P": pr,
	}
	if l.URI != "" {
		a["A"] = types.Dict{"S": types.Name("URI"), "URI": Text(l.URI)}
	} else {
		a["Dest"] = w.dest(l.Page, l.Y)
	}
	return a
}

// dest is a destination: page i at height y, the left edge, the zoom as is.
func (w *Writer) dest(i int, y float64) types.Array {
	return types.Array{ref(w.pageNum(i)), types.Name("XYZ"), types.Integer(0), types.Float(round2(y)), nil}
}

func round2(v float64) float64 { return math.Round(v*100) / 100 }

// assign returns the output number of the part's object n, giving it one
// and queueing the object when it is new; 0 for a dangling reference. An
// image met before (the same bytes) keeps its first number.
func (c *part) assign(n int) int {
	if m, ok := c.num[n]; ok {
		return m
	}
	o := c.d.object(n)
	if o == nil {
		return 0
	}
	var key [32]byte
	sd, isImage := o.(types.StreamDict)
	if isImage {
		isImage = sd.Dict["Subtype"] == types.Name("Image") && sd.Dict["SMask"] == nil
	}
	if isImage {
		h := sha256.New()
		e := enc{}
		e.obj(sd.Dict)
		h.Write(e.b)
		h.Write(sd.Raw)
		h.Sum(key[:0])
		if m, ok := c.w.images[key]; ok {
			c.num[n] = m
			return m
		}
	}
	m := c.w.alloc()
	c.num[n] = m
	c.queue = append(c.queue, n)
	if isImage {
		c.w.images[key] = m
	}
	return m
}

// remap copies o with the part's references turned into output ones.
func (c *part) remap(o types.Object) types.Object {
	switch o := o.(type) {
	case types.IndirectRef:
		return ref(c.assign(o.ObjectNumber.Value()))
	case types.Dict:
		out := make(types.Dict, len(o))
		for _, k := range sortedKeys(o) {
			out[k] = c.remap(o[k])
		}
		return out
	case types.Array:
		out := make(types.Array, len(o))
		for i, x := range o {
			out[i] = c.remap(x)
		}
		return out
	case types.StreamDict:
		o.Dict = c.remap(o.Dict).(types.Dict)
		return o
	}
	return o
}

// Close embeds the fonts and writes the outline, the page tree, the
// catalog and the cross-reference section.
func (w *Writer) Close() error {
	if w.err != nil {
		return w.err
	}
	if w.done == 0 {
		return fmt.Errorf("pdf finish: no page")
	}
	if len(w.pages) > w.done {
		return fmt.Errorf("pdf finish: a link or bookmark goes to page %d of %d", len(w.pages), w.done)
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
	return w.err
}

// writeOutline writes the outline (as fpdf does: every entry closed) and
// returns its root's number, 0 when there is none.
func (w *Writer) writeOutline() int {
	bs := w.outline
	if len(bs) == 0 {
		return 0
	}
	root := w.alloc()
	nums := make([]int, len(bs))
	for i := range bs {
		nums[i] = w.alloc()
	}
	dicts := make([]types.Dict, len(bs))
	last := map[int]int{} // level → the last entry met at it
	for i, b := range bs {
		d := types.Dict{"Title": Text(b.Title), "Dest": w.dest(b.Page, b.Y), "Count": types.Integer(0)}
		parent := -1
		if b.Level > 0 {
			if p, ok := last[b.Level-1]; ok {
				parent = p
			}
		}
		if parent >= 0 {
			d["Parent"] = ref(nums[parent])
			if dicts[parent]["First"] == nil {
				dicts[parent]["First"] = ref(nums[i])
			}
			dicts[parent]["Last"] = ref(nums[i])
		} else {
			d["Parent"] = ref(root)
		}
		if p, ok := last[b.Level]; ok && dicts[p]["Parent"] == d["Parent"] {
			dicts[p]["Next"] = ref(nums[i])
			d["Prev"] = ref(nums[p])
		}
		for l := range last {
			if l > b.Level {
				delete(last, l)
			}
		}
		last[b.Level] = i
		dicts[i] = d
	}
	first, lastTop := -1, -1
	for i, d := range dicts {
		if d["Parent"] == ref(root) {
			if first < 0 {
				first = i
			}
			lastTop = i
		}
		w.put(nums[i], d)
	}
	w.put(root, types.Dict{"Type": types.Name("Outlines"), "First": ref(nums[first]), "Last": ref(nums[lastTop])})
	return root
}

// xref writes the cross-reference section and the trailer; the /ID is a
// hash of everything before it.
func (w *Writer) xref() {
	size := w.next
	for len(w.loc) < size {
		w.loc = append(w.loc, xloc{})
	}
	info := ""
	if w.info != 0 {
		info = fmt.Sprintf("/Info %d 0 R ", w.info)
	}
	if !w.o.ObjectStreams {
		w.out.Flush()
		id := fileID(w.cw.h)
		at := w.cw.n
		fmt.Fprintf(w.out, "xref\n0 %d\n0000000000 65535 f \n", size)
		for n := 1; n < size; n++ {
			if w.loc[n].typ == 1 {
				fmt.Fprintf(w.out, "%010d 00000 n \n", w.loc[n].a)
			} else {
				w.out.WriteString("0000000000 65535 f \n")
			}
		}
		fmt.Fprintf(w.out, "trailer\n<</Size %d /Root %d 0 R %s/ID [<%s> <%s>]>>\nstartxref\n%d\n%%%%EOF\n", size, catalogNum, info, id, id, at)
		return
	}
	xn := w.alloc()
	size = xn + 1
	w.out.Flush()
	id := fileID(w.cw.h)
	at := w.cw.n
	rows := make([]byte, 0, 7*size)
	for n := 0; n < size; n++ {
		l := xloc{typ: 0, b: 0xffff}
		switch {
		case n == xn:
			l = xloc{typ: 1, a: uint32(at)}
		case n > 0 && n < len(w.loc) && w.loc[n].typ != 0:
			l = w.loc[n]
		}
		rows = append(rows, l.typ, byte(l.a>>24), byte(l.a>>16), byte(l.a>>8), byte(l.a), byte(l.b>>8), byte(l.b))
	}
	zb := w.f.buffer()
	defer w.f.release(zb)
	if err := w.f.deflate(zb, rows); err != nil {
		w.fail(err)
		return
	}
	fmt.Fprintf(w.out, "%d 0 obj\n<</Type /XRef /Size %d /W [1 4 2] /Root %d 0 R %s/ID [<%s> <%s>] /Filter /FlateDecode /Length %d>>\nstream\n", xn, size, catalogNum, info, id, id, zb.Len())
	w.out.Write(zb.Bytes())
	fmt.Fprintf(w.out, "\nendstream\nendobj\nstartxref\n%d\n%%%%EOF\n", at)
}
