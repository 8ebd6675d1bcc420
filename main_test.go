package main

import (
	"archive/zip"
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/rogpeppe/go-internal/testscript"
	"github.com/xuri/excelize/v2"

	"github.com/speechledger/speechledger/report"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/encoding/unicode"
)

// TestMain lets the test binary act as speechledger itself, so that
// end-to-end tests run the real command with its real exit status: when
// SPEECHLEDGER_AS_MAIN is set (the Go tests below), or when run under the
// name speechledger (the scripts of TestScripts, through testscript).
// Tests that only run the command in processes of their own, on folders
// of their own, run in parallel (t.Parallel), as runs of the command may.
func TestMain(m *testing.M) {
	if os.Getenv("SPEECHLEDGER_AS_MAIN") == "1" {
		main()
	}
	testscript.Main(withCache{m}, map[string]func(){"speechledger": main})
}

// withCache runs the tests with the extraction cache of the runs under
// test in a folder of their own, never in the user's cache folder.
type withCache struct{ m *testing.M }

func (w withCache) Run() int {
	cache, err := os.MkdirTemp("", "speechledger-test-cache")
	if err != nil {
		panic(err)
	}
	defer os.RemoveAll(cache)
	os.Setenv("XDG_CACHE_HOME", cache)
	return w.m.Run()
}

// speechledger runs the command with args in the C locale and returns its
// output and exit status.
func speechledger(t *testing.T, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	return speechledgerWith(t, []string{"LC_ALL=C"}, "", args...)
}

// speechledgerWith runs the command with args, the locale variables of env
// (others cleared) and stdin as standard input.
func speechledgerWith(t *testing.T, env []string, stdin string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	cmd := exec.Command(os.Args[0], args...)
	for _, kv := range os.Environ() {
		if k, _, _ := strings.Cut(kv, "="); k != "LC_ALL" && k != "LC_MESSAGES" && k != "LANG" {
			cmd.Env = append(cmd.Env, kv)
		}
	}
	cmd.Env = append(cmd.Env, "SPEECHLEDGER_AS_MAIN=1")
	cmd.Env = append(cmd.Env, env...)
	cmd.Stdin = strings.NewReader(stdin)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	code = 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return out.String(), errb.String(), code
}

type line struct {
	Type        string `json:"type"`
	Source      string `json:"source"`
	Speech      int    `json:"speech"`
	ID          string `json:"id"`
	Text        string `json:"text"`
	DuplicateOf *int   `json:"duplicate_of"`
	Title       string `json:"title"`
	SpeechDate  string `json:"speech_date"`
	Seq         int    `json:"seq"`
}

func readJSONL(t *testing.T, path string) []line {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []line
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	for sc.Scan() {
		var l line
		if err := json.Unmarshal(sc.Bytes(), &l); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		out = append(out, l)
	}
	return out
}

// On the five seeds: 69 speech headings, 20 duplicates, 49 speeches with a
// sheet; the workbook has 49 speech sheets, 汇总 first; every task of the JSON
// lines is a row of the workbook.
func TestSeedsEndToEnd(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	jsonl := filepath.Join(dir, "tasks.jsonl")
	xlsx := filepath.Join(dir, "ledger.xlsx")
	for _, out := range []string{jsonl, xlsx} {
		if _, stderr, code := speechledger(t, "--report-date", "2010-01-15", "-o", out, "testdata/seeds"); code != 0 {
			t.Fatalf("exit %d: %s", code, stderr)
		}
	}
	lines := readJSONL(t, jsonl)
	var speeches, dups int
	ids := map[string]string{}
	for _, l := range lines {
		switch l.Type {
		case "speech":
			speeches++
			if l.DuplicateOf != nil {
				dups++
			}
		case "task":
			ids[l.ID] = l.Text
		}
	}
	if speeches != 69 || dups != 20 {
		t.Errorf("got %d speeches, %d duplicates; want 69, 20", speeches, dups)
	}
	f, err := excelize.OpenFile(xlsx)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sheets := f.GetSheetList()
	if n := len(speechSheets(sheets)); n != 49 || sheets[0] != "汇总" {
		t.Fatalf("got %d speech sheets, the first sheet %q; want 49, 汇总", n, sheets[0])
	}
	found := map[string]bool{}
	for _, sh := range speechSheets(sheets) {
		rows, err := f.GetRows(sh)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range rows {
			for _, c := range r {
				if _, ok := ids[c]; ok {
					found[c] = true
				}
			}
		}
	}
	for id, text := range ids {
		if !found[id] {
			t.Errorf("task %s (%s) is not a row of the workbook", id, text)
		}
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func countLines(stderr, path, msg string) int {
	n := 0
	for _, l := range strings.Split(stderr, "\n") {
		if strings.Contains(l, path) && strings.Contains(l, msg) {
			n++
		}
	}
	return n
}

func hasSource(lines []line, source string) bool {
	for _, l := range lines {
		if l.Source == source {
			return true
		}
	}
	return false
}

// Inputs too big or too odd to commit, generated here: a file no one may
// read, a named pipe in a folder and, without -short, a 50 MB single line
// and 10,000 headings.
func TestBadGenerated(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	good := "testdata/seeds/004_ff2848a0e228d2d6.txt"
	out := filepath.Join(dir, "out.jsonl")
	if !testing.Short() {
		tooBig(t, dir, good)
	}

	locked := filepath.Join(dir, "locked.txt")
	must(t, os.WriteFile(locked, []byte("要加强领导。"), 0o000))
	if f, err := os.Open(locked); err == nil {
		f.Close()
		t.Log("skipping the unreadable file: running as root (or on Windows), which reads it anyway")
	} else {
		_, stderr, code := speechledger(t, "-o", out, locked, good)
		if code != 1 || countLines(stderr, locked, "permission denied") != 1 {
			t.Errorf("unreadable: exit %d:\n%s", code, stderr)
		}
	}

	pipeDir := filepath.Join(dir, "with pipe")
	must(t, os.MkdirAll(pipeDir, 0o755))
	must(t, copyFile(good, filepath.Join(pipeDir, "a.txt")))
	if err := mkfifo(filepath.Join(pipeDir, "pipe.txt")); err == nil {
		_, stderr, code := speechledger(t, "-v", "-o", out, pipeDir)
		if code != 0 || countLines(stderr, "pipe.txt", "skipped: not a regular file") != 1 {
			t.Errorf("named pipe: exit %d:\n%s", code, stderr)
		}
	}
}

// tooBig checks the inputs too big to commit: a 50 MB line is an error
// naming it, the good input still exported; 10,000 headings are 10,000
// speeches.
func tooBig(t *testing.T, dir, good string) {
	t.Helper()
	out := filepath.Join(dir, "big.jsonl")
	huge := filepath.Join(dir, "huge line.txt")
	must(t, os.WriteFile(huge, bytes.Repeat([]byte("要加强领导"), 50<<20/15), 0o644))
	_, stderr, code := speechledger(t, "-o", out, huge, good)
	if code != 1 || countLines(stderr, huge, "line 1 is 51199 KB long without a line break") != 1 {
		t.Errorf("50 MB line: exit %d:\n%s", code, stderr)
	}
	if !hasSource(readJSONL(t, out), filepath.Base(good)) {
		t.Error("50 MB line: the good input was not exported")
	}

	var b strings.Builder
	for i := 1; i <= 10000; i++ {
		fmt.Fprintf(&b, "第%d篇:第%d次工作会议上的讲话\n各单位要在%d月底前完成第%d项整改任务。\n", i, i, i%12+1, i)
	}
	many := filepath.Join(dir, "headings.txt")
	must(t, os.WriteFile(many, []byte(b.String()), 0o644))
	_, stderr, code = speechledger(t, "-o", out, many)
	if code != 0 {
		t.Fatalf("10,000 headings: exit %d:\n%.500s", code, stderr)
	}
	speeches := 0
	for _, l := range readJSONL(t, out) {
		if l.Type == "speech" {
			speeches++
		}
	}
	if speeches != 10000 {
		t.Errorf("10,000 headings: %d speeches", speeches)
	}
}

// 10,000 headings make a workbook of 10,001 sheets within a minute.
func TestTenThousandSheets(t *testing.T) {
	if testing.Short() {
		t.Skip("slow")
	}
	dir := t.TempDir()
	var b strings.Builder
	for i := 1; i <= 10000; i++ {
		fmt.Fprintf(&b, "第%d篇:第%d次工作会议上的讲话\n各单位要在%d月底前完成第%d项整改任务。\n", i, i, i%12+1, i)
	}
	in := filepath.Join(dir, "headings.txt")
	must(t, os.WriteFile(in, []byte(b.String()), 0o644))
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, os.Args[0], "-q", "--report-date", "2024-03-05", "-o", filepath.Join(dir, "headings.xlsx"), in)
	cmd.Env = append(os.Environ(), "SPEECHLEDGER_AS_MAIN=1", "LC_ALL=C")
	out, err := cmd.CombinedOutput()
	if ctx.Err() != nil {
		t.Fatalf("10,000 headings: the workbook took over a minute")
	}
	if err != nil {
		t.Fatalf("10,000 headings: %v: %s", err, out)
	}
	if want := fmt.Sprintf("10000 speeches, more than the %d sheets", report.MaxSpeechSheets); !strings.Contains(string(out), want) {
		t.Errorf("no note that the workbook holds only %d speech sheets: %s", report.MaxSpeechSheets, out)
	}
	f, err := excelize.OpenFile(filepath.Join(dir, "headings.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if n := len(f.GetSheetList()); n != report.MaxSpeechSheets+4 {
		t.Errorf("the workbook has %d sheets, want %d speech sheets, 其余讲话, 汇总, the record and 变更记录", n, report.MaxSpeechSheets)
	}
	rows, err := f.GetRows("其余讲话")
	if err != nil {
		t.Fatal(err)
	}
	if tasks := len(rows) - 3; tasks != 10000-report.MaxSpeechSheets {
		t.Errorf("其余讲话 has %d task rows, want %d", tasks, 10000-report.MaxSpeechSheets)
	}
}

// --max-sheets gives only the N most recent speeches a sheet of their
// own, with a note; the tasks of the others are rows of 其余讲话, and every
// speech stays a line of 汇总.
func TestMaxSheets(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "l.xlsx")
	_, stderr, code := speechledger(t, "--max-sheets", "3", "--report-date", "2021-09-01", "-o", out, "testdata/seeds/004_ff2848a0e228d2d6.txt")
	if code != 0 || !strings.Contains(stderr, "more than the 3 sheets") {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	f, err := excelize.OpenFile(out)
	must(t, err)
	defer f.Close()
	got := speechSheets(f.GetSheetList())
	if len(got) != 4 || got[3] != "其余讲话" {
		t.Errorf("speech sheets %q, want 3 and 其余讲话", got)
	}
	rows, err := f.GetRows("汇总")
	must(t, err)
	notes := 0
	for _, r := range rows {
		if len(r) > 0 && strings.Contains(r[len(r)-1], "任务列在“其余讲话”表中") {
			notes++
		}
	}
	if notes == 0 {
		t.Error("汇总 does not say which speeches are on 其余讲话")
	}
}

func copyFile(from, to string) error {
	b, err := os.ReadFile(from)
	if err != nil {
		return err
	}
	return os.WriteFile(to, b, 0o644)
}

// Folders: walked recursively in sorted order; hidden files, temporary
// Office files and other types skipped with a note under -v; .docx read;
// the encoding shown.
func TestFolderVerbose(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	seed, err := os.ReadFile("testdata/seeds/004_ff2848a0e228d2d6.txt")
	must(t, err)
	gbk, err := simplifiedchinese.GBK.NewEncoder().Bytes(seed)
	must(t, err)
	files := map[string][]byte{
		"b/2 讲话.txt":      gbk,
		"a.docx":          docxOf(t, string(seed)),
		"~$a.docx":        []byte("temp"),
		".hidden.txt":     seed,
		".git/x.txt":      seed,
		"notes.md":        []byte("# notes"),
		"b/1 讲话.txt":      seed,
		"c/旧文件.doc":       []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1},
		"c/d/ledger.xlsx": []byte("PK"),
	}
	for name, b := range files {
		p := filepath.Join(dir, name)
		must(t, os.MkdirAll(filepath.Dir(p), 0o755))
		must(t, os.WriteFile(p, b, 0o644))
	}
	out := filepath.Join(dir, "out.jsonl")
	_, stderr, code := speechledger(t, "-v", "-o", out, dir)
	if code != 1 {
		t.Errorf("exit %d, want 1 for the .doc", code)
	}
	for _, want := range []struct{ file, msg string }{
		{"~$a.docx", "skipped: temporary Office file"},
		{".hidden.txt", "skipped: hidden"},
		{".git", "skipped: hidden"},
		{"notes.md", "skipped: not a kind of file speechledger reads"},
		{"ledger.xlsx", "corrupt or truncated .xlsx workbook"},
		{"a.docx", "Word document"},
		{"2 讲话.txt", "GB18030 text"},
		{"1 讲话.txt", "UTF-8 text"},
		{"旧文件.doc", "damaged .doc file"},
	} {
		if countLines(stderr, want.file, want.msg) != 1 {
			t.Errorf("want one line naming %s with %q, got:\n%s", want.file, want.msg, stderr)
		}
	}
	var order []string
	for _, l := range readJSONL(t, out) {
		if l.Type == "speech" && (len(order) == 0 || order[len(order)-1] != l.Source) {
			order = append(order, l.Source)
		}
	}
	if want := []string{"a.docx", "1 讲话.txt", "2 讲话.txt"}; strings.Join(order, "|") != strings.Join(want, "|") {
		t.Errorf("sources in order %q, want %q", order, want)
	}
}

// docxOf returns a Word document with one paragraph per line of text.
func docxOf(t *testing.T, text string) []byte {
	t.Helper()
	var body strings.Builder
	for _, l := range strings.Split(strings.TrimRight(strings.ReplaceAll(text, "\r\n", "\n"), "\n"), "\n") {
		body.WriteString(`<w:p><w:r><w:t xml:space="preserve">`)
		must(t, xml.EscapeText(&body, []byte(l)))
		body.WriteString(`</w:t></w:r></w:p>`)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range []struct{ name, body string }{
		{"[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`},
		{"_rels/.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`},
		{"word/document.xml", `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` + body.String() + `</w:body></w:document>`},
	} {
		w, err := zw.Create(f.name)
		must(t, err)
		_, err = w.Write([]byte(f.body))
		must(t, err)
	}
	must(t, zw.Close())
	return buf.Bytes()
}

// taskLines returns the JSON lines of a run without the source file name,
// which differs between the versions of a speech.
func taskLines(t *testing.T, path string) []string {
	t.Helper()
	b, err := os.ReadFile(path)
	must(t, err)
	var out []string
	for _, l := range strings.Split(strings.TrimSpace(string(b)), "\n") {
		var m map[string]any
		must(t, json.Unmarshal([]byte(l), &m))
		delete(m, "source")
		delete(m, "duplicate_source")
		if o, ok := m["overlaps"].([]any); ok {
			for _, x := range o {
				delete(x.(map[string]any), "source")
			}
		}
		j, err := json.Marshal(m)
		must(t, err)
		out = append(out, string(j))
	}
	return out
}

// A .docx made from each seed (one paragraph per line), the seeds in GBK
// and GB18030, and the traditional seed in Big5 give the same speeches and
// tasks as the UTF-8 .txt. Under -short, the traditional seed alone, in
// every version.
func TestSameTasksAcrossFormats(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	seeds, err := filepath.Glob("testdata/seeds/*.txt")
	must(t, err)
	if testing.Short() {
		seeds = slices.DeleteFunc(seeds, func(s string) bool { return !strings.HasPrefix(filepath.Base(s), "002") })
	}
	type version struct {
		dir  string
		ext  string
		make func(text string) []byte
	}
	big5Lines := func(text string) string {
		var keep []string
		for _, l := range strings.Split(text, "\n") {
			if _, err := traditionalchinese.Big5.NewEncoder().String(l); err == nil {
				keep = append(keep, l)
			}
		}
		return strings.Join(keep, "\n")
	}
	for _, seed := range seeds {
		b, err := os.ReadFile(seed)
		must(t, err)
		text := string(b)
		versions := []version{
			{"utf8", ".txt", func(s string) []byte { return []byte(s) }},
			{"docx", ".docx", func(s string) []byte { return docxOf(t, s) }},
			{"gbk", ".txt", func(s string) []byte {
				b, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(s))
				must(t, err)
				return b
			}},
			{"gb18030", ".txt", func(s string) []byte {
				b, err := simplifiedchinese.GB18030.NewEncoder().Bytes([]byte(s))
				must(t, err)
				return b
			}},
		}
		if strings.HasPrefix(filepath.Base(seed), "002") {
			// Big5 has no simplified characters: the traditional seed, less
			// the few lines with pinyin tone marks, in Big5 and in UTF-8.
			text = big5Lines(text)
			versions = append(versions,
				version{"big5", ".txt", func(s string) []byte {
					b, err := traditionalchinese.Big5.NewEncoder().Bytes([]byte(s))
					must(t, err)
					return b
				}},
				version{"utf16", ".txt", func(s string) []byte {
					b, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().Bytes([]byte(s))
					must(t, err)
					return b
				}})
		}
		name := strings.TrimSuffix(filepath.Base(seed), ".txt")
		var want []string
		for _, v := range versions {
			in := filepath.Join(dir, v.dir, name+v.ext)
			must(t, os.MkdirAll(filepath.Dir(in), 0o755))
			must(t, os.WriteFile(in, v.make(text), 0o644))
			out := filepath.Join(dir, v.dir, name+".jsonl")
			if _, stderr, code := speechledger(t, "-q", "-o", out, in); code != 0 {
				t.Fatalf("%s %s: exit %d: %s", name, v.dir, code, stderr)
			}
			got := taskLines(t, out)
			if want == nil {
				want = got
				continue
			}
			if strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("%s: %s gives %d lines differing from the UTF-8 .txt's %d", name, v.dir, len(got), len(want))
			}
		}
	}
}

// An output folder that is not writable and a full disk: a clear error,
// exit 1, and nothing left behind, not even a temporary file. (A missing
// folder, one that is a file and an output that is a folder:
// testdata/script/output_errors.txtar.)
func TestOutputErrors(t *testing.T) {
	dir := t.TempDir()
	good := "testdata/seeds/004_ff2848a0e228d2d6.txt"
	ro := filepath.Join(dir, "read-only")
	must(t, os.MkdirAll(ro, 0o555))
	if f, err := os.CreateTemp(ro, "probe"); err == nil {
		f.Close()
		os.Remove(f.Name())
		t.Log("skipping the read-only folder: running as root, which writes anyway")
	} else {
		out := filepath.Join(ro, "ledger.xlsx")
		_, stderr, code := speechledger(t, "-o", out, good)
		if code != 1 || countLines(stderr, out, "permission denied (or the file is open in Excel); nothing was written") != 1 {
			t.Errorf("read-only: exit %d:\n%s", code, stderr)
		}
		assertOnly(t, ro)
	}

	full := filepath.Join(dir, "full")
	must(t, os.MkdirAll(full, 0o755))
	if err := mountTiny(full); err != nil {
		t.Logf("skipping the full disk: cannot mount a small tmpfs: %v", err)
		return
	}
	t.Cleanup(func() { unmount(full) })
	for _, name := range []string{"ledger.xlsx", "tasks.jsonl"} {
		out := filepath.Join(full, name)
		_, stderr, code := speechledger(t, "--report-date", "2024-03-05", "-o", out, "testdata/seeds")
		if code != 1 || countLines(stderr, out, "disk full; nothing was written") != 1 {
			t.Errorf("full disk: exit %d:\n%s", code, stderr)
		}
		assertOnly(t, full)
	}
}

// speechSheets returns the sheets of a workbook that are speeches': all
// but the summary first, the hidden record of what the program wrote and
// the change log.
func speechSheets(sheets []string) []string {
	var out []string
	for i, sh := range sheets {
		if i > 0 && sh != "变更记录" && sh != "_speechledger" {
			out = append(out, sh)
		}
	}
	return out
}

// assertOnly fails unless dir holds exactly the named entries.
func assertOnly(t *testing.T, dir string, names ...string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	must(t, err)
	var got []string
	for _, e := range entries {
		got = append(got, e.Name())
	}
	if strings.Join(got, "|") != strings.Join(names, "|") {
		t.Errorf("%s holds %q, want %q", dir, got, names)
	}
}

// Titles that make bad sheet names get valid, unique, readable names;
// cell text over 32,767 characters is cut with a marker and kept whole in
// the JSON lines; text starting with = + - @ stays text. (The workbook is
// report's; these check it end to end.)
func TestWorkbookCells(t *testing.T) {
	dir := t.TempDir()
	long := "各单位要" + strings.Repeat("切实加强安全管理", 4500) + "并在3月底前完成。"
	texts := []string{
		"第一篇:关于[2024]第3号文件:落实*情况?的/讲话\\稿\n各乡镇要在3月底前完成第一批隐患排查。\n",
		"第二篇:在全市教育系统安全生产暨校园周边环境综合治理工作会议上的讲话\n教育局要在4月底前完成校车安全检查。\n",
		"第三篇:'引号开头的讲话'\n卫健委要在5月底前完成疫苗接种统计。\n",
		"第四篇:History\n交通局要在6月底前完成道路改造。\n",
		"第五篇:同名讲话\n公安局要在7月底前完成户籍清理。\n",
		"第六篇:同名讲话\n民政局要在8月底前完成低保复核。\n",
		"第七篇:超长任务\n" + long + "\n",
		"第八篇:公式\n=SUM(A1:A9)要求财政局在9月底前完成预算调整。\n+1要求水利局在10月底前完成堤防加固。\n-各街道要在11月底前完成垃圾分类。\n@各部门要在12月底前完成年度总结。\n",
	}
	in := filepath.Join(dir, "cells.txt")
	must(t, os.WriteFile(in, []byte(strings.Join(texts, "")), 0o644))
	xlsx, jsonl := filepath.Join(dir, "cells.xlsx"), filepath.Join(dir, "cells.jsonl")
	for _, out := range []string{xlsx, jsonl} {
		if _, stderr, code := speechledger(t, "-q", "--report-date", "2024-03-05", "-o", out, in); code != 0 {
			t.Fatalf("exit %d: %s", code, stderr)
		}
	}
	lines := readJSONL(t, jsonl)
	tasks := map[string]string{}
	var longFull bool
	for _, l := range lines {
		if l.Type == "task" {
			tasks[l.Text] = l.ID
			if l.Text == long {
				longFull = true
			}
		}
	}
	if !longFull {
		t.Errorf("the JSON lines do not keep the %d-character task whole", len([]rune(long)))
	}
	f, err := excelize.OpenFile(xlsx)
	must(t, err)
	defer f.Close()
	sheets := f.GetSheetList()
	seen := map[string]bool{}
	for _, sh := range sheets {
		low := strings.ToLower(sh)
		if n := len([]rune(sh)); n == 0 || n > 31 || strings.ContainsAny(sh, `[]:*?/\`) ||
			strings.HasPrefix(sh, "'") || strings.HasSuffix(sh, "'") || low == "history" || seen[low] {
			t.Errorf("bad sheet name %q", sh)
		}
		seen[low] = true
	}
	if n := len(speechSheets(sheets)); n != 8 {
		t.Errorf("%d speech sheets in %q, want 8", n, sheets)
	}
	var cut bool
	formulaTexts := 0
	for _, sh := range speechSheets(sheets) {
		rows, err := f.GetRows(sh)
		must(t, err)
		for r, row := range rows {
			for c, v := range row {
				cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
				if n := len([]rune(v)); n > 32767 {
					t.Errorf("%s!%s has %d characters", sh, cell, n)
				}
				if strings.HasPrefix(long, strings.TrimSuffix(v, "…【已截断】")) && strings.HasSuffix(v, "【已截断】") && len(v) > 1000 {
					cut = true
				}
				if _, isTask := tasks[v]; isTask && strings.ContainsAny(v[:1], "=+-@") {
					formulaTexts++
					if fm, _ := f.GetCellFormula(sh, cell); fm != "" {
						t.Errorf("%s!%s: task text %q became formula %q", sh, cell, v, fm)
					}
				}
			}
		}
	}
	if !cut {
		t.Error("no cell holds the long task cut with a marker")
	}
	if formulaTexts == 0 {
		t.Error("no task starting with = + - @ found in the workbook")
	}
}
