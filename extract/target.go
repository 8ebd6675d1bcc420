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
//
// This file holds the entry points and the decisions; the numerals are
// read in targetnumeral.go, the clause and enclosing marks in
// targetclause.go, the object in targetobject.go, and the words the rules
// look for are listed in targetword.go.

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
	c := &targetReading{rs: rs, n: n, i: n.start, k: n.end}
	if c.inCodeOrOrdinal() {
		return Target{}, c.k, false
	}
	c.readMore()
	goalSpan := c.durationGoal()
	if c.timeOrCode(goalSpan) {
		return Target{}, c.k, false
	}
	c.readUnit(goalSpan)
	if c.k < len(rs) && isLatinLetter(rs[c.k]) {
		return Target{}, c.k, false // 5G, 20xx
	}
	if resume, ok := c.readRange(); !ok {
		return Target{}, resume, false
	}
	c.readCmp()
	c.cs, c.ce = targetClauseStart(rs, c.i), targetClauseEnd(rs, c.k)
	c.objBefore = objectBefore(rs, c.cs, c.left)
	if !c.setsGoal() || c.articleOne() {
		return Target{}, c.k, false
	}
	c.readObjectAfter()
	if c.countSetsNoGoal() {
		return Target{}, c.k, false
	}
	c.placeObject()
	if c.contextSetsNoGoal() {
		return Target{}, c.k, false
	}
	return c.target(inside), c.k, true
}

// targetReading is a numeral being read as a target by targetAt, with
// what has been read around it so far.
type targetReading struct {
	rs   []rune
	n    numeral
	i, k int // where the numeral starts, and where reading has got to

	more  bool   // 余 or 多 follows the number: 7万余人, 100多个
	unit  string // the target's unit
	u     string // the unit word read after the number, without a multiplier kept from the numeral
	count bool   // u is a classifier, which counts what follows it
	cmp   string // the comparator
	left  int    // where the target starts: the number, or a comparator before it

	cs, ce    int    // the clause holding the number
	objBefore string // the object named before the number
	obj       string // the target's object
	objEnd    int    // where an object read after the number ends

	spanStart, spanEnd int // the target's span
}

// inCodeOrOrdinal reports whether what is written right before the
// numeral makes it part of a code, a grade, an ordinal or a date.
func (c *targetReading) inCodeOrOrdinal() bool {
	rs, i := c.rs, c.i
	// A letter or a symbol glued to the number makes it part of a code,
	// a grade or a name: 5G, M2, 1+10, 5A级. Guide: "grades … are not".
	if i > 0 && (isLatinLetter(rs[i-1]) || strings.ContainsRune("+/#×*", rs[i-1])) {
		return true
	}
	// Guide: "Not: list numbering, … ordinals": 第一, and the left
	// blockers (dates 周一, denominators 每10万人, summary 等两个).
	return leftBlockerAt(rs, i) != ""
}

// readMore reads 余 or 多 after the number (7万余人, 100多个), with a
// multiplier after it (3000多万元).
func (c *targetReading) readMore() {
	rs, k := c.rs, c.k
	if !c.n.isRange && k < len(rs) && (rs[k] == '余' || rs[k] == '多') {
		c.more, k = true, k+1 // 7万余人, 100多个
		if k < len(rs) && (rs[k] == '万' || rs[k] == '亿') && c.n.unit == "" {
			c.n.unit, k = string(rs[k]), k+1 // 3000多万元
		}
	}
	c.k = k
}

// durationGoal returns the unit of a duration set as a goal
// (压缩至5个工作日以内), or "".
func (c *targetReading) durationGoal() string {
	if setsDurationGoal(c.rs, c.i) {
		return longestAt(c.rs, c.k, durationUnits)
	}
	return ""
}

// setsDurationGoal reports whether the duration at rs[i] is set as a goal:
// right after a word of durationGoals, or after 至/到/在 with a verb of
// cutVerbs earlier in its clause.
func setsDurationGoal(rs []rune, i int) bool {
	if endsWithAny(rs, i, durationGoals) {
		return true
	}
	if i == 0 || !strings.ContainsRune("至到在", rs[i-1]) {
		return false
	}
	clause := string(rs[targetClauseStart(rs, i-1) : i-1])
	for _, v := range cutVerbs {
		if strings.Contains(clause, v) {
			return true
		}
	}
	return false
}

// timeOrCode reports whether what follows the number makes it part of a
// date, a time, a duration that is no goal, a name or a code.
func (c *targetReading) timeOrCode(goalSpan string) bool {
	// Dates, times and durations belong to the time module, but for a
	// duration set as a goal: 压缩至5个工作日以内.
	if goalSpan == "" && firstAt(c.rs, c.k, nonTargetUnits) != "" {
		return true
	}
	return c.k < len(c.rs) && strings.ContainsRune("+/×", c.rs[c.k])
}

// readUnit reads the unit after the number: the duration of a goal, a
// measure, a classifier or a unit in Latin letters.
func (c *targetReading) readUnit(goalSpan string) {
	rs, k := c.rs, c.k
	c.unit = c.n.unit
	if k+1 < len(rs) && rs[k] == ' ' && longestAt(rs, k+1, measureUnits) != "" {
		k++ // 约 27.8 公里
	}
	if goalSpan != "" {
		c.unit += goalSpan
		k += len([]rune(goalSpan))
		if k < len(rs) && rs[k] == '内' {
			k++ // 压缩至5个工作日内
		}
	} else if c.unit != "%" && c.unit != "‰" {
		k = c.readUnitWord(k)
	}
	c.k = k
}

// readUnitWord reads a measure, a classifier or a unit in Latin letters
// at k, and returns where it ends.
func (c *targetReading) readUnitWord(k int) int {
	rs := c.rs
	u, count := "", false
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
	if u == "分" && c.n.chinese {
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
	c.u, c.count = u, count
	c.unit += u
	return k + len([]rune(u))
}

// readRange reads the other end of a range. It reports false, with where
// scanning should resume, when the range is a span of years (3-5年).
func (c *targetReading) readRange() (int, bool) {
	rs, n, k := c.rs, &c.n, c.k
	// A range with the unit on both ends: 6%-6.5%.
	if !n.isRange && k+1 < len(rs) && strings.ContainsRune(rangeSeps, rs[k]) && c.unit != "" {
		if m, ok := numeralAt(rs, k+1); ok && m.unit == n.unit && hasAt(rs, m.end, c.u) && m.value > n.value {
			n.hi, n.isRange, k = m.value, true, m.end+len([]rune(c.u))
		}
	}
	// A range with the unit after it: 5—8分钟, 2-3个.
	if !n.isRange && c.u == "" && n.unit == "" && k+1 < len(rs) && strings.ContainsRune(rangeSeps, rs[k]) {
		if m, ok := numeralAt(rs, k+1); ok && m.value > n.value && m.unit == "" {
			if w := longestAt(rs, m.end, append(append([]string{}, measureUnits...), countUnits...)); w != "" && firstAt(rs, m.end, nonTargetUnits) == "" {
				n.hi, n.isRange = m.value, true
				c.u, c.unit = w, w
				c.count = slices.Contains(countUnits, w)
				k = m.end + len([]rune(w))
			} else if firstAt(rs, m.end, nonTargetUnits) != "" {
				c.k = k
				return m.end, false // 3-5年
			}
		}
	}
	c.k = k
	return k, true
}

// readCmp reads the comparators before and after the number. Guide:
// "cmp".
func (c *targetReading) readCmp() {
	rs := c.rs
	c.left = c.i
	if cmp, at, ok := leftCmpAt(rs, c.i); ok {
		c.cmp, c.left = cmp, at
	}
	for _, w := range rightCmps {
		if hasAt(rs, c.k, w.word) {
			if c.cmp == "" || w.cmp == CmpAbout || c.cmp == CmpAbout {
				c.cmp = w.cmp
			}
			c.k += len([]rune(w.word))
			break
		}
	}
	if c.cmp == "" && c.more {
		c.cmp = CmpAtLeast
	}
}

// setsGoal reports whether the number has a unit, or a comparator or a
// rate that makes it a goal without one: 组建率达100 is 100 %.
func (c *targetReading) setsGoal() bool {
	if c.unit != "" {
		return true
	}
	if c.n.chinese {
		return false
	}
	switch {
	case isRateName(c.objBefore):
		c.unit = "%"
	case c.cmp == "":
		return false
	}
	return true
}

// articleOne reports whether the number is 一 used as an article, which it
// is more often than a count: 一个地区, 一项重点任务. It counts where a
// comparator bounds it (至少有一个, 一次以上) or it numbers an event
// (开一次培训会).
func (c *targetReading) articleOne() bool {
	n := c.n
	if n.chinese && n.value == 1 && !n.isRange && c.cmp == "" {
		u := c.u
		return !(c.count && (u == "次" || u == "场" || u == "期" || u == "轮") && endsWithAny(c.rs, c.i, eventVerbs))
	}
	return false
}

// readObjectAfter reads the object after a classifier (48个贫困村); the
// object is otherwise the one before the number (签约率达到98%).
func (c *targetReading) readObjectAfter() {
	rs, k, u := c.rs, c.k, c.u
	c.obj, c.objEnd = "", k
	// A measure that its object names before it (总投资4.8亿元的古徵中学)
	// describes what follows 的 and keeps its object.
	if c.count || strings.HasPrefix(runesText(rs, k, k+1), "的") && (c.objBefore == "" || u == "%") || u == "" && (c.unit == "万" || c.unit == "亿") {
		c.obj, c.objEnd = objectAfter(rs, k, c.ce)
	}
}

// countSetsNoGoal reports whether what the number counts, or the measure
// it gives, shows it sets no goal: an ordinal, a count of nothing or of a
// list, a slogan, a name, a threshold qualifying what is counted.
func (c *targetReading) countSetsNoGoal() bool {
	rs, n, i, k, u, obj, count := c.rs, c.n, c.i, c.k, c.u, c.obj, c.count
	if count && n.chinese && (n.text == "二" || u == "期") {
		return true // 二次污染, 二本, 六期工程: counts say 两
	}
	if count && obj == "" && c.objBefore == "" && (k == len(rs) || isTargetClauseSep(rs, k)) {
		return true // a count of nothing: 主要有两条
	}
	if count && (c.objEnd < len(rs) && (rs[c.objEnd] == ':' || rs[c.objEnd] == '：') || k < len(rs) && rs[k] == ':') {
		return true // a count that introduces a list: 重点推进三个项目:
	}
	if count && n.chinese && len(obj) > 0 && strings.HasPrefix(obj, "“") && strings.HasSuffix(obj, "”") {
		return true // a slogan: 四个“明白”
	}
	if n.chinese && i > 0 && rs[i-1] == '”' {
		return true // the count of a quoted list, its label: “园区、景区、社区”三区建设
	}
	if count && restatesList(rs, c.cs, i, n.value) {
		return true // a count of the names just listed: 福州、厦门两个大户
	}
	if !count && (c.cmp != "" || c.objBefore == "") && qualifiesCounted(rs, k, c.ce) {
		return true // a threshold qualifying what is counted: 3000万元以上的大项目5个
	}
	if count && u == "次" && strings.Contains(runesText(rs, max(c.cs, i-6), i), "届") {
		return true // 八届人大六次会议
	}
	if count && (strings.HasPrefix(obj, "子") || strings.HasPrefix(obj, "车")) {
		return true // a place or a thing named by a count: 四家子镇, 三轮车
	}
	if count {
		if isAbstract(obj) {
			return true
		}
		if u == "人" && (strings.HasSuffix(obj, "组") || strings.HasSuffix(obj, "团") || strings.HasSuffix(obj, "班子")) {
			return true // 五人督查小组
		}
		if u == "期" && (strings.HasPrefix(obj, "工程") || strings.HasPrefix(obj, "项目")) {
			return true // 二期工程
		}
	}
	return false
}

// placeObject settles the target's object, the one read after the number
// or else the one before it, and its span.
func (c *targetReading) placeObject() {
	c.spanStart, c.spanEnd = c.left, c.k
	if c.obj == "" {
		c.obj = c.objBefore
		if c.obj != "" && strings.HasSuffix(string(c.rs[c.cs:c.left]), c.obj) && c.left == c.i {
			c.spanStart = c.left - len([]rune(c.obj))
		}
	} else {
		c.spanEnd = c.objEnd
	}
}

// contextSetsNoGoal reports whether the clause makes the number something
// other than a goal: a past statistic, a baseline, a standard referred to,
// a rank.
func (c *targetReading) contextSetsNoGoal() bool {
	rs := c.rs
	clause := string(rs[c.cs:c.ce])
	before := string(rs[c.cs:c.i])
	after := string(rs[c.k:c.ce])
	switch {
	case pastStatMarkers.in(clause) || hasPastLe(clause):
		return true // past statistics
	case lastYearMarkers.in(clause) && !goalMarkers.in(clause):
		return true
	case strings.Contains(before, "在") && strings.Contains(after, "基础上") && !timedThisYear(before):
		return true // a baseline: 在突破20%的基础上
	case c.count && referenceVerbs.in(before) && !c.draftsDocuments():
		return true // a standard referred to: 对照4条标准
	case c.u == "名" && strings.Contains(before, "排名"):
		return true // a rank: 排名在前十名、十一到二十名的
	case c.inCondition():
		return true // a condition: 对党员人数不足3人的，可联合建立党组织
	}
	return false
}

// inCondition reports whether the number is inside a condition that says
// which cases a rule covers, a 对…的 or 凡…的 phrase: 对有3名以上正式党员，
// 条件具备的可单独建立党组织. Such counts set the scope of a rule, not a goal.
func (c *targetReading) inCondition() bool {
	rs := c.rs
	open := strings.TrimLeft(string(rs[c.cs:c.i]), " ")
	if !hasPrefixAny(open, "对", "凡") || hasPrefixAny(open, "对照", "对标", "对接", "对口") {
		return false
	}
	for _, v := range objectVerbs {
		if strings.Contains(open, v) {
			return false // 对现行制度进行一次梳理: 对 marks the verb's object
		}
	}
	for j := c.k; j < len(rs) && j < c.k+30; j++ {
		switch {
		case rs[j] == '的':
			return true
		case strings.ContainsRune("。；;！!？?", rs[j]), firstAt(rs, j, conditionEnds) != "":
			return false
		}
	}
	return false
}

// objectVerbs take the object that 对 marks before them (对……进行, 对……
// 开展): a number after them is in the directive, not in a condition.
var objectVerbs = []string{"进行", "开展", "实施", "实行", "组织", "完成", "落实"}

// conditionEnds are the words after which a 对…的 condition can no longer
// close: the directive it conditions has begun.
var conditionEnds = []string{"要", "可", "应", "必须", "务必", "将", "予以", "给予"}

// timedThisYear reports whether the words before a number end in a year
// still to come, which makes the count that year's goal even where a
// later step builds on it: 在完成今年122名教师招录计划的基础上.
func timedThisYear(before string) bool {
	for _, w := range []string{"今年", "明年", "年内", "本年度", "本年"} {
		if strings.HasSuffix(before, w) {
			return true
		}
	}
	return false
}

// draftsDocuments reports whether the number counts documents a drafting
// verb right before it tells a unit to draw up (根据职能制定3项工作方案):
// those are the scope of the work, whatever the clause refers to.
func (c *targetReading) draftsDocuments() bool {
	if !endsWithAny(c.rs, c.left, draftingVerbs) {
		return false
	}
	for _, d := range documentHeads {
		if strings.HasSuffix(c.obj, d) {
			return true
		}
	}
	return false
}

// target builds the target read, its span cut to start after any mark
// enclosing text before the number (inside, as enclosed returns it).
func (c *targetReading) target(inside []bool) Target {
	n := c.n
	spanStart, spanEnd := c.spanStart, c.spanEnd
	for p := spanStart; p < spanEnd; p++ {
		if inside[p] && p < c.i {
			spanStart = p + 1
		}
	}
	value, cmp := n.value, c.cmp
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
		Text:   string(c.rs[spanStart:spanEnd]),
		Value:  value,
		Unit:   c.unit,
		Object: c.obj,
		Cmp:    cmp,
		Span:   Span{spanStart, spanEnd},
	}
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
	// 将 before a pronoun marks the object, like 把 (镇里将我的帮扶户安排在…),
	// and says nothing of the future.
	for _, w := range disposalJiang {
		t = strings.ReplaceAll(t, w, "")
	}
	return !goalMarkers.in(t) && !dutyMarkers.in(t)
}
