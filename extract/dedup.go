package extract

import (
	"iter"
	"slices"
	"unicode"
)

// Thresholds for repeated speeches (guide, "Speech"): a speech whose text
// is found in an earlier one to this share or more is a duplicate; a
// smaller but notable share is recorded as an overlap.
const (
	DuplicateShare = 0.90
	OverlapShare   = 0.50
)

// postings are the speeches a fingerprint occurs in: n of them, the first
// one, and the others in more[more] (-1 while there are none). Most
// fingerprints occur in one speech, which then costs no list.
type postings struct {
	n, first, more int32
}

// maxPostings is how many speeches a fingerprint may occur in before it stops
// counting towards similarity.
const maxPostings = 64

// shingleRunes is the length of the character n-grams compared.
const shingleRunes = 8

// winnowWindow is how many consecutive n-grams each window of the
// winnowing covers: one fingerprint is kept per window, about one n-gram
// in seven, and any stretch of winnowWindow+shingleRunes-1 characters two
// texts share gives them a fingerprint in common.
const winnowWindow = 12

// minWinnowed is the fewest n-grams a text has for its fingerprints to be
// thinned out: a shorter text keeps them all. A few dozen winnowed ones
// would make two short texts that share a phrase look alike, and an edit
// at one end would move the share by several points.
const minWinnowed = 256

// fingerprints returns the distinct fingerprints of a folded text, sorted:
// hashes of its character n-grams, ignoring blanks and punctuation so that
// layout does not count, thinned out by winnowing (Schleimer, Wilkerson
// and Aiken, "Winnowing: local algorithms for document fingerprinting",
// 2003): of each window of winnowWindow consecutive hashes the smallest
// is kept. The choice depends only on the text around, so the same text
// gives the same fingerprints wherever it stands, and a text with fewer
// fingerprints costs less to index and compare. A short text keeps every
// hash, a superset of its winnowed ones: it is compared exactly with
// other short texts and as usual with long ones, though a short text
// inside a long one shows only about a seventh of its share. The n-grams
// are hashed with a rolling polynomial hash over their characters, one
// step per character, mixed by splitmix64's finalizer so that the
// smallest of a window is as good as a random pick.
func fingerprints(text string) []uint64 {
	return fingerprintsOf(wordRunes(text), len(text))
}

// fingerprintsOf is fingerprints of the text whose letters and digits
// are runes, size bytes long.
func fingerprintsOf(runes iter.Seq[rune], size int) []uint64 {
	hs := rollingHashes(runes, size)
	if len(hs) < minWinnowed {
		slices.Sort(hs)
		return slices.Compact(hs)
	}
	fps := winnow(hs)
	slices.Sort(fps)
	return slices.Compact(fps)
}

// wordRunes yields the letters and digits of text.
func wordRunes(text string) iter.Seq[rune] {
	return func(yield func(rune) bool) {
		for _, r := range text {
			if isWordRune(r) && !yield(r) {
				return
			}
		}
	}
}

// rollingHashes returns the hash of each n-gram of shingleRunes of runes,
// the letters and digits of a text of size bytes, in order.
func rollingHashes(runes iter.Seq[rune], size int) []uint64 {
	const base = 0x100000001b3 // odd: multiplying by it loses nothing mod 2^64
	top := uint64(1)           // base^(shingleRunes-1), the weight of a window's first character
	for range shingleRunes - 1 {
		top *= base
	}
	// A Chinese character is about three bytes of text.
	hs := make([]uint64, 0, size/3)
	var window [shingleRunes]rune // the last shingleRunes characters kept, as a ring
	var h uint64
	n := 0 // characters kept
	for r := range runes {
		if n >= shingleRunes {
			h -= uint64(window[n%shingleRunes]) * top
		}
		window[n%shingleRunes] = r
		h = h*base + uint64(r)
		n++
		if n >= shingleRunes {
			hs = append(hs, mix64(h))
		}
	}
	return hs
}

// isWordRune reports whether r is a letter or a digit, answering for the
// common Chinese characters and ASCII without the Unicode tables.
func isWordRune(r rune) bool {
	switch {
	case r < 0x80:
		return 'a' <= r|0x20 && r|0x20 <= 'z' || '0' <= r && r <= '9'
	case 0x4E00 <= r && r <= 0x9FA5: // CJK Unified Ideographs, all letters
		return true
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// winnow returns, for each window of winnowWindow consecutive hashes of
// hs, its smallest (the rightmost of equals), each position once: a
// window that keeps the previous window's pick adds nothing. The
// candidates are kept in a queue of positions whose hashes rise from
// front to back, so each hash is pushed and dropped once.
func winnow(hs []uint64) []uint64 {
	var fps []uint64
	queue := make([]int, 0, len(hs))
	head := 0  // queue[head:] are the candidates of the window
	last := -1 // the position last kept
	for i, h := range hs {
		// A later hash no greater than an earlier one wins every window
		// both are in.
		for len(queue) > head && hs[queue[len(queue)-1]] >= h {
			queue = queue[:len(queue)-1]
		}
		queue = append(queue, i)
		if queue[head] <= i-winnowWindow {
			head++ // out of the window
		}
		if i < winnowWindow-1 {
			continue
		}
		if at := queue[head]; at != last {
			fps = append(fps, hs[at])
			last = at
		}
	}
	return fps
}

// Fingerprint sets the Fingerprints of each of speeches from its folded
// Text, for MarkDuplicates; a caller may then let the text go.
func (x *Extractor) Fingerprint(speeches []Speech) {
	for i := range speeches {
		text := speeches[i].Text
		speeches[i].Fingerprints = fingerprintsOf(x.fold.foldedRunes(text), len(text))
	}
}

// mix64 is splitmix64's finalizer: every bit of x affects every bit of the
// result.
func mix64(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

// MarkDuplicates compares each speech with the earlier ones of the run and
// marks repeats: a speech sharing DuplicateShare or more of its text with
// an earlier speech (the one it shares most with) becomes a duplicate of
// it and loses its tasks; smaller shares of OverlapShare or more are
// recorded as overlaps. Speeches are compared on their Fingerprints
// (Extractor.Fingerprint), which must be set.
//
// The work grows with the corpus, not its square: a fingerprint stops
// being looked up once it is in more than maxPostings speeches.
func MarkDuplicates(speeches []Speech) {
	new(Duplicates).Mark(speeches)
}

// Duplicates marks repeats among speeches given to it a few at a time, in
// order, as MarkDuplicates does among speeches given at once: a run marks
// each input's speeches as soon as it has them, while it reads the next.
// The zero value is ready to use.
type Duplicates struct {
	// index holds, for each fingerprint, the speeches it occurs in; a
	// fingerprint in more than maxPostings speeches gains no more.
	index  map[uint64]postings
	more   [][]int32   // the lists of postings, but for their first speech
	counts []int32     // fingerprints shared with each speech seen
	seen   []speechRef // each speech seen, in order
}

// A speechRef names a speech: its Source and Index.
type speechRef struct {
	source string
	index  int
}

// Mark compares each of speeches with the speeches given before it, and
// marks it as MarkDuplicates does.
func (d *Duplicates) Mark(speeches []Speech) {
	if d.index == nil {
		total := 0
		for _, sp := range speeches {
			total += len(sp.Fingerprints)
		}
		// Room for the first speeches' fingerprints at once (all of them
		// when MarkDuplicates gives them together): growing the map step
		// by step was most of the comparison's time.
		d.index = make(map[uint64]postings, total)
	}
	for i := range speeches {
		d.mark(&speeches[i])
	}
}

// mark compares sp with the speeches seen and marks it.
func (d *Duplicates) mark(sp *Speech) {
	j := len(d.seen)
	d.seen = append(d.seen, speechRef{sp.Source, sp.Index})
	d.counts = append(d.counts, 0)
	counts := d.counts
	sh := sp.Fingerprints
	for _, k := range sh {
		// A fingerprint found in many speeches is boilerplate (同志们,
		// 下面我讲几点意见); counting it would make the comparison grow
		// with the square of the corpus.
		p, ok := d.index[k]
		switch {
		case !ok:
			d.index[k] = postings{n: 1, first: int32(j), more: -1}
			continue
		case p.n > maxPostings:
			continue
		}
		counts[p.first]++
		if p.more < 0 {
			p.more = int32(len(d.more))
			d.more = append(d.more, nil)
		}
		for _, i := range d.more[p.more] {
			counts[i]++
		}
		d.more[p.more] = append(d.more[p.more], int32(j))
		p.n++
		d.index[k] = p
	}
	best, bestShare := -1, 0.0
	var overlaps []Overlap
	for i, c := range counts[:j] {
		if c == 0 {
			continue
		}
		counts[i] = 0
		share := float64(c) / float64(len(sh))
		if share > bestShare {
			best, bestShare = i, share
		}
		if share >= OverlapShare {
			overlaps = append(overlaps, Overlap{Source: d.seen[i].source, Index: d.seen[i].index, Share: share})
		}
	}
	if best >= 0 && bestShare >= DuplicateShare {
		sp.DuplicateOf = d.seen[best].index
		sp.DuplicateSource = d.seen[best].source
		sp.Similarity = bestShare
		sp.Tasks = nil
		return
	}
	sp.Overlaps = overlaps
}
