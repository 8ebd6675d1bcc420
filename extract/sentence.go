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

// isSentenceEnd reports whether the folded rune r ends a sentence
// (guide, "Task": 。！？； and their half-width forms); prev is the rune
// before it (0 at the start) and after the text after it. A half-width ?
// next to another ? is garbling from a lost encoding, not punctuation.
func isSentenceEnd(prev, r rune, after string) bool {
	switch r {
	case '。', '!', ';', '！', '；', '？':
		return true
	case '?':
		// Garbling: ?? runs, and a ? standing for a lost character
		// before ruby pinyin (要?jiǎng)).
		next, _ := utf8.DecodeRuneInString(after)
		if prev == '?' || next == '?' || next < 0x80 && unicode.IsLetter(next) {
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

// splitFolded is splitSentences for a line already folded as fl. It walks
// both texts by their bytes rather than converting them to runes: a run
// splits every paragraph, and the conversions were most of what it
// allocated.
func (x *Extractor) splitFolded(line string, fl folded) []sentence {
	t := fl.text
	// Nearly every sentence ends with 。: counting them sizes out, which
	// otherwise grows as each sentence is added.
	out := make([]sentence, 0, strings.Count(t, "。")+1)
	start, startByte := 0, 0 // where the current sentence starts in t, in runes and bytes
	// Folding finds ruby annotations by their place in the text as
	// written, which in invalid UTF-8 is not the same in a sentence as in
	// its line: only a valid line gives the folds of its sentences. An
	// invalid one is read as runes, as []rune reads it.
	valid := fl.valid
	var orig []rune
	if !valid {
		orig = []rune(line)
	}
	// lr is a rune offset in line and lb its byte offset; sentences come
	// in order, so it only moves forward. It is used only on a valid line,
	// where each character's first byte gives its length.
	lr, lb := 0, 0
	advance := func(to int) int {
		for ; lr < to; lr++ {
			lb += seqLen(line[lb])
		}
		return lb
	}
	emit := func(end, endByte int) {
		sp := fl.origSpan(Span{start, end})
		a, b := sp.Start, sp.End
		var text string
		if valid {
			ab, bb := advance(a), advance(b)
			for a < b {
				r, n := utf8.DecodeRuneInString(line[ab:bb])
				if !isBlank(r) {
					break
				}
				a, ab = a+1, ab+n
			}
			for b > a {
				r, n := utf8.DecodeLastRuneInString(line[ab:bb])
				if !isBlank(r) {
					break
				}
				b, bb = b-1, bb-n
			}
			text = line[ab:bb]
		} else {
			for a < b && isBlank(orig[a]) {
				a++
			}
			for b > a && isBlank(orig[b-1]) {
				b--
			}
			text = string(orig[a:b])
		}
		from, fromByte := start, startByte
		start, startByte = end, endByte
		if text == "" || !hasLetter(text) {
			return
		}
		var fold folded
		if valid {
			fold = fl.part(from, end, fromByte, endByte, a, b)
		} else {
			fold = x.fold.fold(text)
		}
		out = append(out, sentence{text: text, fold: fold})
	}
	var prev rune // the rune before i
	i := 0        // the rune offset in t of byte bi
	for bi := 0; bi < len(t); {
		if r, n, ok := endsNoSentence(t, bi); ok {
			prev, i, bi = r, i+1, bi+n
			continue
		}
		r, n := decodeRune(t, bi)
		if !isSentenceEnd(prev, r, t[bi+n:]) {
			prev, i, bi = r, i+1, bi+n
			continue
		}
		prev, i, bi = r, i+1, bi+n
		for bi < len(t) {
			c, m := decodeRune(t, bi)
			if !strings.ContainsRune(closers, c) && !isSentenceEnd(prev, c, t[bi+m:]) {
				break
			}
			prev, i, bi = c, i+1, bi+m
		}
		emit(i, bi)
	}
	if startByte < len(t) {
		emit(i, len(t))
	}
	return out
}

// endsNoSentence reads the character at byte i of the folded text t
// when, by its first byte, it can end no sentence: an ASCII character
// other than !, ; and ?, or one of three bytes other than those that
// open 。！？；(E3 and EF). It returns the character and its length,
// with ok false for any other, which the caller decodes. Folding writes
// U+FFFD for each byte that is not valid UTF-8, so t is valid, and a
// three-byte character's first byte gives its length.
func endsNoSentence(t string, i int) (r rune, n int, ok bool) {
	switch c := t[i]; {
	case c < 0x80:
		return rune(c), 1, c != '!' && c != ';' && c != '?'
	case c >= 0xE0 && c < 0xF0 && c != 0xE3 && c != 0xEF && i+2 < len(t):
		return rune(c&0x0F)<<12 | rune(t[i+1]&0x3F)<<6 | rune(t[i+2]&0x3F), 3, true
	}
	return 0, 0, false
}

// seqLen returns the length of the UTF-8 sequence that the byte c opens,
// which in valid UTF-8 is the length of the character it opens.
func seqLen(c byte) int {
	switch {
	case c < 0xC0:
		return 1
	case c < 0xE0:
		return 2
	case c < 0xF0:
		return 3
	}
	return 4
}

// runesOf returns the runes of s, as []rune(s) does, and the byte offset
// in s of each, then len(s). Both are int32, and share one allocation: a
// run reads most sentences as runes, and no sentence runs to 2 GiB.
func runesOf(s string) ([]rune, []int32) {
	n := utf8.RuneCountInString(s)
	buf := make([]int32, 2*n+1)
	rs, off := buf[:n:n], buf[n:]
	k := 0
	for i, r := range s {
		rs[k], off[k] = r, int32(i)
		k++
	}
	off[n] = int32(len(s))
	return rs, off
}

// part returns the fold of the text as written from rune a to b, the
// sentence that the folded runes from to end (fromByte to endByte in
// fd.text) came from, less the blanks around it. Folding the sentence on
// its own would give the same: a ruby annotation lies wholly inside a
// sentence or wholly outside it, and whether a blank is kept depends on
// the runes either side of it, which the sentence holds, or on a rune
// before it that is neither a letter nor a digit (a sentence end, a blank,
// or none). The text as written must be valid UTF-8.
func (fd folded) part(from, end, fromByte, endByte, a, b int) folded {
	for from < end && int(fd.orig[from]) < a {
		_, n := utf8.DecodeRuneInString(fd.text[fromByte:])
		from, fromByte = from+1, fromByte+n
	}
	for end > from && int(fd.orig[end-1]) >= b {
		_, n := utf8.DecodeLastRuneInString(fd.text[:endByte])
		end, endByte = end-1, endByte-n
	}
	orig := make([]int32, end-from+1)
	for k, o := range fd.orig[from:end] {
		orig[k] = o - int32(a)
	}
	orig[end-from] = int32(b - a)
	return folded{text: fd.text[fromByte:endByte], orig: orig, valid: true}
}

// isBlank reports whether r is a blank: white space, the ideographic
// space, or a byte order mark.
func isBlank(r rune) bool {
	if r > '\u3000' {
		// No white space lies above the ideographic space, where nearly
		// every character of Chinese text does, and the table need not be
		// searched.
		return r == '\ufeff'
	}
	return unicode.IsSpace(r) || r == '\u3000'
}

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
	level1Mark     = mustPattern(`^\s*[一二三四五六七八九十壹贰叁肆伍陆柒捌玖拾]{1,3}\s*[、.]`)
	level2Mark     = mustPattern(`^\s*[(（][一二三四五六七八九十]{1,3}[)）]`)
	level3Mark     = mustPattern(`^\s*(?:[0-9]{1,2}\s*[、.)）](?:[^0-9]|$)|[(（][0-9]{1,2}[)）]|[①②③④⑤⑥⑦⑧⑨⑩])`)
	ordinalHeading = mustPattern(`^\s*第[一二三四五六七八九十]{1,2}\s*[,，、]`)
	bulletMark     = mustPattern(`^\s*(?:[—-]{1,2}|[·•●▲■◆]|[一二三四五六七八九十]{1,2}(?:要|是|抓|把|在|以|对|加强|强化|坚持)|第[一二三四五六七八九十]{1,2}\s*[,，、:：]|首先|其次|再次|最后)`)
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
	case ordinalHeading.MatchString(s) && !endsSentence(s):
		// 第三、积极推进技术进步 on a line of its own, with no sentence
		// end, heads a part of the text; 第三，要…… is a bullet.
		return paraLevel1
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
