package finish

import (
	"crypto/sha256"
	"fmt"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// part is one part being added: its objects' numbers in the output.
type part struct {
	w     *Writer
	d     *File
	num   map[int]int
	queue []int
}

// Add reads p, a PDF, and writes its pages as the document's next pages,
// with everything they use. After an error, the Writer takes no more.
func (w *Writer) Add(p []byte) error {
	if w.err == nil {
		w.fail(w.addPart(p))
	}
	return w.err
}

func (w *Writer) addPart(p []byte) error {
	if w.out == nil {
		return fmt.Errorf("pdf finish: a part added after Close")
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
			if id, ok := d.Resolve(*d.x.Info).(types.Dict); ok {
				for k, v := range w.o.Info {
					id[k] = v
				}
			}
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
	// The annotations are written anew below, each an indirect object.
	annots, _ := c.d.Resolve(pd["Annots"]).(types.Array)
	delete(pd, "Annots")
	out := c.remap(pd).(types.Dict)
	out["Parent"] = ref(pagesNum)
	pg := &Page{Index: i, Ref: pr, Dict: out, w: w}
	for _, a := range annots {
		ad, _ := c.d.Resolve(a).(types.Dict)
		if ad == nil {
			continue
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
