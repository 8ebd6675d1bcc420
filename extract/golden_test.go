package extract

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/golden")

// TestGoldenSeeds freezes the extraction of each seed compilation in a
// readable golden file: one block per speech, one line per task with its
// time nodes, bodies and targets. Regenerate with -update after reading the
// diff; the gold set and scorer, not these files, measure correctness.
func TestGoldenSeeds(t *testing.T) {
	seeds, err := filepath.Glob("../testdata/seeds/*.txt")
	if err != nil || len(seeds) == 0 {
		t.Fatalf("no seeds: %v", err)
	}
	x := New()
	ref := NewDate(2021, 9, 1)
	for _, seed := range seeds {
		name := filepath.Base(seed)
		t.Run(name, func(t *testing.T) {
			b, err := os.ReadFile(seed)
			if err != nil {
				t.Fatal(err)
			}
			text, _, err := Decode(b)
			if err != nil {
				t.Fatal(err)
			}
			speeches := x.Speeches(name, text, Options{RefDate: ref})
			x.Fingerprint(speeches)
			MarkDuplicates(speeches)
			got := renderSpeeches(speeches)
			golden := filepath.Join("../testdata/golden/extract", strings.TrimSuffix(name, ".txt")+".golden")
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./extract -run TestGoldenSeeds -update)", err)
			}
			if got != string(want) {
				t.Errorf("extraction of %s differs from %s:\n%s", name, golden, lineDiff(string(want), got))
			}
		})
	}
}

// renderSpeeches writes speeches in the golden files' readable form.
func renderSpeeches(speeches []Speech) string {
	var b strings.Builder
	for _, sp := range speeches {
		fmt.Fprintf(&b, "# %d %s | speaker=%q date=%s ref=%s(%s)", sp.Index, sp.Title, sp.Speaker, sp.SpeechDate, sp.RefDate, sp.RefSource)
		if sp.DuplicateOf != 0 {
			fmt.Fprintf(&b, " duplicate_of=%s#%d %.3f", sp.DuplicateSource, sp.DuplicateOf, sp.Similarity)
		}
		for _, o := range sp.Overlaps {
			fmt.Fprintf(&b, " overlap=%s#%d %.3f", o.Source, o.Index, o.Share)
		}
		b.WriteString("\n")
		for _, t := range sp.Tasks {
			fmt.Fprintf(&b, "%d. %s\n", t.Seq, t.Text)
			if t.Section != "" {
				fmt.Fprintf(&b, "   section: %s\n", t.Section)
			}
			for _, tn := range t.Times {
				fmt.Fprintf(&b, "   time: %s start=%s due=%s %s\n", tn.Text, tn.Start, tn.Due, tn.Note)
			}
			for _, bd := range t.Bodies {
				fmt.Fprintf(&b, "   body: %s (%s carried=%v)\n", bd.Name, bd.Role, bd.Carried)
			}
			for _, g := range t.Targets {
				fmt.Fprintf(&b, "   target: %s value=%g ratio=%q unit=%q object=%q cmp=%s\n", g.Text, g.Value, g.Ratio, g.Unit, g.Object, g.Cmp)
			}
		}
	}
	return b.String()
}

// lineDiff lists the first lines where want and got differ.
func lineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	shown := 0
	for i := 0; i < max(len(w), len(g)) && shown < 20; i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			fmt.Fprintf(&b, "line %d:\n  want: %s\n  got:  %s\n", i+1, wl, gl)
			shown++
		}
	}
	return b.String()
}

// seedLines returns the lines of the seed compilations, as stored.
func seedLines(t testing.TB) []string {
	t.Helper()
	seeds, err := filepath.Glob("../testdata/seeds/*.txt")
	if err != nil || len(seeds) == 0 {
		t.Fatalf("no seeds: %v", err)
	}
	var lines []string
	for _, p := range seeds {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		lines = append(lines, strings.Split(string(b), "\n")...)
	}
	return lines
}

// seedClauses returns the seeds' lines folded, and the clauses they hold:
// texts to check a scanner against the pattern it stands for.
func seedClauses(t testing.TB) []string {
	t.Helper()
	x := New()
	var texts []string
	for _, line := range seedLines(t) {
		f := x.Fold(line)
		texts = append(texts, f)
		texts = append(texts, strings.FieldsFunc(f, func(r rune) bool { return strings.ContainsRune("，,。；;", r) })...)
	}
	return texts
}
