package extract

import "slices"

// analyses holds, for one input file, what the rules find in a paragraph
// or a sentence that depends on its text alone. Compilations repeat
// speeches and boilerplate (a third of the seeds' sentences recur in their
// file), and a repeat then costs a map lookup. What depends on a
// paragraph's place in its speech (its section, the run of directives it
// is in, its reference date) is still worked out each time.
type analyses struct {
	paras map[string]*paragraph // by the line as written
	sents map[string]*analysis  // by the folded sentence
	size  int                   // the bytes of text held, less the analyses' own
}

// maxAnalyses bounds the text analyses holds, and so the memory it keeps
// for a large file: past it the analyses start afresh, which costs only
// the time to find them again.
const maxAnalyses = 8 << 20

// newAnalyses returns empty analyses.
func newAnalyses() *analyses {
	return &analyses{paras: map[string]*paragraph{}, sents: map[string]*analysis{}}
}

// hold counts n bytes more of text held, starting afresh past the bound.
func (a *analyses) hold(n int) {
	if a.size += n; a.size > maxAnalyses {
		*a = *newAnalyses()
		a.size = n
	}
}

// paragraph is a line as tasks reads it.
type paragraph struct {
	text  string // the folded line
	kind  int    // paragraphKind of text
	sents []sentence
}

// paragraph returns line, folded, classified and split into sentences.
// The result is shared: callers must not change it.
func (x *Extractor) paragraph(a *analyses, line string) *paragraph {
	if p, ok := a.paras[line]; ok {
		return p
	}
	a.hold(len(line))
	fl := x.fold.fold(line)
	p := &paragraph{text: fl.text, kind: paragraphKind(fl.text), sents: x.taggedSentences(line, fl)}
	a.paras[line] = p
	return p
}

// analysis is what the rules find in one folded sentence, each part found
// when first asked for.
type analysis struct {
	d        *directed
	verdicts [2]struct{ known, yes, weak bool } // directive, by heading
	marked   []Body                             // markedBodies
	targets  []Target                           // FindTargets
	times    []datedTimes                       // the time nodes kept, by reference date
	key      string                             // squeeze of the sentence

	haveMarked, haveTargets bool
}

// sentence returns the analysis of the folded sentence f.
func (a *analyses) sentence(f string) *analysis {
	if an, ok := a.sents[f]; ok {
		return an
	}
	a.hold(len(f))
	an := &analysis{d: newDirected(f)}
	a.sents[f] = an
	return an
}

// directive is lx.directive(an.d, heading).
func (an *analysis) directive(lx *lexicon, heading bool) (yes, weak bool) {
	v := &an.verdicts[b2i(heading)]
	if !v.known {
		v.yes, v.weak = lx.directive(an.d, heading)
		v.known = true
	}
	return v.yes, v.weak
}

// markedBodies is lx.markedBodies of the sentence. The result is shared:
// callers must not change it.
func (an *analysis) markedBodies(lx *lexicon) []Body {
	if !an.haveMarked {
		an.marked, an.haveMarked = lx.markedBodies(an.d.text, &an.d.chars), true
	}
	return an.marked
}

// squeezed returns squeeze of the sentence.
func (an *analysis) squeezed() string {
	if an.key == "" {
		an.key = squeeze(an.d.text)
	}
	return an.key
}

// findTargets returns a copy of FindTargets of the sentence.
func (an *analysis) findTargets() []Target {
	if !an.haveTargets {
		if f := an.d.text; mayHoldTarget(f) {
			rs, _ := an.d.runes()
			an.targets = findTargetsIn(f, rs)
		}
		an.haveTargets = true
	}
	return slices.Clone(an.targets)
}

// datedTimes is what findTimes found against the reference date ref.
type datedTimes struct {
	ref   Date
	nodes []TimeNode
}

// findTimes returns a copy of the time nodes of the sentence, resolved
// against ref, less those of a hypothesis. It remembers them in a list
// rather than a map: a run resolves nearly every sentence against one
// date, and a map's first entry costs several times a list's.
func (an *analysis) findTimes(ref Date) []TimeNode {
	for _, t := range an.times {
		if t.ref == ref {
			return slices.Clone(t.nodes)
		}
	}
	f := an.d.text
	rs, off := an.d.runes()
	ts := dropHypothetical(f, findTimesIn(f, rs, off, ref, true))
	an.times = append(an.times, datedTimes{ref, ts})
	return slices.Clone(ts)
}
