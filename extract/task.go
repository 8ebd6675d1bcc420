package extract

import (
	"crypto/sha1"
	"encoding/base32"
	"regexp/syntax"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// neutralWords contain 要 (or 应) without directing anything (需要, 重要,
// 主要, 适应 …), and 要求 used as a noun (按照……的要求). They are blanked
// before looking for the directive 要 (guide, "Task", rule 1). 政要 and
// 险要 are left out: in a directive they are 财政/行政/民政 or 保险/风险
// before the modal (县财政要……, 风险要……), far more often than the nouns.
var neutralWords = []string{
	"需要", "主要", "重要", "只要", "首要", "要素", "摘要", "纲要", "提要", "要点", "要害", "要务",
	"要件", "要闻", "要领", "扼要", "简要", "紧要", "要道", "要津", "显要", "机要",
	"要塞", "要地", "要员", "要案", "要职", "相应", "适应", "反应", "供应", "效应", "响应", "对应",
	"要么", "要不然", "要不就", "要不是", "要不要", "想要", "将要", "快要", "就要到", "要靠", "要看", "路要走", "的要求", "要求的",
	"要求和", "要求下",
}

// neutralByLead holds neutralWords by the character they begin with, each
// list in neutralWords' order, and neutralLead those characters, which
// are cheaper to test for than the map.
var neutralByLead, neutralLead = func() (map[rune][]string, *runeSet) {
	m, lead := map[rune][]string{}, new(runeSet)
	for _, w := range neutralWords {
		r, _ := utf8.DecodeRuneInString(w)
		m[r] = append(m[r], w)
		lead.add(r)
	}
	return m, lead
}()

// blankNeutralWords blanks the neutral words of s, each with as many _ as
// it has characters, as a strings.Replacer of them would: from left to
// right, without overlaps, and of the words found at a place the first in
// neutralWords. A word begins where its first character does, so only the
// words that begin with the character at a place are compared there; the
// replacer, much slower, compares a trie at every byte.
func blankNeutralWords(s string) string {
	var b strings.Builder
	done := 0 // s[:done] is in b
	for i := 0; i < len(s); {
		r, size := decodeRune(s, i)
		if !neutralLead.has(r) {
			i += size
			continue
		}
		w := ""
		for _, cand := range neutralByLead[r] {
			if strings.HasPrefix(s[i:], cand) {
				w = cand
				break
			}
		}
		if w == "" {
			i += size
			continue
		}
		if done == 0 {
			b.Grow(len(s))
		}
		b.WriteString(s[done:i])
		blankRunes(&b, w)
		i += len(w)
		done = i
	}
	if done == 0 {
		return s
	}
	b.WriteString(s[done:])
	return b.String()
}

// blankNeutralUses blanks the neutral uses of 要 that need context: 必要
// but not 务必要, 要求 ending a clause, comparisons (要好些). It replaces
// each match of
//
//	(?:^|[^务])必要|要求[,，。；;、]|要[好高强差低大小多少](?:些|得多|一些)
//
// with as many _ as it has characters, as the regular expression's
// ReplaceAllStringFunc would (leftmost-first, without overlaps; a match of
// the first choice takes the character before 必要), without running a
// matcher over every sentence that holds 要.
func blankNeutralUses(s string) string {
	if !strings.Contains(s, "要") {
		return s // every choice holds 要
	}
	if !strings.Contains(s, "必要") {
		// Only the choices that begin with 要 are left, and only the
		// places of 要 need be tried.
		return blankMatches(s, "要", neutralUseAt)
	}
	return blankMatches(s, "", neutralUseAt)
}

// blankMatches returns s with each match blanked, as many _ as it has
// characters: end(s, i, r, size) is the end of the match that starts at
// byte i of s, whose character r is size bytes long, or -1 for none.
// Matches are taken leftmost first and do not overlap. When lead is not
// empty, every match begins with it, and only the places that do are
// tried.
func blankMatches(s, lead string, end func(s string, i int, r rune, size int) int) string {
	var b strings.Builder
	done := 0 // s[:done] is in b
	for i := 0; i < len(s); {
		if lead != "" {
			k := strings.Index(s[i:], lead)
			if k < 0 {
				break
			}
			i += k
		}
		r, size := decodeRune(s, i)
		e := end(s, i, r, size)
		if e < 0 {
			i += size
			continue
		}
		if done == 0 {
			b.Grow(len(s))
		}
		b.WriteString(s[done:i])
		blankRunes(&b, s[i:e])
		i, done = e, e
	}
	if done == 0 {
		return s
	}
	b.WriteString(s[done:])
	return b.String()
}

// neutralUseAt returns the end of the match of blankNeutralUses' pattern
// that starts at byte i of s, or -1; r, of size bytes, is the character at
// i. The choices are tried in the pattern's order.
func neutralUseAt(s string, i int, r rune, size int) int {
	if i == 0 && strings.HasPrefix(s, "必要") {
		return len("必要")
	}
	if r != '务' && strings.HasPrefix(s[i+size:], "必要") {
		return i + size + len("必要")
	}
	if r != '要' {
		return -1
	}
	j := i + size
	if strings.HasPrefix(s[j:], "求") {
		c, n := utf8.DecodeRuneInString(s[j+len("求"):])
		if strings.ContainsRune(",，。；;、", c) {
			return j + len("求") + n
		}
	}
	c, n := utf8.DecodeRuneInString(s[j:])
	if !strings.ContainsRune("好高强差低大小多少", c) {
		return -1
	}
	j += n
	for _, w := range []string{"些", "得多", "一些"} {
		if strings.HasPrefix(s[j:], w) {
			return j + len(w)
		}
	}
	return -1
}

// blankRunes writes one _ for each character of s.
func blankRunes(b *strings.Builder, s string) {
	for range utf8.RuneCountInString(s) {
		b.WriteByte('_')
	}
}

// directiveMarker finds the words that direct future action (guide,
// "Task", rule 1): 要、必须、务必、确保、力争、抓紧、尽快、一定要、请……、
// 由……负责/牵头、将于……、限…….
var directiveMarker = newMarkerFinder(directiveMarkers...)

// directiveMarkers are directiveMarker's alternatives, in the order a
// regular expression of their choice would try them.
var directiveMarkers = []string{
	`希望(?:各|全体|广大|[^，,。]{0,10}(?:部门|单位|干部|老师|同志们))`,
	`要`, `必须`, `务必`, `确保`, `力争`, `抓紧`, `尽快`, `一定`, `争取`, `应当`, `应该`,
	`应(?:[^当该对用届有急变运声邀聘收付试]|$)`,
	`需(?:[^要求]|$)`,
	`请(?:各|全|大家|你们|同志|有关|相关|县|市|区|镇|乡|局|校)`,
	`请`, // before a body it asks to act (请教科室论证): see asksNoOne
	`由[^，,。；;]{1,30}?(?:负责|牵头|承担|组织|实施|审批|审核|审定|批准|核准|备案|把关)`,
	`报[^，,。；;]{1,20}?(?:批准|审批|审定|核准|备案)`,
	`(?:牵头|负责)[,，。；;）)]`,
	assignedTo,  // after the body it assigns: see commitsNoOne
	takesCharge, // likewise
	willListed,
	`将(?:[^近来军士领]|$)`, // a commitment of the body it follows: 县委将结合实际……
	`控制在`, `须[^知臾]`,
	`预计\s*(?:于|在|将|[0-9一二三四五六七八九十]{2,4}\s*年)`,
	`拟(?:于|在|将|按|安排|投入|新增|新建|开工|建设|实施|完成|推出|出台|启动|召开|举办|下达|发行|设立)`, `计划(?:于|在|投资|总投资|新建|改建|扩建|建设|实施|安排|开工|补充|招聘)`, `限(?:期|于|[0-9一二三四五六七八九十两]+)`,
	`严禁`, `禁止`, `不得`, `不准`, `杜绝`,
}

// willListed matches 将 before the words that make it a commitment
// whoever says it: 将于, 将继续……. Any other 将 directs only after a
// body that it commits (县委将结合实际……, guide "Task": 将于……; issue 13:
// commitments of a named body); 这将有利于…… commits no one.
const willListed = `将(?:于|在|从|对|把|专门|继续|进一步|全面|加快|加大|重点|着力|按照|组织|开展|召开|启动|出台|实施|适时|规划|建设|推动|推进|持续|积极|加强|完成|办理|提供|建置|设置|争取|成立|设立|扩大|提升|改善|协助|配合|陆续|全力|逐步|优先|投入|编列|补助|辅导|修订|制定|研拟|评估|建立|新建|兴建|改建|开辟|辟建)`

// assignedTo matches 负责 before the work it assigns (市教育局负责全市的
// 招生工作, 张某主要负责东山村), not in a word (负责人, 负责同志, 负责制,
// 负责任) nor where it says to whom one answers (对群众负责的). It
// directs only after the body or person it assigns the work to.
const assignedTo = `负责(?:[^人同制任的，,。；;）)]|$)`

// takesCharge matches the formula that says who takes charge of work in
// person (主要领导亲自抓，分管领导具体抓): like 负责, it assigns the work
// to the body before it, and directs only after one.
const takesCharge = `(?:亲自|具体)抓(?:[^好紧实牢住]|$)`

// isAssignment reports whether a marker is assignedTo's 负责 or
// takesCharge's 抓.
func isAssignment(word string) bool {
	if strings.HasPrefix(word, "亲自抓") || strings.HasPrefix(word, "具体抓") {
		return true
	}
	return strings.HasPrefix(word, "负责") && !strings.ContainsAny(word, ",，。；;）)")
}

// isListedWill reports whether a marker is 将 before one of willListed's
// words.
var isListedWill = mustPattern(`^` + willListed)

// markerFinder finds the leftmost, non-overlapping matches of a choice of
// alternatives, as a regular expression of them all would, quickly. Each
// alternative begins with one of a few characters; at each place in a text
// it tries, as one anchored pattern, only the alternatives that begin with
// the character there, in their order: the others cannot match there, so
// the match is the one the whole choice finds, and the matcher's cost
// grows with the size of what it tries.
type markerFinder struct {
	lead    [64]uint64        // bit r%4096 set when an alternative begins with r
	byFirst map[rune]*pattern // the alternatives that begin with a character
	// words holds, for a character whose alternatives are all words
	// (要, 必须, 严禁 …), those words in their order: the first of them the
	// text holds is the pattern's match, found without the matcher.
	words map[rune][]string
}

// newMarkerFinder returns the finder of the choice of alts.
func newMarkerFinder(alts ...string) markerFinder {
	f := markerFinder{byFirst: map[rune]*pattern{}, words: map[rune][]string{}}
	groups := map[rune][]string{}
	word := map[string]bool{} // the alternatives that are words
	for _, alt := range alts {
		re, err := syntax.Parse(alt, syntax.Perl)
		if err != nil {
			panic(err)
		}
		re = re.Simplify()
		word[alt] = re.Op == syntax.OpLiteral && re.Flags&syntax.FoldCase == 0 && string(re.Rune) == alt
		set, nullable, ok := firstRunes(re)
		if !ok || nullable {
			panic("markerFinder: no first characters for " + alt)
		}
		for i := 0; i+1 < len(set); i += 2 {
			for r := set[i]; r <= set[i+1]; r++ {
				groups[r] = append(groups[r], alt)
			}
		}
	}
	for r, g := range groups {
		f.lead[r>>6&63] |= 1 << (r & 63)
		f.byFirst[r] = mustPattern(`^(?:` + strings.Join(g, "|") + `)`)
		if !slices.ContainsFunc(g, func(alt string) bool { return !word[alt] }) {
			f.words[r] = g
		}
	}
	return f
}

// FindAllStringIndex returns the byte ranges of up to n markers in s (all
// when n < 0), leftmost first and not overlapping.
func (f markerFinder) FindAllStringIndex(s string, n int) [][]int {
	var out [][]int
	for i := 0; i < len(s) && (n < 0 || len(out) < n); {
		r, size := decodeRune(s, i)
		if f.lead[r>>6&63]&(1<<(r&63)) != 0 {
			if ws, ok := f.words[r]; ok {
				if w := firstPrefix(s[i:], ws); w != "" {
					out = append(out, []int{i, i + len(w)})
					i += len(w)
					continue
				}
			} else if p := f.byFirst[r]; p != nil {
				if m := p.FindStringIndex(s[i:]); m != nil {
					out = append(out, []int{i, i + m[1]})
					i += m[1]
					continue
				}
			}
		}
		i += size
	}
	return out
}

// firstPrefix returns the first of words that s begins with, or "".
func firstPrefix(s string, words []string) string {
	for _, w := range words {
		if strings.HasPrefix(s, w) {
			return w
		}
	}
	return ""
}

// isImperativeOpening reports whether s opens with the verb of an
// instruction (切实搞好……、严格执行……) with no 要: inside a run of
// directives these are directives too. It matches
//
//	^(?:在[^，,：:]{1,12}上[,，:：]|(?:以|按照|围绕|把|依托|结合|针对|立足|紧扣|对照|借助)[^，,。；;：:]{0,30}[，,])?(?:[\p{Han}]{2,4}地)?(?:同时[,，]?|此外[,，]?|另外[,，]?|特别是|尤其是|并)?(?:切实|认真|……)
//
// with the verbs of imperativeVerbs last, trying each way through the
// optional parts, which is cheaper than the matcher: a place phrase
// (在……上,) or a frame (以……为目标,), a manner (认真地), a link (同时,
// 特别是), then a verb.
func isImperativeOpening(s string) bool {
	for _, a := range append(placeEnds(s), frameEnds(s)...) {
		for _, b := range mannerEnds(s, a) {
			for _, c := range linkEnds(s, b) {
				r, _ := utf8.DecodeRuneInString(s[c:])
				for _, v := range imperativeVerbs[r] {
					if strings.HasPrefix(s[c:], v) {
						return true
					}
				}
			}
		}
	}
	return false
}

// placeEnds returns where s may be after its optional opening place
// phrase, 在[^，,：:]{1,12}上[,，:：]: 0, and the end of each such phrase.
func placeEnds(s string) []int {
	ends := []int{0}
	if !strings.HasPrefix(s, "在") {
		return ends
	}
	i := len("在")
	for n := 1; n <= 12 && i < len(s); n++ {
		r, size := utf8.DecodeRuneInString(s[i:])
		if strings.ContainsRune("，,：:", r) {
			break
		}
		i += size
		if strings.HasPrefix(s[i:], "上") {
			if c, size := utf8.DecodeRuneInString(s[i+len("上"):]); strings.ContainsRune(",，:：", c) {
				ends = append(ends, i+len("上")+size)
			}
		}
	}
	return ends
}

// frameEnds returns where s is after an opening clause that frames the
// instruction by its aim, basis or means, up to its comma: 以……为目标,
// 以……为契机, 按照……的原则, 围绕……, 把……作为……, 依托……. Not 通过……,
// which as often says what a thing described does (通过这个制度,督促……).
// The instruction's verb follows (以提高质量为目标,组织开展……).
func frameEnds(s string) []int {
	p := firstPrefix(s, framePrepositions)
	if p == "" {
		return nil
	}
	for i, n := len(p), 0; i < len(s) && n <= 30; n++ {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch r {
		case '，', ',':
			return []int{i}
		case '。', '；', ';', '：', ':':
			return nil
		}
	}
	return nil
}

// framePrepositions open the clauses frameEnds reads.
var framePrepositions = []string{"以", "按照", "围绕", "把", "依托", "结合", "针对", "立足", "紧扣", "对照", "借助"}

// mannerEnds returns where s may be from i after an optional manner,
// [\p{Han}]{2,4}地: i, and the end of each such manner.
func mannerEnds(s string, i int) []int {
	ends := []int{i}
	for n := 1; n <= 4 && i < len(s); n++ {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !unicode.Is(unicode.Han, r) {
			break
		}
		i += size
		if n >= 2 && strings.HasPrefix(s[i:], "地") {
			ends = append(ends, i+len("地"))
		}
	}
	return ends
}

// linkEnds returns where s may be from i after an optional link,
// 同时[,，]?|此外[,，]?|另外[,，]?|特别是|尤其是|并: i, and the end of each.
func linkEnds(s string, i int) []int {
	ends := []int{i}
	for _, w := range []string{"同时", "此外", "另外", "特别是", "尤其是", "并"} {
		if !strings.HasPrefix(s[i:], w) {
			continue
		}
		j := i + len(w)
		ends = append(ends, j)
		if w == "同时" || w == "此外" || w == "另外" {
			if r, size := utf8.DecodeRuneInString(s[j:]); r == ',' || r == '，' {
				ends = append(ends, j+size)
			}
		}
	}
	return ends
}

// imperativeVerbs holds the verbs isImperativeOpening looks for by their
// first character.
var imperativeVerbs = func() map[rune][]string {
	m := map[rune][]string{}
	for _, v := range []string{
		"切实", "认真", "积极", "进一步", "大力", "全力", "扎实", "加快", "加强", "加大", "严格", "继续", "坚持", "深入", "着力",
		"努力", "抓好", "做好", "推进", "推动", "落实", "强化", "完善", "建立", "健全", "狠抓", "全面", "持续", "坚决", "及时", "不断",
		"高度", "牢固", "注重", "突出", "集中", "主动", "广泛", "充分", "统筹", "精心", "规范", "严厉", "力求", "抓实", "用好", "搞好",
		"办好", "开展", "组织", "实施", "启动", "做到", "提高", "提升", "巩固", "优化", "深化", "落细", "压实", "夯实", "筑牢", "确立",
		"明确", "细化", "探索", "鼓励", "引导", "督促", "指导", "配合", "协助", "保证", "维护", "防止", "杜绝", "排查", "整治", "清理",
		"谋划", "筹划", "召开", "举办", "完成", "实现", "抓紧", "尽快", "务必", "推动", "促进", "培育", "打造", "新增", "新建", "改造",
		"扩大", "做大", "做强", "建成", "建设", "发展", "加速", "力促", "攻坚", "聚焦", "支持", "深入推进", "全面推进", "稳步推进",
		"大力推进", "有序推进", "统筹推进",
	} {
		r, _ := utf8.DecodeRuneInString(v)
		m[r] = append(m[r], v)
	}
	return m
}()

// isPastReport reports whether s holds what marks a report of work
// already done or a description of the situation: a match of
//
//	[^为除]了[^解不起得]|已经|已(?:[^经]|$)|取得|以来|去年|过去|曾经|先后|共评出|累计|截至目前|目前已|荣获|被评为|获得了
//
// It is asked of nearly every sentence, and 了 is common enough that the
// matcher ran on most of them. Any 已 matches one of the choices that
// begin with it, and 了 needs a character either side of it other than
// those named.
func isPastReport(s string) bool {
	if pastWords.in(s) {
		return true
	}
	for i := 0; ; {
		k := strings.Index(s[i:], "了")
		if k < 0 {
			return false
		}
		at, end := i+k, i+k+len("了")
		if at > 0 && end < len(s) {
			prev, _ := utf8.DecodeLastRuneInString(s[:at])
			next, _ := utf8.DecodeRuneInString(s[end:])
			if prev != '为' && prev != '除' && !strings.ContainsRune("解不起得", next) {
				return true
			}
		}
		i = end
	}
}

// pastWords are the choices of isPastReport's pattern that are words, less
// those holding 已; looking for them all in one pass is cheaper than a
// search for each.
var pastWords = newLiterals([]string{"已", "取得", "以来", "去年", "过去", "曾经", "先后", "共评出", "累计", "截至目前", "荣获", "被评为", "获得了"})

// notDirectiveOpening and isQuotedDirective find the sentences the guide
// excludes even when they hold a marker: announced decisions, quoted
// directives from other meetings, courtesy wishes (guide, "Task").
//
// notDirectiveOpening reports whether s opens as
//
//	^(?:[^，,。]{0,10}(?:决定|指出|强调|提出|要求我们)|希望大家|欢迎|感谢|谢谢|祝|恳请|敬请|最后,?祝|等一下|(?:如|比如|例如|譬如)[,，:：]|[^，,]{0,6}(?:说|讲)过)
//
// It is asked of nearly every sentence, any character may open the first
// and last choices, and the matcher tried them at each; this reads the
// first ten characters once, looking for the words at each place.
func notDirectiveOpening(s string) bool {
	if firstPrefix(s, courtesyOpenings) != "" {
		return true
	}
	if w := firstPrefix(s, exampleOpenings); w != "" {
		if r, _ := utf8.DecodeRuneInString(s[len(w):]); strings.ContainsRune(",，:：", r) {
			return true
		}
	}
	// The first choice reads up to ten characters but a comma or full
	// stop before its verb, the last up to six but a comma.
	// The words are compared only where the character they begin with is.
	verbs, said := true, true
	for i, n := 0, 0; ; n++ {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch r {
		case '决', '指', '强', '提', '要':
			if verbs && firstPrefix(s[i:], announcingVerbs) != "" {
				return true
			}
		case '说', '讲':
			if said && strings.HasPrefix(s[i+size:], "过") {
				return true
			}
		}
		verbs = verbs && n < 10 && r != '，' && r != ',' && r != '。'
		said = said && n < 6 && r != '，' && r != ','
		if !verbs && !said || i == len(s) {
			return false
		}
		i += size
	}
}

// opinionOpenings open a personal opinion (issue 13).
var opinionOpenings = []string{"我觉得", "我认为", "我个人认为", "我个人觉得", "我感到", "我感觉", "我相信", "在我看来", "依我看", "我看"}

// courtesyOpenings, exampleOpenings and announcingVerbs are words of
// notDirectiveOpening's pattern.
var (
	courtesyOpenings = []string{"希望大家", "欢迎", "感谢", "谢谢", "祝", "恳请", "敬请", "最后祝", "最后,祝", "等一下"}
	exampleOpenings  = []string{"如", "比如", "例如", "譬如"}
	announcingVerbs  = []string{"决定", "指出", "强调", "提出", "要求我们"}
)

// isQuotedDirective reports whether s quotes a directive of someone else
// (书记强调：, 会议要求,): whether it holds a match of
//
//	(?:书记|主席|总理|省长|市长|县长|区长|部长|局长|主任|同志|中央|国务院|会议|文件|通知)(?:[^，,。]{0,12}|[^，,。在]{0,11}在[^，,。]{0,12})(?:强调|指出|要求|提出|明确)[:：,，]
//
// It is asked of nearly every sentence, and the matcher tried the gap at
// every place; this reads on from each speaker for at most 12 characters,
// stopping at a comma or full stop, and looks for a verb and its
// punctuation at each.
func isQuotedDirective(s string) bool {
	for i := 0; i < len(s); {
		r, size := decodeRune(s, i)
		if quoteSpeakerLead.has(r) {
			for _, w := range quoteSpeakers[r] {
				if strings.HasPrefix(s[i:], w) && quoteVerbWithin(s, i+len(w)) {
					return true
				}
			}
		}
		i += size
	}
	return false
}

// quoteVerbWithin reports whether a verb of isQuotedDirective's pattern,
// with its punctuation, starts at byte j of s or within the 12 characters
// after it that are not a comma or full stop; when the first 在 among those
// opens where the words were said, 12 more after it (书记李某在省纪委全会
// 讲话中强调,).
func quoteVerbWithin(s string, j int) bool {
	limit, venue := 12, false
	for n := 0; ; n++ {
		for _, v := range quoteVerbs {
			if strings.HasPrefix(s[j:], v) {
				if r, _ := utf8.DecodeRuneInString(s[j+len(v):]); strings.ContainsRune(":：,，", r) {
					return true
				}
			}
		}
		if n == limit || j == len(s) {
			return false
		}
		r, size := utf8.DecodeRuneInString(s[j:])
		if r == '，' || r == ',' || r == '。' {
			return false
		}
		if r == '在' && !venue {
			limit, venue = n+1+12, true
		}
		j += size
	}
}

// quoteVerbs are the verbs of isQuotedDirective's pattern.
var quoteVerbs = []string{"强调", "指出", "要求", "提出", "明确"}

// quoteSpeakers holds the speakers of isQuotedDirective's pattern by their
// first character, and quoteSpeakerLead those characters.
var quoteSpeakers, quoteSpeakerLead = func() (map[rune][]string, *runeSet) {
	m, lead := map[rune][]string{}, new(runeSet)
	for _, w := range []string{"书记", "主席", "总理", "省长", "市长", "县长", "区长", "部长", "局长", "主任", "同志", "中央", "国务院", "会议", "文件", "通知"} {
		r, _ := utf8.DecodeRuneInString(w)
		m[r] = append(m[r], w)
		lead.add(r)
	}
	return m, lead
}()

// purpose finds statements of a meeting's purpose, which describe rather
// than direct: 主要任务是……, 其目的就是要…….
var purpose = mustPattern(`(?:主要任务|主要目的|其目的|目的|主题)(?:就)?是`)

// preamble finds the formula that closes a document's preamble and
// introduces its items (经国务院同意，现就有关事项通知如下：), or a pointer
// to a table (……施政重点，详如下表2。): it announces the items, which are
// the directives, and directs nothing itself.
var preamble = mustPattern(`(?:通知|通告|公告|函告|意见|要求|事项|安排|说明)如下\s*[:：]?\s*$|(?:详见|详如|详|见|如)下(?:表|图)\s*[0-9一二三四五六七八九十]*\s*(?:所示)?\s*[。.:：]?\s*$`)

// narration finds the order of the meeting itself: a leader still to give
// a speech (书记还要做重要讲话, 县长待会还将作重要讲话). It says what the
// meeting will hear, not work anyone is to carry out (guide, "Task": a
// description of the situation is no task).
var narration = mustPattern(`(?:要|将|会)(?:作|做)(?:重要|总结性|专题)?讲话`)

// notDirective reports whether a folded sentence is one of those; its
// characters are in cs, when not nil.
func notDirective(s string, cs *charSet) bool {
	if mayHold(courtesyWords, cs) && courtesy(s) || notDirectiveOpening(s) || purpose.MatchIn(s, cs) || preamble.MatchIn(s, cs) || narration.MatchIn(s, cs) {
		return true
	}
	// A quoted directive holds a verb of isQuotedDirective's and the
	// punctuation after it: most sentences can be ruled out by cs alone.
	return mayHold(quoteVerbLiterals, cs) && mayHold(quotePunct, cs) && isQuotedDirective(s)
}

// courtesy reports whether s holds a courtesy wish (祝愿……) or a courtesy
// request to the audience (请大家认真学习领会, 请大家提出宝贵意见). A
// request to the audience that sets work to be carried out (请大家认真抓
// 好落实, 请大家按时报送) is an instruction (guide, "Task": 请……).
func courtesy(s string) bool {
	if strings.Contains(s, "祝愿") {
		return true
	}
	i := strings.Index(s, "请大家")
	if i < 0 {
		return false
	}
	clause := s[i:]
	if k := strings.IndexAny(clause, "，,。；;！!？?"); k >= 0 {
		clause = clause[:k]
	}
	return !containsAny(clause, carryOutWords...)
}

// carryOutWords say that work is to be carried out, not studied or
// commented on.
var carryOutWords = []string{"抓好", "落实", "做好", "完成", "报送", "上报", "执行", "按时", "准时"}

// courtesyWords are the words notDirective looks for anywhere in a
// sentence, quoteVerbLiterals the verbs of isQuotedDirective's pattern and
// quotePunct the punctuation one of which follows the verb, as literals
// for the tests of a sentence's charSet.
var (
	courtesyWords     = newLiterals([]string{"请大家", "祝愿"})
	quoteVerbLiterals = newLiterals(quoteVerbs)
	quotePunct        = newLiterals([]string{":", "：", ",", "，"})
)

// mayHold reports whether a text whose characters are in cs may hold one
// of l: l.mayHold(cs), or true when cs is nil.
func mayHold(l *literals, cs *charSet) bool {
	return cs == nil || l.mayHold(cs)
}

func containsAny(s string, words ...string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// relayed finds a directive that another body's meeting or document gave:
// 教育部召开发布会,要求……; 省政府印发通知,强调…….
// A document's title in 《》 may stand between (下发了……《关于……的通知》,禁止……).
var relayed = mustPattern(`(?:召开|印发|下发|出台|发布|发出)[^。；;，,《]{0,16}(?:《[^》。]{1,60}》)?[，,](?:并|又|还)?(?:要求|强调|指出|明确|提出|禁止|严禁|规定)`)

// relayedVisit finds a directive given on an occasion the sentence opens
// with, its speaker named before it: ……视察我省时明确要求，“……”.
var relayedVisit = mustPattern(`^[^，,。；;]{1,12}(?:时|期间)[，,]?(?:明确|特别|专门|反复|一再|深刻)?(?:要求|强调|指出)[，,:：]`)

// principle finds a statement of what a goal takes: 要X,(首先)必须Y, or
// 要X,……在于Y (依赖于, 离不开, 取决于).
var principle = mustPattern(`^[^，,。；;]{0,12}要[^，,。；;]{2,30}[，,](?:首先|关键|根本|前提)?[^，,。；;]{0,12}(?:必须|就要|离不开|取决于|依赖于|在于)`)

// condition finds the same statement with the goal as a bare verb phrase:
// 狠抓落实,就要……; 实现脱贫致富,归根结底要靠…… (X, then Y is what X takes).
var condition = mustPattern(`^[^，,。；;要]{2,12}[，,](?:就要|就必须|归根结底要|归根到底要|说到底要)`)

// dependence finds a statement of what a goal depends on, which directs
// no one even when it names who pursues the goal: 学校要实现目标,必须依赖
// 于管理 (guide, "Task": statements of principle).
var dependence = mustPattern(`^[^，,。；;]{0,12}要[^，,。；;]{2,30}[，,](?:首先|关键|根本|前提)?[^，,。；;]{0,12}(?:离不开|取决于|依赖于|在于)`)

// needs finds the same statement with 需要, which blankNeutral hides:
// 要完成这样的目标任务，不仅需要我们……，更需要…….
var needs = mustPattern(`^(?:[^，,。；;]{0,11}[^，,。；;需重主只首想])?要[^，,。；;]{2,30}[，,][^，,。；;]{0,6}需要`)

// awareness finds exhortations to understand rather than to act:
// 要明白……, 必须清醒地认识到…….
var awareness = mustPattern(`(?:要|必须|务必|一定要)(?:[^，,。]{0,4})(?:明白|认识到|清醒认识|清醒地认识|看到|懂得|知道|引起[^，,。]{0,4}重视)`)

// blankQuotations blanks the quotations of s (slogans such as “等、靠、要”,
// a quoted directive of another meeting), whose words direct nothing here,
// each with as many _ as it has characters; a quotation whose closing mark
// falls in a later sentence runs to the end. It replaces the matches of
//
//	“[^”“]{1,200}(?:”|$)|"[^"]{1,200}"
//
// as the regular expression's ReplaceAllStringFunc would, leftmost first
// and without overlaps, without running a matcher over every sentence
// that holds a quotation mark.
func blankQuotations(s string) string {
	if strings.IndexByte(s, '"') < 0 && !strings.Contains(s, "“") {
		return s // most sentences quote nothing
	}
	return blankMatches(s, "", quotationAt)
}

// quotationAt returns the end of the quotation blankQuotations blanks
// that starts at byte i of s, or -1; r, of size bytes, is the character
// there.
func quotationAt(s string, i int, r rune, size int) int {
	switch r {
	case '“':
		return quotationEnd(s, i+size, '”', "“”", true)
	case '"':
		return quotationEnd(s, i+size, '"', `"`, false)
	}
	return -1
}

// quotationEnd returns the end of a quotation whose opening mark ends at
// byte j of s: one to 200 characters that are not marks, then the closing
// mark, or the end of s when toEnd is set; -1 when there is none. A
// shorter run of characters cannot end at a mark either, so the longest
// is the only one to try.
func quotationEnd(s string, j int, closing rune, marks string, toEnd bool) int {
	n := 0
	for j < len(s) && n < 200 {
		r, size := utf8.DecodeRuneInString(s[j:])
		if strings.ContainsRune(marks, r) {
			break
		}
		j += size
		n++
	}
	if n == 0 {
		return -1
	}
	if j == len(s) {
		if toEnd {
			return j
		}
		return -1
	}
	if r, size := utf8.DecodeRuneInString(s[j:]); r == closing {
		return j + size
	}
	return -1
}

// requisite finds the clause that says what the work before it takes
// (加强党建工作，需要各部门相互配合): the sentence states a principle, it
// sets no one work (guide, "Task": statements of principle).
var requisite = mustPattern(`[，,](?:就|更|还|则|也|都)?(?:需要(?:[^时的]|$)|离不开|有赖于|依赖于|取决于)`)

// habitual finds the adverbs that say what a body has long done (县局始终
// 把……作为核心导向): with no marker, the sentence describes a practice,
// it sets no work.
var habitual = mustPattern(`始终|一直|历来|向来|一贯`)

// description finds copulas and comparisons that make a sentence opening
// with a verb a statement rather than an instruction.
var description = mustPattern(`是|在于|只有|没有|较之|相辅相成`)

// directed is a folded sentence as the directive rules read it. A
// sentence is asked whether it directs and then who its directives name,
// and both need the same blanking and markers, so it computes them once.
type directed struct {
	text    string  // the folded sentence
	blank   string  // text with neutral words and quotations blanked
	markers [][]int // byte ranges of the directive markers in blank
	chars   charSet // the characters of text and blank, for the patterns' tests

	subjects     []Body // the bodies the directives name, once found
	haveSubjects bool

	// rs and off are the runes of text and the byte offset of each, as
	// runesOf returns them, once a rule needs them: the subjects, the time
	// nodes and the targets of a sentence are all read from its runes.
	rs  []rune
	off []int32

	// atMarker holds subjectBodiesIn's answers for the markers asked
	// about: a heading's first marker is asked about twice, to tell
	// whether it directs and then for its subjects.
	atMarker []markerBodies
}

// markerBodies is subjectBodiesIn's answer for the marker at rune offset at.
type markerBodies struct {
	at     int
	bodies []Body
}

// subjectBodiesAt returns lx.subjectBodiesIn of the sentence's runes and
// at. The result is shared: callers must not change it.
func (d *directed) subjectBodiesAt(lx *lexicon, at int) []Body {
	for _, m := range d.atMarker {
		if m.at == at {
			return m.bodies
		}
	}
	rs, _ := d.runes()
	bs := lx.subjectBodiesIn(rs, at)
	d.atMarker = append(d.atMarker, markerBodies{at, bs})
	return bs
}

// runes returns the runes of the sentence and their byte offsets, as
// runesOf returns them. The result is shared: callers must not change it.
func (d *directed) runes() ([]rune, []int32) {
	if d.off == nil {
		d.rs, d.off = runesOf(d.text)
	}
	return d.rs, d.off
}

// newDirected prepares the folded sentence s for the directive rules.
func newDirected(s string) *directed {
	blank := blankNeutral(s)
	// The set is held in d rather than allocated on its own: a run
	// prepares every sentence.
	d := &directed{text: s, blank: blank, markers: dropBoundNeed(blank, directiveMarker.FindAllStringIndex(blank, -1))}
	d.chars.addAll(s)
	d.chars.add('_') // what blankNeutral blanks with
	return d
}

// directive reports whether the folded sentence d directs future action,
// and whether it does so only by an imperative opening (which needs a run
// of directives or a body to count).
func (lx *lexicon) directive(d *directed, heading bool) (yes, weak bool) {
	s, blank, cs := d.text, d.blank, &d.chars
	if notDirective(s, cs) {
		return false, false
	}
	if awareness.MatchIn(blank, cs) {
		return false, false
	}
	if relayed.MatchIn(s, cs) || relayedVisit.MatchIn(s, cs) {
		// 教育部召开发布会,要求各地要……: a directive of another meeting
		// or document, relayed (guide, "Task": quoted directives).
		return false, false
	}
	if dependence.MatchIn(blank, cs) || needs.MatchIn(s, cs) {
		return false, false
	}
	if (principle.MatchIn(blank, cs) || condition.MatchIn(s, cs)) && (lx == nil || len(lx.subjects(d)) == 0) {
		// 要缩小差距,首先必须缩小……; 学校要实现目标,必须依赖于管理: what
		// it takes, said of no one.
		return false, false
	}
	if firstPrefix(s, opinionOpenings) != "" && (lx == nil || len(lx.subjects(d)) == 0) {
		// 我觉得这项工作很有意义: a personal opinion directs no one, unless
		// it names who is to act (我觉得,班主任老师也要……).
		return false, false
	}
	if markers := unasked(d.blank, lx.committing(d)); len(markers) > 0 {
		m := markers[0]
		// A request (请各单位……, 请大家……) asks for what is to come,
		// whatever the sentence reported before it.
		future := strings.HasPrefix(blank[m[0]:], "预计") || strings.HasPrefix(blank[m[0]:], "将") || strings.HasPrefix(blank[m[0]:], "拟") || strings.HasPrefix(blank[m[0]:], "请")
		if !future && isPastReport(withoutPastDescriptions(blank[:m[0]])) && !turnsToWhatIsDue(markerClause(blank, m[0])) && len(lx.subjects(d)) == 0 {
			// A report of what was done followed by a directive with no
			// subject of its own (……签订了协议,这项工作要抓紧跟进).
			return false, false
		}
		if !heading {
			return true, false
		}
		// A heading holds a directive when its marker opens it (二是要建立…,
		// (一)要强化…) or follows a body; one that only names a topic, or
		// a topic with 要 (领导重视要到位), is not a task (guide,
		// "Clarifications").
		opens := stripNumbering(blank[:m[0]]) == "" || stripNumbering(blank[:m[1]]) == ""
		if opens {
			return true, false
		}
		for _, m := range markers {
			if len(d.subjectBodiesAt(lx, runeCount(blank[:m[0]]))) > 0 {
				return true, false
			}
		}
		// 三、建设项目由县发改局审批。: a marker that names its body
		// after it (由X负责, 报X批准) directs whoever it names.
		if lx.marksItsBody(d, markers) {
			return true, false
		}
		return false, false
	}
	if heading {
		return false, false
	}
	body := stripNumbering(s)
	if isImperativeOpening(body) && !isPastReport(body) && !description.MatchIn(body, cs) && !requisite.MatchIn(body, cs) && !habitual.MatchIn(body, cs) {
		return true, true
	}
	return false, false
}

// marksItsBody reports whether one of the markers of d is an approval that
// names its body after it (由X审批, 报X批准; issue 13: approvals) and the
// sentence marks a body so. 由X牵头 in a heading may report how past work
// was organised, and is left to the heading's other markers.
func (lx *lexicon) marksItsBody(d *directed, markers [][]int) bool {
	for _, m := range markers {
		if approval().MatchString(d.blank[m[0]:m[1]]) {
			return lx != nil && len(lx.markedBodies(d.text, &d.chars)) > 0
		}
	}
	return false
}

// approval matches the markers that ask a body named after them to approve.
var approval = mustRegexp(`^[由报].*(?:审批|审核|审定|批准|核准|备案)$`)

// turnsToWhatIsDue reports whether the clause of a directive marker turns
// from the past the sentence reported to what is due (去年……，今年要……;
// ……已完成摸底，下一步要……): a time still to come, or a link of contrast,
// opens it, and it reports nothing itself. The directive clause decides
// the sentence's mood.
func turnsToWhatIsDue(clause string) bool {
	c := strings.TrimLeft(clause, "，,；;：: ")
	return firstPrefix(c, dueOpenings) != "" && !isPastReport(c)
}

// dueOpenings open a clause that turns to what is due.
var dueOpenings = []string{"今年", "明年", "下半年", "下一步", "下一阶段", "下阶段", "接下来", "今后", "从现在起", "从现在开始", "会后", "新的一年", "新学期", "本学期", "今冬明春", "后续", "未来"}

// pastDescription matches a description, by what was done to it, of the
// thing a preposition makes the directive's object (对已完工的项目, 把已经
// 取得的成果): it names what is acted on and reports nothing. The
// preposition is kept.
var pastDescription = mustRegexp(`((?:对于|对|把|将|凡是|凡))(?:已经|已|曾经)[^，,。；;：:的了]{1,12}的`)

// withoutPastDescriptions returns s with its pastDescription matches left
// out, for the test of a report before a directive marker (对已基本入住的
// 安置小区，要…… directs).
func withoutPastDescriptions(s string) string {
	if !strings.Contains(s, "已") {
		return s
	}
	return pastDescription().ReplaceAllString(s, "$1")
}

// markerClause returns the clause of blank that runs up to the marker at
// byte i: from the punctuation before it.
func markerClause(blank string, i int) string {
	clause := blank[:i]
	if k := strings.LastIndexAny(clause, "，,；;：:"); k >= 0 {
		clause = clause[k:]
	}
	return clause
}

// unasked returns markers less those inside a question (……还有什么工作要
// 加强。, 问题出在哪里、要怎么改？): a question asks, it directs no one. The
// question word must stand in the marker's clause before it; after 无论,
// 不论 or 不管 it asks nothing (不管什么情况都要……).
func unasked(blank string, markers [][]int) [][]int {
	var out [][]int
	for k, m := range markers {
		clause := blank[:m[0]]
		if i := strings.LastIndexAny(clause, "，,。；;：:！!？?"); i >= 0 {
			clause = clause[i:]
		}
		if !questionWord.MatchString(clause) || containsAny(clause, "无论", "不论", "不管", "任何") {
			if out != nil {
				out = append(out, m)
			}
			continue
		}
		if out == nil {
			out = append(make([][]int, 0, len(markers)), markers[:k]...)
		}
	}
	if out == nil {
		return markers
	}
	return out
}

// questionWord matches the words that make a clause a question.
var questionWord = mustPattern(`什么|啥|多少|哪些|哪个|哪里|怎么|怎样|如何|为何|为什么`)

// committing returns the directive markers of d less each 将 that follows
// no body it commits (这将有利于……): such a 将 only says what will
// happen. Without a lexicon no body is known, and no such 将 directs.
func (lx *lexicon) committing(d *directed) [][]int {
	var out [][]int
	for k, m := range d.markers {
		if !lx.commitsNoOne(d, m) {
			if out != nil {
				out = append(out, m)
			}
			continue
		}
		if out == nil {
			out = append(make([][]int, 0, len(d.markers)), d.markers[:k]...)
		}
	}
	if out == nil {
		return d.markers
	}
	return out
}

// commitsNoOne reports whether the marker m of d directs no one: a bare
// 请 that asks no body (asksNoOne), or a 将 that is not
// before one of willListed's words and either follows no body or is the
// preposition 将 (= 把) of a report: 市局将年报工作列入绩效考核 says what
// was done, 县委将把……作为 what will be.
func (lx *lexicon) commitsNoOne(d *directed, m []int) bool {
	word := d.blank[m[0]:m[1]]
	if word == "请" {
		// After another marker, 请 invites (要与高校联系,请专家来校讲座):
		// the sentence directs by the marker before it.
		return m[0] > d.markers[0][0] || lx.asksNoOne(d, m[0])
	}
	if isAssignment(word) {
		return lx.assignsNoOne(d, m)
	}
	if !strings.HasPrefix(word, "将") || isListedWill.MatchString(word) {
		return false
	}
	if dispositive().MatchString(d.blank[m[0]:]) {
		return true
	}
	return lx == nil || len(d.subjectBodiesAt(lx, runeCount(d.blank[:m[0]]))) == 0
}

// assignsNoOne reports whether the 负责 of marker m of d follows no body
// or person it assigns work to: 负责 after a verb (认真负责) or with no
// one named before it directs no one. Without a lexicon no body is known.
func (lx *lexicon) assignsNoOne(d *directed, m []int) bool {
	if lx == nil {
		return true
	}
	at := runeCount(d.blank[:m[0]])
	rs, _ := d.runes()
	if bs := d.subjectBodiesAt(lx, at); len(bs) > 0 {
		// The body stands right before 负责, or before the adverbs
		// that say how (主要负责, 具体负责): after another verb (敢于
		// 负责) 负责 is what it does, not work assigned.
		end := bs[len(bs)-1].Span.End
		return end > at || !assignAdverbs().MatchString(strings.TrimLeft(string(rs[end:at]), "，,"))
	}
	return len(lx.personsBefore(rs, at)) == 0
}

// assignAdverbs matches what may stand between a body and the 负责 that
// assigns it work: 主要, 具体, 分别 …
var assignAdverbs = mustRegexp(`^(?:主要|具体|专门|亲自|全面|直接|分别|统一|共同|也|还|都|将|要|继续|仍)*$`)

// asksNoOne reports whether the bare 请 at byte i of d asks no body to
// act: 请 directs when a body name follows it (请教科室论证, 请财务室核对;
// guide, "Task": 请……), but not inside a word (申请, 邀请, 提请, 恳请) nor
// before anything else (请示, 请假). Without a lexicon no body is known.
func (lx *lexicon) asksNoOne(d *directed, i int) bool {
	if lx == nil {
		return true
	}
	if prev, _ := utf8.DecodeLastRuneInString(d.blank[:i]); strings.ContainsRune(requestWordLeads, prev) {
		return true
	}
	rs, _ := d.runes()
	at := runeCount(d.blank[:i]) + 1
	return lx.longestBodyPrefix(rs[at:], nil, maxBodyRunes) == 0
}

// requestWordLeads are the characters before 请 in the words that hold it
// without asking anyone to act: 申请, 邀请, 提请, 恳请, 敬请, 呈请, 报请,
// 聘请, 延请, 宴请, 回请, 吁请, 烦请, 函请.
const requestWordLeads = "申邀提恳敬呈报聘延宴回吁烦函"

// dispositive matches the preposition 将 with the verb that disposes of
// its object later in the clause: 将年报工作作为重点, 将规模企业纳入其中.
var dispositive = mustRegexp(`^将[^，,。；;：:把]{1,30}?(?:作为|列入|列为|纳入|设置为|设为|确定为|定为|放在|摆在|置于|安排在|转为|改为|调整为|视为|当作|当成|分为|交由|交给)`)

// permission finds a provision that allows rather than directs: a case,
// then 可 (对党员不足3人的，可联合建立党组织; 条件具备的可单独建立).
var permission = mustPattern(`的[,，]?(?:也|均|亦|则)?可(?:以)?(?:[^能行靠持见是观喜贵爱控谓惜视信比读]|$)`)

// allowsOnly reports whether a folded sentence with no directive marker
// only allows what it states: permissive 可 counts only where it names who
// acts, by 由 (guide, "Task": 可由各县市区委组织部直接管理).
func allowsOnly(s string) bool {
	return permission.MatchString(s) && !strings.Contains(s, "可由") && !strings.Contains(s, "可以由")
}

// plain reports whether a folded sentence states work without reporting
// the past or describing what is: in a plan section it is an instruction.
// Its characters are in cs, when not nil.
func plain(s string, cs *charSet) bool {
	body := stripNumbering(s)
	return runeCount(body) >= 6 && !dateLine().MatchString(body) && !reports(body) && !description.MatchIn(body, cs) && !habitual.MatchIn(body, cs) && !notDirective(body, cs)
}

// reports reports whether the body of a sentence reports what was done:
// isPastReport, less a description of the thing acted on (对已建成的……),
// and less the words of a result (取得明显进展) in a goal set for a year
// to come (到2020年，……取得明显进展), which only 已 or 了 make a report.
func reports(body string) bool {
	if !isPastReport(withoutPastDescriptions(body)) {
		return false
	}
	return !goalYearOpening.MatchString(body) || strings.Contains(body, "已") || strings.Contains(body, "了")
}

// goalYearOpening matches the year a goal is set for, opening a
// sentence: 到2020年，, 力争到2025年底，.
var goalYearOpening = mustPattern(`^(?:力争|争取)?(?:到|至)[0-9〇零一二三四五六七八九]{4}年(?:底|末)?[，,]`)

// dateLine matches a line that is only a date, as a document's signature
// closes it (国务院办公厅 / 2019年1月9日): it states no work.
var dateLine = mustRegexp(`^[\s(（]*[0-9〇零一二三四五六七八九]{2,4}\s*年\s*[0-9一二三四五六七八九十]{1,2}\s*月\s*[0-9一二三四五六七八九十]{1,3}\s*日[\s)）。.]*$`)

// blankNeutral hides the words that contain 要 without directing anything,
// and short quotations, keeping rune offsets.
func blankNeutral(s string) string {
	s = blankQuotations(s)
	if strings.Contains(s, "要") || strings.Contains(s, "应") {
		// Every neutral word holds one of them (TestNeutralWords).
		s = blankNeutralWords(s)
	}
	return blankNeutralUses(s)
}

// leadingOrdinal matches the ordinal a paragraph or bullet opens with.
var leadingOrdinal = mustPattern(`^\s*(?:[一二三四五六七八九十]{1,3}\s*[、.]|[(（][一二三四五六七八九十0-9]{1,3}[)）]|[0-9]{1,2}\s*[、.)）]|[①②③④⑤⑥⑦⑧⑨⑩]|[—-]{1,2}|[·•●▲■◆]|[一二三四五六七八九十]{1,2}(?:是|要)|第[一二三四五六七八九十]{1,2}\s*[,，、:：]?|首先[,，]?|其次[,，]?|再次[,，]?|最后[,，]?)\s*`)

// stripNumbering removes the ordinal a sentence opens with.
func stripNumbering(s string) string {
	if m := ordinalPrefix(s); m != nil {
		return s[m[1]:]
	}
	return s
}

// ordinalPrefix returns the byte span of the ordinal s opens with, or nil.
// 第一 with no mark after it is no ordinal where it opens a word of its
// own: a role (第一书记, 第一责任人, 第一负责人) or the adverb 第一时间.
func ordinalPrefix(s string) []int {
	m := leadingOrdinal.FindStringIndex(s)
	if m == nil {
		return nil
	}
	rest := strings.TrimLeft(s[:m[1]], " \t\u3000")
	if strings.HasPrefix(rest, "第") && !strings.ContainsAny(rest, ",，、:：") {
		for _, w := range ordinalWords {
			if strings.HasPrefix(s[m[1]:], w) {
				return nil
			}
		}
	}
	return m
}

// ordinalWords are the words that 第一, 第二 … open without numbering
// anything: roles named by their rank and the adverb 第一时间.
var ordinalWords = []string{"书记", "副书记", "责任人", "负责人", "时间"}

// TaskID returns the stable id of a task: a hash of the speech's title and
// the task's normalised text, so it survives renamed, moved and reordered
// files and changes to other sentences. A sentence repeated within a
// speech is one task, so title and text identify it.
func TaskID(title, text string) string {
	return taskID(squeeze(title), squeeze(text))
}

// taskID is TaskID for a title and text already squeezed: a speech's
// tasks share its title, and each task's text is squeezed anyway to find
// repeats.
func taskID(title, text string) string {
	h := sha1.New()
	h.Write([]byte(title))
	h.Write([]byte{0})
	h.Write([]byte(text))
	sum := h.Sum(nil)
	return "RW-" + base32.StdEncoding.EncodeToString(sum)[:10]
}

// squeeze drops blanks and punctuation so ids ignore formatting. It is
// strings.Map with squeezeDrops, which a run asks of every task: copying
// the bytes of the characters kept is cheaper than encoding each again.
func squeeze(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, size := decodeRune(s, i)
		switch {
		case squeezeDrops(r):
		case r == utf8.RuneError && size == 1:
			b.WriteRune(r) // strings.Map spells an invalid byte so
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// squeezeDrops reports whether squeeze drops r.
func squeezeDrops(r rune) bool {
	switch r {
	case '，', ',', '。', '.', '；', ';', '：', ':', '！', '!', '？', '?', '、',
		'“', '”', '"', '\'', '‘', '’', '（', '）', '(', ')':
		return true
	}
	return isBlank(r)
}

// dropBoundNeed drops the markers of ms, found in s, that are a 需 bound
// into a word before it: 所需 (what is needed: 安排所需课程) and 必需
// (indispensable) direct no one.
func dropBoundNeed(s string, ms [][]int) [][]int {
	bound := func(m []int) bool {
		return strings.HasPrefix(s[m[0]:], "需") && (strings.HasSuffix(s[:m[0]], "所") || strings.HasSuffix(s[:m[0]], "必"))
	}
	for k, m := range ms {
		if !bound(m) {
			continue
		}
		out := append(make([][]int, 0, len(ms)-1), ms[:k]...)
		for _, m := range ms[k+1:] {
			if !bound(m) {
				out = append(out, m)
			}
		}
		return out
	}
	return ms
}
