package extract

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
)

// Guide, "Task", rule 1: a task directs future action; reports, principles,
// announced decisions, quoted directives and courtesy wishes do not.
func TestDirective(t *testing.T) {
	tests := []struct {
		rule    string
		s       string
		heading bool
		want    bool
	}{
		{"要", "各级工会要认真总结经验。", false, true},
		{"必须", "必须开源节流,科学理财。", false, true},
		{"务必", "各参学单位务必要深化认识。", false, true},
		{"确保", "确保年前全面完成。", false, true},
		{"力争", "力争在短时间有新的进展和突破。", false, true},
		{"抓紧", "欠进度的项目抓紧实施。", false, true},
		{"请", "请各镇办于月底前上报材料。", false, true},
		{"由……负责", "由县教育局负责组织实施。", false, true},
		{"将于", "县委将于元旦后召开全委会。", false, true},
		{"希望+body", "希望各镇办各部门相互学习借鉴。", false, true},
		{"imperative opening", "切实搞好晚秋作物的田间管理。", false, true},
		{"imperative opening, report", "认真分析了工会工作面临的新任务。", false, false},
		{"imperative opening after a frame: aim", "以提高服务质量为目标,组织开展窗口单位评比活动。", false, true},
		{"imperative opening after a frame: basis", "按照“先易后难”的原则,稳步推进老旧小区改造。", false, true},
		{"imperative opening after a frame: 把……作为", "把群众满意作为标尺,广泛开展走访活动。", false, true},
		{"frame with no imperative after it", "以人民为中心,是我们的宗旨。", false, false},
		{"imperative opening, description", "开展创新培植亮点是一种手段。", false, false},
		{"neutral 要: 重要", "这是一项重要工作。", false, false},
		{"neutral 要: 需要", "我们需要更多的时间。", false, false},
		{"neutral 要: 的要求", "按照上级的要求。", false, false},
		{"要 after 财政 (no 政要)", "县财政要压减一般性支出5%以上。", false, true},
		{"要 after 风险 (no 险要)", "重大风险要在年底前全部化解。", false, true},
		{"quotation", "部分干部存在“等、靠、要”思想。", false, false},
		{"idiom", "在这方面,我们还有很长很长的路要走。", false, false},
		{"announced decision", "县委决定召开这次会议。", false, false},
		{"quoted directive", "在全省会上,东明书记要求,要认真梳理总结已有工作经验。", false, false},
		{"courtesy", "希望大家提出宝贵意见。", false, false},
		{"courtesy", "大家讲得都很好,听后深受启发,请大家认真学习领会。", false, false},
		// A request that sets work to carry out asks for what is to
		// come, whatever the sentence reported before it.
		{"request to the audience setting work", "开学的准备工作,刚才几位同志已作了安排,请大家认真抓好落实。", false, true},
		{"example", "如,对确属不能逆转的问题,要完善相关制度。", false, false},
		{"应 as a modal", "班主任应注重过程管理。", false, true},
		{"应 in a word", "要适应新形势。", false, true},
		{"inline bullet label", "三是强化宣传引导。", true, false},
		{"exhortation to understand", "第一,要明白中小学德育工作要抓基础。", false, false},
		{"report then subjectless directive", "去年签订了合作协议,这项工作要抓紧跟进对接。", false, false},
		{"report then directive with a subject", "省局专门印发了实施方案,各地要全面落实。", false, true},
		// The directive clause decides the mood: one that turns from
		// the past to a time still to come directs.
		{"report, then a clause turning to what is due", "上半年已经完成了入户摸底,下半年要在9月底前完成整改。", false, true},
		{"report, then 今年 directs", "去年开局态势良好,今年咱们要再接再厉。", false, true},
		{"report, then a clause that turns but reports", "去年完成了摸底,今年已经开始整改,要抓紧跟进。", false, false},
		// 已 in a description before 的 names what is acted on.
		{"a thing described by what was done to it", "对已完工的项目,要及时组织竣工验收。", false, true},
		{"a report before the directive", "项目已完工了,要及时组织竣工验收。", false, false},
		{"heading with directive", "二是要建立党建例会制度。", true, true},
		{"heading with directive", "(一)要强化各级责任。", true, true},
		{"heading with directive", "一要壮大龙头。", true, true},
		{"heading naming a topic", "(一)全力抓好产业培育。", true, false},
		{"heading naming a topic", "二是加强培养教育。", true, false},
		{"heading: topic 要", "(一)领导重视要到位。", true, false},
		// Issue 13: meeting instructions, approvals, opinions.
		{"meeting instruction: 控制在", "每人发言控制在5分钟以内。", false, true},
		{"approval: 由X审批", "新建项目由县发展改革局审批。", false, true},
		{"approval: 报X批准", "调整方案报县政府批准后实施。", false, true},
		{"须", "所有项目须经过评审。", false, true},
		{"要 before 不折不扣", "各镇要不折不扣地完成搬迁任务。", false, true},
		{"opinion with no one named", "我觉得这项工作很有意义,要坚持下去。", false, false},
		{"要知道 is no directive", "要知道,安全工作无小事。", false, false},
		{"将 that commits no one", "这将有利于推动全县经济发展。", false, false},
		{"quoted: a directive another meeting relayed", "近日,省教育厅召开视频会议,要求各地要抓好秋季开学工作。", false, false},
		{"quoted: a directive a document relayed", "市政府印发通知,强调各县区要做好防汛准备。", false, false},
		{"quoted: a document relayed by its title", "省教育厅下发了《关于规范办学行为的通知》,严禁各校违规补课。", false, false},
		{"quoted: said on a visit", "来我县考察时明确要求，要把生态保护放在首位。", false, false},
		{"quoted: said at a meeting named", "市委书记王某某在全市干部警示教育大会上强调,各级干部要敢于担当。", false, false},
		{"principle: what a goal takes", "全县要赶超先进地区,首先必须提升干部素质。", false, false},
		{"principle: what a goal depends on", "要办好人民满意的教育,关键在于建设一支好的教师队伍。", false, false},
		{"a directive after a principle of its own", "现在的关键在于坚持,要防止松懈。", false, true},
		{"principle: a bare goal, then what it takes", "抓好安全生产,就要把责任落实到人。", false, false},
		{"principle: 归根结底要", "提高教学质量,归根结底要靠教师。", false, false},
		{"a question asks, it directs no one", "服务群众方面还有什么短板要补齐？", false, false},
		{"a question word after 不管 directs", "不管什么情况都要按时上报。", false, true},
		{"需求 is no 需", "对照群众多样化的需求，查找差距。", false, false},
		{"preamble announcing the items", "为做好防汛工作，经省政府同意，现将有关事项通知如下：", false, false},
		{"preamble: 要求如下", "请各单位认真执行，具体要求如下:", false, false},
		{"lead line with a colon directs", "各单位要做好以下三项工作：", false, true},
		{"pointer to a table", "本府将推动的重点项目与期程，详如下表3。", false, false},
		// The order of the meeting describes it: no one is set work.
		{"meeting narration: a leader's speech to come", "稍后,李市长还要作重要讲话,我先通报几项工作。", false, false},
		{"meeting narration: 将作讲话", "会议最后,王书记将作总结性讲话。", false, false},
		{"要讲 as work is no narration", "各校要讲好开学第一课。", false, true},
		{"principle: what the work takes", "做好防汛工作,需要各部门密切配合。", false, false},
		{"principle: what the work takes", "推进乡村振兴,离不开人才支撑。", false, false},
		{"需要时 is a case, not a requisite", "加强日常巡查,需要时及时上报。", false, true},
		{"principle: what a goal needs", "要实现这样的目标,不仅需要我们苦干实干,更需要全社会支持。", false, false},
		{"需要 opening is no goal's 要", "基层学校需要关心,教研室要深入课堂指导。", false, true},
		{"拟 + a verb of planning", "今年拟安排专项资金500万元。", false, true},
		{"拟 in a word plans nothing", "拟人化的写法很生动。", false, false},
		{"计划 + a verb of planning", "今年计划投资4000万元新建教学楼。", false, true},
		{"计划 + a verb of planning, in a report", "去年计划投资的项目已经全部完工。", false, false},
		{"计划 as a noun plans nothing", "年度计划完成情况良好。", false, false},
		{"预计 with a spaced year", "二期工程预计 2026 年底完工。", false, true},
		{"report, then 后续 turns to what is due", "方案已获省厅批准，后续争取年内开工。", false, true},
	}
	for _, tt := range tests {
		if got, _ := (*lexicon)(nil).directive(newDirected(tt.s), tt.heading); got != tt.want {
			t.Errorf("%s: directive(%q, heading=%v) = %v, want %v", tt.rule, tt.s, tt.heading, got, tt.want)
		}
	}
}

// TestDirectiveNamingBodies checks the rules that need to know who a
// sentence names (issue 13): commitments of a named body, the preposition
// 将 of a report, opinions that name who is to act.
func TestDirectiveNamingBodies(t *testing.T) {
	lx := New().lex
	for _, tt := range []struct {
		rule, s string
		want    bool
	}{
		{"commitment of a named body", "县委将结合实际研究出台配套办法。", true},
		{"commitment of a named body", "县教育局将会同财政局开展专项检查。", true},
		{"将 = 把 in a report", "县农业局将秸秆禁烧工作列入年度考核。", false},
		{"将 = 把 in a report", "各乡镇将河长制作为重点工作。", false},
		{"将 with no body", "这将有利于推动全县经济发展。", false},
		{"opinion naming who acts", "我觉得,各位班主任也要多与家长沟通。", true},
		{"opinion naming no one", "我认为这项工作要坚持下去。", false},
		{"principle: what a named body's goal depends on", "各学校要提高教学质量,关键在于建设好教师队伍。", false},
		{"principle: what a named body's goal depends on", "医院要留住人才,离不开良好的待遇。", false},
		{"a named body's goal and what it must do", "各学校要提高教学质量,必须加强教师培训。", true},
		{"请 + any body name", "请财务室会后核对报销单据。", true},
		{"请 + any body name", "请档案中心整理近三年的卷宗。", true},
		{"请 in a word: 申请", "学校申请专项资金用于校舍维修。", false},
		{"请 before no body: 请示", "请示报告写得很清楚。", false},
	} {
		if got, _ := lx.directive(newDirected(tt.s), false); got != tt.want {
			t.Errorf("%s: directive(%q) = %v, want %v", tt.rule, tt.s, got, tt.want)
		}
	}
	// Guide, "Clarifications": a heading that holds a directive and can
	// take a body is a task; 由X审批 and 报X批准 name theirs (issue 13:
	// approvals).
	for _, tt := range []struct {
		rule, s string
		want    bool
	}{
		{"heading with an approval naming its body", "三、新建项目由县发展改革局审批。", true},
		{"heading with a report for approval naming its body", "（四）调整方案报县政府批准。", true},
		{"heading naming a topic", "三、项目审批。", false},
	} {
		if got, _ := lx.directive(newDirected(tt.s), true); got != tt.want {
			t.Errorf("%s: directive(%q, heading) = %v, want %v", tt.rule, tt.s, got, tt.want)
		}
	}
}

// Guide, "Clarifications": a heading that holds a directive and can take
// a body is a task. A level-1 heading that runs on into its paragraph with
// no sentence end (a copy that lost the break) directs where any of its
// markers follows a body, and as a lead line gives that body to the items
// after it.
func TestHeadingRunningIntoParagraph(t *testing.T) {
	lx := New().lex
	for _, tt := range []struct {
		rule, s string
		want    bool
	}{
		{"run-in heading naming a body", "二、规范管理流程,提升服务水平当前窗口服务仍有短板,这就要求各乡镇必须进一步压实责任。", true},
		{"heading opening with its directive", "(二)要压实各级责任。", true},
		{"heading: topic 要, no body", "(一)领导重视要到位。", false},
		{"heading naming a topic", "三、全面提升服务水平", false},
	} {
		if got, _ := lx.directive(newDirected(tt.s), true); got != tt.want {
			t.Errorf("%s: directive(%q, heading) = %v, want %v", tt.rule, tt.s, got, tt.want)
		}
	}
	text := strings.Join([]string{
		"第一篇:讲话",
		"三、健全工作机制,落实工作责任近年来任务日益繁重,这就要求各级党组织必须改进领导方式。",
		"(一)要强化责任落实。各县区要把这项工作摆上重要议事日程。",
		"(二)要加强督促检查。",
	}, "\n")
	sp := New().Speeches("r.txt", text, Options{RefDate: NewDate(2009, 10, 1)})
	var got []string
	for _, tk := range sp[0].Tasks {
		var names []string
		for _, b := range tk.Bodies {
			names = append(names, b.Name)
		}
		got = append(got, tk.Text+" "+strings.Join(names, "、"))
	}
	want := []string{
		"三、健全工作机制,落实工作责任近年来任务日益繁重,这就要求各级党组织必须改进领导方式。 各级党组织",
		"(一)要强化责任落实。 各级党组织",
		"各县区要把这项工作摆上重要议事日程。 各县区",
		"(二)要加强督促检查。 各级党组织",
	}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("tasks\n%q\nwant\n%q", got, want)
	}
}

// Guide, "Responsible body": a lead line's body carries into the bullet
// lines it introduces. A paragraph that opens with one of the topics the
// lead line lists, as a label before a comma (渔，要……), is such a bullet,
// unnumbered; the spoken enumerator 一个是……另一个是 opens inline bullets.
func TestTopicLabelBullets(t *testing.T) {
	text := strings.Join([]string{
		"第一篇:讲话",
		"二、壮大特色产业",
		"各乡镇、各村要因地制宜发展茶、渔、文旅三大产业。",
		"茶,要扩大良种茶园面积。",
		"渔,一个是要推广稻渔综合种养。县水产站要加强技术指导。另一个是要抓好渔产品冷链物流建设。",
		"同时,注重品牌宣传。",
		"文旅,要打造精品民宿集群。",
		"目前,全县游客接待量稳步增长。",
		"林,要加快林下经济发展。",
	}, "\n")
	sp := New().Speeches("l.txt", text, Options{RefDate: NewDate(2020, 3, 1)})
	var got []string
	for _, tk := range sp[0].Tasks {
		var names []string
		for _, b := range tk.Bodies {
			names = append(names, b.Name)
		}
		got = append(got, tk.Text+" "+strings.Join(names, "、"))
	}
	want := []string{
		"各乡镇、各村要因地制宜发展茶、渔、文旅三大产业。 各乡镇、各村",
		"茶,要扩大良种茶园面积。 各乡镇、各村",
		"渔,一个是要推广稻渔综合种养。 各乡镇、各村",
		"县水产站要加强技术指导。 县水产站",
		// A new bullet does not take the subject the bullet before named.
		"另一个是要抓好渔产品冷链物流建设。 各乡镇、各村",
		// A plain paragraph between the bullets interrupts the run; the
		// next listed topic takes it up again.
		"文旅,要打造精品民宿集群。 各乡镇、各村",
		// 林 is no topic the lead line listed: no bullet, no body.
	}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("tasks\n%q\nwant\n%q", got, want)
	}
}

// Guide, "Task", rule 2, and "Responsible body": carried subjects.
func TestTasksCarryBodies(t *testing.T) {
	x := New()
	text := strings.Join([]string{
		"第一篇:讲话",
		"二、主攻重点求突破",
		"第四季度,各项工作进入收官扫尾阶段,各级各部门务必要紧扣工作重点。",
		"(一)全力抓好产业培育。产业培育是富民强县的第一要务。要按照原则拓展工业集中区;县商务局要抓好招商。要抓住有利时机。",
		"(二)全力推进项目建设。对今年确定的重大项目,要倒排工期。",
		"三、凝心聚力保稳定",
		"要深入排查各类矛盾纠纷。",
		"县委、县政府要加强领导。要狠抓落实。",
		"一要压实责任,二要强化督查。",
		"由县教育局负责。要做好总结。",
		"我们要全心投入。",
	}, "\n")
	sp := x.Speeches("t.txt", text, Options{RefDate: NewDate(2009, 10, 1)})
	type row struct{ text, bodies string }
	var got []row
	for _, tk := range sp[0].Tasks {
		var names []string
		for _, b := range tk.Bodies {
			names = append(names, b.Name)
		}
		got = append(got, row{tk.Text, strings.Join(names, "、")})
	}
	want := []row{
		{"第四季度,各项工作进入收官扫尾阶段,各级各部门务必要紧扣工作重点。", "各级各部门"},
		// A lead line's body carries into the items it introduces.
		{"要按照原则拓展工业集中区;", "各级各部门"},
		{"县商务局要抓好招商。", "县商务局"},
		// A side sentence with its own subject does not take over the run.
		{"要抓住有利时机。", "各级各部门"},
		{"对今年确定的重大项目,要倒排工期。", "各级各部门"},
		// A new level-1 heading ends the run: no body, no task.
		// Coordinated names are split; the subject carries within the paragraph.
		{"县委、县政府要加强领导。", "县委、县政府"},
		{"要狠抓落实。", "县委、县政府"},
		// Bullets take the body of the lead line that introduces them.
		{"一要压实责任,二要强化督查。", "县委、县政府"},
		// Bodies marked by 由 are not carried, and the run ended with the bullets.
		{"由县教育局负责。", "县教育局"},
	}
	if len(got) != len(want) {
		t.Fatalf("got %d tasks, want %d:\n%+v", len(got), len(want), got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("task %d = %+v, want %+v", i+1, got[i], want[i])
		}
	}
	if sp[0].Tasks[1].Section != "二、主攻重点求突破" {
		t.Errorf("section = %q", sp[0].Tasks[1].Section)
	}
	if len(sp[0].Tasks[1].Hints) == 0 {
		t.Errorf("a carried body gives a review hint")
	}
}

func TestTaskIDStable(t *testing.T) {
	a := TaskID("讲话", "各级工会要认真总结经验。")
	if b := TaskID("讲话", "各级工会要认真总结经验."); a != b {
		t.Errorf("punctuation changed the id: %s vs %s", a, b)
	}
	if b := TaskID("另一篇讲话", "各级工会要认真总结经验。"); a == b {
		t.Errorf("another speech gave the same id")
	}
	if !strings.HasPrefix(a, "RW-") || len(a) != 13 {
		t.Errorf("id %q has the wrong shape", a)
	}
}

// Guide, "Clarifications": responsibility tags after an item give their
// bodies, lead and support, to every task sentence of the item, and are
// not part of any task's text.
func TestResponsibilityTags(t *testing.T) {
	x := New()
	text := strings.Join([]string{
		"关于实施意见",
		"二、主要任务",
		"2.紧缺人才开发项目。5年内引进1万名左右紧缺人才。研究制定紧缺人才目录发布制度。（牵头单位：市发展改革委，配合单位：市委组织部、市人力资源和社会保障局）",
		"建立指标体系，发挥导向作用。2019年6月底前，研究建立指标体系。（生态环境部牵头，国家发展改革委、工业和信息化部等参与）推广一批先进适用技术装备。（市场监管总局负责）",
	}, "\n")
	sp := x.Speeches("t.txt", text, Options{RefDate: NewDate(2018, 12, 29)})
	type row struct{ text, lead, support string }
	var got []row
	for _, tk := range sp[0].Tasks {
		var r row
		r.text = tk.Text
		for _, b := range tk.Bodies {
			if b.Role == RoleLead {
				r.lead += b.Name + ";"
			} else {
				r.support += b.Name + ";"
			}
		}
		got = append(got, r)
	}
	want := []row{
		{"5年内引进1万名左右紧缺人才。", "市发展改革委;", "市委组织部;市人力资源和社会保障局;"},
		{"研究制定紧缺人才目录发布制度。", "市发展改革委;", "市委组织部;市人力资源和社会保障局;"},
		{"建立指标体系，发挥导向作用。", "生态环境部;", "国家发展改革委;工业和信息化部;"},
		{"2019年6月底前，研究建立指标体系。", "生态环境部;", "国家发展改革委;工业和信息化部;"},
		{"推广一批先进适用技术装备。", "市场监管总局;", ""},
	}
	if len(got) != len(want) {
		t.Fatalf("got %d tasks, want %d: %+v", len(got), len(want), got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("task %d = %+v, want %+v", i+1, got[i], want[i])
		}
	}
}

// A section that reviews work done states lessons with 要; only a sentence
// naming who must act is a task there. A section that plans work counts
// plain statements of work with a time, body or target.
func TestSectionMood(t *testing.T) {
	x := New()
	text := strings.Join([]string{
		"讲话",
		"一、客观评价创新和亮点工作的成效",
		"要紧紧依靠党的领导,找准工会工作与党政中心工作的结合点。",
		"各级工会要认真总结经验。",
		"二、2019年工作目标",
		"年底前完成500所学校体育场地改造。",
		"工会工作的经验是宝贵的。",
	}, "\n")
	sp := x.Speeches("t.txt", text, Options{RefDate: NewDate(2019, 3, 1)})
	var got []string
	for _, tk := range sp[0].Tasks {
		got = append(got, tk.Text)
	}
	want := []string{"各级工会要认真总结经验。", "年底前完成500所学校体育场地改造。"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("tasks = %q, want %q", got, want)
	}
}

// A time in the consequence of a condition is no deadline (guide, "Time
// node": when the action is due); a time outside it still counts.
func TestHypotheticalTimes(t *testing.T) {
	x := New()
	text := "讲话\n高中学校不得超计划招生,如果出现了,明年我首先就要提出减少招生计划。\n各学校要在9月30日前完成招生,如果发现问题,要立即整改。\n"
	sp := x.Speeches("t.txt", text, Options{RefDate: NewDate(2011, 8, 25)})
	if len(sp[0].Tasks) != 2 {
		t.Fatalf("got %d tasks, want 2", len(sp[0].Tasks))
	}
	if ts := sp[0].Tasks[0].Times; len(ts) != 0 {
		t.Errorf("a time after 如果……, is a deadline: %+v", ts)
	}
	if ts := sp[0].Tasks[1].Times; len(ts) != 1 || ts[0].Due != NewDate(2011, 9, 30) {
		t.Errorf("times = %+v, want 9月30日前 due 2011-09-30", ts)
	}
}

// A schedule table's row opens with its year (ROC years plus 1911, guide
// "Time node"); the months of the row and its further items are in it.
func TestScheduleYear(t *testing.T) {
	x := New()
	text := "施政重點與期程\n105 1、 4月：統包工程決標及開工。\n2、 7月：監造技術服務決標。\n本府將於12月底前完成評估。\n"
	sp := x.Speeches("t.txt", text, Options{RefDate: NewDate(2015, 4, 17)})
	var got []string
	for _, tk := range sp[0].Tasks {
		for _, tn := range tk.Times {
			got = append(got, tn.Text+"="+tn.Due.String())
		}
	}
	want := []string{"4月=2016-04-30", "7月=2016-07-31", "12月底前=2015-12-31"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("times = %q, want %q", got, want)
	}
	if y := scheduleYear("2019 1、完成招标", 0); y != 2019 {
		t.Errorf("scheduleYear(2019 …) = %d", y)
	}
	if y := scheduleYear("106 10月：綜合規劃提送交通部。", 2016); y != 2017 {
		t.Errorf("a row whose only item is a month: scheduleYear = %d, want 2017", y)
	}
	if y := scheduleYear("2019年要完成招标", 0); y != 0 {
		t.Errorf("a sentence opening with a year is no schedule row: %d", y)
	}
}

// TestNeutralWords checks what blankNeutral relies on to skip the
// replacer: every neutral word holds 要 or 应.
func TestNeutralWords(t *testing.T) {
	for _, w := range neutralWords {
		if !strings.Contains(w, "要") && !strings.Contains(w, "应") {
			t.Errorf("neutral word %q holds neither 要 nor 应", w)
		}
	}
}

// TestBlankNeutral checks the scanners blankNeutral uses against what
// they stand for, a strings.Replacer of the neutral words and regular
// expressions, on the seeds' lines, folded, and on texts made to catch the
// edges.
func TestBlankNeutral(t *testing.T) {
	texts := []string{
		"", "要", "必要", "必要的", "务必要", "的必要", "\xff必要", "要求", "要求,", "要求。的要求，",
		"要好些", "要高得多", "要多一些", "要大", "需要要求；", "要必要", "将要求和", "就要到了要素",
		"“", "“”", "“要”", "“要", "“要“要”", `"要"`, `""`, `"要`, "\xff“\xff”", "“" + strings.Repeat("要", 200) + "”",
		"“" + strings.Repeat("要", 201) + "”", "“" + strings.Repeat("要", 200), "“" + strings.Repeat("要", 201),
		`"` + strings.Repeat("要", 200) + `"`, `"` + strings.Repeat("要", 201) + `"`, "“要”“要”", `"要""要"`,
	}
	x := New()
	for _, line := range seedLines(t) {
		texts = append(texts, x.Fold(line))
	}
	for _, s := range texts {
		checkBlankNeutral(t, s)
	}
}

// FuzzBlankNeutral compares the scanners blankNeutral uses with what they
// stand for.
func FuzzBlankNeutral(f *testing.F) {
	for _, s := range []string{"必要", "务必要", "要求,", "要好些", "需要", "的要求和", "“要”", `"要"`, "“要"} {
		f.Add(s)
	}
	f.Fuzz(checkBlankNeutral)
}

var (
	neutralReplacer = func() *strings.Replacer {
		var pairs []string
		for _, w := range neutralWords {
			pairs = append(pairs, w, strings.Repeat("_", runeCount(w)))
		}
		return strings.NewReplacer(pairs...)
	}()
	quotation  = regexp.MustCompile(`“[^”“]{1,200}(?:”|$)|"[^"]{1,200}"`)
	neutralUse = regexp.MustCompile(`(?:^|[^务])必要|要求[,，。；;、]|要[好高强差低大小多少](?:些|得多|一些)`)
)

// checkBlankNeutral compares blankQuotations, blankNeutralWords and
// blankNeutralUses on s with the replacer and the regular expressions they
// stand for.
func checkBlankNeutral(t *testing.T, s string) {
	hide := func(m string) string { return strings.Repeat("_", runeCount(m)) }
	if got, want := blankQuotations(s), quotation.ReplaceAllStringFunc(s, hide); got != want {
		t.Fatalf("blankQuotations(%q) = %q, want %q", s, got, want)
	}
	if got, want := blankNeutralWords(s), neutralReplacer.Replace(s); got != want {
		t.Fatalf("blankNeutralWords(%q) = %q, want %q", s, got, want)
	}
	if got, want := blankNeutralUses(s), neutralUse.ReplaceAllStringFunc(s, hide); got != want {
		t.Fatalf("blankNeutralUses(%q) = %q, want %q", s, got, want)
	}
}

// pastReportPattern is what isPastReport stands for.
var pastReportPattern = regexp.MustCompile(`[^为除]了[^解不起得]|已经|已(?:[^经]|$)|取得|以来|去年|过去|曾经|先后|共评出|累计|截至目前|目前已|荣获|被评为|获得了`)

// TestPastReport checks isPastReport against the regular expression it
// stands for on the seeds' lines, folded, and their clauses, and on texts
// made to catch the edges.
func TestPastReport(t *testing.T) {
	texts := []string{"", "了", "了了", "为了", "除了解", "做了", "做了解", "做了。", "已", "已经", "我已", "\xff了\xff", "为\xff了x", "获得了"}
	texts = append(texts, seedClauses(t)...)
	for _, s := range texts {
		checkPastReport(t, s)
	}
}

// FuzzPastReport compares isPastReport with the regular expression it
// stands for.
func FuzzPastReport(f *testing.F) {
	for _, s := range []string{"为了", "做了事", "了解", "已", "除了"} {
		f.Add(s)
	}
	f.Fuzz(checkPastReport)
}

// checkPastReport compares isPastReport on s with the regular expression.
var checkPastReport = matchCheck("isPastReport", isPastReport, pastReportPattern)

// imperativePattern is what isImperativeOpening stands for.
var imperativePattern = regexp.MustCompile(`^(?:在[^，,：:]{1,12}上[,，:：]|(?:以|按照|围绕|把|依托|结合|针对|立足|紧扣|对照|借助)[^，,。；;：:]{0,30}[，,])?(?:[\p{Han}]{2,4}地)?(?:同时[,，]?|此外[,，]?|另外[,，]?|特别是|尤其是|并)?(?:切实|认真|积极|进一步|大力|全力|扎实|加快|加强|加大|严格|继续|坚持|深入|着力|努力|抓好|做好|推进|推动|落实|强化|完善|建立|健全|狠抓|全面|持续|坚决|及时|不断|高度|牢固|注重|突出|集中|主动|广泛|充分|统筹|精心|规范|严厉|力求|抓实|用好|搞好|办好|开展|组织|实施|启动|做到|提高|提升|巩固|优化|深化|落细|压实|夯实|筑牢|确立|明确|细化|探索|鼓励|引导|督促|指导|配合|协助|保证|维护|防止|杜绝|排查|整治|清理|谋划|筹划|召开|举办|完成|实现|抓紧|尽快|务必|推动|促进|培育|打造|新增|新建|改造|扩大|做大|做强|建成|建设|发展|加速|力促|攻坚|聚焦|支持|深入推进|全面推进|稳步推进|大力推进|有序推进|统筹推进)`)

// TestImperativeOpening checks isImperativeOpening against the regular
// expression it stands for on the seeds' lines, folded, their clauses and
// the sentences they hold less their numbering, and on texts made to
// catch the edges.
func TestImperativeOpening(t *testing.T) {
	texts := []string{
		"", "切实", "在会上,切实", "在会上上，认真", "在一二三四五六七八九十一二上,做好", "在一二三四五六七八九十一二三上,做好",
		"在上,做好", "认真地做好", "认真认真地落实", "一二三四五地落实", "同时,加强", "同时，加强", "同时加强", "特别是要",
		"在工作上:同时，认真地加强", "并深入推进", "\xff地加强", "在\xff上,加强",
		"以提高质量为目标,组织开展", "以一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十,组织", "以一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一,组织",
		"按照原则：加强", "把服务作为切入点,广泛开展", "以\xff为契机,进一步", "围绕,加强", "以为目标。加强",
	}
	x := New()
	for _, line := range seedLines(t) {
		f := x.Fold(line)
		texts = append(texts, f, stripNumbering(f))
		texts = append(texts, strings.FieldsFunc(f, func(r rune) bool { return strings.ContainsRune("。；;", r) })...)
		for _, s := range x.splitSentences(line) {
			texts = append(texts, stripNumbering(s.fold.text))
		}
	}
	matched := 0
	for _, s := range texts {
		checkImperativeOpening(t, s)
		if isImperativeOpening(s) {
			matched++
		}
	}
	if matched == 0 {
		t.Fatal("no text opens with an imperative")
	}
}

// FuzzImperativeOpening compares isImperativeOpening with the regular
// expression it stands for.
func FuzzImperativeOpening(f *testing.F) {
	for _, s := range []string{"在会上,切实", "认真地做好", "同时,加强", "特别是要", "并深入推进"} {
		f.Add(s)
	}
	f.Fuzz(checkImperativeOpening)
}

// checkImperativeOpening compares isImperativeOpening on s with the
// regular expression.
var checkImperativeOpening = matchCheck("isImperativeOpening", isImperativeOpening, imperativePattern)

// quotedDirectivePattern is what isQuotedDirective stands for.
var quotedDirectivePattern = regexp.MustCompile(`(?:书记|主席|总理|省长|市长|县长|区长|部长|局长|主任|同志|中央|国务院|会议|文件|通知)(?:[^，,。]{0,12}|[^，,。在]{0,11}在[^，,。]{0,12})(?:强调|指出|要求|提出|明确)[:：,，]`)

// TestQuotedDirective checks isQuotedDirective against the regular
// expression it stands for on the seeds' lines, folded, and their
// sentences, and on texts made to catch the edges.
func TestQuotedDirective(t *testing.T) {
	texts := []string{
		"", "书记强调:", "书记强调", "会议要求,", "市长一二三四五六七八九十一二指出：", "市长一二三四五六七八九十一二三指出：",
		"市长，指出：", "市长。指出：", "国务院\xff明确，", "中央\n提出,", "同志们要求：", "通知通知要求,", "书记强调\xff",
		"部长说的要求，", "主任要求我们：", "书记李某在省委全会讲话中强调，", "书记李某某在省委十届四次全会讲话中强调，",
		"书记在一二三四五六七八九十一二指出，", "书记在一二三四五六七八九十一二三指出，", "书记一在二在三四五六七八九十一二三四五指出，",
	}
	x := New()
	matched := 0
	for _, line := range seedLines(t) {
		texts = append(texts, x.Fold(line))
		for _, s := range x.splitSentences(line) {
			texts = append(texts, s.fold.text)
		}
	}
	for _, s := range texts {
		checkQuotedDirective(t, s)
		if isQuotedDirective(s) {
			matched++
		}
	}
	if matched == 0 {
		t.Fatal("no text quotes a directive")
	}
}

// FuzzQuotedDirective compares isQuotedDirective with the regular
// expression it stands for.
func FuzzQuotedDirective(f *testing.F) {
	for _, s := range []string{"书记强调:", "会议一再要求，", "市长，指出：", "国务院\xff明确，"} {
		f.Add(s)
	}
	f.Fuzz(checkQuotedDirective)
}

// checkQuotedDirective compares isQuotedDirective on s with the regular
// expression.
var checkQuotedDirective = matchCheck("isQuotedDirective", isQuotedDirective, quotedDirectivePattern)

// FuzzSqueeze compares squeeze with the strings.Map it stands for.
func FuzzSqueeze(f *testing.F) {
	for _, s := range []string{"", "各单位要抓紧，落实。", " a\u3000b\ufeff（c）", "\xff要\xe4\xb8", "，"} {
		f.Add(s)
	}
	f.Fuzz(checkSqueeze)
}

// TestSqueeze compares squeeze with the strings.Map it stands for on the
// seeds' lines.
func TestSqueeze(t *testing.T) {
	for _, s := range append(seedLines(t), "", "，", "\xff要\xe4\xb8", " a\u3000b\ufeff（c）") {
		checkSqueeze(t, s)
	}
}

// checkSqueeze compares squeeze on s with strings.Map.
func checkSqueeze(t *testing.T, s string) {
	want := strings.Map(func(r rune) rune {
		if squeezeDrops(r) {
			return -1
		}
		return r
	}, s)
	if got := squeeze(s); got != want {
		t.Fatalf("squeeze(%q) = %q, want %q", s, got, want)
	}
}

// notDirectiveOpeningPattern is what notDirectiveOpening stands for.
var notDirectiveOpeningPattern = regexp.MustCompile(`^(?:[^，,。]{0,10}(?:决定|指出|强调|提出|要求我们)|希望大家|欢迎|感谢|谢谢|祝|恳请|敬请|最后,?祝|等一下|(?:如|比如|例如|譬如)[,，:：]|[^，,]{0,6}(?:说|讲)过)`)

// TestNotDirectiveOpening checks notDirectiveOpening against the regular
// expression it stands for on the seeds' lines, folded, and their
// sentences, and on texts made to catch the edges.
func TestNotDirectiveOpening(t *testing.T) {
	texts := []string{
		"", "决定", "一二三四五六七八九十决定", "一二三四五六七八九十一决定", "一，决定", "一。决定", "一二三四五六说过", "一二三四五六七说过",
		"一。说过", "一，说过", "最后,祝", "最后，祝", "如，", "如果", "例如:", "\xff\xff讲过", "祝", "谢谢大家", "要求我们",
	}
	x := New()
	matched := 0
	for _, line := range seedLines(t) {
		texts = append(texts, x.Fold(line))
		for _, s := range x.splitSentences(line) {
			texts = append(texts, s.fold.text, stripNumbering(s.fold.text))
		}
	}
	for _, s := range texts {
		checkNotDirectiveOpening(t, s)
		if notDirectiveOpening(s) {
			matched++
		}
	}
	if matched == 0 {
		t.Fatal("no text opens so")
	}
}

// FuzzNotDirectiveOpening compares notDirectiveOpening with the regular
// expression it stands for.
func FuzzNotDirectiveOpening(f *testing.F) {
	for _, s := range []string{"会议决定", "一。说过", "最后,祝", "例如:", "一二三四五六七说过"} {
		f.Add(s)
	}
	f.Fuzz(checkNotDirectiveOpening)
}

// checkNotDirectiveOpening compares notDirectiveOpening on s with the
// regular expression.
var checkNotDirectiveOpening = matchCheck("notDirectiveOpening", notDirectiveOpening, notDirectiveOpeningPattern)

// TestNotDirectiveCharSet checks that notDirective answers the same with
// a sentence's charSet, whose tests skip the scanners, as without one, on
// the seeds' sentences and on texts made to catch the edges.
func TestNotDirectiveCharSet(t *testing.T) {
	texts := []string{
		"", "请大家", "我们祝愿", "书记强调:", "书记强调", "会议要求，", "会议要求", "主任明确：", "会议,提出",
		"要求我们", "通知\xff要求,", "中央\n提出,",
	}
	x := New()
	for _, line := range seedLines(t) {
		for _, s := range x.splitSentences(line) {
			texts = append(texts, s.fold.text, stripNumbering(s.fold.text))
		}
	}
	quoted := 0
	for _, s := range texts {
		checkNotDirectiveCharSet(t, s)
		if isQuotedDirective(s) {
			quoted++
		}
	}
	if quoted == 0 {
		t.Fatal("no text quotes a directive")
	}
}

// FuzzNotDirectiveCharSet compares notDirective with and without the
// sentence's charSet.
func FuzzNotDirectiveCharSet(f *testing.F) {
	for _, s := range []string{"请大家", "书记强调:", "会议一再要求，", "国务院\xff明确，", "主题是"} {
		f.Add(s)
	}
	f.Fuzz(checkNotDirectiveCharSet)
}

// checkNotDirectiveCharSet compares notDirective on s with the charSet
// newDirected makes for s and with none.
func checkNotDirectiveCharSet(t *testing.T, s string) {
	t.Helper()
	d := newDirected(s)
	if got, want := notDirective(s, &d.chars), notDirective(s, nil); got != want {
		t.Fatalf("notDirective(%q, chars) = %v, want %v", s, got, want)
	}
}

// TestTargetListClauses checks the guide's "Clarifications": a list of
// targets joined by ；is one task per clause, the lead-in with the first,
// and a clause with neither target, time nor body is no task.
func TestTargetListClauses(t *testing.T) {
	text := "在全县经济工作会议上的讲话\n今年全县经济社会发展的主要预期目标是：地区生产总值增长6%左右；城镇新增就业5000人以上；居民收入增长与经济增长基本同步。\n"
	sps := New().Speeches("g.txt", text, Options{RefDate: NewDate(2024, 2, 1)})
	var got []string
	for _, tk := range sps[0].Tasks {
		got = append(got, fmt.Sprintf("%s %d", tk.Text, len(tk.Targets)))
	}
	want := []string{"今年全县经济社会发展的主要预期目标是：地区生产总值增长6%左右； 1", "城镇新增就业5000人以上； 1"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("tasks %q, want %q", got, want)
	}
}

// TestInlineNumberedHeading checks that an item numbered inside a paragraph
// (……。5.丰富群众性体育活动。) is a heading, which only names its topic
// (guide, "Clarifications": a heading that only names a topic is no task).
func TestInlineNumberedHeading(t *testing.T) {
	if plain("2019年1月9日", nil) || plain("（二〇一九年一月九日）", nil) {
		t.Errorf("a line that is only a date states work")
	}
	text := "二、主要任务\n各乡镇要抓好以下工作。1.丰富群众文化活动。2.要在6月底前建成10个文化广场。\n"
	got := taskTexts("h.txt", text, NewDate(2024, 2, 1))
	want := []string{"各乡镇要抓好以下工作。", "2.要在6月底前建成10个文化广场。"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("tasks %q, want %q", got, want)
	}
}

// TestInvitingRequest checks that 请 after another marker invites rather
// than directs (guide, "Responsible body": the subject of the directive):
// the body invited is no subject.
func TestInvitingRequest(t *testing.T) {
	lx := New().lex
	for _, tt := range []struct {
		s    string
		want int
	}{
		{"要主动与高校联系,请大学招生办主任来校作讲座。", 0},
		{"请财务室会后核对报销单据。", 1},
	} {
		if got := lx.subjects(newDirected(tt.s)); len(got) != tt.want {
			t.Errorf("subjects(%q) = %v, want %d bodies", tt.s, got, tt.want)
		}
	}
}

// Guide, "Task": permissive 可 counts only where it names who acts (可由
// X直接管理). In a plan section a provision that only allows is no
// instruction.
func TestPermissiveProvision(t *testing.T) {
	for _, tt := range []struct {
		rule, s string
		want    bool
	}{
		{"a case, then 可", "对学生人数不足20人的,可与邻近学校合并办学。", true},
		{"a case, then 可, with a count", "学生人数超过2000人的,可增设1名副校长。", true},
		{"a case, then 可 with no comma", "场地条件具备的可单独设立考点。", true},
		{"a case, then 也可以", "确有困难的,也可以分两批完成。", true},
		{"可 naming who acts", "规模较大的合作社可由县农业局直接指导。", false},
		{"可能 is no permission", "新建的校舍可能存在安全隐患。", false},
		{"可视化 is no permission", "年内完成监管平台的可视化改造。", false},
		{"a case, then 可及时", "人数达到规定条件的,可及时调整设置。", true},
		{"a statement of work", "年内新建标准化考点3个。", false},
	} {
		if got := allowsOnly(tt.s); got != tt.want {
			t.Errorf("%s: allowsOnly(%q) = %v, want %v", tt.rule, tt.s, got, tt.want)
		}
	}
	text := "在全县教育工作会上的讲话\n二、主要任务\n学生人数超过2000人的,可增设1名副校长;年内新建标准化考点3个。\n"
	got := taskTexts("p.txt", text, NewDate(2024, 2, 1))
	if want := "年内新建标准化考点3个。"; strings.Join(got, "|") != want {
		t.Errorf("tasks %q, want %q", got, want)
	}
}

// Guide, "Numeric target": a quantity the task sets as a goal. A plain
// statement that sets a floor to reach for work to come directs, as 力争
// would, though it holds no 要; one that counts what is does not.
func TestGoalStatements(t *testing.T) {
	text := strings.Join([]string{
		"第一篇:讲话",
		"一、过去一年工作回顾",
		"全年投入不少于300万元用于校舍维修。",
		"二、今年的工作",
		"通过多方筹措,每年投入不少于500万元用于校舍改造。",
		"三年内,全县新建标准化幼儿园不低于10所。",
		"目前,全县80%以上的教师持有双证。",
		"全年为返乡青年提供就业岗位2000个以上。",
		"对人数不足3人的,可增设至少1名辅导员。",
	}, "\n")
	sp := New().Speeches("g.txt", text, Options{RefDate: NewDate(2020, 3, 1)})
	var got []string
	for _, tk := range sp[0].Tasks {
		got = append(got, fmt.Sprintf("%s %d", tk.Text, len(tk.Targets)))
	}
	want := []string{
		"通过多方筹措,每年投入不少于500万元用于校舍改造。 1",
		"三年内,全县新建标准化幼儿园不低于10所。 1",
		"全年为返乡青年提供就业岗位2000个以上。 1",
	}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("tasks\n%q\nwant\n%q", got, want)
	}
}

// Guide, "Clarifications": inline ordinals inside a paragraph are bullets
// of the sentence that opens them. Where a directive opens an inline list
// joined by ；, each item that states work goes on with that directive; a
// bare label (二是师资;) does not, nor does a list a report opened.
func TestInlineListItems(t *testing.T) {
	text := strings.Join([]string{
		"第一篇:讲话",
		"各学校要重点抓好两项工作,一是加强校园安全巡查,消除隐患;二是落实课后服务,做到应管尽管。",
		"各学校要把握两个重点:一是安全;二是质量。",
		"去年全县办学条件明显改善,一是新建校舍,面积扩大;二是更新设备,教学提质。",
	}, "\n")
	got := taskTexts("i.txt", text, NewDate(2020, 3, 1))
	want := []string{
		"各学校要重点抓好两项工作,一是加强校园安全巡查,消除隐患;",
		"二是落实课后服务,做到应管尽管。",
		"各学校要把握两个重点:一是安全;",
	}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("tasks\n%q\nwant\n%q", got, want)
	}
}

// Guide, "Task", rule 2: a task carries a time node, a body or a numeric
// target. An instruction with no 要 (投入……，新建……) that names no body
// meets it by its target, except in a paragraph that has been reporting
// what was done, where the same words state results.
func TestInstructionWithTarget(t *testing.T) {
	text := strings.Join([]string{
		"第一篇:讲话",
		"第二,改善办学条件。新建城区幼儿园2所,改造薄弱学校3所。加快推进校舍建设。",
		"去年全县教育投入持续加大。完成投资3亿元,建成校舍5栋。",
	}, "\n")
	got := taskTexts("w.txt", text, NewDate(2020, 3, 1))
	if want := "新建城区幼儿园2所,改造薄弱学校3所。"; strings.Join(got, "|") != want {
		t.Errorf("tasks %q, want %q", got, want)
	}
}

// Guide, "Task": a sentence ends at ；, and a clause after the ； of a
// directive that states work goes on with it, a task of its own; the
// clauses that explain a slogan after 即： are its parts, not work.
func TestClausesAfterDirective(t *testing.T) {
	text := strings.Join([]string{
		"第一篇:讲话",
		"县教育局要继续从严整治有偿补课行为;重点清查校外培训机构;对屡教不改的,依法依规处理。",
		"县教育局要大力推行“两集中”,即:审批事项向一个科室集中;科室向服务中心集中。",
	}, "\n")
	got := taskTexts("c.txt", text, NewDate(2020, 3, 1))
	want := []string{
		"县教育局要继续从严整治有偿补课行为;",
		"重点清查校外培训机构;",
		"对屡教不改的,依法依规处理。",
		"县教育局要大力推行“两集中”,即:审批事项向一个科室集中;",
	}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("tasks\n%q\nwant\n%q", got, want)
	}
}

// Guide, "Clarifications": inline ordinals are bullets of the sentence
// that opens the paragraph, its body carried into them. Where that
// opening names no body, the directive that introduces the list does:
// its body carries into the items.
func TestInlineListIntroBody(t *testing.T) {
	text := strings.Join([]string{
		"第一篇:讲话",
		"这次摸底要公平公正。最后,各乡镇要抓好“两化”。一是规范化。就是要统一建立档案台账。二是信息化。就是要建好数据平台。",
	}, "\n")
	sp := New().Speeches("n.txt", text, Options{RefDate: NewDate(2020, 3, 1)})
	var got []string
	for _, tk := range sp[0].Tasks {
		var names []string
		for _, b := range tk.Bodies {
			names = append(names, b.Name)
		}
		got = append(got, tk.Text+" "+strings.Join(names, "、"))
	}
	want := []string{
		"最后,各乡镇要抓好“两化”。 各乡镇",
		"就是要统一建立档案台账。 各乡镇",
		"就是要建好数据平台。 各乡镇",
	}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("tasks\n%q\nwant\n%q", got, want)
	}
}

// Guide, "Task", rule 1: a report of what was done is no task. In a plan
// section a statement of work is an instruction unless it reports: a
// thing described by what was done to it (对于已经建成的) reports
// nothing, nor do the words of a result in a goal set for a year to come.
func TestPlanStatementReports(t *testing.T) {
	for _, tt := range []struct {
		s    string
		want bool
	}{
		{"全县取得了明显成效。", true},
		{"近年来全县教育事业取得长足进步。", true},
		{"到2030年，试点城市在重点领域取得明显进展。", false},
		{"到2030年，已建成示范区3个。", true},
		{"对于已经建成、尚未移交的校舍，原则上于6月底前完成移交。", false},
	} {
		if got := reports(tt.s); got != tt.want {
			t.Errorf("reports(%q) = %v, want %v", tt.s, got, tt.want)
		}
	}
}

// Guide, "Task": a schedule table's rows are the work it plans, each row
// in the year its year column gives (issue 13); a numbered row is a row,
// not a heading that needs a marker.
func TestScheduleRowsNumbered(t *testing.T) {
	text := strings.Join([]string{
		"县政府施政报告",
		"二、工作安排",
		"表1、期程一览表：",
		"2025 1、3月：完成招标。",
		"2、年底前完成路基施工。",
	}, "\n")
	got := taskTexts("s.txt", text, NewDate(2025, 1, 10))
	want := []string{"2025 1、3月：完成招标。", "2、年底前完成路基施工。"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("tasks %q, want %q", got, want)
	}
}

// Guide, "Task", rule 1: a description of the situation is no task. With
// no marker, 始终, 一直 or 历来 say what a body has long done, a practice,
// not work set, in a plan section too.
func TestHabitualPractice(t *testing.T) {
	text := strings.Join([]string{
		"县教育局工作要点",
		"二、主要任务",
		"县局始终坚持每年开展家访活动2次。",
		"县局年内完成校长轮训2次。",
	}, "\n")
	got := taskTexts("h.txt", text, NewDate(2024, 2, 1))
	if want := "县局年内完成校长轮训2次。"; strings.Join(got, "|") != want {
		t.Errorf("tasks %q, want %q", got, want)
	}
}

// taskTexts returns the texts of the tasks of the first speech that text,
// a file named name, holds, read against ref.
func taskTexts(name, text string, ref Date) []string {
	var got []string
	for _, tk := range New().Speeches(name, text, Options{RefDate: ref})[0].Tasks {
		got = append(got, tk.Text)
	}
	return got
}
