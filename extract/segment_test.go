package extract

import (
	"reflect"
	"testing"
)

// TestSegmenterMemo checks that a text's remembered words are the words
// gse cuts it into, and that callers appending to them do not write over
// each other's words.
func TestSegmenterMemo(t *testing.T) {
	var s segmenter
	for _, text := range []string{"各级各部门要高度重视", "市发改委牵头", "", "\xff要"} {
		want := s.cut(text)
		first := s.words(text)
		if !reflect.DeepEqual(first, want) {
			t.Fatalf("words(%q) = %v, cut gives %v", text, first, want)
		}
		a := append(s.words(text), word{0, 1, "a"})
		b := append(s.words(text), word{0, 1, "b"})
		if a[len(a)-1].pos != "a" || b[len(b)-1].pos != "b" {
			t.Fatalf("words(%q): two callers' appends share their words", text)
		}
	}
}
