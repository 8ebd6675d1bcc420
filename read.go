package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/pprof"
	"strings"

	"github.com/spf13/pflag"

	"github.com/speechledger/speechledger/extract"
	"github.com/speechledger/speechledger/internal/inputs"
)

// progressMin is the number of input files from which a run shows a
// progress bar (on a terminal only).
const progressMin = 20

// addProfileFlag adds --cpuprofile, for reports of slowness.
func addProfileFlag(fs *pflag.FlagSet, zh bool) *string {
	usage := "write a CPU profile of the run to `file` (for reports of slowness; read with go tool pprof)"
	if zh {
		usage = "把本次运行的 CPU 性能剖析写入`文件`（报告运行缓慢时附上；用 go tool pprof 查看）"
	}
	return fs.String("cpuprofile", "", usage)
}

// startProfile starts a CPU profile written to path; stop ends it.
func startProfile(path string) (stop func(), err error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, fmt.Errorf("cpuprofile: %w", err)
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, fmt.Errorf("cpuprofile: %w", err)
	}
	return func() {
		pprof.StopCPUProfile()
		f.Close()
	}, nil
}

// readResult is what reading one input gave: its speeches or error, the
// lines it logged, and what it added to the nightly run's record.
type readResult struct {
	sp     []extract.Speech
	err    error
	log    bytes.Buffer
	keys   []string
	cached int
}

// readAll reads, decodes and extracts files on as many goroutines as
// there are processors (one when standard input is among them), and
// hands each file's result to use in input order, after writing what
// reading it logged: standard error, the speeches and the nightly record
// are the same as a run reading one file after another would give. The
// Extractor is safe for concurrent use.
func (c *command) readAll(x *extract.Extractor, files []input, use func(sp []extract.Speech, err error)) {
	bar := c.progress(len(files))
	defer bar.finish()
	workers := runtime.GOMAXPROCS(0)
	for _, f := range files {
		if f.path == "-" {
			workers = 1 // standard input is read where it comes in the list
		}
	}
	// Each file is read by its own copy of the command, which logs into
	// r.log and records its cache keys in r.keys. The copies are made of
	// base, taken before the workers start, as this goroutine goes on to
	// change c.night while they work.
	base := *c
	base.night.keys, base.night.cached = nil, 0
	inputs.InOrder(len(files), workers, func(i int) *readResult {
		r := new(readResult)
		cc := base
		cc.stderr = &r.log
		r.sp, r.err = cc.readSpeeches(x, files[i])
		r.keys, r.cached = cc.night.keys, cc.night.cached
		return r
	}, func(_ int, r *readResult) {
		if r.log.Len() > 0 || r.err != nil {
			bar.clear()
			c.stderr.Write(r.log.Bytes())
		}
		c.night.keys = append(c.night.keys, r.keys...)
		c.night.cached += r.cached
		use(r.sp, r.err)
		bar.step()
	})
}

// progressBar draws "[#####     ]  1200/2000" on a terminal's line.
// A nil progressBar draws nothing.
type progressBar struct {
	w     io.Writer
	total int
	done  int
	shown int // the last width drawn, -1 when the line is clear
}

// progress returns a progress bar for a run over total files, or nil when
// there should be none: standard error is not a terminal (a log, a pipe),
// the run is quiet or logs JSON, or it has few files.
func (c *command) progress(total int) *progressBar {
	if total < progressMin || c.cfg.quiet || c.cfg.nightly.logJSON || !isTerminal(c.stderr) {
		return nil
	}
	return &progressBar{w: c.stderr, total: total, shown: -1}
}

// isTerminal reports whether w is a character device such as a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}

const barWidth = 30

// step counts one more file done and redraws the bar when it moved.
func (b *progressBar) step() {
	if b == nil {
		return
	}
	b.done++
	n := b.done * barWidth / b.total
	if n == b.shown && b.done != b.total && b.done%50 != 0 {
		return
	}
	b.shown = n
	fmt.Fprintf(b.w, "\r[%s%s] %*d/%d", strings.Repeat("#", n), strings.Repeat(" ", barWidth-n), len(fmt.Sprint(b.total)), b.done, b.total)
}

// clear blanks the bar's line so that a message can take it.
func (b *progressBar) clear() {
	if b == nil || b.shown < 0 {
		return
	}
	fmt.Fprint(b.w, "\r\033[K")
	b.shown = -1
}

// finish clears the bar at the end of reading.
func (b *progressBar) finish() { b.clear() }
