package extract

import (
	"strings"
	"unicode"
)

// Coordinated names with a shared head (issue 13; guide, "Responsible
// body": coordinated names are split). Official writing names the
// departments of several fields of work once, after the last of them:
// 民政、社保、卫计等部门 is 民政部门, 社保部门 and 卫计部门, as 区人社、教体等
// 部门 is 区人社部门 and 区教体部门, the place of the first going with the
// rest. A name in the list that is a unit's own (残联, 各镇办) stays as
// written. The same holds for the offices of the party committee and the
// government of one level, named after the last of them: 区委、区政府督查室
// is 区委督查室 and 区政府督查室.

// fieldHead is the head a list of fields of work shares: a field's
// department (民政部门, the department in charge of civil affairs).
const fieldHead = "部门"

// ownName reports whether a list item, though no body name by the
// general rule, is an organisation's own short name, which takes no
// department's head: a people's organisation or committee (残联, 妇联,
// 工会, 团委), or a basic unit with its kind in a parenthesis (村（社区）).
func ownName(name string) bool {
	bare := withoutParens(name)
	if !bodySuffixSet[bare] || runeCount(name) < 2 {
		return false
	}
	return bare != name || strings.ContainsAny(lastRune(bare), "会联委团")
}

// maxFieldList bounds, in runes, a list of fields before their head.
const maxFieldList = 40

// listEndBeforeHead matches what may stand between a list's last field
// and the head: 等, 有关, 相关 (民政、社保等有关部门).
var listEndBeforeHead = mustRegexp(`(?:等)?(?:有关|相关)?$`)

// sharedHeadList reads, at rune offset pos of the clause rs, a list of
// fields of work and names whose last field ends in the shared head 部门
// (民政、残联、社保、卫计等部门), and returns its bodies, with spans
// relative to rs, and its length in runes; nil and 0 when no such list
// stands there. The list needs a 、 or a 等 before the head (人社等部门):
// a field and its head alone (组织部门) are one word, which the other
// rules read.
func (lx *lexicon) sharedHeadList(rs []rune, pos int) ([]Body, int) {
	if lx == nil || lx.words == nil {
		return nil, 0
	}
	h := pos
	for h < len(rs) && h-pos <= maxFieldList && !clauseMarks.has(rs[h]) && !strings.HasPrefix(string(rs[h:min(h+2, len(rs))]), fieldHead) {
		h++
	}
	if h >= len(rs)-1 || h-pos > maxFieldList || clauseMarks.has(rs[h]) {
		return nil, 0
	}
	end := h + runeCount(fieldHead)
	list := string(rs[pos:h])
	m := listEndBeforeHead().FindStringIndex(list)
	core := list[:m[0]]
	if core == "" || !strings.Contains(list, "、") && !strings.Contains(list[m[0]:], "等") {
		return nil, 0
	}
	if !lx.headEndsName(rs[end:]) {
		return nil, 0 // 民政、社保等部门负责人: the head is inside a longer name
	}
	var out []Body
	bare := false
	place := ""
	for i, p := range lx.fieldItems(core) {
		name := p.text
		at := pos + p.at
		b := Body{Name: name, Role: RoleLead, Span: Span{at, at + runeCount(name)}}
		switch {
		case ownName(name):
		case lx.isBodyName(name) && lx.wholeName(name):
		case lx.bareField(name):
			bare = true
			if i == 0 {
				if n := placePrefix(name + fieldHead); n > 0 {
					place = string([]rune(name)[:n])
				}
			} else if placePrefix(name+fieldHead) == 0 {
				b.Name = place + name
			}
			b.Name += fieldHead
			b.shared = fieldHead
		default:
			return nil, 0
		}
		out = append(out, b)
	}
	if !bare {
		return nil, 0
	}
	return out, end - pos
}

// sharedHeadsAt returns the bodies of a list sharing its head
// (sharedHeadList) at rune offset pos of the clause rs, with spans from
// the clause's offset in its sentence, and where the next name of the
// clause starts, after the word joining it on, or -1 when none follows.
// segmented says whether the clause was segmented, as the list needs.
func (lx *lexicon) sharedHeadsAt(rs []rune, pos, offset int, segmented bool) ([]Body, int) {
	if !segmented {
		return nil, -1
	}
	bs, n := lx.sharedHeadList(rs, pos)
	if n == 0 {
		return nil, -1
	}
	for i := range bs {
		bs[i].Span = Span{offset + bs[i].Span.Start, offset + bs[i].Span.End}
	}
	pos += n
	m := coordinationPrefix.FindString(string(rs[pos:]))
	if m == "" {
		return bs, -1
	}
	return bs, pos + runeCount(m)
}

// fieldItems splits a list of fields and names at 、, and its last item
// at 和, 及 or 与 (各镇办、村和人社等部门), with each item's rune offset.
func (lx *lexicon) fieldItems(core string) []part {
	var out []part
	at := 0
	for _, s := range strings.Split(core, "、") {
		out = append(out, part{s, at})
		at += runeCount(s) + 1
	}
	last := out[len(out)-1]
	for _, j := range []string{"和", "及", "与"} {
		if a, b, ok := strings.Cut(last.text, j); ok && a != "" && b != "" && !lx.bareField(last.text) {
			out[len(out)-1] = part{a, last.at}
			out = append(out, part{b, last.at + runeCount(a) + 1})
			break
		}
	}
	return out
}

// bareField reports whether name is a field of work written bare, as a
// list that shares its department's head writes it (民政, 卫计, 人社, 区人社):
// two to four Han characters that open no clause (no preposition, adverb
// or verb before a further word) and hold no collective or description.
func (lx *lexicon) bareField(name string) bool {
	n := runeCount(name)
	if n < 2 || n > 4 || strings.ContainsAny(name, "各等的之") {
		return false
	}
	for _, r := range name {
		if !unicode.Is(unicode.Han, r) {
			return false
		}
	}
	ws := lx.words.words(name)
	if len(ws) == 0 || clauseWords[ws[0].pos] {
		return false
	}
	// 加强民政: a verb of its own opens a clause; a lone character the
	// dictionary takes for a verb is a piece of an abbreviation (教体).
	return len(ws) == 1 || ws[0].end-ws[0].start < 2 || ws[0].pos != "v" && ws[0].pos != "vd"
}

// headEndsName reports whether the text after a shared head ends the
// name: the clause ends, another name is joined on, or a predicate
// follows (要, 进一步, 负责).
func (lx *lexicon) headEndsName(rest []rune) bool {
	if len(rest) == 0 || clauseMarks.has(rest[0]) || coordinationPrefix.MatchString(string(rest)) {
		return true
	}
	return lx.opensWithVerb(rest)
}

// topOrgan matches the party committee and the government of a level
// (区委, 县政府, 市人大常委会), and organOffice a name that is one of them
// with an office of its own after it (区政府督查室, 县委办公室): the
// offices of the two are named after the last (区委、区政府督查室).
var (
	topOrgan    = mustRegexp(`^[省市县区镇乡](?:委|政府|人大常委会|人大|政协)$`)
	organOffice = mustRegexp(`^[省市县区镇乡](?:委|政府|人大常委会|人大|政协)([^、]{1,4}[室办])$`)
)

// shareOffices gives each top organ of a list joined by 、 the office
// that the next name has after its own top organ: in 区委、区政府督查室
// the first name is 区委督查室. rs is the text the bodies' spans index,
// from rune offset base.
func shareOffices(rs []rune, bs []Body, base int) {
	for i := len(bs) - 2; i >= 0; i-- {
		a, b := bs[i].Span.End-base, bs[i+1].Span.Start-base
		if a < 0 || b > len(rs) || a >= b || string(rs[a:b]) != "、" || !topOrgan().MatchString(bs[i].Name) {
			continue
		}
		m := organOffice().FindStringSubmatch(bs[i+1].Name)
		if m == nil {
			continue
		}
		bs[i].Name += m[1]
		bs[i].shared = m[1]
	}
}
