package extract

// This file holds runeSet, the bitmap set of characters the rules of
// this package test characters against at nearly every position.

// runeSet is a set of characters of the Basic Multilingual Plane, as a
// bitmap: the time parser asks at every character of a sentence, and a
// bitmap answers much faster than a map.
type runeSet [0x10000 / 64]uint64

// add puts r, which must lie in the plane, in the set.
func (s *runeSet) add(r rune) {
	if r < 0 || r >= 0x10000 {
		panic("runeSet: character outside the Basic Multilingual Plane")
	}
	s[r>>6] |= 1 << (r & 63)
}

// runeSetOf returns the set of the characters of chars.
func runeSetOf(chars string) *runeSet {
	s := new(runeSet)
	for _, r := range chars {
		s.add(r)
	}
	return s
}

// has reports whether r is in the set.
func (s *runeSet) has(r rune) bool {
	return r >= 0 && r < 0x10000 && s[r>>6]&(1<<(r&63)) != 0
}
