package extract

import (
	"strings"
	"time"
	"unicode/utf8"
)

// This file reads times relative to the meeting: days (今天, 后天),
// weeks (下周一), months and quarters (下个月, 本季度) and fixed phrases
// (今冬明春, 今明两年, 年前).

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
	case p.runeAt(i) == '十' || p.runeAt(i) == '“':
		return p.planPeriod(i)
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

// planPeriod reads a five-year plan's period before 期间 or 末 at i
// (“十三五”期间, 十四五末): the plan's five years, or its last day. The
// sixth plan ran from 1981 and each since has followed the one before.
// A plan named without 期间 or 末 (十三五规划) names a document, and a
// period already past is dropped as retrospective (guide, "Time node").
func (p *parser) planPeriod(i int) (interval, int, bool) {
	var iv interval
	k := i
	if p.runeAt(k) == '“' {
		k++
	}
	if p.runeAt(k) != '十' {
		return iv, 0, false
	}
	n, k := 10, k+1
	if d := strings.IndexRune("一二三四五六七八九", p.runeAt(k)); d >= 0 && p.runeAt(k+1) == '五' {
		n, k = 10+d/3+1, k+1
	}
	if p.runeAt(k) != '五' || n < 6 {
		return iv, 0, false
	}
	k++
	if p.runeAt(k) == '”' {
		k++
	}
	first := 1981 + 5*(n-6)
	iv.lo, iv.hi = NewDate(first, 1, 1), NewDate(first+4, 12, 31)
	iv.y, iv.yearGiven = first, true
	switch {
	case p.at(k, "期间"):
		return iv, k, true
	case p.at(k, "末"):
		iv.lo = iv.hi
		return iv, k + 1, true
	}
	return interval{}, 0, false
}
