package finish_test

import (
	"strings"
	"testing"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"

	"briefing/briefing/pdf/finish"
)

// TestText reads each text string back with pdfcpu's decoder: ASCII as
// is, anything else as UTF-16BE with a byte order mark (surrogate pairs
// above the BMP, U+FFFD for invalid UTF-8), delimiters and CR escaped; and
// AppendText writes what Text returns.
func TestText(t *testing.T) {
	for _, s := range []string{"", "en", `a (b) \c`, "25\u00a0million", "Recomendación – ¿sí?", "\U0001F600 ok", "bad \xff byte", "tab\there", "\u0d28\u0d5f) \u280d\u5c5c"} {
		o, ok := finish.Text(s).(types.StringLiteral)
		if !ok {
			t.Fatalf("%q: %T", s, finish.Text(s))
		}
		got, err := types.StringLiteralToString(o)
		if err != nil {
			t.Fatalf("%q: %v", s, err)
		}
		if want := strings.ToValidUTF8(s, "\ufffd"); got != want {
			t.Errorf("Text(%q) reads back as %q", s, got)
		}
		if string(finish.AppendText([]byte("x"), s)) != "x("+string(o)+")" {
			t.Errorf("%q: AppendText differs from Text", s)
		}
	}
}
