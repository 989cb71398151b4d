package pdf_test

import (
	"bytes"
	"fmt"

	"briefing/briefing/compose"
	"briefing/briefing/pdf"
	"briefing/briefing/statement"
	"briefing/briefing/style"
	"briefing/data"
	"briefing/internal/defaults"
)

// Render the brief for the first recommendation of the default statement.
func Example() {
	ds, err := statement.Load(data.FS, data.Default)
	if err != nil {
		panic(err)
	}
	st, err := style.Load(defaults.StyleFiles())
	if err != nil {
		panic(err)
	}
	r, err := pdf.New(st)
	if err != nil {
		panic(err)
	}
	s, _ := ds.In("en")
	d := compose.Brief(s, s.Audience("delegates"), &s.Recommendations[0], compose.Options{Paper: statement.PaperA4, Brand: &st.Brand})
	var buf bytes.Buffer
	info, err := r.Render(&buf, d)
	if err != nil {
		panic(err)
	}
	fmt.Println(info.Pages, "page,", bytes.HasPrefix(buf.Bytes(), []byte("%PDF-")))
	// Output: 1 page, true
}
