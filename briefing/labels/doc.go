// Package labels holds the fixed words documents print, per language:
// headings, "Recommendation %d of %d", page labels and month names.
package labels
