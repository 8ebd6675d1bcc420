package main

import (
	"reflect"
	"testing"

	"github.com/speechledger/speechledger/extract"
)

// TestSpoolGroupsAcrossSpeeches checks that the spool gives back the
// speeches in the order they came, with the canonical names grouped over
// all of them as extract.GroupBodies groups speeches held together: 教育局
// in the first speech groups under 县教育局 named only in a later one.
func TestSpoolGroupsAcrossSpeeches(t *testing.T) {
	body := func(name string) extract.Body {
		return extract.Body{Name: name, Canonical: name, Role: extract.RoleLead}
	}
	speeches := []extract.Speech{
		{Source: "a.txt", Index: 1, Title: "一", Tasks: []extract.Task{{Seq: 1, Text: "教育局要抓好落实。", Bodies: []extract.Body{body("教育局")}}}},
		{Source: "b.txt", Index: 1, Title: "二", DuplicateOf: 1, DuplicateSource: "a.txt"},
		{Source: "c.txt", Index: 1, Title: "三", Tasks: []extract.Task{
			{Seq: 1, Text: "县教育局要抓好落实。", Bodies: []extract.Body{body("县教育局")}},
			{Seq: 2, Text: "财政局要保障资金。", Bodies: []extract.Body{body("财政局")}},
		}},
	}
	s, err := newSpeechSpool()
	if err != nil {
		t.Fatal(err)
	}
	defer s.close()
	if err := s.add(speeches[:2]); err != nil {
		t.Fatal(err)
	}
	if err := s.add(speeches[2:]); err != nil {
		t.Fatal(err)
	}
	var got []extract.Speech
	if err := s.each(func(sp extract.Speech) error { got = append(got, sp); return nil }); err != nil {
		t.Fatal(err)
	}
	want := make([]extract.Speech, len(speeches))
	for i, sp := range speeches {
		want[i] = sp
		want[i].Tasks = append([]extract.Task(nil), sp.Tasks...)
		for j := range want[i].Tasks {
			want[i].Tasks[j].Bodies = append([]extract.Body(nil), sp.Tasks[j].Bodies...)
		}
	}
	extract.GroupBodies(want)
	if want[0].Tasks[0].Bodies[0].Canonical != "县教育局" {
		t.Fatalf("GroupBodies left 教育局 as %q", want[0].Tasks[0].Bodies[0].Canonical)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("spool gave\n%+v\nwant\n%+v", got, want)
	}
	if s.tally != (tally{Speeches: 3, Duplicates: 1, Tasks: 3}) {
		t.Errorf("tally %+v", s.tally)
	}
}
