package extract

import "strings"

// Release lets the texts of speeches go: it clears each speech's Text and
// gives every string its tasks keep a copy of its own. A task's strings
// are slices of the text they were read from, and a slice keeps all of
// its text in memory; a caller holding the tasks of a large corpus would
// otherwise hold the whole corpus. Set the Fingerprints first if the
// speeches are to be compared.
func Release(speeches []Speech) {
	for i := range speeches {
		sp := &speeches[i]
		sp.Text = ""
		sp.Title = strings.Clone(sp.Title)
		sp.Speaker = strings.Clone(sp.Speaker)
		for j := range sp.Tasks {
			t := &sp.Tasks[j]
			t.Text = strings.Clone(t.Text)
			t.Section = strings.Clone(t.Section)
			for k := range t.Times {
				t.Times[k].Text = strings.Clone(t.Times[k].Text)
			}
			for k := range t.Bodies {
				b := &t.Bodies[k]
				b.Name = strings.Clone(b.Name)
				b.Canonical = strings.Clone(b.Canonical)
			}
			for k := range t.Targets {
				g := &t.Targets[k]
				g.Text = strings.Clone(g.Text)
				g.Unit = strings.Clone(g.Unit)
				g.Object = strings.Clone(g.Object)
			}
		}
	}
}
