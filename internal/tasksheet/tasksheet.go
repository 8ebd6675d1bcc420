// Package tasksheet reads task-division workbooks (任务分工表) saved as
// .xlsx: the worksheets whose header names a task column and a unit
// column, as extract.TaskTable values for extract's TableSpeech. It takes
// the workbook's bytes and reads no file.
package tasksheet

import (
	"bytes"
	"errors"
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/speechledger/speechledger/extract"
)

// Errors of a workbook that gives no task table.
var (
	ErrCorrupt = errors.New("corrupt or truncated .xlsx workbook")
	// ErrLedger is a ledger speechledger wrote, given as an input.
	ErrLedger = errors.New("a ledger speechledger wrote (it has the sheets 汇总 and 变更记录), not a task-division sheet")
)

// Limits on what a workbook may expand to, as for a .docx.
const (
	maxBytes    = 64 << 20
	maxXMLBytes = 64 << 20
	maxRows     = 100000
)

// Tables returns the task-division tables of the workbook in b, one per
// worksheet whose header (in its first ten rows, of one or two rows)
// names a task column and a unit column, in sheet order. A merged cell's
// value fills every cell it covers, so that a unit or deadline merged
// over several rows belongs to each of them and a two-row header reads as
// one. A sheet's title is the text of the rows above its header (a title
// merged across the table), or else the sheet's name. Tables fails with
// ErrLedger for a workbook speechledger wrote, with ErrCorrupt for one
// that cannot be read, and with extract.ErrNotTaskTable when no sheet is
// a task-division table.
func Tables(b []byte) ([]extract.TaskTable, error) {
	f, err := excelize.OpenReader(bytes.NewReader(b), excelize.Options{UnzipSizeLimit: maxBytes, UnzipXMLSizeLimit: maxXMLBytes})
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrCorrupt, err)
	}
	defer f.Close()
	sheets := f.GetSheetList()
	if contains(sheets, "汇总") && contains(sheets, "变更记录") {
		return nil, ErrLedger
	}
	var out []extract.TaskTable
	for _, name := range sheets {
		rows, err := sheetRows(f, name)
		if err != nil {
			return nil, fmt.Errorf("%w: sheet %s: %v", ErrCorrupt, name, err)
		}
		t := extract.TaskTable{Title: name, Rows: rows}
		header, _, ok := extract.TaskHeader(rows)
		if !ok {
			continue
		}
		if title := titleAbove(rows[:header]); title != "" {
			t.Title = title
		}
		out = append(out, t)
	}
	if len(out) == 0 {
		return nil, extract.ErrNotTaskTable
	}
	return out, nil
}

// sheetRows returns the rows of a sheet as text, each merged cell's value
// in every cell of its range.
func sheetRows(f *excelize.File, sheet string) ([][]string, error) {
	rows, err := f.GetRows(sheet)
	if err != nil {
		return nil, err
	}
	if len(rows) > maxRows {
		rows = rows[:maxRows]
	}
	merged, err := f.GetMergeCells(sheet)
	if err != nil {
		return nil, err
	}
	for _, m := range merged {
		c1, r1, err1 := excelize.CellNameToCoordinates(m.GetStartAxis())
		c2, r2, err2 := excelize.CellNameToCoordinates(m.GetEndAxis())
		if err1 != nil || err2 != nil || r1 > len(rows) {
			continue
		}
		v := m.GetCellValue()
		for r := r1; r <= min(r2, len(rows)); r++ {
			for c := c1; c <= min(c2, 1000); c++ {
				row := rows[r-1]
				for len(row) < c {
					row = append(row, "")
				}
				row[c-1] = v
				rows[r-1] = row
			}
		}
	}
	return rows, nil
}

// titleAbove returns the text of the rows above a header, each row's
// distinct cells once, or "".
func titleAbove(rows [][]string) string {
	var parts []string
	for _, row := range rows {
		for _, c := range row {
			c = strings.TrimSpace(c)
			if c != "" && !contains(parts, c) {
				parts = append(parts, c)
			}
		}
	}
	return strings.Join(parts, " ")
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
