package finish

import (
	"bytes"
	"encoding/hex"
	"fmt"
	"hash"
	"math"
	"sort"
	"strconv"

	"github.com/klauspost/compress/zlib"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// Level is the zlib compression level (klauspost/compress) of the streams
// the pass compresses. Measured on a brief: level 1 is as fast and 7%
// larger, level 6 a third slower and 4% smaller.
const Level = 3

// minCompress is the smallest stream the pass compresses: below it zlib's
// header and checksum cost more than they save.
const minCompress = 64

// fileID is the trailer's /ID: the first 16 bytes of the SHA-256 of
// everything before the cross-reference section.
func fileID(h hash.Hash) string {
	return hex.EncodeToString(h.Sum(nil)[:16])
}

// putStream writes stream object n, compressing it when it has no filter.
func (w *Writer) putStream(n int, sd types.StreamDict) error {
	dict := sd.Dict
	zb := w.f.buffer()
	defer w.f.release(zb)
	raw, err := w.f.squeeze(zb, dict, sd.Raw)
	if err != nil {
		return err
	}
	dict["Length"] = types.Integer(len(raw))
	e := &w.e
	e.b = append(e.b[:0], strconv.Itoa(n)...)
	e.b = append(e.b, " 0 obj\n"...)
	e.obj(dict)
	e.b = append(e.b, "\nstream\n"...)
	w.out.Write(e.b)
	w.out.Write(raw)
	_, err = w.out.WriteString("\nendstream\nendobj\n")
	return err
}

// squeeze returns the bytes to write of a stream with dictionary dict and
// content raw: compressed into zb, and dict given /FlateDecode, when it has
// no filter and compressing makes it smaller; raw otherwise.
func (f *Finisher) squeeze(zb *bytes.Buffer, dict types.Dict, raw []byte) ([]byte, error) {
	if _, has := dict["Filter"]; has || len(raw) < minCompress {
		return raw, nil
	}
	if err := f.deflate(zb, raw); err != nil {
		return nil, err
	}
	if zb.Len() >= len(raw) {
		return raw, nil
	}
	dict["Filter"] = types.Name("FlateDecode")
	delete(dict, "DecodeParms")
	return zb.Bytes(), nil
}

// deflate compresses b into out with a reused zlib writer.
func (f *Finisher) deflate(out *bytes.Buffer, b []byte) error {
	out.Grow(len(b)/2 + 64)
	var zw *zlib.Writer
	select {
	case zw = <-f.zw:
		zw.Reset(out)
	default:
		var err error
		if zw, err = zlib.NewWriterLevel(out, Level); err != nil {
			return err
		}
	}
	defer func() {
		select {
		case f.zw <- zw:
		default:
		}
	}()
	if _, err := zw.Write(b); err != nil {
		return err
	}
	return zw.Close()
}

func sortedKeys(d types.Dict) []string {
	keys := make([]string, 0, len(d))
	for k := range d {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// enc serialises objects into b.
type enc struct {
	b []byte
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
		if n := o.ObjectNumber.Value(); n > 0 {
			e.b = strconv.AppendInt(e.b, int64(n), 10)
			e.b = append(e.b, " 0 R"...)
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
	case Raw:
		e.b = append(e.b, o...)
	default:
		// pdfcpu's own serialisation for anything else.
		e.b = append(e.b, o.PDFString()...)
	}
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
