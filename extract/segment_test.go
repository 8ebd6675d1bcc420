package extract

import (
	"math"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/go-ego/gse"
)

// gseReference is gse loaded with the dictionary, for the tests that
// check the segmenter reads and cuts as gse does.
var gseReference = sync.OnceValue(func() *gse.Segmenter {
	seg := new(gse.Segmenter)
	seg.SkipLog = true
	// LoadDictStr reports no errors for a string it was handed.
	_ = seg.LoadDictStr(strings.Join(dictLines(), "\n") + "\n")
	return seg
})

// TestDictAsGse checks that the segmenter's table holds the words gse
// loads from the dictionary, with their frequencies and parts of speech,
// the starts of words, and nothing else, and that both total the same
// frequency.
func TestDictAsGse(t *testing.T) {
	seg := gseReference()
	var s segmenter
	s.load()
	want := map[string]dictEntry{}
	for i := range seg.Dict.Tokens {
		tok := &seg.Dict.Tokens[i]
		text := tok.Text()
		e := want[text]
		want[text] = dictEntry{freq: tok.Freq(), logFreq: math.Log(tok.Freq()), pos: tok.Pos(), word: true, inner: e.inner}
		for j := range text {
			if j > 0 {
				e, ok := want[text[:j]]
				if !ok {
					e.logFreq = math.Inf(-1)
				}
				e.inner = true
				want[text[:j]] = e
			}
		}
	}
	if len(want) < 50000 {
		t.Fatalf("gse loaded %d entries", len(want))
	}
	for text, e := range want {
		if got, ok := s.dict[text]; !ok || got != e {
			t.Errorf("table[%q] = %+v, %v; gse holds %+v", text, got, ok, e)
		}
	}
	for text := range s.dict {
		if _, ok := want[text]; !ok {
			t.Errorf("table holds %q, which gse does not", text)
		}
	}
	if got, want := s.logTotal, math.Log(seg.Dict.TotalFreq()); got != want {
		t.Errorf("log of the total frequency %v, gse's %v", got, want)
	}
}

// TestDictLine checks the lines of the dictionary that gse skips or reads
// in ways of its own.
func TestDictLine(t *testing.T) {
	for _, c := range []struct {
		line, text string
		freq       float64
		pos        string
		ok         bool
	}{
		{"各部门 1000 n", "各部门", 1000, "n", true},
		{"要 5000 v", "要", 2, "v", true}, // one character counts 2
		{"卡拉OK 60 n", "卡拉ok", 60, "n", true},
		{"词 1", "", 0, "", false},   // under 2
		{"词 x n", "", 0, "", false}, // no number
		{"词", "", 0, "", false},     // no frequency
		{"词语 50", "词语", 50, "", true},
	} {
		text, freq, pos, ok := dictLine(c.line)
		if text != c.text || freq != c.freq || pos != c.pos || ok != c.ok {
			t.Errorf("dictLine(%q) = %q, %v, %q, %v; want %q, %v, %q, %v", c.line, text, freq, pos, ok, c.text, c.freq, c.pos, c.ok)
		}
	}
}

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
