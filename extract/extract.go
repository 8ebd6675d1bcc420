package extract

import (
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// Extractor turns speech text into speeches and tasks. Build it once with
// New and reuse it; it is safe for concurrent use.
type Extractor struct {
	fold *folder
	lex  *lexicon
}

// New builds an Extractor, loading its tables. It also recognises the
// given local body names, and groups them under their canonical names.
func New(bodies ...BodyName) *Extractor {
	f := newFolder()
	lx := &lexicon{user: map[string]string{}, userLast: map[rune]struct{}{}, words: &segmenter{}, names: &nameMemo{}}
	for _, b := range bodies {
		canon := b.Canonical
		if canon == "" {
			canon = b.Name
		}
		name := []rune(f.foldString(b.Name))
		lx.user[string(name)] = f.foldString(canon)
		lx.userLast[name[len(name)-1]] = struct{}{}
	}
	return &Extractor{fold: f, lex: lx}
}

// Canonical returns the name a body named name is grouped under: the
// name folded, or what the user's list maps it to. GroupNames then groups
// names with and without a level prefix.
func (x *Extractor) Canonical(name string) string {
	return x.lex.canonical(x.fold.foldString(name))
}

// Fold returns the normalised copy of s that the rules match on: ruby
// pinyin removed, traditional characters simplified, full-width ASCII
// folded to half-width.
func (x *Extractor) Fold(s string) string { return x.fold.foldString(s) }

// setDates sets the speech's date and the date its relative times resolve
// against (guide, "Speech": speech_date and ref_date): the date its text
// states, else the date of its file's name, else the option's fallback.
func (sp *Speech) setDates(stated Date, opt Options) {
	sp.SpeechDate = stated
	switch {
	case !stated.IsZero():
		sp.RefDate, sp.RefSource = stated, "text"
	case !opt.FileDate.IsZero():
		sp.SpeechDate = opt.FileDate
		sp.RefDate, sp.RefSource = opt.FileDate, "filename"
	case !opt.RefDate.IsZero():
		sp.RefDate, sp.RefSource = opt.RefDate, "option"
	}
}

// Speeches extracts the speeches of one input file. source is the file's
// base name as it will be reported; text its decoded content.
func (x *Extractor) Speeches(source, text string, opt Options) []Speech {
	raws := x.splitSpeeches(text)
	out := make([]Speech, 0, len(raws))
	memo := newAnalyses()
	for i, r := range raws {
		sp := Speech{
			Source:  source,
			Index:   i + 1,
			Title:   r.title,
			Speaker: speakerOf(x.fold.foldString(r.title)),
			Text:    strings.Join(r.lines, "\n"),
		}
		folded := make([]string, 0, 10)
		for _, l := range r.lines {
			if len(folded) == 10 {
				break
			}
			// tasks reads the same paragraphs: folding them through the
			// memo folds each once.
			folded = append(folded, x.paragraph(memo, l).text)
		}
		stated := statedDate(folded)
		if stated.IsZero() {
			stated = signedDate(x.closingLines(memo, r.lines))
		}
		sp.setDates(stated, opt)
		sp.Tasks = x.tasks(x.fold.foldString(sp.Title), r.lines, sp.RefDate, memo)
		out = append(out, sp)
	}
	return out
}

// closingLines returns the last few non-empty lines of a speech's body,
// folded, last first: where a document signs off with its issuer and date.
func (x *Extractor) closingLines(memo *analyses, lines []string) []string {
	out := lastLines(lines)
	for i, l := range out {
		out[i] = x.paragraph(memo, l).text
	}
	return out
}

// lastLines returns the last closingLineCount non-empty lines of lines,
// last first.
func lastLines(lines []string) []string {
	var out []string
	for i := len(lines) - 1; i >= 0 && len(out) < closingLineCount; i-- {
		if strings.TrimSpace(lines[i]) != "" {
			out = append(out, lines[i])
		}
	}
	return out
}

// run is the subject carried through a run of directives (guide,
// "Responsible body" and "Clarifications"): from a lead line into the
// numbered items and bullets it introduces, until a heading at or above the
// items' level ends it.
type run struct {
	bodies []Body
	level  int    // paragraph kind of the items the run covers; 0 when none
	lead   string // the lead line, folded: the topics it lists
}

// tasks extracts the tasks of one speech body; memo holds what the file's
// earlier speeches found in their paragraphs and sentences.
func (x *Extractor) tasks(title string, lines []string, ref Date, memo *analyses) []Task {
	docMood := sectionMood(title, moodUnknown)
	r := &taskReading{
		x:        x,
		memo:     memo,
		ref:      ref,
		prevKind: paraPlain,
		seen:     map[string]bool{},
		docMood:  docMood,
		idTitle:  squeeze(title), // the title as task ids hash it
		mood:     docMood,
	}
	// A line a copy broke mid-sentence is read with the line that goes on
	// with it (guide, "Task": only a break that ends a paragraph ends a
	// sentence).
	r.joined = x.joinBrokenLines(lines)
	for li, line := range r.joined {
		r.line(li, line)
	}
	return r.out
}

// taskReading is where tasks has got to in a speech body.
type taskReading struct {
	x      *Extractor
	memo   *analyses
	ref    Date
	joined []string // the body's lines, broken lines joined

	out       []Task
	section   string
	lead      run
	suspended run    // a run a plain paragraph inside its items interrupted
	prev      []Body // bodies named by the previous paragraph's directives
	prevText  string // the previous paragraph, folded, where it named prev
	prevKind  int
	leadIn    bool // the previous paragraph ended with ：
	continues bool // the previous line broke off mid-sentence
	seen      map[string]bool
	docMood   int
	idTitle   string // the title as task ids hash it
	mood      int
	rowYear   int    // the year a schedule table's row gives its months
	blanket   []Body // bodies a note gives every later task
	// prevHeldFirst is set when the previous paragraph held the first
	// item of a list inline (……：一要加强领导。).
	prevHeldFirst bool
}

// paragraphReading is what the sentences of one paragraph hand on to the
// later ones.
type paragraphReading struct {
	kind    int  // the paragraph's kind
	lineRef Date // the reference date of its times
	// open is the subject of the paragraph's first directive, if it
	// names one: it carries into the later sentences and inline bullets
	// of the paragraph; a side sentence with its own subject does not
	// take over the run (guide, "Responsible body" and "Clarifications").
	open, named []Body
	opened      bool
	// lateOpen marks an open subject that a later directive named, the
	// paragraph's first naming none: that subject is the first of
	// several side subjects, not the body of a run the first directive
	// began, and subjectlessFirst does not add it.
	lateOpen bool
	// A subject first named inside an inline bullet (……。一要……。
	// 督导室要……。) is that bullet's: the next bullet is a new topic
	// and does not take it (guide, "Clarifications").
	sawBullet, openInBullet bool
	leftBehind              bool // a bullet's subject was not carried past it
	// inBullet is the subject a bullet names where the paragraph's
	// run has another: the bullet's own, it carries to the bullet's
	// end, and the next bullet takes the run's again (guide,
	// "Clarifications": the body carries into the bullets unless a
	// bullet names its own).
	inBullet []Body
	// clauseSubject is the subject the sentence before named, where it
	// ended with ；: the clause after the ； goes on with it.
	clauseSubject []Body
	clauseAt      int  // the index of the sentence after that ；
	goalList      bool // the sentence before opened or went on with a list of targets
	// labelled marks a paragraph whose first sentence is no heading:
	// one that opens with a topic its lead line lists (果，要……), a
	// bullet of that lead line, or a row of a schedule table.
	labelled bool
	sents    []sentence // the paragraph's sentences
	// directiveList is set when the sentence before was a directive that
	// opened or went on with an inline list of items and ended with ；.
	directiveList bool
	// taskAt is the index of the paragraph's last task sentence, and
	// taskBodies its bodies; listIntro the bodies of the task that
	// introduced the current inline list.
	taskAt     int
	taskBodies []Body
	listIntro  []Body
	// directiveClause is set when the sentence before was a directive
	// that ended with ；.
	directiveClause bool
}

// line reads line li of the body: it follows the sections and the runs of
// items, and adds the tasks of the line's sentences.
func (r *taskReading) line(li int, line string) {
	x := r.x
	if strings.TrimSpace(line) == "" {
		return
	}
	para := x.paragraph(r.memo, line)
	if isTagLine(para.text) {
		return // read with the item above it
	}
	if bs, ok := x.blanketNote(para.text); ok {
		r.blanket = bs
		return
	}
	kind := para.kind
	labelled := kind == paraPlain && r.picksUpTopic(para.text)
	if labelled {
		kind = paraBullet
	}
	r.rowYear = scheduleYear(para.text, r.rowYear)
	lineRef := r.ref
	if r.rowYear != 0 {
		// 105 1、4月：统包工程决标: the row's months are in its year.
		lineRef = NewDate(r.rowYear, time.January, 1)
	}
	r.followRun(kind, line, para.text)
	r.continues = !endsSentence(line)
	sents := para.sents
	tags := x.itemTags(sents, x.tagLinesAfter(r.memo, r.joined, li))
	// A numbered line of a schedule table (3、年底前完成……) is one of
	// its rows, no heading.
	pr := &paragraphReading{kind: kind, lineRef: lineRef, labelled: labelled || r.rowYear != 0, sents: sents, taskAt: -1}
	for i, s := range sents {
		if tags[i].only {
			continue // a tag of the sentences before it, not a task
		}
		s.tag = tags[i].bodies
		r.sentence(pr, i, s)
	}
	// The lead line that gives the items after it their body is the
	// paragraph right before them (guide, "Clarifications": a run ends
	// where the topic changes), so a paragraph that names no subject
	// drops a subject named further back, unless it is itself a lead-in
	// ending with ： (关于……,要做到以下几点：) between the subject and its
	// bullets.
	switch {
	case len(pr.named) > 0:
		r.prev, r.prevText = pr.named, para.text
		if !isItem(kind) {
			r.suspended = run{} // a new paragraph names another subject
		}
	case !endsWithColon(para.text):
		r.prev = nil
	}
	r.prevKind = kind
	r.prevHeldFirst = firstItemInline.MatchString(para.text)
	r.leadIn = endsWithColon(para.text)
}

// reportedBefore reports whether a sentence of the paragraph before
// sentence i reports what was done or describes what is.
func (pr *paragraphReading) reportedBefore(i int) bool {
	for _, s := range pr.sents[:i] {
		if isPastReport(stripNumbering(s.fold.text)) {
			return true
		}
	}
	return false
}

// picksUpTopic reports whether a plain folded paragraph opens with one of
// the topics its lead line lists, as a label before a comma: after
// ……大力发展果、畜、菜、劳务六大产业, the paragraphs 果，要……, 劳务，一个是
// 要…… are that lead line's bullets, unnumbered (guide, "Responsible
// body": a lead line's body carries into the bullet lines it introduces).
// The lead line is the run's, or a suspended run's, or the paragraph
// before, where it named a body.
func (r *taskReading) picksUpTopic(para string) bool {
	m := topicLabel().FindStringSubmatch(para)
	if m == nil {
		return false
	}
	for _, lead := range []string{r.lead.lead, r.suspended.lead, r.prevText} {
		if lead != "" && listsTopic(lead, m[1]) {
			return true
		}
	}
	return false
}

// topicLabel matches a paragraph that opens with a short topic and a
// comma: 果，, 劳务，, 电商,.
var topicLabel = mustRegexp(`^\s*(\p{Han}{1,4})[，,]`)

// listsTopic reports whether text lists topic as an item of a list joined
// by 、 (果、畜、菜).
func listsTopic(text, topic string) bool {
	return strings.Contains(text, topic+"、") || strings.Contains(text, "、"+topic)
}

// followRun follows the section and the run of items a paragraph of kind
// is in, as the paragraph begins; folded is the paragraph folded.
func (r *taskReading) followRun(kind int, line, folded string) {
	switch {
	case kind == paraLevel1:
		r.section = firstClause(line)
		r.prev = nil
		r.mood = sectionMood(r.x.fold.foldString(r.section), r.docMood)
		r.lead, r.suspended = run{}, run{}
	case isItem(kind):
		if r.lead.level == 0 && r.suspended.level == kind {
			// A paragraph that explains the item before it does not
			// end the list of items: the next item of the same level
			// is one of the lead line's bullets still.
			r.lead = r.suspended
		} else if r.lead.level == 0 && len(r.prev) > 0 && !isItem(r.prevKind) && !(laterItem.MatchString(folded) && (r.prevHeldFirst || !r.leadIn)) {
			// A lead line introduces its items from the first (guide,
			// "Clarifications": a lead line is a paragraph that
			// numbered items follow). Where the item after a
			// paragraph is numbered on (（二）, 二要), the paragraph
			// belongs to the item before it, its sibling, or held the
			// first item inline (……：一要加强领导。希望各位……。): its
			// subject was that item's. A paragraph ending with ： says
			// it introduces what follows, whatever its number.
			r.lead = run{bodies: carried(r.prev), level: kind, lead: r.prevText}
		} else if r.lead.level != 0 && rank(kind) < rank(r.lead.level) {
			r.lead = run{}
		}
	case !r.continues:
		// The run ends with the bullets its lead line introduced; a
		// line that only finishes a sentence broken across lines does
		// not end it.
		if r.lead.level != 0 {
			r.suspended = r.lead
		}
		r.lead = run{}
	}
}

// sentence reads sentence i of a paragraph and adds its task, if it is
// one.
func (r *taskReading) sentence(pr *paragraphReading, i int, s sentence) {
	f := s.fold.text
	if i > 0 && firstInlineItem.MatchString(f) {
		// The list's items take the body of the directive that
		// introduces them (具体要做好“四化”。一是网格化。就是要……)
		// where the paragraph's opening names none.
		pr.listIntro = nil
		if pr.taskAt == i-1 {
			pr.listIntro = carried(pr.taskBodies)
		}
	}
	an, yes, weak, taggedHeading := r.directive(pr, i, s)
	if !yes {
		if i > 0 && inlineBullet(f) {
			pr.startBullet() // 二是每天查看督促。 ends the bullet before it
		}
		return
	}
	d := an.d
	x := r.x
	subj := x.lex.subjects(d)
	own := x.origBodies(s, subj)
	// Only the subject of the first directive opens a run.
	opening := x.origBodies(s, d.openingBodies(subj))
	if len(own) == 0 && weak {
		// 生态环境部会同有关部门对试点工作进行指导: an instruction
		// with no 要 that opens with who acts names its own subject.
		own = x.origBodies(s, x.lex.openingSubject(d))
		opening = own
	}
	if len(own) == 0 && !weak {
		own = x.origBodies(s, x.lex.midClauseSubject(d))
		opening = own
	}
	marked := x.origBodies(s, an.markedBodies(x.lex))
	if quotedDirective().MatchString(f) {
		// 教育部召开发布会，要求各地要……: the bodies of a directive
		// quoted from another meeting are not this speech's
		// (guide, "Task"), nor the subject of its run.
		own, marked, opening = nil, nil, nil
	}
	bodies, hints, namesActor := r.bodies(pr, i, s, own, opening, marked)
	// The tests that need no time nodes or targets come first:
	// finding those is the dearest part of a task.
	// In a review of work done, 要 states a lesson unless the
	// sentence names who must act; an instruction with no 要
	// never counts there.
	if r.mood == moodReview && (weak || len(own)+len(marked)+len(s.tag) == 0) {
		return
	}
	// Elsewhere an instruction with no 要 needs a body, or, in a
	// section that plans work, a body, time or target; the last
	// two are rule 2 below.
	// An instruction that sets a target meets rule 2 by it (投入1300万元，
	// 实施10个标准化项目建设。), unless the paragraph has been reporting
	// what was done: there 完成投资35亿元 states a result.
	if weak && len(bodies) == 0 && !namesActor && r.mood != moodPlan && (len(an.findTargets()) == 0 || pr.reportedBefore(i)) {
		return
	}
	key := an.squeezed()
	if r.seen[key] {
		return // a paragraph repeated inside the speech gives no second row
	}
	times := an.findTimes(pr.lineRef)
	targets := an.findTargets()
	if len(bodies) == 0 && !namesActor && len(times) == 0 && len(targets) == 0 {
		return // guide, "Task", rule 2
	}
	if taggedHeading && len(times) == 0 && len(targets) == 0 {
		return
	}
	r.seen[key] = true
	t := Task{
		Seq:     len(r.out) + 1,
		ID:      taskID(r.idTitle, key),
		Text:    s.text,
		Section: r.section,
		Bodies:  bodies,
		Times:   origTimes(s, times),
		Targets: origTargets(s, targets),
		Hints:   hints,
	}
	r.out = append(r.out, t)
	pr.taskAt, pr.taskBodies = i, bodies
}

// directive decides whether sentence i of a paragraph is a directive, and
// returns its analysis. weak marks an instruction with no 要;
// taggedHeading a heading that is one only because a tag or a note
// assigns it.
func (r *taskReading) directive(pr *paragraphReading, i int, s sentence) (an *analysis, yes, weak, taggedHeading bool) {
	f := s.fold.text
	kind := pr.kind
	// A numbered paragraph's first sentence, and an inline bullet
	// (三是强化宣传引导。), is a heading: it needs a marker to be a
	// task (guide, "Task": bare sub-heading labels are not).
	// A numbered item inside a paragraph (……。5.丰富群众性体育活动。)
	// is a heading too.
	heading := i == 0 && kind != paraPlain && !pr.labelled || inlineOrdinal.MatchString(f) || i > 0 && paragraphKind(f) != paraPlain
	an = r.memo.sentence(f)
	d := an.d
	yes, weak = an.directive(r.x.lex, heading)
	// A list of targets joined by ；(主要预期目标是：A；B；C。) is one
	// task per clause, the lead-in with the first (guide,
	// "Clarifications"); rule 2 drops a clause with no target.
	listed := pr.goalList || goalLead.MatchString(f)
	pr.goalList = listed && endsWithSemicolon(f)
	if !yes && listed && !heading {
		yes = true
	}
	// The items of a directive's inline list joined by ；(要做好三篇文
	// 章，一是……；二是……；三是…….) go on with its directive: an item
	// that states work, not a bare label (二是基础设施；), is a task as
	// the clause that opened the list is.
	item := heading && i > 0 && pr.directiveList && inlineOrdinal.MatchString(f) && strings.ContainsAny(f, ",，")
	if item && !yes {
		yes, weak = true, false
	}
	if !yes && !heading && pr.directiveClause && plain(f, &d.chars) && !allowsOnly(f) {
		// ……继续从严整治……违规行为；重点清查在编不在岗教师；: a
		// clause after the ； of a directive that states work goes on
		// with it, a task of its own (guide, "Task": ； ends a
		// sentence).
		yes, weak = true, true
	}
	pr.directiveList = yes && endsWithSemicolon(f) && (item || inlineListOpens(f))
	// A directive that explains a slogan by its parts (推行“三集中、三到位”，
	// 即：A；B。) goes on with the explanation after its ；, not with work.
	pr.directiveClause = yes && endsWithSemicolon(f) && !containsAny(f, "即:", "即：", "即,", "即，")
	// A responsibility tag, or a note that gave every item a body,
	// assigns the item: a sentence of it is
	// an instruction to the units it names, and so is its numbered
	// heading where it sets a time or a target (1.加快建设……,
	// 2024年底前完成……50个。), not where it only names a topic.
	if !yes && (len(s.tag) > 0 || len(r.blanket) > 0 && heading) {
		yes, weak, taggedHeading = true, true, heading
	}
	if !yes && !heading && r.mood == moodPlan && plain(f, &d.chars) && !allowsOnly(f) {
		// In a plan or a policy document every statement of work
		// to do is an instruction: 5年内引进1万名紧缺人才。
		yes, weak = true, true
	}
	if !heading && r.mood != moodReview && (!yes || weak) && setsGoal(an) && plain(f, &d.chars) && !allowsOnly(f) {
		// 通过四大渠道，每年投入不少于8.5亿元用于脱贫攻坚。: a
		// statement that sets a quantity of work to come as a goal
		// directs, as 力争 would; its target is rule 2's.
		yes, weak = true, false
	}
	return an, yes, weak, taggedHeading
}

// setsGoal reports whether a sentence sets a quantity as a floor to
// reach (guide, "Numeric target": a quantity the task sets as a goal): a
// target with 不少于, 不低于 or 至少, or with 以上 where its clause says
// what work produces the quantity (饲养家禽30只以上; not 95%以上的教师,
// which counts what is).
func setsGoal(an *analysis) bool {
	f := an.d.text
	floor := containsAny(f, "不少于", "不低于", "至少")
	if !floor && !strings.Contains(f, "以上") {
		return false
	}
	for _, t := range an.findTargets() {
		if t.Cmp != CmpAtLeast {
			continue
		}
		if floor && containsAny(t.Text, "不少于", "不低于", "至少") {
			return true
		}
		rs, _ := an.d.runes()
		if t.Span.End <= len(rs) && containsAny(string(rs[clauseStart(rs, t.Span.Start):t.Span.End]), goalVerbs...) {
			return true
		}
	}
	return false
}

// goalVerbs are the verbs that make the quantity after them work to
// produce: what is to be put in, built, trained, kept or offered.
var goalVerbs = []string{"投入", "拿出", "安排", "争取", "吸纳", "新增", "新建", "新发展", "发展", "建设", "建成", "改造", "完成",
	"培训", "培育", "引进", "招收", "提供", "饲养", "种植", "养殖", "扶持", "创建", "打造", "实现", "达到"}

// bodies returns the bodies of directive i of a paragraph, which names
// own as its subjects (opening, those of its first directive) and marked
// elsewhere, with the hints that say where they came from; namesActor
// reports a sentence that names who acts though no unit. It carries the
// paragraph's subject on in pr.
func (r *taskReading) bodies(pr *paragraphReading, i int, s sentence, own, opening, marked []Body) (bodies []Body, hints []string, namesActor bool) {
	f := s.fold.text
	bullet := i > 0 && (inlineBullet(f) || len(own) == 0 && inlineHeading(f))
	if bullet {
		pr.startBullet()
	}
	if i == 0 && inlineOrdinal.MatchString(f) {
		// 一要……。民政等部门要……。二要……: a paragraph that opens
		// with its first bullet has no sentence above its bullets, and
		// a subject named inside one is that bullet's.
		pr.sawBullet = true
	}
	switch {
	case !bullet && (!pr.opened || len(pr.open) == 0 && r.lead.level == 0):
		pr.lateOpen = pr.opened && len(opening) > 0
		pr.open, pr.opened = carried(opening), true
		pr.openInBullet = pr.sawBullet && len(opening) > 0
	case len(opening) > 0 && len(pr.inBullet) == 0 && (pr.sawBullet || len(pr.open) == 0 && isItem(pr.kind)):
		// A bullet that names its own subject: an inline one, or a
		// paragraph that is itself an item of a lead line's run.
		pr.inBullet = carried(opening)
	}
	if len(own) > 0 {
		pr.named = own
		if endsWithSemicolon(f) {
			pr.clauseSubject, pr.clauseAt = carried(lastClauseBodies(s.text, own)), i+1
		}
	}
	bodies = inTextOrder(mergeBodies(append([]Body(nil), own...), marked))
	bodies = mergeBodies(bodies, s.tag)
	// Supporters alone (配合市委组织部办好……) name no subject: the run's
	// carries in beside them.
	supporters := bodies
	if hasLead(bodies) {
		supporters = nil
	} else {
		bodies = nil
	}
	switch {
	case len(bodies) > 0:
	case pronounSubject().MatchString(f):
		// A wrong unit is worse than an empty cell: say why it is
		// empty.
		hints = append(hints, "主语为代词，未承接上文责任单位")
	case vagueSubject().MatchString(f):
		// 一些部门……, 个别学校要……: the sentence names a part of the
		// units, not one the office can chase, and not the run's.
		hints = append(hints, "主语为泛指（一些、个别……），未承接上文责任单位")
	case colloquialOrganSubject().MatchString(f):
		// The sentence names who acts, though not as a unit's
		// name: it is a task whose cell stays empty.
		hints = append(hints, "主语为本级机关的口语称呼，未承接上文责任单位")
		namesActor = true
	case r.x.lex.namesNonBody(r.memo.sentence(f).d):
		// 中央财政要……, 教学过程要……: the sentence names its own
		// subject, which is no unit's name.
		hints = append(hints, "主语不是单位名称，未承接上文责任单位")
	default:
		bodies = r.carriedInto(pr, i)
		switch {
		case len(bodies) > 0:
			hints = append(hints, "责任单位承接上文")
		case pr.leftBehind:
			// A wrong unit is worse than an empty cell: say why.
			hints = append(hints, "上文责任单位属前一分项，未承接")
		}
	}
	if len(own) > 0 && len(opening) == 0 && !pr.lateOpen && r.subjectlessFirst(f) {
		// 要推行图表式管理，市县乡村要逐级建立台账: the first
		// directive names no subject and is the run's; the later
		// clause's subject is its own.
		if run := r.carriedInto(pr, i); len(run) > 0 {
			bodies = mergeBodies(append([]Body(nil), run...), bodies)
			hints = append(hints, "首句无主语，承接上文责任单位")
		}
	}
	if len(supporters) > 0 {
		bodies = mergeBodies(append([]Body(nil), bodies...), supporters)
	}
	if len(r.blanket) > 0 {
		bodies = withBlanket(bodies, r.blanket)
		hints = append(hints, "责任单位含文件说明统一指定的单位")
	}
	return bodies, hints, namesActor
}

// carriedInto returns the body the run carries into directive i of a
// paragraph: the subject of the clause before a ； it goes on, else the
// subject its bullet names, else the paragraph's, else the lead line's.
func (r *taskReading) carriedInto(pr *paragraphReading, i int) []Body {
	if pr.clauseAt == i && len(pr.clauseSubject) > 0 {
		return pr.clauseSubject
	}
	for _, bs := range [][]Body{pr.inBullet, pr.open, pr.listIntro, r.lead.bodies} {
		if len(bs) > 0 {
			return bs
		}
	}
	return nil
}

// inTextOrder orders a sentence's own bodies as the sentence names them
// (由甲牵头，乙、丙负责…… gives 甲, 乙, 丙), whichever rule found them.
func inTextOrder(bs []Body) []Body {
	sort.SliceStable(bs, func(i, j int) bool { return bs[i].Span.Start < bs[j].Span.Start })
	return bs
}

// hasLead reports whether bs holds a lead body.
func hasLead(bs []Body) bool {
	for _, b := range bs {
		if b.Role == RoleLead {
			return true
		}
	}
	return false
}

// endsWithColon reports whether a paragraph ends with ：, as a lead line
// that introduces the bullets after it does.
func endsWithColon(s string) bool {
	s = strings.TrimRightFunc(s, isBlank)
	return strings.HasSuffix(s, "：") || strings.HasSuffix(s, ":")
}

// goalLead matches the lead-in of a list of targets: 主要预期目标是：,
// 主要指标为：.
var goalLead = mustPattern(`(?:目标|指标)(?:是|为)?[:：]`)

// endsWithSemicolon reports whether a sentence ends with ；, which goes on
// with the list it belongs to.
func endsWithSemicolon(s string) bool {
	s = strings.TrimRightFunc(s, isBlank)
	return strings.HasSuffix(s, "；") || strings.HasSuffix(s, ";")
}

// leadingMarker returns the marker word of a directive whose subject
// follows it (希望, 请).
func leadingMarker(word string) (string, bool) {
	for _, w := range []string{"希望", "请"} {
		if strings.HasPrefix(word, w) {
			return w, true
		}
	}
	return "", false
}

// modalMarker matches the directive markers that follow their subject:
// 各级各部门要……, 县委将…….
var modalMarker = mustPattern(`^(?:要|必须|务必|一定|应|需|将|负责|牵头|亲自抓|具体抓|严禁|禁止|不得|不准)`)

// laterItem matches the numbering of an item after the first of its list:
// 二要, (三), 4., ⑤, 其次.
var laterItem = mustPattern(`^\s*(?:(?:[二三四五六七八九]|十[一二三四五六七八九]?)(?:要|是|[、.])|[(（](?:[二三四五六七八九]|十[一二三四五六七八九]?|[2-9]|[1-9][0-9])[)）]|(?:[2-9]|[1-9][0-9])\s*[、.)）]|[②③④⑤⑥⑦⑧⑨⑩]|第[二三四五六七八九十]|其次|再次)`)

// firstInlineItem matches a sentence that opens the first item of an
// inline list: 一是……, 一要……, 第一，…….
var firstInlineItem = mustPattern(`^(?:一(?:是|要)|第一[,，、])`)

// inlineListOpens reports whether a folded sentence opens an inline list
// with its first item after a comma or colon (……三篇文章，一是……).
func inlineListOpens(f string) bool {
	return listFirstItem.MatchString(f)
}

// listFirstItem matches the first item of an inline list inside a clause.
var listFirstItem = mustPattern(`[,，:：]\s*(?:一(?:要|是)|第一[,，、])`)

// firstItemInline matches the first item of a list opening a sentence
// inside a paragraph: ……：一要加强领导。, ……。一是…….
var firstItemInline = mustPattern(`[。；;:：!！?？]\s*(?:一(?:要|是)|[(（][一1][)）]|1[、.]|第一[,，、])`)

// Moods of a section, by what its heading says it holds.
const (
	moodUnknown = iota
	moodReview  // a review of work done: 一、统一认识,客观评价……的成效
	moodPlan    // work to do: 三、2019年政府工作任务, 二、主要任务
)

var (
	reviewHeading = mustPattern(`成绩|成效|回顾|取得|基本情况|主要做法|做法|总结|一年来|过去|去年`)
	planHeading   = mustPattern(`工作目标|主要目标|目标任务|主要任务|工作任务|重点任务|工作安排|主要工作|工作重点|重点工作|主要措施|工作措施|保障措施|具体措施|实施步骤|组织实施|工作要求|总体要求|总体目标|政府工作|施政|规划|计划|方案|意见|办法|通知|决定|要点`)
)

// sectionMood classifies a folded heading; a heading that says neither
// keeps the mood of the document (its title).
func sectionMood(heading string, doc int) int {
	switch {
	case reviewHeading.MatchString(heading):
		return moodReview
	case planHeading.MatchString(heading) && !strings.Contains(heading, "讲话") && !strings.Contains(heading, "发言"):
		return moodPlan
	}
	return doc
}

// scheduleRow matches the row of a schedule table that opens with its
// year, Gregorian or ROC (民国), before the numbered items or a month:
// `105 1、4月：…`, `106 10月：…`.
var scheduleRow = mustRegexp(`^\s*(1[0-9]{2}|20[0-9]{2})\s*(?:年度?)?\s+[0-9]{1,2}\s*(?:[、.]|月)`)

// scheduleItem matches a further numbered item of the same row.
var scheduleItem = mustRegexp(`^\s*[0-9]{1,2}\s*[、.]`)

// scheduleYear returns the year a line of a schedule table gives its
// months: the year it opens with, or, for a further numbered item, the
// current row's year; 0 outside such a table.
func scheduleYear(line string, current int) int {
	if m := scheduleRow().FindStringSubmatch(line); m != nil {
		y, _ := strconv.Atoi(m[1])
		if y < 1000 {
			y += 1911 // ROC year (guide, "Time node")
		}
		return y
	}
	if current != 0 && scheduleItem().MatchString(line) {
		return current
	}
	return 0
}

// hypothesis matches a condition clause (如果出现了,……): what follows it
// says what would happen, not when work is due.
var hypothesis = mustPattern(`(?:如果|假如|倘若|万一|要是)[^，,。；;]*[，,]`)

// dropHypothetical leaves out the time nodes of the clause that follows a
// condition: 如果出现了,明年我首先就要提出减少你的招生计划 sets no deadline.
func dropHypothetical(s string, ts []TimeNode) []TimeNode {
	m := hypothesis.FindStringIndex(s)
	if m == nil || len(ts) == 0 {
		return ts
	}
	from := runeCount(s[:m[1]])
	to := clauseEnd([]rune(s), from)
	out := ts[:0]
	for _, t := range ts {
		if t.Span.Start < from || t.Span.Start >= to {
			out = append(out, t)
		}
	}
	return out
}

// clauseEnd returns the offset of the punctuation that ends the clause
// starting at rune offset i, or len(rs).
func clauseEnd(rs []rune, i int) int {
	for i < len(rs) && !strings.ContainsRune("，,。；;！!？?", rs[i]) {
		i++
	}
	return i
}

// endsSentence reports whether a line ends with a sentence end or a colon.
func endsSentence(line string) bool {
	s := strings.TrimRightFunc(line, isBlank)
	for s != "" {
		r, size := utf8.DecodeLastRuneInString(s)
		if !strings.ContainsRune(closers, r) {
			return strings.ContainsRune("。！？；!?;：:", r)
		}
		s = s[:len(s)-size]
	}
	return true
}

// inlineOrdinal matches a sentence opening with an inline ordinal: 二要……, 三是…….
var inlineOrdinal = mustPattern(`^(?:[一二三四五六七八九十]{1,2}(?:要|是)|第[一二三四五六七八九十]{1,2}[,，、])`)

// rank orders paragraph kinds from the outermost heading inwards.
func rank(kind int) int {
	switch kind {
	case paraLevel1:
		return 1
	case paraLevel2:
		return 2
	case paraLevel3:
		return 3
	case paraBullet:
		return 4
	}
	return 0
}

// subjects returns the bodies named as subjects of the directives in the
// folded sentence d: a sentence may hold several (……,各联村单位要倾心相帮).
// The result is shared: callers must not change it.
func (lx *lexicon) subjects(d *directed) []Body {
	if !d.haveSubjects {
		d.subjects, d.haveSubjects = lx.findSubjects(d), true
	}
	return d.subjects
}

// findSubjects finds the subjects for subjects.
func (lx *lexicon) findSubjects(d *directed) []Body {
	blank := d.blank
	var out []Body
	offsets := runeCounter{s: blank}
	// Most markers name no subject (确保、力争……): the sentence is read as
	// runes only for one that may.
	for _, m := range d.markers {
		at0 := offsets.at(m[0])
		word := blank[m[0]:m[1]]
		if lead, ok := leadingMarker(word); ok {
			if word == "请" && lx.commitsNoOne(d, m) {
				continue // 申请, 请示, or 请 inviting after another marker
			}
			rs, _ := d.runes()
			// 希望各镇办各部门……, 请各单位……: the body follows the marker.
			at := at0 + runeCount(lead)
			end := at
			for end < len(rs) && !strings.ContainsRune("，,。；;：:！!？?", rs[end]) {
				end++
			}
			out = mergeBodies(out, lx.leadingBodies(rs[at:end], at))
			continue
		}
		if !modalMarker.MatchString(word) {
			continue // 确保、力争、尽快……: what precedes is no subject
		}
		if isAssignment(word) && lx.assignsNoOne(d, m) {
			continue // 敢于负责: what it does, not work assigned
		}
		if strings.HasPrefix(blank[m[1]:], "由") {
			rs, _ := d.runes()
			if at := offsets.at(m[1]) + 1; lx.nameBeforeVerb(rs[at:clauseEnd(rs, at)]) > 0 {
				continue // 应当由X办成……: X acts (modalBy), not what precedes
			}
		}
		bs := d.subjectBodiesAt(lx, at0)
		if len(bs) == 0 && (strings.HasPrefix(word, "负责") || strings.HasPrefix(word, "牵头")) {
			rs, _ := d.runes()
			bs = lx.personsBefore(rs, at0) // 黄某、周某负责……
		}
		out = mergeBodies(out, bs)
	}
	return out
}

// taggedSentences splits a paragraph into sentences. Responsibility tags
// written after an item, such as （牵头单位：市委组织部，配合单位：市财政局）
// or （生态环境部牵头，国家发展改革委等参与）, give their bodies to every
// sentence of the item they close (from the previous tag or the start of
// the paragraph), and are not part of any sentence (guide,
// "Clarifications"). fl is line folded.
func (x *Extractor) taggedSentences(line string, fl folded) []sentence {
	var tags [][]int
	// A tag opens with a parenthesis, which most paragraphs lack: looking
	// for one is cheaper than the pattern's own tests on a long paragraph.
	if strings.IndexByte(fl.text, '(') >= 0 || strings.Contains(fl.text, "（") {
		tags = respTags(fl.text)
	}
	if tags == nil {
		return x.splitFolded(line, fl) // most paragraphs have none
	}
	orig := []rune(line)
	var out []sentence
	start := 0 // rune offset in line where the current item starts
	offsets := runeCounter{s: fl.text}
	for _, m := range tags {
		a, b := offsets.at(m[0]), offsets.at(m[1])
		// A tag closes an item: it follows a sentence end or ends the line.
		prev, _ := utf8.DecodeLastRuneInString(fl.text[:m[0]])
		if m[0] > 0 && !strings.ContainsRune("。;；!！?？", prev) && strings.TrimSpace(fl.text[m[1]:]) != "" {
			continue
		}
		bs := x.lex.tagBodies(fl.text[m[0]:m[1]])
		for i := range bs {
			bs[i].Span = Span{bs[i].Span.Start + a, bs[i].Span.End + a}
		}
		tag := carried(x.origBodies(sentence{text: line, fold: fl}, bs))
		sp := fl.origSpan(Span{a, b})
		for _, s := range x.splitSentences(string(orig[start:sp.Start])) {
			s.tag = tag
			out = append(out, s)
		}
		start = sp.End
	}
	if start == 0 {
		return append(out, x.splitFolded(line, fl)...)
	}
	return append(out, x.splitSentences(string(orig[start:]))...)
}

// carried returns copies of bodies marked as carried into later sentences.
// Bodies marked by 由 are not carried (guide, "Responsible body").
func carried(bs []Body) []Body {
	out := make([]Body, 0, len(bs))
	for _, b := range bs {
		b.Carried = true
		b.Span = Span{}
		out = append(out, b)
	}
	return out
}

// firstClause returns a heading's text up to its first sentence end.
func firstClause(line string) string {
	line = strings.TrimSpace(line)
	if i := strings.IndexAny(line, "。；;！？"); i > 0 {
		return line[:i]
	}
	if rs := []rune(line); len(rs) > 40 {
		return string(rs[:40]) + "…"
	}
	return line
}

// origBodies maps bodies found in the folded sentence back to the text as
// written, and sets their canonical names.
func (x *Extractor) origBodies(s sentence, bs []Body) []Body {
	out := make([]Body, 0, len(bs))
	o := s.originals()
	for _, b := range bs {
		b.Canonical = x.lex.canonical(x.fold.foldString(b.Name))
		if !b.Carried {
			// A place shared from the name before it (市发展改革委、
			// 财政局) stays before the name as written.
			// A head shared from the last name (民政、社保等部门)
			// stays after it.
			core := strings.TrimSuffix(b.Name, b.shared)
			shared := ""
			if n := runeCount(core) - (b.Span.End - b.Span.Start); n > 0 && b.Span.End > b.Span.Start {
				shared = string([]rune(core)[:n])
			}
			b.Span, b.Name = o.of(b.Span, core)
			b.Name = shared + b.Name + b.shared
		}
		out = append(out, b)
	}
	return out
}

// origTimes maps time nodes found in the folded sentence to the text as
// written.
func origTimes(s sentence, ts []TimeNode) []TimeNode {
	o := s.originals()
	for i := range ts {
		ts[i].Span, ts[i].Text = o.of(ts[i].Span, ts[i].Text)
	}
	return ts
}

// origTargets maps targets found in the folded sentence to the text as
// written.
func origTargets(s sentence, ts []Target) []Target {
	o := s.originals()
	for i := range ts {
		ts[i].Span, ts[i].Text = o.of(ts[i].Span, ts[i].Text)
	}
	return ts
}

// originals maps spans of a folded sentence to the sentence as written.
// It walks the text from the span it mapped last, so that the spans of a
// sentence, taken in order, cost one reading of it: a sentence of
// thousands of clauses has thousands of them.
type originals struct {
	fold *folded
	c    runeCursor
}

func (s sentence) originals() *originals {
	return &originals{fold: &s.fold, c: runeCursor{s: s.text}}
}

// of returns the span of the sentence as written that sp covers, with the
// text it covers there; an empty span keeps text.
func (o *originals) of(sp Span, text string) (Span, string) {
	if sp.End <= sp.Start {
		return sp, text
	}
	sp = o.fold.origSpan(sp)
	return sp, o.c.slice(sp.Start, sp.End)
}

// A runeCursor finds runes in a string by their offsets, walking on from
// the start of the slice it took last rather than from the string's start.
type runeCursor struct {
	s    string
	a, n int // a is the byte offset of rune n
}

// slice returns string([]rune(c.s)[i:j]). In valid UTF-8 the runes from i
// to j are the bytes that encode them.
func (c *runeCursor) slice(i, j int) string {
	s := c.s
	if i < c.n {
		c.a, c.n = 0, 0
	}
	for c.n < i && c.a < len(s) {
		_, size := decodeRune(s, c.a)
		c.a, c.n = c.a+size, c.n+1
	}
	b, n := c.a, c.n
	for n < j && b < len(s) {
		_, size := decodeRune(s, b)
		b, n = b+size, n+1
	}
	if c.n < i || n < j || i > j {
		return string([]rune(s)[i:j]) // out of range: panic as the slice does
	}
	if t := s[c.a:b]; !utf8.ValidString(t) {
		return string([]rune(t)) // invalid: []rune spells it U+FFFD
	}
	return s[c.a:b]
}

// A runeCounter gives the rune offsets of byte offsets in a string,
// counting on from the offset it gave last: offsets asked in order cost
// one reading of the string, where counting each from the start is
// quadratic in a long sentence.
type runeCounter struct {
	s      string
	pos, n int // s[:pos] holds n runes
}

// at returns runeCount(c.s[:i]).
func (c *runeCounter) at(i int) int {
	if i < c.pos {
		c.pos, c.n = 0, 0
	}
	c.n += runeCount(c.s[c.pos:i])
	c.pos = i
	return c.n
}

// itemTag is the responsibility tag a sentence of an item takes, and
// whether the sentence is itself nothing but a tag.
type itemTag struct {
	bodies []Body
	only   bool
}

// itemTags returns the tag each sentence of a paragraph takes: its own
// (s.tag, a tag in parentheses closing it), else that of a sentence after
// it in the paragraph that is nothing but a tag (……。市农业农村局牵头，
// 市自然资源局参与。), else below (the tag lines after the paragraph)
// (guide, "Clarifications": a tag after an item gives its bodies to every
// task sentence of the item).
func (x *Extractor) itemTags(sents []sentence, below []Body) []itemTag {
	out := make([]itemTag, len(sents))
	from := 0 // the first sentence of the current item
	for i, s := range sents {
		out[i].bodies = s.tag
		if i == 0 {
			continue
		}
		if bs := x.lex.pureTag(s.fold.text); len(bs) > 0 {
			tag := carried(x.origBodies(s, bs))
			for j := from; j < i; j++ {
				if len(out[j].bodies) == 0 {
					out[j].bodies = tag
				}
			}
			out[i].only = true
			from = i + 1
		}
	}
	if len(below) > 0 {
		for j := from; j < len(sents); j++ {
			if len(out[j].bodies) == 0 {
				out[j].bodies = below
			}
		}
	}
	return out
}

// tagLinesAfter returns the bodies of the tag lines that follow line i of
// lines (牵头单位：……, 配合单位：…… on lines of their own), as carried bodies.
func (x *Extractor) tagLinesAfter(memo *analyses, lines []string, i int) []Body {
	var out []Body
	for j := i + 1; j < len(lines); j++ {
		if strings.TrimSpace(lines[j]) == "" {
			continue
		}
		f := x.paragraph(memo, lines[j]).text
		if !isTagLine(f) {
			break
		}
		out = append(out, carried(x.lex.tagBodies(f))...)
	}
	return out
}

// blanketNoteForm matches a note that hands every later item to a body:
// 以下各项均需各区政府落实，不再列出; 以下各项由各区政府负责，不再一一列出.
var blanketNoteForm = mustRegexp(`以下[^，,。；;]{0,8}?(?:均需|均须|均由|均要|需由|须由|由|需|须)([^，,。；;]{2,30}?)(?:负责|落实|承担|牵头|组织实施|实施|推进)[^。]{0,12}?不再(?:一一)?(?:列出|列明|重复)`)

// blanketNote reports whether a folded paragraph is a note that hands
// every later item of the document to a body (guide, "Clarifications"),
// with the bodies it names.
func (x *Extractor) blanketNote(para string) ([]Body, bool) {
	if !strings.Contains(para, "不再") {
		return nil, false
	}
	m := blanketNoteForm().FindStringSubmatch(para)
	if m == nil {
		return nil, false
	}
	var out []Body
	for _, p := range x.lex.splitNames(m[1]) {
		name := strings.TrimSpace(p.text)
		if !x.lex.isBodyName(name) {
			return nil, false
		}
		out = append(out, Body{Name: name, Role: RoleLead, Canonical: x.lex.canonical(name), Carried: true})
	}
	return out, len(out) > 0
}

// withBlanket adds the bodies a note gave every later task to a task's
// own: alongside a lead the task names they support it; alone they lead.
func withBlanket(bodies, blanket []Body) []Body {
	role := RoleLead
	for _, b := range bodies {
		if b.Role == RoleLead {
			role = RoleSupport
		}
	}
	add := make([]Body, len(blanket))
	for i, b := range blanket {
		b.Role = role
		add[i] = b
	}
	return mergeBodies(append([]Body(nil), bodies...), add)
}

// pronounSubject matches a directive whose subject is a pronoun (我们要……,
// 大家一定要……, 我们既要……又要……): the sentence names its own subject, which is no body
// (guide, "Responsible body"), so the run's body is not carried into it.
var pronounSubject = mustRegexp(`(?:^|[,，:：])[^,，。；;]{0,10}?(?:我们|大家|同志们|你们|咱们)(?:都|也|还|更|就|既|又|仍|仍然|始终|同样|一定|必须|务必|首先|进一步|共同|每个人)*(?:要|必须|务必|应当|应该|需要)`)

// vagueSubject matches a sentence whose subject is an unnamed part of the
// units (一些部门, 个别学校, 有的单位): it names its own subject, so the
// run's body is not carried into it, though it names no unit (guide,
// "Responsible body"; a wrong unit is worse than an empty cell).
var vagueSubject = mustRegexp(`^(?:[0-9一二三四五六七八九十]+是|同时|但|但是|而|还有)?[,，]?(?:一些|有些|有的|个别|少数|部分)[^,，。；;的]{0,12}?(?:、|要|必须|务必|应当|应该|需要|没有|不|也|还|都)`)

// colloquialOrganSubject matches a directive whose subject is the spoken
// name of the speaker's own organ (局里将……, 县里要……): the sentence names
// its own subject, which is not the run's body and names no unit exactly
// (guide, "Responsible body"), so the run's body is not carried into it.
// 区上, 县上 are the spoken names of a level's government too (区上将……).
var colloquialOrganSubject = mustRegexp(`(?:^|[,，:：])(?:今年|明年|近期|下一步|会后|同时)?[,，]?(?:(?:省|市|县|区|镇|乡)上|(?:省|市|县|区|镇|乡|局|校|厂)里)(?:也|还|都|就|今年|近期|下一步)*(?:要|将|必须|务必|应当|会)`)

// quotedDirective matches the words that report a directive given at
// another meeting: ……在……讲话中强调, 教育部召开发布会，要求.
var quotedDirective = mustRegexp(`(?:讲话中|会议上|会上|讲话时|发布会上)(?:强调|指出|要求)|召开[^,，。；;]{0,15}会[,，]?(?:强调|指出|要求)`)
