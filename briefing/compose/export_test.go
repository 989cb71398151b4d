package compose

import "briefing/briefing/inline"

// Tie is prose, for tests.
func Tie(s string) inline.Runs { return prose(s) }
