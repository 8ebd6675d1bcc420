package xlsx

import (
	"strings"
	"testing"
)

func TestGrowRange(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"A4:O4", "A4:O30"},
		{"$A$3:$O$4", "$A$3:$O$30"},
		{"L4", "L4:L30"},
		{"A1:O1", "A1:O1"},   // the title's merge: not a task row
		{"A4:O40", "A4:O40"}, // ends elsewhere
		{"A14", "A14"},
	} {
		if got := growRange(c.in, 4, 30); got != c.want {
			t.Errorf("growRange(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// FinishSheet writes the title cells, grows the ranges of the task rows and
// fills the page header, and leaves merged cells alone.
func TestFinishSheet(t *testing.T) {
	part := `<worksheet><dimension ref="A1"></dimension><sheetData><row r="1"><c r="A1" s="3" t="s"><v>0</v></c></row></sheetData>` +
		`<autoFilter ref="$A$3:$O$4"></autoFilter><mergeCells><mergeCell ref="A4:O4"/></mergeCells>` +
		`<conditionalFormatting sqref="A4:O4"></conditionalFormatting><dataValidations><dataValidation type="list" sqref="L4"></dataValidation></dataValidations>` +
		`<headerFooter><oddHeader>&amp;C{标题}</oddHeader></headerFooter></worksheet>`
	r := &Frame{First: 4, LastRow: 9, LastCol: 15, Titles: map[string]string{"A1": "A&B 任务台账"},
		HeaderFooter: strings.NewReplacer("{标题}", "A&amp;&amp;B")}
	head, tail, err := FinishSheet([]byte(part), r)
	if err != nil {
		t.Fatal(err)
	}
	got := string(head) + "<ROWS/>" + string(tail)
	for _, want := range []string{
		`<dimension ref="A1:O9"/>`,
		`<c r="A1" s="3" t="inlineStr"><is><t xml:space="preserve">A&amp;B 任务台账</t></is></c></row><ROWS/></sheetData>`,
		`<autoFilter ref="$A$3:$O$9">`,
		`<mergeCell ref="A4:O4"/>`,
		`<conditionalFormatting sqref="A4:O9">`,
		`sqref="L4:L9"`,
		`<oddHeader>&amp;CA&amp;&amp;B</oddHeader>`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("no %s in\n%s", want, got)
		}
	}
}
