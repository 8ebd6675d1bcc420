package extract

import (
	"bufio"
	"fmt"
	"strings"
	"sync"
)

// BodyName is an entry of a user's list of local body names: a name to
// recognise, and the canonical name to group it under ("" for itself).
type BodyName struct {
	Name      string
	Canonical string
}

// ParseBodyList reads a list of body names: one per line, optionally
// followed by a tab and the canonical name to group it under. Blank lines
// and lines starting with # are skipped.
func ParseBodyList(text string) ([]BodyName, error) {
	var out []BodyName
	sc := bufio.NewScanner(strings.NewReader(strings.TrimPrefix(text, "\ufeff")))
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		name, canon, _ := strings.Cut(line, "\t")
		name, canon = strings.TrimSpace(name), strings.TrimSpace(canon)
		if name == "" || strings.ContainsAny(name, "\t，,。") {
			return nil, fmt.Errorf("line %d: %q is not a body name", n, line)
		}
		out = append(out, BodyName{Name: name, Canonical: canon})
	}
	return out, sc.Err()
}

// lexicon holds the user's local body names, folded, each mapped to its
// canonical name. A nil lexicon holds none.
type lexicon struct {
	user     map[string]string
	userLast map[rune]struct{} // the last characters of user names
	words    *segmenter        // word boundaries; nil checks none
	names    *nameMemo         // isBodyName's answers; nil keeps none
}

// nameMemo remembers whether names are body names. It is safe for
// concurrent use, and bounded: past maxNameMemo names it starts afresh,
// which costs only the time to answer again.
type nameMemo struct {
	mu  sync.Mutex
	yes map[string]bool
}

// maxNameMemo bounds the names a nameMemo holds (a few MB).
const maxNameMemo = 1 << 16

// get returns the answer remembered for name, if any.
func (m *nameMemo) get(name string) (yes, ok bool) {
	m.mu.Lock()
	yes, ok = m.yes[name]
	m.mu.Unlock()
	return yes, ok
}

// put remembers the answer for name.
func (m *nameMemo) put(name string, yes bool) {
	name = strings.Clone(name) // not the sentence it may be cut from
	m.mu.Lock()
	if m.yes == nil || len(m.yes) >= maxNameMemo {
		m.yes = make(map[string]bool)
	}
	m.yes[name] = yes
	m.mu.Unlock()
}

// canonical returns the name to group a folded body name under.
func (lx *lexicon) canonical(name string) string {
	if lx != nil {
		if c, ok := lx.user[name]; ok {
			return c
		}
	}
	return name
}

// GroupBodies gives bodies named with and without their level prefix the
// same canonical name across a run: where 县教育局 and 教育局 both occur
// and 教育局 has no other prefixed form (市教育局), 教育局 groups under
// 县教育局. Names the user's list grouped are left as they are.
func GroupBodies(speeches []Speech) {
	var names []string
	for _, sp := range speeches {
		names = AppendCanonical(names, sp)
	}
	Regroup(speeches, GroupNames(names))
}

// AppendCanonical appends the canonical names of the bodies of sp's tasks
// to names, for GroupNames.
func AppendCanonical(names []string, sp Speech) []string {
	for _, t := range sp.Tasks {
		for _, b := range t.Bodies {
			names = append(names, b.Canonical)
		}
	}
	return names
}

// Regroup gives the bodies of speeches the canonical names group gives
// their own (GroupNames' result): for a run that groups the names of all
// its speeches without holding them all at once.
func Regroup(speeches []Speech, group map[string]string) {
	for i := range speeches {
		for j := range speeches[i].Tasks {
			for k := range speeches[i].Tasks[j].Bodies {
				b := &speeches[i].Tasks[j].Bodies[k]
				if g, ok := group[b.Canonical]; ok {
					b.Canonical = g
				}
			}
		}
	}
}

// GroupNames applies GroupBodies' rule to a set of canonical names: it
// returns, for each name to be grouped under another, that name.
func GroupNames(names []string) map[string]string {
	prefixed := map[string][]string{} // 教育局 -> [县教育局]
	seen := map[string]bool{}
	for _, name := range names {
		if seen[name] {
			continue
		}
		seen[name] = true
		rs := []rune(name)
		if len(rs) >= 4 && strings.ContainsRune(levelPrefixes, rs[0]) && !strings.ContainsRune("委政人纪总", rs[1]) {
			prefixed[string(rs[1:])] = append(prefixed[string(rs[1:])], name)
		}
	}
	group := map[string]string{}
	for name := range seen {
		if forms := prefixed[name]; len(forms) == 1 {
			group[name] = forms[0]
		}
	}
	return group
}

// levelPrefixes are the one-character administrative levels a body name
// may open with: 县教育局, 市财政局.
const levelPrefixes = "省市县区州盟旗镇乡"
