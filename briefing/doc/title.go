package doc

// BriefTitle is a one-page brief's title, as the layout sets it and an
// overflow error names it: the text of its first level-1 heading (the
// recommendation's title), else Meta.Title.
func (d *Doc) BriefTitle() string {
	for _, b := range d.Blocks {
		if h, ok := b.(*Heading); ok && h.Level == 1 {
			return h.Text.Plain()
		}
	}
	return d.Meta.Title
}
