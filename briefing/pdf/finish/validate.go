package finish

import (
	"bytes"
	"fmt"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
)

// Validate checks the PDF b with pdfcpu's strict validation (what
// `pdfcpu validate -m strict` does), without pdfcpu's configuration folder.
func Validate(b []byte) error {
	c := conf()
	c.ValidationMode = model.ValidationStrict
	c.Cmd = model.VALIDATE
	if err := api.Validate(bytes.NewReader(b), c); err != nil {
		return fmt.Errorf("pdfcpu strict validation: %w", err)
	}
	return nil
}
