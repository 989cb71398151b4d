package pdf

// This is the one file that reaches into fpdf's unexported fields (with
// reflect and unsafe), and only for fpdfVersion, checked when a Renderer
// first draws. Everything else in the package uses fpdf's public API.
//
// Why: fpdf's public way to give a document a font, AddUTF8FontFromBytes,
// parses the font and JSON-hashes a 65,536-entry width table every time:
// about 2 ms a style a document, even for the stub font. The shortcut adds
// the stub once, to a prototype document, copies its definition for the
// four styles (each with its own resource name, field "i"), and gives
// every document copies of those, written into its font map. The copies
// share the parsed font and its width table, which fpdf only reads while
// drawing; each gets its own map of used runes ("usedRunes"), the one
// thing fpdf writes to while drawing.
// fpdf would also rewrite the shared parser when it subsets a font in
// Output, so every font is removed from a document before its Output
// (prune): the finishing pass embeds the fonts instead.
//
// When the fpdf module is not exactly fpdfVersion, or its fields are not
// the expected ones, or anything here panics, the Renderer falls back to
// the public API (fontShare.shared is false). TestFpdfVersion fails on any fpdf
// version change, so that this file is reviewed again; TestShareRace
// renders many documents at once under the race detector.

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"reflect"
	"runtime/debug"
	"unsafe"

	"codeberg.org/go-pdf/fpdf"
)

// FpdfVersion is the fpdf module version this file was written against.
const FpdfVersion = fpdfVersion

// fpdfModule and fpdfVersion are the fpdf this file was written against,
// and fpdfLayout the fingerprint of the font definitions' fields there
// (fontLayout).
const (
	fpdfModule  = "codeberg.org/go-pdf/fpdf"
	fpdfVersion = "v0.12.0"
	fpdfLayout  = "8e8ef299a1893831"
)

// fontShare gives documents the stub font, shared when the shortcut is on.
type fontShare struct {
	stub []byte
	// defs are the stub's definitions (fpdf.fontDefType) by style, and
	// res their names in a page's /Font resources; nil when the shortcut
	// is off.
	defs []reflect.Value
	res  [4]string
	// why says why the shortcut is off; empty when it is on.
	why string
}

// newFontShare prepares the stub for sharing; with public set, or when
// the checks fail, documents get it through fpdf's public API.
func newFontShare(stub []byte, public bool) *fontShare {
	s := &fontShare{stub: stub}
	if public {
		s.why = "the public API was asked for"
		return s
	}
	if err := s.prepare(); err != nil {
		s.defs, s.why = nil, err.Error()
	}
	return s
}

// shared reports whether documents share the parsed stub.
func (s *fontShare) shared() bool { return s.defs != nil }

// fpdfBuildVersion returns the version of fpdf built in, or "" when the
// binary carries no module information.
func fpdfBuildVersion() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return ""
	}
	for _, m := range bi.Deps {
		if m.Path == fpdfModule {
			if m.Replace != nil {
				return m.Replace.Path + "@" + m.Replace.Version
			}
			return m.Version
		}
	}
	return ""
}

// fontLayout describes fpdf's font map and the fields of its font
// definitions (names and types, in order), as a short hash.
func fontLayout() (string, error) {
	ft, ok := reflect.TypeFor[fpdf.Fpdf]().FieldByName("fonts")
	if !ok || ft.Type.Kind() != reflect.Map || ft.Type.Key().Kind() != reflect.String || ft.Type.Elem().Kind() != reflect.Struct {
		return "", fmt.Errorf("fpdf.Fpdf has no fonts map")
	}
	def := ft.Type.Elem()
	h := sha256.New()
	fmt.Fprintln(h, ft.Type)
	for i := range def.NumField() {
		f := def.Field(i)
		fmt.Fprintln(h, f.Name, f.Type, f.Offset)
	}
	return hex.EncodeToString(h.Sum(nil)[:8]), nil
}

// checkFpdf checks fpdf's version (when the binary records it) and the
// layout of its font definitions against what this file was written for.
func checkFpdf() error {
	if v := fpdfBuildVersion(); v != "" && v != fpdfVersion {
		return fmt.Errorf("fpdf is %s, not %s", v, fpdfVersion)
	}
	if l, err := fontLayout(); err != nil || l != fpdfLayout {
		return fmt.Errorf("fpdf's font definitions changed (layout %s, want %s; %v)", l, fpdfLayout, err)
	}
	return nil
}

// prepare checks fpdf's version (when the binary records it: test
// binaries do not) and the layout of its font definitions, then parses
// the stub once.
func (s *fontShare) prepare() (err error) {
	defer func() {
		if e := recover(); e != nil {
			err = fmt.Errorf("fpdf's fields are not as expected: %v", e)
		}
	}()
	if err := checkFpdf(); err != nil {
		return err
	}
	def := reflect.TypeFor[fpdf.Fpdf]()
	ft, _ := def.FieldByName("fonts")
	def = ft.Type.Elem()
	// The stub is parsed once, as the regular style; the other styles
	// are copies under their own keys and resource names ("i"), which is
	// all fpdf tells styles apart by once they are registered.
	p := fpdf.New("P", "mm", "A4", "")
	p.AddUTF8FontFromBytes(family, fpdfStyles[0], s.stub)
	if err := p.Error(); err != nil {
		return err
	}
	v := fontMap(p).MapIndex(reflect.ValueOf(fontKey(0)))
	if !v.IsValid() {
		return fmt.Errorf("fpdf did not register the stub")
	}
	if tp := v.FieldByName("Tp").String(); tp != "UTF8" {
		return fmt.Errorf("fpdf registered the stub as a %q font", tp)
	}
	for i := range fpdfStyles {
		d := reflect.New(def).Elem()
		d.Set(v)
		id := field(d, "i")
		id.SetString(id.String() + fpdfStyles[i])
		s.defs = append(s.defs, d)
		s.res[i] = "F" + id.String()
	}
	// A dry run of what every document does, so that a surprise panics
	// here, where it is recovered, and not in Render.
	f := fpdf.New("P", "mm", "A4", "")
	s.install(f)
	f.AddPage()
	f.SetFont(family, fpdfStyles[3], 10)
	f.Text(10, 10, "Ok")
	s.prune(f)
	if err := f.Output(io.Discard); err != nil {
		return fmt.Errorf("fpdf with the shared fonts: %w", err)
	}
	return nil
}

// install gives document f the four styles: copies of the shared
// definitions, each with its own map of used runes. Without the shortcut
// it does nothing: use adds a style on first use.
func (s *fontShare) install(f *fpdf.Fpdf) {
	if s.defs == nil {
		return
	}
	m := fontMap(f)
	for i, src := range s.defs {
		d := reflect.New(src.Type()).Elem()
		d.Set(src)
		field(d, "usedRunes").Set(reflect.ValueOf(map[int]int{}))
		m.SetMapIndex(reflect.ValueOf(fontKey(i)), d)
	}
}

// use makes sure document f has style i, through the public API when the
// definitions are not shared.
func (s *fontShare) use(f *fpdf.Fpdf, i int) {
	if s.defs == nil {
		f.AddUTF8FontFromBytes(family, fpdfStyles[i], s.stub)
	}
}

// resource returns style i's name in a page's /Font resources; "" when
// fpdf chose it (without the shortcut).
func (s *fontShare) resource(i int) string {
	if s.defs == nil {
		return ""
	}
	return s.res[i]
}

// prune removes the shared definitions from f before its Output, so that
// fpdf neither subsets (which would rewrite the shared parser) nor embeds
// them.
func (s *fontShare) prune(f *fpdf.Fpdf) {
	if s.defs == nil {
		return
	}
	m := fontMap(f)
	for i := range s.defs {
		m.SetMapIndex(reflect.ValueOf(fontKey(i)), reflect.Value{})
	}
}

// fontMap returns f's font map, writable.
func fontMap(f *fpdf.Fpdf) reflect.Value {
	return field(reflect.ValueOf(f).Elem(), "fonts")
}

// field returns the named field of the addressable struct v, writable even
// when unexported. prepare has checked that the fields exist.
func field(v reflect.Value, name string) reflect.Value {
	f := v.FieldByName(name)
	return reflect.NewAt(f.Type(), unsafe.Pointer(f.UnsafeAddr())).Elem()
}
