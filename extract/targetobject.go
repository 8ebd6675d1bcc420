package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// This file reads the object a target counts or measures, after a
// classifier (48个贫困村) or before the number (签约率达到98%), and judges
// whether it names a rate or an abstract head.

// isRateName reports whether an object names a rate, whose number is a
// percentage even where % is missing (组建率达100). Guide: "A rate whose
// % is missing in the source is still %".
func isRateName(obj string) bool {
	for _, w := range []string{"率", "比例", "比重", "占比", "覆盖面"} {
		if strings.HasSuffix(obj, w) {
			return true
		}
	}
	return false
}

// isAbstract reports whether obj, counted by a classifier, is an abstract
// head of a summary count or a slogan (两项重点任务, 三个结合). An
// abstract word that only modifies a document the work produces is no
// head: a Chinese compound's head is its last word, so 三项工作方案 counts
// 方案 (guide, Clarifications: counts that set the scope of work).
func isAbstract(obj string) bool {
	for _, d := range documentHeads {
		if strings.HasSuffix(obj, d) && obj != d {
			return false
		}
	}
	for _, h := range standardHeads {
		if strings.HasSuffix(obj, h) {
			return true // 32项创建指标 counts 指标
		}
	}
	for _, m := range abstractModifiers {
		if rest, ok := strings.CutPrefix(obj, m); ok {
			if rest == "" {
				return true
			}
			obj = rest
			break
		}
	}
	for _, h := range abstractHeads {
		if strings.HasPrefix(obj, h) {
			return true
		}
	}
	return false
}

// objectAfter reads the object counted after a classifier at rs[k:],
// within the clause ending at ce: 48个贫困村 -> 贫困村. Quoted names are
// kept whole. It returns the object and where it ends.
func objectAfter(rs []rune, k, ce int) (string, int) {
	j := k
	if j < ce && rs[j] == '的' {
		j++
	}
	start := j
	for j < ce && j-start < 14 {
		r := rs[j]
		if cl, ok := enclosingMarks[r]; ok {
			e := j + 1
			for e < ce && rs[e] != cl {
				e++
			}
			if e < ce {
				j = e + 1
				continue
			}
			break
		}
		if r == '、' || r == ' ' || isNumStart(rs, j) && j > start || !unicode.Is(unicode.Han, r) && !isLatinLetter(r) {
			break
		}
		if firstAt(rs, j, objectStops) != "" && firstAt(rs, j, stopLedNouns) == "" {
			break
		}
		j++
	}
	if j == start {
		return "", k
	}
	return string(rs[start:j]), j
}

// objectBefore reads the object named before a number at rs[i], in the
// clause starting at cs: 签约率达到98% -> 签约率; 科级干部4户 -> 科级干部.
func objectBefore(rs []rune, cs, i int) string {
	obj, subjectEnd := objectBeforeCut(rs, cs, i)
	if obj == "" && subjectEnd > cs {
		// 签约率要达到98%: where nothing is left after the directive
		// word, the object is its subject.
		obj, _ = objectBeforeCut(rs, cs, subjectEnd)
	}
	if _, ok := ParseTime(obj, Date{}); ok {
		return "" // 年底前完成200公里: the time phrase is no object
	}
	return withoutLeadingTime(obj)
}

// withoutLeadingTime drops the time phrase an object opens with, and the
// 在 or 于 before it: the target of 在年底前建成厂房10万平方米 is 建成厂房10万
// 平方米, its time node 年底前 (issue 13: target text excludes the time).
func withoutLeadingTime(obj string) string {
	rest := strings.TrimPrefix(strings.TrimPrefix(obj, "在"), "于")
	ts := FindTimes(rest, Date{})
	if len(ts) == 0 || ts[0].Span.Start != 0 {
		return obj
	}
	return strings.TrimSpace(string([]rune(rest)[ts[0].Span.End:]))
}

// objectBeforeCut reads what is left of rs[cs:i] after the last date,
// number or directive word, and returns where that directive word starts
// (cs if none).
func objectBeforeCut(rs []rune, cs, i int) (string, int) {
	seg := rs[cs:i]
	// Cut after the last date, number or directive word.
	cut, afterDate := 0, false
	for p := range seg {
		if isDigit(seg[p]) || seg[p] == 'x' || seg[p] == 'X' ||
			isCNNumeral(seg[p]) && (longestAt(seg, p+1, durationUnits) != "" || hasAt(seg, p+1, "年")) {
			cut, afterDate = p+1, true
		}
		if seg[p] == '、' || seg[p] == ')' {
			cut, afterDate = p+1, false
		}
	}
	floor, wordAt := cut, -1
	for p := range seg {
		if p < floor {
			continue
		}
		if w := firstAt(seg, p, objectCuts); w != "" {
			cut, afterDate, wordAt = p+len([]rune(w)), false, p
		}
	}
	seg = seg[cut:]
	s := strings.TrimSpace(string(seg))
	if afterDate {
		// 在10天内安排资金500万元: the time phrase is no part of the object.
		s = strings.TrimPrefix(s, longestAt([]rune(s), 0, durationUnits))
		s = strings.TrimLeft(s, "年月日号底前后内起以来之")
		s = strings.TrimPrefix(s, "时间") // 用2年时间培育……
		r := []rune(s)
		u := longestAt(r, 0, measureUnits)
		if c := longestAt(r, 0, countUnits); len(c) > len(u) {
			u = c
		}
		s = strings.TrimPrefix(s, u)
		for _, c := range rightCmps {
			s = strings.TrimPrefix(s, c.word)
		}
	}
	s = strings.TrimLeftFunc(s, func(r rune) bool { return r < 0x80 })
	for {
		t := strings.TrimLeft(s, "的,、 ")
		for _, c := range leftCmps {
			t = strings.TrimSuffix(t, c.word)
		}
		t = strings.TrimSuffix(t, "为")
		t = strings.TrimSuffix(t, "在")
		if t == s {
			break
		}
		s = t
	}
	s = objectTail(s)
	// 今年大规模扩招100万人: the year the goal is set for is a time node.
	for _, w := range []string{"今年", "明年", "全年", "年内", "当年"} {
		if rest, ok := strings.CutPrefix(s, w); ok && utf8.RuneCountInString(rest) >= 2 {
			s = strings.TrimLeft(rest, ",，")
			break
		}
	}
	// 和总投资1.32亿元: a conjunction is no part of the object.
	for _, w := range []string{"以及", "和", "与", "及", "并"} {
		if rest, ok := strings.CutPrefix(s, w); ok && (rest == "" || utf8.RuneCountInString(rest) >= 2) {
			s = rest // 增长4%左右和6%左右: a lone 和 names nothing
			break
		}
	}
	if wordAt <= floor {
		return s, cs
	}
	return s, cs + wordAt
}

// maxObjectRunes bounds an object read before its number: a clause with no
// directive word before the number holds more than what is counted.
const maxObjectRunes = 24

// objectTail keeps the last maxObjectRunes of an over-long object, starting
// after a 的, 、 or conjunction in the first half of what is kept, so that
// the object does not open in the middle of a word: …政府采购工程面向中小企业的
// 预留份额 -> 中小企业的预留份额 rather than 府采购工程….
func objectTail(s string) string {
	r := []rune(s)
	if len(r) <= maxObjectRunes {
		return s
	}
	start := len(r) - maxObjectRunes
	for j := start; j < start+maxObjectRunes/2; j++ {
		if strings.ContainsRune("的、和与及", r[j]) {
			return string(r[j+1:])
		}
	}
	return string(r[start:])
}
