package input

import (
	"errors"
	"io"
	"io/fs"
	"reflect"
	"strings"
)

// decodeFile reads name from fsys, refusing files over MaxFileSize before
// reading them, and decodes it strictly into v. Positions are nil when the
// file could not be read or parsed at all.
func DecodeFile(fsys fs.FS, name string, v any, opt Options) (Positions, ErrorList) {
	b, err := ReadLimited(fsys, name)
	if err != nil {
		return nil, ErrorList{err}
	}
	pos, errs := Decode(name, b, v, opt)
	if len(pos) == 0 && len(errs) > 0 {
		return nil, errs
	}
	return pos, errs
}

// readLimited reads a file of at most MaxFileSize bytes.
func ReadLimited(fsys fs.FS, name string) ([]byte, *Error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, &Error{Place: Place{File: name}, Msg: FSMessage(err)}
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil {
		if st.IsDir() {
			return nil, &Error{Place: Place{File: name}, Msg: "is a directory, not a file"}
		}
		if st.Size() > MaxFileSize {
			return nil, &Error{Place: Place{File: name}, Msg: TooLarge(st.Size())}
		}
	}
	b, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	if err != nil {
		return nil, &Error{Place: Place{File: name}, Msg: FSMessage(err)}
	}
	if len(b) > MaxFileSize {
		return nil, &Error{Place: Place{File: name}, Msg: TooLarge(-1)}
	}
	return b, nil
}

// fsMessage words a file system error without repeating the file name.
func FSMessage(err error) string {
	if pe, ok := err.(*fs.PathError); ok {
		err = pe.Err
	}
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "no such file"
	case errors.Is(err, fs.ErrPermission):
		return "permission denied"
	}
	return err.Error()
}

// dedupe drops repeated identical errors.
func Dedupe(l ErrorList) ErrorList {
	seen := map[Error]bool{}
	out := l[:0]
	for _, e := range l {
		if seen[*e] {
			continue
		}
		seen[*e] = true
		out = append(out, e)
	}
	return out
}

// WalkText calls fn for every plain text field and list entry under v, a
// pointer to a decoded struct, with where it is: the place its item's
// Places give it (Near), in the order of the fields.
func WalkText(v any, fn func(at Place, text string)) {
	walkText(reflect.ValueOf(v), fn)
}

func walkText(v reflect.Value, fn func(at Place, text string)) {
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			walkText(v.Elem(), fn)
		}
	case reflect.Slice:
		for i := 0; i < v.Len(); i++ {
			walkText(v.Index(i), fn)
		}
	case reflect.Struct:
		var ps Places
		for i := 0; i < v.NumField(); i++ {
			if v.Field(i).Type() == placesType {
				ps = v.Field(i).Interface().(Places)
			}
		}
		text := reflect.TypeOf("")
		for _, f := range FieldsOf(v.Type()) {
			fv := v.Field(f.Index)
			switch {
			case fv.Type() == text:
				fn(ps.Near(f.Name), fv.String())
			case fv.Kind() == reflect.Slice && fv.Type().Elem() == text:
				for i := 0; i < fv.Len(); i++ {
					fn(ps.Entry(f.Name, i), fv.Index(i).String())
				}
			default:
				walkText(fv, fn)
			}
		}
	}
}

// At is where field is, or its nearest enclosing field that has a place.
func (pos Positions) At(field string) Pos {
	for p := field; p != ""; {
		if x, ok := pos[p]; ok {
			return x
		}
		i := strings.LastIndexAny(p, ".[")
		if i < 0 {
			break
		}
		p = p[:i]
	}
	return Pos{}
}
