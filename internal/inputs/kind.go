package inputs

import (
	"archive/zip"
	"bytes"
	"path/filepath"
	"strings"
)

// A Kind is a kind of input document, told by what a file holds and,
// where that leaves a choice (a damaged archive, an old Office file of
// unknown type), by its name.
type Kind string

// The kinds of input.
const (
	Text      Kind = ""
	Docx      Kind = "docx"
	Xlsx      Kind = "xlsx"
	OFD       Kind = "ofd"
	PDF       Kind = "pdf"
	OldWord   Kind = "doc" // .doc and .wps, converted to .docx
	OldExcel  Kind = "xls" // .xls and .et, converted to .xlsx
	Encrypted Kind = "encrypted Office"
	BadOLE    Kind = "damaged Office" // an OLE file without its directory
)

// Openings of file formats, to read a file by what it holds rather than
// by its name alone.
var (
	magicZip = []byte("PK\x03\x04")
	magicOLE = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}
	magicPDF = []byte("%PDF-")
)

// Sniff tells what kind of document b, the bytes of the file at path, is.
func Sniff(path string, b []byte) Kind {
	ext := strings.ToLower(filepath.Ext(path))
	switch {
	case bytes.HasPrefix(b, magicZip):
		return zipKind(b, ext)
	case bytes.HasPrefix(b, magicOLE):
		return oleKind(b, path)
	case bytes.Contains(b[:min(len(b), 1024)], magicPDF):
		// A PDF may have a few bytes before its header.
		return PDF
	case len(bytes.TrimSpace(b)) == 0:
		return Text // an empty file, whatever its name
	}
	// Content of no known kind is taken for what the name says: its
	// reader says what is wrong with it, and LibreOffice reads the RTF
	// and HTML that some systems save as .doc and .xls.
	switch ext {
	case ".docx":
		return Docx
	case ".xlsx":
		return Xlsx
	case ".ofd":
		return OFD
	case ".pdf":
		return PDF
	case ".doc", ".wps":
		return OldWord
	case ".xls", ".et":
		return OldExcel
	}
	return Text
}

// zipKind tells a zip archive's kind by its parts: an OFD package has
// OFD.xml, a workbook xl/workbook.xml; anything else is taken for a Word
// document, whose reader says when it is none. A damaged archive is taken
// for what its name says.
func zipKind(b []byte, ext string) Kind {
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err == nil {
		for _, f := range zr.File {
			switch strings.ToLower(f.Name) {
			case "ofd.xml":
				return OFD
			case "xl/workbook.xml":
				return Xlsx
			case "word/document.xml":
				return Docx
			}
		}
	}
	switch ext {
	case ".ofd":
		return OFD
	case ".xlsx":
		return Xlsx
	}
	return Docx
}

// oleKind tells an OLE compound file's kind by the names of its streams,
// stored in UTF-16: a Word or WPS document has WordDocument, an Excel or
// WPS workbook Workbook (or Book), a password-protected .docx or .xlsx
// EncryptedPackage. Streams named otherwise are taken for what the file's
// name says; a file without even the root entry of its directory is
// damaged, and not given to LibreOffice, which would read its bytes as
// text.
func oleKind(b []byte, path string) Kind {
	has := func(name string) bool {
		u := make([]byte, 0, 2*len(name))
		for _, c := range []byte(name) {
			u = append(u, c, 0)
		}
		return bytes.Contains(b, u)
	}
	switch {
	case !has("Root Entry"):
		return BadOLE
	case has("EncryptedPackage"):
		return Encrypted
	case has("WordDocument"):
		return OldWord
	case has("Workbook"), has("Book\x00"):
		return OldExcel
	}
	return OldKindByName(path)
}

// OldKindByName tells an old Office file's kind by its name: .xls and .et
// are workbooks, anything else a Word or WPS document.
func OldKindByName(name string) Kind {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".xls", ".et":
		return OldExcel
	}
	return OldWord
}

// TypeName is how messages name a kind of file: by the file's own
// extension when it has one of the kind's, else by the kind's.
func TypeName(path string, k Kind) string {
	ext := strings.ToLower(filepath.Ext(path))
	switch k {
	case OldWord:
		if ext == ".doc" || ext == ".wps" {
			return ext
		}
		return ".doc/.wps"
	case OldExcel:
		if ext == ".xls" || ext == ".et" {
			return ext
		}
		return ".xls/.et"
	}
	return "." + string(k)
}
