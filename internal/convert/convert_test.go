package convert

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"testing"
	"time"
)

// Without the programs on the PATH, each conversion says which is missing.
func TestMissingTools(t *testing.T) {
	if _, err := os.Stat("/Applications/LibreOffice.app"); err == nil {
		t.Skip("LibreOffice installed where soffice looks beside the PATH")
	}
	t.Setenv("PATH", t.TempDir())
	t.Setenv("ProgramFiles", t.TempDir())
	t.Setenv("ProgramFiles(x86)", t.TempDir())
	if _, err := Office(context.Background(), []byte("x"), ".doc", "docx"); !errors.Is(err, ErrNoSoffice) {
		t.Errorf("Office: %v, want ErrNoSoffice", err)
	}
	if _, err := PDFText(context.Background(), []byte("%PDF-1.4")); !errors.Is(err, ErrNoPdftotext) {
		t.Errorf("PDFText: %v, want ErrNoPdftotext", err)
	}
}

// A conversion that takes longer than Timeout is ended, with its process
// group, and fails with ErrTimeout.
func TestTimeout(t *testing.T) {
	if testing.Short() {
		t.Skip("starts LibreOffice: skipped under -short")
	}
	if _, err := exec.LookPath("soffice"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("soffice not found")
		}
		t.Skip("soffice not found")
	}
	defer func(d time.Duration) { Timeout = d }(Timeout)
	Timeout = 200 * time.Millisecond
	start := time.Now()
	_, err := Office(context.Background(), []byte("各单位要在6月底前完成任务。"), ".doc", "docx")
	if !errors.Is(err, ErrTimeout) {
		t.Fatalf("Office: %v, want ErrTimeout", err)
	}
	if d := time.Since(start); d > 20*time.Second {
		t.Errorf("Office returned %v after its time limit", d)
	}
}
