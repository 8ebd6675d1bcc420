package extract

// This file finds words at a position of a rune slice, for the rules
// that read sentences as runes.

// hasAt reports whether rs has w at i.
func hasAt(rs []rune, i int, w string) bool {
	// Most words differ from rs at their first character, which for the
	// three-byte characters of Chinese is cheaper to compare here than to
	// decode in the loop; w, a word of the target rules, is valid UTF-8.
	if i < len(rs) && len(w) >= 3 && w[0]&0xF0 == 0xE0 && rs[i] != rune(w[0]&0x0F)<<12|rune(w[1]&0x3F)<<6|rune(w[2]&0x3F) {
		return false
	}
	for _, r := range w {
		if i >= len(rs) || rs[i] != r {
			return false
		}
		i++
	}
	return true
}

// firstAt returns the first of words found at rs[i:], or "".
func firstAt(rs []rune, i int, words []string) string {
	for _, w := range words {
		if hasAt(rs, i, w) {
			return w
		}
	}
	return ""
}

// longestAt returns the longest of words found at rs[i:], or "".
func longestAt(rs []rune, i int, words []string) string {
	best := ""
	for _, w := range words {
		if len(w) > len(best) && hasAt(rs, i, w) {
			best = w
		}
	}
	return best
}

// endsWith reports whether rs[:i] ends with w, and returns where w starts.
func endsWith(rs []rune, i int, w string) (int, bool) {
	n := len([]rune(w))
	if i-n < 0 || !hasAt(rs, i-n, w) {
		return 0, false
	}
	return i - n, true
}

// runesText returns rs[i:j] as a string, with j cut to the end of rs, or ""
// if that leaves nothing.
func runesText(rs []rune, i, j int) string {
	if j > len(rs) {
		j = len(rs)
	}
	if i >= j {
		return ""
	}
	return string(rs[i:j])
}

// endsWithAny reports whether rs[:i] ends with one of ws.
func endsWithAny(rs []rune, i int, ws []string) bool {
	for _, w := range ws {
		if _, ok := endsWith(rs, i, w); ok {
			return true
		}
	}
	return false
}
