package report

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/speechledger/speechledger/extract"
)

// benchSpeeches returns the seeds' speeches, repeated with new titles
// until they hold at least rows tasks, cut to exactly rows tasks.
func benchSpeeches(b *testing.B, rows int) []extract.Speech {
	b.Helper()
	x := extract.New()
	var seeds []extract.Speech
	names, texts := seedTexts(b)
	for i, name := range names {
		for _, sp := range x.Speeches(name, texts[i], extract.Options{RefDate: extract.NewDate(2021, 9, 1)}) {
			if len(sp.Tasks) > 0 {
				seeds = append(seeds, sp)
			}
		}
	}
	var out []extract.Speech
	n := 0
	for i := 0; n < rows; i++ {
		sp := seeds[i%len(seeds)]
		sp.Title = fmt.Sprintf("%s（%d）", sp.Title, i)
		sp.Index = i + 1
		if n+len(sp.Tasks) > rows {
			sp.Tasks = sp.Tasks[:rows-n]
		}
		n += len(sp.Tasks)
		out = append(out, sp)
	}
	return out
}

// benchWorkbook writes a workbook of rows task rows, b.N times, and
// reports the time per 1,000 rows.
func benchWorkbook(b *testing.B, rows int) {
	speeches := benchSpeeches(b, rows)
	path := filepath.Join(b.TempDir(), "ledger.xlsx")
	b.ReportAllocs()
	for b.Loop() {
		os.Remove(path)
		if err := WriteWorkbook(path, speeches, Options{ReportDate: reportDate}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N)*1000/float64(rows), "ms/1000rows")
	b.ReportMetric(float64(len(speeches)), "sheets")
}

// BenchmarkWorkbook1000 writes 1,000 task rows over about 70 speech sheets.
func BenchmarkWorkbook1000(b *testing.B) { benchWorkbook(b, 1000) }

// BenchmarkWorkbook10000 writes 10,000 task rows over about 700 speech
// sheets: the cost per row should not grow with the workbook.
func BenchmarkWorkbook10000(b *testing.B) { benchWorkbook(b, 10000) }
