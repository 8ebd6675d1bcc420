package extract

import (
	"regexp"
	"regexp/syntax"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"
)

// pattern is a regular expression with cheap tests in front of it, for
// the rules' patterns that run on every sentence. Go's matcher pays for
// the whole input on each call, even when the pattern is anchored and can
// only ever look at its first few characters, and most sentences fail at
// the first character. A pattern derives from its own syntax, once:
//
//   - the characters a match can begin with: when the pattern is anchored
//     at the start of the text, a text whose first character is not one of
//     them cannot match; when it is not anchored, a text holding none of
//     them cannot;
//   - for an anchored pattern, the longest a match can be, in characters,
//     and one more when the pattern looks at what follows a position (a
//     $): the matcher is handed only that much of the text, which cannot
//     change the outcome since the pattern never looks further;
//   - a few literals one of which every match holds (是 for 主题是, 了 or
//     已经 or … for a report of the past): a text holding none of them
//     cannot match. Searching a short text for a literal is much cheaper
//     than running the matcher over it. When the pattern is nothing but a
//     choice of literals (是|在于|只有), finding one is finding a match.
//
// A pattern is compiled, and its tests derived, on its first use: the
// package's patterns cost start-up several milliseconds, and a run that
// extracts nothing never needs them.
//
// Each method returns exactly what the same method of regexp.Regexp
// returns.
type pattern struct {
	expr string
	once sync.Once
	c    *compiledPattern // set once by compile; read through compiled
}

// compiledPattern is a pattern compiled, with its tests.
type compiledPattern struct {
	re       *regexp.Regexp
	anchored bool        // the pattern starts with ^ (or \A)
	first    []rune      // sorted ranges lo, hi of the characters a match begins with; nil when unknown
	firstSet charSet     // first's characters, by their low 12 bits: a character outside it is not in first
	window   int         // the characters an anchored match looks at, or -1 when unbounded
	need     *literals   // a match holds one of these; nil when unknown
	literal  bool        // an unanchored pattern whose matches are need's literals
	run      *runPattern // the pattern as a run between literals, when it is one
	prefixes *literals   // an anchored pattern's matches, when they are a few literals
}

// allPatterns holds every pattern mustPattern and mustRegexp have made,
// for the tests that compile them all and compare them with their regular
// expressions.
var allPatterns []*pattern

// mustPattern returns the pattern of expr, to be compiled like
// regexp.MustCompile on its first use. It records the pattern in
// allPatterns without locking, so it is for package-level variables.
func mustPattern(expr string) *pattern {
	p := &pattern{expr: expr}
	allPatterns = append(allPatterns, p)
	return p
}

// mustRegexp is mustPattern for the rules that use their pattern as a
// call, name().Method: it returns a function that returns the pattern of
// expr. Such rules once held a bare regular expression, which paid for
// every sentence in full; as patterns they get the cheap tests too.
func mustRegexp(expr string) func() *pattern {
	p := mustPattern(expr)
	return func() *pattern { return p }
}

// compiled returns p compiled, compiling it on the first call.
func (p *pattern) compiled() *compiledPattern {
	p.once.Do(p.compile)
	return p.c
}

// compile compiles p.expr, panicking when it is not valid, and derives its
// tests.
func (p *pattern) compile() {
	c := &compiledPattern{re: regexp.MustCompile(p.expr), window: -1}
	re, err := syntax.Parse(p.expr, syntax.Perl)
	if err != nil {
		panic(err)
	}
	c.run = newRunPattern(re)
	re = re.Simplify()
	body := re
	if re.Op == syntax.OpConcat && len(re.Sub) > 0 && re.Sub[0].Op == syntax.OpBeginText {
		c.anchored = true
		body = &syntax.Regexp{Op: syntax.OpConcat, Sub: re.Sub[1:]}
	}
	if set, nullable, ok := firstRunes(body); ok && !nullable {
		c.first = mergeRanges(set)
		for i := 0; i+1 < len(c.first); i += 2 {
			c.firstSet.addRange(c.first[i], c.first[i+1])
		}
	}
	if n := maxRunes(body); c.anchored && n >= 0 {
		if hasAssertion(body) {
			// An assertion at the end of the longest match looks at one
			// character more; one before it, at no character before the
			// start.
			n++
		}
		c.window = n
	}
	if need, ok := required(body); ok && len(need) > 0 {
		c.need = newLiterals(need)
		set, ok := exact(body)
		c.literal = !c.anchored && ok && !slices.Contains(set, "")
	}
	if set, ok := orderedSet(body); c.anchored && ok && !slices.Contains(set, "") {
		c.prefixes = newLiterals(set)
	}
	p.c = c
}

// Bounds on the literal sets required derives: a character class of more
// characters than maxClassRunes, or a set of more literals than
// maxNeed, is not worth testing for.
const (
	maxClassRunes = 10
	maxNeed       = 256
)

// required returns literals one of which every match of re holds; ok is
// false when there is no such set within the bounds.
func required(re *syntax.Regexp) (need []string, ok bool) {
	switch re.Op {
	case syntax.OpLiteral, syntax.OpCharClass:
		set, ok := exact(re)
		return set, ok && !slices.Contains(set, "")
	case syntax.OpCapture, syntax.OpPlus:
		return required(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min == 0 {
			return nil, false
		}
		return required(re.Sub[0])
	case syntax.OpAlternate:
		for _, sub := range re.Sub {
			set, ok := required(sub)
			if !ok {
				return nil, false
			}
			need = append(need, set...)
		}
		need = minimal(need)
		return need, len(need) <= maxNeed
	case syntax.OpConcat:
		// The best of: the set required by one part, and the strings a
		// run of parts with few exact forms spells (要[好高] gives 要好
		// and 要高, each better than 要 alone).
		consider := func(set []string) {
			set = minimal(set)
			if len(set) == 0 || slices.Contains(set, "") || len(set) > maxNeed {
				return
			}
			if !ok || better(set, need) {
				need, ok = set, true
			}
		}
		for i, sub := range re.Sub {
			if set, ok := required(sub); ok {
				consider(set)
			}
			var run []string
			for _, next := range re.Sub[i:] {
				set, ok := exact(next)
				if !ok {
					break
				}
				if run = product(run, set); run == nil {
					break
				}
				consider(run)
			}
		}
		return need, ok
	}
	return nil, false
}

// exact returns the strings re matches when they are few: a literal, a
// small character class, and alternations, concatenations and options of
// those.
func exact(re *syntax.Regexp) (set []string, ok bool) {
	switch re.Op {
	case syntax.OpLiteral:
		if re.Flags&syntax.FoldCase != 0 {
			return nil, false
		}
		return []string{string(re.Rune)}, true
	case syntax.OpCharClass:
		n := 0
		for i := 0; i+1 < len(re.Rune); i += 2 {
			n += int(re.Rune[i+1]-re.Rune[i]) + 1
			if n > maxClassRunes {
				return nil, false
			}
		}
		for i := 0; i+1 < len(re.Rune); i += 2 {
			for r := re.Rune[i]; r <= re.Rune[i+1]; r++ {
				set = append(set, string(r))
			}
		}
		return set, true
	case syntax.OpEmptyMatch:
		return []string{""}, true
	case syntax.OpCapture:
		return exact(re.Sub[0])
	case syntax.OpQuest:
		set, ok := exact(re.Sub[0])
		return append(set, ""), ok
	case syntax.OpAlternate:
		for _, sub := range re.Sub {
			s, ok := exact(sub)
			if !ok {
				return nil, false
			}
			set = append(set, s...)
		}
		return set, len(set) <= maxNeed
	case syntax.OpConcat:
		set = []string{""}
		for _, sub := range re.Sub {
			s, ok := exact(sub)
			if !ok {
				return nil, false
			}
			if set = product(set, s); set == nil {
				return nil, false
			}
		}
		return set, true
	}
	return nil, false
}

// product returns every string of a followed by one of b (b when a is
// nil), or nil when there would be more than maxNeed.
func product(a, b []string) []string {
	if a == nil {
		return slices.Clone(b)
	}
	if len(a)*len(b) > maxNeed {
		return nil
	}
	out := make([]string, 0, len(a)*len(b))
	for _, x := range a {
		for _, y := range b {
			out = append(out, x+y)
		}
	}
	return out
}

// minimal drops from set the strings that hold another of its strings: a
// text holding 比如 holds 如, so testing for 如 is enough.
func minimal(set []string) []string {
	var out []string
	for i, s := range set {
		redundant := false
		for j, t := range set {
			if j != i && strings.Contains(s, t) && (s != t || j < i) {
				redundant = true
				break
			}
		}
		if !redundant {
			out = append(out, s)
		}
	}
	return out
}

// better reports whether the required set a is a better test than b: its
// shortest literal is longer, or as long and it has fewer literals.
func better(a, b []string) bool {
	la, lb := shortest(a), shortest(b)
	return la > lb || la == lb && len(a) < len(b)
}

// shortest returns the length in bytes of the shortest string of set.
func shortest(set []string) int {
	n := -1
	for _, s := range set {
		if n < 0 || len(s) < n {
			n = len(s)
		}
	}
	return n
}

// firstRunes returns the ranges of the characters a match of re can begin
// with and whether re can match the empty string; ok is false when the
// set is not known.
func firstRunes(re *syntax.Regexp) (set []rune, nullable, ok bool) {
	switch re.Op {
	case syntax.OpLiteral:
		if len(re.Rune) == 0 {
			return nil, true, true
		}
		if re.Flags&syntax.FoldCase != 0 {
			return nil, false, false
		}
		return []rune{re.Rune[0], re.Rune[0]}, false, true
	case syntax.OpCharClass:
		return slices.Clone(re.Rune), false, true
	case syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText,
		syntax.OpEndText, syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return nil, true, true
	case syntax.OpCapture:
		return firstRunes(re.Sub[0])
	case syntax.OpStar, syntax.OpQuest:
		set, _, ok := firstRunes(re.Sub[0])
		return set, true, ok
	case syntax.OpPlus:
		return firstRunes(re.Sub[0])
	case syntax.OpRepeat:
		set, nullable, ok := firstRunes(re.Sub[0])
		return set, nullable || re.Min == 0, ok
	case syntax.OpConcat:
		nullable = true
		for _, sub := range re.Sub {
			s, n, ok := firstRunes(sub)
			if !ok {
				return nil, false, false
			}
			set = append(set, s...)
			if !n {
				nullable = false
				break
			}
		}
		return set, nullable, true
	case syntax.OpAlternate:
		for _, sub := range re.Sub {
			s, n, ok := firstRunes(sub)
			if !ok {
				return nil, false, false
			}
			set = append(set, s...)
			nullable = nullable || n
		}
		return set, nullable, true
	}
	return nil, false, false // any character: no test
}

// hasAssertion reports whether re looks at the text around a position
// ($, \b, a line anchor, a later ^).
func hasAssertion(re *syntax.Regexp) bool {
	switch re.Op {
	case syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText, syntax.OpEndText,
		syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return true
	}
	for _, sub := range re.Sub {
		if hasAssertion(sub) {
			return true
		}
	}
	return false
}

// maxRunes returns the most characters a match of re can span, or -1 when
// there is no bound.
func maxRunes(re *syntax.Regexp) int {
	switch re.Op {
	case syntax.OpLiteral:
		return len(re.Rune)
	case syntax.OpCharClass, syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		return 1
	case syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText,
		syntax.OpEndText, syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return 0
	case syntax.OpCapture:
		return maxRunes(re.Sub[0])
	case syntax.OpQuest:
		return maxRunes(re.Sub[0])
	case syntax.OpRepeat:
		n := maxRunes(re.Sub[0])
		if n < 0 || re.Max < 0 {
			return -1
		}
		return n * re.Max
	case syntax.OpConcat, syntax.OpAlternate:
		total := 0
		for _, sub := range re.Sub {
			n := maxRunes(sub)
			if n < 0 {
				return -1
			}
			if re.Op == syntax.OpConcat {
				total += n
			} else {
				total = max(total, n)
			}
		}
		return total
	}
	return -1
}

// literals is a set of strings that a text can be searched for in one
// pass: a bitmap of the characters they begin with picks the places worth
// comparing at. The bitmap holds a character's low 12 bits, so it may let
// through a character no literal begins with, but never stops one.
type literals struct {
	lead   [64]uint64        // bit r%4096 set when a literal begins with r
	byLead map[rune][]string // the literals by the character they begin with
	few    []string          // the literals, when so few that searching for each is cheaper
	groups []leadGroup       // the literals by the character they begin with, for mayHold
}

// leadGroup holds the literals that begin with one character: the
// character, and the other characters of each.
type leadGroup struct {
	lead  rune
	rests [][]rune
}

// newLiterals returns the set of strings set, none of them empty.
func newLiterals(set []string) *literals {
	l := &literals{byLead: map[rune][]string{}}
	if len(set) <= 3 {
		l.few = set
	}
	group := map[rune]int{} // index of each lead's group
	for _, w := range set {
		r, _ := utf8.DecodeRuneInString(w)
		l.lead[r>>6&63] |= 1 << (r & 63)
		l.byLead[r] = append(l.byLead[r], w)
		g, ok := group[r]
		if !ok {
			g = len(l.groups)
			group[r] = g
			l.groups = append(l.groups, leadGroup{lead: r})
		}
		l.groups[g].rests = append(l.groups[g].rests, []rune(w)[1:])
	}
	return l
}

// charSet is the set of the characters a text holds, by their low 12
// bits as literals' bitmap is: a character outside the set is surely not
// in the text, one inside it may be. Made once for a sentence, it lets
// every pattern that needs a literal rule the sentence out with a few bit
// tests, where searching it would read it whole.
type charSet [64]uint64

// addAll puts the characters of s in the set. A literal, valid UTF-8, is
// found in s only where its characters are read whole, so even in invalid
// UTF-8 the set then holds the characters of every literal s holds.
func (cs *charSet) addAll(s string) {
	for i := 0; i < len(s); {
		r, size := decodeRune(s, i)
		cs.add(r)
		i += size
	}
}

// add puts r in the set.
func (cs *charSet) add(r rune) { cs[r>>6&63] |= 1 << (r & 63) }

// addRange puts the characters from lo to hi in the set: past 4096 of
// them, every place of the bitmap.
func (cs *charSet) addRange(lo, hi rune) {
	for r := lo; r <= hi && r-lo < 4096; r++ {
		cs.add(r)
	}
}

// has reports whether the set may hold r.
func (cs *charSet) has(r rune) bool { return cs[r>>6&63]&(1<<(r&63)) != 0 }

// mayHold reports whether a text whose characters are in cs may hold one
// of the literals: whether cs has every character of one of them. A
// text holding none of the characters they begin with, the common case,
// is ruled out by the bitmaps alone; otherwise only the literals whose
// first character cs has are looked at.
func (l *literals) mayHold(cs *charSet) bool {
	var hit uint64
	for i := range cs {
		hit |= cs[i] & l.lead[i]
	}
	if hit == 0 {
		return false
	}
	for _, g := range l.groups {
		if !cs.has(g.lead) {
			continue
		}
	next:
		for _, w := range g.rests {
			for _, r := range w {
				if !cs.has(r) {
					continue next
				}
			}
			return true
		}
	}
	return false
}

// prefixOf returns the literal s begins with, the first of them in the
// order they were given when several are, and whether there is one.
func (l *literals) prefixOf(s string) (string, bool) {
	r, _ := utf8.DecodeRuneInString(s)
	if l.lead[r>>6&63]&(1<<(r&63)) == 0 {
		return "", false
	}
	for _, w := range l.byLead[r] {
		if strings.HasPrefix(s, w) {
			return w, true
		}
	}
	return "", false
}

// in reports whether s holds one of the literals.
func (l *literals) in(s string) bool {
	if l.few != nil {
		return containsAny(s, l.few...)
	}
	// A literal begins where a character does, at a byte that continues
	// none. The character is read without checking that it is valid: the
	// bitmap only picks places to compare at, and a literal, valid UTF-8,
	// is found only where its bytes are. For the same reason the bytes
	// that continue a three-byte character, as nearly every character of
	// Chinese is, can be stepped over with it.
	for i := 0; i < len(s); i++ {
		var r rune
		switch b := s[i]; {
		case b < 0x80:
			r = rune(b)
		case b < 0xC0:
			continue
		case b < 0xE0 && i+1 < len(s):
			r = rune(b&0x1F)<<6 | rune(s[i+1]&0x3F)
		case b < 0xF0 && i+2 < len(s):
			r = rune(b&0x0F)<<12 | rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F)
			if s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 && l.lead[r>>6&63]&(1<<(r&63)) == 0 {
				i += 2
				continue
			}
		case i+3 < len(s):
			r = rune(b&0x07)<<18 | rune(s[i+1]&0x3F)<<12 | rune(s[i+2]&0x3F)<<6 | rune(s[i+3]&0x3F)
		default:
			continue // too near the end for the character b begins
		}
		if l.lead[r>>6&63]&(1<<(r&63)) != 0 {
			for _, w := range l.byLead[r] {
				if strings.HasPrefix(s[i:], w) {
					return true
				}
			}
		}
	}
	return false
}

// inFirst reports whether r is in c.first. The bitmap rules out most
// characters at once; the ranges, sorted, are searched by halves.
func (c *compiledPattern) inFirst(r rune) bool {
	if !c.firstSet.has(r) {
		return false
	}
	return inRanges(c.first, r)
}

// inRanges reports whether r is in one of the sorted ranges lo, hi of
// ranges, searched by halves.
func inRanges(ranges []rune, r rune) bool {
	lo, hi := 0, len(ranges)/2 // ranges [lo, hi) may hold r
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		switch {
		case r < ranges[2*m]:
			hi = m
		case r > ranges[2*m+1]:
			lo = m + 1
		default:
			return true
		}
	}
	return false
}

// mergeRanges returns the ranges lo, hi of set sorted, with those that
// overlap or touch merged: the same characters, each range apart from
// the others.
func mergeRanges(set []rune) []rune {
	type span struct{ lo, hi rune }
	spans := make([]span, 0, len(set)/2)
	for i := 0; i+1 < len(set); i += 2 {
		spans = append(spans, span{set[i], set[i+1]})
	}
	slices.SortFunc(spans, func(a, b span) int { return int(a.lo - b.lo) })
	out := make([]rune, 0, len(set))
	for _, sp := range spans {
		if n := len(out); n > 0 && sp.lo <= out[n-1]+1 {
			out[n-1] = max(out[n-1], sp.hi)
			continue
		}
		out = append(out, sp.lo, sp.hi)
	}
	return out
}

// mayMatch reports whether s passes the cheap tests, and returns the part
// of s the matcher needs to see.
func (c *compiledPattern) mayMatch(s string) (string, bool) {
	if c.first != nil {
		if c.anchored {
			r, _ := utf8.DecodeRuneInString(s)
			if s == "" || !c.inFirst(r) {
				return s, false
			}
		} else if c.need == nil && !c.anyFirst(s) {
			// The literals, when known, are the better test.
			return s, false
		}
	}
	if c.window >= 0 {
		i := 0
		for n := 0; n < c.window && i < len(s); n++ {
			_, size := utf8.DecodeRuneInString(s[i:])
			i += size
		}
		s = s[:i]
	}
	if c.need != nil && !c.need.in(s) {
		return s, false
	}
	return s, true
}

// anyFirst reports whether s holds a character a match can begin with.
func (c *compiledPattern) anyFirst(s string) bool {
	for _, r := range s {
		if c.inFirst(r) {
			return true
		}
	}
	return false
}

// excludes reports whether no text whose characters are in cs can hold a
// match, by the literals every match holds; a nil cs excludes nothing.
func (p *pattern) excludes(cs *charSet) bool {
	if cs == nil {
		return false
	}
	need := p.compiled().need
	return need != nil && !need.mayHold(cs)
}

// MatchIn is MatchString for a text s whose characters are in cs.
func (p *pattern) MatchIn(s string, cs *charSet) bool {
	return !p.excludes(cs) && p.MatchString(s)
}

// MatchString reports whether s holds a match.
func (p *pattern) MatchString(s string) bool {
	c := p.compiled()
	if c.literal {
		return c.need.in(s)
	}
	if c.run != nil {
		return c.runMatches(s, 1) != nil
	}
	if c.prefixes != nil {
		_, ok := c.prefixes.prefixOf(s)
		return ok
	}
	t, ok := c.mayMatch(s)
	return ok && c.re.MatchString(t)
}

// FindStringIndex returns the byte range of the leftmost match in s, or nil.
func (p *pattern) FindStringIndex(s string) []int {
	c := p.compiled()
	if c.run != nil {
		if m := c.runMatches(s, 1); m != nil {
			return m[0][:2:2]
		}
		return nil
	}
	if c.prefixes != nil {
		if w, ok := c.prefixes.prefixOf(s); ok {
			return []int{0, len(w)}
		}
		return nil
	}
	t, ok := c.mayMatch(s)
	if !ok {
		return nil
	}
	return c.re.FindStringIndex(t)
}

// FindString returns the leftmost match in s, or "".
func (p *pattern) FindString(s string) string {
	c := p.compiled()
	if c.run != nil {
		if m := c.runMatches(s, 1); m != nil {
			return s[m[0][0]:m[0][1]]
		}
		return ""
	}
	if c.prefixes != nil {
		w, _ := c.prefixes.prefixOf(s)
		return w
	}
	t, ok := c.mayMatch(s)
	if !ok {
		return ""
	}
	return c.re.FindString(t)
}

// ReplaceAllString returns s with the matches replaced by repl. Only an
// anchored pattern, which matches at most once, is cut short.
func (p *pattern) ReplaceAllString(s, repl string) string {
	c := p.compiled()
	if _, ok := c.mayMatch(s); !ok {
		return s
	}
	return c.re.ReplaceAllString(s, repl)
}

// ReplaceAllStringFunc returns s with each match m replaced by repl(m).
func (p *pattern) ReplaceAllStringFunc(s string, repl func(string) string) string {
	c := p.compiled()
	if _, ok := c.mayMatch(s); !ok {
		return s
	}
	return c.re.ReplaceAllStringFunc(s, repl)
}

// FindAllStringIndex returns the byte ranges of up to n matches in s (all
// when n < 0), or nil.
func (p *pattern) FindAllStringIndex(s string, n int) [][]int {
	c := p.compiled()
	if c.run != nil {
		out := c.runMatches(s, n)
		for i, m := range out {
			out[i] = m[:2:2]
		}
		return out
	}
	if _, ok := c.mayMatch(s); !ok {
		return nil
	}
	return c.re.FindAllStringIndex(s, n)
}

// FindAllStringSubmatchIndex returns the byte ranges of up to n matches in
// s and of their groups (all when n < 0), or nil.
func (p *pattern) FindAllStringSubmatchIndex(s string, n int) [][]int {
	c := p.compiled()
	if c.run != nil {
		return c.runMatches(s, n)
	}
	if _, ok := c.mayMatch(s); !ok {
		return nil
	}
	return c.re.FindAllStringSubmatchIndex(s, n)
}

// FindStringSubmatchIndex returns the byte ranges of the leftmost match
// in s and of its groups, or nil.
func (p *pattern) FindStringSubmatchIndex(s string) []int {
	c := p.compiled()
	if c.run != nil {
		if m := c.runMatches(s, 1); m != nil {
			return m[0]
		}
		return nil
	}
	t, ok := c.mayMatch(s)
	if !ok {
		return nil
	}
	return c.re.FindStringSubmatchIndex(t)
}

// FindStringSubmatch returns the leftmost match in s and its groups, or nil.
func (p *pattern) FindStringSubmatch(s string) []string {
	c := p.compiled()
	if c.run != nil {
		m := c.runMatches(s, 1)
		if m == nil {
			return nil
		}
		out := make([]string, 0, 2)
		for i := 0; i < len(m[0]); i += 2 {
			out = append(out, s[m[0][i]:m[0][i+1]])
		}
		return out
	}
	t, ok := c.mayMatch(s)
	if !ok {
		return nil
	}
	return c.re.FindStringSubmatch(t)
}

// runMatches returns up to n matches of the run pattern c.run in s (all
// when n < 0), as FindAllStringSubmatchIndex does, after the cheap test
// of the literals every match holds.
func (c *compiledPattern) runMatches(s string, n int) [][]int {
	if c.need != nil && !c.need.in(s) {
		return nil
	}
	return c.run.matches(s, n)
}

// regexp returns the regular expression of p, compiled.
func (p *pattern) regexp() *regexp.Regexp { return p.compiled().re }

// String returns the source text of the pattern.
func (p *pattern) String() string { return p.expr }
