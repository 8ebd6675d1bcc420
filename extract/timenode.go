package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// This file turns a recognised phrase into a TimeNode: build chooses its
// start and due date from the interval and the trigger; node applies the
// guide's exclusions (recurring, past and titled times) in running text.

// build turns a match into a TimeNode.
func (p *parser) build(m match) TimeNode {
	iv := m.iv
	tn := TimeNode{
		Text: string(p.rs[m.start:m.end]),
		Span: Span{m.start, m.end},
		Note: strings.Join(iv.notes, "；"),
	}
	if iv.unknown {
		return tn
	}
	switch {
	case m.window:
		tn.Start, tn.Due = iv.lo, iv.hi
		if m.fromPrefix && m.suf == sufStart && !m.until {
			tn.Due = Date{}
		}
	case iv.startOnly:
		tn.Start = iv.lo
	case iv.span:
		// Guide: a span -> ref plus the span; 20天后 -> a start.
		if m.suf == sufAfter {
			tn.Start = iv.lo
		} else {
			tn.Due = iv.hi
		}
	case m.fromPrefix || m.suf == sufStart:
		tn.Start = iv.lo
		if m.untilNow {
			tn.Due = p.ref
		}
	case m.suf == sufAfter:
		// Guide: X后 -> start the day after X.
		tn.Start = iv.hi.AddDays(1)
	case m.suf == sufBefore:
		// Guide: a festival -> the day before it; a day or period -> its end.
		if iv.event {
			tn.Due = iv.lo.AddDays(-1)
		} else {
			tn.Due = iv.hi
		}
	case m.suf == sufAbout:
		if iv.event || iv.lo == iv.hi {
			tn.Due = iv.lo
		} else {
			tn.Due = iv.hi
		}
	case m.suf == sufWindow:
		tn.Start, tn.Due = iv.lo, iv.hi
	case m.suf == sufSince:
		tn.Start, tn.Due = iv.lo, p.ref
	default:
		// A day -> that day; a period -> its last day; a festival -> the
		// festival (its last day for 高考).
		tn.Due = iv.hi
	}
	return tn
}

// node builds the TimeNode of a match found in running text and reports
// whether to keep it: the guide's exclusions are applied here.
func (p *parser) node(m match) (TimeNode, bool) {
	tn := p.build(m)
	bare := m.suf == sufNone && !m.fromPrefix && !m.duePrefix && !m.window
	switch {
	case p.recurring(m), p.retrospective(m), p.inTitle(m):
		return tn, false
	case p.qualifiesNoun(m, tn, bare), p.namesMeeting(m, bare), p.setsTarget(m):
		return tn, false
	case p.notWhenDue(m, tn), p.inPassing(m, tn, bare):
		return tn, false
	case p.past(m, tn, bare):
		return tn, false
	}
	return tn, true
}

// before reports whether s is written right before m.
func (p *parser) before(m match, s string) bool {
	rs := []rune(s)
	return m.start >= len(rs) && string(p.rs[m.start-len(rs):m.start]) == s
}

// recurring reports whether m is a recurring time: 每月, 每年年底, 每季度初
// (guide).
func (p *parser) recurring(m match) bool {
	for _, s := range []string{"每", "每年", "每个", "每月", "每逢", "逢", "每一", "每年的"} {
		if p.before(m, s) {
			return true
		}
	}
	// 每季度末5日前, 每月底3日内: a day counted from a recurring time.
	from := max(0, m.start-8)
	return recurringPeriod.MatchString(string(p.rs[from:m.start]))
}

// recurringPeriod matches a recurring period and the part of it a time
// after it counts from: 每季度末, 每月底, 每学期初.
var recurringPeriod = mustPattern(`每(?:个|一)?(?:年|半年|季度?|月|周|星期|旬|学期)(?:的)?(?:末|初|底|中)?$`)

// retrospective reports whether m looks back: 近年来, 今年以来, 今年来,
// 十三五期间 before ref.
func (p *parser) retrospective(m match) bool {
	return m.suf == sufSince || p.at(m.end, "来") && !p.at(m.end, "来年") || p.at(m.end, "以来")
}

// qualifiesNoun reports whether the bare year or span m only qualifies a
// noun or is the subject of `X年是……之年`, and so sets no deadline.
func (p *parser) qualifiesNoun(m match, tn TimeNode, bare bool) bool {
	iv := m.iv
	if iv.yearOnly && bare {
		// X年是……之年; a year that only qualifies a noun (明年的工作思路,
		// 研究明年工作, 对今年确定的项目, 今年推出的工作).
		if k, _ := p.lit(m.end, "是", "为", "的", "也是", "将是", "工作", "各项", "任务", "计划", "目标", "思路", "重点", "经济", "预算", "形势", "年度", "新增", "项目"); k > 0 {
			return true
		}
		for _, s := range []string{"对", "针对", "对于", "关于", "为", "比"} {
			if p.before(m, s) {
				return true
			}
		}
		for k := m.end; k < len(p.rs) && k < m.end+5; k++ {
			r := p.rs[k]
			if r == '要' || r == '将' || r == '必' || r == '务' || strings.ContainsRune("，,。;；:：、", r) {
				break
			}
			if r == '的' {
				return true
			}
		}
		if (strings.Contains(tn.Text, "xx") || strings.Contains(tn.Text, "XX") || strings.Contains(tn.Text, "_")) && !p.timesClause(m.end) {
			// A bare anonymised year names a document (20xx年工作总结),
			// not a deadline, unless it opens the clause it times
			// (20xx年,全市……要达到……; 20xx年我们要……).
			return true
		}
	}
	if iv.span && bare {
		// 未来4年施政重点, 今后三年的工作: a span that only qualifies a
		// noun sets no deadline; 三年内完成, 用三年时间完成 do.
		if k, _ := p.lit(m.end, "的", "施政", "工作", "发展", "规划", "重点", "目标", "任务", "计划", "期程"); k > 0 {
			return true
		}
	}
	if bare && p.opensCoordinatedNoun(m) {
		// 贯彻……精神,以及年初部长在全国工作会上的讲话: the time dates
		// a noun joined to a list, not when the work is due.
		return true
	}
	if bare && iv.cat == catYear {
		// 2010年,是……的一年: a comma before 是 changes nothing.
		if r := p.runeAt(m.end); (r == ',' || r == '，') && p.runeAt(m.end+1) == '是' {
			return true
		}
	}
	return false
}

// opensCoordinatedNoun reports whether m follows a conjunction that joins
// nouns (以及, 及其) and the rest of its clause is an attribute ending in
// 的 and a short noun that says where the noun was given, with no
// directive word in it: 以及年初部长在全国工作会上的讲话. Such a time only
// dates the speech or decision referred to.
func (p *parser) opensCoordinatedNoun(m match) bool {
	if !p.before(m, "以及") && !p.before(m, "及其") {
		return false
	}
	end := m.end
	for end < len(p.rs) && !strings.ContainsRune("，,。;；:：!！?？", p.rs[end]) {
		end++
	}
	rest := string(p.rs[m.end:end])
	de := strings.LastIndex(rest, "的")
	if n := utf8.RuneCountInString(rest[max(de, 0):]); de < 0 || n < 2 || n > 4 {
		return false
	}
	// The attribute says where the noun was given (在……会上的讲话): a
	// speech or a decision referred to, not an event to come
	// (以及年底的考核 stays a node).
	at := strings.Index(rest, "在")
	return at >= 0 && strings.Contains(rest[at:], "上的") && !strings.ContainsAny(rest, "要将必务前内完")
}

// namesMeeting reports whether the bare time m is part of the name of a
// meeting or an assessment: 第四季度工作推进会, 年终考核.
func (p *parser) namesMeeting(m match, bare bool) bool {
	if bare {
		if k, _ := p.lit(m.end, "工作推进会", "工作会", "推进会", "会议", "表彰会", "总结会", "考核", "考评", "评比", "总结", "述职", "评议", "民主评议", "测评"); k > 0 {
			return true
		}
	}
	return false
}

// setsTarget reports whether the span m is a duration set as a goal, a
// target rather than a deadline: 办理时限压缩至1个工作日以内.
func (p *parser) setsTarget(m match) bool {
	return m.iv.cat == catSpan && setsDurationGoal(p.rs, m.start)
}

// notWhenDue reports whether the words around m make it say something
// other than when a thing is due: how things go, a distance, the present
// moment, a time ago.
func (p *parser) notWhenDue(m match, tn TimeNode) bool {
	if unicode.Is(unicode.Han, p.runeAt(m.end)) && p.runeAt(m.end+1) == '得' && !p.at(m.end, "取得") && !p.at(m.end, "获得") {
		return true // 会上说得凶、会后抓得松: how things go, not when they are due
	}
	if p.before(m, "距离") || p.before(m, "距") {
		return true // 距离年底仅70余天: a distance, not a deadline
	}
	if strings.HasPrefix(tn.Text, "年前") && p.runeAt(m.end) == '的' {
		return true // 年前的电视问政: a year ago
	}
	if m.iv.yearOnly && p.runeAt(m.end) == '多' {
		return true // 这一年多来
	}
	for _, s := range []string{"已进入", "已经进入", "进入", "已是", "已经是", "正值", "值此"} {
		if p.before(m, s) {
			return true // 当前已进入4月中旬: now, not a deadline
		}
	}
	return false
}

// inPassing reports whether the bare time m is mentioned in passing, not
// as when something is due: 美好的明天, 今天 alone, a term, holiday or
// festival naming an activity, 通过三年的努力.
func (p *parser) inPassing(m match, tn TimeNode, bare bool) bool {
	if !bare {
		return false
	}
	iv := m.iv
	prev, next := p.runeAt(m.start-1), p.runeAt(m.end)
	switch {
	case prev == '的' && !iv.yearGiven && iv.cat != catDate || prev == '《' || next == '是' && (iv.cat == catYear || iv.cat == catRelDay):
		// 美好的明天, 《2021年培训计划》, 四季度是……关键: not when
		// something is due.
		return true
	case iv.cat == catRelDay && (strings.HasPrefix(tn.Text, "今") || strings.HasPrefix(tn.Text, "当") || next == '的') &&
		!(strings.ContainsRune("在于", prev) && p.completesAt(m.end)):
		// 今天 alone is the meeting day, said in passing; 在今天完成
		// sets a deadline.
		return true
	case iv.cat == catTerm || iv.cat == catHoliday || iv.cat == catSchool:
		// 新学期教育教学工作, 安排寒假工作, 开学行课情况: a term,
		// holiday or 开学 alone names the activity, not a deadline.
		return true
	case (iv.cat == catFestival || iv.cat == catSeason) && !iv.yearGiven && !strings.ContainsRune("在于到趁迎", prev) && !p.before(m, "抓住") && !p.before(m, "利用"):
		// 欢度春节, 教师节表彰会, 春季疾病防控.
		return true
	case iv.cat == catSpan && (next == '的' || next == '多'):
		return true // 通过三年的努力
	}
	return false
}

// past reports whether m dates something past: a report to date, a time
// in a clause that speaks of the past, a run of past events, or a day
// before the meeting.
func (p *parser) past(m match, tn TimeNode, bare bool) bool {
	iv := m.iv
	if iv.cumulative && m.suf == sufNone {
		// 前三季度 with no year: a report to date (前三季度财政收入增长).
		if !p.ref.IsZero() && iv.hi.Before(p.ref) {
			return true
		}
	}
	// Past context: 2月9日已完成, 已于3月召开, 曾在.
	if p.pastContext(m) {
		return true
	}
	if bare && iv.cat == catDate && strings.HasSuffix(tn.Text, "日") && p.narrated(m) {
		return true // 2月9日已完成开标,2月13日召开审查会: a run of past events
	}
	if !p.ref.IsZero() && !iv.unknown {
		// Dates of past events are not time nodes.
		switch {
		case !tn.Due.IsZero() && tn.Due.Before(p.ref.AddDays(-1)):
			return true
		case tn.Due.IsZero() && !tn.Start.IsZero() && tn.Start.Before(p.ref.AddDays(-31)) && iv.hi.Before(p.ref):
			// A start long past, of a period over by the meeting; 今年……
			// 全面启动 starts a period still running.
			return true
		}
	}
	return false
}

// inTitle reports whether m stands inside a title in book-title marks
// (《……》): a time there is part of the name of a document, plan or
// meeting, not when the task is due.
func (p *parser) inTitle(m match) bool {
	open := false
	for k := m.start - 1; k >= 0 && k >= m.start-60; k-- {
		r := p.rs[k]
		if r == '》' || r == '。' {
			return false
		}
		if r == '《' {
			open = true
			break
		}
	}
	if !open {
		return false
	}
	for k := m.end; k < len(p.rs) && k < m.end+60; k++ {
		switch p.rs[k] {
		case '》':
			return true
		case '《', '。':
			return false
		}
	}
	return false
}

// narrated reports whether the bare day at m opens a clause that goes on a
// narration of past events: the clause before it, in the same sentence,
// speaks of the past (2月9日已完成开标,2月13日召开审查会), and nothing in
// its own clause turns to what is to come (要, 将, 预计, 计划, 拟, 定于).
func (p *parser) narrated(m match) bool {
	if r := p.runeAt(m.start - 1); r != ',' && r != '，' {
		return false
	}
	for k := m.end; k < len(p.rs); k++ {
		r := p.rs[k]
		if strings.ContainsRune("，,。；;：:", r) {
			break
		}
		if n, _ := p.lit(k, "要", "将", "预计", "计划", "拟", "定于", "力争", "争取", "前", "起"); n > 0 {
			return false
		}
	}
	k := m.start - 2
	for k >= 0 && !strings.ContainsRune("，,。；;：:", p.rs[k]) {
		k--
	}
	for j := k + 1; j < m.start-1; j++ {
		if p.rs[j] == '已' || p.rs[j] == '了' && !strings.ContainsRune("解结", p.runeAt(j+1)) {
			return true
		}
	}
	return false
}

// timesClause reports whether the phrase ending at i opens the clause it
// times: a comma follows it, or a directive marker (要, 将, 必须, 务必)
// within the next six characters of its clause.
func (p *parser) timesClause(i int) bool {
	if r := p.runeAt(i); r == ',' || r == '，' {
		return true
	}
	if k, _ := p.lit(i, "所有", "全部", "全体"); k > 0 {
		return true // 202_年所有幼儿园通过验收: a quantifier opens the clause's subject
	}
	for k := i; k < len(p.rs) && k < i+6; k++ {
		r := p.rs[k]
		if strings.ContainsRune("，,。；;：:、", r) {
			return false
		}
		if r == '要' || r == '将' || r == '必' || r == '务' && strings.ContainsRune("必求", p.runeAt(k+1)) {
			return true // 务 only as 务必, 务求: not the 务 of 水务, 政务
		}
	}
	return false
}

// pastContext reports whether the clause around m speaks of the past.
func (p *parser) pastContext(m match) bool {
	for _, s := range []string{"已于", "已在", "已经于", "曾于", "曾在", "早在", "已", "发表于", "刊登于", "发布于", "出版于", "成立于", "建于", "始于"} {
		rs := []rune(s)
		if m.start >= len(rs) && string(p.rs[m.start-len(rs):m.start]) == s {
			return true
		}
	}
	end := m.end
	for k := end; k < len(p.rs) && k < end+10; k++ {
		r := p.rs[k]
		if r == '，' || r == ',' || r == '。' || r == '；' || r == ';' || r == '：' || unicode.IsSpace(r) {
			break
		}
		switch {
		case r == '已' || r == '曾':
			return true
		case r == '以' && p.runeAt(k+1) == '来':
			return true
		case r == '了' && !strings.ContainsRune("解结", p.runeAt(k+1)) && !strings.ContainsRune("为除不得", p.runeAt(k-1)):
			return true
		}
	}
	return false
}
