package extract

import (
	"regexp/syntax"
	"slices"
	"strings"
	"unicode/utf8"
)

// runPattern is a pattern of the shape the rules use to find a name
// between two words, matched without the regular expression's matcher:
//
//	P C{min,max}? S
//
// where P and S are each a choice of a few literals (P may be nothing)
// and C is a character class: 由([^，,。；;由]{2,30}?)(?:负责|牵头|…),
// ([^，,。；;：:（()）]{2,60}?)(?:等)?(?:配合|参与|协助|协同). Go's matcher
// tries such a pattern at every place of the text and, at each, every
// length of the run; a runPattern reads the text once for where S's
// literals stand and where C's run breaks, and then at each place only
// looks those up. The run may be greedy as well as lazy, and may be the
// pattern's one group.
//
// A runPattern finds exactly what the regular expression finds: the
// leftmost match, and at its start the one the matcher prefers, trying
// P's literals in order, then the run's lengths (shortest first when
// lazy, longest first when greedy), then S's literals in order.
type runPattern struct {
	anchored  bool     // the pattern starts with ^
	pre       []string // P's literals in the order they are tried ("" for none)
	preRunes  []int    // the length of each of pre in characters
	class     []rune   // C's ranges lo, hi, sorted
	odd       charSet  // the characters on the smaller side of C: those in it, or those out of it when outside is set
	outside   bool     // odd holds the characters outside C
	preLead   charSet  // the characters P's literals begin with
	preEmpty  bool     // P may be nothing
	min, max  int      // the run's bounds in characters; max -1 when unbounded
	lazy      bool     // the run is as short as it can be
	post      []string // S's literals in the order they are tried
	postLead  charSet  // the characters S's literals begin with
	postEmpty bool     // S may be nothing
	group     bool     // the run is group 1, the pattern's only group
}

// newRunPattern returns the runPattern of the parsed, not simplified,
// regular expression re, or nil when re is not of its shape.
func newRunPattern(re *syntax.Regexp) *runPattern {
	if re.Op != syntax.OpConcat {
		return nil
	}
	rp := &runPattern{}
	subs := re.Sub
	if len(subs) > 0 && subs[0].Op == syntax.OpBeginText {
		rp.anchored, subs = true, subs[1:]
	}
	for i, sub := range subs {
		if !rp.readRun(sub, re.MaxCap()) {
			continue
		}
		pre, ok := orderedLiterals(subs[:i])
		if !ok {
			return nil
		}
		post, ok := orderedLiterals(subs[i+1:])
		if !ok {
			return nil
		}
		rp.pre, rp.post = pre, post
		for _, w := range pre {
			rp.preRunes = append(rp.preRunes, runeCount(w))
			if w == "" {
				rp.preEmpty = true
			} else {
				r, _ := decodeRune(w, 0)
				rp.preLead.add(r)
			}
		}
		for _, w := range post {
			if w == "" {
				rp.postEmpty = true
			} else {
				r, _ := decodeRune(w, 0)
				rp.postLead.add(r)
			}
		}
		if rp.min == 0 && slices.Contains(pre, "") && rp.postEmpty {
			return nil // it could match the empty string
		}
		return rp
	}
	return nil
}

// readRun reports whether re is a run of a character class, the
// pattern's one group or no group, and if so sets rp's run from it.
// maxCap is the number of the pattern's groups.
func (rp *runPattern) readRun(re *syntax.Regexp, maxCap int) bool {
	group := false
	if re.Op == syntax.OpCapture {
		if re.Cap != 1 || maxCap != 1 {
			return false
		}
		group, re = true, re.Sub[0]
	} else if maxCap != 0 {
		return false
	}
	if len(re.Sub) != 1 || re.Sub[0].Op != syntax.OpCharClass {
		return false
	}
	switch re.Op {
	case syntax.OpStar:
		rp.min, rp.max = 0, -1
	case syntax.OpPlus:
		rp.min, rp.max = 1, -1
	case syntax.OpQuest:
		rp.min, rp.max = 0, 1
	case syntax.OpRepeat:
		rp.min, rp.max = re.Min, re.Max
	default:
		return false
	}
	rp.setClass(re.Sub[0].Rune)
	rp.lazy = re.Flags&syntax.NonGreedy != 0
	rp.group = group
	return true
}

// orderedLiterals returns the strings a sequence of parts matches, in the
// order the matcher tries them; ok is false when a part is not a choice
// of a few literals.
func orderedLiterals(parts []*syntax.Regexp) (set []string, ok bool) {
	set = []string{""}
	for _, part := range parts {
		s, ok := orderedSet(part)
		if !ok {
			return nil, false
		}
		if set = product(set, s); set == nil {
			return nil, false
		}
	}
	return set, true
}

// orderedSet returns the strings re matches, in the order the matcher
// tries them, when re is a literal, a small character class, or an
// option, choice or sequence of those. A literal holding U+FFFD, which
// the matcher finds where the text is not valid UTF-8, is not one.
func orderedSet(re *syntax.Regexp) (set []string, ok bool) {
	switch re.Op {
	case syntax.OpLiteral:
		if re.Flags&syntax.FoldCase != 0 || slices.Contains(re.Rune, '\uFFFD') {
			return nil, false
		}
		return []string{string(re.Rune)}, true
	case syntax.OpCharClass:
		// A class's characters are tried at one place, where at most one
		// of them stands: their order does not matter.
		set, ok := exact(re)
		return set, ok && !strings.ContainsRune(strings.Join(set, ""), '\uFFFD')
	case syntax.OpEmptyMatch:
		return []string{""}, true
	case syntax.OpQuest:
		set, ok := orderedSet(re.Sub[0])
		if re.Flags&syntax.NonGreedy != 0 {
			return append([]string{""}, set...), ok
		}
		return append(set, ""), ok
	case syntax.OpAlternate, syntax.OpConcat:
		for _, sub := range re.Sub {
			s, ok := orderedSet(sub)
			if !ok {
				return nil, false
			}
			if re.Op == syntax.OpAlternate {
				set = append(set, s...)
			} else if set = product(set, s); set == nil {
				return nil, false
			}
		}
		return set, len(set) <= maxNeed
	}
	return nil, false
}

// setClass sets the run's class to the ranges lo, hi of class, with the
// bitmap of the characters on its smaller side.
func (rp *runPattern) setClass(class []rune) {
	rp.class = class
	n := 0 // the characters in the class
	for i := 0; i+1 < len(class); i += 2 {
		n += int(class[i+1]-class[i]) + 1
	}
	side := class
	if rp.outside = n > utf8.MaxRune/2; rp.outside {
		side = outsideRanges(class)
	}
	for i := 0; i+1 < len(side); i += 2 {
		rp.odd.addRange(side[i], side[i+1])
	}
}

// outsideRanges returns the ranges lo, hi of the characters outside the
// sorted ranges class.
func outsideRanges(class []rune) []rune {
	var out []rune
	next := rune(0)
	for i := 0; i+1 < len(class); i += 2 {
		if class[i] > next {
			out = append(out, next, class[i]-1)
		}
		next = class[i+1] + 1
	}
	if next <= utf8.MaxRune {
		out = append(out, next, utf8.MaxRune)
	}
	return out
}

// inClass reports whether r is in the run's class. The bitmap settles
// most characters: those it does not hold are on the larger side.
func (rp *runPattern) inClass(r rune) bool {
	if !rp.odd.has(r) {
		return rp.outside
	}
	return inRanges(rp.class, r)
}

// postHit is a place where one of S's literals stands: its character
// and byte offsets, and the first literal, in the order they are tried,
// that stands there.
type postHit struct{ at, byteAt, post int }

// runText is a text read once for a runPattern: where S's literals stand,
// and, when a run may start at every place, the characters outside C, by
// character offset.
type runText struct {
	hits   []postHit
	breaks []int
	n      int // the text's length in characters
}

// runsFromStart reports whether the run starts where the match does (P
// is nothing), so that a run may start at every place of the text.
func (rp *runPattern) runsFromStart() bool { return len(rp.pre) == 1 && rp.preEmpty }

// read reads s for rp.
func (rp *runPattern) read(s string) runText {
	var t runText
	k := 0
	for i := 0; i < len(s); k++ {
		r, size := decodeRune(s, i)
		if rp.postEmpty || rp.postLead.has(r) {
			t.hit(rp, s, i, k)
		}
		if rp.runsFromStart() && !rp.inClass(r) {
			t.breaks = append(t.breaks, k)
		}
		i += size
	}
	if rp.postEmpty {
		t.hit(rp, s, len(s), k)
	}
	t.n = k
	return t
}

// hit records the first literal of S, if any, standing at byte offset i,
// character offset k, of s.
func (t *runText) hit(rp *runPattern, s string, i, k int) {
	for p, w := range rp.post {
		if strings.HasPrefix(s[i:], w) {
			t.hits = append(t.hits, postHit{k, i, p})
			return
		}
	}
}

// matchAt returns the match that starts at byte offset i, character
// offset k, of s, read as t, or nil.
func (rp *runPattern) matchAt(s string, t *runText, i, k int) []int {
	for p, w := range rp.pre {
		if !strings.HasPrefix(s[i:], w) {
			continue
		}
		q := k + rp.preRunes[p] // where the run starts
		if m := rp.runTo(t, i, i+len(w), q, q+rp.runLength(s[i+len(w):])); m != nil {
			return m
		}
	}
	return nil
}

// runLength returns how many characters of the class s begins with, up
// to the most the run may hold.
func (rp *runPattern) runLength(s string) int {
	n := 0
	for i := 0; i < len(s) && (rp.max < 0 || n < rp.max); n++ {
		r, size := decodeRune(s, i)
		if !rp.inClass(r) {
			break
		}
		i += size
	}
	return n
}

// runTo returns the match that starts at byte offset i and whose run
// starts at byte offset qb, character offset q, and may go on to the
// character offset end, or nil.
func (rp *runPattern) runTo(t *runText, i, qb, q, end int) []int {
	hi := end
	if rp.max >= 0 {
		hi = min(hi, q+rp.max)
	}
	h, ok := t.hitIn(q+rp.min, hi, rp.lazy)
	if !ok {
		return nil
	}
	m := []int{i, h.byteAt + len(rp.post[h.post])}
	if rp.group {
		m = append(m, qb, h.byteAt)
	}
	return m
}

// breakAt returns the character offset of the b-th character outside the
// class, or the text's length when there is none.
func (t *runText) breakAt(b int) int {
	if b < len(t.breaks) {
		return t.breaks[b]
	}
	return t.n
}

// hitIn returns the first hit at a character offset from lo to hi when
// first is set, else the last.
func (t *runText) hitIn(lo, hi int, first bool) (postHit, bool) {
	if lo > hi {
		return postHit{}, false
	}
	h, _ := slices.BinarySearchFunc(t.hits, lo, func(h postHit, at int) int { return h.at - at })
	if !first {
		end, _ := slices.BinarySearchFunc(t.hits, hi+1, func(h postHit, at int) int { return h.at - at })
		h = end - 1
	}
	if h < 0 || h >= len(t.hits) || t.hits[h].at < lo || t.hits[h].at > hi {
		return postHit{}, false
	}
	return t.hits[h], true
}

// matches returns up to n matches of s (all when n < 0), leftmost
// first, as FindAllStringSubmatchIndex returns them: a match's start and
// end, and the run's when it is the pattern's group.
func (rp *runPattern) matches(s string, n int) [][]int {
	t := rp.read(s)
	if len(t.hits) == 0 {
		return nil
	}
	var out [][]int
	h, b := 0, 0 // the first hit and break that a run from here may reach
	for i, k := 0, 0; i < len(s) && (n < 0 || len(out) < n); {
		for h < len(t.hits) && t.hits[h].at < k+rp.min {
			h++
		}
		if h == len(t.hits) {
			break // no run from here or later reaches a literal of S
		}
		var m []int
		switch r, _ := decodeRune(s, i); {
		case rp.runsFromStart():
			// The run starts here, and only a hit it reaches will do.
			for b < len(t.breaks) && t.breaks[b] < k {
				b++
			}
			if end := t.breakAt(b); t.hits[h].at <= end && (rp.max < 0 || t.hits[h].at <= k+rp.max) {
				m = rp.runTo(&t, i, i, k, end)
			}
		case rp.preEmpty || rp.preLead.has(r):
			m = rp.matchAt(s, &t, i, k)
		}
		if m != nil {
			out = append(out, m)
		}
		if rp.anchored {
			break
		}
		// The next match starts where this one ends: matches are never
		// empty.
		next := i + 1
		if m != nil {
			next = m[1]
		}
		for i < next {
			_, size := decodeRune(s, i)
			i += size
			k++
		}
	}
	return out
}
