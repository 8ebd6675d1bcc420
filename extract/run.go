package extract

import (
	"strings"
	"unicode/utf8"
)

// openingBodies returns the bodies of bs, found in d, that are the subject
// of its first directive: those that begin before the end of the clause
// holding the first marker that can name a subject (要, 必须, 请, 负责 …).
// Only they open a run (guide, "Responsible body": a body named as the
// subject of a run of directives is carried); a body that is the subject
// of a later clause only (要坚持审批制度，报账时核算中心要严格把关) is a side
// subject of its sentence.
func (d *directed) openingBodies(bs []Body) []Body {
	if len(bs) == 0 {
		return bs
	}
	offsets := runeCounter{s: d.blank}
	for _, m := range d.markers {
		word := d.blank[m[0]:m[1]]
		if _, ok := leadingMarker(word); !ok && !modalMarker.MatchString(word) {
			continue
		}
		rs, _ := d.runes()
		end := clauseEnd(rs, offsets.at(m[0]))
		out := make([]Body, 0, len(bs))
		for _, b := range bs {
			if b.Span.End <= b.Span.Start || b.Span.Start < end {
				out = append(out, b)
			}
		}
		return out
	}
	return bs
}

// inlineEnumerator matches a sentence that opens an inline bullet with an
// enumerating word rather than a numeral: 首先，…… 其次，…… 一方面，……
// 另一方面，…….
var inlineEnumerator = mustPattern(`^(?:首先|其次|再次|最后|一方面|另一方面)[,，]`)

// inlineHeading reports whether a folded sentence inside a paragraph is
// an unnumbered inline heading: a short directive with no number that
// names a topic in one phrase (要加大督查力度。, 要服务企业促转型。) or in
// two short ones (要健全组织，明确责任。), and opens the sentences after
// it as a bullet does (guide, "Clarifications").
func inlineHeading(s string) bool {
	s = strings.TrimRightFunc(s, isBlank)
	end, size := utf8.DecodeLastRuneInString(s)
	if end != '。' && end != '!' && end != '！' {
		return false
	}
	body := s[:len(s)-size]
	if !strings.HasPrefix(body, "要") || strings.ContainsAny(body, "；;：:0123456789") {
		return false
	}
	first, second, two := strings.Cut(strings.ReplaceAll(body, ",", "，"), "，")
	if !two {
		n := utf8.RuneCountInString(body)
		return n >= 5 && n <= inlineHeadingRunes
	}
	return phraseRunes(first) && phraseRunes(second) && !strings.Contains(second, "，")
}

// phraseRunes reports whether s is as long as one phrase of a two-phrase
// inline heading (明确责任, 要贴近实际).
func phraseRunes(s string) bool {
	n := utf8.RuneCountInString(s)
	return n >= 3 && n <= 6
}

// inlineHeadingRunes is the longest one-phrase inline heading, in runes:
// a heading names a topic in a few words (要大力构建干部活力彰显平台 is 13).
const inlineHeadingRunes = 14

// inlineBullet reports whether a folded sentence inside a paragraph opens
// an inline bullet with an ordinal (二要, 三是, 第三，), an enumerating word
// (首先，, 另一方面，) or an item's numbering (……。3.普通高中聚焦……).
func inlineBullet(s string) bool {
	return inlineOrdinal.MatchString(s) || inlineEnumerator.MatchString(s) || paragraphKind(s) != paraPlain
}

// startBullet notes that an inline bullet begins: a subject named inside
// the bullet before it is not carried past it.
func (pr *paragraphReading) startBullet() {
	if pr.openInBullet {
		pr.open, pr.openInBullet, pr.leftBehind = nil, false, true
	}
	if len(pr.inBullet) > 0 {
		pr.inBullet, pr.leftBehind = nil, true
	}
	pr.clauseSubject = nil // a bullet opens a sentence of its own
	pr.sawBullet = true
}

// lastClauseBodies returns the bodies of bs, found in text, that the
// clause of the last of them names: the subject a clause after a ； goes
// on with (……，市教育局将……纳入考评；对工作滞后的进行通报。).
func lastClauseBodies(text string, bs []Body) []Body {
	last := -1
	for _, b := range bs {
		if b.Span.End > b.Span.Start {
			last = max(last, b.Span.Start)
		}
	}
	if last < 0 {
		return bs
	}
	start := clauseStart([]rune(text), last)
	out := make([]Body, 0, len(bs))
	for _, b := range bs {
		if b.Span.End > b.Span.Start && b.Span.Start >= start {
			out = append(out, b)
		}
	}
	return out
}
