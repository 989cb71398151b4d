package finish

// SubsetForTest subsets p to runes and returns the font file.
func SubsetForTest(p *Program, runes []rune) ([]byte, error) {
	s, err := p.subset(runes)
	if err != nil {
		return nil, err
	}
	return s.ttf, nil
}
