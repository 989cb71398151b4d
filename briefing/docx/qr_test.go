package docx_test

import (
	"bytes"
	"strings"
	"testing"

	"briefing/briefing/doc"
	"briefing/briefing/statement"
)

// TestQRTooLong checks that a source address with no QR code (compose
// makes none for one too long to encode) is an error naming it, not a
// document without its code.
func TestQRTooLong(t *testing.T) {
	r, _ := setup(t, "en")
	url := "https://example.org/" + strings.Repeat("a", 3000)
	d := &doc.Doc{Meta: doc.Meta{Kind: statement.KindPack, Lang: "en", Paper: statement.PaperA4, Title: "T"},
		Blocks: []doc.Block{&doc.Cover{Wordmark: doc.Wordmark{Short: "S", Name: "N", Alt: "S N"}, Title: "T", Source: &doc.SourceBlock{URL: url, Label: "Scan"}}}}
	var buf bytes.Buffer
	_, err := r.Render(&buf, d)
	if err == nil || !strings.Contains(err.Error(), "too long for a QR code") || len(err.Error()) > 200 {
		t.Errorf("got %v, want a short error saying the address is too long for a QR code", err)
	}
}
