package extract

import (
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
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

// TestHoldsPian checks the characters holdsPian looks for against folding
// every character there is.
func TestHoldsPian(t *testing.T) {
	f := newFolder()
	var want []string
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if f.foldRune(r) == '篇' {
			want = append(want, string(r))
		}
	}
	if got := f.pian; !slices.Equal(got, want) {
		t.Fatalf("pian = %q, want %q", got, want)
	}
	for _, s := range []string{"", "篇", "第一篇", "abc", "讲话"} {
		if got, want := f.holdsPian(s), strings.ContainsRune(f.foldString(s), '篇'); got != want {
			t.Errorf("holdsPian(%q) = %v, want %v", s, got, want)
		}
	}
}

// TestDecodeRune compares decodeRune with the library on every sequence
// of three bytes that opens with a three-byte lead, and on short and
// other texts.
func TestDecodeRune(t *testing.T) {
	check := func(s string, i int) {
		r, n := decodeRune(s, i)
		wr, wn := utf8.DecodeRuneInString(s[i:])
		if r != wr || n != wn {
			t.Fatalf("decodeRune(%q, %d) = %U, %d, want %U, %d", s, i, r, n, wr, wn)
		}
	}
	b := []byte{0, 0, 0, 'x'}
	for b0 := 0xE0; b0 <= 0xEF; b0++ {
		for b1 := 0; b1 < 256; b1++ {
			for b2 := 0; b2 < 256; b2++ {
				b[0], b[1], b[2] = byte(b0), byte(b1), byte(b2)
				check(string(b), 0)
				check(string(b[:3]), 0)
			}
		}
	}
	for _, s := range []string{"a", "中", "中文", "\xe4\xb8", "\xe4", "é", "𝄞x", "\xff"} {
		for i := range len(s) {
			check(s, i)
		}
	}
}

// TestFoldRuneTable checks foldRune, which looks the ideographs up by
// index behind a bitmap, against the table it was built from.
func TestFoldRuneTable(t *testing.T) {
	f := newFolder()
	for r := rune(cjkLow); r <= cjkHigh; r++ {
		want, ok := f.t2s[r]
		if !ok {
			want = r
		}
		if got := f.foldRune(r); got != want {
			t.Fatalf("foldRune(%q) = %q, want %q", r, got, want)
		}
	}
}
