package xlsx

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// The fast reader reads workbooks other programs saved as excelize does:
// testdata holds the same cells written by openpyxl, by XlsxWriter (the
// library that writes Excel's format for Python) and saved again by
// LibreOffice (testdata/make_fixtures.py makes them). Besides agreeing
// with excelize on every cell, it reads the cells below as written.
func TestReadOtherPrograms(t *testing.T) {
	type cell struct{ sheet, cell, value string }
	want := []cell{
		{"台账", "A1", "县教育局要在年底前完成73所学校的校舍改造任务。"},
		{"台账", "B1", `a<b>&"c" 'd' `},
		{"台账", "C1", "40178"},
		{"台账", "D1", "3.25"},
		{"台账", "E1", "1"},
		{"台账", "B3", "-7"},
		{"台账", "Z9", "末"},
		{"第二", "B2", "第二页"},
		{"第二", "A4", "0.1"},
	}
	// What differs by program: openpyxl does not escape a literal _x0041_
	// (Excel reads it as A), LibreOffice reads it literally and escapes it
	// when it saves; openpyxl and XlsxWriter keep a CR as &#13;,
	// LibreOffice drops it; only XlsxWriter writes rich text and a
	// formula's value, LibreOffice calculates it.
	const formulaValue = "县教育局要在年底前完成73所学校的校舍改造任务。x"
	extra := map[string][]cell{
		"openpyxl.xlsx": {{"台账", "G1", "A is not A"}, {"台账", "A3", "行一\r\n行二\n末"}, {"台账", "F1", ""}},
		"xlsxwriter.xlsx": {{"台账", "G1", "_x0041_ is not A"}, {"台账", "A3", "行一\r\n行二\n末"},
			{"台账", "A2", "县教育局要落实"}, {"台账", "F1", formulaValue}},
		"libreoffice.xlsx": {{"台账", "G1", "_x0041_ is not A"}, {"台账", "A3", "行一\n行二\n末"}, {"台账", "F1", formulaValue}},
	}
	for _, name := range []string{"openpyxl.xlsx", "xlsxwriter.xlsx", "libreoffice.xlsx"} {
		t.Run(name, func(t *testing.T) {
			b, err := os.ReadFile(filepath.Join("testdata", name))
			if err != nil {
				t.Fatal(err)
			}
			checkSheets(t, b)
			r, err := NewReader(bytes.NewReader(b), int64(len(b)))
			if err != nil {
				t.Fatal(err)
			}
			if got := r.Sheets(); len(got) != 2 || got[0] != "台账" || got[1] != "第二" {
				t.Errorf("sheets %q", got)
			}
			for _, c := range append(want, extra[name]...) {
				s, err := r.Rows(c.sheet)
				if err != nil {
					t.Fatal(err)
				}
				col, row, _ := excelize.CellNameToCoordinates(c.cell)
				got := ""
				if row <= len(s.Rows) && col <= len(s.Rows[row-1]) {
					got = unescapeX(s.Rows[row-1][col-1])
				}
				if got != c.value {
					t.Errorf("%s!%s = %q, want %q", c.sheet, c.cell, got, c.value)
				}
			}
		})
	}
}

// checkSheets checks that the fast reader reads every sheet of the
// package b as excelize does, after unescaping _xHHHH_.
func checkSheets(t *testing.T, b []byte) {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r, err := NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	for _, sh := range f.GetSheetList() {
		want, err := f.GetRows(sh, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		s, err := r.Rows(sh)
		if err != nil {
			t.Fatal(err)
		}
		if !equalRows(unescapeRows(s.Rows), want) {
			t.Errorf("sheet %s: the fast reader reads\n%q\nexcelize\n%q", sh, s.Rows, want)
		}
	}
}

// unescapeRows returns rows with the _xHHHH_ escapes of each value
// unescaped.
func unescapeRows(rows [][]string) [][]string {
	out := make([][]string, len(rows))
	for i, row := range rows {
		for _, v := range row {
			out[i] = append(out[i], unescapeX(v))
		}
	}
	return out
}

// Rows read piece by piece with ReadMore are what ReadSheet reads of
// them all: values, types, heights and styles.
func TestReadMore(t *testing.T) {
	rows := [][]byte{
		[]byte(`<row r="3" ht="30" customHeight="1"><c r="A3" s="2"><v>1</v></c><c r="C3" t="inlineStr"><is><t>甲</t></is></c></row>`),
		[]byte(`<row r="4"><c r="B4" s="5" t="b"><v>1</v></c></row>`),
		[]byte(`<row r="6" ht="18" customHeight="1"><c r="A6" t="inlineStr"><is><t>乙&amp;丙</t></is></c><c r="D6" s="3"><f>A6</f><v>x</v></c></row>`),
		[]byte(`<row><c><v>7</v></c><c t="inlineStr"><is><t>丁</t></is></c></row>`), // row 7, as other programs write it
	}
	want, err := ReadSheet(bytes.Join(rows, nil), nil)
	if err != nil {
		t.Fatal(err)
	}
	var got Sheet
	for _, r := range rows {
		if err := ReadMore(&got, r, nil); err != nil {
			t.Fatal(err)
		}
	}
	if len(got.Rows) != 7 || !reflect.DeepEqual(&got, want) {
		t.Errorf("piece by piece: %+v\nwhole: %+v", got, *want)
	}
}

// The rows of a sheet of several megabytes of XML, which Rows reads a
// megabyte at a time, are what ReadSheet reads of its part whole.
func TestRowsOfALargeSheet(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Repeat("各单位要在年底前完成整改。", 20)
	for n := 1; n <= 12000; n++ {
		cell, _ := excelize.CoordinatesToCellName(1, n)
		row := []any{n, text, float64(n) / 7}
		if n%5 == 0 {
			row = []any{nil, excelize.Cell{StyleID: 1}}
		}
		if err := sw.SetRow(cell, row, excelize.RowOpts{Height: float64(n%3) * 10}); err != nil {
			t.Fatal(err)
		}
	}
	if err := sw.Flush(); err != nil {
		t.Fatal(err)
	}
	b, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	r, err := NewReader(bytes.NewReader(b.Bytes()), int64(b.Len()))
	if err != nil {
		t.Fatal(err)
	}
	got, err := r.Rows("Sheet1")
	if err != nil {
		t.Fatal(err)
	}
	part, err := r.Part("xl/worksheets/sheet1.xml")
	if err != nil || len(part) < 3<<20 {
		t.Fatalf("part of %d bytes, %v; want a few megabytes", len(part), err)
	}
	want, err := parseTyped(nil, part, r.shared, true)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Rows) != 11999 || !reflect.DeepEqual(got, want) { // the last row holds no value
		t.Errorf("read a megabyte at a time: %d rows, not what the part read whole gives (%d rows)", len(got.Rows), len(want.Rows))
	}
}

func TestHyperlinks(t *testing.T) {
	b := []byte(`<worksheet xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheetData/>` +
		`<hyperlinks><hyperlink ref="B5" location="'篇1 A&amp;B'!A1" display="x"/>` +
		`<hyperlink ref='C6:D7' r:id="rId3"/></hyperlinks></worksheet>`)
	got, err := Hyperlinks(b)
	if err != nil {
		t.Fatal(err)
	}
	want := []Hyperlink{{Ref: "B5", Location: "'篇1 A&B'!A1"}, {Ref: "C6:D7", RID: "rId3"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Hyperlinks = %+v, want %+v", got, want)
	}
}

// TestCompressedInFile checks that a part read from a package's file is
// the part as stored, piece by piece, and that removing it leaves the
// file, which is the previous workbook of a run.
func TestCompressedInFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "book.xlsx")
	b, err := os.ReadFile(filepath.Join("testdata", "openpyxl.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	fromFile, err := NewReader(f, int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	fromBytes, err := NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	part, _ := fromFile.SheetPart("台账")
	zf, ok := fromFile.Compressed(part)
	zb, okb := fromBytes.Compressed(part)
	if !ok || !okb {
		t.Fatalf("part %s not compressed", part)
	}
	var got, want bytes.Buffer
	if err := zf.writeTo(&got); err != nil {
		t.Fatal(err)
	}
	zb.writeTo(&want)
	if !bytes.Equal(got.Bytes(), want.Bytes()) || zf.Sum() != zb.Sum() {
		t.Errorf("part from the file: %d bytes %+v, from memory %d bytes %+v", got.Len(), zf.Sum(), want.Len(), zb.Sum())
	}
	s := PieceSum{Len: 3, CRC: 1, N: 2}
	if !zf.Holds(2, s) {
		t.Fatal("the part does not hold 3 bytes at 2")
	}
	got.Reset()
	zf.Piece(2, s).writeTo(&got)
	if !bytes.Equal(got.Bytes(), want.Bytes()[2:5]) {
		t.Errorf("piece at 2 = %x, want %x", got.Bytes(), want.Bytes()[2:5])
	}
	zf.Remove()
	zf.Piece(2, s).Remove()
	if _, err := os.Stat(path); err != nil {
		t.Errorf("removing a part of the package removed the package: %v", err)
	}
}
