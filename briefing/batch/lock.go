package batch

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"
)

// LockFile is the file in the output folder that a build holds while it
// writes there, so that two builds never write into one folder at once. It
// holds the build's process id and is removed when the build ends.
const LockFile = ".briefing.lock"

// defaultLockWait is how long a build waits for another one by default.
const defaultLockWait = 5 * time.Second

// BusyError is returned when another build is writing to the output
// folder and did not finish within Options.LockWait.
type BusyError struct {
	// Out is the output folder; PID the other build's process id (0 when
	// it could not be read).
	Out string
	PID int
}

func (e *BusyError) Error() string {
	who := "another build"
	if e.PID > 0 {
		who = fmt.Sprintf("another build (pid %d)", e.PID)
	}
	return fmt.Sprintf("%s is writing to %s/; wait for it to finish, or use another --out", who, strings.TrimSuffix(e.Out, "/"))
}

// lock is a held build lock.
type lock struct {
	f    *folder
	file *os.File
	// stale is the process id of a build that died holding the lock
	// (its file was left behind), or 0.
	stale int
}

// acquire takes the folder's build lock, waiting up to wait for another
// build to finish; waiting is told once when it has to wait.
func (f *folder) acquire(wait time.Duration, waiting func(pid int)) (*lock, error) {
	deadline := time.Now().Add(wait)
	told := false
	for {
		file, err := f.root.OpenFile(LockFile, os.O_RDWR|os.O_CREATE, 0o644)
		if err != nil {
			if e := f.linkedOut(LockFile); e != nil {
				return nil, e
			}
			return nil, folderProblem(f.name, err)
		}
		got, err := tryLock(file)
		if err != nil {
			file.Close()
			return nil, fmt.Errorf("%s: %w", f.show(LockFile), err)
		}
		if got {
			// The file may have been removed by the build that held it
			// between our open and our lock: then the lock is on a file
			// nobody else sees; start again.
			fi, err1 := file.Stat()
			now, err2 := f.root.Lstat(LockFile)
			if err1 == nil && err2 == nil && os.SameFile(fi, now) {
				l := &lock{f: f, file: file}
				l.stale = readPID(file)
				if err := writePID(file); err != nil {
					l.release()
					return nil, fmt.Errorf("%s: %w", f.show(LockFile), err)
				}
				return l, nil
			}
			file.Close()
			continue
		}
		pid := readPID(file)
		file.Close()
		if time.Now().After(deadline) {
			return nil, &BusyError{Out: f.name, PID: pid}
		}
		if !told {
			told = true
			waiting(pid)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// release removes the lock file, then lets go of the lock.
func (l *lock) release() {
	l.f.root.Remove(LockFile)
	l.file.Close()
}

func readPID(file *os.File) int {
	b := make([]byte, 32)
	n, _ := file.ReadAt(b, 0)
	pid, err := strconv.Atoi(strings.TrimSpace(string(b[:n])))
	if err != nil {
		return 0
	}
	return pid
}

func writePID(file *os.File) error {
	if err := file.Truncate(0); err != nil {
		return err
	}
	if _, err := file.Seek(0, io.SeekStart); err != nil {
		return err
	}
	_, err := file.WriteString(strconv.Itoa(os.Getpid()) + "\n")
	return err
}

var errNoLock = errors.New("file locks are not supported here")
