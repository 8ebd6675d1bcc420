package report

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/speechledger/speechledger/extract"
	"github.com/xuri/excelize/v2"
)

// archiveSpeeches are cycleSpeeches and a second speech, whose tasks
// staff finish; with more, it has a third task.
func archiveSpeeches(more bool) []extract.Speech {
	sp := cycleSpeeches()
	b := extract.Speech{Source: "002_done.txt", Index: 1, Title: "在校舍安全工作会议上的讲话", SpeechDate: date(2010, 1, 5),
		Tasks: []extract.Task{
			{Seq: 1, ID: "RW-B1", Text: "县教育局要完成校舍排查。", Bodies: []extract.Body{{Name: "县教育局", Canonical: "县教育局", Role: extract.RoleLead, Span: extract.Span{Start: -1}}}},
			{Seq: 2, ID: "RW-B2", Text: "县财政局要拨付排查经费。", Bodies: []extract.Body{{Name: "县财政局", Canonical: "县财政局", Role: extract.RoleLead, Span: extract.Span{Start: -1}}}},
		}}
	if more {
		b.Tasks = append(b.Tasks, extract.Task{Seq: 3, ID: "RW-B3", Text: "县教育局要建立校舍安全年报制度。"})
	}
	return append(sp, b)
}

// setLedgerCells sets, as staff would, the ledger cells of tasks by
// 任务编号 and column label.
func setLedgerCells(t *testing.T, path string, cells map[string]map[string]string) {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	lb := &ledgerBook{f: f, byID: map[string]*ledgerTask{}, sheets: map[string]*ledgerSheet{}}
	for _, s := range f.GetSheetList() {
		if s != summarySheet && s != logSheet && s != writtenSheet {
			if err := lb.readSheet(s, ""); err != nil {
				t.Fatal(err)
			}
		}
	}
	for id, vals := range cells {
		tk := lb.byID[id]
		for label, v := range vals {
			col := lb.sheets[tk.Sheet].colOf[map[string]field{"办理状态": fieldStatus, "进展情况": fieldProgress, "备注": fieldNote}[label]]
			if err := f.SetCellStr(tk.Sheet, cellName(col, tk.Row), v); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
}

// taskValues returns, by 任务编号, the 办理状态 and 进展情况 of every task
// row of the workbook at path, with the sheet it is on.
func taskValues(t *testing.T, path string) map[string]string {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	lb := &ledgerBook{f: f, byID: map[string]*ledgerTask{}, sheets: map[string]*ledgerSheet{}}
	for _, s := range f.GetSheetList() {
		if s != summarySheet && s != logSheet && s != writtenSheet && s != archiveIndexSheet {
			if err := lb.readSheet(s, ""); err != nil {
				t.Fatal(err)
			}
		}
	}
	out := map[string]string{}
	for _, tk := range lb.tasks {
		out[tk.ID] = tk.Sheet + "|" + tk.Values[0] + "|" + tk.Values[1]
	}
	return out
}

// TestArchiveThreeNights: on the second night a speech whose tasks staff
// finished moves to the year's archive with its rows and staff values,
// and is a line of 汇总; on the third it gets a new task and comes back,
// staff values intact, while the speech still open stays all along.
func TestArchiveThreeNights(t *testing.T) {
	dir := t.TempDir()
	ledger := filepath.Join(dir, "ledger.xlsx")
	archive := filepath.Join(dir, "ledger-归档-2010.xlsx")
	night := func(n int, speeches []extract.Speech) []string {
		t.Helper()
		opt := ArchiveOptions{ReportDate: reportDate.AddDays(n)}
		a, moved, err := Archive(ledger, speeches, opt)
		if err != nil {
			t.Fatalf("night %d: %v", n, err)
		}
		if err := WriteWorkbook(ledger, speeches, Options{ReportDate: opt.ReportDate, Archived: a.Of}); err != nil {
			t.Fatalf("night %d: %v", n, err)
		}
		return moved
	}
	if moved := night(0, archiveSpeeches(false)); moved != nil {
		t.Fatalf("night 1 moved %q", moved)
	}
	setLedgerCells(t, ledger, map[string]map[string]string{
		"RW-B1":   {"办理状态": statusDone, "进展情况": "已完成排查，报告已报送"},
		"RW-B2":   {"办理状态": statusDone},
		"RW-SOON": {"办理状态": "推进中", "进展情况": "摸底过半"},
	})
	first := taskValues(t, ledger)
	bSheet, _, _ := strings.Cut(first["RW-B1"], "|")

	// Night 2: the finished speech moves out.
	if moved, want := night(1, archiveSpeeches(false)), []string{bSheet + " → ledger-归档-2010.xlsx"}; !slices.Equal(moved, want) {
		t.Fatalf("night 2 moved %q, want %q", moved, want)
	}
	got, kept := taskValues(t, ledger), taskValues(t, archive)
	if _, ok := got["RW-B1"]; ok {
		t.Errorf("night 2: RW-B1 still in the ledger")
	}
	if got["RW-SOON"] != first["RW-SOON"] {
		t.Errorf("night 2: RW-SOON %q, was %q", got["RW-SOON"], first["RW-SOON"])
	}
	for _, id := range []string{"RW-B1", "RW-B2"} {
		if kept[id] != first[id] {
			t.Errorf("night 2: archived %s %q, was %q", id, kept[id], first[id])
		}
	}
	if line := summaryLine(t, ledger, "在校舍安全工作会议上的讲话"); !strings.Contains(line, "已归档至 ledger-归档-2010.xlsx") {
		t.Errorf("night 2: 汇总's line %q", line)
	}

	// Night 3: a new task brings it back.
	if moved, want := night(2, archiveSpeeches(true)), []string{bSheet + " ← ledger-归档-2010.xlsx"}; !slices.Equal(moved, want) {
		t.Fatalf("night 3 moved %q, want %q", moved, want)
	}
	got, kept = taskValues(t, ledger), taskValues(t, archive)
	for _, id := range []string{"RW-B1", "RW-B2", "RW-SOON"} {
		if got[id] != first[id] {
			t.Errorf("night 3: %s %q, was %q", id, got[id], first[id])
		}
	}
	if got["RW-B3"] != bSheet+"|"+statusNotStarted+"|" {
		t.Errorf("night 3: the new task %q", got["RW-B3"])
	}
	if len(kept) != 0 {
		t.Errorf("night 3: the archive still holds %v", kept)
	}
	if line := summaryLine(t, ledger, "在校舍安全工作会议上的讲话"); strings.Contains(line, "已归档") {
		t.Errorf("night 3: 汇总's line %q", line)
	}
}

// summaryLine returns the line of 汇总's table of speeches titled title.
func summaryLine(t *testing.T, path, title string) string {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows(summarySheet)
	for _, r := range rows {
		if len(r) > 1 && r[1] == title {
			return strings.Join(r, "|")
		}
	}
	t.Fatalf("no line %s in 汇总", title)
	return ""
}
