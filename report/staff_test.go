package report

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/speechledger/speechledger/extract"
	"github.com/xuri/excelize/v2"
)

const sheetA = "在全县教育工作会议上的讲话"

// edited opens the workbook at path, lets edit change the sheet of the
// first fixture speech and saves it.
func edited(t *testing.T, path string, edit func(f *excelize.File, g *grid)) {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	edit(f, readGrid(t, f, sheetA))
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	f.Close()
}

// rawCell returns the raw value and type of the cell of label on the row
// of task id.
func rawCell(t *testing.T, f *excelize.File, g *grid, label, id string) (string, excelize.CellType) {
	t.Helper()
	cell := g.cell(t, label, g.rowOf[id])
	v, err := f.GetCellValue(sheetA, cell, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	typ, err := f.GetCellType(sheetA, cell)
	if err != nil {
		t.Fatal(err)
	}
	return v, typ
}

// Staff's word wins: corrections of 责任单位, 完成时限 and 量化目标 stay
// over three nights whose extraction changes in between, with the
// program's proposal in 核对提示 and a line in 变更记录; a cell staff did
// not touch shows the new extraction; clearing a correction hands the
// cell back.
func TestStaffCorrections(t *testing.T) {
	path := filepath.Join(t.TempDir(), "ledger.xlsx")
	day := func(d int) Options { return Options{ReportDate: date(2010, 1, 14+d), Inputs: []string{"fixtures"}} }
	if _, err := Update(path, fixtureSpeeches(), day(1)); err != nil {
		t.Fatal(err)
	}
	edited(t, path, func(f *excelize.File, g *grid) {
		g.set(t, "责任单位", "t-a1", "县住建局")
		// A date typed as a date: a number in a date format.
		cell := g.cell(t, "完成时限", g.rowOf["t-a2"])
		if err := f.SetCellFloat(sheetA, cell, 40237, -1, 64); err != nil { // 2010-02-28
			t.Fatal(err)
		}
		st, err := f.NewStyle(&excelize.Style{NumFmt: 14})
		if err != nil {
			t.Fatal(err)
		}
		if err := f.SetCellStyle(sheetA, cell, cell, st); err != nil {
			t.Fatal(err)
		}
		g.set(t, "量化目标", "t-a5", "生师比12:1")
	})
	// The extraction changes under the corrections, and in a cell staff
	// left alone.
	changedLead := func(sp []extract.Speech, lead string) []extract.Speech {
		a := &sp[0]
		a.Tasks[0].Bodies = []extract.Body{{Name: lead, Canonical: lead, Role: extract.RoleLead}}
		a.Tasks[1].Times = []extract.TimeNode{{Text: "1月25日前", Due: date(2010, 1, 25)}}
		a.Tasks[2].Bodies = []extract.Body{{Name: "各中小学", Canonical: "各中小学", Role: extract.RoleLead}}
		return sp
	}
	nights := []struct {
		speeches []extract.Speech
		lead     string // the extraction of t-a1's 责任单位
		newLead  bool   // which changed since the night before
	}{
		{changedLead(fixtureSpeeches(), "县教育局、县财政局"), "县教育局、县财政局", true},
		{changedLead(fixtureSpeeches(), "县教育局、县财政局"), "县教育局、县财政局", false},
		{changedLead(fixtureSpeeches(), "县发改委"), "县发改委", true},
	}
	for i, n := range nights {
		night := i + 2
		st, err := Update(path, n.speeches, day(night))
		if err != nil {
			t.Fatal(err)
		}
		if st.Kept != 3 || st.Proposed != 3 {
			t.Errorf("night %d: kept %d, proposed %d; want 3, 3", night, st.Kept, st.Proposed)
		}
		if night == 3 && st.Changed != 0 {
			t.Errorf("night 3, inputs as before: %d tasks changed", st.Changed)
		}
		f := openWorkbook(t, path)
		g := readGrid(t, f, sheetA)
		for _, c := range []struct {
			label, id, want string
			typ             excelize.CellType
		}{
			{"责任单位", "t-a1", "县住建局", excelize.CellTypeInlineString},
			{"完成时限", "t-a2", "40237", excelize.CellTypeUnset},
			{"量化目标", "t-a5", "生师比12:1", excelize.CellTypeInlineString},
			{"责任单位", "t-a3", "各中小学", excelize.CellTypeInlineString}, // not corrected: the new extraction
		} {
			v, typ := rawCell(t, f, g, c.label, c.id)
			if v != c.want || typ != c.typ {
				t.Errorf("night %d: %s of %s = %q (type %v), want %q (type %v)", night, c.label, c.id, v, typ, c.want, c.typ)
			}
		}
		if st := cellStyle(t, f, sheetA, g.cell(t, "完成时限", g.rowOf["t-a2"])); st.NumFmt != 14 {
			t.Errorf("night %d: the typed date's number format %d, want 14", night, st.NumFmt)
		}
		hints := g.get(t, "核对提示", "t-a1")
		if !strings.Contains(hints, "程序提议责任单位："+n.lead) {
			t.Errorf("night %d: hints of t-a1 %q lack the proposal %s", night, hints, n.lead)
		}
		if hints := g.get(t, "核对提示", "t-a2"); !strings.Contains(hints, "程序提议完成时限：2010-01-25") {
			t.Errorf("night %d: hints of t-a2 %q lack the proposal", night, hints)
		}
		if hints := g.get(t, "核对提示", "t-a5"); !strings.Contains(hints, "程序提议量化目标：生师比10:1") {
			t.Errorf("night %d: hints of t-a5 %q lack the proposal", night, hints)
		}
		log, _ := f.GetRows(logSheet)
		note := log[len(log)-1][9]
		if told := strings.Contains(note, "t-a1 责任单位保留人工值「县住建局」，本次提取为「"+n.lead+"」"); told != n.newLead {
			t.Errorf("night %d: change log note %q tells of t-a1: %v, want %v", night, note, told, n.newLead)
		}
		if !strings.Contains(note, "保留人工修改的提取列单元格3处") {
			t.Errorf("night %d: change log note %q does not count the corrections", night, note)
		}
		f.Close()
	}
	// Clearing a correction hands the cell back to the program.
	edited(t, path, func(f *excelize.File, g *grid) { g.set(t, "责任单位", "t-a1", "") })
	st, err := Update(path, nights[2].speeches, day(5))
	if err != nil {
		t.Fatal(err)
	}
	if st.Kept != 2 {
		t.Errorf("after clearing: kept %d, want 2", st.Kept)
	}
	f := openWorkbook(t, path)
	g := readGrid(t, f, sheetA)
	if got := g.get(t, "责任单位", "t-a1"); got != "县发改委" {
		t.Errorf("cleared 责任单位 of t-a1 = %q, want the extraction 县发改委", got)
	}
	if hints := g.get(t, "核对提示", "t-a1"); strings.Contains(hints, "程序提议") {
		t.Errorf("hints of t-a1 after clearing %q", hints)
	}
	f.Close()
}

// Without the record of what the program wrote, the run compares with
// today's extraction, keeps what differs and says so in 变更记录.
func TestStaffRecordDeleted(t *testing.T) {
	path := filepath.Join(t.TempDir(), "ledger.xlsx")
	day := func(d int) Options { return Options{ReportDate: date(2010, 1, 14+d)} }
	if _, err := Update(path, fixtureSpeeches(), day(1)); err != nil {
		t.Fatal(err)
	}
	edited(t, path, func(f *excelize.File, g *grid) {
		g.set(t, "责任单位", "t-a1", "县住建局")
		if err := f.DeleteSheet(writtenSheet); err != nil {
			t.Fatal(err)
		}
	})
	st, err := Update(path, fixtureSpeeches(), day(2))
	if err != nil {
		t.Fatal(err)
	}
	if st.Kept != 1 {
		t.Errorf("kept %d, want 1", st.Kept)
	}
	f := openWorkbook(t, path)
	defer f.Close()
	if got := readGrid(t, f, sheetA).get(t, "责任单位", "t-a1"); got != "县住建局" {
		t.Errorf("责任单位 of t-a1 = %q", got)
	}
	log, _ := f.GetRows(logSheet)
	if note := log[len(log)-1][9]; !strings.Contains(note, "未找到程序记录表") {
		t.Errorf("change log note %q does not say the record was missing", note)
	}
	if visible, err := f.GetSheetVisible(writtenSheet); err != nil || visible {
		t.Errorf("the record is back hidden: visible %v, %v", visible, err)
	}
}

// sameValue sets aside what a save without edits changes.
func TestSameValue(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want bool
	}{
		{"县教育局", "县教育局", true},
		{"一行\n二行", "一行\r\n二行", true},
		{"一行\n二行", "一行\r二行", true},
		{" 县教育局 ", "县教育局", true},
		{"0.85", "0.85000000000000009", true},
		{"40237", "40237.0", true},
		{"40237", "40238", false},
		{"县教育局", "县财政局", false},
		{"", "县教育局", false},
	} {
		if got := sameValue(c.a, c.b); got != c.want {
			t.Errorf("sameValue(%q, %q) = %v, want %v", c.a, c.b, got, c.want)
		}
	}
}

// 汇总 and 变更记录 are the program's: a deleted 汇总 is rebuilt, notes
// staff type into columns of their own in 变更记录 stay, and a deleted
// 变更记录 starts again with a line that says so.
func TestProgramSheets(t *testing.T) {
	path := filepath.Join(t.TempDir(), "ledger.xlsx")
	day := func(d int) Options { return Options{ReportDate: date(2010, 1, 14+d)} }
	if _, err := Update(path, fixtureSpeeches(), day(1)); err != nil {
		t.Fatal(err)
	}
	edited(t, path, func(f *excelize.File, g *grid) {
		if err := f.DeleteSheet(summarySheet); err != nil {
			t.Fatal(err)
		}
		f.SetCellStr(logSheet, "K2", "核对人")
		f.SetCellStr(logSheet, "K3", "李四已核")
	})
	if _, err := Update(path, fixtureSpeeches(), day(2)); err != nil {
		t.Fatalf("a ledger without 汇总: %v", err)
	}
	f := openWorkbook(t, path)
	if sheets := f.GetSheetList(); sheets[0] != summarySheet {
		t.Errorf("汇总 not rebuilt: %q", sheets)
	}
	for cell, want := range map[string]string{"K2": "核对人", "K3": "李四已核"} {
		if got, _ := f.GetCellValue(logSheet, cell); got != want {
			t.Errorf("变更记录 %s = %q, want %q", cell, got, want)
		}
	}
	f.Close()
	edited(t, path, func(f *excelize.File, g *grid) {
		if err := f.DeleteSheet(logSheet); err != nil {
			t.Fatal(err)
		}
	})
	if _, err := Update(path, fixtureSpeeches(), day(3)); err != nil {
		t.Fatal(err)
	}
	f = openWorkbook(t, path)
	defer f.Close()
	log, _ := f.GetRows(logSheet)
	if len(log) != logHeaderRow+1 || !strings.Contains(log[len(log)-1][9], "变更记录表此前被删除") {
		t.Errorf("变更记录 after it was deleted: %q", log)
	}
}
