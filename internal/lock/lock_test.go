//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly || windows

package lock

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// A held lock keeps a second Acquire out until its wait runs out, with an
// error naming the output, the lock file and the process that holds it;
// once released, the lock file is gone (where RemovesFile) and the lock
// can be taken again.
func TestAcquireBusy(t *testing.T) {
	out := filepath.Join(t.TempDir(), "ledger.xlsx")
	l, err := Acquire(out, 0)
	if err != nil {
		t.Fatal(err)
	}
	const wait = 120 * time.Millisecond
	_, err = Acquire(out, wait)
	var busy *BusyError
	if !errors.As(err, &busy) {
		t.Fatalf("second Acquire: %v, want a *BusyError", err)
	}
	host, _ := os.Hostname()
	want := fmt.Sprintf("pid %d on %s", os.Getpid(), host)
	if busy.Output != out || busy.Lock != Name(out) || busy.Holder != want || busy.Waited < wait {
		t.Errorf("BusyError %+v, want output %s, lock %s, holder %q, waited %v or more", busy, out, Name(out), want, wait)
	}
	l.Release()
	l.Release() // a second time does nothing
	if _, err := os.Stat(Name(out)); err == nil && RemovesFile {
		t.Error("the lock file is left after Release")
	}
	l, err = Acquire(out, 0)
	if err != nil {
		t.Fatalf("after Release: %v", err)
	}
	l.Release()
}

// A lock file that no process holds blocks nothing, whatever it says.
func TestAcquireLeftBehind(t *testing.T) {
	out := filepath.Join(t.TempDir(), "ledger.xlsx")
	for _, content := range []string{"1 elsewhere\n", "", "not a pid at all"} {
		if err := os.WriteFile(Name(out), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		l, err := Acquire(out, 0)
		if err != nil {
			t.Fatalf("lock file %q: %v", content, err)
		}
		l.Release()
	}
}
