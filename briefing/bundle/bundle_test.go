package bundle_test

import (
	"archive/zip"
	"bytes"
	"strings"
	"testing"
	"time"

	"briefing/briefing/bundle"
)

var day = time.Date(2024, 6, 21, 0, 0, 0, 0, time.UTC)

func TestZip(t *testing.T) {
	files := []bundle.File{{Name: "b.pdf", Data: []byte("%PDF b")}, {Name: "a.pdf", Data: []byte("%PDF a")}}
	var one, two bytes.Buffer
	if err := bundle.Zip(&one, "dir", files, day); err != nil {
		t.Fatal(err)
	}
	bundle.Zip(&two, "dir", files, day)
	if !bytes.Equal(one.Bytes(), two.Bytes()) {
		t.Error("the same files gave different zips")
	}
	zr, err := zip.NewReader(bytes.NewReader(one.Bytes()), int64(one.Len()))
	if err != nil {
		t.Fatal(err)
	}
	if len(zr.File) != 2 || zr.File[0].Name != "dir/b.pdf" || !zr.File[0].Modified.Equal(day) || len(zr.File[0].Extra) != 0 {
		t.Errorf("entries %v, first dated %v with %d bytes of extra fields; want dir/b.pdf first, dated %v, no extra", zr.File, zr.File[0].Modified, len(zr.File[0].Extra), day)
	}
	for _, bad := range [][]bundle.File{{{Name: "../x"}}, {{Name: "a/b"}}, {{Name: "a"}, {Name: "a"}}} {
		if err := bundle.Zip(&bytes.Buffer{}, "", bad, day); err == nil {
			t.Errorf("%v: no error", bad)
		}
	}
}

func TestEmail(t *testing.T) {
	m := bundle.Message{Subject: "Dosier para delegaciones: Honrar las promesas de la Declaración de Cartagena", Text: "Hola,\n\nAdjuntamos.", Lang: "es",
		To: []string{"Ana Pérez <ana@example.org>"}, Date: day, Attachments: []bundle.File{{Name: "x.pdf", Data: bytes.Repeat([]byte{0, 1, 2, 255}, 100)}}}
	var one, two bytes.Buffer
	if err := bundle.Email(&one, m); err != nil {
		t.Fatal(err)
	}
	bundle.Email(&two, m)
	if !bytes.Equal(one.Bytes(), two.Bytes()) {
		t.Error("the same message gave different bytes")
	}
	s := one.String()
	for _, want := range []string{"X-Unsent: 1\r\n", "Date: Fri, 21 Jun 2024 00:00:00 +0000\r\n", "To: =?utf-8?q?Ana_P=C3=A9rez?= <ana@example.org>\r\n", "Content-Language: es\r\n", "filename=x.pdf"} {
		if !strings.Contains(s, want) {
			t.Errorf("no %q in\n%s", want, s)
		}
	}
	for _, line := range strings.Split(s, "\r\n") {
		if len(line) > 78 || strings.Contains(line, "\n") {
			t.Errorf("line of %d characters (or a bare LF): %q", len(line), line)
		}
	}
	m.Text = "Hola de nuevo"
	var other bytes.Buffer
	bundle.Email(&other, m)
	if b1, b2 := boundary(one.String()), boundary(other.String()); b1 == b2 {
		t.Error("another text, the same boundary")
	}
	m.Cc = []string{"not an address"}
	if err := bundle.Email(&bytes.Buffer{}, m); err == nil || !strings.Contains(err.Error(), "not an address") {
		t.Errorf("bad cc: %v", err)
	}
}

func boundary(s string) string {
	_, b, _ := strings.Cut(s, "boundary=")
	b, _, _ = strings.Cut(b, "\r\n")
	return b
}
