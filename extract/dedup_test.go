package extract

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"unicode"
)

// Guide, "Speech": a speech repeating an earlier one is a duplicate with no
// tasks of its own; a partial overlap is noted and the speech stays.
func TestMarkDuplicates(t *testing.T) {
	base := strings.Repeat("各级各部门要认真落实县委的部署，切实抓好脱贫攻坚各项工作。", 1) +
		"教育局要在年底前完成校舍安全排查，确保师生安全。财政局要及时拨付专项资金，保障项目建设顺利推进。" +
		"各乡镇要加强组织领导，明确责任分工，层层压实责任，确保各项任务按期完成。"
	other := "卫生健康局要做好秋冬季疫情防控，完善应急预案。交通局要加快农村公路建设，年内完成五十公里改造。"
	speeches := []Speech{
		{Source: "a.txt", Index: 1, Text: base, Tasks: []Task{{Text: "x"}}},
		{Source: "a.txt", Index: 2, Text: base + "谢谢大家。", Tasks: []Task{{Text: "x"}}},
		{Source: "b.txt", Index: 1, Text: base[:len(base)/2] + other, Tasks: []Task{{Text: "x"}}},
		{Source: "b.txt", Index: 2, Text: other + "农业农村局要抓好冬春农田水利建设。", Tasks: []Task{{Text: "x"}}},
	}
	New().Fingerprint(speeches)
	MarkDuplicates(speeches)
	if d := speeches[1]; d.DuplicateOf != 1 || d.DuplicateSource != "a.txt" || d.Similarity < DuplicateShare || d.Tasks != nil {
		t.Errorf("a.txt#2 should repeat a.txt#1: %+v", d)
	}
	if d := speeches[2]; d.DuplicateOf != 0 || len(d.Overlaps) == 0 || d.Overlaps[0].Index != 1 || d.Tasks == nil {
		t.Errorf("b.txt#1 should overlap a.txt#1 and stay: %+v", d)
	}
	if d := speeches[0]; d.DuplicateOf != 0 || len(d.Overlaps) != 0 {
		t.Errorf("the first speech repeats nothing: %+v", d)
	}
}

// Boilerplate shared by very many speeches does not make them duplicates,
// and the comparison stays fast.
func TestMarkDuplicatesBoilerplate(t *testing.T) {
	var speeches []Speech
	for i := 0; i < 500; i++ {
		speeches = append(speeches, Speech{Source: "many.txt", Index: i + 1,
			Text: fmt.Sprintf("同志们：下面我讲几点意见。第%d项工作：第%d乡镇要在%d月底前完成第%d号整改清单。", i, i*7, i%12+1, i*13)})
	}
	New().Fingerprint(speeches)
	MarkDuplicates(speeches)
	for _, sp := range speeches {
		if sp.DuplicateOf != 0 {
			t.Fatalf("%d is marked a duplicate of %d (%.2f)", sp.Index, sp.DuplicateOf, sp.Similarity)
		}
	}
}

// Short speeches keep every n-gram as a fingerprint: two that share one
// phrase are not taken for repeats, while a short speech said twice is.
func TestMarkDuplicatesShort(t *testing.T) {
	speeches := []Speech{
		{Source: "a.txt", Index: 1, Text: "各单位要在5月底前完成第123项整改任务。"},
		{Source: "a.txt", Index: 2, Text: "各单位要在6月底前完成第124项整改任务。"},
		{Source: "a.txt", Index: 3, Text: "各单位要在5月底前完成第123项整改任务。"},
	}
	New().Fingerprint(speeches)
	MarkDuplicates(speeches)
	if d := speeches[1]; d.DuplicateOf != 0 || len(d.Overlaps) != 0 {
		t.Errorf("#2 shares one phrase with #1 and is no repeat: %+v", d)
	}
	if d := speeches[2]; d.DuplicateOf != 1 || d.Similarity != 1 {
		t.Errorf("#3 repeats #1: %+v", d)
	}
}

// Release keeps the tasks as they were and lets the text go.
func TestRelease(t *testing.T) {
	x := New()
	text := "一、抓好整改\n教育局要在2024年6月底前完成校舍安全排查，排查率达到100%。"
	speeches := x.Speeches("a.txt", text, Options{RefDate: NewDate(2024, 3, 1)})
	want := fmt.Sprintf("%+v", speeches[0].Tasks)
	if len(speeches[0].Tasks) == 0 {
		t.Fatal("no task to keep")
	}
	Release(speeches)
	if speeches[0].Text != "" {
		t.Error("the text is kept")
	}
	if got := fmt.Sprintf("%+v", speeches[0].Tasks); got != want {
		t.Errorf("tasks changed:\n got %s\nwant %s", got, want)
	}
}

// Duplicates given the speeches a few at a time marks what MarkDuplicates
// marks given them at once: the seeds one file at a time, and in batches
// of one, two and seven speeches.
func TestDuplicatesInBatches(t *testing.T) {
	x := New()
	var files [][]Speech
	var all []Speech
	texts, _ := seedTexts(t)
	for i, text := range texts {
		sp := x.Speeches(fmt.Sprintf("%03d.txt", i), text, Options{})
		x.Fingerprint(sp)
		files = append(files, sp)
		all = append(all, sp...)
	}
	want := clone(all)
	MarkDuplicates(want)
	marked := 0
	for _, sp := range want {
		if sp.DuplicateOf != 0 || len(sp.Overlaps) > 0 {
			marked++
		}
	}
	if marked == 0 {
		t.Fatal("the seeds have no duplicates or overlaps to compare")
	}
	check := func(name string, got []Speech) {
		t.Helper()
		for i := range want {
			w, g := want[i], got[i]
			if g.DuplicateOf != w.DuplicateOf || g.DuplicateSource != w.DuplicateSource || g.Similarity != w.Similarity ||
				fmt.Sprint(g.Overlaps) != fmt.Sprint(w.Overlaps) || len(g.Tasks) != len(w.Tasks) {
				t.Errorf("%s: speech %d (%s #%d) marked %+v, want %+v", name, i, w.Source, w.Index,
					[]any{g.DuplicateOf, g.DuplicateSource, g.Similarity, g.Overlaps}, []any{w.DuplicateOf, w.DuplicateSource, w.Similarity, w.Overlaps})
			}
		}
	}
	var byFile []Speech
	var d Duplicates
	for _, f := range files {
		f = clone(f)
		d.Mark(f)
		byFile = append(byFile, f...)
	}
	check("by file", byFile)
	for _, n := range []int{1, 2, 7} {
		got := clone(all)
		var d Duplicates
		for i := 0; i < len(got); i += n {
			d.Mark(got[i:min(i+n, len(got))])
		}
		check(fmt.Sprintf("batches of %d", n), got)
	}
}

// clone copies speeches deep enough for marking: their tasks stay shared.
func clone(speeches []Speech) []Speech {
	return append([]Speech(nil), speeches...)
}

// naiveFingerprints is fingerprints as first written: the letters and
// digits gathered first, each window of the winnowing searched whole.
func naiveFingerprints(text string) []uint64 {
	var rs []rune
	for _, r := range text {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			rs = append(rs, r)
		}
	}
	if len(rs) < shingleRunes {
		return nil
	}
	const base = 0x100000001b3
	top := uint64(1)
	for range shingleRunes - 1 {
		top *= base
	}
	var hs []uint64
	var h uint64
	for i, r := range rs {
		if i >= shingleRunes {
			h -= uint64(rs[i-shingleRunes]) * top
		}
		h = h*base + uint64(r)
		if i >= shingleRunes-1 {
			hs = append(hs, mix64(h))
		}
	}
	if len(hs) < minWinnowed {
		slices.Sort(hs)
		return slices.Compact(hs)
	}
	var fps []uint64
	last := -1
	for end := min(winnowWindow, len(hs)); end <= len(hs); end++ {
		at := end - 1
		for i := end - 2; i >= max(0, end-winnowWindow); i-- {
			if hs[i] < hs[at] {
				at = i
			}
		}
		if at != last {
			fps = append(fps, hs[at])
			last = at
		}
	}
	slices.Sort(fps)
	return slices.Compact(fps)
}

// TestFingerprintsAsWritten checks that fingerprints, which rolls its
// hashes in one pass and keeps a window's candidates in a queue, keeps
// the same fingerprints as the plain definition on the seeds' speeches,
// their paragraphs, and texts of repeated characters (ties in every
// window), mixed scripts and punctuation.
func TestFingerprintsAsWritten(t *testing.T) {
	texts := []string{"", "一二三四五六七", "一二三四五六七八", strings.Repeat("好", 600), strings.Repeat("ab12，。", 300),
		strings.Repeat("Ⅻ①ｆｕｌｌ㊣ếα", 100)}
	seeds, _ := seedTexts(t)
	x := New()
	for i, text := range seeds {
		for _, sp := range x.Speeches(string(rune('a'+i)), text, Options{}) {
			texts = append(texts, x.Fold(sp.Text), sp.Text)
			texts = append(texts, strings.Split(sp.Text, "\n")...)
		}
	}
	for _, s := range texts {
		if got, want := fingerprints(s), naiveFingerprints(s); !slices.Equal(got, want) {
			t.Fatalf("fingerprints of %.40q: %d, the plain definition %d", s, len(got), len(want))
		}
	}
}

// TestFingerprintFolds checks that Fingerprint, which folds as it
// hashes, gives the fingerprints of the folded text, on the seeds and on
// texts with ruby annotations, blanks and invalid UTF-8.
func TestFingerprintFolds(t *testing.T) {
	texts, _ := seedTexts(t)
	texts = append(texts, "", "推進(jìn)會(huì)發(fā)言稿要求各縣區", "(a)条和(AB)不是拼音１２３ＡＢＣ", "要\xff做好(jì\xffn)。A 1 站\u3000建成")
	for _, s := range texts {
		checkFingerprintFolds(t, s)
	}
}

// FuzzFingerprintFolds is TestFingerprintFolds on any text.
func FuzzFingerprintFolds(f *testing.F) {
	f.Add("推進(jìn)會(huì)發(fā)言稿要求各縣區抓好落实")
	f.Add("要\xff做好(jì\xffn)。 A 1")
	f.Fuzz(checkFingerprintFolds)
}

func checkFingerprintFolds(t *testing.T, s string) {
	t.Helper()
	sp := []Speech{{Text: s}}
	(&Extractor{fold: testFolder}).Fingerprint(sp)
	if want := fingerprints(testFolder.foldString(s)); !slices.Equal(sp[0].Fingerprints, want) {
		t.Fatalf("Fingerprint(%q) = %v, want %v", s, sp[0].Fingerprints, want)
	}
}
