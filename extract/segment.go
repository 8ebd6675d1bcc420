package extract

import (
	_ "embed"
	"slices"
	"strings"
	"sync"

	"github.com/go-ego/gse"
)

//go:embed data/words.txt
var wordsTable string

//go:embed data/organs.txt
var organsTable string

// organNames returns the names of data/organs.txt.
func organNames() []string {
	var out []string
	for _, line := range strings.Split(organsTable, "\n") {
		if line = strings.TrimSpace(line); line != "" && line[0] != '#' {
			out = append(out, line)
		}
	}
	return out
}

// segmenter finds word boundaries, and the words' parts of speech, with
// gse over a trimmed dictionary (the 52,000 most frequent words of gse's
// own, with jieba's tags), loaded on first use so that a run which never
// needs a boundary never pays for it.
//
// The rules segment the same short texts again and again (a clause's
// opening, a candidate name), within a sentence and across speeches that
// share their phrasing, and gse's cut depends on the text alone: a
// segmenter remembers the words of the texts it has cut. The memo is
// bounded like the lexicon's memo of names: past maxWordMemo texts it
// starts afresh, which costs only the time to cut again.
type segmenter struct {
	once sync.Once
	seg  gse.Segmenter

	mu   sync.Mutex
	memo map[string][]word // the words of texts already cut
}

// maxWordMemo bounds the texts a segmenter remembers (a few MB).
const maxWordMemo = 1 << 14

func (s *segmenter) load() {
	s.once.Do(func() {
		s.seg.SkipLog = true
		var b strings.Builder
		for _, line := range strings.Split(wordsTable, "\n") {
			if line != "" && line[0] != '#' {
				b.WriteString(line)
				b.WriteByte('\n')
			}
		}
		// Organ names are words of their own: 发改委, not 发/改/委.
		for _, name := range organNames() {
			b.WriteString(name + " 1000 nt\n")
		}
		// LoadDictStr reports no errors for a string it was handed.
		_ = s.seg.LoadDictStr(b.String())
	})
}

// word is a word of a segmented text: its rune offsets and its part of
// speech in jieba's tags ("" for a word the dictionary lacks).
type word struct {
	start, end int
	pos        string
}

// words segments text into its words. The slice returned may be shared
// with other calls: callers read it and do not change it.
func (s *segmenter) words(text string) []word {
	s.mu.Lock()
	ws, ok := s.memo[text]
	s.mu.Unlock()
	if ok {
		return ws
	}
	ws = s.cut(text)
	text = strings.Clone(text) // not the sentence it may be cut from
	s.mu.Lock()
	if s.memo == nil || len(s.memo) >= maxWordMemo {
		s.memo = make(map[string][]word)
	}
	s.memo[text] = ws
	s.mu.Unlock()
	return ws
}

// cut segments text with gse. The slice it returns has no room to grow,
// so that a caller's append copies it rather than writing into the memo.
func (s *segmenter) cut(text string) []word {
	s.load()
	var out []word
	at := 0
	for _, w := range s.seg.Cut(text, false) {
		n := runeCount(w)
		_, pos, _ := s.seg.Find(w)
		out = append(out, word{at, at + n, pos})
		at += n
	}
	return slices.Clip(out)
}
