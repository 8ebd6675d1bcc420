package report

import (
	"bytes"
	"crypto/sha256"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/speechledger/speechledger/extract"
	"github.com/xuri/excelize/v2"
)

const sheetA = "在全县教育工作会议上的讲话"

// edited opens the workbook at path, lets edit change the sheet of the
// first fixture speech and saves it.
func edited(t *testing.T, path string, edit func(f *excelize.File, g *grid)) {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	edit(f, readGrid(t, f, sheetA))
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	f.Close()
}

// rawCell returns the raw value and type of the cell of label on the row
// of task id.
func rawCell(t *testing.T, f *excelize.File, g *grid, label, id string) (string, excelize.CellType) {
	t.Helper()
	cell := g.cell(t, label, g.rowOf[id])
	v, err := f.GetCellValue(sheetA, cell, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	typ, err := f.GetCellType(sheetA, cell)
	if err != nil {
		t.Fatal(err)
	}
	return v, typ
}

// Staff's word wins: corrections of 责任单位, 完成时限 and 量化目标 stay
// over three nights whose extraction changes in between, with the
// program's proposal in 核对提示 and a line in 变更记录; a cell staff did
// not touch shows the new extraction; clearing a correction hands the
// cell back.
func TestStaffCorrections(t *testing.T) {
	path := filepath.Join(t.TempDir(), "ledger.xlsx")
	day := func(d int) Options { return Options{ReportDate: date(2010, 1, 14+d), Inputs: []string{"fixtures"}} }
	if _, err := Update(path, fixtureSpeeches(), day(1)); err != nil {
		t.Fatal(err)
	}
	edited(t, path, func(f *excelize.File, g *grid) {
		g.set(t, "责任单位", "t-a1", "县住建局")
		// A date typed as a date: a number in a date format.
		cell := g.cell(t, "完成时限", g.rowOf["t-a2"])
		if err := f.SetCellFloat(sheetA, cell, 40237, -1, 64); err != nil { // 2010-02-28
			t.Fatal(err)
		}
		st, err := f.NewStyle(&excelize.Style{NumFmt: 14})
		if err != nil {
			t.Fatal(err)
		}
		if err := f.SetCellStyle(sheetA, cell, cell, st); err != nil {
			t.Fatal(err)
		}
		g.set(t, "量化目标", "t-a5", "生师比12:1")
	})
	// The extraction changes under the corrections, and in a cell staff
	// left alone.
	changedLead := func(sp []extract.Speech, lead string) []extract.Speech {
		a := &sp[0]
		a.Tasks[0].Bodies = []extract.Body{{Name: lead, Canonical: lead, Role: extract.RoleLead}}
		a.Tasks[1].Times = []extract.TimeNode{{Text: "1月25日前", Due: date(2010, 1, 25)}}
		a.Tasks[2].Bodies = []extract.Body{{Name: "各中小学", Canonical: "各中小学", Role: extract.RoleLead}}
		return sp
	}
	nights := []struct {
		speeches []extract.Speech
		lead     string // the extraction of t-a1's 责任单位
		newLead  bool   // which changed since the night before
	}{
		{changedLead(fixtureSpeeches(), "县教育局、县财政局"), "县教育局、县财政局", true},
		{changedLead(fixtureSpeeches(), "县教育局、县财政局"), "县教育局、县财政局", false},
		{changedLead(fixtureSpeeches(), "县发改委"), "县发改委", true},
	}
	for i, n := range nights {
		night := i + 2
		st, err := Update(path, n.speeches, day(night))
		if err != nil {
			t.Fatal(err)
		}
		if st.Kept != 3 || st.Proposed != 3 {
			t.Errorf("night %d: kept %d, proposed %d; want 3, 3", night, st.Kept, st.Proposed)
		}
		if night == 3 && st.Changed != 0 {
			t.Errorf("night 3, inputs as before: %d tasks changed", st.Changed)
		}
		f := openWorkbook(t, path)
		g := readGrid(t, f, sheetA)
		for _, c := range []struct {
			label, id, want string
			typ             excelize.CellType
		}{
			{"责任单位", "t-a1", "县住建局", excelize.CellTypeInlineString},
			{"完成时限", "t-a2", "40237", excelize.CellTypeUnset},
			{"量化目标", "t-a5", "生师比12:1", excelize.CellTypeInlineString},
			{"责任单位", "t-a3", "各中小学", excelize.CellTypeInlineString}, // not corrected: the new extraction
		} {
			v, typ := rawCell(t, f, g, c.label, c.id)
			if v != c.want || typ != c.typ {
				t.Errorf("night %d: %s of %s = %q (type %v), want %q (type %v)", night, c.label, c.id, v, typ, c.want, c.typ)
			}
		}
		if st := cellStyle(t, f, sheetA, g.cell(t, "完成时限", g.rowOf["t-a2"])); st.NumFmt != 14 {
			t.Errorf("night %d: the typed date's number format %d, want 14", night, st.NumFmt)
		}
		hints := g.get(t, "核对提示", "t-a1")
		if !strings.Contains(hints, "程序提议责任单位："+n.lead) {
			t.Errorf("night %d: hints of t-a1 %q lack the proposal %s", night, hints, n.lead)
		}
		if hints := g.get(t, "核对提示", "t-a2"); !strings.Contains(hints, "程序提议完成时限：2010-01-25") {
			t.Errorf("night %d: hints of t-a2 %q lack the proposal", night, hints)
		}
		if hints := g.get(t, "核对提示", "t-a5"); !strings.Contains(hints, "程序提议量化目标：生师比10:1") {
			t.Errorf("night %d: hints of t-a5 %q lack the proposal", night, hints)
		}
		log, _ := f.GetRows(logSheet)
		note := log[len(log)-1][9]
		if told := strings.Contains(note, "t-a1 责任单位保留人工值「县住建局」，本次提取为「"+n.lead+"」"); told != n.newLead {
			t.Errorf("night %d: change log note %q tells of t-a1: %v, want %v", night, note, told, n.newLead)
		}
		if !strings.Contains(note, "保留人工修改的提取列单元格3处") {
			t.Errorf("night %d: change log note %q does not count the corrections", night, note)
		}
		f.Close()
	}
	// Clearing a correction hands the cell back to the program.
	edited(t, path, func(f *excelize.File, g *grid) { g.set(t, "责任单位", "t-a1", "") })
	st, err := Update(path, nights[2].speeches, day(5))
	if err != nil {
		t.Fatal(err)
	}
	if st.Kept != 2 {
		t.Errorf("after clearing: kept %d, want 2", st.Kept)
	}
	f := openWorkbook(t, path)
	g := readGrid(t, f, sheetA)
	if got := g.get(t, "责任单位", "t-a1"); got != "县发改委" {
		t.Errorf("cleared 责任单位 of t-a1 = %q, want the extraction 县发改委", got)
	}
	if hints := g.get(t, "核对提示", "t-a1"); strings.Contains(hints, "程序提议") {
		t.Errorf("hints of t-a1 after clearing %q", hints)
	}
	f.Close()
}

// Without the record of what the program wrote, the run compares with
// today's extraction, keeps what differs and says so in 变更记录.
func TestStaffRecordDeleted(t *testing.T) {
	path := filepath.Join(t.TempDir(), "ledger.xlsx")
	day := func(d int) Options { return Options{ReportDate: date(2010, 1, 14+d)} }
	if _, err := Update(path, fixtureSpeeches(), day(1)); err != nil {
		t.Fatal(err)
	}
	edited(t, path, func(f *excelize.File, g *grid) {
		g.set(t, "责任单位", "t-a1", "县住建局")
		if err := f.DeleteSheet(writtenSheet); err != nil {
			t.Fatal(err)
		}
	})
	st, err := Update(path, fixtureSpeeches(), day(2))
	if err != nil {
		t.Fatal(err)
	}
	if st.Kept != 1 {
		t.Errorf("kept %d, want 1", st.Kept)
	}
	f := openWorkbook(t, path)
	defer f.Close()
	if got := readGrid(t, f, sheetA).get(t, "责任单位", "t-a1"); got != "县住建局" {
		t.Errorf("责任单位 of t-a1 = %q", got)
	}
	log, _ := f.GetRows(logSheet)
	if note := log[len(log)-1][9]; !strings.Contains(note, "未找到程序记录表") {
		t.Errorf("change log note %q does not say the record was missing", note)
	}
	if visible, err := f.GetSheetVisible(writtenSheet); err != nil || visible {
		t.Errorf("the record is back hidden: visible %v, %v", visible, err)
	}
}

// sameValue sets aside what a save without edits changes.
func TestSameValue(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want bool
	}{
		{"县教育局", "县教育局", true},
		{"一行\n二行", "一行\r\n二行", true},
		{"一行\n二行", "一行\r二行", true},
		{" 县教育局 ", "县教育局", true},
		{"0.85", "0.85000000000000009", true},
		{"40237", "40237.0", true},
		{"40237", "40238", false},
		{"县教育局", "县财政局", false},
		{"", "县教育局", false},
	} {
		if got := sameValue(c.a, c.b); got != c.want {
			t.Errorf("sameValue(%q, %q) = %v, want %v", c.a, c.b, got, c.want)
		}
	}
}

// 汇总 and 变更记录 are the program's: a deleted 汇总 is rebuilt, notes
// staff type into columns of their own in 变更记录 stay, and a deleted
// 变更记录 starts again with a line that says so.
func TestProgramSheets(t *testing.T) {
	path := filepath.Join(t.TempDir(), "ledger.xlsx")
	day := func(d int) Options { return Options{ReportDate: date(2010, 1, 14+d)} }
	if _, err := Update(path, fixtureSpeeches(), day(1)); err != nil {
		t.Fatal(err)
	}
	edited(t, path, func(f *excelize.File, g *grid) {
		if err := f.DeleteSheet(summarySheet); err != nil {
			t.Fatal(err)
		}
		f.SetCellStr(logSheet, "K2", "核对人")
		f.SetCellStr(logSheet, "K3", "李四已核")
	})
	if _, err := Update(path, fixtureSpeeches(), day(2)); err != nil {
		t.Fatalf("a ledger without 汇总: %v", err)
	}
	f := openWorkbook(t, path)
	if sheets := f.GetSheetList(); sheets[0] != summarySheet {
		t.Errorf("汇总 not rebuilt: %q", sheets)
	}
	for cell, want := range map[string]string{"K2": "核对人", "K3": "李四已核"} {
		if got, _ := f.GetCellValue(logSheet, cell); got != want {
			t.Errorf("变更记录 %s = %q, want %q", cell, got, want)
		}
	}
	f.Close()
	edited(t, path, func(f *excelize.File, g *grid) {
		if err := f.DeleteSheet(logSheet); err != nil {
			t.Fatal(err)
		}
	})
	if _, err := Update(path, fixtureSpeeches(), day(3)); err != nil {
		t.Fatal(err)
	}
	f = openWorkbook(t, path)
	defer f.Close()
	log, _ := f.GetRows(logSheet)
	if len(log) != logHeaderRow+1 || !strings.Contains(log[len(log)-1][9], "变更记录表此前被删除") {
		t.Errorf("变更记录 after it was deleted: %q", log)
	}
}

// Rows keep their identity when their sentence changes: a typo fixed, a
// number changed and a line joined again give the tasks new ids, which
// the run matches to their previous rows by text and place. The rows
// keep their numbers and what staff typed; cells staff did not touch
// show the new extraction; a new sentence stays new.
func TestRowIdentity(t *testing.T) {
	path := filepath.Join(t.TempDir(), "ledger.xlsx")
	day := func(d int) Options { return Options{ReportDate: date(2010, 1, 14+d)} }
	first := fixtureSpeeches()
	a := &first[0]
	a.Tasks[0].Text = "县教育句要在年底前完成73所学校的校舍改造任务。" // a typo
	a.Tasks[3].Text = "从2010年3月起，全面推行绩效工资制度，"    // a line broken too early
	a.Tasks[3].Targets = nil
	if _, err := Update(path, first, day(1)); err != nil {
		t.Fatal(err)
	}
	edited(t, path, func(f *excelize.File, g *grid) {
		g.set(t, "办理状态", "t-a1", "推进中")
		g.set(t, "责任单位", "t-a2", "县财政局")
		g.set(t, "备注", "t-a4", "人社局牵头")
	})
	second := fixtureSpeeches()
	a = &second[0]
	a.Tasks[0].ID = "t-a1-fixed"
	t2 := "各乡镇要在县财政局配合下做好经费保障，确保2010年1月25日前拨付到位。"
	a.Tasks[1].ID, a.Tasks[1].Text = "t-a2-25", t2
	a.Tasks[1].Times = []extract.TimeNode{{Text: "2010年1月25日前", Due: date(2010, 1, 25), Span: span(t2, "2010年1月25日前")}}
	a.Tasks[3].ID = "t-a4-joined"
	a.Tasks = append(a.Tasks, extract.Task{Seq: 6, ID: "t-a6", Text: "县卫健局要在6月底前完成村卫生室改造。"})
	st, err := Update(path, second, day(2))
	if err != nil {
		t.Fatal(err)
	}
	if st.Matched != 3 || st.New != 1 || st.Removed != 0 {
		t.Errorf("matched %d, new %d, removed %d; want 3, 1, 0", st.Matched, st.New, st.Removed)
	}
	f := openWorkbook(t, path)
	defer f.Close()
	g := readGrid(t, f, sheetA)
	for _, id := range []string{"t-a1-fixed", "t-a2-25", "t-a4-joined"} {
		if _, ok := g.rowOf[id]; ok {
			t.Errorf("task %s got a row of its own", id)
		}
	}
	for _, c := range []struct{ label, id, want string }{
		{"办理状态", "t-a1", "推进中"},
		{"工作任务", "t-a1", "县教育局要在年底前完成73所学校的校舍改造任务。"},
		{"责任单位", "t-a2", "县财政局"},
		{"工作任务", "t-a2", t2},
		{"完成时限", "t-a2", "2010-01-25"},
		{"备注", "t-a4", "人社局牵头"},
		{"工作任务", "t-a4", second[0].Tasks[3].Text},
		{"量化目标", "t-a4", "不少于1200元"},
		{"变动", "t-a1", ""},
		{"变动", "t-a6", "新增 2010-01-16"},
	} {
		if got := g.get(t, c.label, c.id); got != c.want {
			t.Errorf("%s of %s = %q, want %q", c.label, c.id, got, c.want)
		}
	}
	if hints := g.get(t, "核对提示", "t-a2"); !strings.Contains(hints, "沿用原任务编号t-a2（本次编号t-a2-25）") {
		t.Errorf("hints of t-a2 %q do not note the match", hints)
	}
	log, _ := f.GetRows(logSheet)
	if note := log[len(log)-1][9]; !strings.Contains(note, "3项任务的原文有改动") || !strings.Contains(note, "t-a4：原文有改动") {
		t.Errorf("change log note %q", note)
	}
	// The next night, with the same input, the rows stay matched by the
	// record, with nothing new to say.
	st, err = Update(path, second, day(3))
	if err != nil {
		t.Fatal(err)
	}
	if st.Matched != 0 || st.New != 0 || st.Changed != 0 || st.Removed != 0 {
		t.Errorf("the night after: %+v; want nothing matched, new, changed or removed", st)
	}
	f = openWorkbook(t, path)
	g = readGrid(t, f, sheetA)
	if got := g.get(t, "办理状态", "t-a1"); got != "推进中" {
		t.Errorf("the night after: 办理状态 of t-a1 = %q", got)
	}
}

// Different tasks are not matched, however alike their wording.
func TestMatchRowsApart(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want bool
	}{
		{"县教育局要在年底前完成73所学校的校舍改造任务。", "县教育句要在年底前完成73所学校的校舍改造任务。", true},
		{"确保2010年1月20日前拨付到位。各乡镇要做好经费保障", "各乡镇要做好经费保障，确保2010年1月25日前拨付到位。", true},
		{"县教育局要在年底前完成73所学校的校舍改造任务。", "县卫健局要在年底前完成12个村卫生室的改造任务。", false},
		{"要加快推进重点项目建设。", "要加快推进乡村振兴。", false},
		// A sentence once cut short at a line break, now read whole.
		{"加强对各级干部执行政策和", "加强对各级干部执行政策和制度情况的督查,下决心治理“上有政策、下有对策”,“消极抵触、政出多门”的问题。", true},
		// A short phrase found in a long sentence is not enough.
		{"要加强管理", "要加强管理，规范办园行为，严格落实幼儿园准入制度，全面提高保教质量。", false},
	} {
		x, nx := bigrams(c.a)
		y, ny := bigrams(c.b)
		sim, share := similarity(x, nx, y, ny)
		got := sameTask(sim, share, nx, ny)
		if got != c.want {
			t.Errorf("%q ~ %q: similarity %.2f, share %.2f, matched %v, want %v", c.a, c.b, sim, share, got, c.want)
		}
	}
}

// Values staff type keep their type and look in the columns staff fill:
// a formula, a date, a percentage, a number, a boolean, over nights with
// and without the memo, on a task's row and on a row gone from the input;
// also after a night that took a sheet's rows from the previous part
// (night 5 reads the memo of night 4, which wrote none of its rows).
func TestStaffTypes(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "ledger.xlsx")
	day := func(d int) Options {
		return Options{ReportDate: date(2010, 1, 14+d), MemoDir: filepath.Join(dir, "memo"), Build: "test"}
	}
	if _, err := Update(path, fixtureSpeeches(), day(1)); err != nil {
		t.Fatal(err)
	}
	styled := func(f *excelize.File, cell string, numFmt int) {
		st, err := f.NewStyle(&excelize.Style{NumFmt: numFmt, Font: &excelize.Font{Bold: true}})
		if err != nil {
			t.Fatal(err)
		}
		if err := f.SetCellStyle(sheetA, cell, cell, st); err != nil {
			t.Fatal(err)
		}
	}
	edited(t, path, func(f *excelize.File, g *grid) {
		due := g.cell(t, "完成时限", g.rowOf["t-a2"])
		if err := f.SetCellFormula(sheetA, g.cell(t, "进展情况", g.rowOf["t-a2"]), due+"+30"); err != nil {
			t.Fatal(err)
		}
		note := g.cell(t, "备注", g.rowOf["t-a2"])
		f.SetCellFloat(sheetA, note, 45444, -1, 64)
		styled(f, note, 14)
		progress := g.cell(t, "进展情况", g.rowOf["t-a3"])
		f.SetCellFloat(sheetA, progress, 0.85, -1, 64)
		styled(f, progress, 9)
		f.SetCellInt(sheetA, g.cell(t, "备注", g.rowOf["t-a3"]), 12345)
		f.SetCellBool(sheetA, g.cell(t, "备注", g.rowOf["t-a1"]), true)
	})
	for night := 2; night <= 6; night++ {
		speeches := fixtureSpeeches()
		if night >= 3 {
			speeches = nightlySpeeches() // t-a1 gone
		}
		if _, err := Update(path, speeches, day(night)); err != nil {
			t.Fatal(err)
		}
		f := openWorkbook(t, path)
		g := readGrid(t, f, sheetA)
		for _, c := range []struct {
			label, id, want string
			typ             excelize.CellType
			numFmt          int
			formula         bool
		}{
			{"进展情况", "t-a2", "", excelize.CellTypeUnset, -1, true},
			{"备注", "t-a2", "45444", excelize.CellTypeUnset, 14, false},
			{"进展情况", "t-a3", "0.85", excelize.CellTypeUnset, 9, false},
			{"备注", "t-a3", "12345", excelize.CellTypeUnset, -1, false},
			{"备注", "t-a1", "1", excelize.CellTypeBool, -1, false},
		} {
			cell := g.cell(t, c.label, g.rowOf[c.id])
			v, typ := rawCell(t, f, g, c.label, c.id)
			formula, _ := f.GetCellFormula(sheetA, cell)
			if c.formula {
				if !strings.HasSuffix(formula, "+30") {
					t.Errorf("night %d: %s of %s: formula %q", night, c.label, c.id, formula)
				}
				continue
			}
			if v != c.want || typ != c.typ {
				t.Errorf("night %d: %s of %s = %q (type %v), want %q (type %v)", night, c.label, c.id, v, typ, c.want, c.typ)
			}
			if c.numFmt >= 0 {
				if st := cellStyle(t, f, sheetA, cell); st.NumFmt != c.numFmt || st.Font == nil || !st.Font.Bold {
					t.Errorf("night %d: %s of %s: number format %d, want %d, bold", night, c.label, c.id, st.NumFmt, c.numFmt)
				}
			}
		}
		f.Close()
	}
}

// Styles other programs write, as excelize reads them, are written back
// valid: openpyxl's pattern fill without a pattern type, LibreOffice's
// borders without a colour, a colour with another alpha, a gradient of
// one colour.
func TestWritableStyle(t *testing.T) {
	for _, st := range []*excelize.Style{
		{Fill: excelize.Fill{Type: "pattern", Pattern: -1}},
		{Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"00FFC7CE"}}},
		{Fill: excelize.Fill{Type: "gradient", Color: []string{"FFC7CE"}}},
		{Border: []excelize.Border{{Type: "left", Style: 1}, {Type: "top", Style: -1, Color: "FF"}}},
		{Font: &excelize.Font{Color: "00000000FF"}},
	} {
		f := excelize.NewFile()
		id, err := styleCache{}.id(f, st)
		if err != nil {
			t.Errorf("%+v: %v", st, err)
			continue
		}
		if err := f.SetCellStyle("Sheet1", "A1", "A1", id); err != nil {
			t.Fatal(err)
		}
		var buf strings.Builder
		if _, err := f.WriteTo(&buf); err != nil {
			t.Fatal(err)
		}
		rr, err := newRawReader(strings.NewReader(buf.String()), int64(buf.Len()))
		if err != nil {
			t.Fatal(err)
		}
		styles, _ := rr.Part("xl/styles.xml")
		for _, m := range regexp.MustCompile(`rgb="([^"]*)"`).FindAllStringSubmatch(string(styles), -1) {
			if !regexp.MustCompile(`^[0-9A-Fa-f]{8}$`).MatchString(m[1]) {
				t.Errorf("%+v: styles.xml holds the colour %s", st, m[0])
			}
		}
		if strings.Contains(string(styles), `patternType=""`) {
			t.Errorf("%+v: styles.xml holds an empty pattern type", st)
		}
		f.Close()
	}
}

// What a run cannot keep of a speech sheet, comments, hyperlinks, cells
// merged on the task rows and a filter's criteria, 变更记录 names; a
// sheet without them is not named.
func TestLostFeaturesNamed(t *testing.T) {
	path := filepath.Join(t.TempDir(), "ledger.xlsx")
	day := func(d int) Options { return Options{ReportDate: date(2010, 1, 14+d)} }
	if _, err := Update(path, fixtureSpeeches(), day(1)); err != nil {
		t.Fatal(err)
	}
	note := func() string {
		f := openWorkbook(t, path)
		defer f.Close()
		log, _ := f.GetRows(logSheet)
		last := log[len(log)-1]
		if len(last) < 10 {
			return ""
		}
		return last[9]
	}
	edited(t, path, func(f *excelize.File, g *grid) { g.set(t, "备注", "t-a1", "x") })
	if _, err := Update(path, fixtureSpeeches(), day(2)); err != nil {
		t.Fatal(err)
	}
	if n := note(); strings.Contains(n, "未能保留") {
		t.Errorf("a plain edit: change log note %q", n)
	}
	edited(t, path, func(f *excelize.File, g *grid) {
		cell := g.cell(t, "备注", g.rowOf["t-a2"])
		if err := f.AddComment(sheetA, excelize.Comment{Cell: cell, Author: "李四", Text: "请核实"}); err != nil {
			t.Fatal(err)
		}
		if err := f.SetCellHyperLink(sheetA, g.cell(t, "备注", g.rowOf["t-a3"]), "https://example.org", "External"); err != nil {
			t.Fatal(err)
		}
		if err := f.MergeCell(sheetA, g.cell(t, "备注", g.rowOf["t-a4"]), g.cell(t, "备注", g.rowOf["t-a5"])); err != nil {
			t.Fatal(err)
		}
	})
	if _, err := Update(path, fixtureSpeeches(), day(3)); err != nil {
		t.Fatal(err)
	}
	n := note()
	for _, want := range []string{sheetA + "：", "批注", "超链接", "任务行中的合并单元格"} {
		if !strings.Contains(n, want) {
			t.Errorf("change log note %q does not name %s", n, want)
		}
	}
}

// A shared formula group staff filled down 进展情况 comes through as a
// formula on each row, referring to its own row.
func TestStaffSharedFormula(t *testing.T) {
	path := filepath.Join(t.TempDir(), "ledger.xlsx")
	day := func(d int) Options { return Options{ReportDate: date(2010, 1, 14+d)} }
	if _, err := Update(path, fixtureSpeeches(), day(1)); err != nil {
		t.Fatal(err)
	}
	ids := []string{"t-a2", "t-a3", "t-a4"}
	edited(t, path, func(f *excelize.File, g *grid) {
		first := g.cell(t, "进展情况", g.rowOf[ids[0]])
		ref := first + ":" + g.cell(t, "进展情况", g.rowOf[ids[len(ids)-1]])
		typ := excelize.STCellFormulaTypeShared
		due := g.cell(t, "完成时限", g.rowOf[ids[0]])
		if err := f.SetCellFormula(sheetA, first, due+"+30", excelize.FormulaOpts{Type: &typ, Ref: &ref}); err != nil {
			t.Fatal(err)
		}
	})
	rr, err := newRawReader(bytes.NewReader(mustRead(t, path)), int64(len(mustRead(t, path))))
	if err != nil {
		t.Fatal(err)
	}
	sheetPart, _ := rr.SheetPart(sheetA)
	part, _ := rr.Part(sheetPart)
	if n := strings.Count(string(part), `t="shared"`); n < len(ids) {
		t.Fatalf("the edited sheet has %d cells of a shared formula, want %d", n, len(ids))
	}
	if _, err := Update(path, fixtureSpeeches(), day(2)); err != nil {
		t.Fatal(err)
	}
	f := openWorkbook(t, path)
	defer f.Close()
	g := readGrid(t, f, sheetA)
	for _, id := range ids {
		formula, err := f.GetCellFormula(sheetA, g.cell(t, "进展情况", g.rowOf[id]))
		if want := g.cell(t, "完成时限", g.rowOf[id]) + "+30"; err != nil || strings.TrimPrefix(formula, "=") != want {
			t.Errorf("进展情况 of %s: formula %q (%v), want %s", id, formula, err, want)
		}
	}
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// A ledger written before the record existed, as the run that wrote it
// left it (its memo is in the cache), holds nothing of staff's in the
// extracted columns: the next run updates them and keeps none.
func TestStaffLegacyUnedited(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "ledger.xlsx")
	memoDir := filepath.Join(dir, "cache")
	day := func(d int) Options { return Options{ReportDate: date(2010, 1, 14+d), MemoDir: memoDir, Build: "new"} }
	if _, err := Update(path, fixtureSpeeches(), day(1)); err != nil {
		t.Fatal(err)
	}
	// The workbook as an older build wrote it: no record, and a memo of
	// that build named by its SHA-256.
	edited(t, path, func(f *excelize.File, g *grid) {
		if err := f.DeleteSheet(writtenSheet); err != nil {
			t.Fatal(err)
		}
	})
	sum := sha256.Sum256(mustRead(t, path))
	if err := os.MkdirAll(filepath.Dir(memoPath(memoDir, sum[:])), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(memoPath(memoDir, sum[:]), []byte("an older build's memo"), 0o644); err != nil {
		t.Fatal(err)
	}
	sp := fixtureSpeeches()
	sp[0].Tasks[0].Bodies = []extract.Body{{Name: "县发改委", Canonical: "县发改委", Role: extract.RoleLead}}
	st, err := Update(path, sp, day(2))
	if err != nil {
		t.Fatal(err)
	}
	if st.Kept != 0 {
		t.Errorf("kept %d cells of a ledger as the program left it", st.Kept)
	}
	f := openWorkbook(t, path)
	defer f.Close()
	if got := readGrid(t, f, sheetA).get(t, "责任单位", "t-a1"); got != "县发改委" {
		t.Errorf("责任单位 of t-a1 = %q, want the new extraction", got)
	}
	log, _ := f.GetRows(logSheet)
	if note := log[len(log)-1][9]; !strings.Contains(note, "未经修改") {
		t.Errorf("change log note %q", note)
	}
}

// Row heights staff set stay through later nights: on a task's row, on a
// row whose task is gone from the input, and through a night whose
// workbook is as the run left it (read from the memo). Rows staff left
// alone keep the height that fits their text.
func TestStaffRowHeight(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "ledger.xlsx")
	day := func(d int) Options {
		return Options{ReportDate: date(2010, 1, 14+d), MemoDir: filepath.Join(dir, "memo"), Build: "test"}
	}
	if _, err := Update(path, fixtureSpeeches(), day(1)); err != nil {
		t.Fatal(err)
	}
	f := openWorkbook(t, path)
	g := readGrid(t, f, sheetA)
	program, err := f.GetRowHeight(sheetA, g.rowOf["t-a3"])
	if err != nil {
		t.Fatal(err)
	}
	f.Close()
	set := map[string]float64{"t-a1": 61.5, "t-a2": 52.5}
	edited(t, path, func(f *excelize.File, g *grid) {
		for id, h := range set {
			if err := f.SetRowHeight(sheetA, g.rowOf[id], h); err != nil {
				t.Fatal(err)
			}
		}
	})
	for night := 2; night <= 6; night++ {
		speeches := fixtureSpeeches()
		if night >= 3 {
			speeches = nightlySpeeches() // t-a1 gone
		}
		if _, err := Update(path, speeches, day(night)); err != nil {
			t.Fatal(err)
		}
		f := openWorkbook(t, path)
		g := readGrid(t, f, sheetA)
		want := map[string]float64{"t-a3": program}
		maps.Copy(want, set)
		for id, h := range want {
			got, err := f.GetRowHeight(sheetA, g.rowOf[id])
			if err != nil {
				t.Fatal(err)
			}
			if got != h {
				t.Errorf("night %d: row of %s is %g high, want %g", night, id, got, h)
			}
		}
		f.Close()
	}
}

// A format staff give a cell of plain text in a column they fill stays
// through later nights, with the cell's text: bold on 办理状态 whose value
// the program wrote, bold on 进展情况 staff typed, a fill on an empty
// 备注; on a task's row, on a row whose task is gone from the input, and
// through nights whose workbook is as the run left it (read from the
// memo, one of whose sheets' rows were taken from the previous part). A
// cell staff did not format keeps the column's style.
func TestStaffTextFormat(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "ledger.xlsx")
	day := func(d int) Options {
		return Options{ReportDate: date(2010, 1, 14+d), MemoDir: filepath.Join(dir, "memo"), Build: "test"}
	}
	if _, err := Update(path, fixtureSpeeches(), day(1)); err != nil {
		t.Fatal(err)
	}
	// As a spreadsheet formats a cell: its style with one thing changed.
	format := func(f *excelize.File, cell string, change func(st *excelize.Style)) {
		st := cellStyle(t, f, sheetA, cell)
		change(st)
		id, err := f.NewStyle(st)
		if err != nil {
			t.Fatal(err)
		}
		if err := f.SetCellStyle(sheetA, cell, cell, id); err != nil {
			t.Fatal(err)
		}
	}
	bold := func(st *excelize.Style) {
		if st.Font == nil {
			st.Font = &excelize.Font{}
		}
		st.Font.Bold = true
	}
	const fill = "FFFF00"
	yellow := func(st *excelize.Style) {
		st.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{fill}}
	}
	var status string
	edited(t, path, func(f *excelize.File, g *grid) {
		status, _ = rawCell(t, f, g, "办理状态", "t-a1")
		format(f, g.cell(t, "办理状态", g.rowOf["t-a1"]), bold)
		g.set(t, "进展情况", "t-a2", "已拨付五成")
		format(f, g.cell(t, "进展情况", g.rowOf["t-a2"]), bold)
		format(f, g.cell(t, "备注", g.rowOf["t-a3"]), yellow)
	})
	if status == "" {
		t.Fatal("办理状态 of t-a1 is empty")
	}
	for night := 2; night <= 6; night++ {
		speeches := fixtureSpeeches()
		if night >= 3 {
			speeches = nightlySpeeches() // t-a1 gone
		}
		if _, err := Update(path, speeches, day(night)); err != nil {
			t.Fatal(err)
		}
		f := openWorkbook(t, path)
		g := readGrid(t, f, sheetA)
		for _, c := range []struct {
			label, id, want string
			bold            bool
			fill            string
		}{
			{"办理状态", "t-a1", status, true, ""},
			{"进展情况", "t-a2", "已拨付五成", true, ""},
			{"备注", "t-a3", "", false, fill},
			{"进展情况", "t-a3", "", false, ""},
			{"办理状态", "t-a2", status, false, ""},
		} {
			cell := g.cell(t, c.label, g.rowOf[c.id])
			v, _ := rawCell(t, f, g, c.label, c.id)
			st := cellStyle(t, f, sheetA, cell)
			isBold := st.Font != nil && st.Font.Bold
			hasFill := ""
			if len(st.Fill.Color) > 0 { // as RRGGBB or AARRGGBB
				if c := strings.ToUpper(st.Fill.Color[0]); len(c) >= 6 {
					hasFill = c[len(c)-6:]
				}
			}
			if v != c.want || isBold != c.bold || hasFill != c.fill {
				t.Errorf("night %d: %s of %s = %q, bold %v, fill %q; want %q, bold %v, fill %q",
					night, c.label, c.id, v, isBold, hasFill, c.want, c.bold, c.fill)
			}
		}
		f.Close()
	}
}
