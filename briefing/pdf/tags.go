package pdf

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"

	"briefing/briefing/layout"
	"briefing/briefing/pdf/finish"
)

// Tagged PDF takes three parts:
//
//   - while fpdf draws, each mark of a page is wrapped in marked content
//     through fpdf's public RawWriteStr: a run of marks of one logical
//     element is one sequence "/P <</MCID n>> BDC … EMC", numbered from 0
//     on each page; a list's bullet (a disc) is "/Lbl <</MCID n>> BDC …
//     EMC", the label of the item whose text follows it; decoration is
//     "/Artifact BMC … EMC" and the running
//     header and footer pagination artifacts ("/Artifact <</Type
//     /Pagination /Subtype /Header>> BDC … EMC"); the tagger records the
//     element of each MCID and of each link;
//   - the finishing pass's Page hook gives each page /StructParents and
//     /Tabs /S, and each link annotation /StructParent, /Contents (its
//     text) and /F 4 (printed, as PDF/A wants);
//   - its Catalog hook writes the structure tree from the layout's
//     elements (Paged.Elems, parents and roles), in the order their marks
//     were drawn, the ParentTree, /MarkInfo, and the XMP metadata and
//     sRGB output intent (meta.go).

// tagger is the tagging state of one document.
type tagger struct {
	// open is what the sequence being written marks: an element (≥ 1), an
	// artifact (below 0), or nothing (0); mcid counts the page's MCIDs.
	open int
	mcid int
	// pages are, for each page, the element of each MCID (minus the list
	// item's, for a bullet: the item's Lbl); links the element of each
	// link annotation added to the page, in order. lbl is the MCID of a
	// bullet whose list item is not drawn yet, -1 for none.
	pages [][]int32
	links [][]int32
	lbl   int
	// text is the text of the elements a link may need for its /Contents
	// (links and contents entries).
	text map[int]*strings.Builder
	// figs are the paragraphs that start with a number (nil for one seen
	// that does not): a key figure, its value set larger than its label,
	// gets an /ActualText that reads as a sentence, "25 million: people
	// estimated…".
	figs map[int]*figure
	// keys are, for each page, its /StructParents key and then its links'
	// /StructParent keys; annots the links' references; next the next key.
	keys   [][]int
	annots [][]types.IndirectRef
	next   int
}

// Artifact kinds of the sequence being written (tagger.open).
const (
	openLayout = -1 - iota
	openHeader
	openFooter
	// openLbl is a list bullet: the Lbl of the list item drawn next.
	openLbl
)

// artifactOps are the operators that start each kind of artifact.
var artifactOps = map[int]string{
	openLayout: "/Artifact BMC",
	openHeader: "/Artifact <</Type /Pagination /Subtype /Header>> BDC",
	openFooter: "/Artifact <</Type /Pagination /Subtype /Footer>> BDC",
}

// figure is a paragraph that may be a key figure: the size of its first
// line, its text so far and whether a smaller line followed.
type figure struct {
	size  float64
	text  strings.Builder
	label bool
}

func newTagger() *tagger {
	return &tagger{text: map[int]*strings.Builder{}, figs: map[int]*figure{}, lbl: -1}
}

// figure follows text box b of a paragraph for its key figure's text.
func (t *tagger) figure(b *layout.Box) {
	f, seen := t.figs[b.Elem]
	switch {
	case !seen:
		if strings.ContainsAny(b.Text, "0123456789") {
			f = &figure{size: b.Size}
			f.text.WriteString(strings.TrimSpace(b.Text))
		}
		t.figs[b.Elem] = f
		return
	case f == nil:
		return
	case !f.label && b.Size < f.size:
		f.label = true
		f.text.WriteString(": ")
	case !f.label:
		// A second line the size of the first: a paragraph, not a key
		// figure; its text is let go.
		t.figs[b.Elem] = nil
		return
	default:
		f.text.WriteByte(' ')
	}
	f.text.WriteString(strings.TrimSpace(b.Text))
}

// actualText is element e's /ActualText: a key figure's sentence.
func (t *tagger) actualText(e int) string {
	if f := t.figs[e]; f != nil && f.label {
		return f.text.String()
	}
	return ""
}

// startPage starts a page.
func (t *tagger) startPage() {
	t.pages = append(t.pages, nil)
	t.links = append(t.links, nil)
	t.open, t.mcid, t.lbl = 0, 0, -1
}

// mark returns the operators that start the marked content of b on a
// page h mm high, closing the sequence before when b starts another: ""
// when b goes on the sequence being written.
func (t *tagger) mark(b *layout.Box, h float64) string {
	want := openLayout
	switch {
	case b.Kind == layout.Circle && b.Elem == 0:
		// A bullet (the layout draws no other disc): its list item's
		// label, known when the item's text comes.
		want = openLbl
	case b.Elem > 0 && b.Role != layout.Artifact:
		want = b.Elem
		if t.lbl >= 0 && b.Role == layout.ListItem {
			i := len(t.pages) - 1
			t.pages[i][t.lbl] = -int32(b.Elem)
			t.lbl = -1
		}
		if b.Kind == layout.Text && b.Role == layout.P {
			t.figure(b)
		}
		if b.Kind == layout.Text && (b.Role == layout.Link || b.Role == layout.TOCEntry) {
			sb := t.text[b.Elem]
			if sb == nil {
				sb = new(strings.Builder)
				t.text[b.Elem] = sb
			}
			if sb.Len() > 0 {
				sb.WriteByte(' ')
			}
			sb.WriteString(strings.TrimSpace(b.Text))
		}
	case b.Kind == layout.Text && b.Y+b.H/2 < h/2:
		want = openHeader
	case b.Kind == layout.Text:
		want = openFooter
	}
	if want == t.open {
		return ""
	}
	ops := t.end()
	t.open = want
	tag := tagName(b.Role)
	switch {
	case want == openLbl:
		// Its element is set when the item's text comes (0, the
		// document, if none does).
		t.lbl, want, tag = t.mcid, 0, "Lbl"
		t.open = openLbl
	case want < 0:
		return ops + artifactOps[want]
	}
	i := len(t.pages) - 1
	t.pages[i] = append(t.pages[i], int32(want))
	s := ops + "/" + tag + " <</MCID " + strconv.Itoa(t.mcid) + ">> BDC"
	t.mcid++
	return s
}

// end returns the operator that ends the sequence being written, if any,
// and a line break after it.
func (t *tagger) end() string {
	if t.open == 0 {
		return ""
	}
	t.open = 0
	return "EMC\n"
}

// link records a link annotation of element e on the page being drawn.
func (t *tagger) link(e int) {
	i := len(t.links) - 1
	t.links[i] = append(t.links[i], int32(e))
}

// tagName is the structure type of role r's marked content.
func tagName(r layout.Role) string {
	switch r {
	case layout.Title:
		return "H1"
	case layout.ListItem:
		return "LBody"
	}
	return r.String()
}

// page is the finishing pass's Page hook: page p's /StructParents and
// /Tabs, its links' /StructParent, /Contents and /F.
func (t *tagger) page(p *finish.Page) error {
	i := p.Index
	if i >= len(t.pages) {
		return fmt.Errorf("tags: page %d was not drawn", i+1)
	}
	links := t.links[i]
	if len(p.Annots) < len(links) {
		return fmt.Errorf("tags: page %d has %d annotations for %d links", i+1, len(p.Annots), len(links))
	}
	for len(t.keys) <= i {
		t.keys = append(t.keys, nil)
		t.annots = append(t.annots, nil)
	}
	keys := []int{t.next}
	t.next++
	p.Dict["StructParents"] = types.Integer(keys[0])
	p.Dict["Tabs"] = types.Name("S")
	// The pass adds the links after any annotation of the part's own.
	first := len(p.Annots) - len(links)
	for j, e := range links {
		a := p.Annots[first+j]
		a["StructParent"] = types.Integer(t.next)
		a["F"] = types.Integer(4)
		if sb := t.text[int(e)]; sb != nil && sb.Len() > 0 {
			a["Contents"] = finish.Text(sb.String())
		} else if act, ok := a["A"].(types.Dict); ok && act["URI"] != nil {
			a["Contents"] = act["URI"]
		}
		keys = append(keys, t.next)
		t.next++
	}
	t.keys[i] = keys
	t.annots[i] = p.AnnotRefs[first:]
	return nil
}

// node is a structure element being built.
type node struct {
	typ    string
	parent int // index in tree.nodes; -1 for the document
	page   int // the page of its first content, -1 before
	alt    string
	actual string // its /ActualText, for a node that is no layout element
	id     string
	kids   []kid
	placed bool
}

// kid is a structure element's child: another element (node ≥ 0), a
// marked-content sequence (page, mcid), or a link annotation (annot).
type kid struct {
	node  int
	page  int
	mcid  int
	annot types.IndirectRef
}

// elemLangs is the /Lang of each element: its own language when it has one
// (a translation's fallback text, which a screen reader reads in that
// language), and the document's, lang, where its text would otherwise
// take the one of an element it is part of (a quote's attribution under a
// quote left in English); "" where it reads in the language around it.
func elemLangs(elems []layout.Elem, lang string) []string {
	out := make([]string, len(elems))
	eff := make([]string, len(elems)) // the language each reads in, "" the document's
	for i, el := range elems {
		around := ""
		if i > 0 && el.Parent < i {
			around = eff[el.Parent]
		}
		switch {
		case el.Lang != "" && el.Lang != around:
			out[i], eff[i] = el.Lang, el.Lang
		case el.Lang == "" && around != "":
			out[i] = lang
		default:
			eff[i] = around
		}
	}
	return out
}

// tree builds the structure tree of a document from its elements.
type tree struct {
	elems []layout.Elem
	nodes []node
	// holder is, by element, the node its content and children go in:
	// its own, or the LBody of a list item, or the Link inside a contents
	// entry that links.
	holder []int
	notes  int
}

func newTree(elems []layout.Elem, linked map[int]bool) *tree {
	tr := &tree{elems: elems, nodes: make([]node, len(elems)), holder: make([]int, len(elems))}
	for e, el := range elems {
		n := &tr.nodes[e]
		n.typ, n.parent, n.page, n.alt = tagName(el.Role), el.Parent, -1, el.Alt
		if e == 0 {
			n.typ, n.parent = "Document", -1
		}
		if el.Role == layout.Note {
			tr.notes++
			n.id = fmt.Sprintf("note-%d", tr.notes)
		}
		tr.holder[e] = e
		inner := ""
		switch {
		case el.Role == layout.ListItem:
			n.typ, inner = "LI", "LBody"
		case el.Role == layout.TOCEntry && linked[e]:
			inner = "Link"
		}
		if inner != "" {
			tr.nodes = append(tr.nodes, node{typ: inner, parent: e, page: -1})
			tr.holder[e] = len(tr.nodes) - 1
		}
	}
	// An inner node's parent is its element's node, placed with it.
	return tr
}

// place puts element e's node (and its ancestors') in its parent, once.
func (tr *tree) place(e, page int) {
	n := &tr.nodes[e]
	if n.placed {
		return
	}
	n.placed = true
	if n.page < 0 {
		n.page = page
	}
	if h := tr.holder[e]; h != e {
		tr.nodes[h].placed, tr.nodes[h].page = true, page
		n.kids = append(n.kids, kid{node: h})
	}
	if e == 0 {
		return
	}
	p := n.parent
	if p < 0 || p >= len(tr.elems) || p == e {
		p = 0
	}
	tr.nodes[e].parent = tr.holder[p]
	tr.place(p, page)
	h := &tr.nodes[tr.holder[p]]
	h.kids = append(h.kids, kid{node: e})
}

// valid is e, or 0 (the document) for a number that is no element.
func (tr *tree) valid(e int) int {
	if e <= 0 || e >= len(tr.elems) {
		return 0
	}
	return e
}

// content adds a child of element e on page and returns the node holding
// it.
func (tr *tree) content(e, page int, k kid) int {
	e = tr.valid(e)
	tr.place(e, page)
	h := tr.holder[e]
	tr.nodes[h].kids = append(tr.nodes[h].kids, k)
	return h
}

// label adds list item e's Lbl, holding k (its bullet), before its LBody,
// and returns the Lbl's node.
func (tr *tree) label(e, page int, k kid) int {
	e = tr.valid(e)
	tr.place(e, page)
	l := len(tr.nodes)
	// The bullet is a disc, drawn: it reads as the character it shows.
	tr.nodes = append(tr.nodes, node{typ: "Lbl", parent: e, page: page, actual: "\u2022", placed: true, kids: []kid{k}})
	n := &tr.nodes[e]
	n.kids = append([]kid{{node: l}}, n.kids...)
	return l
}

// catalog is the finishing pass's Catalog hook: it writes the structure
// tree of a document whose elements are elems.
func (t *tagger) catalog(c *finish.Catalog, elems []layout.Elem, lang string) error {
	langs := elemLangs(elems, lang)
	linked := map[int]bool{}
	for _, ls := range t.links {
		for _, e := range ls {
			linked[int(e)] = true
		}
	}
	tr := newTree(elems, linked)
	// parents are, by page, the node holding each MCID.
	parents := make([][]int, len(t.pages))
	for p, ms := range t.pages {
		parents[p] = make([]int, len(ms))
		for m, e := range ms {
			k := kid{node: -1, page: p, mcid: m}
			if e < 0 {
				parents[p][m] = tr.label(int(-e), p, k)
				continue
			}
			parents[p][m] = tr.content(int(e), p, k)
		}
	}
	annotParents := make([][]int, len(t.links))
	for p, ls := range t.links {
		if p >= len(t.annots) {
			return fmt.Errorf("tags: page %d was not written", p+1)
		}
		for j, e := range ls {
			k := kid{node: -1, page: p, annot: t.annots[p][j]}
			if h := tr.holder[tr.valid(int(e))]; tr.nodes[h].typ != "Link" {
				// A link outside a Link element (in page furniture) gets a
				// Link of its own: PDF/UA wants every link in one.
				tr.content(int(e), p, kid{node: len(tr.nodes)})
				tr.nodes = append(tr.nodes, node{typ: "Link", parent: h, page: p, placed: true, kids: []kid{k}})
				annotParents[p] = append(annotParents[p], len(tr.nodes)-1)
				continue
			}
			annotParents[p] = append(annotParents[p], tr.content(int(e), p, k))
		}
	}
	root := c.Reserve()
	refs := make([]types.IndirectRef, len(tr.nodes))
	for i := range tr.nodes {
		if tr.nodes[i].placed || i == 0 {
			refs[i] = c.Reserve()
		}
	}
	var ids types.Array
	var buf []byte
	for i := range tr.nodes {
		n := &tr.nodes[i]
		if !n.placed && i != 0 {
			continue
		}
		// <</Type /StructElem /S /P /P 9 0 R /Pg 4 0 R /K [0 1 10 0 R]>>,
		// written as bytes: a document has an element per paragraph.
		buf = append(buf[:0], "<</Type /StructElem /S /"...)
		buf = append(buf, n.typ...)
		buf = append(buf, " /P "...)
		if n.parent < 0 {
			buf = appendRef(buf, root)
		} else {
			buf = appendRef(buf, refs[n.parent])
		}
		if n.page >= 0 {
			buf = appendRef(append(buf, " /Pg "...), c.PageRef(n.page))
		}
		if n.alt != "" {
			buf = finish.AppendText(append(buf, " /Alt "...), n.alt)
		}
		if i < len(elems) {
			if l := langs[i]; l != "" {
				buf = finish.AppendText(append(buf, " /Lang "...), l)
			}
		}
		if i < len(elems) {
			if s := t.actualText(i); s != "" {
				buf = finish.AppendText(append(buf, " /ActualText "...), s)
			}
		} else if n.actual != "" {
			buf = finish.AppendText(append(buf, " /ActualText "...), n.actual)
		}
		if n.id != "" {
			buf = append(buf, " /ID ("...)
			buf = append(buf, n.id...)
			buf = append(buf, ')')
			ids = append(ids, types.StringLiteral(n.id), refs[i])
		}
		buf = append(buf, " /K ["...)
		for j, x := range n.kids {
			if j > 0 {
				buf = append(buf, ' ')
			}
			switch {
			case x.node >= 0:
				buf = appendRef(buf, refs[x.node])
			case x.annot.ObjectNumber.Value() > 0:
				buf = append(buf, "<</Type /OBJR /Obj "...)
				buf = appendRef(buf, x.annot)
				buf = append(buf, " /Pg "...)
				buf = append(appendRef(buf, c.PageRef(x.page)), ">>"...)
			case x.page == n.page:
				buf = strconv.AppendInt(buf, int64(x.mcid), 10)
			default:
				buf = append(buf, "<</Type /MCR /Pg "...)
				buf = appendRef(buf, c.PageRef(x.page))
				buf = append(buf, " /MCID "...)
				buf = append(strconv.AppendInt(buf, int64(x.mcid), 10), ">>"...)
			}
		}
		buf = append(buf, "]>>"...)
		c.PutRaw(refs[i], buf)
	}
	// The parent tree, as bytes too: <</Nums [0 56 0 R 1 52 0 R]>>, each
	// page's key with the array of its MCIDs' parents, each link's key
	// with its parent.
	nums := []byte("<</Nums [")
	for p := range t.pages {
		keys := t.keys[p]
		arr := c.Reserve()
		buf = append(buf[:0], '[')
		for m, h := range parents[p] {
			if m > 0 {
				buf = append(buf, ' ')
			}
			buf = appendRef(buf, refs[h])
		}
		c.PutRaw(arr, append(buf, ']'))
		if p > 0 {
			nums = append(nums, ' ')
		}
		nums = appendRef(append(strconv.AppendInt(nums, int64(keys[0]), 10), ' '), arr)
		for j, h := range annotParents[p] {
			nums = append(strconv.AppendInt(append(nums, ' '), int64(keys[1+j]), 10), ' ')
			nums = appendRef(nums, refs[h])
		}
	}
	tree := c.Reserve()
	c.PutRaw(tree, append(nums, "]>>"...))
	st := types.Dict{
		"Type":              types.Name("StructTreeRoot"),
		"K":                 refs[0],
		"ParentTree":        tree,
		"ParentTreeNextKey": types.Integer(t.next),
	}
	if len(ids) > 0 {
		// Names in a name tree are sorted: note-10 after note-1.
		pairs := make([][2]types.Object, 0, len(ids)/2)
		for i := 0; i < len(ids); i += 2 {
			pairs = append(pairs, [2]types.Object{ids[i], ids[i+1]})
		}
		sort.Slice(pairs, func(a, b int) bool {
			return pairs[a][0].(types.StringLiteral) < pairs[b][0].(types.StringLiteral)
		})
		names := make(types.Array, 0, len(ids))
		for _, p := range pairs {
			names = append(names, p[0], p[1])
		}
		st["IDTree"] = c.Add(types.Dict{"Names": names})
	}
	c.Put(root, st)
	c.Dict["StructTreeRoot"] = root
	c.Dict["MarkInfo"] = types.Dict{"Marked": types.Boolean(true)}
	return nil
}

// appendRef appends reference r ("12 0 R") to b.
func appendRef(b []byte, r types.IndirectRef) []byte {
	return append(strconv.AppendInt(b, int64(r.ObjectNumber.Value()), 10), " 0 R"...)
}
