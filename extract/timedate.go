package extract

import (
	"strings"
	"time"
)

// This file reads absolute dates: a year and what narrows it, months
// and days (10月, 3月15日, 3月上旬, 6月第3个星期日), bare days and numeric
// dates (2009-12-01, 10.30前).

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
