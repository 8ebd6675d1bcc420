package extract

import (
	"errors"
	"slices"
	"strings"
	"testing"
)

// A task-division table's header names its columns in any order and
// wording offices use, in one row or two (guide, "Task"; issue 18).
func TestTaskHeader(t *testing.T) {
	for _, tc := range []struct {
		name   string
		rows   [][]string
		roles  []int
		header int
		data   int
	}{
		{"one row", [][]string{{"序号", "工作任务", "牵头单位", "配合单位", "完成时限"}},
			[]int{colSeq, colTask, colLead, colSupport, colTime}, 0, 1},
		{"other order and words", [][]string{{"标题"}, {"完成时间", "责任部门", "重点任务", "预期目标", "编号"}},
			[]int{colTime, colLead, colTask, colTarget, colSeq}, 1, 2},
		{"two rows", [][]string{{"序号", "工作内容", "责任单位", "责任单位", "时间节点"}, {"序号", "工作内容", "牵头单位", "协办单位", "时间节点"}},
			[]int{colSeq, colTask, colLead, colSupport, colTime}, 0, 2},
		{"spaces in headings", [][]string{{"序 号", "任 务 事 项", "牵 头 单 位"}},
			[]int{colSeq, colTask, colLead}, 0, 1},
	} {
		roles, header, data, ok := taskColumns(tc.rows)
		if !ok || !slices.Equal(roles, tc.roles) || header != tc.header || data != tc.data {
			t.Errorf("%s: roles %v, header %d, data %d, %v; want %v, %d, %d", tc.name, roles, header, data, ok, tc.roles, tc.header, tc.data)
		}
	}
	for _, rows := range [][][]string{
		{{"姓名", "部门", "电话"}},
		{{"序号", "工作任务", "完成时限"}}, // no unit column
		{{"序号", "牵头单位", "完成时限"}}, // no task column
	} {
		if _, _, _, ok := taskColumns(rows); ok {
			t.Errorf("%q taken for a task-division header", rows)
		}
	}
}

// Each row is a task keeping its 序号; a merged row is a section; a row
// without task text, or repeating one, gives none.
func TestTableSpeech(t *testing.T) {
	x := New()
	sp, err := x.TableSpeech("a.xlsx", 1, TaskTable{Title: "分工方案", Rows: [][]string{
		{"序号", "工作任务", "牵头单位", "配合单位", "完成时限"},
		{"一、项目建设", "一、项目建设", "一、项目建设", "一、项目建设", "一、项目建设"},
		{"3", "完成规划编制", "县发改局、县财政局", "各乡镇（配合）", "2024年6月底前"},
		{"4", "", "县发改局", "", ""},
		{"5", "完成规划编制", "县发改局", "", ""},
		{"六", "抓好安全生产", "县应急局牵头", "县公安局", "长期坚持"},
	}}, Options{RefDate: NewDate(2024, 1, 15)})
	if err != nil {
		t.Fatal(err)
	}
	if len(sp.Tasks) != 2 {
		t.Fatalf("%d tasks, want 2: %+v", len(sp.Tasks), sp.Tasks)
	}
	a, b := sp.Tasks[0], sp.Tasks[1]
	if a.Seq != 3 || a.Section != "一、项目建设" || len(a.Bodies) != 3 || a.Bodies[2].Role != RoleSupport || a.Times[0].Due != NewDate(2024, 6, 30) {
		t.Errorf("first task %+v", a)
	}
	if b.Seq != 6 || b.Bodies[0].Name != "县应急局" || b.Bodies[0].Role != RoleLead || b.Times[0].Text != "长期坚持" || !b.Times[0].Due.IsZero() {
		t.Errorf("second task %+v", b)
	}
	if _, err := x.TableSpeech("b.xlsx", 1, TaskTable{Rows: [][]string{{"姓名", "电话"}}}, Options{}); !errors.Is(err, ErrNotTaskTable) {
		t.Errorf("not a task table: %v", err)
	}
}

// Guide, "Speech": a task-division table's document states its date in
// its text, in its first lines or where it signs off (落款), and the
// table's relative deadlines resolve against it, with the source "text".
func TestTableSpeechesDatedByTheirText(t *testing.T) {
	table := TaskTable{Rows: [][]string{
		{"序号", "工作任务", "责任单位", "完成时限"},
		{"1", "完成农村公路改造200公里", "县交通运输局", "年底前"},
	}}
	intro := "关于印发重点工作任务分解表的通知\n各乡镇，县直各单位：\n现将任务分解表印发给你们，请认真抓好落实。\n"
	tests := []struct {
		rule, text string
		want       Date
		source     string
	}{
		{"signed off below the table", intro + strings.Repeat("各单位要明确专人负责。\n", 10) + "县人民政府办公室\n2023年3月1日\n", NewDate(2023, 3, 1), "text"},
		{"stated in the first lines", "2023年5月6日\n" + intro, NewDate(2023, 5, 6), "text"},
		{"not stated: the option", intro, NewDate(2024, 1, 15), "option"},
	}
	for _, tt := range tests {
		sps := New().TableSpeeches("a.docx", tt.text, []TaskTable{table}, Options{RefDate: NewDate(2024, 1, 15)})
		if len(sps) != 1 {
			t.Fatalf("%s: %d speeches", tt.rule, len(sps))
		}
		if sp := sps[0]; sp.RefDate != tt.want || sp.RefSource != tt.source {
			t.Errorf("%s: ref date %v (%s), want %v (%s)", tt.rule, sp.RefDate, sp.RefSource, tt.want, tt.source)
		}
	}
}
