package briefing

import (
	"bytes"
	"fmt"
	"io/fs"
	"path"
)

// StyleFiles says where a Style's files are: the brand and layout files,
// each in its own file system (the embedded defaults or the user's), and
// the file system searched for font files the brand names when they are not
// beside the brand file.
type StyleFiles struct {
	BrandFS    fs.FS
	Brand      string
	LayoutFS   fs.FS
	Layout     string
	FallbackFS fs.FS
}

// LoadStyle reads and checks a brand and a layout and the files they name.
// TODO(loader): positions and all errors via the strict decoder.
func LoadStyle(f StyleFiles) (*Style, error) {
	st := &Style{}
	if _, errs := decodeFile(f.BrandFS, f.Brand, &st.Brand, decodeOptions{}); len(errs) > 0 {
		return nil, errs
	}
	if _, errs := decodeFile(f.LayoutFS, f.Layout, &st.Layout, decodeOptions{}); len(errs) > 0 {
		return nil, errs
	}
	dir := path.Dir(f.Brand)
	files := []string{st.Brand.Fonts.Regular, st.Brand.Fonts.Bold, st.Brand.Fonts.Italic, st.Brand.Fonts.BoldItalic}
	for i, name := range files {
		b, err := readBeside(f.BrandFS, dir, name, f.FallbackFS)
		if err != nil {
			return nil, &Error{File: f.Brand, Field: "fonts", Msg: err.Error()}
		}
		st.Fonts[i] = b
	}
	if st.Brand.Logo != "" {
		b, err := readBeside(f.BrandFS, dir, st.Brand.Logo, nil)
		if err != nil {
			return nil, &Error{File: f.Brand, Field: "logo", Msg: err.Error()}
		}
		switch {
		case bytes.HasPrefix(b, []byte("\x89PNG\r\n\x1a\n")):
			st.LogoType = "png"
		case bytes.HasPrefix(b, []byte("\xff\xd8\xff")):
			st.LogoType = "jpg"
		default:
			return nil, &Error{File: f.Brand, Field: "logo", Msg: fmt.Sprintf("%s: want a PNG or JPEG image", st.Brand.Logo)}
		}
		st.Logo = b
	}
	return st, nil
}

// readBeside reads name relative to dir in fsys, else from fallback.
func readBeside(fsys fs.FS, dir, name string, fallback fs.FS) ([]byte, error) {
	b, err := fs.ReadFile(fsys, path.Join(dir, name))
	if err == nil {
		return b, nil
	}
	if fallback != nil {
		if b, err2 := fs.ReadFile(fallback, name); err2 == nil {
			return b, nil
		}
	}
	return nil, err
}
