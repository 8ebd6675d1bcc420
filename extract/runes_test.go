package extract

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestRuneSlice compares a fresh runeCursor's slice with the conversion it stands for.
func TestRuneSlice(t *testing.T) {
	for _, s := range []string{"", "a", "各单位要抓紧落实。", "a各b单c", "\xff要\xe4\xb8", "要\xff求", "\xef\xbf\xbd要", "各\xe4\xb8"} {
		n := len([]rune(s))
		for i := 0; i <= n; i++ {
			for j := i; j <= n; j++ {
				checkRuneSlice(t, s, i, j)
			}
		}
	}
}

// FuzzRuneSlice compares a fresh runeCursor's slice with the conversion it stands for.
func FuzzRuneSlice(f *testing.F) {
	f.Add("各单位要抓紧落实。", 2, 5)
	f.Add("要\xff求", 0, 3)
	f.Fuzz(func(t *testing.T, s string, i, j int) {
		n := utf8.RuneCountInString(s)
		if i < 0 || j < i || j > n {
			return
		}
		checkRuneSlice(t, s, i, j)
	})
}

// checkRuneSlice compares the slice of s from rune i to j a new
// runeCursor takes with string([]rune(s)[i:j]).
func checkRuneSlice(t *testing.T, s string, i, j int) {
	t.Helper()
	c := runeCursor{s: s}
	if got, want := c.slice(i, j), string([]rune(s)[i:j]); got != want {
		t.Fatalf("slice(%q, %d, %d) = %q, want %q", s, i, j, got, want)
	}
}

// TestSeqLen checks seqLen against the decoder on valid text.
func TestSeqLen(t *testing.T) {
	for _, s := range []string{"", "a", "各单位要抓紧落实。", "ü\u00a0é", "𠀀要😀", "\ufeff１２３", "要\xff求", "\xe4\xb8", "\xed\xa0\x80", "\xc0\xaf", "\xef\xbf\xbd"} {
		checkSeqLen(t, s)
	}
}

// FuzzSeqLen is TestSeqLen on any text.
func FuzzSeqLen(f *testing.F) {
	f.Add("各单位要抓紧落实。")
	f.Add("要\xff求")
	f.Add("𠀀é a")
	f.Fuzz(checkSeqLen)
}

// checkSeqLen checks that, in valid s, seqLen gives the length of each
// character.
func checkSeqLen(t *testing.T, s string) {
	t.Helper()
	if !utf8.ValidString(s) {
		return
	}
	for i := 0; i < len(s); {
		_, n := utf8.DecodeRuneInString(s[i:])
		if got := seqLen(s[i]); got != n {
			t.Fatalf("seqLen(%#x) at %d of %q = %d, want %d", s[i], i, s, got, n)
		}
		i += n
	}
}

// TestRunesOf compares runesOf with the conversion it stands for and the
// byte offsets ranging over s gives.
func TestRunesOf(t *testing.T) {
	for _, s := range []string{"", "a", "各单位要抓紧落实。", "a各b单c", "\xff要\xe4\xb8", "𠀀要😀", "\xef\xbf\xbd要"} {
		checkRunesOf(t, s)
	}
}

// FuzzRunesOf is TestRunesOf on any text.
func FuzzRunesOf(f *testing.F) {
	f.Add("各单位要抓紧落实。")
	f.Add("\xff要\xe4\xb8")
	f.Fuzz(checkRunesOf)
}

// checkRunesOf compares runesOf(s) with []rune(s) and the offsets of its
// runes, then len(s).
func checkRunesOf(t *testing.T, s string) {
	t.Helper()
	var wantOff []int32
	for i := range s {
		wantOff = append(wantOff, int32(i))
	}
	wantOff = append(wantOff, int32(len(s)))
	rs, off := runesOf(s)
	if !slices.Equal(rs, []rune(s)) || !slices.Equal(off, wantOff) || cap(rs) != len(rs) {
		t.Fatalf("runesOf(%q) = %q (cap %d), %v, want %q, %v", s, rs, cap(rs), off, []rune(s), wantOff)
	}
}

// TestRuneCursor takes slices of each text one after another with one
// runeCursor, forwards and back, and compares them with the conversion.
func TestRuneCursor(t *testing.T) {
	for _, s := range []string{"", "各单位要抓紧落实。", "a各b单c", "\xff要\xe4\xb8", "要\xff求", "\xef\xbf\xbd要"} {
		n := len([]rune(s))
		c := runeCursor{s: s}
		for _, span := range [][2]int{{0, 0}, {1, 2}, {1, 3}, {0, 1}, {2, n}, {n, n}, {0, n}} {
			i, j := min(span[0], n), min(span[1], n)
			if got, want := c.slice(i, j), string([]rune(s)[i:j]); got != want {
				t.Errorf("slice(%q, %d, %d) after others = %q, want %q", s, i, j, got, want)
			}
		}
	}
}

// TestRuneCounter asks one runeCounter for rune offsets one after
// another, forwards and back, and compares them with counting.
func TestRuneCounter(t *testing.T) {
	s := "各单位\xff要a抓紧"
	c := runeCounter{s: s}
	for _, i := range []int{0, 3, 9, 10, 3, 14, 17, 0, 17} {
		if got, want := c.at(i), utf8.RuneCountInString(s[:i]); got != want {
			t.Errorf("at(%d) = %d, want %d", i, got, want)
		}
	}
}

// TestNextClause compares the clauses nextClause reads one after another
// with strings.FieldsFunc's split at the same marks, which it replaced.
func TestNextClause(t *testing.T) {
	for _, s := range []string{"", "，", "市农业农村局牵头，市自然资源局参与", "a,b;;c；d，", "\xef\xbc，\xbc\x8c；\xef", "要\xff，求\xe4,", "\xef\xbc\x8c\xef\xbc\x9b"} {
		checkNextClause(t, s)
	}
}

// FuzzNextClause is TestNextClause on any text.
func FuzzNextClause(f *testing.F) {
	f.Add("市农业农村局牵头，市自然资源局参与；")
	f.Add("要\xff，求\xe4,\xef\xbc")
	f.Fuzz(checkNextClause)
}

// checkNextClause compares the non-empty clauses of s with those
// strings.FieldsFunc gives.
func checkNextClause(t *testing.T, s string) {
	t.Helper()
	want := strings.FieldsFunc(s, func(r rune) bool { return strings.ContainsRune("，,；;", r) })
	var got []string
	for rest := s; rest != ""; {
		var c string
		if c, rest = nextClause(rest); c != "" {
			got = append(got, c)
		}
	}
	if !slices.Equal(got, want) {
		t.Fatalf("clauses of %q = %q, want %q", s, got, want)
	}
}
