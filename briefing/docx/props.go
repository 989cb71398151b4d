package docx

import (
	"bytes"
	"fmt"
	"strings"
	"text/template"

	"briefing/briefing/doc"
)

// The document properties parts are written whole by these templates;
// an empty property writes no element. Text is escaped by the xml
// function.
var docProps = template.Must(template.New("props").Funcs(template.FuncMap{"xml": esc}).Parse(
	`{{define "core"}}` + xmlHeader +
		`<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
		`{{with .Title}}<dc:title>{{xml .}}</dc:title>{{end}}` +
		`{{with .Subject}}<dc:subject>{{xml .}}</dc:subject>{{end}}` +
		`{{with .Author}}<dc:creator>{{xml .}}</dc:creator>{{end}}` +
		`{{with .Keywords}}<cp:keywords>{{xml .}}</cp:keywords>{{end}}` +
		`{{with .Subtitle}}<dc:description>{{xml .}}</dc:description>{{end}}` +
		`{{with .Author}}<cp:lastModifiedBy>{{xml .}}</cp:lastModifiedBy>{{end}}` +
		`{{with .Lang}}<dc:language>{{xml .}}</dc:language>{{end}}` +
		`<dcterms:created xsi:type="dcterms:W3CDTF">{{.Date}}</dcterms:created>` +
		`<dcterms:modified xsi:type="dcterms:W3CDTF">{{.Date}}</dcterms:modified>` +
		`</cp:coreProperties>{{end}}` +
		`{{define "app"}}` + xmlHeader +
		`<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">` +
		`<Application>{{xml .App}}</Application><Company>{{xml .Company}}</Company></Properties>{{end}}`))

// coreXML is docProps/core.xml: title, creator, subject, keywords, language
// and the statement's date as created and modified time.
func coreXML(m *doc.Meta) ([]byte, error) {
	return executeProps("core", struct {
		Title, Subject, Author, Keywords, Subtitle, Lang, Date string
	}{
		Title: m.Title, Subject: m.Subject, Author: m.Author, Keywords: strings.Join(m.Keywords, ", "),
		Subtitle: m.Subtitle, Lang: m.Lang, Date: m.Date.UTC().Format("2006-01-02T15:04:05Z"),
	})
}

// appXML is docProps/app.xml: the tool that made the file.
func appXML(m *doc.Meta) ([]byte, error) {
	app := m.Creator
	if app == "" {
		app = "briefing"
	}
	return executeProps("app", struct{ App, Company string }{app, m.Author})
}

func executeProps(name string, data any) ([]byte, error) {
	var b bytes.Buffer
	if err := docProps.ExecuteTemplate(&b, name, data); err != nil {
		return nil, fmt.Errorf("docx: %s: %w", name, err)
	}
	return b.Bytes(), nil
}
