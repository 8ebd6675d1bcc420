package report

import (
	"cmp"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/speechledger/speechledger/extract"
	"github.com/speechledger/speechledger/internal/atomicfile"
	"github.com/xuri/excelize/v2"
)

// HandoutOptions configure Handout.
type HandoutOptions struct {
	ReportDate extract.Date // the day the handout is made
	ReplyBy    extract.Date // the day replies are due; zero for a week after ReportDate
	From       string       // who sends it, for the title block; "" leaves a blank to fill in
	// Remind makes reminders (催办单): only the tasks not 已办结 that are
	// overdue or due within DueWithin days of ReportDate.
	Remind    bool
	DueWithin int
	// Canonical returns the name a unit named name is grouped under (the
	// names of --bodies); nil groups by the name as written. Names with
	// and without a level prefix are then grouped as the ledger's 汇总
	// groups them.
	Canonical func(name string) string
}

// A HandoutFile is one unit's workbook that Handout wrote.
type HandoutFile struct {
	Unit    string
	Path    string
	Lead    int // tasks the unit leads
	Support int // tasks it supports
}

// Sheets and marks of a handout workbook, which collect reads back.
const (
	handoutMetaSheet = "交办信息"
	handoutMarker    = "speechledger 交办信息（请保留此表，反馈按此核对）"
	handoutHeaderRow = 4
	kindHandout      = "交办"
	kindRemind       = "催办"
	roleLead         = "牵头"
	roleSupport      = "配合"
)

// handoutCols are the columns of a handout sheet; the unit fills in the
// last four (unitFields). remindOnly columns appear on reminders only.
var handoutCols = []struct {
	label      string
	width      float64
	remindOnly bool
}{
	{"序号", 5, false}, {"任务编号", 15, false}, {"承办", 5, false}, {"讲话", 18, false},
	{"工作任务", 42, false}, {"时间节点", 12, false}, {"完成时限", 11, false}, {"预警", 10, true},
	{"量化目标", 14, false}, {"牵头单位", 12, false}, {"配合单位", 12, false},
	{"办理状态", 9, false}, {"进展情况", 26, false}, {"完成日期", 11, false}, {"联系人", 10, false},
}

// handoutMetaCols are the columns of the task table of the 交办信息 sheet:
// each row's task, its speech sheet in the ledger, the unit's role, and
// the unit fields as the ledger held them when the handout was made, which
// collect compares the reply and the ledger with.
var handoutMetaCols = []string{"任务编号", "讲话表", "承办", "办理状态", "进展情况", "完成日期", "联系人"}

// A handoutTask is a task on one unit's handout.
type handoutTask struct {
	*ledgerTask
	role string
}

// Handout writes into dir, for each responsible unit of the ledger at
// ledgerPath, a workbook of its tasks to be sent to it (交办), or with
// opt.Remind of those near or past their deadline (催办). It returns the
// files written, in the order of the units' names.
func Handout(ledgerPath, dir string, opt HandoutOptions) ([]HandoutFile, error) {
	if opt.ReportDate.IsZero() {
		return nil, fmt.Errorf("no report date")
	}
	if opt.ReplyBy.IsZero() {
		opt.ReplyBy = opt.ReportDate.AddDays(7)
	}
	lb, err := openLedgerBook(ledgerPath)
	if err != nil {
		return nil, err
	}
	defer lb.close()
	units := groupTasks(lb.tasks, opt)
	names := make([]string, 0, len(units))
	for u := range units {
		names = append(names, u)
	}
	slices.Sort(names)
	var out []HandoutFile
	used := map[string]bool{}
	for _, u := range names {
		tasks := units[u]
		hf := HandoutFile{Unit: u, Path: filepath.Join(dir, uniqueFileName(used, safeFileName(u)+"-"+handoutTitle(opt.Remind)+".xlsx"))}
		for _, t := range tasks {
			if t.role == roleLead {
				hf.Lead++
			} else {
				hf.Support++
			}
		}
		if err := writeHandout(hf.Path, filepath.Base(ledgerPath), u, tasks, opt); err != nil {
			return out, fmt.Errorf("write %s: %w", hf.Path, err)
		}
		out = append(out, hf)
	}
	return out, nil
}

// handoutTitle names a handout: 督办任务 or 催办单.
func handoutTitle(remind bool) string {
	if remind {
		return "催办单"
	}
	return "督办任务"
}

// groupTasks returns each unit's tasks: those it leads in ledger order,
// then those it supports. A task with several lead units is on each one's
// list. With opt.Remind only the tasks due for a reminder are listed.
func groupTasks(tasks []*ledgerTask, opt HandoutOptions) map[string][]handoutTask {
	canon := func(name string) string {
		if opt.Canonical != nil {
			return opt.Canonical(name)
		}
		return name
	}
	var all []string
	for _, t := range tasks {
		for _, n := range t.Lead {
			all = append(all, canon(n))
		}
		for _, n := range t.Support {
			all = append(all, canon(n))
		}
	}
	group := extract.GroupNames(all)
	unitOf := func(name string) string {
		c := canon(name)
		return cmp.Or(group[c], c)
	}
	lead, support := map[string][]handoutTask{}, map[string][]handoutTask{}
	for _, t := range tasks {
		if opt.Remind && !remindDue(t, opt) {
			continue
		}
		var leads []string
		for _, n := range t.Lead {
			u := unitOf(n)
			if !slices.Contains(leads, u) {
				leads = append(leads, u)
				lead[u] = append(lead[u], handoutTask{t, roleLead})
			}
		}
		var sups []string
		for _, n := range t.Support {
			u := unitOf(n)
			if !slices.Contains(leads, u) && !slices.Contains(sups, u) {
				sups = append(sups, u)
				support[u] = append(support[u], handoutTask{t, roleSupport})
			}
		}
	}
	units := map[string][]handoutTask{}
	for u, ts := range lead {
		units[u] = ts
	}
	for u, ts := range support {
		units[u] = append(units[u], ts...)
	}
	return units
}

// remindDue reports whether t is due for a reminder: not 已办结, with a
// deadline past or within opt.DueWithin days of the report date.
func remindDue(t *ledgerTask, opt HandoutOptions) bool {
	return !t.Due.IsZero() && t.Values[0] != statusDone && opt.ReportDate.DaysUntil(t.Due) <= opt.DueWithin
}

// remindNote says how far t is from its deadline on day d.
func remindNote(t *ledgerTask, d extract.Date) string {
	switch n := d.DaysUntil(t.Due); {
	case t.Due.IsZero():
		return ""
	case n < 0:
		return "已逾期" + strconv.Itoa(-n) + "天"
	case n == 0:
		return "今日到期"
	default:
		return strconv.Itoa(n) + "天后到期"
	}
}

// writeHandout writes the workbook of unit's tasks to path.
func writeHandout(path, ledgerName, unit string, tasks []handoutTask, opt HandoutOptions) error {
	f := excelize.NewFile()
	defer f.Close()
	sheet := "督办任务"
	if opt.Remind {
		sheet = "催办任务"
	}
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return err
	}
	hs, err := newHandoutStyles(f)
	if err != nil {
		return err
	}
	var labels []string
	for _, c := range handoutCols {
		if !c.remindOnly || opt.Remind {
			labels = append(labels, c.label)
		}
	}
	kind := kindHandout
	if opt.Remind {
		kind = kindRemind
	}
	title := unit + " 督办任务" + kind + "单"
	sw := &sheetCells{f: f, sheet: sheet}
	writeHandoutHead(sw, hs, title, ledgerName, unit, kind, labels, tasks, opt)
	if err := writeHandoutTasks(sw, hs, labels, tasks, opt); err != nil {
		return err
	}
	if err := finishHandoutSheet(f, sheet, title, labels, len(tasks)); err != nil {
		return err
	}
	if err := writeHandoutMeta(f, ledgerName, unit, kind, sheet, labels, tasks, opt); err != nil {
		return err
	}
	if err := setHandoutProps(f, title, ledgerName, unit, kind, opt); err != nil {
		return err
	}
	return atomicfile.Write(path, func(w io.Writer) error {
		_, err := f.WriteTo(w)
		return err
	}, atomicfile.Options{})
}

// writeHandoutHead writes the rows above the tasks of a handout: its
// title, what it is and by when to reply, how to fill it in, and the
// header row of labels.
func writeHandoutHead(sw *sheetCells, hs *handoutStyles, title, ledgerName, unit, kind string, labels []string, tasks []handoutTask, opt HandoutOptions) {
	lastName, _ := excelize.ColumnNumberToName(len(labels))
	from := opt.From
	if from == "" {
		from = "＿＿＿＿＿＿"
	}
	nLead := 0
	for _, t := range tasks {
		if t.role == roleLead {
			nLead++
		}
	}
	sw.merge("A1", lastName+"1")
	sw.set("A1", title, hs.title)
	sw.merge("A2", lastName+"2")
	sw.set("A2", fmt.Sprintf("%s单位：%s　　%s日期：%s　　请于 %s 前反馈　　承办单位：%s　　任务 %d 项（牵头 %d 项，配合 %d 项）",
		kind, from, kind, opt.ReportDate, opt.ReplyBy, unit, len(tasks), nLead, len(tasks)-nLead), hs.info)
	sw.merge("A3", lastName+"3")
	note := "请在“办理状态”（下拉选择）、“进展情况”、“完成日期”、“联系人”四列填写，其余各列和任务编号请勿改动，不要增删行；" +
		"本文件另有隐藏的“" + handoutMetaSheet + "”表，供核对反馈，请勿删除。来源台账：" + ledgerName + "。"
	if opt.Remind {
		note = fmt.Sprintf("以下任务已逾期或将在 %d 天内到期，请抓紧办理并按时反馈。", opt.DueWithin) + note
	}
	sw.set("A3", note, hs.note)
}

// writeHandoutTasks sets the widths of the columns labelled labels, writes
// the header row and one row per task, each as high as its text needs.
func writeHandoutTasks(sw *sheetCells, hs *handoutStyles, labels []string, tasks []handoutTask, opt HandoutOptions) error {
	for i, l := range labels {
		sw.set(cellName(i+1, handoutHeaderRow), l, hs.header)
		name, _ := excelize.ColumnNumberToName(i + 1)
		if err := sw.f.SetColWidth(sw.sheet, name, name, handoutWidth(l)); err != nil {
			return err
		}
	}
	for i, t := range tasks {
		n := handoutHeaderRow + 1 + i
		lines := 1
		for j, l := range labels {
			v, style := handoutCell(t, l, i+1, opt, hs)
			sw.set(cellName(j+1, n), v, style)
			if s, ok := v.(string); ok {
				lines = max(lines, estimateLines(s, handoutWidth(l), 10.5))
			}
		}
		if sw.err == nil && lines > 1 {
			sw.err = sw.f.SetRowHeight(sw.sheet, n, min(float64(lines)*10.5*lineSpacing+5, maxRowHeight))
		}
	}
	return sw.err
}

// finishHandoutSheet sets the heights of the rows above the tasks, the
// dropdown of statuses over n tasks, the frozen header and the print
// settings of a handout's sheet.
func finishHandoutSheet(f *excelize.File, sheet, title string, labels []string, n int) error {
	for _, h := range []struct {
		row    int
		height float64
	}{{1, 30}, {2, 22}, {3, 34}, {handoutHeaderRow, 28}} {
		if err := f.SetRowHeight(sheet, h.row, h.height); err != nil {
			return err
		}
	}
	if n > 0 {
		col := slices.Index(labels, "办理状态") + 1
		dv := excelize.NewDataValidation(true)
		dv.Sqref = fmt.Sprintf("%s:%s", cellName(col, handoutHeaderRow+1), cellName(col, handoutHeaderRow+n))
		if err := dv.SetDropList(statuses); err != nil {
			return err
		}
		dv.SetError(excelize.DataValidationErrorStyleWarning, "办理状态", "请从下拉列表中选择："+strings.Join(statuses, "、"))
		if err := f.AddDataValidation(sheet, dv); err != nil {
			return err
		}
	}
	if err := f.SetPanes(sheet, &excelize.Panes{
		Freeze: true, YSplit: handoutHeaderRow, TopLeftCell: cellName(1, handoutHeaderRow+1), ActivePane: "bottomLeft",
	}); err != nil {
		return err
	}
	if err := setPrint(f, sheet, title); err != nil {
		return err
	}
	return f.SetDefinedName(&excelize.DefinedName{Name: printTitles, Scope: sheet,
		RefersTo: fmt.Sprintf("%s!$%d:$%d", sheetRef(sheet), handoutHeaderRow, handoutHeaderRow)})
}

// setHandoutProps sets the document properties of a handout.
func setHandoutProps(f *excelize.File, title, ledgerName, unit, kind string, opt HandoutOptions) error {
	stamp := opt.ReportDate.String() + "T00:00:00Z"
	if err := f.SetDocProps(&excelize.DocProperties{
		Title: title, Subject: "督办任务" + kind + "（" + unit + "）", Creator: "speechledger", LastModifiedBy: "speechledger",
		Description: "来源台账：" + ledgerName + "；" + kind + "日期：" + opt.ReportDate.String() + "；请于 " + opt.ReplyBy.String() + " 前反馈",
		Keywords:    "督办; " + kind + "; " + unit, Created: stamp, Modified: stamp, Language: "zh-CN",
	}); err != nil {
		return err
	}
	return f.SetAppProps(&excelize.AppProperties{Application: "speechledger"})
}

// handoutWidth is the width of the column labelled l.
func handoutWidth(l string) float64 {
	for _, c := range handoutCols {
		if c.label == l {
			return c.width
		}
	}
	return 10
}

// handoutCell returns the value and style of the column labelled l for
// the seq-th task t.
func handoutCell(t handoutTask, l string, seq int, opt HandoutOptions, hs *handoutStyles) (any, int) {
	text := func(s string) (any, int) { return cleanText(s), hs.text }
	switch l {
	case "序号":
		return seq, hs.num
	case "任务编号":
		return t.ID, hs.num
	case "承办":
		return t.role, hs.num
	case "讲话":
		return text(t.Title)
	case "工作任务":
		return text(t.Text)
	case "时间节点":
		return text(t.Times)
	case "完成时限":
		if t.Due.IsZero() {
			return nil, hs.date
		}
		return int(excelSerial(t.Due)), hs.date
	case "预警":
		return remindNote(t.ledgerTask, opt.ReportDate), hs.num
	case "量化目标":
		return text(t.Targets)
	case "牵头单位":
		return text(strings.Join(t.Lead, "、"))
	case "配合单位":
		return text(strings.Join(t.Support, "、"))
	}
	k, _ := unitFieldOf(l)
	v := t.Values[k]
	if unitFields[k].date {
		if d, err := extract.ParseDate(v); err == nil {
			return int(excelSerial(d)), hs.fillDate
		}
		if v == "" {
			return nil, hs.fillDate
		}
	}
	if v == "" {
		return nil, hs.fill
	}
	return cleanText(v), hs.fill
}

// writeHandoutMeta writes the hidden sheet 交办信息 that collect matches a
// reply by: which ledger and unit the handout is of, when it was made,
// the columns of its sheet in order, and each row's task with the unit
// fields as the ledger held them then.
func writeHandoutMeta(f *excelize.File, ledgerName, unit, kind, sheet string, labels []string, tasks []handoutTask, opt HandoutOptions) error {
	if _, err := f.NewSheet(handoutMetaSheet); err != nil {
		return err
	}
	date, err := f.NewStyle(&excelize.Style{CustomNumFmt: ptr("yyyy-mm-dd")})
	if err != nil {
		return err
	}
	sw := &sheetCells{f: f, sheet: handoutMetaSheet}
	sw.set("A1", handoutMarker, 0)
	kv := [][2]any{
		{"台账", ledgerName}, {"单位", unit}, {"类型", kind},
		{"交办日期", int(excelSerial(opt.ReportDate))}, {"反馈期限", int(excelSerial(opt.ReplyBy))},
		{"任务表", sheet}, {"表头行", handoutHeaderRow}, {"表头", strings.Join(labels, "|")},
	}
	for i, p := range kv {
		sw.set(cellName(1, i+2), p[0], 0)
		style := 0
		if p[0] == "交办日期" || p[0] == "反馈期限" {
			style = date
		}
		sw.set(cellName(2, i+2), p[1], style)
	}
	head := len(kv) + 3
	for j, l := range handoutMetaCols {
		sw.set(cellName(j+1, head), l, 0)
	}
	for i, t := range tasks {
		n := head + 1 + i
		sw.set(cellName(1, n), t.ID, 0)
		sw.set(cellName(2, n), t.Sheet, 0)
		sw.set(cellName(3, n), t.role, 0)
		for k, v := range t.Values {
			if v != "" {
				sw.set(cellName(4+k, n), cleanText(v), 0)
			}
		}
	}
	if sw.err != nil {
		return sw.err
	}
	if err := f.SetColWidth(handoutMetaSheet, "A", "G", 16); err != nil {
		return err
	}
	return f.SetSheetVisible(handoutMetaSheet, false)
}

// sheetCells sets cells of a sheet, keeping the first error.
type sheetCells struct {
	f     *excelize.File
	sheet string
	err   error
}

// set sets cell to v (nil leaves it empty) with style (0 for none).
func (s *sheetCells) set(cell string, v any, style int) {
	if s.err != nil {
		return
	}
	if v != nil {
		if s.err = s.f.SetCellValue(s.sheet, cell, v); s.err != nil {
			return
		}
	}
	if style != 0 {
		s.err = s.f.SetCellStyle(s.sheet, cell, cell, style)
	}
}

// merge merges the cells from..to.
func (s *sheetCells) merge(from, to string) {
	if s.err == nil {
		s.err = s.f.MergeCell(s.sheet, from, to)
	}
}

// handoutStyles are the cell styles of a handout sheet.
type handoutStyles struct {
	title, info, note, header, text, num, date, fill, fillDate int
}

func newHandoutStyles(f *excelize.File) (*handoutStyles, error) {
	border := []excelize.Border{
		{Type: "left", Color: "808080", Style: 1}, {Type: "right", Color: "808080", Style: 1},
		{Type: "top", Color: "808080", Style: 1}, {Type: "bottom", Color: "808080", Style: 1},
	}
	font := &excelize.Font{Family: fontBody, Size: 10.5}
	top := &excelize.Alignment{Vertical: "center", WrapText: true}
	center := &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}
	fill := excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FFF2CC"}}
	date := ptr("yyyy-mm-dd")
	hs := &handoutStyles{}
	for _, s := range []struct {
		id *int
		st excelize.Style
	}{
		{&hs.title, excelize.Style{Font: &excelize.Font{Family: fontTitle, Size: 16, Bold: true}, Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center"}}},
		{&hs.info, excelize.Style{Font: &excelize.Font{Family: fontBody, Size: 11}, Alignment: &excelize.Alignment{Vertical: "center"}}},
		{&hs.note, excelize.Style{Font: &excelize.Font{Family: fontBody, Size: 10, Color: "404040"}, Alignment: &excelize.Alignment{Vertical: "center", WrapText: true}}},
		{&hs.header, excelize.Style{Font: &excelize.Font{Family: fontTitle, Size: 10.5, Bold: true}, Border: border,
			Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9E1F2"}}, Alignment: center}},
		{&hs.text, excelize.Style{Font: font, Border: border, Alignment: top}},
		{&hs.num, excelize.Style{Font: font, Border: border, Alignment: center}},
		{&hs.date, excelize.Style{Font: font, Border: border, Alignment: center, CustomNumFmt: date}},
		{&hs.fill, excelize.Style{Font: font, Border: border, Alignment: top, Fill: fill}},
		{&hs.fillDate, excelize.Style{Font: font, Border: border, Alignment: center, Fill: fill, CustomNumFmt: date}},
	} {
		id, err := f.NewStyle(&s.st)
		if err != nil {
			return nil, err
		}
		*s.id = id
	}
	return hs, nil
}

// safeFileName makes name safe as a file name on Windows, macOS and
// Linux: characters Windows forbids become their full-width look-alikes
// or _, trailing dots and spaces go, names Windows reserves (CON, NUL,
// COM1…) get a _ in front, and long names are cut.
func safeFileName(name string) string {
	name = strings.Map(func(r rune) rune {
		switch r {
		case '<':
			return '＜'
		case '>':
			return '＞'
		case ':':
			return '：'
		case '"':
			return '＂'
		case '/':
			return '／'
		case '\\':
			return '＼'
		case '|':
			return '｜'
		case '?':
			return '？'
		case '*':
			return '＊'
		}
		if r < 0x20 || r == 0x7f || unicode.Is(unicode.Cf, r) {
			return '_'
		}
		return r
	}, strings.TrimSpace(name))
	if rs := []rune(name); len(rs) > 60 {
		name = string(rs[:60])
	}
	name = strings.TrimRight(name, ". ")
	if name == "" {
		return "_"
	}
	stem, _, _ := strings.Cut(name, ".")
	switch s := strings.ToUpper(strings.TrimSpace(stem)); {
	case s == "CON", s == "PRN", s == "AUX", s == "NUL",
		len(s) == 4 && (strings.HasPrefix(s, "COM") || strings.HasPrefix(s, "LPT")) && s[3] >= '0' && s[3] <= '9':
		name = "_" + name
	}
	return name
}

// uniqueFileName returns name, or name with (2), (3)… before its
// extension when a name equal to it but for case is used already.
func uniqueFileName(used map[string]bool, name string) string {
	ext := filepath.Ext(name)
	stem := strings.TrimSuffix(name, ext)
	for n := 1; ; n++ {
		cand := name
		if n > 1 {
			cand = stem + "(" + strconv.Itoa(n) + ")" + ext
		}
		if key := strings.ToLower(cand); !used[key] {
			used[key] = true
			return cand
		}
	}
}
