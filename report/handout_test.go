package report

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/speechledger/speechledger/extract"
	"github.com/xuri/excelize/v2"
)

// cycleSpeeches are speeches for handing out: a task with two lead units
// and a supporting one, 教育局 that groups with 县教育局 by the level
// prefix rule, a unit whose name Windows forbids in file names, tasks
// overdue, due soon, due later and without a deadline.
func cycleSpeeches() []extract.Speech {
	body := func(name string, role string) extract.Body {
		return extract.Body{Name: name, Canonical: name, Role: role, Span: extract.Span{Start: -1}}
	}
	due := func(d extract.Date) []extract.TimeNode {
		return []extract.TimeNode{{Text: d.String() + "前", Due: d, Span: extract.Span{Start: -1}}}
	}
	return []extract.Speech{{
		Source: "001_cycle.txt", Index: 1, Title: "在全县重点工作推进会上的讲话", SpeechDate: date(2010, 1, 4),
		Tasks: []extract.Task{
			{Seq: 1, ID: "RW-TWOLEADS", Text: "县教育局、县财政局要完成校舍改造，县人社局配合。", Times: due(date(2010, 1, 10)),
				Bodies: []extract.Body{body("县教育局", extract.RoleLead), body("县财政局", extract.RoleLead), body("县人社局", extract.RoleSupport)}},
			{Seq: 2, ID: "RW-SOON", Text: "教育局要在1月20日前完成摸底。", Times: due(date(2010, 1, 20)),
				Bodies: []extract.Body{body("教育局", extract.RoleLead)}},
			{Seq: 3, ID: "RW-LATER", Text: "县财政局要在年底前拨付资金，县教育局配合。", Times: due(date(2010, 12, 31)),
				Bodies: []extract.Body{body("县财政局", extract.RoleLead), body("县教育局", extract.RoleSupport)}},
			{Seq: 4, ID: "RW-NODUE", Text: "县人社局要加强培训。",
				Bodies: []extract.Body{body("县人社局", extract.RoleLead)}},
			{Seq: 5, ID: "RW-SLASH", Text: "A/B组要做好保障。", Times: due(date(2010, 1, 12)),
				Bodies: []extract.Body{body("A/B组", extract.RoleLead)}},
		},
	}}
}

// writeCycleLedger writes the ledger of cycleSpeeches into dir.
func writeCycleLedger(t *testing.T, dir string) string {
	t.Helper()
	path := filepath.Join(dir, "ledger.xlsx")
	if err := WriteWorkbook(path, cycleSpeeches(), Options{ReportDate: reportDate}); err != nil {
		t.Fatal(err)
	}
	return path
}

// handoutIDs returns the 任务编号 and 承办 of a handout's task rows.
func handoutRows(t *testing.T, path string) (ids, roles []string) {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(f.GetSheetName(0), excelizeRaw)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rows[handoutHeaderRow:] {
		ids, roles = append(ids, r[1]), append(roles, r[2])
	}
	return ids, roles
}

// TestHandout: one workbook per unit grouped by canonical name, lead
// tasks before support tasks, a task with two lead units on both lists,
// a file name Windows accepts, and the hidden sheet collect matches
// replies by.
func TestHandout(t *testing.T) {
	dir := t.TempDir()
	ledger := writeCycleLedger(t, dir)
	out := filepath.Join(dir, "out")
	if err := os.Mkdir(out, 0o755); err != nil {
		t.Fatal(err)
	}
	files, err := Handout(ledger, out, HandoutOptions{ReportDate: reportDate, From: "县委督查室"})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range files {
		got = append(got, filepath.Base(f.Path))
	}
	want := []string{"A／B组-督办任务.xlsx", "县人社局-督办任务.xlsx", "县教育局-督办任务.xlsx", "县财政局-督办任务.xlsx"}
	if !slices.Equal(got, want) {
		t.Fatalf("files %q, want %q", got, want)
	}
	for _, tc := range []struct {
		file         string
		ids, roles   []string
		lead, suppor int
	}{
		{"县教育局-督办任务.xlsx", []string{"RW-TWOLEADS", "RW-SOON", "RW-LATER"}, []string{"牵头", "牵头", "配合"}, 2, 1},
		{"县财政局-督办任务.xlsx", []string{"RW-TWOLEADS", "RW-LATER"}, []string{"牵头", "牵头"}, 2, 0},
		{"县人社局-督办任务.xlsx", []string{"RW-NODUE", "RW-TWOLEADS"}, []string{"牵头", "配合"}, 1, 1},
	} {
		ids, roles := handoutRows(t, filepath.Join(out, tc.file))
		if !slices.Equal(ids, tc.ids) || !slices.Equal(roles, tc.roles) {
			t.Errorf("%s: rows %q %q, want %q %q", tc.file, ids, roles, tc.ids, tc.roles)
		}
	}
	r, err := readReply(filepath.Join(out, "县教育局-督办任务.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	if r.unit != "县教育局" || r.ledger != "ledger.xlsx" || r.date != reportDate || len(r.base) != 3 || r.base["RW-SOON"].values[0] != statusNotStarted {
		t.Errorf("meta: unit %q ledger %q date %v base %v", r.unit, r.ledger, r.date, r.base)
	}
	f, err := excelize.OpenFile(filepath.Join(out, "县教育局-督办任务.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if v, _ := f.GetSheetVisible(handoutMetaSheet); v {
		t.Errorf("%s is visible", handoutMetaSheet)
	}
	title, _ := f.GetCellValue("督办任务", "A2")
	if !strings.Contains(title, "县委督查室") || !strings.Contains(title, "2010-01-22 前反馈") {
		t.Errorf("title block %q", title)
	}
	var titles bool
	for _, dn := range f.GetDefinedName() {
		titles = titles || dn.Name == printTitles && dn.Scope == "督办任务" && strings.HasSuffix(dn.RefersTo, "!$4:$4")
	}
	if !titles {
		t.Errorf("no print titles: %v", f.GetDefinedName())
	}
	dvs, err := f.GetDataValidations("督办任务")
	if err != nil || len(dvs) != 1 || dvs[0].Sqref != "K5:K7" {
		t.Errorf("办理状态 dropdown: %v %+v", err, dvs)
	}
}

// TestHandoutRemind: a reminder lists only the tasks not done that are
// overdue or due within the days given, titled 催办单.
func TestHandoutRemind(t *testing.T) {
	dir := t.TempDir()
	ledger := writeCycleLedger(t, dir)
	files, err := Handout(ledger, dir, HandoutOptions{ReportDate: reportDate, Remind: true, DueWithin: 7})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range files {
		got = append(got, filepath.Base(f.Path))
	}
	want := []string{"A／B组-催办单.xlsx", "县人社局-催办单.xlsx", "县教育局-催办单.xlsx", "县财政局-催办单.xlsx"}
	if !slices.Equal(got, want) {
		t.Fatalf("files %q, want %q", got, want)
	}
	ids, _ := handoutRows(t, filepath.Join(dir, "县教育局-催办单.xlsx"))
	if want := []string{"RW-TWOLEADS", "RW-SOON"}; !slices.Equal(ids, want) {
		t.Errorf("县教育局 reminded of %q, want %q", ids, want)
	}
}

// TestHandoutBodies: the names of --bodies group units, so that a unit
// named two ways gets one file.
func TestHandoutBodies(t *testing.T) {
	dir := t.TempDir()
	ledger := writeCycleLedger(t, dir)
	x := extract.New(extract.BodyName{Name: "县人社局", Canonical: "县人力资源和社会保障局"}, extract.BodyName{Name: "A/B组", Canonical: "县人力资源和社会保障局"})
	files, err := Handout(ledger, dir, HandoutOptions{ReportDate: reportDate, Canonical: x.Canonical})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range files {
		got = append(got, filepath.Base(f.Path))
	}
	want := []string{"县人力资源和社会保障局-督办任务.xlsx", "县教育局-督办任务.xlsx", "县财政局-督办任务.xlsx"}
	if !slices.Equal(got, want) {
		t.Fatalf("files %q, want %q", got, want)
	}
	ids, roles := handoutRows(t, filepath.Join(dir, want[0]))
	if w := []string{"RW-NODUE", "RW-SLASH", "RW-TWOLEADS"}; !slices.Equal(ids, w) || roles[2] != roleSupport {
		t.Errorf("县人力资源和社会保障局: %q %q, want %q", ids, roles, w)
	}
}

// TestSafeFileName: names Windows forbids or reserves become names it
// accepts.
func TestSafeFileName(t *testing.T) {
	for in, want := range map[string]string{
		"县教育局":               "县教育局",
		`A/B:C*D?"E"<F>|G\H`: "A／B：C＊D？＂E＂＜F＞｜G＼H",
		"CON":                "_CON",
		"com1":               "_com1",
		"某单位. ":              "某单位",
		"a\x01b":             "a_b",
		"":                   "_",
	} {
		if got := safeFileName(in); got != want {
			t.Errorf("safeFileName(%q) = %q, want %q", in, got, want)
		}
	}
}
