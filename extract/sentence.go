package extract

import (
	"strings"
	"unicode"
)

// sentence is one sentence of a paragraph: as written, and folded for the
// rules. Offsets in the folded copy map back to the original through fold.
type sentence struct {
	text string // as written, trimmed, with its closing mark
	fold folded // normalised copy of text
	tag  []Body // bodies of the responsibility tag closing its item
}

// isSentenceEnd reports whether the folded rune rs[i] ends a sentence
// (guide, "Task": 。！？； and their half-width forms). A half-width ? next
// to another ? is garbling from a lost encoding, not punctuation.
func isSentenceEnd(rs []rune, i int) bool {
	switch rs[i] {
	case '。', '!', ';', '！', '；':
		return true
	case '?', '？':
		// Garbling: ?? runs, and a ? standing for a lost character
		// before ruby pinyin (要?jiǎng)).
		if rs[i] == '?' && (i > 0 && rs[i-1] == '?' || i+1 < len(rs) && (rs[i+1] == '?' || rs[i+1] < 0x80 && unicode.IsLetter(rs[i+1]))) {
			return false
		}
		return true
	}
	return false
}

// closers may follow a sentence end and still belong to the sentence.
const closers = `”’」』）)"'】`

// splitSentences cuts one paragraph (a line as written) into sentences. A
// line break always ends a sentence.
func (x *Extractor) splitSentences(line string) []sentence {
	return x.splitFolded(line, x.fold.fold(line))
}

// splitFolded is splitSentences for a line already folded as fl.
func (x *Extractor) splitFolded(line string, fl folded) []sentence {
	rs := []rune(fl.text)
	orig := []rune(line)
	var out []sentence
	start := 0
	emit := func(end int) {
		sp := fl.origSpan(Span{start, end})
		text := strings.TrimFunc(string(orig[sp.Start:sp.End]), isBlank)
		start = end
		if text == "" || !hasLetter(text) {
			return
		}
		out = append(out, sentence{text: text, fold: x.fold.fold(text)})
	}
	for i := 0; i < len(rs); i++ {
		if !isSentenceEnd(rs, i) {
			continue
		}
		end := i + 1
		for end < len(rs) && (strings.ContainsRune(closers, rs[end]) || isSentenceEnd(rs, end)) {
			end++
		}
		emit(end)
		i = end - 1
	}
	if start < len(rs) {
		emit(len(rs))
	}
	return out
}

func isBlank(r rune) bool { return unicode.IsSpace(r) || r == '\u3000' || r == '\ufeff' }

func hasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

// Paragraph kinds, by the numbering a paragraph opens with. Levels nest:
// a run of directives led by a paragraph ends at a heading of a level at or
// above the lead's (guide, "Clarifications").
const (
	paraPlain  = iota
	paraLevel1 // 一、
	paraLevel2 // (一)
	paraLevel3 // 1、 (1)
	paraBullet // ——要…, 一要…, 一是…, 第一,…
)

var (
	level1Mark = mustPattern(`^\s*[一二三四五六七八九十壹贰叁肆伍陆柒捌玖拾]{1,3}\s*[、.]`)
	level2Mark = mustPattern(`^\s*[(（][一二三四五六七八九十]{1,3}[)）]`)
	level3Mark = mustPattern(`^\s*(?:[0-9]{1,2}\s*[、.)）](?:[^0-9]|$)|[(（][0-9]{1,2}[)）]|[①②③④⑤⑥⑦⑧⑨⑩])`)
	bulletMark = mustPattern(`^\s*(?:[—-]{1,2}|[·•●▲■◆]|[一二三四五六七八九十]{1,2}(?:要|是|抓|把|在|以|对|加强|强化|坚持)|第[一二三四五六七八九十]{1,2}\s*[,，、:：]|首先|其次|再次|最后)`)
)

// paragraphKind classifies a folded paragraph by its opening numbering.
func paragraphKind(s string) int {
	switch {
	case level2Mark.MatchString(s):
		return paraLevel2
	case level1Mark.MatchString(s):
		return paraLevel1
	case level3Mark.MatchString(s):
		return paraLevel3
	case bulletMark.MatchString(s):
		return paraBullet
	}
	return paraPlain
}

// isItem reports whether a paragraph kind is a numbered item or bullet
// that a lead line can introduce.
func isItem(kind int) bool {
	return kind == paraLevel2 || kind == paraLevel3 || kind == paraBullet
}
