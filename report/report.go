// Package report writes the supervision task ledger (督办台账) for extracted
// speeches: an .xlsx workbook with a summary sheet 汇总 and one sheet per
// speech, laid out by a template that is either the embedded default
// (templates/default.xlsx) or an office's own workbook.
//
// Writing happens in two steps. buildLedger turns speeches into rows and
// counts, with no styling and no I/O; the writing step lays those rows into
// a copy of the template's sheet with excelize. The report date comes in
// through Options: the package never reads the clock, so the same input and
// report date give a byte-identical workbook.
package report

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"

	"github.com/speechledger/speechledger/extract"
	"github.com/speechledger/speechledger/templates"
)

// Options configure the report.
type Options struct {
	ReportDate extract.Date // the day the report is made
	Template   string       // path of an office's own .xlsx template; "" = the embedded default
	Inputs     []string     // input paths as given, for the record
}

// WriteWorkbook writes the ledger for speeches to path atomically (temp file
// in the same folder, fsync, rename). Speeches come in input order; a
// speech with DuplicateOf != 0 gets no sheet, only a line in the summary.
func WriteWorkbook(path string, speeches []extract.Speech, opt Options) error {
	if err := writeWorkbook(path, speeches, opt); err != nil {
		return fmt.Errorf("write workbook %s: %w", path, err)
	}
	return nil
}

func writeWorkbook(path string, speeches []extract.Speech, opt Options) error {
	if opt.ReportDate.IsZero() {
		return fmt.Errorf("no report date")
	}
	tpl, name := templates.Default(), "default.xlsx"
	if opt.Template != "" {
		b, err := os.ReadFile(opt.Template)
		if err != nil {
			return fmt.Errorf("read template: %w", err)
		}
		tpl, name = b, opt.Template
	}
	f, lay, err := openTemplate(tpl, name)
	if err != nil {
		return err
	}
	defer f.Close()
	l := buildLedger(speeches, opt)
	cache := formulaCache{}
	if err := fill(f, lay, &l, cache); err != nil {
		return err
	}
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		return err
	}
	return writeFileAtomic(path, func(w *os.File) error {
		return addCachedValues(w, buf.Bytes(), cache)
	})
}

// writeFileAtomic writes path through a temporary file in the same folder,
// synced and then renamed over path, so readers never see half a file.
func writeFileAtomic(path string, write func(*os.File) error) (err error) {
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	tmp, err := os.CreateTemp(dir, "."+base+".*.tmp")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if err = write(tmp); err != nil {
		return err
	}
	if err = tmp.Chmod(0o644); err != nil {
		return err
	}
	if err = tmp.Sync(); err != nil {
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
