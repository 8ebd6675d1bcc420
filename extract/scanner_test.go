package extract

import (
	"reflect"
	"regexp"
	"testing"
)

// matchCheck returns a test that the hand-written scanner fn, called
// name, finds a match in s exactly when the regular expression it stands
// for, re, does: the check of a scanner's table test and fuzz target.
func matchCheck(name string, fn func(string) bool, re *regexp.Regexp) func(*testing.T, string) {
	return func(t *testing.T, s string) {
		t.Helper()
		if got, want := fn(s), re.MatchString(s); got != want {
			t.Fatalf("%s(%q) = %v, want %v", name, s, got, want)
		}
	}
}

// indexCheck is matchCheck for a scanner that returns every match's
// [start, end), as re.FindAllStringIndex does.
func indexCheck(name string, fn func(string) [][]int, re *regexp.Regexp) func(*testing.T, string) {
	return func(t *testing.T, s string) {
		t.Helper()
		if got, want := fn(s), re.FindAllStringIndex(s, -1); !reflect.DeepEqual(got, want) {
			t.Fatalf("%s(%q) = %v, want %v", name, s, got, want)
		}
	}
}
