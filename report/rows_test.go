package report

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/speechledger/speechledger/extract"
)

// formatLedger renders l as readable text for golden files: one block per
// sheet, one line per row field, highlighted phrases shown as 【kind:text】.
func formatLedger(l *ledger) string {
	var b strings.Builder
	fmt.Fprintf(&b, "report date: %s\n", l.ReportDate)
	fmt.Fprintf(&b, "\n== 汇总: speeches\n")
	for _, e := range l.Speeches {
		fmt.Fprintf(&b, "%s %s %q sheet=%q date=%s tasks=%d due=%d overdue=%d soon=%d\n",
			e.Source, ordinal(e.Index), e.Title, e.Sheet, e.Date, e.Tasks, e.WithDue, e.Overdue, e.DueSoon)
		if e.Note != "" {
			fmt.Fprintf(&b, "  note: %s\n", e.Note)
		}
	}
	t := l.Totals
	fmt.Fprintf(&b, "totals: tasks=%d due=%d overdue=%d soon=%d\n", t.Tasks, t.WithDue, t.Overdue, t.DueSoon)
	fmt.Fprintf(&b, "\n== 汇总: bodies\n")
	for _, s := range l.Bodies {
		fmt.Fprintf(&b, "%s led=%d due=%d overdue=%d soon=%d\n", s.Name, s.Led, s.WithDue, s.Overdue, s.DueSoon)
	}
	fmt.Fprintf(&b, "\n== 汇总: months\n")
	for _, m := range l.Months {
		fmt.Fprintf(&b, "%s tasks=%d overdue=%d\n", monthLabel(m.Month), m.Tasks, m.Overdue)
	}
	for _, sh := range l.Sheets {
		fmt.Fprintf(&b, "\n== sheet %q\n", sh.Name)
		for _, r := range sh.Rows {
			fmt.Fprintf(&b, "-- %d %s\n", r.Seq, r.ID)
			field := func(name, v string) {
				if v != "" {
					fmt.Fprintf(&b, "%s: %s\n", name, strings.ReplaceAll(v, "\n", " | "))
				}
			}
			field("工作任务", shorten(markedText(r)))
			field("时间节点", r.Times)
			field("完成时限", r.Due.String())
			field("责任单位", r.Lead)
			field("配合单位", r.Support)
			field("量化目标", r.Targets)
			if r.HasValue {
				field("目标数值", formatNumber(r.TargetValue))
			}
			field("所属部分", r.Section)
			field("核对提示", r.Hints)
			field("办理状态", r.Status)
			field("预警", r.Warning)
		}
	}
	return b.String()
}

// markedText returns r's text with its marks bracketed.
func markedText(r row) string {
	rs := []rune(r.Text)
	var b strings.Builder
	pos := 0
	for _, m := range r.Marks {
		b.WriteString(string(rs[pos:m.Start]))
		fmt.Fprintf(&b, "【%s:%s】", m.Kind, string(rs[m.Start:m.End]))
		pos = m.End
	}
	b.WriteString(string(rs[pos:]))
	return b.String()
}

// shorten keeps golden files readable when a fixture text is huge.
func shorten(s string) string {
	rs := []rune(s)
	if len(rs) <= 200 {
		return s
	}
	return fmt.Sprintf("%s…(%d runes)…%s", string(rs[:60]), len(rs), string(rs[len(rs)-20:]))
}

func TestBuildLedgerGolden(t *testing.T) {
	for _, tc := range []struct {
		name     string
		speeches []extract.Speech
	}{
		{"fixtures", fixtureSpeeches()},
		{"empty", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			l := buildLedger(tc.speeches, Options{ReportDate: reportDate})
			got := formatLedger(&l)
			golden := filepath.Join("..", "testdata", "golden", "report", tc.name+".txt")
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./report -update to create it)", err)
			}
			if got != string(want) {
				t.Errorf("ledger differs from %s (run with -update after reading the diff):\n%s", golden, diffLines(string(want), got))
			}
		})
	}
}

// diffLines lists the lines that differ between want and got, by position:
// enough to read what changed in a golden file.
func diffLines(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	for i := range max(len(w), len(g)) {
		var a, c string
		if i < len(w) {
			a = w[i]
		}
		if i < len(g) {
			c = g[i]
		}
		if a != c {
			fmt.Fprintf(&b, "line %d:\n- %s\n+ %s\n", i+1, a, c)
		}
	}
	return b.String()
}

func TestSheetNames(t *testing.T) {
	long := strings.Repeat("长", 40)
	speeches := []extract.Speech{
		{Source: "a.txt", Index: 1, Title: "讲话"},
		{Source: "a.txt", Index: 2, Title: "讲话"},
		{Source: "a.txt", Index: 3, Title: "讲话", DuplicateOf: 1},
		{Source: "b.txt", Index: 1, Title: "'引号'"},
		{Source: "b.txt", Index: 2, Title: "a[b]:c*d?e/f\\g"},
		{Source: "b.txt", Index: 3, Title: ""},
		{Source: "b.txt", Index: 4, Title: "history"},
		{Source: "b.txt", Index: 5, Title: "汇总"},
		{Source: "b.txt", Index: 6, Title: long},
		{Source: "c.txt", Index: 1, Title: long},
		{Source: "c.txt", Index: 2, Title: "  多个   空格\n换行 "},
	}
	want := []string{
		"篇1 讲话", "篇2 讲话", "", "引号", "a【b】：c＊d？e／f＼g", "讲话3", "history（讲话）", "汇总(2)",
		"篇6 " + strings.Repeat("长", 27) + "…", "篇1 " + strings.Repeat("长", 27) + "…", "多个 空格 换行",
	}
	n := newSheetNamer(speeches)
	seen := map[string]bool{}
	for i := range speeches {
		if speeches[i].DuplicateOf != 0 {
			continue
		}
		got := n.name(&speeches[i])
		if got != want[i] {
			t.Errorf("speech %d %q: name %q, want %q", i, speeches[i].Title, got, want[i])
		}
		if len([]rune(got)) > maxSheetName || strings.ContainsAny(got, `[]:*?/\`) ||
			strings.HasPrefix(got, "'") || strings.HasSuffix(got, "'") || seen[strings.ToLower(got)] {
			t.Errorf("speech %d: invalid or repeated name %q", i, got)
		}
		seen[strings.ToLower(got)] = true
	}
}

// TestSheetNamesNumbered checks the (2), (3)… that tell apart speeches
// whose names come out the same: the first free number, past names other
// speeches took as their own titles, as many times as a title repeats.
func TestSheetNamesNumbered(t *testing.T) {
	var speeches []extract.Speech
	var want []string
	add := func(source string, index int, title, name string) {
		speeches = append(speeches, extract.Speech{Source: source, Index: index, Title: title})
		want = append(want, name)
	}
	// One file of a speech each: the same title is the same name.
	add("a.txt", 0, "会议", "会议")
	add("b.txt", 0, "会议", "会议(2)")
	add("c.txt", 0, "会议(4)", "会议(4)")
	add("d.txt", 0, "会议", "会议(3)")
	add("e.txt", 0, "会议", "会议(5)")
	add("f.txt", 0, "会议(6)", "会议(6)")
	add("g.txt", 0, "会议(7)", "会议(7)")
	add("h.txt", 0, "会议", "会议(8)")
	add("i.txt", 0, "会议(6)", "会议(6)(2)")
	for i := range 1000 {
		add("j.txt", 0, "会议", fmt.Sprintf("会议(%d)", 9+i))
	}
	n := newSheetNamer(speeches)
	for i := range speeches {
		if got := n.name(&speeches[i]); got != want[i] {
			t.Fatalf("speech %d %q: name %q, want %q", i, speeches[i].Title, got, want[i])
		}
	}
}

func TestWarning(t *testing.T) {
	for _, tc := range []struct {
		due    extract.Date
		status string
		want   string
	}{
		{extract.Date{}, statusNotStarted, warnNoDue},
		{reportDate.AddDays(-1), statusNotStarted, warnOverdue},
		{reportDate.AddDays(-1), statusDone, warnOK},
		{reportDate, statusNotStarted, warnSoon},
		{reportDate.AddDays(7), statusNotStarted, warnSoon},
		{reportDate.AddDays(8), statusNotStarted, warnOK},
	} {
		if got := warning(tc.due, tc.status, reportDate); got != tc.want {
			t.Errorf("warning(%s, %s) = %s, want %s", tc.due, tc.status, got, tc.want)
		}
	}
}

func TestCleanText(t *testing.T) {
	long := strings.Repeat("字", maxCellChars+10)
	got := cleanText(long)
	if n := utf16Len(got); n > maxCellChars {
		t.Errorf("cut text has %d units, want at most %d", n, maxCellChars)
	}
	if !strings.HasSuffix(got, cutMarker) {
		t.Errorf("cut text does not end with %s", cutMarker)
	}
	if got := cleanText("a\x01b\x00c\td"); got != "a b c\td" {
		t.Errorf("cleanText replaced the wrong characters: %q", got)
	}
	short := strings.Repeat("字", 100)
	if got := cleanText(short); got != short {
		t.Errorf("short text changed")
	}
}

// hasBadXMLRune finds what badXMLRune finds rune by rune.
func TestHasBadXMLRune(t *testing.T) {
	for _, s := range []string{"", "任务，完成。", "a\tb\nc\rd", "a\x01", "\x1f", "x\uFFFE", "\uFFFF", "\uFFFD",
		"\xEF\xBF\xBE", "\xEF\xBF", "\xEF\xBF\xC0", "\xED\xA0\x80", "\xEF\xBF\xBD\xBE", "\xE0\xEF\xBF\xBF", "ｘ\xEF"} {
		checkBadXMLRune(t, s)
	}
}

func FuzzHasBadXMLRune(f *testing.F) {
	for _, s := range []string{"任务，完成。", "a\x01", "x\uFFFE", "\xEF\xBF\xC0"} {
		f.Add(s)
	}
	f.Fuzz(checkBadXMLRune)
}

func checkBadXMLRune(t *testing.T, s string) {
	if got, want := hasBadXMLRune(s), strings.IndexFunc(s, badXMLRune) >= 0; got != want {
		t.Errorf("hasBadXMLRune(%q) = %v, want %v", s, got, want)
	}
}
