package docx

import (
	"bytes"
	"fmt"
	"strings"
	"text/template"

	"briefing/briefing/doc"
)

// The header and footer parts are written whole by these templates: a
// paragraph of runs with, in the footer, PAGE and NUMPAGES fields. Text
// is escaped by the xml function; an empty text writes no run.
var running = template.Must(template.New("running").Funcs(template.FuncMap{"xml": esc}).Parse(
	`{{define "text"}}{{if .}}<w:r><w:t xml:space="preserve">{{xml .}}</w:t></w:r>{{end}}{{end}}` +
		`{{define "header"}}` + xmlHeader + `<w:hdr ` + wNS + `>` +
		// No running header: an empty paragraph without the Header style's rule.
		`{{if not .R}}<w:p/>{{else}}<w:p><w:pPr><w:pStyle w:val="Header"/></w:pPr>` +
		`{{with .R.Lead}}<w:r><w:rPr><w:b/><w:color w:val="{{$.Primary}}"/></w:rPr><w:t xml:space="preserve">{{xml .}}</w:t></w:r>{{end}}` +
		`{{template "text" .Text}}` +
		`{{with .R.Flag}}<w:r><w:tab/></w:r><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">{{xml .}}</w:t></w:r>{{end}}` +
		`</w:p>{{end}}</w:hdr>{{end}}` +
		`{{define "footer"}}` + xmlHeader + `<w:ftr ` + wNS + `>` +
		`{{if not .R}}<w:p/>{{else}}<w:p><w:pPr><w:pStyle w:val="Footer"/></w:pPr>` +
		`{{template "text" .R.Text}}` +
		`{{if .R.Page}}<w:r><w:tab/></w:r>{{template "text" .Before}}` +
		`<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>` +
		`<w:r><w:t xml:space="preserve">1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>` +
		`{{template "text" .Between}}` +
		`<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> NUMPAGES </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>` +
		`<w:r><w:t xml:space="preserve">{{.Pages}}</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>` +
		`{{template "text" .After}}{{end}}` +
		`</w:p>{{end}}</w:ftr>{{end}}`))

const wNS = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`

// headerXML is the running header: the lead (short name) in bold and the
// primary colour, the text, and the flag at the right. An empty header when
// h is nil.
func headerXML(h *doc.Running, primary string) ([]byte, error) {
	data := struct {
		R             *doc.Running
		Primary, Text string
	}{R: h, Primary: primary}
	if h != nil {
		data.Text = sep(h.Lead, h.Text)
	}
	return executeRunning("header", data)
}

// footerXML is the running footer: its text at the left, the page label at
// the right, built from PAGE and NUMPAGES fields (pages, the estimated page
// count, cached in the second) and the label's words. An empty footer when
// f is nil.
func footerXML(f *doc.Running, pages int) ([]byte, error) {
	data := struct {
		R                      *doc.Running
		Before, Between, After string
		Pages                  int
	}{R: f, Pages: pages}
	if f != nil {
		words := strings.Split(f.Page, "%d")
		if len(words) != 3 {
			words = []string{"", " / ", ""}
		}
		data.Before, data.Between, data.After = words[0], words[1], words[2]
	}
	return executeRunning("footer", data)
}

func executeRunning(name string, data any) ([]byte, error) {
	var b bytes.Buffer
	if err := running.ExecuteTemplate(&b, name, data); err != nil {
		return nil, fmt.Errorf("docx: %s: %w", name, err)
	}
	return b.Bytes(), nil
}

// sep returns " · " + s when both are set, else s.
func sep(before, s string) string {
	if before == "" || s == "" {
		return s
	}
	return " · " + s
}
