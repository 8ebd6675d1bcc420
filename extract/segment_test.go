package extract

import (
	"slices"
	"sync"
	"testing"

	"github.com/go-ego/gse"
)

// gseReference is gse loaded with the dictionary, for the tests that
// check the segmenter cuts as gse does.
var gseReference = sync.OnceValue(gseSegmenter)

// gseWords segments text with gse itself: Cut without HMM, each word's
// part of speech looked up after.
func gseWords(seg *gse.Segmenter, text string) []word {
	var out []word
	at := 0
	for _, w := range seg.Cut(text, false) {
		n := runeCount(w)
		_, pos, _ := seg.Find(w)
		out = append(out, word{at, at + n, pos})
		at += n
	}
	return out
}

// segmentCases are texts beyond the seeds' that gse reads in ways of its
// own: runs of letters and digits, capitals it lowers, a capital whose
// lower case is longer (İ), bytes that are no UTF-8, a character no word
// holds, a NUL after a word.
var segmentCases = []string{
	"", "a", "要", "各县区", "ABC公司2024年第3季度", "GDP增长6.5%", "İstanbul市政府",
	"5G基站", "abc def", "\xff各部门\xfe要", "县教育局和县财政局要", "㐀㐁各单位", "O2O平台", "A1站",
	"各\x00", "各\x00\x00", "各位\x00", "\x00",
}

// TestWordsAsGse checks that the segmenter cuts every seed line and clause,
// and the cases above, into the words gse cuts them into, with the same
// parts of speech.
func TestWordsAsGse(t *testing.T) {
	seg := gseReference()
	var s segmenter
	texts := append(seedClauses(t), seedLines(t)...)
	texts = append(texts, segmentCases...)
	for _, text := range texts {
		if got, want := s.words(text), gseWords(seg, text); !slices.Equal(got, want) {
			t.Fatalf("words(%q) =\n%v, gse cuts\n%v", text, got, want)
		}
	}
}

// FuzzWordsAsGse checks that the segmenter cuts any text as gse does.
func FuzzWordsAsGse(f *testing.F) {
	for _, c := range segmentCases {
		f.Add(c)
	}
	seg := gseReference()
	var s segmenter
	f.Fuzz(func(t *testing.T, text string) {
		if got, want := s.words(text), gseWords(seg, text); !slices.Equal(got, want) {
			t.Fatalf("words(%q) =\n%v, gse cuts\n%v", text, got, want)
		}
	})
}
