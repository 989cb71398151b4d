package input

import (
	"fmt"
	"reflect"
)

// Places is where a decoded item and each of its fields are in the file it
// was read from. Decode fills every struct field of this type (tagged
// `yaml:"-" json:"-"`) in the structs it decodes, so that an item can say
// where it is, and where its fields and list entries are, with no path
// built to look them up. The zero Places knows nothing.
type Places struct {
	// Place is where the item is (its first key); its Field is the item's
	// path ("recommendations[2]", "" for a file's top level).
	Place
	fields map[string]fieldPlace
}

// fieldPlace is where a field is, and each entry of a list field.
type fieldPlace struct {
	at      Place
	entries []Place
}

// placesType is the type Decode fills.
var placesType = reflect.TypeOf(Places{})

// Of returns where the item's field key (as the data names it, "body") is:
// its value, or its key when the value is empty. A field the file does not
// write has the item's file and the field's path, but no line; an item
// that was not decoded (no file) gives the zero Place.
func (p Places) Of(key string) Place {
	if f, ok := p.fields[key]; ok {
		return f.at
	}
	if p.File == "" {
		return Place{}
	}
	return Place{File: p.File, Field: JoinPath(p.Field, key)}
}

// Written reports whether the file writes the item's field key.
func (p Places) Written(key string) bool {
	_, ok := p.fields[key]
	return ok
}

// Entry returns where entry i of the item's list field key is. An entry
// the file does not write has the list's file and the entry's path, but
// no line; one it writes with a value refused (its place forgotten, see
// decoder.value) is at the list.
func (p Places) Entry(key string, i int) Place {
	f, ok := p.fields[key]
	if ok && i < len(f.entries) {
		if e := f.entries[i]; e.Line > 0 {
			return e
		}
		return Place{File: f.at.File, Pos: f.at.Pos, Field: fmt.Sprintf("%s[%d]", f.at.Field, i)}
	}
	at := p.Of(key)
	if at.File == "" {
		return Place{}
	}
	return Place{File: at.File, Field: fmt.Sprintf("%s[%d]", at.Field, i)}
}

// Near is Of, or, for a field the file does not write, the same place at
// the position of the item, when the item is a field or entry itself (a
// file's top level has no position of its own): for errors that must point
// as near as they can.
func (p Places) Near(key string) Place {
	at := p.Of(key)
	if at.Line == 0 && p.Field != "" {
		at.Pos = p.Pos
	}
	return at
}

// Over returns p with the places of the fields that t, the same item in
// another file (a translation), writes, and t's place for the item when t
// was decoded: what a statement laid over by a translation says where its
// text is. List entries t lacks keep p's places.
func (p Places) Over(t Places) Places {
	if t.Line == 0 && len(t.fields) == 0 {
		return p
	}
	out := Places{Place: t.Place, fields: make(map[string]fieldPlace, len(p.fields)+len(t.fields))}
	if out.Line == 0 {
		out.Place = p.Place
	}
	for k, f := range p.fields {
		out.fields[k] = f
	}
	for k, f := range t.fields {
		if b, ok := p.fields[k]; ok && len(b.entries) > len(f.entries) {
			f.entries = append(append([]Place(nil), f.entries...), b.entries[len(f.entries):]...)
		}
		out.fields[k] = f
	}
	return out
}

// renamed returns p with every file name passed through fix (an unknown,
// empty, name stays unknown).
func (p Places) renamed(fix func(string) string) Places {
	name := func(f string) string {
		if f == "" {
			return ""
		}
		return fix(f)
	}
	out := Places{Place: p.Place, fields: make(map[string]fieldPlace, len(p.fields))}
	out.File = name(p.File)
	for k, f := range p.fields {
		f.at.File = name(f.at.File)
		es := make([]Place, len(f.entries))
		for i, e := range f.entries {
			e.File = name(e.File)
			es[i] = e
		}
		f.entries = es
		out.fields[k] = f
	}
	return out
}

// RenameFiles passes the file names of every Places under v (a pointer)
// through fix: for a caller that shows files under other names than it
// read them by.
func RenameFiles(v any, fix func(string) string) {
	renameFiles(reflect.ValueOf(v), fix)
}

func renameFiles(v reflect.Value, fix func(string) string) {
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			renameFiles(v.Elem(), fix)
		}
	case reflect.Struct:
		if v.Type() == placesType {
			if v.CanSet() {
				v.Set(reflect.ValueOf(v.Interface().(Places).renamed(fix)))
			}
			return
		}
		for i := 0; i < v.NumField(); i++ {
			if v.Type().Field(i).IsExported() {
				renameFiles(v.Field(i), fix)
			}
		}
	case reflect.Slice:
		for i := 0; i < v.Len(); i++ {
			renameFiles(v.Index(i), fix)
		}
	}
}

// places records where the struct v, decoded from a mapping at path, and
// its fields are, in v's Places field if it has one.
func (d *decoder) places(v reflect.Value, path string, at Pos) {
	t := v.Type()
	idx := -1
	for i := 0; i < t.NumField(); i++ {
		if t.Field(i).Type == placesType {
			idx = i
		}
	}
	if idx < 0 {
		return
	}
	if p, ok := d.pos[path]; ok && path != "" {
		at = p
	}
	ps := Places{Place: Place{File: d.file, Pos: at, Field: path}, fields: map[string]fieldPlace{}}
	for _, f := range FieldsOf(t) {
		fp := JoinPath(path, f.Name)
		p, ok := d.pos[fp]
		if !ok {
			continue
		}
		fpl := fieldPlace{at: Place{File: d.file, Pos: p, Field: fp}}
		if fv := v.Field(f.Index); fv.Kind() == reflect.Slice {
			for i := 0; i < fv.Len(); i++ {
				ep := fmt.Sprintf("%s[%d]", fp, i)
				fpl.entries = append(fpl.entries, Place{File: d.file, Pos: d.pos[ep], Field: ep})
			}
		}
		ps.fields[f.Name] = fpl
	}
	v.Field(idx).Set(reflect.ValueOf(ps))
}
