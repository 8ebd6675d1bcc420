package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestMain lets the test binary act as speechledger itself when
// SPEECHLEDGER_AS_MAIN is set, so end-to-end tests run the real command
// with its real exit status.
func TestMain(m *testing.M) {
	if os.Getenv("SPEECHLEDGER_AS_MAIN") == "1" {
		main()
	}
	os.Exit(m.Run())
}

// speechledger runs the command with args and returns its output and exit status.
func speechledger(t *testing.T, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(os.Environ(), "SPEECHLEDGER_AS_MAIN=1")
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
// sheet; the workbook has 50 sheets, 汇总 first; every task of the JSON
// lines is a row of the workbook.
func TestSeedsEndToEnd(t *testing.T) {
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
	if len(sheets) != 50 || sheets[0] != "汇总" {
		t.Fatalf("got %d sheets starting %q; want 50 starting 汇总", len(sheets), sheets[0])
	}
	found := map[string]bool{}
	for _, sh := range sheets[1:] {
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

// Bad inputs each give one clear line on stderr naming the file; the other
// inputs are still exported; exit status 1.
func TestBadInputs(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty.txt")
	binary := filepath.Join(dir, "binary.txt")
	noSpeech := filepath.Join(dir, "nospeech")
	missing := filepath.Join(dir, "missing.txt")
	must(t, os.WriteFile(empty, nil, 0o644))
	must(t, os.WriteFile(binary, []byte("\x00\x01\x02\x03PK\x03\x04\x00\x00binary\x00\xff\xfe\x00"), 0o644))
	must(t, os.MkdirAll(noSpeech, 0o755))
	must(t, os.WriteFile(filepath.Join(noSpeech, "notes.md"), []byte("# not a speech"), 0o644))
	out := filepath.Join(dir, "out.jsonl")
	good := "testdata/seeds/004_ff2848a0e228d2d6.txt"

	_, stderr, code := speechledger(t, "-q", "-o", out, missing, empty, good, binary, noSpeech)
	if code != 1 {
		t.Errorf("exit status %d, want 1", code)
	}
	for _, want := range []struct{ path, msg string }{
		{missing, "no such file"},
		{empty, "empty file"},
		{binary, "binary file"},
		{noSpeech, "no .txt speeches"},
	} {
		n := 0
		for _, l := range strings.Split(stderr, "\n") {
			if strings.Contains(l, want.path+":") && strings.Contains(l, want.msg) {
				n++
			}
		}
		if n != 1 {
			t.Errorf("want one line naming %s with %q, got:\n%s", want.path, want.msg, stderr)
		}
	}
	lines := readJSONL(t, out)
	if len(lines) == 0 || lines[0].Source != filepath.Base(good) {
		t.Errorf("the good input was not exported: %d lines", len(lines))
	}
}

func TestUsage(t *testing.T) {
	if _, stderr, code := speechledger(t); code != 2 || !strings.Contains(stderr, "no input") {
		t.Errorf("no arguments: exit %d, stderr %q", code, stderr)
	}
	if _, stderr, code := speechledger(t, "--ref-date", "2024-13-01", "x.txt"); code != 2 || !strings.Contains(stderr, "--ref-date") {
		t.Errorf("bad date: exit %d, stderr %q", code, stderr)
	}
	if _, _, code := speechledger(t, "--no-such-flag", "x.txt"); code != 2 {
		t.Errorf("unknown flag: exit %d", code)
	}
	stdout, _, code := speechledger(t, "-h")
	if code != 0 || !strings.Contains(stdout, "示例 / Examples") || !strings.Contains(stdout, "--report-date") {
		t.Errorf("help: exit %d, %q", code, stdout)
	}
	stdout, _, code = speechledger(t, "--version")
	if code != 0 || !strings.HasPrefix(stdout, "speechledger ") {
		t.Errorf("version: exit %d, %q", code, stdout)
	}
}

// JSON lines can go to standard output.
func TestStdoutJSONL(t *testing.T) {
	stdout, stderr, code := speechledger(t, "-q", "-o", "-", "testdata/seeds/004_ff2848a0e228d2d6.txt")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.HasPrefix(stdout, `{"type":"speech","source":"004_ff2848a0e228d2d6.txt","speech":1,`) {
		t.Errorf("stdout starts %.80q", stdout)
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
