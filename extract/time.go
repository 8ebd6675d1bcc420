package extract

import (
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// This file finds the time nodes of a task sentence and resolves them to
// dates, following the guide's section "Time node". The catalogue of the
// forms it understands, each with its resolution, is in the README ("Time forms").
//
// The parser is a small hand-written recogniser over runes. A time phrase is
//
//	[prefix] core [connector core] [clock] [suffix] [start verb]
//
// where the prefix is 从/自 (a start) or 到/截至/不晚于 (a deadline), the
// core a date, a period, a festival or a span, the connector 至/到/— for a
// window, and the suffix one of 前/之前/以前/前后/左右/起/后/以后/内/以内/
// 期间/为止. The core resolves to an interval of days [lo, hi]; the suffix
// turns the interval into a due date or a start.

// Notes said on a TimeNode when something was inferred.
const (
	noteYear       = "年份按会议日期推定"
	noteRefUnknown = "会议日期未知"
	noteROC        = "民国纪年加1911"
	noteSchool     = "学期与假期按惯例日期"
	noteSeason     = "季节按气象季节划分"
	noteWorkday    = "工作日不计周末"
)

// FindTimes returns the time nodes of sentence s, resolved against ref, in
// the order they occur. s is one normalised sentence. ref may be the zero
// Date (unknown): phrases that need it are still returned, with zero dates
// and a note.
//
// FindTimes leaves out what the guide says is not a time node: dates of
// past events, recurring and vague times, a year that only qualifies a noun,
// and `X年是……之年`.
func FindTimes(s string, ref Date) []TimeNode { return findTimes(s, ref, true) }

// findTimes is FindTimes, with the start-rune shortcut optional for tests.
func findTimes(s string, ref Date, skip bool) []TimeNode {
	rs, off := runesOf(s)
	return findTimesIn(s, rs, off, ref, skip)
}

// findTimesIn is findTimes for s read as rs and off, as runesOf returns
// them: a sentence whose runes other rules read too converts it once. It
// does not change rs or off.
func findTimesIn(s string, rs []rune, off []int32, ref Date, skip bool) []TimeNode {
	p := &parser{rs: rs, text: s, off: off, ref: ref}
	p.springCtx = strings.Contains(s, "春节") || strings.Contains(s, "过年")
	var out []TimeNode
	for i := 0; i < len(rs); {
		if skip && !p.mayStart(i) {
			i++
			continue
		}
		m, ok := p.phrase(i)
		if !ok || m.end <= i {
			i++
			continue
		}
		if tn, keep := p.node(m); keep && !dupNode(out, tn) {
			out = append(out, tn)
		}
		i = m.end
	}
	return out
}

// ParseTime resolves one time expression, the whole of expr, against ref.
// It accepts a few forms FindTimes does not look for in running text
// (bare 十一 for National Day, `6-3`, a bare `三日`), and a trailing time of
// day, which it ignores: nodes are days. It reports false if expr is not a
// time expression it understands, or is recurring (`每年春节`).
func ParseTime(expr string, ref Date) (TimeNode, bool) {
	expr = strings.TrimSpace(expr)
	p := newParser(expr, ref)
	p.exact, p.springCtx = true, strings.Contains(expr, "春节")
	rs := p.rs
	m, ok := p.phrase(0)
	if !ok || m.end != len(rs) {
		return TimeNode{}, false
	}
	return p.build(m), true
}

// startRunes holds every rune a time phrase can start with: digits,
// numerals and the first runes of the words the grammar below reads, and
// the first runes of festivals' names. It lets FindTimes skip most
// positions cheaply; TestStartRunes checks it misses nothing on the seed
// texts.
var startRunes = func() *runeSet {
	s := new(runeSet)
	for _, r := range grammarStarts {
		s.add(r)
	}
	for name := range festivals {
		r, _ := utf8.DecodeRuneInString(name)
		s.add(r)
	}
	return s
}()

// grammarStarts are the runes a time phrase can start with other than at
// a festival's name.
const grammarStarts = "0123456789" + cnDigits + "十百千" +
	"今明去前后上下本这当次翌昨大来从自截到不最直元农正腊冬寒暑春夏秋年全岁底末终初伊第首头半会在未再过奋用利苦决周星礼週开新民月中即"

// festivalOnly holds the runes of startRunes that only a festival's name
// starts with (教 of 教师节, 高 of 高考): a phrase can start at one only
// where a festival is named, and most of their places name none.
var festivalOnly = func() *runeSet {
	s := new(runeSet)
	for name := range festivals {
		if r, _ := utf8.DecodeRuneInString(name); !strings.ContainsRune(grammarStarts, r) {
			s.add(r)
		}
	}
	return s
}()

// startWords lists, for a rune of grammarStarts that the grammar reads at
// the start of a phrase only as the first rune of a few words, those words
// (在 only in 在今后, 不 only in 不晚于): most places such a rune opens name
// none of them. A festival's name may open there too.
var startWords = map[rune][]string{
	'在': {"在今后"},
	'不': {"不晚于"},
	'民': {"民国", "民國"},
	'大': {"大前年", "大后年", "大年初", "大后天", "大干"},
	'会': {"会议结束后", "会后"},
	'农': {"农历"},
	'即': {"即日"},
}

// wordStarts holds the runes startWords lists words for.
var wordStarts = func() *runeSet {
	s := new(runeSet)
	for r := range startWords {
		s.add(r)
	}
	return s
}()

// mayStart reports whether a time phrase may start at i, by the rune there
// and, for the runes of festivalOnly and wordStarts, the words it opens.
// Where it reports false, phrase finds nothing; TestMayStart and
// FuzzMayStart check that.
func (p *parser) mayStart(i int) bool {
	r := p.rs[i]
	switch {
	case !startRunes.has(r):
		return false
	case festivalOnly.has(r):
		return p.namesFestival(i)
	case wordStarts.has(r):
		if k, _ := p.lit(i, startWords[r]...); k > 0 {
			return true
		}
		return p.namesFestival(i)
	}
	return true
}

// runeSet is a set of characters of the Basic Multilingual Plane, as a
// bitmap: the time parser asks at every character of a sentence, and a
// bitmap answers much faster than a map.
type runeSet [0x10000 / 64]uint64

// add puts r, which must lie in the plane, in the set.
func (s *runeSet) add(r rune) {
	if r < 0 || r >= 0x10000 {
		panic("runeSet: character outside the Basic Multilingual Plane")
	}
	s[r>>6] |= 1 << (r & 63)
}

// runeSetOf returns the set of the characters of chars.
func runeSetOf(chars string) *runeSet {
	s := new(runeSet)
	for _, r := range chars {
		s.add(r)
	}
	return s
}

// has reports whether r is in the set.
func (s *runeSet) has(r rune) bool {
	return r >= 0 && r < 0x10000 && s[r>>6]&(1<<(r&63)) != 0
}

// festivalNames lists the written forms of festivals, longest first, so
// the first one found at a position is the longest.
var festivalNames = func() []string {
	var names []string
	for name := range festivals {
		names = append(names, name)
	}
	sort.Slice(names, func(i, j int) bool {
		a, b := utf8.RuneCountInString(names[i]), utf8.RuneCountInString(names[j])
		if a != b {
			return a > b
		}
		return names[i] < names[j]
	})
	return names
}()

// festivalsByLead holds festivalNames by their first rune, each list in
// festivalNames' order: festivalAt compares only the names that begin
// with the rune at hand, which are the only ones that can be there.
var festivalsByLead = func() map[rune][]string {
	m := map[rune][]string{}
	for _, name := range festivalNames {
		r, _ := utf8.DecodeRuneInString(name)
		m[r] = append(m[r], name)
	}
	return m
}()

func dupNode(out []TimeNode, tn TimeNode) bool {
	for _, o := range out {
		if o.Text == tn.Text && o.Due == tn.Due && o.Start == tn.Start {
			return true
		}
	}
	return false
}

// suffix is what follows a core and says how to read its interval.
type suffix int

const (
	sufNone   suffix = iota
	sufBefore        // 前, 之前, 以前: due the interval's end, or the eve of an event
	sufAbout         // 前后, 左右: due the day itself
	sufStart         // 起, 开始, and a start verb: start the first day
	sufAfter         // 后, 以后, 之后: start the day after
	sufWithin        // 内, 以内, 之内: due the end
	sufWindow        // 期间: start and due
	sufSince         // 以来: a past period
)

// interval is a resolved core: the days lo..hi.
type interval struct {
	lo, hi Date
	// event marks festivals and fixed events (春节, 高考, 开学), whose 前 is
	// the day before them (guide: "a festival -> the day before").
	event bool
	// span marks a duration counted from the reference date; lo and hi are
	// then both ref plus the duration.
	span bool
	// yearOnly marks a bare year (今年, 2022年), which may only qualify a
	// noun (guide: `明年的工作思路` is not a time node).
	yearOnly bool
	// cumulative marks 前N个月/前N季度 without a year: reports to date.
	cumulative bool
	// startOnly marks cores that can only start something: 会后, 过两天.
	startOnly bool
	cat       category // what kind of thing the core names, for the filters
	yearGiven bool     // a year was written (明年春季, 20xx年高考)
	unknown   bool     // needs the reference date, which is unknown
	notes     []string
	// y and m are the year and month the core named or inferred, inherited
	// by the second half of a window (2018年2至4月, 1月3至2月10日).
	y int
	m time.Month
}

func (iv *interval) note(n string) {
	for _, o := range iv.notes {
		if o == n {
			return
		}
	}
	iv.notes = append(iv.notes, n)
}

// category is the kind of thing a core names. FindTimes keeps some kinds
// only with a trigger (今天 alone is the meeting day, not a deadline).
type category int

const (
	catDate     category = iota
	catYear              // 今年, 2022年
	catRelDay            // 今天, 明天
	catTerm              // 本学期, 新学期
	catHoliday           // 寒假, 暑假
	catSchool            // 开学
	catFestival          // 春节, 教师节
	catSeason            // 春季, 秋冬
	catSpan              // 三年内
)

// match is a recognised phrase.
type match struct {
	start, end int // rune offsets into the sentence
	iv         interval
	suf        suffix
	fromPrefix bool // 从/自: a start
	duePrefix  bool // 到/截至/不晚于: a deadline
	window     bool // X至Y, 元旦、春节期间
	untilNow   bool // X起至今
	until      bool // 自即日起至6月30日: a start, then the day the window ends
}

type parser struct {
	rs        []rune
	text      string  // the text rs holds
	off       []int32 // off[i] is the byte offset in text of rs[i]; off[len(rs)] is len(text)
	ref       Date
	exact     bool // parsing a whole expression (ParseTime)
	springCtx bool // the sentence speaks of the Spring Festival (年前)
}

// newParser returns a parser over s, resolving against ref.
func newParser(s string, ref Date) *parser {
	rs, off := runesOf(s)
	return &parser{rs: rs, text: s, off: off, ref: ref}
}

// Literal helpers.

// at reports whether the runes from i are those of s. The parser spends
// most of its time here, so it compares bytes, which gives the same
// answer: s is valid UTF-8, and the runes decoded from text where its
// bytes are found are its runes. Most literals differ from the text in the
// last byte of their first rune, which it compares first.
func (p *parser) at(i int, s string) bool {
	if s == "" {
		return true
	}
	if i >= len(p.rs) {
		return false
	}
	t := p.text[p.off[i]:]
	w := int(p.off[i+1] - p.off[i])
	return len(s) >= w && s[w-1] == t[w-1] && strings.HasPrefix(t, s)
}

// lit returns the end of the first of opts found at i (list longer
// alternatives first), or -1. None of opts is empty.
func (p *parser) lit(i int, opts ...string) (int, string) {
	if i >= len(p.rs) {
		return -1, ""
	}
	// The tests of at, with the rune at i read once for all of opts.
	t := p.text[p.off[i]:]
	w := int(p.off[i+1] - p.off[i])
	for _, o := range opts {
		if len(o) >= w && o[w-1] == t[w-1] && strings.HasPrefix(t, o) {
			return i + len([]rune(o)), o
		}
	}
	return -1, ""
}

func (p *parser) runeAt(i int) rune {
	if i < 0 || i >= len(p.rs) {
		return 0
	}
	return p.rs[i]
}

const cnDigits = "零〇○一二两俩三四五六七八九"

// isCNDigit reports whether r is one of cnDigits; the parser asks at
// nearly every character, so it switches rather than searches.
func isCNDigit(r rune) bool {
	switch r {
	case '零', '〇', '○', '一', '二', '两', '俩', '三', '四', '五', '六', '七', '八', '九':
		return true
	}
	return false
}

func isCNNumeral(r rune) bool { return isCNDigit(r) || r == '十' || r == '百' || r == '千' }
func isDigit(r rune) bool     { return r >= '0' && r <= '9' }

// numeralFold spells a numeral's character the way ParseNumber reads it.
func numeralFold(r rune) rune {
	switch r {
	case '俩':
		return '两'
	case '○':
		return '〇'
	}
	return r
}

// num reads a small whole number at i: Arabic digits or a Chinese numeral.
// An approximate pair (两三, 三五) reads as its larger number, the safe
// side for a deadline.
func (p *parser) num(i int) (n, end int, ok bool) {
	j := i
	if isDigit(p.runeAt(j)) {
		for isDigit(p.runeAt(j)) && j-i < 5 {
			j++
		}
		if isDigit(p.runeAt(j)) {
			return 0, i, false
		}
		// The digits' value, as ParseNumber reads them, without its
		// allocations: the parser reads a number at most places it tries.
		v := 0
		for _, r := range p.rs[i:j] {
			v = v*10 + int(r-'0')
		}
		return v, j, true
	}
	for isCNNumeral(p.runeAt(j)) && j-i < 5 {
		j++
	}
	if j == i {
		return 0, i, false
	}
	w := p.rs[i:j]
	if len(w) == 2 && isCNDigit(w[0]) && isCNDigit(w[1]) {
		a, b := cnDigit(w[0]), cnDigit(w[1])
		if a > 0 && b > a && (b-a == 1 || a == 3 && b == 5) {
			return b, j, true
		}
	}
	v, ok := 0, false
	if len(w) <= 2 {
		v, ok = shortCNNumeral(w)
	} else {
		v, ok = cnNumeralValue(w)
	}
	if !ok {
		return 0, i, false
	}
	return v, j, true
}

// cnNumeralValue reads the Chinese numeral w as ParseNumber does.
func cnNumeralValue(w []rune) (int, bool) {
	v, ok := ParseNumber(strings.Map(numeralFold, string(w)))
	return int(v), ok
}

// shortCNNumerals holds cnNumeralValue of every numeral of one or two of
// the characters isCNNumeral accepts, by its characters (the second 0 for
// one): nearly every numeral the parser reads is one of these, and
// parsing each cost more than the rest of reading it.
var shortCNNumerals = func() map[[2]rune]shortNumeral {
	m := map[[2]rune]shortNumeral{}
	cs := []rune(cnDigits + "十百千")
	for _, a := range cs {
		v, ok := cnNumeralValue([]rune{a})
		m[[2]rune{a, 0}] = shortNumeral{v, ok}
		for _, b := range cs {
			v, ok := cnNumeralValue([]rune{a, b})
			m[[2]rune{a, b}] = shortNumeral{v, ok}
		}
	}
	return m
}()

// shortNumeral is a value of shortCNNumerals.
type shortNumeral struct {
	v  int
	ok bool
}

// shortCNNumeral is cnNumeralValue for one or two characters isCNNumeral
// accepts.
func shortCNNumeral(w []rune) (int, bool) {
	var k [2]rune
	copy(k[:], w)
	n := shortCNNumerals[k]
	return n.v, n.ok
}

// cnDigit returns the value of a Chinese digit, or -1.
func cnDigit(r rune) int {
	switch r {
	case '零', '○':
		return 0
	case '两', '俩':
		return 2
	}
	i := strings.IndexRune("〇一二三四五六七八九", r)
	if i < 0 {
		return -1
	}
	return i / len("〇")
}

// Phrase level.

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

// Cores.

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

// yearSpec is the year a core names.
type yearSpec struct {
	kind int // yNone, yAbs, yRel, yAnon
	y    int // the year (yAbs) or the offset from ref's year (yRel)
	roc  bool
	end  int
}

const (
	yNone = iota
	yAbs
	yRel
	yAnon
)

var relYears = []struct {
	s string
	n int
}{
	{"大前年", -3}, {"前年", -2}, {"去年", -1}, {"上一年", -1}, {"上年", -1},
	{"今年", 0}, {"本年", 0}, {"这一年", 0}, {"本年度", 0},
	{"明年", 1}, {"来年", 1}, {"次年", 1}, {"下一年", 1}, {"翌年", 1},
	{"后年", 2}, {"大后年", 3},
}

// relYearLeads holds the characters relYears open with.
var relYearLeads = func() *runeSet {
	s := new(runeSet)
	for _, r := range relYears {
		c, _ := utf8.DecodeRuneInString(r.s)
		s.add(c)
	}
	return s
}()

// year reads a year at i: 2009年, 二〇二一年, 20xx年, 民国104年, 07年, 今年.
// Two-digit and bare three-digit years need something after them (a month,
// a quarter, 底), since 10年 alone is a span.
func (p *parser) year(i int) (yearSpec, bool) {
	if relYearLeads.has(p.runeAt(i)) { // most places open no relative year
		for _, r := range relYears {
			if p.at(i, r.s) {
				return yearSpec{kind: yRel, y: r.n, end: i + len([]rune(r.s))}, true
			}
		}
	}
	j := i
	roc := false
	if k, _ := p.lit(j, "民国", "民國"); k > 0 {
		roc, j = true, k
	}
	// Anonymised years: 20xx年, 202_年, 20XX年 (guide: take ref's year).
	if p.at(j, "20") || p.at(j, "19") {
		k := j + 2
		anon := false
		for n := 0; n < 2; n++ {
			r := p.runeAt(k)
			switch {
			case isDigit(r):
			case strings.ContainsRune("xX_×*＊＿Ｘｘ", r):
				anon = true
			default:
				goto notAnon
			}
			k++
		}
		if anon && p.runeAt(k) == '年' {
			return yearSpec{kind: yAnon, end: k + 1}, true
		}
	}
notAnon:
	k := j
	for k < len(p.rs) && k-j < 5 && (isDigit(p.rs[k]) || isCNDigit(p.rs[k])) {
		k++
	}
	n := k - j
	for p.runeAt(k) == ' ' && k-j < 8 {
		k++ // 104 年底 in Taiwan texts
	}
	if p.runeAt(k) != '年' || n < 2 || n > 4 {
		return yearSpec{}, false
	}
	digits := p.rs[j : j+n]
	v := 0
	for _, r := range digits {
		d := int(r - '0')
		if !isDigit(r) {
			if r == '两' || r == '俩' {
				return yearSpec{}, false
			}
			d = cnDigit(r)
		}
		v = v*10 + d
	}
	end := k + 1
	switch {
	case roc:
		return yearSpec{kind: yAbs, y: v + 1911, roc: true, end: end}, true
	case n == 4:
		if v < 1000 {
			return yearSpec{}, false // a count (0800年), not a year
		}
		return yearSpec{kind: yAbs, y: v, end: end}, true
	case n == 3:
		// A bare three-digit year is a ROC year in a Taiwan text (guide);
		// only take it before a part of the year (104年底).
		if v < 60 || v > 150 || !isDigit(digits[0]) || !p.yearPartFollows(end) && !p.at(end, "起") && !p.forecastBefore(j) {
			return yearSpec{}, false
		}
		return yearSpec{kind: yAbs, y: v + 1911, roc: true, end: end}, true
	default: // two digits: 07年第三季度, 19年底
		if !p.yearPartFollows(end) {
			return yearSpec{}, false
		}
		if v < 50 {
			v += 2000
		} else {
			v += 1900
		}
		return yearSpec{kind: yAbs, y: v, end: end}, true
	}
}

// forecastBefore reports whether 预计 (perhaps with a space) ends right
// before i: 预计 112 年全线完工 dates a year, not a span of 112 years.
func (p *parser) forecastBefore(i int) bool {
	if p.runeAt(i-1) == ' ' {
		i--
	}
	return i >= 2 && p.rs[i-2] == '预' && p.rs[i-1] == '计'
}

// yearPartFollows reports whether something that narrows a year follows
// at i, so that a short number before 年 is a year, not a span.
func (p *parser) yearPartFollows(i int) bool {
	if k, _ := p.lit(i, "底", "末", "初", "中", "第", "首", "上半年", "下半年", "前", "后", "春", "夏", "秋", "冬", "度", "伊始", "农历", "暑假", "寒假"); k > 0 {
		if p.at(i, "前") || p.at(i, "后") {
			// 07年前 is a span (7 years ago); 21年前三季度 is a year.
			_, k2, ok := p.num(k)
			return ok && (p.at(k2, "个") || p.at(k2, "季") || p.at(k2, "月"))
		}
		return true
	}
	if _, k, ok := p.num(i); ok && (p.at(k, "月") || p.at(k, "季度")) {
		return true
	}
	_, _, ok := p.festivalAt(i)
	return ok
}

// resolveYear turns a year spec into a year. absent years (and anonymised
// ones) take the reference year; the caller then applies the guide's
// 31-day rule. It reports false when ref is needed and unknown.
func (p *parser) resolveYear(ys yearSpec, iv *interval) (int, bool) {
	switch ys.kind {
	case yAbs:
		if ys.roc {
			iv.note(noteROC)
		}
		return ys.y, true
	case yRel:
		if p.ref.IsZero() {
			iv.unknown = true
			iv.note(noteRefUnknown)
			return 0, false
		}
		return p.ref.Year + ys.y, true
	default:
		if p.ref.IsZero() {
			iv.unknown = true
			iv.note(noteRefUnknown)
			return 0, false
		}
		iv.note(noteYear)
		return p.ref.Year, true
	}
}

// rollYear applies the guide's year rule to a core with no year: it takes
// ref's year, or the next year where that would put it more than 31 days
// before ref.
func (p *parser) rollYear(ys yearSpec, iv *interval, f func(y int) (Date, Date, bool)) bool {
	y, ok := p.resolveYear(ys, iv)
	if !ok {
		return true // phrase kept, dates unknown
	}
	lo, hi, ok := f(y)
	if !ok {
		return false
	}
	if (ys.kind == yNone || ys.kind == yAnon) && hi.Before(p.ref.AddDays(-31)) {
		if lo2, hi2, ok2 := f(y + 1); ok2 {
			lo, hi, y = lo2, hi2, y+1
		}
	}
	iv.lo, iv.hi, iv.y = lo, hi, y
	return true
}

// dated recognises cores built on a year: a year and what narrows it, or
// a month, day, festival or part of a year with no year.
func (p *parser) dated(i int, inh *interval) (interval, int, bool) {
	var iv interval
	ys, hasYear := p.year(i)
	j := i
	if hasYear {
		j = ys.end
	}
	if !hasYear && inh != nil && inh.y != 0 {
		ys = yearSpec{kind: yAbs, y: inh.y}
	}
	// 今年的教师节: 的 between a year and a festival.
	if hasYear && p.runeAt(j) == '的' {
		if _, _, ok := p.festivalAt(j + 1); ok {
			j++
		}
	}
	bestEnd := -1
	// Each reader fills cand from zero. They are called directly, as in
	// core, so that cand stays on the stack.
	var cand interval
	try := func(k int, ok bool) {
		if ok && k > bestEnd {
			iv, bestEnd = cand, k
		}
		cand = interval{}
	}
	try(p.yearPart(j, ys, &cand))
	try(p.festivalCore(j, ys, &cand))
	try(p.lunarCore(j, ys, &cand))
	try(p.monthCore(j, ys, inh, &cand))
	if bestEnd > j {
		iv.yearGiven = hasYear
		return iv, bestEnd, true
	}
	if !hasYear {
		return p.dayOnly(i, inh)
	}
	// A bare year: 今年, 2022年, 2022年度. Two- and three-digit years were
	// already required to have a part after them.
	if k, _ := p.lit(j, "度"); k > 0 {
		j = k
	}
	if !p.rollYear(ys, &iv, func(y int) (Date, Date, bool) {
		return NewDate(y, 1, 1), NewDate(y, 12, 31), true
	}) {
		return interval{}, 0, false
	}
	iv.yearOnly = true
	iv.cat = catYear
	return iv, j, true
}

// yearParts are the named parts of a year, from month and day lo to month
// and day hi (day 0 is the last of the month before); bare ones may stand
// with no year before them, after ones follow a year. The table is built
// once: yearPart runs at nearly every place the time parser looks.
var yearParts = []struct {
	s           string
	loM         time.Month
	loD         int
	hiM         time.Month
	hiD         int
	bare, after bool
}{
	{"上半年", 1, 1, 6, 30, true, true},
	{"下半年", 7, 1, 12, 31, true, true},
	{"年初", 1, 1, 3, 0, true, true}, {"年头", 1, 1, 3, 0, true, true},
	{"初", 1, 1, 3, 0, false, true}, {"伊始", 1, 1, 1, 31, false, true},
	{"年中", 6, 1, 6, 30, true, true},
	{"全年", 1, 1, 12, 31, true, false}, {"年内", 1, 1, 12, 31, true, false},
	{"年度", 1, 1, 12, 31, false, true},
	{"年底", 11, 1, 12, 31, true, true}, {"年末", 11, 1, 12, 31, true, true},
	{"年终", 11, 1, 12, 31, true, true}, {"年尾", 11, 1, 12, 31, true, true},
	{"岁末", 11, 1, 12, 31, true, false},
	{"底", 11, 1, 12, 31, false, true}, {"末", 11, 1, 12, 31, false, true},
	{"终", 11, 1, 12, 31, false, true},
}

// yearPartLeads holds the characters the yearParts begin with.
var yearPartLeads = func() *runeSet {
	s := new(runeSet)
	for _, pt := range yearParts {
		r, _ := utf8.DecodeRuneInString(pt.s)
		s.add(r)
	}
	return s
}()

// yearPart recognises the parts of a year: 上半年, 年底, 第四季度, 前三季度,
// 后两个月, seasons, 寒假/暑假, 伊始. With no year they are of ref's year.
func (p *parser) yearPart(i int, ys yearSpec, iv *interval) (int, bool) {
	hasYear := ys.kind != yNone
	if !hasYear {
		// 2 年内 with a stray space is a span, read elsewhere.
		prev := p.runeAt(i - 1)
		if prev == ' ' {
			prev = p.runeAt(i - 2)
		}
		if isDigit(prev) || isCNNumeral(prev) || prev == '半' {
			return 0, false
		}
	}
	parts := yearParts
	if !yearPartLeads.has(p.runeAt(i)) {
		parts = nil // most places open no part
	}
	for k := range parts {
		pt := &parts[k] // not copied: most are passed over
		if !p.at(i, pt.s) || !hasYear && !pt.bare || hasYear && !pt.after {
			continue
		}
		k := i + len([]rune(pt.s))
		if p.at(k, "外") || pt.s == "全年" && (p.at(k, "级") || p.at(k, "一")) {
			continue // 年内外, 全年级
		}
		if !hasYear {
			// Parts of a year with no year are of the meeting's year, not
			// rolled: 上半年 said in November looks back.
			ys = yearSpec{kind: yRel}
		}
		if !p.rollYear(ys, iv, func(y int) (Date, Date, bool) {
			return NewDate(y, pt.loM, pt.loD), NewDate(y, pt.hiM, pt.hiD), true
		}) {
			return 0, false
		}
		if e, _ := p.lit(k, "岁尾", "岁末", "年初"); e > 0 {
			k = e
		}
		return k, true
	}
	// Quarters: 第四季度, 四季度, 首季度, 一季度末, 前三季度.
	j := i
	first := false
	if k, _ := p.lit(j, "前", "头"); k > 0 {
		first, j = true, k
	}
	if !first {
		if k, _ := p.lit(j, "第"); k > 0 {
			j = k
		}
	}
	q := 0
	if k, _ := p.lit(j, "首"); k > 0 && !first {
		q, j = 1, k
	} else if n, k, ok := p.num(j); ok && n >= 1 && n <= 4 {
		q, j = n, k
	}
	if q > 0 {
		if k, _ := p.lit(j, "个"); k > 0 && first {
			j = k
		}
		if k, _ := p.lit(j, "季度", "季"); k > 0 && (hasYear || p.at(j, "季度")) {
			j = k
			lo, hi := q, q
			if first {
				lo = 1
			}
			// 季度初 is its first month, 季度末 its last.
			fm, lm := time.Month(3*lo-2), time.Month(3*hi)
			if k2, s := p.lit(j, "初", "末", "底"); k2 > 0 {
				if s == "初" {
					lm = fm
				} else {
					fm = lm
				}
				j = k2
			}
			if !hasYear {
				iv.cumulative = first
				ys = yearSpec{kind: yRel}
			}
			if !p.rollYear(ys, iv, func(y int) (Date, Date, bool) {
				return NewDate(y, fm, 1), NewDate(y, lm+1, 0), true
			}) {
				return 0, false
			}
			return j, true
		}
	}
	// 前N个月 / 后N个月 of a year (后两个月: the year's last two months).
	if k, s := p.lit(i, "前", "后", "头"); k > 0 && p.runeAt(i-1) != '最' {
		if n, k2, ok := p.num(k); ok && n >= 1 && n <= 12 {
			k3 := k2
			if p.at(k3, "个") {
				k3++
			}
			if p.at(k3, "月") && !p.at(k3+1, "份") {
				fm, lm := time.Month(1), time.Month(n)
				if s == "后" {
					fm, lm = time.Month(13-n), 12
				}
				if !hasYear {
					if s != "后" {
						iv.cumulative = true
					}
					ys = yearSpec{kind: yRel}
				}
				if !p.rollYear(ys, iv, func(y int) (Date, Date, bool) {
					return NewDate(y, fm, 1), NewDate(y, lm+1, 0), true
				}) {
					return 0, false
				}
				return k3 + 1, true
			}
		}
	}
	// 第一个礼拜 of a year: weeks from the year's first Monday.
	if ys.kind != yNone {
		if k, ok := p.weekOfMonth(i, time.January, ys, iv, true); ok {
			return k, true
		}
	}
	// Seasons (meteorological: spring March-May ... winter December to
	// February) and school holidays.
	if k, ok := p.season(i, ys, iv); ok {
		return k, true
	}
	return 0, false
}

// seasons are the seasons and school holidays season reads, built once.
var seasons = []struct {
	s      string
	lo, hi func(y int) Date
	school bool
}{
	{"秋冬", func(y int) Date { return NewDate(y, 9, 1) }, func(y int) Date { return NewDate(y+1, 3, 0) }, false},
	{"冬春", func(y int) Date { return NewDate(y, 12, 1) }, func(y int) Date { return NewDate(y+1, 5, 31) }, false},
	{"春", func(y int) Date { return NewDate(y, 3, 1) }, func(y int) Date { return NewDate(y, 5, 31) }, false},
	{"夏", func(y int) Date { return NewDate(y, 6, 1) }, func(y int) Date { return NewDate(y, 8, 31) }, false},
	{"秋", func(y int) Date { return NewDate(y, 9, 1) }, func(y int) Date { return NewDate(y, 11, 30) }, false},
	{"冬", func(y int) Date { return NewDate(y, 12, 1) }, func(y int) Date { return NewDate(y+1, 3, 0) }, false},
	{"寒假", func(y int) Date { return NewDate(y, 1, 16) }, func(y int) Date { return NewDate(y, 2, 15) }, true},
	{"暑假", func(y int) Date { return NewDate(y, 7, 11) }, func(y int) Date { return NewDate(y, 8, 31) }, true},
}

// season recognises 春季, 秋冬, 今冬 (with the year before it), 寒假, 暑假.
func (p *parser) season(i int, ys yearSpec, iv *interval) (int, bool) {
	hasYear := ys.kind != yNone
	for k := range seasons {
		s := &seasons[k]
		if !p.at(i, s.s) {
			continue
		}
		k := i + len([]rune(s.s))
		if !s.school {
			// A bare 春 is a season only as 春季/春天 or after a year.
			if e, _ := p.lit(k, "季", "天", "农闲时节", "时节", "季节"); e > 0 {
				k = e
				if e2, _ := p.lit(k, "农闲时节", "时节", "季节"); e2 > 0 {
					k = e2
				}
			} else if !hasYear {
				continue
			}
			iv.note(noteSeason)
			iv.cat = catSeason
		} else {
			iv.note(noteSchool)
			iv.event = true
			iv.cat = catHoliday
		}
		if !p.rollYear(ys, iv, func(y int) (Date, Date, bool) { return s.lo(y), s.hi(y), true }) {
			return 0, false
		}
		return k, true
	}
	return 0, false
}

// namesFestival reports whether a festival's name is written at i.
func (p *parser) namesFestival(i int) bool {
	for _, name := range festivalsByLead[p.rs[i]] {
		if p.at(i, name) {
			return true
		}
	}
	return false
}

// festivalAt returns the festival written at i, if any, and its end.
func (p *parser) festivalAt(i int) (festival, int, bool) {
	if !startRunes.has(p.runeAt(i)) {
		return festival{}, 0, false
	}
	best, bestEnd := festival{}, -1
	for _, name := range festivalsByLead[p.rs[i]] {
		if p.at(i, name) {
			best, bestEnd = festivals[name], i+utf8.RuneCountInString(name)
			break
		}
	}
	if bestEnd < 0 {
		return festival{}, 0, false
	}
	name := string(p.rs[i:bestEnd])
	if !p.exact {
		// Numeric names (五一, 十一, 七一) are festivals only when marked
		// as such, not in 五一劳动奖章 or 十一五.
		if isCNNumeral([]rune(name)[0]) && name != "元旦" {
			prev, next := p.runeAt(i-1), p.runeAt(bestEnd)
			quoted := prev == '“' || prev == '"' || prev == '「'
			marked := false
			for _, s := range []string{"前", "后", "期间", "节", "假期", "长假", "黄金周", "之前", "以前", "前后"} {
				if p.at(bestEnd, s) {
					marked = true
				}
			}
			if isCNNumeral(prev) || isCNNumeral(next) || !(quoted || marked) || p.at(bestEnd, "五") {
				return festival{}, 0, false
			}
		}
		// 春节 only; 春分/清明 and the like as festivals are fine. 新春 only
		// before 佳节/期间.
		if name == "新春" && !p.at(bestEnd, "佳节") && !p.at(bestEnd, "期间") {
			return festival{}, 0, false
		}
		if name == "高考" && !(p.at(bestEnd, "前") || p.at(bestEnd, "期间") || p.at(bestEnd, "后") || p.runeAt(i-1) == '年') {
			return festival{}, 0, false
		}
	}
	// 元宵节, 国庆节: the full name when written; 五一节, 中秋佳节.
	if k, _ := p.lit(bestEnd, "佳节", "节", "假期", "长假", "黄金周", "小长假"); k > 0 && !strings.HasSuffix(name, "节") {
		if !p.at(bestEnd, "节约") && !p.at(bestEnd, "节能") && !p.at(bestEnd, "节点") {
			bestEnd = k
		}
	}
	return best, bestEnd, true
}

// festivalCore resolves a festival with or without a year: 春节, 明年春节,
// 2023年大年三十, 20xx年高考, 大年初十.
func (p *parser) festivalCore(i int, ys yearSpec, iv *interval) (int, bool) {
	// 大年初N / 正月初N are days after the Spring Festival.
	if k, _ := p.lit(i, "大年初", "正月初"); k > 0 {
		if n, k2, ok := p.num(k); ok && n >= 1 && n <= 10 {
			iv.event = true
			iv.note("春节按农历计算")
			return k2, p.rollYear(ys, iv, func(y int) (Date, Date, bool) {
				d, ok := lunarDate(y, 1, n)
				return d, d, ok
			})
		}
	}
	if k, _ := p.lit(i, "初"); k > 0 && ys.kind != yNone {
		// 明年初一: a lunar new-year day with a year before it.
		if n, k2, ok := p.num(k); ok && n >= 1 && n <= 10 && !p.at(k2, "月") {
			iv.event = true
			iv.note("春节按农历计算")
			return k2, p.rollYear(ys, iv, func(y int) (Date, Date, bool) {
				d, ok := lunarDate(y, 1, n)
				return d, d, ok
			})
		}
	}
	j := i
	lunarMark := false
	if k, _ := p.lit(j, "农历"); k > 0 {
		lunarMark, j = true, k
	}
	f, k, ok := p.festivalAt(j)
	if !ok || lunarMark && !f.lunar {
		return 0, false
	}
	iv.event = true
	iv.cat = catFestival
	if f.lunar {
		iv.note(f.name + "按农历计算")
	}
	return k, p.rollYear(ys, iv, f.days)
}

// lunarCore resolves lunar months and days: 农历8月23号, 正月十五, 腊月初十,
// 明年腊月.
func (p *parser) lunarCore(i int, ys yearSpec, iv *interval) (int, bool) {
	j := i
	mark := false
	if k, _ := p.lit(j, "农历"); k > 0 {
		mark, j = true, k
	}
	m := 0
	if k, s := p.lit(j, "正月", "腊月", "冬月"); k > 0 {
		m = map[string]int{"正月": 1, "腊月": 12, "冬月": 11}[s]
		j = k
	} else if mark {
		n, k, ok := p.num(j)
		if !ok || n < 1 || n > 12 || !p.at(k, "月") {
			return 0, false
		}
		m, j = n, k+1
	} else {
		return 0, false
	}
	d := 0
	if k, _ := p.lit(j, "初"); k > 0 {
		if n, k2, ok := p.num(k); ok && n >= 1 && n <= 10 {
			d, j = n, k2
		}
	} else if k, _ := p.lit(j, "廿"); k > 0 {
		if n, k2, ok := p.num(k); ok && n >= 1 && n <= 9 {
			d, j = 20+n, k2
		}
	} else if n, k2, ok := p.num(j); ok && n >= 1 && n <= 30 {
		d, j = n, k2
		if k3, _ := p.lit(j, "日", "号"); k3 > 0 {
			j = k3
		}
	}
	iv.note("农历日期按农历计算")
	if d == 0 {
		if !p.exact && !mark && ys.kind == yNone {
			return 0, false // a bare 正月 in running text is too loose
		}
		return j, p.rollYear(ys, iv, func(y int) (Date, Date, bool) { return lunarMonth(y, m) })
	}
	iv.event = m == 1 && d == 15
	return j, p.rollYear(ys, iv, func(y int) (Date, Date, bool) {
		x, ok := lunarDate(y, m, d)
		return x, x, ok
	})
}

// monthCore resolves a month and what narrows it: 10月, 十月底, 3月上旬,
// 3月15日, 元月10日, 6月第3个星期日.
func (p *parser) monthCore(i int, ys yearSpec, inh *interval, iv *interval) (int, bool) {
	j := i
	m := 0
	if k, _ := p.lit(j, "元月"); k > 0 {
		m, j = 1, k
	} else {
		n, k, ok := p.num(j)
		if !ok || n < 1 || n > 12 {
			return 0, false
		}
		// 2018年2——4月: a month number that borrows 月 from the window's end.
		if !p.at(k, "月") {
			if c, _ := p.lit(k, connectors...); c > 0 && ys.kind != yNone {
				if n2, k2, ok2 := p.num(c); ok2 && n2 >= n && n2 <= 12 && p.at(k2, "月") {
					if !p.rollYear(ys, iv, func(y int) (Date, Date, bool) {
						return NewDate(y, time.Month(n), 1), NewDate(y, time.Month(n)+1, 0), true
					}) {
						return 0, false
					}
					iv.m = time.Month(n)
					return k, true
				}
			}
			return 0, false
		}
		m, j = n, k+1
	}
	if k, _ := p.lit(j, "份"); k > 0 {
		j = k
	}
	return p.monthRest(j, time.Month(m), ys, iv)
}

// monthRest resolves what narrows month mo, from i: 底, 上旬, 15日, 第2周.
func (p *parser) monthRest(j int, mo time.Month, ys yearSpec, iv *interval) (int, bool) {
	lo, hi := 1, 0 // day range; hi 0 means the month's end
	exactDay := false
	if p.runeAt(j) == '的' && (p.at(j+1, "第") || p.at(j+1, "最后")) {
		j++
	}
	switch {
	case p.at(j, "中上旬") || p.at(j, "上中旬"):
		lo, hi, j = 1, 20, j+3
	case p.at(j, "中下旬"):
		lo, hi, j = 11, 0, j+3
	case p.at(j, "上旬"):
		lo, hi, j = 1, 10, j+2
	case p.at(j, "中旬"):
		lo, hi, j = 11, 20, j+2
	case p.at(j, "下旬"):
		lo, hi, j = 21, 0, j+2
	case p.at(j, "月底") || p.at(j, "月末"):
		lo, hi, j = 25, 0, j+2
	case p.at(j, "底") || p.at(j, "末"):
		lo, hi, j = 25, 0, j+1
	case p.at(j, "初") && !p.at(j, "初步") && !isCNNumeral(p.runeAt(j+1)):
		lo, hi, j = 1, 5, j+1
	case p.at(j, "中") && !p.at(j, "中旬") && (p.at(j+1, "前") || p.at(j+1, "以前") || p.at(j+1, "之前") || p.at(j+1, "左右")):
		lo, hi, j = 11, 15, j+1
	default:
		if k, ok := p.weekOfMonth(j, mo, ys, iv, false); ok {
			return k, true
		}
		n, k, ok := p.num(j)
		if ok && n >= 1 && n <= 31 {
			if e, _ := p.lit(k, "日", "号"); e > 0 {
				lo, hi, j, exactDay = n, n, e, true
			} else if !isCNNumeral(p.runeAt(k)) && !isDigit(p.runeAt(k)) && p.bareDayOK(k) {
				lo, hi, j, exactDay = n, n, k, true
			}
		}
		if !exactDay && isCNNumeral(p.runeAt(j)) {
			return 0, false // 一月一督查: a frequency, not a month
		}
	}
	if !p.rollYear(ys, iv, func(y int) (Date, Date, bool) {
		if exactDay && lo > NewDate(y, mo+1, 0).Day {
			return Date{}, Date{}, false
		}
		h := hi
		if h == 0 {
			h = NewDate(y, mo+1, 0).Day
		}
		return NewDate(y, mo, lo), NewDate(y, mo, h), true
	}) {
		return 0, false
	}
	iv.m = mo
	return j, true
}

// bareDayOK reports whether a day number with no 日 may end at i (1月3至2月10,
// 6月3 春游): only before a connector, a trigger or the end of a clause.
func (p *parser) bareDayOK(i int) bool {
	r := p.runeAt(i)
	if r == 0 || r == ' ' || r == '，' || r == ',' || r == '。' || r == '；' || r == '、' {
		return p.exact || r != '、'
	}
	if k, _ := p.lit(i, "至", "到", "—", "-", "~", "前", "之前", "以前"); k > 0 {
		return true
	}
	return false
}

// weekOfMonth resolves 第2周 and 第3个星期日 after a month. Weeks run
// Monday to Sunday (GB/T 7408); week 1 starts on the month's first Monday.
func (p *parser) weekOfMonth(i int, mo time.Month, ys yearSpec, iv *interval, wholeYear bool) (int, bool) {
	j := i
	if k, _ := p.lit(j, "第"); k > 0 {
		j = k
	} else {
		return 0, false
	}
	n, k, ok := p.num(j)
	if !ok || n < 1 || n > 5 && !wholeYear || n > 53 {
		return 0, false
	}
	j = k
	if p.at(j, "个") {
		j++
	}
	if k, _ := p.lit(j, "周", "星期", "礼拜"); k > 0 {
		j = k
	} else {
		return 0, false
	}
	wd, k2, hasWD := p.weekday(j)
	ok = p.rollYear(ys, iv, func(y int) (Date, Date, bool) {
		first := NewDate(y, mo, 1)
		if hasWD {
			off := (int(wd) - int(first.Time().Weekday()) + 7) % 7
			d := first.AddDays(off + 7*(n-1))
			return d, d, true
		}
		off := (8 - int(first.Time().Weekday())) % 7 // to the first Monday
		lo := first.AddDays(off + 7*(n-1))
		return lo, lo.AddDays(6), true
	})
	if hasWD {
		j = k2
	}
	return j, ok
}

// weekday reads 一..六, 日, 天, 末 after 周/星期/礼拜.
func (p *parser) weekday(i int) (time.Weekday, int, bool) {
	r := p.runeAt(i)
	switch r {
	case '日', '天':
		return time.Sunday, i + 1, true
	}
	if d := cnDigit(r); d >= 1 && d <= 6 && r != '〇' && strings.ContainsRune("一二三四五六", r) {
		return time.Weekday(d), i + 1, true
	}
	return 0, i, false
}

// dayOnly resolves a day of the month with no month: 3日, 15号; in running
// text only with Arabic digits.
func (p *parser) dayOnly(i int, inh *interval) (interval, int, bool) {
	var iv interval
	n, k, ok := p.num(i)
	if !ok || n < 1 || n > 31 || (!p.exact && !isDigit(p.runeAt(i)) && inh == nil) || p.at(i, "两") || p.at(i, "俩") {
		return iv, 0, false
	}
	end := 0
	if e, _ := p.lit(k, "日", "号"); e > 0 {
		end = e
		if p.at(e, "内") || p.at(e, "以内") || p.at(e, "之内") || p.at(e, "后") || p.at(e, "以后") || p.at(e, "之后") {
			return iv, 0, false // 5日内 is a span
		}
	} else if inh != nil && inh.m != 0 && p.bareDayOK(k) {
		end = k
	} else {
		return iv, 0, false
	}
	if inh != nil && inh.m != 0 {
		y, m := inh.y, inh.m
		if inh.unknown {
			iv.unknown = true
			return iv, end, true
		}
		if n > NewDate(y, m+1, 0).Day {
			return iv, 0, false
		}
		iv.lo, iv.hi, iv.y, iv.m = NewDate(y, m, n), NewDate(y, m, n), y, m
		return iv, end, true
	}
	if !p.exact && inh == nil {
		// 15日 alone in running text: too often a count (两日) or a date in
		// a report; accepted only before a trigger.
		if k2, _ := p.lit(end, "前", "之前", "以前", "起", "开始", "召开", "举行", "上午", "下午", "到", "至"); k2 < 0 {
			return iv, 0, false
		}
	}
	if p.ref.IsZero() {
		iv.unknown = true
		iv.note(noteRefUnknown)
		return iv, end, true
	}
	iv.note("月份按会议日期推定")
	d := NewDate(p.ref.Year, p.ref.Month, n)
	if n > p.ref.MonthEnd().Day {
		return iv, 0, false
	}
	if d.Before(p.ref.AddDays(-31)) {
		d = d.AddMonths(1)
	}
	iv.lo, iv.hi, iv.y, iv.m = d, d, d.Year, d.Month
	return iv, end, true
}

// numericDate resolves dates written with separators: 2009-12-01,
// 2009/12/1, 2009.12.1, and 10.30 before 前/日 (a bare 10.30 may be a
// number); in ParseTime also 6-3.
func (p *parser) numericDate(i int, _ *interval) (interval, int, bool) {
	var iv interval
	var parts []int
	j := i
	sep := rune(0)
	for n := 0; n < 3; n++ {
		k := j
		for isDigit(p.runeAt(k)) && k-j < 4 {
			k++
		}
		if k == j || isDigit(p.runeAt(k)) {
			break
		}
		v, _ := ParseNumber(string(p.rs[j:k]))
		parts = append(parts, int(v))
		j = k
		r := p.runeAt(j)
		if n < 2 && (r == '-' || r == '/' || r == '.') && (sep == 0 || sep == r) && isDigit(p.runeAt(j+1)) {
			sep = r
			j++
			continue
		}
		break
	}
	switch {
	case len(parts) == 3 && parts[0] >= 1900 && parts[0] <= 2200:
		y, m, d := parts[0], time.Month(parts[1]), parts[2]
		if m < 1 || m > 12 || d < 1 || d > NewDate(y, m+1, 0).Day {
			return iv, 0, false
		}
		if k, _ := p.lit(j, "日", "号"); k > 0 {
			j = k
		}
		iv.lo, iv.hi, iv.y, iv.m = NewDate(y, m, d), NewDate(y, m, d), y, m
		return iv, j, true
	case len(parts) == 2 && parts[0] >= 1 && parts[0] <= 12 && parts[1] >= 1 && parts[1] <= 31:
		if sep == '/' || (sep == '-' && !p.exact) {
			return iv, 0, false
		}
		k, _ := p.lit(j, "日", "号")
		if k < 0 {
			if k2, _ := p.lit(j, "前", "之前", "以前"); k2 < 0 && !(p.exact && sep == '-') {
				return iv, 0, false
			}
			k = j
		}
		m, d := time.Month(parts[0]), parts[1]
		ok := p.rollYear(yearSpec{}, &iv, func(y int) (Date, Date, bool) {
			if d > NewDate(y, m+1, 0).Day {
				return Date{}, Date{}, false
			}
			return NewDate(y, m, d), NewDate(y, m, d), true
		})
		iv.m = m
		return iv, k, ok
	}
	return iv, 0, false
}

// relDays are the days named relative to the meeting, by their offset.
var relDays = []struct {
	s string
	n int
}{
	{"大后天", 3}, {"今天", 0}, {"今日", 0}, {"即日", 0}, {"当天", 0}, {"当日", 0}, {"本日", 0},
	{"明天", 1}, {"明日", 1}, {"次日", 1}, {"翌日", 1}, {"后天", 2},
	{"昨天", -1}, {"昨日", -1}, {"前天", -2},
}

// relDayLeads holds the characters relDay's days open with: those of
// relDays and the 第 of 第三天.
var relDayLeads = func() *runeSet {
	s := runeSetOf("第")
	for _, x := range relDays {
		r, _ := utf8.DecodeRuneInString(x.s)
		s.add(r)
	}
	return s
}()

// relDay resolves days named relative to the meeting: 今天, 明天, 次日, 后天.
func (p *parser) relDay(i int, _ *interval) (interval, int, bool) {
	var iv interval
	if !relDayLeads.has(p.runeAt(i)) {
		return iv, 0, false
	}
	for _, x := range relDays {
		if !p.at(i, x.s) {
			continue
		}
		k := i + len([]rune(x.s))
		if x.s == "今日" && (p.at(k, "之") || p.at(k, "的")) && !p.exact {
			return iv, 0, false // 今日之中国
		}
		p.fromRef(&iv, func(r Date) (Date, Date) { d := r.AddDays(x.n); return d, d })
		iv.cat = catRelDay
		return iv, k, true
	}
	// 第三天起: the Nth day counting the meeting day as the first.
	if p.at(i, "第") {
		if n, k, ok := p.num(i + 1); ok && n >= 1 && n <= 400 && p.at(k, "天") && (p.at(k+1, "起") || p.at(k+1, "开始") || p.exact) {
			p.fromRef(&iv, func(r Date) (Date, Date) { d := r.AddDays(n - 1); return d, d })
			return iv, k + 1, true
		}
	}
	return iv, 0, false
}

// fromRef sets iv from a function of the reference date, or marks it
// unknown.
func (p *parser) fromRef(iv *interval, f func(Date) (Date, Date)) {
	if p.ref.IsZero() {
		iv.unknown = true
		iv.note(noteRefUnknown)
		return
	}
	iv.lo, iv.hi = f(p.ref)
	iv.y, iv.m = iv.lo.Year, iv.lo.Month
}

// weekShifts are the words that shift a week from the meeting's, and
// weekWords those that name a week.
var (
	weekShifts = []struct {
		s string
		n int
	}{{"下下个", 2}, {"下下", 2}, {"上上个", -2}, {"上上", -2}, {"下一个", 1}, {"下个", 1}, {"下", 1}, {"上一个", -1}, {"上个", -1}, {"上", -1}, {"本", 0}, {"这个", 0}, {"这", 0}}
	weekWords = []string{"星期", "礼拜", "周", "週"}
)

// weekLeads holds the characters a week opens with, a shift's or a week
// word's first: week is asked at most places the parser tries, and few
// open with one.
var weekLeads = func() *runeSet {
	s := new(runeSet)
	for _, x := range weekShifts {
		r, _ := utf8.DecodeRuneInString(x.s)
		s.add(r)
	}
	for _, w := range weekWords {
		r, _ := utf8.DecodeRuneInString(w)
		s.add(r)
	}
	return s
}()

// week resolves weeks and weekdays: 本周, 下周一, 下下周一, 上周星期三,
// 周日, 星期天. Weeks run Monday to Sunday; a bare weekday is the next such
// day on or after the meeting.
func (p *parser) week(i int, _ *interval) (interval, int, bool) {
	var iv interval
	if !weekLeads.has(p.runeAt(i)) {
		return iv, 0, false
	}
	j := i
	off, rel := 0, false
	for _, x := range weekShifts {
		if p.at(j, x.s) {
			off, rel, j = x.n, true, j+len([]rune(x.s))
			break
		}
	}
	k, _ := p.lit(j, weekWords...)
	if k < 0 {
		return iv, 0, false
	}
	if rel {
		if k2, _ := p.lit(k, "星期", "礼拜"); k2 > 0 { // 上周星期三
			k = k2
		}
	}
	if !rel && (p.at(k, "年") || p.at(k, "岁") || isCNNumeral(p.runeAt(i-1))) {
		return iv, 0, false // 周年, 一周一检查
	}
	wd, k2, hasWD := p.weekday(k)
	if !hasWD && !rel {
		if p.at(k, "末") && p.exact {
			wd, k2, hasWD = time.Saturday, k+1, true
		} else {
			return iv, 0, false
		}
	}
	if rel && !hasWD && p.at(k, "末") {
		wd, k2, hasWD = time.Saturday, k+1, true
	}
	p.fromRef(&iv, func(r Date) (Date, Date) {
		monday := r.AddDays(-((int(r.Time().Weekday()) + 6) % 7))
		if !rel {
			d := r.AddDays((int(wd) - int(r.Time().Weekday()) + 7) % 7)
			return d, d
		}
		mon := monday.AddDays(7 * off)
		if !hasWD {
			return mon, mon.AddDays(6)
		}
		d := mon.AddDays((int(wd) + 6) % 7)
		return d, d
	})
	if hasWD {
		k = k2
	}
	return iv, k, true
}

// relMonth resolves months named relative to the meeting: 本月, 下个月15号,
// 上一个月, 本月初, 次月底.
func (p *parser) relMonth(i int, _ *interval) (interval, int, bool) {
	var iv interval
	k, s := p.lit(i, "下一个月", "上一个月", "下个月", "上个月", "这个月", "本月", "当月", "这月", "下月", "上月", "次月")
	if k < 0 {
		// 月底前, 下旬 with no month: the meeting's month (the next one once
		// that part of it is over).
		e, _ := p.lit(i, "月底", "月末", "月中", "月初", "上旬", "中旬", "下旬")
		prev := p.runeAt(i - 1)
		if e < 0 || isDigit(prev) || isCNNumeral(prev) || prev == '个' || prev == '本' || prev == '每' || prev == '元' || prev == '正' || prev == '腊' || prev == '月' {
			return iv, 0, false
		}
		if p.ref.IsZero() {
			iv.unknown = true
			iv.note(noteRefUnknown)
			return iv, e, true
		}
		start := i
		if p.rs[i] == '月' {
			start = i + 1
		}
		for off := 0; off < 2; off++ {
			first := NewDate(p.ref.Year, p.ref.Month+time.Month(off), 1)
			var cand interval
			end, ok := p.monthRest(start, first.Month, yearSpec{kind: yAbs, y: first.Year}, &cand)
			if !ok || end != e {
				return iv, 0, false
			}
			iv = cand
			if !iv.hi.Before(p.ref) {
				break
			}
		}
		iv.note("月份按会议日期推定")
		return iv, e, true
	}
	off := 0
	switch {
	case strings.HasPrefix(s, "下") || s == "次月":
		off = 1
	case strings.HasPrefix(s, "上"):
		off = -1
	}
	if p.ref.IsZero() {
		iv.unknown = true
		iv.note(noteRefUnknown)
		j := k
		if e, _ := p.lit(j, "底", "末", "初", "中旬", "上旬", "下旬", "中"); e > 0 {
			j = e
		}
		return iv, j, true
	}
	first := NewDate(p.ref.Year, p.ref.Month+time.Month(off), 1)
	end, ok := p.monthRest(k, first.Month, yearSpec{kind: yAbs, y: first.Year}, &iv)
	if !ok {
		return interval{}, 0, false
	}
	return iv, end, true
}

// relQuarter resolves 本季度, 下个季度, 上季度末.
func (p *parser) relQuarter(i int, _ *interval) (interval, int, bool) {
	var iv interval
	k, s := p.lit(i, "这个季度", "下一个季度", "上一个季度", "下个季度", "上个季度", "本季度", "下季度", "上季度")
	if k < 0 {
		return iv, 0, false
	}
	off := 0
	if strings.HasPrefix(s, "下") {
		off = 1
	} else if strings.HasPrefix(s, "上") {
		off = -1
	}
	partLo, partHi := 0, 2
	if e, x := p.lit(k, "初", "末", "底"); e > 0 {
		k = e
		if x == "初" {
			partHi = 0
		} else {
			partLo = 2
		}
	}
	p.fromRef(&iv, func(r Date) (Date, Date) {
		q0 := NewDate(r.Year, time.Month((int(r.Month)-1)/3*3+1), 1).AddMonths(3 * off)
		return q0.AddMonths(partLo), q0.AddMonths(partHi).MonthEnd()
	})
	return iv, k, true
}

// school resolves terms and the start of school: 本学期 (autumn term
// September 1 to January 15, spring term February 16 to July 10), 开学
// (September 1, or March 1 for the spring term), 本期开学.
func (p *parser) school(i int, _ *interval) (interval, int, bool) {
	var iv interval
	k, s := p.lit(i, "本学期", "这学期", "这个学期", "新学期", "下学期", "本期开学", "新学期开学", "开学")
	if k < 0 {
		return iv, 0, false
	}
	iv.note(noteSchool)
	iv.cat = catTerm
	if strings.HasSuffix(s, "开学") {
		iv.cat = catSchool
	}
	if p.runeAt(i-1) == '上' || strings.ContainsRune("召展公离", p.runeAt(i-1)) && s == "开学" {
		return iv, 0, false // 上下学期间, 召开学前教育会
	}
	if p.ref.IsZero() {
		iv.unknown = true
		iv.note(noteRefUnknown)
		return iv, k, true
	}
	r := p.ref
	if strings.HasSuffix(s, "开学") {
		iv.event = true
		// The next start of a term, allowing 31 days back.
		c := []Date{NewDate(r.Year-1, 9, 1), NewDate(r.Year, 3, 1), NewDate(r.Year, 9, 1), NewDate(r.Year+1, 3, 1)}
		for _, d := range c {
			if !d.Before(r.AddDays(-31)) {
				iv.lo, iv.hi = d, d
				break
			}
		}
		return iv, k, true
	}
	// Terms: autumn Sep 1 - Jan 15, spring Feb 16 - Jul 10.
	autumn := func(y int) (Date, Date) { return NewDate(y, 9, 1), NewDate(y+1, 1, 15) }
	spring := func(y int) (Date, Date) { return NewDate(y, 2, 16), NewDate(y, 7, 10) }
	var terms [][2]Date
	for y := r.Year - 1; y <= r.Year+1; y++ {
		a, b := spring(y)
		terms = append(terms, [2]Date{a, b})
		a, b = autumn(y)
		terms = append(terms, [2]Date{a, b})
	}
	for n, t := range terms {
		// The current term is the first not yet over; a meeting in the
		// summer holiday speaks of the coming one.
		if !t[1].Before(r) {
			if s == "下学期" && n+1 < len(terms) {
				t = terms[n+1]
			}
			iv.lo, iv.hi = t[0], t[1]
			break
		}
	}
	return iv, k, true
}

// special resolves fixed phrases: 今冬明春, 年末岁尾, 今明两年, 年前, and
// 今冬/明春 style seasons.
func (p *parser) special(i int, _ *interval) (interval, int, bool) {
	var iv interval
	switch {
	case p.at(i, "今冬明春"):
		// Guide: winter now to the end of spring next year (May 31).
		iv.note(noteSeason)
		p.fromRef(&iv, func(r Date) (Date, Date) {
			y := r.Year
			if r.Month <= 2 {
				y--
			}
			return NewDate(y, 12, 1), NewDate(y+1, 5, 31)
		})
		return iv, i + 4, true
	case p.at(i, "今明两年"):
		p.fromRef(&iv, func(r Date) (Date, Date) { return NewDate(r.Year, 1, 1), NewDate(r.Year+1, 12, 31) })
		return iv, i + 4, true
	case p.at(i, "明后两年"):
		p.fromRef(&iv, func(r Date) (Date, Date) { return NewDate(r.Year+1, 1, 1), NewDate(r.Year+2, 12, 31) })
		return iv, i + 4, true
	case p.at(i, "年前") && !p.at(i+2, "后"):
		// Guide: 年前 is before the calendar year ends, unless the sentence
		// ties it to the Spring Festival.
		if p.runeAt(i-1) != 0 && (isDigit(p.runeAt(i-1)) || isCNNumeral(p.runeAt(i-1))) {
			return iv, 0, false
		}
		if p.springCtx {
			iv.note("春节按农历计算")
			p.fromRef(&iv, func(r Date) (Date, Date) {
				for y := r.Year; y <= r.Year+1; y++ {
					if sf, ok := SpringFestival(y); ok && !sf.Before(r) {
						return sf.AddDays(-1), sf.AddDays(-1)
					}
				}
				return Date{}, Date{}
			})
		} else {
			p.fromRef(&iv, func(r Date) (Date, Date) { return NewDate(r.Year, 12, 31), NewDate(r.Year, 12, 31) })
		}
		return iv, i + 2, true
	}
	// 今冬, 明春, 今秋, 今夏, 今春, 明夏: a season of this or next year.
	if k, s := p.lit(i, "今", "明"); k > 0 {
		if e, _ := p.lit(k, "春", "夏", "秋", "冬"); e > 0 && !p.at(e, "节") {
			ys := yearSpec{kind: yRel}
			if s == "明" {
				ys.y = 1
			}
			if k2, ok := p.season(k, ys, &iv); ok {
				return iv, k2, true
			}
		}
	}
	return iv, 0, false
}

// Spans.

// spanUnit is a unit of a duration.
type spanUnit int

const (
	uDay spanUnit = iota
	uWeek
	uMonth
	uQuarter
	uYear
	uWorkday
)

// span resolves a duration counted from the meeting: 10天内, 一个月内,
// 三年内, 两周内, 会后10天内, 今后三年内, 20天后, 过两天, 奋战70天. In
// running text a bare duration needs a trigger (内, 后, 以下) or a lead
// word (会后, 今后, 未来, 奋战, 用, 过).
func (p *parser) span(i int, _ *interval) (interval, int, bool) {
	var iv interval
	j := i
	lead := ""
	if strings.ContainsRune("经通超度不", p.runeAt(i-1)) && p.at(i, "过") {
		return iv, 0, false // 经过, 通过
	}
	if k, s := p.lit(j, "今天会后起", "今天会后", "本次会后起", "本次会后", "这次会后起", "这次会后", "会议结束后", "会后起", "会后", "在今后", "今后", "未来", "再过", "过", "奋战", "再用", "利用", "用", "苦干", "大干", "决战"); k > 0 {
		lead, j = s, k
	}
	n2, unit, k, ok := p.duration(j)
	if !ok {
		if strings.Contains(lead, "会后") || lead == "会议结束后" {
			// 这次会后: a start the day after the meeting.
			p.fromRef(&iv, func(r Date) (Date, Date) { d := r.AddDays(1); return d, d })
			iv.startOnly = true
			return iv, j, true
		}
		return iv, 0, false
	}
	trig := false
	for _, t := range []string{"内", "以内", "之内", "时间内", "后", "以后", "之后", "以下", "左右"} {
		if p.at(k, t) {
			trig = true
			break
		}
	}
	if e, _ := p.lit(k, "翻番", "翻一番", "翻两番"); e > 0 && !p.slogan(i, e) {
		trig = true
	}
	if strings.ContainsRune("在限于", p.runeAt(i-1)) && p.completesAt(k) {
		trig = true // 要在五个工作日完成, 限10天办结: the time the work may take
	}
	if !trig && lead == "" && !p.exact {
		return iv, 0, false
	}
	if e, _ := p.lit(k, "时间", "以下"); e > 0 {
		k = e
	}
	iv.span = true
	iv.cat = catSpan
	if unit == uWorkday {
		iv.note(noteWorkday)
	}
	p.fromRef(&iv, func(r Date) (Date, Date) {
		d := addSpan(r, n2, unit)
		return d, d
	})
	if lead == "过" || lead == "再过" {
		iv.startOnly = true // 过两天: a start, like 20天后
	}
	return iv, k, true
}

// slogan reports whether the phrase from i to end is an item of a slogan
// rather than a goal set with its time: it stands in quotation marks
// (“三年翻番”) or in a list of items named side by side (为三年翻番、跨越
// 发展提供保障).
func (p *parser) slogan(i, end int) bool {
	return p.runeAt(end) == '、' || p.runeAt(i-1) == '“' && p.runeAt(end) == '”'
}

// completionVerbs end the work a deadline is set for: 在五个工作日完成,
// 在今天办结.
var completionVerbs = []string{"完成", "办结", "办完", "完工", "竣工", "建成", "结束", "到位", "整改完毕", "办理完毕", "上报", "报送", "提交"}

// completesAt reports whether a verb of completion, perhaps after 全部 or
// 全面, follows at i.
func (p *parser) completesAt(i int) bool {
	if k, _ := p.lit(i, "全部", "全面", "基本"); k > 0 {
		i = k
	}
	k, _ := p.lit(i, completionVerbs...)
	return k > 0
}

// duration reads a duration at i and returns it in half units (so 两年半
// is 5 half-years), its unit, and its end.
func (p *parser) duration(i int) (halves int, unit spanUnit, end int, ok bool) {
	j := i
	n := 0
	half := false
	if p.at(j, "半") {
		half, j = true, j+1
	} else {
		v, k, ok := p.num(j)
		if !ok || v < 1 || v > 1000 {
			return 0, 0, 0, false
		}
		n, j = v, k
		// 3-5年, 三到五年: the upper bound.
		if c, _ := p.lit(j, "——", "—", "-", "~", "～", "到", "至"); c > 0 {
			if v2, k2, ok2 := p.num(c); ok2 && v2 > v && v2 <= 1000 {
				n, j = v2, k2
			}
		}
	}
	if p.at(j, "个") {
		j++
	}
	if p.at(j, "半") && !half { // 两个半月
		half, j = true, j+1
	}
	units := []struct {
		s string
		u spanUnit
	}{
		{"个工作日", uWorkday}, {"工作日", uWorkday}, {"天", uDay}, {"日", uDay}, {"星期", uWeek},
		{"礼拜", uWeek}, {"周", uWeek}, {"月", uMonth}, {"季度", uQuarter}, {"年", uYear},
	}
	for _, x := range units {
		if p.at(j, x.s) {
			j += len([]rune(x.s))
			// 3年半
			if p.at(j, "半") && !half && (x.u == uYear || x.u == uMonth || x.u == uDay) {
				half, j = true, j+1
			}
			// A 月 after a bare number is a month (3月), not a span: a span
			// of months needs 个 (3个月) or 半.
			if x.u == uMonth && !p.at(j-2, "个") && !half {
				return 0, 0, 0, false
			}
			if x.u == uYear && p.at(j, "级") {
				return 0, 0, 0, false
			}
			h := 2 * n
			if half {
				h++
			}
			return h, x.u, j, true
		}
	}
	return 0, 0, 0, false
}

// addSpan adds halves/2 units to d. A half month is 15 days; a half year six
// months.
func addSpan(d Date, halves int, u spanUnit) Date {
	n, half := halves/2, halves%2 == 1
	switch u {
	case uDay:
		return d.AddDays(n)
	case uWeek:
		return d.AddDays(7*n + 3*b2i(half))
	case uMonth:
		d = d.AddMonths(n)
		if half {
			d = d.AddDays(15)
		}
		return d
	case uQuarter:
		return d.AddMonths(3*n + b2i(half))
	case uYear:
		return d.AddMonths(12*n + 6*b2i(half))
	case uWorkday:
		for k := 0; k < n; {
			d = d.AddDays(1)
			if wd := d.Time().Weekday(); wd != time.Saturday && wd != time.Sunday {
				k++
			}
		}
		return d
	}
	return d
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// Building nodes.

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
	before := func(s string) bool {
		rs := []rune(s)
		return m.start >= len(rs) && string(p.rs[m.start-len(rs):m.start]) == s
	}
	// Recurring times: 每月, 每年年底, 每季度初 (guide).
	for _, s := range []string{"每", "每年", "每个", "每月", "每逢", "逢", "每一", "每年的"} {
		if before(s) {
			return tn, false
		}
	}
	// Retrospective: 近年来, 今年以来, 今年来, 十三五期间 before ref.
	if m.suf == sufSince || p.at(m.end, "来") && !p.at(m.end, "来年") || p.at(m.end, "以来") {
		return tn, false
	}
	if p.inTitle(m) {
		return tn, false // 《旺苍县2022年实施方案》: part of a document's name
	}
	iv := m.iv
	bare := m.suf == sufNone && !m.fromPrefix && !m.duePrefix && !m.window
	if iv.yearOnly && bare {
		// X年是……之年; a year that only qualifies a noun (明年的工作思路,
		// 研究明年工作, 对今年确定的项目, 今年推出的工作).
		if k, _ := p.lit(m.end, "是", "为", "的", "也是", "将是", "工作", "各项", "任务", "计划", "目标", "思路", "重点", "经济", "预算", "形势", "年度", "新增", "项目"); k > 0 {
			return tn, false
		}
		for _, s := range []string{"对", "针对", "对于", "关于", "为", "比"} {
			if before(s) {
				return tn, false
			}
		}
		for k := m.end; k < len(p.rs) && k < m.end+5; k++ {
			r := p.rs[k]
			if r == '要' || r == '将' || r == '必' || r == '务' || strings.ContainsRune("，,。;；:：、", r) {
				break
			}
			if r == '的' {
				return tn, false
			}
		}
		if (strings.Contains(tn.Text, "xx") || strings.Contains(tn.Text, "XX") || strings.Contains(tn.Text, "_")) && !p.timesClause(m.end) {
			// A bare anonymised year names a document (20xx年工作总结),
			// not a deadline, unless it opens the clause it times
			// (20xx年,全市……要达到……; 20xx年我们要……).
			return tn, false
		}
	}
	if bare && iv.cat == catYear {
		// 2010年,是……的一年: a comma before 是 changes nothing.
		if r := p.runeAt(m.end); (r == ',' || r == '，') && p.runeAt(m.end+1) == '是' {
			return tn, false
		}
	}
	if bare {
		// 第四季度工作推进会: the name of a meeting; 年终考核: of an
		// assessment.
		if k, _ := p.lit(m.end, "工作推进会", "工作会", "推进会", "会议", "表彰会", "总结会", "考核", "考评", "评比", "总结", "述职", "评议", "民主评议", "测评"); k > 0 {
			return tn, false
		}
	}
	if iv.cat == catSpan {
		for _, w := range tgtDurationGoals {
			if before(w) {
				return tn, false // 办理时限压缩至1个工作日以内: a target, not a deadline
			}
		}
	}
	if unicode.Is(unicode.Han, p.runeAt(m.end)) && p.runeAt(m.end+1) == '得' && !p.at(m.end, "取得") && !p.at(m.end, "获得") {
		return tn, false // 会上说得凶、会后抓得松: how things go, not when they are due
	}
	if before("距离") || before("距") {
		return tn, false // 距离年底仅70余天: a distance, not a deadline
	}
	if bare {
		prev, next := p.runeAt(m.start-1), p.runeAt(m.end)
		switch {
		case prev == '的' && !iv.yearGiven && iv.cat != catDate || prev == '《' || next == '是' && (iv.cat == catYear || iv.cat == catRelDay):
			// 美好的明天, 《2021年培训计划》, 四季度是……关键: not when
			// something is due.
			return tn, false
		case iv.cat == catRelDay && (strings.HasPrefix(tn.Text, "今") || strings.HasPrefix(tn.Text, "当") || next == '的') &&
			!(strings.ContainsRune("在于", prev) && p.completesAt(m.end)):
			// 今天 alone is the meeting day, said in passing; 在今天完成
			// sets a deadline.
			return tn, false
		case iv.cat == catTerm || iv.cat == catHoliday || iv.cat == catSchool:
			// 新学期教育教学工作, 安排寒假工作, 开学行课情况: a term,
			// holiday or 开学 alone names the activity, not a deadline.
			return tn, false
		case (iv.cat == catFestival || iv.cat == catSeason) && !iv.yearGiven && !strings.ContainsRune("在于到趁迎", prev) && !before("抓住") && !before("利用"):
			// 欢度春节, 教师节表彰会, 春季疾病防控.
			return tn, false
		case iv.cat == catSpan && (next == '的' || next == '多'):
			return tn, false // 通过三年的努力
		}
	}
	if strings.HasPrefix(tn.Text, "年前") && p.runeAt(m.end) == '的' {
		return tn, false // 年前的电视问政: a year ago
	}
	if iv.yearOnly && p.runeAt(m.end) == '多' {
		return tn, false // 这一年多来
	}
	for _, s := range []string{"已进入", "已经进入", "进入", "已是", "已经是", "正值", "值此"} {
		if before(s) {
			return tn, false // 当前已进入4月中旬: now, not a deadline
		}
	}
	if iv.cumulative && m.suf == sufNone {
		// 前三季度 with no year: a report to date (前三季度财政收入增长).
		if !p.ref.IsZero() && iv.hi.Before(p.ref) {
			return tn, false
		}
	}
	// Past context: 2月9日已完成, 已于3月召开, 曾在.
	if p.pastContext(m) {
		return tn, false
	}
	if bare && iv.cat == catDate && strings.HasSuffix(tn.Text, "日") && p.narrated(m) {
		return tn, false // 2月9日已完成开标,2月13日召开审查会: a run of past events
	}
	if !p.ref.IsZero() && !iv.unknown {
		// Dates of past events are not time nodes.
		switch {
		case !tn.Due.IsZero() && tn.Due.Before(p.ref.AddDays(-1)):
			return tn, false
		case tn.Due.IsZero() && !tn.Start.IsZero() && tn.Start.Before(p.ref.AddDays(-31)) && iv.hi.Before(p.ref):
			// A start long past, of a period over by the meeting; 今年……
			// 全面启动 starts a period still running.
			return tn, false
		}
	}
	return tn, true
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
