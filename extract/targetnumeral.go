package extract

import (
	"strings"
	"unicode"
)

// This file reads the numerals and ratios a target may be built on:
// Arabic, Chinese and mixed numerals, percent words, shares, loose ranges
// (两三次) and ratios (生机比10:1).

// numRunes holds the characters isNumRune accepts, and
// numeralLeads those mayHoldTarget looks for, as bitmaps: they are asked
// of nearly every character of a sentence, and the maps they are built
// from answer much more slowly.
var numRunes, numeralLeads = func() (*runeSet, *runeSet) {
	num, lead := new(runeSet), new(runeSet)
	for r := '0'; r <= '9'; r++ {
		num.add(r)
		lead.add(r)
	}
	for _, m := range []map[rune]float64{digitValue, unitValue, tensValue} {
		for r := range m {
			num.add(r)
		}
	}
	for r := range digitValue {
		lead.add(r)
	}
	for _, r := range "万亿" {
		num.add(r)
	}
	for _, r := range "十廿百千" {
		lead.add(r)
	}
	return num, lead
}()

// numeral is a number found in a sentence.
type numeral struct {
	start, end int     // rune span
	value, hi  float64 // hi > value for a range
	isRange    bool
	unit       string // a unit read with the numeral: %, or 万 kept from 3万
	chinese    bool   // written in Chinese numerals
	text       string
}

// isNumRune reports whether r may be part of a numeral.
func isNumRune(r rune) bool { return numRunes.has(r) }

// isNumStart reports whether a numeral may start at rs[i]: a digit, 十,
// or the letter l misread for 1 before digits (l20亿元).
func isNumStart(rs []rune, i int) bool {
	r := rs[i]
	if r >= '0' && r <= '9' || r == '十' || r == '廿' {
		return true
	}
	if r == 'l' && i+1 < len(rs) && rs[i+1] >= '0' && rs[i+1] <= '9' && (i == 0 || !isLatinLetter(rs[i-1])) {
		return true
	}
	return numRunes.has(r) && digitValue[r] != 0 // a Chinese digit but zero
}

func isLatinLetter(r rune) bool { return r < 0x80 && unicode.IsLetter(r) }

// numeralAt reads a numeral starting at rs[i]: Arabic, Chinese or mixed,
// a percent word (百分之九十五, 九成), a fraction (三分之一, as a
// percentage) or a loose range of two Chinese digits (两三次).
func numeralAt(rs []rune, i int) (numeral, bool) {
	if i >= len(rs) {
		return numeral{}, false
	}
	if n, ok, found := percentWordAt(rs, i); found {
		return n, ok
	}
	if !isNumStart(rs, i) || hasAt(rs, i, "十分") {
		return numeral{}, false
	}
	if i > 0 && (isNumRune(rs[i-1]) || rs[i-1] == '.') {
		return numeral{}, false // the tail of a numeral already rejected
	}
	j := numeralEnd(rs, i)
	text := string(rs[i:j])
	n := numeral{start: i, end: j, text: text}
	for _, r := range text {
		if !isDigit(r) && r != '.' && r != ',' && r != 'l' && r != '万' && r != '亿' {
			n.chinese = true
		}
	}
	return numeralValue(rs, n)
}

// percentWordAt reads a percent or per-mille word at rs[i] (百分之九十五,
// 千分之三). found reports whether one is written there; ok whether it
// reads as a number.
func percentWordAt(rs []rune, i int) (n numeral, ok, found bool) {
	for _, p := range []string{"百分之", "千分之"} {
		if hasAt(rs, i, p) {
			j := i + 3
			for j < len(rs) && (isNumRune(rs[j]) || rs[j] == '点' && j+1 < len(rs) && isNumRune(rs[j+1])) {
				j++
			}
			v, unit, ok := parseRateWord(string(rs[i:j]))
			return numeral{start: i, end: j, value: v, unit: unit, chinese: true, text: string(rs[i:j])}, ok, true
		}
	}
	return numeral{}, false, false
}

// numeralEnd returns where the numeral starting at rs[i] ends: after its
// digits, numerals, decimal point and thousands separators, before a unit
// that begins with a multiplier.
func numeralEnd(rs []rune, i int) int {
	j := i + 1
	for j < len(rs) {
		r := rs[j]
		switch {
		case r == '.' || r == ',' || r == '点':
			if j+1 < len(rs) && isDigit(rs[j-1]) && isDigit(rs[j+1]) && r != '点' ||
				r == '点' && j+1 < len(rs) && isNumRune(rs[j+1]) && !isDigit(rs[j+1]) && !isDigit(rs[j-1]) {
				j++
				continue
			}
		case isNumRune(r):
			// Stop before units that begin with a multiplier: 1.1亿千瓦, 3百分点.
			if firstAt(rs, j, []string{"千瓦", "千米", "千克", "千伏", "千元", "百分点", "百分比", "十分"}) != "" {
				break
			}
			j++
			continue
		}
		break
	}
	return j
}

// numeralValue reads the value of n, the numeral rs[n.start:n.end], with
// what follows it: a loose range, a share (三分之一), a percent word in 成,
// a multiplier kept as a unit, or a plain number. It reports false for a
// run of Chinese digits, which is a year or a code.
func numeralValue(rs []rune, n numeral) (numeral, bool) {
	i, j, text := n.start, n.end, n.text
	clean := strings.Replace(text, "l", "1", 1)
	// 两三次, 七八个: two neighbouring digits make a loose range.
	if runes := []rune(text); len(runes) == 2 {
		a, okA := digitValue[runes[0]]
		b, okB := digitValue[runes[1]]
		if okA && okB && a > 0 && (b == a+1 || a == 3 && b == 5) {
			n.value, n.hi, n.isRange = a, b, true
			return n, true
		}
	}
	// A run of Chinese digits with no 十, 百 or 千 is a year or a code
	// (二〇二一, 一一对应), not a count.
	if runes := []rune(text); len(runes) >= 2 && n.chinese && !strings.ContainsAny(text, "十百千万亿拾佰仟廿") {
		return numeral{}, false
	}
	// 三分之一 is a share, read as a percentage.
	if hasAt(rs, j, "分之") {
		k := j + 2
		for k < len(rs) && isNumRune(rs[k]) {
			k++
		}
		d, ok1 := ParseNumber(clean)
		m, ok2 := ParseNumber(string(rs[j+2 : k]))
		if ok1 && ok2 && d > 0 && k > j+2 {
			n.end, n.text, n.value, n.unit = k, string(rs[i:k]), m/d*100, "%"
			return n, true
		}
		return numeral{}, false
	}
	// 九成, 九成五.
	if j < len(rs) && rs[j] == '成' && n.chinese && !hasAt(rs, j, "成不变") {
		k := j + 1
		if k < len(rs) && isNumRune(rs[k]) {
			k++
		}
		if v, unit, ok := parseRateWord(string(rs[i:k])); ok {
			n.end, n.text, n.value, n.unit = k, string(rs[i:k]), v, unit
			return n, true
		}
	}
	// 3万, 1.2亿: for an Arabic mantissa the multiplier stays in the unit
	// (guide: `5万元` -> 5, unit 万元).
	if !n.chinese {
		for _, m := range []string{"万亿", "亿", "万"} {
			if head, ok := strings.CutSuffix(clean, m); ok && head != "" && !strings.ContainsAny(head, "万亿") {
				v, ok := ParseNumber(head)
				if !ok {
					return numeral{}, false
				}
				n.value, n.unit = v, m
				return n, true
			}
		}
	}
	v, ok := ParseNumber(clean)
	if !ok {
		return numeral{}, false
	}
	n.value = v
	return n, true
}

// ratioAt reads a ratio such as 生机比10:1 or 1比1 at rs[i]. The colon
// form needs 比 shortly before it, so that times (14:30) are not ratios.
// Guide: "ratios", `生机比10:1`.
func ratioAt(rs []rune, i int) (Target, bool) {
	if !isDigit(rs[i]) || i > 0 && (isDigit(rs[i-1]) || rs[i-1] == '.') {
		return Target{}, false
	}
	read := func(k int) int {
		for k < len(rs) && (isDigit(rs[k]) || rs[k] == '.' && k+1 < len(rs) && isDigit(rs[k+1])) {
			k++
		}
		return k
	}
	j := read(i)
	if j >= len(rs) || !strings.ContainsRune(":：∶比", rs[j]) || j+1 >= len(rs) || !isDigit(rs[j+1]) {
		return Target{}, false
	}
	k := read(j + 1)
	if k < len(rs) && (isDigit(rs[k]) || isLatinLetter(rs[k])) {
		return Target{}, false
	}
	start := targetClauseStart(rs, i)
	before := string(rs[start:i])
	if rs[j] != '比' && !strings.Contains(before, "比") {
		return Target{}, false
	}
	cmp, cs := CmpEq, i
	if c, at, ok := leftCmpAt(rs, i); ok {
		cmp, cs = c, at
	}
	obj := strings.TrimSuffix(objectBefore(rs, start, cs), "为")
	spanStart := cs
	if obj != "" && strings.HasSuffix(string(rs[start:cs]), obj) {
		spanStart = cs - len([]rune(obj))
	}
	return Target{
		Text:   string(rs[spanStart:k]),
		Ratio:  string(rs[i:j]) + ":" + string(rs[j+1:k]),
		Object: obj,
		Cmp:    cmp,
		Span:   Span{spanStart, k},
	}, true
}
