package atomicfile

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// files returns the names in dir.
func files(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

// wantFile fails unless path holds content and is the only file in its
// folder.
func wantFile(t *testing.T, path, content string) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil || string(b) != content {
		t.Errorf("%s = %q, %v; want %q", path, b, err, content)
	}
	if names := files(t, filepath.Dir(path)); len(names) != 1 {
		t.Errorf("files left: %q", names)
	}
}

func writeString(s string) func(io.Writer) error {
	return func(w io.Writer) error {
		_, err := io.WriteString(w, s)
		return err
	}
}

// A write replaces the file whole; a failing write or check before the
// rename leaves the old file and no temporary file.
func TestWrite(t *testing.T) {
	for _, opt := range []Options{{}, {NoSync: true}} {
		path := filepath.Join(t.TempDir(), "ledger.xlsx")
		if err := Write(path, writeString("old"), opt); err != nil {
			t.Fatal(err)
		}
		wantFile(t, path, "old")
		if info, _ := os.Stat(path); info.Mode().Perm() != 0o644 {
			t.Errorf("mode %v", info.Mode())
		}

		broken := errors.New("broken")
		err := Write(path, func(w io.Writer) error {
			io.WriteString(w, "half")
			return broken
		}, opt)
		if !errors.Is(err, broken) {
			t.Errorf("failing write: %v", err)
		}
		wantFile(t, path, "old")

		opt.BeforeRename = func() error { return broken }
		if err := Write(path, writeString("new"), opt); !errors.Is(err, broken) {
			t.Errorf("failing check: %v", err)
		}
		wantFile(t, path, "old")

		opt.BeforeRename = func() error { return nil }
		if err := Write(path, writeString("new"), opt); err != nil {
			t.Fatal(err)
		}
		wantFile(t, path, "new")
	}
}

// Abort, called while a file is being written, removes its temporary
// file; that write and every later one fail and leave the file as it
// was.
func TestAbort(t *testing.T) {
	t.Cleanup(func() { aborted = false })
	path := filepath.Join(t.TempDir(), "ledger.xlsx")
	if err := Write(path, writeString("old"), Options{}); err != nil {
		t.Fatal(err)
	}
	err := Write(path, func(w io.Writer) error {
		io.WriteString(w, "new")
		if n := len(files(t, filepath.Dir(path))); n != 2 {
			t.Errorf("%d files while writing, want the file and a temporary one", n)
		}
		Abort()
		return nil
	}, Options{})
	if !errors.Is(err, ErrAborted) {
		t.Errorf("aborted write: %v", err)
	}
	wantFile(t, path, "old")
	if err := Write(path, writeString("new"), Options{}); !errors.Is(err, ErrAborted) {
		t.Errorf("write after Abort: %v", err)
	}
	wantFile(t, path, "old")
}

// RemoveLeftovers removes the temporary files of path's Writes, named as
// Write names them, and nothing else: not the file, not another file's
// temporary files, not a folder named like one.
func TestRemoveLeftovers(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "ledger.xlsx")
	keep := []string{"ledger.xlsx", ".other.xlsx.1.tmp", "ledger.xlsx.tmp", ".ledger.xlsx.lock"}
	for _, name := range append([]string{".ledger.xlsx.123.tmp", ".ledger.xlsx.456789.tmp"}, keep...) {
		if err := os.WriteFile(filepath.Join(dir, name), nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Mkdir(filepath.Join(dir, ".ledger.xlsx.9.tmp"), 0o755); err != nil {
		t.Fatal(err)
	}
	RemoveLeftovers(path)
	want := append([]string{".ledger.xlsx.9.tmp"}, keep...)
	slices.Sort(want)
	if got := files(t, dir); !slices.Equal(got, want) {
		t.Errorf("left %q, want %q", got, want)
	}
}
