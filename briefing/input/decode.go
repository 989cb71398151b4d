package input

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"
	"github.com/goccy/go-yaml/token"
	"golang.org/x/text/unicode/norm"
)

// MaxFileSize is the largest data, brand or layout file briefing reads.
const MaxFileSize = 5 << 20

// maxDepth bounds how deeply collections may nest in an input file; our
// schema needs four levels, and deep nesting would make the parser recurse.
const maxDepth = 64

// maxEntries bounds the lines plus flow-collection entries of an input file.
const maxEntries = 200000

// Positions maps the path of every field decoded from a file
// ("recommendations[2].title") to where its value (or, when the value is
// empty, its key) is. Paths use 0-based list indexes.
type Positions map[string]Pos

// decodeOptions say how strictly to decode.
type Options struct {
	// required reports whether the field at a generic path (list indexes
	// written "[]", as in "recommendations[].title") must be present; nil
	// means every field whose yaml tag lacks omitempty.
	Required func(gpath string) bool
	// allowed reports whether a known field may appear at all; nil allows
	// every field. It returns the message for a refused field.
	Allowed func(gpath string) (ok bool, msg string)
}

// decoder decodes a goccy AST into Go values through their yaml tags,
// collecting every problem rather than stopping at the first.
type decoder struct {
	file string
	opt  Options
	errs ErrorList
	pos  Positions
	// src is the file's text.
	src []byte
	// bad holds the paths already reported, so that a wrong value is not
	// also reported as missing.
	bad map[string]bool
}

// decodeBytes parses b (YAML or JSON) and decodes it strictly into v, a
// pointer to a struct. It never panics; every problem is in the ErrorList,
// sorted by position.
func Decode(file string, b []byte, v any, opt Options) (pos Positions, errs ErrorList) {
	d := &decoder{file: file, opt: opt, pos: Positions{}, bad: map[string]bool{}, src: b}
	defer func() {
		if r := recover(); r != nil {
			d.errs = append(d.errs, Errorf(Place{File: file}, "cannot read this file (internal error: %v)", r))
			pos, errs = d.pos, d.errs
		}
		SortErrors(errs)
	}()
	root := d.parse(b)
	if root == nil {
		return d.pos, d.errs
	}
	if d.anchors(root) {
		return nil, d.errs
	}
	d.value(root, reflect.ValueOf(v).Elem(), "", "", Line)
	return d.pos, d.errs
}

func (d *decoder) errorAt(p Pos, field, format string, args ...any) {
	if field != "" {
		if d.bad == nil {
			d.bad = map[string]bool{}
		}
		d.bad[field] = true
	}
	d.errs = append(d.errs, Errorf(Place{File: d.file, Pos: p, Field: field}, format, args...))
}

// parse checks b before parsing and parses it; nil when it found a problem
// (reported) or nothing to decode.
func (d *decoder) parse(b []byte) ast.Node {
	if len(b) > MaxFileSize {
		d.errorAt(Pos{}, "", "%s", TooLarge(int64(len(b))))
		return nil
	}
	b = bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))
	if p, msg := checkText(b); msg != "" {
		d.errorAt(p, "", "%s", msg)
		return nil
	}
	if p, msg := checkShape(b); msg != "" {
		d.errorAt(p, "", "%s", msg)
		return nil
	}
	b = quoteTabs(b)
	f, err := parseYAML(b)
	if err != nil {
		var ye yaml.Error
		if errors.As(err, &ye) && ye.GetToken() != nil && ye.GetToken().Position != nil {
			p := tokPos(ye.GetToken())
			if at, msg, ok := unclosedMessage(b, p, ye.GetMessage()); ok {
				d.errorAt(at, "", "%s", msg)
			} else {
				d.errorAt(p, "", "syntax error: %s%s", ye.GetMessage(), syntaxHint(ye.GetMessage()))
			}
		} else {
			d.errorAt(Pos{}, "", "syntax error: %v", err)
		}
		return nil
	}
	var root ast.Node
	for _, doc := range f.Docs {
		if doc == nil || doc.Body == nil {
			continue
		}
		if _, ok := doc.Body.(*ast.CommentGroupNode); ok {
			continue
		}
		if root != nil {
			d.errorAt(nodePos(doc.Body), "", "more than one YAML document (---) in the file")
			return nil
		}
		root = doc.Body
	}
	if root == nil {
		d.errorAt(Pos{}, "", "file is empty; want a mapping of fields such as \"id: ...\"")
		return nil
	}
	switch root.(type) {
	case *ast.MappingNode, *ast.MappingValueNode:
	default:
		if _, ok := root.(*ast.AnchorNode); !ok {
			d.errorAt(nodePos(root), "", "want a mapping of fields such as \"id: ...\", got %s", describe(root))
			return nil
		}
	}
	return root
}

// anchors reports every anchor and alias in the tree, and whether there
// were any. Data files may not use them: an alias can expand exponentially
// ("billion laughs"), and ids already say what refers to what.
func (d *decoder) anchors(root ast.Node) bool {
	v := &anchorVisitor{d: d}
	ast.Walk(v, root)
	return v.found
}

type anchorVisitor struct {
	d     *decoder
	found bool
}

func (v *anchorVisitor) Visit(n ast.Node) ast.Visitor {
	switch n.(type) {
	case *ast.AnchorNode, *ast.AliasNode:
		v.found = true
		v.d.errorAt(tokPos(n.GetToken()), "", "anchors and aliases are not allowed (write the value out, or refer to it by id)")
		return nil
	}
	return v
}

// syntaxHints adds the likely cause to the parser's commonest messages.
var syntaxHints = []struct{ in, hint string }{
	{"mapping value is not allowed", "check the indentation, and put text that contains \": \" in quotes"},
	{"map key-value is pre-defined", "put text that starts with a quote wholly in quotes"},
	{"value is not allowed in this context", "check the indentation"},
	{"non-map value is specified", "write a space after the colon: \"key: value\""},
	{"cannot start any token", "indent with spaces, not tabs"},
	{"tab character", "indent with spaces, not tabs"},
	{"could not find end character", "close the quote, or leave the quotes out"},
}

func syntaxHint(msg string) string {
	for _, h := range syntaxHints {
		if strings.Contains(msg, h.in) {
			return " (" + h.hint + ")"
		}
	}
	return ""
}

// parseYAML parses b, turning a parser panic into an error.
func parseYAML(b []byte) (f *ast.File, err error) {
	defer func() {
		if r := recover(); r != nil {
			f, err = nil, fmt.Errorf("cannot parse this file (%v)", r)
		}
	}()
	return parser.ParseBytes(b, 0, parser.AllowDuplicateMapKey())
}

// checkText refuses binary files: invalid UTF-8, NUL and other control
// characters, and the noncharacter quoteTabs uses.
func checkText(b []byte) (Pos, string) {
	line, col := 1, 1
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		switch {
		case r == utf8.RuneError && n <= 1:
			return Pos{line, col}, "not a text file: invalid UTF-8 (binary data?); save it as UTF-8 text"
		case r == '\n':
			line, col = line+1, 0
		case r < 0x20 && r != '\t' && r != '\r' || r == 0x7f:
			return Pos{line, col}, fmt.Sprintf("not a text file: control character %U (binary data?)", r)
		case r == tabMark:
			return Pos{line, col}, fmt.Sprintf("not a text file: noncharacter %U (binary data?)", r)
		}
		i += n
		col++
	}
	return Pos{}, ""
}

// quotes follows quoted text and comments in a YAML or JSON file read
// roughly, a byte at a time, as checkShape and unclosed read it: the quote
// open (0 for none).
type quotes byte

// skip reports whether b[i] is inside quoted text or starts a comment or
// a quote (then it is not structure), and the index of the last byte
// skipped: the escaped byte after a backslash in double quotes, the rest
// of a comment's line. A quote opens only after one of the bytes in after
// (or at the start of the file).
func (q *quotes) skip(b []byte, i int, after string) (last int, skipped bool) {
	c := b[i]
	switch {
	case *q != 0:
		if c == '\\' && *q == '"' {
			return i + 1, true
		}
		if c == byte(*q) {
			*q = 0
		}
		return i, true
	case c == '"' || c == '\'':
		if i == 0 || strings.IndexByte(after, b[i-1]) >= 0 {
			*q = quotes(c)
		}
		return i, true
	case c == '#' && (i == 0 || b[i-1] == ' ' || b[i-1] == '\t'):
		for i+1 < len(b) && b[i+1] != '\n' {
			i++
		}
		return i, true
	}
	return i, false
}

// checkShape bounds flow ([ {) and block ("- - -") nesting, and the
// number of lines and flow entries, before parsing: the parser recurses
// per level and spends about a microsecond and a kilobyte per entry. It
// counts brackets outside quotes roughly; a false alarm needs more than
// maxDepth unclosed brackets or maxEntries entries on purpose.
func checkShape(b []byte) (Pos, string) {
	depth, line, col, entries := 0, 1, 0, 0
	var quote quotes
	lineStart := true
	dashes := 0
	for i := 0; i < len(b); i++ {
		c := b[i]
		col++
		if c == '\n' {
			line, col, lineStart, dashes = line+1, 0, true, 0
			entries++
			if entries > maxEntries {
				return Pos{line, 1}, fmt.Sprintf("too many lines and list entries (over %d); a statement needs far fewer", maxEntries)
			}
			continue
		}
		if j, skipped := quote.skip(b, i, " \t[{,:-"); skipped {
			col += j - i
			i = j
			continue
		}
		switch {
		case c == '[' || c == '{':
			depth++
			if depth > maxDepth {
				return Pos{line, col}, fmt.Sprintf("lists and mappings nest more than %d deep", maxDepth)
			}
		case c == ']' || c == '}':
			if depth > 0 {
				depth--
			}
		case c == ',' && depth > 0:
			entries++
			if entries > maxEntries {
				return Pos{line, col}, fmt.Sprintf("too many lines and list entries (over %d); a statement needs far fewer", maxEntries)
			}
		case lineStart && (c == '-' || c == '?' || c == ':') && (i+1 == len(b) || b[i+1] == ' '):
			dashes++
			if dashes > maxDepth {
				return Pos{line, col}, fmt.Sprintf("lists and mappings nest more than %d deep", maxDepth)
			}
		case c == ' ' || c == '\t':
		default:
			lineStart = false
		}
	}
	return Pos{}, ""
}

// tooLarge is the message for a file of n bytes over MaxFileSize; n < 0
// when the size is not known.
func TooLarge(n int64) string {
	if n < 0 {
		return fmt.Sprintf("file too large: over the limit of %d bytes (%d MB); is this the right file?", MaxFileSize, MaxFileSize>>20)
	}
	return fmt.Sprintf("file too large: %d bytes, over the limit of %d bytes (%d MB); is this the right file?", n, MaxFileSize, MaxFileSize>>20)
}

func tokPos(t *token.Token) Pos {
	if t == nil || t.Position == nil {
		return Pos{}
	}
	return Pos{t.Position.Line, t.Position.Column}
}

// nodePos is where a node starts: a mapping at its first key.
func nodePos(n ast.Node) Pos {
	switch m := n.(type) {
	case nil:
		return Pos{}
	case *ast.MappingNode:
		if len(m.Values) > 0 {
			return nodePos(m.Values[0])
		}
		return tokPos(m.Start)
	case *ast.MappingValueNode:
		if m.Key != nil {
			return tokPos(m.Key.GetToken())
		}
	case *ast.SequenceNode:
		return tokPos(m.Start)
	}
	return tokPos(n.GetToken())
}

// describe names a node's kind for "want X, got Y" messages.
func describe(n ast.Node) string {
	switch n := n.(type) {
	case nil, *ast.NullNode:
		return "nothing"
	case *ast.MappingNode, *ast.MappingValueNode:
		return "a mapping (key: value)"
	case *ast.SequenceNode:
		return "a list"
	case *ast.BoolNode:
		return fmt.Sprintf("true/false (%s)", n.GetToken().Value)
	case *ast.IntegerNode, *ast.FloatNode, *ast.InfinityNode, *ast.NanNode:
		return fmt.Sprintf("the number %s", n.GetToken().Value)
	case *ast.StringNode, *ast.LiteralNode:
		s, _ := scalarText(n)
		if utf8.RuneCountInString(s) > 30 {
			r := []rune(s)
			s = string(r[:27]) + "..."
		}
		return fmt.Sprintf("the text %q", s)
	case *ast.AnchorNode, *ast.AliasNode:
		return "an anchor or alias"
	case *ast.TagNode:
		return "a tagged value"
	}
	return "a " + strings.ToLower(n.Type().String())
}

// scalarText is the text of a scalar as written (numbers and booleans as
// their source text).
func scalarText(n ast.Node) (string, bool) {
	switch n := n.(type) {
	case *ast.StringNode:
		return untab(n.Value), true
	case *ast.LiteralNode:
		if n.Value == nil {
			return "", true
		}
		return untab(n.Value.Value), true
	case *ast.IntegerNode, *ast.FloatNode, *ast.BoolNode, *ast.InfinityNode, *ast.NanNode:
		return n.GetToken().Value, true
	}
	return "", false
}

func JoinPath(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// value decodes n into v. path names the field for messages; gpath is the
// same path with list indexes written "[]"; text is the field's kind of
// text, for text.
func (d *decoder) value(n ast.Node, v reflect.Value, path, gpath string, text Text) {
	p := nodePos(n)
	switch n.(type) {
	case *ast.AnchorNode, *ast.AliasNode:
		d.errorAt(p, path, "anchors and aliases are not allowed")
		return
	case *ast.TagNode:
		d.errorAt(p, path, "YAML tags (!!type) are not allowed")
		return
	case *ast.NullNode:
		return
	}
	if path != "" {
		d.pos[path] = p
		n0 := len(d.errs)
		defer func() {
			// A value of the wrong type counts as absent for later checks.
			if len(d.errs) > n0 && d.errs[n0].Field == path {
				delete(d.pos, path)
			}
		}()
	}
	switch v.Kind() {
	case reflect.Pointer:
		nv := reflect.New(v.Type().Elem())
		n0 := len(d.errs)
		d.value(n, nv.Elem(), path, gpath, text)
		if len(d.errs) == n0 || d.errs[n0].Field != path {
			v.Set(nv)
		}
	case reflect.Struct:
		d.mapping(n, v, path, gpath)
	case reflect.Slice:
		seq, ok := n.(*ast.SequenceNode)
		if !ok {
			d.errorAt(p, path, "want a list, got %s", describe(n))
			return
		}
		s := reflect.MakeSlice(v.Type(), len(seq.Values), len(seq.Values))
		for i, e := range seq.Values {
			ip := fmt.Sprintf("%s[%d]", path, i)
			if e == nil {
				continue
			}
			if _, null := e.(*ast.NullNode); null {
				d.errorAt(nodePos(e), ip, "empty list entry")
				continue
			}
			d.value(e, s.Index(i), ip, gpath+"[]", text)
		}
		v.Set(s)
	case reflect.String:
		s, ok := scalarText(n)
		if !ok {
			d.errorAt(p, path, "want text, got %s", describe(n))
			return
		}
		if lostTab(n) {
			d.errorAt(p, path, "a tab inside text without quotes is lost when the file is read; put the text in double quotes, or write a space")
			return
		}
		// Text is compared, measured and drawn as composed characters: a
		// decomposed "ễ" (e + two combining marks) becomes one rune.
		s = norm.NFC.String(s)
		if msgs := TextProblems(s, text); len(msgs) > 0 {
			for _, m := range msgs {
				d.errorAt(p, path, "%s", m)
			}
			return
		}
		v.SetString(s)
	case reflect.Int:
		in, ok := n.(*ast.IntegerNode)
		if !ok {
			d.errorAt(p, path, "want a whole number, got %s", describe(n))
			return
		}
		var i int64
		switch x := in.GetValue().(type) {
		case int64:
			i = x
		case uint64:
			if x > math.MaxInt32 {
				i = math.MaxInt64
			} else {
				i = int64(x)
			}
		}
		if i < math.MinInt32 || i > math.MaxInt32 {
			d.errorAt(p, path, "number %s is out of range", in.GetToken().Value)
			return
		}
		v.SetInt(i)
	case reflect.Float64:
		var f float64
		switch x := n.(type) {
		case *ast.IntegerNode:
			f, _ = strconv.ParseFloat(strings.ReplaceAll(x.GetToken().Value, "_", ""), 64)
			switch y := x.GetValue().(type) {
			case int64:
				f = float64(y)
			case uint64:
				f = float64(y)
			}
		case *ast.FloatNode:
			f = x.Value
		default:
			d.errorAt(p, path, "want a number, got %s", describe(n))
			return
		}
		v.SetFloat(f)
	case reflect.Bool:
		b, ok := n.(*ast.BoolNode)
		if !ok {
			d.errorAt(p, path, "want true or false, got %s", describe(n))
			return
		}
		v.SetBool(b.Value)
	default:
		d.errorAt(p, path, "cannot decode into %s", v.Type())
	}
}

// Field is a struct field as the data names it: its name, its index in
// the struct, whether it may be left out (omitempty), and, for text, its
// kind (a `text:"..."` tag; Line without one).
type Field struct {
	Name     string
	Index    int
	Optional bool
	Text     Text
}

func FieldsOf(t reflect.Type) []Field {
	var out []Field
	for i := 0; i < t.NumField(); i++ {
		sf := t.Field(i)
		tag := sf.Tag.Get("yaml")
		if tag == "" || tag == "-" || !sf.IsExported() {
			continue
		}
		name, opts, _ := strings.Cut(tag, ",")
		out = append(out, Field{Name: name, Index: i, Optional: strings.Contains(opts, "omitempty"), Text: textOf(sf.Tag.Get("text"))})
	}
	return out
}

// mapping decodes a mapping node into the struct v.
func (d *decoder) mapping(n ast.Node, v reflect.Value, path, gpath string) {
	var pairs []*ast.MappingValueNode
	switch m := n.(type) {
	case *ast.MappingNode:
		pairs = m.Values
	case *ast.MappingValueNode:
		pairs = []*ast.MappingValueNode{m}
	default:
		d.errorAt(nodePos(n), path, "want a mapping (key: value), got %s", describe(n))
		return
	}
	fields := FieldsOf(v.Type())
	byName := map[string]Field{}
	var names []string
	for _, f := range fields {
		byName[f.Name] = f
		names = append(names, f.Name)
	}
	present := map[string]bool{}
	seen := map[string]bool{}
	for _, kv := range pairs {
		if kv == nil || kv.Key == nil {
			continue
		}
		kp := tokPos(kv.Key.GetToken())
		var key string
		switch k := kv.Key.(type) {
		case *ast.MergeKeyNode:
			d.errorAt(kp, path, "merge keys (<<) are not allowed")
			continue
		case *ast.AnchorNode, *ast.AliasNode:
			d.errorAt(kp, path, "anchors and aliases are not allowed")
			continue
		case *ast.MappingKeyNode:
			d.errorAt(kp, path, "complex keys (?) are not allowed")
			continue
		default:
			s, ok := scalarText(k)
			if !ok {
				d.errorAt(kp, path, "want a field name, got %s", describe(k))
				continue
			}
			key = s
		}
		fp, gp := JoinPath(path, key), JoinPath(gpath, key)
		if seen[key] {
			d.errorAt(kp, fp, "duplicate key %q", key)
			continue
		}
		seen[key] = true
		f, ok := byName[key]
		if !ok {
			msg := fmt.Sprintf("unknown field %q", key)
			if s := Suggest(key, names); s != "" {
				msg += fmt.Sprintf("; did you mean %q?", s)
				// The typo explains the missing field: say it once.
				d.bad[JoinPath(path, s)] = true
			} else {
				msg += "; want one of " + strings.Join(names, ", ")
			}
			d.errorAt(kp, fp, "%s", msg)
			continue
		}
		if d.opt.Allowed != nil {
			if ok, msg := d.opt.Allowed(gp); !ok {
				d.errorAt(kp, fp, "%s", msg)
				continue
			}
		}
		if kv.Value == nil {
			d.pos[fp] = kp
			continue
		}
		if _, null := kv.Value.(*ast.NullNode); null {
			d.pos[fp] = kp
			continue
		}
		present[key] = true
		d.value(kv.Value, v.Field(f.Index), fp, gp, f.Text)
	}
	mp := nodePos(n)
	defer d.places(v, path, mp)
	for _, f := range fields {
		gp := JoinPath(gpath, f.Name)
		req := !f.Optional
		if d.opt.Required != nil {
			req = d.opt.Required(gp)
		}
		if !req {
			continue
		}
		fp := JoinPath(path, f.Name)
		if d.bad[fp] {
			continue
		}
		if !present[f.Name] {
			at, msg := mp, "required"
			if seen[f.Name] {
				at = d.pos[fp]
				if c := d.commentAfterKey(at); c != "" {
					msg = fmt.Sprintf("required (# starts a comment: write %q in quotes)", c)
				}
			}
			d.errorAt(at, fp, "%s", msg)
			continue
		}
		fv := v.Field(f.Index)
		switch fv.Kind() {
		case reflect.String:
			if strings.TrimSpace(fv.String()) == "" {
				d.errorAt(d.pos[fp], fp, "required (empty)")
			}
		case reflect.Slice:
			if fv.Len() == 0 {
				d.errorAt(d.pos[fp], fp, "required (empty list)")
			}
		}
	}
}

// commentAfterKey returns the comment that follows "key:" on the line at
// p, if the key has no value there: "key: #abc" reads as a comment.
func (d *decoder) commentAfterKey(p Pos) string {
	if p.Line < 1 {
		return ""
	}
	lines := bytes.SplitN(d.src, []byte("\n"), p.Line+1)
	if len(lines) < p.Line {
		return ""
	}
	line := string(lines[p.Line-1])
	if i := strings.Index(line, ":"); i >= 0 {
		rest := strings.TrimSpace(line[i+1:])
		if strings.HasPrefix(rest, "#") {
			return strings.Fields(rest)[0]
		}
	}
	return ""
}

// Suggest returns the name closest to s by edit distance, when close enough
// to be a likely typo; "" otherwise.
func Suggest(s string, names []string) string {
	best, bestD := "", 1<<30
	for _, n := range names {
		if d := editDistance(strings.ToLower(s), n); d < bestD {
			best, bestD = n, d
		}
	}
	limit := 2
	if l := utf8.RuneCountInString(s); l <= 3 {
		limit = 1
	} else if l >= 10 {
		limit = 3
	}
	if bestD <= limit {
		return best
	}
	return ""
}

// editDistance is the optimal string alignment distance between a and b:
// insertions, deletions, substitutions and swaps of neighbours cost 1.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	if len(ra) > 64 || len(rb) > 64 {
		if a == b {
			return 0
		}
		return 1 << 20
	}
	d := make([][]int, len(ra)+1)
	for i := range d {
		d[i] = make([]int, len(rb)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(ra); i++ {
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(ra)][len(rb)]
}

// sortErrors orders errors by file, then position, keeping file-level
// errors (no line) first and the order of errors at one place. The files
// named in first come first, in that order; other files follow by name.
func SortErrors(l ErrorList, first ...string) {
	rank := map[string]int{}
	for i, f := range first {
		if _, ok := rank[f]; !ok {
			rank[f] = i - len(first)
		}
	}
	sort.SliceStable(l, func(i, j int) bool {
		a, b := l[i], l[j]
		if a.File != b.File {
			ra, oka := rank[a.File]
			rb, okb := rank[b.File]
			if oka || okb {
				return oka && (!okb || ra < rb)
			}
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Col < b.Col
	})
}
