package testtool

import (
	"sync"
	"testing"

	"briefing/briefing/compose"
	"briefing/briefing/statement"
	"briefing/briefing/style"
	"briefing/data"
	"briefing/internal/defaults"
)

var (
	builtinOnce  sync.Once
	builtinData  *statement.Dataset
	builtinStyle *style.Style
	builtinErr   error
)

// Builtin returns the built-in statement and style, loaded once per test
// binary and shared read-only by the exporters' tests.
func Builtin(t testing.TB) (*statement.Dataset, *style.Style) {
	t.Helper()
	builtinOnce.Do(func() {
		builtinData, builtinErr = statement.Load(data.FS, data.Default)
		if builtinErr != nil {
			return
		}
		builtinStyle, builtinErr = style.Load(defaults.StyleFiles())
	})
	if builtinErr != nil {
		t.Fatal(builtinErr)
	}
	return builtinData, builtinStyle
}

// ComposeOptions are the options the exporters' tests compose documents
// with: paper, a fixed creator and st's brand.
func ComposeOptions(st *style.Style, paper statement.Paper) compose.Options {
	return compose.Options{Paper: paper, Creator: "briefing test", Brand: &st.Brand}
}
