package report

import (
	"bytes"
	"cmp"
	"fmt"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/speechledger/speechledger/extract"
	"github.com/speechledger/speechledger/internal/atomicfile"
	"github.com/xuri/excelize/v2"
)

// CollectOptions configure Collect.
type CollectOptions struct {
	Date      extract.Date             // the day the replies are collected, for 变更记录
	Canonical func(name string) string // as HandoutOptions.Canonical
}

// A Merged is a value of a reply that Collect wrote into the ledger.
type Merged struct {
	File  string // the reply
	Unit  string
	ID    string // 任务编号
	Field string // the column's label
	Old   string // the ledger's value before, "" for none
	New   string // dates as YYYY-MM-DD
}

// A ProblemKind says what is wrong with a reply's row or value.
type ProblemKind int

// Problems Collect reports and does not merge.
const (
	ProblemFile         ProblemKind = iota // the file cannot be read or is no handout (Detail says why)
	ProblemAddedRow                        // a row without 任务编号 that the unit added
	ProblemUnknownID                       // a 任务编号 neither on the handout nor in the ledger
	ProblemWrongUnit                       // a task the ledger gives to other units
	ProblemNotHanded                       // a task of the ledger and the unit, but not on this handout
	ProblemConflict                        // replies that give one task's field different values
	ProblemStaffChanged                    // staff changed the ledger's value since the handout
	ProblemOtherLedger                     // a handout of another ledger
)

// A Problem is what Collect found wrong in a reply and did not merge.
type Problem struct {
	Kind   ProblemKind
	File   string
	Row    int // on the reply's sheet, 0 for none
	Unit   string
	ID     string
	Field  string
	Values []string // ProblemConflict: the values, each "unit（file）：value"; ProblemStaffChanged: ledger, reply
	Detail string   // ProblemFile: what is wrong; ProblemWrongUnit: the ledger's units; ProblemOtherLedger: its ledger
}

// A CollectResult is what Collect did.
type CollectResult struct {
	Replies  int // replies read
	Merged   []Merged
	Problems []Problem
}

// A reply is a unit's returned handout as collect reads it.
type reply struct {
	file   string
	unit   string
	ledger string
	date   extract.Date
	labels []string            // the handout sheet's columns, in order
	base   map[string]*metaRow // the tasks handed out, by 任务编号
	rows   []replyRow
}

// A metaRow is a task as the handout recorded it.
type metaRow struct {
	id, sheet, role string
	values          [4]string
}

// A replyRow is a row of a reply's task sheet.
type replyRow struct {
	n      int
	id     string
	values [4]string
	has    [4]bool // the column was found
}

// Collect merges the replies (handouts filled in by units) into the
// ledger at ledgerPath by 任务编号: the unit fields a reply changed since
// its handout are written into the ledger, each with a line in 变更记录.
// What cannot be merged safely is reported and left: rows the unit
// added, unknown tasks, tasks of other units, replies that disagree, and
// values staff changed in the ledger since the handout (a reply does not
// overwrite them). The ledger is replaced atomically, and only when a
// value is merged.
func Collect(ledgerPath string, replies []string, opt CollectOptions) (CollectResult, error) {
	var res CollectResult
	if opt.Date.IsZero() {
		return res, fmt.Errorf("no date")
	}
	lb, err := openLedgerBook(ledgerPath)
	if err != nil {
		return res, err
	}
	defer lb.close()
	unitsOf := ledgerUnits(lb.tasks, opt.Canonical)
	type key struct {
		id string
		k  int
	}
	type cand struct {
		r     *reply
		value string
		base  string
	}
	cands := map[key][]cand{}
	for _, path := range replies {
		r, err := readReply(path)
		if err != nil {
			res.Problems = append(res.Problems, Problem{Kind: ProblemFile, File: path, Detail: err.Error()})
			continue
		}
		res.Replies++
		if r.ledger != "" && !strings.EqualFold(r.ledger, filepath.Base(ledgerPath)) {
			res.Problems = append(res.Problems, Problem{Kind: ProblemOtherLedger, File: path, Unit: r.unit, Detail: r.ledger})
		}
		for _, row := range r.rows {
			p := Problem{File: path, Row: row.n, Unit: r.unit, ID: row.id}
			t, inLedger := lb.byID[row.id]
			m, handed := r.base[row.id]
			switch {
			case row.id == "":
				p.Kind = ProblemAddedRow
			case inLedger && !slices.Contains(unitsOf[t], r.unit):
				p.Kind, p.Detail = ProblemWrongUnit, strings.Join(unitsOf[t], "、")
			case !inLedger:
				p.Kind = ProblemUnknownID
			case !handed:
				p.Kind = ProblemNotHanded
			default:
				for k := range unitFields {
					if v := row.values[k]; row.has[k] && v != "" && v != m.values[k] {
						cands[key{row.id, k}] = append(cands[key{row.id, k}], cand{r, v, m.values[k]})
					}
				}
				continue
			}
			res.Problems = append(res.Problems, p)
		}
	}
	var keys []key
	for k := range cands {
		keys = append(keys, k)
	}
	order := map[string]int{}
	for i, t := range lb.tasks {
		order[t.ID] = i
	}
	slices.SortFunc(keys, func(a, b key) int { return cmp.Or(cmp.Compare(order[a.id], order[b.id]), cmp.Compare(a.k, b.k)) })
	for _, k := range keys {
		cs := cands[k]
		t := lb.byID[k.id]
		field := unitFields[k.k].label
		if slices.ContainsFunc(cs, func(o cand) bool { return o.value != cs[0].value }) {
			var values []string
			for _, c := range cs {
				values = append(values, c.r.unit+"（"+filepath.Base(c.r.file)+"）："+c.value)
			}
			res.Problems = append(res.Problems, Problem{Kind: ProblemConflict, File: cs[0].r.file, ID: k.id, Field: field, Values: values})
			continue
		}
		c := cs[0]
		cur := t.Values[k.k]
		switch {
		case cur == c.value:
			continue
		case cur != c.base:
			res.Problems = append(res.Problems, Problem{Kind: ProblemStaffChanged, File: c.r.file, Unit: c.r.unit, ID: k.id, Field: field, Values: []string{cur, c.value}})
			continue
		}
		res.Merged = append(res.Merged, Merged{File: c.r.file, Unit: c.r.unit, ID: k.id, Field: field, Old: cur, New: c.value})
	}
	if len(res.Merged) == 0 {
		return res, nil
	}
	if err := lb.apply(res.Merged, opt.Date); err != nil {
		return res, fmt.Errorf("write %s: %w", ledgerPath, err)
	}
	return res, nil
}

// ledgerUnits returns the units each task is handed out to, grouped as
// Handout groups them.
func ledgerUnits(tasks []*ledgerTask, canonical func(string) string) map[*ledgerTask][]string {
	units := map[*ledgerTask][]string{}
	for u, ts := range groupTasks(tasks, HandoutOptions{Canonical: canonical}) {
		for _, t := range ts {
			units[t.ledgerTask] = append(units[t.ledgerTask], u)
		}
	}
	return units
}

// readReply reads a returned handout: its 交办信息 sheet, found by the
// mark in its first cell whatever the sheet is called now, and the task
// sheet, found by its header row. Columns are found by their labels; a
// column renamed is found by its place among the handout's columns.
func readReply(path string) (*reply, error) {
	f, err := excelize.OpenFile(path)
	if err != nil {
		return nil, fmt.Errorf("not a readable .xlsx workbook: %w", err)
	}
	defer f.Close()
	r := &reply{file: path, base: map[string]*metaRow{}}
	sheets := f.GetSheetList()
	var meta string
	for _, s := range sheets {
		if v, _ := f.GetCellValue(s, "A1"); strings.HasPrefix(strings.TrimSpace(v), "speechledger 交办信息") {
			meta = s
			break
		}
	}
	if meta == "" {
		return nil, fmt.Errorf("no %s sheet: not a handout speechledger wrote, or the sheet was deleted", handoutMetaSheet)
	}
	if err := r.readMeta(f, meta); err != nil {
		return nil, fmt.Errorf("sheet %s: %w", meta, err)
	}
	for _, s := range sheets {
		if s == meta {
			continue
		}
		ok, err := r.readTasks(f, s)
		if err != nil {
			return nil, fmt.Errorf("sheet %s: %w", s, err)
		}
		if ok {
			return r, nil
		}
	}
	return nil, fmt.Errorf("no sheet with the handout's header row (%s)", strings.Join(r.labels, "、"))
}

// readMeta reads the 交办信息 sheet.
func (r *reply) readMeta(f *excelize.File, sheet string) error {
	rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		return err
	}
	cell := func(row []string, i int) string {
		if i < len(row) {
			return strings.TrimSpace(row[i])
		}
		return ""
	}
	table := false
	for _, row := range rows[1:] {
		k, v := cell(row, 0), cell(row, 1)
		if table {
			if k == "" {
				continue
			}
			m := &metaRow{id: k, sheet: v, role: cell(row, 2)}
			for i, uf := range unitFields {
				m.values[i] = normalizeValue(cell(row, 3+i), uf.date, true)
			}
			r.base[k] = m
			continue
		}
		switch k {
		case "台账":
			r.ledger = v
		case "单位":
			r.unit = v
		case "交办日期":
			r.date, _ = parseDateValue(v, true)
		case "表头":
			r.labels = strings.Split(v, "|")
		case handoutMetaCols[0]:
			table = true
		}
	}
	if r.unit == "" || len(r.labels) == 0 || !table {
		return fmt.Errorf("damaged (no unit, header or task table)")
	}
	return nil
}

// readTasks reads the rows of sheet if it is the task sheet: it has a
// row, among the first headerSearchRows, where at least half the
// handout's columns are found in their places or by their labels.
func (r *reply) readTasks(f *excelize.File, sheet string) (bool, error) {
	rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		return false, err
	}
	header, cols := 0, []int(nil)
	for i, row := range rows[:min(len(rows), headerSearchRows)] {
		if c, n := r.columns(row); n*2 >= len(r.labels) && n >= 2 {
			header, cols = i+1, c
			break
		}
	}
	if header == 0 {
		return false, nil
	}
	idCol := cols[slices.Index(r.labels, handoutMetaCols[0])]
	var unitCols [4]int
	for j, l := range r.labels {
		if k, ok := unitFieldOf(l); ok {
			unitCols[k] = cols[j]
		}
	}
	for i, row := range rows[header:] {
		if isBlankRow(row) {
			continue
		}
		get := func(col int) string {
			if col == 0 || col > len(row) {
				return ""
			}
			return row[col-1]
		}
		rr := replyRow{n: header + 1 + i, id: strings.TrimSpace(get(idCol))}
		for k, uf := range unitFields {
			if unitCols[k] == 0 {
				continue
			}
			rr.has[k] = true
			rr.values[k] = normalizeValue(get(unitCols[k]), uf.date, true)
		}
		r.rows = append(r.rows, rr)
	}
	return true, nil
}

// columns maps the handout's columns to the columns of a candidate header
// row: by label where one matches, else by place when the label in that
// place is no other column's. n counts the labels found by their text.
func (r *reply) columns(row []string) (cols []int, n int) {
	cols = make([]int, len(r.labels))
	taken := map[int]bool{}
	for j, l := range r.labels {
		for c, v := range row {
			if normalizeLabel(v) == normalizeLabel(l) && !taken[c+1] {
				cols[j], taken[c+1] = c+1, true
				n++
				break
			}
		}
	}
	for j := range r.labels {
		if cols[j] == 0 && j < len(row) && !taken[j+1] && strings.TrimSpace(row[j]) != "" {
			cols[j], taken[j+1] = j+1, true
		}
	}
	return cols, n
}

// apply writes the merged values into the ledger and a line for each into
// 变更记录, and replaces the ledger, after a check that it did not change
// since it was read.
func (lb *ledgerBook) apply(merged []Merged, date extract.Date) error {
	f := lb.f
	dateStyles := map[int]int{}
	for _, m := range merged {
		t := lb.byID[m.ID]
		k := slices.IndexFunc(unitFields, func(uf unitField) bool { return uf.label == m.Field })
		for _, pl := range append([]ledgerPlace{{t.Sheet, t.Row}}, t.Also...) {
			if err := lb.set(pl, k, m.New, dateStyles); err != nil {
				return err
			}
		}
	}
	if err := lb.logMerges(merged, date); err != nil {
		return err
	}
	return saveWorkbook(f, lb.path, atomicfile.Options{BeforeRename: func() error {
		was, err := sumOf(bytes.NewReader(lb.data))
		if err != nil {
			return err
		}
		return unchanged(lb.path, was, "the replies were collected")
	}})
}

// set writes value into unit field k of the task row at pl: text, or a
// date serial in a date style, made from the cell's own by dateStyles.
func (lb *ledgerBook) set(pl ledgerPlace, k int, value string, dateStyles map[int]int) error {
	f := lb.f
	col, err := lb.column(pl.Sheet, lb.sheets[pl.Sheet], k)
	if err != nil {
		return err
	}
	cell := cellName(col, pl.Row)
	d, err := extract.ParseDate(value)
	if !unitFields[k].date || err != nil { // text that is no date stays text
		return f.SetCellStr(pl.Sheet, cell, value)
	}
	if err := f.SetCellInt(pl.Sheet, cell, excelSerial(d)); err != nil {
		return err
	}
	id, err := f.GetCellStyle(pl.Sheet, cell)
	if err != nil {
		return err
	}
	ds, ok := dateStyles[id]
	if !ok {
		st := &excelize.Style{}
		if id != 0 {
			if st, err = f.GetStyle(id); err != nil {
				return err
			}
		}
		st.NumFmt, st.CustomNumFmt = 0, ptr("yyyy-mm-dd")
		if ds, err = f.NewStyle(st); err != nil {
			return err
		}
		dateStyles[id] = ds
	}
	return f.SetCellStyle(pl.Sheet, cell, cell, ds)
}

// column returns the column of unit field k on a speech sheet, adding it
// after the last column, in the header's style, when the sheet has none:
// a column staff keep, which later runs carry forward.
func (lb *ledgerBook) column(sheet string, sh *ledgerSheet, k int) (int, error) {
	if sh.unit[k] != 0 {
		return sh.unit[k], nil
	}
	f := lb.f
	sh.lastCol++
	col := sh.lastCol
	cell := cellName(col, sh.header)
	if err := f.SetCellStr(sheet, cell, unitFields[k].label); err != nil {
		return 0, err
	}
	style, err := f.GetCellStyle(sheet, cellName(col-1, sh.header))
	if err != nil {
		return 0, err
	}
	if err := f.SetCellStyle(sheet, cell, cell, style); err != nil {
		return 0, err
	}
	name, _ := excelize.ColumnNumberToName(col)
	if err := f.SetColWidth(sheet, name, name, 12); err != nil {
		return 0, err
	}
	sh.unit[k] = col
	return col, nil
}

// logMerges adds to 变更记录 a line for each merged value: the day, the
// reply, and in 说明 the unit, the task, the column, the old value and the
// new.
func (lb *ledgerBook) logMerges(merged []Merged, date extract.Date) error {
	f := lb.f
	rows, err := f.GetRows(logSheet, excelize.Options{RawCellValue: true})
	if err != nil {
		return err
	}
	last, seq := logHeaderRow, 0
	for i, r := range rows {
		if len(r) > 0 && isDigits(r[0]) {
			last, seq = i+1, max(seq, atoi(r[0]))
		}
	}
	styles := make([]int, len(logCols))
	for j := range logCols {
		if styles[j], err = f.GetCellStyle(logSheet, cellName(j+1, last)); err != nil {
			return err
		}
	}
	sc := &sheetCells{f: f, sheet: logSheet}
	for i, m := range merged {
		n := last + 1 + i
		old := m.Old
		if old == "" {
			old = "（空）"
		}
		note := fmt.Sprintf("反馈合并：%s｜%s｜%s：%s → %s", m.Unit, m.ID, m.Field, old, m.New)
		values := []any{seq + 1 + i, int(excelSerial(date)), filepath.Base(m.File), nil, 1, nil, nil, 1, nil, cleanText(note)}
		for j, v := range values {
			sc.set(cellName(j+1, n), v, styles[j])
		}
	}
	return sc.err
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}
