package report

import (
	"fmt"
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

// TestArchiveCombined: a speech whose rows are on combinedSheet and whose
// tasks staff finished moves to the archive as a speech sheet of its
// own, with staff values and without the column combinedLabel, and
// leaves combinedSheet, where another speech's rows stay, with a row staff
// added under its rows; when it gets a new task it comes back onto
// combinedSheet with staff values and row intact, and 汇总's links follow.
func TestArchiveCombined(t *testing.T) {
	dir := t.TempDir()
	ledger := filepath.Join(dir, "ledger.xlsx")
	archive := filepath.Join(dir, "ledger-归档-2010.xlsx")
	speeches := func(more bool) []extract.Speech {
		c := extract.Speech{Source: "003_new.txt", Index: 1, Title: "在春耕生产工作会议上的讲话", SpeechDate: date(2010, 1, 6),
			Tasks: []extract.Task{{Seq: 1, ID: "RW-C1", Text: "县农业局要做好春耕备耕。"}}}
		ab := archiveSpeeches(more) // the finished speech first on combinedSheet
		return []extract.Speech{ab[1], ab[0], c}
	}
	var check func() // between the archive and the run
	night := func(n int, speeches []extract.Speech) []string {
		t.Helper()
		opt := ArchiveOptions{ReportDate: reportDate.AddDays(n)}
		a, moved, err := Archive(ledger, speeches, opt)
		if err != nil {
			t.Fatalf("night %d: %v", n, err)
		}
		if check != nil {
			check()
		}
		if err := WriteWorkbook(ledger, speeches, Options{ReportDate: opt.ReportDate, Archived: a.Of, MaxSheets: 1}); err != nil {
			t.Fatalf("night %d: %v", n, err)
		}
		return moved
	}
	if moved := night(0, speeches(false)); moved != nil {
		t.Fatalf("night 1 moved %q", moved)
	}
	setLedgerCells(t, ledger, map[string]map[string]string{
		"RW-B1":   {"办理状态": statusDone, "进展情况": "已完成排查，报告已报送"},
		"RW-B2":   {"办理状态": statusDone, "备注": "经费已到位"},
		"RW-SOON": {"办理状态": "推进中", "进展情况": "摸底过半"},
	})
	// Staff add a row of their own under the finished speech's rows.
	const added = "另行补充：排查结果报县政府"
	f, err := excelize.OpenFile(ledger)
	if err != nil {
		t.Fatal(err)
	}
	lb := &ledgerBook{f: f, byID: map[string]*ledgerTask{}, sheets: map[string]*ledgerSheet{}}
	if err := lb.readSheet(combinedSheet, ""); err != nil {
		t.Fatal(err)
	}
	row := lb.byID["RW-B2"].Row + 1
	if err := f.InsertRows(combinedSheet, row, 1); err != nil {
		t.Fatal(err)
	}
	if err := f.SetCellStr(combinedSheet, cellName(lb.sheets[combinedSheet].colOf[fieldText], row), added); err != nil {
		t.Fatal(err)
	}
	// Keep 汇总's links on their rows, which InsertRows leaves.
	if err := relinkSummary(f, func(n int) string {
		return fmt.Sprintf("'%s'!A%d", combinedSheet, n+btoi(n >= row))
	}); err != nil {
		t.Fatal(err)
	}
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	hasAdded := func(path, sheet string) bool {
		t.Helper()
		f, err := excelize.OpenFile(path)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		rows, _ := f.GetRows(sheet)
		return slices.ContainsFunc(rows, func(r []string) bool { return slices.Contains(r, added) })
	}
	first := taskValues(t, ledger)
	for _, id := range []string{"RW-B1", "RW-SOON"} {
		if sheet, _, _ := strings.Cut(first[id], "|"); sheet != combinedSheet {
			t.Fatalf("night 1: %s on %q, want %s", id, sheet, combinedSheet)
		}
	}
	lb, err = openLedgerBook(ledger)
	if err != nil {
		t.Fatal(err)
	}
	key := lb.byID["RW-B1"].Title
	lb.close()
	// 汇总's links: the one to the speech staying on combinedSheet
	// follows its row, now higher up; the one archived goes with it.
	links := func() (map[string]string, map[string][]string) {
		f, err := excelize.OpenFile(ledger)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		comb, _ := f.GetRows(combinedSheet)
		sum, _ := f.GetRows(summarySheet)
		links, rows := map[string]string{}, map[string][]string{}
		for i, r := range sum {
			if len(r) > 1 {
				_, links[r[1]], _ = f.GetCellHyperLink(summarySheet, cellName(2, i+1))
				var n int
				if _, err := fmt.Sscanf(links[r[1]], "'"+combinedSheet+"'!A%d", &n); err == nil && n <= len(comb) {
					rows[r[1]] = comb[n-1]
				}
			}
		}
		return links, rows
	}
	_, was := links()
	check = func() {
		links, rows := links()
		// The same task's row (a formula's cached value the run writes anew).
		if a := "在全县重点工作推进会上的讲话"; len(rows[a]) < 3 || !slices.Equal(rows[a][:3], was[a][:3]) {
			t.Errorf("night 2: 汇总 links %s to row %q, was %q", a, rows[a], was[a])
		}
		if got, want := links["在校舍安全工作会议上的讲话"], "'"+key+"'!A1"; got != want {
			t.Errorf("night 2: 汇总 links %s to %q, want %q", key, got, want)
		}
	}

	// Night 2: the finished speech leaves combinedSheet for the archive.
	if moved, want := night(1, speeches(false)), []string{key + " → ledger-归档-2010.xlsx"}; !slices.Equal(moved, want) {
		t.Fatalf("night 2 moved %q, want %q", moved, want)
	}
	got, kept := taskValues(t, ledger), taskValues(t, archive)
	for _, id := range []string{"RW-B1", "RW-B2"} {
		if _, ok := got[id]; ok {
			t.Errorf("night 2: %s still in the ledger", id)
		}
		_, was, _ := strings.Cut(first[id], "|")
		if want := key + "|" + was; kept[id] != want {
			t.Errorf("night 2: archived %s %q, want %q", id, kept[id], want)
		}
	}
	for _, id := range []string{"RW-SOON", "RW-TWOLEADS", "RW-C1"} {
		if got[id] != first[id] {
			t.Errorf("night 2: %s %q, was %q", id, got[id], first[id])
		}
	}
	if note := cellByLabel(t, archive, key, "RW-B2", "备注"); note != "经费已到位" {
		t.Errorf("night 2: archived 备注 of RW-B2 %q", note)
	}
	if !hasAdded(archive, key) || hasAdded(ledger, combinedSheet) {
		t.Errorf("night 2: the row staff added did not go with its speech")
	}
	f, err = excelize.OpenFile(archive)
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := f.GetRows(key)
	f.Close()
	for i, r := range rows {
		if slices.Contains(r, combinedLabel) || slices.Contains(r, combinedSheet) {
			t.Errorf("night 2: archived row %d %q still names %s", i+1, r, combinedSheet)
		}
	}
	if len(rows) == 0 || !strings.Contains(strings.Join(rows[0], ""), "在校舍安全工作会议上的讲话") {
		t.Errorf("night 2: archived sheet's title rows %q", rows[:min(len(rows), 2)])
	}
	if line := summaryLine(t, ledger, "在校舍安全工作会议上的讲话"); !strings.Contains(line, "已归档至 ledger-归档-2010.xlsx") {
		t.Errorf("night 2: 汇总's line %q", line)
	}

	// Night 3: a new task brings it back onto combinedSheet.
	check = nil
	if moved, want := night(2, speeches(true)), []string{key + " ← ledger-归档-2010.xlsx"}; !slices.Equal(moved, want) {
		t.Fatalf("night 3 moved %q, want %q", moved, want)
	}
	got, kept = taskValues(t, ledger), taskValues(t, archive)
	for _, id := range []string{"RW-B1", "RW-B2", "RW-SOON", "RW-C1"} {
		if got[id] != first[id] {
			t.Errorf("night 3: %s %q, was %q", id, got[id], first[id])
		}
	}
	if note := cellByLabel(t, ledger, combinedSheet, "RW-B2", "备注"); note != "经费已到位" {
		t.Errorf("night 3: 备注 of RW-B2 %q", note)
	}
	if !hasAdded(ledger, combinedSheet) {
		t.Errorf("night 3: the row staff added did not come back")
	}
	if got["RW-B3"] != combinedSheet+"|"+statusNotStarted+"|" {
		t.Errorf("night 3: the new task %q", got["RW-B3"])
	}
	if len(kept) != 0 {
		t.Errorf("night 3: the archive still holds %v", kept)
	}
}

// cellByLabel returns the cell of sheet of the workbook at path in the
// column headed label and the row of task id.
func cellByLabel(t *testing.T, path, sheet, id, label string) string {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows(sheet)
	col, idCol := -1, -1
	for _, r := range rows {
		if col < 0 {
			col, idCol = slices.Index(r, label), slices.Index(r, "任务编号")
			if idCol < 0 {
				col = -1
			}
			continue
		}
		if idCol < len(r) && r[idCol] == id && col < len(r) {
			return r[col]
		}
	}
	return ""
}
