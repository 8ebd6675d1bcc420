package cache

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// entry is what the tests keep: any gob-encodable value does.
type entry struct {
	Name  string
	Lines []string
}

// A nil Cache, as Open gives for "", finds nothing and keeps nothing.
func TestOff(t *testing.T) {
	c := Open("")
	if c != nil {
		t.Fatalf("Open(\"\") = %v, want nil", c)
	}
	if k := c.Key("a.txt", []byte("x")); k != "" {
		t.Errorf("Key = %q on a nil cache", k)
	}
	if err := c.Store("k", entry{}); err != nil {
		t.Error(err)
	}
	var e entry
	if ok, err := c.Load("k", &e); ok || err != nil {
		t.Errorf("Load on a nil cache = %v, %v", ok, err)
	}
}

// An entry stored comes back as it was; a key not stored is a miss
// without an error.
func TestStoreLoad(t *testing.T) {
	c := Open(t.TempDir(), "ref-date 2010-01-15")
	key := c.Key("a.txt", []byte("讲话"))
	want := entry{Name: "a.txt", Lines: []string{"一、", "二、"}}
	if err := c.Store(key, want); err != nil {
		t.Fatal(err)
	}
	var got entry
	if ok, err := c.Load(key, &got); !ok || err != nil {
		t.Fatalf("Load = %v, %v", ok, err)
	}
	if got.Name != want.Name || !slices.Equal(got.Lines, want.Lines) {
		t.Errorf("Load gave %+v, want %+v", got, want)
	}
	if ok, err := c.Load(c.Key("b.txt", nil), &got); ok || err != nil {
		t.Errorf("a key never stored: Load = %v, %v", ok, err)
	}
}

// A key changes with the input's name, its bytes and the options, and
// only with them.
func TestKey(t *testing.T) {
	dir := t.TempDir()
	a, b := Open(dir, "x"), Open(dir, "y")
	base := a.Key("a.txt", []byte("text"))
	if a.Key("a.txt", []byte("text")) != base || Open(dir, "x").Key("a.txt", []byte("text")) != base {
		t.Error("the same input gives another key")
	}
	for name, k := range map[string]string{
		"another name":    a.Key("b.txt", []byte("text")),
		"other bytes":     a.Key("a.txt", []byte("text!")),
		"other options":   b.Key("a.txt", []byte("text")),
		"name into bytes": a.Key("a.tx", []byte("ttext")),
	} {
		if k == base {
			t.Errorf("%s: the same key", name)
		}
	}
	// Options are kept apart by their lengths: ("ab", "c") is not ("a", "bc").
	if Open(dir, "ab", "c").Key("a", nil) == Open(dir, "a", "bc").Key("a", nil) {
		t.Error(`options ("ab", "c") and ("a", "bc") give the same key`)
	}
}

// An entry damaged on the disk, cut short or put under another's name is
// a miss with an error naming it, never a wrong value; storing it again
// mends it.
func TestDamagedEntries(t *testing.T) {
	c := Open(t.TempDir())
	keys := []string{c.Key("a.txt", []byte("a")), c.Key("b.txt", []byte("b"))}
	pristine := make([][]byte, len(keys))
	for i, k := range keys {
		if err := c.Store(k, entry{Name: k, Lines: []string{strings.Repeat("任务", 50)}}); err != nil {
			t.Fatal(err)
		}
		b, err := os.ReadFile(c.path(k))
		if err != nil {
			t.Fatal(err)
		}
		pristine[i] = b
	}
	flip := func(at float64) func(i int, b []byte) []byte {
		return func(i int, b []byte) []byte {
			b = slices.Clone(b)
			b[int(at*float64(len(b)-1))] ^= 0x04
			return b
		}
	}
	for _, tc := range []struct {
		name   string
		damage func(i int, b []byte) []byte
	}{
		{"first byte flipped", flip(0)},
		{"a byte flipped at a quarter", flip(0.25)},
		{"a byte flipped in the middle", flip(0.5)},
		{"a byte flipped at three quarters", flip(0.75)},
		{"last byte flipped", flip(1)},
		{"cut to half", func(i int, b []byte) []byte { return b[:len(b)/2] }},
		{"last byte cut", func(i int, b []byte) []byte { return b[:len(b)-1] }},
		{"emptied", func(i int, b []byte) []byte { return nil }},
		{"swapped", func(i int, b []byte) []byte { return pristine[(i+1)%len(pristine)] }},
	} {
		for i, k := range keys {
			if err := os.WriteFile(c.path(k), tc.damage(i, pristine[i]), 0o644); err != nil {
				t.Fatal(err)
			}
			var got entry
			ok, err := c.Load(k, &got)
			if ok || err == nil || !strings.Contains(err.Error(), c.path(k)) {
				t.Errorf("%s: Load = %v, %v; want a miss naming %s", tc.name, ok, err, c.path(k))
			}
			if err := c.Store(k, entry{Name: k}); err != nil {
				t.Fatal(err)
			}
			if ok, err := c.Load(k, &got); !ok || err != nil || got.Name != k {
				t.Errorf("%s: stored again, Load = %v, %v, %+v", tc.name, ok, err, got)
			}
		}
	}
}

// The program's identity is computed once per build and remembered in the
// cache folder; the cache folder holds nothing else but entries.
func TestProgramID(t *testing.T) {
	dir := t.TempDir()
	id := programID(dir)
	if id == "" || programID(dir) != id {
		t.Fatalf("programID = %q, then %q", id, programID(dir))
	}
	memos, _ := filepath.Glob(filepath.Join(dir, "program-*"))
	if len(memos) != 1 {
		t.Errorf("%d memos of the program's identity, want 1: %q", len(memos), memos)
	}
	if leftovers, _ := filepath.Glob(filepath.Join(dir, ".*")); len(leftovers) != 0 {
		t.Errorf("left behind: %q", leftovers)
	}
}
