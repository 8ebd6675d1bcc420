package main

import (
	"fmt"
	"strings"
	"time"
	"unicode"

	"github.com/spf13/pflag"
)

// flagUsages lists the flags of fs for -h, in English or Chinese. Unlike
// pflag's FlagUsages it names a value by the placeholder of its usage or
// by a word in the help's language, not by its Go type (string, duration),
// writes the default in that language, and lines the descriptions up by
// the width the names take on a terminal, where a Chinese character takes
// two columns.
func flagUsages(fs *pflag.FlagSet, zh bool) string {
	type line struct{ left, usage string }
	var lines []line
	width := 0
	fs.VisitAll(func(f *pflag.Flag) {
		if f.Hidden {
			return
		}
		name, usage := pflag.UnquoteUsage(f)
		if name != "" && !strings.Contains(f.Usage, "`") {
			name = valueName(f.Value.Type(), zh)
		}
		left := "      --" + f.Name
		if f.Shorthand != "" {
			left = "  -" + f.Shorthand + ", --" + f.Name
		}
		if name != "" {
			left += " " + name
		}
		if d := defaultText(f); d != "" {
			if zh {
				usage += "（默认 " + d + "）"
			} else {
				usage += " (default " + d + ")"
			}
		}
		lines = append(lines, line{left, usage})
		width = max(width, displayWidth(left))
	})
	var b strings.Builder
	for _, l := range lines {
		fmt.Fprintf(&b, "%s%s   %s\n", l.left, strings.Repeat(" ", width-displayWidth(l.left)), l.usage)
	}
	return b.String()
}

// valueName names the value of a flag of Go type typ.
func valueName(typ string, zh bool) string {
	switch typ {
	case "bool":
		return ""
	case "int", "int64", "uint":
		return "N"
	case "duration":
		if zh {
			return "时长"
		}
		return "duration"
	}
	if zh {
		return "值"
	}
	return "value"
}

// defaultText is a flag's default as -h shows it, "" when it is the
// zero value, which goes without saying.
func defaultText(f *pflag.Flag) string {
	switch f.DefValue {
	case "", "false", "0", "0s", "[]":
		return ""
	}
	return f.DefValue
}

// displayWidth is how many terminal columns s takes.
func displayWidth(s string) int {
	n := 0
	for _, r := range s {
		if unicode.Is(unicode.Han, r) || r >= 0x3000 && r <= 0x303F || r >= 0xFF00 && r <= 0xFFEF {
			n += 2
		} else {
			n++
		}
	}
	return n
}

// dateReason says what is wrong with the date v of a flag, which
// extract.ParseDate rejected with err: a month or day out of range is
// named, anything else is not in the form YYYY-MM-DD.
func (p printer) dateReason(v string, err error) string {
	var y, m, d int
	if n, _ := fmt.Sscanf(v, "%4d-%2d-%2d", &y, &m, &d); n == 3 && len(v) == 10 {
		switch {
		case m < 1 || m > 12:
			return p.say(fmt.Sprintf("month %d is invalid", m), fmt.Sprintf("月份 %d 无效", m))
		case d < 1 || d > daysIn(y, m):
			return p.say(fmt.Sprintf("day %d is invalid in %d-%02d", d, y, m), fmt.Sprintf("%d年%d月没有 %d 日", y, m, d))
		}
	}
	return p.say(err.Error(), "格式应为 YYYY-MM-DD")
}

// daysIn returns the number of days of month m of year y.
func daysIn(y, m int) int {
	return time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}
