package index

import (
	"bytes"
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"strings"
)

// FileName is the page's name inside the output folder.
const FileName = "index.html"

// Generator marks a page as written by briefing (its generator meta tag):
// a build replaces an index.html only when it carries it.
const Generator = "briefing"

// Page is everything index.html shows.
type Page struct {
	// Lang is the page's language (the statement's base language).
	Lang string
	// Title is the statement's title, in TitleLang; Org the
	// organisation's name.
	Title, TitleLang, Org string
	// Colors are the brand's colours, each "#rrggbb" (empty: the defaults).
	Colors Colors
	// Groups are the audiences and languages, in the data's order.
	Groups []Group
}

// Colors are the brand colours the page is drawn in.
type Colors struct {
	Primary, Accent, AccentText, AccentOnPrimary, Text, Muted, Light string
}

// Group is the documents of one audience in one language: one folder.
type Group struct {
	// Audience is the audience's id and AudienceName its name.
	Audience, AudienceName string
	// Lang is the documents' language code and LangName its name.
	Lang, LangName string
	Docs           []Doc
}

// ID is the group's anchor on the page: "docs-delegates-en".
func (g Group) ID() string { return "docs-" + g.Audience + "-" + g.Lang }

// audience is the groups of one audience, next to each other in Page.Groups.
type audience struct {
	ID, Name string
	Groups   []Group
}

// Doc is one file of the output folder.
type Doc struct {
	// Href is the file's slash path relative to the output folder.
	Href string
	// Name is what the document is ("Recommendation 2: …"), in the
	// group's language.
	Name string
	// NameLang is Name's language; empty: the page's.
	NameLang string
	// Kind, Format and Paper are as the manifest says ("brief", "pdf",
	// "a4"); Paper may be empty.
	Kind, Format, Paper string
	// Pages is the page count; 0 when the format does not fix pages.
	Pages int
	Bytes int64
	// Thumb, when set, is the slash path of a preview image of the
	// document's first page, and ThumbAlt its alternative text.
	Thumb, ThumbAlt string
}

//go:embed index.html.tmpl
var pageTemplate string

//go:embed index.css
var pageCSS string

var tmpl = template.Must(template.New(FileName).Funcs(template.FuncMap{
	"size":  Size,
	"pages": pages,
	"upper": strings.ToUpper,
	"kind":  kindName,
	"paper": paperName,
	"count": count,
}).Parse(pageTemplate))

// Write writes p as an HTML page to w.
func Write(w io.Writer, p *Page) error {
	var css bytes.Buffer
	c := p.Colors.withDefaults()
	fmt.Fprintf(&css, ":root{--primary:%s;--accent:%s;--accent-text:%s;--accent-on-primary:%s;--text:%s;--muted:%s;--light:%s}\n",
		c.Primary, c.Accent, c.AccentText, c.AccentOnPrimary, c.Text, c.Muted, c.Light)
	css.WriteString(pageCSS)
	docs, bytes := 0, int64(0)
	langs := map[string]bool{}
	var auds []audience
	for _, g := range p.Groups {
		docs += len(g.Docs)
		for _, d := range g.Docs {
			bytes += d.Bytes
		}
		langs[g.Lang] = true
		if n := len(auds); n == 0 || auds[n-1].ID != "audience-"+g.Audience {
			auds = append(auds, audience{ID: "audience-" + g.Audience, Name: g.AudienceName})
		}
		auds[len(auds)-1].Groups = append(auds[len(auds)-1].Groups, g)
	}
	return tmpl.Execute(w, struct {
		*Page
		CSS         template.CSS
		Generator   string
		Audience    []audience
		Docs, Langs int
		Audiences   int
		Bytes       int64
	}{p, template.CSS(css.String()), Generator, auds, docs, len(langs), len(auds), bytes})
}

// Bytes is p as Write writes it.
func Bytes(p *Page) ([]byte, error) {
	var b bytes.Buffer
	if err := Write(&b, p); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// IsOurs reports whether b, an index.html, was written by Write.
func IsOurs(b []byte) bool {
	return bytes.Contains(b, []byte(`<meta name="generator" content="`+Generator+`">`))
}

var defaultColors = Colors{
	Primary: "#123B5D", Accent: "#D9822B", AccentText: "#A85A14", AccentOnPrimary: "#F0A860",
	Text: "#1E2328", Muted: "#5C6670", Light: "#EDF2F6",
}

// withDefaults fills each colour left empty, or not "#rrggbb", with the
// default brand's.
func (c Colors) withDefaults() Colors {
	pick := func(v, d string) string {
		if len(v) != 7 || v[0] != '#' || strings.Trim(v[1:], "0123456789abcdefABCDEF") != "" {
			return d
		}
		return v
	}
	d := defaultColors
	return Colors{
		Primary: pick(c.Primary, d.Primary), Accent: pick(c.Accent, d.Accent), AccentText: pick(c.AccentText, d.AccentText),
		AccentOnPrimary: pick(c.AccentOnPrimary, d.AccentOnPrimary), Text: pick(c.Text, d.Text), Muted: pick(c.Muted, d.Muted),
		Light: pick(c.Light, d.Light),
	}
}

// Size writes n bytes for people: "840 B", "62 KB", "1.4 MB".
func Size(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%d KB", (n+512)>>10)
	}
	return fmt.Sprintf("%d B", n)
}

// pages is a page count, or "—" when the format does not fix pages.
func pages(n int) string {
	if n <= 0 {
		return "—"
	}
	return fmt.Sprint(n)
}

// kindName is a manifest kind as the page says it.
func kindName(k string) string {
	switch k {
	case "brief":
		return "Brief"
	case "pack":
		return "Pack"
	case "bundle":
		return "Bundle"
	case "email":
		return "Email draft"
	}
	return k
}

// paperName is a paper as the page says it.
func paperName(p string) string {
	switch p {
	case "a4":
		return "A4"
	case "letter":
		return "Letter"
	case "":
		return "—"
	}
	return p
}

// count is "1 document", "3 documents".
func count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// LangName is the name of the language code in that language ("Español"),
// or the code itself for a language it does not know.
func LangName(code string) string {
	if n, ok := langNames[strings.ToLower(code)]; ok {
		return n
	}
	return code
}

var langNames = map[string]string{
	"ar": "العربية", "de": "Deutsch", "en": "English", "es": "Español", "fr": "Français",
	"it": "Italiano", "nl": "Nederlands", "pt": "Português", "ru": "Русский", "uk": "Українська",
	"tr": "Türkçe", "fa": "فارسی", "so": "Soomaali", "sw": "Kiswahili", "da": "Dansk",
}
