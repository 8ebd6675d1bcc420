package extract

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"
)

// confCase is one line of testdata/conformance/time_cases.jsonl: an
// expression from a peer project's test suite (JioNLP, Time-NLP and others)
// with the reference time and the peer's expected answer, in the peer's own
// shape.
type confCase struct {
	Input    string          `json:"input"`
	Ref      string          `json:"ref"`
	Expected json.RawMessage `json:"expected"`
	Source   string          `json:"source"`
	Line     int             `json:"line"`
	Category string          `json:"category"`
}

// deltaBase is the reference date for the peers' bare durations (JioNLP's
// time base for its duration tests, 2021-06-14): a duration is compared as
// the deadline it sets when said at a meeting on that day.
var deltaBase = Date{2021, time.June, 14}

// differsOnPurpose lists the cases where our answer differs from the
// peer's by design, with the reason. They still count as disagreements.
var differsOnPurpose = map[string]string{
	"一季度":           "guide year rule: a quarter with no year more than 31 days past is next year's; the peer takes this year",
	"四月十三":          "guide year rule: 4月13日 is over 31 days before 2021-06-14, so next year; the peer takes this year",
	"1月3至2月10":      "guide year rule (the window ended months before the ref date); the peer takes this year",
	"正月":            "guide year rule on the lunar month; the peer takes this year's, already past",
	"大年初十":          "guide year rule: festival days more than 31 days past are next year's",
	"大年初一":          "guide year rule: 2025-01-29 is 36 days before 2025-03-06, so next year's",
	"2021年春":        "seasons are meteorological (spring March-May, as the guide's 今冬明春 -> May 31); the peer uses solar terms",
	"冬季":            "seasons are meteorological (winter December-February); the peer uses solar terms",
	"每年春节":          "guide: recurring times are not time nodes",
	"6:30 起床":       "a time of day with no date: we resolve days, and take no clock from the reference",
	"我需要大概33天2分钟四秒": "a bare duration inside a sentence has no trigger (内/后) that makes it a deadline",
	"本周日到下周日出差":     "weeks run Monday to Sunday (GB/T 7408); this peer (bububa) starts them on Sunday",
	"周四下午三点到五点开会":   "a bare weekday is the next such day on or after the meeting; Time-NLP takes the next week's",
}

func TestTimeConformance(t *testing.T) {
	f, err := os.Open("../testdata/conformance/time_cases.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	var total, agree int
	var differ []string
	for sc.Scan() {
		var c confCase
		if err := json.Unmarshal(sc.Bytes(), &c); err != nil {
			t.Fatal(err)
		}
		total++
		ok, got := conformanceAgrees(c)
		if ok {
			agree++
			continue
		}
		reason := ""
		for k, v := range differsOnPurpose {
			if strings.HasPrefix(c.Input, k) && v != "" {
				reason = v
			}
		}
		line := fmt.Sprintf("%-20s ref %-10s got %-40s want %s", c.Input, refOf(c), got, string(c.Expected))
		if reason != "" {
			line += "\n\tdiffers on purpose: " + reason
		} else {
			line += "\n\tUNEXPLAINED"
		}
		differ = append(differ, line)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	for _, d := range differ {
		t.Log(d)
	}
	rate := float64(agree) / float64(total)
	t.Logf("time conformance: %d of %d cases agree (%.1f%%)", agree, total, 100*rate)
	if rate < 0.90 {
		t.Errorf("agreement %.1f%% below 90%%", 100*rate)
	}
}

func refOf(c confCase) Date {
	if len(c.Ref) < 10 {
		return deltaBase
	}
	d, err := ParseDate(c.Ref[:10])
	if err != nil {
		return deltaBase
	}
	return d
}

// dayOf parses the date part of a peer's "YYYY-MM-DD hh:mm:ss".
func dayOf(s string) (Date, bool) {
	if len(s) < 10 {
		return Date{}, false
	}
	d, err := ParseDate(s[:10])
	return d, err == nil
}

// near reports whether a and b are at most a day apart: the guide's
// tolerance for a due date.
func near(a, b Date) bool {
	n := a.DaysUntil(b)
	return n >= -1 && n <= 1
}

// conformanceAgrees compares our answer for c with the peer's. The
// comparison, by the shape of the peer's answer:
//
//   - An interval [a, b] (JioNLP time_point, time_span): our due date must
//     be b (we resolve deadlines to the interval's last day), our start a
//     (starts are its first day), each within the guide's one-day
//     tolerance. Where the peer marks its answer "blur" (rounded to a month
//     or left open), a date inside the interval or in the same month as the
//     end agrees.
//   - A duration (time_delta, timedelta): our due date must be the
//     reference plus the duration.
//   - Points in time (Time-NLP and others give a timestamp at the start of
//     the named unit): the point must fall inside the days our phrase names;
//     two points are a window's start and end. A time of day with no date
//     takes the day of the expression before it, as the peer does.
func conformanceAgrees(c confCase) (bool, string) {
	ref := refOf(c)
	var obj map[string]any
	if err := json.Unmarshal(c.Expected, &obj); err != nil {
		var list []map[string]any
		if err := json.Unmarshal(c.Expected, &list); err != nil {
			return false, "bad expected"
		}
		return agreesPoints(c.Input, ref, list)
	}
	typ, _ := obj["type"].(string)
	blur := obj["definition"] == "blur"
	switch typ {
	case "time_point", "time_span":
		tn, ok := ParseTime(c.Input, ref)
		if !ok {
			return false, "not parsed"
		}
		got := fmt.Sprintf("start %s due %s", tn.Start, tn.Due)
		ts, _ := obj["time"].([]any)
		if len(ts) != 2 {
			return false, got
		}
		as, _ := ts[0].(string)
		bs, _ := ts[1].(string)
		a, okA := dayOf(as)
		b, okB := dayOf(bs)
		inside := func(d Date) bool {
			return blur && okA && !d.Before(a.AddDays(-1)) && (!okB || !b.AddDays(1).Before(d))
		}
		good := true
		if !tn.Due.IsZero() {
			good = okB && (near(tn.Due, b) || blur && (inside(tn.Due) || sameMonth(tn.Due, b)))
		}
		if !tn.Start.IsZero() {
			good = good && okA && (near(tn.Start, a) || blur && (inside(tn.Start) || sameMonth(tn.Start, a)))
		}
		return good && (!tn.Due.IsZero() || !tn.Start.IsZero()), got
	case "time_delta", "timedelta":
		tn, ok := ParseTime(c.Input, ref)
		if !ok {
			return false, "not parsed"
		}
		want, ok := addDelta(ref, obj)
		got := fmt.Sprintf("due %s (want %s)", tn.Due, want)
		return ok && (near(tn.Due, want) || blur && sameMonth(tn.Due, want)), got
	case "timestamp":
		p, _ := obj["timestamp"].(string)
		pts := []any{p}
		if p == "" {
			pts, _ = obj["points"].([]any)
		}
		var list []map[string]any
		for _, x := range pts {
			list = append(list, map[string]any{"time": x})
		}
		return agreesPoints(c.Input, ref, list)
	case "span":
		pts, _ := obj["points"].([]any)
		var list []map[string]any
		for _, x := range pts {
			list = append(list, map[string]any{"time": x})
		}
		return agreesPoints(c.Input, ref, list)
	}
	return false, "peer answer not comparable (" + typ + ")"
}

func sameMonth(a, b Date) bool { return a.Year == b.Year && a.Month == b.Month }

// addDelta adds a peer's duration ({"day": 28}, {"month": 15},
// {"workday": 5}, or a [zero, upper] list) to ref.
func addDelta(ref Date, obj map[string]any) (Date, bool) {
	var m map[string]any
	switch t := obj["time"].(type) {
	case map[string]any:
		m = t
	case []any:
		if len(t) == 0 {
			return Date{}, false
		}
		m, _ = t[len(t)-1].(map[string]any)
	}
	if m == nil {
		m, _ = obj["timedelta"].(map[string]any)
	}
	if m == nil {
		return Date{}, false
	}
	num := func(k string) float64 { v, _ := m[k].(float64); return v }
	d := ref
	months := num("year")*12 + num("month")
	d = d.AddMonths(int(months))
	if f := months - float64(int(months)); f > 0 {
		d = d.AddDays(int(f * 30))
	}
	d = d.AddDays(int(num("day")))
	if w := int(num("workday")); w > 0 {
		d = addSpan(d, 2*w, uWorkday)
	}
	return d, true
}

// agreesPoints compares a list of peer points with our phrases.
func agreesPoints(input string, ref Date, list []map[string]any) (bool, string) {
	type iv struct{ lo, hi Date }
	var ours []iv
	var got []string
	withExpr := len(list) > 0 && list[0]["Time_Expression"] != nil
	if withExpr {
		prev := iv{}
		for _, x := range list {
			expr, _ := x["Time_Expression"].(string)
			lo, hi, ok := resolveInterval(expr, ref)
			if !ok {
				lo, hi = prev.lo, prev.hi // a time of day on the day before
			}
			prev = iv{lo, hi}
			ours = append(ours, prev)
			got = append(got, fmt.Sprintf("%s=[%s,%s]", expr, lo, hi))
		}
	} else {
		expr := input
		if f := strings.Fields(input); len(f) > 1 {
			expr = f[0] // "6-3 春游": the expression, then the activity
		}
		if lo, hi, ok := resolveInterval(expr, ref); ok {
			ours = append(ours, iv{lo, hi})
		} else {
			for _, tn := range FindTimes(input, ref) {
				lo, hi := tn.Start, tn.Due
				if lo.IsZero() {
					lo = hi
				}
				if hi.IsZero() {
					hi = lo
				}
				if tn.Start.IsZero() {
					if l, h, ok := resolveInterval(tn.Text, ref); ok {
						lo, hi = l, h
					}
				}
				ours = append(ours, iv{lo, hi})
			}
		}
		for _, o := range ours {
			got = append(got, fmt.Sprintf("[%s,%s]", o.lo, o.hi))
		}
	}
	gotS := strings.Join(got, " ")
	var pts []Date
	for _, x := range list {
		s, _ := x["time"].(string)
		d, ok := dayOf(s)
		if !ok {
			return false, gotS
		}
		pts = append(pts, d)
	}
	if withExpr {
		for k, d := range pts {
			if k >= len(ours) || d.Before(ours[k].lo) || ours[k].hi.Before(d) {
				return false, gotS
			}
		}
		return true, gotS
	}
	if len(ours) == 0 {
		return false, gotS
	}
	if len(pts) == 2 {
		return ours[0].lo == pts[0] && ours[0].hi == pts[1], gotS
	}
	d := pts[0]
	return !d.Before(ours[0].lo) && !ours[0].hi.Before(d), gotS
}

// resolveInterval returns the days an expression names, before any
// trigger turns them into a due date or start.
func resolveInterval(expr string, ref Date) (lo, hi Date, ok bool) {
	p := newParser(strings.TrimSpace(expr), ref)
	p.exact = true
	m, ok := p.phrase(0)
	if !ok || m.end != len(p.rs) || m.iv.unknown {
		return Date{}, Date{}, false
	}
	return m.iv.lo, m.iv.hi, true
}
