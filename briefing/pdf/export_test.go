package pdf

// FpdfLayout is the fingerprint of fpdf's font definitions share.go was
// written for; FontLayout is the built-in fpdf's.
const FpdfLayout = fpdfLayout

// FontLayout is fontLayout.
func FontLayout() (string, error) { return fontLayout() }
