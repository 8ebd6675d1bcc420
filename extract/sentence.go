package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
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
	rs, foff := runesOf(fl.text)
	orig, off := runesOf(line)
	var out []sentence
	start := 0
	// Folding finds ruby annotations by their place in the text as
	// written, which in invalid UTF-8 is not the same in a sentence as in
	// its line: only a valid line gives the folds of its sentences.
	valid := utf8.ValidString(line)
	emit := func(end int) {
		sp := fl.origSpan(Span{start, end})
		a, b := sp.Start, sp.End
		for a < b && isBlank(orig[a]) {
			a++
		}
		for b > a && isBlank(orig[b-1]) {
			b--
		}
		from := start
		start = end
		var text string
		if valid {
			text = line[off[a]:off[b]]
		} else {
			text = string(orig[a:b])
		}
		if text == "" || !hasLetter(text) {
			return
		}
		var fold folded
		if valid {
			fold = fl.part(foff, from, end, a, b)
		} else {
			fold = x.fold.fold(text)
		}
		out = append(out, sentence{text: text, fold: fold})
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

// runesOf returns the runes of s, as []rune(s) does, and the byte offset
// in s of each, then len(s).
func runesOf(s string) ([]rune, []int) {
	n := utf8.RuneCountInString(s)
	rs, off := make([]rune, 0, n), make([]int, 0, n+1)
	for i, r := range s {
		rs = append(rs, r)
		off = append(off, i)
	}
	return rs, append(off, len(s))
}

// part returns the fold of the text as written from rune a to b, the
// sentence that the folded runes from to end (off, their byte offsets in
// fd.text) came from, less the blanks around it. Folding the sentence on its own would
// give the same: a ruby annotation lies wholly inside a sentence or
// wholly outside it, and whether a blank is kept depends on the runes
// either side of it, which the sentence holds, or on a rune before it that
// is neither a letter nor a digit (a sentence end, a blank, or none). The
// text as written must be valid UTF-8.
func (fd folded) part(off []int, from, end, a, b int) folded {
	for from < end && fd.orig[from] < a {
		from++
	}
	for end > from && fd.orig[end-1] >= b {
		end--
	}
	orig := make([]int, 0, end-from+1)
	for _, o := range fd.orig[from:end] {
		orig = append(orig, o-a)
	}
	return folded{text: fd.text[off[from]:off[end]], orig: append(orig, b-a)}
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
