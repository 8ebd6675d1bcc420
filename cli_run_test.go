package main

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// A named pipe or a device named on the command line is an error naming
// it, at once; the other inputs are exported.
func TestSpecialInputs(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no named pipes or /dev/null")
	}
	dir := t.TempDir()
	good := "testdata/seeds/004_ff2848a0e228d2d6.txt"
	out := filepath.Join(dir, "out.jsonl")
	pipe := filepath.Join(dir, "pipe.txt")
	if err := mkfifo(pipe); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	for _, tc := range []struct{ path, kind string }{{pipe, "a named pipe"}, {os.DevNull, "a device"}} {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		cmd := exec.CommandContext(ctx, os.Args[0], "-o", out, tc.path, good)
		cmd.Env = append(os.Environ(), "SPEECHLEDGER_AS_MAIN=1", "LC_ALL=C")
		var errb bytes.Buffer
		cmd.Stderr = &errb
		err := cmd.Run()
		hung := ctx.Err() != nil
		cancel()
		if hung {
			t.Fatalf("%s: the run hangs", tc.path)
		}
		code := cmd.ProcessState.ExitCode()
		if code != 1 || countLines(errb.String(), tc.path, tc.kind+", not a file") != 1 {
			t.Errorf("%s: exit %d (%v):\n%s", tc.path, code, err, errb.String())
		}
		if !hasSource(readJSONL(t, out), filepath.Base(good)) {
			t.Errorf("%s: the good input was not exported", tc.path)
		}
	}
}

// collect names a named pipe given as a reply as an error, at once, as the
// main command does its inputs.
func TestCollectSpecialReply(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no named pipes")
	}
	dir := t.TempDir()
	ledger := filepath.Join(dir, "ledger.xlsx")
	if _, stderr, code := speechledger(t, "-q", "--no-cache", "--report-date", "2010-01-15", "-o", ledger, "testdata/seeds/004_ff2848a0e228d2d6.txt"); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	pipe := filepath.Join(dir, "reply.xlsx")
	if err := mkfifo(pipe); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, os.Args[0], "collect", "--date", "2010-01-20", "-o", ledger, pipe)
	cmd.Env = append(os.Environ(), "SPEECHLEDGER_AS_MAIN=1", "LC_ALL=C")
	var errb bytes.Buffer
	cmd.Stderr = &errb
	err := cmd.Run()
	if ctx.Err() != nil {
		t.Fatalf("collect hangs on a named pipe")
	}
	if code := cmd.ProcessState.ExitCode(); code != 1 || countLines(errb.String(), pipe, "a named pipe, not a file") != 1 {
		t.Errorf("exit %d (%v):\n%s", code, err, errb.String())
	}
}

// The workbook, shared with other offices, names its inputs by their
// file and folder names, never by where they lie on this machine: in its
// properties and in 变更记录.
func TestInputNamesNotPaths(t *testing.T) {
	dir, in, out, _ := nightlyFolder(t, seed4)
	abs, err := filepath.Abs(in)
	must(t, err)
	file := filepath.Join(abs, seed4)
	if _, stderr, code := speechledger(t, "-q", "--no-cache", "--report-date", "2010-01-15", "-o", out, abs, file); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	f, err := excelize.OpenFile(out)
	must(t, err)
	defer f.Close()
	props, err := f.GetDocProps()
	must(t, err)
	log, err := f.GetRows("变更记录")
	must(t, err)
	var logText strings.Builder
	for _, r := range log {
		logText.WriteString(strings.Join(r, "\t") + "\n")
	}
	for where, text := range map[string]string{"properties": props.Description, "变更记录": logText.String()} {
		if strings.Contains(text, dir) || strings.Contains(text, filepath.ToSlash(dir)) {
			t.Errorf("the %s name the folder %s: %q", where, dir, text)
		}
		if !strings.Contains(text, "speeches、"+seed4) {
			t.Errorf("the %s do not name the inputs speeches and %s: %q", where, seed4, text)
		}
	}
}
