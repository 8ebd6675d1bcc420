package report

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/speechledger/speechledger/extract"
	"github.com/speechledger/speechledger/internal/atomicfile"
	"github.com/xuri/excelize/v2"
)

// Archiving (归档) keeps a nightly ledger small: a speech whose tasks are
// all 已办结, or that is older than a cut-off, moves with its sheet, rows
// and staff values to an archive workbook beside the ledger, one per year
// of the speech (ledger-归档-2024.xlsx), and is a line of 汇总 with a note
// saying where it went. A speech that gets a new task comes back: its
// sheet moves back into the ledger before the run, which carries it
// forward like any other. A speech whose rows are on combinedSheet goes
// to the archive as a speech sheet of its own, its rows leaving
// combinedSheet, and comes back as one, for the run to lay onto
// combinedSheet again or not by the usual rule.
//
// Both moves happen before the run reads the ledger (Archive), so that
// the run writes 汇总 with the archived speeches' lines; the archive is
// written before the ledger, so a stop between the two leaves a sheet in
// both rather than in neither.

// ArchiveOptions configure Archive.
type ArchiveOptions struct {
	ReportDate extract.Date
	// Before, if not zero, archives speeches dated before it whatever
	// their tasks' statuses.
	Before extract.Date
}

// archiveIndexSheet lists an archive's speeches: their sheet, title,
// source, date, the day they were archived and why, and their tasks.
const archiveIndexSheet = "归档目录"

var archiveIndexHeader = []string{"讲话表", "讲话标题", "来源文件", "讲话日期", "归档日期", "原因", "任务编号"}

// An archived is a speech in an archive workbook.
type archived struct {
	file  string // the archive's path
	sheet string
	ids   []string
	row   int // on the index sheet
}

// Archives are the speeches in the archive workbooks of a ledger.
type Archives struct {
	list []*archived
}

// Of returns the base name of the archive holding sp, or "": sp is
// archived when every one of its tasks is in an archived speech.
func (a *Archives) Of(sp *extract.Speech) string {
	if a == nil || len(sp.Tasks) == 0 {
		return ""
	}
	for _, e := range a.list {
		if !slices.ContainsFunc(sp.Tasks, func(t extract.Task) bool { return !slices.Contains(e.ids, t.ID) }) {
			return filepath.Base(e.file)
		}
	}
	return ""
}

// archivePath returns the archive of ledger for the year y.
func archivePath(ledger string, y int) string {
	ext := filepath.Ext(ledger)
	return strings.TrimSuffix(ledger, ext) + "-归档-" + strconv.Itoa(y) + ext
}

// readArchives reads the indexes of the archives beside ledger.
func readArchives(ledger string) (*Archives, error) {
	ext := filepath.Ext(ledger)
	paths, err := filepath.Glob(escapeGlob(strings.TrimSuffix(ledger, ext)) + "-归档-*" + ext)
	if err != nil {
		return nil, err
	}
	slices.Sort(paths)
	a := &Archives{}
	for _, p := range paths {
		f, err := excelize.OpenFile(p)
		if err != nil {
			return nil, fmt.Errorf("archive %s: %w", p, err)
		}
		rows, err := f.GetRows(archiveIndexSheet, excelize.Options{RawCellValue: true})
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("archive %s: no sheet %s: %w", p, archiveIndexSheet, err)
		}
		for i, r := range rows {
			if i == 0 || len(r) < len(archiveIndexHeader) || r[0] == "" {
				continue
			}
			a.list = append(a.list, &archived{file: p, sheet: r[0], ids: strings.Fields(r[len(archiveIndexHeader)-1]), row: i + 1})
		}
	}
	return a, nil
}

// escapeGlob escapes the characters filepath.Match treats specially.
func escapeGlob(s string) string {
	return strings.NewReplacer(`*`, `[*]`, `?`, `[?]`, `[`, `[[]`).Replace(s)
}

// Archive moves, before a run over speeches writes the ledger at path,
// the sheets of speeches that are done (every task 已办结) or dated before
// opt.Before into the archives, and the sheets of archived speeches that
// have a new task back into the ledger. It returns the archives as they
// are then, for Options.Archived, and says what it moved.
func Archive(path string, speeches []extract.Speech, opt ArchiveOptions) (*Archives, []string, error) {
	a, err := readArchives(path)
	if err != nil {
		return nil, nil, err
	}
	b, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return a, nil, nil // a first run: nothing to move either way
	}
	if err != nil {
		return nil, nil, err
	}
	for _, o := range ownerFiles(path) {
		if _, err := os.Lstat(o); err == nil {
			return nil, nil, &PreviousError{Path: path, Reason: "is open in another program (" + filepath.Base(o) + " exists)"}
		}
	}
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		return nil, nil, &PreviousError{Path: path, Reason: "is not a readable .xlsx workbook", Err: err}
	}
	defer f.Close()
	r := &archiveRun{a: a, f: f, path: path, changed: map[string]*excelize.File{}}
	defer func() {
		for _, af := range r.changed {
			af.Close()
		}
	}()
	returned, err := r.moveBack(speeches)
	if err != nil {
		return nil, nil, err
	}
	if err := r.moveOut(speeches, opt, returned); err != nil {
		return nil, nil, err
	}
	if len(r.moved) == 0 {
		return a, nil, nil
	}
	if err := r.save(); err != nil {
		return nil, nil, err
	}
	return a, r.moved, nil
}

// An archiveRun is what Archive moves between the ledger at path, open
// as f, and the archives a: the archives it changed, by path, and what it
// moved, as it tells it.
type archiveRun struct {
	a       *Archives
	f       *excelize.File
	path    string
	changed map[string]*excelize.File
	moved   []string
}

// moveBack moves into the ledger the sheets of archived speeches that
// have a task their archive does not hold, and returns their names in
// the ledger.
func (r *archiveRun) moveBack(speeches []extract.Speech) (map[string]bool, error) {
	a := r.a
	returned := map[string]bool{}
	for i := range speeches {
		sp := &speeches[i]
		if sp.DuplicateOf != 0 {
			continue
		}
		for _, e := range slices.Clone(a.list) {
			if !slices.ContainsFunc(sp.Tasks, func(t extract.Task) bool { return slices.Contains(e.ids, t.ID) }) ||
				a.Of(sp) != "" {
				continue
			}
			af, err := openArchive(e.file, r.changed)
			if err != nil {
				return nil, err
			}
			name := freeSheetName(r.f, e.sheet)
			if err := moveSheet(af, r.f, e.sheet, name); err != nil {
				return nil, fmt.Errorf("archive %s: %w", e.file, err)
			}
			if err := af.RemoveRow(archiveIndexSheet, e.row); err != nil {
				return nil, err
			}
			for _, o := range a.list {
				if o.file == e.file && o.row > e.row {
					o.row--
				}
			}
			a.list = slices.DeleteFunc(a.list, func(o *archived) bool { return o == e })
			returned[name] = true
			r.moved = append(r.moved, fmt.Sprintf("%s ← %s", name, filepath.Base(e.file)))
		}
	}
	return returned, nil
}

// moveOut moves into the archives each speech sheet whose tasks are all
// done, or whose speech is older than the cut-off, unless it came back
// tonight (returned) or the input has a task of its speech it does not
// hold; then the speeches of combinedSheet that qualify likewise.
func (r *archiveRun) moveOut(speeches []extract.Speech, opt ArchiveOptions, returned map[string]bool) error {
	lb := &ledgerBook{f: r.f, byID: map[string]*ledgerTask{}, sheets: map[string]*ledgerSheet{}}
	p := &previous{speeches: map[string]prevSpeech{}}
	p.readSummary(r.f)
	for _, name := range r.f.GetSheetList() {
		if name == summarySheet || name == logSheet || name == writtenSheet || name == combinedSheet || returned[name] {
			continue // combinedSheet holds many speeches: see moveOutCombined
		}
		before := len(lb.tasks)
		if err := lb.readSheet(name, ""); err != nil {
			return &PreviousError{Path: r.path, Reason: "is damaged", Err: err}
		}
		ps := p.speeches[name]
		why, ids := archiveReason(lb.tasks[before:], ps, opt)
		if why == "" || hasNewTask(speeches, ids) {
			continue
		}
		move := func(af *excelize.File, dst string) error { return moveSheet(r.f, af, name, dst) }
		if err := r.archive(name, ps, why, ids, opt.ReportDate, move); err != nil {
			return err
		}
	}
	return r.moveOutCombined(speeches, opt, p, lb)
}

// archiveReason says why the speech ps, whose tasks on its sheet are
// tasks, is archived, "" if it is not, and returns the tasks' 任务编号.
func archiveReason(tasks []*ledgerTask, ps prevSpeech, opt ArchiveOptions) (string, []string) {
	if len(tasks) == 0 {
		return "", nil
	}
	why := ""
	switch {
	case !slices.ContainsFunc(tasks, func(t *ledgerTask) bool { return t.Values[0] != statusDone }):
		why = "全部已办结"
	case !opt.Before.IsZero() && !ps.date.IsZero() && ps.date.Before(opt.Before):
		why = "讲话日期早于 " + opt.Before.String()
	default:
		return "", nil
	}
	ids := make([]string, len(tasks))
	for i, t := range tasks {
		ids[i] = t.ID
	}
	return why, ids
}

// moveOutCombined moves into the archives, each as a speech sheet of its
// own, the speeches of combinedSheet that qualify as a speech sheet does:
// its title and header rows and the speech's rows, without the column
// combinedLabel, go to the archive; the speech's rows leave combinedSheet.
// lb has read the speech sheets, so a task shared with one of them is
// not counted twice.
//
// Rows are grouped by speech by groupBySpeech, as splitCombined groups
// them: a row staff added, with no speech named, goes with the row above
// it. The archived
// sheet has the layout of a speech sheet, so moveBack brings it back as
// one and the run lays it out again by the usual rule.
func (r *archiveRun) moveOutCombined(speeches []extract.Speech, opt ArchiveOptions, p *previous, lb *ledgerBook) error {
	if idx, _ := r.f.GetSheetIndex(combinedSheet); idx < 0 {
		return nil
	}
	all, err := r.f.GetRows(combinedSheet, excelize.Options{RawCellValue: true})
	if err != nil {
		return &PreviousError{Path: r.path, Reason: "is damaged", Err: err}
	}
	header, _ := taskHeader(all)
	if header == 0 {
		return nil
	}
	speech := slices.Index(all[header-1], combinedLabel) + 1
	if speech == 0 {
		return nil
	}
	before := len(lb.tasks)
	if err := lb.readSheet(combinedSheet, ""); err != nil {
		return &PreviousError{Path: r.path, Reason: "is damaged", Err: err}
	}
	byRow := map[int]*ledgerTask{}
	for _, t := range lb.tasks[before:] {
		byRow[t.Row] = t
	}
	var gone []int            // rows of combinedSheet archived
	keyOf := map[int]string{} // their speeches' keys
	keys := make([]string, len(all)-header)
	for i := range keys {
		keys[i] = speechKey(all[header+i], speech)
	}
	for _, g := range groupBySpeech(keys) {
		for i := range g.rows {
			g.rows[i] += header + 1 // row numbers of combinedSheet
		}
		var tasks []*ledgerTask
		for _, n := range g.rows {
			if t := byRow[n]; t != nil {
				tasks = append(tasks, t)
			}
		}
		ps := p.speeches[g.key]
		why, ids := archiveReason(tasks, ps, opt)
		if why == "" || hasNewTask(speeches, ids) {
			continue
		}
		rows := make([]int, 0, header+len(g.rows))
		for n := 1; n <= header; n++ {
			rows = append(rows, n)
		}
		rows = append(rows, g.rows...)
		move := func(af *excelize.File, dst string) error {
			if err := copyRows(r.f, af, combinedSheet, dst, all, rows, speech, func(n int, v string) string {
				if n < header {
					return retitleCombined(v, g.key, ps)
				}
				return v
			}); err != nil {
				return err
			}
			return copyPageSetup(r.f, af, combinedSheet, dst)
		}
		if err := r.archive(g.key, ps, why, ids, opt.ReportDate, move); err != nil {
			return err
		}
		gone = append(gone, g.rows...)
		for _, n := range g.rows {
			keyOf[n] = g.key
		}
	}
	if len(gone) == 0 {
		return nil
	}
	slices.Sort(gone)
	at, err := dropRows(r.f, combinedSheet, all, gone)
	if err != nil {
		return err
	}
	return relinkSummary(r.f, func(n int) string {
		if m, ok := at[n]; ok {
			return sheetRef(combinedSheet) + "!A" + strconv.Itoa(m)
		}
		return sheetRef(keyOf[n]) + "!A1" // gone with its speech, as a speech sheet goes
	})
}

// dropRows removes the rows gone (in order) of sheet of f, whose cells
// are all, by copying the others into a new sheet that takes its place,
// and returns the new number of each row kept, by its old. excelize's
// RemoveRow rewrites the sheet for each row it removes (120 ms a row on
// a sheet of 18,000 rows of 16 cells, at load 7-9), where the copy takes
// 2 s however many rows go, and the first run with --archive over an old
// folder may archive thousands. It
// keeps what the run carries forward (values, formulas, types, styles,
// widths, hidden columns, heights, merged cells); the dropdowns,
// conditional formats, filter and print setup the run writes anew.
func dropRows(f *excelize.File, sheet string, all [][]string, gone []int) (map[int]int, error) {
	var keep []int
	for n := 1; n <= len(all); n++ {
		if _, ok := slices.BinarySearch(gone, n); !ok {
			keep = append(keep, n)
		}
	}
	tmp := freeSheetName(f, sheet)
	same := func(_ int, v string) string { return v }
	if err := copyRows(f, f, sheet, tmp, all, keep, 0, same); err != nil {
		return nil, err
	}
	if err := f.DeleteSheet(sheet); err != nil {
		return nil, err
	}
	if err := f.SetSheetName(tmp, sheet); err != nil {
		return nil, err
	}
	at := make(map[int]int, len(keep))
	for i, n := range keep {
		at[n] = i + 1
	}
	return at, nil
}

// relinkSummary points each link of 汇总's 讲话标题 to a row of
// combinedSheet where to says, by the row's old number.
func relinkSummary(f *excelize.File, to func(n int) string) error {
	rows, err := f.GetRows(summarySheet, excelize.Options{RawCellValue: true})
	if err != nil {
		return nil // no summary: no links
	}
	prefix := sheetRef(combinedSheet) + "!"
	col := 0
	for i, r := range rows {
		if col == 0 {
			if slices.Index(r, "来源文件") >= 0 {
				col = slices.Index(r, "讲话标题") + 1
			}
			continue
		}
		cell := cellName(col, i+1)
		ok, target, err := f.GetCellHyperLink(summarySheet, cell)
		if err != nil {
			return err
		}
		ref, found := strings.CutPrefix(target, prefix)
		if !ok || !found {
			continue
		}
		if _, n, err := excelize.CellNameToCoordinates(strings.ReplaceAll(ref, "$", "")); err == nil {
			if err := f.SetCellHyperLink(summarySheet, cell, to(n), "Location"); err != nil {
				return err
			}
		}
	}
	return nil
}

// combinedSource matches what combinedSheet's title rows say in place of
// a source file.
var combinedSource = regexp.MustCompile(`[0-9]+ 篇讲话，见“` + combinedLabel + `”列`)

// retitleCombined rewrites a title cell v of combinedSheet as the cell
// of the sheet of the speech ps, whose key is key: its title and source
// where combinedSheet has its own.
func retitleCombined(v, key string, ps prevSpeech) string {
	title, source := cmp.Or(ps.title, key), cmp.Or(ps.source, key)
	v = combinedSource.ReplaceAllLiteralString(v, source)
	return strings.ReplaceAll(v, combinedSheet, title)
}

// archive moves the speech ps, whose sheet or key is name and whose
// tasks are ids, into the archive of its speech's year (or of the report
// date's) by move, which writes it to the archive as the sheet dst, with
// a line of the archive's index saying why.
func (r *archiveRun) archive(name string, ps prevSpeech, why string, ids []string, reportDate extract.Date, move func(af *excelize.File, dst string) error) error {
	year := reportDate.Year
	if !ps.date.IsZero() {
		year = ps.date.Year
	}
	file := archivePath(r.path, year)
	af, err := openArchive(file, r.changed)
	if err != nil {
		return err
	}
	dst := freeSheetName(af, name)
	if err := move(af, dst); err != nil {
		return fmt.Errorf("sheet %s: %w", name, err)
	}
	rows, _ := af.GetRows(archiveIndexSheet)
	n := len(rows) + 1
	title := ps.title
	if title == "" {
		title = name
	}
	line := []any{dst, title, ps.source, nil, int(excelSerial(reportDate)), why, strings.Join(ids, " ")}
	if !ps.date.IsZero() {
		line[3] = int(excelSerial(ps.date))
	}
	if err := af.SetSheetRow(archiveIndexSheet, cellName(1, n), &line); err != nil {
		return err
	}
	r.a.list = append(r.a.list, &archived{file: file, sheet: dst, ids: ids, row: n})
	r.moved = append(r.moved, fmt.Sprintf("%s → %s", name, filepath.Base(file)))
	return nil
}

// save writes the archives changed, in order of path, then the ledger.
func (r *archiveRun) save() error {
	paths := make([]string, 0, len(r.changed))
	for p := range r.changed {
		paths = append(paths, p)
	}
	slices.Sort(paths)
	for _, p := range paths {
		if err := saveWorkbook(r.changed[p], p, atomicfile.Options{}); err != nil {
			return fmt.Errorf("write archive %s: %w", p, err)
		}
	}
	if err := saveWorkbook(r.f, r.path, atomicfile.Options{}); err != nil {
		return fmt.Errorf("write %s: %w", r.path, err)
	}
	return nil
}

// hasNewTask reports whether a speech of the input shares a task with
// ids and has one ids lacks.
func hasNewTask(speeches []extract.Speech, ids []string) bool {
	for _, sp := range speeches {
		shares := slices.ContainsFunc(sp.Tasks, func(t extract.Task) bool { return slices.Contains(ids, t.ID) })
		if shares && slices.ContainsFunc(sp.Tasks, func(t extract.Task) bool { return !slices.Contains(ids, t.ID) }) {
			return true
		}
	}
	return false
}

// openArchive opens the archive at path, or makes a new one, once.
func openArchive(path string, open map[string]*excelize.File) (*excelize.File, error) {
	if f := open[path]; f != nil {
		return f, nil
	}
	f, err := excelize.OpenFile(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		f = excelize.NewFile()
		if err := f.SetSheetName("Sheet1", archiveIndexSheet); err != nil {
			return nil, err
		}
		row := make([]any, len(archiveIndexHeader))
		for i, h := range archiveIndexHeader {
			row[i] = h
		}
		if err := f.SetSheetRow(archiveIndexSheet, "A1", &row); err != nil {
			return nil, err
		}
		if err := f.SetColWidth(archiveIndexSheet, "A", "G", 24); err != nil {
			return nil, err
		}
		style, err := f.NewStyle(&excelize.Style{CustomNumFmt: ptr("yyyy-mm-dd")})
		if err != nil {
			return nil, err
		}
		if err := f.SetColStyle(archiveIndexSheet, "D:E", style); err != nil {
			return nil, err
		}
		if err := f.SetDocProps(&excelize.DocProperties{Title: "讲话任务督办台账归档", Creator: "speechledger", Language: "zh-CN"}); err != nil {
			return nil, err
		}
	case err != nil:
		return nil, fmt.Errorf("archive %s: %w", path, err)
	}
	open[path] = f
	return f, nil
}

// moveSheet copies sheet from src into dst as name, with its values,
// styles, merged cells, widths, heights and print setup, and deletes it
// from src.
func moveSheet(src, dst *excelize.File, sheet, name string) error {
	if name != sheet { // copySheet copies into the sheet of the same name
		if err := src.SetSheetName(sheet, name); err != nil {
			return err
		}
		sheet = name
	}
	if _, err := dst.NewSheet(name); err != nil {
		return err
	}
	if err := copySheet(src, dst, name, styleCache{}); err != nil {
		return err
	}
	if err := copyPageSetup(src, dst, name, name); err != nil {
		return err
	}
	return src.DeleteSheet(sheet)
}

// copyPageSetup gives the sheet to of dst the page layout, margins and
// print titles of the sheet from of src.
func copyPageSetup(src, dst *excelize.File, from, to string) error {
	if lay, err := src.GetPageLayout(from); err == nil {
		if err := dst.SetPageLayout(to, &lay); err != nil {
			return err
		}
	}
	if m, err := src.GetPageMargins(from); err == nil {
		if err := dst.SetPageMargins(to, &m); err != nil {
			return err
		}
	}
	for _, dn := range src.GetDefinedName() {
		if dn.Scope == from && dn.Name == printTitles {
			_, rows, _ := strings.Cut(dn.RefersTo, "!")
			ref := "'" + strings.ReplaceAll(to, "'", "''") + "'!" + rows
			if err := dst.SetDefinedName(&excelize.DefinedName{Name: printTitles, Scope: to, RefersTo: ref}); err != nil {
				return err
			}
		}
	}
	return nil
}

// copyRows copies the rows rows of the sheet from of src, whose cells are
// all, one after another into the new sheet to of dst, without the
// column skip (0: none): values through retitle, formulas, styles, row
// heights, column widths and visibility, and the merged cells within the
// rows copied.
func copyRows(src, dst *excelize.File, from, to string, all [][]string, rows []int, skip int, retitle func(n int, v string) string) error {
	if _, err := dst.NewSheet(to); err != nil {
		return err
	}
	col := func(c int) int {
		if skip > 0 && c > skip {
			return c - 1
		}
		return c
	}
	cache, styles := map[int]*excelize.Style{}, styleCache{}
	at := map[int]int{} // row of from -> row of to
	width := 0
	for i, n := range rows {
		at[n] = i + 1
		if n > len(all) {
			continue
		}
		width = max(width, len(all[n-1]))
		for j, v := range all[n-1] {
			if j+1 == skip {
				continue
			}
			cc, err := readCell(src, from, cellName(j+1, n), v, cache)
			if err != nil {
				return err
			}
			if v == "" && cc.formula == "" && cc.style == nil {
				continue
			}
			if cc.kind == cellText {
				cc.value = retitle(n, cc.value)
			}
			if err := writeCarried(dst, to, cellName(col(j+1), i+1), cc, 0, i+1, styles); err != nil {
				return err
			}
		}
		h, err := src.GetRowHeight(from, n)
		if err != nil {
			return err
		}
		if err := dst.SetRowHeight(to, i+1, h); err != nil {
			return err
		}
	}
	for c := 1; c <= width; c++ {
		if c == skip {
			continue
		}
		name, _ := excelize.ColumnNumberToName(c)
		w, err := src.GetColWidth(from, name)
		if err != nil {
			return err
		}
		visible, err := src.GetColVisible(from, name)
		if err != nil {
			return err
		}
		to1, _ := excelize.ColumnNumberToName(col(c))
		if err := dst.SetColWidth(to, to1, to1, w); err != nil {
			return err
		}
		if err := dst.SetColVisible(to, to1, visible); err != nil {
			return err
		}
	}
	merges, err := src.GetMergeCells(from)
	if err != nil {
		return err
	}
	for _, m := range merges {
		c1, r1, err1 := excelize.CellNameToCoordinates(m.GetStartAxis())
		c2, r2, err2 := excelize.CellNameToCoordinates(m.GetEndAxis())
		if err1 != nil || err2 != nil || at[r1] == 0 || at[r2]-at[r1] != r2-r1 {
			continue // not within the rows copied
		}
		if skip > 0 && c2 >= skip {
			c2--
		}
		if skip > 0 && c1 > skip {
			c1--
		}
		if c2 < c1 || c1 == c2 && r1 == r2 {
			continue
		}
		if err := dst.MergeCell(to, cellName(c1, at[r1]), cellName(c2, at[r2])); err != nil {
			return err
		}
	}
	return nil
}

// freeSheetName returns name, or name with (2), (3)… when f has a sheet
// of that name.
func freeSheetName(f *excelize.File, name string) string {
	taken := func(n string) bool {
		idx, _ := f.GetSheetIndex(n)
		return idx >= 0
	}
	out := name
	for n := 2; taken(out); n++ {
		out = truncateName(name, "("+strconv.Itoa(n)+")")
	}
	return out
}

// saveWorkbook writes f to path atomically, with opt.
func saveWorkbook(f *excelize.File, path string, opt atomicfile.Options) error {
	return atomicfile.Write(path, func(w io.Writer) error {
		_, err := f.WriteTo(w)
		return err
	}, opt)
}
