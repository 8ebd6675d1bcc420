package report

import (
	"strings"
	"time"

	"github.com/speechledger/speechledger/extract"
)

// reportDate is the report date of the tests.
var reportDate = extract.NewDate(2010, time.January, 15)

// span returns the rune span of the first sub in text, panicking if absent
// so that a fixture cannot silently lose its highlight.
func span(text, sub string) extract.Span {
	i := strings.Index(text, sub)
	if i < 0 {
		panic("fixture: " + sub + " not in " + text)
	}
	start := len([]rune(text[:i]))
	return extract.Span{Start: start, End: start + len([]rune(sub))}
}

func date(y int, m time.Month, d int) extract.Date { return extract.NewDate(y, m, d) }

// fixtureSpeeches returns speeches that exercise the workbook: deadlines
// past, near and far; start-only times; lead, support and carried bodies;
// targets with values and ratios; a compilation whose speeches share a
// title, with a duplicate and an overlap; a title full of characters sheet
// names forbid; a speech without tasks titled History; text that looks like
// a formula; and text too long for a cell.
func fixtureSpeeches() []extract.Speech {
	t1 := "县教育局要在年底前完成73所学校的校舍改造任务。"
	t2 := "各乡镇要在县财政局配合下做好经费保障，确保2010年1月20日前拨付到位。"
	t3 := "=各学校要加强安全教育，做到警钟长鸣。"
	t4 := "从2010年3月起，全面推行绩效工资制度，教师人均增资不少于1200元。"
	t5 := "上半年，县教育局要牵头完成生师比10:1的调整，县人社局配合。"
	a := extract.Speech{
		Source: "001_fixture.txt", Index: 1, Title: "在全县教育工作会议上的讲话", Speaker: "杨钊",
		SpeechDate: date(2009, 10, 30), RefDate: date(2009, 10, 30), RefSource: "text",
		Tasks: []extract.Task{
			{Seq: 1, ID: "t-a1", Text: t1, Section: "一、抓好校舍安全",
				Times:   []extract.TimeNode{{Text: "年底前", Due: date(2009, 12, 31), Span: span(t1, "年底前")}},
				Bodies:  []extract.Body{{Name: "县教育局", Canonical: "县教育局", Role: extract.RoleLead, Span: span(t1, "县教育局")}},
				Targets: []extract.Target{{Text: "73所学校", Value: 73, Unit: "所", Object: "学校", Cmp: extract.CmpEq, Span: span(t1, "73所学校")}}},
			{Seq: 2, ID: "t-a2", Text: t2, Section: "二、保障经费",
				Times: []extract.TimeNode{{Text: "2010年1月20日前", Due: date(2010, 1, 20), Span: span(t2, "2010年1月20日前")}},
				Bodies: []extract.Body{
					{Name: "各乡镇", Canonical: "各乡镇", Role: extract.RoleLead, Span: span(t2, "各乡镇")},
					{Name: "县财政局", Canonical: "县财政局", Role: extract.RoleSupport, Span: span(t2, "县财政局")},
				}},
			{Seq: 3, ID: "t-a3", Text: t3, Section: "二、保障经费",
				Bodies: []extract.Body{{Name: "各学校", Canonical: "各学校", Role: extract.RoleLead, Span: span(t3, "各学校")}},
				Hints:  []string{"无时间节点"}},
			{Seq: 4, ID: "t-a4", Text: t4, Section: "三、深化改革",
				Times:   []extract.TimeNode{{Text: "从2010年3月起", Start: date(2010, 3, 1), Span: span(t4, "从2010年3月起")}},
				Bodies:  []extract.Body{{Name: "县教育局", Canonical: "县教育局", Role: extract.RoleLead, Carried: true}},
				Targets: []extract.Target{{Text: "不少于1200元", Value: 1200, Unit: "元", Object: "教师人均增资", Cmp: extract.CmpAtLeast, Span: span(t4, "不少于1200元")}},
				Hints:   []string{"责任单位承上句"}},
			{Seq: 5, ID: "t-a5", Text: t5, Section: "三、深化改革",
				Times: []extract.TimeNode{{Text: "上半年", Due: date(2010, 6, 30), Note: "年份按讲话日期推断", Span: span(t5, "上半年")}},
				Bodies: []extract.Body{
					{Name: "县教育局", Canonical: "县教育局", Role: extract.RoleLead, Span: span(t5, "县教育局")},
					{Name: "县人社局", Canonical: "县人力资源和社会保障局", Role: extract.RoleSupport, Span: span(t5, "县人社局")},
				},
				Targets: []extract.Target{{Text: "生师比10:1", Ratio: "10:1", Object: "生师比", Cmp: extract.CmpEq, Span: span(t5, "生师比10:1")}}},
		},
	}
	shared := "教育脱贫攻坚工作会议讲话"
	b1t := "各乡镇要在2010年1月10日前完成贫困学生摸底。"
	b1 := extract.Speech{
		Source: "002_fixture.txt", Index: 1, Title: shared, SpeechDate: date(2010, 1, 5),
		Tasks: []extract.Task{{Seq: 1, ID: "t-b1", Text: b1t,
			Times:  []extract.TimeNode{{Text: "2010年1月10日前", Due: date(2010, 1, 10), Span: span(b1t, "2010年1月10日前")}},
			Bodies: []extract.Body{{Name: "各乡镇", Canonical: "各乡镇", Role: extract.RoleLead, Span: span(b1t, "各乡镇")}}}},
	}
	b2t := "县扶贫办要在2月底前把资助资金发到每一名学生手中。"
	b2 := extract.Speech{
		Source: "002_fixture.txt", Index: 2, Title: shared, Speaker: "",
		Overlaps: []extract.Overlap{{Index: 1, Share: 0.84}},
		Tasks: []extract.Task{{Seq: 1, ID: "t-b2", Text: b2t,
			Times:  []extract.TimeNode{{Text: "2月底前", Due: date(2010, 2, 28), Span: span(b2t, "2月底前")}},
			Bodies: []extract.Body{{Name: "县扶贫办", Canonical: "县扶贫开发办公室", Role: extract.RoleLead, Span: span(b2t, "县扶贫办")}}}},
	}
	b3 := b1
	b3.Index, b3.DuplicateOf, b3.Similarity = 3, 1, 0.996
	long := "各部门要" + strings.Repeat("持续推进作风建设，", 4000) + "务求实效。"
	c := extract.Speech{
		Source: "003_fixture.txt", Index: 1, Speaker: "王XX",
		Title: "关于[2010]年度工作：目标/任务*落实?情况\\的讲话——在全市经济工作会议暨优化营商环境推进大会上的讲话" + strings.Repeat("（续）", 40) + " & more",
		Tasks: []extract.Task{
			{Seq: 1, ID: "t-c1", Text: long, Bodies: []extract.Body{{Name: "各部门", Canonical: "各部门", Role: extract.RoleLead, Span: span(long, "各部门")}}},
			{Seq: 2, ID: "t-c2", Text: "+R&D投入\x01要增长@15%以上。", Section: "-附：说明"},
		},
	}
	d := extract.Speech{Source: "004_fixture.txt", Index: 1, Title: "History"}
	return []extract.Speech{a, b1, b2, b3, c, d}
}
