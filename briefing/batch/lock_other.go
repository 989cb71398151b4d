//go:build !unix

package batch

import "os"

// tryLock on systems without flock: the lock file's presence is the lock.
// It is always granted; a build there relies on users running one build
// per folder.
func tryLock(file *os.File) (bool, error) { return true, nil }
