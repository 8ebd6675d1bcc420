package extract

import (
	_ "embed"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

//go:embed data/heads.txt
var headsTable string

// bodySuffixes are the words an organisation, unit or role name ends with
// (guide, "Responsible body"); standalone are those that name a body on
// their own, and shortNames the two-character names the length rule
// rejects (data/heads.txt).
var bodySuffixes, standalone, shortNames = func() ([]string, map[string]bool, map[string]bool) {
	var heads []string
	alone, short := map[string]bool{}, map[string]bool{}
	section := ""
	for _, line := range strings.Split(headsTable, "\n") {
		line = strings.TrimSpace(line)
		switch {
		case strings.HasPrefix(line, "## "):
			section = line[3:]
		case line == "" || line[0] == '#':
		case section == "heads":
			heads = append(heads, line)
		case section == "alone":
			alone[line] = true
		case section == "short":
			short[line] = true
		}
	}
	return heads, alone, short
}()

// suffixLast holds the last character of every body suffix, and of the
// collective names of places and units (各县, 各校, 全市上下), for a quick test
// before the full one.
var suffixLast = func() *runeSet {
	s := new(runeSet)
	for _, w := range bodySuffixes {
		r, _ := utf8.DecodeLastRuneInString(w)
		s.add(r)
	}
	for _, r := range "省市县区镇乡道街村州盟旗下" + collectiveUnitHeads {
		s.add(r)
	}
	return s
}()

// bodyPattern matches a body name ending a subject clause: an optional
// collective prefix, a short core and a body suffix.
var bodyPattern = func() *pattern {
	s := append([]string(nil), bodySuffixes...)
	sort.Slice(s, func(i, j int) bool { return len(s[i]) > len(s[j]) })
	return mustPattern(`(?:` + strings.Join(s, "|") + `)$`)
}()

// bodySuffixSet holds bodySuffixes, and bodySuffixRunes the length of the
// longest in characters. A name ends in a suffix, as bodyPattern matches,
// when one of its last few characters' runs is in the set: isBodyName
// tests that thousands of times a speech, and the set is much cheaper
// than the pattern.
var bodySuffixSet, bodySuffixRunes = func() (map[string]bool, int) {
	set, most := make(map[string]bool, len(bodySuffixes)), 0
	for _, w := range bodySuffixes {
		set[w] = true
		most = max(most, runeCount(w))
	}
	return set, most
}()

// hasBodySuffix reports whether name ends in a body suffix:
// bodyPattern.MatchString(name).
func hasBodySuffix(name string) bool {
	i := len(name)
	for k := 0; k < bodySuffixRunes && i > 0; k++ {
		_, size := utf8.DecodeLastRuneInString(name[:i])
		i -= size
		if bodySuffixSet[name[i:]] {
			return true
		}
	}
	return false
}

// notBodies are subjects that look like bodies but are not: pronouns,
// fields of work (guide, "Responsible body"), and words of place, extent,
// shape or outcome whose last character is a head (学校内部, 全部, 工作格局,
// 公共场所), and rooms named for what is done in them (教室, 会议室): 室 heads
// offices named for their work (办公室, 督查室), not places.
var notBodies = mustPattern(`(?:内部|外部|全部|局部|格局|布局|大局|结局|开局|时局|变局|新局|困局|僵局|残局|骗局|终局|危局|乱局|定局|好处|难处|长处|短处|用处|到处|深处|益处|坏处|之处|场所|住所|处所|教室|课室|寝室|卧室|浴室|会议室|阅览室|休息室|储藏室|地下室|温室|密室)$|^(?:我们|大家|同志们|你们|他们|咱们|我|各位|全县|全市|全区|全省|我县|我市|我区|我省|我国|本地|当地|基层|上级|下级|企业|公司|集团)$|工作$|建设$|活动$|发展$|制度$|机制$|体系$`)

// subjectTrim removes, from the front of a subject clause, words that
// introduce the subject rather than belong to it: among them the
// prohibitions whose object is who they bind (严禁学校和教师向学生推销……
// binds 学校 and 教师).
var subjectTrim = mustPattern(`^(?:(?:这就要求|这要求|就要求|要求|请|由|让|督促|责成|严禁|禁止|不准|希望|同时|此外|另外|并且|而且|并|特别是|尤其是|其中|为此|对此|因此|所以|今后|下一步|当前|目前|现在|明年|今年|我们的|你们的|咱们的|我们|你们|咱们|这次会后|会后|从今天起|从现在起|从现在开始|[0-9一二三四五六七八九十]+是)[,，]?)+`)

// coordination splits coordinated names: 县委、县政府; 各级工会特别是区总各部门.
var coordination = mustPattern(`、|和|与|及|以及|同|特别是|尤其是|会同|联合|配合`)

// verbOpening matches names that open with a verb and so are clauses:
// 设立脱贫办, 通过各方面; a causative (致使个别干部……) or a preposition
// (与帮扶村党支部衔接) makes the names after it its object, not a subject. The coverbs that frame a clause's basis or
// means (结合企业的调整, 依照有关规定, 立足本单位) are among them.
var verbOpening = mustPattern(`^(?:致使|导致|使得|以致|与[^会]|跟|要|保证|设立|成立|组建|通过|构建|建立|组织|推动|引导|鼓励|支持|依托|围绕|按照|根据|依照|依据|遵照|遵循|对照|结合|立足|着眼|借助|凭借|基于|本着|随着|鉴于|针对|面向|加强|加快|推进|落实|抓好|做好|利用|发挥|动员|协调|配合|联系|指导|帮助|督促|确保|完善|健全|强化|深化|优化|提高|提升|开展|实施|召开|举办|参加|参与)`)

// datedClause matches a clause that holds a day, a month or a deadline
// (即12月底前确定好示范村): no unit's name does.
var datedClause = mustPattern(`[0-9０-９xX一二三四五六七八九十]+(?:月|日|号)|底前|之前|以前`)

// arrivalClause matches what follows the subject of a clause that times
// the directive by its arrival (各工作组进村后，要……): the names before it
// are who acts.
var arrivalClause = mustPattern(`^[进入下到回](?:村|乡|镇|校|社区|户)(?:后|以后|之后)$`)

// goesToPlace matches a verb of going and the place gone to, closing a
// clause: 进村, 下乡, 到校.
var goesToPlace = mustPattern(`[进入下到回](?:村|乡|镇|校|社区)$`)

// modalInName matches modal verbs, which no name holds.
var modalInName = mustPattern(`能够|可以|应该|应当`)

// partOpening matches names of an unnamed part of the units (一些部门,
// 个别学校, 有的单位), which name none of them.
var partOpening = mustPattern(`^(?:一些|有些|有的|个别|少数|部分)`)

// prohibitions are the prohibitions whose object is who they bind.
var prohibitions = []string{"严禁", "禁止", "不准"}

// maxBodyRunes bounds a body name; longer "names" are clauses.
const maxBodyRunes = 20

// subjectBodiesIn returns the bodies named as the subject of the directive
// whose marker starts at rune offset at in a folded sentence (guide,
// "Responsible body": the subject of the directive; coordinated names are
// split). The subject is the body names that open the marker's clause
// (各镇办各部门从现在开始要…); when the marker opens its clause, the names
// that open the clause before it (各镇办各部门从现在开始,要…).
// The sentence is given as its runes, rs, which callers share with the
// other rules that read them: subjectBodiesIn does not change rs.
func (lx *lexicon) subjectBodiesIn(rs []rune, at int) []Body {
	if at > len(rs) {
		at = len(rs)
	}
	start := clauseStart(rs, at)
	if start == at && firstAt(rs, at, prohibitions) != "" {
		// 严禁领导干部在公共场合吸烟: the names after a prohibition that
		// opens its clause are who it binds.
		return lx.leadingBodies(rs[at:clauseEnd(rs, at)], at)
	}
	before := false // the marker opens its clause: the subject is before it
	if c := strings.TrimSpace(string(rs[start:at])); (c == "" || adverbsOnly().MatchString(c)) && start > 0 {
		prevEnd := start - 1
		start = clauseStart(rs, prevEnd)
		at = prevEnd
		before = true
	}
	bs := lx.leadingBodies(rs[start:at], start)
	if before && len(bs) > 0 && lx.predicateNotName(bs[0].Name) {
		return nil // ……，改造薄弱学校，将经费……: the clause before is a predicate
	}
	if before && len(bs) > 0 && opensWithTopic(rs[:start]) {
		return nil // 对于那些……的同志，要……支持: the people are 对于's object
	}
	if m := whenClause().FindStringIndex(string(rs[start:at])); len(bs) == 0 && m != nil {
		// 报账时核算中心要……: the subject follows the time it acts at.
		from := start + runeCount(string(rs[start:at])[:m[1]])
		bs = lx.leadingBodies(rs[from:at], from)
	}
	if len(bs) == 0 && before {
		bs = lx.roleFramed(rs, start, at)
	}
	if len(bs) == 0 && start > 0 {
		bs = lx.plannerBefore(rs, start)
	}
	if len(bs) == 0 && before {
		bs = lx.establishedIn(rs, start, at)
	}
	if len(bs) == 0 {
		// The head is the whole subject: nothing goes on after it.
		return lx.namedBefore(rs, start, at)
	}
	if rest := rs[bs[len(bs)-1].Span.End:at]; lx.nounGoesOn(rest) && !arrivalClause.MatchString(string(rest)) {
		return nil // 工会工作要……, 全市中小学网络带宽要……: a field of work
	}
	return append(lx.listBefore(rs, start), bs...)
}

// roleFrames open a clause that frames the role of who it names: 作为班主任.
var roleFrames = []string{"作为", "身为"}

// roleFramed returns the body that the clause rs[start:end] frames as the
// role the directive after it binds: 作为班主任，要以身作则 directs class
// teachers, the subject the directive leaves unsaid. The clause must be
// 作为 or 身为 and the name alone.
func (lx *lexicon) roleFramed(rs []rune, start, end int) []Body {
	c := string(rs[start:end])
	v := firstPrefix(c, roleFrames)
	if v == "" {
		return nil
	}
	from := start + runeCount(v)
	bs := lx.leadingBodies(rs[from:end], from)
	if len(bs) == 0 || bs[0].Span.Start != from || strings.TrimSpace(string(rs[bs[len(bs)-1].Span.End:end])) != "" {
		return nil
	}
	return bs
}

// establishedIn returns the body that the clause rs[start:end] sets up
// (成立……领导小组, 设立脱贫办, 组建工作专班), before a marker that opens its
// own clause with no subject: the body set up is who acts (二是设立脱贫办，
// 要精心组织……; 成立工作专班，负责统筹协调). The name ends the clause.
func (lx *lexicon) establishedIn(rs []rune, start, end int) []Body {
	c := string(rs[start:end])
	from := start
	if m := ordinalPrefix(c); m != nil {
		from += runeCount(c[:m[1]])
		c = c[m[1]:]
	}
	v := firstPrefix(c, establishingVerbs)
	if v == "" {
		return nil
	}
	return lx.bodyEndingAt(rs, from+runeCount(v), end)
}

// establishingVerbs set up a body.
var establishingVerbs = []string{"成立", "设立", "组建", "组成", "建立", "新设", "增设"}

// namedBefore returns the body that a bare head, standing alone as the
// subject rs[start:end] of a marker (领导小组要……, 专班要……), refers back
// to: the last body of the sentence before it whose name ends in that
// head (成立……的水务脱贫攻坚领导小组，领导小组要……). Official writing
// names a body in full once and then by its head.
func (lx *lexicon) namedBefore(rs []rune, start, end int) []Body {
	head := strings.TrimSpace(string(rs[start:end]))
	if !bodySuffixSet[head] || standalone[head] || runeCount(head) < 2 {
		return nil
	}
	hr := []rune(head)
	for e := start - 1; e >= len(hr); e-- {
		if string(rs[e-len(hr):e]) != head {
			continue
		}
		if bs := lx.bodyEndingAt(rs, clauseStart(rs, e), e); len(bs) > 0 {
			return bs
		}
	}
	return nil
}

// bodyEndingAt returns the longest body name of rs that ends at offset end
// and starts where a word does, at or after from, or nil.
func (lx *lexicon) bodyEndingAt(rs []rune, from, end int) []Body {
	if lx == nil || lx.words == nil || end-from < 2 {
		return nil
	}
	for _, w := range lx.words.words(string(rs[from:end])) {
		k := from + w.start
		if end-k > maxBodyRunes {
			continue
		}
		if end-k < 2 {
			break
		}
		name := string(rs[k:end])
		if lx.isBodyName(name) && lx.wholeName(name) && !bodySuffixSet[name] && !directs(name) {
			return []Body{{Name: name, Role: RoleLead, Span: Span{k, end}}}
		}
	}
	return nil
}

// directs reports whether s holds a directive marker: a name holds none
// (各乡镇要成立领导小组 is a clause).
func directs(s string) bool {
	return len(directiveMarker.FindAllStringIndex(blankNeutral(s), 1)) > 0
}

// predicateNotName reports whether name, found opening the clause before
// a marker that opens its own, is a verb and its object (改造薄弱学校,
// 统筹规划城镇小区配套幼儿园) rather than a name. A description before
// 的 may open with a verb (参与定点帮扶的单位).
func (lx *lexicon) predicateNotName(name string) bool {
	if strings.Contains(name, "的") || lx == nil || lx.words == nil {
		return false
	}
	ws := lx.words.words(name)
	return len(ws) > 1 && ws[0].pos == "v"
}

// openingSubject returns the bodies that open the folded sentence d as
// the subject of its first verb, in a sentence that directs with no
// marker (a statement of work in a plan, an item a tag or note assigns):
// 生态环境部会同有关部门对试点工作进行指导 names 生态环境部 and 有关部门.
// A short opening clause of time (2019年上半年，) may stand before them.
// The result is shared: callers must not change it.
func (lx *lexicon) openingSubject(d *directed) []Body {
	if lx == nil || lx.words == nil {
		return nil
	}
	rs, _ := d.runes()
	start := 0
	if m := ordinalPrefix(d.text); m != nil {
		start = runeCount(d.text[:m[1]])
	}
	for k := 0; k < 2 && start < len(rs); k++ {
		end := clauseEnd(rs, start)
		if bs := lx.leadingBodies(rs[start:end], start); len(bs) > 0 {
			if !lx.subjectOfClause(rs, bs, start, end) {
				return nil
			}
			return bs
		}
		if end-start > 10 || end >= len(rs) || !openingTime().MatchString(string(rs[start:end])) {
			return nil
		}
		start = end + 1
	}
	return nil
}

// subjectOfClause reports whether bs, the bodies that the clause
// rs[start:end] opens with, are its subject: they open it, each is
// surely a body's name, and a predicate follows them, after a word of
// time or frequency it may hold (党组织每季度初召开例会).
func (lx *lexicon) subjectOfClause(rs []rune, bs []Body, start, end int) bool {
	if bs[0].Span.Start != start {
		return false
	}
	for _, b := range bs {
		if !lx.plainSubjectName(b.Name) {
			return false
		}
	}
	rest := rs[bs[len(bs)-1].Span.End:end]
	if m := subjectTime().FindStringIndex(string(rest)); m != nil {
		rest = rest[runeCount(string(rest)[:m[1]]):]
	}
	return lx.opensWithVerb(rest)
}

// subjectTime matches a word of time or frequency between a subject and
// its predicate: 每季度初, 每月, 今年, 年内.
var subjectTime = mustRegexp(`^(?:每[一两半]?(?:个)?(?:年|季度|季|月|周|星期|天|日)(?:初|末|底)?|今年|明年|年内|近期|当前)`)

// midClauseSubject returns the bodies that open a later clause of the
// folded sentence d as the subject of its verb, with no marker of their
// own, where the directive's marker names none: in 要借鉴……的经验，党支部
// 每月拿出半天时间，组织…… the party branch is who acts (issue 13: a
// sentence that names its own subject uses it). The first clause is the
// marker's, which has no subject.
func (lx *lexicon) midClauseSubject(d *directed) []Body {
	if lx == nil || lx.words == nil {
		return nil
	}
	if !markerOpens().MatchString(d.text) {
		return nil // the first clause has a subject of its own, or none is wanted
	}
	rs, _ := d.runes()
	for start := clauseEnd(rs, 0) + 1; start < len(rs); start = clauseEnd(rs, start) + 1 {
		if rs[start-1] != ',' && rs[start-1] != '，' {
			return nil // past the sentence's list of clauses
		}
		end := clauseEnd(rs, start)
		if bs := lx.leadingBodies(rs[start:end], start); len(bs) > 0 {
			if lx.subjectOfClause(rs, bs, start, end) && !doneWords().MatchString(string(rs[start:end])) && !lx.verbAndObject(bs) {
				return bs
			}
			return nil
		}
	}
	return nil
}

// verbAndObject reports whether a name of bs holds a verb of two or more
// characters with a noun after it, outside a description before 的: the
// "name" is a predicate and its object (大力倡导民营企业).
func (lx *lexicon) verbAndObject(bs []Body) bool {
	for _, b := range bs {
		if strings.Contains(b.Name, "的") {
			continue
		}
		ws := lx.words.words(b.Name)
		for i := 0; i+1 < len(ws); i++ {
			if ws[i].pos == "v" && ws[i].end-ws[i].start >= 2 && ws[i+1].end-ws[i+1].start >= 2 {
				return true
			}
		}
	}
	return false
}

// markerOpens matches a sentence whose first word is its directive
// marker: 要借鉴……, 必须…….
var markerOpens = mustRegexp(`^(?:要|必须|务必|一定要|需要)`)

// doneWords match a clause that reports what was done (教育局已经下发了
// 文件): its subject did it, and is told to do nothing.
var doneWords = mustRegexp(`已经|已|曾|刚才|了`)

// plainSubjectName reports whether a name that opens a sentence with no
// marker is surely a body's: with no 要 to show where the subject ends,
// the sentence may as well open with a verb and its object (坚持政府引导,
// 加大企业博士后工作站……资助力度) or a label (国办发, B. 第二部分). The name
// must not open with a verb or an adverb, must end in a body's head (or be a
// collective 各……, 有关……), and must be more than a two-character word.
func (lx *lexicon) plainSubjectName(name string) bool {
	if collectiveScope().MatchString(name) {
		return true // 各地, 有关部门
	}
	if runeCount(name) < 3 || strings.ContainsFunc(name, func(r rune) bool { return r < utf8.RuneSelf }) {
		return false
	}
	if ws := lx.words.words(name); len(ws) == 0 || clauseWords[ws[0].pos] || ws[0].pos == "v" || ws[0].pos == "vn" || ws[0].pos == "vd" {
		return false // 进一步加强与……企业: an adverb or a verb opens a predicate
	}
	if r, _ := utf8.DecodeLastRuneInString(name); strings.ContainsRune("省市县区乡镇村州旗", r) {
		return false // 城镇和农村: a place alone is no body
	}
	return hasBodySuffix(withoutParens(name)) && lx.wholeName(name)
}

// openingTime matches a short clause of time a sentence may open with
// before its subject: 2019年上半年, 会后, 本月底前.
var openingTime = mustRegexp(`[年月日]|季度|(?:前|后|期间|以来|以前|以后)$`)

// opensWithVerb reports whether the rest of a clause after its subject
// opens with a predicate: a verb, or the preposition or adverb before it
// (对试点工作进行指导, 按程序做好, 负责编制).
func (lx *lexicon) opensWithVerb(rest []rune) bool {
	ws := lx.words.words(string(rest))
	if len(ws) == 0 {
		return false
	}
	switch ws[0].pos {
	case "v", "vd", "p", "d", "ad":
		return true
	}
	return false
}

// plannerBefore returns the bodies of the clause before offset start when
// that clause is a body and a verb of planning (省委考虑,今年要……;
// 县里打算,下半年要……): the body plans what the marker's clause says, and
// is its subject (issue 13: commitments of a named body). A decision
// already taken (县委决定……) is no such verb.
func (lx *lexicon) plannerBefore(rs []rune, start int) []Body {
	if rs[start-1] != ',' && rs[start-1] != '，' {
		return nil
	}
	prev := clauseStart(rs, start-1)
	if !endsWithAny(rs[prev:start-1], start-1-prev, planVerbs) {
		return nil // what planVerb matches ends the clause
	}
	bs := lx.leadingBodies(rs[prev:start-1], prev)
	if len(bs) == 0 || !planVerb().MatchString(string(rs[bs[len(bs)-1].Span.End:start-1])) {
		return nil
	}
	return bs
}

// planVerbs are the verbs of planning, and planVerb matches what follows a
// body in a clause that says it plans the next one.
var (
	planVerbs = []string{"考虑", "打算", "计划", "准备", "设想", "谋划"}
	planVerb  = mustRegexp(`^(?:初步|还|也)?(?:` + strings.Join(planVerbs, "|") + `)$`)
)

// opensWithTopic reports whether the clauses before a subject open with
// a preposition whose object runs on to that subject (对于那些坚持原则，
// 敢于……的同志，要……): the names are what the directive is about, not
// who acts.
func opensWithTopic(before []rune) bool {
	s := strings.TrimSpace(string(before))
	if m := ordinalPrefix(s); m != nil {
		s = s[m[1]:]
	}
	if !hasPrefixAny(s, "对于", "对", "关于") || hasPrefixAny(s, "对照", "对标", "对接", "对口", "对外") {
		return false
	}
	return !strings.ContainsAny(s, "。；;：:") && runeCount(s) <= 30
}

// listBefore returns the bodies of the clauses before offset start that
// hold nothing but coordinated body names, joined to the subject by a
// comma: in 各学校、幼儿园,局属各单位要…… all three are the subject.
func (lx *lexicon) listBefore(rs []rune, start int) []Body {
	var out []Body
	for start > 0 && (rs[start-1] == ',' || rs[start-1] == '，') {
		prev := clauseStart(rs, start-1)
		bs := lx.leadingBodies(rs[prev:start-1], prev)
		if len(bs) == 0 || bs[len(bs)-1].Span.End != start-1 || strings.HasPrefix(bs[0].Name, "凡") {
			break // 凡有在建工程的学校，……: a topic, all those it covers
		}
		out = append(bs, out...)
		start = prev
	}
	return out
}

// whenClause matches a short phrase of time that opens a subject clause
// before its subject: 报账时, 检查期间.
var whenClause = mustRegexp(`^[^,，]{1,10}?(?:时|的时候|期间)`)

// nounGoesOn reports whether the rest of a subject, after the body names
// it opens with, goes on with a noun: the names then only qualify the
// subject, which is a field of work or a thing (guide, "Responsible
// body": 信息工作要…… names no body).
func (lx *lexicon) nounGoesOn(rest []rune) bool {
	if len(rest) == 0 || lx == nil || lx.words == nil {
		return false
	}
	ws := lx.words.words(string(rest))
	if len(ws) == 0 {
		return false
	}
	if len(ws) > 1 && string(rest[ws[0].start:ws[0].end]) == "的" {
		// 各地的资料要……: the names qualify a thing; 教研室的人员 are
		// the body's people.
		if w := string(rest[ws[1].start:ws[1].end]); strings.ContainsAny(lastRune(w), "员人者师长") {
			return false
		}
		ws = ws[1:]
	}
	switch ws[0].pos {
	case "n", "vn", "nz", "l", "j", "ng", "an":
		return true
	case "nr":
		// The dictionary takes some fields for names (德育工作).
		return len(ws) > 1 && (ws[1].pos == "n" || ws[1].pos == "vn")
	}
	return false
}

// lastRune returns the last character of s as a string.
func lastRune(s string) string {
	_, size := utf8.DecodeLastRuneInString(s)
	return s[len(s)-size:]
}

// adverbsOnly matches a clause holding nothing but adverbs before its
// marker (……负责人,更要……): the subject is in the clause before.
var adverbsOnly = mustRegexp(`^(?:更|也|还|都|就|则|均|一定|务必|必须|切实|尤其|特别|首先|同时|进一步)+$`)

// clauseMarks are the marks that end a clause for clauseStart.
var clauseMarks = runeSetOf("，,。；;：:！!？?“”\"")

// clauseStart returns the offset where the clause holding rs[at-1] begins.
// A short quoted word (村“两委”, 各单位“一把手”) is part of its clause.
func clauseStart(rs []rune, at int) int {
	for at > 0 {
		if q := quotedWordStart(rs, at); q >= 0 {
			at = q
			continue
		}
		if clauseMarks.has(rs[at-1]) {
			break
		}
		at--
	}
	return at
}

// maxQuotedWord bounds the quoted words that stay inside a clause.
const maxQuotedWord = 5

// quotedWordStart returns the offset of the “ that opens a short quoted
// word ending at rs[at-1] (a ”), or -1.
func quotedWordStart(rs []rune, at int) int {
	if at == 0 || rs[at-1] != '”' {
		return -1
	}
	for i := at - 2; i >= 0 && i >= at-2-maxQuotedWord; i-- {
		switch {
		case rs[i] == '“':
			if i == at-2 {
				return -1
			}
			return i
		case clauseMarks.has(rs[i]):
			return -1
		}
	}
	return -1
}

// leadingBodies returns the coordinated body names a clause opens with;
// offset is the clause's rune offset in its sentence.
func (lx *lexicon) leadingBodies(clause []rune, offset int) []Body {
	c := string(clause)
	if m := subjectTrim.FindStringIndex(c); m != nil {
		offset += runeCount(c[:m[1]])
		c = c[m[1]:]
	}
	if m := ordinalPrefix(c); m != nil {
		offset += runeCount(c[:m[1]])
		c = c[m[1]:]
	}
	var out []Body
	rs := []rune(c)
	// Word boundaries cost a segmentation, though less than testing
	// every length of name a clause may open with: find them for a
	// clause that has, where a name may end, a character one ends with.
	var ends []bool
	var ws []word
	if lx != nil && lx.words != nil && lx.mayOpenWithName(rs) {
		ws = lx.words.words(c)
		ends = make([]bool, len(rs)+1)
		for _, w := range ws {
			ends[w.end] = true
		}
		ends[len(rs)] = true
	}
	pos := 0
	for pos < len(rs) {
		if bs, next := lx.sharedHeadsAt(rs, pos, offset, ends != nil); len(bs) > 0 {
			// 民政、残联、社保等部门要……: fields that share their head.
			out = append(out, bs...)
			if next < 0 {
				break
			}
			pos = next
			continue
		}
		var wordEnd []bool
		stop, de := len(rs), -1
		if ends != nil {
			wordEnd = ends[pos:]
			stop, de = clauseWordAt(rs, ws, pos)
		}
		n := lx.longestBodyPrefix(rs[pos:], wordEnd, maxBodyRunes)
		if !nameBound(n, pos, stop, de) {
			n = lx.longestBodyPrefix(rs[pos:], wordEnd, min(maxBodyRunes, stop-pos))
		}
		for n > 0 && verbHead(rs, ws, pos+n) {
			n = lx.longestBodyPrefix(rs[pos:], wordEnd, n-1)
		}
		if n == 0 && len(out) > 0 {
			n = coordinatedHead(rs, ws, pos)
		}
		if n == 0 {
			break
		}
		n = lx.beforeVerb(rs, ws, pos, n)
		name := string(rs[pos : pos+n])
		// 区经信委等单位: the name is 区经信委.
		if i := strings.LastIndex(name, "等"); i > 0 && lx.isBodyName(name[:i]) {
			name = name[:i]
		}
		from := pos
		// 抓实集体备课工作全体高三老师要……: a heading run into its text
		// (a copy lost the mark between); the name starts at the
		// collective word when what stands before it names no body and
		// does not describe it (在座的各位领导).
		for _, w := range []string{"全体", "各"} {
			if i := strings.Index(name, w); i > 0 && !strings.HasSuffix(name[:i], "的") && !lx.isBodyName(name[:i]) && lx.isBodyName(name[i:]) && lx.opensWithVerb([]rune(name)) {
				from += runeCount(name[:i])
				name = name[i:]
				break
			}
		}
		// “一把手”要……: the name is what the quotes hold.
		if strings.HasPrefix(name, "“") && strings.HasSuffix(name, "”") {
			name = strings.TrimSuffix(strings.TrimPrefix(name, "“"), "”")
			from++
		}
		if lx.actedOnFirm(name) {
			// 市委、市政府确定的重点企业……都要……: the names before
			// are who chose the firms, which are what the directive
			// is about (guide, "Clarifications": a firm is no body
			// where it is acted on).
			return nil
		}
		out = append(out, Body{Name: name, Role: RoleLead, Span: Span{offset + from, offset + from + runeCount(name)}})
		pos += n
		rest := string(rs[pos:])
		m := coordinationPrefix.FindString(rest)
		if m == "" {
			break
		}
		pos += runeCount(m)
	}
	sharePlaces(rs, out, offset)
	shareOffices(rs, out, offset)
	return out
}

// firmHead matches the heads of firms' names.
var firmHead = mustRegexp(`(?:企业|公司|集团)$`)

// actedOnFirm reports whether name describes firms by what a body did to
// them (市政府确定的重点企业, 县委引进的企业): a body and its verb before 的,
// the firms their object.
func (lx *lexicon) actedOnFirm(name string) bool {
	desc, role, ok := strings.Cut(name, "的")
	if !ok || !firmHead().MatchString(role) || lx == nil || lx.words == nil {
		return false
	}
	ws := lx.words.words(desc)
	rs := []rune(desc)
	for i := 1; i < len(ws); i++ {
		if ws[i].pos == "v" && lx.isBodyName(string(rs[:ws[i].start])) {
			return true
		}
	}
	return false
}

// coordinatedHead returns the length of the bare head word (教师, 单位)
// at rune offset pos of the clause rs (segmented as ws), after a body
// name and the word joining them, or 0: coordinated with a name, a head
// names the units or people of its kind (在座的各位领导和教师, 其他科室、
// 单位), though alone it is too general to be one (guide, "Responsible
// body": coordinated names are split). A noun after it makes it part of a
// longer name or a thing (教师队伍).
func coordinatedHead(rs []rune, ws []word, pos int) int {
	for i, w := range ws {
		if w.start != pos {
			continue
		}
		if w.pos != "n" || !bodySuffixSet[string(rs[w.start:w.end])] || w.end-w.start < 2 {
			return 0
		}
		if i+1 < len(ws) && nounTags[ws[i+1].pos] {
			return 0
		}
		return w.end - w.start
	}
	return 0
}

// nounTags are the parts of speech of nouns and noun phrases.
var nounTags = map[string]bool{"n": true, "vn": true, "nz": true, "ng": true, "an": true, "nt": true, "ns": true, "j": true, "l": true}

// clauseWords are the parts of speech (jieba's tags) of words that a body
// name never holds outside a parenthesis or before a 的 that ends a
// description: adverbs (各学校积极沟通……), prepositions, conjunctions other
// than those joining a name's parts, particles, pronouns other than the
// collective ones (各, 本, 每, 其他), interjections and modal particles.
var clauseWords = map[string]bool{"d": true, "ad": true, "p": true, "c": true, "u": true, "uj": true, "ul": true, "uz": true, "ug": true, "uv": true, "ud": true, "r": true, "y": true, "e": true}

// whenWords end the phrase of time a clause may open with (验收时), which
// no name holds.
var whenWords = map[string]bool{"时": true, "时候": true, "期间": true}

// nameJoiners are the words of clause parts of speech a name may hold:
// 市人力资源和社会保障局, 各级各类学校, 本单位, 其他科室.
var nameJoiners = mustRegexp(`^(?:和|及|与|以及|同|各.*|本.*|每.*|其他|其它|该|所|的)$`)

// clauseWordAt returns the rune offset of the first word at or after pos
// in the clause rs (segmented as ws) that no body name holds, or len(rs),
// and the offset of the first 的 after it, or -1: a name reaching past
// that 的 is a description, which may hold such words (基础条件还不具备
// 的乡镇).
func clauseWordAt(rs []rune, ws []word, pos int) (stop, de int) {
	depth := 0
	stop, de = len(rs), -1
	for i, w := range ws {
		if w.start < pos {
			continue
		}
		one := rune(-1) // the word's character, when it is one
		if w.end-w.start == 1 {
			one = rs[w.start]
		}
		switch {
		case one == '(' || one == '（' || one == '“':
			depth++
		case one == ')' || one == '）' || one == '”':
			depth = max(depth-1, 0)
		case one == '的':
			if stop < len(rs) {
				return stop, w.start
			}
		case depth == 0 && stop == len(rs) && noNameHolds(rs, ws, i):
			stop = w.start
		}
	}
	return stop, de
}

// noNameHolds reports whether the word ws[i] of the clause rs is one that
// no body name holds outside a parenthesis, as clauseWordAt asks.
func noNameHolds(rs []rune, ws []word, i int) bool {
	w := ws[i]
	text := string(rs[w.start:w.end])
	return clauseWords[w.pos] && !nameJoiners().MatchString(text) && !(w.end-w.start == 1 && (inUnknownWord(rs, ws, i) || pronounPiece(w, text))) || whenWords[text]
}

// nameBound reports whether a name of n runes at pos may be one, given
// the first word no name holds (stop) and the 的 after it (de): a name
// either ends before that word or runs past the 的.
func nameBound(n, pos, stop, de int) bool {
	return pos+n <= stop || de >= 0 && pos+n > de
}

// wholeName reports whether all of name is one, by the checks that end a
// name where its clause goes on (leadingBodies).
func (lx *lexicon) wholeName(name string) bool {
	if lx == nil || lx.words == nil {
		return true
	}
	if lx.isPersonName(name) {
		return true
	}
	rs := []rune(name)
	ws := lx.words.words(name)
	stop, de := clauseWordAt(rs, ws, 0)
	return nameBound(len(rs), 0, stop, de) && lx.beforeVerb(rs, ws, 0, len(rs)) == len(rs) && !verbHead(rs, ws, len(rs))
}

// verbHead reports whether the name ending at rune offset end of the
// clause rs (segmented as ws) ends in a one-character head that a
// one-character verb governs: 入局 in 躬身入局 is an act, not a bureau.
// Where a lone character stands before the verb too, the three are the
// abbreviated name of a section that the dictionary lacks and cut into
// characters (规建股, 基建科: a field's first characters and the head),
// not a verb and its object.
func verbHead(rs []rune, ws []word, end int) bool {
	for i, w := range ws {
		if w.end == end {
			if w.end-w.start != 1 || !bodySuffixSet[string(rs[w.start])] || i == 0 || ws[i-1].end-ws[i-1].start != 1 || ws[i-1].pos != "v" {
				return false
			}
			return i < 2 || !lonePart(rs, ws[i-2])
		}
	}
	return false
}

// pronounPiece reports whether w, a word of text text, is a lone
// character the dictionary tags as a pronoun that is no pronoun on its
// own: a piece of a word it lacks (任 of 科任老师, tagged for 任何).
func pronounPiece(w word, text string) bool {
	return w.pos == "r" && !strings.Contains(lonePronouns, text)
}

// lonePronouns are the characters that are pronouns on their own.
const lonePronouns = "我你您他她它咱其各每本该此这那某谁啥彼之自"

// lonePart reports whether w is a lone Han character that is no clause
// word: a piece of a word the dictionary lacks.
func lonePart(rs []rune, w word) bool {
	return w.end-w.start == 1 && unicode.Is(unicode.Han, rs[w.start]) && !clauseWords[w.pos]
}

// beforeVerb shortens the name of n runes at pos in the clause rs
// (segmented as ws) to the body name that a predicate follows inside it:
// in 各学校支部组织好党员 the body is 各学校支部, and 组织好党员 what it
// does. A verb alone may be part of a name (扶贫工作站); a verb with its
// complement (组织好, 落实到) or a verb that opens a predicate (深入, 作为)
// is not.
func (lx *lexicon) beforeVerb(rs []rune, ws []word, pos, n int) int {
	for i, w := range ws {
		if w.start <= pos+1 || w.start >= pos+n || w.pos != "v" {
			continue
		}
		text := string(rs[w.start:w.end])
		complement := i+1 < len(ws) && ws[i+1].end-ws[i+1].start == 1 && strings.ContainsRune("好到完实细住", rs[ws[i+1].start])
		before := string(rs[pos:w.start])
		if (complement || predicateVerbs[text]) && lx.isBodyName(before) || lx.isPersonName(before) {
			return w.start - pos
		}
	}
	return n
}

// predicateVerbs open a predicate and never stand inside a body name.
var predicateVerbs = map[string]bool{"作为": true, "深入": true, "带头": true, "主动": true, "坚持": true, "负责": true}

// coordinationPrefix matches the word joining two coordinated names.
var coordinationPrefix = mustPattern(`^(?:、|和|与|及|以及|同|特别是|尤其是|会同|联合|配合)`)

// longestBodyPrefix returns the rune length of the longest body name that
// rs opens with, of at most longest runes, or 0. A name must end where a
// word ends (guide, "Responsible body": 全力以赴组织施工 holds no 组):
// wordEnd, from gse, says where words end; nil means every offset may.
func (lx *lexicon) longestBodyPrefix(rs []rune, wordEnd []bool, longest int) int {
	for n := min(len(rs), longest); n >= 2; n-- {
		if wordEnd != nil && !wordEnd[n] {
			continue
		}
		if !lx.mayEnd(rs[n-1]) {
			continue // no body name ends so
		}
		if lx.isBodyName(string(rs[:n])) {
			return n
		}
	}
	return 0
}

// mayOpenWithName reports whether rs may open with a body name: whether
// one of its characters from the second to the maxBodyRunes-th is one a
// name may end with.
func (lx *lexicon) mayOpenWithName(rs []rune) bool {
	for _, r := range rs[min(1, len(rs)):min(len(rs), maxBodyRunes)] {
		if lx.mayEnd(r) {
			return true
		}
	}
	return false
}

// mayEnd reports whether some body name, built in or the user's, ends in r.
func (lx *lexicon) mayEnd(r rune) bool {
	if suffixLast.has(r) || r == ')' || r == '）' || r == '”' {
		return true
	}
	if lx != nil {
		_, ok := lx.userLast[r]
		return ok
	}
	return false
}

// isBodyName reports whether a short phrase names a body: a name on the
// user's list, or one the built-in rules accept (bodyName). The answer
// depends on the name alone, and a speech asks about the same names in
// clause after clause (学校, 各部门): the lexicon remembers them.
func (lx *lexicon) isBodyName(name string) bool {
	if lx == nil || lx.names == nil {
		return lx.bodyName(name)
	}
	if yes, ok := lx.names.get(name); ok {
		return yes
	}
	yes := lx.bodyName(name)
	lx.names.put(name, yes)
	return yes
}

// bodyName is isBodyName worked out.
func (lx *lexicon) bodyName(name string) bool {
	if lx != nil {
		if _, ok := lx.user[name]; ok {
			return true
		}
	}
	n := runeCount(name)
	if n < 2 || n > maxBodyRunes || notBodies.MatchString(name) {
		return bodyPatternRoleWord(name)
	}
	// 市、区两级, 乡村两级: the levels that share the work name it.
	if levelTiers().MatchString(name) {
		return true
	}
	// A parenthesis inside a name belongs to it (各县（市、区）, 各部门（单位）):
	// the rest of the name says what it is.
	bare := withoutParens(name)
	if bare == "" || strings.Contains(bare, "、") {
		return false // 县委、县政府 is two names
	}
	if bare != name {
		return lx.isBodyName(bare)
	}
	// 各包联单位“一把手”, 村“两委”: a quoted role or body is read
	// without its quotes.
	if strings.ContainsRune(name, '“') {
		unq := strings.NewReplacer("“", "", "”", "").Replace(name)
		return strings.Count(name, "“") == 1 && strings.HasSuffix(name, "”") && lx.isBodyName(unq)
	}
	if collectivePlace().MatchString(name) || collectiveUnit().MatchString(name) || localSeat().MatchString(name) || isTown(name) {
		return true
	}
	// 学前教育方面 is a field of work; 有关方面 a body.
	if strings.HasSuffix(name, "方面") && !collectiveScope().MatchString(name) {
		return false
	}
	if lx.clauseChars(name) && !strings.HasPrefix(name, "各") && !strings.HasSuffix(name, "一把手") {
		return false
	}
	// 全体教育人, 全体澄城教育人: all the people of a field or place is a
	// collective designation (guide, "Responsible body": 全体老师), and so
	// is a place or system from top to bottom (全市上下).
	if collectivePeople().MatchString(name) || wholeFromTopToBottom().MatchString(name) {
		return true
	}
	// 联系指导贫困村的县级领导, 参与定点帮扶的单位: a role described by
	// what it does; only people and units, not things, are named so.
	if i := strings.LastIndex(name, "的"); i >= 0 {
		role := name[i+len("的"):]
		if n := runeCount(role); n == 0 || n > 6 || !hasBodySuffix(role) {
			return false
		}
	}
	if verbOpening.MatchString(name) && !strings.Contains(name, "的") || partOpening.MatchString(name) || datedClause.MatchString(name) {
		return false
	}
	// A 站 numbered by a code (A1站, G04站) is a stop on a line, not a
	// unit.
	if before, ok := strings.CutSuffix(name, "站"); ok && strings.TrimRight(before, " ") != "" {
		before = strings.TrimRight(before, " ")
		if r, _ := utf8.DecodeLastRuneInString(before); r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			return false
		}
	}
	// 县委和县政府 is two names; 市人力资源和社会保障局 is one, since
	// 市人力资源 names no body.
	if m := coordination.FindStringIndex(name); m != nil && lx.isBodyName(name[:m[0]]) {
		return false
	}
	// 各工作组进村后: a body and where it goes is a clause (前进村 is a
	// village: 前 names no body).
	if m := goesToPlace.FindStringIndex(name); m != nil && m[0] > 0 && lx.isBodyName(name[:m[0]]) {
		return false
	}
	// 老师们能够多向……的老教师: a modal verb opens a predicate.
	if modalInName.MatchString(name) {
		return false
	}
	// bodyPattern.FindString(name) == name: the name is a suffix.
	if bodySuffixSet[name] && !standalone[name] {
		return false // 领导, 部门: a suffix alone names no one
	}
	return hasBodySuffix(name)
}

// clauseChars reports whether name holds a character that marks a clause
// rather than a name (要, 是, 把, a preposition). 要 inside a word that
// directs nothing (主要领导, 需要帮扶的单位) marks none. A description
// before 的 may hold one inside a longer word (相对落后的镇街, 在座的各位
// 领导), not standing alone as a preposition (负责人对排位靠后的单位), nor
// open with 作为 (作为……的第一责任人, a predicate).
func (lx *lexicon) clauseChars(name string) bool {
	const marks = "要在是把对从将为以于至需均 "
	if strings.Contains(name, "要") {
		name = blankNeutralWords(name)
	}
	desc, role, ok := strings.Cut(name, "的")
	if !strings.ContainsAny(name, marks) {
		return false
	}
	if lx == nil || lx.words == nil {
		return true
	}
	if !ok {
		// 结对帮扶责任人: only a mark cut from a word the dictionary
		// lacks stands in a name.
		rs := []rune(name)
		ws := lx.words.words(name)
		for i, w := range ws {
			if strings.ContainsAny(string(rs[w.start:w.end]), marks) && (w.end-w.start != 1 || !inUnknownWord(rs, ws, i)) {
				return true
			}
		}
		return false
	}
	if strings.ContainsAny(desc, "要是把将 ") || strings.ContainsAny(role, marks+"的") || firstPrefix(desc, roleFrames) != "" {
		return true
	}
	rs := []rune(desc)
	ws := lx.words.words(desc)
	for i, w := range ws {
		if w.end-w.start == 1 && strings.ContainsRune(marks, rs[w.start]) && !inUnknownWord(rs, ws, i) {
			return true
		}
	}
	return false
}

// inUnknownWord reports whether the one-character word ws[i] of rs, a
// preposition by the dictionary, is rather the second half of a word the
// dictionary lacks: it follows another lone character, a noun's, and is
// followed by a verb, which no preposition governs (a
// preposition's object is a noun): 结对帮扶 is 结对 and 帮扶, where
// 党对教育工作 keeps its 对.
func inUnknownWord(rs []rune, ws []word, i int) bool {
	if i == 0 || i+1 >= len(ws) {
		return false
	}
	prev := ws[i-1]
	return lonePart(rs, prev) && (prev.pos == "n" || prev.pos == "ng" || prev.pos == "") && ws[i+1].pos == "v"
}

// collectivePeople matches all the people of a field or place named as
// one: 全体教育人, 全体医务人.
var collectivePeople = mustRegexp(`^全体[^的，,、]{1,8}人$`)

// wholeFromTopToBottom matches every level of a place or system named as
// one: 全市上下, 全县上下, 全系统上下.
var wholeFromTopToBottom = mustRegexp(`^全(?:省|市|县|区|州|盟|旗|镇|乡|村|校|局|系统|行业)上下$`)

// collectivePlace matches the places named as a collective body: 各县,
// 各乡镇, 各县区, 各地区, 各区、县级市 (the guide's tag tail), 各县（市、区） once
// its parenthesis is set aside.
var collectivePlace = mustRegexp(`^(?:全[省市县区]?各|各)(?:有关|相关)?(?:省|市|县|区|镇|乡|乡镇|街道|镇街|村|社区|县区|县市|市县|区县|市区|州|盟|旗|县级市|地区)+$|^县级市$`)

// collectiveUnitHeads are the one-character forms official and school
// writing gives units after 各: 各校 (学校), 各园 (幼儿园), 各班 (班级).
const collectiveUnitHeads = "校园班"

// collectiveUnit matches those collective names, alone or in a pair
// (各校各园).
var collectiveUnit = mustRegexp(`^(?:各[` + collectiveUnitHeads + `])+$`)

// levelTiers matches the levels of government named together as a body:
// 市、区两级, 县乡两级, 市县乡三级.
var levelTiers = mustRegexp(`^(?:[省市县区镇乡村]、?){2,4}[两三四]级$`)

// localSeat matches the colloquial names of the office that governs a
// place or runs a bureau: 县里, 局里.
var localSeat = mustRegexp(`^[省市县区镇乡村局]里$`)

// collectiveScope matches a name opening with a word that makes it a
// collective or scope designation: 有关方面, 各方面.
var collectiveScope = mustRegexp(`^(?:各|有关|相关|其他|其它)`)

// withoutParens returns name with its parenthesised parts left out, or ""
// when its parentheses do not pair up (各镇(区 is no name).
func withoutParens(name string) string {
	if !strings.ContainsAny(name, "()（）") {
		return name
	}
	var b strings.Builder
	depth := 0
	for _, r := range name {
		switch r {
		case '(', '（':
			depth++
		case ')', '）':
			if depth--; depth < 0 {
				return ""
			}
		default:
			if depth == 0 {
				b.WriteRune(r)
			}
		}
	}
	if depth != 0 {
		return ""
	}
	return b.String()
}

// bodyPatternRoleWord accepts the two-rune collective roles that the
// general rule rejects as too short to be names.
func bodyPatternRoleWord(name string) bool { return shortNames[name] }

// part is a piece of a split string with its rune offset.
type part struct {
	text string
	at   int
}

// splitKeep splits s at matches of sep, remembering each piece's rune offset.
func splitKeep(s string, sep *pattern) []part {
	var out []part
	last := 0
	for _, m := range sep.FindAllStringIndex(s, -1) {
		out = append(out, part{s[last:m[0]], runeCount(s[:last])})
		last = m[1]
	}
	return append(out, part{s[last:], runeCount(s[:last])})
}

// Marked bodies (guide, "Responsible body": marked by 牵头, 负责, 配合,
// 由……; "Clarifications": 经X审批, 报X批准, 由X负责, and responsibility
// tags after an item).
var (
	byYou      = mustPattern(`由([^，,。；;由]{2,30}?)(?:负责|牵头|承担|组织|实施|统筹|具体|会同|联合|审批|审核|批准|直接|按照|根据|制定|研究|提出|进行|落实)`)
	leadMark   = mustPattern(`([^，,。；;：:（()）、]{2,20}?)(?:牵头|负总责)`)
	respMark   = mustPattern(`([^，,。；;：:（()）由]{2,16}?)(?:主要|具体|专门|分别)?负责`)
	supportMk  = mustPattern(`([^，,。；;：:（()）]{2,60}?)(?:等)?(?:配合|参与|协助|协同)`)
	together   = mustPattern(`(?:要|将|必须|务必)(?:主动|积极|切实)?(?:会同|与|同|联合|配合)([^，,。；;]{2,40}?)(?:一起|一道|共同|全面|密切|[,，])`)
	approvedBy = mustPattern(`(?:经|报)([^，,。；;]{2,20}?)(?:审批|批准|审核|同意|备案)`)
	tagLead    = mustPattern(`(?:(?:牵头|责任|负责)(?:单位|部门)|主办单位)[:：]\s*([^；;，,。)）]+(?:[、][^；;，,。)）]+)*)`)
	tagSupport = mustPattern(`(?:配合单位|协办单位|参与单位|配合部门)[:：]\s*([^；;，,。)）]+(?:[、][^；;，,。)）]+)*)`)
	tagClause  = mustRegexp(`^(.+?)(?:等)?(牵头|负总责|负责落实|负责|指导|落实|参与|配合|协助|协同)$`)
)

// respTags returns the byte ranges of the responsibility tags of s
// (（牵头单位：市委组织部）, (市财政局负责)), leftmost first, as
// FindAllStringIndex would for
//
//	[(（][^()（）]*(?:牵头|配合|负责|参与|指导|落实)[^()（）]*[)）]
//
// A match runs from an opening parenthesis to the next parenthesis of
// either kind, so each opening one has at most one, found by reading on to
// that parenthesis once; the matcher tried every split of the text
// around the word.
func respTags(s string) [][]int {
	var out [][]int
	open := -1 // the opening parenthesis a tag may start at
	for i := 0; i < len(s); {
		r, size := decodeRune(s, i)
		switch r {
		case '(', '（':
			open = i
		case ')', '）':
			if open >= 0 && respWords.in(s[open:i]) {
				out = append(out, []int{open, i + size})
			}
			open = -1
		}
		i += size
	}
	return out
}

// respWords are the words a responsibility tag holds.
var respWords = newLiterals([]string{"牵头", "配合", "负责", "参与", "指导", "落实"})

// splitNames splits a list of names at coordination, keeping together a
// name joined by 和/与/及 whose first part names no body of its own
// (市人力资源和社会保障局).
func (lx *lexicon) splitNames(text string) []part {
	rs := []rune(text)
	var out []part
	for _, p := range splitKeep(text, coordination) {
		joiner := string(rs[max(p.at-1, 0):p.at])
		if n := len(out); n > 0 && joiner != "、" && !lx.isBodyName(strings.TrimSpace(out[n-1].text)) {
			out[n-1].text = string(rs[out[n-1].at : p.at+runeCount(p.text)])
			continue
		}
		out = append(out, p)
	}
	return out
}

// markForms are the patterns that mark bodies.
var markForms = []struct {
	re   *pattern
	role string
}{
	{tagLead, RoleLead}, {tagSupport, RoleSupport}, {byYou, RoleLead},
	{approvedBy, RoleLead}, {leadMark, RoleLead}, {respMark, RoleLead}, {supportMk, RoleSupport},
	{together, RoleSupport},
}

// markedBodies returns the bodies a folded sentence marks explicitly; its
// characters are in cs, when not nil.
func (lx *lexicon) markedBodies(s string, cs *charSet) []Body {
	var out []Body
	for _, form := range markForms {
		if !form.re.excludes(cs) {
			out = append(out, lx.namesAt(s, form.re, form.role)...)
		}
	}
	if cs == nil || cs.has('由') {
		out = mergeBodies(out, lx.modalBy(s))
	}
	if cs == nil || cs.has('励') || cs.has('持') || cs.has('导') {
		out = mergeBodies(out, lx.encouragedOrgans(s))
	}
	if cs == nil || cs.has('配') || cs.has('协') || cs.has('会') {
		out = mergeBodies(out, lx.partners(s))
	}
	if cs == nil || cs.has('牵') {
		out = mergeBodies(out, lx.afterLead(s))
	}
	return out
}

// ledClause matches 由X牵头 closed by a comma: the clause after it names
// who does the work under that lead (由区扶贫局牵头，各镇办扎实搞好……).
var ledClause = mustRegexp(`由[^，,。；;由]{2,30}?牵头[，,]`)

// afterLead returns the bodies that open the clause after 由X牵头，where a
// verb follows them: they do the work X leads (guide, "Clarifications":
// 由X负责 names X; the clause after it names its own doers).
func (lx *lexicon) afterLead(s string) []Body {
	var out []Body
	var rs []rune
	offsets := runeCounter{s: s}
	for _, m := range ledClause().FindAllStringIndex(s, -1) {
		if rs == nil {
			rs = []rune(s)
		}
		at := offsets.at(m[1])
		out = append(out, lx.leadingBodies(rs[at:clauseEnd(rs, at)], at)...)
	}
	return out
}

// partnerMark matches a clause or predicate that opens by naming whom its
// work is done with or for: ，协助第一书记做好……, 要会同市财政局制定…….
var partnerMark = mustRegexp(`(?:^|[，,；;]|要|将|并)(?:主动|积极|全力)?(?:配合|协助|会同)`)

// partners returns the bodies a clause names as the partners of its work
// (guide, "Responsible body": marked by 配合): the body after 配合, 协助
// or 会同 that opens a clause or follows its marker, where a verb follows
// the body, as support.
func (lx *lexicon) partners(s string) []Body {
	var out []Body
	var rs []rune
	offsets := runeCounter{s: s}
	for _, m := range partnerMark().FindAllStringIndex(s, -1) {
		if rs == nil {
			rs = []rune(s)
		}
		at := offsets.at(m[1])
		if n := lx.nameBeforeVerb(rs[at:clauseEnd(rs, at)]); n > 0 {
			name := string(rs[at : at+n])
			if lx.wholeName(name) {
				out = append(out, Body{Name: name, Role: RoleSupport, Span: Span{at, at + n}})
			}
		}
	}
	return out
}

// encouragement matches 鼓励/支持/引导 and the first name after it, up to
// a mark or a list's comma.
var encouragement = mustRegexp(`(?:鼓励|支持|引导)([^，,。；;、和及与]{2,20}?)(?:[、，,和及与]|积极|主动|加大|加快|参与|开展|认领|统筹|探索)`)

// governmentHead matches the heads of organs of government and party.
var governmentHead = mustRegexp(`(?:政府|机关|部门|党委|党组织)$`)

// encouragedOrgans returns the government organs a sentence encourages,
// supports or guides to act: the object of 鼓励/支持/引导 is a body only
// where it is a government body told to act (鼓励地方政府……), not a firm
// or group being encouraged (guide, "Clarifications").
func (lx *lexicon) encouragedOrgans(s string) []Body {
	var out []Body
	offsets := runeCounter{s: s}
	for _, m := range encouragement().FindAllStringSubmatchIndex(s, -1) {
		name := s[m[2]:m[3]]
		if !governmentHead().MatchString(name) || !lx.isBodyName(name) || !lx.wholeName(name) {
			continue
		}
		at := offsets.at(m[2])
		out = append(out, Body{Name: name, Role: RoleSupport, Span: Span{at, at + runeCount(name)}})
	}
	return out
}

// modalByMark matches a directive marker followed by 由: 应当由教育行政部门办成……
var modalByMark = mustRegexp(`(?:要|应当|应该|应|必须|须|需|可|可以|一律|统一|均|则)由`)

// modalBy returns the bodies named after 由 where a directive marker
// puts it (应当由X办成……, 均由X组织……): X is who acts, whatever verb
// follows (guide, "Responsible body": marked by 由), and what comes before
// the marker is the thing acted on.
func (lx *lexicon) modalBy(s string) []Body {
	var out []Body
	var rs []rune
	offsets := runeCounter{s: s}
	for _, m := range modalByMark().FindAllStringIndex(s, -1) {
		if rs == nil {
			rs = []rune(s)
		}
		at := offsets.at(m[1])
		end := at
		for end < len(rs) && !clauseMarks.has(rs[end]) {
			end++
		}
		if n := lx.nameBeforeVerb(rs[at:end]); n > 0 {
			out = append(out, lx.alternatives(string(rs[at:at+n]), at)...)
		}
	}
	return out
}

// countWord matches the count a name may open with where a directive
// says how many of a role act (一名联络员, 两位副局长): no part of the
// role's name.
var countWord = mustRegexp(`^[一二两三四五六七八九十0-9]+[名位个]`)

// alternatives returns the bodies of a name found at rune offset at,
// split where it offers roles or units as alternatives joined by 或
// (由一名指导员或联络员负责: 指导员 and 联络员, guide, "Responsible body":
// coordinated names are split), each without a count before it; the
// name whole when a part names no body.
func (lx *lexicon) alternatives(name string, at int) []Body {
	whole := []Body{{Name: name, Role: RoleLead, Span: Span{at, at + runeCount(name)}}}
	var out []Body
	from := at
	for _, p := range strings.Split(name, "或") {
		n := runeCount(p)
		counted := false
		if m := countWord().FindStringIndex(p); m != nil {
			from += runeCount(p[:m[1]])
			n -= runeCount(p[:m[1]])
			p, counted = p[m[1]:], true
		}
		// A bare head joined to a name, or counted, names the people
		// or units of its kind (指导员或联络员, 两名联络员), as
		// coordinatedHead reads it.
		if !(lx.isBodyName(p) || bodySuffixSet[p] && runeCount(p) >= 2 && (len(out) > 0 || counted)) || !lx.wholeName(p) {
			return whole
		}
		out = append(out, Body{Name: p, Role: RoleLead, Span: Span{from, from + n}})
		from += n + 1
	}
	return out
}

// nameBeforeVerb returns the rune length of the longest body name that
// clause opens with and a verb follows (教育行政部门 in 教育行政部门办成公办园),
// or 0.
func (lx *lexicon) nameBeforeVerb(clause []rune) int {
	if lx == nil || lx.words == nil {
		return 0
	}
	ws := lx.words.words(string(clause))
	for i := len(ws) - 1; i > 0; i-- {
		n := ws[i].start
		if n > maxBodyRunes || ws[i].pos != "v" && ws[i].pos != "vn" {
			continue
		}
		if ws[i].end-ws[i].start == 1 && bodySuffixSet[string(clause[n])] && lx.isBodyName(string(clause[:n+1])) {
			continue // 各镇办精准确定: 办 ends the name, whatever the dictionary says
		}
		if lx.isBodyName(string(clause[:n])) {
			return n
		}
	}
	return 0
}

// namesAt returns the body names in the first group of each match of re
// in s, with the given role. Outside a tag's explicit list every part of
// the group must be a name: 涉及各级政府、每一位教师的……多部门配合 names
// no one.
func (lx *lexicon) namesAt(s string, re *pattern, role string) []Body {
	strict := re != tagLead && re != tagSupport
	var out []Body
	offsets := runeCounter{s: s}
	var rs []rune // s as runes, made once for the lists that need them
	for _, m := range re.FindAllStringSubmatchIndex(s, -1) {
		if re == respMark && hasPrefixAny(s[m[1]:], "同志", "人") {
			continue // ……主要负责同志担任组长: 负责同志 is a role
		}
		text := s[m[2]:m[3]]
		at := offsets.at(m[2])
		var found []Body
		for _, p := range lx.splitNames(text) {
			name := strings.TrimPrefix(strings.TrimSpace(p.text), "等")
			if alts := lx.alternatives(name, at+p.at); len(alts) > 1 || alts[0].Name != name {
				for _, b := range alts {
					b.Role = role
					found = append(found, b)
				}
				continue
			}
			if !lx.isBodyName(name) && !(strict && lx.isPersonName(name)) || strict && !lx.wholeName(name) {
				if strict {
					found = nil
					break
				}
				continue
			}
			found = append(found, Body{Name: name, Role: role, Span: Span{at + p.at, at + p.at + runeCount(name)}})
		}
		if len(found) == 1 && re == byYou {
			if rs == nil {
				rs = []rune(s)
			}
			found[0] = lx.wholeNameAfterBy(rs, found[0], offsets.at(m[1]))
		}
		if len(found) > 1 {
			if rs == nil {
				rs = []rune(s)
			}
			sharePlaces(rs, found, 0)
		}
		out = append(out, found...)
	}
	return out
}

// wholeNameAfterBy returns the name that b, found after 由 before a verb
// byYou knows, ending at rune offset verbEnd, is the start of, when the
// verb is the start of the head of a longer name that opens the clause
// (由县委组织部负责: 组织 is in 组织部), else b. A name that goes on past
// the verb's word (由上级主管部门组织联合工作组) is the verb's object.
func (lx *lexicon) wholeNameAfterBy(rs []rune, b Body, verbEnd int) Body {
	at := b.Span.Start
	bs := lx.leadingBodies(rs[at:clauseEnd(rs, at)], at)
	if len(bs) > 0 && bs[0].Span.Start == at && bs[0].Span.End > b.Span.End && bs[0].Span.End <= verbEnd+maxHeadAfterVerb && bs[0].shared == "" {
		bs[0].Role = b.Role
		return bs[0]
	}
	return b
}

// maxHeadAfterVerb bounds the characters a head holds after the verb it
// opens with (组织部, 研究室).
const maxHeadAfterVerb = 2

// tagBodies returns the bodies of a responsibility tag (folded, with or
// without its parentheses): （牵头单位：市委组织部，配合单位：市财政局）,
// （生态环境部牵头，国家发展改革委等参与）, （市场监管总局负责）, or a
// tag line 主责单位：市市场监管局；配合单位：市公安局. Every name in the tag
// counts, with its role; an unlabelled tail takes the role of the label
// before it (guide, "Clarifications": in ……配合单位：市委组织部、市人社局，
// 各区、县级市 the last two are support bodies too). Offsets are relative
// to the tag.
func (lx *lexicon) tagBodies(tag string) []Body {
	var out []Body
	rs := []rune(tag)
	role := ""
	start := 0
	for i := 0; i <= len(rs); i++ {
		if i < len(rs) && !strings.ContainsRune("，,；;。（(）)", rs[i]) {
			continue
		}
		seg := string(rs[start:i])
		text := strings.TrimLeftFunc(seg, unicode.IsSpace)
		at := start + runeCount(seg[:len(seg)-len(text)]) // where text starts
		text = strings.TrimRightFunc(text, unicode.IsSpace)
		start = i + 1
		if text == "" {
			continue
		}
		names := text // the unlabelled tail, unless a label or verb says more
		if m := tagLabel().FindStringSubmatchIndex(text); m != nil {
			role = labelRole(text[m[2]:m[3]])
			names = text[m[1]:]
			at += runeCount(text[:m[1]])
		} else if m := tagClause().FindStringSubmatchIndex(text); m != nil {
			role = verbRole(text[m[4]:m[5]])
			names = text[m[2]:m[3]]
		} else if role == "" {
			continue
		}
		for _, p := range lx.splitNames(names) {
			name := strings.TrimSuffix(strings.TrimPrefix(strings.TrimSpace(p.text), "等"), "等")
			lead := runeCount(p.text) - runeCount(strings.TrimLeft(p.text, " "))
			if lx.isBodyName(name) {
				from := at + p.at + lead
				out = append(out, Body{Name: name, Role: role, Span: Span{from, from + runeCount(name)}})
			}
		}
	}
	sharePlaces(rs, out, 0)
	return out
}

// tagLabel matches the label of a responsibility tag's list, its first
// group the kind of unit: 牵头单位：, 配合部门:.
var tagLabel = mustRegexp(`^(牵头|责任|主责|负责|主办|承办|配合|协办|参与|协同|协助)(?:单位|部门)\s*[:：]\s*`)

// labelRole returns the role a tag label gives its names.
func labelRole(kind string) string {
	switch kind {
	case "配合", "协办", "参与", "协同", "协助":
		return RoleSupport
	}
	return RoleLead
}

// verbRole returns the role a tag clause's verb gives its names.
func verbRole(verb string) string {
	switch verb {
	case "参与", "配合", "协助", "协同":
		return RoleSupport
	}
	return RoleLead
}

// isTagLine reports whether a folded line is a responsibility tag of its
// own (牵头单位：市住建局, （责任单位：市民政局）): it belongs to the item
// above and is never a task (issue 13, task-division documents).
func isTagLine(line string) bool {
	s := strings.TrimLeft(strings.TrimSpace(line), "(（")
	return tagLabel().MatchString(s)
}

// mergeBodies appends bodies from b to a that a does not already name.
func mergeBodies(a, b []Body) []Body {
	for _, x := range b {
		dup := false
		for _, y := range a {
			if y.Name == x.Name || strings.Contains(y.Name, x.Name) && overlaps(x.Span, y.Span) {
				dup = true
				break
			}
		}
		if !dup {
			a = append(a, x)
		}
	}
	return a
}

func overlaps(a, b Span) bool { return a.Start < b.End && b.Start < a.End }

// surnames are the common Chinese family names (the Hundred Family
// Surnames, 百家姓, and the most frequent ones of the national census),
// compound ones first.
var surnames = strings.Fields(`欧阳 司马 诸葛 上官 东方 皇甫 尉迟 公孙 慕容 令狐 夏侯 长孙 宇文 司徒 端木 申屠 独孤 南宫 万俟 闻人
	王 李 张 刘 陈 杨 黄 赵 吴 周 徐 孙 马 朱 胡 郭 何 高 林 罗 郑 梁 谢 宋 唐 许 韩 冯 邓 曹 彭 曾 肖 萧 田 董 袁 潘 于 蒋 蔡 余 杜 叶 程 苏 魏 吕 丁 任 沈 姚 卢 姜 崔 钟 谭 陆 汪 范 金 石 廖 贾 夏 韦 付 傅 方 白 邹 孟 熊 秦 邱 江 尹 薛 闫 阎 段 雷 侯 龙 史 陶 黎 贺 顾 毛 郝 龚 邵 万 钱 严 覃 武 戴 莫 孔 向 汤 常 温 康 施 文 牛 樊 葛 邢 安 齐 易 乔 伍 庞 颜 倪 庄 聂 章 鲁 岳 翟 殷 詹 申 欧 耿 关 兰 焦 俞 左 柳 甘 祝 包 宁 尚 符 舒 阮 柯 纪 梅 童 凌 毕 单 季 裴 霍 涂 成 苗 谷 盛 曲 翁 冉 骆 蓝 路 游 辛 靳 管 柴 蒙 鲍 华 喻 祁 蒲 房 滕 屈 饶 解 牟 艾 尤 阳 时 穆 农 司 卓 古 吉 缪 简 车 项 连 芦 麦 褚 娄 窦 戚 岑 景 党 宫 费 卜 冷 晏 席 卫 米 柏 宗 瞿 桂 全 佟 应 臧 闵 苟 邬 边 卞 姬 师 和 仇 栾 隋 商 刁 沙 荣 巫 寇 桑 郎 甄 丛 仲 虞 敖 巩 明 佘 池 查 麻 苑 迟 邝`)

// personTitle is what may follow a person's name: 张三同志.
var personTitle = mustRegexp(`(?:同志|书记|主任|局长|县长|市长|区长|镇长|乡长|部长|校长|组长)$`)

// isPersonName reports whether name is a person's name: a family name and
// one or two given characters, as 由张三同志负责 or 李四牵头 name a person
// responsible (guide, "Clarifications": 由X负责 names X).
// A dictionary word that is no person's name (高校, 方面) is none.
func (lx *lexicon) isPersonName(name string) bool {
	if m := personTitle().FindStringIndex(name); m != nil && m[0] > 0 {
		name = name[:m[0]]
	}
	if lx != nil && lx.words != nil {
		if ws := lx.words.words(name); len(ws) == 1 && ws[0].pos != "" && !strings.HasPrefix(ws[0].pos, "nr") {
			return false
		}
	}
	for _, s := range surnames {
		given, ok := strings.CutPrefix(name, s)
		if !ok {
			continue
		}
		n := runeCount(given)
		if n < 1 || n > 2 || runeCount(s) == 2 && n > 2 {
			return false
		}
		for _, r := range given {
			if !unicode.Is(unicode.Han, r) || strings.ContainsRune(notGiven, r) {
				return false
			}
		}
		return true
	}
	return false
}

// notGiven are characters that end a clause rather than a given name.
const notGiven = "一二三四五六七八九十两要在是把对从将为以于至需均的了和与及等也都还就再又各每本其这那我你他她它们县市区镇乡村局委办厅处科股所站院部组"

// personsBefore returns the persons named as the subject of a marker at
// rune offset at that makes them responsible (黄某、周某负责……,
// 曹某主要负责……): the clause before it must hold nothing but their names.
func (lx *lexicon) personsBefore(rs []rune, at int) []Body {
	start := clauseStart(rs, at)
	c := personAdverbs().ReplaceAllString(string(rs[start:at]), "")
	var out []Body
	for _, p := range splitKeep(c, personJoiner()) {
		name := strings.TrimSpace(p.text)
		if !lx.isPersonName(name) {
			return nil
		}
		out = append(out, Body{Name: name, Role: RoleLead, Span: Span{start + p.at, start + p.at + runeCount(name)}})
	}
	return out
}

var (
	// personAdverbs are the adverbs between a person and 负责: 主要负责.
	personAdverbs = mustRegexp(`(?:主要|具体|专门|亲自|全面|直接|分别)+$`)
	// personJoiner joins the names of persons: 黄某、周某.
	personJoiner = mustRegexp(`、|和|与|及`)
)

// pureTag returns the bodies of a folded sentence that is nothing but a
// responsibility tag written without parentheses (市农业农村局牵头，市自然
// 资源局参与。; 责任单位：市民政局。), or nil: every clause must be a label
// with its list or names with the verb that gives their role.
func (lx *lexicon) pureTag(s string) []Body {
	s = strings.TrimRight(strings.TrimSpace(s), "。.；;")
	if s == "" {
		return nil
	}
	// Clause by clause, as strings.FieldsFunc would split at the marks,
	// without splitting the rest of a sentence whose first clause fails.
	for rest := s; rest != ""; {
		var c string
		c, rest = nextClause(rest)
		if c == "" {
			continue
		}
		c = strings.TrimSpace(c)
		if tagLabel().MatchString(c) {
			continue
		}
		m := tagClause().FindStringSubmatch(c)
		if m == nil {
			return nil
		}
		for _, p := range lx.splitNames(m[1]) {
			if !lx.isBodyName(strings.TrimSpace(p.text)) {
				return nil
			}
		}
	}
	return lx.tagBodies(s)
}

// nextClause returns the text of s before its first comma or semicolon
// (，,；;) and the text after that mark; all of s and "" when it holds
// none. The marks are found byte by byte, where ranging over s would
// read them even in invalid UTF-8: a half-width mark is no part of
// another character's encoding, and EF, the first of a full-width
// mark's three bytes, begins a character wherever it stands.
func nextClause(s string) (clause, rest string) {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case ',', ';':
			return s[:i], s[i+1:]
		case 0xEF: // ，is EF BC 8C, ；EF BC 9B
			if i+2 < len(s) && s[i+1] == 0xBC && (s[i+2] == 0x8C || s[i+2] == 0x9B) {
				return s[:i], s[i+3:]
			}
		}
	}
	return s, ""
}
