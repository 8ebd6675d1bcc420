//go:build !(linux || darwin || freebsd || netbsd || openbsd || dragonfly || windows)

package lock

import "os"

// tryLock takes the lock on f. Where the program knows no file lock, runs
// on the same output are not kept apart (README, "Running it every
// night").
func tryLock(f *os.File) (bool, error) { return true, nil }

// RemovesFile says whether a run removes its lock file as it ends.
const RemovesFile = true
