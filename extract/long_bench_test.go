package extract

import (
	"fmt"
	"strings"
	"testing"
)

// longSentence returns a speech whose body is one sentence of about size
// bytes: comma clauses that each give the rules something to find, a
// directive with its subject, bodies, a time node, a target, a
// responsibility tag.
func longSentence(size int) string {
	clauses := []string{
		"各乡镇要抓好落实", "请各单位认真贯彻", "县财政局牵头负责", "县委组织部、县人社局配合",
		"到2025年底完成改造3000户", "确保按时完成", "（牵头单位：县发展改革局）", "提高到85%以上",
	}
	var b strings.Builder
	b.WriteString("在全县重点工作推进会上的讲话\n同志们：\n")
	for i := 0; b.Len() < size; i++ {
		if i > 0 {
			b.WriteString("，")
		}
		b.WriteString(clauses[i%len(clauses)])
	}
	b.WriteString("。\n")
	return b.String()
}

// BenchmarkLongSentence extracts one sentence of many clauses at three
// sizes: the time per kilobyte stays the same when the work on a
// sentence grows linearly with its length.
func BenchmarkLongSentence(b *testing.B) {
	x := New()
	x.lex.words.load()
	for _, kb := range []int{40, 160, 600} {
		text := longSentence(kb << 10)
		b.Run(fmt.Sprintf("%dKB", kb), func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				x.Speeches("long.txt", text, Options{})
			}
			b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N)/float64(kb), "µs/KB")
		})
	}
}
