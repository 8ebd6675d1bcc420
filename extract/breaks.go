package extract

import (
	"strings"
	"unicode/utf8"
)

// A PDF or web copy breaks a paragraph into lines where its page or its
// column ended, and leaves page numbers among them. The guide ends a task
// at a line break only where the break ends a paragraph ("Task"), so such
// lines are read as the paragraph they were (issue 13).

// pageNumber matches a page number a copy leaves at the end of a line or
// on a line of its own: —14—, - 3 -, －3－.
var pageNumber = mustRegexp(`[—－-]\s*[0-9]{1,3}\s*[—－-]\s*$`)

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
		if loc := pageNumber().FindStringIndex(line); loc != nil {
			line = line[:loc[0]]
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
