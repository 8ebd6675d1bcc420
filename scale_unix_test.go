//go:build unix

package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// scaleSizes are the corpus sizes BenchmarkScale runs at.
var scaleSizes = []int{100, 1000, 5000, 10000}

// BenchmarkScale runs the command over generated corpora of 100 to 10,000
// speeches (writeCorpus, -speech-kb each), in a child process, and
// reports the wall time and CPU time per speech and the child's peak
// resident memory (its rusage), which is what a desktop must have: into
// a workbook and into JSON lines, with the extraction cache cold (empty)
// and warm (filled by the cold run just before), and the nightly case:
// the previous night's ledger (the warm run's) read back and carried
// forward with one new speech. Each corpus is written on first use, in
// a temporary folder or the -corpus folder, where it is kept for later
// runs. Skipped under -short; one size or case runs alone with
//
//	go test -run XXX -bench 'Scale/n=1000$/jsonl' -benchtime 1x -timeout 0 -corpus /tmp/corpora
//
// (warm and nightly follow the cold run of their size and output; run
// alone they find what is there.)
func BenchmarkScale(b *testing.B) {
	if testing.Short() {
		b.Skip("generates and runs over corpora of up to 10,000 speeches")
	}
	root := *corpusDir // -corpus keeps the corpora for later runs
	if root == "" {
		root = b.TempDir()
	}
	// corpus returns the folder of n speeches and the path of one more,
	// outside it, writing them on first use.
	corpus := func(b *testing.B, n int) (dir, extra string) {
		dir = filepath.Join(root, fmt.Sprint(n))
		extra = filepath.Join(root, fmt.Sprintf("%d-extra.txt", n))
		if _, err := os.Stat(dir); err == nil {
			return dir, extra
		}
		if err := os.Mkdir(dir, 0o755); err != nil {
			b.Fatal(err)
		}
		writeCorpus(b, dir, n+1, *speechKB<<10)
		names, err := filepath.Glob(filepath.Join(dir, "*.txt"))
		if err != nil || len(names) != n+1 {
			b.Fatalf("corpus: %d speeches, %v", len(names), err)
		}
		if err := os.Rename(names[n], extra); err != nil {
			b.Fatal(err)
		}
		return dir, extra
	}
	for _, n := range scaleSizes {
		for _, out := range []string{"xlsx", "jsonl"} {
			work := filepath.Join(root, fmt.Sprintf("work-%d-%s", n, out))
			output := filepath.Join(work, "ledger."+out)
			run := func(b *testing.B, speeches int, dir string) {
				if err := os.MkdirAll(work, 0o755); err != nil {
					b.Fatal(err)
				}
				scaleRun(b, speeches, "-q", "--cache-dir", filepath.Join(work, "cache"), "--report-date", "2024-03-05", "-o", output, dir)
			}
			b.Run(fmt.Sprintf("n=%d/%s/cold", n, out), func(b *testing.B) {
				dir, _ := corpus(b, n)
				if err := os.RemoveAll(work); err != nil {
					b.Fatal(err)
				}
				run(b, n, dir)
			})
			b.Run(fmt.Sprintf("n=%d/%s/warm", n, out), func(b *testing.B) {
				dir, _ := corpus(b, n)
				run(b, n, dir)
			})
			if out != "xlsx" {
				continue
			}
			b.Run(fmt.Sprintf("n=%d/%s/nightly", n, out), func(b *testing.B) {
				// Tonight's folder is last night's and one speech more.
				dir, extra := corpus(b, n)
				added := filepath.Join(dir, "zz-"+filepath.Base(extra))
				if err := os.Link(extra, added); err != nil {
					b.Fatal(err)
				}
				defer os.Remove(added)
				run(b, n+1, dir)
			})
		}
	}
}

// scaleRun runs the command with args once in a child process over n
// speeches and reports its figures.
func scaleRun(b *testing.B, n int, args ...string) {
	b.Helper()
	for b.Loop() {
		// Once: a second run would find the output of the first.
		if b.N > 1 {
			b.Fatal("run with -benchtime 1x")
		}
		cmd := exec.Command(os.Args[0], args...)
		cmd.Env = append(os.Environ(), "SPEECHLEDGER_AS_MAIN=1", "LC_ALL=C")
		start := time.Now()
		outb, err := cmd.CombinedOutput()
		took := time.Since(start)
		if err != nil {
			b.Fatalf("%v: %v\n%s", args, err, outb)
		}
		ru := cmd.ProcessState.SysUsage().(*syscall.Rusage)
		cpu := time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
		b.ReportMetric(took.Seconds()/float64(n)*1e3, "ms/speech")
		b.ReportMetric(cpu.Seconds()/float64(n)*1e3, "cpu-ms/speech")
		b.ReportMetric(float64(ru.Maxrss)/1024, "peak-MB") // Maxrss is in KB on Linux
		b.ReportMetric(took.Seconds(), "s")
	}
}
