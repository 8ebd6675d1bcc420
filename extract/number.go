package extract

import (
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
)

// digitValue maps Chinese digit characters, everyday and financial
// (大写) forms, to their values.
var digitValue = map[rune]float64{
	'零': 0, '〇': 0, '○': 0, 'Ｏ': 0, '一': 1, '壹': 1, '幺': 1, '二': 2, '贰': 2, '貳': 2,
	'两': 2, '兩': 2, '三': 3, '叁': 3, '參': 3, '四': 4, '肆': 4, '五': 5, '伍': 5,
	'六': 6, '陆': 6, '陸': 6, '七': 7, '柒': 7, '八': 8, '捌': 8, '九': 9, '玖': 9,
}

// unitValue maps the small Chinese multipliers to their values.
var unitValue = map[rune]float64{'十': 10, '拾': 10, '百': 100, '佰': 100, '千': 1000, '仟': 1000}

// tensValue maps the contracted tens, 廿 (twenty), 卅 and 卌, to their values.
var tensValue = map[rune]float64{'廿': 20, '卅': 30, '卌': 40}

// numberFold folds traditional forms of the large multipliers and the
// decimal point, and the minus signs, to one spelling.
var numberFold = strings.NewReplacer("萬", "万", "億", "亿", "點", "点", "圓", "元", "圆", "元", "−", "-", "－", "-")

// arabicNumber matches a plain Arabic numeral, optionally with thousands
// separators and a decimal part.
var arabicNumber = mustRegexp(`^(?:[0-9]+|[0-9]{1,3}(?:,[0-9]{3})+)(?:\.[0-9]+)?$`)

// ParseNumber reads a whole numeral and reports false if s is not one.
// It accepts
//
//   - Arabic numerals: "1.2", "1,000";
//   - Chinese numerals, positional or digit by digit: "三十二", "两千五百",
//     "一千零五", "二〇二一", "壹佰贰拾", "廿二", and the colloquial
//     contractions "三万五" (35000) and "一百二" (120);
//   - mixed numerals with the multipliers 万 and 亿: "1.2万", "3千",
//     "100万三千", "16.4亿";
//   - decimals with 点 ("零点一"), a leading minus sign ("负十一", "-3"),
//     and amounts in 元角分 that end in 整, 角 or 分 ("壹拾壹元整").
//
// Percent words such as 百分之九十五 and 九成 are not numerals: see
// parseRateWord.
func ParseNumber(s string) (float64, bool) {
	s = numberFold.Replace(strings.TrimSpace(s))
	neg := false
	if t, ok := strings.CutPrefix(s, "负"); ok {
		s, neg = t, true
	} else if t, ok := strings.CutPrefix(s, "-"); ok {
		s, neg = t, true
	}
	v, ok := parseUnsigned(s)
	if !ok || math.IsInf(v, 0) {
		return 0, false
	}
	if neg {
		v = -v
	}
	return v, true
}

// parseUnsigned reads a numeral without a sign.
func parseUnsigned(s string) (float64, bool) {
	if s == "" {
		return 0, false
	}
	if arabicNumber().MatchString(s) {
		v, err := strconv.ParseFloat(strings.ReplaceAll(s, ",", ""), 64)
		return v, err == nil
	}
	if i := strings.Index(s, "元"); i >= 0 {
		return parseMoney(s[:i], s[i+len("元"):])
	}
	// The large multipliers split the numeral into groups: 3亿2千万.
	// 亿 may itself be multiplied by 万 (2万亿), 万 by nothing larger.
	if strings.Count(s, "亿") > 1 || strings.Count(s, "万") > 1 {
		return 0, false
	}
	if i := strings.LastIndex(s, "亿"); i >= 0 {
		return parseGroups(s[:i], s[i+len("亿"):], 1e8)
	}
	if i := strings.Index(s, "万"); i >= 0 {
		return parseGroups(s[:i], s[i+len("万"):], 1e4)
	}
	if i := strings.Index(s, "点"); i >= 0 {
		return parseDecimal(s[:i], s[i+len("点"):])
	}
	if strings.Contains(s, ".") {
		// A decimal point among Chinese digits: 1.5 written 一.五 is not a
		// numeral, but 2.5 followed by nothing else was matched above.
		return 0, false
	}
	return parseSmall(s)
}

// parseGroups combines the numeral hi, multiplied by big, with the lower
// group lo: "3" "2千" 1e8 is 3亿2千 = 300002000.
func parseGroups(hi, lo string, big float64) (float64, bool) {
	h, ok := parseUnsigned(hi)
	if !ok || h == 0 {
		return 0, false
	}
	if lo == "" {
		return h * big, true
	}
	zero := false
	for strings.HasPrefix(lo, "零") || strings.HasPrefix(lo, "〇") {
		_, n := utf8.DecodeRuneInString(lo)
		lo, zero = lo[n:], true
	}
	if lo == "" {
		return 0, false
	}
	// 三万五 means 35000: a lone digit after the multiplier counts in the
	// next unit down, unless a 零 says it does not (十万零一).
	if r, n := utf8.DecodeRuneInString(lo); n == len(lo) && !zero {
		if d, ok := digitOf(r); ok {
			return h*big + d*big/10, true
		}
	}
	l, ok := parseUnsigned(lo)
	if !ok || l >= big {
		return 0, false
	}
	return h*big + l, true
}

// parseDecimal reads the integer part ip and the digits fp after 点.
func parseDecimal(ip, fp string) (float64, bool) {
	if fp == "" {
		return 0, false
	}
	i, ok := parseUnsigned(ip)
	if !ok {
		return 0, false
	}
	var b strings.Builder
	b.WriteString("0.")
	for _, r := range fp {
		d, ok := digitOf(r)
		if !ok {
			return 0, false
		}
		b.WriteByte(byte('0' + int(d)))
	}
	f, err := strconv.ParseFloat(b.String(), 64)
	if err != nil {
		return 0, false
	}
	return i + f, true
}

// parseMoney reads an amount written out in 元, 角 and 分, as on a
// cheque: hi is the numeral before 元, rest what follows it, which must be
// 整 or a 角/分 part so that a bare "5元" is not taken for a numeral.
func parseMoney(hi, rest string) (float64, bool) {
	v, ok := parseUnsigned(hi)
	if !ok || rest == "" {
		return 0, false
	}
	rest = strings.TrimPrefix(rest, "零")
	for _, part := range []struct {
		mark string
		v    float64
	}{{"角", 0.1}, {"分", 0.01}} {
		if i := strings.Index(rest, part.mark); i >= 0 {
			r, n := utf8.DecodeRuneInString(rest)
			d, ok := digitOf(r)
			if !ok || n != i {
				return 0, false
			}
			v += d * part.v
			rest = strings.TrimPrefix(rest[i+len(part.mark):], "零")
		}
	}
	if rest != "" && rest != "整" && rest != "正" {
		return 0, false
	}
	return v, true
}

// digitOf returns the value of a single Arabic or Chinese digit.
func digitOf(r rune) (float64, bool) {
	if r >= '0' && r <= '9' {
		return float64(r - '0'), true
	}
	d, ok := digitValue[r]
	return d, ok
}

// parseSmall reads a numeral below 10,000 with no 万 or 亿: positional
// (三十二, 一千零五, 4千230) or a plain run of digits (二〇二一, 一一).
func parseSmall(s string) (float64, bool) {
	positional := false
	for _, r := range s {
		if _, ok := unitValue[r]; ok {
			positional = true
		} else if _, ok := tensValue[r]; ok {
			positional = true
		}
	}
	if !positional {
		v := 0.0
		for _, r := range s {
			d, ok := digitOf(r)
			if !ok {
				return 0, false
			}
			v = v*10 + d
		}
		return v, true
	}
	var (
		total    float64
		cur      = -1.0 // the digit waiting for its unit, -1 if none
		curLen   int    // how many digits cur was written with
		lastUnit = 1e4  // units must fall: 千 before 百 before 十
		zero     bool   // a 零 since the last unit
		afterU   bool   // the previous token was a unit
	)
	rs := []rune(s)
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		switch {
		case r >= '0' && r <= '9':
			if cur >= 0 {
				return 0, false
			}
			j := i
			for j < len(rs) && rs[j] >= '0' && rs[j] <= '9' {
				j++
			}
			if rs[i] == '0' && afterU {
				zero = true // 1百01 = 101
			}
			v, err := strconv.ParseFloat(string(rs[i:j]), 64)
			if err != nil {
				return 0, false
			}
			cur, curLen, afterU = v, j-i, false
			i = j - 1
		case r == '零' || r == '〇' || r == '○':
			if cur >= 0 || !afterU {
				return 0, false
			}
			zero = true
		default:
			if d, ok := digitValue[r]; ok {
				if cur >= 0 {
					return 0, false
				}
				cur, curLen, afterU = d, 1, false
				continue
			}
			if t, ok := tensValue[r]; ok {
				if cur >= 0 || lastUnit <= 10 {
					return 0, false
				}
				total += t
				lastUnit, afterU, zero = 10, true, false
				continue
			}
			u, ok := unitValue[r]
			if !ok || u >= lastUnit {
				return 0, false
			}
			if cur < 0 {
				if u != 10 {
					return 0, false // 百十一 lacks its leading digit
				}
				cur = 1 // 十二, 一百十一
			}
			total += cur * u
			cur, lastUnit, afterU, zero = -1, u, true, false
		}
	}
	if cur >= 0 {
		// 二百五 = 250: a trailing digit after a unit counts in the next
		// unit down, unless a 零 came between (二百零五).
		if !zero && curLen == 1 && lastUnit > 10 && lastUnit < 1e4 {
			cur *= lastUnit / 10
		}
		total += cur
	} else if zero {
		return 0, false // 一百零
	}
	return total, true
}

// parseRateWord reads a percentage written in words: 百分之九十五 (95 %),
// 千分之三 (3 ‰), 九成 (90 %), 九成五 (95 %). It returns the value and
// its unit, "%" or "‰".
func parseRateWord(s string) (float64, string, bool) {
	s = strings.TrimSpace(s)
	for _, p := range []struct{ prefix, unit string }{{"百分之", "%"}, {"千分之", "‰"}} {
		if rest, ok := strings.CutPrefix(s, p.prefix); ok {
			if rest == "百" && p.unit == "%" {
				return 100, p.unit, true // 百分之百
			}
			v, ok := ParseNumber(rest)
			return v, p.unit, ok
		}
	}
	if i := strings.Index(s, "成"); i > 0 {
		tenths, ok := ParseNumber(s[:i])
		if !ok || tenths < 0 || tenths > 10 || tenths != float64(int(tenths)) {
			return 0, "", false
		}
		v := tenths * 10
		if rest := s[i+len("成"):]; rest != "" {
			r, n := utf8.DecodeRuneInString(rest)
			d, ok := digitOf(r)
			if !ok || n != len(rest) {
				return 0, "", false
			}
			v += d
		}
		return v, "%", true
	}
	return 0, "", false
}
