package main

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"path/filepath"
	"strings"

	"github.com/speechledger/speechledger/extract"
	"github.com/speechledger/speechledger/internal/convert"
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

// Kinds of input, told by what a file holds and, where that leaves a
// choice (a damaged archive, an old Office file of unknown type), by its
// name.
const (
	kindText      = ""
	kindDocx      = "docx"
	kindXlsx      = "xlsx"
	kindOFD       = "ofd"
	kindPDF       = "pdf"
	kindOldWord   = "doc" // .doc and .wps, converted to .docx
	kindOldExcel  = "xls" // .xls and .et, converted to .xlsx
	kindEncrypted = "encrypted Office"
	kindBadOLE    = "damaged Office" // an OLE file without its directory
)

// sniff tells what kind of document b, the bytes of the file at path, is.
func sniff(path string, b []byte) string {
	ext := strings.ToLower(filepath.Ext(path))
	switch {
	case bytes.HasPrefix(b, magicZip):
		return zipKind(b, ext)
	case bytes.HasPrefix(b, magicOLE):
		return oleKind(b, path)
	case bytes.Contains(b[:min(len(b), 1024)], magicPDF):
		// A PDF may have a few bytes before its header.
		return kindPDF
	case len(bytes.TrimSpace(b)) == 0:
		return kindText // an empty file, whatever its name
	}
	// Content of no known kind is taken for what the name says: its
	// reader says what is wrong with it, and LibreOffice reads the RTF
	// and HTML that some systems save as .doc and .xls.
	switch ext {
	case ".docx":
		return kindDocx
	case ".xlsx":
		return kindXlsx
	case ".ofd":
		return kindOFD
	case ".pdf":
		return kindPDF
	case ".doc", ".wps":
		return kindOldWord
	case ".xls", ".et":
		return kindOldExcel
	}
	return kindText
}

// zipKind tells a zip archive's kind by its parts: an OFD package has
// OFD.xml, a workbook xl/workbook.xml; anything else is taken for a Word
// document, whose reader says when it is none. A damaged archive is taken
// for what its name says.
func zipKind(b []byte, ext string) string {
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err == nil {
		for _, f := range zr.File {
			switch strings.ToLower(f.Name) {
			case "ofd.xml":
				return kindOFD
			case "xl/workbook.xml":
				return kindXlsx
			case "word/document.xml":
				return kindDocx
			}
		}
	}
	switch ext {
	case ".ofd":
		return kindOFD
	case ".xlsx":
		return kindXlsx
	}
	return kindDocx
}

// oleKind tells an OLE compound file's kind by the names of its streams,
// stored in UTF-16: a Word or WPS document has WordDocument, an Excel or
// WPS workbook Workbook (or Book), a password-protected .docx or .xlsx
// EncryptedPackage. Streams named otherwise are taken for what the file's
// name says; a file without even the root entry of its directory is
// damaged, and not given to LibreOffice, which would read its bytes as
// text.
func oleKind(b []byte, path string) string {
	has := func(name string) bool {
		u := make([]byte, 0, 2*len(name))
		for _, c := range []byte(name) {
			u = append(u, c, 0)
		}
		return bytes.Contains(b, u)
	}
	switch {
	case !has("Root Entry"):
		return kindBadOLE
	case has("EncryptedPackage"):
		return kindEncrypted
	case has("WordDocument"):
		return kindOldWord
	case has("Workbook"), has("Book\x00"):
		return kindOldExcel
	}
	return oldKindByName(path)
}

// oldKindByName tells an old Office file's kind by its name: .xls and .et
// are workbooks, anything else a Word or WPS document.
func oldKindByName(name string) string {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".xls", ".et":
		return kindOldExcel
	}
	return kindOldWord
}

// typeName is how messages name a kind of file: by the file's own
// extension when it has one of the kind's, else by the kind's.
func typeName(path, kind string) string {
	ext := strings.ToLower(filepath.Ext(path))
	switch kind {
	case kindOldWord:
		if ext == ".doc" || ext == ".wps" {
			return ext
		}
		return ".doc/.wps"
	case kindOldExcel:
		if ext == ".xls" || ext == ".et" {
			return ext
		}
		return ".xls/.et"
	}
	return "." + kind
}

// convertOld converts an old Word, WPS or Excel file to .docx or .xlsx
// with LibreOffice, or says what the user can do instead.
func (c *command) convertOld(path, kind string, b []byte) ([]byte, error) {
	p := c.p
	to, ext, app := "docx", ".doc", "Word"
	if kind == kindOldExcel {
		to, ext, app = "xlsx", ".xls", "Excel"
	}
	name := typeName(path, kind)
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
