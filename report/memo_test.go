package report

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/speechledger/speechledger/extract"
	"github.com/xuri/excelize/v2"
)

const testBuild = "test-build"

// A night is one run of a memo test: the speeches, the report date's day
// in January 2010, and what staff do to the workbook before it.
type night struct {
	speeches []extract.Speech
	day      int
	edit     func(t *testing.T, path string)
	reused   int // speech sheets the run should take whole from the previous workbook; -1 for all
	rowsOnly int // those whose rows only it should take; -1 for all
	// maxSheets is Options.MaxSheets.
	maxSheets int
}

// twinRuns runs each night on two workbooks in dir, one kept with a memo
// in dir/cache and one without, and checks that they stay byte for byte
// the same, that each run reuses the sheets it should, and that the memo
// reads every sheet as the fast reader does.
func twinRuns(t *testing.T, dir, template string, nights []night) {
	t.Helper()
	memoDir := filepath.Join(dir, "cache")
	with, without := filepath.Join(dir, "with.xlsx"), filepath.Join(dir, "without.xlsx")
	for i, n := range nights {
		opt := Options{ReportDate: date(2010, 1, n.day), Template: template, Inputs: []string{"fixtures"}, MaxSheets: n.maxSheets}
		if n.edit != nil {
			n.edit(t, with)
			n.edit(t, without)
		}
		plain, err := Update(without, n.speeches, opt)
		if err != nil {
			t.Fatalf("night %d without memo: %v", i+1, err)
		}
		opt.MemoDir, opt.Build = memoDir, testBuild
		st, err := Update(with, n.speeches, opt)
		if err != nil {
			t.Fatalf("night %d with memo: %v", i+1, err)
		}
		a, _ := os.ReadFile(with)
		b, _ := os.ReadFile(without)
		if !bytes.Equal(a, b) {
			t.Fatalf("night %d: the workbook written with the memo differs from the one without", i+1)
		}
		if !count(st.Reused, n.reused, st.Sheets) || !count(st.RowsOnly, n.rowsOnly, st.Sheets) || plain.Reused+plain.RowsOnly != 0 {
			t.Errorf("night %d: %d of %d sheets reused, %d their rows (%d, %d without memo), want %d, %d",
				i+1, st.Reused, st.Sheets, st.RowsOnly, plain.Reused, plain.RowsOnly, n.reused, n.rowsOnly)
		}
		checkMemo(t, memoDir, a)
	}
}

// count reports whether got is want, or all when want is -1.
func count(got, want, all int) bool {
	return got == want || want == -1 && got == all
}

// checkMemo checks that the memo of workbook data holds every speech
// sheet but combinedSheet and reads its rows as the fast reader reads
// them from the sheet.
func checkMemo(t *testing.T, dir string, data []byte) {
	t.Helper()
	m := loadMemo(dir, testBuild, shaOf(data))
	if m == nil {
		t.Fatal("no memo kept for the workbook")
	}
	if m.Skeleton == nil {
		t.Error("the memo keeps no skeleton of a speech sheet")
	}
	rr, err := newRawReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range rr.Sheets() {
		ms := m.sheet(name)
		if name == summarySheet || name == logSheet || name == writtenSheet || name == combinedSheet {
			if ms != nil {
				t.Errorf("the memo holds sheet %s", name)
			}
			continue
		}
		if ms == nil {
			t.Errorf("the memo lacks sheet %s", name)
			continue
		}
		p, err := rr.Rows(name)
		if err != nil {
			t.Fatal(err)
		}
		if got, want := ms.rows(), p.Rows; !reflect.DeepEqual(got, want) {
			t.Errorf("sheet %s: the memo reads\n%q\nthe sheet holds\n%q", name, got, want)
		}
	}
}

// setCell returns an edit that sets the cell of task id under label in
// the workbook, as staff do in another program.
func setCell(label, id, value string) func(*testing.T, string) {
	return func(t *testing.T, path string) {
		f := openWorkbook(t, path)
		defer f.Close()
		g := readGrid(t, f, "在全县教育工作会议上的讲话")
		g.set(t, label, id, value)
		if err := f.SaveAs(path); err != nil {
			t.Fatal(err)
		}
	}
}

// A rerun with nothing changed takes every speech sheet from the previous
// workbook, a new report date none (their title rows show it) but their
// rows; a workbook staff changed, nothing; a rerun after a change, the
// sheets it left alone; and the workbook always comes out as it would
// without the memo.
func TestMemoReuse(t *testing.T) {
	for _, tc := range []struct{ name, template, status string }{
		{"default", "", "办理状态"},
		{"example", "../templates/example.xlsx", "状态"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			first, later := fixtureSpeeches(), nightlySpeeches()
			status := setCell(tc.status, "t-a2", "推进中")
			twinRuns(t, t.TempDir(), tc.template, []night{
				{speeches: first, day: 15},
				{speeches: first, day: 15, reused: -1},
				{speeches: first, day: 16, rowsOnly: -1},
				{speeches: first, day: 16, reused: -1},
				{speeches: first, day: 16, edit: status},
				{speeches: first, day: 16, reused: -1},
				{speeches: later, day: 17, rowsOnly: 2},
				{speeches: later, day: 17, reused: -1},
				{speeches: first, day: 17, reused: 2},
			})
		})
	}
}

// The seeds, a compilation's worth of speeches, come out the same with
// the memo: first the same day, then the next.
func TestMemoSeeds(t *testing.T) {
	speeches := seedSpeeches(t)
	twinRuns(t, t.TempDir(), "", []night{
		{speeches: speeches, day: 15},
		{speeches: speeches, day: 15, reused: -1},
		{speeches: speeches, day: 16, rowsOnly: -1},
	})
}

// A ledger with combinedSheet comes out the same with the memo, which
// keeps every speech sheet but combinedSheet: that is written afresh
// each run, with what staff typed into it.
func TestMemoCombined(t *testing.T) {
	speeches := seedSpeeches(t)
	// status sets 办理状态 and 备注 of the last task row of combinedSheet.
	status := func(t *testing.T, path string) {
		f := openWorkbook(t, path)
		defer f.Close()
		g := readGrid(t, f, combinedSheet)
		last, id := 0, ""
		for k, n := range g.rowOf {
			if n > last {
				last, id = n, k
			}
		}
		g.set(t, "办理状态", id, "推进中")
		g.set(t, "备注", id, 17)
		if err := f.SaveAs(path); err != nil {
			t.Fatal(err)
		}
	}
	twinRuns(t, t.TempDir(), "", []night{
		{speeches: speeches, day: 15, maxSheets: 2},
		{speeches: speeches, day: 15, maxSheets: 2, reused: 2},
		{speeches: speeches, day: 16, maxSheets: 2, rowsOnly: 2},
		{speeches: speeches, day: 16, maxSheets: 2, edit: status},
		{speeches: speeches, day: 16, maxSheets: 2, reused: 2},
	})
}

// A memo whose styles or shared strings are not those the new workbook
// gets is found out before anything is written, and every sheet is
// written afresh; a memo of another build or template, a damaged one, or
// another workbook's, is not used.
func TestMemoStale(t *testing.T) {
	for _, tc := range []struct {
		name   string
		spoil  func(*memo)
		cut    bool // keep half of the memo's file
		flip   bool // flip a bit in the middle of the memo's file
		other  bool // seal it for another workbook: a memo swapped with another
		reused int
	}{
		{"cut short", func(*memo) {}, true, false, false, 0},
		{"bit flipped", func(*memo) {}, false, true, false, 0},
		{"another workbook's", func(*memo) {}, false, false, true, 0},
		{"styles", func(m *memo) { m.Styles[0] ^= 1 }, false, false, false, 0},
		{"shared strings", func(m *memo) { m.Shared = append(slices.Clone(m.Shared), "x") }, false, false, false, 0},
		{"other build", func(m *memo) { m.Build = "other" }, false, false, false, 0},
		{"other template", func(m *memo) { m.Template[0] ^= 1 }, false, false, false, 0},
		{"sound", func(*memo) {}, false, false, false, -1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			speeches := fixtureSpeeches()
			dir := t.TempDir()
			memoDir := filepath.Join(dir, "cache")
			spoilt := false
			spoil := func(t *testing.T, path string) {
				if spoilt {
					return // the twin: the same workbook, the same memo
				}
				spoilt = true
				data, err := os.ReadFile(path)
				if err != nil {
					t.Fatal(err)
				}
				m := loadMemo(memoDir, testBuild, shaOf(data))
				if m == nil {
					t.Fatal("no memo to spoil")
				}
				tc.spoil(m)
				sum := sha256.Sum256(data)
				key := sum
				if tc.other {
					key[0] ^= 1
				}
				var buf bytes.Buffer
				if err := sealMemo(&buf, m, key[:]); err != nil {
					t.Fatal(err)
				}
				b := buf.Bytes()
				if tc.cut {
					b = b[:len(b)/2]
				}
				if tc.flip {
					b[len(b)/2] ^= 0x10
				}
				if err := os.WriteFile(memoPath(memoDir, sum[:]), b, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			twinRuns(t, dir, "", []night{
				{speeches: speeches, day: 15},
				{speeches: speeches, day: 15, reused: tc.reused, edit: spoil},
			})
		})
	}
}

// rowsKey tells apart rows that differ in any field.
func TestRowsKeyFields(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	w := newRowWriter(f, styleCache{})
	lay := &layout{headerRow: 3, cols: []layoutCol{{col: 1, field: fieldText, known: true}, {col: 2, label: "督办领导"}}}
	var base row
	key := func(r row) [32]byte {
		k, err := w.rowsKey(&sheet{lay: lay, Rows: []row{r}})
		if err != nil {
			t.Fatal(err)
		}
		return k
	}
	want := key(base)
	rt := reflect.TypeFor[row]()
	for i := range rt.NumField() {
		r := base
		v := reflect.ValueOf(&r).Elem().Field(i)
		switch fd := rt.Field(i); fd.Name {
		case "Due":
			r.Due = date(2010, 6, 30)
		case "Marks":
			r.Marks = []mark{{Start: 0, End: 1, Kind: markBody}}
		case "Cells":
			r.Cells.set(2, carriedCell{kind: cellText, value: "张副县长"})
		case "Proposed", "ExtractedID", "Home":
			continue // recorded in writtenSheet, not written into the rows
		case "Units":
			continue // counted in 汇总, not written into the rows
		default:
			switch v.Kind() {
			case reflect.String:
				v.SetString("x")
			case reflect.Int:
				v.SetInt(7)
			case reflect.Float64:
				v.SetFloat(1.5)
			case reflect.Bool:
				v.SetBool(true)
			default:
				t.Fatalf("field %s of kind %s: teach this test to change it", fd.Name, v.Kind())
			}
		}
		if key(r) == want {
			t.Errorf("changing %s leaves the rows' key as it was", rt.Field(i).Name)
		}
	}
}

// shaOf returns the SHA-256 of b, as a memo is named by.
func shaOf(b []byte) []byte {
	s := sha256.Sum256(b)
	return s[:]
}

// A keyWriter's digest is the SHA-256 of all its values' bytes, however
// many times its buffer filled.
func TestKeyWriterLong(t *testing.T) {
	var k keyWriter
	var all []byte
	for i := range 20000 {
		s := strings.Repeat("任务", i%7)
		k.str(s)
		k.int(i)
		all = binary.AppendUvarint(all, uint64(len(s)))
		all = append(all, s...)
		all = binary.AppendVarint(all, int64(i))
	}
	if len(all) < 2*keyBuffer {
		t.Fatalf("%d bytes: the buffer never fills twice", len(all))
	}
	if got, want := k.sum(), sha256.Sum256(all); got != want {
		t.Errorf("digest %x, want %x", got, want)
	}
}
