package extract

import (
	"sort"
	"strings"
	"unicode/utf8"
)

// This file reads festivals (春节, 教师节, 高考) and lunar dates (正月十五,
// 大年初十) in a sentence; festival.go holds their calendar.

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
	// “五一”前, “十一”期间: a quoted name's closing mark belongs to the
	// phrase, so that the trigger after it is read.
	if q := p.runeAt(i - 1); (q == '“' || q == '「') && strings.ContainsRune("”」", p.runeAt(bestEnd)) {
		bestEnd++
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
