package report

import (
	"cmp"
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unique"

	"github.com/speechledger/speechledger/extract"
)

// keepStaffValues keeps in r, the row of a task whose previous row o of
// the previous sheet old of p it is, the cells of extracted fields staff
// corrected: those whose value is not the program's proposal recorded
// for them (see writtenSheet), or, without a record, not today's
// extraction. A kept cell is carried with its type and style into
// r.Cells; where the extraction differs from it, 核对提示 shows the
// proposal, every run, and the change log says so on the run the
// extraction changed. r's fields keep the extraction, which r.Proposed
// records.
func keepStaffValues(r *row, old *prevSheet, o *prevRow, p *previous, lay *layout, date extract.Date, st *Stats) {
	prop := proposalOf(r)
	for i, v := range prop {
		prop[i] = unique.Make(v).Value() // most are r's texts, interned
	}
	r.Proposed = prop
	rec := p.written.lookup(old.name, o.id)
	var hints []string
	for i, fd := range trackedFields {
		oc, nc := old.colOf[fd], lay.colOf[fd]
		if oc == 0 || nc == 0 {
			continue
		}
		cur := old.text(o, fd)
		if strings.TrimSpace(cur) == "" {
			continue // empty or cleared: the program's to fill
		}
		base := prop[i]
		switch {
		case rec != nil:
			base = rec[i]
		case fd == fieldHints || p.unedited:
			// Without a record, hints cannot be told from proposals;
			// and nothing is staff's in a workbook as a run left it.
			continue
		}
		if sameValue(cur, base) {
			continue
		}
		cc := p.cell(old, o.n, oc, cur)
		r.Cells.set(nc, cc)
		st.Kept++
		if fd == fieldDue {
			r.Due = extract.Date{}
			if n, err := strconv.Atoi(cur); err == nil && cc.kind == cellNumber {
				r.Due = dateOfSerial(n)
			}
			r.Warning = warning(r.Due, r.Status, date)
		}
		if fd == fieldHints || sameValue(cur, prop[i]) {
			continue
		}
		st.Proposed++
		hints = append(hints, "程序提议"+fd.label()+"："+showValue(fd, prop[i]))
		if rec != nil && sameValue(rec[i], prop[i]) {
			continue // the change log told when the extraction changed
		}
		st.Notes = append(st.Notes, fmt.Sprintf("%s %s %s保留人工值「%s」，本次提取为「%s」",
			old.name, o.id, fd.label(), shortText(showValue(fd, cur)), shortText(showValue(fd, prop[i]))))
	}
	if len(hints) > 0 {
		r.Hints = strings.Join(append(nonEmpty(r.Hints), hints...), "；")
		prop[slices.Index(trackedFields, fieldHints)] = cleanText(r.Hints)
	}
}

// cell returns the cell at column col of row n of the previous sheet
// old, whose raw value is raw, with its type and style; as text or a
// number by its raw value if the workbook cannot be read cell by cell.
func (p *previous) cell(old *prevSheet, n, col int, raw string) carriedCell {
	if f, err := p.excel(); err == nil {
		if cc, err := readCell(f, old.name, cellName(col, n), raw, p.styles); err == nil {
			return cc
		}
	}
	cc := carriedCell{value: raw, row: n}
	if isNumber(raw) {
		cc.kind = cellNumber
	}
	return cc
}

// showValue writes the value v of a cell of fd for reading: a date
// serial as its date.
func showValue(fd field, v string) string {
	if fd == fieldDue {
		if n, err := strconv.Atoi(v); err == nil && n > 0 {
			return dateOfSerial(n).String()
		}
	}
	if v == "" {
		return "（空）"
	}
	return v
}

// shortText cuts s to a length a change log line can show.
func shortText(s string) string {
	const most = 40
	if r := []rune(s); len(r) > most {
		return string(r[:most]) + "…"
	}
	return s
}

func nonEmpty(s string) []string {
	if s == "" {
		return nil
	}
	return []string{s}
}

// wroteAsIs reports whether a run wrote the workbook whose SHA-256 is sum
// as it is: a memo named by it is in memoDir, whatever build kept it and
// whatever it holds. A workbook without the record of what the program
// wrote (one written before the record existed) then holds nothing staff
// changed, and its extracted cells are the program's to update.
func wroteAsIs(memoDir string, sum []byte) bool {
	if memoDir == "" {
		return false
	}
	_, err := os.Stat(memoPath(memoDir, sum))
	return err == nil
}

// staffNotes returns the change log's notes on the record of what the
// program wrote and on what merge kept, matched and proposed.
func staffNotes(p *previous, st *Stats) []string {
	var notes []string
	switch {
	case p.written == nil && p.unedited:
		notes = append(notes, "未找到程序记录表（"+writtenSheet+"）；工作簿自上次生成后未经修改，已提取列按本次提取结果更新")
	case p.written == nil:
		notes = append(notes, "未找到程序记录表（"+writtenSheet+"），本次按当日提取结果比较：与之不同的已提取列单元格均视为人工修改保留")
	}
	if !p.hasLog {
		notes = append(notes, "变更记录表此前被删除或改名，自本次起重新记录")
	}
	if st.Kept > 0 {
		notes = append(notes, fmt.Sprintf("保留人工修改的提取列单元格%d处，其中%d处与本次提取不同（程序提议见核对提示）", st.Kept, st.Proposed))
	}
	if lost := lostFeatures(p); len(lost) > 0 {
		notes = append(notes, "讲话表中以下内容本次未能保留，请在备注或自建列中记录："+strings.Join(lost, "；"))
	}
	if st.Matched > 0 {
		notes = append(notes, fmt.Sprintf("%d项任务的原文有改动，按文字相近和位置沿用原任务编号及人工填写内容", st.Matched))
	}
	return notes
}

// Matching rows whose sentence changed.
//
// A task's id is derived from its sentence, so a typo fixed in the
// speech, a line joined again, a sentence split otherwise or a better
// extraction rule give it a new id. matchRows gives such a task the id
// of its previous row, so that the row keeps its number and every value
// staff typed: among the new tasks without a previous row and the
// previous rows without a task, it pairs the most similar first, by the
// text's character bigrams (Dice's coefficient) less a little for each
// step apart in the speech, as long as the texts are clearly the same
// sentence: similar enough, or one holding nearly all of the other.

// Thresholds of matchRows: the least bigram similarity that pairs two
// texts, or the least share of the shorter text's bigrams found in the
// longer with the least similarity that goes with it; a shorter text of
// at least matchPiece bigrams found whole in the longer (a sentence
// once cut short, now read whole) needs only matchPieceLeast; and how
// much similarity a whole speech's distance between the rows costs.
const (
	matchSimilar    = 0.7
	matchContains   = 0.85
	matchLeast      = 0.45
	matchPiece      = 10
	matchPieceLeast = 0.25
	matchDistance   = 0.3
)

// sameTask reports whether texts of na and nb bigrams, of similarity sim
// and share found in each other, are the same task's.
func sameTask(sim, share float64, na, nb int) bool {
	switch {
	case sim >= matchSimilar:
		return true
	case share >= matchContains && sim >= matchLeast:
		return true
	}
	return share >= 0.95 && min(na, nb) >= matchPiece && sim >= matchPieceLeast
}

// matchRows renames the new tasks of sh whose id the previous sheet old
// does not have to the id of the previous row of the same task, noting
// it in 核对提示 and in st.
func matchRows(sh *sheet, old *prevSheet, p *previous, st *Stats) {
	oldIDs := map[string]bool{}
	for _, o := range old.rows {
		oldIDs[o.id] = true
	}
	live := map[string]bool{}
	for _, r := range sh.Rows {
		live[r.ID] = true
	}
	var fresh []int // indexes of new rows
	for k := range sh.Rows {
		r := &sh.Rows[k]
		if r.ID == "" || oldIDs[r.ID] {
			continue
		}
		// Matched on an earlier run: the record says to which row.
		if id := p.written.aliasOf(old.name, r.ID); id != "" && oldIDs[id] && !live[id] {
			r.ID, r.ExtractedID, live[id] = id, r.ID, true
			continue
		}
		fresh = append(fresh, k)
	}
	type cand struct {
		o    int // index in old.rows
		text map[string]int
		n    int
	}
	var gone []cand
	seen := map[string]bool{}
	for j := range old.rows {
		o := &old.rows[j]
		if o.id == "" || live[o.id] || seen[o.id] {
			continue
		}
		seen[o.id] = true
		text := old.text(o, fieldText)
		if rec := p.written.lookup(old.name, o.id); rec != nil && rec[0] != "" {
			text = rec[0] // the extraction's text, not a correction of it
		}
		b, n := bigrams(text)
		gone = append(gone, cand{j, b, n})
	}
	if len(fresh) == 0 || len(gone) == 0 {
		return
	}
	type pair struct {
		k, g  int
		sim   float64
		score float64
	}
	var pairs []pair
	for _, k := range fresh {
		b, n := bigrams(sh.Rows[k].Text)
		for g, c := range gone {
			sim, share := similarity(b, n, c.text, c.n)
			if !sameTask(sim, share, n, c.n) {
				continue
			}
			apart := relPos(k, len(sh.Rows)) - relPos(c.o, len(old.rows))
			if apart < 0 {
				apart = -apart
			}
			pairs = append(pairs, pair{k, g, sim, sim - matchDistance*apart})
		}
	}
	slices.SortFunc(pairs, func(a, b pair) int {
		return cmp.Or(cmp.Compare(b.score, a.score), cmp.Compare(a.k, b.k), cmp.Compare(a.g, b.g))
	})
	doneK, doneG := map[int]bool{}, map[int]bool{}
	for _, pr := range pairs {
		if doneK[pr.k] || doneG[pr.g] {
			continue
		}
		doneK[pr.k], doneG[pr.g] = true, true
		r := &sh.Rows[pr.k]
		id := old.rows[gone[pr.g].o].id
		hint := fmt.Sprintf("原文有改动，按文字相近（%d%%）沿用原任务编号%s（本次编号%s）", int(pr.sim*100), id, r.ID)
		st.Notes = append(st.Notes, fmt.Sprintf("%s %s：原文有改动，沿用原编号（本次编号%s）", old.name, id, r.ID))
		r.ID, r.ExtractedID = id, r.ID
		r.Hints = strings.Join(append(nonEmpty(r.Hints), hint), "；")
		st.Matched++
	}
}

// relPos returns the place of item i of n in [0, 1].
func relPos(i, n int) float64 {
	if n <= 1 {
		return 0
	}
	return float64(i) / float64(n-1)
}

// bigrams returns the multiset of the character bigrams of s, letters
// and digits only, and their number.
func bigrams(s string) (map[string]int, int) {
	var rs []rune
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			rs = append(rs, unicode.ToLower(r))
		}
	}
	m := map[string]int{}
	n := 0
	for i := 0; i+1 < len(rs); i++ {
		m[string(rs[i:i+2])]++
		n++
	}
	if len(rs) == 1 {
		m[string(rs)]++
		n++
	}
	return m, n
}

// similarity returns Dice's coefficient of the bigram multisets a and b,
// of na and nb bigrams, and the share of the smaller found in the other.
func similarity(a map[string]int, na int, b map[string]int, nb int) (dice, share float64) {
	if na == 0 || nb == 0 {
		return 0, 0
	}
	common := 0
	for k, x := range a {
		common += min(x, b[k])
	}
	return 2 * float64(common) / float64(na+nb), float64(common) / float64(min(na, nb))
}
