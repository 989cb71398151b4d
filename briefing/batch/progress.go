package batch

// Progress is told how a build goes. Run calls Done from one goroutine at a
// time.
type Progress interface {
	Start(total int)
	Done(j Job, e *Entry, err error)
	Finish()
}

// Quiet reports nothing.
type Quiet struct{}

// Start does nothing.
func (Quiet) Start(int) {}

// Done does nothing.
func (Quiet) Done(Job, *Entry, error) {}

// Finish does nothing.
func (Quiet) Finish() {}
