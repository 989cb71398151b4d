package style

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/jpeg"
	"image/png"
	"io"
	"io/fs"
	"path"
	"path/filepath"
	"reflect"
	"strings"

	"briefing/briefing/font"
	"briefing/briefing/input"
	"briefing/briefing/statement"
)

// Files says where a Style's files are: the brand and layout files,
// each in its own file system (the embedded defaults or the user's), and
// the file system searched for font files the brand names when they are not
// beside the brand file.
type Files struct {
	BrandFS    fs.FS
	Brand      string
	LayoutFS   fs.FS
	Layout     string
	FallbackFS fs.FS
	// Defaults, when not nil, names the brand and layout files that Brand
	// and Layout are laid over: those are read first, and each of Brand
	// and Layout then changes only the fields it names (a partial file is
	// fine; a field set to empty text is an error). Defaults' own
	// Defaults is ignored.
	Defaults *Files
}

// Load reads and checks a brand and a layout and the files they name.
// It reports every problem in both files at once, as an ErrorList with
// positions: unknown or missing keys, colours that are not #rrggbb, text
// and background colours (TextPairs) under WCAG 2.1 AA contrast, sizes
// and margins that are not positive, a body_min above body, an unknown
// paper, and font or logo files that cannot be read. Font files are read
// up to MaxFontSize; their character maps give the Style's coverage (see
// Style.Covers), and the brand's name, short name and footer must be
// covered. A logo must be a PNG (not interlaced) or JPEG file of at most
// MaxLogoSize bytes, refused by its size before it is read, and
// MaxLogoPixels pixels either way, that decodes. Font and logo names are
// relative to the brand file and may not leave its folder.
func Load(f Files) (*Style, error) {
	st := &Style{brandFile: f.Brand}
	var errs input.ErrorList
	opt := input.Options{}
	if d := f.Defaults; d != nil {
		// The defaults are read strictly; the files over them are partial.
		_, e := input.DecodeFile(d.BrandFS, d.Brand, &st.Brand, input.Options{})
		errs = append(errs, e...)
		opt.Required = func(string) bool { return false }
	}
	bpos, e := input.DecodeFile(f.BrandFS, f.Brand, &st.Brand, opt)
	errs = append(errs, e...)
	errs = append(errs, loadLayout(f, &st.Layout)...)
	if f.Defaults != nil && bpos != nil {
		errs = append(errs, emptied(f.Brand, bpos, reflect.ValueOf(st.Brand), "")...)
		unnamed(&st.Brand, bpos)
		unpaired(&st.Brand.Colors, bpos)
	}
	if bpos != nil {
		st.brandPos = bpos
		errs = append(errs, checkBrand(f, st, bpos)...)
	}
	errs = input.Dedupe(errs)
	input.SortErrors(errs, f.Brand, f.Layout)
	if len(errs) > 0 {
		return nil, errs
	}
	return st, nil
}

// LoadLayout reads and checks the layout file alone, laid over the
// built-in one as Load lays it, without the brand, its fonts or its logo:
// for a command that needs only the paper or the sizes (list).
func LoadLayout(f Files) (*Layout, error) {
	var l Layout
	errs := input.Dedupe(loadLayout(f, &l))
	input.SortErrors(errs, f.Layout)
	if len(errs) > 0 {
		return nil, errs
	}
	return &l, nil
}

// loadLayout decodes f's layout file into l, over the built-in layout
// when f has Defaults, and checks it.
func loadLayout(f Files, l *Layout) input.ErrorList {
	var errs input.ErrorList
	opt := input.Options{}
	if d := f.Defaults; d != nil {
		_, e := input.DecodeFile(d.LayoutFS, d.Layout, l, input.Options{})
		errs = append(errs, e...)
		opt.Required = func(string) bool { return false }
	}
	pos, e := input.DecodeFile(f.LayoutFS, f.Layout, l, opt)
	errs = append(errs, e...)
	if pos == nil {
		return errs
	}
	if f.Defaults != nil {
		errs = append(errs, emptied(f.Layout, pos, reflect.ValueOf(*l), "")...)
	}
	return append(errs, checkLayout(f.Layout, l, pos)...)
}

// unnamed clears the fields of brand b that name an organisation (name,
// short name, footer line, logo and its text) when the brand file laid
// over the built-in one (its positions pos) does not set them itself: a
// partial brand inherits colours, fonts and sizes, never another
// organisation's name or footer. The documents then take them from the
// statement's organisation.
func unnamed(b *Brand, pos input.Positions) {
	for _, f := range []struct {
		key string
		dst *string
	}{{"name", &b.Name}, {"short_name", &b.ShortName}, {"footer", &b.Footer}, {"logo", &b.Logo}, {"logo_alt", &b.LogoAlt}} {
		if _, set := pos[f.key]; !set {
			*f.dst = ""
		}
	}
}

// unpaired clears the built-in CMYK value of each colour that the brand
// file laid over the built-in one (its positions pos) changes without
// giving its own: the built-in inks are the built-in colour's, not the
// new one's.
func unpaired(c *Colors, pos input.Positions) {
	for _, n := range c.named() {
		_, colour := pos["colors."+n.name]
		_, ink := pos["colors.cmyk."+n.name]
		if colour && !ink {
			*n.ink = nil
		}
	}
}

// emptied reports the required text fields of a layered brand or layout
// that its file set to empty text: a partial file leaves out what it keeps,
// and may not blank what every document needs.
func emptied(file string, pos input.Positions, v reflect.Value, path string) input.ErrorList {
	var errs input.ErrorList
	for _, f := range input.FieldsOf(v.Type()) {
		p := input.JoinPath(path, f.Name)
		fv := v.Field(f.Index)
		switch fv.Kind() {
		case reflect.Struct:
			errs = append(errs, emptied(file, pos, fv, p)...)
		case reflect.String:
			if _, set := pos[p]; set && !f.Optional && strings.TrimSpace(fv.String()) == "" {
				errs = append(errs, styleErr(file, pos, p, "required (empty); leave the line out to keep the built-in value"))
			}
		}
	}
	return errs
}

// Warnings returns what is odd but not wrong in building ds with st: a
// brand whose organisation is not the statement's, so that the documents
// would carry another organisation's name and footer; a brand that changes
// its accent but keeps the built-in text accents (see accentWarnings).
// File names are as Load was given them.
func (st *Style) Warnings(ds *statement.Dataset) input.ErrorList {
	if st == nil {
		return nil
	}
	warns := st.accentWarnings()
	if ds == nil || ds.Base == nil {
		return warns
	}
	org := ds.Base.Organisation
	b := st.Brand
	if org.Name == "" || b.Name == "" || strings.EqualFold(b.Name, org.Name) ||
		org.ShortName != "" && strings.EqualFold(b.ShortName, org.ShortName) {
		return warns
	}
	p := st.brandPos["name"]
	return append(warns, &input.Error{Place: input.Place{File: st.brandFile, Pos: p, Field: "name"},
		Msg: fmt.Sprintf("the brand is %q but the statement's organisation is %q: the documents will carry the brand's colours, fonts and logo (if it has one) with %s's own name in the wordmark and footer; write a brand file for %s (briefing init writes one to edit)", b.Name, org.Name, org.Name, org.Name)})
}

// styleErr makes an error at a field's position (or its parent's).
func styleErr(file string, pos input.Positions, field, format string, args ...any) *input.Error {
	p := pos.At(field)
	return input.Errorf(input.Place{File: file, Pos: p, Field: field}, format, args...)
}

// checkBrand checks the brand's colours, each alone and each TextPair
// against WCAG 2.1 AA, and reads its font and logo files.
func checkBrand(f Files, st *Style, pos input.Positions) input.ErrorList {
	var errs input.ErrorList
	b := &st.Brand
	colorOK := true
	for _, c := range b.Colors.named() {
		if *c.ink != nil {
			if msg := c.ink.check(); msg != "" {
				errs = append(errs, styleErr(f.Brand, pos, "colors.cmyk."+c.name, "%s", msg))
			}
		}
		if c.c == "" {
			continue // reported as required, or optional
		}
		if _, _, _, err := c.c.RGB(); err != nil || strings.ContainsAny(string(c.c[1:]), "+-") {
			colorOK = false
			errs = append(errs, styleErr(f.Brand, pos, "colors."+c.name, "want a colour as \"#rrggbb\" (in quotes: # starts a comment), got %q", string(c.c)))
		}
	}
	b.Colors.withDefaults()
	if colorOK {
		errs = append(errs, checkContrast(f.Brand, b.Colors, pos)...)
	}
	dir := path.Dir(f.Brand)
	fonts := []struct{ key, name string }{{"regular", b.Fonts.Regular}, {"bold", b.Fonts.Bold}, {"italic", b.Fonts.Italic}, {"bold_italic", b.Fonts.BoldItalic}}
	for i, fn := range fonts {
		if fn.name == "" {
			continue
		}
		if msg := outside("font", dir, fn.name); msg != "" {
			errs = append(errs, styleErr(f.Brand, pos, "fonts."+fn.key, "%s", msg))
			continue
		}
		data, err := readBeside(f.BrandFS, dir, fn.name, f.FallbackFS)
		var big *tooBigError
		switch {
		case errors.As(err, &big):
			errs = append(errs, styleErr(f.Brand, pos, "fonts."+fn.key, "font file %s is %s (%d bytes), over the limit of %d MB", fn.name, mb(big.size), big.size, MaxFontSize>>20))
		case err != nil:
			errs = append(errs, styleErr(f.Brand, pos, "fonts."+fn.key, "cannot read font file %s: %s", fn.name, input.FSMessage(err)))
		case !isFont(data):
			errs = append(errs, styleErr(f.Brand, pos, "fonts."+fn.key, "%s is not a TrueType or OpenType font file", fn.name))
		default:
			st.Fonts[i] = data
		}
	}
	if st.Fonts[0] != nil && st.Fonts[1] != nil && st.Fonts[2] != nil && st.Fonts[3] != nil {
		set, err := font.Parse(st.Fonts)
		var fe *font.Error
		switch {
		case errors.As(err, &fe):
			errs = append(errs, styleErr(f.Brand, pos, "fonts."+fonts[fe.Style].key, "%s: cannot read the font (%v)", fonts[fe.Style].name, fe.Err))
		case err != nil:
			errs = append(errs, styleErr(f.Brand, pos, "fonts", "cannot read the fonts (%v)", err))
		default:
			st.Type = set
			for _, t := range []struct{ key, text string }{{"name", b.Name}, {"short_name", b.ShortName}, {"footer", b.Footer}} {
				if m := st.Missing(t.text); len(m) > 0 {
					errs = append(errs, styleErr(f.Brand, pos, t.key, "%s", statement.MissingMessage(st.Family(), m)))
				}
			}
		}
	}
	if b.Logo != "" {
		msg := outside("logo", dir, b.Logo)
		if msg == "" {
			msg = loadLogo(f.BrandFS, path.Join(dir, b.Logo), b.Logo, st)
		}
		if msg != "" {
			errs = append(errs, styleErr(f.Brand, pos, "logo", "%s", msg))
		}
	}
	return errs
}

// isFont reports whether b starts like a TrueType or OpenType font.
func isFont(b []byte) bool {
	return bytes.HasPrefix(b, []byte{0, 1, 0, 0}) || bytes.HasPrefix(b, []byte("OTTO")) || bytes.HasPrefix(b, []byte("true"))
}

// checkLayout checks the layout's paper, margins and type sizes.
func checkLayout(file string, l *Layout, pos input.Positions) input.ErrorList {
	var errs input.ErrorList
	if msg := statement.OneOf(l.Paper, statement.Papers, "paper"); msg != "" {
		errs = append(errs, styleErr(file, pos, "paper", "%s", msg))
	}
	w, h, paperOK := l.Paper.Size()
	m := l.Margins
	for _, x := range []struct {
		name string
		v    float64
	}{{"top", m.Top}, {"right", m.Right}, {"bottom", m.Bottom}, {"left", m.Left}} {
		if _, set := pos["margins."+x.name]; set && (x.v < 0 || x.v > 100) {
			errs = append(errs, styleErr(file, pos, "margins."+x.name, "want a margin from 0 to 100 mm, got %g", x.v))
		}
	}
	if paperOK && (m.Left+m.Right > w-50 || m.Top+m.Bottom > h-50) {
		errs = append(errs, styleErr(file, pos, "margins", "margins leave less than 50 mm of the %gx%g mm page", w, h))
	}
	z := l.Sizes
	for _, x := range []struct {
		name string
		v    float64
	}{{"body", z.Body}, {"body_min", z.BodyMin}, {"body_step", z.BodyStep}, {"lede", z.Lede}, {"title", z.Title}, {"heading1", z.Heading1}, {"heading2", z.Heading2}, {"figure", z.Figure}, {"quote", z.Quote}, {"small", z.Small}} {
		if _, set := pos["sizes."+x.name]; set && (x.v <= 0 || x.v > 200) {
			errs = append(errs, styleErr(file, pos, "sizes."+x.name, "want a positive size in points (up to 200), got %g", x.v))
		}
	}
	if z.BodyMin > z.Body && z.Body > 0 {
		errs = append(errs, styleErr(file, pos, "sizes.body_min", "body_min %g is larger than body %g", z.BodyMin, z.Body))
	}
	return errs
}

// outside says why the file name a brand gives cannot be read: it must
// be relative to the brand file's folder and stay inside it. "" when fine.
func outside(what, dir, name string) string {
	if path.IsAbs(name) || filepath.IsAbs(name) || filepath.VolumeName(name) != "" {
		return fmt.Sprintf("%s file %s: write the name relative to the brand file's folder, not as an absolute path", what, name)
	}
	if !fs.ValidPath(path.Join(dir, name)) {
		return fmt.Sprintf("%s file %s is outside the brand file's folder; put it in that folder or below it", what, name)
	}
	return ""
}

// MaxFontSize is the largest font file briefing reads, in bytes: room for
// the large CJK fonts.
const MaxFontSize = 64 << 20

// tooBigError is a file over MaxFontSize, refused before reading it.
type tooBigError struct{ size int64 }

func (e *tooBigError) Error() string { return fmt.Sprintf("file too large (%d bytes)", e.size) }

// readBeside reads name relative to dir in fsys, else from fallback,
// refusing a file over MaxFontSize.
func readBeside(fsys fs.FS, dir, name string, fallback fs.FS) ([]byte, error) {
	b, err := readMax(fsys, path.Join(dir, name))
	if err == nil {
		return b, nil
	}
	var big *tooBigError
	if errors.As(err, &big) {
		return nil, err
	}
	if fallback != nil {
		if b, err2 := readMax(fallback, name); err2 == nil {
			return b, nil
		}
	}
	return nil, err
}

func readMax(fsys fs.FS, name string) ([]byte, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.Size() > MaxFontSize {
		return nil, &tooBigError{st.Size()}
	}
	b, err := io.ReadAll(io.LimitReader(f, MaxFontSize+1))
	if err != nil {
		return nil, err
	}
	if len(b) > MaxFontSize {
		return nil, &tooBigError{int64(len(b))}
	}
	return b, nil
}

// Limits on the logo: a logo is a small image, and a file or an image
// beyond these is a mistake or an attack (a "decompression bomb").
const (
	// MaxLogoSize is the largest logo file briefing reads, in bytes.
	MaxLogoSize = 5 << 20
	// MaxLogoPixels is the largest width and height of a logo, in pixels.
	MaxLogoPixels = 4000
)

// loadLogo reads the logo file p (named name in messages) into st: it
// refuses a file over MaxLogoSize before reading it, anything but a PNG or
// JPEG image, an image over MaxLogoPixels either way and one that does not
// decode. It returns the problem, or "".
func loadLogo(fsys fs.FS, p, name string, st *Style) string {
	info, err := fs.Stat(fsys, p)
	switch {
	case err != nil:
		return fmt.Sprintf("cannot read logo file %s: %s", name, input.FSMessage(err))
	case info.IsDir():
		return fmt.Sprintf("logo file %s is a folder, not an image", name)
	case info.Size() > MaxLogoSize:
		return fmt.Sprintf("logo file %s is %s (%d bytes), over the limit of %d MB; use a smaller image", name, mb(info.Size()), info.Size(), MaxLogoSize>>20)
	}
	file, err := fsys.Open(p)
	if err != nil {
		return fmt.Sprintf("cannot read logo file %s: %s", name, input.FSMessage(err))
	}
	defer file.Close()
	data, err := io.ReadAll(io.LimitReader(file, MaxLogoSize+1))
	switch {
	case err != nil:
		return fmt.Sprintf("cannot read logo file %s: %s", name, input.FSMessage(err))
	case len(data) > MaxLogoSize:
		return fmt.Sprintf("logo file %s is over the limit of %d MB; use a smaller image", name, MaxLogoSize>>20)
	}
	var kind string
	var config func(io.Reader) (image.Config, error)
	var decode func(io.Reader) (image.Image, error)
	switch {
	case bytes.HasPrefix(data, []byte("\x89PNG\r\n\x1a\n")):
		kind, config, decode = "png", png.DecodeConfig, png.Decode
	case bytes.HasPrefix(data, []byte("\xff\xd8\xff")):
		kind, config, decode = "jpg", jpeg.DecodeConfig, jpeg.Decode
	default:
		return fmt.Sprintf("%s: want a PNG or JPEG image", name)
	}
	what := map[string]string{"png": "PNG", "jpg": "JPEG"}[kind]
	cfg, err := config(bytes.NewReader(data))
	if err != nil {
		return fmt.Sprintf("logo file %s is not a valid %s image (%v)", name, what, err)
	}
	if cfg.Width <= 0 || cfg.Height <= 0 {
		return fmt.Sprintf("logo file %s is an empty image (%dx%d pixels)", name, cfg.Width, cfg.Height)
	}
	if cfg.Width > MaxLogoPixels || cfg.Height > MaxLogoPixels {
		return fmt.Sprintf("logo file %s is %dx%d pixels, over the limit of %dx%d; scale it down", name, cfg.Width, cfg.Height, MaxLogoPixels, MaxLogoPixels)
	}
	if kind == "png" && len(data) > 28 && data[28] != 0 {
		// An exporter's limit, checked here: the PDF writer (fpdf)
		// embeds a PNG's compressed data as it is, which PDF can only
		// show when it is not interlaced, and fpdf refuses one that is.
		// Refused at load, the user hears it from the brand file's
		// line and column, at check time, rather than from a build
		// that fails mid-way with no place to point at.
		return fmt.Sprintf("logo file %s is an interlaced PNG, which cannot be embedded in a PDF; save it without interlacing", name)
	}
	if _, err := decode(bytes.NewReader(data)); err != nil {
		return fmt.Sprintf("logo file %s is not a valid %s image (%v)", name, what, err)
	}
	st.Logo = &Logo{Data: data, Type: kind, Width: cfg.Width, Height: cfg.Height}
	return ""
}

// mb writes a size in bytes as megabytes, "50.0 MB".
func mb(n int64) string {
	return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
}
