package extract

// openingBodies returns the bodies of bs, found in d, that are the subject
// of its first directive: those that begin before the end of the clause
// holding the first marker that can name a subject (要, 必须, 请, 负责 …).
// Only they open a run (guide, "Responsible body": a body named as the
// subject of a run of directives is carried); a body that is the subject
// of a later clause only (要坚持审批制度，报账时核算中心要严格把关) is a side
// subject of its sentence.
func (d *directed) openingBodies(bs []Body) []Body {
	if len(bs) == 0 {
		return bs
	}
	offsets := runeCounter{s: d.blank}
	for _, m := range d.markers {
		word := d.blank[m[0]:m[1]]
		if _, ok := leadingMarker(word); !ok && !modalMarker.MatchString(word) {
			continue
		}
		rs, _ := d.runes()
		end := clauseEnd(rs, offsets.at(m[0]))
		out := make([]Body, 0, len(bs))
		for _, b := range bs {
			if b.Span.End <= b.Span.Start || b.Span.Start < end {
				out = append(out, b)
			}
		}
		return out
	}
	return bs
}
