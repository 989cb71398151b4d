package statement

import (
	"briefing/briefing/input"
	"fmt"
	"reflect"
	"regexp"
	"strconv"
)

// Places returns where the fields of the statement in lang are in the
// data: in the translation file for lang when it has the field, else in the
// base file. Field paths are the base file's ("recommendations[2].body[0]");
// items a translation keys by id (recommendations, figures, quotes,
// audiences) are found there by id. A nil Dataset gives unknown places.
func (ds *Dataset) Places(lang string) func(field string) input.Place {
	return func(field string) input.Place {
		if ds == nil || ds.Base == nil {
			return input.Place{Field: field}
		}
		if t := ds.Translations[lang]; t != nil && lang != ds.Base.Lang {
			file := ds.Files[lang]
			if tf, ok := translatedPath(ds.Base, t, field); ok {
				if p, ok := ds.Pos[file][tf]; ok {
					return input.Place{File: file, Pos: p, Field: tf}
				}
			}
		}
		p := ds.Pos[ds.File][field]
		return input.Place{File: ds.File, Pos: p, Field: field}
	}
}

var itemPath = regexp.MustCompile(`^(recommendations|figures|quotes|audiences)\[(\d+)\](.*)$`)

// translatedPath maps a base field path to the same field in translation
// t, whose lists of items are matched to the base's by id.
func translatedPath(base, t *Statement, field string) (string, bool) {
	m := itemPath.FindStringSubmatch(field)
	if m == nil {
		return field, true
	}
	i, _ := strconv.Atoi(m[2])
	bl, tl := listField(base, m[1]), listField(t, m[1])
	if i >= bl.Len() {
		return "", false
	}
	id := bl.Index(i).FieldByName("ID").String()
	for k := 0; k < tl.Len(); k++ {
		if tl.Index(k).FieldByName("ID").String() == id {
			return fmt.Sprintf("%s[%d]%s", m[1], k, m[3]), true
		}
	}
	return "", false
}

// listField returns the list of s whose key in the data is name.
func listField(s *Statement, name string) reflect.Value {
	v := reflect.ValueOf(s).Elem()
	for _, f := range input.FieldsOf(v.Type()) {
		if f.Name == name {
			return v.Field(f.Index)
		}
	}
	return reflect.Value{}
}
