package input

import (
	"errors"
	"fmt"
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

// walkText calls fn for every plain string field under v with its path.
func WalkText(v reflect.Value, path string, fn func(path, text string)) {
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			WalkText(v.Elem(), path, fn)
		}
	case reflect.Struct:
		for _, f := range FieldsOf(v.Type()) {
			WalkText(v.Field(f.Index), JoinPath(path, f.Name), fn)
		}
	case reflect.Slice:
		for i := 0; i < v.Len(); i++ {
			WalkText(v.Index(i), fmt.Sprintf("%s[%d]", path, i), fn)
		}
	case reflect.String:
		if v.Type() == reflect.TypeOf("") {
			fn(path, v.String())
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
