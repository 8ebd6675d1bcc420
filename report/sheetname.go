package report

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/speechledger/speechledger/extract"
)

// maxSheetName is the longest sheet name Excel accepts, in characters.
const maxSheetName = 31

// summarySheet is the name of the summary sheet, always the first.
const summarySheet = "汇总"

// sheetNameReplacer turns the characters Excel forbids in sheet names into
// their full-width look-alikes, so names stay readable.
var sheetNameReplacer = strings.NewReplacer(
	"[", "【", "]", "】", ":", "：", "*", "＊", "?", "？", "/", "／", `\`, "＼",
)

// A sheetNamer hands out unique, valid sheet names for speeches.
type sheetNamer struct {
	shared map[string]bool // cleaned titles that several speeches have
	used   map[string]bool // names given so far, lowercased
	// next is, for each name's base, the first number of a suffix (2)
	// not known to be taken: a title that a thousand speeches share is
	// numbered on from where the last was, not from (2) again.
	next map[string]int
}

// newSheetNamer prepares names for the speeches that get a sheet. A title
// that several of them share is prefixed with the speech's 篇N.
func newSheetNamer(speeches []extract.Speech) *sheetNamer {
	count := map[string]int{}
	for _, sp := range speeches {
		if sp.DuplicateOf == 0 {
			count[cleanSheetName(sp.Title)]++
		}
	}
	n := &sheetNamer{shared: map[string]bool{}, used: map[string]bool{}, next: map[string]int{}}
	for t, c := range count {
		if c > 1 {
			n.shared[t] = true
		}
	}
	n.used[strings.ToLower(summarySheet)] = true
	n.used[strings.ToLower(logSheet)] = true
	n.used[strings.ToLower(combinedSheet)] = true
	return n
}

// name returns the sheet name of sp: its cleaned title, prefixed with 篇N
// when other speeches share the title, cut to 31 characters, with (2), (3)…
// appended when the name is taken.
func (n *sheetNamer) name(sp *extract.Speech) string {
	base := cleanSheetName(sp.Title)
	if base == "" {
		base = "讲话"
		if sp.Index > 0 {
			base += strconv.Itoa(sp.Index)
		}
	} else if n.shared[base] && sp.Index > 0 {
		base = ordinal(sp.Index) + " " + base
	}
	if strings.EqualFold(base, "History") {
		base += "（讲话）"
	}
	name := truncateName(base, "")
	for i := max(2, n.next[base]); n.used[strings.ToLower(name)]; i++ {
		name = truncateName(base, "("+strconv.Itoa(i)+")")
		n.next[base] = i + 1 // names are never given back
	}
	n.used[strings.ToLower(name)] = true
	return name
}

// cleanSheetName makes a title fit for a sheet name: forbidden characters
// replaced, control characters and line breaks dropped, runs of spaces
// folded, no apostrophe or space at either end.
func cleanSheetName(title string) string {
	title = sheetNameReplacer.Replace(title)
	var b strings.Builder
	space := false
	for _, r := range title {
		switch {
		case unicode.IsSpace(r):
			space = true
			continue
		case unicode.IsControl(r):
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return strings.Trim(b.String(), "' ")
}

// truncateName cuts base so that base+suffix has at most 31 characters,
// marking a cut with …, and keeps apostrophes and spaces off the ends.
func truncateName(base, suffix string) string {
	rs := []rune(base)
	room := maxSheetName - len([]rune(suffix))
	if len(rs) > room {
		rs = []rune(strings.TrimRight(string(rs[:room-1]), "' ") + "…")
	}
	return strings.Trim(string(rs), "' ") + suffix
}
