package inputs

import (
	"archive/zip"
	"bytes"
	"testing"
)

// zipOf returns a zip archive holding empty parts named names.
func zipOf(t *testing.T, names ...string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, n := range names {
		if _, err := zw.Create(n); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// oleOf returns the start of an OLE compound file whose directory names
// the streams, in UTF-16 as the format stores them.
func oleOf(streams ...string) []byte {
	b := []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}
	b = append(b, make([]byte, 504)...)
	for _, s := range streams {
		for _, c := range []byte(s) {
			b = append(b, c, 0)
		}
		b = append(b, 0, 0)
	}
	return b
}

// A file is read by what it holds; its name decides only where the bytes
// leave a choice: an empty file is text whatever its name, a damaged
// archive or an old Office file with unknown streams is what its name
// says, and a file of no known kind too.
func TestSniff(t *testing.T) {
	for _, tc := range []struct {
		name, path string
		b          []byte
		want       Kind
	}{
		{"text", "a.txt", []byte("各单位要在6月底前完成。"), Text},
		{"text named .docx", "a.docx", []byte("各单位"), Docx},
		{"empty .docx", "a.docx", []byte(" \n"), Text},
		{"Word document named .txt", "a.txt", zipOf(t, "[Content_Types].xml", "word/document.xml"), Docx},
		{"workbook named .docx", "a.docx", zipOf(t, "xl/workbook.xml"), Xlsx},
		{"OFD package named .zip", "a.zip", zipOf(t, "OFD.xml", "Doc_0/Document.xml"), OFD},
		{"other archive", "a.zip", zipOf(t, "readme.txt"), Docx},
		{"damaged archive named .ofd", "a.ofd", []byte("PK\x03\x04damaged"), OFD},
		{"damaged archive named .xlsx", "a.xlsx", []byte("PK\x03\x04damaged"), Xlsx},
		{"damaged archive named .txt", "a.txt", []byte("PK\x03\x04damaged"), Docx},
		{"PDF", "a.txt", []byte("%PDF-1.7\n"), PDF},
		{"PDF after a few bytes", "a.pdf", []byte("\r\n%PDF-1.4\n"), PDF},
		{"Word 97", "a.txt", oleOf("Root Entry", "WordDocument"), OldWord},
		{"Excel 97", "a.doc", oleOf("Root Entry", "Workbook"), OldExcel},
		{"Excel 5", "a.doc", oleOf("Root Entry", "Book"), OldExcel},
		{"encrypted .docx", "a.docx", oleOf("Root Entry", "EncryptedPackage"), Encrypted},
		{"OLE of unknown streams named .et", "a.et", oleOf("Root Entry", "Other"), OldExcel},
		{"OLE of unknown streams named .wps", "a.wps", oleOf("Root Entry", "Other"), OldWord},
		{"OLE without a directory", "a.doc", oleOf(), BadOLE},
		{"RTF named .doc", "a.doc", []byte(`{\rtf1 }`), OldWord},
		{"HTML named .XLS", "a.XLS", []byte("<html>"), OldExcel},
		{"unknown named .pdf", "a.pdf", []byte("not a pdf"), PDF},
	} {
		if got := Sniff(tc.path, tc.b); got != tc.want {
			t.Errorf("%s: Sniff(%q) = %q, want %q", tc.name, tc.path, got, tc.want)
		}
	}
}

// Messages name a kind by the file's own extension when it is one of the
// kind's.
func TestTypeName(t *testing.T) {
	for _, tc := range []struct {
		path string
		kind Kind
		want string
	}{
		{"a.WPS", OldWord, ".wps"},
		{"a.doc", OldWord, ".doc"},
		{"a.txt", OldWord, ".doc/.wps"},
		{"a.et", OldExcel, ".et"},
		{"a.doc", OldExcel, ".xls/.et"},
		{"a.txt", PDF, ".pdf"},
		{"a.bin", OFD, ".ofd"},
	} {
		if got := TypeName(tc.path, tc.kind); got != tc.want {
			t.Errorf("TypeName(%q, %q) = %q, want %q", tc.path, tc.kind, got, tc.want)
		}
	}
}

// FuzzSniff checks Sniff never fails on any bytes and tells a kind of
// the list.
func FuzzSniff(f *testing.F) {
	f.Add("a.doc", oleOf("Root Entry", "WordDocument"))
	f.Add("a.xlsx", []byte("PK\x03\x04"))
	f.Add("a.txt", []byte("%PDF-"))
	f.Fuzz(func(t *testing.T, path string, b []byte) {
		switch k := Sniff(path, b); k {
		case Text, Docx, Xlsx, OFD, PDF, OldWord, OldExcel, Encrypted, BadOLE:
		default:
			t.Errorf("Sniff(%q) = %q, no kind", path, k)
		}
	})
}
