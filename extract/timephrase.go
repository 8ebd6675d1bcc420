package extract

import "strings"

// This file reads the phrase level of the time grammar: the prefix, the
// window's connector, a time of day and the suffix around a core, and
// core, which picks the longest of the cores read at a position.

var (
	startPrefixes = []string{"自从", "从", "自"}
	duePrefixes   = []string{"截止到", "截止至", "截至到", "截至", "截止", "不晚于", "最迟于", "最迟在", "最迟", "最晚", "直到", "到"}
	connectors    = []string{"——", "—", "－", "-", "~", "～", "–", "至", "到"}
)

// phrase recognises a time phrase starting at i.
func (p *parser) phrase(i int) (match, bool) {
	if !p.exact && !p.boundaryOK(i) {
		return match{}, false
	}
	m := match{start: i}
	j := i
	if k, _ := p.lit(j, startPrefixes...); k > 0 {
		m.fromPrefix, j = true, k
	} else if k, _ := p.lit(j, duePrefixes...); k > 0 {
		m.duePrefix, j = true, k
	}
	iv, k, ok := p.core(j, nil)
	if !ok {
		return match{}, false // the scanner tries again after any prefix
	}
	m.iv = iv
	j = k
	// Window: X至Y, X到Y, 2018年2——4月.
	if c, _ := p.lit(j, connectors...); c > 0 && !iv.span {
		inh := &iv
		if iv2, k2, ok2 := p.core(c, inh); ok2 && !iv2.span {
			if iv2.unknown || iv.unknown || !iv2.hi.Before(iv.lo) {
				m.window = true
				m.iv.hi, m.iv.unknown = iv2.hi, iv.unknown || iv2.unknown
				m.iv.event = false
				m.iv.yearOnly = false
				for _, n := range iv2.notes {
					m.iv.note(n)
				}
				j = k2
			}
		}
	}
	// Festivals joined by 、 and closed by 期间/前后: 元旦、春节期间.
	if iv.event && p.runeAt(j) == '、' {
		if iv2, k2, ok2 := p.core(j+1, &iv); ok2 && iv2.event {
			if e, _ := p.lit(k2, "期间", "前后"); e > 0 {
				m.window = true
				m.iv.hi = iv2.hi
				for _, n := range iv2.notes {
					m.iv.note(n)
				}
				j = k2
			}
		}
	}
	j = p.clock(j)
	m.suf, j = p.suffix(j, m)
	if m.suf == sufStart || m.fromPrefix {
		// 从2001年起至今, 从今天起到年底.
		if k, _ := p.lit(j, "至今", "到现在", "到目前"); k > 0 {
			m.untilNow, j = true, k
		} else if k := p.windowEnd(j, &m); k > 0 {
			j = k
		}
	}
	if m.suf == sufNone && !m.fromPrefix && !m.duePrefix && !iv.span && !iv.event {
		// 3月全面启动, 3月份开工建设: a start (guide, "a start only").
		if k := p.startVerb(j); k > 0 {
			m.suf, j = sufStart, k
		} else if p.startsAfterSubject(j) {
			m.suf = sufStart // 今年我们就要全面启动……: the phrase ends here
		}
	}
	m.end = j
	return m, true
}

// windowEnd reads the end of a window that opens with a start
// (自即日起至6月30日, 从3月起到年底前): at i, a connector and a date or
// period no earlier than the start, with an optional 止, 前 or 为止. It
// makes m that window and returns where it ends, or 0.
func (p *parser) windowEnd(i int, m *match) int {
	c, _ := p.lit(i, "至", "到")
	if c <= 0 {
		return 0
	}
	iv2, k, ok := p.core(c, &m.iv)
	if !ok || iv2.span || !m.iv.unknown && !iv2.unknown && iv2.hi.Before(m.iv.lo) {
		return 0
	}
	if e, _ := p.lit(k, "为止", "止", "之前", "以前", "前"); e > 0 {
		k = e
	}
	m.window, m.until = true, true
	m.iv.hi, m.iv.unknown = iv2.hi, m.iv.unknown || iv2.unknown
	m.iv.event, m.iv.yearOnly = false, false
	for _, n := range iv2.notes {
		m.iv.note(n)
	}
	return k
}

// boundaryOK reports whether a phrase may start at i: not in the middle of
// a number or of a word that the phrase would cut.
func (p *parser) boundaryOK(i int) bool {
	r, prev := p.runeAt(i), p.runeAt(i-1)
	if isDigit(r) && (isDigit(prev) || prev == '.') {
		return false
	}
	if isCNNumeral(r) && isCNNumeral(prev) {
		return false
	}
	return true
}

// startVerb returns the end of a start verb at i (3月全面启动), or -1.
func (p *parser) startVerb(i int) int {
	j := i
	if k, _ := p.lit(j, "全面", "正式", "陆续", "集中", "开始", "全部", "将"); k > 0 {
		j = k
	}
	if k, _ := p.lit(j, "启动", "开工", "动工", "开始", "实施", "施行", "开建", "开通"); k > 0 {
		return k
	}
	return -1
}

// startsAfterSubject reports whether, from i, a short subject and a modal
// (我们就要, 各校要, 县里将) come before a start verb in the same clause:
// 今年我们就要全面启动……创建工作 starts the work this year.
func (p *parser) startsAfterSubject(i int) bool {
	for k := i; k < len(p.rs) && k <= i+6; k++ {
		if strings.ContainsRune("，,。；;：:！!？?、", p.rs[k]) {
			return false
		}
		if e, _ := p.lit(k, "就要", "要", "将"); e > 0 && k > i {
			return p.startVerb(e) > 0
		}
	}
	return false
}

// clock skips a time of day after a day: 下午6点半, 晚上九点一刻, 16:30.
func (p *parser) clock(i int) int {
	j := i
	if k, _ := p.lit(j, "上午", "下午", "晚上", "早上", "早晨", "中午", "凌晨", "傍晚", "夜里", "夜间", "白天"); k > 0 {
		j = k
	}
	n, k, ok := p.num(j)
	if ok && n <= 24 {
		if e, _ := p.lit(k, "点", "时"); e > 0 {
			j = e
			if e2, _ := p.lit(j, "半", "一刻", "三刻", "整"); e2 > 0 {
				j = e2
			} else if n2, k2, ok2 := p.num(j); ok2 && n2 < 60 {
				if e3, _ := p.lit(k2, "分钟", "分"); e3 > 0 {
					j = e3
				} else if p.exact {
					j = k2
				}
			}
			if n3, k3, ok3 := p.num(j); ok3 && n3 < 60 && p.at(k3, "秒") {
				j = k3 + 1
			}
		} else if p.runeAt(k) == ':' && isDigit(p.runeAt(k+1)) && isDigit(p.runeAt(k+2)) {
			j = k + 3
		}
	}
	return j
}

// suffix reads the trigger after a core.
func (p *parser) suffix(i int, m match) (suffix, int) {
	type sf struct {
		s   string
		suf suffix
	}
	for _, x := range []sf{
		{"前后", sufAbout}, {"左右", sufAbout}, {"之前", sufBefore}, {"以前", sufBefore},
		{"前", sufBefore}, {"以来", sufSince}, {"开始", sufStart}, {"起", sufStart},
		{"以后", sufAfter}, {"之后", sufAfter}, {"后", sufAfter}, {"之内", sufWithin},
		{"以内", sufWithin}, {"内", sufWithin}, {"期间", sufWindow}, {"为止", sufWithin},
		{"止", sufWithin},
	} {
		if p.at(i, x.s) {
			j := i + len([]rune(x.s))
			// 前 that starts 前三季度 or 前两年 belongs to what follows.
			if x.suf == sufBefore && x.s == "前" && (isCNNumeral(p.runeAt(j)) || isDigit(p.runeAt(j))) {
				return sufNone, i
			}
			// 后 that starts 后两个月 likewise.
			if x.suf == sufAfter && x.s == "后" && (isCNNumeral(p.runeAt(j)) || isDigit(p.runeAt(j))) {
				return sufNone, i
			}
			if x.suf == sufStart && x.s == "起" && strings.ContainsRune("来码", p.runeAt(j)) {
				return sufNone, i // 起来, 起码
			}
			if (x.s == "后" || x.s == "前") && p.wordGoesOn(j) {
				return sufNone, i // 高考后勤, 年前列: 后 and 前 open a word
			}
			return x.suf, j
		}
	}
	return sufNone, i
}

// frontBackWords are the words 后 and 前 open that a time phrase cannot
// end with: 后勤, 后备, 前列, 前沿.
var frontBackWords = []string{"后勤", "后备", "后盾", "后劲", "后进", "后顾", "后患", "后代", "后台", "前列", "前沿", "前景", "前提", "前途", "前线", "前瞻", "前哨", "前台"}

// wordGoesOn reports whether the 后 or 前 that ends at i opens one of
// frontBackWords.
func (p *parser) wordGoesOn(i int) bool {
	k, _ := p.lit(i-1, frontBackWords...)
	return k > 0
}

// core recognises the date, period, festival or span at i. inh, when set,
// is the first half of a window, whose year and month the second half
// inherits.
func (p *parser) core(i int, inh *interval) (interval, int, bool) {
	// The longest reading wins (9月30日 over the span 9月, 去年春节 over
	// the season 去年春); on a tie the earlier alternative.
	// The readers are called directly, not through a table of method
	// values: an indirect call makes what it is handed escape, and the
	// parser calls core at nearly every place in a sentence.
	var best interval
	bestEnd := -1
	try := func(iv interval, k int, ok bool) {
		if ok && k > bestEnd {
			best, bestEnd = iv, k
		}
	}
	try(p.special(i, inh))
	try(p.numericDate(i, inh))
	try(p.relDay(i, inh))
	try(p.week(i, inh))
	try(p.relMonth(i, inh))
	try(p.relQuarter(i, inh))
	try(p.school(i, inh))
	try(p.dated(i, inh))
	try(p.span(i, inh))
	return best, bestEnd, bestEnd > i
}
