package main

import (
	"errors"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/speechledger/speechledger/internal/lock"
)

// TestScripts runs the scripts in testdata/script, each one behaviour of
// the command line: flags, exit statuses, messages, bad inputs. A script
// runs speechledger (this test binary, see TestMain) in a folder of its
// own, in the C locale unless it sets LANG, with these variables:
//
//	$TESTDATA  the repository's testdata folder
//	$SEED      a seed speech of five speeches (testdata/seeds/004_…)
//
// and, besides testscript's own commands:
//
//	status N command [args...]   runs command and checks it exits with N
//	holdlock OUTPUT              holds OUTPUT's lock to the end of the script
func TestScripts(t *testing.T) {
	testdata, err := filepath.Abs("testdata")
	if err != nil {
		t.Fatal(err)
	}
	testscript.Run(t, testscript.Params{
		Dir:                 filepath.Join("testdata", "script"),
		RequireExplicitExec: true,
		RequireUniqueNames:  true,
		Setup: func(e *testscript.Env) error {
			e.Setenv("TESTDATA", testdata)
			e.Setenv("SEED", filepath.Join(testdata, "seeds", "004_ff2848a0e228d2d6.txt"))
			e.Setenv("XDG_CACHE_HOME", filepath.Join(e.WorkDir, ".cache"))
			e.Setenv("LC_ALL", "C")
			return nil
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"status":   cmdStatus,
			"holdlock": cmdHoldLock,
		},
	})
}

// cmdStatus runs a command and checks its exit status: status N command
// [args...]. Its standard output and error are there for stdout and
// stderr to check, as after exec.
func cmdStatus(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 2 {
		ts.Fatalf("usage: status N command [args...]")
	}
	want, err := strconv.Atoi(args[0])
	ts.Check(err)
	got := 0
	if err := ts.Exec(args[1], args[2:]...); err != nil {
		var ee *exec.ExitError
		if !errors.As(err, &ee) {
			ts.Fatalf("%s: %v", args[1], err)
		}
		got = ee.ExitCode()
	}
	if got != want {
		ts.Fatalf("%s exited with %d, want %d", args[1], got, want)
	}
}

// cmdHoldLock holds the lock of an output, as a run writing it would, until
// the script ends: holdlock OUTPUT.
func cmdHoldLock(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: holdlock OUTPUT")
	}
	l, err := lock.Acquire(ts.MkAbs(args[0]), 0)
	ts.Check(err)
	ts.Defer(l.Release)
}
