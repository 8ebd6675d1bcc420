package extract

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// rulePatterns are the patterns built with mustPattern.
func rulePatterns() map[string]*pattern {
	return map[string]*pattern{
		"notBodies": notBodies, "subjectTrim": subjectTrim, "verbOpening": verbOpening,
		"coordinationPrefix": coordinationPrefix, "coordination": coordination, "bodyPattern": bodyPattern,
		"imperativeOpening": imperativeOpening, "pastReport": pastReport, "notDirectiveOpening": notDirectiveOpening,
		"purpose": purpose, "awareness": awareness, "description": description, "leadingOrdinal": leadingOrdinal,
		"inlineOrdinal": inlineOrdinal, "modalMarker": modalMarker, "reviewHeading": reviewHeading,
		"planHeading": planHeading, "level1Mark": level1Mark, "level2Mark": level2Mark,
		"level3Mark": level3Mark, "bulletMark": bulletMark,
	}
}

// samePattern reports the first method where p differs from its regexp on s.
func samePattern(p *pattern, s string) string {
	switch {
	case p.MatchString(s) != p.re.MatchString(s):
		return "MatchString"
	case !reflect.DeepEqual(p.FindStringIndex(s), p.re.FindStringIndex(s)):
		return "FindStringIndex"
	case p.FindString(s) != p.re.FindString(s):
		return "FindString"
	case !reflect.DeepEqual(p.FindStringSubmatch(s), p.re.FindStringSubmatch(s)):
		return "FindStringSubmatch"
	case p.ReplaceAllString(s, "_") != p.re.ReplaceAllString(s, "_"):
		return "ReplaceAllString"
	}
	return ""
}

// TestPatternsAgree checks every rule pattern against its regular
// expression on each line of the seeds, folded, and on every clause and
// short phrase those lines hold.
func TestPatternsAgree(t *testing.T) {
	seeds, _ := filepath.Glob("../testdata/seeds/*.txt")
	x := New()
	seen := map[string]bool{}
	var texts []string
	add := func(s string) {
		if !seen[s] {
			seen[s] = true
			texts = append(texts, s)
		}
	}
	for _, p := range seeds {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(string(b), "\n") {
			f := x.Fold(line)
			// Each clause, and the short phrases that open it.
			rs := []rune(f)
			for i := 0; i < len(rs); {
				j := i
				for j < len(rs) && !strings.ContainsRune("，,。；;：:、", rs[j]) {
					j++
				}
				add(string(rs[i:j]))
				for n := 2; n <= maxBodyRunes && i+n <= j; n += 6 {
					add(string(rs[i : i+n]))
				}
				i = j + 1
			}
		}
	}
	texts = append(texts, "", " ", "\xff", "一、", " (一)要", "1、做好", "我们", "各部门", "县委和县政府")
	// A spread of 4,000 texts keeps the test to a second or two; the
	// fuzz test goes further.
	if step := len(texts) / 4000; step > 1 {
		var some []string
		for i := 0; i < len(texts); i += step {
			some = append(some, texts[i])
		}
		texts = some
	}
	for _, s := range texts {
		if got, want := hasBodySuffix(s), bodyPattern.re.MatchString(s); got != want {
			t.Fatalf("hasBodySuffix(%q) = %v, bodyPattern matches: %v", s, got, want)
		}
		if got, want := bodySuffixSet[s], s != "" && bodyPattern.re.FindString(s) == s; got != want {
			t.Fatalf("bodySuffixSet[%q] = %v, bodyPattern finds all of it: %v", s, got, want)
		}
	}
	for name, p := range rulePatterns() {
		for _, s := range texts {
			if m := samePattern(p, s); m != "" {
				t.Fatalf("%s.%s(%q) differs from the regular expression's", name, m, s)
			}
		}
	}
}

// FuzzPatterns compares every rule pattern with its regular expression.
func FuzzPatterns(f *testing.F) {
	for _, s := range []string{"一、要", "我们要", "(一)强化", "已经完成了", "各级工作", "要清醒地认识到"} {
		f.Add(s)
	}
	ps := rulePatterns()
	f.Fuzz(func(t *testing.T, s string) {
		for name, p := range ps {
			if m := samePattern(p, s); m != "" {
				t.Fatalf("%s.%s(%q) differs from the regular expression's", name, m, s)
			}
		}
	})
}
