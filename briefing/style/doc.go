// Package style is the brand and the layout, resolved: colours, fonts
// (parsed once, with their coverage), logo, type sizes, margins and paper.
// Load reads a brand and a layout file, each laid over the built-in ones,
// and the font and logo files they name.
package style
