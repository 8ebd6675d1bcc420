package inputs

import (
	"math/rand/v2"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// Results come in input order, each input worked once, whichever worker
// finishes first, and no more workers run at once than asked.
func TestInOrder(t *testing.T) {
	for _, workers := range []int{0, 1, 2, 4, 64} {
		const n = 50
		var running, most atomic.Int32
		var mu sync.Mutex
		worked := map[int]int{}
		var order []int
		InOrder(n, workers, func(i int) int {
			now := running.Add(1)
			for {
				m := most.Load()
				if now <= m || most.CompareAndSwap(m, now) {
					break
				}
			}
			time.Sleep(time.Duration(rand.IntN(300)) * time.Microsecond)
			mu.Lock()
			worked[i]++
			mu.Unlock()
			running.Add(-1)
			return i * i
		}, func(i, r int) {
			if r != i*i {
				t.Errorf("workers %d: use(%d, %d), want the result of input %d", workers, i, r, i)
			}
			order = append(order, i)
		})
		if len(order) != n {
			t.Fatalf("workers %d: %d results, want %d", workers, len(order), n)
		}
		for i, got := range order {
			if got != i || worked[i] != 1 {
				t.Fatalf("workers %d: result %d is input %d, worked %d times", workers, i, got, worked[i])
			}
		}
		if limit := max(workers, 1); int(most.Load()) > limit {
			t.Errorf("workers %d: %d ran at once", workers, most.Load())
		}
	}
}

// With one worker, reading and using take turns: input i+1 is not read
// before input i is used (standard input is read where it comes).
func TestInOrderOneWorker(t *testing.T) {
	var events []string
	InOrder(3, 1, func(i int) int {
		events = append(events, "work")
		return i
	}, func(i, r int) {
		events = append(events, "use")
	})
	want := []string{"work", "use", "work", "use", "work", "use"}
	if len(events) != len(want) {
		t.Fatalf("events %q, want %q", events, want)
	}
	for i := range want {
		if events[i] != want[i] {
			t.Fatalf("events %q, want %q", events, want)
		}
	}
}
