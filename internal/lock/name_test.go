package lock

import (
	"path/filepath"
	"testing"
)

func TestName(t *testing.T) {
	for out, want := range map[string]string{
		"ledger.xlsx":                       ".ledger.xlsx.lock",
		filepath.Join("a", "b", "台账.xlsx"):  filepath.Join("a", "b", ".台账.xlsx.lock"),
		filepath.Join("out", "tasks.jsonl"): filepath.Join("out", ".tasks.jsonl.lock"),
	} {
		if got := Name(out); got != want {
			t.Errorf("Name(%q) = %q, want %q", out, got, want)
		}
	}
}

// holder reads the lock file's "PID HOST" line, or what there is of it.
func TestHolder(t *testing.T) {
	for content, want := range map[string]string{
		"123 host-a\n": "pid 123 on host-a",
		"123":          "pid 123",
		"":             "unknown process",
		" \n":          "unknown process",
	} {
		if got := holder([]byte(content)); got != want {
			t.Errorf("holder(%q) = %q, want %q", content, got, want)
		}
	}
}
