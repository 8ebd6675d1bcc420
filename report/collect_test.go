package report

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// editReply edits the handout at path as a unit would, with excelize:
// edit sets cells of the task sheet, found by 任务编号, to values; then
// the sheet is renamed to sheet, if not "".
func editReply(t *testing.T, path string, edits map[string]map[string]any, sheet string) {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	name := f.GetSheetName(0)
	rows, err := f.GetRows(name)
	if err != nil {
		t.Fatal(err)
	}
	header := rows[handoutHeaderRow-1]
	for i, r := range rows[handoutHeaderRow:] {
		for label, v := range edits[r[1]] {
			col := slices.Index(header, label) + 1
			if col == 0 {
				t.Fatalf("no column %s", label)
			}
			if err := f.SetCellValue(name, cellName(col, handoutHeaderRow+1+i), v); err != nil {
				t.Fatal(err)
			}
		}
	}
	if extra, ok := edits[""]; ok { // a row the unit adds
		n := len(rows) + 1
		for label, v := range extra {
			col := slices.Index(header, label) + 1
			if err := f.SetCellValue(name, cellName(col, n), v); err != nil {
				t.Fatal(err)
			}
		}
	}
	if sheet != "" {
		if err := f.SetSheetName(name, sheet); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
}

// ledgerCell returns the raw value and type of the ledger's cell of task
// id in the column labelled label.
func ledgerCell(t *testing.T, path, id, label string) (string, excelize.CellType, string) {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, sh := range f.GetSheetList() {
		rows, _ := f.GetRows(sh, excelizeRaw)
		for i, r := range rows {
			if len(r) < 2 || r[1] != id {
				continue
			}
			col := 0
			for j := i - 1; j >= 0 && col == 0; j-- {
				col = slices.Index(rows[j], label) + 1
			}
			if col == 0 {
				return "", excelize.CellTypeUnset, ""
			}
			cell := cellName(col, i+1)
			v, _ := f.GetCellValue(sh, cell, excelizeRaw)
			typ, _ := f.GetCellType(sh, cell)
			shown, _ := f.GetCellValue(sh, cell)
			return v, typ, shown
		}
	}
	t.Fatalf("no task %s", id)
	return "", 0, ""
}

// TestCollect merges replies of the cycle ledger: values a unit changed
// are merged with their type, each with a line in 变更记录; a conflict
// between two units, a value staff changed in the ledger since the
// handout, a task of another unit, an unknown task and a row the unit
// added are reported and not merged. The replies have renamed sheets, a
// renamed column and re-sorted rows.
func TestCollect(t *testing.T) {
	dir := t.TempDir()
	ledger := writeCycleLedger(t, dir)
	if _, err := Handout(ledger, dir, HandoutOptions{ReportDate: reportDate}); err != nil {
		t.Fatal(err)
	}
	edu := filepath.Join(dir, "县教育局-督办任务.xlsx")
	fin := filepath.Join(dir, "县财政局-督办任务.xlsx")
	editReply(t, edu, map[string]map[string]any{
		"RW-TWOLEADS": {"办理状态": "已办结", "完成日期": reportDate.AddDays(-2).Time(), "联系人": "张三 13800000000"},
		"RW-SOON":     {"进展情况": "已完成摸底的80%", "办理状态": "推进中"},
		"RW-LATER":    {"进展情况": "配合拨付"},
		"":            {"工作任务": "单位自行添加的任务", "办理状态": "推进中"},
	}, "我局反馈")
	editReply(t, fin, map[string]map[string]any{
		"RW-TWOLEADS": {"办理状态": "推进中"},
		"RW-LATER":    {"完成日期": "2010/1/14", "进展情况": "资金已拨付"},
	}, "")
	// 县财政局 renames a column and re-sorts its rows; copies in a task of
	// another unit and one the ledger does not have.
	f, err := excelize.OpenFile(fin)
	if err != nil {
		t.Fatal(err)
	}
	sh := f.GetSheetName(0)
	rows, _ := f.GetRows(sh)
	if err := f.SetCellValue(sh, cellName(slices.Index(rows[handoutHeaderRow-1], "进展情况")+1, handoutHeaderRow), "工作进展"); err != nil {
		t.Fatal(err)
	}
	first, second := rows[handoutHeaderRow], rows[handoutHeaderRow+1]
	if len(rows) != handoutHeaderRow+2 {
		t.Fatalf("县财政局 has %d rows", len(rows)-handoutHeaderRow)
	}
	for i, r := range [][]string{second, first, {"9", "RW-NODUE", "牵头"}, {"10", "RW-NOSUCH", "牵头"}} {
		vals := make([]any, len(rows[handoutHeaderRow-1]))
		for j, v := range r {
			vals[j] = v
		}
		if err := f.SetSheetRow(sh, cellName(1, handoutHeaderRow+1+i), &vals); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	// Staff change 进展情况 of RW-SOON in the ledger after the handout.
	lf, err := excelize.OpenFile(ledger)
	if err != nil {
		t.Fatal(err)
	}
	lb := &ledgerBook{f: lf, byID: map[string]*ledgerTask{}, sheets: map[string]*ledgerSheet{}}
	for _, s := range lf.GetSheetList()[1:] {
		if err := lb.readSheet(s, ""); err != nil {
			t.Fatal(err)
		}
	}
	soon := lb.byID["RW-SOON"]
	if err := lf.SetCellValue(soon.Sheet, cellName(lb.sheets[soon.Sheet].unit[1], soon.Row), "工作人员已核实：完成七成"); err != nil {
		t.Fatal(err)
	}
	if err := lf.Save(); err != nil {
		t.Fatal(err)
	}
	lf.Close()
	before := sheetValues(t, ledger)

	res, err := Collect(ledger, []string{edu, fin}, CollectOptions{Date: reportDate.AddDays(3)})
	if err != nil {
		t.Fatal(err)
	}
	var merged []string
	for _, m := range res.Merged {
		merged = append(merged, m.Unit+" "+m.ID+" "+m.Field+" "+m.Old+"→"+m.New)
	}
	wantMerged := []string{
		"县教育局 RW-TWOLEADS 完成日期 →2010-01-13",
		"县教育局 RW-TWOLEADS 联系人 →张三 13800000000",
		"县教育局 RW-SOON 办理状态 未启动→推进中",
		"县财政局 RW-LATER 完成日期 →2010-01-14",
	}
	if !slices.Equal(merged, wantMerged) {
		t.Errorf("merged\n%s\nwant\n%s", strings.Join(merged, "\n"), strings.Join(wantMerged, "\n"))
	}
	var problems []string
	for _, p := range res.Problems {
		problems = append(problems, strings.Join([]string{[...]string{"file", "added", "unknown", "wrong unit", "not handed", "conflict", "staff changed", "other ledger"}[p.Kind], p.Unit, p.ID, p.Field}, " "))
	}
	wantProblems := []string{
		"added 县教育局  ",
		"wrong unit 县财政局 RW-NODUE ",
		"unknown 县财政局 RW-NOSUCH ",
		"conflict  RW-TWOLEADS 办理状态",
		"staff changed 县教育局 RW-SOON 进展情况",
		"conflict  RW-LATER 进展情况",
	}
	if !slices.Equal(problems, wantProblems) {
		t.Errorf("problems\n%s\nwant\n%s", strings.Join(problems, "\n"), strings.Join(wantProblems, "\n"))
	}
	// A date is a date serial shown as a date; what was not merged is as
	// it was.
	for _, c := range []struct{ id, label, raw, shown string }{
		{"RW-TWOLEADS", "办理状态", statusNotStarted, statusNotStarted},
		{"RW-TWOLEADS", "完成日期", "40191", "2010-01-13"},
		{"RW-SOON", "办理状态", "推进中", "推进中"},
		{"RW-SOON", "进展情况", "工作人员已核实：完成七成", "工作人员已核实：完成七成"},
		{"RW-LATER", "进展情况", "", ""},
		{"RW-LATER", "完成日期", "40192", "2010-01-14"},
	} {
		raw, _, shown := ledgerCell(t, ledger, c.id, c.label)
		if raw != c.raw || shown != c.shown {
			t.Errorf("%s %s: %q shown %q, want %q shown %q", c.id, c.label, raw, shown, c.raw, c.shown)
		}
	}
	// Nothing else changes: the cells that differ are the merged values,
	// the headers of the columns added for them, and 变更记录's new lines.
	after := sheetValues(t, ledger)
	var changed []string
	for k, v := range after {
		if before[k] != v && !strings.HasPrefix(k, logSheet+"!") {
			changed = append(changed, v)
		}
	}
	for k := range before {
		if _, ok := after[k]; !ok {
			t.Errorf("%s emptied", k)
		}
	}
	slices.Sort(changed)
	wantChanged := []string{"2010-01-13", "2010-01-14", "完成日期", "张三 13800000000", "推进中", "联系人"}
	if !slices.Equal(changed, wantChanged) {
		t.Errorf("changed cells %q, want %q", changed, wantChanged)
	}
	log, _ := excelize.OpenFile(ledger)
	defer log.Close()
	logRows, _ := log.GetRows(logSheet)
	var notes []string
	for _, r := range logRows {
		if len(r) >= 10 && strings.HasPrefix(r[9], "反馈合并") {
			notes = append(notes, r[2]+" "+r[9])
		}
	}
	if len(notes) != len(wantMerged) || !strings.Contains(notes[2], "县教育局-督办任务.xlsx 反馈合并：县教育局｜RW-SOON｜办理状态：未启动 → 推进中") {
		t.Errorf("变更记录:\n%s", strings.Join(notes, "\n"))
	}

	// The next night's run carries every merged value forward, with its
	// type, and keeps 变更记录's lines.
	if err := WriteWorkbook(ledger, cycleSpeeches(), Options{ReportDate: reportDate.AddDays(4)}); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ id, label, raw, shown string }{
		{"RW-TWOLEADS", "完成日期", "40191", "2010-01-13"},
		{"RW-TWOLEADS", "联系人", "张三 13800000000", "张三 13800000000"},
		{"RW-SOON", "办理状态", "推进中", "推进中"},
		{"RW-LATER", "完成日期", "40192", "2010-01-14"},
	} {
		raw, _, shown := ledgerCell(t, ledger, c.id, c.label)
		if raw != c.raw || shown != c.shown {
			t.Errorf("next night: %s %s: %q shown %q, want %q shown %q", c.id, c.label, raw, shown, c.raw, c.shown)
		}
	}
	night := sheetValues(t, ledger)
	n := 0
	for k, v := range night {
		if strings.HasPrefix(k, logSheet+"!") && strings.HasPrefix(v, "反馈合并") {
			n++
		}
	}
	if n != len(wantMerged) {
		t.Errorf("next night: %d lines of 反馈合并 in 变更记录, want %d", n, len(wantMerged))
	}
}

// sheetValues returns every cell's shown value of the workbook at path,
// by sheet!cell.
func sheetValues(t *testing.T, path string) map[string]string {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	out := map[string]string{}
	for _, sh := range f.GetSheetList() {
		rows, err := f.GetRows(sh)
		if err != nil {
			t.Fatal(err)
		}
		for i, r := range rows {
			for j, v := range r {
				if v != "" {
					out[sh+"!"+cellName(j+1, i+1)] = v
				}
			}
		}
	}
	return out
}
