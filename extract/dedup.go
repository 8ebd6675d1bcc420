package extract

import (
	"hash/fnv"
	"unicode"
)

// Thresholds for repeated speeches (guide, "Speech"): a speech whose text
// is found in an earlier one to this share or more is a duplicate; a
// smaller but notable share is recorded as an overlap.
const (
	DuplicateShare = 0.90
	OverlapShare   = 0.50
)

// maxPostings is how many speeches a shingle may occur in before it stops
// counting towards similarity.
const maxPostings = 64

// shingleRunes is the length of the character n-grams compared.
const shingleRunes = 8

// shingles returns the set of hashed character n-grams of a folded text,
// ignoring blanks and punctuation so that layout does not count.
func shingles(text string) map[uint64]struct{} {
	rs := make([]rune, 0, len(text)/3)
	for _, r := range text {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			rs = append(rs, r)
		}
	}
	set := make(map[uint64]struct{}, len(rs))
	h := fnv.New64a()
	buf := make([]byte, 0, shingleRunes*4)
	for i := 0; i+shingleRunes <= len(rs); i++ {
		buf = buf[:0]
		for _, r := range rs[i : i+shingleRunes] {
			buf = append(buf, string(r)...)
		}
		h.Reset()
		h.Write(buf)
		set[h.Sum64()] = struct{}{}
	}
	return set
}

// MarkDuplicates compares each speech with the earlier ones of the run and
// marks repeats: a speech sharing DuplicateShare or more of its text with
// an earlier speech (the one it shares most with) becomes a duplicate of it and loses its
// tasks; smaller shares of OverlapShare or more are recorded as overlaps.
// Speeches are compared on their folded text (fold).
func MarkDuplicates(speeches []Speech, fold func(string) string) {
	index := map[uint64][]int{}
	for j := range speeches {
		sh := shingles(fold(speeches[j].Text))
		counts := map[int]int{}
		for k := range sh {
			// A shingle found in many speeches is boilerplate (同志们,
			// 下面我讲几点意见); counting it would make the comparison grow
			// with the square of the corpus.
			if len(index[k]) > maxPostings {
				continue
			}
			for _, i := range index[k] {
				counts[i]++
			}
		}
		best, bestShare := -1, 0.0
		var overlaps []Overlap
		for i := 0; i < j; i++ {
			c, ok := counts[i]
			if !ok || len(sh) == 0 {
				continue
			}
			share := float64(c) / float64(len(sh))
			if share > bestShare {
				best, bestShare = i, share
			}
			if share >= OverlapShare {
				overlaps = append(overlaps, Overlap{Source: speeches[i].Source, Index: speeches[i].Index, Share: share})
			}
		}
		for k := range sh {
			index[k] = append(index[k], j)
		}
		if best >= 0 && bestShare >= DuplicateShare {
			speeches[j].DuplicateOf = speeches[best].Index
			speeches[j].DuplicateSource = speeches[best].Source
			speeches[j].Similarity = bestShare
			speeches[j].Tasks = nil
			continue
		}
		speeches[j].Overlaps = overlaps
	}
}
