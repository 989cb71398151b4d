package font

// PrepareUncached is Prepare without the cache, for benchmarks.
func (s *Set) PrepareUncached(pieces []Piece) *Text { return s.prepare(pieces) }
