package statement

import (
	"fmt"
	"reflect"

	"briefing/briefing/input"
)

// In returns the statement in lang: the base statement with the
// translation's text laid over it by id (figures, quotes, recommendations)
// or by position (paragraph lists). It also returns the path of every text
// field the translation lacks, which falls back to the base language (but
// those the same in every language, SameInTranslation). For
// the base language, or a language with no translation file, it returns
// the base statement and, for the latter, a single "*" missing entry.
//
// The items of the statement it returns say where their text is (At): in
// the translation file where the translation writes a field, else in the
// base file.
func (d *Dataset) In(lang string) (*Statement, []string) {
	s, missing := d.in(lang)
	if missing == nil {
		return s, nil
	}
	names := make([]string, len(missing))
	for i, m := range missing {
		names[i] = m.name
	}
	return s, names
}

// untranslated is a text field a translation lacks: its path keyed by id
// ("recommendations[access].title") and where the base file has it.
type untranslated struct {
	name string
	at   input.Place
	// in is the field's place in the statement laid over (the one
	// compose reads), which Statement.FallbackLang is asked of.
	in input.Place
}

// Fallback is a text field that a translation leaves out, so that it
// prints in the base language: its path keyed by id
// ("recommendations[access].title") and where the base file has its text.
type Fallback struct {
	Field string
	At    input.Place
}

// Fallbacks returns the text fields the translation into lang leaves out,
// which print in the base language, in the base file's order; nil for the
// base language and for a language without a translation file (Check
// reports an audience asking for one). Fields the same in every language
// (SameInTranslation) are not among them.
func (d *Dataset) Fallbacks(lang string) []Fallback {
	if _, ok := d.Translations[lang]; !ok || lang == d.Base.Lang {
		return nil
	}
	_, missing := d.in(lang)
	out := make([]Fallback, len(missing))
	for i, m := range missing {
		out[i] = Fallback{Field: m.name, At: m.at}
	}
	return out
}

// in is In, with the base file's place of each untranslated field.
func (d *Dataset) in(lang string) (*Statement, []untranslated) {
	if lang == d.Base.Lang {
		return d.Base, nil
	}
	t, ok := d.Translations[lang]
	if !ok {
		return d.Base, []untranslated{{name: "*"}}
	}
	o := overlay{}
	s := *d.Base
	s.Lang = lang
	s.Translation = t.Translation
	o.apply(reflect.ValueOf(&s).Elem(), reflect.ValueOf(t).Elem(), "", "", input.Places{}, input.Places{}, "")
	s.base, s.fallback = d.Base.Lang, nil
	if len(o.missing) > 0 {
		s.fallback = make(map[input.Place]bool, len(o.missing))
		for _, m := range o.missing {
			s.fallback[m.in] = true
		}
	}
	return &s, o.missing
}

// placesType is the type of the items' At.
var placesType = reflect.TypeOf(input.Places{})

// apply lays the translatable fields of tr (the translation file's
// contents) over dst (a shallow copy of the base), walking the fields the
// translatable set names: the one list of what a translation may hold.
// Lists of items are matched by id, paragraph lists by position; path is
// the field's path for missing-field warnings ("recommendations[access].title")
// and gp its generic path ("recommendations[].title"); at holds the base
// file's places of the item that holds dst, in its places once laid over
// (what the statement returned says), and key is dst's key in them.
func (o *overlay) apply(dst, tr reflect.Value, path, gp string, at, in input.Places, key string) {
	switch dst.Kind() {
	case reflect.Struct:
		var base, over input.Places
		for i := 0; i < dst.NumField(); i++ {
			if dst.Field(i).Type() == placesType {
				base = dst.Field(i).Interface().(input.Places)
				over = base.Over(tr.Field(i).Interface().(input.Places))
				dst.Field(i).Set(reflect.ValueOf(over))
			}
		}
		for _, f := range input.FieldsOf(dst.Type()) {
			fgp := input.JoinPath(gp, f.Name)
			if !Translatable[fgp] || f.Name == "id" || fgp == "lang" || fgp == "translation" {
				continue
			}
			o.apply(dst.Field(f.Index), tr.Field(f.Index), input.JoinPath(path, f.Name), fgp, base, over, f.Name)
		}
	case reflect.Pointer:
		if dst.IsNil() {
			// Only what has defaults may be given by a translation where
			// the base file leaves it out (WithoutBase).
			if tr.IsNil() || !WithoutBase[gp] {
				return
			}
			dst.Set(reflect.New(dst.Type().Elem()))
		}
		c := reflect.New(dst.Type().Elem())
		c.Elem().Set(dst.Elem())
		dst.Set(c)
		t := tr
		if tr.IsNil() {
			t = reflect.New(tr.Type().Elem())
		}
		o.apply(c.Elem(), t.Elem(), path, gp, at, in, key)
	case reflect.String:
		dst.SetString(o.text(path, gp, at.Of(key), in.Of(key), dst.String(), tr.String()))
	case reflect.Slice:
		if dst.Type().Elem().Kind() == reflect.String {
			dst.Set(reflect.ValueOf(o.paras(path, gp, at, in, key, dst.Interface().([]string), tr.Interface().([]string))))
			return
		}
		// Items keyed by id: a copy of the base's list, each item laid
		// over by the translation's item with its id.
		c := reflect.MakeSlice(dst.Type(), dst.Len(), dst.Len())
		reflect.Copy(c, dst)
		dst.Set(c)
		byID := map[string]reflect.Value{}
		for i := 0; i < tr.Len(); i++ {
			byID[tr.Index(i).Interface().(keyed).key()] = tr.Index(i)
		}
		for i := 0; i < c.Len(); i++ {
			item := c.Index(i)
			id := item.Interface().(keyed).key()
			t, ok := byID[id]
			if !ok {
				t = reflect.New(item.Type()).Elem()
			}
			o.apply(item, t, fmt.Sprintf("%s[%s]", path, id), gp+"[]", at, in, key)
		}
	}
}

// keyed is an item of a list that a translation matches by id.
type keyed interface{ key() string }

func (f Figure) key() string         { return f.ID }
func (q Quote) key() string          { return q.ID }
func (r Recommendation) key() string { return r.ID }
func (a Audience) key() string       { return a.ID }

type overlay struct{ missing []untranslated }

// text returns the translation when present; otherwise it records the field
// (at at in the base file, in in the statement laid over, gp its generic
// path) as missing when the base has text there that a translation would
// change, and returns the base.
func (o *overlay) text(path, gp string, at, in input.Place, base, tr string) string {
	if tr != "" {
		return tr
	}
	if base != "" && !SameInTranslation(gp, base) {
		o.missing = append(o.missing, untranslated{name: path, at: at, in: in})
	}
	return base
}

// paras lays a translated paragraph list, the field key of the item whose
// places are at, over the base by position.
func (o *overlay) paras(path, gp string, at, in input.Places, key string, base, tr []string) []string {
	if len(base) == 0 {
		return base
	}
	out := make([]string, len(base))
	for i := range base {
		var t string
		if i < len(tr) {
			t = tr[i]
		}
		out[i] = o.text(fmt.Sprintf("%s[%d]", path, i), gp, at.Entry(key, i), in.Entry(key, i), base[i], t)
	}
	return out
}
