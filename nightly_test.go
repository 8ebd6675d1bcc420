package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/speechledger/speechledger/internal/lock"
)

// nightlyCmd returns the command running speechledger (this test binary
// acting as it, see TestMain) with args.
func nightlyCmd(args ...string) *exec.Cmd {
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(os.Environ(), "SPEECHLEDGER_AS_MAIN=1", "LANG=C")
	return cmd
}

// nightly runs speechledger with args and returns its standard error and
// exit status.
func nightly(t testing.TB, args ...string) (stderr string, code int) {
	t.Helper()
	cmd := nightlyCmd(args...)
	var errb bytes.Buffer
	cmd.Stderr = &errb
	err := cmd.Run()
	if ee, ok := err.(*exec.ExitError); ok {
		return errb.String(), ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return errb.String(), 0
}

// nightlyFolder makes the folder of a nightly test: dir, holding in, a
// folder of copies of the named seeds, and the paths of the workbook,
// out, and of the cache folder.
func nightlyFolder(t *testing.T, seeds ...string) (dir, in, out, cache string) {
	t.Helper()
	dir = t.TempDir()
	in = filepath.Join(dir, "speeches")
	must(t, os.Mkdir(in, 0o755))
	copySeeds(t, in, seeds...)
	return dir, in, filepath.Join(dir, "ledger.xlsx"), filepath.Join(dir, "cache")
}

// copySeeds copies the named seeds into dir.
func copySeeds(t testing.TB, dir string, names ...string) {
	t.Helper()
	for _, n := range names {
		b, err := os.ReadFile(filepath.Join("testdata", "seeds", n))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, n), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

const (
	seed0 = "000_55b06aef0c45c079.txt" // five speeches
	seed3 = "003_015d8813919ed760.txt"
	seed4 = "004_ff2848a0e228d2d6.txt"
)

// sheetsOf returns the speech sheets whose line in 汇总 names source.
func sheetsOf(t *testing.T, f *excelize.File, source string) []string {
	t.Helper()
	rows, err := f.GetRows("汇总")
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for i, r := range rows {
		if len(r) < 4 || !strings.HasPrefix(r[3], source) {
			continue
		}
		if ok, target, _ := f.GetCellHyperLink("汇总", "B"+strconv.Itoa(i+1)); ok {
			name, _, _ := strings.Cut(target, "!")
			out = append(out, strings.ReplaceAll(strings.Trim(name, "'"), "''", "'"))
		}
	}
	return out
}

// taskSheet is a speech sheet of the default layout read back.
type taskSheet struct {
	rows [][]string
	col  map[string]int // header label -> 0-based column
	row  map[string]int // task id -> 0-based row
}

func readTaskSheet(t *testing.T, f *excelize.File, sheet string) taskSheet {
	t.Helper()
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	ts := taskSheet{rows: rows, col: map[string]int{}, row: map[string]int{}}
	for i, r := range rows {
		if slices.Contains(r, "任务编号") {
			for j, c := range r {
				if _, ok := ts.col[c]; !ok {
					ts.col[c] = j
				}
			}
			for k := i + 1; k < len(rows); k++ {
				if id := ts.get(k, "任务编号"); id != "" {
					ts.row[id] = k
				}
			}
			return ts
		}
	}
	t.Fatalf("sheet %s has no header", sheet)
	return ts
}

func (ts taskSheet) get(row int, label string) string {
	c, ok := ts.col[label]
	if !ok || c >= len(ts.rows[row]) {
		return ""
	}
	return ts.rows[row][c]
}

// Three nightly runs of the binary over a folder: between them staff set
// a status and a progress note and add a column with excelize; the second
// night a file is gone and another is new. The staff's work survives both
// nights, the gone speeches keep their sheets with every task marked
// 已移出, the new ones appear, and the change log has three lines.
func TestNightlyThreeRuns(t *testing.T) {
	t.Parallel()
	_, in, out, cache := nightlyFolder(t, seed0, seed4)
	run := func(date string) {
		t.Helper()
		if stderr, code := nightly(t, "--report-date", date, "--cache-dir", cache, "-o", out, in); code != 0 {
			t.Fatalf("%s: exit %d: %s", date, code, stderr)
		}
	}
	run("2010-01-15")

	f, err := excelize.OpenFile(out)
	must(t, err)
	gone := sheetsOf(t, f, seed0)
	kept := sheetsOf(t, f, seed4)
	if len(gone) != 5 || len(kept) == 0 {
		t.Fatalf("sheets of %s: %q; of %s: %q", seed0, gone, seed4, kept)
	}
	sheet := kept[0]
	ts := readTaskSheet(t, f, sheet)
	id := firstTask(ts)
	r := ts.row[id] + 1 // 1-based
	cell := func(label string) string {
		c, _ := excelize.CoordinatesToCellName(ts.col[label]+1, r)
		return c
	}
	must(t, f.SetCellStr(sheet, cell("办理状态"), "已办结"))
	must(t, f.SetCellStr(sheet, cell("进展情况"), "已完成并通报"))
	must(t, f.InsertCols(sheet, "G", 1)) // after 责任单位
	must(t, f.SetCellStr(sheet, "G"+strconv.Itoa(headerRow(ts)), "督办领导"))
	must(t, f.SetCellStr(sheet, "G"+strconv.Itoa(r), "李副县长"))
	must(t, f.Save())
	f.Close()

	os.Remove(filepath.Join(in, seed0))
	copySeeds(t, in, seed3)
	for night, date := range []string{"2010-01-16", "2010-01-17"} {
		run(date)
		f, err := excelize.OpenFile(out)
		must(t, err)
		ts := readTaskSheet(t, f, sheet)
		k, ok := ts.row[id]
		if !ok {
			t.Fatalf("night %d: task %s is gone from %s", night+2, id, sheet)
		}
		for label, want := range map[string]string{"办理状态": "已办结", "进展情况": "已完成并通报", "督办领导": "李副县长", "责任单位": ts.get(k, "责任单位")} {
			if got := ts.get(k, label); got != want {
				t.Errorf("night %d: %s of %s = %q, want %q", night+2, label, id, got, want)
			}
		}
		if ts.col["督办领导"] != ts.col["责任单位"]+1 {
			t.Errorf("night %d: 督办领导 not right after 责任单位: %q", night+2, ts.rows[headerRow(ts)-1])
		}
		sheets := f.GetSheetList()
		for _, g := range gone {
			if !slices.Contains(sheets, g) {
				t.Errorf("night %d: sheet %s of the removed file is gone", night+2, g)
				continue
			}
			gs := readTaskSheet(t, f, g)
			for id, k := range gs.row {
				if got := gs.get(k, "变动"); got != "已移出 2010-01-16" {
					t.Errorf("night %d: %s of %s marked %q", night+2, id, g, got)
				}
			}
		}
		if added := sheetsOf(t, f, seed3); len(added) == 0 {
			t.Errorf("night %d: no sheets for the new file %s", night+2, seed3)
		} else if night == 0 {
			as := readTaskSheet(t, f, added[0])
			for id, k := range as.row {
				if got := as.get(k, "变动"); got != "新增 2010-01-16" {
					t.Errorf("new task %s marked %q", id, got)
				}
			}
		}
		log, err := f.GetRows("变更记录")
		must(t, err)
		if n := len(log) - 2; n != night+2 {
			t.Errorf("night %d: %d lines in 变更记录", night+2, n)
		}
		f.Close()
	}
}

// firstTask returns the id of the first task row of ts.
func firstTask(ts taskSheet) string {
	best, id := -1, ""
	for k, r := range ts.row {
		if best < 0 || r < best {
			best, id = r, k
		}
	}
	return id
}

// headerRow returns the 1-based header row of ts.
func headerRow(ts taskSheet) int {
	for i, r := range ts.rows {
		if slices.Contains(r, "任务编号") {
			return i + 1
		}
	}
	return 0
}

// visibleSheets returns the sheets of f staff see: all but the program's
// hidden record of what it wrote.
func visibleSheets(t *testing.T, f *excelize.File) []string {
	t.Helper()
	var out []string
	for _, sh := range f.GetSheetList() {
		visible, err := f.GetSheetVisible(sh)
		must(t, err)
		if visible {
			out = append(out, sh)
		}
	}
	return out
}

// checkLedger fails unless path opens with excelize and has the sheets of
// a ledger of the seed0 speeches.
func checkLedger(t *testing.T, path string) {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatalf("%s does not open: %v", path, err)
	}
	defer f.Close()
	sheets := f.GetSheetList()
	// 汇总, five speeches, the hidden record of what the program wrote
	// and 变更记录.
	if len(sheets) != 8 || sheets[0] != "汇总" || sheets[6] != "_speechledger" || sheets[7] != "变更记录" {
		t.Fatalf("%s: sheets %q", path, sheets)
	}
	for _, sh := range sheets {
		if _, err := f.GetRows(sh); err != nil {
			t.Fatalf("%s: sheet %s: %v", path, sh, err)
		}
	}
}

// Runs stopped at random moments, over and over, by SIGKILL and by
// SIGTERM, with staff editing the workbook between them, leave it whole
// every time: the previous one or the new one, with every edit. No lock
// is left that blocks the next run; a run stopped by SIGTERM exits with
// exitTerm and leaves neither its temporary file nor its lock file. The
// delays come from a fixed seed, so a failure can be repeated.
func TestKillNightly(t *testing.T) {
	if testing.Short() {
		t.Skip("stops 120 runs")
	}
	if runtime.GOOS == "windows" {
		t.Skip("no SIGTERM on Windows")
	}
	dir, in, out, cache := nightlyFolder(t, seed0)
	args := func(day int) []string {
		return []string{"-q", "--report-date", fmt.Sprintf("2010-02-%02d", 1+day%28), "--cache-dir", cache, "--keep", "2", "-o", out, in}
	}
	// A first, whole run, which also fills the cache, then a staff edit
	// and a second run whose time sets the range of the delays: every
	// moment of a nightly run after an edit.
	for day := range 2 {
		if stderr, code := nightly(t, args(day)...); code != 0 {
			t.Fatalf("exit %d: %s", code, stderr)
		}
	}
	checkLedger(t, out)
	e := newEditor(t, out)
	e.edit(t)
	start := time.Now()
	if stderr, code := nightly(t, args(2)...); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	span := time.Since(start)
	e.check(t, "after a whole run")

	rng := rand.New(rand.NewPCG(2010, 115))
	const wantKills, wantTerms = 100, 20
	kills, terms, replaced, runs := 0, 0, 0, 0
	last, err := os.ReadFile(out)
	must(t, err)
	for i := 1; kills < wantKills || terms < wantTerms; i++ {
		runs = i
		if i > 4*(wantKills+wantTerms) {
			t.Fatalf("only %d kills and %d terms of %d runs", kills, terms, i)
		}
		if i%4 == 0 {
			e.edit(t)
			last, err = os.ReadFile(out)
			must(t, err)
		}
		term := terms < wantTerms && (kills >= wantKills || rng.IntN(6) == 0)
		cmd := nightlyCmd(args(i)...)
		var errb bytes.Buffer
		cmd.Stderr = &errb
		began := time.Now()
		must(t, cmd.Start())
		// A little past the span, so that runs slower than the measured
		// one are stopped at their end too.
		time.Sleep(time.Duration(rng.Int64N(int64(span) * 5 / 4)))
		sig := os.Kill
		if term {
			sig = syscall.SIGTERM
		}
		if err := cmd.Process.Signal(sig); err != nil {
			cmd.Wait() // it had finished
			// The machine got quicker than when the span was measured:
			// aim at the runs as they are now, or too few are stopped.
			span = min(span, time.Since(began))
		} else if err := cmd.Wait(); err != nil {
			code := cmd.ProcessState.ExitCode()
			switch {
			case !term:
				kills++
			case code == exitTerm:
				terms++
				checkNoLeftovers(t, dir, errb.String())
			case code == -1:
				// Stopped before it listened for signals.
			default:
				t.Fatalf("SIGTERM: exit %d: %s", code, errb.String())
			}
		}
		checkLedger(t, out)
		e.check(t, fmt.Sprintf("after run %d", i))
		checkUnlocked(t, out)
		b, err := os.ReadFile(out)
		must(t, err)
		if !bytes.Equal(b, last) {
			replaced++
		}
		last = b
	}
	// The next run finishes, and leaves nothing behind.
	if stderr, code := nightly(t, args(0)...); code != 0 {
		t.Fatalf("after %d kills: exit %d: %s", kills, code, stderr)
	}
	checkLedger(t, out)
	e.check(t, "at the end")
	checkNoLeftovers(t, dir, "")
	t.Logf("%d runs: %d killed, %d stopped by SIGTERM, the workbook whole after each with all %d edits; %d runs replaced it", runs, kills, terms, len(e.done), replaced)
}

// checkNoLeftovers fails if dir holds a temporary file or a lock file.
func checkNoLeftovers(t *testing.T, dir, stderr string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	must(t, err)
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".tmp") || strings.HasSuffix(e.Name(), ".lock") && lock.RemovesFile {
			t.Fatalf("left behind: %s (%s)", e.Name(), stderr)
		}
	}
}

// checkUnlocked fails if the lock of output is held.
func checkUnlocked(t *testing.T, output string) {
	t.Helper()
	l, err := lock.Acquire(output, 0)
	if err != nil {
		t.Fatalf("a stopped run left its lock: %v", err)
	}
	l.Release()
}

// An editor makes staff edits in a workbook, each a progress note on
// another task, and checks they are all there.
type editor struct {
	path  string
	cells [][2]string // sheet and task id of each task, in a fixed order
	done  []int       // the tasks edited, by index in cells
}

func newEditor(t *testing.T, path string) *editor {
	t.Helper()
	f, err := excelize.OpenFile(path)
	must(t, err)
	defer f.Close()
	e := &editor{path: path}
	for _, sheet := range visibleSheets(t, f)[1:6] {
		ts := readTaskSheet(t, f, sheet)
		for _, id := range slices.Sorted(maps.Keys(ts.row)) {
			e.cells = append(e.cells, [2]string{sheet, id})
		}
	}
	return e
}

// note is the progress note of edit k.
func (e *editor) note(k int) string { return fmt.Sprintf("第%d次督办：已推进", k+1) }

// edit sets the progress note of the next task, as staff would.
func (e *editor) edit(t *testing.T) {
	t.Helper()
	k := len(e.done) % len(e.cells)
	f, err := excelize.OpenFile(e.path)
	must(t, err)
	defer f.Close()
	sheet, id := e.cells[k][0], e.cells[k][1]
	ts := readTaskSheet(t, f, sheet)
	cell, err := excelize.CoordinatesToCellName(ts.col["进展情况"]+1, ts.row[id]+1)
	must(t, err)
	must(t, f.SetCellStr(sheet, cell, e.note(len(e.done))))
	must(t, f.Save())
	e.done = append(e.done, k)
}

// check fails unless every edit is in the workbook: the last on each
// task.
func (e *editor) check(t *testing.T, when string) {
	t.Helper()
	want := map[int]string{}
	for n, k := range e.done {
		want[k] = e.note(n)
	}
	f, err := excelize.OpenFile(e.path)
	must(t, err)
	defer f.Close()
	sheets := map[string]taskSheet{}
	for k, note := range want {
		sheet, id := e.cells[k][0], e.cells[k][1]
		ts, ok := sheets[sheet]
		if !ok {
			ts = readTaskSheet(t, f, sheet)
			sheets[sheet] = ts
		}
		r, ok := ts.row[id]
		if got := ts.get(r, "进展情况"); !ok || got != note {
			t.Fatalf("%s: 进展情况 of %s in %s = %q, want %q", when, id, sheet, got, note)
		}
	}
}

// A lock file that no process holds, whatever it says, blocks nothing, and
// the run that ends removes it; two runs at once both finish, one after
// the other. (A run that gives up on a held lock:
// testdata/script/lock_held.txtar.)
func TestNightlyLock(t *testing.T) {
	dir, in, out, cache := nightlyFolder(t, seed0)
	lockFile := filepath.Join(dir, ".ledger.xlsx.lock")
	host, _ := os.Hostname()

	// Left behind, naming a live process (this test, which no longer
	// holds it), a process that is gone, or nothing.
	dead := exec.Command(os.Args[0], "-test.run=^$")
	must(t, dead.Run())
	for _, content := range []string{fmt.Sprintf("%d %s\n", os.Getpid(), host), fmt.Sprintf("%d %s\n", dead.Process.Pid, host), ""} {
		must(t, os.WriteFile(lockFile, []byte(content), 0o644))
		if stderr, code := nightly(t, "--report-date", "2010-01-15", "--cache-dir", cache, "--lock-wait", "0s", "-o", out, in); code != 0 {
			t.Fatalf("lock file %q: exit %d: %s", content, code, stderr)
		}
		if _, err := os.Stat(lockFile); err == nil && lock.RemovesFile {
			t.Errorf("lock file %q: left behind", content)
		}
	}

	// Two at once.
	var cmds []*exec.Cmd
	for range 2 {
		cmd := nightlyCmd("-q", "--report-date", "2010-01-16", "--cache-dir", cache, "-o", out, in)
		must(t, cmd.Start())
		cmds = append(cmds, cmd)
	}
	for _, cmd := range cmds {
		if err := cmd.Wait(); err != nil {
			t.Errorf("concurrent run: %v", err)
		}
	}
	wb, err := excelize.OpenFile(out)
	must(t, err)
	defer wb.Close()
	log, err := wb.GetRows("变更记录")
	must(t, err)
	if n := len(log) - 2; n != 5 {
		t.Errorf("%d lines in 变更记录 after five runs", n)
	}
}

// A rerun takes from the previous workbook, by its memo in the cache
// folder, every speech sheet that comes out the same (the whole sheet the
// same day, its task rows the next), and writes what a run without the
// cache writes from the same workbook.
func TestNightlyMemo(t *testing.T) {
	t.Parallel()
	dir, in, out, cache := nightlyFolder(t, seed0, seed4)
	if stderr, code := nightly(t, "-q", "--report-date", "2010-01-15", "--cache-dir", cache, "-o", out, in); code != 0 {
		t.Fatalf("first run: exit %d: %s", code, stderr)
	}
	for _, date := range []string{"2010-01-15", "2010-01-16"} {
		prev, err := os.ReadFile(out)
		must(t, err)
		stderr, code := nightly(t, "--log-format", "json", "--report-date", date, "--cache-dir", cache, "-o", out, in)
		var s struct {
			Speeches, Duplicates, Reused int
		}
		lines := strings.Split(strings.TrimSpace(stderr), "\n")
		if err := json.Unmarshal([]byte(lines[len(lines)-1]), &s); code != 0 || err != nil {
			t.Fatalf("%s: exit %d, %v: %s", date, code, err, stderr)
		}
		if s.Reused == 0 || s.Reused != s.Speeches-s.Duplicates {
			t.Errorf("%s: %d sheets reused of %d speeches (%d duplicates)", date, s.Reused, s.Speeches, s.Duplicates)
		}
		plain := filepath.Join(dir, "plain.xlsx")
		must(t, os.WriteFile(plain, prev, 0o644))
		if stderr, code := nightly(t, "-q", "--no-cache", "--report-date", date, "-o", plain, in); code != 0 {
			t.Fatalf("%s without the cache: exit %d: %s", date, code, stderr)
		}
		a, _ := os.ReadFile(out)
		b, _ := os.ReadFile(plain)
		if !bytes.Equal(a, b) {
			t.Errorf("%s: the rerun with the memo writes another workbook than without", date)
		}
	}
}

// What decoding notes and warns of is shown every run, whether the input
// is decoded or comes from the cache: a run without the cache, one that
// fills it and one that reads it say the same of each input.
func TestNightlyCacheNotes(t *testing.T) {
	t.Parallel()
	dir, in, _, cache := nightlyFolder(t, seed0)
	for _, f := range []string{"bad/invalid-utf8.txt", "bad/nul-bytes.txt", "encodings/gbk.txt", "encodings/utf8-bom.txt"} {
		b, err := os.ReadFile(filepath.Join("testdata", f))
		must(t, err)
		must(t, os.WriteFile(filepath.Join(in, filepath.Base(f)), b, 0o644))
	}
	out := filepath.Join(dir, "tasks.jsonl")
	var said []string
	for _, flags := range [][]string{{"--no-cache"}, {"--cache-dir", cache}, {"--cache-dir", cache}} {
		stderr, code := nightly(t, append(flags, "-v", "--ref-date", "2010-01-15", "-o", out, in)...)
		if code != 0 {
			t.Fatalf("%q: exit %d: %s", flags, code, stderr)
		}
		// All but the summary line, which tells the time taken.
		said = append(said, stderr[:strings.LastIndex(strings.TrimSuffix(stderr, "\n"), "\n")+1])
	}
	for _, want := range []string{"invalid byte sequences", "NUL bytes removed", "GB18030", "byte-order mark"} {
		if !strings.Contains(said[0], want) {
			t.Errorf("no %q in %s", want, said[0])
		}
	}
	if said[1] != said[0] || said[2] != said[0] {
		t.Errorf("the runs say different things:\n%s\n--- filling the cache:\n%s\n--- from the cache:\n%s", said[0], said[1], said[2])
	}
}

// The cache changes nothing but the time: a run without it, one that
// fills it and one that reads it write the same bytes. And a rerun on the
// same previous workbook with the same report date writes the same bytes.
func TestNightlyCacheSameOutput(t *testing.T) {
	t.Parallel()
	dir, in, _, cache := nightlyFolder(t, seed0, seed4)
	var outs [][]byte
	for i, flags := range [][]string{{"--no-cache"}, {"--cache-dir", cache}, {"--cache-dir", cache}} {
		out := filepath.Join(dir, fmt.Sprintf("ledger%d.xlsx", i))
		args := append(flags, "--report-date", "2010-01-15", "-o", out, in)
		if stderr, code := nightly(t, args...); code != 0 {
			t.Fatalf("%q: exit %d: %s", args, code, stderr)
		}
		b, err := os.ReadFile(out)
		must(t, err)
		outs = append(outs, b)
	}
	if !bytes.Equal(outs[0], outs[1]) || !bytes.Equal(outs[1], outs[2]) {
		t.Error("the workbooks with and without the cache differ")
	}

	out := filepath.Join(dir, "ledger0.xlsx")
	var again [][]byte
	for range 2 {
		must(t, os.WriteFile(out, outs[0], 0o644))
		if stderr, code := nightly(t, "--cache-dir", cache, "--report-date", "2010-01-16", "-o", out, in); code != 0 {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		b, err := os.ReadFile(out)
		must(t, err)
		again = append(again, b)
	}
	if !bytes.Equal(again[0], again[1]) {
		t.Error("two runs on the same previous workbook differ")
	}
}

// A damaged cache changes nothing but the time: with every entry's byte
// flipped or swapped with another's, a run extracts each input again,
// says so with -v, and writes what a run without the cache writes; the
// run after it reads the cache again.
func TestNightlyCacheDamaged(t *testing.T) {
	t.Parallel()
	dir, in, _, cache := nightlyFolder(t, seed0, seed3, seed4)
	run := func(out string, flags ...string) string {
		t.Helper()
		stderr, code := nightly(t, append(flags, "-v", "--ref-date", "2010-01-15", "-o", out, in)...)
		if code != 0 {
			t.Fatalf("%q: exit %d: %s", flags, code, stderr)
		}
		return stderr
	}
	plain := filepath.Join(dir, "plain.jsonl")
	run(plain, "--no-cache")
	want, err := os.ReadFile(plain)
	must(t, err)
	out := filepath.Join(dir, "tasks.jsonl")
	run(out, "--cache-dir", cache)
	paths, err := filepath.Glob(filepath.Join(cache, "*", "*.gob"))
	must(t, err)
	if len(paths) != 3 {
		t.Fatalf("%d cache entries, want 3: %q", len(paths), paths)
	}
	pristine := make([][]byte, len(paths))
	for i, p := range paths {
		pristine[i], err = os.ReadFile(p)
		must(t, err)
	}
	// Every kind of damage is a miss (internal/cache's TestDamagedEntries);
	// here a run meets two and exports what a run without the cache does.
	for _, c := range []struct {
		name   string
		damage func(i int, b []byte) []byte
	}{
		{"a byte flipped in the middle", func(i int, b []byte) []byte {
			b = slices.Clone(b)
			b[len(b)/2] ^= 0x04
			return b
		}},
		{"swapped", func(i int, b []byte) []byte { return pristine[(i+1)%len(pristine)] }},
	} {
		for i, p := range paths {
			must(t, os.WriteFile(p, c.damage(i, pristine[i]), 0o644))
		}
		stderr := run(out, "--cache-dir", cache)
		if got, err := os.ReadFile(out); err != nil || !bytes.Equal(got, want) {
			t.Errorf("%s: the output differs from a run without the cache", c.name)
		}
		if n := strings.Count(stderr, "; extracted again"); n != len(paths) {
			t.Errorf("%s: %d inputs said to be extracted again, want %d:\n%s", c.name, n, len(paths), stderr)
		}
	}
	// The damaged run put sound entries back.
	if stderr := run(out, "--cache-dir", cache); strings.Contains(stderr, "extracted again") {
		t.Errorf("the entries were not mended: %s", stderr)
	}
}

// The run's summary line: text by default, a JSON object with
// --log-format json, its counts those of the run. (A workbook that cannot
// be carried forward: testdata/script/previous_damaged.txtar.)
func TestNightlyLogAndExit(t *testing.T) {
	_, in, out, cache := nightlyFolder(t, seed0)
	stderr, code := nightly(t, "--report-date", "2010-01-15", "--cache-dir", cache, "-o", out, in)
	m := regexp.MustCompile(`^speechledger: 1 files, 5 speeches \(0 duplicates\), (\d+) tasks \((\d+) new, 0 removed, \d+ overdue\) -> .*ledger.xlsx in [0-9.]+s\n$`).FindStringSubmatch(stderr)
	if code != 0 || m == nil || m[1] != m[2] {
		t.Fatalf("text: exit %d, %q", code, stderr)
	}
	tasks, _ := strconv.Atoi(m[1])
	stderr, code = nightly(t, "--report-date", "2010-01-16", "--cache-dir", cache, "--log-format", "json", "-o", out, in)
	lines := strings.Split(strings.TrimSpace(stderr), "\n")
	var s struct {
		Level  string  `json:"level"`
		Files  int     `json:"files"`
		Tasks  int     `json:"tasks"`
		New    int     `json:"new"`
		Cached int     `json:"cached"`
		Secs   float64 `json:"seconds"`
		Backup string  `json:"backup"`
	}
	if err := json.Unmarshal([]byte(lines[len(lines)-1]), &s); code != 0 || err != nil || s.Files != 1 || s.Tasks != tasks || s.New != 0 || s.Cached != 1 || s.Backup == "" {
		t.Errorf("json: exit %d, %v, %+v from %q", code, err, s, stderr)
	}
}

// BenchmarkNightlyRerun runs the binary over the seeds twice: first with
// no cache and no workbook, then again with nothing changed. It reports
// the time of each and how many times faster the rerun is.
func BenchmarkNightlyRerun(b *testing.B) {
	var first, rerun time.Duration
	for b.Loop() {
		dir := b.TempDir()
		out := filepath.Join(dir, "ledger.xlsx")
		args := []string{"-q", "--report-date", "2010-01-15", "--cache-dir", filepath.Join(dir, "cache"), "-o", out, "testdata/seeds"}
		start := time.Now()
		if stderr, code := nightly(b, args...); code != 0 {
			b.Fatalf("exit %d: %s", code, stderr)
		}
		first += time.Since(start)
		start = time.Now()
		if stderr, code := nightly(b, args...); code != 0 {
			b.Fatalf("exit %d: %s", code, stderr)
		}
		rerun += time.Since(start)
	}
	b.ReportMetric(first.Seconds()/float64(b.N), "first-s/op")
	b.ReportMetric(rerun.Seconds()/float64(b.N), "rerun-s/op")
	b.ReportMetric(first.Seconds()/rerun.Seconds(), "x-faster")
}
