//go:build windows

package lock

import (
	"errors"
	"os"

	"golang.org/x/sys/windows"
)

// lockOffset is where the byte a run locks lies in the lock file: far
// past its end, so that a waiting run can still read which run holds it.
const lockOffset = 1 << 40

// tryLock takes an exclusive lock on f (LockFileEx), reporting false
// when another process holds one.
func tryLock(f *os.File) (bool, error) {
	ol := &windows.Overlapped{Offset: uint32(lockOffset & 0xFFFFFFFF), OffsetHigh: uint32(lockOffset >> 32)}
	err := windows.LockFileEx(windows.Handle(f.Fd()), windows.LOCKFILE_EXCLUSIVE_LOCK|windows.LOCKFILE_FAIL_IMMEDIATELY, 0, 1, 0, ol)
	switch {
	case err == nil:
		return true, nil
	case errors.Is(err, windows.ERROR_LOCK_VIOLATION):
		return false, nil
	}
	return false, err
}

// RemovesFile says whether a run removes its lock file as it ends: not
// on Windows, where a file another run has open cannot be removed. The
// file left blocks nothing.
const RemovesFile = false
