package cli

import (
	"testing"

	"briefing/briefing/batch"
	"briefing/briefing/statement"
	"briefing/data"
)

// TestPlanError: batch.Plan's typed errors are worded with the flag that
// asked for what the data does not have.
func TestPlanError(t *testing.T) {
	ds, err := statement.Load(data.FS, data.Default)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		sel  batch.Selection
		want string
	}{
		{batch.Selection{Audiences: []string{"x"}}, `--audience: no audience "x" in cartagena40.yaml (have: delegates, states, donors, civil-society)`},
		{batch.Selection{Langs: []string{"de"}}, `--lang: no "de" version of cartagena40.yaml (have: en, es)`},
		{batch.Selection{Recs: []string{"nope"}}, `--rec: no recommendation "nope" in cartagena40.yaml`},
	} {
		_, err := batch.Plan(ds, c.sel, statement.PaperA4)
		if got := planError(err, batch.Selection{}); got == nil || got.Error() != c.want {
			t.Errorf("planError(%v) = %v, want %s", err, got, c.want)
		}
	}
}
