//go:build unix

package docx_test

import (
	"syscall"
	"time"
)

// cpuTime is the process's user and system CPU time: benchmarks report it
// per op too, since wall time on a busy machine says little.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
