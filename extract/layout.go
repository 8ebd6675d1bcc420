package extract

import (
	"errors"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// ErrNoTextLayer is a laid-out document (a PDF, an OFD) with no text: a
// scan, which needs OCR before it can be read.
var ErrNoTextLayer = errors.New("no text layer (a scanned document?); it needs OCR")

// A layoutLine is one line of text as a page lays it out: its text, where
// it starts and where it ends, in the width of one Latin character (half
// a Chinese one) from the page's left edge.
type layoutLine struct {
	text        string
	left, right float64
	cells       bool // a row of table cells, separated by tabs
}

// PDFText returns the text of a PDF from what poppler's pdftotext -layout
// printed for it (pages separated by form feeds, lines laid out with
// spaces as on the page), as speechledger reads a speech: see joinPages.
// It fails with ErrNoTextLayer when the PDF holds no text.
func PDFText(layout string) (string, error) {
	if !utf8.ValidString(layout) {
		layout = strings.ToValidUTF8(layout, "\uFFFD")
	}
	var pages [][]layoutLine
	for _, page := range strings.Split(layout, "\f") {
		var lines []layoutLine
		for _, l := range strings.Split(page, "\n") {
			lines = append(lines, pdfLine(l))
		}
		pages = append(pages, lines)
	}
	return joinPages(pages)
}

// cellGap separates the cells of a table row in pdftotext's layout: a run
// of three spaces or more inside a line.
var cellGap = regexp.MustCompile(`\S( {3,})\S`)

// pdfLine turns one line of pdftotext's layout into a layoutLine.
func pdfLine(l string) layoutLine {
	l = strings.TrimRight(l, " \t\r")
	trimmed := strings.TrimLeft(l, " \t")
	left := float64(textWidth(l[:len(l)-len(trimmed)]))
	line := layoutLine{left: left, right: float64(textWidth(l))}
	if cellGap.MatchString(trimmed) {
		line.cells = true
		var cells []string
		for _, c := range regexp.MustCompile(` {3,}`).Split(trimmed, -1) {
			cells = append(cells, c)
		}
		trimmed = strings.Join(cells, "\t")
	}
	line.text = trimmed
	return line
}

// textWidth is the width of s in Latin characters: a Chinese character,
// or any wide one, takes two.
func textWidth(s string) int {
	n := 0
	for _, r := range s {
		n++
		if wide(r) {
			n++
		}
	}
	return n
}

// wide reports whether r takes the width of two Latin characters: Chinese
// characters and punctuation, and the quotation marks, dashes and
// ellipsis that Chinese fonts set as wide as a character.
func wide(r rune) bool {
	if r >= 0x2014 && r <= 0x2026 && r != 0x2017 && r != 0x2023 && r != 0x2024 || r == 0x00B7 {
		return true
	}
	return r >= 0x1100 && (r <= 0x115F || r >= 0x2E80 && r <= 0xA4CF && r != 0x303F ||
		r >= 0xAC00 && r <= 0xD7A3 || r >= 0xF900 && r <= 0xFAFF || r >= 0xFE30 && r <= 0xFE4F ||
		r >= 0xFF00 && r <= 0xFF60 || r >= 0xFFE0 && r <= 0xFFE6 || r >= 0x20000 && r <= 0x3FFFD)
}

// Page furniture: page numbers as Chinese documents print them (—3—,
// - 3 -, 第3页, 第3页 共10页, 3/10, Page 3).
var printedPageNumber = regexp.MustCompile(`^(?:[-－—–―~～·\s]*[0-9０-９]+[-－—–―~～·\s]*|第\s*[0-9０-９一二三四五六七八九十百]+\s*页(?:\s*[,，/]?\s*共\s*[0-9０-９]+\s*页)?|[0-9]+\s*/\s*[0-9]+|(?i:page)\s*[0-9]+(?:\s*(?i:of)\s*[0-9]+)?)$`)

// joinPages turns laid-out pages into the text of a speech:
//
//   - page furniture goes: a page number on a page's first or last line,
//     and a running header or footer, a first or last line that repeats
//     (numbers aside) on at least half the pages, two pages at least;
//   - lines the layout broke inside a paragraph are joined again: a line
//     that reaches the right margin (within two Chinese characters and a
//     Latin word of where most long lines end; where paragraphs open with
//     an indent, half way there is enough, as justified lines with Latin
//     text print short) goes on in the next, across a page break too,
//     unless the next starts further right (a first-line indent, a
//     centred line) or opens a heading (一、, （一）, 1., 第二篇; and where
//     there are no indents, 一是 and 二要 after a sentence's end);
//   - a table row keeps its cells on one line, separated by tabs;
//   - a single space the layout put after or before a Chinese character,
//     next to another or to a number or other ASCII character, goes
//     (2009 年 → 2009年, 各 級 → 各級), as Chinese text has none.
//
// It fails with ErrNoTextLayer when no page holds text.
func joinPages(pages [][]layoutLine) (string, error) {
	dropFurniture(pages)
	var body []layoutLine
	for _, p := range pages {
		for _, l := range p {
			if strings.TrimSpace(l.text) != "" {
				body = append(body, l)
			}
		}
	}
	if len(body) == 0 {
		return "", ErrNoTextLayer
	}
	margin, left := rightMargin(body), body[0].left
	for _, l := range body {
		left = min(left, l.left)
	}
	// Where paragraphs open with an indent, the indent tells where they
	// start; elsewhere an enumeration after a sentence's end does too.
	indented := 0
	for _, l := range body {
		if l.left >= left+2 {
			indented++
		}
	}
	items := indented < len(body)/20+1
	var b strings.Builder
	for i, l := range body {
		b.WriteString(closeSpaces(l.text))
		if i+1 == len(body) {
			break
		}
		next := body[i+1]
		// A line is full within two Chinese characters, and the width of
		// a Latin word or number that did not fit.
		slack := 4.0 + float64(textWidth(leadingLatin(next.text)))
		full := l.right >= margin-slack
		if !items {
			// Justified lines holding Latin text (pinyin, numbers) print
			// fewer characters than they hold room for: where the indent
			// tells paragraphs apart, a line at least half as long
			// as the others goes on in the next unindented one.
			full = l.right-left >= (margin-left)/2
		}
		if full && !l.cells && !next.cells && margin-left > 20 && next.left <= left+1 && !opensHeading(next.text, l.text, items) {
			if endsLatin(l.text) && startsLatin(next.text) {
				b.WriteByte(' ')
			}
			continue
		}
		b.WriteByte('\n')
	}
	b.WriteByte('\n')
	return b.String(), nil
}

// rightMargin returns where the lines of body end when full: the median
// end of the long lines, most of which are full in running text, so that
// punctuation hanging past the margin and short lines count for nothing.
func rightMargin(body []layoutLine) float64 {
	longest := 0.0
	for _, l := range body {
		longest = max(longest, l.right)
	}
	var ends []float64
	for _, l := range body {
		if l.right >= longest*0.8 {
			ends = append(ends, l.right)
		}
	}
	slices.Sort(ends)
	return ends[len(ends)/2]
}

// leadingLatin returns the run of Latin characters (a word, a number,
// pinyin in brackets) that s starts with.
func leadingLatin(s string) string {
	for i, r := range s {
		if wide(r) || r == ' ' {
			return s[:i]
		}
	}
	return s
}

// dropFurniture blanks the page numbers and running headers and footers
// of pages (see joinPages).
func dropFurniture(pages [][]layoutLine) {
	first := func(p []layoutLine) int {
		for i, l := range p {
			if strings.TrimSpace(l.text) != "" {
				return i
			}
		}
		return -1
	}
	last := func(p []layoutLine) int {
		for i := len(p) - 1; i >= 0; i-- {
			if strings.TrimSpace(p[i].text) != "" {
				return i
			}
		}
		return -1
	}
	for _, end := range []func([]layoutLine) int{first, last} {
		// Page numbers first: a footer may sit above the number.
		for pass := 0; pass < 2; pass++ {
			counts := map[string]int{}
			for _, p := range pages {
				if i := end(p); i >= 0 {
					counts[furnitureKey(p[i].text)]++
				}
			}
			for _, p := range pages {
				i := end(p)
				if i < 0 {
					continue
				}
				t := strings.TrimSpace(p[i].text)
				if printedPageNumber.MatchString(t) || len(pages) >= 2 && counts[furnitureKey(t)]*2 >= len(pages) && counts[furnitureKey(t)] >= 2 {
					p[i].text = ""
				}
			}
		}
	}
}

// furnitureKey is a line as running headers and footers repeat it: digits
// (the page number) and spaces aside.
func furnitureKey(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case unicode.IsSpace(r):
			return -1
		case r >= '0' && r <= '9' || r >= '０' && r <= '９':
			return '#'
		}
		return r
	}, s)
}

// Openings of a heading or list item that starts a paragraph of its own:
// numbers (一、 （一） (1) 1. 1、 ① 第二篇 第一章), and the enumerations of
// speeches (一是, 二要), which open a paragraph only after a sentence's end.
var (
	headingOpening = regexp.MustCompile(`^\s*(?:[一二三四五六七八九十百]+[、.．]|[(（][一二三四五六七八九十百0-9]+[)）]|[0-9]+[、.．](?:[^0-9]|$)|[①-⑳]|第[一二三四五六七八九十百0-9]+[篇章节条部分])`)
	itemOpening    = regexp.MustCompile(`^\s*(?:[一二三四五六七八九十]{1,2}[是要]|其[一二三四五六七八九十]|首先|其次|再次|最后)`)
)

// opensHeading reports whether a line opens with a heading's number, or,
// when items is set, with an enumeration after a line that ended a
// sentence.
func opensHeading(s, before string, items bool) bool {
	if headingOpening.MatchString(s) {
		return true
	}
	if !items {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(before)
	return strings.ContainsRune("。！？；：!?;:", r) && itemOpening.MatchString(s)
}

// closeSpaces removes single spaces between a Chinese character and
// another, or a digit, Latin letter or other ASCII character, which a
// layout puts there (justified lines are stretched with them) and Chinese
// text does not have.
func closeSpaces(s string) string {
	if !strings.Contains(s, " ") {
		return s
	}
	rs := []rune(s)
	out := rs[:0:0]
	for i, r := range rs {
		if r == ' ' && i > 0 && i+1 < len(rs) && rs[i+1] != ' ' && rs[i-1] != ' ' &&
			(wide(rs[i-1]) && (isLatin(rs[i+1]) || wide(rs[i+1])) || isLatin(rs[i-1]) && wide(rs[i+1])) {
			continue
		}
		out = append(out, r)
	}
	return string(out)
}

// isLatin reports whether r is a printing ASCII character other than
// the space.
func isLatin(r rune) bool { return r > ' ' && r < 0x7F }

func isAlnum(r rune) bool {
	return r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r == '%' || r == '.'
}

func endsLatin(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r) || r == ',' || r == '.')
}

func startsLatin(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r))
}
