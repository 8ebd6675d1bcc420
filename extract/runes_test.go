package extract

import (
	"testing"
	"unicode/utf8"
)

// TestRuneSlice compares runeSlice with the conversion it stands for.
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

// FuzzRuneSlice compares runeSlice with the conversion it stands for.
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

// checkRuneSlice compares runeSlice(s, i, j) with string([]rune(s)[i:j]).
func checkRuneSlice(t *testing.T, s string, i, j int) {
	t.Helper()
	if got, want := runeSlice(s, i, j), string([]rune(s)[i:j]); got != want {
		t.Fatalf("runeSlice(%q, %d, %d) = %q, want %q", s, i, j, got, want)
	}
}
