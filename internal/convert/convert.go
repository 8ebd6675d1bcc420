// Package convert turns documents that speechledger does not read itself
// into ones it does, with programs installed beside it: LibreOffice
// (soffice) converts old Word, WPS and Excel files to .docx and .xlsx, and
// poppler's pdftotext reads the text layer of a PDF.
//
// PDFs are read with pdftotext rather than a pure-Go reader: the one
// tried, github.com/ledongthuc/pdf (descended from rsc.io/pdf), read the
// characters of the PDFs LibreOffice makes from the seeds, simplified and
// traditional, but not their order (rows of a page out of place, the 三
// and 、 of one heading on two lines), which pdftotext -layout gets right,
// tables included.
//
// Each conversion works on a copy of the document in a temporary folder of
// its own, never on the original, with a LibreOffice profile of its own so
// that it neither needs nor disturbs a LibreOffice the user has open, and
// within a time limit; the folder is removed afterwards. The program runs
// in a process group of its own, all of which is ended when the time is up.
package convert

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"time"
)

// Errors of a conversion. A failure of the program itself is reported
// with what it said.
var (
	ErrNoSoffice   = errors.New("LibreOffice (soffice) is not installed")
	ErrNoPdftotext = errors.New("pdftotext (poppler-utils) is not installed")
	ErrTimeout     = errors.New("conversion took too long")
	ErrEncrypted   = errors.New("password-protected")
)

// Timeout is the longest one conversion may take. LibreOffice starting
// with a fresh profile takes a few seconds; a speech converts in a second
// or two more.
var Timeout = 2 * time.Minute

// Office converts data, a document of the type its extension ext (".doc",
// ".wps", ".xls", ".et") names, to the format to ("docx" or "xlsx") with
// LibreOffice headless, and returns the converted bytes.
func Office(ctx context.Context, data []byte, ext, to string) ([]byte, error) {
	bin := soffice()
	if bin == "" {
		return nil, ErrNoSoffice
	}
	dir, err := os.MkdirTemp("", "speechledger-convert-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	in := filepath.Join(dir, "input"+ext)
	if err := os.WriteFile(in, data, 0o600); err != nil {
		return nil, err
	}
	outDir := filepath.Join(dir, "out")
	profile := "file:///" + strings.TrimPrefix(filepath.ToSlash(filepath.Join(dir, "profile")), "/")
	if _, err := run(ctx, bin, "--headless", "--norestore", "--nologo", "--nolockcheck",
		"-env:UserInstallation="+profile, "--convert-to", to, "--outdir", outDir, in); err != nil {
		return nil, err
	}
	out, err := os.ReadFile(filepath.Join(outDir, "input."+to))
	if errors.Is(err, os.ErrNotExist) {
		// LibreOffice exits 0 when it cannot load a file, writing
		// nothing: a damaged or password-protected document.
		return nil, errors.New("LibreOffice could not open it")
	}
	return out, err
}

// PDFText returns the text of the PDF in data as poppler's pdftotext
// -layout gives it: lines laid out as on the page, pages separated by
// form feeds. It fails with ErrEncrypted for a PDF that needs a password
// to open.
func PDFText(ctx context.Context, data []byte) ([]byte, error) {
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		return nil, ErrNoPdftotext
	}
	dir, err := os.MkdirTemp("", "speechledger-pdf-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	in := filepath.Join(dir, "input.pdf")
	if err := os.WriteFile(in, data, 0o600); err != nil {
		return nil, err
	}
	return run(ctx, bin, "-layout", "-enc", "UTF-8", "-eol", "unix", in, "-")
}

// run runs bin within Timeout and returns its standard output, or an
// error with the last line it wrote on standard error.
func run(ctx context.Context, bin string, args ...string) ([]byte, error) {
	ctx, cancel := context.WithTimeout(ctx, Timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, args...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	cmd.Env = append(os.Environ(), "LC_ALL=C", "SAL_USE_VCLPLUGIN=svp")
	ownGroup(cmd)
	cmd.WaitDelay = 5 * time.Second
	err := cmd.Run()
	switch {
	case ctx.Err() == context.DeadlineExceeded:
		return nil, fmt.Errorf("%w (over %v)", ErrTimeout, Timeout)
	case err == nil:
		return stdout.Bytes(), nil
	case strings.Contains(stderr.String(), "Incorrect password"):
		return nil, ErrEncrypted
	}
	// The last line says what went wrong, after the warnings that led
	// to it (and LibreOffice's about Java).
	msg := ""
	for _, l := range strings.Split(stderr.String(), "\n") {
		if l = strings.TrimSpace(l); l != "" && !strings.Contains(l, "javaldx") {
			msg = l
		}
	}
	if msg == "" {
		return nil, fmt.Errorf("%s: %v", filepath.Base(bin), err)
	}
	return nil, fmt.Errorf("%s: %v: %s", filepath.Base(bin), err, msg)
}

// soffice returns the path of LibreOffice's soffice, or "" when it is not
// installed: on the PATH, or where its installer puts it on Windows and
// macOS.
func soffice() string {
	for _, name := range []string{"soffice", "libreoffice"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	var places []string
	switch runtime.GOOS {
	case "windows":
		for _, v := range []string{"ProgramFiles", "ProgramFiles(x86)"} {
			if d := os.Getenv(v); d != "" {
				places = append(places, filepath.Join(d, "LibreOffice", "program", "soffice.exe"))
			}
		}
	case "darwin":
		places = append(places, "/Applications/LibreOffice.app/Contents/MacOS/soffice")
	}
	for _, p := range places {
		if info, err := os.Stat(p); err == nil && !info.IsDir() {
			return p
		}
	}
	return ""
}

// HaveSoffice reports whether LibreOffice is installed.
func HaveSoffice() bool { return soffice() != "" }
