package report

import (
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// summaryBodyRow returns the row of 汇总's by-unit table for unit, as
// shown.
func summaryBodyRow(t *testing.T, path, unit string) []string {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(summarySheet)
	if err != nil {
		t.Fatal(err)
	}
	in := false
	for _, r := range rows {
		if len(r) > 0 && strings.HasPrefix(r[0], "二、") {
			in = true
		}
		if in && len(r) > 1 && r[1] == unit {
			return r
		}
	}
	t.Fatalf("no line of %s in 汇总", unit)
	return nil
}

// TestSummaryProgress: 汇总's by-unit table counts each unit's tasks
// done and leaves them out of overdue and due soon, by the statuses
// staff and the units' replies put in the ledger, and shows the day of
// the unit's last reply merged.
func TestSummaryProgress(t *testing.T) {
	dir := t.TempDir()
	ledger := writeCycleLedger(t, dir)
	head := []string{"序号", "责任单位", "", "", "牵头任务", "有时限", "已逾期", "30日内到期", "已办结", "办结率", "最后反馈日期"}
	// 县财政局 leads RW-TWOLEADS, overdue, and RW-LATER, due at the end
	// of the year.
	if got, want := summaryBodyRow(t, ledger, "县财政局"), []string{"", "县财政局", "", "", "2", "2", "1", "0", "0", "0%", "—"}; !slices.Equal(got[1:], want[1:]) {
		t.Errorf("县财政局 before the reply: %q, want %q (%q)", got, want, head)
	}
	if _, err := Handout(ledger, dir, HandoutOptions{ReportDate: reportDate}); err != nil {
		t.Fatal(err)
	}
	fin := filepath.Join(dir, "县财政局-督办任务.xlsx")
	editReply(t, fin, map[string]map[string]any{"RW-TWOLEADS": {"办理状态": statusDone}}, "")
	if _, err := Collect(ledger, []string{fin}, CollectOptions{Date: reportDate.AddDays(1)}); err != nil {
		t.Fatal(err)
	}
	if err := WriteWorkbook(ledger, cycleSpeeches(), Options{ReportDate: reportDate.AddDays(2)}); err != nil {
		t.Fatal(err)
	}
	if got, want := summaryBodyRow(t, ledger, "县财政局"), []string{"", "县财政局", "", "", "2", "2", "0", "0", "1", "50%", "2010-01-16"}; !slices.Equal(got[1:], want[1:]) {
		t.Errorf("县财政局 after the reply: %q, want %q (%q)", got, want, head)
	}
	// 县教育局 shares RW-TWOLEADS: done for it too.
	if got := summaryBodyRow(t, ledger, "县教育局"); got[6] != "0" || got[8] != "1" || got[10] != "—" {
		t.Errorf("县教育局: %q", got)
	}
}

// TestSummaryPrint: 汇总 repeats the header of its table of speeches on
// every printed page, and a line whose note wraps is tall enough to show
// it.
func TestSummaryPrint(t *testing.T) {
	path := filepath.Join(t.TempDir(), "ledger.xlsx")
	if err := WriteWorkbook(path, fixtureSpeeches(), Options{ReportDate: reportDate}); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows(summarySheet)
	header := slices.IndexFunc(rows, func(r []string) bool { return len(r) > 1 && r[1] == "讲话标题" }) + 1
	var titles string
	for _, dn := range f.GetDefinedName() {
		if dn.Name == printTitles && dn.Scope == summarySheet {
			titles = dn.RefersTo
		}
	}
	if want := "'汇总'!$" + strconv.Itoa(header) + ":$" + strconv.Itoa(header); titles != want {
		t.Errorf("汇总's print titles %q, want %q", titles, want)
	}
	wrapped := 0
	for i, r := range rows {
		if len(r) < 11 || estimateLines(r[10], summaryCols[10].width, 11) < 2 {
			continue
		}
		wrapped++
		h, err := f.GetRowHeight(summarySheet, i+1)
		if err != nil {
			t.Fatal(err)
		}
		if h < 2*11*lineSpacing {
			t.Errorf("row %d, whose note %q wraps, is %.1f points tall", i+1, r[10], h)
		}
	}
	if wrapped == 0 {
		t.Error("no note wraps")
	}
}
