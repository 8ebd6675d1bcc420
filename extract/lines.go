package extract

import (
	"strings"
	"unicode/utf8"
)

// breaks turns every line separator a text may use into a line feed:
// CRLF (Windows), CR alone (old Mac), vertical tab and form feed (some
// exports and page breaks), NEL, and U+2028 and U+2029 (the Unicode line
// and paragraph separators that web pages and some editors write).
var breaks = strings.NewReplacer("\r\n", "\n", "\r", "\n", "\v", "\n", "\f", "\n", "\u0085", "\n", "\u2028", "\n", "\u2029", "\n")

// NormalizeBreaks returns text with every line separator a line feed, so
// that a speech reads the same whichever separator its file used. A text
// of one line with no separator at all, longer than a heading, is broken
// where its lines must have been: see unrun.
func NormalizeBreaks(text string) string {
	if hasOtherBreak(text) {
		text = breaks.Replace(text)
	}
	if t := strings.TrimSpace(text); !strings.Contains(t, "\n") && utf8.RuneCountInString(t) > oneLineMin {
		text = unrun(t)
	}
	return text
}

// hasOtherBreak reports whether text holds a line separator other than
// the line feed: strings.ContainsAny(text, "\r\v\f\u0085\u2028\u2029"),
// by a search for each byte that opens one, which strings.IndexByte does
// many bytes at a time, instead of a search of the set for each
// character. The bytes that begin NEL (C2) and U+2028/U+2029 (E2) never
// continue a character, so they are found where a decoder would read
// them, even in invalid UTF-8. E2 also opens the quotation marks and
// dashes of Chinese text, so each place it stands is looked at.
func hasOtherBreak(text string) bool {
	if strings.IndexByte(text, '\r') >= 0 || strings.IndexByte(text, '\v') >= 0 || strings.IndexByte(text, '\f') >= 0 {
		return true
	}
	for i := 0; ; i++ {
		k := strings.IndexByte(text[i:], 0xC2)
		if k < 0 {
			break
		}
		if i += k; i+1 < len(text) && text[i+1] == 0x85 {
			return true
		}
	}
	for i := 0; ; i++ {
		k := strings.IndexByte(text[i:], 0xE2)
		if k < 0 {
			return false
		}
		if i += k; i+2 < len(text) && text[i+1] == 0x80 && (text[i+2] == 0xA8 || text[i+2] == 0xA9) {
			return true
		}
	}
}

// oneLineMin is the length in characters from which a text without line
// breaks is taken for a speech whose breaks were lost, rather than a
// heading or a single sentence.
const oneLineMin = 120

// unrun breaks a speech that lost its line breaks (pasted from a web page
// or a chat, saved with the paragraphs run together) where Chinese
// official writing must have had them: before a speech heading (第二篇:),
// whose title ends with the first space or the first 讲话, 发言, 致辞 or
// 报告 that ends a phrase; around a dated line such as （2009年10月30日）;
// and before a section heading (二、, （三）) that follows the end of a
// sentence, the heading ending at a space when one comes before the
// sentence's end; and at a space after the end of a sentence, which
// Chinese writing puts only between paragraphs. Sentences stay together in their paragraph, as the
// rules that carry a subject through a paragraph need. The splitter then
// finds the headings, the date and the sentences as in the text with its
// breaks.
func unrun(text string) string {
	rs := []rune(text)
	var b strings.Builder
	b.Grow(len(text) + len(text)/20)
	for i := 0; i < len(rs); i++ {
		heading := startsHeading(rs, i)
		if heading && i > 0 {
			endLine(&b)
		}
		if heading || i == 0 {
			if n := titleEnd(rs, i, heading); n > 0 {
				b.WriteString(string(rs[i:n]))
				endLine(&b)
				i = n - 1
				continue
			}
		}
		if n := datedEnd(rs, i); n > 0 {
			endLine(&b)
			b.WriteString(string(rs[i:n]))
			endLine(&b)
			i = n - 1
			continue
		}
		if i > 0 && strings.ContainsRune("。！？!?；;:：”’」』）)", rs[i-1]) && sectionMarker(rs, i) {
			endLine(&b)
			if n := sectionEnd(rs, i); n > 0 {
				b.WriteString(string(rs[i:n]))
				endLine(&b)
				i = n // the space
				continue
			}
		}
		if (rs[i] == ' ' || rs[i] == '\u3000') && i > 0 && strings.ContainsRune("。！？!?：:", rs[i-1]) {
			endLine(&b) // Chinese puts no space after a sentence within a paragraph
			continue
		}
		b.WriteRune(rs[i])
	}
	return strings.TrimRight(b.String(), "\n") + "\n"
}

// sectionMarker reports whether rs[i:] opens with the number of a section
// heading: 一、 to 十九、, or （一） to （十九）.
func sectionMarker(rs []rune, i int) bool {
	j := i
	paren := rs[j] == '（' || rs[j] == '('
	if paren {
		j++
	}
	k := j
	for j < len(rs) && j-k < 3 && strings.ContainsRune("一二三四五六七八九十", rs[j]) {
		j++
	}
	if j == k || j >= len(rs) {
		return false
	}
	if paren {
		return rs[j] == '）' || rs[j] == ')'
	}
	return rs[j] == '、'
}

// sectionEnd returns where the section heading at rs[i:] ends, at a space
// within 50 characters and before any end of sentence, or 0.
func sectionEnd(rs []rune, i int) int {
	for j := i; j < len(rs) && j-i <= 50; j++ {
		switch {
		case rs[j] == ' ' || rs[j] == '\u3000' || rs[j] == '\t':
			return j
		case strings.ContainsRune("。！？!?", rs[j]):
			return 0
		}
	}
	return 0
}

// endLine ends the line being built, unless it is empty.
func endLine(b *strings.Builder) {
	s := b.String()
	if s != "" && !strings.HasSuffix(s, "\n") {
		b.WriteByte('\n')
	}
}

// startsHeading reports whether rs[i:] opens with the marker of a speech
// heading, 第N篇 followed by a colon.
func startsHeading(rs []rune, i int) bool {
	if rs[i] != '第' {
		return false
	}
	j := i + 1
	for j < len(rs) && j-i <= 5 && (rs[j] >= '0' && rs[j] <= '9' || strings.ContainsRune("〇零一二三四五六七八九十百两", rs[j])) {
		j++
	}
	return j > i+1 && j+1 < len(rs) && rs[j] == '篇' && (rs[j+1] == ':' || rs[j+1] == '：')
}

// titleEnd returns the end of the title at rs[i:], after the heading
// marker when marked (see unrun), or 0 when no title ending is found
// within 80 characters.
func titleEnd(rs []rune, i int, marked bool) int {
	j := i
	if marked {
		for j < len(rs) && rs[j] != ':' && rs[j] != '：' {
			j++
		}
		j++
	}
	for j < len(rs) && (rs[j] == ' ' || rs[j] == '\u3000') {
		j++
	}
	start := j
	for ; j < len(rs) && j-start <= 80; j++ {
		switch {
		case rs[j] == ' ' || rs[j] == '\u3000' || rs[j] == '\t':
			return j
		case hasWordAt(rs, j, "讲话稿", "发言稿", "讲话", "发言", "致辞", "报告"):
			n := j + 2
			if hasWordAt(rs, j, "讲话稿", "发言稿") {
				n = j + 3
			}
			if n >= len(rs) || !strings.ContainsRune("会上中）)", rs[n]) {
				return n
			}
		}
	}
	return 0
}

// hasWordAt reports whether one of words starts at rs[i].
func hasWordAt(rs []rune, i int, words ...string) bool {
	for _, w := range words {
		wr := []rune(w)
		if i+len(wr) <= len(rs) && string(rs[i:i+len(wr)]) == w {
			return true
		}
	}
	return false
}

// datedEnd returns the end of a bracketed date such as （2009年10月30日）
// at rs[i:], or 0.
func datedEnd(rs []rune, i int) int {
	if rs[i] != '(' && rs[i] != '（' {
		return 0
	}
	j := i + 1
	digits := func(min, max int) bool {
		n := 0
		for j < len(rs) && n < max && (rs[j] >= '0' && rs[j] <= '9' || strings.ContainsRune("〇零一二三四五六七八九十", rs[j])) {
			j++
			n++
		}
		return n >= min
	}
	for _, unit := range []rune("年月日") {
		if !digits(1, 4) || j >= len(rs) || rs[j] != unit {
			return 0
		}
		j++
	}
	if j < len(rs) && (rs[j] == ')' || rs[j] == '）') {
		return j + 1
	}
	return 0
}
