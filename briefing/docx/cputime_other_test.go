//go:build !unix

package docx_test

import "time"

func cpuTime() time.Duration { return 0 }
