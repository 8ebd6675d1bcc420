package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"runtime/debug"
	"sync"
	"syscall"
	"time"

	"github.com/spf13/pflag"

	"github.com/speechledger/speechledger/extract"
	"github.com/speechledger/speechledger/internal/atomicfile"
	"github.com/speechledger/speechledger/internal/cache"
	"github.com/speechledger/speechledger/internal/lock"
	"github.com/speechledger/speechledger/report"
)

// Exit statuses of a nightly run, besides exitOK, exitInput and exitUsage.
const (
	exitBusy     = 3 // another run holds the output's lock; nothing was done
	exitPrevious = 4 // the existing workbook cannot be carried forward; it was left alone
)

// Defaults of the nightly flags.
const (
	defaultKeep     = 1
	defaultLockWait = 10 * time.Second
)

// nightlyConfig is what the command line asks for about running every
// night over a growing folder: backups, the output's lock, the log line
// and the extraction cache.
type nightlyConfig struct {
	keep     int           // dated backups of the workbook to keep
	lockWait time.Duration // how long to wait for another run's lock
	logJSON  bool          // log lines as JSON objects
	cacheDir string        // "" when the cache is off
}

// nightlyFlags are the flags of nightlyConfig, before they are checked.
type nightlyFlags struct {
	keep      *int
	lockWait  *time.Duration
	logFormat *string
	cacheDir  *string
	noCache   *bool
}

// addNightlyFlags registers the nightly flags on fs, with help in Chinese
// when zh is set.
func addNightlyFlags(fs *pflag.FlagSet, zh bool) *nightlyFlags {
	say := func(en, cn string) string {
		if zh {
			return cn
		}
		return en
	}
	return &nightlyFlags{
		keep: fs.Int("keep", defaultKeep, say(
			"keep `N` dated backups of the workbook it replaces (ledger.2010-01-15.bak.xlsx); 0 makes none",
			"保留被替换台账的 `N` 份带日期备份（如 ledger.2010-01-15.bak.xlsx）；0 为不备份")),
		lockWait: fs.Duration("lock-wait", defaultLockWait, say(
			"how long to wait while another run writes the same output, e.g. 30s",
			"另一次运行正在写同一输出时最多等待多久，如 30s")),
		logFormat: fs.String("log-format", "text", say(
			"log lines on standard error as text or json",
			"标准错误上的日志格式：text 或 json")),
		cacheDir: fs.String("cache-dir", "", say(
			"`folder` of the extraction cache (default: speechledger in the user cache folder)",
			"抽取缓存所在`文件夹`（默认：用户缓存目录下的 speechledger）")),
		noCache: fs.Bool("no-cache", false, say(
			"extract every input anew, neither reading nor writing the cache",
			"不用缓存，每个输入都重新抽取")),
	}
}

// config checks the flags and returns the configuration.
func (nf *nightlyFlags) config() (nightlyConfig, error) {
	cfg := nightlyConfig{keep: *nf.keep, lockWait: *nf.lockWait}
	switch *nf.logFormat {
	case "text":
	case "json":
		cfg.logJSON = true
	default:
		return cfg, fmt.Errorf("--log-format %q: want text or json", *nf.logFormat)
	}
	if cfg.keep < 0 {
		return cfg, fmt.Errorf("--keep %d: want 0 or more", cfg.keep)
	}
	if cfg.lockWait < 0 {
		return cfg, fmt.Errorf("--lock-wait %v: want 0 or more", cfg.lockWait)
	}
	if !*nf.noCache {
		cfg.cacheDir = *nf.cacheDir
		if cfg.cacheDir == "" {
			if dir, err := os.UserCacheDir(); err == nil {
				cfg.cacheDir = filepath.Join(dir, "speechledger")
			}
			// With no user cache folder the run goes without a cache.
		}
	}
	return cfg, nil
}

// A runSummary is the one line a run logs at its end.
type runSummary struct {
	Files      int     `json:"files"`
	Speeches   int     `json:"speeches"`
	Duplicates int     `json:"duplicates"`
	Tasks      int     `json:"tasks"`
	New        int     `json:"new"`
	Removed    int     `json:"removed"`
	Changed    int     `json:"changed"`
	Carried    int     `json:"carried"`
	Overdue    int     `json:"overdue"`
	Cached     int     `json:"cached"` // inputs read from the cache
	Reused     int     `json:"reused"` // speech sheets whose rows were taken from the previous workbook
	Output     string  `json:"output"`
	Backup     string  `json:"backup,omitempty"`
	Seconds    float64 `json:"seconds"`
	Exit       int     `json:"exit"`
}

// addStats adds what report.Update said to s.
func (s *runSummary) addStats(st report.Stats) {
	s.New, s.Removed, s.Changed, s.Carried, s.Overdue, s.Backup = st.New, st.Removed, st.Changed, st.Carried, st.Overdue, st.Backup
	s.Reused = st.Reused + st.RowsOnly
}

// writeSummaryLine writes s as one line to w: text for people, in Chinese
// when zh is set, or a JSON object for log collectors.
func writeSummaryLine(w io.Writer, s runSummary, asJSON, zh bool) {
	if asJSON {
		writeJSONLine(w, "info", "run finished", s)
		return
	}
	var line string
	if zh {
		line = fmt.Sprintf("speechledger: %d 个文件，%d 篇讲话（%d 篇重复），%d 项任务（新增 %d，移出 %d，已逾期 %d）-> %s，用时 %.2f 秒",
			s.Files, s.Speeches, s.Duplicates, s.Tasks, s.New, s.Removed, s.Overdue, s.Output, s.Seconds)
	} else {
		line = fmt.Sprintf("speechledger: %d files, %d speeches (%d duplicates), %d tasks (%d new, %d removed, %d overdue) -> %s in %.2fs",
			s.Files, s.Speeches, s.Duplicates, s.Tasks, s.New, s.Removed, s.Overdue, s.Output, s.Seconds)
	}
	fmt.Fprintln(w, line)
}

// writeJSONLine writes one log object: its level, message and, flattened
// into it, the fields of v (a struct or nil).
func writeJSONLine(w io.Writer, level, msg string, v any) {
	obj := map[string]any{}
	if v != nil {
		b, _ := json.Marshal(v)
		json.Unmarshal(b, &obj)
	}
	obj["level"], obj["msg"], obj["program"] = level, msg, "speechledger"
	b, _ := json.Marshal(obj) // map keys are sorted: stable lines
	fmt.Fprintf(w, "%s\n", b)
}

// softMemoryLimit is the heap size past which a run collects garbage
// more often than its GC percentage says.
const softMemoryLimit = 600 << 20

// A nightRun is what one run keeps for the nightly features: when it
// started, the cache, the key of each input read and what the workbook
// update reported.
type nightRun struct {
	start  time.Time
	cache  *cache.Cache
	keys   []string // cache key of each input read, in input order
	cached int      // inputs read from the cache
	stats  report.Stats
}

// begin opens the cache for the extraction options given (each a string
// that changes when extraction would) and takes the lock of output. When
// ok is false the run must stop with code, the reason logged with logf;
// otherwise release must be called at the run's end.
func (n *nightRun) begin(cfg nightlyConfig, output string, logf func(string, ...any), options ...string) (release func(), code int, ok bool) {
	n.start = time.Now()
	// A run lives for a second or two and holds tens of megabytes: less
	// garbage collection for more memory is a good trade, up to a soft
	// limit past which the collector works harder, so that a run over
	// thousands of speeches stays within a desktop's memory. GOMEMLIMIT
	// in the environment sets another limit.
	debug.SetGCPercent(400)
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(softMemoryLimit)
	}
	n.cache = cache.Open(cfg.cacheDir, options...)
	if output == "-" {
		return func() {}, exitOK, true
	}
	l, err := lock.Acquire(output, cfg.lockWait)
	if err != nil {
		logf("%v", err)
		if errors.As(err, new(*lock.BusyError)) {
			return nil, exitBusy, false
		}
		return nil, exitInput, false
	}
	// No other run writes output now: the temporary files of runs killed
	// while they wrote it can go.
	atomicfile.RemoveLeftovers(output)
	stop := stopOnSignal(l, output, logf)
	return func() {
		stop()
		l.Release()
	}, exitOK, true
}

// Exit statuses of a run stopped by SIGINT (Ctrl+C) or SIGTERM, as a
// shell reports a process a signal ended: 128 and the signal's number.
const (
	exitInterrupt = 128 + 2
	exitTerm      = 128 + 15
)

// stopOnSignal makes a run that holds the lock l of output stop cleanly on
// SIGINT or SIGTERM: the temporary files it is writing are removed, the
// output and the cache are left as they were (or as a rename just made
// them: a file is either replaced whole or not at all), the lock is
// released and the run exits with exitInterrupt or exitTerm. The returned
// function stops listening.
func stopOnSignal(l *lock.Lock, output string, logf func(string, ...any)) (stop func()) {
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	var mu sync.Mutex
	stopping, done := false, make(chan struct{})
	go func() {
		select {
		case sig := <-sigs:
			mu.Lock()
			stopping = true
			mu.Unlock()
			atomicfile.Abort()
			l.Release()
			logf("stopped by %v; %s is as the last whole run left it", sig, output)
			code := exitTerm
			if sig == os.Interrupt {
				code = exitInterrupt
			}
			os.Exit(code)
		case <-done:
		}
	}()
	return func() {
		mu.Lock()
		if stopping {
			// The run ends, its writes failing, as the signal stops it:
			// the exit status is the signal's.
			select {}
		}
		signal.Stop(sigs)
		close(done)
		mu.Unlock()
	}
}

// A cachedInput is what the cache keeps of an input: its speeches, and
// how its bytes were decoded.
type cachedInput struct {
	Speeches []extract.Speech
	Decoding decoding
}

// lookup returns what the cache keeps of the input name holding data, if
// it keeps it, and the key to keep it under. err says why an entry found
// could not be used (damaged, cut short, another input's): the input is
// then extracted again.
func (n *nightRun) lookup(name string, data []byte) (in cachedInput, key string, ok bool, err error) {
	key = n.cache.Key(name, data)
	if ok, err = n.cache.Load(key, &in); ok {
		return in, key, true, nil
	}
	return cachedInput{}, key, false, err
}

// remember records that an input, in, goes under key, and keeps it in the
// cache unless it came from it. It returns the error of a cache that
// cannot be written, which is no reason to fail the run.
func (n *nightRun) remember(key string, in cachedInput, cached bool) error {
	n.keys = append(n.keys, key)
	if cached {
		n.cached++
		return nil
	}
	return n.cache.Store(key, in)
}

// exitFor returns the exit status of a run whose output failed with err.
func exitFor(err error) int {
	var pe *report.PreviousError
	if errors.As(err, &pe) {
		return exitPrevious
	}
	return exitInput
}

// summary returns the run's summary line's content.
func (n *nightRun) summary(files int, counts tally, output string, code int) runSummary {
	s := runSummary{Files: files, Speeches: counts.Speeches, Duplicates: counts.Duplicates, Tasks: counts.Tasks,
		Output: output, Cached: n.cached, Exit: code}
	s.addStats(n.stats)
	s.Seconds = float64(time.Since(n.start).Milliseconds()) / 1000
	return s
}
