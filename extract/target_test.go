package extract

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// tgt is a compact expected target: value (or ratio), unit, cmp.
type tgt struct {
	value string
	unit  string
	cmp   string
}

func (t tgt) String() string { return t.value + t.unit + " " + t.cmp }

func got(ts []Target) []tgt {
	var out []tgt
	for _, t := range ts {
		v := t.Ratio
		if v == "" {
			v = fmt.Sprint(t.Value)
		}
		out = append(out, tgt{v, t.Unit, t.Cmp})
	}
	return out
}

// TestFindTargets checks each rule of the annotation guide, "Numeric
// target" and "Clarifications", on sentences written the way speeches write
// them. Each row names the rule it implements.
func TestFindTargets(t *testing.T) {
	tests := []struct {
		rule string
		s    string
		want []tgt
	}{
		// Numbers and units.
		{"unit: classifier, object after", "要组织人员深入全县48个贫困村核实项目。", []tgt{{"48", "个", "="}}},
		{"unit: 户 and 人", "今年全区要完成2204户、4850人脱贫。", []tgt{{"2204", "户", "="}, {"4850", "人", "="}}},
		{"unit: 名", "教育局将对100名教师进行表彰。", []tgt{{"100", "名", "="}}},
		{"unit: Chinese numeral", "要组织两次誓师大会。", []tgt{{"2", "次", "="}}},
		{"unit: Chinese numeral 一万", "要培训一万名乡村医生。", []tgt{{"10000", "名", "="}}},
		{"unit: measure, object before", "确保户均年收入3万元以上。", []tgt{{"3", "万元", ">="}}},
		{"unit: 个百分点", "确保农民收入增速高于全省平均水平两个百分点。", []tgt{{"2", "个百分点", "="}}},
		{"unit: latin", "全省算力规模突破190Eflops。", []tgt{{"190", "Eflops", ">="}}},
		{"scope of work counts (Clarifications)", "新建5G基站1万个。", []tgt{{"1", "万个", "="}}},
		{"scope of work counts (Clarifications)", "完成500所中小学体育场地升级改造。", []tgt{{"500", "所", "="}}},
		{"scope of work counts: names the directive lists (Clarifications)", "要抓紧建好城东小学、河西中学2所学校的食堂。", []tgt{{"2", "所", "="}}},
		{"scope of work counts: names the directive lists (Clarifications)", "今年要完成红旗村和新华村2个村的道路硬化。", []tgt{{"2", "个", "="}}},
		{"OCR l for 1", "确保年内l20亿元双联惠农贷款落实到位。", []tgt{{"120", "亿元", "="}}},
		// Multipliers.
		{"multiplier: 万 kept in unit", "要新增就业1100万人以上。", []tgt{{"1100", "万人", ">="}}},
		{"multiplier: 余", "力争带动7万余人就业。", []tgt{{"7", "万人", ">="}}},
		{"multiplier: 万亿", "要安排财政赤字2.76万亿元。", []tgt{{"2.76", "万亿元", "="}}},
		{"multiplier: 多万", "要投入资金3000多万元。", []tgt{{"3000", "万元", ">="}}},
		{"multiplier: 个亿", "每年要落实60个亿。", []tgt{{"60", "亿", "="}}},
		// Percentages and percent words.
		{"percent", "签约率要达到98%。", []tgt{{"98", "%", ">="}}},
		{"cmp: 不得少于 sets a floor", "各工作组投入资金不得少于5万元。", []tgt{{"5", "万元", ">="}}},
		{"cmp: 不得超过 sets a ceiling", "每次会议时间不得超过90分钟。", []tgt{{"90", "分钟", "<="}}},
		{"percent word 百分之", "覆盖率要提高到百分之九十五。", []tgt{{"95", "%", ">="}}},
		{"percent word 成", "要确保九成以上农户参保。", []tgt{{"90", "%", ">="}}},
		{"rate whose % is missing", "党组织组建率达100。", []tgt{{"100", "%", ">="}}},
		{"rate whose % is missing", "全年培训农民工6000人,持证率达到85以上。", []tgt{{"6000", "人", "="}, {"85", "%", ">="}}},
		// Ratios.
		{"ratio", "中小学生机比要达到10:1。", []tgt{{"10:1", "", ">="}}},
		{"ratio 比", "按1比1配套资金。", []tgt{{"1:1", "", "="}}},
		{"not a ratio: a clock time", "会议于14:30开始。", nil},
		// Comparators.
		{"cmp >= 以上", "每年打造20户以上示范户。", []tgt{{"20", "户", ">="}}},
		{"cmp >= 不低于", "抽查比例不低于5%。", []tgt{{"5", "%", ">="}}},
		{"cmp >= 至少", "确保每个镇办至少打造2个示范村。", []tgt{{"2", "个", ">="}}},
		{"cmp >= 至少有", "每县至少有一个乡或村同省外结成帮扶对子。", []tgt{{"1", "个", ">="}}},
		{"cmp >= 超过", "要使财政支出超过23万亿元。", []tgt{{"23", "万亿元", ">="}}},
		{"cmp <= 以内", "误差率2%以内。", []tgt{{"2", "%", "<="}}},
		{"cmp <= 不超过, a duration set as a goal", "会议时间不超过两小时,发言不超过10分钟。", []tgt{{"2", "小时", "<="}, {"10", "分钟", "<="}}},
		{"cmp <= 控制在", "要把城镇登记失业率控制在4.5%。", []tgt{{"4.5", "%", "<="}}},
		{"a duration set as a goal is a target", "各部门要将办理时限压缩至1个工作日以内。", []tgt{{"1", "个工作日", "<="}}},
		{"a duration set as a goal is a target: 压缩 its object 至", "各地要压缩企业开办时间至1个工作日以内。", []tgt{{"1", "个工作日", "<="}}},
		{"百分之百 is 100%", "确保适龄儿童入学率达到百分之百。", []tgt{{"100", "%", ">="}}},
		{"九成以上 is 90%", "群众满意度要达到九成以上。", []tgt{{"90", "%", ">="}}},
		{"a target after a time phrase", "各镇要在10天内安排资金500万元。", []tgt{{"500", "万元", "="}}},
		{"a unit in Latin letters: bandwidth", "全市学校网络带宽要达到城区100M、乡村20M标准。", []tgt{{"100", "M", "="}, {"20", "M", "="}}},
		{"not: a rank", "排名在前十名、十一到二十名的授予荣誉称号。", nil},
		{"not: a condition, 对…的", "对党员人数不足3人的，可联合建立党组织。", nil},
		{"not: a condition closed in the next clause", "对有3名以上正式党员，条件具备的可单独建立党组织。", nil},
		{"not: a condition, 凡…的", "凡连续2年考核不合格的，一律调离岗位。", nil},
		{"a count after 对 in a directive is a target", "要对20个乡镇开展全覆盖督查。", []tgt{{"20", "个", "="}}},
		{"a count after 对……进行 is in the directive", "对现行规章制度进行2轮清理，过时的要废止。", []tgt{{"2", "轮", "="}}},
		{"not: a count in a name", "要严格执行八项禁令。", nil},
		{"a measure its object names before it", "加快总投资4.8亿元的中学和总投资1.32亿元的体育场两个重点项目。", []tgt{{"4.8", "亿元", "="}, {"1.32", "亿元", "="}, {"2", "个", "="}}},
		{"cmp ~ 左右", "城镇调查失业率5.5%左右。", []tgt{{"5.5", "%", "~"}}},
		{"cmp ~ 控制在…左右", "城镇调查失业率控制在5.5%左右。", []tgt{{"5.5", "%", "~"}}},
		{"cmp ~ 约", "计划新建沥青操场约6000平方米。", []tgt{{"6000", "平方米", "~"}}},
		{"cmp ~ 近", "要减轻企业负担近2万亿元。", []tgt{{"2", "万亿元", "~"}}},
		// Ranges.
		{"range: upper bound <=", "各地汇报时间控制在5—8分钟之内。", []tgt{{"8", "分钟", "<="}}},
		{"range: hyphen", "力争每个贫困户掌握1-2门技术。", []tgt{{"2", "门", "<="}}},
		{"range: unit on both ends", "国内生产总值增长6%-6.5%。", []tgt{{"6.5", "%", "<="}}},
		{"range: loose 两三", "要组织两三次学生的动员表彰会。", []tgt{{"3", "次", "<="}}},
		{"range: floor >=", "每个村至少发展2—3个产业。", []tgt{{"2", "个", ">="}}},
		// 一 as a count.
		{"一 with a comparator", "每月要开展一次以上专项清理。", []tgt{{"1", "次", ">="}}},
		{"一 numbering an event", "要开一次全体家长的培训会。", []tgt{{"1", "次", "="}}},
		{"一 as an article is no count", "要通过一个个创新亮点的打造带动一个地区的发展。", nil},
		{"一 as an article is no count", "要把脱贫攻坚作为一件大事来抓,推动一批重大项目落地。", nil},
		// Not targets: list numbering and ordinals.
		{"not: list numbering", "1.强化团队意识,抓实集体备课工作。", nil},
		{"not: list numbering", "(一)要强化各级责任。", nil},
		{"not: list numbering 一是", "一是要立即组织人员核实,二是要尽快编制方案。", nil},
		{"not: ordinal 第一", "第一书记要全力抓好该村的脱贫攻坚工作。", nil},
		{"not: ordinal 二次", "要加强二次污染管控。", nil},
		// Not targets: dates, times and durations.
		{"not: dates", "要在2009年10月30日前完成。", nil},
		{"not: durations", "要在3天内上报,10个工作日内办结。", nil},
		{"not: periods", "要在第四季度完成,后两个月要冲刺。", nil},
		{"not: durations 年", "紧盯5年脱贫、8年小康的节点要求。", nil},
		{"not: weekday", "请于下周一前报送。", nil},
		// Not targets: names and slogans.
		{"not: plan names", "要谋划好十三五规划,贯彻党的十九大精神。", nil},
		{"not: slogans in quotes", "要坚决做到“五个落实到位”和“两学一做”。", nil},
		{"not: slogans", "要严格执行三个结合、两个毫不动摇。", nil},
		{"not: slogan with quoted term", "中小学德育工作要做到四个“明白”。", nil},
		{"not: the count of a quoted list", "要加快“产业园区、旅游景区、城乡社区”三区建设。", nil},
		{"not: 四个第一人", "工会要履行“四个第一人”的职责。", nil},
		{"not: X大", "要继续打好三大攻坚战,推进八大民生工程。", nil},
		{"not: grades 5A", "支持西江千户苗寨创建国家5A级旅游景区。", nil},
		{"not: 零发生 (Clarifications)", "非法转移倾倒固体废物事件零发生。", nil},
		{"not: codes", "要落实“1+10”政策措施和5+3工作机制。", nil},
		{"not: parenthesised aside", "评估中需要随机抽样(抽查2个贫困村、1个非贫困村)。", nil},
		{"not: summary count after 等", "要开好联席会议、全委会议等两个会议。", nil},
		{"not: summary count of abstract heads", "要抓好扶贫攻坚和联系群众两项重点任务,处理好三种关系。", nil},
		{"not: count that introduces a list", "重点推进三个项目:一是黄龙寺项目。", nil},
		{"not: list numbering: a count of the speaker's requirements", "对此,我再提三条要求:一是各校要按时开学。", nil},
		{"not: list numbering: a count of the points that follow", "下面强调两个要点:第一,要压实责任。", nil},
		{"not: count of the names listed", "开安、华家、哈拉海、烧锅四个工业集中区也要加快发展。", nil},
		{"not: a committee named by its size", "成立五人督查小组,进行常态化督查。", nil},
		{"not: standards referred to", "要严格对照贫困户退出4条标准和贫困村退出7条标准。", nil},
		{"not: standards referred to: 对标, head last", "要对标省级示范校五大类20项评估指标,补齐短板。", nil},
		{"scope of work counts: documents to draw up (Clarifications)", "各股室要根据分管工作制定2至4项任务清单。", []tgt{{"4", "项", "<="}}},
		{"scope of work counts: an abstract word modifying a document", "各乡镇要编制两个工作方案。", []tgt{{"2", "个", "="}}},
		{"not: idioms", "要一手抓常规管理,一手抓复习备考,两手都要硬。", nil},
		{"not: 十分", "这项工作十分重要,要抓紧。", nil},
		// Not targets: past statistics.
		{"not: past 已", "已有31万贫困户贷款167亿元,要继续扩大。", nil},
		{"not: past 了", "要在去年完成了500户的基础上继续推进。", nil},
		{"not: past 共有", "区扶贫工作领导小组共有39家成员单位,要统筹抓好工作。", nil},
		{"not: past 比上年", "粮食产量比上年增长12.5%,要巩固成果。", nil},
		{"not: baseline 在…基础上", "要在实现年报率突破20%的基础上,争取4月底达到50%。", []tgt{{"50", "%", ">="}}},
		{"a count timed by 今年 is a goal even as a step's basis (Clarifications: 今年 times the target)", "在完成今年300户危房改造任务的基础上,继续推进农房抗震改造。", []tgt{{"300", "户", "="}}},
		{"not: baseline 在…基础上 with no year to come", "在完成300户危房改造的基础上,继续推进农房抗震改造。", nil},
		{"not: current rate 现行", "将现行16%的税率降至13%。", []tgt{{"13", "%", "<="}}},
		{"goal against last year", "今年要比去年增长10%以上。", []tgt{{"10", "%", ">="}}},
		{"not: report with no goal: 将 before a pronoun is 把, no future", "村里重新进行了分工,将我的联系户安排在东坪村,共计8户,其中因病致贫3户。", nil},
		{"goal: 将 before a verb is the future", "村里进行了分工,今后将新建8户示范户。", []tgt{{"8", "户", "="}}},
		{"not: report with no goal", "截至目前,累计走访贫困户400户,发现问题51个。", nil},
		// Several targets in one sentence.
		{"several targets", "力争每年打造2个经济组织、20户以上示范户,确保户均年收入3万元以上、人均年收入8000元以上。",
			[]tgt{{"2", "个", "="}, {"20", "户", ">="}, {"3", "万元", ">="}, {"8000", "元", ">="}}},
		{"threshold qualifying a count", "年内要建设投资3000万元以上的大项目2个。", []tgt{{"2", "个", "="}}},
	}
	for _, tt := range tests {
		ts := FindTargets(tt.s)
		g := got(ts)
		if fmt.Sprint(g) != fmt.Sprint(tt.want) {
			t.Errorf("%s: FindTargets(%q)\n got  %v\n want %v", tt.rule, tt.s, g, tt.want)
		}
		checkSpans(t, tt.s, ts)
	}
}

// TestTargetObjects checks the object and the phrase of targets.
func TestTargetObjects(t *testing.T) {
	tests := []struct {
		rule, s, text, object string
	}{
		{"object after a classifier", "要深入全县48个贫困村和非贫困村核实项目。", "48个贫困村", "贫困村"},
		{"object before a directive word", "签约率要达到98%。", "达到98%", "签约率"},
		{"object before a measure", "签约率达到98%。", "达到98%", "签约率"},
		{"object before, adjacent", "误差率2%以内。", "误差率2%以内", "误差率"},
		{"object after 以上的", "使每个贫困村有1家以上的龙头企业帮扶脱贫。", "1家以上的龙头企业", "龙头企业"},
		{"ratio object", "中小学生机比要达到10:1。", "达到10:1", "中小学生机比"},
		{"target text excludes the time phrase", "各镇要在10天内安排资金500万元。", "安排资金500万元", "安排资金"},
		{"target text excludes the year it is set for", "今年大规模扩招100万人。", "大规模扩招100万人", "大规模扩招"},
		{"target text excludes a span in Chinese numerals", "力争三年内培育规上企业50家。", "培育规上企业50家", "培育规上企业"},
		{"target text excludes 用N年时间", "力争用2年时间培育龙头企业10家以上。", "培育龙头企业10家以上", "培育龙头企业"},
		{"a time phrase is no object", "年底前完成200公里农村公路建设。", "200公里", ""},
		{"target text excludes a deadline with no number", "各园区要在年底前建成标准厂房10万平方米。", "建成标准厂房10万平方米", "建成标准厂房"},
		{"target text excludes 于 and the deadline", "各县要于6月底前新建充电桩1万个。", "新建充电桩1万个", "新建充电桩"},
		{"an over-long object starts after a 的, not mid-word", "全市各县区全力推动建设的标准化规模养殖场粪污处理设施装备配套率达到95%以上。", "达到95%以上", "标准化规模养殖场粪污处理设施装备配套率"},
		{"an object of up to 24 runes is whole", "农村学校普通教室互动式多媒体教学设备普及率达到50%以上。", "达到50%以上", "农村学校普通教室互动式多媒体教学设备普及率"},
	}
	for _, tt := range tests {
		ts := FindTargets(tt.s)
		if len(ts) != 1 {
			t.Errorf("%s: FindTargets(%q) = %v; want one target", tt.rule, tt.s, ts)
			continue
		}
		if ts[0].Text != tt.text || ts[0].Object != tt.object {
			t.Errorf("%s: FindTargets(%q) text %q object %q; want %q %q", tt.rule, tt.s, ts[0].Text, ts[0].Object, tt.text, tt.object)
		}
	}
}

// TestTargetObjectsShared covers targets that share an object: the second
// of 分别增长4%左右和6%左右 counts the same thing, and the 和 joining them is
// no part of its text.
func TestTargetObjectsShared(t *testing.T) {
	ts := FindTargets("城镇和农村居民人均可支配收入分别增长4%左右和6%左右。")
	if len(ts) != 2 {
		t.Fatalf("got %v; want two targets", ts)
	}
	if ts[1].Text != "6%左右" || ts[1].Object != ts[0].Object {
		t.Errorf("second target text %q object %q; want %q and the first's object %q", ts[1].Text, ts[1].Object, "6%左右", ts[0].Object)
	}
}

func TestTargetString(t *testing.T) {
	tests := []struct {
		t    Target
		want string
	}{
		{Target{Value: 98, Unit: "%", Object: "签约率", Cmp: CmpAtLeast}, "≥ 98%  签约率"},
		{Target{Value: 48, Unit: "个", Object: "贫困村", Cmp: CmpEq}, "= 48个  贫困村"},
		{Target{Value: 2, Unit: "%", Cmp: CmpAtMost}, "≤ 2%"},
		{Target{Value: 5.5, Unit: "%", Cmp: CmpAbout}, "≈ 5.5%"},
		{Target{Ratio: "10:1", Object: "生机比"}, "= 10:1  生机比"},
	}
	for _, tt := range tests {
		if got := tt.t.String(); got != tt.want {
			t.Errorf("%+v.String() = %q; want %q", tt.t, got, tt.want)
		}
	}
}

// checkSpans checks that each target's span lies within s and that its
// text is what the span covers.
func checkSpans(t *testing.T, s string, ts []Target) {
	t.Helper()
	rs := []rune(s)
	for _, tg := range ts {
		sp := tg.Span
		if sp.Start < 0 || sp.End > len(rs) || sp.Start >= sp.End {
			t.Errorf("FindTargets(%q): span %v out of bounds", s, sp)
			continue
		}
		if string(rs[sp.Start:sp.End]) != tg.Text {
			t.Errorf("FindTargets(%q): text %q, span covers %q", s, tg.Text, string(rs[sp.Start:sp.End]))
		}
		if !strings.Contains(s, tg.Text) {
			t.Errorf("FindTargets(%q): text %q not in sentence", s, tg.Text)
		}
	}
}

// TestTargetsNeedNumerals checks the shortcut FindTargets takes: on the
// seeds' lines, folded, and their sentences, whenever mayHoldTarget is false
// the full reading finds no target either.
func TestTargetsNeedNumerals(t *testing.T) {
	x := New()
	seeds, _ := filepath.Glob("../testdata/seeds/*.txt")
	skipped := 0
	for _, p := range seeds {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(string(b), "\n") {
			texts := []string{x.Fold(line)}
			for _, s := range x.splitSentences(line) {
				texts = append(texts, s.fold.text)
			}
			for _, s := range texts {
				if mayHoldTarget(s) {
					continue
				}
				skipped++
				if ts := findTargets(s); ts != nil {
					t.Fatalf("findTargets(%q) = %v, but mayHoldTarget is false", s, ts)
				}
			}
		}
	}
	if skipped == 0 {
		t.Fatal("no text skipped")
	}
}

// pastLePattern is what hasPastLe stands for.
var pastLePattern = regexp.MustCompile(`(?:^|[^为除不得罢])了(?:[^解如]|$)`)

// TestHasPastLe checks hasPastLe against the regular expression it
// stands for on the seeds' lines, folded, and their clauses, and on texts
// made to catch the edges.
func TestHasPastLe(t *testing.T) {
	texts := []string{"", "了", "了了", "为了", "了解", "为了解", "做了", "除了如", "\xff了\xff", "罢\xff了", "了\xe4\xb8"}
	texts = append(texts, seedClauses(t)...)
	for _, s := range texts {
		checkHasPastLe(t, s)
	}
}

// FuzzHasPastLe compares hasPastLe with the regular expression it
// stands for.
func FuzzHasPastLe(f *testing.F) {
	for _, s := range []string{"为了", "做了事", "了解", "除了", "\xff了"} {
		f.Add(s)
	}
	f.Fuzz(checkHasPastLe)
}

// checkHasPastLe compares hasPastLe on s with the regular expression.
var checkHasPastLe = matchCheck("hasPastLe", hasPastLe, pastLePattern)

// TestHasAt checks hasAt, which compares a word's first character
// before decoding it, against the runes of the word, for the words it is
// asked about at every place in the seeds' lines.
func TestHasAt(t *testing.T) {
	var words []string
	for _, ws := range [][]string{measureUnits, countUnits, nonTargetUnits, latinUnits, objectStops, objectCuts} {
		words = append(words, ws...)
	}
	words = append(words, "百分之", "千分之", "十分", "分之", "成不变", "")
	x := New()
	lines := seedLines(t)
	if testing.Short() {
		// Every position of every word on a seventh of the lines: the
		// whole takes seconds.
		lines = slices.Collect(func(yield func(string) bool) {
			for i := 0; i < len(lines); i += 7 {
				if !yield(lines[i]) {
					return
				}
			}
		})
	}
	for _, line := range append(lines, "\xff百分之", "千\xe5\x88") {
		rs := []rune(x.Fold(line))
		for i := range len(rs) + 1 {
			for _, w := range words {
				wr := []rune(w)
				want := i+len(wr) <= len(rs) && slices.Equal(rs[i:i+len(wr)], wr)
				if got := hasAt(rs, i, w); got != want {
					t.Fatalf("hasAt(%q, %d, %q) = %v, want %v", string(rs), i, w, got, want)
				}
			}
		}
	}
}
