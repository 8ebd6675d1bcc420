package extract

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzSpeeches runs the speech splitter and task extraction on arbitrary
// text: no panic, speeches numbered 1..n, tasks numbered 1..m within each,
// and every task has text.
func FuzzSpeeches(f *testing.F) {
	for _, seed := range []string{"000", "001", "002", "003", "004"} {
		text := readSeed(f, seed)
		// The opening of each seed, cut at a line end, keeps runs fast.
		if i := strings.IndexByte(text[min(3000, len(text)):], '\n'); i >= 0 {
			text = text[:min(3000, len(text))+i]
		}
		f.Add(text)
	}
	f.Add("第一篇:在全区工作会议上的讲话\n同志们:\n一、各乡镇要在3月底前完成排查。\n第二篇:讲话\n")
	f.Add("讲话篇1要在年底前完成。讲话篇2")
	f.Add("")
	f.Add("\n\n\r\n")
	f.Add("（2009年10月30日）\n发表时间:2009-12-01")
	x := New()
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			return // Decode hands the extractor valid UTF-8 only.
		}
		for i, sp := range x.Speeches("fuzz.txt", text, Options{RefDate: NewDate(2024, 3, 5)}) {
			if sp.Index != i+1 {
				t.Fatalf("speech %d has index %d", i+1, sp.Index)
			}
			for j, task := range sp.Tasks {
				if task.Seq != j+1 {
					t.Errorf("speech %d: task %d has seq %d", i+1, j+1, task.Seq)
				}
				if strings.TrimSpace(task.Text) == "" {
					t.Errorf("speech %d: task %d has no text", i+1, j+1)
				}
			}
		}
	})
}
