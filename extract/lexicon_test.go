package extract

import (
	"regexp"
	"strings"
	"testing"
)

func TestParseBodyList(t *testing.T) {
	got, err := ParseBodyList("\ufeff# 本县单位\n\n县教育局\n教体局\t县教育局\n  城发 \t 城投集团 \n")
	if err != nil {
		t.Fatal(err)
	}
	want := []BodyName{{"县教育局", ""}, {"教体局", "县教育局"}, {"城发", "城投集团"}}
	if len(got) != len(want) {
		t.Fatalf("got %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("entry %d = %v, want %v", i, got[i], want[i])
		}
	}
	if _, err := ParseBodyList("县教育局，县财政局\n"); err == nil || !strings.Contains(err.Error(), "line 1") {
		t.Errorf("a line holding two names: err = %v", err)
	}
}

// Guide, "Responsible body", and issue 4: canonical names for grouping.
func TestCanonicalNames(t *testing.T) {
	x := New(BodyName{Name: "縣教體局", Canonical: "县教育局"}, BodyName{Name: "城发"})
	sp := x.Speeches("t.txt", "讲话\n縣教體局要做好开学工作。\n城发要加快道路建设。\n市财政局要拨付资金。\n财政局要加强监管。\n教育局要抓好安全。\n", Options{})
	GroupBodies(sp)
	got := map[string]string{}
	for _, tk := range sp[0].Tasks {
		for _, b := range tk.Bodies {
			got[b.Name] = b.Canonical
		}
	}
	want := map[string]string{
		"縣教體局": "县教育局", // the user's list, traditional folded
		"城发":   "城发",   // recognised only through the list
		"市财政局": "市财政局",
		"财政局":  "市财政局", // the only prefixed form in the run
		"教育局":  "县教育局", // the prefixed form is a canonical name of the run
	}
	for name, c := range want {
		if got[name] != c {
			t.Errorf("canonical(%s) = %q, want %q (all: %v)", name, got[name], c, got)
		}
	}
}

// TestMayOpenWithName checks what leadingBodies relies on to segment a
// clause only when it may open with a name: every clause of the seeds that
// opens with a body name, word ends aside, passes mayOpenWithName, and
// some clause fails it.
func TestMayOpenWithName(t *testing.T) {
	x := New()
	found, skipped := 0, 0
	for _, line := range seedLines(t) {
		for _, c := range strings.FieldsFunc(x.Fold(line), func(r rune) bool { return clauseMarks.has(r) }) {
			rs := []rune(c)
			may := x.lex.mayOpenWithName(rs)
			if n := x.lex.longestBodyPrefix(rs, nil, maxBodyRunes); n > 0 {
				if !may {
					t.Fatalf("mayOpenWithName(%q) = false, but it opens with %q", c, string(rs[:n]))
				}
				found++
			}
			if !may {
				skipped++
			}
		}
	}
	if found == 0 || skipped == 0 {
		t.Fatalf("%d clauses open with a name, %d may not: the seeds test nothing", found, skipped)
	}
}

// respTagPattern is what respTags stands for.
var respTagPattern = regexp.MustCompile(`[(（][^()（）]*(?:牵头|配合|负责|参与|指导|落实)[^()（）]*[)）]`)

// TestRespTags checks respTags against the regular expression it stands
// for on the seeds' lines, folded, and on texts made to catch the edges.
func TestRespTags(t *testing.T) {
	texts := []string{
		"", "(牵头)", "（市财政局负责）", "((牵头)", "(牵头))", "(牵（头)", "(市委牵头）（配合)", "(\xff负责\xff)", "牵头)", "(牵头",
		"（牵头单位：市委组织部，配合单位：市财政局）", "(a)(b负责)",
	}
	x := New()
	for _, line := range seedLines(t) {
		texts = append(texts, x.Fold(line))
	}
	for _, s := range texts {
		checkRespTags(t, s)
	}
}

// FuzzRespTags compares respTags with the regular expression it stands
// for.
func FuzzRespTags(f *testing.F) {
	for _, s := range []string{"(牵头)", "（市财政局负责）", "((牵头)", "(牵（头)"} {
		f.Add(s)
	}
	f.Fuzz(checkRespTags)
}

// checkRespTags compares respTags on s with the regular expression.
var checkRespTags = indexCheck("respTags", respTags, respTagPattern)
