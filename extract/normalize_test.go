package extract

import (
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"
)

// pinyinPattern is the definition pinyinSpans implements.
var pinyinPattern = regexp.MustCompile(`\([a-zA-Z` + pinyinMarked + `]*[` + pinyinMarked + `][a-zA-Z` + pinyinMarked + `]*\)`)

// pinyinWant returns the spans pinyinPattern finds in s, as pinyinSpans
// returns them.
func pinyinWant(s string) [][2]int {
	var out [][2]int
	for _, m := range pinyinPattern.FindAllStringIndex(s, -1) {
		out = append(out, [2]int{m[0], m[1]})
	}
	return out
}

// pinyinCases are texts with and without ruby annotations.
var pinyinCases = []string{
	"", "(", ")", "()", "(a)", "(AB)", "(jìn)", "推進(jìn)會(huì)", "((jìn)", "(jìn))",
	"(jìn", "(j ìn)", "(lǜ)(ü)", "(nǚ)x(ḿ)", "\xff(jìn)\xff", "(\xffjìn)", "(ā\xff)", "(ǹ)(ń)",
	"（jìn）", "要(1)做(jiǎng)到(ab", "a(b(c(dé)e)f)",
}

// TestPinyinSpans checks the hand-written matcher against the pattern on
// the cases, the seeds' lines and FuzzPinyinSpans's corpus.
func TestPinyinSpans(t *testing.T) {
	texts := append([]string(nil), pinyinCases...)
	seeds, _ := filepath.Glob("../testdata/seeds/*.txt")
	for _, p := range seeds {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, strings.Split(string(b), "\n")...)
	}
	for _, s := range texts {
		if got, want := pinyinSpans(s), pinyinWant(s); !reflect.DeepEqual(got, want) {
			t.Errorf("pinyinSpans(%q) = %v, want %v", s, got, want)
		}
	}
}

// FuzzPinyinSpans compares pinyinSpans with the pattern it implements.
func FuzzPinyinSpans(f *testing.F) {
	for _, s := range pinyinCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := pinyinSpans(s), pinyinWant(s); !reflect.DeepEqual(got, want) {
			t.Errorf("pinyinSpans(%q) = %v, want %v", s, got, want)
		}
	})
}
