package batch

// Progress is told how a build goes: Start with the documents planned,
// then Done for each as it is made (the entry), found up to date (the
// entry, UpToDate true), kept as edited (ErrEdited) or failed. Run calls
// Done from one goroutine at a time.
type Progress interface {
	Start(jobs []Job)
	Done(j Job, e *Entry, err error)
	Finish()
}

// Quiet reports nothing.
type Quiet struct{}

// Start does nothing.
func (Quiet) Start([]Job) {}

// Done does nothing.
func (Quiet) Done(Job, *Entry, error) {}

// Finish does nothing.
func (Quiet) Finish() {}
