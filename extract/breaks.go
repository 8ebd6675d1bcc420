package extract

import (
	"strings"
	"unicode/utf8"
)

// A PDF or web copy breaks a paragraph into lines where its page or its
// column ended, and leaves page numbers among them. The guide ends a task
// at a line break only where the break ends a paragraph ("Task"), so such
// lines are read as the paragraph they were (issue 13).

// pageNumber returns where the page number a copy leaves at the end of a
// line or on a line of its own (—14—, - 3 -, －3－) starts in line, or -1
// when it ends with none: the start of the match of
//
//	[—－-]\s*[0-9]{1,3}\s*[—－-]\s*$
//
// read from the end of the line, where a regular expression would try
// every place of the line for a start. The match, tied to the end, has
// one start at most. Its characters are ASCII or begin with a byte that
// continues no character, so they stand where a decoder reading from the
// start would find them, even in invalid UTF-8.
func pageNumber(line string) int {
	i := trimPerlSpace(line, len(line))
	i = dashBefore(line, i)
	if i < 0 {
		return -1
	}
	i = trimPerlSpace(line, i)
	digits := i
	for i > 0 && digits-i < 4 && line[i-1] >= '0' && line[i-1] <= '9' {
		i--
	}
	if n := digits - i; n == 0 || n > 3 {
		return -1
	}
	return dashBefore(line, trimPerlSpace(line, i))
}

// trimPerlSpace returns where the blanks \s matches (\t, \n, \f, \r and
// the space) that end s[:i] begin.
func trimPerlSpace(s string, i int) int {
	for i > 0 {
		switch s[i-1] {
		case '\t', '\n', '\f', '\r', ' ':
			i--
			continue
		}
		break
	}
	return i
}

// dashBefore returns where the dash of a page number (—, －, -) that ends
// s[:i] begins, or -1 when s[:i] ends with none.
func dashBefore(s string, i int) int {
	switch {
	case i > 0 && s[i-1] == '-':
		return i - 1
	case i >= 3 && (s[i-3:i] == "—" || s[i-3:i] == "－"):
		return i - 3
	}
	return -1
}

// midSentenceMarks are the punctuation marks of running text. A line that
// holds none (a title, a name, a table's header) is not a paragraph cut
// off, whatever it ends with.
const midSentenceMarks = "，,、；;：:。！？!?"

// sentenceEndMarks end a sentence inside a line.
const sentenceEndMarks = "。！？!?；;"

// joinBrokenLines returns the lines of a speech with page numbers dropped
// and each line that a copy broke mid-sentence joined to the line that
// goes on with it. A line is broken when it ends without a sentence end or
// colon (endsSentence), holds running text, and is no numbered heading
// (a numbered line with no sentence end inside is a heading, which ends
// its paragraph without punctuation). It goes on into the next line unless
// that line is blank or opens with numbering of its own. The lines are
// not changed where nothing is broken.
func (x *Extractor) joinBrokenLines(lines []string) []string {
	var out []string
	broken := false // the last line of out breaks off mid-sentence
	for _, line := range lines {
		if at := pageNumber(line); at >= 0 {
			line = line[:at]
			if strings.TrimSpace(line) == "" {
				continue // a page number alone on its line
			}
		}
		t := strings.TrimSpace(line)
		if broken && t != "" && paragraphKind(x.fold.foldString(t)) == paraPlain && !isTagLine(x.fold.foldString(t)) {
			last := len(out) - 1
			out[last] = strings.TrimRightFunc(out[last], isBlank) + t
		} else {
			out = append(out, line)
		}
		broken = t != "" && x.breaksOff(out[len(out)-1])
	}
	return out
}

// breaksOff reports whether line stops in the middle of a sentence.
func (x *Extractor) breaksOff(line string) bool {
	if endsSentence(line) || !strings.ContainsAny(line, midSentenceMarks) || isTagLine(x.fold.foldString(line)) {
		return false // a tag line stands alone: 牵头单位：市住建局
	}
	body := strings.TrimRightFunc(line, isBlank)
	last, size := utf8.DecodeLastRuneInString(body)
	if strings.ContainsRune("）)】", last) {
		return false // a tag or an aside closes the line: ……。（牵头单位：市教育局）
	}
	if paragraphKind(x.fold.foldString(line)) == paraPlain {
		return true
	}
	// A numbered paragraph is cut off only where a sentence ended in it
	// before the break: (三)坚持依法行政,提升服务形象。要大力推进……规范.
	return strings.ContainsAny(body[:len(body)-size], sentenceEndMarks)
}
