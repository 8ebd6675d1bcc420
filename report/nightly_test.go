package report

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/speechledger/speechledger/extract"
	"github.com/xuri/excelize/v2"
)

// grid is a speech sheet read back: its header row and, by task id, the
// row each task is on.
type grid struct {
	f      *excelize.File
	sheet  string
	header int
	cols   map[string]int // label -> 1-based column
	labels []string
	rowOf  map[string]int // task id -> row
}

func readGrid(t *testing.T, f *excelize.File, sheet string) *grid {
	t.Helper()
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	g := &grid{f: f, sheet: sheet, cols: map[string]int{}, rowOf: map[string]int{}}
	for i, r := range rows {
		if slices.Contains(r, "变动") {
			g.header, g.labels = i+1, r
			for j, c := range r {
				if _, ok := g.cols[c]; !ok {
					g.cols[c] = j + 1
				}
			}
			break
		}
	}
	if g.header == 0 {
		t.Fatalf("sheet %s: no header row", sheet)
	}
	id := g.cols["任务编号"]
	for i, r := range rows[g.header:] {
		if id <= len(r) && r[id-1] != "" {
			g.rowOf[r[id-1]] = g.header + 1 + i
		}
	}
	return g
}

func (g *grid) cell(t *testing.T, label string, row int) string {
	t.Helper()
	c, ok := g.cols[label]
	if !ok {
		t.Fatalf("sheet %s: no column %s in %q", g.sheet, label, g.labels)
	}
	name, _ := excelize.CoordinatesToCellName(c, row)
	return name
}

func (g *grid) get(t *testing.T, label, id string) string {
	t.Helper()
	r, ok := g.rowOf[id]
	if !ok {
		t.Fatalf("sheet %s: no row for task %s", g.sheet, id)
	}
	v, err := g.f.GetCellValue(g.sheet, g.cell(t, label, r))
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func (g *grid) set(t *testing.T, label, id string, v any) {
	t.Helper()
	if err := g.f.SetCellValue(g.sheet, g.cell(t, label, g.rowOf[id]), v); err != nil {
		t.Fatal(err)
	}
}

// nightlySpeeches are the fixtures as the second and third nights see
// them: task t-a1 gone from the first speech and t-a6 new in it, the
// second speech of the compilation gone, and a new speech.
func nightlySpeeches() []extract.Speech {
	sp := fixtureSpeeches()
	a := &sp[0]
	a.Tasks = append(a.Tasks[1:], extract.Task{Seq: 5, ID: "t-a6", Text: "县教育局要在3月底前完成教师培训。",
		Times: []extract.TimeNode{{Text: "3月底前", Due: date(2010, 3, 31)}}})
	for i := range a.Tasks {
		a.Tasks[i].Seq = i + 1
	}
	e := extract.Speech{Source: "005_fixture.txt", Index: 1, Title: "在全县卫生工作会议上的讲话",
		Tasks: []extract.Task{{Seq: 1, ID: "t-e1", Text: "县卫健局要在6月底前完成村卫生室改造。",
			Times: []extract.TimeNode{{Text: "6月底前", Due: date(2010, 6, 30)}}}}}
	var out []extract.Speech
	for _, s := range sp {
		if s.Source == "002_fixture.txt" && s.Index == 2 {
			continue
		}
		out = append(out, s)
	}
	return append(out, e)
}

// Three nights: staff edit the ledger between runs (a status, a progress
// note, a remark, a column of their own with a formula, a row of their
// own); the next runs keep every edit where it belongs, mark the task and
// the speech gone from the input 已移出, the new ones 新增 with the date
// first seen, and log each run. With the default layout and an office's.
func TestCarryForward(t *testing.T) {
	for _, tc := range []struct {
		name, template                    string
		status, progress, note, due, lead string
		staffCol, after                   string // the column staff add, after which
		warn                              string
	}{
		{"default", "", "办理状态", "进展情况", "备注", "完成时限", "责任单位", "督办领导", "责任单位", "预警"},
		{"example", "../templates/example.xlsx", "状态", "落实情况", "", "完成时间", "牵头单位", "联系人", "牵头单位", "预警"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "ledger.xlsx")
			day := func(d int) Options {
				return Options{ReportDate: date(2010, 1, 14+d), Template: tc.template, Inputs: []string{"fixtures"}, Keep: 2}
			}
			st, err := Update(path, fixtureSpeeches(), day(1))
			if err != nil {
				t.Fatal(err)
			}
			if !st.First || st.New != 9 || st.Backup != "" {
				t.Errorf("first night: %+v", st)
			}
			const sheetA = "在全县教育工作会议上的讲话"

			// Staff at work.
			f, err := excelize.OpenFile(path)
			if err != nil {
				t.Fatal(err)
			}
			g := readGrid(t, f, sheetA)
			g.set(t, tc.status, "t-a1", "已办结")
			g.set(t, tc.status, "t-a2", "推进中")
			g.set(t, tc.progress, "t-a2", "已拨付50%")
			if tc.note != "" {
				g.set(t, tc.note, "t-a3", "待核实")
			}
			col, _ := excelize.ColumnNumberToName(g.cols[tc.after] + 1)
			if err := f.InsertCols(sheetA, col, 1); err != nil {
				t.Fatal(err)
			}
			if err := f.SetCellStr(sheetA, col+strconv.Itoa(g.header), tc.staffCol); err != nil {
				t.Fatal(err)
			}
			g = readGrid(t, f, sheetA)
			g.set(t, tc.staffCol, "t-a2", "张副县长")
			// A formula on t-a4's own row: t-a4 moves up when t-a1 goes.
			status4 := g.cell(t, tc.status, g.rowOf["t-a4"])
			if err := f.SetCellFormula(sheetA, g.cell(t, tc.staffCol, g.rowOf["t-a4"]), `IF(`+status4+`="已办结","是","否")`); err != nil {
				t.Fatal(err)
			}
			// A row of their own under the tasks.
			own := g.header + len(g.rowOf) + 1
			textLabel := "工作任务"
			if tc.template != "" {
				textLabel = "督办事项"
			}
			ownText := g.cell(t, textLabel, own)
			if err := f.SetCellStr(sheetA, ownText, "临时交办：做好寒假安全检查。"); err != nil {
				t.Fatal(err)
			}
			if err := f.SaveAs(path); err != nil {
				t.Fatal(err)
			}
			f.Close()

			for night := 2; night <= 3; night++ {
				st, err := Update(path, nightlySpeeches(), day(night))
				if err != nil {
					t.Fatal(err)
				}
				if night == 2 && (st.First || st.New != 2 || st.Removed != 2 || st.Backup == "") {
					t.Errorf("night 2: %+v", st)
				}
				if night == 3 && (st.New != 0 || st.Removed != 0 || st.Changed != 0) {
					t.Errorf("night 3: %+v", st)
				}
				f := openWorkbook(t, path)
				g := readGrid(t, f, sheetA)
				for _, c := range []struct{ label, id, want string }{
					{tc.status, "t-a1", "已办结"},
					{tc.status, "t-a2", "推进中"},
					{tc.progress, "t-a2", "已拨付50%"},
					{tc.staffCol, "t-a2", "张副县长"},
					{tc.staffCol, "t-a4", "否"},
					{"变动", "t-a1", "已移出 2010-01-16"},
					{"变动", "t-a2", ""},
					{"变动", "t-a6", "新增 2010-01-16"},
					{tc.warn, "t-a1", "—"},
				} {
					if got := g.get(t, c.label, c.id); got != c.want && !(c.want == "否" && got == "") {
						t.Errorf("night %d: %s of %s = %q, want %q", night, c.label, c.id, got, c.want)
					}
				}
				if tc.note != "" {
					if got := g.get(t, tc.note, "t-a3"); got != "待核实" {
						t.Errorf("night %d: note of t-a3 = %q", night, got)
					}
				}
				formula, _ := f.GetCellFormula(sheetA, g.cell(t, tc.staffCol, g.rowOf["t-a4"]))
				if want := g.cell(t, tc.status, g.rowOf["t-a4"]); !strings.Contains(formula, want+`="已办结"`) {
					t.Errorf("night %d: formula of t-a4 %q does not refer to its row (%s)", night, formula, want)
				}
				if g.cols[tc.staffCol] != g.cols[tc.after]+1 {
					t.Errorf("night %d: staff column at %d, want right after %s (%d): %q", night, g.cols[tc.staffCol], tc.after, g.cols[tc.after], g.labels)
				}
				if g.rowOf["t-a1"] > g.rowOf["t-a2"] {
					t.Errorf("night %d: removed t-a1 not kept in place", night)
				}
				rows, _ := f.GetRows(sheetA)
				found := false
				for _, r := range rows {
					found = found || slices.Contains(r, "临时交办：做好寒假安全检查。")
				}
				if !found {
					t.Errorf("night %d: the staff's own row is gone", night)
				}
				sheets := f.GetSheetList()
				if !slices.Contains(sheets, "篇2 教育脱贫攻坚工作会议讲话") || !slices.Contains(sheets, "在全县卫生工作会议上的讲话") {
					t.Errorf("night %d: sheets %q", night, sheets)
				}
				if sheets[len(sheets)-1] != logSheet {
					t.Errorf("night %d: last sheet %s", night, sheets[len(sheets)-1])
				}
				gone := readGrid(t, f, "篇2 教育脱贫攻坚工作会议讲话")
				if got := gone.get(t, "变动", "t-b2"); got != "已移出 2010-01-16" {
					t.Errorf("night %d: t-b2 marked %q", night, got)
				}
				log, _ := f.GetRows(logSheet)
				if n := len(log) - logHeaderRow; n != night {
					t.Errorf("night %d: %d lines in the change log: %q", night, n, log)
				}
				last := log[len(log)-1]
				if last[1] != "2010-01-"+strconv.Itoa(14+night) {
					t.Errorf("night %d: change log line %q", night, last)
				}
			}
			// Two backups kept, the oldest pruned.
			baks, _ := filepath.Glob(filepath.Join(filepath.Dir(path), "ledger.*.bak.xlsx"))
			if len(baks) != 2 {
				t.Errorf("backups %q, want 2", baks)
			}
		})
	}
}

// The same input, report date and previous workbook give the same bytes.
func TestUpdateDeterministic(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "ledger.xlsx")
	if err := WriteWorkbook(path, fixtureSpeeches(), Options{ReportDate: reportDate}); err != nil {
		t.Fatal(err)
	}
	prev, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var outs [][]byte
	for range 2 {
		if err := os.WriteFile(path, prev, 0o644); err != nil {
			t.Fatal(err)
		}
		if err := WriteWorkbook(path, nightlySpeeches(), Options{ReportDate: reportDate.AddDays(1), Keep: 1}); err != nil {
			t.Fatal(err)
		}
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		outs = append(outs, b)
	}
	if !bytes.Equal(outs[0], outs[1]) {
		t.Error("two runs on the same previous workbook differ")
	}
}

// A workbook that cannot be carried forward is left alone, with an error
// naming it and what is wrong.
func TestPreviousUnreadable(t *testing.T) {
	notOurs := excelize.NewFile()
	var buf bytes.Buffer
	if _, err := notOurs.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name  string
		data  []byte
		owner string // a lock file of a program that has it open
		want  string
	}{
		{"corrupt", []byte("PK\x03\x04 not really a zip"), "", "not a readable .xlsx"},
		{"text", []byte("名称,数量\n"), "", "not a readable .xlsx"},
		{"not ours", buf.Bytes(), "", "not written by speechledger"},
		{"open in Excel", nil, "~$ledger.xlsx", "open in another program"},
		{"open in LibreOffice", nil, ".~lock.ledger.xlsx#", "open in another program"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "ledger.xlsx")
			data := tc.data
			if data == nil {
				if err := WriteWorkbook(path, fixtureSpeeches(), Options{ReportDate: reportDate}); err != nil {
					t.Fatal(err)
				}
				var err error
				if data, err = os.ReadFile(path); err != nil {
					t.Fatal(err)
				}
			}
			if err := os.WriteFile(path, data, 0o644); err != nil {
				t.Fatal(err)
			}
			if tc.owner != "" {
				if err := os.WriteFile(filepath.Join(dir, tc.owner), nil, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			_, err := Update(path, fixtureSpeeches(), Options{ReportDate: reportDate, Keep: 1})
			var pe *PreviousError
			if !errors.As(err, &pe) || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), path) {
				t.Fatalf("error %v, want a *PreviousError naming %s with %q", err, path, tc.want)
			}
			after, _ := os.ReadFile(path)
			if !bytes.Equal(after, data) {
				t.Error("the workbook was changed")
			}
			entries, _ := os.ReadDir(dir)
			if len(entries) != 1+min(len(tc.owner), 1) {
				var names []string
				for _, e := range entries {
					names = append(names, e.Name())
				}
				t.Errorf("files left: %q", names)
			}
		})
	}
}

// Backups are named by the report date, never replaced, and pruned to
// the newest keep.
func TestBackups(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "ledger.xlsx")
	d := extract.NewDate(2010, time.January, 15)
	var names []string
	for i := range 4 {
		if err := os.WriteFile(path, []byte{byte(i)}, 0o644); err != nil {
			t.Fatal(err)
		}
		name, err := backup(path, d.AddDays(i/2))
		if err != nil {
			t.Fatal(err)
		}
		names = append(names, filepath.Base(name))
	}
	want := []string{"ledger.2010-01-15.bak.xlsx", "ledger.2010-01-15.2.bak.xlsx", "ledger.2010-01-16.bak.xlsx", "ledger.2010-01-16.2.bak.xlsx"}
	if !slices.Equal(names, want) {
		t.Errorf("backups %q, want %q", names, want)
	}
	if err := os.WriteFile(filepath.Join(dir, "ledger.notes.bak.xlsx"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := pruneBackups(path, 3); err != nil {
		t.Fatal(err)
	}
	entries, _ := os.ReadDir(dir)
	var left []string
	for _, e := range entries {
		left = append(left, e.Name())
	}
	wantLeft := []string{"ledger.2010-01-15.2.bak.xlsx", "ledger.2010-01-16.2.bak.xlsx", "ledger.2010-01-16.bak.xlsx", "ledger.notes.bak.xlsx", "ledger.xlsx"}
	if !slices.Equal(left, wantLeft) {
		t.Errorf("left %q, want %q", left, wantLeft)
	}
}
