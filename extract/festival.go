package extract

import (
	"math"
	"time"

	"github.com/golang-module/carbon/v2/calendar/lunar"
)

// chinaTime is the zone the lunar calendar is reckoned in. A fixed UTC+8
// offset (not time.Local, not the Asia/Shanghai rules with their 1986-1991
// summer time) keeps festival dates identical on every machine, whatever TZ
// says: guide, "Time node": "Spring Festival by the lunar calendar".
var chinaTime = time.FixedZone("CST", 8*3600)

// lunarDate returns the Gregorian date of lunar year y, month m, day d (not
// a leap month), or false outside the calendar library's range 1900-2100.
func lunarDate(y, m, d int) (Date, bool) {
	if y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 30 {
		return Date{}, false
	}
	g := lunar.FromLunar(y, m, d, 12, 0, 0, false).ToGregorian()
	if g.Error != nil || g.Time.IsZero() {
		return Date{}, false
	}
	return DateOf(g.Time.In(chinaTime)), true
}

// lunarMonth returns the first and last Gregorian days of lunar month m of
// lunar year y (正月 is 1, 腊月 12). A leap month following m is not part
// of it.
func lunarMonth(y, m int) (lo, hi Date, ok bool) {
	if lo, ok = lunarDate(y, m, 1); !ok {
		return
	}
	var next Date
	switch {
	case lunar.FromLunar(y, 1, 1, 0, 0, 0, false).LeapMonth() == m:
		g := lunar.FromLunar(y, m, 1, 12, 0, 0, true).ToGregorian()
		next, ok = DateOf(g.Time.In(chinaTime)), g.Error == nil
	case m == 12:
		next, ok = lunarDate(y+1, 1, 1)
	default:
		next, ok = lunarDate(y, m+1, 1)
	}
	return lo, next.AddDays(-1), ok
}

// SpringFestival returns the date of the Spring Festival (lunar 正月初一)
// of year y, computed with the lunar tables of github.com/golang-module/carbon
// (1900-2100); ok is false outside that range.
func SpringFestival(y int) (Date, bool) { return lunarDate(y, 1, 1) }

// solarTerm holds the constant C of the common formula
// day = floor(Y*0.2422 + C) - floor(L/4) for a solar term, for the
// twentieth and twenty-first centuries.
type solarTerm struct {
	month    time.Month
	c20, c21 float64
}

var solarTerms = map[string]solarTerm{
	"立春": {time.February, 4.6295, 3.87},
	"春分": {time.March, 21.4155, 20.646},
	"清明": {time.April, 5.59, 4.81},
	"立夏": {time.May, 6.318, 5.52},
	"夏至": {time.June, 22.20, 21.37},
	"立秋": {time.August, 8.35, 7.5},
	"秋分": {time.September, 23.822, 23.042},
	"立冬": {time.November, 8.218, 7.438},
	"冬至": {time.December, 22.60, 21.94},
}

// solarTermDate returns the day of the named solar term in year y by the
// usual approximation (exact for 1901-2099 but for a handful of years that
// are off by one day, which the guide's one-day tolerance absorbs).
func solarTermDate(name string, y int) (Date, bool) {
	t, ok := solarTerms[name]
	if !ok {
		return Date{}, false
	}
	c := t.c21
	if y < 2001 {
		c = t.c20
	}
	yy := y % 100
	l := yy
	if t.month <= time.February {
		l = yy - 1 // the leap day of year y is still ahead
	}
	d := int(math.Floor(float64(yy)*0.2422+c)) - int(math.Floor(float64(l)/4))
	if yy == 0 && t.month <= time.February {
		d = int(math.Floor(c)) // L = -1 would shift the century's first year
	}
	return NewDate(y, t.month, d), true
}

// festivalKind tells how a festival's date is found.
type festivalKind int

const (
	fixedDay   festivalKind = iota // a Gregorian month and day
	lunarDay                       // a lunar month and day
	nthWeekday                     // the nth weekday of a Gregorian month
	termDay                        // a solar term
	eveDay                         // the day before the next Spring Festival (除夕)
)

// festival describes a festival or a fixed yearly event (高考) as days of
// a year. For events lasting several days, span is their length.
type festival struct {
	name  string // canonical name, used in notes
	kind  festivalKind
	month int
	day   int // day of month; for nthWeekday the n
	wd    time.Weekday
	span  int // number of days, 0 meaning 1
	lunar bool
}

// festivals maps each written form to its festival. Longer forms are tried
// first by the scanner, so 春节 wins over 春.
var festivals = map[string]festival{
	"元旦":   {name: "元旦", kind: fixedDay, month: 1, day: 1},
	"春节":   {name: "春节", kind: lunarDay, month: 1, day: 1, lunar: true},
	"新春":   {name: "春节", kind: lunarDay, month: 1, day: 1, lunar: true},
	"大年初一": {name: "春节", kind: lunarDay, month: 1, day: 1, lunar: true},
	"除夕":   {name: "除夕", kind: eveDay, lunar: true},
	"大年三十": {name: "除夕", kind: eveDay, lunar: true},
	"元宵节":  {name: "元宵", kind: lunarDay, month: 1, day: 15, lunar: true},
	"元宵":   {name: "元宵", kind: lunarDay, month: 1, day: 15, lunar: true},
	"清明节":  {name: "清明", kind: termDay},
	"清明":   {name: "清明", kind: termDay},
	"春分":   {name: "春分", kind: termDay},
	"夏至":   {name: "夏至", kind: termDay},
	"秋分":   {name: "秋分", kind: termDay},
	"冬至":   {name: "冬至", kind: termDay},
	"立春":   {name: "立春", kind: termDay},
	"立夏":   {name: "立夏", kind: termDay},
	"立秋":   {name: "立秋", kind: termDay},
	"立冬":   {name: "立冬", kind: termDay},
	"妇女节":  {name: "妇女节", kind: fixedDay, month: 3, day: 8},
	"三八":   {name: "妇女节", kind: fixedDay, month: 3, day: 8},
	"植树节":  {name: "植树节", kind: fixedDay, month: 3, day: 12},
	"五一":   {name: "五一", kind: fixedDay, month: 5, day: 1},
	"劳动节":  {name: "五一", kind: fixedDay, month: 5, day: 1},
	"五四":   {name: "五四", kind: fixedDay, month: 5, day: 4},
	"青年节":  {name: "五四", kind: fixedDay, month: 5, day: 4},
	"母亲节":  {name: "母亲节", kind: nthWeekday, month: 5, day: 2, wd: time.Sunday},
	"端午节":  {name: "端午", kind: lunarDay, month: 5, day: 5, lunar: true},
	"端午":   {name: "端午", kind: lunarDay, month: 5, day: 5, lunar: true},
	"儿童节":  {name: "六一", kind: fixedDay, month: 6, day: 1},
	"六一":   {name: "六一", kind: fixedDay, month: 6, day: 1},
	"父亲节":  {name: "父亲节", kind: nthWeekday, month: 6, day: 3, wd: time.Sunday},
	"高考":   {name: "高考", kind: fixedDay, month: 6, day: 7, span: 2},
	"七一":   {name: "七一", kind: fixedDay, month: 7, day: 1},
	"建党节":  {name: "七一", kind: fixedDay, month: 7, day: 1},
	"八一":   {name: "八一", kind: fixedDay, month: 8, day: 1},
	"建军节":  {name: "八一", kind: fixedDay, month: 8, day: 1},
	"七夕":   {name: "七夕", kind: lunarDay, month: 7, day: 7, lunar: true},
	"教师节":  {name: "教师节", kind: fixedDay, month: 9, day: 10},
	"中秋节":  {name: "中秋", kind: lunarDay, month: 8, day: 15, lunar: true},
	"中秋":   {name: "中秋", kind: lunarDay, month: 8, day: 15, lunar: true},
	"国庆节":  {name: "国庆", kind: fixedDay, month: 10, day: 1},
	"国庆":   {name: "国庆", kind: fixedDay, month: 10, day: 1},
	"十一":   {name: "国庆", kind: fixedDay, month: 10, day: 1},
	"重阳节":  {name: "重阳", kind: lunarDay, month: 9, day: 9, lunar: true},
	"重阳":   {name: "重阳", kind: lunarDay, month: 9, day: 9, lunar: true},
	"腊八":   {name: "腊八", kind: lunarDay, month: 12, day: 8, lunar: true},
}

// days returns the first and last day of festival f in year y (for 除夕,
// the eve of the lunar year y, which falls early in Gregorian year y+1).
func (f festival) days(y int) (lo, hi Date, ok bool) {
	switch f.kind {
	case fixedDay:
		lo, ok = NewDate(y, time.Month(f.month), f.day), true
	case lunarDay:
		lo, ok = lunarDate(y, f.month, f.day)
	case eveDay:
		var sf Date
		sf, ok = SpringFestival(y + 1)
		lo = sf.AddDays(-1)
	case nthWeekday:
		first := NewDate(y, time.Month(f.month), 1)
		off := (int(f.wd) - int(first.Time().Weekday()) + 7) % 7
		lo, ok = first.AddDays(off+7*(f.day-1)), true
	case termDay:
		lo, ok = solarTermDate(f.name, y)
	}
	n := max(f.span, 1)
	return lo, lo.AddDays(n - 1), ok
}
