package extract

import (
	"regexp"
	"strings"
	"testing"
)

// TestJoinBrokenLines checks the guide's "a line break that ends a
// paragraph" ends a sentence, and no other: lines a copy broke are joined,
// page numbers dropped, headings left alone (issue 13).
func TestJoinBrokenLines(t *testing.T) {
	x := New()
	for _, tc := range []struct {
		rule string
		in   []string
		want []string
	}{
		{"a page break mid-sentence is no sentence end",
			[]string{"各乡镇要加快道路建设,年底前完成主体工", "—3—", "程,确保按期通车。"},
			[]string{"各乡镇要加快道路建设,年底前完成主体工程,确保按期通车。"}},
		{"a page number at the end of a line is dropped",
			[]string{"要切实加强安全管理,落实“一岗双责”、- 12 -", "“党政同责”的要求。"},
			[]string{"要切实加强安全管理,落实“一岗双责”、“党政同责”的要求。"}},
		{"a page number glued to the last digit of a year",
			[]string{"河湖管护事关长远。全县从202", "1—7—", "年起推行河长制,各镇要落实责任。"},
			[]string{"河湖管护事关长远。全县从2021年起推行河长制,各镇要落实责任。"}},
		{"a page number between whole paragraphs only goes",
			[]string{"各部门要抓好落实。", "－5－", "要加强督查。"},
			[]string{"各部门要抓好落实。", "要加强督查。"}},
		{"a heading without punctuation ends its paragraph",
			[]string{"二、强化保障,狠抓落实", "各部门要加强协作。"},
			[]string{"二、强化保障,狠抓落实", "各部门要加强协作。"}},
		{"a title or a name is no broken line",
			[]string{"在全县春季植树造林动员大会上的讲话", "王某某", "同志们:"},
			[]string{"在全县春季植树造林动员大会上的讲话", "王某某", "同志们:"}},
		{"a numbered paragraph broken after a sentence end goes on",
			[]string{"(二)抓好春耕生产。各乡镇要组织农技人员深入田间,指导", "农户科学施肥。"},
			[]string{"(二)抓好春耕生产。各乡镇要组织农技人员深入田间,指导农户科学施肥。"}},
		{"a numbered line does not continue a broken one",
			[]string{"各镇要认真抓好以下工作,", "1、加强领导。"},
			[]string{"各镇要认真抓好以下工作,", "1、加强领导。"}},
		{"a blank line ends the paragraph",
			[]string{"要做好防汛准备,", "", "加强值班值守。"},
			[]string{"要做好防汛准备,", "", "加强值班值守。"}},
		{"a tag closes its line",
			[]string{"建设10个示范村。(牵头单位:县农业局)", "加强技术指导。"},
			[]string{"建设10个示范村。(牵头单位:县农业局)", "加强技术指导。"}},
	} {
		got := x.joinBrokenLines(tc.in)
		if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
			t.Errorf("%s:\n got %q\nwant %q", tc.rule, got, tc.want)
		}
	}
}

// TestBrokenSentenceIsOneTask checks the whole pipeline reads a sentence
// that a page break cut as one task with its time node.
func TestBrokenSentenceIsOneTask(t *testing.T) {
	text := "在全县交通工作会上的讲话\n各乡镇要加快道路建设,确保在10月底前完成主体工\n—3—\n程建设。\n"
	sps := New().Speeches("broken.txt", text, Options{RefDate: NewDate(2024, 4, 10)})
	if len(sps) != 1 || len(sps[0].Tasks) != 1 {
		t.Fatalf("got %+v, want one speech with one task", sps)
	}
	task := sps[0].Tasks[0]
	if task.Text != "各乡镇要加快道路建设,确保在10月底前完成主体工程建设。" {
		t.Errorf("text %q", task.Text)
	}
	if len(task.Times) != 1 || task.Times[0].Due.String() != "2024-10-31" {
		t.Errorf("times %+v", task.Times)
	}
}

// pageNumberRef is the regular expression pageNumber reads without.
var pageNumberRef = regexp.MustCompile(`[—－-]\s*[0-9]{1,3}\s*[—－-]\s*$`)

// TestPageNumber compares pageNumber with the start of pageNumberRef's
// match.
func TestPageNumber(t *testing.T) {
	for _, s := range []string{"", "—3—", "- 12 -", "－5－ ", "1—7—", "—1234—", "—123—", "x-\t9\r-\n", "——3——", "—3", "3—", "——", "a\xe2—7—",
		"\xe2\x80\x94\xe2\x80—5—", "—\x80\x94-1-", "要落实。- 12 -\v", "—１２—", "\xff-0-", "-00-", "- 0001 -"} {
		checkPageNumber(t, s)
	}
}

// FuzzPageNumber is TestPageNumber on any line.
func FuzzPageNumber(f *testing.F) {
	f.Add("要切实加强安全管理,落实“一岗双责”、- 12 -")
	f.Add("1—7— ")
	f.Fuzz(checkPageNumber)
}

func checkPageNumber(t *testing.T, s string) {
	t.Helper()
	want := -1
	if loc := pageNumberRef.FindStringIndex(s); loc != nil {
		want = loc[0]
	}
	if got := pageNumber(s); got != want {
		t.Fatalf("pageNumber(%q) = %d, want %d", s, got, want)
	}
}
