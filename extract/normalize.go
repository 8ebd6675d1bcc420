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

// fold returns the normalised copy of s. Blanks inside Chinese text
// (`2 年内`, `A1 站`, left by PDF and Word conversion) are dropped; a blank
// between two Latin letters or digits is kept.
func (f *folder) fold(s string) folded {
	drop := pinyinNoise.FindAllStringIndex(s, -1)
	rs := []rune(s)
	var b strings.Builder
	b.Grow(len(s))
	orig := make([]int, 0, len(rs)+1)
	var last rune // the last rune written
	bi := 0
	for ri, r := range rs {
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
			next := nextKept(rs[ri+1:])
			if !(isASCIIAlnum(last) && isASCIIAlnum(next)) {
				continue
			}
		}
		b.WriteRune(fr)
		orig = append(orig, ri)
		last = fr
	}
	orig = append(orig, len(rs))
	return folded{text: b.String(), orig: orig}
}

// nextKept returns the first rune of rs that is not a blank, folded enough
// to compare: full-width ASCII counts as ASCII.
func nextKept(rs []rune) rune {
	for _, r := range rs {
		if r == ' ' || r == '\t' || r == '\u3000' {
			continue
		}
		if r >= '！' && r <= '～' {
			return r - 0xFEE0
		}
		return r
	}
	return 0
}

func isASCIIAlnum(r rune) bool {
	return r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
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
