package batch

import (
	"bytes"
	"cmp"
	"fmt"
	"slices"

	"briefing/briefing/index"
	"briefing/briefing/inline"
	"briefing/briefing/labels"
	"briefing/briefing/statement"
	"briefing/briefing/style"
)

// IndexHTML is the page a build writes beside the manifest: every document
// of the manifest, per audience and language, with a link.
const IndexHTML = index.FileName

// writeIndex writes index.html from m, the manifest just written: the
// same documents, so that the page lists exactly what the manifest lists.
// Like the manifest, it is written atomically and left as it is when its
// bytes would not change. An index.html that briefing did not write is
// left alone, with a warning.
func (b *build) writeIndex(m *Manifest) error {
	page := indexPage(b.ds, b.opt.Compose.Brand, m)
	data, err := index.Bytes(page)
	if err != nil {
		return err
	}
	old, err := b.f.root.ReadFile(IndexHTML)
	switch {
	case err == nil && bytes.Equal(old, data):
		return nil
	case err == nil && !index.IsOurs(old):
		b.warn(fmt.Sprintf("left %s as it is: briefing did not write it (move it away to have the build write its index page there)", b.f.show(IndexHTML)))
		return nil
	}
	st, err := b.f.stage(IndexHTML, writeBytes(data))
	if err != nil {
		return err
	}
	return b.f.commit(st)
}

// indexPage is the index page's model for the documents of m: grouped by
// audience and language in the data's order (what the data no longer
// names comes last, by id), each group's documents pack first, then the
// briefs by number, then bundles and email drafts.
func indexPage(ds *statement.Dataset, brand *style.Brand, m *Manifest) *index.Page {
	p := &index.Page{Lang: "en"}
	audOrder := map[string]int{}
	langOrder := map[string]int{}
	names := map[string]string{}
	var base *statement.Statement
	if ds != nil {
		base = ds.Base
		p.Title = inline.Plain(base.Title)
		p.TitleLang = base.Lang
		for i, a := range base.Audiences {
			audOrder[a.ID] = i
			names[a.ID] = inline.Plain(a.Name)
		}
		for i, l := range Languages(ds) {
			langOrder[l] = i
		}
	}
	if p.Title == "" {
		p.Title = m.Statement
	}
	if brand != nil {
		p.Org = brand.Name
		c := brand.Colors
		p.Colors = index.Colors{
			Primary: string(c.Primary), Accent: string(c.Accent), AccentText: string(c.AccentText),
			AccentOnPrimary: string(c.AccentOnPrimary), Text: string(c.Text), Muted: string(c.Muted), Light: string(c.Light),
		}
	}
	order := func(m map[string]int, k string) int {
		if i, ok := m[k]; ok {
			return i
		}
		return len(m)
	}
	type key struct{ aud, lang string }
	type thumbKey struct {
		aud, lang string
		kind      statement.Kind
		rec       string
	}
	thumbs := map[thumbKey]Entry{}
	groups := map[key]*index.Group{}
	for _, e := range m.Documents {
		// A preview is shown as the thumbnail of the document of the same
		// audience, language, kind and recommendation, not as a row.
		if e.Format == statement.FormatPNG {
			thumbs[thumbKey{e.Audience, e.Lang, e.Kind, e.RecID}] = e
			continue
		}
		k := key{e.Audience, e.Lang}
		g := groups[k]
		if g == nil {
			name := names[e.Audience]
			if name == "" {
				name = e.Audience
			}
			g = &index.Group{Audience: e.Audience, AudienceName: name, Lang: e.Lang, LangName: index.LangName(e.Lang)}
			groups[k] = g
		}
		name, lang := docName(ds, e)
		d := index.Doc{
			Href: e.Path, Name: name, NameLang: lang, Kind: string(e.Kind), Format: string(e.Format),
			Paper: string(e.Paper), Pages: e.Pages, Bytes: e.Bytes,
		}
		if e.job().Deliverable() {
			d.Paper = "" // its documents' paper, not its own
		}
		g.Docs = append(g.Docs, d)
	}
	keys := make([]key, 0, len(groups))
	for k := range groups {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b key) int {
		return cmp.Or(cmp.Compare(order(audOrder, a.aud), order(audOrder, b.aud)), cmp.Compare(a.aud, b.aud),
			cmp.Compare(order(langOrder, a.lang), order(langOrder, b.lang)), cmp.Compare(a.lang, b.lang))
	})
	byPath := map[string]Entry{}
	for _, e := range m.Documents {
		byPath[e.Path] = e
	}
	for _, k := range keys {
		g := groups[k]
		slices.SortFunc(g.Docs, func(a, b index.Doc) int {
			ea, eb := byPath[a.Href], byPath[b.Href]
			return cmp.Or(cmp.Compare(kindOrder(ea.Kind), kindOrder(eb.Kind)), cmp.Compare(ea.Rec, eb.Rec),
				cmp.Compare(formatOrder(ea.Format), formatOrder(eb.Format)), cmp.Compare(a.Href, b.Href))
		})
		for i, d := range g.Docs {
			e := byPath[d.Href]
			if t, ok := thumbs[thumbKey{e.Audience, e.Lang, e.Kind, e.RecID}]; ok {
				g.Docs[i].Thumb = t.Path
				g.Docs[i].ThumbAlt = "First page of " + d.Name
			}
		}
		p.Groups = append(p.Groups, *g)
	}
	return p
}

// docName is what the document e is, in its language, and that language:
// "Delegate pack", "Recommendation 2: Protect civilians".
func docName(ds *statement.Dataset, e Entry) (name, lang string) {
	var s *statement.Statement
	if ds != nil {
		s, _ = ds.In(e.Lang)
	}
	if s == nil {
		return e.Path, ""
	}
	l, _ := labels.LabelsFor(s.Lang)
	switch e.Kind {
	case statement.KindPack:
		if a := s.Audience(e.Audience); a != nil && a.PackLabel != "" {
			return inline.Plain(a.PackLabel), s.Lang
		}
		return l.Pack, s.Lang
	case statement.KindBrief:
		name = l.RecN(e.Rec)
		if r := s.Recommendation(e.RecID); r != nil {
			name += ": " + inline.Plain(r.Title)
		}
		return name, s.Lang
	case statement.KindBundle:
		return "Every document of this folder, in one zip", ""
	case statement.KindEmail:
		return "Email draft with the PDFs attached", ""
	}
	return e.Path, ""
}

// kindOrder puts a folder's documents in the order the index shows them.
func kindOrder(k statement.Kind) int {
	switch k {
	case statement.KindPack:
		return 0
	case statement.KindBrief:
		return 1
	case statement.KindBundle:
		return 2
	}
	return 3
}

func formatOrder(f statement.Format) int {
	if i := slices.Index(statement.Formats, f); i >= 0 {
		return i
	}
	return len(statement.Formats)
}
