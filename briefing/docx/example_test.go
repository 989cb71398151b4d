package docx_test

import (
	"archive/zip"
	"bytes"
	"fmt"
	"log"

	"briefing/briefing/compose"
	"briefing/briefing/docx"
	"briefing/briefing/statement"
	"briefing/briefing/style"
	"briefing/data"
	"briefing/internal/defaults"
)

// Render a one-page brief and list the parts of the package.
func ExampleRenderer_Render() {
	st, err := style.Load(defaults.StyleFiles())
	if err != nil {
		log.Fatal(err)
	}
	r, err := docx.New(st)
	if err != nil {
		log.Fatal(err)
	}
	ds, err := statement.Load(data.FS, data.Default)
	if err != nil {
		log.Fatal(err)
	}
	s, _ := ds.In("en")
	d := compose.Brief(s, s.Audience("delegates"), &s.Recommendations[0], compose.Options{Paper: statement.PaperA4, Brand: &st.Brand})
	var buf bytes.Buffer
	if _, err := r.Render(&buf, d); err != nil {
		log.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		log.Fatal(err)
	}
	for _, f := range zr.File {
		fmt.Println(f.Name)
	}
	// Output:
	// [Content_Types].xml
	// _rels/.rels
	// docProps/app.xml
	// docProps/core.xml
	// word/_rels/document.xml.rels
	// word/document.xml
	// word/fontTable.xml
	// word/footer1.xml
	// word/header1.xml
	// word/media/image1.png
	// word/media/image2.png
	// word/numbering.xml
	// word/settings.xml
	// word/styles.xml
	// word/theme/theme1.xml
}
