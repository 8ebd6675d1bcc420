package report

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"github.com/speechledger/speechledger/extract"
	"github.com/speechledger/speechledger/templates"
	"github.com/xuri/excelize/v2"
)

// TestCombinedSheet: past the most sheets, the most recent speeches keep
// a sheet of their own and every task of the others is a row of
// combinedSheet; what staff typed into a speech's row stays with it when
// the speech moves onto combinedSheet and when it moves back, and the
// summary links to its first row there.
func TestCombinedSheet(t *testing.T) {
	speeches := seedSpeeches(t)
	l := buildLedger(speeches, Options{ReportDate: reportDate, MaxSheets: 3})
	id, key := "", ""
	for _, sh := range l.Sheets {
		if sh.Combined && len(sh.Rows) > 0 && id == "" {
			id, key = sh.Rows[0].ID, sh.Name
		}
	}
	if id == "" {
		t.Fatal("no speech with tasks moves with three sheets of their own")
	}
	ledger := filepath.Join(t.TempDir(), "ledger.xlsx")
	night := func(n, max int) map[string]string {
		t.Helper()
		if err := WriteWorkbook(ledger, speeches, Options{ReportDate: reportDate.AddDays(n), MaxSheets: max}); err != nil {
			t.Fatalf("night %d: %v", n, err)
		}
		return taskValues(t, ledger)
	}
	vals := night(0, 1000)
	if sheet, _, _ := strings.Cut(vals[id], "|"); sheet == combinedSheet {
		t.Fatalf("night 1: %s is on %s with room for every sheet", id, combinedSheet)
	}
	setLedgerCells(t, ledger, map[string]map[string]string{id: {"办理状态": "推进中", "进展情况": "已召开专题会"}})

	vals = night(1, 3)
	if want := combinedSheet + "|推进中|已召开专题会"; vals[id] != want {
		t.Errorf("night 2: %s is %q, want %q", id, vals[id], want)
	}
	for _, sp := range speeches {
		if sp.DuplicateOf != 0 {
			continue
		}
		for _, tk := range sp.Tasks {
			if _, ok := vals[tk.ID]; !ok {
				t.Errorf("night 2: task %s of %s is not in the ledger", tk.ID, sp.Title)
			}
		}
	}
	sheets := map[string]bool{}
	for _, v := range vals {
		sheet, _, _ := strings.Cut(v, "|")
		sheets[sheet] = true
	}
	if len(sheets) != 4 || !sheets[combinedSheet] {
		t.Errorf("night 2: task rows on %d sheets %v, want 3 and %s", len(sheets), sheets, combinedSheet)
	}
	lb, err := openLedgerBook(ledger)
	if err != nil {
		t.Fatal(err)
	}
	if tk := lb.byID[id]; tk.Sheet != combinedSheet || tk.Title != key {
		t.Errorf("night 2: handout and collect see %s on %q of speech %q, want %q of %q", id, tk.Sheet, tk.Title, combinedSheet, key)
	}
	lb.close()
	setLedgerCells(t, ledger, map[string]map[string]string{id: {"进展情况": "已完成一半"}})

	vals = night(2, 1000)
	sheet, rest, _ := strings.Cut(vals[id], "|")
	if sheet == combinedSheet || rest != "推进中|已完成一半" {
		t.Errorf("night 3: %s is %q, want on its own sheet with 推进中|已完成一半", id, vals[id])
	}
	for k, v := range vals {
		if strings.HasPrefix(v, combinedSheet+"|") {
			t.Errorf("night 3: %s still on %s", k, combinedSheet)
		}
	}
}

// TestCombineOldest: the most recent speeches by speech date keep a sheet
// of their own, those without a date go first, ties in input order.
func TestCombineOldest(t *testing.T) {
	d := func(day int) extract.Date {
		if day == 0 {
			return extract.Date{}
		}
		return date(2010, 1, day)
	}
	l := ledger{}
	for i, day := range []int{5, 0, 9, 5, 7, 5} {
		l.Sheets = append(l.Sheets, sheet{Name: string(rune('A' + i)), Speech: speechEntry{Date: d(day)}})
	}
	combineOldest(&l, 3)
	var own string
	for _, sh := range l.Sheets {
		if !sh.Combined {
			own += sh.Name
		}
	}
	if own != "ACE" {
		t.Errorf("own sheets %s, want ACE (9th, 7th, the first of the 5th)", own)
	}
}

// TestCombinedGone: a speech on combinedSheet whose file is gone keeps its
// rows there, marked 已移出, and its line of 汇总 keeps its title.
func TestCombinedGone(t *testing.T) {
	speeches := seedSpeeches(t)
	l := buildLedger(speeches, Options{ReportDate: reportDate, MaxSheets: 3})
	var gone speechEntry
	id := ""
	for _, sh := range l.Sheets {
		if sh.Combined && len(sh.Rows) > 0 && id == "" {
			id, gone = sh.Rows[0].ID, sh.Speech
		}
	}
	ledger := filepath.Join(t.TempDir(), "ledger.xlsx")
	if err := WriteWorkbook(ledger, speeches, Options{ReportDate: reportDate, MaxSheets: 3}); err != nil {
		t.Fatal(err)
	}
	var rest []extract.Speech
	for _, sp := range speeches {
		if sp.Source != gone.Source || sp.Index != gone.Index {
			rest = append(rest, sp)
		}
	}
	if err := WriteWorkbook(ledger, rest, Options{ReportDate: reportDate.AddDays(1), MaxSheets: 3}); err != nil {
		t.Fatal(err)
	}
	if sheet, _, _ := strings.Cut(taskValues(t, ledger)[id], "|"); sheet != combinedSheet {
		t.Errorf("%s of the gone speech is on %q, want %s", id, sheet, combinedSheet)
	}
	f, err := excelize.OpenFile(ledger)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(summarySheet)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, r := range rows {
		found = found || len(r) > 1 && r[1] == gone.Title && strings.Contains(r[len(r)-1], goneNotePrefix)
	}
	if !found {
		t.Errorf("汇总 has no line for the gone speech %q", gone.Title)
	}
}

// TestSpooledAsHeld: on a first run, combinedSheet's rows made again from
// the speeches as they are read (spooledRows) make the same workbook,
// byte for byte, as rows held in memory.
func TestSpooledAsHeld(t *testing.T) {
	speeches := seedSpeeches(t)
	write := func(spool bool) []byte {
		t.Helper()
		opt := Options{ReportDate: reportDate, MaxSheets: 2}
		l, err := readLedger(SpeechesOf(speeches), opt, spool)
		if err != nil {
			t.Fatal(err)
		}
		if n := len(l.Sheets); spool != (l.speeches != nil) || n < 3 {
			t.Fatalf("spool %v: %d sheets, speeches read again %v", spool, n, l.speeches != nil)
		}
		f, lay, err := openTemplate(templates.Default(), "default.xlsx")
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		_, parts, rows, err := build(f, lay, l, nil, nil, true)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.release()
		var b bytes.Buffer
		if _, err := writePackage(&b, parts, rows); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
	if held, spooled := write(false), write(true); !bytes.Equal(held, spooled) {
		t.Errorf("spooled rows make a workbook of %d bytes, held rows one of %d, not the same", len(spooled), len(held))
	}
}
