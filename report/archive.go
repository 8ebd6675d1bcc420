package report

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
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
// forward like any other.
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
// hold.
func (r *archiveRun) moveOut(speeches []extract.Speech, opt ArchiveOptions, returned map[string]bool) error {
	lb := &ledgerBook{f: r.f, byID: map[string]*ledgerTask{}, sheets: map[string]*ledgerSheet{}}
	p := &previous{speeches: map[string]prevSpeech{}}
	p.readSummary(r.f)
	for _, name := range r.f.GetSheetList() {
		if name == summarySheet || name == logSheet || name == writtenSheet || name == combinedSheet || returned[name] {
			continue // combinedSheet holds many speeches: it stays
		}
		before := len(lb.tasks)
		if err := lb.readSheet(name, ""); err != nil {
			return &PreviousError{Path: r.path, Reason: "is damaged", Err: err}
		}
		tasks := lb.tasks[before:]
		if len(tasks) == 0 {
			continue
		}
		ps := p.speeches[name]
		why := ""
		switch {
		case !slices.ContainsFunc(tasks, func(t *ledgerTask) bool { return t.Values[0] != statusDone }):
			why = "全部已办结"
		case !opt.Before.IsZero() && !ps.date.IsZero() && ps.date.Before(opt.Before):
			why = "讲话日期早于 " + opt.Before.String()
		default:
			continue
		}
		var ids []string
		for _, t := range tasks {
			ids = append(ids, t.ID)
		}
		if hasNewTask(speeches, ids) {
			continue
		}
		if err := r.archiveSheet(name, ps, why, ids, opt.ReportDate); err != nil {
			return err
		}
	}
	return nil
}

// archiveSheet moves the speech sheet name, of speech ps and holding the
// tasks ids, into the archive of its speech's year (or of the report
// date's), with a line of the archive's index saying why.
func (r *archiveRun) archiveSheet(name string, ps prevSpeech, why string, ids []string, reportDate extract.Date) error {
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
	if err := moveSheet(r.f, af, name, dst); err != nil {
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
	if lay, err := src.GetPageLayout(name); err == nil {
		if err := dst.SetPageLayout(name, &lay); err != nil {
			return err
		}
	}
	if m, err := src.GetPageMargins(name); err == nil {
		if err := dst.SetPageMargins(name, &m); err != nil {
			return err
		}
	}
	for _, dn := range src.GetDefinedName() {
		if dn.Scope == name && dn.Name == printTitles {
			if err := dst.SetDefinedName(&excelize.DefinedName{Name: printTitles, Scope: name, RefersTo: dn.RefersTo}); err != nil {
				return err
			}
		}
	}
	return src.DeleteSheet(sheet)
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
