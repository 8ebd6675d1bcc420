// Package inputs holds what reading speechledger's inputs needs that is
// not about one format: which files of a folder a run reads (Walk),
// telling what kind of document a file is by its bytes (Sniff), and
// reading many inputs on several goroutines while handing their results
// over in input order (InOrder), so that what a run prints and exports is
// the same as reading one file after another would give.
package inputs

// InOrder calls work(i) for each i from 0 to n-1 on up to workers
// goroutines, and use(i, r) with each result on the calling goroutine in
// order of i, each as soon as work(i) and every use before it are done.
// With workers of 1 or less, work(i) and use(i, r) take turns on the
// calling goroutine: an input read from standard input is read where it
// comes in the list. A result is let go once used, so a large batch holds
// only the results whose turn has not come.
func InOrder[R any](n, workers int, work func(i int) R, use func(i int, r R)) {
	if workers <= 1 || n <= 1 {
		for i := range n {
			use(i, work(i))
		}
		return
	}
	workers = min(workers, n)
	results := make([]R, n)
	done := make([]chan struct{}, n)
	for i := range done {
		done[i] = make(chan struct{})
	}
	next := make(chan int)
	go func() {
		for i := range n {
			next <- i
		}
		close(next)
	}()
	for range workers {
		go func() {
			for i := range next {
				results[i] = work(i)
				close(done[i])
			}
		}()
	}
	var zero R
	for i := range n {
		<-done[i]
		r := results[i]
		results[i] = zero
		use(i, r)
	}
}
