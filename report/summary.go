package report

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"

	"github.com/speechledger/speechledger/report/internal/xlsx"
	"github.com/xuri/excelize/v2"
)

// Fonts of the summary sheet and of the default template. SimSun (宋体) and
// SimHei (黑体) come with every Chinese Windows and with WPS; LibreOffice
// substitutes Noto Serif/Sans CJK SC for them where they are missing.
const (
	fontBody  = "宋体"
	fontTitle = "黑体"
)

// summaryCols are the summary sheet's columns: A 序号, B name, C 讲话日期,
// D 来源文件, E 任务数, F 有时限, G 已逾期, H 30日内到期, I 本次新增,
// J 已移出, K 说明.
var summaryCols = []struct {
	width float64
}{{6}, {44}, {12}, {32}, {9}, {9}, {9}, {11}, {9}, {9}, {44}}

// summaryRowHeight is the height of a one-line row of the summary, in
// points: room for a Chinese line in any of the fonts that stand in for 宋体.
const summaryRowHeight = 18

// summaryStyles are the cell styles of the summary sheet.
type summaryStyles struct {
	title, section, note, label, header, text, num, date, link, total, totalNum, reportDate int
}

func newSummaryStyles(f *excelize.File) (*summaryStyles, error) {
	border := []excelize.Border{
		{Type: "left", Color: "808080", Style: 1}, {Type: "right", Color: "808080", Style: 1},
		{Type: "top", Color: "808080", Style: 1}, {Type: "bottom", Color: "808080", Style: 1},
	}
	body := func(bold bool, color string) *excelize.Font {
		return &excelize.Font{Family: fontBody, Size: 11, Bold: bold, Color: color}
	}
	top := &excelize.Alignment{Vertical: "center", WrapText: true}
	center := &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}
	type spec struct {
		id *int
		st excelize.Style
	}
	var specs []spec
	s := &summaryStyles{}
	add := func(id *int, st excelize.Style) { specs = append(specs, spec{id, st}) }
	add(&s.title, excelize.Style{Font: &excelize.Font{Family: fontTitle, Size: 16, Bold: true}, Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center"}})
	add(&s.section, excelize.Style{Font: &excelize.Font{Family: fontTitle, Size: 12, Bold: true}, Alignment: &excelize.Alignment{Vertical: "center"}})
	add(&s.note, excelize.Style{Font: &excelize.Font{Family: fontBody, Size: 10, Color: "404040"}, Alignment: &excelize.Alignment{Vertical: "center", WrapText: true}})
	add(&s.label, excelize.Style{Font: &excelize.Font{Family: fontTitle, Size: 11, Bold: true}, Alignment: &excelize.Alignment{Horizontal: "right", Vertical: "center"}})
	add(&s.header, excelize.Style{Font: &excelize.Font{Family: fontTitle, Size: 11, Bold: true}, Border: border,
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9E1F2"}},
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}})
	add(&s.text, excelize.Style{Font: body(false, ""), Border: border, Alignment: top})
	add(&s.num, excelize.Style{Font: body(false, ""), Border: border, Alignment: center})
	add(&s.date, excelize.Style{Font: body(false, ""), Border: border, Alignment: center, CustomNumFmt: ptr("yyyy-mm-dd")})
	add(&s.link, excelize.Style{Font: &excelize.Font{Family: fontBody, Size: 11, Color: "0563C1", Underline: "single"}, Border: border, Alignment: top})
	totalFill := excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"F2F2F2"}}
	add(&s.total, excelize.Style{Font: body(true, ""), Border: border, Alignment: top, Fill: totalFill})
	add(&s.totalNum, excelize.Style{Font: body(true, ""), Border: border, Alignment: center, Fill: totalFill})
	add(&s.reportDate, excelize.Style{Font: body(true, ""), Border: border, Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center"}, CustomNumFmt: ptr("yyyy-mm-dd")})
	for _, sp := range specs {
		id, err := f.NewStyle(&sp.st)
		if err != nil {
			return nil, err
		}
		*sp.id = id
	}
	return s, nil
}

// A summaryWriter writes the summary sheet row by row, as SpreadsheetML
// (see rowWriter); excelize merges cells, adds links and the chart.
type summaryWriter struct {
	f      *excelize.File
	sheet  string
	st     *summaryStyles
	row    int          // the row being written
	height float64      // of the row being written, 0 for the default
	cells  bytes.Buffer // of the row being written, as XML
	xml    bytes.Buffer // the rows written before
	err    error
}

// cell writes v (a string, a number or nil) to column col of the current
// row with style. A row's cells are written in column order.
func (w *summaryWriter) cell(col int, v any, style int) {
	ref := cellName(col, w.row)
	switch v := v.(type) {
	case nil:
		xlsx.EmptyCell(&w.cells, ref, style)
	case string:
		xlsx.StringCell(&w.cells, ref, style, cleanText(v))
	case int:
		xlsx.NumberCell(&w.cells, ref, style, strconv.Itoa(v))
	case float64:
		xlsx.NumberCell(&w.cells, ref, style, strconv.FormatFloat(v, 'f', -1, 64))
	default:
		panic(fmt.Sprintf("summary cell of type %T", v))
	}
}

// line starts a new row of height h (0 for the default) and merges its
// columns from..to when from < to.
func (w *summaryWriter) line(h float64, from, to int) {
	w.flush()
	w.row++
	w.height = h
	if w.err == nil && from < to {
		w.err = w.f.MergeCell(w.sheet, cellName(from, w.row), cellName(to, w.row))
	}
}

// flush writes out the row being written.
func (w *summaryWriter) flush() {
	if w.row == 0 || w.cells.Len() == 0 && w.height == 0 {
		return
	}
	xlsx.Row(&w.xml, w.row, w.height, w.cells.Bytes())
	w.cells.Reset()
}

// header writes a table's header row.
func (w *summaryWriter) header(labels ...string) {
	w.line(30, 0, 0)
	for i, s := range labels {
		w.cell(i+1, s, w.st.header)
	}
}

// writeSummary writes the summary sheet, its rows with rows: the report
// date, one line per speech, totals, then the tasks by lead body and by
// month of deadline.
func writeSummary(f *excelize.File, l *ledger, rows *rowWriter) error {
	st, err := newSummaryStyles(f)
	if err != nil {
		return err
	}
	w := &summaryWriter{f: f, sheet: summarySheet, st: st}
	last := len(summaryCols)
	w.heading(l)
	titles, dups := w.speeches(l)
	w.speechTotals(l, dups)
	bodyRow := w.bodies(l)
	w.months(l)
	w.chart(l, bodyRow)
	w.flush()
	if w.err != nil {
		return w.err
	}
	rows.addRows(summarySheet, &sheetRows{frame: xlsx.Frame{LastRow: w.row, LastCol: last, Replace: true}}, w.xml.Bytes())
	for i, c := range summaryCols {
		name, _ := excelize.ColumnNumberToName(i + 1)
		if err := f.SetColWidth(summarySheet, name, name, c.width); err != nil {
			return err
		}
	}
	if err := setPrint(f, summarySheet, "讲话任务督办台账汇总"); err != nil {
		return err
	}
	return setLocalName(f, summarySheet, 0, printTitles, fmt.Sprintf("%s!$%d:$%d", sheetRef(summarySheet), titles, titles), false)
}

// heading writes the summary's title, the report date and the legend.
func (w *summaryWriter) heading(l *ledger) {
	last := len(summaryCols)
	w.line(34, 1, last)
	w.cell(1, "讲话任务督办台账汇总", w.st.title)
	w.line(22, 4, last)
	if w.err == nil {
		w.err = w.f.MergeCell(summarySheet, "A2", "B2")
	}
	w.cell(1, "报告日期", w.st.label)
	w.cell(2, nil, w.st.label)
	w.cell(3, int(excelSerial(l.ReportDate)), w.st.reportDate) // reportDateCell
	w.cell(4, "← 各篇“预警”列和行底色按此日期计算，改动后随之更新；本表计数为生成时按此日期的统计。", w.st.note)
	w.line(34, 1, last)
	w.cell(1, "说明：“工作任务”列中，蓝色为时间节点，紫色为责任单位，橙色为量化目标。行底色：红色为已逾期未办结，黄色为7日内到期，绿色为已办结。", w.st.note)
}

// speeches writes the table of speeches, one line each, and returns its
// header row, printed at the top of every page, and how many speeches
// are duplicates.
func (w *summaryWriter) speeches(l *ledger) (titles, dups int) {
	last := len(summaryCols)
	// 一、各篇讲话
	w.line(8, 0, 0)
	w.line(24, 1, last)
	w.cell(1, "一、各篇讲话", w.st.section)
	w.header("序号", "讲话标题", "讲话日期", "来源文件", "任务数", "有时限", "已逾期", "30日内到期", "本次新增", "已移出", "说明")
	titles = w.row
	for i, e := range l.Speeches {
		w.line(summaryRowHeight, 0, 0)
		w.cell(1, i+1, w.st.num)
		title := e.Title
		if title == "" {
			title = "（无标题）"
		}
		if e.Sheet != "" {
			w.cell(2, title, w.st.link)
			if w.err == nil {
				cell, _ := excelize.CoordinatesToCellName(2, w.row)
				at := "A1"
				if e.Row > 0 {
					at = "A" + strconv.Itoa(e.Row)
				}
				w.err = w.f.SetCellHyperLink(summarySheet, cell, sheetRef(e.Sheet)+"!"+at, "Location",
					excelize.HyperlinkOpts{Tooltip: ptr("转到工作表 " + e.Sheet)})
			}
		} else {
			if e.Archived == "" {
				dups++
			}
			w.cell(2, title, w.st.text)
		}
		if e.Date.IsZero() {
			w.cell(3, nil, w.st.date)
		} else {
			w.cell(3, int(excelSerial(e.Date)), w.st.date)
		}
		source := e.Source
		if !e.Gone {
			source += " " + ordinal(e.Index)
		}
		w.cell(4, source, w.st.text)
		if e.Sheet != "" {
			w.cell(5, e.Tasks, w.st.num)
			w.cell(6, e.WithDue, w.st.num)
			w.cell(7, e.Overdue, w.st.num)
			w.cell(8, e.DueSoon, w.st.num)
			w.cell(9, e.New, w.st.num)
			w.cell(10, e.Removed, w.st.num)
		} else {
			for col := 5; col <= 10; col++ {
				w.cell(col, "—", w.st.num)
			}
		}
		w.cell(11, e.Note, w.st.text)
		w.fitRow(e.Title, source, e.Note)
	}
	return titles, dups
}

// speechTotals writes the line of totals under the table of speeches,
// dups of them duplicates.
func (w *summaryWriter) speechTotals(l *ledger, dups int) {
	w.line(summaryRowHeight, 0, 0)
	w.cell(1, "合计", w.st.total)
	gone, archived := 0, 0
	for _, e := range l.Speeches {
		if e.Gone {
			gone++
		}
		if e.Archived != "" {
			archived++
		}
	}
	label := fmt.Sprintf("%d 篇讲话，其中重复 %d 篇", len(l.Speeches)-gone, dups)
	if archived > 0 {
		label += fmt.Sprintf("、已归档 %d 篇", archived)
	}
	if gone > 0 {
		label += fmt.Sprintf("；另有已移出的讲话 %d 篇", gone)
	}
	w.cell(2, label, w.st.total)
	w.cell(3, nil, w.st.total)
	w.cell(4, nil, w.st.total)
	w.cell(5, l.Totals.Tasks, w.st.totalNum)
	w.cell(6, l.Totals.WithDue, w.st.totalNum)
	w.cell(7, l.Totals.Overdue, w.st.totalNum)
	w.cell(8, l.Totals.DueSoon, w.st.totalNum)
	w.cell(9, l.Totals.New, w.st.totalNum)
	w.cell(10, l.Totals.Removed, w.st.totalNum)
	w.cell(11, nil, w.st.total)
}

// bodies writes the table of tasks by lead body and returns the row of
// its first body.
func (w *summaryWriter) bodies(l *ledger) int {
	last := len(summaryCols)
	// 二、按责任单位
	w.line(8, 0, 0)
	w.line(24, 1, last)
	w.cell(1, "二、按责任单位（牵头），已逾期多者在前；已逾期、30日内到期不含已办结", w.st.section)
	w.header("序号", "责任单位", "", "", "牵头任务", "有时限", "已逾期", "30日内到期", "已办结", "办结率", "最后反馈日期")
	bodyRow := w.row + 1
	for i, b := range l.Bodies {
		w.line(summaryRowHeight, 2, 4)
		w.cell(1, i+1, w.st.num)
		w.cell(2, b.Name, w.st.text)
		w.cell(3, nil, w.st.text)
		w.cell(4, nil, w.st.text)
		w.cell(5, b.Led, w.st.num)
		w.cell(6, b.WithDue, w.st.num)
		w.cell(7, b.Overdue, w.st.num)
		w.cell(8, b.DueSoon, w.st.num)
		w.cell(9, b.Done, w.st.num)
		w.cell(10, percent(float64(b.Done)/float64(max(b.Led, 1))), w.st.num)
		if b.LastReply.IsZero() {
			w.cell(11, "—", w.st.num)
		} else {
			w.cell(11, int(excelSerial(b.LastReply)), w.st.date)
		}
	}
	if len(l.Bodies) == 0 {
		w.line(0, 1, last)
		w.cell(1, "（没有识别出责任单位）", w.st.text)
	}
	return bodyRow
}

// months writes the table of tasks by month of deadline.
func (w *summaryWriter) months(l *ledger) {
	last := len(summaryCols)
	// 三、按完成月份
	w.line(8, 0, 0)
	w.line(24, 1, last)
	w.cell(1, "三、按完成时限所在月份", w.st.section)
	w.header("序号", "月份", "", "", "任务数", "", "已逾期", "", "", "", "")
	for i, m := range l.Months {
		w.line(summaryRowHeight, 2, 4)
		w.cell(1, i+1, w.st.num)
		w.cell(2, monthLabel(m.Month), w.st.text)
		w.cell(3, nil, w.st.text)
		w.cell(4, nil, w.st.text)
		w.cell(5, m.Tasks, w.st.num)
		w.cell(6, nil, w.st.num)
		w.cell(7, m.Overdue, w.st.num)
		w.cell(8, nil, w.st.num)
		w.cell(9, nil, w.st.num)
		w.cell(10, nil, w.st.num)
		w.cell(11, nil, w.st.text)
	}
}

// chart adds the chart of the bodies leading the most tasks, whose rows
// in the table of bodies start at bodyRow.
func (w *summaryWriter) chart(l *ledger, bodyRow int) {
	last := len(summaryCols)
	if n := min(len(l.Bodies), chartBodies); n > 0 && w.err == nil {
		w.line(8, 0, 0)
		w.line(24, 1, last)
		w.cell(1, fmt.Sprintf("四、牵头任务最多的责任单位（前 %d 个，按上表顺序）", n), w.st.section)
		w.line(0, 0, 0)
		w.err = addBodyChart(w.f, "A"+strconv.Itoa(w.row), bodyRow, bodyRow+n-1)
	}
}

// chartBodies is how many bodies the summary's chart shows.
const chartBodies = 15

// addBodyChart adds at cell of the summary a bar chart of the tasks led and
// overdue of the bodies in rows first..last of the by-body table.
func addBodyChart(f *excelize.File, cell string, first, last int) error {
	ref := func(col string) string {
		return fmt.Sprintf("%s!$%s$%d:$%s$%d", sheetRef(summarySheet), col, first, col, last)
	}
	font := &excelize.Font{Family: fontBody, Size: 10, Color: "000000"}
	return f.AddChart(summarySheet, cell, &excelize.Chart{
		Type: excelize.Bar,
		Series: []excelize.ChartSeries{
			{Name: "牵头任务", Categories: ref("B"), Values: ref("E"), Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"4472C4"}}},
			{Name: "已逾期", Categories: ref("B"), Values: ref("G"), Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"C00000"}}},
		},
		Title:     excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: "各责任单位牵头任务数", Font: &excelize.Font{Family: fontTitle, Size: 12, Bold: true, Color: "000000"}}}},
		Legend:    excelize.ChartLegend{Position: "bottom", Font: font},
		XAxis:     excelize.ChartAxis{ReverseOrder: true, Font: *font},
		YAxis:     excelize.ChartAxis{MajorGridLines: true, Font: *font},
		Dimension: excelize.ChartDimension{Width: 900, Height: uint(120 + 26*(last-first+1))},
		Format:    excelize.GraphicOptions{OffsetX: 4, OffsetY: 4},
		GapWidth:  ptr(uint(60)),
	})
}

// fitRow makes the current row tall enough to show its title, source and
// note in full when they wrap, or as much of them as the tallest row
// shows. The height goes into the row's XML: the summary's rows replace
// what excelize holds of the sheet, heights set through it included.
func (w *summaryWriter) fitRow(title, source, note string) {
	lines := max(estimateLines(title, summaryCols[1].width, 11),
		estimateLines(source, summaryCols[3].width, 11),
		estimateLines(note, summaryCols[len(summaryCols)-1].width, 11))
	if lines > 1 {
		w.height = max(w.height, min(float64(lines)*11*lineSpacing+5, maxRowHeight))
	}
}

// monthLabel writes YYYY-MM as YYYY年M月, and "" as 无完成时限.
func monthLabel(m string) string {
	if m == "" {
		return "无完成时限"
	}
	y, mo, _ := strings.Cut(m, "-")
	n, _ := strconv.Atoi(mo)
	return y + "年" + strconv.Itoa(n) + "月"
}

// setPrint sets up sheet for printing on A4 landscape, one page wide, with
// a binding margin on the left, title in the page header and page numbers
// in the footer.
func setPrint(f *excelize.File, sheet, title string) error {
	if err := f.SetPageLayout(sheet, pageA4Landscape()); err != nil {
		return err
	}
	if err := f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: ptr(true)}); err != nil {
		return err
	}
	if err := f.SetPageMargins(sheet, pageMargins()); err != nil {
		return err
	}
	return f.SetHeaderFooter(sheet, &excelize.HeaderFooterOptions{
		OddHeader: "&C" + strings.ReplaceAll(title, "&", "&&"),
		OddFooter: footer,
	})
}

// footer is the page footer: 第 N 页，共 M 页.
const footer = "&C第 &P 页，共 &N 页"

func pageA4Landscape() *excelize.PageLayoutOptions {
	return &excelize.PageLayoutOptions{
		Size:        ptr(9), // A4
		Orientation: ptr("landscape"),
		FitToWidth:  ptr(1),
		FitToHeight: ptr(0),
	}
}

// pageMargins leaves 2 cm on the left for binding; margins are in inches.
func pageMargins() *excelize.PageLayoutMarginsOptions {
	return &excelize.PageLayoutMarginsOptions{
		Left: ptr(0.8), Right: ptr(0.4), Top: ptr(0.75), Bottom: ptr(0.7),
		Header: ptr(0.3), Footer: ptr(0.3),
	}
}
