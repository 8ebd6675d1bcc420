package report

import (
	"bytes"
	"math"
	"strconv"
	"strings"

	"github.com/speechledger/speechledger/report/internal/xlsx"
)

// The record of what the program proposed.
//
// Staff correct the rows the extraction got wrong: a 责任单位, a 完成时限,
// a 量化目标. A later run must keep such a correction, and must still put
// its new extraction into every cell staff left alone. Telling the two
// apart needs what the program wrote last time, kept where the next run
// finds it whatever program saved the workbook since: a veryHidden sheet,
// writtenSheet, which Excel, WPS, LibreOffice and openpyxl all keep on
// save (LibreOffice as a hidden sheet). The memo in the cache folder is
// not enough: it is only found for a workbook byte for byte as the run
// left it.
//
// The sheet has a header row and one row per task row of every speech
// sheet: the sheet's name, the task's 任务编号, the id the extraction
// gave the task if the row kept an older one (see matchRows) and, for
// each field of
// trackedFields, the value the program proposed for it, as the fast
// reader reads the cell back (dates and numbers as their serial numbers,
// text with its line breaks). A cell of a speech sheet whose value is not
// the same (see sameValue) as its recorded proposal is a staff value.
//
// Rules, used by merge (see staffValues) and by whatever else writes rows
// into the ledger:
//   - A staff value is kept, with its type and style, through every later
//     run, whatever the extraction says. Where the new extraction differs
//     from it, 核对提示 shows the proposal (proposalHint) and the change
//     log says so.
//   - A cell staff cleared is handed back to the program: the next run
//     writes the extraction into it. To keep a cell empty, staff type a
//     dash, "—", "无" or any other text.
//   - When the record is gone (staff deleted the sheet, or the workbook
//     was written before the record existed), a cell is compared with
//     today's extraction instead; the change log says so.
//
// The recorded value of a staff value's cell stays the program's
// proposal, so that a correction stays a correction after the
// extraction changes, and clearing it hands it back.

// writtenSheet is the name of the veryHidden sheet recording what the
// program proposed for each task.
const writtenSheet = "_speechledger"

// trackedFields are the extracted fields whose cells staff may correct.
// 核对提示 is recorded as written, proposals included.
var trackedFields = []field{fieldText, fieldTimes, fieldDue, fieldLead, fieldSupport,
	fieldTargets, fieldTargetValue, fieldSection, fieldHints}

// writtenHeader is the header row of writtenSheet.
var writtenHeader = func() []string {
	h := []string{"讲话表", "任务编号", "提取编号"}
	for _, fd := range trackedFields {
		h = append(h, fd.label())
	}
	return h
}()

// A proposal holds what the program proposed for the tracked fields of
// one task row, by index in trackedFields, as written into the cells.
type proposal []string

// A written is the record read from a previous workbook's writtenSheet:
// the proposals of its task rows by sheet and task id.
type written struct {
	bySheet map[sheetTask]proposal // by sheet and id
	byID    map[string]proposal    // by id, of the ids recorded once
	many    map[string]bool        // the ids recorded more than once
	alias   map[sheetTask]string   // by sheet and extraction's id: the row's id
}

// A sheetTask is a task id on a sheet. One map by both, rather than a
// map per sheet, holds the record of a ledger of ten thousand speeches
// in a good deal less memory.
type sheetTask struct{ sheet, id string }

// writtenFirst is the column of writtenSheet of the first tracked field.
const writtenFirst = 3

// parseWritten reads the rows of writtenSheet. Rows that do not fit are
// skipped: the cells they would have told about are compared with the
// extraction instead.
func parseWritten(rows [][]string) *written {
	w := &written{bySheet: map[sheetTask]proposal{}, byID: map[string]proposal{},
		many: map[string]bool{}, alias: map[sheetTask]string{}}
	for i, r := range rows {
		if i == 0 || len(r) < 2 || r[1] == "" {
			continue
		}
		p := make(proposal, len(trackedFields))
		for j := range trackedFields {
			if writtenFirst+j < len(r) {
				p[j] = r[writtenFirst+j]
			}
		}
		sheet, id := r[0], strings.TrimSpace(r[1])
		if len(r) > 2 && r[2] != "" {
			w.alias[sheetTask{sheet, strings.TrimSpace(r[2])}] = id
		}
		w.bySheet[sheetTask{sheet, id}] = p
		if _, ok := w.byID[id]; ok {
			w.many[id] = true
		}
		w.byID[id] = p
	}
	return w
}

// aliasOf returns the id of the row of sheet that the task the
// extraction gave id was matched to, or "".
func (w *written) aliasOf(sheet, id string) string {
	if w == nil {
		return ""
	}
	return w.alias[sheetTask{sheet, id}]
}

// lookup returns the proposal recorded for task id on sheet, or on
// another sheet if it is the only one; nil if there is none.
func (w *written) lookup(sheet, id string) proposal {
	if w == nil {
		return nil
	}
	if p, ok := w.bySheet[sheetTask{sheet, id}]; ok {
		return p
	}
	if !w.many[id] {
		return w.byID[id]
	}
	return nil
}

// proposalOf returns what the program writes into the tracked fields of
// r, as read back.
func proposalOf(r *row) proposal {
	p := make(proposal, len(trackedFields))
	for i, fd := range trackedFields {
		p[i] = writtenValue(r, fd)
	}
	return p
}

// writtenValue returns the value the cell of fd holds once r is written, as
// the fast reader reads it back.
func writtenValue(r *row, fd field) string {
	switch fd {
	case fieldText:
		return cleanText(r.Text)
	case fieldDue:
		if r.Due.IsZero() {
			return ""
		}
		return strconv.FormatInt(excelSerial(r.Due), 10)
	case fieldTargetValue:
		if !r.HasValue {
			return ""
		}
		return formatNumber(r.TargetValue)
	}
	return cleanText(r.field(fd))
}

// sameValue reports whether the cell values a and b are the same once
// what a save without edits changes is set aside: line breaks (CR LF,
// CR, LF), white space at either end, and the last digits of a number
// written back from binary floating point.
func sameValue(a, b string) bool {
	a, b = foldValue(a), foldValue(b)
	if a == b {
		return true
	}
	x, errA := strconv.ParseFloat(a, 64)
	y, errB := strconv.ParseFloat(b, 64)
	if errA != nil || errB != nil {
		return false
	}
	return math.Abs(x-y) <= 1e-9*math.Max(1, math.Max(math.Abs(x), math.Abs(y)))
}

// foldValue folds line breaks and trims white space.
func foldValue(s string) string {
	if strings.ContainsRune(s, '\r') {
		s = strings.ReplaceAll(s, "\r\n", "\n")
		s = strings.ReplaceAll(s, "\r", "\n")
	}
	return strings.TrimSpace(s)
}

// writeWritten writes the record of the ledger's task rows into
// writtenSheet, its rows' XML added to rows. Each row's proposal is
// Row.Proposed, or what it shows when it has none.
func writeWritten(l *ledger, rows *rowWriter) error {
	r := &sheetRows{}
	out := rows.add(writtenSheet, r)
	n := 1
	var cells bytes.Buffer
	line := func(vals []string) {
		cells.Reset()
		for j, v := range vals {
			xlsx.StringCell(&cells, cellName(j+1, n), 0, cleanText(v))
		}
		xlsx.Row(out.next(), n, 0, cells.Bytes())
		n++
	}
	line(writtenHeader)
	defer out.close()
	for i := range l.Sheets {
		sh := &l.Sheets[i]
		err := sh.eachRow(l, func(r *row) error {
			if r.ID == "" || r.Verbatim {
				return nil
			}
			p := r.Proposed
			if p == nil {
				p = proposalOf(r)
			}
			home := sh.Name
			if r.Home != "" {
				home = r.Home
			}
			line(append([]string{home, r.ID, r.ExtractedID}, p...))
			return nil
		})
		if err != nil {
			return err
		}
	}
	r.frame = xlsx.Frame{LastRow: n - 1, LastCol: len(writtenHeader), Replace: true}
	return nil
}
