package main

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// --template fills an office's own layout: the speech sheets follow the
// example template's title rows, column order and header labels; a file
// that is not a workbook is refused, naming it, and nothing is written.
func TestTemplateFlag(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "ledger.xlsx")
	seed := "testdata/seeds/004_ff2848a0e228d2d6.txt"
	if _, stderr, code := speechledger(t, "-q", "--report-date", "2010-01-15", "--template", "templates/example.xlsx", "-o", out, seed); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	tpl, err := excelize.OpenFile("templates/example.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	defer tpl.Close()
	tplRows, err := tpl.GetRows(tpl.GetSheetList()[0])
	if err != nil {
		t.Fatal(err)
	}
	header := func(rows [][]string) []string {
		for _, r := range rows {
			for _, c := range r {
				if c == "序号" {
					return r
				}
			}
		}
		return nil
	}
	want := header(tplRows)
	if len(want) == 0 {
		t.Fatal("the example template has no header row with 序号")
	}
	sheet := f.GetSheetList()[1]
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	got := header(rows)
	if strings.Join(got[:len(want)], "|") != strings.Join(want, "|") {
		t.Errorf("header of %s = %q, want the template's %q", sheet, got, want)
	}
	if rows[0][0] != tplRows[0][0] {
		t.Errorf("title row %q, want the template's %q", rows[0][0], tplRows[0][0])
	}

	bad := filepath.Join(dir, "bad.xlsx")
	_, stderr, code := speechledger(t, "-q", "--template", "README.md", "-o", bad, seed)
	if code == 0 || !strings.Contains(stderr, "README.md") {
		t.Errorf("a template that is not a workbook: exit %d, %q", code, stderr)
	}
	if _, err := excelize.OpenFile(bad); err == nil {
		t.Errorf("%s was written despite the bad template", bad)
	}
}
