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
