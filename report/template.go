package report

import (
	"bytes"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// headerSearchRows is how many rows of each sheet of a template are searched
// for its header row.
const headerSearchRows = 30

// A layout is what a template says about the speech sheets: which sheet to
// copy, where its header row is, which field each column shows and the
// style of each column's cells.
type layout struct {
	name      string // the template's name, for errors
	sheet     string // the sheet each speech sheet is copied from
	headerRow int    // 1-based
	cols      []layoutCol
	colOf     [numFields]int // 1-based column of each field, 0 if absent
	lastCol   int
	// titleCells are the cells above the header row with placeholders.
	titleCells []titleCell
	page       excelize.PageLayoutOptions
	props      excelize.SheetPropsOptions
	hf         excelize.HeaderFooterOptions
	rowHeight  float64 // height of a data row holding one line, in points
	font       excelize.Font
	// toSheet maps a column of the template to its column in a sheet with
	// extra columns (see withExtras); nil when there are none.
	toSheet []int
}

// A layoutCol is one column of the header row.
type layoutCol struct {
	col   int // 1-based
	label string
	field field
	known bool    // false for a column whose label names no field: left empty
	extra int     // 1 + the index of a column staff added (sheet.Extras), or 0
	style int     // style of the column's data cells
	width float64 // in character units of the default font
	wrap  bool
	font  excelize.Font
}

// A titleCell is a cell above the header row whose text holds placeholders.
type titleCell struct {
	cell string
	text string
}

// placeholders lists what the title rows, header and footer of a template
// may contain; fillPlaceholders replaces them.
var placeholders = func() []string {
	var names []string
	for i, s := range placeholderValues(speechEntry{}, &ledger{}) {
		if i%2 == 0 {
			names = append(names, s)
		}
	}
	return names
}()

// openTemplate opens the template workbook b and reads its layout. name
// identifies the template in errors.
func openTemplate(b []byte, name string) (*excelize.File, *layout, error) {
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		return nil, nil, fmt.Errorf("template %s: not an .xlsx workbook: %w", name, err)
	}
	lay, err := readLayout(f, name)
	if err != nil {
		f.Close()
		return nil, nil, err
	}
	return f, lay, nil
}

// readLayout finds the header row of the template f: the first row, in
// sheet order, whose labels name the task text (工作任务 or another of its
// names) and at least one other field.
func readLayout(f *excelize.File, name string) (*layout, error) {
	var found []string // fields of the best row seen, for the error
	for _, sh := range f.GetSheetList() {
		rows, err := f.GetRows(sh, excelize.Options{RawCellValue: true})
		if err != nil {
			return nil, fmt.Errorf("template %s: read sheet %s: %w", name, sh, err)
		}
		for i, cells := range rows[:min(len(rows), headerSearchRows)] {
			lay := &layout{name: name, sheet: sh, headerRow: i + 1}
			var labels []string
			for j, c := range cells {
				fd, ok := fieldOfLabel(c)
				if ok && lay.colOf[fd] == 0 {
					lay.colOf[fd] = j + 1
					labels = append(labels, c)
				}
			}
			if len(labels) > len(found) {
				found = labels
			}
			if lay.colOf[fieldText] == 0 || len(labels) < 2 {
				continue
			}
			if err := lay.read(f, cells, rows[:i]); err != nil {
				return nil, fmt.Errorf("template %s: %w", name, err)
			}
			return lay, nil
		}
	}
	msg := "no header row naming the task column (工作任务, 任务内容 or 具体任务) and one more column, such as 责任单位 or 完成时限"
	if len(found) > 0 {
		msg += "; the best row found names only " + strings.Join(found, ", ")
	}
	return nil, fmt.Errorf("template %s: %s in the first %d rows of any sheet (see the README section Using your own template for the header names)", name, msg, headerSearchRows)
}

// read completes lay from its header row's cells and the rows above it, and
// removes the rows below the header from the template sheet, keeping the
// first one's styles as the styles of the data cells.
func (lay *layout) read(f *excelize.File, header []string, above [][]string) error {
	lay.lastCol = len(header)
	for lay.lastCol > 0 && strings.TrimSpace(header[lay.lastCol-1]) == "" {
		lay.lastCol--
	}
	for i, cells := range above {
		for j, c := range cells {
			if containsPlaceholder(c) {
				cell, _ := excelize.CoordinatesToCellName(j+1, i+1)
				lay.titleCells = append(lay.titleCells, titleCell{cell, c})
			}
		}
	}
	defFont, err := f.GetDefaultFont()
	if err != nil {
		return err
	}
	styles, hasStyleRow, err := lay.readStyleRow(f)
	if err != nil {
		return err
	}
	for col := 1; col <= lay.lastCol; col++ {
		c, err := lay.readColumn(f, col, header[col-1], styles[col], hasStyleRow, defFont)
		if err != nil {
			return err
		}
		lay.cols = append(lay.cols, c)
	}
	lay.font = lay.cols[lay.colOf[fieldText]-1].font

	// Remove the rows below the header: the speech sheets start empty there.
	rows, err := f.GetRows(lay.sheet)
	if err != nil {
		return err
	}
	for r := max(len(rows), lay.headerRow+1); r > lay.headerRow; r-- {
		if err := f.RemoveRow(lay.sheet, r); err != nil {
			return err
		}
	}
	if err := lay.readPage(f); err != nil {
		return err
	}
	// Carrying staff's work from one run to the next needs each row's
	// task id, and the ledger marks new and removed tasks: a template
	// without those columns gets them after its own, the id hidden.
	for _, fd := range []field{fieldID, fieldChange} {
		if lay.colOf[fd] == 0 {
			if err := lay.appendColumn(f, fd, fd == fieldID); err != nil {
				return err
			}
		}
	}
	return nil
}

// readStyleRow reads the styles of the cells of the row under the header,
// by column, which give the data cells' styles if any is styled
// (hasStyleRow), and the row's height as the data rows' height.
func (lay *layout) readStyleRow(f *excelize.File) (styles []int, hasStyleRow bool, err error) {
	styleRow := lay.headerRow + 1
	styles = make([]int, lay.lastCol+1)
	for col := 1; col <= lay.lastCol; col++ {
		cell, _ := excelize.CoordinatesToCellName(col, styleRow)
		s, err := f.GetCellStyle(lay.sheet, cell)
		if err != nil {
			return nil, false, err
		}
		styles[col] = s
		if s != 0 {
			hasStyleRow = true
		}
	}
	lay.rowHeight = 15
	if hasStyleRow {
		h, err := f.GetRowHeight(lay.sheet, styleRow)
		if err != nil {
			return nil, false, err
		}
		lay.rowHeight = h
	}
	return styles, hasStyleRow, nil
}

// readColumn reads column col of the template sheet, headed label: its
// field, width, and the style, wrapping and font of its data cells, from
// base, the style of its cell in the style row, or else from its header
// cell's.
func (lay *layout) readColumn(f *excelize.File, col int, label string, base int, hasStyleRow bool, defFont string) (layoutCol, error) {
	c := layoutCol{col: col, label: label}
	for fd := range numFields {
		if lay.colOf[fd] == col {
			c.field, c.known = fd, true
		}
	}
	name, _ := excelize.ColumnNumberToName(col)
	var err error
	if c.width, err = f.GetColWidth(lay.sheet, name); err != nil {
		return c, err
	}
	if !hasStyleRow {
		hcell, _ := excelize.CoordinatesToCellName(col, lay.headerRow)
		if base, err = f.GetCellStyle(lay.sheet, hcell); err != nil {
			return c, err
		}
	}
	st, err := f.GetStyle(base)
	if err != nil {
		return c, err
	}
	if !hasStyleRow {
		// Data cells take the header's font and borders, but no bold,
		// no fill, top-aligned and wrapped.
		st.Fill = excelize.Fill{}
		if st.Font != nil {
			st.Font.Bold = false
			st.Font.Color = ""
		}
		st.Alignment = &excelize.Alignment{Vertical: "top", WrapText: true}
		if c.field == fieldSeq || c.field == fieldDue || c.field == fieldStatus || c.field == fieldWarning {
			st.Alignment.Horizontal = "center"
		}
	}
	if c.known && c.field == fieldDue && !isDateStyle(st) {
		st.NumFmt, st.CustomNumFmt = 0, ptr("yyyy-mm-dd")
	}
	if !hasStyleRow || (c.known && c.field == fieldDue) {
		if base, err = f.NewStyle(writableStyle(st)); err != nil {
			return c, err
		}
	}
	c.style = base
	c.wrap = st.Alignment != nil && st.Alignment.WrapText
	c.font = excelize.Font{Family: defFont, Size: 11}
	if st.Font != nil {
		if st.Font.Family != "" {
			c.font.Family = st.Font.Family
		}
		if st.Font.Size > 0 {
			c.font.Size = st.Font.Size
		}
		c.font.Color = st.Font.Color
	}
	return c, nil
}

// readPage reads the page setup, sheet properties and page header and
// footer of the template sheet.
func (lay *layout) readPage(f *excelize.File) error {
	var err error
	if lay.page, err = f.GetPageLayout(lay.sheet); err != nil {
		return err
	}
	// GetPageLayout reports defaults for what the template leaves unset;
	// writing them back would restart page numbers on every sheet.
	if lay.page.Size != nil && *lay.page.Size == 0 {
		lay.page.Size = nil
	}
	if lay.page.FirstPageNumber != nil && *lay.page.FirstPageNumber == 1 {
		lay.page.FirstPageNumber = nil
	}
	if lay.page.AdjustTo != nil && *lay.page.AdjustTo == 100 {
		lay.page.AdjustTo = nil
	}
	if lay.props, err = f.GetSheetProps(lay.sheet); err != nil {
		return err
	}
	hf, err := f.GetHeaderFooter(lay.sheet)
	if err != nil {
		return err
	}
	if hf != nil {
		lay.hf = *hf
	}
	return nil
}

// appendColumn adds a column for fd after the last column of the template
// sheet, styled like the last column, and widens the merged title cells
// that spanned the template's columns.
func (lay *layout) appendColumn(f *excelize.File, fd field, hidden bool) error {
	sh := lay.sheet
	last := lay.cols[len(lay.cols)-1]
	c := last
	c.col, c.label, c.field, c.known, c.width = lay.lastCol+1, fd.label(), fd, true, 16
	lastName, _ := excelize.ColumnNumberToName(lay.lastCol)
	name, _ := excelize.ColumnNumberToName(c.col)
	header := name + strconv.Itoa(lay.headerRow)
	hs, err := f.GetCellStyle(sh, lastName+strconv.Itoa(lay.headerRow))
	if err != nil {
		return err
	}
	merges, err := f.GetMergeCells(sh)
	if err != nil {
		return err
	}
	for _, m := range merges {
		start, end := m.GetStartAxis(), m.GetEndAxis()
		col, row, _ := excelize.SplitCellName(end)
		if col != lastName || row >= lay.headerRow {
			continue
		}
		if err := f.UnmergeCell(sh, start, end); err != nil {
			return err
		}
		if err := f.MergeCell(sh, start, name+strconv.Itoa(row)); err != nil {
			return err
		}
	}
	for _, step := range []func() error{
		func() error { return f.SetCellStr(sh, header, fd.label()) },
		func() error { return f.SetCellStyle(sh, header, header, hs) },
		func() error { return f.SetColWidth(sh, name, name, c.width) },
		func() error { return f.SetColVisible(sh, name, !hidden) },
	} {
		if err := step(); err != nil {
			return err
		}
	}
	lay.cols = append(lay.cols, c)
	lay.colOf[fd] = c.col
	lay.lastCol = c.col
	return nil
}

// isDateStyle reports whether st shows numbers as dates.
func isDateStyle(st *excelize.Style) bool {
	if st.CustomNumFmt != nil {
		s := strings.ToLower(*st.CustomNumFmt)
		return strings.Contains(s, "y") || strings.Contains(s, "d")
	}
	n := st.NumFmt
	return (n >= 14 && n <= 17) || n == 22 || (n >= 27 && n <= 36) || (n >= 50 && n <= 58)
}

// containsPlaceholder reports whether s holds one of the placeholders.
func containsPlaceholder(s string) bool {
	return slices.ContainsFunc(placeholders, func(p string) bool { return strings.Contains(s, p) })
}

// fillPlaceholders replaces the placeholders of s with what they stand for
// in speech e, as of the report date; what is unknown shows as —.
func fillPlaceholders(s string, e speechEntry, l *ledger) string {
	if !containsPlaceholder(s) {
		return s
	}
	return strings.NewReplacer(placeholderValues(e, l)...).Replace(s)
}

// placeholderValues returns each of placeholders, in order, followed by
// what it stands for in speech e, as strings.NewReplacer takes them.
func placeholderValues(e speechEntry, l *ledger) []string {
	orDash := func(s string) string {
		if s == "" {
			return "—"
		}
		return s
	}
	part := ordinal(e.Index)
	if e.Gone {
		part = "" // Source names it
	}
	return []string{
		"{标题}", orDash(e.Title),
		"{讲话人}", orDash(e.Speaker),
		"{讲话日期}", orDash(e.Date.String()),
		"{来源文件}", orDash(e.Source),
		"{篇次}", part,
		"{报告日期}", l.ReportDate.String(),
		"{任务数}", strconv.Itoa(e.Tasks),
	}
}

func ptr[T any](v T) *T { return &v }

// withExtras returns the layout of a sheet that has the extra columns
// staff added besides the template's, each placed after the template
// column it follows, and sets their positions.
func (lay *layout) withExtras(extras []extraCol) *layout {
	if len(extras) == 0 {
		return lay
	}
	out := *lay
	out.cols = nil
	out.toSheet = make([]int, lay.lastCol+1)
	pos := 0
	place := func(after int) {
		for i := range extras {
			if extras[i].after == after {
				pos++
				extras[i].pos = pos
				out.cols = append(out.cols, layoutCol{col: pos, width: extras[i].width, extra: i + 1})
			}
		}
	}
	place(0)
	for _, c := range lay.cols {
		pos++
		orig := c.col
		out.toSheet[orig] = pos
		c.col = pos
		out.cols = append(out.cols, c)
		place(orig)
	}
	// Extras after a column that no longer exists go last.
	for i := range extras {
		if extras[i].pos == 0 {
			pos++
			extras[i].pos = pos
			out.cols = append(out.cols, layoutCol{col: pos, width: extras[i].width, extra: i + 1})
		}
	}
	out.lastCol = pos
	for fd := range numFields {
		if c := lay.colOf[fd]; c != 0 {
			out.colOf[fd] = out.toSheet[c]
		}
	}
	out.titleCells = nil
	for _, tc := range lay.titleCells {
		col, row, _ := excelize.CellNameToCoordinates(tc.cell)
		cell, _ := excelize.CoordinatesToCellName(out.shift(col), row)
		out.titleCells = append(out.titleCells, titleCell{cell, tc.text})
	}
	return &out
}

// shift returns the column of a sheet laid out by lay that shows column c
// of the template.
func (lay *layout) shift(c int) int {
	switch {
	case lay.toSheet == nil:
		return c
	case c < len(lay.toSheet):
		return lay.toSheet[c]
	}
	return c + lay.lastCol - (len(lay.toSheet) - 1)
}
