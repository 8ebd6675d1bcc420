package main

import (
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/speechledger/speechledger/extract"
)

var (
	scale     = flag.Int("scale", 0, "TestScale: generate a corpus of `N` speeches and run over it (0 skips the test)")
	corpusDir = flag.String("corpus", "", "TestScale, BenchmarkScale: write the corpora to this `folder` and keep them (default: a temporary folder)")
	speechKB  = flag.Int("speech-kb", 50, "TestScale: size of each generated speech in `KB`")
	onlyWrite = flag.Bool("corpus-only", false, "TestScale: write the corpus and stop, to time the command on it from outside")
)

// quietEnv is the surroundings of a benchmarked run: no terminal, output
// thrown away.
func quietEnv() env {
	return env{getenv: func(string) string { return "" }, stdin: strings.NewReader(""), stdout: io.Discard, stderr: io.Discard}
}

// benchRun runs the command over paths into a workbook, b.N times.
func benchRun(b *testing.B, paths ...string) {
	out := filepath.Join(b.TempDir(), "ledger.xlsx")
	args := append([]string{"-q", "--no-cache", "--report-date", "2021-09-01", "-o", out}, paths...)
	var size int64
	for _, p := range paths {
		filepath.WalkDir(p, func(path string, d os.DirEntry, err error) error {
			if info, err := d.Info(); err == nil && !d.IsDir() {
				size += info.Size()
			}
			return nil
		})
	}
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		if code := run(args, quietEnv()); code != exitOK {
			b.Fatalf("exit %d", code)
		}
	}
}

// BenchmarkRunSeed004 is a whole run over one seed into a workbook, start-up
// included: what staff wait for on a desktop.
func BenchmarkRunSeed004(b *testing.B) {
	seeds, _ := filepath.Glob("testdata/seeds/004_*.txt")
	if len(seeds) != 1 {
		b.Fatal("no seed 004")
	}
	benchRun(b, seeds[0])
}

// BenchmarkRunSeeds is a whole run over the five seeds into a workbook.
func BenchmarkRunSeeds(b *testing.B) {
	benchRun(b, "testdata/seeds")
}

// TestScale generates a corpus of -scale speeches from the seeds and runs
// the command over it, reporting the time taken and the memory held. It
// is skipped unless -scale is given:
//
//	go test -run TestScale -scale 2000 -v
//	go test -run TestScale -scale 2000 -corpus /tmp/corpus2000 -corpus-only   # write and keep it
//
// Peak resident memory is best read from outside, with the corpus kept:
//
//	/usr/bin/time -v speechledger -q --no-cache -o /tmp/l.xlsx /tmp/corpus2000
func TestScale(t *testing.T) {
	if *scale <= 0 {
		t.Skip("give -scale N to run over a generated corpus of N speeches")
	}
	dir := *corpusDir
	if dir == "" {
		dir = t.TempDir()
	} else if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	size := writeCorpus(t, dir, *scale, *speechKB<<10)
	t.Logf("corpus: %d speeches, %.1f MB in %s", *scale, float64(size)/1e6, dir)
	if *onlyWrite {
		return
	}

	out := filepath.Join(t.TempDir(), "ledger.xlsx")
	done := make(chan struct{})
	peak := make(chan uint64)
	go func() {
		var m runtime.MemStats
		var most uint64
		for {
			runtime.ReadMemStats(&m)
			most = max(most, m.HeapInuse+m.StackInuse)
			select {
			case <-done:
				peak <- most
				return
			case <-time.After(100 * time.Millisecond):
			}
		}
	}()
	start := time.Now()
	code := run([]string{"-q", "--no-cache", "--report-date", "2024-03-05", "-o", out, dir}, quietEnv())
	took := time.Since(start)
	close(done)
	if code != exitOK {
		t.Fatalf("exit %d", code)
	}
	info, err := os.Stat(out)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("run: %.1fs, peak heap in use %d MB, workbook %.1f MB", took.Seconds(), <-peak>>20, float64(info.Size())/1e6)
}

// writeCorpus writes n speeches of about size bytes each into dir, one
// file per speech, built from runs of paragraphs of the seeds' speeches
// with their years, numbers and places varied, and returns the bytes
// written.
func writeCorpus(t testing.TB, dir string, n, size int) int64 {
	t.Helper()
	seeds, err := filepath.Glob("testdata/seeds/*.txt")
	if err != nil || len(seeds) == 0 {
		t.Fatalf("no seeds: %v", err)
	}
	x := extract.New()
	var speeches []extract.Speech
	for _, p := range seeds {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		text, _, err := extract.Decode(b)
		if err != nil {
			t.Fatal(err)
		}
		speeches = append(speeches, x.Speeches(filepath.Base(p), text, extract.Options{})...)
	}
	rng := rand.New(rand.NewPCG(7, uint64(n)))
	var total int64
	for i := range n {
		sp := speeches[rng.IntN(len(speeches))]
		v := varier{rng: rng, place: places[rng.IntN(len(places))]}
		var b strings.Builder
		fmt.Fprintf(&b, "%s\n（%d年%d月%d日）\n", v.vary(sp.Title), 2015+rng.IntN(11), 1+rng.IntN(12), 1+rng.IntN(28))
		// Runs of consecutive paragraphs keep the speeches' structure:
		// numbered headings, their items and responsibility tags.
		for b.Len() < size {
			from := speeches[rng.IntN(len(speeches))]
			lines := strings.Split(from.Text, "\n")
			at := rng.IntN(len(lines))
			for _, line := range lines[at:min(len(lines), at+5+rng.IntN(30))] {
				b.WriteString(v.vary(line))
				b.WriteByte('\n')
			}
		}
		name := filepath.Join(dir, fmt.Sprintf("%05d_%s讲话.txt", i, v.place))
		if err := os.WriteFile(name, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		total += int64(b.Len())
	}
	return total
}

// places replace the place names of the seeds in generated speeches.
var places = []string{"东城", "西林", "南山", "北塘", "青河", "白石", "金沙", "云台", "长岭", "桃源", "松溪", "梅江"}

var (
	yearIn   = regexp.MustCompile(`(?:19|20)[0-9]{2}年`)
	digitsIn = regexp.MustCompile(`[0-9]+`)
	placeIn  = regexp.MustCompile(`[\p{Han}]{2}(?:县|市|区|镇)`)
)

// varier varies the years, numbers and places of one generated speech.
type varier struct {
	rng   *rand.Rand
	place string
}

func (v varier) vary(s string) string {
	s = yearIn.ReplaceAllStringFunc(s, func(string) string { return fmt.Sprintf("%d年", 2015+v.rng.IntN(12)) })
	s = digitsIn.ReplaceAllStringFunc(s, func(m string) string {
		if len(m) == 4 && (m[:2] == "20" || m[:2] == "19") {
			return m // a year written without 年
		}
		d := []byte(m)
		for i := range d {
			if i > 0 || len(d) == 1 {
				d[i] = byte('0' + v.rng.IntN(10))
			}
		}
		return string(d)
	})
	return placeIn.ReplaceAllStringFunc(s, func(m string) string {
		rs := []rune(m)
		return v.place + string(rs[len(rs)-1])
	})
}

// TestReadAllInOrder runs the command over the seeds, the bad inputs and
// the encodings on one goroutine and on several, and checks that standard
// error and the JSON lines are the same: reading in parallel keeps input
// order.
func TestReadAllInOrder(t *testing.T) {
	runWith := func(procs int) (string, string) {
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
		var stdout, stderr strings.Builder
		e := env{getenv: func(string) string { return "" }, stdin: strings.NewReader(""), stdout: &stdout, stderr: &stderr}
		run([]string{"-v", "--no-cache", "--report-date", "2021-09-01", "-o", "-", "testdata/seeds", "testdata/bad", "testdata/encodings"}, e)
		// The summary line ends with the run's duration.
		return stdout.String(), regexp.MustCompile(` in [0-9.]+s`).ReplaceAllString(stderr.String(), "")
	}
	out1, err1 := runWith(1)
	out4, err4 := runWith(4)
	if out1 != out4 {
		t.Error("JSON lines differ between 1 and 4 goroutines")
	}
	if err1 != err4 {
		t.Errorf("standard error differs between 1 and 4 goroutines:\n%s\n---\n%s", err1, err4)
	}
	if !strings.Contains(err1, "testdata/bad/") {
		t.Errorf("no message about the bad inputs:\n%s", err1)
	}
}

// TestNoProgressBarWhenPiped checks that a run over many files draws no
// progress bar on a standard error that is not a terminal.
func TestNoProgressBarWhenPiped(t *testing.T) {
	dir := t.TempDir()
	b, err := os.ReadFile("testdata/seeds/000_55b06aef0c45c079.txt")
	if err != nil {
		t.Fatal(err)
	}
	for i := range progressMin + 1 {
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("%02d.txt", i)), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var stderr strings.Builder
	e := env{getenv: func(string) string { return "" }, stdin: strings.NewReader(""), stdout: io.Discard, stderr: &stderr}
	run([]string{"--no-cache", "-o", "-", dir}, e)
	if strings.ContainsAny(stderr.String(), "\r#") {
		t.Errorf("progress bar drawn on a pipe:\n%q", stderr.String())
	}
}
