package extract

import (
	"errors"
	"strings"
	"unicode"
)

// ErrNotTaskTable is a table or workbook without the header of a
// task-division table.
var ErrNotTaskTable = errors.New("no header row naming a task column (工作任务, 重点任务, 工作内容, 任务事项) and a unit column (牵头单位, 责任单位)")

// A TaskTable is a task-division table (任务分工表), from a worksheet or
// a document: rows of cell texts, a merged cell's text in every cell it
// covers.
type TaskTable struct {
	Title string // the sheet's or document's title; "" for none
	Rows  [][]string
}

// Roles of a task-division table's columns.
const (
	colNone = iota
	colSeq
	colTask
	colLead
	colSupport
	colTime
	colTarget
)

// columnRole tells what a task-division table's column holds by its
// header, as offices word it: 序号; the task (工作任务, 重点任务, 工作内容,
// 任务事项 and their like); the lead units (牵头单位, 责任单位, 主责单位);
// the supporting units (配合单位, 协办单位); the deadline (完成时限, 时间节点,
// 完成时间); the target (目标, 预期目标). A header of two rows is read as
// both together (责任单位/牵头单位), the lower naming the column.
func columnRole(header string) int {
	h := strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, header)
	has := func(words ...string) bool {
		for _, w := range words {
			if strings.Contains(h, w) {
				return true
			}
		}
		return false
	}
	switch {
	case h == "":
		return colNone
	case has("序号", "编号") && !has("任务"):
		return colSeq
	case has("配合", "协办", "协助", "参与单位", "协同"):
		return colSupport
	case has("牵头", "主责", "主办", "责任单位", "责任部门", "承办单位", "实施单位", "落实单位"):
		return colLead
	case has("工作任务", "重点任务", "工作内容", "任务事项", "主要任务", "具体任务", "任务内容", "工作事项", "重点工作", "任务名称", "工作措施", "具体措施", "主要措施") || h == "任务" || h == "事项":
		return colTask
	case has("时限", "时间节点", "完成时间", "完成期限", "截止时间", "截止日期", "完成日期", "进度安排", "时间要求"):
		return colTime
	case has("目标"):
		return colTarget
	}
	return colNone
}

// TaskHeader reports whether rows are a task-division table, with a
// header row among the first ten naming a task column and a lead unit
// column (see TableSpeech), and returns where its header starts and where
// its rows under the header start.
func TaskHeader(rows [][]string) (header, data int, ok bool) {
	_, header, data, ok = taskColumns(rows)
	return header, data, ok
}

// taskColumns returns the role of each column of a table whose header
// takes the rows from header up to data, and whether the roles make a
// task-division table: a task column and a lead unit column.
func taskColumns(rows [][]string) (roles []int, header, data int, ok bool) {
	for r := 0; r < len(rows) && r < 10; r++ {
		roles = rolesOf(rows[r], nil)
		if !hasRoles(roles) {
			continue
		}
		// A second header row under the first names the parts of a
		// merged heading (责任单位 over 牵头单位 and 配合单位), and holds
		// no task: its task cell is empty or the merged heading's.
		if r+1 < len(rows) {
			next := rows[r+1]
			task := indexOf(roles, colTask)
			if task < len(next) && (strings.TrimSpace(next[task]) == "" || next[task] == rows[r][task]) {
				two := rolesOf(rows[r], next)
				named := false
				for c, role := range rolesOf(next, nil) {
					if role != colNone && (c >= len(rows[r]) || next[c] != rows[r][c]) {
						named = true
					}
				}
				if named && hasRoles(two) {
					return two, r, r + 2, true
				}
			}
		}
		return roles, r, r + 1, true
	}
	return nil, 0, 0, false
}

// rolesOf returns the roles of the columns headed by row, or by row over
// lower when lower is a second header row.
func rolesOf(row, lower []string) []int {
	n := max(len(row), len(lower))
	roles := make([]int, n)
	for c := range n {
		var up, down string
		if c < len(row) {
			up = strings.TrimSpace(row[c])
		}
		if c < len(lower) {
			down = strings.TrimSpace(lower[c])
		}
		switch {
		case down != "" && down != up:
			// The lower row names the column; the upper one says of
			// what (责任单位 over 配合单位).
			if roles[c] = columnRole(down); roles[c] == colNone {
				roles[c] = columnRole(up + down)
			}
		default:
			roles[c] = columnRole(up)
		}
	}
	// Only the first column of a role counts.
	seen := map[int]bool{}
	for c, r := range roles {
		if r != colNone && seen[r] && r != colLead && r != colSupport {
			roles[c] = colNone
		}
		seen[r] = true
	}
	return roles
}

func hasRoles(roles []int) bool {
	return indexOf(roles, colTask) >= 0 && indexOf(roles, colLead) >= 0
}

func indexOf(roles []int, role int) int {
	for i, r := range roles {
		if r == role {
			return i
		}
	}
	return -1
}

// TableSpeech returns the speech a task-division table gives: its title,
// and one task per row under the header, in order (guide, "Task": a plan's
// division table lists its tasks). The task column gives the task's text;
// the lead and supporting unit columns its bodies, split at 、，；/ and
// line breaks; the deadline column its time nodes (the phrase as a time
// node, resolved where it can be); the target column, and the task's own
// text, its targets. A row keeps its own 序号 as its number. A row whose
// cells all hold one text (a merged row across the table: 一、经济发展) is
// a section heading for the rows after it; a row with no task text is
// left out, as is a repeat of an earlier row's task. source names the
// file; TableSpeech fails with ErrNotTaskTable when t has no task-division
// header.
func (x *Extractor) TableSpeech(source string, index int, t TaskTable, opt Options) (Speech, error) {
	return x.tableSpeech(source, index, t, opt, Date{})
}

// tableSpeech is TableSpeech for a table in a document whose text states
// docDate (zero when it states none), the date a table's own title and
// the rows above its header fall back to.
func (x *Extractor) tableSpeech(source string, index int, t TaskTable, opt Options, docDate Date) (Speech, error) {
	roles, _, start, ok := taskColumns(t.Rows)
	if !ok {
		return Speech{}, ErrNotTaskTable
	}
	sp := Speech{Source: source, Index: index, Title: strings.TrimSpace(t.Title)}
	sp.Speaker = speakerOf(x.fold.foldString(sp.Title))
	var above []string
	for _, row := range t.Rows[:start] {
		above = append(above, x.fold.foldString(strings.Join(row, " ")))
	}
	stated := statedDate(append([]string{x.fold.foldString(sp.Title)}, above...))
	if stated.IsZero() {
		stated = docDate
	}
	sp.setDates(stated, opt)
	cell := func(row []string, c int) string {
		if c < 0 || c >= len(row) {
			return ""
		}
		return strings.TrimSpace(row[c])
	}
	idTitle := squeeze(x.fold.foldString(sp.Title))
	seen := map[string]bool{}
	var section string
	var text []string
	for _, row := range t.Rows[start:] {
		if heading, ok := sectionRow(row); ok {
			section = heading
			text = append(text, heading)
			continue
		}
		task := cell(row, indexOf(roles, colTask))
		if task == "" {
			continue
		}
		key := squeeze(x.fold.foldString(task))
		if seen[key] {
			continue
		}
		seen[key] = true
		text = append(text, task)
		seq := len(sp.Tasks) + 1
		if n, ok := ParseNumber(strings.TrimRight(cell(row, indexOf(roles, colSeq)), ".、．")); ok && n >= 1 && n == float64(int(n)) {
			seq = int(n)
		}
		tk := Task{Seq: seq, ID: taskID(idTitle, key), Text: task, Section: section}
		for c, role := range roles {
			switch role {
			case colLead, colSupport:
				r := RoleLead
				if role == colSupport {
					r = RoleSupport
				}
				tk.Bodies = mergeBodies(tk.Bodies, x.cellBodies(cell(row, c), r))
			}
		}
		if when := cell(row, indexOf(roles, colTime)); when != "" {
			tk.Times = cellTimes(when, sp.RefDate)
		} else {
			tk.Times = FindTimes(task, sp.RefDate)
		}
		tk.Targets = FindTargets(task)
		if goal := cell(row, indexOf(roles, colTarget)); goal != "" {
			for _, tg := range FindTargets(goal) {
				tg.Span = Span{}
				tk.Targets = append(tk.Targets, tg)
			}
		}
		sp.Tasks = append(sp.Tasks, tk)
	}
	sp.Text = strings.Join(text, "\n")
	return sp, nil
}

// TableSpeeches returns the speeches of a document whose tasks are listed
// in task-division tables: one per table, titled by the table's title or
// else by the title of text, the rest of the document (its first speech
// heading, or its first line), and dated by that text when the table's
// title states no date. Tables that are not task-division tables are left
// out. The text's sentences give no tasks: the table lists them.
func (x *Extractor) TableSpeeches(source, text string, tables []TaskTable, opt Options) []Speech {
	title := ""
	var lines []string
	if raws := x.splitSpeeches(text); len(raws) > 0 {
		title, lines = raws[0].title, raws[0].lines
	}
	docDate := x.textDate(lines)
	var out []Speech
	for _, t := range tables {
		if strings.TrimSpace(t.Title) == "" {
			t.Title = title
		}
		sp, err := x.tableSpeech(source, len(out)+1, t, opt, docDate)
		if err != nil {
			continue
		}
		out = append(out, sp)
	}
	return out
}

// textDate returns the date the text of a document states in its first
// lines, or else signs off with (落款: 县政府办公室 / 2024年3月1日), as a
// speech's text does (guide, "Speech").
func (x *Extractor) textDate(lines []string) Date {
	var first []string
	for _, l := range lines[:min(len(lines), 10)] {
		first = append(first, x.fold.foldString(l))
	}
	if d := statedDate(first); !d.IsZero() {
		return d
	}
	closing := lastLines(lines)
	for i, l := range closing {
		closing[i] = x.fold.foldString(l)
	}
	return signedDate(closing)
}

// sectionRow reports whether a row is a section heading spanning the
// table, one text in all its non-empty cells, and returns the text.
func sectionRow(row []string) (string, bool) {
	text, n := "", 0
	for _, c := range row {
		c = strings.TrimSpace(c)
		if c == "" {
			continue
		}
		if text != "" && c != text {
			return "", false
		}
		text = c
		n++
	}
	return text, n > 1 || n == 1 && len(row) == 1
}

// cellBodies splits a unit cell into bodies of role: at 、，,；;／/ and
// line breaks; a 牵头 or 配合 after a name (县发改局牵头, 县财政局（配合）)
// gives its role.
func (x *Extractor) cellBodies(cell, role string) []Body {
	var out []Body
	for _, name := range strings.FieldsFunc(cell, func(r rune) bool {
		return strings.ContainsRune("、，,；;／/\n\r\t ", r)
	}) {
		r := role
		for _, mark := range []struct{ word, role string }{{"牵头", RoleLead}, {"配合", RoleSupport}, {"协办", RoleSupport}} {
			for _, form := range []string{"（" + mark.word + "）", "(" + mark.word + ")", mark.word} {
				if strings.HasSuffix(name, form) && len(name) > len(form) {
					name, r = strings.TrimSuffix(name, form), mark.role
				}
			}
		}
		name = strings.TrimSpace(name)
		if name == "" {
			continue
		}
		folded := x.fold.foldString(name)
		out = append(out, Body{Name: name, Canonical: x.lex.canonical(folded), Role: r})
	}
	return out
}

// cellTimes reads a deadline cell: the time nodes it holds, or the whole
// cell as one when none is found (长期坚持, 持续推进), with no date. The
// nodes have no span: they are not in the task's text.
func cellTimes(cell string, ref Date) []TimeNode {
	ts := FindTimes(cell, ref)
	if len(ts) == 0 {
		t, ok := ParseTime(cell, ref)
		if !ok {
			t = TimeNode{Text: cell}
		}
		ts = []TimeNode{t}
	}
	for i := range ts {
		ts[i].Span = Span{}
	}
	return ts
}
