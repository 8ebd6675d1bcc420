// Package lock keeps two runs from writing the same output at once: an
// operating-system lock (flock, or LockFileEx on Windows) on a file next
// to the output, .ledger.xlsx.lock, held for the whole run. The system
// lets go of it when the process ends, however it ends, so a lock file
// that a killed run left behind blocks nothing. The file names the
// process id and host of the run that holds it, for the message of a run
// that waits.
//
// Where the operating system knows no file lock, runs are not kept apart.
package lock

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"
)

// A Lock is the lock of one output, held until Release.
type Lock struct {
	path string
	f    *os.File
	once sync.Once
}

// A BusyError says another run holds the output's lock.
type BusyError struct {
	Output string        // the output
	Lock   string        // its lock file
	Holder string        // "pid N on host", as the lock file says
	Waited time.Duration // how long Acquire waited
}

func (e *BusyError) Error() string {
	return fmt.Sprintf("%s: another speechledger run (%s) is writing this output and holds %s; waited %v",
		e.Output, e.Holder, e.Lock, e.Waited.Round(time.Second/10))
}

// Name returns the lock file of output.
func Name(output string) string {
	dir, base := filepath.Split(output)
	return filepath.Join(dir, "."+base+".lock")
}

// poll is how often a waiting run tries the lock again.
const poll = 50 * time.Millisecond

// Acquire takes the lock of output, waiting up to wait for another run to
// finish; it returns a *BusyError when the other run does not finish in
// time.
func Acquire(output string, wait time.Duration) (*Lock, error) {
	path := Name(output)
	start := time.Now()
	for {
		f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
		if err != nil {
			return nil, fmt.Errorf("lock %s: %w", path, err)
		}
		ok, err := tryLock(f)
		if err != nil {
			f.Close()
			return nil, fmt.Errorf("lock %s: %w", path, err)
		}
		if ok && isLockFile(f, path) {
			l := &Lock{path: path, f: f}
			if err := l.sign(); err != nil {
				l.Release()
				return nil, fmt.Errorf("lock %s: %w", path, err)
			}
			return l, nil
		}
		var b []byte
		if !ok {
			b, _ = io.ReadAll(io.LimitReader(f, 256))
		}
		f.Close()
		if ok {
			continue // the run that had it removed the file as it ended
		}
		if time.Since(start) >= wait {
			return nil, &BusyError{Output: output, Lock: path, Holder: holder(b), Waited: time.Since(start)}
		}
		time.Sleep(poll)
	}
}

// isLockFile reports whether f is the file at path: the run that held a
// lock removes the file as it ends, and a run that locked it in between
// holds the lock of a file no other run will find.
func isLockFile(f *os.File, path string) bool {
	a, err := f.Stat()
	if err != nil {
		return false
	}
	b, err := os.Stat(path)
	return err == nil && os.SameFile(a, b)
}

// sign writes the process id and host of this run into the lock file.
func (l *Lock) sign() error {
	host, _ := os.Hostname()
	if err := l.f.Truncate(0); err != nil {
		return err
	}
	_, err := l.f.WriteAt(fmt.Appendf(nil, "%d %s\n", os.Getpid(), host), 0)
	return err
}

// holder returns who holds a lock whose file holds b: "pid N on host".
func holder(b []byte) string {
	fields := strings.Fields(string(b))
	if len(fields) == 0 {
		return "unknown process"
	}
	if len(fields) == 1 {
		return "pid " + fields[0]
	}
	return fmt.Sprintf("pid %s on %s", fields[0], fields[1])
}

// Release releases the lock, removing its file first where that is safe
// (RemovesFile). It may be called more than once, from any goroutine.
func (l *Lock) Release() {
	l.once.Do(func() {
		if RemovesFile {
			os.Remove(l.path)
		}
		l.f.Close()
	})
}
