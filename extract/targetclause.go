package extract

// This file finds the clause around a number, within which the target
// rules read its context, and the quoted, titled and bracketed text whose
// numbers are never targets.

// targetClauseSeps end a clause, the unit within which context is read.
const targetClauseSeps = "，,；;。!?！？:：\n"

// targetClauseSepSet holds targetClauseSeps, for the test at every character.
var targetClauseSepSet = runeSetOf(targetClauseSeps)

// enclosingMarks pairs the marks whose contents are names, titles, slogans or
// asides: numbers inside them are never targets.
var enclosingMarks = map[rune]rune{
	'“': '”', '‘': '’', '「': '」', '『': '』', '《': '》', '〈': '〉',
	'(': ')', '（': '）', '〔': '〕', '[': ']', '【': '】', '"': '"',
}

// enclosingOpeners holds the opening marks of enclosingMarks: enclosed asks at
// every character, and the bitmap answers faster than the map.
var enclosingOpeners = func() *runeSet {
	s := new(runeSet)
	for r := range enclosingMarks {
		s.add(r)
	}
	return s
}()

// enclosed marks the runes inside quotation marks, title marks, brackets
// and parentheses. A mark never closed within the sentence encloses
// nothing.
func enclosed(rs []rune) []bool {
	in := make([]bool, len(rs))
	for i := 0; i < len(rs); i++ {
		if !enclosingOpeners.has(rs[i]) {
			continue
		}
		cl := enclosingMarks[rs[i]]
		depth := 0
		for j := i + 1; j < len(rs); j++ {
			if rs[j] == cl && depth == 0 {
				for k := i; k <= j; k++ {
					in[k] = true
				}
				break
			}
			if rs[j] == rs[i] && cl != rs[i] {
				depth++
			} else if rs[j] == cl {
				depth--
			}
		}
	}
	return in
}

// targetClauseStart returns where the clause holding rs[i] starts.
func targetClauseStart(rs []rune, i int) int {
	for i > 0 && !isTargetClauseSep(rs, i-1) {
		i--
	}
	return i
}

// targetClauseEnd returns where the clause holding rs[i] ends.
func targetClauseEnd(rs []rune, i int) int {
	for i < len(rs) && !isTargetClauseSep(rs, i) {
		i++
	}
	return i
}

// isTargetClauseSep reports whether rs[i] ends a clause; a colon between digits
// (10:1) does not.
func isTargetClauseSep(rs []rune, i int) bool {
	if !targetClauseSepSet.has(rs[i]) {
		return false
	}
	if rs[i] == ':' || rs[i] == ',' {
		return !(i > 0 && i+1 < len(rs) && isDigit(rs[i-1]) && isDigit(rs[i+1]))
	}
	return true
}
