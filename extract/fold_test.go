package extract

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestFoldInto compares foldInto with foldIntoRef, the version it
// replaced, on texts with and without ruby annotations, blanks and
// invalid UTF-8.
func TestFoldInto(t *testing.T) {
	for _, s := range []string{"", " ", "推進(jìn)會(huì)發(fā)言稿", "(a)条和(AB)不是拼音", "１２３ＡＢＣ，。", "A 1 站\u3000建成", "要\xff做好(jì\xffn)。", "\xed\xa0\x80(jǐ)", "(ǎ)(ǎ", "a\xffb c\xef\xbf\xbd縣 ", "\xff", "１", "縣"} {
		checkFoldInto(t, s)
	}
}

// FuzzFoldInto compares foldInto with foldIntoRef.
func FuzzFoldInto(f *testing.F) {
	f.Add("推進(jìn)會(huì)發(fā)言稿")
	f.Add("要\xff做好(jì\xffn)。 A 1")
	f.Fuzz(checkFoldInto)
}

// testFolder is the folding table of the tests that need no Extractor.
var testFolder = newFolder()

// checkFoldInto compares foldInto(s) with foldIntoRef(s), and what it
// reports of s's validity with utf8.ValidString.
func checkFoldInto(t *testing.T, s string) {
	t.Helper()
	text, orig32, valid := testFolder.foldInto(s, []int32{})
	wtext, worig := testFolder.foldIntoRef(s, []int{})
	orig := make([]int, len(orig32))
	for i, o := range orig32 {
		orig[i] = int(o)
	}
	if !utf8.ValidString(text) {
		t.Fatalf("foldInto(%q) = %q, not valid UTF-8", s, text) // splitFolded relies on it
	}
	if text != wtext || !slices.Equal(orig, worig) || valid != utf8.ValidString(s) {
		t.Fatalf("foldInto(%q) = %q, %v, %v, want %q, %v, %v", s, text, orig, valid, wtext, worig, utf8.ValidString(s))
	}
}

// foldIntoRef is foldInto as it was before it learned whether s is valid,
// stopped counting bytes once no annotation lay ahead, kept offsets as
// int32 and copied runs of characters kept as written at once, kept to
// check it against.
func (f *folder) foldIntoRef(s string, orig []int) (string, []int) {
	var drop [][2]int
	if strings.IndexByte(s, '(') >= 0 {
		// Ruby pinyin opens with a half-width parenthesis; most text has none.
		drop = pinyinSpans(s)
	}
	keep := orig != nil
	var b strings.Builder
	b.Grow(len(s))
	var last rune // the last rune written
	// bi advances by the encoded length of each rune as []rune(s) would
	// yield it, so that offsets match the pattern's even in invalid UTF-8.
	bi, ri := 0, 0
	for i := 0; i < len(s); ri++ {
		r, size := decodeRune(s, i)
		i += size
		at := bi
		bi += utf8.RuneLen(r)
		for len(drop) > 0 && at >= drop[0][1] {
			drop = drop[1:]
		}
		if len(drop) > 0 && at >= drop[0][0] {
			continue
		}
		fr := f.foldRune(r)
		if fr == ' ' || fr == '\t' {
			next := nextKept(s[i:])
			if !(isASCIIAlnum(last) && isASCIIAlnum(next)) {
				continue
			}
		}
		if fr == r && size > 1 {
			// Most characters fold to themselves, and a character read
			// from more than one byte was valid: the bytes are its
			// encoding.
			b.WriteString(s[i-size : i])
		} else {
			b.WriteRune(fr)
		}
		if keep {
			orig = append(orig, ri)
		}
		last = fr
	}
	if keep {
		orig = append(orig, ri)
	}
	return b.String(), orig
}
