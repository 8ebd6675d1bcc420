// Package atomicfile writes files so that a reader finds the old file or
// the new one, never part of one, whenever the writer stops: the content
// goes to a temporary file in the same folder, which is renamed over the
// file once complete.
//
// The temporary files being written are known, so that a program stopped
// by a signal removes them (Abort) rather than leave them behind.
package atomicfile

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
)

// Options say how Write writes a file.
type Options struct {
	// BeforeRename, if not nil, runs once the temporary file is complete,
	// before it replaces the file; an error from it leaves the file as it
	// was and is Write's error.
	BeforeRename func() error
	// NoSync skips syncing the file and its folder to the disk: for
	// files whose loss in a crash costs only time, such as a cache's.
	NoSync bool
}

// ErrAborted is the error of a Write that Abort stopped.
var ErrAborted = errors.New("stopped before the file was written")

// The temporary files being written, and whether Abort was called. The
// rename of a complete file happens under mu too, so that Abort finds
// every file either renamed or still temporary.
var (
	mu      sync.Mutex
	temps   = map[string]bool{}
	aborted bool
)

// Write writes the file at path with what write writes, through a
// temporary file named .NAME.RANDOM.tmp in the same folder (made with
// mode 0o644), synced unless opt.NoSync and then renamed over path. On
// any error path is left as it was and the temporary file is removed.
func Write(path string, write func(io.Writer) error, opt Options) error {
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	tmp, err := create(dir, base)
	if err != nil {
		return err
	}
	if err := fill(tmp, write, opt); err != nil {
		discard(tmp)
		return err
	}
	if opt.BeforeRename != nil {
		if err := opt.BeforeRename(); err != nil {
			discard(tmp)
			return err
		}
	}
	if err := rename(tmp.Name(), path); err != nil {
		discard(tmp)
		return err
	}
	if !opt.NoSync {
		// Make the rename itself durable; not every system can sync a
		// folder.
		if d, err := os.Open(dir); err == nil {
			d.Sync()
			d.Close()
		}
	}
	return nil
}

// create makes a temporary file for base in dir and records it.
func create(dir, base string) (*os.File, error) {
	mu.Lock()
	defer mu.Unlock()
	if aborted {
		return nil, ErrAborted
	}
	tmp, err := os.CreateTemp(dir, "."+base+".*.tmp")
	if err != nil {
		return nil, err
	}
	temps[tmp.Name()] = true
	return tmp, nil
}

// fill writes the content of tmp and closes it.
func fill(tmp *os.File, write func(io.Writer) error, opt Options) error {
	err := write(tmp)
	if err == nil {
		err = tmp.Chmod(0o644)
	}
	if err == nil && !opt.NoSync {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	return err
}

// rename renames the complete temporary file tmp over path, unless Abort
// removed it.
func rename(tmp, path string) error {
	mu.Lock()
	defer mu.Unlock()
	if aborted {
		return ErrAborted
	}
	if err := os.Rename(tmp, path); err != nil {
		return err
	}
	delete(temps, tmp)
	return nil
}

// discard closes and removes the temporary file tmp.
func discard(tmp *os.File) {
	tmp.Close()
	mu.Lock()
	defer mu.Unlock()
	os.Remove(tmp.Name())
	delete(temps, tmp.Name())
}

// Abort removes the temporary files being written and makes every Write
// not yet complete fail with ErrAborted, leaving the file it would have
// replaced as it was. A program stopped by a signal calls it before it
// exits. There is no going back: a program calls it once, at its end.
func Abort() {
	mu.Lock()
	defer mu.Unlock()
	aborted = true
	for name := range temps {
		os.Remove(name)
		delete(temps, name)
	}
}

// RemoveLeftovers removes the temporary files that Writes of path left in
// its folder when their process was killed before it could remove them.
// Only a process that alone writes path (one holding its lock) may call
// it: another's Write in progress would lose its temporary file.
func RemoveLeftovers(path string) {
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		// As create names them: .ledger.xlsx.123456.tmp
		if n := e.Name(); strings.HasPrefix(n, "."+base+".") && strings.HasSuffix(n, ".tmp") && !e.IsDir() {
			os.Remove(filepath.Join(dir, n))
		}
	}
}
