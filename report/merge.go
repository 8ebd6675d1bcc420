package report

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"github.com/speechledger/speechledger/extract"
)

// Stats says what one run did to the ledger, for the change log and the
// command's summary line.
type Stats struct {
	Speeches int    // speeches in the input, duplicates included
	Sheets   int    // speech sheets, those of removed speeches included
	Tasks    int    // tasks in the input that have a row
	New      int    // tasks not in the previous workbook (all of them on a first run)
	Removed  int    // tasks marked 已移出 by this run
	Changed  int    // tasks whose extracted fields changed since the previous workbook
	Carried  int    // cells staff filled, carried forward from the previous workbook
	Overdue  int    // tasks past due and not 已办结 as of the report date
	Reused   int    // speech sheets taken as they were from the previous workbook
	RowsOnly int    // speech sheets whose task rows only were taken from it
	First    bool   // there was no previous workbook
	Backup   string // the backup made of the previous workbook, "" if none
	// Kept counts the cells of extracted fields staff corrected, kept
	// over the extraction (see writtenSheet); Proposed those of them
	// whose extraction now says something else, shown in 核对提示.
	Kept     int
	Proposed int
	// Matched counts the tasks whose id changed with their sentence,
	// matched to their previous row by text and position.
	Matched int
	// Notes say, for the change log, what staff should know of the run:
	// the corrections kept over a different extraction, the rows matched,
	// a record or change log that was missing.
	Notes []string
}

// An extraCol is a column staff added to a speech sheet. The run keeps it
// with its header, cells, width and place: after the same column of the
// layout as before.
type extraCol struct {
	after  int // the column of the layout it follows, 0 for none
	pos    int // 1-based column in the sheet
	header carriedCell
	width  float64
	hidden bool
	// likeHeader gives the header the look of the header cell after it:
	// the column is the program's, not staff's (see collapse).
	likeHeader bool
}

// merge carries the previous workbook p forward into l, laid out by lay:
// staff cells by task id, tasks no longer in the input kept and marked
// 已移出, new tasks marked 新增, sheets of speeches whose file is gone kept.
// It returns what changed. With p nil it only counts.
func merge(l *ledger, p *previous, lay *layout) Stats {
	st := Stats{First: p == nil}
	for i := range l.Sheets {
		l.Sheets[i].lay = lay
	}
	if p == nil {
		for i := range l.Sheets {
			st.New += l.Sheets[i].rowCount()
		}
		l.count(&st)
		return st
	}
	date := l.ReportDate
	pairs := pairSheets(l.Sheets, p.sheets)
	used := map[string]bool{strings.ToLower(summarySheet): true, strings.ToLower(logSheet): true}
	for _, sh := range l.Sheets {
		used[strings.ToLower(sh.Name)] = true
	}
	paired := make([]bool, len(p.sheets))
	for i := range l.Sheets {
		sh := &l.Sheets[i]
		j, ok := pairs[i]
		if !ok {
			for k := range sh.Rows {
				sh.Rows[k].Change = formatChange(changeNew, date)
				st.New++
			}
			continue
		}
		paired[j] = true
		carrySheet(sh, p.sheets[j], p, lay, date, &st)
	}
	for j, old := range p.sheets {
		if paired[j] {
			continue
		}
		name := old.name
		for n := 2; used[strings.ToLower(name)]; n++ {
			name = truncateName(old.name, "("+strconv.Itoa(n)+")")
		}
		used[strings.ToLower(name)] = true
		ps := p.speech(old.name)
		sh := sheet{Name: name, Gone: true, Combined: old.combined, Speech: speechEntry{
			Sheet: name, Title: ps.title, Source: ps.source, Date: ps.date, Gone: true,
		}}
		carrySheet(&sh, old, p, lay, date, &st)
		gone := date
		for _, r := range sh.Rows {
			if mark, d, ok := parseChange(r.Change); ok && mark == changeRemoved && d.Before(gone) {
				gone = d
			}
		}
		if len(sh.Rows) == 0 {
			if _, d, ok := parseChange(strings.TrimPrefix(ps.note, goneNotePrefix)); ok {
				gone = d
			}
		}
		sh.Speech.Note = goneNotePrefix + formatChange(changeRemoved, gone)
		l.Sheets = append(l.Sheets, sh)
		l.Speeches = append(l.Speeches, sh.Speech)
	}
	l.count(&st)
	st.Notes = append(staffNotes(p, &st), st.Notes...)
	return st
}

// goneNotePrefix opens the summary's note on a speech whose file is gone.
const goneNotePrefix = "讲话已不在输入中："

// count fills in the per-speech counts of new and removed tasks, the
// totals and the counts of st that follow from the ledger.
func (l *ledger) count(st *Stats) {
	st.Speeches = 0
	for _, e := range l.Speeches {
		if !e.Gone {
			st.Speeches++
		}
	}
	l.Totals.New, l.Totals.Removed = 0, 0
	entry := map[string]int{} // sheet name -> index in l.Speeches
	for k, e := range l.Speeches {
		if e.Sheet != "" {
			entry[e.Sheet] = k
		}
	}
	for i := range l.Sheets {
		sh := &l.Sheets[i]
		sh.Speech.New, sh.Speech.Removed = 0, 0
		for _, r := range sh.Rows { // spooled rows are all new

			mark, d, ok := parseChange(r.Change)
			switch {
			case r.Removed:
				sh.Speech.Removed++
			case ok && mark != changeRemoved && d == l.ReportDate:
				sh.Speech.New++
			}
		}
		if st.First {
			sh.Speech.New = sh.Speech.Tasks
		}
		l.Totals.New += sh.Speech.New
		l.Totals.Removed += sh.Speech.Removed
		if k, ok := entry[sh.Name]; ok {
			l.Speeches[k].New, l.Speeches[k].Removed = sh.Speech.New, sh.Speech.Removed
		}
	}
	st.Sheets = len(l.Sheets)
	st.Tasks = l.Totals.Tasks
	st.Overdue = l.Totals.Overdue
}

// pairSheets pairs new sheets with the previous sheets of the same speech:
// most task ids in common first, then the same name. It maps the index of
// a new sheet to the index of its previous sheet.
func pairSheets(sheets []sheet, old []*prevSheet) map[int]int {
	where := map[string][]int{} // task id -> new sheets
	for i, sh := range sheets {
		for _, r := range sh.Rows {
			where[r.ID] = append(where[r.ID], i)
		}
	}
	type pair struct{ n, o, common int }
	var pairs []pair
	for j, o := range old {
		common := map[int]int{}
		for _, r := range o.rows {
			if r.id == "" {
				continue
			}
			for _, i := range where[r.id] {
				common[i]++
			}
		}
		for i, c := range common {
			pairs = append(pairs, pair{i, j, c})
		}
	}
	slices.SortFunc(pairs, func(a, b pair) int {
		return cmp.Or(cmp.Compare(b.common, a.common), cmp.Compare(a.o, b.o), cmp.Compare(a.n, b.n))
	})
	out := map[int]int{}
	oldUsed := map[int]bool{}
	for _, p := range pairs {
		if _, ok := out[p.n]; ok || oldUsed[p.o] {
			continue
		}
		out[p.n], oldUsed[p.o] = p.o, true
	}
	for i, sh := range sheets {
		if _, ok := out[i]; ok {
			continue
		}
		for j, o := range old {
			if !oldUsed[j] && strings.EqualFold(o.name, sh.Name) {
				out[i], oldUsed[j] = j, true
				break
			}
		}
	}
	return out
}

// carrySheet carries the previous sheet old of the previous workbook p
// into sh: the columns staff added, the cells they filled or corrected
// by task id, the tasks gone from the input and the rows without a task
// id, each after the row it followed. New tasks whose sentence changed
// take the id of their previous row first (see matchRows).
func carrySheet(sh *sheet, old *prevSheet, p *previous, lay *layout, date extract.Date, st *Stats) {
	colMap, extras := mapColumns(old, lay)
	sh.lay = lay.withExtras(extras)
	sh.Extras = extras
	newCol := func(c int) int { // old column -> column in the new sheet
		switch v := colMap[c]; {
		case v > 0:
			return sh.lay.shift(v)
		case v < 0:
			return extras[-v-1].pos
		}
		return 0
	}

	if !sh.Gone {
		matchRows(sh, old, p, st)
	}
	byID := map[string]*prevRow{}
	live := map[string]bool{}
	for k := range sh.Rows {
		live[sh.Rows[k].ID] = true
	}
	// Rows kept from the previous sheet, by the id of the live row they
	// follow ("" for those above every live row).
	after := map[string][]row{}
	last := ""
	for k := range old.rows {
		r := &old.rows[k]
		if r.id != "" && byID[r.id] == nil && live[r.id] {
			byID[r.id] = r
			last = r.id
			continue
		}
		var kept row
		if r.id == "" || byID[r.id] != nil {
			// A row staff added, or a copy of a task row: kept as it was.
			kept.Verbatim = true
			kept.Height = r.height
			for _, c := range r.cells {
				if nc := newCol(c.col); nc != 0 {
					kept.Cells.set(nc, c.cc)
				}
			}
			for _, c := range old.cols {
				if c.known && !staffField(c.field) && c.col <= len(r.raw) && r.raw[c.col-1] != "" {
					if nc := sh.lay.colOf[c.field]; nc != 0 {
						if _, ok := kept.Cells.get(nc); !ok {
							kept.Cells.add(nc, carriedCell{kind: kindOf(c.field, r.raw[c.col-1]), value: r.raw[c.col-1]})
						}
					}
				}
			}
			st.Carried += len(r.cells)
		} else {
			byID[r.id] = r
			kept = removedRow(old, r, date, st)
			if staffHeight(sh.lay, r.height) {
				kept.Height = r.height
			}
			kept.Proposed = p.written.lookup(old.name, r.id)
			for _, fd := range []field{fieldStatus, fieldProgress, fieldNote} {
				if cc, ok := r.cells.get(old.colOf[fd]); ok && ownCell(cc) && sh.lay.colOf[fd] != 0 {
					kept.Cells.set(sh.lay.colOf[fd], cc)
				}
			}
			for _, c := range r.cells {
				if nc := newCol(c.col); nc != 0 && !isFieldCol(sh.lay, nc) {
					kept.Cells.set(nc, c.cc)
					st.Carried++
				}
			}
		}
		after[last] = append(after[last], kept)
	}

	n := len(sh.Rows)
	for _, kept := range after {
		n += len(kept)
	}
	rows := append(make([]row, 0, n), after[""]...)
	for _, r := range inStaffOrder(sh.Rows, byID) {
		o := byID[r.ID]
		if o == nil {
			r.Change = formatChange(changeNew, date)
			st.New++
		} else {
			carryRow(&r, old, o, p, newCol, sh.lay, date, st)
		}
		rows = append(rows, r)
		rows = append(rows, after[r.ID]...)
	}
	sh.Rows = rows
}

// inStaffOrder returns the live rows in the order of their previous rows,
// so that a sort staff made stays: each task with a previous row where
// that row was, and each new task after the task it follows in the
// speech. Without a sort that is the speech's order.
func inStaffOrder(live []row, byID map[string]*prevRow) []row {
	type keyed struct {
		key float64
		r   row
	}
	ks := make([]keyed, len(live))
	last := -1.0
	for i, r := range live {
		if o := byID[r.ID]; o != nil {
			last = float64(o.n)
			ks[i] = keyed{last, r}
		} else {
			ks[i] = keyed{last + 0.5, r}
		}
	}
	slices.SortStableFunc(ks, func(a, b keyed) int { return cmp.Compare(a.key, b.key) })
	out := make([]row, len(ks))
	for i, k := range ks {
		out[i] = k.r
	}
	return out
}

// isFieldCol reports whether column c of lay shows a known field.
func isFieldCol(lay *layout, c int) bool {
	for fd := range numFields {
		if lay.colOf[fd] == c {
			return true
		}
	}
	return false
}

// kindOf returns how a raw value of fd is written.
func kindOf(fd field, raw string) cellKind {
	switch fd {
	case fieldSeq, fieldDue, fieldTargetValue:
		if isNumber(raw) {
			return cellNumber
		}
	}
	return cellText
}

// carryRow carries the previous row o of the same task into r: the
// cells staff fill, the cells of extracted fields staff corrected, and
// the row's height if staff set it.
func carryRow(r *row, old *prevSheet, o *prevRow, p *previous, newCol func(int) int, lay *layout, date extract.Date, st *Stats) {
	keepStaffValues(r, old, o, p, lay, date, st)
	if staffHeight(lay, o.height) {
		r.Height = o.height
	}
	for _, fd := range []field{fieldStatus, fieldProgress, fieldNote} {
		if old.colOf[fd] == 0 {
			continue
		}
		v := old.text(o, fd)
		if lay.colOf[fd] == 0 {
			continue // carried into a staff column below
		}
		if cc, ok := o.cells.get(old.colOf[fd]); ok && ownCell(cc) {
			// A number, a date, a formula, text staff formatted:
			// written as it was.
			r.Cells.set(lay.colOf[fd], cc)
		}
		switch fd {
		case fieldStatus:
			r.Status = v
			if v != "" && v != statusNotStarted {
				st.Carried++
			}
			r.Warning = warning(r.Due, r.Status, date)
		case fieldProgress:
			r.Progress = v
		case fieldNote:
			r.Note = v
		}
		if fd != fieldStatus && v != "" {
			st.Carried++
		}
	}
	for _, c := range o.cells {
		if nc := newCol(c.col); nc != 0 && !isFieldCol(lay, nc) {
			r.Cells.set(nc, c.cc)
			st.Carried++
		}
	}
	switch mark, d, ok := parseChange(o.change); {
	case ok && mark == changeRemoved:
		r.Change = formatChange(changeReturned, date)
	case ok:
		r.Change = formatChange(mark, d)
	}
	if changed(r, old, o, p.written.lookup(old.name, o.id)) {
		st.Changed++
	}
}

// ownCell reports whether cc, a cell of a column staff fill, is written
// as it was rather than as the column's text: a number, a date, a
// formula, or text in a style staff gave it (see markStyled).
func ownCell(cc carriedCell) bool {
	return cc.kind != cellText || cc.style != nil
}

// changed reports whether the extracted fields of r differ from those of
// the previous row o: from what the program proposed for them, rec, if
// it is recorded, or else from what o shows. The position (序号) and the
// 预警 do not count, nor, against the record, 核对提示, the program's own
// notes.
func changed(r *row, old *prevSheet, o *prevRow, rec proposal) bool {
	if rec != nil && r.Proposed != nil {
		for i, fd := range trackedFields {
			if fd != fieldHints && !sameValue(r.Proposed[i], rec[i]) {
				return true
			}
		}
		return false
	}
	for _, fd := range []field{fieldText, fieldTimes, fieldDue, fieldLead, fieldSupport, fieldTargets, fieldTargetValue, fieldSection, fieldHints} {
		if old.colOf[fd] == 0 {
			continue
		}
		var v string
		switch fd {
		case fieldText:
			v = cleanText(r.Text)
		case fieldDue:
			if !r.Due.IsZero() {
				v = strconv.FormatInt(excelSerial(r.Due), 10)
			}
		case fieldTargetValue:
			if r.HasValue {
				v = formatNumber(r.TargetValue)
			}
		default:
			v = cleanText(r.field(fd))
		}
		if v != old.text(o, fd) {
			return true
		}
	}
	return false
}

// removedRow returns the row of a task gone from the input, as the
// previous sheet showed it, marked 已移出 with the date it went.
func removedRow(old *prevSheet, o *prevRow, date extract.Date, st *Stats) row {
	r := row{
		ID:       o.id,
		Text:     old.text(o, fieldText),
		Times:    old.text(o, fieldTimes),
		Lead:     old.text(o, fieldLead),
		Support:  old.text(o, fieldSupport),
		Targets:  old.text(o, fieldTargets),
		Section:  old.text(o, fieldSection),
		Hints:    old.text(o, fieldHints),
		Status:   old.text(o, fieldStatus),
		Progress: old.text(o, fieldProgress),
		Note:     old.text(o, fieldNote),
		Warning:  warnRemoved,
		Removed:  true,
	}
	if old.colOf[fieldStatus] == 0 {
		r.Status = statusNotStarted
	}
	if n, err := strconv.Atoi(old.text(o, fieldDue)); err == nil {
		r.Due = dateOfSerial(n)
	}
	if v, err := strconv.ParseFloat(old.text(o, fieldTargetValue), 64); err == nil {
		r.TargetValue, r.HasValue = v, true
	}
	if mark, d, ok := parseChange(o.change); ok && mark == changeRemoved {
		r.Change = formatChange(mark, d)
	} else {
		r.Change = formatChange(changeRemoved, date)
		st.Removed++
	}
	for _, v := range []string{r.Progress, r.Note} {
		if v != "" {
			st.Carried++
		}
	}
	if r.Status != "" && r.Status != statusNotStarted {
		st.Carried++
	}
	return r
}

// warnRemoved is the 预警 of a task gone from the input.
const warnRemoved = "—"

// mapColumns maps the columns of the previous sheet old whose cells the
// run carries to columns of lay: staff fields to theirs, and columns lay
// has no field for to lay's column of the same label. The rest, columns
// staff added, become extra columns, each after the column of lay that
// the column before it went to. Extra column i maps from -i-1.
func mapColumns(old *prevSheet, lay *layout) (map[int]int, []extraCol) {
	m := map[int]int{}
	taken := map[int]bool{}
	var extras []extraCol
	after := 0 // the column of lay the last mapped column went to
	hasData := func(col int) bool {
		for _, r := range old.rows {
			if col <= len(r.raw) && r.raw[col-1] != "" {
				return true
			}
		}
		return false
	}
	for _, c := range old.cols {
		if c.known && lay.colOf[c.field] != 0 {
			m[c.col] = lay.colOf[c.field]
			after = lay.colOf[c.field]
			continue
		}
		label := normalizeLabel(c.label)
		found := false
		for _, lc := range lay.cols {
			if !lc.known && !taken[lc.col] && label != "" && normalizeLabel(lc.label) == label {
				m[c.col], taken[lc.col], after, found = lc.col, true, lc.col, true
				break
			}
		}
		if found || (strings.TrimSpace(c.label) == "" && !hasData(c.col)) {
			continue
		}
		if c.known && !staffField(c.field) && c.field != fieldChange {
			continue // an extracted field the layout no longer shows
		}
		if c.field == fieldChange || c.field == fieldID {
			continue
		}
		m[c.col] = -len(extras) - 1
		extras = append(extras, extraCol{after: after, header: c.header, width: c.width, hidden: c.hidden})
	}
	return m, extras
}
