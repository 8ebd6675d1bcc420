package report

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/speechledger/speechledger/extract"
	"github.com/speechledger/speechledger/report/internal/xlsx"
	"github.com/xuri/excelize/v2"
)

// reportDateName is the defined name of the summary cell holding the report
// date. The 预警 formulas and conditional formats refer to it, so staff who
// change the date there see every sheet's warnings follow.
const reportDateName = "报告日期"

// reportDateCell is where the summary shows the report date.
const reportDateCell = "C2"

// Colours of the highlighted phrases in 工作任务, by markKind.
var markColors = [...]string{
	markTime:   "1F4E9A", // blue: time phrases
	markBody:   "7B1FA2", // purple: responsible bodies
	markTarget: "B45309", // brown-orange: numeric targets
}

// Fills of the conditional formats on task rows.
const (
	fillOverdue = "FFC7CE"
	fillSoon    = "FFEB9C"
	fillDone    = "C6EFCE"
	fillRemoved = "EDEDED"
)

// maxCellChars is the most characters (UTF-16 units) a cell holds.
const maxCellChars = 32767

// cutMarker ends a cell text that was cut to fit.
const cutMarker = "…【已截断】"

// fill writes ledger l into the template workbook f laid out by lay: the
// summary first, then one copy of the template sheet per speech, the
// sheets staff added to the previous workbook p (nil on a first run) and
// the change log with st as its last line; the template's own sheets are
// removed. Speech sheets that come out as they are in the previous
// workbook are taken from it, as rows allows.
func fill(f *excelize.File, lay *layout, l *ledger, p *previous, st Stats, rows *rowWriter) error {
	orig, tplIndex, err := moveTemplateSheets(f, lay)
	if err != nil {
		return err
	}
	if _, err := f.NewSheet(summarySheet); err != nil {
		return err
	}
	prepared, err := addPreparedSheet(f, lay, tplIndex)
	if err != nil {
		return err
	}
	orig = append(orig, preparedSheet)
	// Every sheet is planned before any is made, so that the styles of
	// cells carried from the previous workbook are added in the same
	// order whatever is reused.
	plans := make([]*sheetPlan, len(l.Sheets))
	for i := range l.Sheets {
		if plans[i], err = rows.plan(&l.Sheets[i], l); err != nil {
			return fmt.Errorf("sheet %q: %w", l.Sheets[i].Name, err)
		}
	}
	for i := range l.Sheets {
		if err := addSpeechSheet(f, &l.Sheets[i], lay, plans[i], prepared, tplIndex, rows.styles); err != nil {
			return err
		}
	}
	others, err := addLastSheets(f, p)
	if err != nil {
		return err
	}
	for _, sh := range orig {
		if err := f.DeleteSheet(sh); err != nil {
			return err
		}
	}
	if err := f.SetDefinedName(&excelize.DefinedName{
		Name:     reportDateName,
		RefersTo: sheetRef(summarySheet) + "!" + absRef(reportDateCell),
	}); err != nil {
		return fmt.Errorf("define %s: %w", reportDateName, err)
	}
	index := map[string]int{} // of each sheet: one lookup, not one per sheet
	for i, name := range f.GetSheetList() {
		index[name] = i
	}
	for i := range l.Sheets {
		if err := writeSpeechSheet(f, l, &l.Sheets[i], index[l.Sheets[i].Name], plans[i], rows); err != nil {
			return fmt.Errorf("sheet %q: %w", l.Sheets[i].Name, err)
		}
	}
	if err := writeOtherSheets(f, l, p, others, st, rows); err != nil {
		return err
	}
	f.SetActiveSheet(0)
	return setProps(f, l)
}

// moveTemplateSheets renames the sheets of the template workbook f out of
// the way of the names the ledger gives, and returns their new names and
// the index of the template sheet of lay, which it renames in lay too.
func moveTemplateSheets(f *excelize.File, lay *layout) (orig []string, tplIndex int, err error) {
	orig = f.GetSheetList()
	tplIndex = -1
	for i, sh := range orig {
		tmp := "~tpl" + strconv.Itoa(i+1)
		if err := f.SetSheetName(sh, tmp); err != nil {
			return nil, 0, err
		}
		if sh == lay.sheet {
			lay.sheet = tmp
			tplIndex = i
		}
		orig[i] = tmp
	}
	return orig, tplIndex, nil
}

// addPreparedSheet adds to f the prepared copy of the template sheet (at
// tplIndex) the plain speech sheets are copied from, and returns its
// index. What every speech sheet has whatever its rows is set once, on
// it: excelize finds a sheet by comparing every sheet's name, so setting
// it on each of thousands of sheets would cost the square of their
// number. A sheet with columns staff added gets it on its own.
func addPreparedSheet(f *excelize.File, lay *layout, tplIndex int) (int, error) {
	prepared, err := f.NewSheet(preparedSheet)
	if err != nil {
		return 0, err
	}
	if err := f.CopySheet(tplIndex, prepared); err != nil {
		return 0, fmt.Errorf("copy template sheet: %w", err)
	}
	if err := prepareSheet(f, preparedSheet, lay); err != nil {
		return 0, fmt.Errorf("template sheet: %w", err)
	}
	return prepared, nil
}

// addSpeechSheet adds the speech sheet sh to f as planned: a copy of the
// prepared sheet, or of the template sheet with the columns staff added,
// or, when its part comes from the previous workbook or the skeleton,
// only its place.
func addSpeechSheet(f *excelize.File, sh *sheet, lay *layout, plan *sheetPlan, prepared, tplIndex int, styles styleCache) error {
	idx, err := f.NewSheet(sh.Name)
	if err != nil {
		return fmt.Errorf("add sheet %q: %w", sh.Name, err)
	}
	if plan.bare() {
		return nil // its part is the previous one, or finished from the skeleton
	}
	if len(sh.Extras) == 0 {
		if err := f.CopySheet(prepared, idx); err != nil {
			return fmt.Errorf("copy template sheet to %q: %w", sh.Name, err)
		}
		// CopySheet leaves the page setup behind, as it may refer
		// to the template's printer settings.
		page := lay.page
		if err := f.SetPageLayout(sh.Name, &page); err != nil {
			return fmt.Errorf("sheet %q: %w", sh.Name, err)
		}
		return nil
	}
	if err := f.CopySheet(tplIndex, idx); err != nil {
		return fmt.Errorf("copy template sheet to %q: %w", sh.Name, err)
	}
	if err := addExtras(f, sh, lay, styles); err != nil {
		return fmt.Errorf("sheet %q: %w", sh.Name, err)
	}
	if err := prepareSheet(f, sh.Name, sh.lay); err != nil {
		return fmt.Errorf("sheet %q: %w", sh.Name, err)
	}
	return nil
}

// addLastSheets adds to f, after the speech sheets, the sheets staff
// added to the previous workbook p, whose names it returns, the hidden
// record of what the program proposed and the change log, which stays
// the last sheet.
func addLastSheets(f *excelize.File, p *previous) ([]string, error) {
	var others []string
	if p != nil {
		for _, name := range p.other {
			if _, err := f.NewSheet(name); err != nil {
				return nil, fmt.Errorf("add sheet %q: %w", name, err)
			}
			others = append(others, name)
		}
	}
	if _, err := f.NewSheet(writtenSheet); err != nil {
		return nil, err
	}
	if err := f.SetSheetVisible(writtenSheet, false, true); err != nil {
		return nil, err
	}
	if _, err := f.NewSheet(logSheet); err != nil {
		return nil, err
	}
	return others, nil
}

// writeOtherSheets writes the sheets of f but the speech sheets: the
// summary, the sheets staff added to the previous workbook p (others),
// the change log with st as its last line and the record of what the
// program proposed.
func writeOtherSheets(f *excelize.File, l *ledger, p *previous, others []string, st Stats, rows *rowWriter) error {
	var log [][]string
	var logHead []string
	if p != nil {
		log, logHead = p.log, p.logHead
	}
	if err := l.countProgress(lastReplies(log)); err != nil {
		return err
	}
	if err := writeSummary(f, l, rows); err != nil {
		return fmt.Errorf("sheet %s: %w", summarySheet, err)
	}
	for _, name := range others {
		src, err := p.excel()
		if err != nil {
			return fmt.Errorf("sheet %q: %w", name, err)
		}
		if err := copySheet(src, f, name, rows.styles); err != nil {
			return fmt.Errorf("sheet %q: %w", name, err)
		}
	}
	if err := writeLog(f, l, log, logHead, st, rows); err != nil {
		return fmt.Errorf("sheet %s: %w", logSheet, err)
	}
	return writeWritten(l, rows)
}

// addExtras inserts into the speech sheet sh the columns staff added,
// with their headers, widths and visibility.
func addExtras(f *excelize.File, sh *sheet, lay *layout, styles styleCache) error {
	for _, x := range sh.Extras { // in order of position
		name, _ := excelize.ColumnNumberToName(x.pos)
		if err := f.InsertCols(sh.Name, name, 1); err != nil {
			return err
		}
		cell := name + strconv.Itoa(lay.headerRow)
		style := 0
		if x.likeHeader {
			next, _ := excelize.ColumnNumberToName(x.pos + 1)
			var err error
			if style, err = f.GetCellStyle(sh.Name, next+strconv.Itoa(lay.headerRow)); err != nil {
				return err
			}
		}
		if err := writeCarried(f, sh.Name, cell, x.header, style, 0, styles); err != nil {
			return err
		}
		if x.width > 0 {
			if err := f.SetColWidth(sh.Name, name, name, x.width); err != nil {
				return err
			}
		}
		if err := f.SetColVisible(sh.Name, name, !x.hidden); err != nil {
			return err
		}
	}
	return nil
}

// preparedSheet is the name of the copy of the template sheet that
// prepareSheet has prepared, while the workbook is filled.
const preparedSheet = "~prepared"

// prepareSheet gives the speech sheet name, laid out by lay, what every
// speech sheet has whatever its rows: the status dropdown, the row
// formats and the filter, over the first task row (xlsx.FinishSheet grows
// their ranges to each sheet's last task row), the frozen header, the
// sheet properties and the page layout (which CopySheet does not copy).
func prepareSheet(f *excelize.File, name string, lay *layout) error {
	first := lay.headerRow + 1
	if c := lay.colOf[fieldStatus]; c != 0 {
		dv := excelize.NewDataValidation(true)
		dv.Sqref = cellName(c, first) + ":" + cellName(c, first)
		if err := dv.SetDropList(statuses); err != nil {
			return err
		}
		if err := f.AddDataValidation(name, dv); err != nil {
			return err
		}
	}
	if err := addRowFormats(f, lay, name, first, first); err != nil {
		return err
	}
	if err := f.AutoFilter(name, "A"+strconv.Itoa(lay.headerRow)+":"+cellName(lay.lastCol, first), nil); err != nil {
		return err
	}
	// AutoFilter replaces the sheet properties; restore the template's.
	props := lay.props
	if err := f.SetSheetProps(name, &props); err != nil {
		return err
	}
	topLeft := "A" + strconv.Itoa(first)
	if err := f.SetPanes(name, &excelize.Panes{
		Freeze: true, YSplit: lay.headerRow, TopLeftCell: topLeft, ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: topLeft, ActiveCell: topLeft, Pane: "bottomLeft"}},
	}); err != nil {
		return err
	}
	page := lay.page
	return f.SetPageLayout(name, &page)
}

// writeSpeechSheet fills one speech's sheet sh of ledger l, a copy of the prepared
// template sheet at index idx, as planned by p: its rows, title cells and
// page header and footer are written by rows, its print titles and
// filter range named here.
func writeSpeechSheet(f *excelize.File, l *ledger, sh *sheet, idx int, p *sheetPlan, rows *rowWriter) error {
	name, lay := sh.Name, sh.lay
	if err := rows.writeRows(sh, l, p); err != nil {
		return err
	}
	last := max(lay.headerRow+sh.rowCount(), lay.headerRow+1)
	if err := setLocalName(f, name, idx, printTitles, fmt.Sprintf("%s!$1:$%d", sheetRef(name), lay.headerRow), false); err != nil {
		return err
	}
	filter := fmt.Sprintf("%s!$A$%d:$%s$%d", sheetRef(name), lay.headerRow, columnName(lay.lastCol), last)
	return setLocalName(f, name, idx, filterDatabase, filter, true)
}

// headerFooterValues returns what replaces each placeholder in the page
// header and footer of speech e's sheet, as XML text: & doubled, since it
// starts a header code there, and the title shortened to fit. They come
// in pairs, placeholder and value, as strings.NewReplacer takes them.
func headerFooterValues(e speechEntry, l *ledger) []string {
	pairs := placeholderValues(escapeHeaderFooter(e), l)
	for i := 1; i < len(pairs); i += 2 {
		pairs[i] = xlsx.Text(pairs[i])
	}
	return pairs
}

// columnName returns the letters of column col.
func columnName(col int) string {
	name, _ := excelize.ColumnNumberToName(col)
	return name
}

// maxHeaderTitle is the most characters of a title a page header shows:
// spreadsheet programs refuse headers over 255 characters.
const maxHeaderTitle = 60

// escapeHeaderFooter returns e with & doubled in the texts a page header
// or footer may show, since & starts a header code there, and the title
// shortened to fit.
func escapeHeaderFooter(e speechEntry) speechEntry {
	if rs := []rune(e.Title); len(rs) > maxHeaderTitle {
		e.Title = string(rs[:maxHeaderTitle-1]) + "…"
	}
	esc := strings.NewReplacer("&", "&&")
	e.Title = esc.Replace(e.Title)
	e.Speaker = esc.Replace(e.Speaker)
	e.Source = esc.Replace(e.Source)
	return e
}

// field returns the text r shows in a text column.
func (r *row) field(fd field) string {
	switch fd {
	case fieldID:
		return r.ID
	case fieldTimes:
		return r.Times
	case fieldLead:
		return r.Lead
	case fieldSupport:
		return r.Support
	case fieldTargets:
		return r.Targets
	case fieldSection:
		return r.Section
	case fieldHints:
		return r.Hints
	case fieldStatus:
		return r.Status
	case fieldProgress:
		return r.Progress
	case fieldNote:
		return r.Note
	case fieldChange:
		return r.Change
	}
	return ""
}

// richRuns returns text with its marks highlighted as coloured runs in
// font. Every run carries the whole font, as spreadsheet programs differ in
// what a run without one looks like.
func richRuns(text string, marks []mark, font excelize.Font) []excelize.RichTextRun {
	rs := []rune(text)
	limit := len(rs) // marks must end before a cut marker
	if strings.HasSuffix(text, cutMarker) {
		limit -= utf8.RuneCountInString(cutMarker)
	}
	var runs []excelize.RichTextRun
	add := func(s string, color string, bold bool) {
		if s == "" {
			return
		}
		ft := font
		ft.Bold = bold
		if color != "" {
			ft.Color = color
		}
		runs = append(runs, excelize.RichTextRun{Text: s, Font: &ft})
	}
	pos := 0
	for _, m := range marks {
		if m.End > limit {
			break // cut off with the text
		}
		add(string(rs[pos:m.Start]), "", false)
		add(string(rs[m.Start:m.End]), markColors[m.Kind], true)
		pos = m.End
	}
	add(string(rs[pos:]), "", false)
	return runs
}

// warningFormula returns the formula of the 预警 of row n: on the row's
// 完成时限 and 办理状态 and the report date; "" when the template has no
// 完成时限 column.
func warningFormula(lay *layout, n int) string {
	if lay.colOf[fieldDue] == 0 {
		return ""
	}
	due := cellName(lay.colOf[fieldDue], n)
	if c := lay.colOf[fieldStatus]; c != 0 {
		return fmt.Sprintf(`IF(%[1]s="","%[2]s",IF(%[3]s="%[4]s","%[5]s",IF(%[1]s<%[6]s,"%[7]s",IF(%[1]s-%[6]s<=%[8]d,"%[9]s","%[5]s"))))`,
			due, warnNoDue, cellName(c, n), statusDone, warnOK, reportDateName, warnOverdue, warnDays, warnSoon)
	}
	return fmt.Sprintf(`IF(%[1]s="","%[2]s",IF(%[1]s<%[3]s,"%[4]s",IF(%[1]s-%[3]s<=%[5]d,"%[6]s","%[7]s")))`,
		due, warnNoDue, reportDateName, warnOverdue, warnDays, warnSoon, warnOK)
}

// addRowFormats adds the conditional formats of the task rows first..last:
// red when past due and not 已办结, amber when due within 7 days and not
// 已办结, green when 已办结. They are formula rules on the row's cells, so
// they follow what staff type into the sheet.
func addRowFormats(f *excelize.File, lay *layout, sheet string, first, last int) error {
	dueCol, statusCol := lay.colOf[fieldDue], lay.colOf[fieldStatus]
	abs := func(col int) string {
		name, _ := excelize.ColumnNumberToName(col)
		return "$" + name + strconv.Itoa(first)
	}
	type rule struct {
		fill, formula string
	}
	var rules []rule
	if dueCol != 0 {
		due := abs(dueCol)
		notDone := ""
		if statusCol != 0 {
			notDone = fmt.Sprintf(`,%s<>"%s"`, abs(statusCol), statusDone)
		}
		rules = append(rules,
			rule{fillOverdue, fmt.Sprintf(`AND(%[1]s<>"",%[1]s<%[2]s%[3]s)`, due, reportDateName, notDone)},
			rule{fillSoon, fmt.Sprintf(`AND(%[1]s<>"",%[1]s>=%[2]s,%[1]s-%[2]s<=%[3]d%[4]s)`, due, reportDateName, warnDays, notDone)},
		)
	}
	if statusCol != 0 {
		rules = append(rules, rule{fillDone, fmt.Sprintf(`%s="%s"`, abs(statusCol), statusDone)})
	}
	var opts []excelize.ConditionalFormatOptions
	if c := lay.colOf[fieldChange]; c != 0 {
		// Tasks gone from the input: grey, and none of the colours below.
		id, err := f.NewConditionalStyle(&excelize.Style{
			Font: &excelize.Font{Color: "808080"},
			Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{fillRemoved}},
		})
		if err != nil {
			return err
		}
		opts = append(opts, excelize.ConditionalFormatOptions{Type: "formula", StopIfTrue: true,
			Criteria: fmt.Sprintf(`LEFT(%s,%d)="%s"`, abs(c), len([]rune(changeRemoved)), changeRemoved), Format: &id})
	}
	for _, r := range rules {
		id, err := f.NewConditionalStyle(&excelize.Style{
			Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{r.fill}},
		})
		if err != nil {
			return err
		}
		opts = append(opts, excelize.ConditionalFormatOptions{Type: "formula", Criteria: r.formula, Format: &id})
	}
	if len(opts) == 0 {
		return nil
	}
	lastCol, _ := excelize.ColumnNumberToName(lay.lastCol)
	return f.SetConditionalFormat(sheet, fmt.Sprintf("A%d:%s%d", first, lastCol, last), opts)
}

// excelSerial returns d as a spreadsheet date serial number (1900 system).
func excelSerial(d extract.Date) int64 {
	return int64(extract.NewDate(1899, 12, 30).DaysUntil(d))
}

// sheetRef quotes a sheet name for use in a formula or defined name.
func sheetRef(name string) string {
	return "'" + strings.ReplaceAll(name, "'", "''") + "'"
}

// cleanText makes s safe for a cell: characters XML 1.0 cannot carry become
// spaces (so rune offsets into s stay valid), and text longer than a cell
// holds is cut with a visible marker.
func cleanText(s string) string {
	if hasBadXMLRune(s) {
		s = strings.Map(func(r rune) rune {
			if badXMLRune(r) {
				return ' '
			}
			return r
		}, s)
	}
	if utf8.RuneCountInString(s) <= maxCellChars/2 {
		return s // cannot exceed the limit even if every rune takes two units
	}
	if utf16Len(s) > maxCellChars {
		return cutToUnits(s, maxCellChars-utf16Len(cutMarker)) + cutMarker
	}
	return s
}

// cutToUnits returns the longest prefix of s of at most n UTF-16 units.
func cutToUnits(s string, n int) string {
	units := 0
	for i, r := range s {
		units += utf16.RuneLen(r)
		if units > n {
			return s[:i]
		}
	}
	return s
}

func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		n += utf16.RuneLen(r)
	}
	return n
}

// badXMLRune reports whether r cannot appear in an XML 1.0 document.
func badXMLRune(r rune) bool {
	switch {
	case r == '\t', r == '\n', r == '\r':
		return false
	case r < 0x20, r == 0xFFFE, r == 0xFFFF, r >= 0xD800 && r <= 0xDFFF:
		return true
	}
	return false
}

// hasBadXMLRune reports whether s holds a rune badXMLRune rejects, byte by
// byte: ranging over a string never gives a surrogate, and the other such
// runes are ASCII controls and U+FFFE and U+FFFF, EF BF BE and EF BF BF in
// UTF-8, none of whose bytes can be part of another rune.
func hasBadXMLRune(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c < 0x20 && c != '\t' && c != '\n' && c != '\r':
			return true
		case c == 0xEF && i+2 < len(s) && s[i+1] == 0xBF && (s[i+2] == 0xBE || s[i+2] == 0xBF):
			return true
		}
	}
	return false
}

// estimateLines estimates how many lines text takes in a wrapped column
// width characters wide (in units of the default font's digit width) with
// a font of size points. A CJK character is two units wide at 11 points.
func estimateLines(text string, width, size float64) int {
	if text == "" {
		return 1
	}
	if size <= 0 {
		size = 11
	}
	scale := size / 11
	usable := max(width-1.2, 1) // cell padding
	lines := 0
	for _, line := range strings.Split(text, "\n") {
		w := 0.0
		for _, r := range line {
			w += runeWidth(r) * scale
		}
		lines += max(1, int(math.Ceil(w/usable)))
	}
	return lines
}

// runeWidth is the width of r in digit widths: ASCII a little over one
// (letters are wider than digits), anything else, Chinese above all, two.
func runeWidth(r rune) float64 {
	if r < 0x80 {
		return 1.1
	}
	return 2
}

// lineSpacing is the height of a line of text relative to its font size,
// measured on the CJK fonts that Excel, WPS and LibreOffice use.
const lineSpacing = 1.35

// maxRowHeight is the tallest row a spreadsheet allows, in points.
const maxRowHeight = 409

// rowHeight returns the height of a data row showing lines lines.
func rowHeight(lay *layout, lines int) float64 {
	size := lay.font.Size
	if size <= 0 {
		size = 11
	}
	h := float64(lines)*size*lineSpacing + 5
	return min(max(h, lay.rowHeight), maxRowHeight)
}

// staffHeight reports whether h, the height of a task row of a previous
// workbook, is one staff set: the program writes a task row only in the
// heights rowHeight gives, so any other is kept (see carryRow). A height
// less than a pixel (0.75 points) from one of them is the program's:
// spreadsheets round heights on save, LibreOffice to whole pixels (34.7
// becomes 34.5).
func staffHeight(lay *layout, h float64) bool {
	if h <= 0 {
		return false
	}
	for lines := 1; ; lines++ {
		g := rowHeight(lay, lines)
		if math.Abs(h-g) < 0.75 {
			return false
		}
		if g >= maxRowHeight {
			return true
		}
	}
}

// absRef returns cell as an absolute reference: C2 -> $C$2.
func absRef(cell string) string {
	col, row, _ := excelize.SplitCellName(cell)
	return "$" + col + "$" + strconv.Itoa(row)
}
