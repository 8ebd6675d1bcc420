package report

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/speechledger/speechledger/extract"
	"github.com/xuri/excelize/v2"
)

// A unitField is a column a responsible unit fills in on its handout:
// what the reply brings back into the ledger.
type unitField struct {
	label   string   // the label in the handout and, if the ledger lacks it, the ledger
	aliases []string // other labels of the column in a ledger or a reply
	date    bool     // the value is a date
}

// unitFields are the columns a unit fills in, in handout order. 办理状态
// and 进展情况 are ledger fields; 完成日期 and 联系人 are columns staff
// keep, which collect adds to a speech sheet that lacks them and every
// later run carries forward as staff's own.
var unitFields = []unitField{
	{label: "办理状态", aliases: fieldNames[fieldStatus]},
	{label: "进展情况", aliases: fieldNames[fieldProgress]},
	{label: "完成日期", aliases: []string{"完成日期", "办结日期", "实际完成日期", "实际办结日期"}, date: true},
	{label: "联系人", aliases: []string{"联系人", "联系人及电话", "经办人", "联系方式"}},
}

// unitFieldOf returns the index in unitFields of the column labelled s.
func unitFieldOf(s string) (int, bool) {
	n := normalizeLabel(s)
	if n == "" {
		return 0, false
	}
	for i, uf := range unitFields {
		for _, a := range uf.aliases {
			if normalizeLabel(a) == n {
				return i, true
			}
		}
	}
	return 0, false
}

// A ledgerTask is one task row of a ledger's speech sheet, as handout and
// collect see it.
type ledgerTask struct {
	Sheet   string // the speech sheet
	Title   string // the speech's title
	Row     int    // 1-based row on the sheet
	ID      string
	Text    string
	Times   string
	Due     extract.Date
	Lead    []string // as written in the ledger
	Support []string
	Targets string
	// Values are the unit fields' values, by index of unitFields: text,
	// or a date as YYYY-MM-DD.
	Values [4]string
	// Also are the task's other rows: speeches that overlap share tasks,
	// and the ledger shows a shared task on each one's sheet.
	Also []ledgerPlace
}

// A ledgerPlace is a row of a speech sheet.
type ledgerPlace struct {
	Sheet string
	Row   int
}

// A ledgerBook is a ledger opened for handing out and collecting.
type ledgerBook struct {
	path   string
	data   []byte // the file as read, to detect a change before replacing it
	f      *excelize.File
	tasks  []*ledgerTask
	byID   map[string]*ledgerTask
	sheets map[string]*ledgerSheet
}

// A ledgerSheet is where a speech sheet keeps its columns.
type ledgerSheet struct {
	header  int
	lastCol int
	colOf   map[field]int
	unit    [4]int // column of each unit field, 0 if absent
}

// openLedgerBook reads the ledger at path. It fails with a
// *PreviousError when the workbook is open in another program or is not
// a ledger.
func openLedgerBook(path string) (*ledgerBook, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, err
		}
		return nil, &PreviousError{Path: path, Reason: "cannot be read", Err: err}
	}
	for _, o := range ownerFiles(path) {
		if _, err := os.Lstat(o); err == nil {
			return nil, &PreviousError{Path: path, Reason: "is open in another program (" + filepath.Base(o) +
				" exists); close it there, or delete " + o + " if no one has it open"}
		}
	}
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		return nil, &PreviousError{Path: path, Reason: "is not a readable .xlsx workbook", Err: err}
	}
	sheets := f.GetSheetList()
	if !isLedger(f, sheets) {
		f.Close()
		return nil, &PreviousError{Path: path, Reason: "was not written by speechledger (no " + summarySheet + " sheet from it)"}
	}
	lb := &ledgerBook{path: path, data: b, f: f, byID: map[string]*ledgerTask{}, sheets: map[string]*ledgerSheet{}}
	p := &previous{speeches: map[string]prevSpeech{}}
	p.readSummary(f) // a title that cannot be read is the sheet's name
	for _, name := range sheets {
		if name == summarySheet || name == logSheet || name == writtenSheet {
			continue // the record of what the program wrote names 任务编号 too
		}
		if err := lb.readSheet(name, p.speeches[name].title); err != nil {
			f.Close()
			return nil, &PreviousError{Path: path, Reason: "is damaged", Err: fmt.Errorf("sheet %s: %w", name, err)}
		}
	}
	return lb, nil
}

// readSheet reads the task rows of one speech sheet; a sheet without a
// header naming 任务编号 and 工作任务 is not one and is skipped.
func (lb *ledgerBook) readSheet(name, title string) error {
	rows, err := lb.f.GetRows(name, excelize.Options{RawCellValue: true})
	if err != nil {
		return err
	}
	sh := &ledgerSheet{}
	if sh.header, sh.colOf = taskHeader(rows); sh.header == 0 {
		return nil
	}
	cells := rows[sh.header-1]
	sh.lastCol = len(cells)
	speech := 0 // combinedSheet's column naming each row's speech
	for j, c := range cells {
		if k, ok := unitFieldOf(c); ok && sh.unit[k] == 0 {
			sh.unit[k] = j + 1
		}
		if c == combinedLabel && speech == 0 {
			speech = j + 1
		}
	}
	lb.sheets[name] = sh
	if title == "" {
		title = name
	}
	for i, raw := range rows[sh.header:] {
		get := func(col int) string {
			if col == 0 || col > len(raw) {
				return ""
			}
			return strings.TrimSpace(raw[col-1])
		}
		id := get(sh.colOf[fieldID])
		if t := lb.byID[id]; t != nil {
			t.Also = append(t.Also, ledgerPlace{name, sh.header + 1 + i})
			continue
		}
		if id == "" {
			continue
		}
		title := title
		if s := get(speech); s != "" {
			title = s
		}
		t := &ledgerTask{Sheet: name, Title: title, Row: sh.header + 1 + i, ID: id,
			Text: get(sh.colOf[fieldText]), Times: get(sh.colOf[fieldTimes]), Targets: get(sh.colOf[fieldTargets]),
			Lead: splitUnits(get(sh.colOf[fieldLead])), Support: splitUnits(get(sh.colOf[fieldSupport]))}
		if d, ok := parseDateValue(get(sh.colOf[fieldDue]), true); ok {
			t.Due = d
		}
		for k, uf := range unitFields {
			t.Values[k] = normalizeValue(get(sh.unit[k]), uf.date, true)
		}
		lb.tasks = append(lb.tasks, t)
		lb.byID[id] = t
	}
	return nil
}

// close lets go of the workbook.
func (lb *ledgerBook) close() {
	if lb != nil && lb.f != nil {
		lb.f.Close()
	}
}

// splitUnits splits a 责任单位 or 配合单位 cell into its names.
func splitUnits(s string) []string {
	var out []string
	for _, name := range strings.FieldsFunc(s, func(r rune) bool {
		return strings.ContainsRune("、，,；;\n", r)
	}) {
		if name = strings.TrimSpace(name); name != "" && !slices.Contains(out, name) {
			out = append(out, name)
		}
	}
	return out
}

// parseDateValue reads a cell that holds a date: a serial number when
// serial is true and the value is a number, or text such as 2024-05-20,
// 2024/5/20, 2024.5.20 or 2024年5月20日.
func parseDateValue(s string, serial bool) (extract.Date, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return extract.Date{}, false
	}
	if serial {
		if v, err := strconv.ParseFloat(s, 64); err == nil && v >= 1 && v < 2958466 {
			return dateOfSerial(int(v)), true
		}
	}
	r := strings.NewReplacer("年", "-", "月", "-", "日", "", "/", "-", ".", "-")
	y, rest, ok1 := strings.Cut(r.Replace(s), "-")
	m, d, ok2 := strings.Cut(rest, "-")
	if !ok1 || !ok2 {
		return extract.Date{}, false
	}
	d, _, _ = strings.Cut(strings.TrimSpace(d), " ") // a time after the date
	yn, e1 := strconv.Atoi(strings.TrimSpace(y))
	mn, e2 := strconv.Atoi(strings.TrimSpace(m))
	dn, e3 := strconv.Atoi(d)
	if e1 != nil || e2 != nil || e3 != nil || yn < 1900 || yn > 9999 {
		return extract.Date{}, false
	}
	t := time.Date(yn, time.Month(mn), dn, 0, 0, 0, 0, time.UTC)
	if t.Month() != time.Month(mn) || t.Day() != dn {
		return extract.Date{}, false
	}
	return extract.NewDate(yn, time.Month(mn), dn), true
}

// normalizeValue returns a unit field's value as handout and collect
// compare it: trimmed text, or a date as YYYY-MM-DD when the field holds
// dates and s reads as one (serial tells whether a number is a date
// serial). Text that is not a date is kept as it is.
func normalizeValue(s string, date, serial bool) string {
	s = strings.TrimSpace(strings.ReplaceAll(s, "\r\n", "\n"))
	if !date {
		return s
	}
	if d, ok := parseDateValue(s, serial); ok {
		return d.String()
	}
	return s
}
