package report

import (
	"strconv"
	"strings"

	"github.com/speechledger/speechledger/report/internal/xlsx"
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

// writeLog writes the change log, its rows with rows: the lines of the
// previous workbook's, old, then one for this run, whose 说明 holds
// st.Notes. Columns staff added to the right of logCols, whose labels
// are in the previous header row head, are kept with their notes; so
// are staff's edits of earlier lines. A later command that writes into
// the ledger adds its own line the same way: a Stats with its Notes.
func writeLog(f *excelize.File, l *ledger, old [][]string, head []string, st Stats, rows *rowWriter) error {
	ss, err := newSummaryStyles(f)
	if err != nil {
		return err
	}
	w := &summaryWriter{f: f, sheet: logSheet, st: ss}
	w.line(24, 1, len(logCols))
	w.cell(1, "台账变更记录（每次生成一行）", ss.section)
	for col := 2; col <= len(logCols); col++ {
		w.cell(col, nil, ss.section)
	}
	w.line(0, 0, 0) // logHeaderRow
	for i, c := range logCols {
		w.cell(i+1, c.label, ss.header)
		name, _ := excelize.ColumnNumberToName(i + 1)
		if err := f.SetColWidth(logSheet, name, name, c.width); err != nil {
			return err
		}
	}
	width := len(logCols)
	for j := len(logCols); j < len(head); j++ {
		w.cell(j+1, head[j], ss.header)
		width = j + 1
	}
	var notes []string
	if st.First {
		notes = append(notes, "首次生成")
	}
	note := strings.Join(append(notes, st.Notes...), "；")
	lines := append([][]string(nil), old...)
	lines = append(lines, []string{
		"", strconv.FormatInt(excelSerial(l.ReportDate), 10), strings.Join(l.Inputs, "、"),
		strconv.Itoa(st.Speeches), strconv.Itoa(st.Tasks), strconv.Itoa(st.New), strconv.Itoa(st.Removed),
		strconv.Itoa(st.Changed), strconv.Itoa(st.Carried), note,
	})
	for i, r := range lines {
		w.line(0, 0, 0)
		for j, c := range logCols {
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
			if x, err := strconv.ParseFloat(v, 64); c.num && err == nil {
				w.cell(j+1, x, style)
			} else if v != "" {
				w.cell(j+1, v, style)
			} else {
				w.cell(j+1, nil, style)
			}
		}
		for j := len(logCols); j < len(r); j++ {
			if r[j] != "" {
				w.cell(j+1, r[j], ss.text)
				width = max(width, j+1)
			}
		}
	}
	w.flush()
	if w.err != nil {
		return w.err
	}
	rows.addRows(logSheet, &sheetRows{frame: xlsx.Frame{LastRow: w.row, LastCol: width, Replace: true}}, w.xml.Bytes())
	if err := f.SetPanes(logSheet, &excelize.Panes{
		Freeze: true, YSplit: logHeaderRow, TopLeftCell: "A3", ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: "A3", ActiveCell: "A3", Pane: "bottomLeft"}},
	}); err != nil {
		return err
	}
	return setPrint(f, logSheet, "台账变更记录")
}
