package extract

import (
	"strings"
	"time"
)

// This file reads seasons (春季, 秋冬, 今冬), school holidays (寒假,
// 暑假), terms and the start of school, with the conventional dates the
// guide gives them.

// seasons are the seasons and school holidays season reads, built once.
var seasons = []struct {
	s      string
	lo, hi func(y int) Date
	school bool
}{
	{"秋冬", func(y int) Date { return NewDate(y, 9, 1) }, func(y int) Date { return NewDate(y+1, 3, 0) }, false},
	{"冬春", func(y int) Date { return NewDate(y, 12, 1) }, func(y int) Date { return NewDate(y+1, 5, 31) }, false},
	{"春", func(y int) Date { return NewDate(y, 3, 1) }, func(y int) Date { return NewDate(y, 5, 31) }, false},
	{"夏", func(y int) Date { return NewDate(y, 6, 1) }, func(y int) Date { return NewDate(y, 8, 31) }, false},
	{"秋", func(y int) Date { return NewDate(y, 9, 1) }, func(y int) Date { return NewDate(y, 11, 30) }, false},
	{"冬", func(y int) Date { return NewDate(y, 12, 1) }, func(y int) Date { return NewDate(y+1, 3, 0) }, false},
	{"寒假", func(y int) Date { return NewDate(y, 1, 16) }, func(y int) Date { return NewDate(y, 2, 15) }, true},
	{"暑假", func(y int) Date { return NewDate(y, 7, 11) }, func(y int) Date { return NewDate(y, 8, 31) }, true},
}

// season recognises 春季, 秋冬, 今冬 (with the year before it), 寒假, 暑假.
func (p *parser) season(i int, ys yearSpec, iv *interval) (int, bool) {
	hasYear := ys.kind != yNone
	for k := range seasons {
		s := &seasons[k]
		if !p.at(i, s.s) {
			continue
		}
		k := i + len([]rune(s.s))
		if !s.school {
			// A bare 春 is a season only as 春季/春天 or after a year.
			if e, _ := p.lit(k, "季", "天", "农闲时节", "时节", "季节"); e > 0 {
				k = e
				if e2, _ := p.lit(k, "农闲时节", "时节", "季节"); e2 > 0 {
					k = e2
				}
			} else if !hasYear {
				continue
			}
			if e, ok := p.seasonSchoolStart(s.s, k, ys, iv); ok {
				// 春季开学, 秋季学期开学: the start of that season's term.
				return e, true
			}
			if lo, hi, ok := termOfSeason(s.s); ok && p.at(k, "学期") {
				// 春季学期 is the spring term, not the season: a term
				// named alone names the activity (guide: vague times).
				iv.note(noteSchool)
				iv.cat = catTerm
				if !p.rollYear(ys, iv, func(y int) (Date, Date, bool) { return lo(y), hi(y), true }) {
					return 0, false
				}
				return k + 2, true
			}
			iv.note(noteSeason)
			iv.cat = catSeason
		} else {
			iv.note(noteSchool)
			iv.event = true
			iv.cat = catHoliday
		}
		if !p.rollYear(ys, iv, func(y int) (Date, Date, bool) { return s.lo(y), s.hi(y), true }) {
			return 0, false
		}
		return k, true
	}
	return 0, false
}

// school resolves terms and the start of school: 本学期 (autumn term
// September 1 to January 15, spring term February 16 to July 10), 开学
// (September 1, or March 1 for the spring term), 本期开学.
func (p *parser) school(i int, _ *interval) (interval, int, bool) {
	var iv interval
	k, s := p.lit(i, "本学期", "这学期", "这个学期", "新学期", "下学期", "本期开学", "新学期开学", "开学")
	if k < 0 {
		return iv, 0, false
	}
	iv.note(noteSchool)
	iv.cat = catTerm
	if strings.HasSuffix(s, "开学") {
		iv.cat = catSchool
	}
	if p.runeAt(i-1) == '上' || strings.ContainsRune("召展公离", p.runeAt(i-1)) && s == "开学" {
		return iv, 0, false // 上下学期间, 召开学前教育会
	}
	if p.ref.IsZero() {
		iv.unknown = true
		iv.note(noteRefUnknown)
		return iv, k, true
	}
	r := p.ref
	if strings.HasSuffix(s, "开学") {
		iv.event = true
		// The next start of a term, allowing 31 days back.
		c := []Date{NewDate(r.Year-1, 9, 1), NewDate(r.Year, 3, 1), NewDate(r.Year, 9, 1), NewDate(r.Year+1, 3, 1)}
		for _, d := range c {
			if !d.Before(r.AddDays(-31)) {
				iv.lo, iv.hi = d, d
				break
			}
		}
		return iv, k, true
	}
	// Terms: autumn Sep 1 - Jan 15, spring Feb 16 - Jul 10.
	autumn := func(y int) (Date, Date) { return NewDate(y, 9, 1), NewDate(y+1, 1, 15) }
	spring := func(y int) (Date, Date) { return NewDate(y, 2, 16), NewDate(y, 7, 10) }
	var terms [][2]Date
	for y := r.Year - 1; y <= r.Year+1; y++ {
		a, b := spring(y)
		terms = append(terms, [2]Date{a, b})
		a, b = autumn(y)
		terms = append(terms, [2]Date{a, b})
	}
	for n, t := range terms {
		// The current term is the first not yet over; a meeting in the
		// summer holiday speaks of the coming one.
		if !t[1].Before(r) {
			if s == "下学期" && n+1 < len(terms) {
				t = terms[n+1]
			}
			iv.lo, iv.hi = t[0], t[1]
			break
		}
	}
	return iv, k, true
}

// termOfSeason gives the school term a season names with 学期 (春季学期,
// 秋季学期), with the dates school reads for terms.
func termOfSeason(season string) (lo, hi func(y int) Date, ok bool) {
	switch season {
	case "春":
		return func(y int) Date { return NewDate(y, 2, 16) }, func(y int) Date { return NewDate(y, 7, 10) }, true
	case "秋":
		return func(y int) Date { return NewDate(y, 9, 1) }, func(y int) Date { return NewDate(y+1, 1, 15) }, true
	}
	return nil, nil, false
}

// seasonSchoolStart reads 开学 after 春季 or 秋季 (and an optional 学期)
// at k: the start of that season's term, March 1 or September 1, with the
// guide's year rule. It returns where 开学 ends.
func (p *parser) seasonSchoolStart(season string, k int, ys yearSpec, iv *interval) (int, bool) {
	month := map[string]time.Month{"春": time.March, "秋": time.September}[season]
	if month == 0 {
		return 0, false
	}
	if p.at(k, "学期") {
		k += 2
	}
	if !p.at(k, "开学") {
		return 0, false
	}
	iv.note(noteSchool)
	iv.event = true
	iv.cat = catSchool
	if !p.rollYear(ys, iv, func(y int) (Date, Date, bool) { return NewDate(y, month, 1), NewDate(y, month, 1), true }) {
		return 0, false
	}
	return k + 2, true
}
