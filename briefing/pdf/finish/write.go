package finish

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"github.com/klauspost/compress/zlib"
	"math"
	"sort"
	"strconv"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// Level is the zlib compression level (klauspost/compress) of the streams
// the pass compresses. Measured on a brief: level 1 is as fast and 7%
// larger, level 6 a third slower and 4% smaller.
const Level = 3

// minCompress is the smallest stream the pass compresses: below it zlib's
// header and checksum cost more than they save.
const minCompress = 64

// write serialises d: the objects reachable from the catalog and the info
// dictionary, numbered 1… in the order a walk from them meets them.
func (f *Finisher) write(buf *bytes.Buffer, d *Doc, objStm bool) error {
	order, num := d.reachable()
	e := &enc{num: num}
	buf.WriteString("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
	offsets := make([]int, len(order)+1)
	// In an object stream: index within it, per new number; -1 outside.
	inStm := make([]int, len(order)+1)
	var stm bytes.Buffer // objects packed in the object stream
	var hdr []byte       // its "number offset" pairs
	nStm := 0
	for i, old := range order {
		n := i + 1
		inStm[n] = -1
		o := d.object(old)
		if sd, ok := o.(types.StreamDict); ok {
			if err := f.putStream(buf, e, n, sd); err != nil {
				return fmt.Errorf("pdf finish: object %d: %w", old, err)
			}
			offsets[n] = e.off
			continue
		}
		if objStm {
			hdr = strconv.AppendInt(hdr, int64(n), 10)
			hdr = append(hdr, ' ')
			hdr = strconv.AppendInt(hdr, int64(stm.Len()), 10)
			hdr = append(hdr, ' ')
			e.b = e.b[:0]
			e.obj(o)
			stm.Write(e.b)
			stm.WriteByte('\n')
			inStm[n] = nStm
			nStm++
			continue
		}
		offsets[n] = buf.Len()
		e.b = append(e.b[:0], strconv.Itoa(n)...)
		e.b = append(e.b, " 0 obj\n"...)
		e.obj(o)
		e.b = append(e.b, "\nendobj\n"...)
		buf.Write(e.b)
	}
	root, info := e.ref(*d.x.Root), ""
	if d.x.Info != nil {
		if in := e.ref(*d.x.Info); in != "" {
			info = "/Info " + in
		}
	}
	if !objStm {
		id := fileID(buf.Bytes())
		xref := buf.Len()
		fmt.Fprintf(buf, "xref\n0 %d\n0000000000 65535 f \n", len(order)+1)
		for n := 1; n <= len(order); n++ {
			fmt.Fprintf(buf, "%010d 00000 n \n", offsets[n])
		}
		fmt.Fprintf(buf, "trailer\n<</Size %d /Root %s %s /ID [<%s> <%s>]>>\nstartxref\n%d\n%%%%EOF\n", len(order)+1, root, info, id, id, xref)
		return nil
	}
	// The object stream, then the cross-reference stream.
	sn := len(order) + 1
	body := append(hdr, stm.Bytes()...)
	zb := f.buffer()
	defer f.release(zb)
	if err := f.deflate(zb, body); err != nil {
		return err
	}
	z := zb.Bytes()
	stmOff := buf.Len()
	fmt.Fprintf(buf, "%d 0 obj\n<</Type /ObjStm /N %d /First %d /Filter /FlateDecode /Length %d>>\nstream\n", sn, nStm, len(hdr), len(z))
	buf.Write(z)
	buf.WriteString("\nendstream\nendobj\n")
	xn := sn + 1
	id := fileID(buf.Bytes())
	xref := buf.Len()
	rows := make([]byte, 0, 7*(xn+1))
	row := func(t byte, a uint32, b uint16) {
		rows = append(rows, t, byte(a>>24), byte(a>>16), byte(a>>8), byte(a), byte(b>>8), byte(b))
	}
	row(0, 0, 0xffff)
	for n := 1; n <= len(order); n++ {
		if inStm[n] >= 0 {
			row(2, uint32(sn), uint16(inStm[n]))
		} else {
			row(1, uint32(offsets[n]), 0)
		}
	}
	row(1, uint32(stmOff), 0)
	row(1, uint32(xref), 0)
	zb.Reset()
	if err := f.deflate(zb, rows); err != nil {
		return err
	}
	z = zb.Bytes()
	fmt.Fprintf(buf, "%d 0 obj\n<</Type /XRef /Size %d /W [1 4 2] /Root %s %s /ID [<%s> <%s>] /Filter /FlateDecode /Length %d>>\nstream\n", xn, xn+1, root, info, id, id, len(z))
	buf.Write(z)
	fmt.Fprintf(buf, "\nendstream\nendobj\nstartxref\n%d\n%%%%EOF\n", xref)
	return nil
}

// fileID is the trailer's /ID: the first 16 bytes of the SHA-256 of
// everything before the cross-reference section.
func fileID(b []byte) string {
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:16])
}

// putStream writes stream object n, compressing it when it has no filter;
// e.off is set to its offset.
func (f *Finisher) putStream(buf *bytes.Buffer, e *enc, n int, sd types.StreamDict) error {
	raw := sd.Raw
	dict := sd.Dict
	if _, has := dict["Filter"]; !has && len(raw) >= minCompress {
		zb := f.buffer()
		defer f.release(zb)
		if err := f.deflate(zb, raw); err != nil {
			return err
		}
		if zb.Len() < len(raw) {
			raw = zb.Bytes()
			dict["Filter"] = types.Name("FlateDecode")
			delete(dict, "DecodeParms")
		}
	}
	dict["Length"] = types.Integer(len(raw))
	e.off = buf.Len()
	e.b = append(e.b[:0], strconv.Itoa(n)...)
	e.b = append(e.b, " 0 obj\n"...)
	e.obj(dict)
	e.b = append(e.b, "\nstream\n"...)
	buf.Write(e.b)
	buf.Write(raw)
	buf.WriteString("\nendstream\nendobj\n")
	return nil
}

// deflate compresses b into out with a reused zlib writer.
func (f *Finisher) deflate(out *bytes.Buffer, b []byte) error {
	out.Grow(len(b)/2 + 64)
	zw, _ := f.zw.Get().(*zlib.Writer)
	if zw == nil {
		var err error
		if zw, err = zlib.NewWriterLevel(out, Level); err != nil {
			return err
		}
	} else {
		zw.Reset(out)
	}
	defer f.zw.Put(zw)
	if _, err := zw.Write(b); err != nil {
		return err
	}
	return zw.Close()
}

// reachable walks the objects from the catalog, then the info dictionary,
// and returns their old numbers in the order met and the new number of
// each.
func (d *Doc) reachable() ([]int, map[int]int) {
	num := map[int]int{}
	var order []int
	var walk func(o types.Object)
	visit := func(old int) {
		if _, seen := num[old]; seen {
			return
		}
		o := d.object(old)
		if o == nil {
			return
		}
		order = append(order, old)
		num[old] = len(order)
		walk(o)
	}
	walk = func(o types.Object) {
		switch o := o.(type) {
		case types.IndirectRef:
			visit(o.ObjectNumber.Value())
		case types.Dict:
			for _, k := range sortedKeys(o) {
				walk(o[k])
			}
		case types.StreamDict:
			walk(o.Dict)
		case types.Array:
			for _, x := range o {
				walk(x)
			}
		}
	}
	visit(d.x.Root.ObjectNumber.Value())
	if d.x.Info != nil {
		visit(d.x.Info.ObjectNumber.Value())
	}
	return order, num
}

func sortedKeys(d types.Dict) []string {
	keys := make([]string, 0, len(d))
	for k := range d {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// enc serialises objects into b, renumbering references with num.
type enc struct {
	b   []byte
	num map[int]int
	off int
}

// ref returns the renumbered reference r, or "" when r was dropped.
func (e *enc) ref(r types.IndirectRef) string {
	n, ok := e.num[r.ObjectNumber.Value()]
	if !ok {
		return ""
	}
	return strconv.Itoa(n) + " 0 R"
}

func (e *enc) obj(o types.Object) {
	switch o := o.(type) {
	case nil:
		e.b = append(e.b, "null"...)
	case types.Dict:
		e.b = append(e.b, "<<"...)
		for i, k := range sortedKeys(o) {
			if i > 0 {
				e.b = append(e.b, ' ')
			}
			e.b = append(e.b, '/')
			e.b = append(e.b, types.EncodeName(k)...)
			e.b = append(e.b, ' ')
			e.obj(o[k])
		}
		e.b = append(e.b, ">>"...)
	case types.Array:
		e.b = append(e.b, '[')
		for i, x := range o {
			if i > 0 {
				e.b = append(e.b, ' ')
			}
			e.obj(x)
		}
		e.b = append(e.b, ']')
	case types.IndirectRef:
		if r := e.ref(o); r != "" {
			e.b = append(e.b, r...)
		} else {
			e.b = append(e.b, "null"...)
		}
	case types.Name:
		e.b = append(e.b, '/')
		e.b = append(e.b, types.EncodeName(string(o))...)
	case types.Integer:
		e.b = strconv.AppendInt(e.b, int64(o), 10)
	case types.Float:
		v := float64(o)
		if math.IsNaN(v) || math.IsInf(v, 0) {
			v = 0
		}
		e.b = strconv.AppendFloat(e.b, math.Round(v*1e5)/1e5, 'f', -1, 64)
	case types.Boolean:
		e.b = strconv.AppendBool(e.b, bool(o))
	case types.StringLiteral:
		e.b = append(e.b, '(')
		e.b = append(e.b, string(o)...)
		e.b = append(e.b, ')')
	case types.HexLiteral:
		e.b = append(e.b, '<')
		e.b = append(e.b, string(o)...)
		e.b = append(e.b, '>')
	default:
		// pdfcpu's own serialisation for anything else.
		e.b = append(e.b, o.PDFString()...)
	}
}
