package extract

import (
	"math"
	"regexp"
	"strconv"
	"testing"
)

var plainArabic = regexp.MustCompile(`^[0-9]+(\.[0-9]+)?$`)

// FuzzParseNumber checks that ParseNumber never panics, never returns an
// infinity or NaN with ok, and agrees with strconv on plain Arabic numerals.
func FuzzParseNumber(f *testing.F) {
	for _, s := range []string{
		"0", "48", "3.9", "1,000", "三十二", "两千五百", "一万", "二〇二一", "壹贰叁",
		"1.2万", "3千", "百分之九十五", "九成", "负十一", "廿二", "一百二十万三",
		"200亿零四千230", "1百01", "玖仟陆佰陆拾伍圆壹角捌分", "零点", "十一十二", "万亿",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, ok := ParseNumber(s)
		if ok && (math.IsInf(v, 0) || math.IsNaN(v)) {
			t.Fatalf("ParseNumber(%q) = %v, true", s, v)
		}
		if plainArabic.MatchString(s) {
			want, err := strconv.ParseFloat(s, 64)
			if err != nil || math.IsInf(want, 0) {
				return
			}
			if !ok || v != want {
				t.Fatalf("ParseNumber(%q) = %v, %v; strconv gives %v", s, v, ok, want)
			}
		}
		parseRateWord(s)
	})
}
