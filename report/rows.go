package report

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"unique"

	"github.com/speechledger/speechledger/extract"
)

// A ledger is what the workbook shows, before any styling: the pure step
// between the extracted speeches and the writing step.
type ledger struct {
	ReportDate extract.Date
	Inputs     []string
	Speeches   []speechEntry // every speech, duplicates included, in input order
	Sheets     []sheet       // one per speech that is not a duplicate
	Bodies     []bodyStat    // by lead body, most overdue first
	Months     []monthStat   // by month of deadline, in date order; no deadline last
	Totals     speechEntry   // sums of Tasks, WithDue, Overdue, DueSoon
	maxSheets  int           // the most speeches with a sheet of their own
	// speeches gives the speeches again, for the sheets whose rows are
	// spooled; nil when none is.
	speeches func(fn func(extract.Speech) error) error
}

// A speechEntry is one line of the summary's per-speech table.
type speechEntry struct {
	Sheet   string // the speech's sheet, "" for a duplicate
	Source  string
	Index   int
	Title   string
	Speaker string
	Date    extract.Date
	Tasks   int
	WithDue int
	Overdue int
	DueSoon int // due within 30 days of the report date, not overdue
	New     int // tasks first seen on the report date
	Removed int // tasks gone from the input, still on the sheet
	Note    string
	Gone    bool // the speech is no longer in the input; Source is as shown before
	// Archived is the archive workbook holding the speech's sheet, "" if
	// it is not archived.
	Archived string
	// Row is the speech's first row on Sheet when that is combinedSheet.
	Row int
}

// A sheet is one speech's sheet.
type sheet struct {
	Name   string
	Speech speechEntry
	Rows   []row
	Gone   bool // the speech is no longer in the input: every row is kept
	// Combined says the speech's rows go on combinedSheet rather than a
	// sheet of their own; Name is then the speech's key there.
	Combined bool
	Extras   []extraCol // columns staff added, in order
	lay      *layout    // the template's layout with the extra columns
	// spooled, if not nil, stands for Rows, which are not held.
	spooled *spooledRows
}

// A row is one task row of a speech sheet.
type row struct {
	Seq         int
	ID          string
	Text        string
	Marks       []mark // highlighted phrases of Text, in order, not overlapping
	Times       string
	Due         extract.Date
	Lead        string
	Units       []string // the lead bodies' canonical names, as 汇总 counts them
	Support     string
	Targets     string
	TargetValue float64
	HasValue    bool
	Section     string
	Hints       string
	Status      string
	Warning     string
	Progress    string
	Note        string
	Change      string // 变动: 新增, 已移出 or 重新列入 with the date
	Removed     bool   // the task is gone from the input
	Verbatim    bool   // a row staff added: Cells hold all of it
	// Home is the speech sheet the row belongs to, when that is not the
	// sheet it is on: a row of combinedSheet.
	Home string
	// Cells are the cells carried from the previous workbook that no
	// field of the row holds, by column of the sheet.
	Cells  cellList
	Height float64 // in points, of a verbatim row or one staff set; 0 to fit the text
	// Proposed is what the program proposes for the tracked fields, for
	// the record of writtenSheet; nil for what the row's fields hold.
	Proposed proposal
	// ExtractedID is the id the extraction gave the task when the row
	// keeps an older one (see matchRows); "" when they are the same.
	ExtractedID string
}

// A markKind says what a highlighted phrase of a task's text is.
type markKind int

const (
	markTime markKind = iota
	markBody
	markTarget
)

func (k markKind) String() string {
	return [...]string{"时间", "单位", "目标"}[k]
}

// A mark is a highlighted phrase: rune offsets [Start, End) into Row.Text.
type mark struct {
	Kind       markKind
	Start, End int
}

// A bodyStat counts the tasks one body leads.
type bodyStat struct {
	Name      string
	Led       int
	WithDue   int
	Overdue   int
	DueSoon   int          // due within 30 days, not overdue
	Done      int          // 办理状态 已办结, as the sheets show it
	LastReply extract.Date // the last day a reply of the body was merged
}

// A monthStat counts the tasks due in one month ("" for no deadline).
type monthStat struct {
	Month   string // YYYY-MM, or "" for tasks without a deadline
	Tasks   int
	Overdue int
}

// soonDays is how many days ahead the summary's "due soon" columns look;
// warnDays is the same for a row's 预警.
const (
	soonDays = 30
	warnDays = 7
)

// MaxSpeechSheets is the most speeches that get a sheet of their own
// unless Options.MaxSheets says otherwise; the tasks of the others are
// rows of one sheet, combinedSheet (see combined.go).
const MaxSpeechSheets = 200

// Speeches are a run's speeches, in input order, as a ledger reads them:
// all at once without their tasks, and one at a time with them, as often
// as it needs, so that a run over thousands of speeches can keep them on
// disk rather than in memory.
type Speeches struct {
	// Heads are the speeches, without their Tasks when they are not
	// held; Options.Archived needs them.
	Heads []extract.Speech
	// Each calls fn with each speech, tasks included, in order, and stops
	// at fn's first error, which it returns.
	Each func(fn func(extract.Speech) error) error
}

// SpeechesOf returns the Speeches of speeches held in memory.
func SpeechesOf(speeches []extract.Speech) Speeches {
	return Speeches{Heads: speeches, Each: func(fn func(extract.Speech) error) error {
		for _, sp := range speeches {
			if err := fn(sp); err != nil {
				return err
			}
		}
		return nil
	}}
}

// buildLedger turns speeches into the ledger the workbook shows.
func buildLedger(speeches []extract.Speech, opt Options) ledger {
	l, _ := readLedger(SpeechesOf(speeches), opt, false)
	return l
}

// readLedger turns speeches into the ledger the workbook shows. With
// spool, the sheets whose rows go on combinedSheet do not hold them: they
// are made again from speeches whenever they are read (see spooledRows),
// as nothing is carried into them on a ledger's first run.
func readLedger(speeches Speeches, opt Options, spool bool) (ledger, error) {
	l := ledger{ReportDate: opt.ReportDate, Inputs: opt.Inputs}
	heads := speeches.Heads
	names := newSheetNamer(heads)
	sheetOf := make([]int, len(heads)) // the speech's sheet in l.Sheets, -1 for none
	entryOf := map[int]int{}           // a sheet's speech in l.Speeches
	for i := range heads {
		sp := &heads[i]
		sheetOf[i] = -1
		e := speechEntry{
			Source:  sp.Source,
			Index:   sp.Index,
			Title:   sp.Title,
			Speaker: sp.Speaker,
			Date:    sp.SpeechDate,
			Note:    speechNote(sp, heads),
		}
		if sp.DuplicateOf != 0 {
			l.Speeches = append(l.Speeches, e)
			continue
		}
		if opt.Archived != nil {
			if e.Archived = opt.Archived(sp); e.Archived != "" {
				e.Note = strings.TrimSpace(e.Note + " 已归档至 " + e.Archived)
				l.Speeches = append(l.Speeches, e)
				continue
			}
		}
		e.Sheet = names.name(sp)
		sheetOf[i], entryOf[len(l.Sheets)] = len(l.Sheets), len(l.Speeches)
		l.Sheets = append(l.Sheets, sheet{Name: e.Sheet, Speech: e})
		l.Speeches = append(l.Speeches, e)
	}
	combineOldest(&l, opt.maxSheets())
	st := &taskStats{bodies: map[string]*bodyStat{}, months: map[string]*monthStat{}}
	i := 0
	err := speeches.Each(func(sp extract.Speech) error {
		j := sheetOf[i]
		i++
		if j < 0 {
			return nil
		}
		sh := &l.Sheets[j]
		e := &sh.Speech
		keep := !spool || !sh.Combined
		if keep {
			sh.Rows = slices.Grow(sh.Rows, len(sp.Tasks))
		}
		for _, t := range sp.Tasks {
			r := buildRow(t, opt.ReportDate)
			if keep {
				r.intern()
				sh.Rows = append(sh.Rows, r)
			}
			st.count(e, t, &r, opt.ReportDate)
		}
		if !keep {
			sh.spooled = &spooledRows{n: e.Tasks, at: i - 1}
		}
		k := &l.Speeches[entryOf[j]]
		k.Tasks, k.WithDue, k.Overdue, k.DueSoon = e.Tasks, e.WithDue, e.Overdue, e.DueSoon
		l.Totals.Tasks += e.Tasks
		l.Totals.WithDue += e.WithDue
		l.Totals.Overdue += e.Overdue
		l.Totals.DueSoon += e.DueSoon
		return nil
	})
	if err != nil {
		return ledger{}, err
	}
	if spool {
		l.speeches = speeches.Each
	}
	st.fill(&l)
	return l, nil
}

// spooledRows are the rows of a sheet that are not held: a sheet of
// combinedSheet's speeches, or combinedSheet, on a ledger's first run.
// Nothing is carried into them, so they are buildRow's rows of the tasks
// of those speeches (with, on combinedSheet, the column naming each
// row's speech), made again from the ledger's speeches when read.
type spooledRows struct {
	n  int // how many
	at int // on the sheet of one speech, its place in the input
	// names are the speeches of combinedSheet, by their place in the
	// input, and col the column naming them; none on the sheet of one.
	names map[int]string
	col   int
}

// rowCount returns how many task rows sh has.
func (sh *sheet) rowCount() int {
	if sh.spooled != nil {
		return sh.spooled.n
	}
	return len(sh.Rows)
}

// eachRow calls fn with each task row of sh, of ledger l, in order, and
// stops at fn's first error. A spooled row is made for the call: what
// fn changes of it is lost.
func (sh *sheet) eachRow(l *ledger, fn func(*row) error) error {
	if sh.spooled == nil {
		for i := range sh.Rows {
			if err := fn(&sh.Rows[i]); err != nil {
				return err
			}
		}
		return nil
	}
	s := sh.spooled
	i := 0
	return l.speeches(func(sp extract.Speech) error {
		name, ok := s.names[i]
		i++
		if !ok {
			return nil
		}
		for _, t := range sp.Tasks {
			r := buildRow(t, l.ReportDate)
			r.Cells, r.Home = cellList{{s.col, carriedCell{value: name}}}, name
			if err := fn(&r); err != nil {
				return err
			}
		}
		return nil
	})
}

// taskStats are the counts of the tasks of a ledger by lead body, in the
// order the bodies first lead one, and by month of deadline.
type taskStats struct {
	bodies    map[string]*bodyStat
	bodyOrder []string
	months    map[string]*monthStat
}

// count counts the task t, whose row is r, in the counts of its speech e
// and in s.
func (s *taskStats) count(e *speechEntry, t extract.Task, r *row, reportDate extract.Date) {
	e.Tasks++
	overdue := r.Warning == warnOverdue
	soon := !r.Due.IsZero() && !overdue && reportDate.DaysUntil(r.Due) <= soonDays
	if !r.Due.IsZero() {
		e.WithDue++
	}
	if overdue {
		e.Overdue++
	}
	if soon {
		e.DueSoon++
	}
	month := ""
	if !r.Due.IsZero() {
		month = r.Due.String()[:7]
	}
	ms := s.months[month]
	if ms == nil {
		ms = &monthStat{Month: month}
		s.months[month] = ms
	}
	ms.Tasks++
	if overdue {
		ms.Overdue++
	}
	for _, name := range leadNames(t) {
		bs := s.bodies[name]
		if bs == nil {
			bs = &bodyStat{Name: name}
			s.bodies[name] = bs
			s.bodyOrder = append(s.bodyOrder, name)
		}
		bs.Led++
		if !r.Due.IsZero() {
			bs.WithDue++
		}
		if overdue {
			bs.Overdue++
		}
		if soon {
			bs.DueSoon++
		}
	}
}

// fill sets the bodies and months of l from s, in the order the summary
// shows them.
func (s *taskStats) fill(l *ledger) {
	for _, name := range s.bodyOrder {
		l.Bodies = append(l.Bodies, *s.bodies[name])
	}
	sortBodies(l.Bodies)
	for _, ms := range s.months {
		l.Months = append(l.Months, *ms)
	}
	slices.SortFunc(l.Months, func(a, b monthStat) int {
		switch {
		case a.Month == b.Month:
			return 0
		case a.Month == "":
			return 1
		case b.Month == "":
			return -1
		}
		return strings.Compare(a.Month, b.Month)
	})
}

// buildRow turns a task into its row as of the report date.
func buildRow(t extract.Task, reportDate extract.Date) row {
	r := row{
		Seq:     t.Seq,
		ID:      t.ID,
		Text:    t.Text,
		Marks:   marks(t),
		Section: t.Section,
		Status:  statusNotStarted,
	}
	var times, hints []string
	for _, tn := range t.Times {
		s := tn.Text
		if tn.Due.IsZero() && !tn.Start.IsZero() {
			s += "（" + tn.Start.String() + "起）"
		}
		times = append(times, s)
		if !tn.Due.IsZero() && (r.Due.IsZero() || tn.Due.Before(r.Due)) {
			r.Due = tn.Due
		}
		if tn.Note != "" {
			hints = append(hints, tn.Text+"："+tn.Note)
		}
	}
	r.Times = strings.Join(times, "\n")
	var lead, support []string
	for _, b := range t.Bodies {
		name := b.Name
		switch b.Role {
		case extract.RoleSupport:
			support = appendUnique(support, name)
		default:
			lead = appendUnique(lead, name)
		}
	}
	r.Lead = strings.Join(lead, "、")
	r.Units = leadNames(t)
	r.Support = strings.Join(support, "、")
	var targets []string
	for _, tg := range t.Targets {
		targets = append(targets, formatTarget(tg))
		if !r.HasValue && tg.Ratio == "" {
			r.TargetValue, r.HasValue = tg.Value, true
		}
	}
	r.Targets = strings.Join(targets, "\n")
	hints = append(slices.Clone(t.Hints), hints...)
	r.Hints = strings.Join(hints, "；")
	r.Warning = warning(r.Due, r.Status, reportDate)
	return r
}

// intern interns the texts of r (unique.Make), which a run holds for
// every task: the same as those of the previous workbook's row of the
// task, which its reader interns, and as those of other rows (bodies,
// times, a section's heading), they are then held once. The speech the
// row was made from can go.
func (r *row) intern() {
	for _, s := range []*string{&r.ID, &r.Text, &r.Times, &r.Lead, &r.Support, &r.Targets, &r.Section, &r.Hints, &r.Warning} {
		*s = unique.Make(*s).Value()
	}
	for i, u := range r.Units {
		r.Units[i] = unique.Make(u).Value()
	}
}

// warning returns the 预警 of a task due on due with status as of the
// report date. The workbook's formula computes the same (see warnFormula).
func warning(due extract.Date, status string, reportDate extract.Date) string {
	switch {
	case due.IsZero():
		return warnNoDue
	case status == statusDone:
		return warnOK
	case due.Before(reportDate):
		return warnOverdue
	case reportDate.DaysUntil(due) <= warnDays:
		return warnSoon
	}
	return warnOK
}

// leadNames returns the canonical names of t's lead bodies, each once, in
// order of mention.
func leadNames(t extract.Task) []string {
	var names []string
	for _, b := range t.Bodies {
		if b.Role == extract.RoleSupport {
			continue
		}
		name := cmp.Or(b.Canonical, b.Name)
		names = appendUnique(names, name)
	}
	return names
}

func appendUnique(list []string, s string) []string {
	if s == "" || slices.Contains(list, s) {
		return list
	}
	return append(list, s)
}

// marks returns the highlighted phrases of t's text: time phrases, bodies
// and targets whose spans lie inside the text. Where spans overlap, the
// earlier-starting (then longer) one wins.
func marks(t extract.Task) []mark {
	n := len([]rune(t.Text))
	var ms []mark
	add := func(k markKind, sp extract.Span) {
		if sp.Start < 0 || sp.End <= sp.Start || sp.End > n {
			return
		}
		ms = append(ms, mark{k, sp.Start, sp.End})
	}
	for _, tn := range t.Times {
		add(markTime, tn.Span)
	}
	for _, b := range t.Bodies {
		if !b.Carried {
			add(markBody, b.Span)
		}
	}
	for _, tg := range t.Targets {
		add(markTarget, tg.Span)
	}
	slices.SortStableFunc(ms, func(a, b mark) int {
		return cmp.Or(cmp.Compare(a.Start, b.Start), cmp.Compare(b.End, a.End))
	})
	out := ms[:0]
	end := 0
	for _, m := range ms {
		if m.Start < end {
			continue
		}
		out = append(out, m)
		end = m.End
	}
	return out
}

// formatTarget writes a target for reading: the phrase as written, which
// office staff recognise from the speech; the number itself goes to the
// 目标数值 column.
func formatTarget(t extract.Target) string {
	if t.Text != "" {
		return t.Text
	}
	v := t.Ratio
	if v == "" {
		v = formatNumber(t.Value)
	}
	return t.Object + v + t.Unit
}

// formatNumber writes v without a needless exponent or trailing zeros.
func formatNumber(v float64) string {
	return strconv.FormatFloat(v, 'f', -1, 64)
}

// speechNote says what a speech repeats or overlaps, for the summary.
func speechNote(sp *extract.Speech, all []extract.Speech) string {
	var notes []string
	if sp.DuplicateOf != 0 {
		notes = append(notes, fmt.Sprintf("重复：与%s%s相同度%s，不另列表", ordinal(sp.DuplicateOf), titleOf(sp.Source, sp.DuplicateOf, all), percent(sp.Similarity)))
	}
	for _, o := range sp.Overlaps {
		notes = append(notes, fmt.Sprintf("部分重合：与%s%s重合%s", ordinal(o.Index), titleOf(sp.Source, o.Index, all), percent(o.Share)))
	}
	return strings.Join(notes, "；")
}

// ordinal names the index-th speech of a file.
func ordinal(index int) string { return "篇" + strconv.Itoa(index) }

// titleOf returns 《title》 of speech index of source, or "".
func titleOf(source string, index int, all []extract.Speech) string {
	for _, sp := range all {
		if sp.Source == source && sp.Index == index && sp.Title != "" {
			return "《" + sp.Title + "》"
		}
	}
	return ""
}

// percent writes a share in [0, 1] as a whole percentage, rounding down so
// that 0.999 is not shown as 100%.
func percent(share float64) string {
	p := int(math.Floor(share*100 + 1e-9))
	return strconv.Itoa(p) + "%"
}

// sortBodies orders 汇总's by-unit table: units with the most overdue
// tasks first, then the most tasks led, the most with a deadline, and by
// name.
func sortBodies(bs []bodyStat) {
	slices.SortStableFunc(bs, func(a, b bodyStat) int {
		return cmp.Or(
			cmp.Compare(b.Overdue, a.Overdue),
			cmp.Compare(b.Led, a.Led),
			cmp.Compare(b.WithDue, a.WithDue),
			strings.Compare(a.Name, b.Name),
		)
	})
}
