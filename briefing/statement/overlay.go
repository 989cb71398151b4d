package statement

import (
	"briefing/briefing/input"
	"fmt"
	"reflect"
)

// In returns the statement in lang: the base statement with the
// translation's text laid over it by id (figures, quotes, recommendations)
// or by position (paragraph lists). It also returns the path of every text
// field the translation lacks, which falls back to the base language. For
// the base language, or a language with no translation file, it returns
// the base statement and, for the latter, a single "*" missing entry.
func (d *Dataset) In(lang string) (*Statement, []string) {
	if lang == d.Base.Lang {
		return d.Base, nil
	}
	t, ok := d.Translations[lang]
	if !ok {
		return d.Base, []string{"*"}
	}
	o := overlay{}
	s := *d.Base
	s.Lang = lang
	s.Translation = t.Translation
	o.apply(reflect.ValueOf(&s).Elem(), reflect.ValueOf(t).Elem(), "", "")
	return &s, o.missing
}

// apply lays the translatable fields of tr (the translation file's
// contents) over dst (a shallow copy of the base), walking the fields the
// translatable set names: the one list of what a translation may hold.
// Lists of items are matched by id, paragraph lists by position; path is
// the field's path for missing-field warnings ("recommendations[access].title")
// and gp its generic path ("recommendations[].title").
func (o *overlay) apply(dst, tr reflect.Value, path, gp string) {
	switch dst.Kind() {
	case reflect.Struct:
		for _, f := range input.FieldsOf(dst.Type()) {
			fgp := input.JoinPath(gp, f.Name)
			if !Translatable[fgp] || f.Name == "id" || fgp == "lang" || fgp == "translation" {
				continue
			}
			o.apply(dst.Field(f.Index), tr.Field(f.Index), input.JoinPath(path, f.Name), fgp)
		}
	case reflect.Pointer:
		if dst.IsNil() {
			return
		}
		c := reflect.New(dst.Type().Elem())
		c.Elem().Set(dst.Elem())
		dst.Set(c)
		t := tr
		if tr.IsNil() {
			t = reflect.New(tr.Type().Elem())
		}
		o.apply(c.Elem(), t.Elem(), path, gp)
	case reflect.String:
		dst.SetString(o.text(path, dst.String(), tr.String()))
	case reflect.Slice:
		if dst.Type().Elem().Kind() == reflect.String {
			dst.Set(reflect.ValueOf(o.paras(path, dst.Interface().([]string), tr.Interface().([]string))))
			return
		}
		// Items keyed by id: a copy of the base's list, each item laid
		// over by the translation's item with its id.
		c := reflect.MakeSlice(dst.Type(), dst.Len(), dst.Len())
		reflect.Copy(c, dst)
		dst.Set(c)
		byID := map[string]reflect.Value{}
		for i := 0; i < tr.Len(); i++ {
			byID[tr.Index(i).FieldByName("ID").String()] = tr.Index(i)
		}
		for i := 0; i < c.Len(); i++ {
			item := c.Index(i)
			id := item.FieldByName("ID").String()
			t, ok := byID[id]
			if !ok {
				t = reflect.New(item.Type()).Elem()
			}
			o.apply(item, t, fmt.Sprintf("%s[%s]", path, id), gp+"[]")
		}
	}
}

type overlay struct{ missing []string }

// text returns the translation when present; otherwise it records the field
// as missing (when the base has text there) and returns the base.
func (o *overlay) text(path, base, tr string) string {
	if tr != "" {
		return tr
	}
	if base != "" {
		o.missing = append(o.missing, path)
	}
	return base
}

// paras lays a translated paragraph list over the base by position.
func (o *overlay) paras(path string, base, tr []string) []string {
	if len(base) == 0 {
		return base
	}
	out := make([]string, len(base))
	for i := range base {
		var t string
		if i < len(tr) {
			t = tr[i]
		}
		out[i] = o.text(fmt.Sprintf("%s[%d]", path, i), base[i], t)
	}
	return out
}
