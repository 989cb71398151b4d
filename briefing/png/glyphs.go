package png

import (
	"math"
	"sync"

	"briefing/briefing/font"
)

// glyph is one character's outline in a font style (font.Outline) and the
// advance the PDF sets it with.
type glyph struct {
	font.Outline
	// adv is the advance in the PDF's width table: the outline's,
	// rounded to 1/1000 em (as font.Program.Width).
	adv float64
}

// glyphCache reads glyphs from the brand fonts as first needed and keeps
// them for every later document: a brief sets a few hundred distinct
// characters.
type glyphCache struct {
	set *font.Set
	mu  sync.RWMutex
	m   [4]map[rune]*glyph
}

func newGlyphCache(set *font.Set) *glyphCache {
	c := &glyphCache{set: set}
	for i := range c.m {
		c.m[i] = map[rune]*glyph{}
	}
	return c
}

// get returns the glyph of r in style st: the font's .notdef glyph for a
// character it lacks, as the PDF draws it.
func (c *glyphCache) get(st font.Style, r rune) *glyph {
	st &= 3
	c.mu.RLock()
	g := c.m[st][r]
	c.mu.RUnlock()
	if g != nil {
		return g
	}
	o := c.set.Outline(st, r)
	g = &glyph{Outline: o, adv: math.Round(o.Advance*1000) / 1000}
	c.mu.Lock()
	if old := c.m[st][r]; old != nil {
		g = old
	} else {
		c.m[st][r] = g
	}
	c.mu.Unlock()
	return g
}
