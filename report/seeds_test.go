package report

import (
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"testing"

	"github.com/speechledger/speechledger/extract"
	"github.com/xuri/excelize/v2"
)

// excelizeRaw reads numbers and dates unformatted.
var excelizeRaw = excelize.Options{RawCellValue: true}

// seedTexts returns the file names and decoded texts of testdata/seeds.
func seedTexts(tb testing.TB) (names, texts []string) {
	tb.Helper()
	paths, err := filepath.Glob(filepath.Join("..", "testdata", "seeds", "*.txt"))
	if err != nil || len(paths) == 0 {
		tb.Fatalf("no seeds: %v", err)
	}
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			tb.Fatal(err)
		}
		text, _, err := extract.Decode(b)
		if err != nil {
			tb.Fatal(err)
		}
		names, texts = append(names, filepath.Base(p)), append(texts, text)
	}
	return names, texts
}

// seedSpeeches extracts the speeches of testdata/seeds the way the command
// does.
func seedSpeeches(t *testing.T) []extract.Speech {
	t.Helper()
	x := extract.New()
	var speeches []extract.Speech
	names, texts := seedTexts(t)
	for i, name := range names {
		speeches = append(speeches, x.Speeches(name, texts[i], extract.Options{FileDate: extract.DateInName(name)})...)
	}
	x.Fingerprint(speeches)
	extract.MarkDuplicates(speeches)
	extract.GroupBodies(speeches)
	return speeches
}

// TestSeedsWorkbook writes the seeds' ledger as of 2010-01-15 and checks
// it against the speeches: one sheet per speech that is not a duplicate,
// every task a row with its due date, the summary's overdue counts equal to
// the tasks due before the report date, and the dropdown and conditional
// formats on every task row of every sheet.
func TestSeedsWorkbook(t *testing.T) {
	speeches := seedSpeeches(t)
	path := filepath.Join(t.TempDir(), "ledger.xlsx")
	if err := WriteWorkbook(path, speeches, Options{ReportDate: reportDate}); err != nil {
		t.Fatal(err)
	}
	keepCopy(t, path)
	f := openWorkbook(t, path)
	sheets := f.GetSheetList()
	if sheets[0] != summarySheet {
		t.Errorf("first sheet %q, want %s", sheets[0], summarySheet)
	}
	l := buildLedger(speeches, Options{ReportDate: reportDate})
	if len(sheets) != len(l.Sheets)+3 || sheets[len(sheets)-2] != writtenSheet || sheets[len(sheets)-1] != logSheet {
		t.Fatalf("%d sheets ending %s, want %d ending %s, %s", len(sheets), sheets[len(sheets)-1], len(l.Sheets)+3, writtenSheet, logSheet)
	}
	srows, err := f.GetRows(summarySheet, excelizeRaw)
	if err != nil {
		t.Fatal(err)
	}
	overdueOf := map[string]string{} // sheet -> 已逾期 in 汇总
	for r, cells := range srows {
		cell := "B" + strconv.Itoa(r+1)
		if ok, target, _ := f.GetCellHyperLink(summarySheet, cell); ok && len(cells) > 6 {
			overdueOf[target] = cells[6]
		}
	}
	i := 0
	for _, sp := range speeches {
		if sp.DuplicateOf != 0 {
			continue
		}
		i++
		name := sheets[i]
		rows, err := f.GetRows(name, excelizeRaw)
		if err != nil {
			t.Fatal(err)
		}
		overdue := 0
		for j, task := range sp.Tasks {
			r := 3 + j // 0-based index of the row of task j
			if r >= len(rows) || len(rows[r]) < 5 || rows[r][1] != task.ID {
				t.Errorf("%s: task %s is not row %d", name, task.ID, r+1)
				continue
			}
			due := extract.Date{}
			for _, tn := range task.Times {
				if !tn.Due.IsZero() && (due.IsZero() || tn.Due.Before(due)) {
					due = tn.Due
				}
			}
			want := ""
			if !due.IsZero() {
				want = strconv.FormatInt(excelSerial(due), 10)
			}
			if rows[r][4] != want {
				t.Errorf("%s row %d: 完成时限 %q, want %q (%s)", name, r+1, rows[r][4], want, due)
			}
			if !due.IsZero() && due.Before(reportDate) && rows[r][11] != statusDone {
				overdue++
			}
		}
		if len(rows) != 3+len(sp.Tasks) {
			t.Errorf("%s: %d rows, want %d", name, len(rows), 3+len(sp.Tasks))
		}
		if got := overdueOf[sheetRef(name)+"!A1"]; got != strconv.Itoa(overdue) {
			t.Errorf("汇总: %s overdue %q, want %d", name, got, overdue)
		}
		checkTracking(t, f, name, 12, 4, 3+len(sp.Tasks))
	}
	if !slices.Contains(sheets, l.Sheets[len(l.Sheets)-1].Name) {
		t.Errorf("last speech sheet missing")
	}
}
