package report

import (
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/speechledger/speechledger/extract"
	"github.com/xuri/excelize/v2"
)

// The edit matrix: a ledger edited by office programs, then a run.
//
// testdata/edits holds the ledger of night 1 (fixtureSpeeches, report
// date 2010-01-15) edited by testdata/edits/edit.py with openpyxl, in
// three variants (see edit.py), and each of those saved again by
// LibreOffice headless: six workbooks, written by the programs
// themselves. TestEditMatrix runs night 2 over each, without the
// programs; TestEditMatrixClients makes them again with the programs
// (and with -update writes them into testdata/edits), runs the same
// checks, and opens every output in openpyxl, pandas and LibreOffice.

// editClients are the programs the fixtures were saved by.
var editClients = []string{"openpyxl", "libreoffice"}

// editVariants are the variants of edit.py.
var editVariants = []string{"cells", "sheets", "none"}

// editDay is the report date of night n.
func editDay(n int) Options {
	return Options{ReportDate: date(2010, 1, 14+n), Inputs: []string{"fixtures"}}
}

// An editCheck is an edit of the matrix and how to find it after a run.
type editCheck struct {
	kind, label, id, want string
	typ                   excelize.CellType
	numFmt                int // -1: any
	formula               string
}

// cellEdits are the edits of the "cells" variant found on the speech
// sheet, by task id.
var cellEdits = []editCheck{
	{"status", "办理状态", "t-a2", "推进中", excelize.CellTypeInlineString, -1, ""},
	{"note", "备注", "t-a3", "待核实", excelize.CellTypeInlineString, -1, ""},
	{"correction", "责任单位", "t-a1", "县住建局", excelize.CellTypeInlineString, -1, ""},
	{"typed date", "备注", "t-a2", "45444", excelize.CellTypeUnset, -2, ""},
	{"typed percentage", "进展情况", "t-a3", "0.85", excelize.CellTypeUnset, 9, ""},
	{"typed number", "备注", "t-a5", "12345", excelize.CellTypeUnset, -1, ""},
	{"formula", "进展情况", "t-a5", "", excelize.CellTypeUnset, -1, "+30"},
	{"boolean", "备注", "t-a4", "1", excelize.CellTypeBool, -1, ""},
	{"added column", "督办领导", "t-a2", "张副县长", excelize.CellTypeInlineString, -1, ""},
}

// checkEdited checks the workbook at path, after night 2 over the
// variant's fixture saved by client, and returns the edits found.
func checkEdited(t *testing.T, path, variant string, st Stats) int {
	t.Helper()
	f := openWorkbook(t, path)
	defer f.Close()
	sheets := f.GetSheetList()
	found := 0
	if sheets[0] != summarySheet || sheets[len(sheets)-1] != logSheet {
		t.Errorf("sheets %q: want 汇总 first, 变更记录 last", sheets)
	}
	g := readGrid(t, f, sheetA)
	log, _ := f.GetRows(logSheet)
	note := ""
	if last := log[len(log)-1]; len(last) > 9 {
		note = last[9]
	}
	switch variant {
	case "cells":
		for _, c := range cellEdits {
			cell := g.cell(t, c.label, g.rowOf[c.id])
			v, typ := rawCell(t, f, g, c.label, c.id)
			if c.formula != "" {
				if formula, _ := f.GetCellFormula(sheetA, cell); !strings.HasSuffix(formula, c.formula) {
					t.Errorf("%s: %s of %s: formula %q", c.kind, c.label, c.id, formula)
					continue
				}
				found++
				continue
			}
			// LibreOffice saves a boolean as the formula TRUE().
			if formula, _ := f.GetCellFormula(sheetA, cell); c.kind == "boolean" && formula == "TRUE()" {
				found++
				continue
			}
			if v != c.want || typ != c.typ {
				t.Errorf("%s: %s of %s = %q (type %v), want %q (type %v)", c.kind, c.label, c.id, v, typ, c.want, c.typ)
				continue
			}
			if c.numFmt != -1 {
				st := cellStyle(t, f, sheetA, cell)
				// LibreOffice writes built-in formats as its own: 0% as a
				// custom format.
				custom := ""
				if st.CustomNumFmt != nil {
					custom = *st.CustomNumFmt
				}
				if c.numFmt == -2 && st.NumFmt == 0 && custom == "" || c.numFmt == 9 && st.NumFmt != 9 && custom != "0%" {
					t.Errorf("%s: %s of %s: number format %d %v", c.kind, c.label, c.id, st.NumFmt, st.CustomNumFmt)
					continue
				}
			}
			found++
		}
		found += checkFormats(t, f, g)
		rows, _ := f.GetRows(sheetA)
		own := -1
		for i, r := range rows {
			if i+1 > g.rowOf["t-a2"] && len(r) > 0 && strings.Contains(strings.Join(r, ""), "临时交办：做好寒假安全检查。") {
				own = i + 1
				break
			}
		}
		if own != g.rowOf["t-a2"]+1 {
			t.Errorf("inserted row: at %d, want under t-a2 (%d)", own, g.rowOf["t-a2"])
		} else {
			found++
		}
		if v, _ := f.GetCellValue("我的笔记", "A1"); v != "周例会" {
			t.Errorf("added sheet: A1 = %q", v)
		} else if typ, _ := f.GetCellType("我的笔记", "B1"); typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber {
			t.Errorf("added sheet: B1 of type %v", typ)
		} else {
			found++
		}
		if v, _ := f.GetCellValue(logSheet, "K3"); v != "李四已核" {
			t.Errorf("note in 变更记录: K3 = %q", v)
		} else {
			found++
		}
		if st.New != 0 || st.Removed != 0 || g.rowOf["t-a5"] > g.rowOf["t-a4"] {
			t.Errorf("sorted rows: tasks new %d, removed %d; t-a5 on row %d, t-a4 on %d (staff put t-a5 first)",
				st.New, st.Removed, g.rowOf["t-a5"], g.rowOf["t-a4"])
		} else {
			found++ // sorted rows: kept in staff's order, every value with its task
		}
	case "sheets":
		if len(log) != logHeaderRow+1 || !strings.Contains(note, "变更记录表此前被删除") {
			t.Errorf("deleted 变更记录: %q", log)
		} else {
			found++
		}
		found++ // deleted 汇总: rebuilt, checked above
		if _, ok := g.rowOf["t-a3"]; !ok || st.Removed != 0 {
			t.Errorf("deleted row: t-a3 not back (removed %d)", st.Removed)
		} else {
			found++
		}
	case "none":
		if st.Kept != 0 {
			t.Errorf("a save without edits made %d cells staff values", st.Kept)
		}
		checkProgramHeights(t, f, g)
		if got := g.get(t, "责任单位", "t-a1"); got != "县发改委" {
			t.Errorf("save without edits, changed input: 责任单位 of t-a1 = %q, want the new extraction", got)
		} else {
			found++
		}
	}
	return found
}

// checkFormats checks the format-only edits of the "cells" variant: 办理状态
// of t-a1 bold, its value the program's; a fill on the empty 备注 of
// t-a1; t-a1's row 52.5 points high. It returns the edits found.
func checkFormats(t *testing.T, f *excelize.File, g *grid) int {
	t.Helper()
	found := 0
	if v, _ := rawCell(t, f, g, "办理状态", "t-a1"); v != statusNotStarted {
		t.Errorf("bold: 办理状态 of t-a1 = %q, want %q", v, statusNotStarted)
	} else if st := cellStyle(t, f, sheetA, g.cell(t, "办理状态", g.rowOf["t-a1"])); st.Font == nil || !st.Font.Bold {
		t.Errorf("bold: 办理状态 of t-a1 is not bold")
	} else {
		found++
	}
	// excelize reads no colour from a workbook without a theme part, as
	// LibreOffice saves it: there the fill is kept without its colour.
	st := cellStyle(t, f, sheetA, g.cell(t, "备注", g.rowOf["t-a1"]))
	color := ""
	if len(st.Fill.Color) > 0 {
		color = strings.ToUpper(st.Fill.Color[0])
	}
	if st.Fill.Type != "pattern" || st.Fill.Pattern != 1 || color != "" && !strings.HasSuffix(color, "FFFF00") {
		t.Errorf("fill: 备注 of t-a1 filled %+v, want solid yellow", st.Fill)
	} else {
		found++
	}
	if h, err := f.GetRowHeight(sheetA, g.rowOf["t-a1"]); err != nil || math.Abs(h-52.5) > 0.1 {
		t.Errorf("row height: t-a1's row is %g high, want 52.5 (%v)", h, err)
	} else {
		found++
	}
	return found
}

// checkProgramHeights checks that the task rows of a ledger saved without
// edits have the heights the program gives the same rows written anew:
// none is taken for one staff set.
func checkProgramHeights(t *testing.T, f *excelize.File, g *grid) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "fresh.xlsx")
	if _, err := Update(path, editedSpeeches("none"), editDay(2)); err != nil {
		t.Fatal(err)
	}
	fresh := openWorkbook(t, path)
	fg := readGrid(t, fresh, sheetA)
	for id, n := range g.rowOf {
		got, _ := f.GetRowHeight(sheetA, n)
		want, _ := fresh.GetRowHeight(sheetA, fg.rowOf[id])
		if got != want {
			t.Errorf("save without edits: row of %s is %g high, want %g as written anew", id, got, want)
		}
	}
}

// editedSpeeches are night 2's speeches for variant: for "none" t-a1's
// 责任单位 changes.
func editedSpeeches(variant string) []extract.Speech {
	sp := fixtureSpeeches()
	if variant == "none" {
		sp[0].Tasks[0].Bodies = []extract.Body{{Name: "县发改委", Canonical: "县发改委", Role: extract.RoleLead}}
	}
	return sp
}

// runEdited copies the fixture src to a folder of its own and runs night
// 2 over it, returning the workbook's path.
func runEdited(t *testing.T, src, variant string) (string, Stats) {
	t.Helper()
	b, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "ledger.xlsx")
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	st, err := Update(path, editedSpeeches(variant), editDay(2))
	if err != nil {
		t.Fatalf("night 2 over %s: %v", src, err)
	}
	return path, st
}

func TestEditMatrix(t *testing.T) {
	total := 0
	for _, client := range editClients {
		for _, v := range editVariants {
			t.Run(client+"-"+v, func(t *testing.T) {
				path, st := runEdited(t, filepath.Join("testdata", "edits", client+"-"+v+".xlsx"), v)
				n := checkEdited(t, path, v, st)
				t.Logf("%s %s: %d edits found", client, v, n)
				total += n
			})
		}
	}
	t.Logf("edit matrix: %d edits found over %d clients", total, len(editClients))
}

// needPython returns a python3 that has the modules, skipping the test
// without one (failing under CI, where .ci/run installs them).
func needPython(t *testing.T, modules ...string) string {
	t.Helper()
	for _, py := range []string{"python3", "/usr/bin/python3"} {
		if exec.Command(py, "-c", "import "+strings.Join(modules, ", ")).Run() == nil {
			return py
		}
	}
	msg := "python3 with " + strings.Join(modules, ", ") + " not found (apt-get install python3-openpyxl python3-pandas)"
	if os.Getenv("CI") != "" {
		t.Fatal(msg)
	}
	t.Skip(msg)
	return ""
}

// The edit matrix made again by the programs themselves; every output
// opens in openpyxl, pandas and LibreOffice.
func TestEditMatrixClients(t *testing.T) {
	if testing.Short() {
		t.Skip("runs openpyxl and LibreOffice")
	}
	py := needPython(t, "openpyxl", "pandas")
	lo := needTool(t, "soffice", "libreoffice")
	dir := t.TempDir()
	base := filepath.Join(dir, "night1.xlsx")
	if _, err := Update(base, fixtureSpeeches(), editDay(1)); err != nil {
		t.Fatal(err)
	}
	for _, v := range editVariants {
		made := map[string]string{
			"openpyxl":    filepath.Join(dir, "openpyxl-"+v+".xlsx"),
			"libreoffice": filepath.Join(dir, "libreoffice-"+v+".xlsx"),
		}
		if out, err := exec.Command(py, filepath.Join("testdata", "edits", "edit.py"), v, base, made["openpyxl"]).CombinedOutput(); err != nil {
			t.Fatalf("edit.py %s: %v\n%s", v, err, out)
		}
		loDir := filepath.Join(dir, "lo-"+v)
		soffice(t, lo, made["openpyxl"], "xlsx", loDir)
		if err := os.Rename(filepath.Join(loDir, "openpyxl-"+v+".xlsx"), made["libreoffice"]); err != nil {
			t.Fatal(err)
		}
		for _, client := range editClients {
			t.Run(client+"-"+v, func(t *testing.T) {
				path, st := runEdited(t, made[client], v)
				checkEdited(t, path, v, st)
				openEverywhere(t, py, lo, path)
				if *update {
					b, err := os.ReadFile(made[client])
					if err != nil {
						t.Fatal(err)
					}
					if err := os.WriteFile(filepath.Join("testdata", "edits", client+"-"+v+".xlsx"), b, 0o644); err != nil {
						t.Fatal(err)
					}
				}
			})
		}
	}
}

// openEverywhere opens the workbook at path in openpyxl, in pandas (every
// sheet) and in LibreOffice.
func openEverywhere(t *testing.T, py, lo, path string) {
	t.Helper()
	script := `import sys, openpyxl, pandas
wb = openpyxl.load_workbook(sys.argv[1])
for ws in wb.worksheets:
    list(ws.iter_rows(values_only=True))
sheets = pandas.read_excel(sys.argv[1], sheet_name=None)
print(len(wb.sheetnames), len(sheets))
`
	if out, err := exec.Command(py, "-c", script, path).CombinedOutput(); err != nil {
		t.Errorf("openpyxl and pandas cannot open the output: %v\n%s", err, out)
	}
	outDir := t.TempDir()
	soffice(t, lo, path, "ods", outDir)
	if _, err := os.Stat(filepath.Join(outDir, "ledger.ods")); err != nil {
		t.Errorf("LibreOffice cannot open the output: %v", err)
	}
}
