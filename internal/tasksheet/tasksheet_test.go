package tasksheet

import (
	"errors"
	"slices"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/speechledger/speechledger/extract"
)

// book returns the bytes of a workbook made by fill.
func book(t *testing.T, fill func(f *excelize.File)) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	fill(f)
	buf, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func set(t *testing.T, f *excelize.File, sheet, cell string, v any) {
	t.Helper()
	if err := f.SetCellValue(sheet, cell, v); err != nil {
		t.Fatal(err)
	}
}

// A sheet whose header names a task and a unit column is a table, titled
// by the rows above its header (a title merged across the table); a value
// merged over rows belongs to each of them; a sheet without such a
// header is not a table.
func TestTables(t *testing.T) {
	b := book(t, func(f *excelize.File) {
		s := "Sheet1"
		set(t, f, s, "A1", "2024年重点工作任务分工表")
		if err := f.MergeCell(s, "A1", "C1"); err != nil {
			t.Fatal(err)
		}
		for i, h := range []string{"序号", "工作任务", "牵头单位"} {
			cell, _ := excelize.CoordinatesToCellName(i+1, 2)
			set(t, f, s, cell, h)
		}
		set(t, f, s, "A3", 1)
		set(t, f, s, "B3", "完成老旧小区改造")
		set(t, f, s, "C3", "住建局")
		set(t, f, s, "A4", 2)
		set(t, f, s, "B4", "完成背街小巷整治")
		if err := f.MergeCell(s, "C3", "C4"); err != nil {
			t.Fatal(err)
		}
		if _, err := f.NewSheet("说明"); err != nil {
			t.Fatal(err)
		}
		set(t, f, "说明", "A1", "本表由办公室汇总")
	})
	tables, err := Tables(b)
	if err != nil {
		t.Fatal(err)
	}
	if len(tables) != 1 {
		t.Fatalf("%d tables, want 1 (说明 is none): %+v", len(tables), tables)
	}
	tb := tables[0]
	if tb.Title != "2024年重点工作任务分工表" {
		t.Errorf("title %q", tb.Title)
	}
	if len(tb.Rows) != 4 || !slices.Equal(tb.Rows[3], []string{"2", "完成背街小巷整治", "住建局"}) {
		t.Errorf("rows %q: the merged unit should fill row 4", tb.Rows)
	}
}

// A ledger speechledger wrote, a workbook with no task table and bytes
// that are no workbook each fail with their own error.
func TestTablesErrors(t *testing.T) {
	ledger := book(t, func(f *excelize.File) {
		for _, s := range []string{"汇总", "变更记录"} {
			if _, err := f.NewSheet(s); err != nil {
				t.Fatal(err)
			}
		}
	})
	plain := book(t, func(f *excelize.File) { set(t, f, "Sheet1", "A1", "姓名") })
	for _, tc := range []struct {
		name string
		b    []byte
		want error
	}{
		{"a ledger", ledger, ErrLedger},
		{"no task table", plain, extract.ErrNotTaskTable},
		{"not a workbook", []byte("PK\x03\x04 cut short"), ErrCorrupt},
	} {
		if _, err := Tables(tc.b); !errors.Is(err, tc.want) {
			t.Errorf("%s: %v, want %v", tc.name, err, tc.want)
		}
	}
}

// titleAbove joins the distinct cells above a header once each.
func TestTitleAbove(t *testing.T) {
	got := titleAbove([][]string{{"分工表", "分工表", " "}, {"", "（第二批）"}})
	if got != "分工表 （第二批）" {
		t.Errorf("titleAbove = %q", got)
	}
}
