package extract

import (
	"bufio"
	_ "embed"
	"regexp"
	"strings"
	"unicode/utf8"
)

//go:embed data/t2s.tsv
var t2sTable string

// folder folds text to the form the rules match on: ruby pinyin noise
// removed, traditional characters folded to simplified, full-width ASCII
// folded to half-width. It is built once and only read afterwards.
type folder struct {
	t2s map[rune]rune
}

func newFolder() *folder {
	f := &folder{t2s: make(map[rune]rune, 4096)}
	sc := bufio.NewScanner(strings.NewReader(t2sTable))
	for sc.Scan() {
		line := sc.Text()
		if line == "" || line[0] == '#' {
			continue
		}
		from, to, ok := strings.Cut(line, "\t")
		if !ok {
			continue
		}
		a, _ := utf8.DecodeRuneInString(from)
		b, _ := utf8.DecodeRuneInString(to)
		f.t2s[a] = b
	}
	return f
}

// pinyinNoise matches ruby annotations copied along with characters from
// web pages: 推進(jìn)會(huì). At least one tone mark or a known toneless
// syllable shape is required so that (a), (AB) and the like survive.
var pinyinNoise = regexp.MustCompile(`\([a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜńňǹḿ]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿü][a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜńňǹḿ]*\)`)

// folded is a normalised copy of a text that remembers, for each of its
// runes, the rune offset in the original it came from.
type folded struct {
	text string
	orig []int // orig[i] is the original rune offset of rune i of text; len = runes+1
}

// fold returns the normalised copy of s.
func (f *folder) fold(s string) folded {
	drop := pinyinNoise.FindAllStringIndex(s, -1)
	var b strings.Builder
	b.Grow(len(s))
	orig := make([]int, 0, utf8.RuneCountInString(s)+1)
	ri := 0
	for bi, r := range s {
		if len(drop) > 0 && bi >= drop[0][1] {
			drop = drop[1:]
		}
		if len(drop) > 0 && bi >= drop[0][0] && bi < drop[0][1] {
			ri++
			continue
		}
		b.WriteRune(f.foldRune(r))
		orig = append(orig, ri)
		ri++
	}
	orig = append(orig, ri)
	return folded{text: b.String(), orig: orig}
}

// foldRune folds one rune: full-width ASCII and the ideographic space to
// half-width, traditional to simplified.
func (f *folder) foldRune(r rune) rune {
	switch {
	case r >= '！' && r <= '～':
		return r - 0xFEE0
	case r == '\u3000':
		return ' '
	}
	if s, ok := f.t2s[r]; ok {
		return s
	}
	return r
}

// foldString returns just the normalised text of s.
func (f *folder) foldString(s string) string { return f.fold(s).text }

// origSpan maps a span of rune offsets in the folded text to the original.
func (fd folded) origSpan(sp Span) Span {
	if sp.End <= sp.Start {
		return Span{fd.orig[sp.Start], fd.orig[sp.Start]}
	}
	return Span{fd.orig[sp.Start], fd.orig[sp.End-1] + 1}
}
