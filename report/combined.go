package report

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// The combined sheet.
//
// A ledger over a growing folder must stay a file that staff can open.
// LibreOffice 7.4 spends about 20 ms of CPU opening each speech sheet
// however few its rows, and setting a sheet's print titles (the header
// rows repeated on every printed page) costs it time in proportion to the
// number of sheets, as it saves every sheet's print ranges each time: a
// workbook of 1,000 speech sheets took 112 s of CPU to open, 25 s of it
// without print titles, where one of 200 took 10 s. The dropdowns,
// conditional formats, filters, merged title cells, row heights, rich
// text, formulas, page setup and the hidden record cost it little (see
// BenchmarkLibreOfficeOpen).
//
// So only the MaxSpeechSheets most recent speeches (by speech date,
// speeches without one last, ties in input order) get a sheet of their
// own; the tasks of the others are rows of one sheet, combinedSheet, with
// the speech sheets' columns and one more, combinedLabel, naming the
// speech's key: the name its own sheet has or would have. Every task
// stays in the ledger, with its 任务编号, dropdown, formats and formulas.
//
// Carrying forward stays per speech: readPrevious splits combinedSheet
// into one prevSheet per speech (splitCombined), merge pairs them with the
// speeches as it pairs speech sheets, so a speech that moves between its
// own sheet and combinedSheet keeps what staff typed; collapse then lays
// the rows of the combined speeches onto combinedSheet, speech by speech.

// combinedSheet is the name of the sheet holding the tasks of the speeches
// without a sheet of their own.
const combinedSheet = "其余讲话"

// combinedLabel is the header of combinedSheet's column naming each row's
// speech.
const combinedLabel = "所属讲话"

// combineOldest marks Combined the sheets of all but the most recent max
// speeches: by speech date, those without a date last, ties in input
// order.
func combineOldest(l *ledger, max int) {
	l.maxSheets = max
	if len(l.Sheets) <= max {
		return
	}
	order := make([]int, len(l.Sheets))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int {
		da, db := l.Sheets[a].Speech.Date, l.Sheets[b].Speech.Date
		if da.IsZero() || db.IsZero() {
			return cmp.Compare(btoi(da.IsZero()), btoi(db.IsZero()))
		}
		return db.Compare(da)
	})
	note := fmt.Sprintf(combinedNote, max)
	combined := map[string]bool{}
	for _, i := range order[max:] {
		sh := &l.Sheets[i]
		sh.Combined = true
		sh.Speech.Note = strings.TrimSpace(sh.Speech.Note + " " + note)
		combined[sh.Name] = true
	}
	for i := range l.Speeches {
		if e := &l.Speeches[i]; combined[e.Sheet] {
			e.Note = strings.TrimSpace(e.Note + " " + note)
		}
	}
}

// combinedNote is 汇总's note on a speech whose tasks are on combinedSheet.
const combinedNote = "任务列在“" + combinedSheet + "”表中（最近%d篇讲话各有一张表）"

// btoi returns 1 for true, 0 for false.
func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// collapse lays the rows of the Combined sheets of l, and of the sheets
// of speeches gone from the input past the most sheets, onto one sheet,
// combinedSheet, laid out by lay with a column naming each row's speech
// and the columns staff added to any of them; the summary's lines of
// those speeches link to their first row there.
func collapse(l *ledger, lay *layout) {
	own := 0
	var keep []sheet
	var parts []*sheet
	for i := range l.Sheets {
		sh := &l.Sheets[i]
		if !sh.Combined && own < l.maxSheets {
			own++
			keep = append(keep, *sh)
			continue
		}
		parts = append(parts, sh)
	}
	if len(parts) == 0 {
		return
	}
	extras := []extraCol{{after: lay.colOf[fieldID], header: carriedCell{value: combinedLabel}, width: 24, likeHeader: true}}
	byLabel := map[string]int{combinedLabel: 0}
	for _, p := range parts {
		for _, x := range p.Extras {
			if _, ok := byLabel[x.header.value]; !ok {
				byLabel[x.header.value] = len(extras)
				x.pos = 0
				extras = append(extras, x)
			}
		}
	}
	comb := lay.withExtras(extras)
	speechCol := extras[0].pos
	if c := lay.colOf[fieldLead]; c != 0 {
		like := comb.cols[comb.shift(c)-1]
		sc := &comb.cols[speechCol-1]
		sc.style, sc.wrap, sc.font = like.style, like.wrap, like.font
	}
	// Its title rows say how many speeches it holds where a speech
	// sheet's name one speech's source; Gone leaves out the 篇N.
	out := sheet{Name: combinedSheet, Extras: extras, lay: comb,
		Speech: speechEntry{Sheet: combinedSheet, Title: combinedSheet, Gone: true,
			Source: fmt.Sprintf("%d 篇讲话，见“%s”列", len(parts), combinedLabel)}}
	first := map[string]int{} // speech key -> its first row
	if parts[0].spooled != nil {
		// A first run's: every part is spooled, with no cells carried.
		out.spooled = &spooledRows{names: map[int]string{}, col: speechCol}
	} else {
		n := 0
		for _, p := range parts {
			n += len(p.Rows)
		}
		out.Rows = make([]row, 0, n)
	}
	for _, p := range parts {
		if s := out.spooled; s != nil {
			first[p.Name] = lay.headerRow + 1 + s.n
			s.names[p.spooled.at] = p.Name
			s.n += p.spooled.n
		} else {
			first[p.Name] = lay.headerRow + 1 + len(out.Rows)
			out.Rows = appendCombined(out.Rows, p, lay, comb, extras, byLabel, speechCol)
			p.Rows = nil // on out now; l.Sheets is replaced below
		}
		out.Speech.Tasks += p.Speech.Tasks
		out.Speech.Overdue += p.Speech.Overdue
		out.Speech.DueSoon += p.Speech.DueSoon
		out.Speech.WithDue += p.Speech.WithDue
	}
	l.Sheets = append(keep, out)
	for i := range l.Speeches {
		e := &l.Speeches[i]
		if n, ok := first[e.Sheet]; ok {
			e.Sheet, e.Row = combinedSheet, n
		}
	}
}

// appendCombined appends to rows the rows of p as collapse lays them on
// combinedSheet, laid out by comb: p's cells moved to comb's columns, its
// extra columns to those of extras (by header, byLabel), and its name in
// column speechCol.
func appendCombined(rows []row, p *sheet, lay, comb *layout, extras []extraCol, byLabel map[string]int, speechCol int) []row {
	at := map[int]int{} // column of p -> column of combinedSheet
	pl := p.lay
	if pl == nil {
		pl = lay
	}
	for _, c := range lay.cols {
		at[pl.shift(c.col)] = comb.shift(c.col)
	}
	for _, x := range p.Extras {
		at[x.pos] = extras[byLabel[x.header.value]].pos
	}
	for _, r := range p.Rows {
		cells := make(cellList, 0, len(r.Cells)+1)
		for _, c := range r.Cells {
			if nc := at[c.col]; nc != 0 {
				cells.set(nc, c.cc)
			}
		}
		cells.set(speechCol, carriedCell{value: p.Name})
		r.Cells, r.Home = cells, p.Name
		rows = append(rows, r)
	}
	return rows
}

// splitCombined splits the previous combinedSheet sh, whose column speech
// names each row's speech, into one prevSheet per speech, grouped as
// groupBySpeech groups them.
func splitCombined(sh *prevSheet, speech int) []*prevSheet {
	keys := make([]string, len(sh.rows))
	for i, r := range sh.rows {
		keys[i] = speechKey(r.raw, speech)
	}
	var out []*prevSheet
	for _, g := range groupBySpeech(keys) {
		ps := &prevSheet{name: g.key, header: sh.header, cols: sh.cols, colOf: sh.colOf, extras: sh.extras, combined: true,
			rows: make([]prevRow, 0, len(g.rows))}
		for _, i := range g.rows {
			ps.rows = append(ps.rows, sh.rows[i])
		}
		out = append(out, ps)
	}
	return out
}

// speechKey returns the speech a row of combinedSheet, whose cells are
// raw, names in its column speech, or "".
func speechKey(raw []string, speech int) string {
	if speech <= len(raw) {
		return strings.TrimSpace(raw[speech-1])
	}
	return ""
}

// A speechGroup is the rows of one speech on combinedSheet.
type speechGroup struct {
	key  string // its 所属讲话
	rows []int  // indexes of its rows, in order
}

// groupBySpeech groups rows by the speech each names (keys, "" for none),
// in the order of the speeches' first rows: a row naming none (one staff
// added) goes with the row above it, those above every named row with
// the first speech.
func groupBySpeech(keys []string) []speechGroup {
	var out []speechGroup
	at := map[string]int{}
	var above []int // staff's rows above every task row
	cur := -1
	for i, key := range keys {
		if key != "" {
			g, ok := at[key]
			if !ok {
				g = len(out)
				at[key] = g
				out = append(out, speechGroup{key: key})
			}
			cur = g
		}
		if cur < 0 {
			above = append(above, i)
			continue
		}
		out[cur].rows = append(out[cur].rows, i)
	}
	if len(out) > 0 {
		out[0].rows = append(above, out[0].rows...)
	}
	return out
}
