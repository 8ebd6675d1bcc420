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
