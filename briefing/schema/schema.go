package schema

import (
	"briefing/briefing/input"
	"briefing/briefing/statement"
	"briefing/briefing/style"
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
)

// Kind is a kind of input file that has a JSON JSON.
type Kind string

// The kinds of input file.
const (
	Statement   Kind = "statement"
	Translation Kind = "translation"
	Brand       Kind = "brand"
	Layout      Kind = "layout"
)

// Kinds lists every Kind.
var Kinds = []Kind{Statement, Translation, Brand, Layout}

// File is the file name a kind's schema is stored under
// ("statement.schema.json").
func (k Kind) File() string { return string(k) + ".schema.json" }

// JSON returns the JSON JSON (draft 2020-12) of a kind of input file,
// made from the same types and rules the strict loader reads it with:
// unknown keys are refused, required fields must be there and not empty,
// ids, language codes, dates, colours, addresses, kinds, formats and paper
// are constrained as Load and LoadStyle constrain them. What a schema
// cannot see (references between lists, numbering, translations against
// their base file, fonts and logos) is left to briefing check. Brand and
// layout files are laid over the built-in ones, so none of their fields is
// required. Editors use it to complete keys and flag mistakes while typing.
func JSON(k Kind) ([]byte, error) {
	g := schemaGen{kind: k}
	var root map[string]any
	switch k {
	case Statement:
		g.required = func(gp string, f input.Field) bool { return !f.Optional }
		root = g.object(reflect.TypeOf(statement.Statement{}), "")
		delete(root["properties"].(map[string]any), "translation")
	case Translation:
		g.required = func(gp string, f input.Field) bool { return statement.TranslationRequired[gp] }
		g.allowed = func(gp string) bool { return statement.Translatable[gp] }
		root = g.object(reflect.TypeOf(statement.Statement{}), "")
	case Brand:
		g.required = func(string, input.Field) bool { return false }
		root = g.object(reflect.TypeOf(style.Brand{}), "")
	case Layout:
		g.required = func(string, input.Field) bool { return false }
		root = g.object(reflect.TypeOf(style.Layout{}), "")
	default:
		return nil, fmt.Errorf("no schema for %q; want one of statement, translation, brand, layout", string(k))
	}
	root["$schema"] = "https://json-schema.org/draft/2020-12/schema"
	root["title"] = "briefing " + string(k) + " file"
	root["description"] = schemaDocs["$"+string(k)]
	return json.MarshalIndent(root, "", "  ")
}

// schemaGen makes a schema from Go types and their yaml tags.
type schemaGen struct {
	kind     Kind
	required func(gpath string, f input.Field) bool
	// allowed, when set, says which generic paths may appear at all.
	allowed func(gpath string) bool
}

// Patterns the loader checks, for strings.
const (
	schemaSlug     = `^[a-z0-9]+(-[a-z0-9]+)*$`
	schemaLang     = `^[a-z]{2,3}(-([A-Z]{2}|[0-9]{3}|[A-Z][a-z]{3}))?$`
	schemaDate     = `^[0-9]{4}-[0-9]{2}-[0-9]{2}$`
	schemaWeb      = `^[Hh][Tt][Tt][Pp][Ss]?://[^\s/.][^\s]*$`
	schemaEmail    = `^[^\s@:]+@[^\s@]+\.[^\s@]+$`
	schemaPhone    = `^\+?[0-9][0-9 ./()-]*[0-9]$`
	schemaAddress  = `^([^<>]*<[^\s@:<>]+@[^\s@<>]+\.[^\s@<>]+>|[^\s@:<>]+@[^\s@<>]+\.[^\s@<>]+)$`
	schemaColor    = `^#[0-9A-Fa-f]{6}$`
	schemaNotBlank = `\S`
)

// schemaStrings are the constraints on string fields by generic path.
var schemaStrings = map[string]map[string]any{
	"id":                            {"pattern": schemaSlug},
	"lang":                          {"pattern": schemaLang},
	"date":                          {"pattern": schemaDate},
	"source":                        {"pattern": schemaWeb},
	"statement_url":                 {"pattern": schemaWeb},
	"organisation.website":          {"pattern": schemaWeb},
	"organisation.contact.email":    {"pattern": schemaEmail},
	"organisation.contact.phone":    {"pattern": schemaPhone},
	"audiences[].contact.email":     {"pattern": schemaEmail},
	"audiences[].contact.phone":     {"pattern": schemaPhone},
	"audiences[].email.to[]":        {"pattern": schemaAddress},
	"audiences[].email.cc[]":        {"pattern": schemaAddress},
	"figures[].id":                  {"pattern": schemaSlug},
	"quotes[].id":                   {"pattern": schemaSlug},
	"recommendations[].id":          {"pattern": schemaSlug, "not": map[string]any{"const": "all"}},
	"recommendations[].audiences[]": {"pattern": schemaSlug},
	"recommendations[].quote":       {"pattern": schemaSlug},
	"recommendations[].figures[]":   {"pattern": schemaSlug},
	"audiences[].id":                {"pattern": schemaSlug, "not": map[string]any{"const": "all"}},
	"audiences[].recommendations[]": {"pattern": schemaSlug},
	"audiences[].languages[]":       {"pattern": schemaLang},
	"audiences[].kinds[]":           {"enum": enumOf(statement.Kinds)},
	"audiences[].formats[]":         {"enum": enumOf(statement.Formats)},
	"audiences[].paper":             {"enum": enumOf(statement.Papers)},
	"paper":                         {"enum": enumOf(statement.Papers)},
	"colors.primary":                {"pattern": schemaColor},
	"colors.accent":                 {"pattern": schemaColor},
	"colors.accent_text":            {"pattern": schemaColor},
	"colors.accent_on_primary":      {"pattern": schemaColor},
	"colors.text":                   {"pattern": schemaColor},
	"colors.muted":                  {"pattern": schemaColor},
	"colors.light":                  {"pattern": schemaColor},
}

// schemaNumbers are the constraints on number fields by generic path.
var schemaNumbers = map[string]map[string]any{
	"recommendations[].number": {"minimum": 1},
	"margins.top":              {"minimum": 0, "maximum": 100},
	"margins.right":            {"minimum": 0, "maximum": 100},
	"margins.bottom":           {"minimum": 0, "maximum": 100},
	"margins.left":             {"minimum": 0, "maximum": 100},
}

func enumOf[T ~string](vs []T) []string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = string(v)
	}
	return out
}

// object is the schema of a struct type at generic path gp.
func (g *schemaGen) object(t reflect.Type, gp string) map[string]any {
	props := map[string]any{}
	var req []string
	for _, f := range input.FieldsOf(t) {
		p := input.JoinPath(gp, f.Name)
		if g.allowed != nil && !g.allowed(p) {
			continue
		}
		required := g.required(p, f)
		s := g.value(t.Field(f.Index).Type, p, required, f.Text)
		if d := schemaDocs[p]; d != "" {
			s["description"] = d
		}
		props[f.Name] = s
		if required {
			req = append(req, f.Name)
		}
	}
	o := map[string]any{"type": "object", "properties": props, "additionalProperties": false}
	if len(req) > 0 {
		o["required"] = req
	}
	if g.kind == Statement {
		if one := schemaOneOfEach[gp]; one != nil {
			var all []any
			for _, names := range one {
				var any1 []any
				for _, n := range names {
					any1 = append(any1, map[string]any{"required": []string{n}})
				}
				all = append(all, map[string]any{"anyOf": any1})
			}
			o["allOf"] = all
		}
	}
	return o
}

// schemaOneOfEach are the objects of a statement file, by generic path,
// that need at least one field of each group (a quote's speaker or role).
var schemaOneOfEach = map[string][][]string{
	"quotes[]":             {{"speaker", "role"}},
	"organisation.contact": {{"name", "role"}, {"email", "phone"}},
	"audiences[].contact":  {{"name", "role"}, {"email", "phone"}},
}

// value is the schema of a value of type t at generic path gp, text of
// kind text when it is text. An optional field may be written empty
// (null): the loader reads that as absent.
func (g *schemaGen) value(t reflect.Type, gp string, required bool, text input.Text) map[string]any {
	if t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	var s map[string]any
	switch t.Kind() {
	case reflect.Struct:
		s = g.object(t, gp)
	case reflect.Slice:
		s = map[string]any{"type": "array", "items": g.value(t.Elem(), gp+"[]", false, text)}
		if required {
			s["minItems"] = 1
		}
		if strings.HasPrefix(gp, "colors.cmyk.") {
			// Process inks: [c, m, y, k].
			s["minItems"], s["maxItems"] = 4, 4
		}
	case reflect.String:
		// The loader reads a number or true/false written where text goes
		// as its text ("value: 40").
		s = map[string]any{"type": []string{"string", "number", "boolean"}, "maxLength": text.MaxLen()}
		for k, v := range schemaStrings[gp] {
			s[k] = v
		}
		switch {
		case s["pattern"] == schemaSlug:
			// A whole number such as 2024 reads as the id "2024".
			s["type"] = []string{"string", "integer"}
			s["minimum"] = 0
		case s["pattern"] != nil, s["enum"] != nil:
			s["type"] = "string"
		}
		if required && s["pattern"] == nil && s["enum"] == nil {
			s["pattern"] = schemaNotBlank
		}
		if g.kind == Brand && !g.optionalTag(gp) && s["pattern"] == nil {
			s["pattern"] = schemaNotBlank
		}
	case reflect.Int:
		s = map[string]any{"type": "integer", "minimum": -2147483648, "maximum": 2147483647}
		for k, v := range schemaNumbers[gp] {
			s[k] = v
		}
	case reflect.Float64:
		s = map[string]any{"type": "number"}
		if strings.HasPrefix(gp, "sizes.") {
			s["exclusiveMinimum"] = 0
			s["maximum"] = 200
		}
		if strings.HasPrefix(gp, "colors.cmyk.") {
			s["minimum"], s["maximum"] = 0, 100
		}
		for k, v := range schemaNumbers[gp] {
			s[k] = v
		}
	case reflect.Bool:
		s = map[string]any{"type": "boolean"}
	default:
		s = map[string]any{}
	}
	if !required && !strings.HasSuffix(gp, "[]") {
		s = allowNull(s)
	}
	return s
}

// optionalTag reports whether the brand field at gp is omitempty in Brand.
func (g *schemaGen) optionalTag(gp string) bool {
	t := reflect.TypeOf(style.Brand{})
	parts := strings.Split(gp, ".")
	for i, p := range parts {
		for _, f := range input.FieldsOf(t) {
			if f.Name != p {
				continue
			}
			if i == len(parts)-1 {
				return f.Optional
			}
			t = t.Field(f.Index).Type
		}
	}
	return true
}

// allowNull widens a schema's type to take null.
func allowNull(s map[string]any) map[string]any {
	switch t := s["type"].(type) {
	case string:
		s["type"] = []string{t, "null"}
	case []string:
		s["type"] = append(t, "null")
	}
	if e, ok := s["enum"].([]string); ok {
		s["enum"] = append(append([]any{}, toAny(e)...), nil)
	}
	return s
}

func toAny(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}

// schemaDocs are the descriptions editors show, by generic path ("$kind"
// for a file as a whole).
var schemaDocs = map[string]string{
	"$statement":   "A policy statement: its context, key figures, quotes, numbered recommendations and the audiences it is briefed to. Text takes **bold**, *italic* and [links](https://…). Run `briefing check` after editing.",
	"$translation": "A translation of a statement (NAME.<lang>.yaml beside NAME.yaml): only text, matched to the base file by id (figures, quotes, recommendations, audiences) and by position (paragraph lists). What it leaves out prints in the base language.",
	"$brand":       "A brand, laid over the built-in one: name only what you change. Colours are \"#rrggbb\" (in quotes); font and logo files are relative to this file.",
	"$layout":      "A layout, laid over the built-in one: name only what you change. Lengths in millimetres, type sizes in points.",

	"id":                            "Names the statement in output file names: lower-case letters, digits and single hyphens.",
	"lang":                          "The language of this file, as a code such as en, es, fr or pt-BR.",
	"translation":                   "Marks this file as a translation of the base statement.",
	"translation.official":          "false for a working translation: documents then print the note.",
	"translation.note":              "Printed on documents of an unofficial translation, e.g. \"Unofficial translation\".",
	"title":                         "The statement's title.",
	"subtitle":                      "A line under the title.",
	"organisation":                  "The body that issued the statement.",
	"organisation.name":             "The organisation's full name (a translation may give it in its language, and need not).",
	"organisation.short_name":       "Its short name or acronym (a translation may give it, and need not).",
	"organisation.website":          "Its web address (http:// or https://).",
	"organisation.contact":          "An optional person or desk to reach about the statement: a name or a role, and an e-mail address or a phone number. Printed in each brief's footer and on the pack's back page; an audience may name its own.",
	"organisation.contact.name":     "The person's or desk's name (not translated).",
	"organisation.contact.role":     "Their role, e.g. \"Advocacy adviser, Americas\" (translatable).",
	"organisation.contact.email":    "An e-mail address, name@example.org (linked; no mailto:).",
	"organisation.contact.phone":    "A phone number, e.g. \"+45 33 73 50 00\".",
	"date":                          "The statement's date, YYYY-MM-DD.",
	"place":                         "Where it was made.",
	"event":                         "The event or process it was made to.",
	"statement_url":                 "The statement's own page (http:// or https://), where its full text is: encoded as the QR code (\"Scan to read the full statement\") and printed. Without it, the QR code leads to the organisation's website and says so.",
	"source":                        "The older name of statement_url, still read; give one or the other.",
	"summary":                       "An optional lede, set large above the context in the pack.",
	"context":                       "Paragraphs that set the scene.",
	"figures":                       "Key figures, set as large numerals.",
	"figures[].id":                  "The figure's id, referred to by recommendations[].figures.",
	"figures[].value":               "The number as printed: \"25 million\".",
	"figures[].label":               "What the number counts.",
	"figures[].source":              "Where the number comes from, e.g. \"UNHCR, Global Trends 2023\": printed in a source line under the figures.",
	"quotes":                        "Things people said, each with its speaker, its speaker's role, or both.",
	"quotes[].id":                   "The quote's id, referred to by recommendations[].quote.",
	"quotes[].speaker":              "Who said it (not translated); may be left out when role is given.",
	"quotes[].role":                 "The speaker's role (translatable); required when there is no speaker.",
	"recommendations":               "The numbered recommendations: one brief each.",
	"recommendations[].id":          "The recommendation's id (not \"all\").",
	"recommendations[].number":      "Optional: its position, 1, 2, 3… in file order; written, it must agree.",
	"recommendations[].title":       "Its title.",
	"recommendations[].body":        "Its paragraphs.",
	"recommendations[].asks":        "An optional bullet list of concrete asks.",
	"recommendations[].audiences":   "The audiences it matters to most (ids); empty means all.",
	"recommendations[].quote":       "The id of the quote printed on its brief.",
	"recommendations[].figures":     "The ids of the figures on its brief; empty means all.",
	"audiences":                     "Who the statement is briefed to and what each gets. Without audiences, everything is built for one audience, \"all\".",
	"audiences[].id":                "The audience's id: names its output folder (not \"all\").",
	"audiences[].name":              "Its name, printed on its documents.",
	"audiences[].recommendations":   "Recommendation ids in print order, or [all] (the default).",
	"audiences[].languages":         "Languages to make (default: the base language and every translation).",
	"audiences[].kinds":             "brief and/or pack (default: both).",
	"audiences[].formats":           "pdf, docx and/or png, a preview of page 1 (default: pdf and docx; --format png makes previews for every audience).",
	"audiences[].paper":             "a4 or letter (default: the layout's).",
	"audiences[].note":              "Printed on this audience's pack cover.",
	"audiences[].pack_label":        "What its pack is called, on the cover and in the file's subject, e.g. \"Delegate pack\" (default: \"Briefing pack\" in the document's language).",
	"audiences[].contact":           "A contact for this audience's documents, instead of the organisation's.",
	"audiences[].fallback":          "true: a language in languages without a translation file is made in the base language, with a warning (default false: an error).",
	"audiences[].contact.name":      "The person's or desk's name (not translated).",
	"audiences[].contact.role":      "Their role (translatable).",
	"audiences[].contact.email":     "An e-mail address, name@example.org.",
	"audiences[].contact.phone":     "A phone number, e.g. \"+45 33 73 50 00\".",
	"audiences[].email":             "This audience's email drafts (build --format eml): subject, cover note and addressees, each optional.",
	"audiences[].email.subject":     "The subject (translatable; default: the pack's name and the statement's title).",
	"audiences[].email.note":        "The cover note, paragraphs separated by blank lines (translatable; default: a short note in the draft's language). The organisation's name signs it.",
	"audiences[].email.to":          "Addressees: name@example.org or \"Name <name@example.org>\" (default: none; fill them in the mail program).",
	"audiences[].email.cc":          "Addressees in copy, as to.",
	"closing":                       "Paragraphs printed after the recommendations in the pack.",
	"name":                          "The organisation's name, as the brand prints it.",
	"short_name":                    "Its short name.",
	"logo":                          "A PNG or JPEG file (at most 5 MB and 4000×4000 pixels), relative to this file. Without it, a typographic wordmark.",
	"logo_alt":                      "The logo's alternative text.",
	"colors":                        "Brand colours, each \"#rrggbb\" in quotes.",
	"colors.primary":                "Fills the brand band and colours headings; 4.5:1 against white and light either way (WCAG 2.1 AA).",
	"colors.accent":                 "The bright accent, for rules, bars and fills; text in the accent's hue uses accent_text or accent_on_primary.",
	"colors.accent_text":            "The accent for text on white and on light (kickers, key figures, contents page numbers); default #A85A14. Must reach 4.5:1 on white and 3:1 on light (WCAG 2.1 AA).",
	"colors.accent_on_primary":      "The accent for text on the primary band (the document label, the cover's kicker); default #F0A860. Must reach 4.5:1 on primary (WCAG 2.1 AA).",
	"colors.text":                   "Body text; 4.5:1 on white and on light (WCAG 2.1 AA).",
	"colors.muted":                  "Secondary text; 4.5:1 on white and on light (WCAG 2.1 AA).",
	"colors.light":                  "Tinted backgrounds.",
	"colors.cmyk":                   "Process inks for print-shop PDFs (--print press), by the colours' names: [c, m, y, k] in per cent, from your brand guide, used as they are (no colour management). A colour without one prints as its RGB; a brand file that changes a colour without giving its inks drops the built-in ones.",
	"colors.cmyk.primary":           "primary's inks, [c, m, y, k] in per cent.",
	"colors.cmyk.accent":            "accent's inks, [c, m, y, k] in per cent.",
	"colors.cmyk.accent_text":       "accent_text's inks, [c, m, y, k] in per cent.",
	"colors.cmyk.accent_on_primary": "accent_on_primary's inks, [c, m, y, k] in per cent.",
	"colors.cmyk.text":              "text's inks, [c, m, y, k] in per cent (black alone reads best at text sizes).",
	"colors.cmyk.muted":             "muted's inks, [c, m, y, k] in per cent.",
	"colors.cmyk.light":             "light's inks, [c, m, y, k] in per cent.",
	"fonts":                         "One font family: four TrueType or OpenType files, relative to this file.",
	"footer":                        "Printed in every document's footer.",
	"paper":                         "a4 or letter; an audience's paper wins.",
	"margins":                       "Page margins in millimetres.",
	"sizes":                         "Type sizes in points.",
	"sizes.body_min":                "No longer used (a brief's body is never shrunk); accepted so that older layout files load.",
	"sizes.body_step":               "No longer used (a brief's body is never shrunk); accepted so that older layout files load.",
}
