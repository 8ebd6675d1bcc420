package report

import (
	"strconv"
	"strings"

	"github.com/speechledger/speechledger/extract"
)

// replyNote opens the 说明 of a 变更记录 line for a value Collect merged:
// 反馈合并：单位｜任务编号｜列：旧值 → 新值.
const replyNote = "反馈合并："

// lastReplies returns the day each unit's reply was last merged into the
// ledger, from the lines of its change log.
func lastReplies(log [][]string) map[string]extract.Date {
	last := map[string]extract.Date{}
	for _, r := range log {
		if len(r) < len(logCols) || !strings.HasPrefix(r[len(logCols)-1], replyNote) {
			continue
		}
		unit, _, _ := strings.Cut(strings.TrimPrefix(r[len(logCols)-1], replyNote), "｜")
		n, err := strconv.Atoi(r[1])
		if err != nil {
			continue
		}
		if d := dateOfSerial(n); last[unit].Before(d) {
			last[unit] = d
		}
	}
	return last
}

// countProgress counts, for 汇总's by-unit table, the tasks each lead
// unit has done (办理状态 已办结), overdue and due within soonDays, by
// the statuses the sheets show once staff's and the units' values are
// carried, notes the day of each unit's last reply, and orders the units
// most overdue first again.
func (l *ledger) countProgress(replies map[string]extract.Date) error {
	type counts struct{ done, overdue, soon int }
	by := map[string]*counts{}
	for i := range l.Sheets {
		err := l.Sheets[i].eachRow(l, func(r *row) error {
			if r.Removed {
				return nil
			}
			done := r.Status == statusDone
			for _, u := range r.Units {
				c := by[u]
				if c == nil {
					c = &counts{}
					by[u] = c
				}
				switch {
				case done:
					c.done++
				case r.Due.IsZero():
				case r.Due.Before(l.ReportDate):
					c.overdue++
				case l.ReportDate.DaysUntil(r.Due) <= soonDays:
					c.soon++
				}
			}
			return nil
		})
		if err != nil {
			return err
		}
	}
	for i := range l.Bodies {
		b := &l.Bodies[i]
		if c := by[b.Name]; c != nil {
			b.Done, b.Overdue, b.DueSoon = c.done, c.overdue, c.soon
		}
		b.LastReply = replies[b.Name]
	}
	sortBodies(l.Bodies)
	return nil
}
