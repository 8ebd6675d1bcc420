package main

import (
	"context"
	"errors"
	"strings"

	"github.com/speechledger/speechledger/extract"
	"github.com/speechledger/speechledger/internal/convert"
	"github.com/speechledger/speechledger/internal/inputs"
	"github.com/speechledger/speechledger/internal/tasksheet"
)

// content is what an input holds: its text, and the task-division tables
// it lists its tasks in, if any.
type content struct {
	text   string
	tables []extract.TaskTable
}

// errSkipped is an input found in a folder and skipped, with a note.
var errSkipped = errors.New("skipped")

// folderSkip is the error about a workbook given as an input that is no
// task-division sheet: a ledger speechledger wrote, or another workbook.
// Named on the command line, it is an error; found in a folder, where
// offices keep other workbooks beside their speeches, the file is skipped
// with note under -v, as files of other types are.
type folderSkip struct {
	error
	note msg
}

// convertOld converts an old Word, WPS or Excel file to .docx or .xlsx
// with LibreOffice, or says what the user can do instead.
func (c *command) convertOld(path string, kind inputs.Kind, b []byte) ([]byte, error) {
	p := c.p
	to, ext, app := "docx", ".doc", "Word"
	if kind == inputs.OldExcel {
		to, ext, app = "xlsx", ".xls", "Excel"
	}
	name := inputs.TypeName(path, kind)
	out, err := convert.Office(context.Background(), b, ext, to)
	switch {
	case errors.Is(err, convert.ErrNoSoffice):
		return nil, p.errorf(msgOldFormat, path, name, app, "."+to)
	case errors.Is(err, convert.ErrTimeout):
		return nil, p.errorf(msgConvertTimeout, path, name, convert.Timeout)
	case err != nil:
		return nil, p.errorf(msgConvertFailed, path, name, err)
	}
	return out, nil
}

// pdfText reads the text layer of a PDF with pdftotext.
func (c *command) pdfText(path string, b []byte) (string, error) {
	p := c.p
	layout, err := convert.PDFText(context.Background(), b)
	switch {
	case errors.Is(err, convert.ErrNoPdftotext):
		return "", p.errorf(msgPDF, path)
	case errors.Is(err, convert.ErrEncrypted):
		return "", p.errorf(msgEncrypted, path, "PDF")
	case errors.Is(err, convert.ErrTimeout):
		return "", p.errorf(msgPDFDamaged, path, err)
	case err != nil:
		return "", p.errorf(msgPDFDamaged, path, err)
	}
	text, err := extract.PDFText(string(layout))
	if errors.Is(err, extract.ErrNoTextLayer) {
		return "", p.errorf(msgNoTextLayer, path, "PDF")
	}
	return text, err
}

// ofdText reads the text of an OFD document.
func (c *command) ofdText(path string, b []byte) (string, error) {
	p := c.p
	text, err := extract.OFD(b)
	switch {
	case errors.Is(err, extract.ErrNoTextLayer):
		return "", p.errorf(msgNoTextLayer, path, "OFD")
	case errors.Is(err, extract.ErrOFDEncrypted):
		return "", p.errorf(msgEncrypted, path, "OFD")
	case errors.Is(err, extract.ErrOFDBomb):
		return "", p.errorf(msgZipBomb, path, ".ofd", 64)
	case errors.Is(err, extract.ErrNotOFD):
		return "", p.errorf(msgNotOFD, path)
	case err != nil:
		return "", p.errorf(msgOFDCorrupt, path, strings.TrimPrefix(err.Error(), extract.ErrOFDCorrupt.Error()+": "))
	}
	return text, nil
}

// taskSheet reads the task-division tables of a workbook.
func (c *command) taskSheet(path string, b []byte) ([]extract.TaskTable, error) {
	p := c.p
	tables, err := tasksheet.Tables(b)
	switch {
	case errors.Is(err, tasksheet.ErrLedger):
		return nil, folderSkip{p.errorf(msgLedgerInput, path), msgNoteLedger}
	case errors.Is(err, extract.ErrNotTaskTable):
		return nil, folderSkip{p.errorf(msgNotTaskSheet, path), msgNoteNotTaskSheet}
	case err != nil:
		return nil, p.errorf(msgXlsxCorrupt, path, strings.TrimPrefix(err.Error(), tasksheet.ErrCorrupt.Error()+": "))
	}
	return tables, nil
}
