package briefing

import (
	"fmt"
	"regexp"
)

// Places returns where the fields of the statement in lang are in the
// data: in the translation file for lang when it has the field, else in the
// base file. Field paths are the base file's ("recommendations[2].body[0]");
// items a translation keys by id (recommendations, figures, quotes,
// audiences) are found there by id. A nil Dataset gives unknown places.
func (ds *Dataset) Places(lang string) func(field string) Place {
	return func(field string) Place {
		if ds == nil || ds.Base == nil {
			return Place{Field: field}
		}
		if t := ds.Translations[lang]; t != nil && lang != ds.Base.Lang {
			file := ds.Files[lang]
			if tf, ok := translatedPath(ds.Base, t, field); ok {
				if p, ok := ds.Pos[file][tf]; ok {
					return Place{File: file, Line: p.Line, Col: p.Col, Field: tf}
				}
			}
		}
		p := ds.Pos[ds.File][field]
		return Place{File: ds.File, Line: p.Line, Col: p.Col, Field: field}
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
	var i int
	fmt.Sscan(m[2], &i)
	var id string
	var ids []string
	switch m[1] {
	case "recommendations":
		if i >= len(base.Recommendations) {
			return "", false
		}
		id = base.Recommendations[i].ID
		for _, r := range t.Recommendations {
			ids = append(ids, r.ID)
		}
	case "figures":
		if i >= len(base.Figures) {
			return "", false
		}
		id = base.Figures[i].ID
		for _, f := range t.Figures {
			ids = append(ids, f.ID)
		}
	case "quotes":
		if i >= len(base.Quotes) {
			return "", false
		}
		id = base.Quotes[i].ID
		for _, q := range t.Quotes {
			ids = append(ids, q.ID)
		}
	case "audiences":
		if i >= len(base.Audiences) {
			return "", false
		}
		id = base.Audiences[i].ID
		for _, a := range t.Audiences {
			ids = append(ids, a.ID)
		}
	}
	for k, x := range ids {
		if x == id {
			return fmt.Sprintf("%s[%d]%s", m[1], k, m[3]), true
		}
	}
	return "", false
}
