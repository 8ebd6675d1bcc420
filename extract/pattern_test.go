package extract

import (
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"
)

// rulePatterns are the patterns built with mustPattern.
func rulePatterns() map[string]*pattern {
	return map[string]*pattern{
		"notBodies": notBodies, "subjectTrim": subjectTrim, "verbOpening": verbOpening,
		"coordinationPrefix": coordinationPrefix, "coordination": coordination, "bodyPattern": bodyPattern,
		"purpose": purpose, "awareness": awareness,
		"description": description, "leadingOrdinal": leadingOrdinal,
		"inlineOrdinal": inlineOrdinal, "modalMarker": modalMarker, "reviewHeading": reviewHeading,
		"planHeading": planHeading, "level1Mark": level1Mark, "level2Mark": level2Mark,
		"level3Mark": level3Mark, "bulletMark": bulletMark, "hypothesis": hypothesis,
		"byYou": byYou, "leadMark": leadMark, "supportMk": supportMk,
		"together": together, "approvedBy": approvedBy, "tagLead": tagLead, "tagSupport": tagSupport,
		"datedLine": datedLine, "publishedAt": publishedAt,
	}
}

// TestPatternsCompile compiles every pattern and regular expression of the
// package. They compile on first use, so a bad one would otherwise fail
// only the run that first needs it.
func TestPatternsCompile(t *testing.T) {
	if compilePanic(func() { (&pattern{expr: `(`}).compiled() }) == nil {
		t.Fatal("a bad pattern compiled")
	}
	recorded := map[*pattern]bool{}
	for _, p := range allPatterns {
		recorded[p] = true
		if err := compilePanic(func() { p.compiled() }); err != nil {
			t.Errorf("pattern %q: %v", p.expr, err)
		}
	}
	for name, p := range rulePatterns() {
		if !recorded[p] {
			t.Errorf("%s is not in allPatterns", name)
		}
	}
}

// compilePanic calls compile and returns what it panicked with, or nil.
func compilePanic(compile func()) (err any) {
	defer func() { err = recover() }()
	compile()
	return nil
}

// charsOf returns the set of the characters of s.
func charsOf(s string) *charSet {
	cs := new(charSet)
	cs.addAll(s)
	return cs
}

// samePattern reports the first method where p differs from its regexp on s.
func samePattern(p *pattern, s string) string {
	re := p.regexp()
	switch {
	case p.MatchString(s) != re.MatchString(s):
		return "MatchString"
	case p.MatchIn(s, charsOf(s)) != re.MatchString(s):
		return "MatchIn"
	case p.excludes(charsOf(s)) && re.FindStringIndex(s) != nil:
		return "excludes"
	case !reflect.DeepEqual(p.FindStringIndex(s), re.FindStringIndex(s)):
		return "FindStringIndex"
	case p.FindString(s) != re.FindString(s):
		return "FindString"
	case !reflect.DeepEqual(p.FindStringSubmatch(s), re.FindStringSubmatch(s)):
		return "FindStringSubmatch"
	case !reflect.DeepEqual(p.FindStringSubmatchIndex(s), re.FindStringSubmatchIndex(s)):
		return "FindStringSubmatchIndex"
	case p.ReplaceAllString(s, "_") != re.ReplaceAllString(s, "_"):
		return "ReplaceAllString"
	case p.ReplaceAllStringFunc(s, strings.ToUpper) != re.ReplaceAllStringFunc(s, strings.ToUpper):
		return "ReplaceAllStringFunc"
	case !reflect.DeepEqual(p.FindAllStringIndex(s, -1), re.FindAllStringIndex(s, -1)):
		return "FindAllStringIndex"
	case !reflect.DeepEqual(p.FindAllStringSubmatchIndex(s, -1), re.FindAllStringSubmatchIndex(s, -1)):
		return "FindAllStringSubmatchIndex"
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
	texts = append(texts, "", " ", "\xff", "一、", " (一)要", "1、做好", "我们", "各部门", "县委和县政府",
		"（2009年10月30日）", " (二〇〇九年十月三十日) ", "发表时间:2009-12-01", "印发日期：2020年3月5")
	// A spread of 4,000 texts (1,000 under -short) keeps the test to a
	// few seconds; the fuzz test goes further.
	spread := 4000
	if testing.Short() {
		spread = 1000
	}
	if step := len(texts) / spread; step > 1 {
		var some []string
		for i := 0; i < len(texts); i += step {
			some = append(some, texts[i])
		}
		texts = some
	}
	for _, s := range texts {
		if got, want := hasBodySuffix(s), bodyPattern.regexp().MatchString(s); got != want {
			t.Fatalf("hasBodySuffix(%q) = %v, bodyPattern matches: %v", s, got, want)
		}
		if got, want := bodySuffixSet[s], s != "" && bodyPattern.regexp().FindString(s) == s; got != want {
			t.Fatalf("bodySuffixSet[%q] = %v, bodyPattern finds all of it: %v", s, got, want)
		}
	}
	for _, p := range allPatterns {
		for _, s := range texts {
			if m := samePattern(p, s); m != "" {
				t.Fatalf("%s.%s(%q) differs from the regular expression's", p.expr, m, s)
			}
		}
	}
}

// FuzzPatterns compares every rule pattern with its regular expression.
func FuzzPatterns(f *testing.F) {
	for _, s := range []string{"一、要", "我们要", "(一)强化", "已经完成了", "各级工作", "要清醒地认识到"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, p := range allPatterns {
			if m := samePattern(p, s); m != "" {
				t.Fatalf("%s.%s(%q) differs from the regular expression's", p.expr, m, s)
			}
		}
	})
}

// markerPattern is the regular expression of directiveMarker's whole
// choice.
var markerPattern = regexp.MustCompile(strings.Join(directiveMarkers, "|"))

// TestMarkerFinder checks directiveMarker against the regular expression
// of its whole choice on the seeds' lines, folded and blanked.
func TestMarkerFinder(t *testing.T) {
	x := New()
	texts := []string{"", "应", "需", "应当要需", "希望各部门要", "由县委负责,牵头。", "将于将", "限期限3", "必\xff须要"}
	for _, line := range seedLines(t) {
		f := x.Fold(line)
		texts = append(texts, f, blankNeutral(f))
	}
	for _, s := range texts {
		checkMarkerFinder(t, s)
	}
}

// FuzzMarkerFinder compares directiveMarker with the regular expression of
// its whole choice.
func FuzzMarkerFinder(f *testing.F) {
	for _, s := range []string{"各单位要抓紧", "必须严禁", "应当要需", "由县委负责,牵头。"} {
		f.Add(s)
	}
	f.Fuzz(checkMarkerFinder)
}

// checkMarkerFinder compares directiveMarker on s with the regular
// expression.
var checkMarkerFinder = indexCheck("directiveMarker.FindAllStringIndex", func(s string) [][]int {
	return directiveMarker.FindAllStringIndex(s, -1)
}, markerPattern)
