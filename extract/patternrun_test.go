package extract

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// runPatterns returns the rule patterns matched as runs between literals.
func runPatterns(tb testing.TB) []*pattern {
	var out []*pattern
	for _, p := range allPatterns {
		if p.compiled().run != nil {
			out = append(out, p)
		}
	}
	if len(out) == 0 {
		tb.Fatal("no pattern is a run between literals")
	}
	return out
}

// runPieces returns what texts for p are made of: p's literals, pieces
// of them, characters inside and outside its run's class, and bytes that
// are not UTF-8.
func runPieces(p *pattern) []string {
	rp := p.compiled().run
	return piecesOf(append(append([]string(nil), rp.pre...), rp.post...))
}

// piecesOf returns what texts for a pattern with the literals set are
// made of: the literals, pieces of them, characters common in the rules'
// texts, and bytes that are not UTF-8.
func piecesOf(set []string) []string {
	pieces := []string{"工", "作", "等", "由", "，", ",", "。", "、", " ", "\n", "\xff", "\xe5", "a", "b", "1"}
	for _, w := range set {
		if w == "" {
			continue
		}
		pieces = append(pieces, w)
		if rs := []rune(w); len(rs) > 1 {
			pieces = append(pieces, string(rs[:1]), string(rs[1:]))
		}
	}
	return pieces
}

// runTextOf returns the text that data spells from pieces.
func runTextOf(pieces []string, data []byte) string {
	var b strings.Builder
	for _, c := range data {
		b.WriteString(pieces[int(c)%len(pieces)])
	}
	return b.String()
}

// checkPiecesText compares p with its regular expression on one text of
// fewer than maxPieces pieces, drawn by rng.
func checkPiecesText(t *testing.T, p *pattern, pieces []string, rng *rand.Rand, maxPieces int) {
	t.Helper()
	data := make([]byte, rng.IntN(maxPieces))
	for i := range data {
		data[i] = byte(rng.IntN(256))
	}
	s := runTextOf(pieces, data)
	if m := samePattern(p, s); m != "" {
		t.Fatalf("%s.%s(%q) differs from the regular expression's", p.expr, m, s)
	}
}

// TestRunPatternsAgree checks every pattern matched as a run between
// literals against its regular expression on texts made of the pattern's
// literals, pieces of them, and characters inside and outside its class.
func TestRunPatternsAgree(t *testing.T) {
	rng := rand.New(rand.NewPCG(17, 17))
	texts := 3000
	if testing.Short() {
		texts = 500
	}
	// Besides the rules' patterns, runs that are greedy, unbounded or
	// bounded only below, between literals that the run's class holds.
	var extra []*pattern
	for _, expr := range []string{`x([^。]{0,4})(?:ab|a)?`, `(?:ab|a)?([^。]*)(?:b|ba)`, `([^。]+?)b`,
		`^([^b]{2,})b`, `(?:甲|甲乙)?[乙丙]{1,3}?乙`, `a[^，]{1,3}(?:b|ab)`} {
		p := &pattern{expr: expr}
		if p.compiled().run == nil {
			t.Fatalf("%s is not matched as a run between literals", expr)
		}
		extra = append(extra, p)
	}
	for _, p := range append(runPatterns(t), extra...) {
		pieces := runPieces(p)
		for range texts {
			checkPiecesText(t, p, pieces, rng, 40)
		}
	}
}

// prefixPieces returns what texts for the anchored pattern p, whose
// matches are a few literals, are made of.
func prefixPieces(p *pattern) []string {
	var set []string
	for _, g := range p.compiled().prefixes.groups {
		for _, rest := range g.rests {
			set = append(set, string(g.lead)+string(rest))
		}
	}
	return piecesOf(set)
}

// TestPrefixPatternsAgree checks every anchored pattern whose matches are
// a few literals against its regular expression on texts made of its
// literals and pieces of them.
func TestPrefixPatternsAgree(t *testing.T) {
	rng := rand.New(rand.NewPCG(17, 1))
	n := 0
	for _, p := range allPatterns {
		if p.compiled().prefixes == nil {
			continue
		}
		n++
		pieces := prefixPieces(p)
		for range 300 {
			checkPiecesText(t, p, pieces, rng, 8)
		}
	}
	if n == 0 {
		t.Fatal("no anchored pattern's matches are a few literals")
	}
}

// FuzzRunPatterns compares the patterns matched as runs between literals
// with their regular expressions, on texts the fuzzer's bytes spell from
// each pattern's pieces.
func FuzzRunPatterns(f *testing.F) {
	f.Add([]byte{0, 1, 2, 3, 20, 21, 22})
	f.Add([]byte{3, 14, 15, 16, 4, 17})
	patterns := runPatterns(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, p := range patterns {
			s := runTextOf(runPieces(p), data)
			if m := samePattern(p, s); m != "" {
				t.Fatalf("%s.%s(%q) differs from the regular expression's", p.expr, m, s)
			}
		}
	})
}

// BenchmarkRunPatterns runs the patterns matched as runs between literals
// over the seeds' sentences, folded, that hold a literal each pattern's
// matches hold (the others never reach a matcher): as runs (sub-benchmark
// run) and with their regular expressions (regexp), for all matches with
// their groups.
func BenchmarkRunPatterns(b *testing.B) {
	x := New()
	var sentences []string
	for _, line := range seedLines(b) {
		sentences = append(sentences, plainSentences(x.Fold(line))...)
	}
	patterns := runPatterns(b)
	held := make([][]string, len(patterns)) // the sentences each pattern is run on
	for i, p := range patterns {
		for _, s := range sentences {
			if c := p.compiled(); c.need == nil || c.need.in(s) {
				held[i] = append(held[i], s)
			}
		}
	}
	b.Run("run", func(b *testing.B) {
		for b.Loop() {
			for i, p := range patterns {
				for _, s := range held[i] {
					p.FindAllStringSubmatchIndex(s, -1)
				}
			}
		}
	})
	b.Run("regexp", func(b *testing.B) {
		for b.Loop() {
			for i, p := range patterns {
				for _, s := range held[i] {
					p.regexp().FindAllStringSubmatchIndex(s, -1)
				}
			}
		}
	})
}

// BenchmarkPrefixPatterns asks each anchored pattern whose matches are a
// few literals whether the seeds' clauses, folded, that pass its cheap
// tests begin with a match: through its literals (sub-benchmark
// literals), and through the cheap tests and the regular expression, as
// before (regexp).
func BenchmarkPrefixPatterns(b *testing.B) {
	var patterns []*pattern
	for _, p := range allPatterns {
		if p.compiled().prefixes != nil {
			patterns = append(patterns, p)
		}
	}
	// The clauses each pattern is asked about: those a match may begin.
	held := make([][]string, len(patterns))
	for i, p := range patterns {
		for _, s := range seedClauses(b) {
			if _, ok := p.compiled().mayMatch(s); ok {
				held[i] = append(held[i], s)
			}
		}
	}
	b.Run("literals", func(b *testing.B) {
		for b.Loop() {
			for i, p := range patterns {
				for _, s := range held[i] {
					p.MatchString(s)
				}
			}
		}
	})
	b.Run("regexp", func(b *testing.B) {
		for b.Loop() {
			for i, p := range patterns {
				c := p.compiled()
				for _, s := range held[i] {
					if t, ok := c.mayMatch(s); ok {
						c.re.MatchString(t)
					}
				}
			}
		}
	})
}
