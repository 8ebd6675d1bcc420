package extract

import (
	"strings"
	"time"
)

// This file reads spans and durations counted from the meeting (10天内,
// 三年内, 会后10天内, 过两天) and adds them to a date.

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
