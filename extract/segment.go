package extract

import (
	_ "embed"
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
type segmenter struct {
	once sync.Once
	seg  gse.Segmenter
}

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

// words segments text into its words.
func (s *segmenter) words(text string) []word {
	s.load()
	var out []word
	at := 0
	for _, w := range s.seg.Cut(text, false) {
		n := runeCount(w)
		_, pos, _ := s.seg.Find(w)
		out = append(out, word{at, at + n, pos})
		at += n
	}
	return out
}
