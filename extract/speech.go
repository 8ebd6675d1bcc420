package extract

import (
	"strings"
	"time"
	"unicode/utf8"
)

// rawSpeech is one speech cut from a file: its heading and body lines as
// written, before any extraction.
type rawSpeech struct {
	title string
	lines []string
}

// Speech headings (guide, "Speech"): `第一篇:标题`, and `标题篇1` /
// `标题篇一` where the text after the marker, if any, is already the body.
var (
	headingOrdinal = mustRegexp(`^\s*第([0-9]+|[〇零一二三四五六七八九十百两]+)篇\s*[:：]\s*(\S.*)$`)
	headingSuffix  = mustRegexp(`^\s*([^。，,！!？?；;:：]{2,80}?)\s*篇([0-9]+|[一二三四五六七八九十百]+)(.*)$`)
)

// parseHeading reports whether the folded line starts a speech, and if so
// returns the title and any body text that shares the heading's line, as
// byte ranges of the folded line.
func parseHeading(line string) (title, rest string, ok bool) {
	if !strings.Contains(line, "篇") {
		return "", "", false // both forms of heading hold 篇
	}
	if m := headingOrdinal().FindStringSubmatch(line); m != nil {
		return strings.TrimSpace(m[2]), "", true
	}
	m := headingSuffix().FindStringSubmatch(line)
	if m == nil {
		return "", "", false
	}
	t := strings.TrimSpace(m[1])
	// Page navigation (上一篇:…, 下一篇) and counts (通用5篇) are not headings.
	if strings.HasPrefix(t, "上一") || strings.HasPrefix(t, "下一") || strings.HasSuffix(t, "第") {
		return "", "", false
	}
	return t, strings.TrimSpace(m[3]), true
}

// splitSpeeches cuts a file's text into speeches at heading lines. Text
// before the first heading (a page's preamble) belongs to no speech. A
// text with no heading is one speech titled by its first non-empty line.
func (x *Extractor) splitSpeeches(text string) []rawSpeech {
	lines := strings.Split(NormalizeBreaks(text), "\n")
	var out []rawSpeech
	for _, line := range lines {
		// A heading holds 篇, so most lines need not be folded to see
		// they are none.
		heading := x.fold.holdsPian(line)
		if heading {
			_, _, heading = parseHeading(x.fold.foldString(line))
		}
		if !heading {
			if len(out) > 0 {
				out[len(out)-1].lines = append(out[len(out)-1].lines, line)
			}
			continue
		}
		fl := x.fold.fold(line)
		if title, rest, ok := parseHeading(fl.text); ok {
			out = append(out, rawSpeech{title: origSlice(line, fl, title)})
			if rest != "" {
				out[len(out)-1].lines = append(out[len(out)-1].lines, origSlice(line, fl, rest))
			}
			continue
		}
		if len(out) > 0 {
			out[len(out)-1].lines = append(out[len(out)-1].lines, line)
		}
	}
	if len(out) > 0 {
		return out
	}
	for i, line := range lines {
		if t := strings.TrimSpace(line); t != "" {
			return []rawSpeech{{title: t, lines: lines[i+1:]}}
		}
	}
	return nil
}

// origSlice returns the part of the original line that the folded
// substring sub (a substring of fl.text) came from.
func origSlice(line string, fl folded, sub string) string {
	i := strings.Index(fl.text, sub)
	if i < 0 {
		return sub
	}
	start := runeCount(fl.text[:i])
	sp := fl.origSpan(Span{start, start + runeCount(sub)})
	rs := []rune(line)
	return strings.TrimSpace(string(rs[sp.Start:sp.End]))
}

func runeCount(s string) int { return utf8.RuneCountInString(s) }

// speakerInTitle finds the speaker in titles such as
// `杨钊同志在全区工会……上的讲话` (guide, "Speech": speaker).
var speakerInTitle = mustRegexp(`^\s*([\p{Han}XxＸ*＊×]{1,6}?)(?:同志)?(?:在|于)[^，。]*(?:讲话|发言|报告|致辞)`)

// speakerOf returns the speaker named by title, or "" for none or a
// placeholder (XX, **).
func speakerOf(title string) string {
	m := speakerInTitle().FindStringSubmatch(title)
	if m == nil || !strings.Contains(title, "同志") {
		return ""
	}
	name := m[1]
	if strings.Trim(name, "XxＸ*＊×") == "" {
		return ""
	}
	return name
}

// Dates a speech states near its start: `(2009年10月30日)` on a line of its
// own, or `发表时间:2009-12-01`.
var (
	datedLine   = mustPattern(`^\s*[(（]?\s*([0-9〇零一二三四五六七八九]{4})\s*年\s*([0-9一二三四五六七八九十]{1,3})\s*月\s*([0-9一二三四五六七八九十]{1,3})\s*日\s*[)）]?\s*$`)
	publishedAt = mustPattern(`(?:发表|发布|印发)(?:时间|日期)\s*[:：]\s*([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})`)
)

// statedDate returns the speech date stated in the first lines of a
// speech's body (folded), or the zero Date.
func statedDate(lines []string) Date {
	seen := 0
	for _, l := range lines {
		if strings.TrimSpace(l) == "" {
			continue
		}
		if seen++; seen > 8 {
			break
		}
		for _, re := range []*pattern{datedLine, publishedAt} {
			if d, ok := lineDate(re, l); ok {
				return d
			}
		}
	}
	return Date{}
}

// lineDate returns the date the pattern re, whose groups are year, month
// and day, finds in l (a line, or a file's name), if it finds one that
// exists.
func lineDate(re *pattern, l string) (Date, bool) {
	if m := re.FindStringSubmatch(l); m != nil {
		return civilDate(m[1], m[2], m[3])
	}
	return Date{}, false
}

// closingLineCount is how many of a text's last non-empty lines may hold
// its sign-off: issuer, date, and a note such as （此件公开发布）.
const closingLineCount = 3

// signedDate returns the date a text signs off with (落款): a date alone
// on one of its last lines (closing, last first), as an official document
// ends `国务院办公厅` / `2019年1月9日`; or the zero Date. It is the date
// the text itself gives (guide, "Speech": speech_date) when its first
// lines give none.
func signedDate(closing []string) Date {
	for _, l := range closing {
		if d, ok := lineDate(datedLine, l); ok {
			return d
		}
	}
	return Date{}
}

// civilDate builds a date from year, month and day numerals (Arabic or
// Chinese), checking that it exists.
func civilDate(y, m, d string) (Date, bool) {
	yv, ok1 := ParseNumber(y)
	mv, ok2 := ParseNumber(m)
	dv, ok3 := ParseNumber(d)
	if !ok1 || !ok2 || !ok3 || mv < 1 || mv > 12 || dv < 1 || dv > 31 || yv < 1000 {
		return Date{}, false
	}
	date := NewDate(int(yv), time.Month(mv), int(dv))
	if date.Day != int(dv) {
		return Date{}, false
	}
	return date, true
}

// Dates in file names: 2024-03-05, 2024.3.5, 20240305, 2024年3月5日.
var (
	nameDateSep     = mustRegexp(`(?:^|[^0-9])((?:19|20)[0-9]{2})[-_.]([0-9]{1,2})[-_.]([0-9]{1,2})(?:[^0-9]|$)`)
	nameDateCompact = mustRegexp(`(?:^|[^0-9])((?:19|20)[0-9]{2})([01][0-9])([0-3][0-9])(?:[^0-9]|$)`)
	nameDateHan     = mustRegexp(`((?:19|20)[0-9]{2})年([0-9]{1,2})月([0-9]{1,2})日`)
)

// DateInName returns the date a file name states, or the zero Date.
func DateInName(name string) Date {
	for _, re := range []*pattern{nameDateSep(), nameDateHan(), nameDateCompact()} {
		if d, ok := lineDate(re, name); ok {
			return d
		}
	}
	return Date{}
}
