package extract

import (
	_ "embed"
	"strings"
	"sync"
)

//go:embed data/places.txt
var placesTable string

// places returns the set of the names of China's provinces, cities,
// counties and towns (data/places.txt), loaded on first use.
var places = sync.OnceValue(func() map[string]bool {
	set := make(map[string]bool, 40000)
	for _, line := range strings.Split(placesTable, "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		last, names, _ := strings.Cut(line, "\t")
		if last == "*" {
			last = ""
		}
		for _, n := range strings.Fields(names) {
			set[n+last] = true
		}
	}
	return set
})

// maxPlaceRunes bounds the place names placePrefix looks for.
const maxPlaceRunes = 12

// placePrefix returns the rune length of the place a body name opens
// with: a division's name (蓬莱区教育局, 殷汇镇人民政府) or a level alone
// (市财政局), or 0.
func placePrefix(name string) int {
	rs := []rune(name)
	for n := min(len(rs)-1, maxPlaceRunes); n >= 2; n-- {
		if places()[string(rs[:n])] {
			return n
		}
	}
	if len(rs) > 2 && strings.ContainsRune(levelPrefixes, rs[0]) && !hasPrefixAny(name, levelWords...) {
		return 1
	}
	return 0
}

// levelWords are the words that open with a level's character without
// naming the level: 市场监管总局 is the market regulator, no city's organ.
var levelWords = []string{"市场", "市民", "市域", "区域", "县域", "省域", "乡村"}

// isTown reports whether name is a town, township or sub-district of the
// divisions (殷汇镇, 东华门街道): a bare town names its government as a
// body, where a county or a city names a place (guide: 我县 is no body).
func isTown(name string) bool {
	return (strings.HasSuffix(name, "镇") || strings.HasSuffix(name, "乡") || strings.HasSuffix(name, "街道")) && places()[name]
}

// organHeads are the heads of a government organ's name that a list may
// share the place of the name before it: 市发展改革委、财政局 names
// 市财政局.
var organHeads = mustRegexp(`(?:局|委|厅|办|署|委员会|办公室|中心)$`)

// sharedPlace returns name with the place of prev put before it, where a
// list shares it (市发展改革委、财政局 -> 市财政局): prev opens with a place
// and name, an organ with none of its own, is joined to it by 、.
func sharedPlace(prev, name, joiner string) string {
	if joiner != "、" || !organHeads().MatchString(name) || placePrefix(name) > 0 || collectiveScope().MatchString(name) || namesLevel(name) {
		return name
	}
	if n := placePrefix(prev); n > 0 {
		return string([]rune(prev)[:n]) + name
	}
	return name
}

// namesLevel reports whether an organ's name holds a level of its own
// before its head (团市委, 团县委): it is that level's organ already.
func namesLevel(name string) bool {
	rs := []rune(name)
	return strings.ContainsAny(string(rs[:len(rs)-1]), levelPrefixes)
}

// sharePlaces gives each body of a list that names no place of its own
// the place of the name before it, where the two are joined by 、
// (sharedPlace). rs is the text the bodies' spans index, from rune offset
// base.
func sharePlaces(rs []rune, bs []Body, base int) {
	for i := 1; i < len(bs); i++ {
		a, b := bs[i-1].Span.End-base, bs[i].Span.Start-base
		if a < 0 || b > len(rs) || a >= b {
			continue
		}
		bs[i].Name = sharedPlace(bs[i-1].Name, bs[i].Name, string(rs[a:b]))
	}
}
