package testtool

import (
	"bytes"
	"fmt"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// StrictPDF checks the PDF b with pdfcpu's strict validation (what
// `pdfcpu validate -m strict` does), in process and without pdfcpu's
// configuration folder. It lives here, not beside the finishing pass, so
// that pdfcpu's validator is linked into tests only.
func StrictPDF(b []byte) error {
	c := &model.Configuration{
		Reader15:        true,
		ValidationMode:  model.ValidationStrict,
		Eol:             types.EolLF,
		TimestampFormat: "2006-01-02 15:04",
		DateFormat:      "2006-01-02",
		Limits:          model.DefaultResourceLimits(),
		Cmd:             model.VALIDATE,
	}
	if err := api.Validate(bytes.NewReader(b), c); err != nil {
		return fmt.Errorf("pdfcpu strict validation: %w", err)
	}
	return nil
}
