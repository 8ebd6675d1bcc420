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
// 另一方面，……, or the spoken 一个是……，另一个是…….
var inlineEnumerator = mustPattern(`^(?:(?:首先|其次|再次|最后|一方面|另一方面)[,，]|[一二三四五六七八九十]?(?:一|另一|再一|第[一二三四五六七八九十])个是)`)

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

// actorEnds are the last characters of the nouns that name people or a
// whole society (职工, 群众, 全社会, 各行各业): subjects that act.
const actorEnds = "人员者工众民师生家党会界业"

// namesActors reports whether a noun names people or a whole society
// that act, by its last character (职工, 群众, 全社会): of the nouns in 业,
// only firms and trades act (企业, 各行各业); 产业, 事业, 农业 are fields of
// work, what the run's body acts on (发展核桃产业要……; guide, "Responsible
// body": a field of work is not a body).
func namesActors(noun string) bool {
	if strings.HasSuffix(noun, "业") {
		return strings.HasSuffix(noun, "企业") || strings.HasSuffix(noun, "行业") || strings.HasSuffix(noun, "各业")
	}
	return strings.ContainsAny(lastRune(noun), actorEnds)
}

// prepositionOpening matches a clause that opens with a preposition: the
// noun before its marker is the preposition's object.
var prepositionOpening = mustPattern(`^(?:对于|对|在|把|将|从|按照|根据|围绕|通过|针对|为了|为|以|向|与|关于|就|经|凡)`)

// unitHeads matches the heads that name an organisation or unit of any
// kind, bare (党组织, 支部, 单位), which organHeads leaves out.
var unitHeads = mustPattern(`(?:党组织|组织|党委|党组|支部|政府|部门|单位|机关|机构)$`)

// subjectAdverbs are the adverbs that may stand between a subject and its
// marker (职工都要……, 中央财政也要……).
var subjectAdverbs = mustPattern(`(?:更|也|还|都|就|则|均|一定|务必|必须|切实|尤其|特别|首先|进一步|应当|应该|同样|必然|始终|务)+$`)

// namesNonBody reports whether the first directive of d, a sentence that
// names no body, still names its own subject: a noun right before its
// marker, in its clause (中央财政要……, 职工必须……, 教学过程要……). Such a
// sentence is about that subject, a field, a thing or people no unit
// names, and takes no body from the run (guide, "Responsible body": a
// sentence that names its own subject uses it; a field of work is no
// body).
func (lx *lexicon) namesNonBody(d *directed) bool {
	if lx == nil || lx.words == nil {
		return false
	}
	offsets := runeCounter{s: d.blank}
	for _, m := range d.markers {
		word := d.blank[m[0]:m[1]]
		if _, ok := leadingMarker(word); ok {
			return false // 请……, 希望……: the subject follows
		}
		if !modalMarker.MatchString(word) {
			continue
		}
		rs, _ := d.runes()
		at := offsets.at(m[0])
		before := string(rs[clauseStart(rs, at):at])
		if loc := subjectAdverbs.FindStringIndex(before); loc != nil {
			before = before[:loc[0]]
		}
		if before == "" {
			return false
		}
		ws := lx.words.words(before)
		if len(ws) == 0 {
			return false
		}
		if prepositionOpening.MatchString(before) || organHeads().MatchString(before) || unitHeads.MatchString(before) {
			// 对投诉案件要……: a preposition's object; 党组织要……: an
			// organisation's head, which may name the run's body again.
			return false
		}
		last := ws[len(ws)-1]
		switch last.pos {
		case "nt", "nr":
			return true
		case "n", "nz", "j", "l", "ng":
			// A thing before 要 is its topic, what the run's body
			// acts on (项目要抓紧实施); people or a whole society
			// act.
			return namesActors(string([]rune(before)[last.start:last.end]))
		}
		return false
	}
	return false
}

// directingModal matches the markers that direct their subject to act,
// as a prohibition (不得), a commitment (将) or an assignment (负责) does
// not.
var directingModal = mustPattern(`^(?:要|必须|务必|一定|应|需)`)

// firstModalDirects reports whether the first marker of d that follows
// its subject directs (要, 必须 …).
func firstModalDirects(d *directed) bool {
	for _, m := range d.markers {
		word := d.blank[m[0]:m[1]]
		if modalMarker.MatchString(word) {
			return directingModal.MatchString(word)
		}
	}
	return false
}

// subjectlessFirst reports whether the folded sentence f, whose first
// directive names no body and a later clause does, leaves that first
// directive to the run: its clauses are directives of their own
// (要推行图表式管理，市县乡村要逐级建立台账), not a pronoun's or a part of
// the units', and the later subject directs (要) rather than commits
// (市教育局将……), which would say how that body carries out the first.
func (r *taskReading) subjectlessFirst(f string) bool {
	if pronounSubject().MatchString(f) || vagueSubject().MatchString(f) {
		return false
	}
	d := r.memo.sentence(f).d
	if !firstModalDirects(d) {
		return false // 容不得半点马虎，……各级干部要……: no directive first
	}
	rs, _ := d.runes()
	for _, b := range r.x.lex.subjects(d) {
		if b.Span.End <= b.Span.Start || b.Span.End > len(rs) {
			continue
		}
		after := strings.TrimLeft(string(rs[b.Span.End:]), "也还都就则均")
		if strings.HasPrefix(after, "将") {
			return false
		}
	}
	return true
}
