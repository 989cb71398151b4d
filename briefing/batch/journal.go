package batch

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"sync"
)

// JournalFile is the file in the output folder where a build notes each
// document just before renaming it into place. A build that ends, however
// it ends short of being killed, folds it into the manifest and removes it;
// after a kill or a power cut the next build reads it to learn which files
// on disk are ours, so that none is forgotten and never pruned.
const JournalFile = ".briefing.journal"

// journal appends entries to JournalFile.
type journal struct {
	mu   sync.Mutex
	file *os.File
}

// openJournal starts a fresh journal.
func (f *folder) openJournal() (*journal, error) {
	file, err := f.root.OpenFile(JournalFile, os.O_WRONLY|os.O_CREATE|os.O_TRUNC|os.O_APPEND, 0o644)
	if err != nil {
		return nil, err
	}
	j := &journal{file: file}
	b, _ := json.Marshal(header{Generator: Generator, Schema: Schema})
	if _, err := file.Write(append(b, '\n')); err != nil {
		file.Close()
		return nil, err
	}
	return j, nil
}

// note appends e in one write, so that a kill leaves at most one partial
// line, the last.
func (j *journal) note(e Entry) error {
	b, err := json.Marshal(e)
	if err != nil {
		return err
	}
	j.mu.Lock()
	defer j.mu.Unlock()
	_, err = j.file.Write(append(b, '\n'))
	return err
}

func (j *journal) close() error { return j.file.Close() }

// readJournal returns the entries a previous build noted; none when there
// is no journal. A partial last line (a kill mid-write) is ignored, and so
// is a journal that is not ours.
func (f *folder) readJournal() ([]Entry, bool, error) {
	b, err := f.root.ReadFile(JournalFile)
	if os.IsNotExist(err) {
		return nil, false, nil
	}
	if err != nil {
		if e := f.linkedOut(JournalFile); e != nil {
			return nil, false, e
		}
		return nil, false, fmt.Errorf("%s: %w", f.show(JournalFile), err)
	}
	sc := bufio.NewScanner(bytes.NewReader(b))
	sc.Buffer(nil, 1<<20)
	var es []Entry
	first := true
	for sc.Scan() {
		if first {
			first = false
			var h header
			if json.Unmarshal(sc.Bytes(), &h) != nil || h.Generator != Generator {
				return nil, true, nil
			}
			continue
		}
		var e Entry
		if json.Unmarshal(sc.Bytes(), &e) == nil && valid(e.Path) {
			es = append(es, e)
		}
	}
	return es, true, nil
}
