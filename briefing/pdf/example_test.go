package pdf_test

import (
	"bytes"
	"fmt"

	"briefing/briefing"
	"briefing/briefing/pdf"
	"briefing/data"
	"briefing/internal/defaults"
)

// Render the brief for the first recommendation of the default statement.
func Example() {
	ds, err := briefing.Load(data.FS, data.Default)
	if err != nil {
		panic(err)
	}
	st, err := briefing.LoadStyle(defaults.StyleFiles())
	if err != nil {
		panic(err)
	}
	r, err := pdf.New(st)
	if err != nil {
		panic(err)
	}
	s, _ := ds.In("en")
	d := briefing.ComposeBrief(s, s.Audience("delegates"), &s.Recommendations[0], briefing.ComposeOptions{Paper: briefing.PaperA4, Brand: &st.Brand})
	var buf bytes.Buffer
	info, err := r.Render(&buf, d)
	if err != nil {
		panic(err)
	}
	fmt.Println(info.Pages, "page,", bytes.HasPrefix(buf.Bytes(), []byte("%PDF-")))
	// Output: 1 page, true
}
