package report

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/speechledger/speechledger/extract"
	"github.com/speechledger/speechledger/report/internal/xlsx"
	"github.com/xuri/excelize/v2"
)

// A PreviousError reports that the workbook already at the output path
// cannot be carried forward: it is corrupt, was not written by
// speechledger, is open in another program or cannot be read. Nothing is
// written when it occurs; the workbook is left as it is.
type PreviousError struct {
	Path   string
	Reason string // what is wrong, for people
	Err    error  // the underlying error, if any
}

func (e *PreviousError) Error() string {
	msg := "existing workbook " + e.Path + ": " + e.Reason
	if e.Err != nil {
		msg += ": " + e.Err.Error()
	}
	return msg + "; it was left as it is and nothing was written"
}

func (e *PreviousError) Unwrap() error { return e.Err }

// logSheet is the name of the change log sheet, always the last.
const logSheet = "变更记录"

// A cellKind says what a carried cell holds.
type cellKind int

const (
	cellText cellKind = iota
	cellNumber
	cellBool
	cellFormula
)

// A carriedCell is a cell of the previous workbook as it was: its value,
// formula and style.
type carriedCell struct {
	kind    cellKind
	value   string // the text, the number as written, or a formula's cached value
	formula string // without the leading =
	style   *excelize.Style
	row     int // the row it was on
}

// A prevSheet is a speech sheet of the previous workbook.
type prevSheet struct {
	name   string
	header int            // 1-based header row
	cols   []prevCol      // every column of the header row and the data
	colOf  map[field]int  // 1-based column of each field found, first wins
	rows   []prevRow      // the rows under the header, in order
	extras map[int]string // staff columns by column: their labels
	// speech is the column of combinedSheet naming each row's speech, 0
	// on a speech's own sheet; combined says the sheet is one speech's
	// rows of combinedSheet (see splitCombined).
	speech   int
	combined bool
}

// A prevCol is one column of a previous sheet.
type prevCol struct {
	col    int
	label  string
	field  field
	known  bool // the label names a field and is its first column
	width  float64
	hidden bool
	header carriedCell
}

// A prevRow is one row under the header of a previous sheet.
type prevRow struct {
	n      int      // 1-based row number
	id     string   // 任务编号, "" for a row staff added
	raw    []string // raw values by column-1
	cells  cellList // cells of the columns staff fill
	change string   // the 变动 cell
	height float64  // in points, 0 for the sheet's default
}

// A cellList holds carried cells by column, each column once. Most rows
// have none, one or two: a list of them takes a tenth of the memory of a
// map.
type cellList []colCell

// A colCell is a carried cell and its column.
type colCell struct {
	col int
	cc  carriedCell
}

// get returns the cell of column col, if l has one.
func (l cellList) get(col int) (carriedCell, bool) {
	for _, c := range l {
		if c.col == col {
			return c.cc, true
		}
	}
	return carriedCell{}, false
}

// add adds the cell cc of column col, which l does not have yet.
func (l *cellList) add(col int, cc carriedCell) {
	*l = append(*l, colCell{col, cc})
}

// set makes cc the cell of column col.
func (l *cellList) set(col int, cc carriedCell) {
	for i := range *l {
		if (*l)[i].col == col {
			(*l)[i].cc = cc
			return
		}
	}
	l.add(col, cc)
}

// text returns the raw value of fd in r, or "".
func (s *prevSheet) text(r *prevRow, fd field) string {
	c := s.colOf[fd]
	if c == 0 || c > len(r.raw) {
		return ""
	}
	return r.raw[c-1]
}

// A prevSpeech is a line of the previous summary's per-speech table.
type prevSpeech struct {
	title  string
	date   extract.Date
	source string // as shown: file and 篇N
	note   string
}

// A previous is what a run reads from the workbook it replaces.
type previous struct {
	// in is the file, open while the run reads it and copies parts
	// from it; sum is what it held when read, to detect a change
	// before replacing it.
	in       *os.File
	sum      *fileSum
	sheets   []*prevSheet
	speeches map[string]prevSpeech // by sheet name, once read
	log      [][]string            // rows of 变更记录, raw, in order
	logHead  []string              // header row of 变更记录, raw, staff's columns included
	hasLog   bool                  // the workbook has 变更记录
	other    []string              // sheets neither the summary, the log nor speech sheets
	// written is the record of what the program proposed for each task
	// (see writtenSheet), nil when the workbook has none.
	written *written
	// styles are the styles of the workbook read so far, by id.
	styles map[int]*excelize.Style
	// file is the workbook opened with excelize, which only what the
	// fast reader does not read needs (styles, formulas and widths of
	// staff's columns, the summary, sheets staff added): see excel.
	file    *excelize.File
	fileErr error
	// combinedKeys are the 所属讲话 of each row of combinedSheet (see
	// rowKeys), for the summary's links to it, which speech reads.
	combinedKeys []string
	// memo is what the run that wrote the workbook remembers of it, if
	// the workbook is as it left it; raw is the fast reader of the
	// package, nil when it cannot read it.
	memo *memo
	raw  *rawReader
	// unedited says a run wrote the workbook as it is: nothing in it is
	// staff's since (see wroteAsIs).
	unedited bool
}

// excel returns the previous workbook opened with excelize, opening it
// the first time.
func (p *previous) excel() (*excelize.File, error) {
	if p.file == nil && p.fileErr == nil {
		p.file, p.fileErr = excelize.OpenReader(io.NewSectionReader(p.in, 0, p.sum.size))
	}
	return p.file, p.fileErr
}

// ownerFiles return the lock files that Excel and WPS (~$name) and
// LibreOffice (.~lock.name#) keep next to a workbook they have open.
func ownerFiles(path string) []string {
	dir, base := filepath.Split(path)
	return []string{
		filepath.Join(dir, "~$"+base),
		filepath.Join(dir, ".~lock."+base+"#"),
	}
}

// readPrevious reads the workbook at path, if there is one. It returns
// nil, nil when there is none, and a *PreviousError when there is one
// that cannot be carried forward.
func readPrevious(path, memoDir, build string) (*previous, error) {
	in, err := os.Open(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, nil
	case err != nil:
		return nil, &PreviousError{Path: path, Reason: "cannot be read (is it open in another program?)", Err: err}
	}
	sum, err := sumOf(in)
	if err != nil {
		in.Close()
		return nil, &PreviousError{Path: path, Reason: "cannot be read (is it open in another program?)", Err: err}
	}
	for _, o := range ownerFiles(path) {
		if _, err := os.Lstat(o); err == nil {
			in.Close()
			return nil, &PreviousError{Path: path, Reason: "is open in another program (" + filepath.Base(o) +
				" exists); close it there, or delete " + o + " if no one has it open"}
		}
	}
	// The cells' values are read straight from the package, part by
	// part as they are needed rather than the file whole; excelize,
	// which takes as long again to open it and holds all of it, only
	// if the fast reader cannot read it or when something else is
	// needed.
	p := &previous{in: in, sum: sum, memo: loadMemo(memoDir, build, sum.sha[:]), unedited: wroteAsIs(memoDir, sum.sha[:])}
	rr := readRawRows(in, sum.size, p.memo)
	p.raw = rr.rr
	if rr.rr == nil {
		if _, err := p.excel(); err != nil {
			return nil, &PreviousError{Path: path, Reason: "is not a readable .xlsx workbook", Err: err}
		}
	}
	if err := p.read(rr); err != nil {
		p.close()
		var pe *PreviousError
		if errors.As(err, &pe) {
			pe.Path = path
			return nil, pe
		}
		return nil, &PreviousError{Path: path, Reason: "is damaged", Err: err}
	}
	return p, nil
}

// close releases the previous workbook.
func (p *previous) close() {
	if p == nil {
		return
	}
	if p.file != nil {
		p.file.Close()
	}
	p.closeInput()
}

// closeInput closes the previous workbook's file, which nothing may read
// after (on Windows an open file cannot be replaced).
func (p *previous) closeInput() {
	if p != nil && p.in != nil {
		p.in.Close()
		p.in = nil
	}
}

// A rawReader is the fast reader of a package (see xlsx.Reader), which
// also says whether speechledger wrote the package (looksLedger).
type rawReader struct {
	*xlsx.Reader
	ledger bool
}

// newRawReader prepares to read the package in ra, of size bytes.
func newRawReader(ra io.ReaderAt, size int64) (*rawReader, error) {
	r, err := xlsx.NewReader(ra, size)
	if err != nil {
		return nil, err
	}
	return &rawReader{r, looksLedger(r.Sheets(), r.DefinedNames(), r.Creator())}, nil
}

// A rowReader returns the raw values of the cells of a sheet, tells the
// cells that are not text (nil: any may be), and gives the height of a
// row, 0 for one of the sheet's default height.
type rowReader func(sheet string) ([][]string, func(row, col int) bool, func(row int) float64, error)

// rawRows are the rows of the sheets of a package, read ahead by its
// fast reader, rr, which is nil if it cannot read the package, with the
// cells of each that are not text and the rows' custom heights.
type rawRows struct {
	rr      *rawReader
	rows    map[string][][]string
	typed   map[string]map[xlsx.CellAt]bool
	heights map[string]map[int]float64
	errs    map[string]error
}

// typedSet returns the set of cells at.
func typedSet(at []xlsx.CellAt) map[xlsx.CellAt]bool {
	m := make(map[xlsx.CellAt]bool, len(at))
	for _, c := range at {
		m[c] = true
	}
	return m
}

// readRawRows reads ahead the rows of the sheets of the package in f, of
// size bytes, that read reads: all but the summary; those of the speech
// sheets from the memo m of the package, if not nil.
func readRawRows(f *os.File, size int64, m *memo) *rawRows {
	rr, err := newRawReader(f, size)
	if err != nil {
		return &rawRows{}
	}
	r := &rawRows{rr: rr, rows: map[string][][]string{}, typed: map[string]map[xlsx.CellAt]bool{},
		heights: map[string]map[int]float64{}, errs: map[string]error{}}
	read := map[string]*xlsx.Sheet{}
	for _, name := range rr.Sheets() {
		if _, ok := rr.SheetPart(name); !ok {
			continue
		}
		switch ms := m.sheet(name); {
		case ms != nil:
			r.rows[name], r.typed[name], r.heights[name] = ms.rows(), typedSet(ms.Typed), ms.Heights
		case name != summarySheet:
			p, err := rr.Rows(name)
			if r.errs[name] = err; err != nil {
				continue
			}
			read[name] = p
			r.rows[name], r.heights[name] = p.Rows, p.Heights
			r.typed[name] = typedSet(p.Typed)
		}
	}
	markStyled(r, read)
	return r
}

// markStyled adds to the cells of the sheets read that are read cell by
// cell those of the columns staff fill whose style is not the program's:
// a format staff gave a cell of plain text, which carryRow keeps. The
// program writes every cell of such a column in one style, the same on
// every speech sheet, so its style is the one most of the column's
// cells under the header have across the workbook; a tie is broken
// towards the lower id. (A memo's sheets need none of this: the memo
// records the cells written in a carried style with those not text.)
func markStyled(r *rawRows, read map[string]*xlsx.Sheet) {
	type colAt struct {
		p      *xlsx.Sheet
		sheet  string
		header int
		col    int
		fd     field
	}
	var cols []colAt
	count := map[field]map[int32]int{}
	for _, name := range slices.Sorted(maps.Keys(read)) {
		p := read[name]
		header, colOf := taskHeader(p.Rows)
		if header == 0 {
			continue
		}
		for _, fd := range []field{fieldStatus, fieldProgress, fieldNote} {
			c := colOf[fd]
			if c == 0 {
				continue
			}
			cols = append(cols, colAt{p, name, header, c, fd})
			if count[fd] == nil {
				count[fd] = map[int32]int{}
			}
			for n := header + 1; n <= len(p.Rows); n++ {
				if !isBlankRow(p.Rows[n-1]) {
					count[fd][p.Style(n, c)]++
				}
			}
		}
	}
	program := map[field]int32{}
	for fd, byStyle := range count {
		best := -1
		for s, k := range byStyle {
			if k > best || k == best && s < program[fd] {
				program[fd], best = s, k
			}
		}
	}
	for _, c := range cols {
		for n := c.header + 1; n <= len(c.p.Rows); n++ {
			if !isBlankRow(c.p.Rows[n-1]) && c.p.Style(n, c.col) != program[c.fd] {
				r.typed[c.sheet][xlsx.CellAt{Row: n, Col: c.col}] = true
			}
		}
	}
}

// read reads the sheets of the previous workbook, with the rows r read
// ahead, or with excelize when r has none.
func (p *previous) read(r *rawRows) error {
	var sheets []string
	var ledger bool
	var rows rowReader
	if r.rr != nil {
		sheets, ledger = r.rr.Sheets(), r.rr.ledger
		rows = func(sheet string) ([][]string, func(row, col int) bool, func(row int) float64, error) {
			rows, ok := r.rows[sheet]
			typed, heights := r.typed[sheet], r.heights[sheet]
			if !ok && r.errs[sheet] == nil {
				p, err := r.rr.Rows(sheet)
				if err != nil {
					return nil, nil, nil, err
				}
				rows, typed, heights = p.Rows, typedSet(p.Typed), p.Heights
			}
			return rows, func(row, col int) bool { return typed[xlsx.CellAt{Row: row, Col: col}] },
				func(row int) float64 { return heights[row] }, r.errs[sheet]
		}
	} else {
		f, err := p.excel()
		if err != nil {
			return err
		}
		sheets = f.GetSheetList()
		ledger = isLedger(f, sheets)
		rows = func(sheet string) ([][]string, func(row, col int) bool, func(row int) float64, error) {
			rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
			height := func(row int) float64 {
				h, err := f.GetRowHeight(sheet, row)
				if err != nil {
					return 0
				}
				return h
			}
			return rows, nil, height, err
		}
	}
	if !ledger {
		return &PreviousError{Reason: "was not written by speechledger (no " + summarySheet + " sheet from it); move it away or choose another output name"}
	}
	p.styles = map[int]*excelize.Style{}
	styles := p.styles
	for _, name := range sheets {
		switch name {
		case summarySheet:
			continue // read only if a speech is gone, see speech
		case writtenSheet:
			rows, _, _, err := rows(name)
			if err != nil {
				return fmt.Errorf("sheet %s: %w", name, err)
			}
			p.written = parseWritten(rows)
			continue
		case logSheet:
			rows, _, _, err := rows(name)
			if err != nil {
				return fmt.Errorf("sheet %s: %w", name, err)
			}
			p.hasLog = true
			for i, r := range rows {
				switch {
				case i == logHeaderRow-1:
					p.logHead = r
				case len(r) > 1 && r[0] != "" && isDigits(r[0]):
					p.log = append(p.log, r)
				}
			}
			continue
		}
		cells, typed, height, err := rows(name)
		if err != nil {
			return fmt.Errorf("sheet %s: %w", name, err)
		}
		if name == combinedSheet {
			p.combinedKeys = rowKeys(cells)
		}
		sh, err := readPrevSheet(p.excel, name, cells, typed, height, styles)
		if err != nil {
			return fmt.Errorf("sheet %s: %w", name, err)
		}
		if sh == nil {
			p.other = append(p.other, name)
			continue
		}
		if sh.speech != 0 {
			p.sheets = append(p.sheets, splitCombined(sh, sh.speech)...)
			continue
		}
		p.sheets = append(p.sheets, sh)
	}
	return nil
}

// isLedger reports whether f is a ledger speechledger wrote: it has the
// summary sheet and the defined name of the report date, or names
// speechledger as its creator.
func isLedger(f *excelize.File, sheets []string) bool {
	var names []string
	for _, dn := range f.GetDefinedName() {
		names = append(names, dn.Name)
	}
	props, err := f.GetDocProps()
	return err == nil && looksLedger(sheets, names, props.Creator)
}

// looksLedger reports whether a workbook with sheets, defined names and
// creator is a ledger speechledger wrote: it has the summary sheet and
// the defined name of the report date, names speechledger as its
// creator, or has the record of what the program wrote.
func looksLedger(sheets, names []string, creator string) bool {
	// Staff may delete or rename 汇总, which the run rebuilds: the
	// creator or the record of what the program wrote tell it too.
	return slices.Contains(sheets, summarySheet) && slices.Contains(names, reportDateName) ||
		creator == "speechledger" || slices.Contains(sheets, writtenSheet)
}

// readPrevSheet reads a speech sheet, whose cells' values are rows: the
// first row, among the first headerSearchRows, that names the task id and
// the task text is its header. It returns nil for a sheet without one.
// open gives the workbook opened with excelize, for what rows do not
// hold: the styles, formulas and widths of columns staff added, the
// heights of rows without a task, and the cells staff fill whose value is
// not text, which typed tells (nil: any may be). height gives the heights
// of task rows.
func readPrevSheet(open func() (*excelize.File, error), name string, rows [][]string, typed func(row, col int) bool, height func(row int) float64, styles map[int]*excelize.Style) (*prevSheet, error) {
	sh := &prevSheet{name: name, extras: map[int]string{}}
	if sh.header, sh.colOf = taskHeader(rows); sh.header == 0 {
		return nil, nil
	}
	rd := &prevSheetReader{open: open, sh: sh, typed: typed, styles: styles}
	sh.rows = make([]prevRow, 0, len(rows)-sh.header)
	if err := rd.readCols(rows); err != nil {
		return nil, err
	}
	for i, raw := range rows[sh.header:] {
		n := sh.header + 1 + i
		if isBlankRow(raw) {
			continue
		}
		r := prevRow{n: n, raw: raw}
		r.id = strings.TrimSpace(sh.text(&r, fieldID))
		r.change = sh.text(&r, fieldChange)
		r.height = height(n)
		if r.id == "" {
			f, err := open()
			if err != nil {
				return nil, err
			}
			if r.height, err = f.GetRowHeight(name, n); err != nil {
				return nil, err
			}
		}
		for _, c := range sh.cols {
			if err := rd.readCell(&r, c); err != nil {
				return nil, err
			}
		}
		sh.rows = append(sh.rows, r)
	}
	return sh, nil
}

// A prevSheetReader reads the speech sheet sh: open gives the workbook
// opened with excelize, typed tells the cells that are not text (nil: any
// may be), styles are the workbook's styles read so far.
type prevSheetReader struct {
	open   func() (*excelize.File, error)
	sh     *prevSheet
	typed  func(row, col int) bool
	styles map[int]*excelize.Style
}

// readCols reads the columns of the sheet, whose cells' values are rows,
// from its header row. Only the columns that are not fields, those staff
// fill as they like, and rows without a task id are read cell by cell,
// with formulas and styles: that makes excelize load the whole sheet,
// which is slow.
func (rd *prevSheetReader) readCols(rows [][]string) error {
	sh := rd.sh
	width := 0
	for _, r := range rows[sh.header-1:] {
		width = max(width, len(r))
	}
	header := rows[sh.header-1]
	for col := 1; col <= width; col++ {
		c := prevCol{col: col}
		if col <= len(header) {
			c.label = header[col-1]
		}
		if fd, ok := fieldOfLabel(c.label); ok && sh.colOf[fd] == col {
			c.field, c.known = fd, true
		}
		if c.label == combinedLabel && sh.speech == 0 {
			sh.speech = col // the program's: not carried, see splitCombined
			continue
		}
		if !c.known {
			f, err := rd.open()
			if err != nil {
				return err
			}
			cn, _ := excelize.ColumnNumberToName(col)
			if c.width, err = f.GetColWidth(sh.name, cn); err != nil {
				return err
			}
			visible, err := f.GetColVisible(sh.name, cn)
			if err != nil {
				return err
			}
			c.hidden = !visible
			cell, _ := excelize.CoordinatesToCellName(col, sh.header)
			if c.header, err = readCell(f, sh.name, cell, c.label, rd.styles); err != nil {
				return err
			}
		}
		sh.cols = append(sh.cols, c)
	}
	return nil
}

// readCell reads the cell of row r in column c into r.cells: on a task's
// row, a field staff fill, with its type and look when it is not plain
// text (extracted fields are made anew); on any other row or column,
// every cell with its value or formula.
func (rd *prevSheetReader) readCell(r *prevRow, c prevCol) error {
	name, n := rd.sh.name, r.n
	v := ""
	if c.col <= len(r.raw) {
		v = r.raw[c.col-1]
	}
	if r.id != "" && c.known {
		if !staffField(c.field) {
			return nil // extracted fields are made anew
		}
		if rd.typed == nil || rd.typed(n, c.col) {
			// A number, a date, a formula, or text in a style
			// staff gave it: read with its type and look.
			f, err := rd.open()
			if err != nil {
				return err
			}
			cc, err := readCell(f, name, cellName(c.col, n), v, rd.styles)
			if err != nil {
				return err
			}
			if cc.kind != cellText || rd.typed != nil && cc.style != nil {
				r.cells.add(c.col, cc)
				return nil
			}
		}
		if v != "" {
			r.cells.add(c.col, carriedCell{value: v})
		}
		return nil
	}
	if c.col > len(r.raw) && (rd.typed == nil || !rd.typed(n, c.col)) {
		return nil
	}
	f, err := rd.open()
	if err != nil {
		return err
	}
	cell, _ := excelize.CoordinatesToCellName(c.col, n)
	cc, err := readCell(f, name, cell, v, rd.styles)
	if err != nil {
		return err
	}
	if cc.value != "" || cc.formula != "" {
		r.cells.add(c.col, cc)
	}
	return nil
}

// staffField reports whether staff fill fd: the run carries it forward.
func staffField(fd field) bool {
	return fd == fieldStatus || fd == fieldProgress || fd == fieldNote
}

// readCell reads cell of sheet, whose raw value is raw.
func readCell(f *excelize.File, sheet, cell, raw string, styles map[int]*excelize.Style) (carriedCell, error) {
	c := carriedCell{value: raw}
	_, c.row, _ = excelize.CellNameToCoordinates(cell)
	formula, err := f.GetCellFormula(sheet, cell)
	if err != nil {
		return c, err
	}
	typ, err := f.GetCellType(sheet, cell)
	if err != nil {
		return c, err
	}
	switch {
	case formula != "":
		c.kind, c.formula = cellFormula, strings.TrimPrefix(formula, "=")
	case typ == excelize.CellTypeBool:
		c.kind = cellBool
	case typ == excelize.CellTypeNumber || typ == excelize.CellTypeDate || typ == excelize.CellTypeUnset && raw != "" && isNumber(raw):
		c.kind = cellNumber
	}
	id, err := f.GetCellStyle(sheet, cell)
	if err != nil {
		return c, err
	}
	if id != 0 {
		st, ok := styles[id]
		if !ok {
			if st, err = f.GetStyle(id); err != nil {
				return c, err
			}
			styles[id] = st
		}
		c.style = st
	}
	return c, nil
}

func isNumber(s string) bool {
	_, err := strconv.ParseFloat(s, 64)
	return err == nil
}

func isDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

func isBlankRow(raw []string) bool {
	for _, v := range raw {
		if strings.TrimSpace(v) != "" {
			return false
		}
	}
	return true
}

// speech returns the line of the previous summary for the speech on
// sheet, so that a speech whose file is gone keeps its line.
func (p *previous) speech(sheet string) prevSpeech {
	if p.speeches == nil {
		p.speeches = map[string]prevSpeech{}
		if src, ok := p.rawSummary(); ok {
			p.readSummaryFrom(src) // what cannot be read shows as unknown
		} else if f, err := p.excel(); err == nil {
			p.readSummary(f)
		}
	}
	return p.speeches[sheet]
}

// A summarySource gives what readSummaryFrom reads of a workbook: the raw
// cell values of the summary, whether a cell of it holds a hyperlink and
// where to, and what names, on combinedSheet, the speech of a row.
type summarySource struct {
	rows     func() ([][]string, error)
	link     func(cell string) (bool, string, error)
	combined func() func(cell string) string
}

// readSummary reads the per-speech table of the previous summary of f: for
// each speech sheet, its title, date, source and note.
func (p *previous) readSummary(f *excelize.File) error {
	return p.readSummaryFrom(summarySource{
		rows: func() ([][]string, error) {
			return f.GetRows(summarySheet, excelize.Options{RawCellValue: true})
		},
		link: func(cell string) (bool, string, error) {
			return f.GetCellHyperLink(summarySheet, cell)
		},
		combined: func() func(cell string) string { return combinedKeys(f) },
	})
}

// rawSummary returns the summary of the previous workbook as its fast
// reader reads it, without opening it with excelize (which holds the
// whole package): its rows, its hyperlinks, and the keys of the rows of
// combinedSheet that read kept. ok is false when the fast reader cannot
// tell what GetCellHyperLink would: hyperlinks on ranges or to other
// files.
func (p *previous) rawSummary() (src summarySource, ok bool) {
	if p.raw == nil {
		return src, false
	}
	part, ok := p.raw.SheetPart(summarySheet)
	if !ok {
		return src, false
	}
	b, err := p.raw.Part(part)
	if err != nil || b == nil {
		return src, false
	}
	links, err := xlsx.Hyperlinks(b)
	if err != nil {
		return src, false
	}
	for _, h := range links {
		if h.RID != "" || strings.Contains(h.Ref, ":") {
			return src, false
		}
	}
	b = nil
	keys := p.combinedKeys
	return summarySource{
		rows: func() ([][]string, error) {
			s, err := p.raw.Rows(summarySheet)
			if err != nil {
				return nil, err
			}
			return s.Rows, nil
		},
		link: func(cell string) (bool, string, error) {
			for _, h := range links {
				if h.Ref == cell {
					return true, h.Location, nil
				}
			}
			return false, "", nil
		},
		combined: func() func(cell string) string { return keyOfRow(keys) },
	}, true
}

// readSummaryFrom reads the per-speech table of the summary src gives.
func (p *previous) readSummaryFrom(src summarySource) error {
	rows, err := src.rows()
	if err != nil {
		return err
	}
	cols := map[string]int{}
	var combined func(cell string) string
	for i, r := range rows {
		if len(cols) == 0 {
			if slices.Index(r, "讲话标题") >= 0 && slices.Index(r, "来源文件") >= 0 {
				for j, c := range r {
					cols[c] = j
				}
			}
			continue
		}
		if len(r) == 0 || r[0] == "合计" {
			break
		}
		get := func(label string) string {
			if j, ok := cols[label]; ok && j < len(r) {
				return r[j]
			}
			return ""
		}
		cell, _ := excelize.CoordinatesToCellName(cols["讲话标题"]+1, i+1)
		ok, target, err := src.link(cell)
		if err != nil {
			return err
		}
		if !ok {
			continue // a duplicate: no sheet
		}
		sheet, at, _ := strings.Cut(target, "!")
		if strings.HasPrefix(sheet, "'") {
			sheet = strings.ReplaceAll(strings.TrimSuffix(strings.TrimPrefix(sheet, "'"), "'"), "''", "'")
		}
		if sheet == combinedSheet {
			if combined == nil {
				combined = src.combined()
			}
			if key := combined(at); key != "" {
				sheet = key
			}
		}
		ps := prevSpeech{title: get("讲话标题"), source: get("来源文件"), note: get("说明")}
		if n, err := strconv.Atoi(get("讲话日期")); err == nil {
			ps.date = dateOfSerial(n)
		}
		p.speeches[sheet] = ps
	}
	return nil
}

// combinedKeys returns what names, in f's combinedSheet, the speech of
// the row of a cell: its 所属讲话, "" if there is none.
func combinedKeys(f *excelize.File) func(cell string) string {
	rows, err := f.GetRows(combinedSheet, excelize.Options{RawCellValue: true})
	if err != nil {
		return func(string) string { return "" }
	}
	return keyOfRow(rowKeys(rows))
}

// rowKeys returns the 所属讲话 of each row of combinedSheet, whose cells'
// raw values are rows: the column is the first to hold combinedLabel in
// the first headerSearchRows rows. It returns nil when there is none.
func rowKeys(rows [][]string) []string {
	col := -1
	for _, r := range rows[:min(len(rows), headerSearchRows)] {
		if col = slices.Index(r, combinedLabel); col >= 0 {
			break
		}
	}
	if col < 0 {
		return nil
	}
	keys := make([]string, len(rows))
	for i, r := range rows {
		if col < len(r) {
			keys[i] = strings.TrimSpace(r[col])
		}
	}
	return keys
}

// keyOfRow returns what names the speech of the row of a cell, by the
// keys of the rows (see rowKeys).
func keyOfRow(keys []string) func(cell string) string {
	return func(cell string) string {
		_, n, err := excelize.CellNameToCoordinates(strings.ReplaceAll(cell, "$", ""))
		if err != nil || n > len(keys) {
			return ""
		}
		return keys[n-1]
	}
}

// dateOfSerial is the inverse of excelSerial.
func dateOfSerial(n int) extract.Date {
	return extract.NewDate(1899, 12, 30).AddDays(n)
}

// Marks of the 变动 column: a task first seen after the ledger was begun,
// a task no longer in the input, and one back after it was removed.
const (
	changeNew      = "新增"
	changeRemoved  = "已移出"
	changeReturned = "重新列入"
)

// changeMark matches a 变动 cell: a mark and its date.
var changeMark = regexp.MustCompile(`^\s*(新增|已移出|重新列入)\s*[（(]?\s*(\d{4}-\d{2}-\d{2})`)

// parseChange splits a 变动 cell into its mark and date; ok is false for
// anything else.
func parseChange(s string) (mark string, d extract.Date, ok bool) {
	m := changeMark.FindStringSubmatch(s)
	if m == nil {
		return "", extract.Date{}, false
	}
	d, err := extract.ParseDate(m[2])
	if err != nil {
		return "", extract.Date{}, false
	}
	return m[1], d, true
}

// formatChange writes a 变动 cell.
func formatChange(mark string, d extract.Date) string {
	return mark + " " + d.String()
}

// taskHeader finds the header of a speech sheet: the first row, among the
// first headerSearchRows, that names the task id and the task text. It
// returns the row's number (0 if there is none) and the column, from 1, of
// each field the row names.
func taskHeader(rows [][]string) (int, map[field]int) {
	for i, cells := range rows[:min(len(rows), headerSearchRows)] {
		colOf := map[field]int{}
		for j, c := range cells {
			if fd, ok := fieldOfLabel(c); ok && colOf[fd] == 0 {
				colOf[fd] = j + 1
			}
		}
		if colOf[fieldID] != 0 && colOf[fieldText] != 0 {
			return i + 1, colOf
		}
	}
	return 0, nil
}
