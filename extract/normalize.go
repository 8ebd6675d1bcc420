package extract

import (
	"bufio"
	_ "embed"
	"iter"
	"slices"
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
	// cjk maps the characters from cjkLow to cjkHigh, where nearly all
	// traditional characters lie, by index: cjk[r-cjkLow] is r's simplified
	// form, or 0 when r has none. Indexing is much cheaper than the map
	// lookup, which remains for the few characters outside the range.
	cjk []rune
	// folds has bit r-cjkLow set when cjk holds a form for r. Most
	// characters fold to themselves, and the bitmap, a small fraction of
	// cjk's size, stays in the cache that cjk's lookups kept missing.
	folds []uint64
	// pian holds, as text, each character that folds to 篇, which every
	// speech heading holds: looking for them in a line is much cheaper
	// than folding it.
	pian []string
}

// The range of characters folder.cjk covers: CJK Extension A and the
// unified ideographs.
const (
	cjkLow  = 0x3400
	cjkHigh = 0x9FFF
)

func newFolder() *folder {
	f := &folder{t2s: make(map[rune]rune, 4096), cjk: make([]rune, cjkHigh-cjkLow+1), folds: make([]uint64, (cjkHigh-cjkLow)/64+1)}
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
		if a >= cjkLow && a <= cjkHigh {
			f.cjk[a-cjkLow] = b
			if b != 0 {
				f.folds[(a-cjkLow)/64] |= 1 << ((a - cjkLow) % 64)
			}
		}
	}
	f.pian = f.foldsTo('篇')
	return f
}

// foldsTo returns, as text, the characters that fold to the ideograph r:
// r itself unless it is folded to another, and those the table folds to
// it. No other character folds to an ideograph.
func (f *folder) foldsTo(r rune) []string {
	var out []string
	if f.foldRune(r) == r {
		out = append(out, string(r))
	}
	for a, b := range f.t2s {
		if b == r && a != r {
			out = append(out, string(a))
		}
	}
	slices.Sort(out)
	return out
}

// Ruby annotations copied along with characters from web pages, such as
// 推進(jìn)會(huì), are dropped. An annotation is a half-width parenthesis
// holding Latin letters with at least one tone mark or ü, which keeps (a),
// (AB) and the like; as a pattern:
//
//	\([a-zA-Z{pinyinMarked}]*[{pinyinMarked}][a-zA-Z{pinyinMarked}]*\)
//
// pinyinSpans finds them without a regular expression, which on long
// paragraphs cost more than the rest of folding.
const pinyinMarked = "āáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜńňǹḿ"

// pinyinSpans returns the byte ranges of the ruby annotations in s,
// leftmost first, as FindAllStringIndex would for the pattern above.
func pinyinSpans(s string) [][2]int {
	var out [][2]int
	for i := 0; i < len(s); {
		k := strings.IndexByte(s[i:], '(')
		if k < 0 {
			break
		}
		start := i + k
		j, marked := start+1, false
		for j < len(s) {
			r, size := utf8.DecodeRuneInString(s[j:])
			if r < utf8.RuneSelf {
				if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') {
					break
				}
			} else if strings.ContainsRune(pinyinMarked, r) && r != utf8.RuneError {
				marked = true
			} else {
				break
			}
			j += size
		}
		if marked && j < len(s) && s[j] == ')' {
			out = append(out, [2]int{start, j + 1})
			i = j + 1
			continue
		}
		i = start + 1
	}
	return out
}

// folded is a normalised copy of a text that remembers, for each of its
// runes, the rune offset in the original it came from. The offsets are
// kept as int32, half the memory of int: every paragraph and sentence
// holds one for each character, and no line runs to 2³¹ characters.
type folded struct {
	text  string
	orig  []int32 // orig[i] is the original rune offset of rune i of text; len = runes+1
	valid bool    // whether the original is valid UTF-8
}

// fold returns the normalised copy of s. Blanks inside Chinese text
// (`2 年内`, `A1 站`, left by PDF and Word conversion) are dropped; a blank
// between two Latin letters or digits is kept.
func (f *folder) fold(s string) folded {
	orig := make([]int32, 0, leadBytes(s)+1)
	text, orig, valid := f.foldInto(s, orig)
	return folded{text: text, orig: orig, valid: valid}
}

// leadBytes returns the number of bytes of s that do not continue a
// character: its rune count when s is valid UTF-8, found without decoding
// it, and otherwise a little less, which as a capacity costs only an
// append's growing.
func leadBytes(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i]&0xC0 != 0x80 {
			n++
		}
	}
	return n
}

// foldInto folds s, appending to orig, when it is not nil, the original
// rune offset of each rune of the result and then the rune count of s. It
// reports whether s is valid UTF-8, which it learns in reading s.
func (f *folder) foldInto(s string, orig []int32) (string, []int32, bool) {
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
	valid := true
	// s[from:i] holds the runes last read that are kept as written: they
	// are copied at once, when a rune is dropped or changed or s ends.
	from := 0
	for i := 0; i < len(s); ri++ {
		if len(drop) == 0 && i+2 < len(s) {
			// Most characters are ideographs that fold to themselves,
			// kept as written: read in place, without decodeRune and
			// foldRune's cases, they do what the steps below would do.
			if r, ok := f.keptIdeograph(s[i], s[i+1], s[i+2]); ok {
				i += 3
				if keep {
					orig = append(orig, int32(ri))
				}
				last = r
				continue
			}
		}
		r, size := decodeRune(s, i)
		if r == utf8.RuneError && size == 1 {
			valid = false
		}
		i += size
		if len(drop) > 0 && inAnnotation(&drop, &bi, r) {
			b.WriteString(s[from : i-size])
			from = i
			continue
		}
		fr := f.foldRune(r)
		if fr == ' ' || fr == '\t' {
			next := nextKept(s[i:])
			if !(isASCIIAlnum(last) && isASCIIAlnum(next)) {
				b.WriteString(s[from : i-size])
				from = i
				continue
			}
		}
		// Most characters fold to themselves, and one read from more than
		// one byte, or an ASCII one, was valid: its bytes are its encoding
		// and stay in s[from:i]. Any other is written as folded.
		if fr != r || size == 1 && r >= utf8.RuneSelf {
			b.WriteString(s[from : i-size])
			b.WriteRune(fr)
			from = i
		}
		if keep {
			orig = append(orig, int32(ri))
		}
		last = fr
	}
	b.WriteString(s[from:])
	if keep {
		orig = append(orig, int32(ri))
	}
	return b.String(), orig, valid
}

// keptIdeograph reports whether the bytes a, b, c encode an ideograph of
// folder.cjk's range that folds to itself, and returns it. Such a
// character is valid UTF-8 (the range holds no surrogate and no
// character of fewer bytes), and no blank.
func (f *folder) keptIdeograph(a, b, c byte) (rune, bool) {
	if a&0xF0 != 0xE0 || b&0xC0 != 0x80 || c&0xC0 != 0x80 {
		return 0, false
	}
	r := rune(a&0x0F)<<12 | rune(b&0x3F)<<6 | rune(c&0x3F)
	if r < cjkLow || r > cjkHigh {
		return 0, false
	}
	d := uint(r - cjkLow)
	return r, f.folds[d/64]>>(d%64)&1 == 0
}

// inAnnotation reports whether the rune r, read at offset *bi as foldInto
// counts them, lies in the first of the ruby annotations *drop (byte
// ranges leftmost first), dropping those it has passed and advancing *bi
// past r: by the encoded length of each rune as []rune yields it, so that
// offsets match the pattern's even in invalid UTF-8. bi is needed only
// while an annotation lies ahead.
func inAnnotation(drop *[][2]int, bi *int, r rune) bool {
	at := *bi
	*bi += utf8.RuneLen(r)
	for len(*drop) > 0 && at >= (*drop)[0][1] {
		*drop = (*drop)[1:]
	}
	return len(*drop) > 0 && at >= (*drop)[0][0]
}

// foldedRunes yields the runes of the fold of s that are letters or
// digits (isWordRune), in order, as ranging over foldString(s) and
// keeping those would, without writing the fold: the blanks folding
// drops are no letters, and each other rune folds alone.
func (f *folder) foldedRunes(s string) iter.Seq[rune] {
	return func(yield func(rune) bool) {
		var drop [][2]int
		if strings.IndexByte(s, '(') >= 0 {
			drop = pinyinSpans(s)
		}
		bi := 0
		for i := 0; i < len(s); {
			if len(drop) == 0 && i+2 < len(s) {
				if r, ok := f.keptIdeograph(s[i], s[i+1], s[i+2]); ok {
					i += 3
					if isWordRune(r) && !yield(r) {
						return
					}
					continue
				}
			}
			r, size := decodeRune(s, i)
			i += size
			if len(drop) > 0 && inAnnotation(&drop, &bi, r) {
				continue
			}
			if fr := f.foldRune(r); isWordRune(fr) && !yield(fr) {
				return
			}
		}
	}
}

// nextKept returns the first rune of s that is not a blank, folded enough
// to compare: full-width ASCII counts as ASCII.
func nextKept(s string) rune {
	for _, r := range s {
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
	if r >= cjkLow && r <= cjkHigh {
		if d := uint(r - cjkLow); f.folds[d/64]>>(d%64)&1 != 0 {
			return f.cjk[d]
		}
		return r
	}
	if r < 0x80 {
		return r
	}
	if s, ok := f.t2s[r]; ok {
		return s
	}
	return r
}

// holdsPian reports whether the fold of s holds 篇, without folding s:
// folding maps character to character and only drops blanks and Latin
// letters and parentheses, so the fold holds 篇 when s holds a character
// that folds to it.
func (f *folder) holdsPian(s string) bool {
	for _, w := range f.pian {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// foldString returns just the normalised text of s.
func (f *folder) foldString(s string) string {
	text, _, _ := f.foldInto(s, nil)
	return text
}

// origSpan maps a span of rune offsets in the folded text to the original.
func (fd folded) origSpan(sp Span) Span {
	if sp.End <= sp.Start {
		o := int(fd.orig[sp.Start])
		return Span{o, o}
	}
	return Span{int(fd.orig[sp.Start]), int(fd.orig[sp.End-1]) + 1}
}

// decodeRune is utf8.DecodeRuneInString(s[i:]), faster on the three-byte
// characters Chinese text is made of, which the library decodes out of
// line. A three-byte sequence that does not encode a character (an
// overlong form, a surrogate) is left to the library.
func decodeRune(s string, i int) (rune, int) {
	if i+2 < len(s) && s[i]&0xF0 == 0xE0 && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 {
		r := rune(s[i]&0x0F)<<12 | rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F)
		if r >= 0x800 && r&0xF800 != 0xD800 {
			return r, 3
		}
	}
	return utf8.DecodeRuneInString(s[i:])
}
