package extract

import (
	"strings"
	"unicode/utf8"
)

// This file decides cheaply where a time phrase may start, so that
// FindTimes tries the grammar at few positions of a sentence.

// startRunes holds every rune a time phrase can start with: digits,
// numerals and the first runes of the words the grammar below reads, and
// the first runes of festivals' names. It lets FindTimes skip most
// positions cheaply; TestStartRunes checks it misses nothing on the seed
// texts.
var startRunes = func() *runeSet {
	s := new(runeSet)
	for _, r := range grammarStarts {
		s.add(r)
	}
	for name := range festivals {
		r, _ := utf8.DecodeRuneInString(name)
		s.add(r)
	}
	return s
}()

// grammarStarts are the runes a time phrase can start with other than at
// a festival's name.
const grammarStarts = "0123456789" + cnDigits + "十百千" +
	"今明去前后上下本这当次翌昨大来从自截到不最直元农正腊冬寒暑春夏秋年全岁底末终初伊第首头半会在未再过奋用利苦决周星礼週开新民月中即“"

// festivalOnly holds the runes of startRunes that only a festival's name
// starts with (教 of 教师节, 高 of 高考): a phrase can start at one only
// where a festival is named, and most of their places name none.
var festivalOnly = func() *runeSet {
	s := new(runeSet)
	for name := range festivals {
		if r, _ := utf8.DecodeRuneInString(name); !strings.ContainsRune(grammarStarts, r) {
			s.add(r)
		}
	}
	return s
}()

// startWords lists, for a rune of grammarStarts that the grammar reads at
// the start of a phrase only as the first rune of a few words, those words
// (在 only in 在今后, 不 only in 不晚于): most places such a rune opens name
// none of them. A festival's name may open there too.
var startWords = map[rune][]string{
	'在': {"在今后"},
	'不': {"不晚于"},
	'民': {"民国", "民國"},
	'大': {"大前年", "大后年", "大年初", "大后天", "大干"},
	'会': {"会议结束后", "会后"},
	'农': {"农历"},
	'即': {"即日"},
	'“': {"“十"}, // “十三五”期间
}

// wordStarts holds the runes startWords lists words for.
var wordStarts = func() *runeSet {
	s := new(runeSet)
	for r := range startWords {
		s.add(r)
	}
	return s
}()

// mayStart reports whether a time phrase may start at i, by the rune there
// and, for the runes of festivalOnly and wordStarts, the words it opens.
// Where it reports false, phrase finds nothing; TestMayStart and
// FuzzMayStart check that.
func (p *parser) mayStart(i int) bool {
	r := p.rs[i]
	switch {
	case !startRunes.has(r):
		return false
	case festivalOnly.has(r):
		return p.namesFestival(i)
	case wordStarts.has(r):
		if k, _ := p.lit(i, startWords[r]...); k > 0 {
			return true
		}
		return p.namesFestival(i)
	}
	return true
}
