package extract

import (
	"go/ast"
	goparser "go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode"
)

// TestNoDevGoldLiterals checks that the rules are written from the guide
// and the lexicon sources, not from the dev gold files (issue 13): no
// string literal of the package's code holds a run of Chinese characters
// that is a body name of the dev gold (../testdata/lexicon/
// devgold_bodies.txt) unless the annotation guide, the head words
// (data/heads.txt), the organ names (data/organs.txt), the place names
// (data/places.txt) or the family names give it.
func TestNoDevGoldLiterals(t *testing.T) {
	x := New()
	gold := map[string]bool{}
	for _, line := range readLines(t, "../testdata/lexicon/devgold_bodies.txt") {
		gold[x.Fold(line)] = true
	}
	guide := x.Fold(strings.Join(readLines(t, "../testdata/lexicon/annotation-guide.md"), "\n"))
	sourced := func(run string) bool {
		if strings.Contains(guide, run) || places()[run] || bodySuffixSet[run] || standalone[run] || shortNames[run] {
			return true
		}
		for _, n := range organNames() {
			if n == run {
				return true
			}
		}
		for _, s := range surnames {
			if s == run {
				return true
			}
		}
		return false
	}
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	for _, file := range files {
		if strings.HasSuffix(file, "_test.go") {
			continue
		}
		f, err := goparser.ParseFile(fset, file, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			lit, ok := n.(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				return true
			}
			s, err := strconv.Unquote(lit.Value)
			if err != nil {
				return true
			}
			for _, run := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.Is(unicode.Han, r) }) {
				if gold[x.Fold(run)] && !sourced(x.Fold(run)) {
					t.Errorf("%s: %q is a dev gold body that neither the guide nor a lexicon source gives", fset.Position(lit.Pos()), run)
				}
			}
			return true
		})
	}
}

// readLines returns the lines of a file that are neither blank nor
// comments (#).
func readLines(t *testing.T, path string) []string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, line := range strings.Split(string(b), "\n") {
		if line = strings.TrimSpace(line); line != "" && !strings.HasPrefix(line, "#") {
			out = append(out, line)
		}
	}
	return out
}
