package index_test

import (
	"bytes"
	"strings"
	"testing"

	"briefing/briefing/index"
)

func page() *index.Page {
	return &index.Page{
		Lang: "en", Title: `Rights & <script>alert(1)</script>`, TitleLang: "es", Org: "DRC",
		Colors: index.Colors{Primary: "#112233", Accent: "not a colour"},
		Groups: []index.Group{
			{Audience: "delegates", AudienceName: "Delegates", Lang: "en", LangName: "English", Docs: []index.Doc{
				{Href: "delegates/en/x-pack.pdf", Name: "Pack", NameLang: "en", Kind: "pack", Format: "pdf", Paper: "a4", Pages: 5, Bytes: 28 << 10},
				{Href: "delegates/en/x-pack.docx", Name: "Pack", NameLang: "en", Kind: "pack", Format: "docx", Paper: "a4", Bytes: 900},
			}},
			{Audience: "delegates", AudienceName: "Delegates", Lang: "es", LangName: "Español", Docs: []index.Doc{
				{Href: "delegates/es/x-rec1-a.pdf", Name: "Recomendación 1", NameLang: "es", Kind: "brief", Format: "pdf", Paper: "letter", Pages: 1, Bytes: 3 << 20,
					Thumb: "delegates/es/x-rec1-a.png", ThumbAlt: "First page of Recomendación 1"},
			}},
		},
	}
}

func TestWrite(t *testing.T) {
	a, err := index.Bytes(page())
	if err != nil {
		t.Fatal(err)
	}
	b, _ := index.Bytes(page())
	if !bytes.Equal(a, b) {
		t.Error("the same page gave different bytes")
	}
	s := string(a)
	for _, want := range []string{
		`<html lang="en">`, `<h1 lang="es">Rights &amp; &lt;script&gt;`, `--primary:#112233;`, `--accent:#D9822B;`,
		`<h2 id="audience-delegates">Delegates</h2>`, `<a href="delegates/en/x-pack.pdf">`, `<td class="num">—</td>`,
		`<td class="num">28 KB</td>`, `<td class="num">3.0 MB</td>`, `<td>Letter</td>`,
		`<img class="thumb" src="delegates/es/x-rec1-a.png" alt="First page of Recomendación 1" width="120">`,
		`<a href="#docs-delegates-es" lang="es">Español</a>`, `3 documents · 1 audience · 2 languages`,
	} {
		if !strings.Contains(s, want) {
			t.Errorf("page has no %s", want)
		}
	}
	if strings.Contains(s, "<script>") {
		t.Error("the title's markup was not escaped")
	}
	if strings.Count(s, "<h2 ") != 2 { // contents, one audience
		t.Errorf("want 2 h2 (contents and the audience), got %d", strings.Count(s, "<h2 "))
	}
	if !index.IsOurs(a) || index.IsOurs([]byte("<title>mine</title>")) {
		t.Error("IsOurs")
	}
}

func TestEmpty(t *testing.T) {
	b, err := index.Bytes(&index.Page{Lang: "en", Title: "T"})
	if err != nil || !strings.Contains(string(b), "No documents yet") {
		t.Errorf("empty page: %v\n%s", err, b)
	}
}
