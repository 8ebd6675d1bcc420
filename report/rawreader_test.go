package report

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"testing"

	"github.com/xuri/excelize/v2"
)

// The fast reader reads every sheet as excelize's GetRows does: the
// fixture ledger, a workbook with inline strings, booleans, numbers,
// formulas and escapes, and the ledger as LibreOffice saves it.
func TestRawReader(t *testing.T) {
	paths := []string{writeFixture(t, ""), writeFixture(t, filepath.Join("..", "templates", "example.xlsx"))}

	f := excelize.NewFile()
	for _, err := range []error{
		f.SetCellStr("Sheet1", "A1", "a<b>&\"c\"\n'd' "),
		f.SetCellBool("Sheet1", "B1", true),
		f.SetCellFloat("Sheet1", "C3", 3.25, -1, 64),
		f.SetCellFormula("Sheet1", "D3", `A1&"x"`),
		f.SetCellRichText("Sheet1", "E5", []excelize.RichTextRun{{Text: "县教育局"}, {Text: "要", Font: &excelize.Font{Bold: true}}}),
		f.SetCellInt("Sheet1", "Z9", -7),
	} {
		if err != nil {
			t.Fatal(err)
		}
	}
	misc := filepath.Join(t.TempDir(), "misc.xlsx")
	if err := f.SaveAs(misc); err != nil {
		t.Fatal(err)
	}
	paths = append(paths, misc)

	if soffice, err := exec.LookPath("soffice"); err == nil && !testing.Short() {
		out := t.TempDir()
		cmd := exec.Command(soffice, "--headless", "-env:UserInstallation=file://"+out+"/profile",
			"--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", out, paths[0])
		if b, err := cmd.CombinedOutput(); err != nil {
			t.Logf("soffice: %v: %s", err, b)
		} else {
			paths = append(paths, filepath.Join(out, filepath.Base(paths[0])))
		}
	}

	t.Logf("%d workbooks", len(paths))
	for _, path := range paths {
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		rr, err := newRawReader(bytes.NewReader(b), int64(len(b)))
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		f, err := excelize.OpenReader(bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		for _, sh := range f.GetSheetList() {
			want, err := f.GetRows(sh, excelize.Options{RawCellValue: true})
			if err != nil {
				t.Fatal(err)
			}
			p, err := rr.Rows(sh)
			if err != nil {
				t.Fatalf("%s: sheet %s: %v", path, sh, err)
			}
			got := p.Rows
			if len(got) != len(want) {
				t.Errorf("%s: sheet %s: %d rows, want %d", path, sh, len(got), len(want))
				continue
			}
			trim := func(r []string) []string { // trailing empty cells do not count
				for len(r) > 0 && r[len(r)-1] == "" {
					r = r[:len(r)-1]
				}
				return r
			}
			for i := range want {
				if !slices.Equal(trim(got[i]), trim(want[i])) {
					t.Errorf("%s: sheet %s row %d:\n got %q\nwant %q", filepath.Base(path), sh, i+1, got[i], want[i])
				}
			}
		}
		f.Close()
	}
}
