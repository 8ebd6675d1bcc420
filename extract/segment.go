package extract

import (
	_ "embed"
	"math"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"
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

// segmenter finds word boundaries, and the words' parts of speech, as gse
// does (Cut without HMM) over a trimmed dictionary (the 52,000 most
// frequent words of gse's own, with jieba's tags), loaded on first use so
// that a run which never needs a boundary never pays for it.
//
// The segmenter reads the dictionary and cuts with a table of its own.
// gse's loading also built a trie, a hidden Markov model and each word's
// parts for search, which a cut without HMM does not use, and cost as much
// as extracting a short speech; its Cut looked each candidate word up in
// the trie through a string and a byte slice made for the purpose, kept
// its graph of candidates and its routes in maps, and handed back strings
// that were looked up once more for their part of speech. The table is
// looked up with substrings of the text, routes are kept in a slice, and
// each word takes its part of speech from the route that chose it.
// TestDictAsGse checks that the table holds what gse loads, and
// TestWordsAsGse that both cut alike.
type segmenter struct {
	once     sync.Once
	dict     map[string]dictEntry
	logTotal float64 // log of the dictionary's total frequency
}

// dictEntry is what the dictionary holds for a string: a word, with its
// frequency and part of speech, or only the start of longer words.
type dictEntry struct {
	freq    float64
	logFreq float64 // math.Log(freq): -Inf for the start of a word only
	pos     string
	word    bool // a word of the dictionary
	inner   bool // the start of a longer word
}

// dictLines returns the lines of the dictionary: data/words.txt's, then
// a line for each organ name.
func dictLines() []string {
	var lines []string
	for _, line := range strings.Split(wordsTable, "\n") {
		if line != "" && line[0] != '#' {
			lines = append(lines, line)
		}
	}
	// Organ names are words of their own: 发改委, not 发/改/委.
	for _, name := range organNames() {
		lines = append(lines, name+" 1000 nt")
	}
	return lines
}

func (s *segmenter) load() {
	s.once.Do(func() {
		lines := dictLines()
		s.dict = make(map[string]dictEntry, 2*len(lines))
		total := 0.0
		for _, line := range lines {
			text, freq, pos, ok := dictLine(line)
			if !ok || s.dict[text].word {
				continue // of two lines for a word, the first counts
			}
			s.add(text, freq, pos)
			total += freq
		}
		s.logTotal = math.Log(total)
	})
}

// dictLine reads a line of the dictionary as gse's LoadDictStr does: a
// word, its frequency (a word of one character counts 2) and its part of
// speech, separated by spaces, the word's ASCII capitals lowered; ok is
// false for a line gse skips, whose frequency is missing, no number or
// under 2.
func dictLine(line string) (text string, freq float64, pos string, ok bool) {
	text, rest, ok := strings.Cut(line, " ")
	if !ok {
		return "", 0, "", false
	}
	freqText, rest, _ := strings.Cut(rest, " ")
	freq, err := strconv.ParseFloat(strings.TrimSpace(freqText), 64)
	if err != nil || freq < 2 {
		return "", 0, "", false
	}
	text = strings.TrimSpace(text)
	if runeCount(text) < 2 {
		freq = 2
	}
	pos, _, _ = strings.Cut(rest, " ")
	return asciiLower(text), freq, strings.TrimSpace(pos), true
}

// asciiLower returns s with its ASCII capitals lowered.
func asciiLower(s string) string {
	b := []byte(nil)
	for i := 0; i < len(s); i++ {
		if c := s[i]; 'A' <= c && c <= 'Z' {
			if b == nil {
				b = []byte(s)
			}
			b[i] = c - 'A' + 'a'
		}
	}
	if b == nil {
		return s
	}
	return string(b)
}

// add puts a word into the table, and marks each start of it as one.
func (s *segmenter) add(text string, freq float64, pos string) {
	e := s.dict[text]
	s.dict[text] = dictEntry{freq: freq, logFreq: math.Log(freq), pos: pos, word: true, inner: e.inner}
	for j := range text {
		if j > 0 {
			e, ok := s.dict[text[:j]]
			if !ok {
				e.logFreq = math.Inf(-1)
			}
			e.inner = true
			s.dict[text[:j]] = e
		}
	}
}

// find looks w up as gse's Dictionary.Find does: what the dictionary
// holds for a word or the start of one, and whether it holds anything.
// A string it lacks has logFreq 0, as gse takes the log of frequency 1.
func (s *segmenter) find(w string) (dictEntry, bool) {
	e, ok := s.dict[w]
	if !ok && strings.HasSuffix(w, "\x00") {
		// The trie keeps the value of a word that starts longer ones
		// under a NUL label, and so finds that word followed by a NUL.
		if e, ok = s.dict[w[:len(w)-1]]; !ok || !e.word || !e.inner {
			return dictEntry{}, false
		}
	}
	return e, ok
}

// word is a word of a segmented text: its rune offsets and its part of
// speech in jieba's tags ("" for a word the dictionary lacks).
type word struct {
	start, end int
	pos        string
}

// route is the best cut of a text's tail from one rune on: the log
// probability of its words and where its first word ends.
type route struct {
	freq float64
	end  int    // the first word is runes [from, end)
	pos  string // the first word's part of speech
}

// words segments text into its words, as gse's Cut(text, false) does:
// the dictionary's words along the most probable route, each letter or
// digit of a run of them taken together.
func (s *segmenter) words(text string) []word {
	s.load()
	if text == "" {
		return nil
	}
	text = strings.ToLower(text)
	if !utf8.ValidString(text) {
		text = string([]rune(text)) // as gse reads it, rune by rune
	}
	// A clause's offsets and routes fit on the stack.
	var offs [64]int
	var routesBuf [64]route
	off := offs[:0] // the byte offset of each rune, and the end
	for i := range text {
		off = append(off, i)
	}
	n := len(off)
	off = append(off, len(text))
	routes := routesBuf[:0]
	if n+1 > len(routesBuf) {
		routes = make([]route, n+1)
	}
	routes = routes[:n+1]
	s.routes(text, off, routes)
	out := make([]word, 0, s.cut(text, off, routes, nil))
	s.cut(text, off, routes, func(w word) { out = append(out, w) })
	return out
}

// cut follows the routes from the start of text, handing each word to
// use when not nil, and returns how many words there are.
func (s *segmenter) cut(text string, off []int, routes []route, use func(word)) int {
	count := 0
	emit := func(w word) {
		count++
		if use != nil {
			use(w)
		}
	}
	n := len(off) - 1
	alnum := -1 // where a run of single letters and digits starts
	for x := 0; x < n; {
		y := routes[x].end
		if y-x == 1 && isASCIIAlnum(rune(text[off[x]])) {
			if alnum < 0 {
				alnum = x
			}
			x = y
			continue
		}
		if alnum >= 0 {
			emit(s.run(text, off, alnum, x))
			alnum = -1
		}
		emit(word{x, y, routes[x].pos})
		x = y
	}
	if alnum >= 0 {
		emit(s.run(text, off, alnum, n))
	}
	return count
}

// run returns the word of the run of letters and digits from rune from
// to rune to.
func (s *segmenter) run(text string, off []int, from, to int) word {
	return word{from, to, s.dict[text[off[from]:off[to]]].pos}
}

// routes finds the best route from each rune of text on (its byte offsets
// in off), as gse's calc does: the candidates at a rune are the words of
// positive frequency it starts, found while the text read so far starts
// some word, or the rune alone; a route's log probability adds that of its
// first word to the best route after it, and of two equal routes the one
// whose first word is longer wins.
func (s *segmenter) routes(text string, off []int, routes []route) {
	n := len(off) - 1
	routes[n] = route{}
	for from := n - 1; from >= 0; from-- {
		have := false
		take := func(end int, e dictEntry) {
			r := route{freq: e.logFreq - s.logTotal + routes[end].freq, end: end, pos: e.pos}
			if !have || routes[from].freq < r.freq || routes[from].freq == r.freq && routes[from].end < r.end {
				routes[from] = r
				have = true
			}
		}
		for end := from + 1; end <= n; end++ {
			e, ok := s.find(text[off[from]:off[end]])
			if !ok {
				break
			}
			if e.freq > 0 {
				take(end, e)
			}
		}
		if !have {
			e, _ := s.find(text[off[from]:off[from+1]])
			take(from+1, e)
		}
	}
}
