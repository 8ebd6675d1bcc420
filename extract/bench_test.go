package extract

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// seedPaths returns the paths of the seed compilations.
func seedPaths(tb testing.TB) []string {
	tb.Helper()
	paths, err := filepath.Glob("../testdata/seeds/*.txt")
	if err != nil || len(paths) == 0 {
		tb.Fatalf("no seeds: %v", err)
	}
	return paths
}

// seedTexts reads and decodes the seeds, returning their texts and their
// total size in bytes as stored.
func seedTexts(tb testing.TB) (texts []string, size int64) {
	tb.Helper()
	for _, p := range seedPaths(tb) {
		data, err := os.ReadFile(p)
		if err != nil {
			tb.Fatal(err)
		}
		text, _, err := Decode(data)
		if err != nil {
			tb.Fatal(err)
		}
		texts = append(texts, text)
		size += int64(len(data))
	}
	return texts, size
}

// BenchmarkNew measures building an Extractor: the folding table and the
// body lexicon. The segmentation dictionary is not loaded.
func BenchmarkNew(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		New()
	}
}

// BenchmarkReady measures start-up to ready: New and the segmentation
// dictionary, which a run loads on the first sentence that needs a word
// boundary.
func BenchmarkReady(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		x := New()
		x.lex.words.load()
	}
}

// BenchmarkSpeeches measures extraction over the decoded seeds, in bytes
// of input per second, with the extractor ready beforehand. Each pass
// starts with nothing remembered of the one before, as a run does.
func BenchmarkSpeeches(b *testing.B) {
	texts, size := seedTexts(b)
	x := New()
	x.lex.words.load()
	ref := NewDate(2021, 9, 1)
	b.SetBytes(size)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		x.lex.names = &nameMemo{}
		x.lex.words.memo = nil
		for i, text := range texts {
			x.Speeches(string(rune('a'+i)), text, Options{RefDate: ref})
		}
	}
}

// BenchmarkExtractVsPlain runs, in each iteration, a plain pass over the
// seeds (read each file, decode it, split it into lines and sentences) and
// the same pass with extraction in place of the plain split, and reports
// extraction's speed as a share of the plain pass's (ratio, which should
// stay at or above 0.1) and both throughputs in MB/s.
func BenchmarkExtractVsPlain(b *testing.B) {
	benchExtractVsPlain(b, seedPaths(b))
}

// BenchmarkExtractVsPlainDistinct is BenchmarkExtractVsPlain over the seeds
// that repeat no speech (000, 003, 004): seeds 001 and 002 repeat some of
// theirs, and extraction remembers what it has seen within a file.
func BenchmarkExtractVsPlainDistinct(b *testing.B) {
	var paths []string
	for _, p := range seedPaths(b) {
		switch filepath.Base(p)[:3] {
		case "000", "003", "004":
			paths = append(paths, p)
		}
	}
	benchExtractVsPlain(b, paths)
}

func benchExtractVsPlain(b *testing.B, paths []string) {
	x := New()
	x.lex.words.load()
	ref := NewDate(2021, 9, 1)
	var plain, extract time.Duration
	var size int64
	sink := 0
	for b.Loop() {
		t0 := time.Now()
		for _, p := range paths {
			text := benchRead(b, p)
			for line := range strings.Lines(text) {
				sink += len(plainSentences(line))
			}
		}
		t1 := time.Now()
		x.lex.names = &nameMemo{} // nothing remembered of the pass before
		x.lex.words.memo = nil
		for i, p := range paths {
			text := benchRead(b, p)
			sink += len(x.Speeches(string(rune('a'+i)), text, Options{RefDate: ref}))
			size += int64(len(text))
		}
		plain += t1.Sub(t0)
		extract += time.Since(t1)
	}
	if sink == 0 {
		b.Fatal("no sentences")
	}
	mb := float64(size) / 1e6
	b.ReportMetric(plain.Seconds()/extract.Seconds(), "ratio")
	b.ReportMetric(mb/plain.Seconds(), "plain-MB/s")
	b.ReportMetric(mb/extract.Seconds(), "extract-MB/s")
}

// benchRead reads and decodes one file.
func benchRead(b *testing.B, path string) string {
	data, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	text, _, err := Decode(data)
	if err != nil {
		b.Fatal(err)
	}
	return text
}

// plainSentences splits a line at sentence ends, the least a reader of
// the text must do.
func plainSentences(line string) []string {
	return strings.FieldsFunc(line, func(r rune) bool {
		switch r {
		case '。', '！', '？', '；', '!', '?', ';', '\n':
			return true
		}
		return false
	})
}

// BenchmarkMarkDuplicates compares the seeds' speeches with each other, in
// bytes of speech text per second.
func BenchmarkMarkDuplicates(b *testing.B) {
	texts, _ := seedTexts(b)
	x := New()
	var speeches []Speech
	var size int64
	for i, text := range texts {
		for _, sp := range x.Speeches(string(rune('a'+i)), text, Options{}) {
			speeches = append(speeches, sp)
			size += int64(len(sp.Text))
		}
	}
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		run := slices.Clone(speeches)
		x.Fingerprint(run)
		MarkDuplicates(run)
	}
}

// BenchmarkCompareDuplicates compares speeches fingerprinted before, as a
// run whose inputs come from the cache does.
func BenchmarkCompareDuplicates(b *testing.B) {
	texts, _ := seedTexts(b)
	x := New()
	var speeches []Speech
	for i, text := range texts {
		speeches = append(speeches, x.Speeches(string(rune('a'+i)), text, Options{})...)
	}
	x.Fingerprint(speeches)
	b.ReportAllocs()
	for b.Loop() {
		MarkDuplicates(slices.Clone(speeches))
	}
}
