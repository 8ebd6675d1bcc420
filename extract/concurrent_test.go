package extract

import (
	"os"
	"sync"
	"testing"
)

// TestConcurrentSpeeches extracts two seeds on several goroutines at once
// with one Extractor, as the command does, and checks that each result is
// the one a lone run gives. Run it with -race: it shows that the rules
// and the segmenter hold no shared state that a run changes.
func TestConcurrentSpeeches(t *testing.T) {
	x := New()
	ref := NewDate(2021, 9, 1)
	var texts, want []string
	for _, p := range []string{"../testdata/seeds/000_55b06aef0c45c079.txt", "../testdata/seeds/004_ff2848a0e228d2d6.txt"} {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		text, _, err := Decode(b)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, text)
		want = append(want, renderSpeeches(New().Speeches(p, text, Options{RefDate: ref})))
	}
	var wg sync.WaitGroup
	got := make([]string, 4)
	for i := range got {
		wg.Go(func() {
			k := i % len(texts)
			got[i] = renderSpeeches(x.Speeches(string(rune('a'+i)), texts[k], Options{RefDate: ref}))
		})
	}
	wg.Wait()
	for i, g := range got {
		if g != want[i%len(texts)] {
			t.Errorf("goroutine %d: extraction differs from a lone run's", i)
		}
	}
}
