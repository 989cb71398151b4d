package style

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
)

// Fingerprint is the sha256 of everything in s that the renderers draw
// with: the brand and layout settings, the four fonts' bytes and the
// logo's. Two styles with one fingerprint set a document alike, so a
// build can leave a document made with either as it is.
func (s *Style) Fingerprint() string {
	h := sha256.New()
	for _, v := range []any{s.Brand, s.Layout} {
		b, _ := json.Marshal(v) // plain strings and numbers: cannot fail
		h.Write(b)
		h.Write([]byte{0})
	}
	for _, f := range s.Fonts {
		h.Write(f)
		h.Write([]byte{0})
	}
	if s.Logo != nil {
		h.Write([]byte(s.Logo.Type))
		h.Write(s.Logo.Data)
	}
	return hex.EncodeToString(h.Sum(nil))
}
