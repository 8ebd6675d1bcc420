package report

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/speechledger/speechledger/templates"
	"github.com/xuri/excelize/v2"
)

var keep = flag.String("keep", "", "also copy the workbooks the tests write into this `folder`")

// writeFixture writes the fixture workbook into a temporary folder with
// the given template ("" for the default) and returns its path.
func writeFixture(t *testing.T, template string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "ledger.xlsx")
	opt := Options{ReportDate: reportDate, Template: template, Inputs: []string{"fixtures"}}
	if err := WriteWorkbook(path, fixtureSpeeches(), opt); err != nil {
		t.Fatal(err)
	}
	keepCopy(t, path)
	return path
}

// keepCopy copies the workbook at path into the -keep folder, if any,
// named after the test.
func keepCopy(t *testing.T, path string) {
	t.Helper()
	if *keep == "" {
		return
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	name := filepath.Join(*keep, strings.ReplaceAll(t.Name(), "/", "_")+".xlsx")
	if err := os.WriteFile(name, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

func openWorkbook(t *testing.T, path string) *excelize.File {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// cellValue returns the value of cell; raw gives numbers unformatted.
func cellValue(t *testing.T, f *excelize.File, sheet, cell string, raw bool) string {
	t.Helper()
	v, err := f.GetCellValue(sheet, cell, excelize.Options{RawCellValue: raw})
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func TestWriteWorkbookReadBack(t *testing.T) {
	f := openWorkbook(t, writeFixture(t, ""))
	l := buildLedger(fixtureSpeeches(), Options{ReportDate: reportDate})

	wantSheets := []string{summarySheet}
	for _, sh := range l.Sheets {
		wantSheets = append(wantSheets, sh.Name)
	}
	wantSheets = append(wantSheets, writtenSheet, logSheet)
	if got := f.GetSheetList(); !slices.Equal(got, wantSheets) {
		t.Fatalf("sheets %q, want %q", got, wantSheets)
	}

	// Header row in the default order.
	sh := l.Sheets[0].Name
	rows, err := f.GetRows(sh)
	if err != nil {
		t.Fatal(err)
	}
	var wantHeader []string
	for _, c := range defaultColumns {
		wantHeader = append(wantHeader, c.field.label())
	}
	wantHeader = append(wantHeader, fieldChange.label()) // added to every layout
	if !slices.Equal(rows[2], wantHeader) {
		t.Errorf("header %q, want %q", rows[2], wantHeader)
	}
	if got := cellValue(t, f, sh, "A1", false); got != "在全县教育工作会议上的讲话 任务台账" {
		t.Errorf("title row %q", got)
	}
	if got := cellValue(t, f, sh, "A2", false); !strings.Contains(got, "杨钊") || !strings.Contains(got, "2010-01-15") {
		t.Errorf("meta row %q lacks speaker or report date", got)
	}

	// Values read back as written: numbers as numbers, dates as dates.
	for _, tc := range []struct {
		cell string
		raw  bool
		want string
	}{
		{"A4", true, "1"},
		{"B4", false, "t-a1"},
		{"C4", false, "县教育局要在年底前完成73所学校的校舍改造任务。"},
		{"D4", false, "年底前"},
		{"E4", true, "40178"},
		{"E4", false, "2009-12-31"},
		{"F4", false, "县教育局"},
		{"I4", true, "73"},
		{"J4", false, "一、抓好校舍安全"},
		{"L4", false, "未启动"},
		{"N4", false, "已逾期"},
		{"N5", false, "7日内到期"},
		{"N6", false, "无时限"},
		{"N8", false, "正常"},
		{"C6", false, "=各学校要加强安全教育，做到警钟长鸣。"},
		{"G5", false, "县财政局"},
		{"D7", false, "从2010年3月起（2010-03-01起）"},
		{"E7", true, ""},
	} {
		if got := cellValue(t, f, sh, tc.cell, tc.raw); got != tc.want {
			t.Errorf("%s!%s = %q, want %q", sh, tc.cell, got, tc.want)
		}
	}
	for _, cell := range []string{"A4", "E4", "I4"} {
		if typ, _ := f.GetCellType(sh, cell); typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber {
			t.Errorf("%s is of type %v, want a number", cell, typ)
		}
	}
	if st := cellStyle(t, f, sh, "E4"); st.CustomNumFmt == nil || *st.CustomNumFmt != "yyyy-mm-dd" {
		t.Errorf("完成时限 number format %v, want yyyy-mm-dd", st.CustomNumFmt)
	}
	if formula, _ := f.GetCellFormula(sh, "C6"); formula != "" {
		t.Errorf("text starting with = became formula %q", formula)
	}
	if formula, _ := f.GetCellFormula(sh, "N4"); !strings.Contains(formula, reportDateName) || !strings.Contains(formula, "E4") || !strings.Contains(formula, "L4") {
		t.Errorf("预警 formula %q does not refer to the date, status and report date", formula)
	}

	// Highlights as rich text runs in distinct colours.
	runs, err := f.GetCellRichText(sh, "C4")
	if err != nil {
		t.Fatal(err)
	}
	colors := map[string]string{}
	for _, r := range runs {
		if r.Font != nil && r.Font.Color != "" {
			colors[r.Text] = r.Font.Color
		}
	}
	for text, want := range map[string]string{"县教育局": markColors[markBody], "年底前": markColors[markTime], "73所学校": markColors[markTarget]} {
		if !strings.EqualFold(colors[text], want) && !strings.EqualFold(colors[text], "FF"+want) {
			t.Errorf("run %q colour %q, want %s", text, colors[text], want)
		}
	}

	// Every task row of every sheet has the dropdown and the formats.
	for _, s := range l.Sheets {
		checkTracking(t, f, s.Name, 12, 4, 3+len(s.Rows))
	}

	// Print titles, frozen header, autofilter.
	names := map[string]string{}
	for _, dn := range f.GetDefinedName() {
		names[dn.Scope+"|"+dn.Name] = dn.RefersTo
	}
	if got := names[sh+"|_xlnm.Print_Titles"]; got != "'"+sh+"'!$1:$3" {
		t.Errorf("print titles %q", got)
	}
	if got := names["Workbook|"+reportDateName]; got != "'汇总'!$C$2" {
		t.Errorf("%s refers to %q", reportDateName, got)
	}
	if panes, _ := f.GetPanes(sh); !panes.Freeze || panes.YSplit != 3 {
		t.Errorf("panes %+v, want frozen below row 3", panes)
	}
	if _, ok := names[sh+"|_xlnm._FilterDatabase"]; !ok {
		t.Errorf("no autofilter on %s", sh)
	}
	page, _ := f.GetPageLayout(sh)
	if *page.Size != 9 || *page.Orientation != "landscape" || page.FitToWidth == nil || *page.FitToWidth != 1 {
		t.Errorf("page layout %+v, want A4 landscape one page wide", page)
	}
	if props, _ := f.GetSheetProps(sh); props.FitToPage == nil || !*props.FitToPage {
		t.Errorf("fit to page not set")
	}
	hf, _ := f.GetHeaderFooter(sh)
	if hf == nil || hf.OddFooter != footer || !strings.Contains(hf.OddHeader, "在全县教育工作会议上的讲话") {
		t.Errorf("header/footer %+v", hf)
	}

	// Text too long for a cell is cut with a marker.
	long := l.Sheets[3].Name
	if got := cellValue(t, f, long, "C4", false); utf16Len(got) > maxCellChars || !strings.HasSuffix(got, cutMarker) {
		t.Errorf("long text: %d units, suffix %q", utf16Len(got), got[len(got)-20:])
	}
	if got := cellValue(t, f, long, "C5", false); got != "+R&D投入 要增长@15%以上。" {
		t.Errorf("text starting with + = %q", got)
	}

	// The summary: report date, per-speech lines with links, totals.
	if got := cellValue(t, f, summarySheet, reportDateCell, true); got != strconv.FormatInt(excelSerial(reportDate), 10) {
		t.Errorf("report date cell %q", got)
	}
	srows, err := f.GetRows(summarySheet)
	if err != nil {
		t.Fatal(err)
	}
	i := slices.IndexFunc(srows, func(r []string) bool { return len(r) > 1 && r[1] == "讲话标题" })
	if i < 0 {
		t.Fatal("no per-speech table in 汇总")
	}
	for j, e := range l.Speeches {
		r := i + 2 + j // 1-based row
		cell := "B" + strconv.Itoa(r)
		if got := cellValue(t, f, summarySheet, cell, false); got != e.Title {
			t.Errorf("汇总!%s = %q, want %q", cell, got, e.Title)
		}
		ok, target, _ := f.GetCellHyperLink(summarySheet, cell)
		if e.Sheet != "" && (!ok || target != sheetRef(e.Sheet)+"!A1") {
			t.Errorf("汇总!%s links to %q, want sheet %q", cell, target, e.Sheet)
		}
		if e.Sheet == "" && !strings.Contains(cellValue(t, f, summarySheet, "K"+strconv.Itoa(r), false), "重复") {
			t.Errorf("duplicate %s not noted", cell)
		}
		if e.Sheet != "" {
			if got := cellValue(t, f, summarySheet, "G"+strconv.Itoa(r), true); got != strconv.Itoa(e.Overdue) {
				t.Errorf("汇总 overdue of %q = %s, want %d", e.Sheet, got, e.Overdue)
			}
		}
	}

	props, err := f.GetDocProps()
	if err != nil {
		t.Fatal(err)
	}
	if props.Creator != "speechledger" || props.Created != "2010-01-15T00:00:00Z" || props.Modified != props.Created || props.Title == "" || !strings.Contains(props.Subject, "2010-01-15") {
		t.Errorf("doc props %+v", props)
	}
}

// cellStyle returns the style of cell.
func cellStyle(t *testing.T, f *excelize.File, sheet, cell string) *excelize.Style {
	t.Helper()
	id, err := f.GetCellStyle(sheet, cell)
	if err != nil {
		t.Fatal(err)
	}
	st, err := f.GetStyle(id)
	if err != nil {
		t.Fatal(err)
	}
	return st
}

// checkTracking checks that the status dropdown and the conditional
// formats cover rows first..last of sheet; statusCol is 1-based.
func checkTracking(t *testing.T, f *excelize.File, sheet string, statusCol, first, last int) {
	t.Helper()
	if last < first {
		return
	}
	col, _ := excelize.ColumnNumberToName(statusCol)
	dvs, err := f.GetDataValidations(sheet)
	if err != nil {
		t.Fatal(err)
	}
	want := fmt.Sprintf("%s%d:%s%d", col, first, col, last)
	if !slices.ContainsFunc(dvs, func(dv *excelize.DataValidation) bool {
		return dv.Sqref == want && dv.Type == "list" && strings.Contains(dv.Formula1, statusDone)
	}) {
		t.Errorf("%s: no status dropdown on %s", sheet, want)
	}
	cfs, err := f.GetConditionalFormats(sheet)
	if err != nil {
		t.Fatal(err)
	}
	covered := false
	for ref, opts := range cfs {
		a, b, _ := strings.Cut(ref, ":")
		_, r1, _ := excelize.CellNameToCoordinates(a)
		_, r2, _ := excelize.CellNameToCoordinates(b)
		if r1 <= first && r2 >= last && len(opts) >= 3 {
			covered = true
			for _, o := range opts {
				if o.Type != "formula" {
					t.Errorf("%s: conditional format of type %s, want formula", sheet, o.Type)
				}
			}
		}
	}
	if !covered {
		t.Errorf("%s: conditional formats %v do not cover rows %d-%d", sheet, cfs, first, last)
	}
}

func TestWriteWorkbookDeterministic(t *testing.T) {
	a, err := os.ReadFile(writeFixture(t, ""))
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(writeFixture(t, ""))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a, b) {
		t.Error("two writes of the same ledger differ")
	}
}

func TestWriteWorkbookEmpty(t *testing.T) {
	path := filepath.Join(t.TempDir(), "empty.xlsx")
	if err := WriteWorkbook(path, nil, Options{ReportDate: reportDate}); err != nil {
		t.Fatal(err)
	}
	f := openWorkbook(t, path)
	if got := f.GetSheetList(); !slices.Equal(got, []string{summarySheet, writtenSheet, logSheet}) {
		t.Errorf("sheets %q, want only 汇总, the record and 变更记录", got)
	}
	if visible, err := f.GetSheetVisible(writtenSheet); err != nil || visible {
		t.Errorf("record sheet visible %v (%v), want hidden", visible, err)
	}
}

func TestWriteWorkbookErrors(t *testing.T) {
	dir := t.TempDir()
	notXLSX := filepath.Join(dir, "notes.xlsx")
	if err := os.WriteFile(notXLSX, []byte("这不是工作簿"), 0o644); err != nil {
		t.Fatal(err)
	}
	noHeader := filepath.Join(dir, "noheader.xlsx")
	f := excelize.NewFile()
	f.SetCellStr("Sheet1", "A1", "督办台账")
	f.SetCellStr("Sheet1", "A2", "序号")
	f.SetCellStr("Sheet1", "B2", "责任单位")
	if err := f.SaveAs(noHeader); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		opt  Options
		want []string
	}{
		{"no report date", Options{}, []string{"report date"}},
		{"missing template", Options{ReportDate: reportDate, Template: filepath.Join(dir, "nope.xlsx")}, []string{"nope.xlsx"}},
		{"not a workbook", Options{ReportDate: reportDate, Template: notXLSX}, []string{"notes.xlsx", "not an .xlsx workbook"}},
		{"no task column", Options{ReportDate: reportDate, Template: noHeader}, []string{"noheader.xlsx", "工作任务", "序号, 责任单位"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out := filepath.Join(dir, "out.xlsx")
			err := WriteWorkbook(out, fixtureSpeeches(), tc.opt)
			if err == nil {
				t.Fatal("no error")
			}
			for _, w := range tc.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not mention %q", err, w)
				}
			}
			if _, err := os.Stat(out); err == nil {
				t.Error("a workbook was written despite the error")
			}
			if m, _ := filepath.Glob(filepath.Join(dir, ".out.xlsx.*")); len(m) > 0 {
				t.Errorf("temporary files left: %q", m)
			}
		})
	}
}

func TestWriteWorkbookTemplate(t *testing.T) {
	tpl := filepath.Join(t.TempDir(), "office.xlsx")
	if err := os.WriteFile(tpl, templates.Example(), 0o644); err != nil {
		t.Fatal(err)
	}
	f := openWorkbook(t, writeFixture(t, tpl))
	l := buildLedger(fixtureSpeeches(), Options{ReportDate: reportDate})
	sh := l.Sheets[0].Name
	if got := f.GetSheetList(); len(got) != len(l.Sheets)+3 || got[0] != summarySheet || got[1] != sh {
		t.Fatalf("sheets %q", got)
	}
	rows, err := f.GetRows(sh)
	if err != nil {
		t.Fatal(err)
	}
	// The template's columns, then the task id (hidden) and 变动, which
	// carrying the ledger forward needs.
	wantHeader := []string{"序号", "督办事项", "牵头单位", "完成时间", "时间要求", "状态", "落实情况", "督办领导", "预警", "任务编号", "变动"}
	if !slices.Equal(rows[3], wantHeader) {
		t.Errorf("header %q, want the template's %q", rows[3], wantHeader)
	}
	if visible, _ := f.GetColVisible(sh, "J"); visible {
		t.Errorf("added 任务编号 column J is visible")
	}
	for _, tc := range []struct{ cell, want string }{
		{"A1", "XX县人民政府督查室"},
		{"A2", "在全县教育工作会议上的讲话\n重点工作督办台账"},
		{"A3", "讲话日期：2009-10-30　统计截至：2010-01-15"},
		{"A5", "1"},
		{"B5", "县教育局要在年底前完成73所学校的校舍改造任务。"},
		{"C5", "县教育局"},
		{"D5", "2009年12月31日"},
		{"E5", "年底前"},
		{"F5", "未启动"},
		{"G5", ""},
		{"H5", ""},
		{"I5", "已逾期"},
		{"C6", "各乡镇"},
	} {
		if got := cellValue(t, f, sh, tc.cell, false); got != tc.want {
			t.Errorf("%s = %q, want %q", tc.cell, got, tc.want)
		}
	}
	if got := cellValue(t, f, sh, "D5", true); got != "40178" {
		t.Errorf("完成时间 raw %q, want the date serial", got)
	}
	// The template's styles, widths and page setup are kept.
	if st := cellStyle(t, f, sh, "B5"); st.Font == nil || st.Font.Family != "仿宋" || st.Font.Size != 12 {
		t.Errorf("task cell font %+v, want the template's 仿宋 12", st.Font)
	}
	if st := cellStyle(t, f, sh, "A4"); len(st.Fill.Color) == 0 || !strings.EqualFold(st.Fill.Color[0], "548235") {
		t.Errorf("header fill %+v, want the template's 548235", st.Fill)
	}
	if w, _ := f.GetColWidth(sh, "B"); w != 50 {
		t.Errorf("column B width %v, want the template's 50", w)
	}
	page, _ := f.GetPageLayout(sh)
	if *page.Orientation != "portrait" || *page.Size != 9 {
		t.Errorf("page %+v, want the template's A4 portrait", page)
	}
	hf, _ := f.GetHeaderFooter(sh)
	if hf == nil || hf.OddHeader != "&L在全县教育工作会议上的讲话&R督查室制" || hf.OddFooter != "&C- &P -" {
		t.Errorf("header/footer %+v, want the template's with the title filled in", hf)
	}
	for _, s := range l.Sheets {
		checkTracking(t, f, s.Name, 6, 5, 4+len(s.Rows))
	}
}
