package extract

import "strings"

// This file reads the small numbers of time phrases: Arabic digits and
// Chinese numerals (三, 十五, 两三).

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
