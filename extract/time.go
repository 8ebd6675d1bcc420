package extract

import (
	"strings"
	"time"
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
//
// This file holds the entry points, the parser and the types it works
// with. The phrase level is in timephrase.go; the cores are read in files
// named for what they read (timeyear.go, timedate.go, timerelative.go,
// timefestival.go, timeseason.go, timespan.go); timenode.go turns a phrase
// into a TimeNode.

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
		if m.start > 0 && strings.ContainsRune("“「", rs[m.start-1]) && strings.ContainsAny(s[off[m.start]:off[m.end]], "”」") {
			m.start-- // “五一”前: the phrase as written, with both marks
		}
		if tn, keep := p.node(m); keep && !dupNode(out, tn) {
			out = append(out, tn)
		}
		i = m.end
	}
	return windowStarts(out, ref)
}

// windowStarts reads 从X开始……到Y in one sentence as one window: a start
// whose year the year rule chose (从元旦开始) goes back a year where it
// would otherwise fall after the end the sentence runs it to
// (……持续到6月30日). A start that then lies more than a month before ref
// is the past start of work under way, which the guide does not count
// as a time node (dates of past events).
func windowStarts(out []TimeNode, ref Date) []TimeNode {
	if ref.IsZero() {
		return out
	}
	for i := 0; i < len(out); i++ {
		a := out[i]
		if a.Start.IsZero() || !a.Due.IsZero() || !strings.Contains(a.Note, noteYear) || !hasPrefixAny(a.Text, "从", "自") {
			continue
		}
		for _, b := range out[i+1:] {
			if b.Due.IsZero() || !b.Start.IsZero() || !hasPrefixAny(b.Text, "到", "至") {
				continue
			}
			if back := a.Start.AddMonths(-12); b.Due.Before(a.Start) && !b.Due.Before(back) {
				if back.Before(ref.AddDays(-31)) {
					out = append(out[:i], out[i+1:]...)
					i--
				} else {
					out[i].Start = back
				}
			}
			break
		}
	}
	return out
}

// hasPrefixAny reports whether s begins with one of ps.
func hasPrefixAny(s string, ps ...string) bool {
	for _, p := range ps {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
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

// dupNode reports whether out already holds a node with tn's text and
// dates.
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

// runeAt returns the rune at i, or 0 outside the sentence.
func (p *parser) runeAt(i int) rune {
	if i < 0 || i >= len(p.rs) {
		return 0
	}
	return p.rs[i]
}
