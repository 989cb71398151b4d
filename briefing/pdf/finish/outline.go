package finish

import (
	"math"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

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

// writeOutline writes the outline, every entry open, and returns its
// root's number, 0 when there is none.
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
	parents := make([]int, len(bs))
	last := map[int]int{} // level → the last entry met at it
	for i, b := range bs {
		d := types.Dict{"Title": Text(b.Title), "Dest": w.dest(b.Page, b.Y)}
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
		parents[i] = parent
	}
	// Every entry is open: /Count is the number of its descendants.
	kids := make([]int, len(bs))
	for i := range bs {
		for p := parents[i]; p >= 0; p = parents[p] {
			kids[p]++
		}
	}
	for i, n := range kids {
		if n > 0 {
			dicts[i]["Count"] = types.Integer(n)
		}
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
	w.put(root, types.Dict{"Type": types.Name("Outlines"), "First": ref(nums[first]), "Last": ref(nums[lastTop]), "Count": types.Integer(len(bs))})
	return root
}
