package inputs

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// Walk keeps the files a run reads, in sorted order at every depth, and
// says why it passes over the rest: hidden files and folders (not what a
// hidden folder holds), temporary Office files, other types; file names
// are matched without regard to case.
func TestWalk(t *testing.T) {
	root := t.TempDir()
	for _, name := range []string{
		"b/2.txt", "b/1.TXT", "a.docx", "c/d/e.pdf", "f.ofd", "g.xlsx", "h.xls", "i.et", "j.doc", "k.wps",
		"~$a.docx", ".hidden.txt", ".git/x.txt", "notes.md", "image.png", "noext",
	} {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	skipped := map[string]Skip{}
	files, err := Walk(root, func(path string, why Skip) {
		rel, _ := filepath.Rel(root, path)
		skipped[filepath.ToSlash(rel)] = why
	}, func(path string, err error) {
		t.Errorf("failed(%s, %v)", path, err)
	})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range files {
		rel, _ := filepath.Rel(root, f)
		got = append(got, filepath.ToSlash(rel))
	}
	want := []string{"a.docx", "b/1.TXT", "b/2.txt", "c/d/e.pdf", "f.ofd", "g.xlsx", "h.xls", "i.et", "j.doc", "k.wps"}
	if !slices.Equal(got, want) {
		t.Errorf("files %q, want %q", got, want)
	}
	wantSkipped := map[string]Skip{
		"~$a.docx": SkipTemp, ".hidden.txt": SkipHidden, ".git": SkipHidden,
		"notes.md": SkipType, "image.png": SkipType, "noext": SkipType,
	}
	if len(skipped) != len(wantSkipped) {
		t.Errorf("skipped %v, want %v", skipped, wantSkipped)
	}
	for name, why := range wantSkipped {
		if got, ok := skipped[name]; !ok || got != why {
			t.Errorf("%s: skipped %v (%v), want %v", name, got, ok, why)
		}
	}
}

// A folder that cannot be walked is Walk's error; one under it that
// cannot be read is reported and the walk goes on.
func TestWalkErrors(t *testing.T) {
	if _, err := Walk(filepath.Join(t.TempDir(), "missing"), func(string, Skip) {}, func(string, error) {}); err == nil {
		t.Error("a missing folder: no error")
	}
	root := t.TempDir()
	locked := filepath.Join(root, "locked")
	if err := os.MkdirAll(locked, 0o000); err != nil {
		t.Fatal(err)
	}
	defer os.Chmod(locked, 0o755)
	if err := os.WriteFile(filepath.Join(root, "z.txt"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := os.ReadDir(locked); err == nil {
		t.Skip("the folder can be read anyway (running as root)")
	}
	var failed []string
	files, err := Walk(root, func(string, Skip) {}, func(path string, err error) { failed = append(failed, path) })
	if err != nil || len(files) != 1 || !slices.Equal(failed, []string{locked}) {
		t.Errorf("files %q, failed %q, err %v", files, failed, err)
	}
}
