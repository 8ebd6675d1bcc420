package extract

import (
	"strings"
	"time"
	"unicode/utf8"
)

// This file reads years (2009年, 民国104年, 20xx年, 今年) and the named
// parts of a year (上半年, 年底, 第四季度), and applies the guide's year
// rule to a date written without a year.

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
	if k, ok, found := p.namedYearPart(i, ys, iv); found {
		return k, ok
	}
	if k, ok, found := p.quarter(i, ys, iv); found {
		return k, ok
	}
	if k, ok, found := p.monthsOfYear(i, ys, iv); found {
		return k, ok
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

// namedYearPart reads a named part of a year (yearParts) at i: 上半年,
// 年底, 全年, 伊始. Its third result reports whether one is written there;
// the first two are then what yearPart returns.
func (p *parser) namedYearPart(i int, ys yearSpec, iv *interval) (int, bool, bool) {
	hasYear := ys.kind != yNone
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
			return 0, false, true
		}
		if e, _ := p.lit(k, "岁尾", "岁末", "年初"); e > 0 {
			k = e
		}
		return k, true, true
	}
	return 0, false, false
}

// quarter reads a quarter of a year at i. Quarters: 第四季度, 四季度,
// 首季度, 一季度末, 前三季度. Its third result reports whether one is
// written there; the first two are then what yearPart returns.
func (p *parser) quarter(i int, ys yearSpec, iv *interval) (int, bool, bool) {
	hasYear := ys.kind != yNone
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
				return 0, false, true
			}
			return j, true, true
		}
	}
	return 0, false, false
}

// monthsOfYear reads 前N个月 / 后N个月 of a year at i (后两个月: the
// year's last two months). Its third result reports whether they are
// written there; the first two are then what yearPart returns.
func (p *parser) monthsOfYear(i int, ys yearSpec, iv *interval) (int, bool, bool) {
	hasYear := ys.kind != yNone
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
					return 0, false, true
				}
				return k3 + 1, true, true
			}
		}
	}
	return 0, false, false
}
