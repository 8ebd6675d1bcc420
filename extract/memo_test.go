package extract

import (
	"reflect"
	"testing"
)

// TestAnalysesShared checks that sharing analyses across a file's
// speeches changes nothing: each seed's tasks, found with one memo for the
// file, equal those found with a fresh memo for each speech. (A seed
// repeats whole speeches, so the first finds most of them in the memo.)
func TestAnalysesShared(t *testing.T) {
	x := New()
	ref := NewDate(2021, 9, 1)
	for _, seed := range []string{"000", "001", "002", "003", "004"} {
		text := readSeed(t, seed)
		speeches := x.Speeches(seed, text, Options{RefDate: ref})
		for i, r := range x.splitSpeeches(text) {
			sp := speeches[i]
			title := x.fold.foldString(sp.Title)
			if got := x.tasks(title, r.lines, sp.RefDate, newAnalyses()); !reflect.DeepEqual(got, sp.Tasks) {
				t.Fatalf("seed %s, speech %d: tasks differ with a fresh memo", seed, i+1)
			}
		}
	}
}

// TestAnalysesBound checks that analyses start afresh past their bound.
func TestAnalysesBound(t *testing.T) {
	x := New()
	a := newAnalyses()
	p := x.paragraph(a, "一、各部门要在3月底前完成排查。")
	a.sentence("各部门要在3月底前完成排查。")
	a.hold(maxAnalyses)
	if len(a.paras) != 0 || len(a.sents) != 0 || a.size != maxAnalyses {
		t.Fatalf("after the bound: %d paragraphs, %d sentences, size %d", len(a.paras), len(a.sents), a.size)
	}
	if q := x.paragraph(a, "一、各部门要在3月底前完成排查。"); !reflect.DeepEqual(p, q) {
		t.Fatalf("paragraph analysed anew differs: %+v, want %+v", q, p)
	}
}

// TestFindTimesMemo checks that an analysis asked for its time nodes
// against several reference dates, in turn and again, answers each as the
// parser does afresh, with a copy the caller may change.
func TestFindTimesMemo(t *testing.T) {
	s := "各部门要在明年3月底前、下周五前完成排查。"
	refs := []Date{NewDate(2021, 9, 1), NewDate(2022, 12, 30), NewDate(2021, 9, 1), NewDate(2020, 2, 29), NewDate(2022, 12, 30)}
	an := newAnalyses().sentence(s)
	for _, ref := range refs {
		want := dropHypothetical(s, findTimes(s, ref, true))
		got := an.findTimes(ref)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("findTimes(%v) = %+v, want %+v", ref, got, want)
		}
		if len(got) == 0 {
			t.Fatalf("findTimes(%v) found nothing in %q", ref, s)
		}
		got[0].Text = "changed"
	}
	if len(an.times) != 3 {
		t.Errorf("%d reference dates remembered, want 3", len(an.times))
	}
}
