package report

import (
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// logCols are the columns of the change log: each run's report date, its
// inputs and what it changed.
var logCols = []struct {
	label string
	width float64
	num   bool
}{
	{"序号", 6, true},
	{"报告日期", 12, true},
	{"输入", 36, false},
	{"讲话", 8, true},
	{"任务", 8, true},
	{"新增", 8, true},
	{"移出", 8, true},
	{"内容变化", 10, true},
	{"沿用编辑", 10, true},
	{"说明", 30, false},
}

// logHeaderRow is the row of the change log's header.
const logHeaderRow = 2

// writeLog writes the change log: the lines of the previous workbook's,
// old, then one for this run.
func writeLog(f *excelize.File, l *ledger, old [][]string, st Stats) error {
	ss, err := newSummaryStyles(f)
	if err != nil {
		return err
	}
	last, _ := excelize.ColumnNumberToName(len(logCols))
	if err := f.MergeCell(logSheet, "A1", last+"1"); err != nil {
		return err
	}
	if err := f.SetCellStr(logSheet, "A1", "台账变更记录（每次生成一行）"); err != nil {
		return err
	}
	if err := f.SetCellStyle(logSheet, "A1", last+"1", ss.section); err != nil {
		return err
	}
	if err := f.SetRowHeight(logSheet, 1, 24); err != nil {
		return err
	}
	for i, c := range logCols {
		name, _ := excelize.ColumnNumberToName(i + 1)
		cell := name + strconv.Itoa(logHeaderRow)
		if err := f.SetCellStr(logSheet, cell, c.label); err != nil {
			return err
		}
		if err := f.SetCellStyle(logSheet, cell, cell, ss.header); err != nil {
			return err
		}
		if err := f.SetColWidth(logSheet, name, name, c.width); err != nil {
			return err
		}
	}
	note := ""
	if st.First {
		note = "首次生成"
	}
	rows := append([][]string(nil), old...)
	rows = append(rows, []string{
		"", strconv.FormatInt(excelSerial(l.ReportDate), 10), strings.Join(l.Inputs, "、"),
		strconv.Itoa(st.Speeches), strconv.Itoa(st.Tasks), strconv.Itoa(st.New), strconv.Itoa(st.Removed),
		strconv.Itoa(st.Changed), strconv.Itoa(st.Carried), note,
	})
	for i, r := range rows {
		n := logHeaderRow + 1 + i
		for j, c := range logCols {
			cell, _ := excelize.CoordinatesToCellName(j+1, n)
			v := ""
			if j < len(r) {
				v = r[j]
			}
			if j == 0 {
				v = strconv.Itoa(i + 1)
			}
			style := ss.text
			if c.num {
				style = ss.num
			}
			if j == 1 {
				style = ss.date
			}
			if err := f.SetCellStyle(logSheet, cell, cell, style); err != nil {
				return err
			}
			if x, err := strconv.ParseFloat(v, 64); c.num && err == nil {
				err = f.SetCellFloat(logSheet, cell, x, -1, 64)
				if err != nil {
					return err
				}
			} else if v != "" {
				if err := f.SetCellStr(logSheet, cell, cleanText(v)); err != nil {
					return err
				}
			}
		}
	}
	if err := f.SetPanes(logSheet, &excelize.Panes{
		Freeze: true, YSplit: logHeaderRow, TopLeftCell: "A3", ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: "A3", ActiveCell: "A3", Pane: "bottomLeft"}},
	}); err != nil {
		return err
	}
	return setPrint(f, logSheet, "台账变更记录")
}
