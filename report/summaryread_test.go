package report

import (
	"maps"
	"path/filepath"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestSummaryWithoutExcelize checks that the previous summary read by the
// fast reader (rawSummary), as a run reads it when a speech is gone, says
// what excelize reads of it: every speech's line, those on combinedSheet
// found by their 所属讲话.
func TestSummaryWithoutExcelize(t *testing.T) {
	path := filepath.Join(t.TempDir(), "ledger.xlsx")
	if _, err := Update(path, fixtureSpeeches(), Options{ReportDate: reportDate, MaxSheets: 1}); err != nil {
		t.Fatal(err)
	}
	p, err := readPrevious(path, "", "")
	if err != nil {
		t.Fatal(err)
	}
	defer p.close()
	src, ok := p.rawSummary()
	if !ok {
		t.Fatal("the fast reader cannot read the summary of a ledger the program wrote")
	}
	p.speeches = map[string]prevSpeech{}
	if err := p.readSummaryFrom(src); err != nil {
		t.Fatal(err)
	}
	raw := p.speeches
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	p.speeches = map[string]prevSpeech{}
	if err := p.readSummary(f); err != nil {
		t.Fatal(err)
	}
	if !maps.Equal(raw, p.speeches) {
		t.Errorf("summary by the fast reader:\n%v\nby excelize:\n%v", raw, p.speeches)
	}
	combined := 0
	for _, sh := range p.sheets {
		if sh.combined {
			combined++
			if _, ok := raw[sh.name]; !ok {
				t.Errorf("speech %q of %s: no line of the summary found", sh.name, combinedSheet)
			}
		}
	}
	if combined == 0 {
		t.Errorf("no speech on %s: the test reads no link to it", combinedSheet)
	}
}
