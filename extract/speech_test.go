package extract

import (
	"strings"
	"testing"
)

// Guide, "Speech": a new speech starts at a heading line.
func TestParseHeading(t *testing.T) {
	tests := []struct {
		line, title, rest string
		ok                bool
	}{
		{"第一篇:杨钊同志在全区工会创新和亮点工作观摩会上的讲话", "杨钊同志在全区工会创新和亮点工作观摩会上的讲话", "", true},
		{"第十二篇：在作风建设年动员大会上的讲话", "在作风建设年动员大会上的讲话", "", true},
		{"教育脱贫攻坚暨秋期开学工作会议讲话稿篇十一", "教育脱贫攻坚暨秋期开学工作会议讲话稿", "", true},
		{"在高三工作会议上的讲话 篇1各位领导、各位老师:", "在高三工作会议上的讲话", "各位领导、各位老师:", true},
		{"全市教育工作推进会发言稿篇18", "全市教育工作推进会发言稿", "", true},
		{"上一篇:两节安全生产工作会议讲话", "", "", false},
		{"下一篇:最新工会工作会议讲话材料", "", "", false},
		{"在高三工作会议上的讲话(通用5篇)", "", "", false},
		{"五、写好“五篇信息”,提练信息内涵。", "", "", false},
		{"往日的痕迹在脑海中浮现,写出一篇较为完美的总结并非易事。", "", "", false},
	}
	for _, tt := range tests {
		title, rest, ok := parseHeading(tt.line)
		if ok != tt.ok || title != tt.title || rest != tt.rest {
			t.Errorf("parseHeading(%q) = %q, %q, %v; want %q, %q, %v", tt.line, title, rest, ok, tt.title, tt.rest, tt.ok)
		}
	}
}

func TestSplitSpeeches(t *testing.T) {
	x := New()
	text := "页面前言,不属于任何讲话。\n讲话稿篇一\n同志们:\n要抓好落实。\n讲话稿篇二\n第二篇正文。\n上一篇:别的讲话\n"
	got := x.splitSpeeches(text)
	if len(got) != 2 {
		t.Fatalf("got %d speeches, want 2", len(got))
	}
	if got[0].title != "讲话稿" || strings.Join(got[0].lines, "|") != "同志们:|要抓好落实。" {
		t.Errorf("first speech = %+v", got[0])
	}
	if strings.Join(got[1].lines, "|") != "第二篇正文。|上一篇:别的讲话|" {
		t.Errorf("second speech lines = %q", got[1].lines)
	}
	// A text with no heading is one speech titled by its first line.
	got = x.splitSpeeches("\n\n全县教育工作会讲话\n同志们:\n")
	if len(got) != 1 || got[0].title != "全县教育工作会讲话" {
		t.Errorf("headless text = %+v", got)
	}
	// Ruby pinyin noise does not hide a heading; the title keeps it as written.
	got = x.splitSpeeches("全市教育工作推進(jìn)會(huì)發(fā)言稿篇一\n正文\n")
	if len(got) != 1 || got[0].title != "全市教育工作推進(jìn)會(huì)發(fā)言稿" {
		t.Errorf("traditional heading = %+v", got)
	}
}

// Guide, "Speech": speaker from `X同志在……上的讲话`; placeholders are none.
func TestSpeakerOf(t *testing.T) {
	tests := map[string]string{
		"杨钊同志在全区工会创新和亮点工作观摩会上的讲话":    "杨钊",
		"杨建华同志在第四季度工作推进会上的讲话":        "杨建华",
		"**同志在全市非公有制经济党建工作观摩座谈会上的讲话": "",
		"XX同志在全县党建工作会上的讲话":           "",
		"在高三工作会议上的讲话":                "",
		"教育脱贫攻坚暨秋期开学工作会议讲话稿":         "",
	}
	for title, want := range tests {
		if got := speakerOf(title); got != want {
			t.Errorf("speakerOf(%q) = %q, want %q", title, got, want)
		}
	}
}

// Guide, "Speech": speech_date is the date the text gives near its start.
func TestStatedDate(t *testing.T) {
	tests := []struct {
		lines []string
		want  Date
	}{
		{[]string{"杨钊同志在……上的讲话", "(2009年10月30日)"}, NewDate(2009, 10, 30)},
		{[]string{"发表时间:2009-12-01 查看次数:95 来源:仪陇县委办"}, NewDate(2009, 12, 1)},
		{[]string{"通江县教育局办公室 二0一一年八月三十日", "——在2011年秋学期开学工作会上的讲话", "李 炎", "(2011年8月25日)"}, NewDate(2011, 8, 25)},
		{[]string{"（二〇二一年三月五日）"}, NewDate(2021, 3, 5)},
		{[]string{"同志们:", "2009年10月30日,我们召开了会议。"}, Date{}},
		{[]string{"(2009年2月30日)"}, Date{}},
	}
	for _, tt := range tests {
		if got := statedDate(tt.lines); got != tt.want {
			t.Errorf("statedDate(%q) = %v, want %v", tt.lines, got, tt.want)
		}
	}
}

// Guide, "Speech": a document that signs off with its issuer and a date
// on a line of its own (落款) gives that date; a date inside a sentence
// near the end does not.
func TestSignedDate(t *testing.T) {
	tests := []struct {
		closing []string // last lines, last first
		want    Date
	}{
		{[]string{"（此件公开发布）", "2020年3月2日", "某某省人民政府办公厅"}, NewDate(2020, 3, 2)},
		{[]string{"二〇二二年五月六日", "县教育局"}, NewDate(2022, 5, 6)},
		{[]string{"各单位要在2020年3月2日前报送。"}, Date{}},
		{[]string{"谢谢大家！", "同志们，让我们共同努力。"}, Date{}},
	}
	for _, tt := range tests {
		if got := signedDate(tt.closing); got != tt.want {
			t.Errorf("signedDate(%q) = %v, want %v", tt.closing, got, tt.want)
		}
	}
}

func TestDateInName(t *testing.T) {
	tests := map[string]Date{
		"2024-03-05 全县教育工作会讲话.txt": NewDate(2024, 3, 5),
		"20240305讲话.txt":           NewDate(2024, 3, 5),
		"讲话2024年3月5日.txt":          NewDate(2024, 3, 5),
		"2024.3.5.txt":             NewDate(2024, 3, 5),
		"004_ff2848a0e228d2d6.txt": {},
		"讲话123456789.txt":          {},
	}
	for name, want := range tests {
		if got := DateInName(name); got != want {
			t.Errorf("DateInName(%q) = %v, want %v", name, got, want)
		}
	}
}

func TestSpeechRefDate(t *testing.T) {
	x := New()
	opt := Options{RefDate: NewDate(2020, 1, 1)}
	sp := x.Speeches("a.txt", "第一篇:讲话\n(2009年10月30日)\n各级工会要在年底前完成任务。\n", opt)
	if sp[0].RefDate != NewDate(2009, 10, 30) || sp[0].RefSource != "text" {
		t.Errorf("stated date: ref %v (%s)", sp[0].RefDate, sp[0].RefSource)
	}
	sp = x.Speeches("a.txt", "第一篇:讲话\n各级工会要在年底前完成任务。\n", opt)
	if sp[0].RefDate != opt.RefDate || sp[0].RefSource != "option" || !sp[0].SpeechDate.IsZero() {
		t.Errorf("fallback: ref %v (%s) date %v", sp[0].RefDate, sp[0].RefSource, sp[0].SpeechDate)
	}
	sp = x.Speeches("a.txt", "第一篇:通知\n各级工会要在年底前完成任务。\n县总工会\n2010年4月8日\n", opt)
	if sp[0].RefDate != NewDate(2010, 4, 8) || sp[0].RefSource != "text" {
		t.Errorf("signed date: ref %v (%s)", sp[0].RefDate, sp[0].RefSource)
	}
	opt.FileDate = NewDate(2024, 3, 5)
	sp = x.Speeches("a.txt", "第一篇:讲话\n各级工会要在年底前完成任务。\n", opt)
	if sp[0].RefDate != opt.FileDate || sp[0].RefSource != "filename" {
		t.Errorf("file date: ref %v (%s)", sp[0].RefDate, sp[0].RefSource)
	}
}
