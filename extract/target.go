package extract

import (
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// This file finds numeric targets, following the annotation guide,
// "Numeric target" and "Clarifications". A target is a number with its
// unit and the object it counts; the rules below decide which numbers of a
// sentence are targets and which are list numbering, dates and durations,
// parts of names and slogans, ordinals or past statistics.

// measureUnits are units of measure: what they measure is usually named
// before the number (签约率达到98%, 户均年收入3万元). Guide: "unit".
var measureUnits = []string{
	"个百分点", "百分点", "%", "‰",
	"美元", "元",
	"平方公里", "平方千米", "平方米", "立方米", "公里", "千米", "米",
	"公顷", "亩", "吨", "千克", "公斤", "斤", "毫米", "厘米", "毫克", "毫升", "升", "克",
	"千瓦时", "度电", "千瓦", "兆瓦", "千伏",
	"倍", "分钟", "秒", "学时", "课时", "学分",
	"人次", "户次", "辆次", "架次", "标箱",
}

// countUnits are classifiers: what they count usually follows them
// (48个贫困村, 100名教师). Guide: "unit", `48个贫困村`.
var countUnits = []string{
	"个", "家", "所", "座", "条", "项", "次", "场", "期", "门", "件",
	"台", "辆", "套", "间", "张", "册", "部", "处", "棵", "株", "头",
	"袋", "箱", "盏", "眼", "根", "尾", "枚",
	"只", "篇", "份", "名", "位", "人", "户", "村", "镇", "乡", "县", "市",
	"区", "支", "队", "轮", "栋", "幢", "口", "艘", "架", "对",
	"趟", "分",
}

// latinUnits are units written in Latin letters. Any other letter right
// after a number makes it part of a name or a grade (5G, 5A, 20xx).
var latinUnits = []string{"Eflops", "EFLOPS", "Pflops", "PFLOPS", "kWh", "MW", "GW", "kW", "km", "kg", "TB", "PB", "Gbps", "Mbps", "M", "m"}

// nonTargetUnits after a number make it part of a date, a time or a duration,
// which the time module finds (guide: "Not: … dates"), or of a name:
// 十九大, 三大攻坚战, 5A级, 四星级, 一线.
var nonTargetUnits = []string{
	"个多月", "个工作日", "个小时", "个星期", "个季度", "个年头", "个月", "个周",
	"年", "月", "日", "号", "时", "点", "天", "周", "星期", "季度", "季", "旬",
	"世纪", "小时", "岁", "届", "代", "后", "前", "期间", "夜", "晚",
	"大", "级", "星", "化", "型", "维", "线", "档", "手", "把", "票", "刻",
	"楼", "层", "中全会", "分之",
}

// durationUnits are the units of a duration. A duration is a time node
// (10天内) unless a word that sets a goal bounds it: 办理时限压缩至1个工作日以内
// sets a target (issue 13).
var durationUnits = []string{
	"个多月", "个工作日", "个小时", "个星期", "个季度", "个月", "个周",
	"工作日", "小时", "星期", "季度", "天", "周", "旬",
}

// durationGoals are the words that make a duration after them a goal:
// the time a procedure may take is cut or capped.
var durationGoals = []string{
	"压缩至", "压缩到", "压减至", "压减到", "缩短至", "缩短到", "缩减至", "缩减到",
	"减少至", "减少到", "控制在", "不超过", "不多于", "降至", "降到", "降低至", "降低到",
}

// leftBlockers directly before a number make it an ordinal, a date part, a
// rate denominator or a summary count, not a target: 第一, 周一, 初五,
// 每10万人, 之一, 逐一, 前三季度, 等两个会议, 这三项.
var leftBlockers = []string{
	"第", "每", "周", "初", "其", "之", "逐", "统", "唯", "同", "单", "前", "后",
	"这", "那", "哪", "某", "等", "星期", "礼拜", "腊月", "正月", "述", "列",
	"现行", "现有", "原有", "目前",
}

// A comparator word and the comparison it makes. Guide: "cmp".
type cmpWord struct {
	word, cmp string
}

// leftCmps are comparators written before the number, longest first.
var leftCmps = []cmpWord{
	{"不少于", CmpAtLeast}, {"不低于", CmpAtLeast}, {"不小于", CmpAtLeast},
	{"提高到", CmpAtLeast}, {"提高至", CmpAtLeast}, {"提升到", CmpAtLeast},
	{"提升至", CmpAtLeast}, {"增加到", CmpAtLeast}, {"增加至", CmpAtLeast},
	{"上升到", CmpAtLeast}, {"增长到", CmpAtLeast},
	{"不超过", CmpAtMost}, {"不高于", CmpAtMost}, {"不多于", CmpAtMost},
	{"不大于", CmpAtMost}, {"控制在", CmpAtMost}, {"控制到", CmpAtMost},
	{"下降到", CmpAtMost}, {"下降至", CmpAtMost}, {"压减到", CmpAtMost},
	{"压缩到", CmpAtMost}, {"压缩至", CmpAtMost}, {"减少到", CmpAtMost},
	{"降低到", CmpAtMost}, {"降低至", CmpAtMost},
	{"至少", CmpAtLeast}, {"最少", CmpAtLeast}, {"达到", CmpAtLeast},
	{"超过", CmpAtLeast}, {"突破", CmpAtLeast}, {"高于", CmpAtLeast},
	{"多于", CmpAtLeast}, {"大于", CmpAtLeast}, {"达", CmpAtLeast},
	{"低于", CmpAtMost}, {"少于", CmpAtMost}, {"小于", CmpAtMost},
	{"降至", CmpAtMost}, {"降到", CmpAtMost}, {"最多", CmpAtMost},
	{"大约", CmpAbout}, {"将近", CmpAbout}, {"接近", CmpAbout}, {"约", CmpAbout},
	{"近", CmpAbout},
}

// rightCmps are comparators written after the number and its unit.
var rightCmps = []cmpWord{
	{"及以上", CmpAtLeast}, {"以上", CmpAtLeast},
	{"及以下", CmpAtMost}, {"以下", CmpAtMost}, {"以内", CmpAtMost}, {"之内", CmpAtMost},
	{"左右", CmpAbout}, {"上下", CmpAbout},
}

// adverbCmps may stand a few characters before the number, with a verb
// between: 至少打造2个示范村.
var adverbCmps = []cmpWord{{"至少", CmpAtLeast}, {"最少", CmpAtLeast}, {"最多", CmpAtMost}}

// pastStatMarkers in the clause of a number make it a statistic of work done
// (guide: "Not: … past statistics").
var pastStatMarkers = newLiterals([]string{"已", "截至", "截止", "以来", "年来", "共有", "评出", "曾经", "过去", "历来", "尚有", "还有", "累计完成了"})

// lastYearMarkers make a number a past statistic unless the clause sets a
// goal against last year (今年要比去年增长10%).
var lastYearMarkers = newLiterals([]string{"去年", "上年", "前年", "往年", "同比", "上一年"})

// goalMarkers show that a clause sets a goal.
var goalMarkers = newLiterals([]string{"要", "力争", "确保", "争取", "将", "计划", "预计", "目标", "今年", "明年", "拟", "必须", "务必"})

// referenceVerbs introduce a standard that the work is measured against,
// not a goal: 对照贫困户退出4条标准.
var referenceVerbs = newLiterals([]string{"对照", "按照", "依照", "参照", "根据", "依据", "遵循"})

// eventVerbs before 一次/一场 make a single event a target: 开一次培训会.
var eventVerbs = []string{"召开", "组织", "举办", "举行", "开展", "进行", "开", "办", "搞"}

// abstractHeads are what summary counts and slogans count: 两项重点任务,
// 三种关系, 三个结合, 四个全面. Guide: "Not: … numbers inside names or
// slogans".
var abstractHeads = []string{
	"任务", "工作", "方面", "关系", "问题", "原则", "要求", "意识", "作用", "目标",
	"环节", "阶段", "层面", "领域", "结合", "全面", "一律", "确保", "防止", "不准",
	"代表", "自信", "维护", "确立", "必须", "坚持", "落实", "到位", "服务", "面向",
	"统筹", "转变", "提升", "聚焦", "优先", "满意", "放心", "基本点", "中心", "字",
	"抓手", "载体", "机制", "体系", "理念", "思想", "精神", "能力", "职能", "职责",
	"责任", "措施", "举措", "办法", "步骤", "途径", "标准", "指标", "难点", "热点",
	"短板", "特点", "优势", "挑战", "机遇", "矛盾", "时期", "第一", "一", "不",
	"文章", "规定", "政策", "底线", "红线", "市场", "事", "突破", "禁令", "纪律", "准则",
	"毫不", "坚定", "统一", "攻坚战", "战略", "布局", "课题", "大事", "层次", "梯队",
}

// abstractModifiers are stripped before looking up the head: 重点任务.
var abstractModifiers = []string{"重点", "主要", "重要", "重大", "基本", "核心", "关键", "具体"}

// objectStops end an object read after the unit.
var objectStops = []string{
	"和", "与", "及", "或", "并", "每", "都", "要", "已", "在", "进行", "以", "等",
	"如期", "实现", "完成", "帮扶", "助推", "同", "结成", "捆绑", "马上", "逐",
	"均", "分别",
	"可", "将", "由", "于", "给", "向", "对", "到", "参与", "纳入", "达到", "落实",
	"受", "得到", "开展", "的",
}

// objectCuts end what precedes an object read before the number: the
// directive words and verbs of the clause.
var objectCuts = []string{
	"要", "确保", "力争", "争取", "使", "让", "保证", "努力", "其中", "并", "将",
	"把", "实现", "就是", "全面完成", "完成", "确定的", "是", "有",
}

// rangeSeps join the ends of a range: 5—8分钟, 2-3个, 3至5家.
const rangeSeps = "—–-~～至到"

// targetClauseSeps end a clause, the unit within which context is read.
const targetClauseSeps = "，,；;。!?！？:：\n"

// targetClauseSepSet holds targetClauseSeps, for the test at every character.
var targetClauseSepSet = runeSetOf(targetClauseSeps)

// enclosingMarks pairs the marks whose contents are names, titles, slogans or
// asides: numbers inside them are never targets.
var enclosingMarks = map[rune]rune{
	'“': '”', '‘': '’', '「': '」', '『': '』', '《': '》', '〈': '〉',
	'(': ')', '（': '）', '〔': '〕', '[': ']', '【': '】', '"': '"',
}

// enclosingOpeners holds the opening marks of enclosingMarks: enclosed asks at
// every character, and the bitmap answers faster than the map.
var enclosingOpeners = func() *runeSet {
	s := new(runeSet)
	for r := range enclosingMarks {
		s.add(r)
	}
	return s
}()

// numRunes holds the characters isNumRune accepts, and
// numeralLeads those mayHoldTarget looks for, as bitmaps: they are asked
// of nearly every character of a sentence, and the maps they are built
// from answer much more slowly.
var numRunes, numeralLeads = func() (*runeSet, *runeSet) {
	num, lead := new(runeSet), new(runeSet)
	for r := '0'; r <= '9'; r++ {
		num.add(r)
		lead.add(r)
	}
	for _, m := range []map[rune]float64{digitValue, unitValue, tensValue} {
		for r := range m {
			num.add(r)
		}
	}
	for r := range digitValue {
		lead.add(r)
	}
	for _, r := range "万亿" {
		num.add(r)
	}
	for _, r := range "十廿百千" {
		lead.add(r)
	}
	return num, lead
}()

// numeral is a number found in a sentence.
type numeral struct {
	start, end int     // rune span
	value, hi  float64 // hi > value for a range
	isRange    bool
	unit       string // a unit read with the numeral: %, or 万 kept from 3万
	chinese    bool   // written in Chinese numerals
	text       string
}

// FindTargets returns the numeric targets set in sentence s, a normalised
// sentence (simplified characters, half-width digits and punctuation).
// Spans are rune offsets in s. See the annotation guide, "Numeric target".
func FindTargets(s string) []Target {
	if !mayHoldTarget(s) {
		return nil
	}
	return findTargets(s)
}

// mayHoldTarget reports whether s holds a character a target's numeral or
// ratio can begin with: a digit, a Chinese digit, 十, 廿, or the 百 and 千
// of 百分之 and 千分之. A sentence with none has no targets, and this one
// pass over it is much cheaper than reading it for them.
func mayHoldTarget(s string) bool {
	for i := 0; i < len(s); {
		r, size := decodeRune(s, i)
		if numeralLeads.has(r) {
			return true
		}
		i += size
	}
	return false
}

// findTargets is FindTargets without the test of mayHoldTarget.
func findTargets(s string) []Target { return findTargetsIn(s, nil) }

// findTargetsIn is findTargets for s, whose runes are rs when rs is not
// nil: a sentence whose runes other rules read too converts it once. It
// does not change rs.
func findTargetsIn(s string, rs []rune) []Target {
	// A sentence that reports work done and sets no goal has no targets:
	// its numbers are past statistics.
	if reportOnly(s) {
		return nil
	}
	if rs == nil {
		rs = []rune(s)
	}
	inside := enclosed(rs)
	var out []Target
	for i := 0; i < len(rs); {
		if inside[i] {
			i++
			continue
		}
		if t, ok := ratioAt(rs, i); ok {
			out = append(out, t)
			i = t.Span.End
			continue
		}
		n, ok := numeralAt(rs, i)
		if !ok {
			i++
			continue
		}
		t, end, ok := targetAt(rs, n, inside)
		if ok {
			if len(out) > 0 && t.Object == "" {
				t.Object = out[len(out)-1].Object
			}
			out = append(out, t)
		}
		i = max(end, n.end, i+1)
	}
	return out
}

// String formats t for a reader: "≥ 98%  签约率", "= 48个  贫困村".
func (t Target) String() string {
	sym := map[string]string{CmpAtLeast: "≥", CmpAtMost: "≤", CmpAbout: "≈"}[t.Cmp]
	if sym == "" {
		sym = "="
	}
	v := t.Ratio
	if v == "" {
		v = strconv.FormatFloat(t.Value, 'f', -1, 64)
	}
	out := sym + " " + v + t.Unit
	if t.Object != "" {
		out += "  " + t.Object
	}
	return out
}

// enclosed marks the runes inside quotation marks, title marks, brackets
// and parentheses. A mark never closed within the sentence encloses
// nothing.
func enclosed(rs []rune) []bool {
	in := make([]bool, len(rs))
	for i := 0; i < len(rs); i++ {
		if !enclosingOpeners.has(rs[i]) {
			continue
		}
		cl := enclosingMarks[rs[i]]
		depth := 0
		for j := i + 1; j < len(rs); j++ {
			if rs[j] == cl && depth == 0 {
				for k := i; k <= j; k++ {
					in[k] = true
				}
				break
			}
			if rs[j] == rs[i] && cl != rs[i] {
				depth++
			} else if rs[j] == cl {
				depth--
			}
		}
	}
	return in
}

// isNumRune reports whether r may be part of a numeral.
func isNumRune(r rune) bool { return numRunes.has(r) }

// isNumStart reports whether a numeral may start at rs[i]: a digit, 十,
// or the letter l misread for 1 before digits (l20亿元).
func isNumStart(rs []rune, i int) bool {
	r := rs[i]
	if r >= '0' && r <= '9' || r == '十' || r == '廿' {
		return true
	}
	if r == 'l' && i+1 < len(rs) && rs[i+1] >= '0' && rs[i+1] <= '9' && (i == 0 || !isLatinLetter(rs[i-1])) {
		return true
	}
	return numRunes.has(r) && digitValue[r] != 0 // a Chinese digit but zero
}

func isLatinLetter(r rune) bool { return r < 0x80 && unicode.IsLetter(r) }

// hasAt reports whether rs has w at i.
func hasAt(rs []rune, i int, w string) bool {
	// Most words differ from rs at their first character, which for the
	// three-byte characters of Chinese is cheaper to compare here than to
	// decode in the loop; w, a word of this file, is valid UTF-8.
	if i < len(rs) && len(w) >= 3 && w[0]&0xF0 == 0xE0 && rs[i] != rune(w[0]&0x0F)<<12|rune(w[1]&0x3F)<<6|rune(w[2]&0x3F) {
		return false
	}
	for _, r := range w {
		if i >= len(rs) || rs[i] != r {
			return false
		}
		i++
	}
	return true
}

// firstAt returns the first of words found at rs[i:], or "".
func firstAt(rs []rune, i int, words []string) string {
	for _, w := range words {
		if hasAt(rs, i, w) {
			return w
		}
	}
	return ""
}

// longestAt returns the longest of words found at rs[i:], or "".
func longestAt(rs []rune, i int, words []string) string {
	best := ""
	for _, w := range words {
		if len(w) > len(best) && hasAt(rs, i, w) {
			best = w
		}
	}
	return best
}

// endsWith reports whether rs[:i] ends with w, and returns where w starts.
func endsWith(rs []rune, i int, w string) (int, bool) {
	n := len([]rune(w))
	if i-n < 0 || !hasAt(rs, i-n, w) {
		return 0, false
	}
	return i - n, true
}

// numeralAt reads a numeral starting at rs[i]: Arabic, Chinese or mixed,
// a percent word (百分之九十五, 九成), a fraction (三分之一, as a
// percentage) or a loose range of two Chinese digits (两三次).
func numeralAt(rs []rune, i int) (numeral, bool) {
	if i >= len(rs) {
		return numeral{}, false
	}
	for _, p := range []string{"百分之", "千分之"} {
		if hasAt(rs, i, p) {
			j := i + 3
			for j < len(rs) && (isNumRune(rs[j]) || rs[j] == '点' && j+1 < len(rs) && isNumRune(rs[j+1])) {
				j++
			}
			v, unit, ok := parseRateWord(string(rs[i:j]))
			return numeral{start: i, end: j, value: v, unit: unit, chinese: true, text: string(rs[i:j])}, ok
		}
	}
	if !isNumStart(rs, i) || hasAt(rs, i, "十分") {
		return numeral{}, false
	}
	if i > 0 && (isNumRune(rs[i-1]) || rs[i-1] == '.') {
		return numeral{}, false // the tail of a numeral already rejected
	}
	j := i + 1
	for j < len(rs) {
		r := rs[j]
		switch {
		case r == '.' || r == ',' || r == '点':
			if j+1 < len(rs) && isDigit(rs[j-1]) && isDigit(rs[j+1]) && r != '点' ||
				r == '点' && j+1 < len(rs) && isNumRune(rs[j+1]) && !isDigit(rs[j+1]) && !isDigit(rs[j-1]) {
				j++
				continue
			}
		case isNumRune(r):
			// Stop before units that begin with a multiplier: 1.1亿千瓦, 3百分点.
			if firstAt(rs, j, []string{"千瓦", "千米", "千克", "千伏", "千元", "百分点", "百分比", "十分"}) != "" {
				break
			}
			j++
			continue
		}
		break
	}
	text := string(rs[i:j])
	clean := strings.Replace(text, "l", "1", 1)
	n := numeral{start: i, end: j, text: text}
	for _, r := range text {
		if !isDigit(r) && r != '.' && r != ',' && r != 'l' && r != '万' && r != '亿' {
			n.chinese = true
		}
	}
	// 两三次, 七八个: two neighbouring digits make a loose range.
	if runes := []rune(text); len(runes) == 2 {
		a, okA := digitValue[runes[0]]
		b, okB := digitValue[runes[1]]
		if okA && okB && a > 0 && (b == a+1 || a == 3 && b == 5) {
			n.value, n.hi, n.isRange = a, b, true
			return n, true
		}
	}
	// A run of Chinese digits with no 十, 百 or 千 is a year or a code
	// (二〇二一, 一一对应), not a count.
	if runes := []rune(text); len(runes) >= 2 && n.chinese && !strings.ContainsAny(text, "十百千万亿拾佰仟廿") {
		return numeral{}, false
	}
	// 三分之一 is a share, read as a percentage.
	if hasAt(rs, j, "分之") {
		k := j + 2
		for k < len(rs) && isNumRune(rs[k]) {
			k++
		}
		d, ok1 := ParseNumber(clean)
		m, ok2 := ParseNumber(string(rs[j+2 : k]))
		if ok1 && ok2 && d > 0 && k > j+2 {
			n.end, n.text, n.value, n.unit = k, string(rs[i:k]), m/d*100, "%"
			return n, true
		}
		return numeral{}, false
	}
	// 九成, 九成五.
	if j < len(rs) && rs[j] == '成' && n.chinese && !hasAt(rs, j, "成不变") {
		k := j + 1
		if k < len(rs) && isNumRune(rs[k]) {
			k++
		}
		if v, unit, ok := parseRateWord(string(rs[i:k])); ok {
			n.end, n.text, n.value, n.unit = k, string(rs[i:k]), v, unit
			return n, true
		}
	}
	// 3万, 1.2亿: for an Arabic mantissa the multiplier stays in the unit
	// (guide: `5万元` -> 5, unit 万元).
	if !n.chinese {
		for _, m := range []string{"万亿", "亿", "万"} {
			if head, ok := strings.CutSuffix(clean, m); ok && head != "" && !strings.ContainsAny(head, "万亿") {
				v, ok := ParseNumber(head)
				if !ok {
					return numeral{}, false
				}
				n.value, n.unit = v, m
				return n, true
			}
		}
	}
	v, ok := ParseNumber(clean)
	if !ok {
		return numeral{}, false
	}
	n.value = v
	return n, true
}

// ratioAt reads a ratio such as 生机比10:1 or 1比1 at rs[i]. The colon
// form needs 比 shortly before it, so that times (14:30) are not ratios.
// Guide: "ratios", `生机比10:1`.
func ratioAt(rs []rune, i int) (Target, bool) {
	if !isDigit(rs[i]) || i > 0 && (isDigit(rs[i-1]) || rs[i-1] == '.') {
		return Target{}, false
	}
	read := func(k int) int {
		for k < len(rs) && (isDigit(rs[k]) || rs[k] == '.' && k+1 < len(rs) && isDigit(rs[k+1])) {
			k++
		}
		return k
	}
	j := read(i)
	if j >= len(rs) || !strings.ContainsRune(":：∶比", rs[j]) || j+1 >= len(rs) || !isDigit(rs[j+1]) {
		return Target{}, false
	}
	k := read(j + 1)
	if k < len(rs) && (isDigit(rs[k]) || isLatinLetter(rs[k])) {
		return Target{}, false
	}
	start := targetClauseStart(rs, i)
	before := string(rs[start:i])
	if rs[j] != '比' && !strings.Contains(before, "比") {
		return Target{}, false
	}
	cmp, cs := CmpEq, i
	if c, at, ok := leftCmpAt(rs, i); ok {
		cmp, cs = c, at
	}
	obj := strings.TrimSuffix(objectBefore(rs, start, cs), "为")
	spanStart := cs
	if obj != "" && strings.HasSuffix(string(rs[start:cs]), obj) {
		spanStart = cs - len([]rune(obj))
	}
	return Target{
		Text:   string(rs[spanStart:k]),
		Ratio:  string(rs[i:j]) + ":" + string(rs[j+1:k]),
		Object: obj,
		Cmp:    cmp,
		Span:   Span{spanStart, k},
	}, true
}

// targetClauseStart returns where the clause holding rs[i] starts.
func targetClauseStart(rs []rune, i int) int {
	for i > 0 && !isTargetClauseSep(rs, i-1) {
		i--
	}
	return i
}

// targetClauseEnd returns where the clause holding rs[i] ends.
func targetClauseEnd(rs []rune, i int) int {
	for i < len(rs) && !isTargetClauseSep(rs, i) {
		i++
	}
	return i
}

// isTargetClauseSep reports whether rs[i] ends a clause; a colon between digits
// (10:1) does not.
func isTargetClauseSep(rs []rune, i int) bool {
	if !targetClauseSepSet.has(rs[i]) {
		return false
	}
	if rs[i] == ':' || rs[i] == ',' {
		return !(i > 0 && i+1 < len(rs) && isDigit(rs[i-1]) && isDigit(rs[i+1]))
	}
	return true
}

// leftCmpAt finds a comparator written right before rs[i] (至少有 counts
// as 至少), and returns it with where it starts.
func leftCmpAt(rs []rune, i int) (string, int, bool) {
	j := i
	if j > 0 && rs[j-1] == '有' {
		j--
	}
	if j > 0 && rs[j-1] == '为' {
		j--
	}
	for _, c := range leftCmps {
		if at, ok := endsWith(rs, j, c.word); ok {
			return c.cmp, at, true
		}
	}
	// An adverb a verb away: 至少打造2个.
	for k := j - 1; k >= 0 && k >= j-4 && !isTargetClauseSep(rs, k); k-- {
		for _, c := range adverbCmps {
			if _, ok := endsWith(rs, k, c.word); ok {
				return c.cmp, i, true
			}
		}
	}
	return "", i, false
}

// targetAt decides whether numeral n is a target, and builds it. It also
// returns where scanning should resume.
func targetAt(rs []rune, n numeral, inside []bool) (Target, int, bool) {
	i, k := n.start, n.end
	// A letter or a symbol glued to the number makes it part of a code,
	// a grade or a name: 5G, M2, 1+10, 5A级. Guide: "grades … are not".
	if i > 0 && (isLatinLetter(rs[i-1]) || strings.ContainsRune("+/#×*", rs[i-1])) {
		return Target{}, k, false
	}
	// Guide: "Not: list numbering, … ordinals": 第一, and the left
	// blockers (dates 周一, denominators 每10万人, summary 等两个).
	if w := leftBlockerAt(rs, i); w != "" {
		return Target{}, k, false
	}
	more := false
	if !n.isRange && k < len(rs) && (rs[k] == '余' || rs[k] == '多') {
		more, k = true, k+1 // 7万余人, 100多个
		if k < len(rs) && (rs[k] == '万' || rs[k] == '亿') && n.unit == "" {
			n.unit, k = string(rs[k]), k+1 // 3000多万元
		}
	}
	// Dates, times and durations belong to the time module, but for a
	// duration set as a goal: 压缩至5个工作日以内.
	goalSpan := ""
	if endsWithAny(rs, i, durationGoals) {
		goalSpan = longestAt(rs, k, durationUnits)
	}
	if goalSpan == "" && firstAt(rs, k, nonTargetUnits) != "" {
		return Target{}, k, false
	}
	if k < len(rs) && strings.ContainsRune("+/×", rs[k]) {
		return Target{}, k, false
	}
	unit := n.unit
	count := false
	u := ""
	if k+1 < len(rs) && rs[k] == ' ' && longestAt(rs, k+1, measureUnits) != "" {
		k++ // 约 27.8 公里
	}
	if goalSpan != "" {
		unit += goalSpan
		k += len([]rune(goalSpan))
		if k < len(rs) && rs[k] == '内' {
			k++ // 压缩至5个工作日内
		}
	} else if unit != "%" && unit != "‰" {
		if w := longestAt(rs, k, measureUnits); w != "" && len(w) >= len(longestAt(rs, k, countUnits)) {
			u = w
		} else if w := longestAt(rs, k, countUnits); w != "" {
			u, count = w, true
		} else if w := firstAt(rs, k, latinUnits); w != "" && !(k+len(w) < len(rs) && isLatinLetter(rs[k+len(w)])) {
			u = w
		}
		// 分 is a score, not 十分 (very) or 分别.
		if u == "分" && k+1 < len(rs) && unicode.Is(unicode.Han, rs[k+1]) && firstAt(rs, k+1, []string{"以", "左", "及"}) == "" {
			u, count = "", false
		}
		if u == "分" && n.chinese {
			u, count = "", false
		}
		// 60个亿: 个 before a multiplier only counts it.
		if u == "个" && k+1 < len(rs) && (rs[k+1] == '亿' || rs[k+1] == '万') {
			u, count = string(rs[k+1]), false
			k++
			if w := longestAt(rs, k+1, measureUnits); w != "" {
				u += w
				k += len([]rune(w))
			}
		}
		unit += u
		k += len([]rune(u))
	}
	if k < len(rs) && isLatinLetter(rs[k]) {
		return Target{}, k, false // 5G, 20xx
	}
	// A range with the unit on both ends: 6%-6.5%.
	if !n.isRange && k+1 < len(rs) && strings.ContainsRune(rangeSeps, rs[k]) && unit != "" {
		if m, ok := numeralAt(rs, k+1); ok && m.unit == n.unit && hasAt(rs, m.end, u) && m.value > n.value {
			n.hi, n.isRange, k = m.value, true, m.end+len([]rune(u))
		}
	}
	// A range with the unit after it: 5—8分钟, 2-3个.
	if !n.isRange && u == "" && n.unit == "" && k+1 < len(rs) && strings.ContainsRune(rangeSeps, rs[k]) {
		if m, ok := numeralAt(rs, k+1); ok && m.value > n.value && m.unit == "" {
			if w := longestAt(rs, m.end, append(append([]string{}, measureUnits...), countUnits...)); w != "" && firstAt(rs, m.end, nonTargetUnits) == "" {
				n.hi, n.isRange = m.value, true
				u, unit = w, w
				count = slices.Contains(countUnits, w)
				k = m.end + len([]rune(w))
			} else if firstAt(rs, m.end, nonTargetUnits) != "" {
				return Target{}, m.end, false // 3-5年
			}
		}
	}
	// Comparators. Guide: "cmp".
	cmp := ""
	left := i
	if c, at, ok := leftCmpAt(rs, i); ok {
		cmp, left = c, at
	}
	for _, c := range rightCmps {
		if hasAt(rs, k, c.word) {
			if cmp == "" || c.cmp == CmpAbout || cmp == CmpAbout {
				cmp = c.cmp
			}
			k += len([]rune(c.word))
			break
		}
	}
	if cmp == "" && more {
		cmp = CmpAtLeast
	}
	// A number needs a unit unless a comparator or a rate makes it a goal:
	// 组建率达100 is 100 %.
	cs := targetClauseStart(rs, i)
	ce := targetClauseEnd(rs, k)
	objBefore := objectBefore(rs, cs, left)
	if unit == "" {
		if n.chinese {
			return Target{}, k, false
		}
		switch {
		case isRateName(objBefore):
			unit = "%"
		case cmp == "":
			return Target{}, k, false
		}
	}
	// 一 is an article more often than a count: 一个地区, 一项重点任务.
	// It counts where a comparator bounds it (至少有一个, 一次以上) or it
	// numbers an event (开一次培训会).
	if n.chinese && n.value == 1 && !n.isRange && cmp == "" {
		if !(count && (u == "次" || u == "场" || u == "期" || u == "轮") && endsWithAny(rs, i, eventVerbs)) {
			return Target{}, k, false
		}
	}
	// The object: after a classifier (48个贫困村), else before the number
	// (签约率达到98%).
	obj, objEnd := "", k
	// A measure that its object names before it (总投资4.8亿元的古徵中学)
	// describes what follows 的 and keeps its object.
	if count || strings.HasPrefix(runesText(rs, k, k+1), "的") && (objBefore == "" || u == "%") || u == "" && (unit == "万" || unit == "亿") {
		obj, objEnd = objectAfter(rs, k, ce)
	}
	if count && n.chinese && (n.text == "二" || u == "期") {
		return Target{}, k, false // 二次污染, 二本, 六期工程: counts say 两
	}
	if count && obj == "" && objBefore == "" && (k == len(rs) || isTargetClauseSep(rs, k)) {
		return Target{}, k, false // a count of nothing: 主要有两条
	}
	if count && (objEnd < len(rs) && (rs[objEnd] == ':' || rs[objEnd] == '：') || k < len(rs) && rs[k] == ':') {
		return Target{}, k, false // a count that introduces a list: 重点推进三个项目:
	}
	if count && n.chinese && len(obj) > 0 && strings.HasPrefix(obj, "“") && strings.HasSuffix(obj, "”") {
		return Target{}, k, false // a slogan: 四个“明白”
	}
	if count && restatesList(rs, cs, i, n.value) {
		return Target{}, k, false // a count of the names just listed: 福州、厦门两个大户
	}
	if !count && (cmp != "" || objBefore == "") && qualifiesCounted(rs, k, ce) {
		return Target{}, k, false // a threshold qualifying what is counted: 3000万元以上的大项目5个
	}
	if count && u == "次" && strings.Contains(runesText(rs, max(cs, i-6), i), "届") {
		return Target{}, k, false // 八届人大六次会议
	}
	if count && (strings.HasPrefix(obj, "子") || strings.HasPrefix(obj, "车")) {
		return Target{}, k, false // a place or a thing named by a count: 四家子镇, 三轮车
	}
	if count {
		if isAbstract(obj) {
			return Target{}, k, false
		}
		if u == "人" && (strings.HasSuffix(obj, "组") || strings.HasSuffix(obj, "团") || strings.HasSuffix(obj, "班子")) {
			return Target{}, k, false // 五人督查小组
		}
		if u == "期" && (strings.HasPrefix(obj, "工程") || strings.HasPrefix(obj, "项目")) {
			return Target{}, k, false // 二期工程
		}
	}
	spanStart, spanEnd := left, k
	if obj == "" {
		obj = objBefore
		if obj != "" && strings.HasSuffix(string(rs[cs:left]), obj) && left == i {
			spanStart = left - len([]rune(obj))
		}
	} else {
		spanEnd = objEnd
	}
	// Context that makes the number something other than a goal.
	clause := string(rs[cs:ce])
	before := string(rs[cs:i])
	after := string(rs[k:ce])
	switch {
	case pastStatMarkers.in(clause) || hasPastLe(clause):
		return Target{}, k, false // past statistics
	case lastYearMarkers.in(clause) && !goalMarkers.in(clause):
		return Target{}, k, false
	case strings.Contains(before, "在") && strings.Contains(after, "基础上"):
		return Target{}, k, false // a baseline: 在突破20%的基础上
	case count && referenceVerbs.in(before):
		return Target{}, k, false // a standard referred to: 对照4条标准
	case u == "名" && strings.Contains(before, "排名"):
		return Target{}, k, false // a rank: 排名在前十名、十一到二十名的
	}
	for p := spanStart; p < spanEnd; p++ {
		if inside[p] && p < i {
			spanStart = p + 1
		}
	}
	value := n.value
	if n.isRange {
		if cmp == CmpAtLeast {
			value = n.value // the sentence sets a floor
		} else {
			value, cmp = n.hi, CmpAtMost
		}
	}
	if cmp == "" {
		cmp = CmpEq
	}
	return Target{
		Text:   string(rs[spanStart:spanEnd]),
		Value:  value,
		Unit:   unit,
		Object: obj,
		Cmp:    cmp,
		Span:   Span{spanStart, spanEnd},
	}, k, true
}

func runesText(rs []rune, i, j int) string {
	if j > len(rs) {
		j = len(rs)
	}
	if i >= j {
		return ""
	}
	return string(rs[i:j])
}

func endsWithAny(rs []rune, i int, ws []string) bool {
	for _, w := range ws {
		if _, ok := endsWith(rs, i, w); ok {
			return true
		}
	}
	return false
}

// restatesList reports whether a count at rs[i] sums up the names
// listed right before it, as many as it counts, as the subject of its
// clause: 开安、华家、哈拉海、烧锅四个工业集中区也要…. Such counts restate a
// list; they set no goal. After the clause's directive word the names are
// the scope of the work directed, and their count a target (guide,
// "Clarifications": counts that set the scope of work): 要抓好甲校、乙校2所
// 学校的创建工作.
func restatesList(rs []rune, cs, i int, v float64) bool {
	if i == cs || !unicode.Is(unicode.Han, rs[i-1]) || strings.ContainsRune("有是为到达少了", rs[i-1]) || v < 2 {
		return false
	}
	items := 1
	for k, r := range rs[cs:i] {
		if r == '要' && (k == 0 || !strings.ContainsRune("主重需只首想将", rs[cs+k-1])) {
			return false // the names follow the directive: its scope
		}
		if r == '、' || r == '和' || r == '与' || r == '及' {
			items++
		}
		if isDigit(r) {
			return false
		}
	}
	return float64(items) == v
}

// qualifiesCounted reports whether the measure ending at rs[k] qualifies a
// noun that a later number of the clause counts: 建设3000万元以上的大项目5个.
func qualifiesCounted(rs []rune, k, ce int) bool {
	_, e := objectAfter(rs, k, ce)
	if e == k {
		return false
	}
	n, ok := numeralAt(rs, e)
	return ok && longestAt(rs, n.end, countUnits) != ""
}

// leftBlockerAt returns the blocker written right before rs[i], if any.
func leftBlockerAt(rs []rune, i int) string {
	for _, w := range leftBlockers {
		if _, ok := endsWith(rs, i, w); ok {
			return w
		}
	}
	return ""
}

// hasPastLe reports whether s holds a perfective 了 (完成了), not the 了
// of 为了, 除了 or 了解.
//
// It matches (?:^|[^为除不得罢])了(?:[^解如]|$), looking for 了 and reading
// the characters either side of it rather than converting s to runes.
func hasPastLe(s string) bool {
	for i := 0; ; {
		k := strings.Index(s[i:], "了")
		if k < 0 {
			return false
		}
		at, end := i+k, i+k+len("了")
		prev, _ := utf8.DecodeLastRuneInString(s[:at])
		next, _ := utf8.DecodeRuneInString(s[end:])
		if (at == 0 || !strings.ContainsRune("为除不得罢", prev)) && (end == len(s) || !strings.ContainsRune("解如", next)) {
			return true
		}
		i = end
	}
}

// reportOnly reports whether sentence s tells of work done (已, 了,
// 以来) and nowhere sets a goal.
func reportOnly(s string) bool {
	if !(reportMarkers.in(s) || hasPastLe(s)) {
		return false
	}
	t := s
	for _, w := range []string{"要求", "主要", "重要", "需要", "要点", "只要", "纪要"} {
		t = strings.ReplaceAll(t, w, "")
	}
	return !goalMarkers.in(t) && !dutyMarkers.in(t)
}

// reportMarkers tell of work done, and dutyMarkers of work to do,
// in reportOnly.
var (
	reportMarkers = newLiterals([]string{"已", "以来", "截至", "截止", "共有", "累计"})
	dutyMarkers   = newLiterals([]string{"应", "需", "请", "努力", "争创", "务求", "务必"})
)

// isRateName reports whether an object names a rate, whose number is a
// percentage even where % is missing (组建率达100). Guide: "A rate whose
// % is missing in the source is still %".
func isRateName(obj string) bool {
	for _, w := range []string{"率", "比例", "比重", "占比", "覆盖面"} {
		if strings.HasSuffix(obj, w) {
			return true
		}
	}
	return false
}

// isAbstract reports whether obj, counted by a classifier, is an abstract
// head of a summary count or a slogan (两项重点任务, 三个结合).
func isAbstract(obj string) bool {
	for _, m := range abstractModifiers {
		if rest, ok := strings.CutPrefix(obj, m); ok {
			if rest == "" {
				return true
			}
			obj = rest
			break
		}
	}
	for _, h := range abstractHeads {
		if strings.HasPrefix(obj, h) {
			return true
		}
	}
	return false
}

// objectAfter reads the object counted after a classifier at rs[k:],
// within the clause ending at ce: 48个贫困村 -> 贫困村. Quoted names are
// kept whole. It returns the object and where it ends.
func objectAfter(rs []rune, k, ce int) (string, int) {
	j := k
	if j < ce && rs[j] == '的' {
		j++
	}
	start := j
	for j < ce && j-start < 14 {
		r := rs[j]
		if cl, ok := enclosingMarks[r]; ok {
			e := j + 1
			for e < ce && rs[e] != cl {
				e++
			}
			if e < ce {
				j = e + 1
				continue
			}
			break
		}
		if r == '、' || r == ' ' || isNumStart(rs, j) && j > start || !unicode.Is(unicode.Han, r) && !isLatinLetter(r) {
			break
		}
		if firstAt(rs, j, objectStops) != "" {
			break
		}
		j++
	}
	if j == start {
		return "", k
	}
	return string(rs[start:j]), j
}

// objectBefore reads the object named before a number at rs[i], in the
// clause starting at cs: 签约率达到98% -> 签约率; 科级干部4户 -> 科级干部.
func objectBefore(rs []rune, cs, i int) string {
	obj, subjectEnd := objectBeforeCut(rs, cs, i)
	if obj == "" && subjectEnd > cs {
		// 签约率要达到98%: where nothing is left after the directive
		// word, the object is its subject.
		obj, _ = objectBeforeCut(rs, cs, subjectEnd)
	}
	return obj
}

// objectBeforeCut reads what is left of rs[cs:i] after the last date,
// number or directive word, and returns where that directive word starts
// (cs if none).
func objectBeforeCut(rs []rune, cs, i int) (string, int) {
	seg := rs[cs:i]
	// Cut after the last date, number or directive word.
	cut, afterDate := 0, false
	for p := range seg {
		if isDigit(seg[p]) || seg[p] == 'x' || seg[p] == 'X' ||
			isCNNumeral(seg[p]) && (longestAt(seg, p+1, durationUnits) != "" || hasAt(seg, p+1, "年")) {
			cut, afterDate = p+1, true
		}
		if seg[p] == '、' || seg[p] == ')' {
			cut, afterDate = p+1, false
		}
	}
	floor, wordAt := cut, -1
	for p := range seg {
		if p < floor {
			continue
		}
		if w := firstAt(seg, p, objectCuts); w != "" {
			cut, afterDate, wordAt = p+len([]rune(w)), false, p
		}
	}
	seg = seg[cut:]
	s := strings.TrimSpace(string(seg))
	if afterDate {
		// 在10天内安排资金500万元: the time phrase is no part of the object.
		s = strings.TrimPrefix(s, longestAt([]rune(s), 0, durationUnits))
		s = strings.TrimLeft(s, "年月日号底前后内起以来之")
		r := []rune(s)
		u := longestAt(r, 0, measureUnits)
		if c := longestAt(r, 0, countUnits); len(c) > len(u) {
			u = c
		}
		s = strings.TrimPrefix(s, u)
		for _, c := range rightCmps {
			s = strings.TrimPrefix(s, c.word)
		}
	}
	s = strings.TrimLeftFunc(s, func(r rune) bool { return r < 0x80 })
	for {
		t := strings.TrimLeft(s, "的,、 ")
		for _, c := range leftCmps {
			t = strings.TrimSuffix(t, c.word)
		}
		t = strings.TrimSuffix(t, "为")
		t = strings.TrimSuffix(t, "在")
		if t == s {
			break
		}
		s = t
	}
	if r := []rune(s); len(r) > 16 {
		s = string(r[len(r)-16:])
	}
	// 今年大规模扩招100万人: the year the goal is set for is a time node.
	for _, w := range []string{"今年", "明年", "全年", "年内", "当年"} {
		if rest, ok := strings.CutPrefix(s, w); ok && utf8.RuneCountInString(rest) >= 2 {
			s = strings.TrimLeft(rest, ",，")
			break
		}
	}
	// 和总投资1.32亿元: a conjunction is no part of the object.
	for _, w := range []string{"以及", "和", "与", "及", "并"} {
		if rest, ok := strings.CutPrefix(s, w); ok && utf8.RuneCountInString(rest) >= 2 {
			s = rest
			break
		}
	}
	if wordAt <= floor {
		return s, cs
	}
	return s, cs + wordAt
}
