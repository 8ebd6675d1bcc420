package extract

import (
	"regexp"
	"regexp/syntax"
	"slices"
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
//   - for an anchored pattern, the longest a match can be, in characters:
//     the matcher is handed only that much of the text, which cannot change
//     the outcome since the pattern never looks further.
//
// Each method returns exactly what the same method of regexp.Regexp
// returns.
type pattern struct {
	re       *regexp.Regexp
	anchored bool   // the pattern starts with ^ (or \A)
	first    []rune // sorted ranges lo, hi of the characters a match begins with; nil when unknown
	maxRunes int    // the longest match in characters, or -1 when unbounded or context matters
}

// mustPattern compiles expr like regexp.MustCompile and derives its tests.
func mustPattern(expr string) *pattern {
	p := &pattern{re: regexp.MustCompile(expr), maxRunes: -1}
	re, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		panic(err)
	}
	re = re.Simplify()
	body := re
	if re.Op == syntax.OpConcat && len(re.Sub) > 0 && re.Sub[0].Op == syntax.OpBeginText {
		p.anchored = true
		body = &syntax.Regexp{Op: syntax.OpConcat, Sub: re.Sub[1:]}
	}
	if set, nullable, ok := firstRunes(body); ok && !nullable {
		p.first = set
	}
	if p.anchored && !hasAssertion(body) {
		p.maxRunes = maxRunes(body)
	}
	return p
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
// ($, \b, a line anchor, a later ^): cutting the text short could change
// what those see.
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
	case syntax.OpEmptyMatch:
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

// inFirst reports whether r is in p.first.
func (p *pattern) inFirst(r rune) bool {
	for i := 0; i+1 < len(p.first); i += 2 {
		if p.first[i] <= r && r <= p.first[i+1] {
			return true
		}
	}
	return false
}

// mayMatch reports whether s passes the cheap tests, and returns the part
// of s the matcher needs to see.
func (p *pattern) mayMatch(s string) (string, bool) {
	if p.first != nil {
		if p.anchored {
			r, _ := utf8.DecodeRuneInString(s)
			if s == "" || !p.inFirst(r) {
				return s, false
			}
		} else if !p.anyFirst(s) {
			return s, false
		}
	}
	if p.maxRunes >= 0 {
		i := 0
		for n := 0; n < p.maxRunes && i < len(s); n++ {
			_, size := utf8.DecodeRuneInString(s[i:])
			i += size
		}
		s = s[:i]
	}
	return s, true
}

// anyFirst reports whether s holds a character a match can begin with.
func (p *pattern) anyFirst(s string) bool {
	for _, r := range s {
		if p.inFirst(r) {
			return true
		}
	}
	return false
}

// MatchString reports whether s holds a match.
func (p *pattern) MatchString(s string) bool {
	t, ok := p.mayMatch(s)
	return ok && p.re.MatchString(t)
}

// FindStringIndex returns the byte range of the leftmost match in s, or nil.
func (p *pattern) FindStringIndex(s string) []int {
	t, ok := p.mayMatch(s)
	if !ok {
		return nil
	}
	return p.re.FindStringIndex(t)
}

// FindString returns the leftmost match in s, or "".
func (p *pattern) FindString(s string) string {
	t, ok := p.mayMatch(s)
	if !ok {
		return ""
	}
	return p.re.FindString(t)
}

// ReplaceAllString returns s with the matches replaced by repl. Only an
// anchored pattern, which matches at most once, is cut short.
func (p *pattern) ReplaceAllString(s, repl string) string {
	if _, ok := p.mayMatch(s); !ok {
		return s
	}
	return p.re.ReplaceAllString(s, repl)
}

// FindStringSubmatch returns the leftmost match in s and its groups, or nil.
func (p *pattern) FindStringSubmatch(s string) []string {
	t, ok := p.mayMatch(s)
	if !ok {
		return nil
	}
	return p.re.FindStringSubmatch(t)
}

// String returns the source text of the pattern.
func (p *pattern) String() string { return p.re.String() }
