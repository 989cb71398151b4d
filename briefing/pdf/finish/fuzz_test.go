package finish_test

import (
	"testing"

	"briefing/briefing/pdf/finish"
	"briefing/fonts"
)

// FuzzProgram reads damaged font files and subsets them: errors, never a
// panic.
func FuzzProgram(f *testing.F) {
	b, err := fonts.FS.ReadFile("NotoSans-Regular.ttf")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(b[:4096], "Aé’")
	f.Add([]byte("\x00\x01\x00\x00\x00\x01"), "a")
	f.Fuzz(func(t *testing.T, data []byte, text string) {
		p, err := finish.ParseProgram(data, "Fuzz-Regular")
		if err != nil {
			return
		}
		for _, r := range text {
			p.Width(r)
		}
		finish.SubsetForTest(p, []rune(text))
	})
}
