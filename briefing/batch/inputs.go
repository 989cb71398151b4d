package batch

import (
	"crypto/sha256"
	"encoding"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"math"
	"reflect"
	"slices"
	"strings"
	"sync"

	"briefing/briefing/doc"
	"briefing/briefing/input"
)

// inputsKey is the sha256 of what job j's file is made from: key (the
// program and the style, see Options.Key), the job and d, its composed
// model. The model holds every word, label, date and setting the document
// shows; where each came from in the data (the input.Place values kept
// for error messages) is left out, so that a line added above a
// recommendation does not put its brief out of date, and so is what
// the model derives from its other fields for the exporters (fields
// tagged json:"-", such as a QR code made from its URL).
func inputsKey(key string, j Job, d *doc.Doc) (string, error) {
	w := hasher{buf: make([]byte, 0, 16<<10)}
	w.str(key)
	w.value(reflect.ValueOf(j))
	w.value(reflect.ValueOf(d).Elem())
	if w.err != nil {
		return "", w.err
	}
	sum := sha256.Sum256(w.buf)
	return hex.EncodeToString(sum[:]), nil
}

// hasher writes a value's type and contents into buf, unambiguously, for
// one sha256 at the end.
type hasher struct {
	buf []byte
	err error
}

var (
	placeType = reflect.TypeFor[input.Place]()
	textType  = reflect.TypeFor[encoding.TextMarshaler]()
)

// typeInfo is what the hasher needs of a type, found once per type.
type typeInfo struct {
	text   bool    // written by its MarshalText
	fields []field // a struct's fields that are hashed
}

type field struct {
	name  string
	index int
}

var types sync.Map // reflect.Type → *typeInfo

func infoOf(t reflect.Type) *typeInfo {
	if ti, ok := types.Load(t); ok {
		return ti.(*typeInfo)
	}
	ti := &typeInfo{text: t.Kind() != reflect.Interface && t.Kind() != reflect.Pointer && t.Implements(textType)}
	if t.Kind() == reflect.Struct {
		for i := range t.NumField() {
			f := t.Field(i)
			if f.IsExported() && f.Tag.Get("json") != "-" && f.Type != placeType {
				ti.fields = append(ti.fields, field{f.Name, i})
			}
		}
	}
	types.Store(t, ti)
	return ti
}

func (w *hasher) str(s string) {
	w.buf = binary.LittleEndian.AppendUint64(w.buf, uint64(len(s)))
	w.buf = append(w.buf, s...)
}

func (w *hasher) num(u uint64) { w.buf = binary.LittleEndian.AppendUint64(w.buf, u) }

func (w *hasher) value(v reflect.Value) {
	if w.err != nil {
		return
	}
	if !v.IsValid() {
		w.str("nil")
		return
	}
	t := v.Type()
	if t == placeType {
		return
	}
	ti := infoOf(t)
	if ti.text {
		b, err := v.Interface().(encoding.TextMarshaler).MarshalText()
		if err != nil {
			w.err = err
			return
		}
		w.str(string(b))
		return
	}
	switch t.Kind() {
	case reflect.String:
		w.str(v.String())
	case reflect.Bool:
		if v.Bool() {
			w.num(1)
		} else {
			w.num(0)
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		w.num(uint64(v.Int()))
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		w.num(v.Uint())
	case reflect.Float32, reflect.Float64:
		w.num(math.Float64bits(v.Float()))
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			w.str("nil")
			return
		}
		e := v.Elem()
		w.str(e.Type().String())
		w.value(e)
	case reflect.Slice, reflect.Array:
		w.num(uint64(v.Len()))
		for i := range v.Len() {
			w.value(v.Index(i))
		}
	case reflect.Map:
		keys := v.MapKeys()
		slices.SortFunc(keys, func(a, b reflect.Value) int {
			return strings.Compare(fmt.Sprint(a.Interface()), fmt.Sprint(b.Interface()))
		})
		w.num(uint64(len(keys)))
		for _, k := range keys {
			w.value(k)
			w.value(v.MapIndex(k))
		}
	case reflect.Struct:
		for _, f := range ti.fields {
			w.str(f.name)
			w.value(v.Field(f.index))
		}
	default:
		w.err = fmt.Errorf("inputs: cannot hash a %s", t)
	}
}
