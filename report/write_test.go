package report

import (
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var keep = flag.String("keep", "", "also copy the workbooks the tests write into this `folder`")

// writeFixture writes the fixture workbook into a temporary folder with
// the given template ("" for the default) and returns its path.
func writeFixture(t *testing.T, template string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "ledger.xlsx")
	opt := Options{ReportDate: reportDate, Template: template, Inputs: []string{"fixtures"}}
	if err := WriteWorkbook(path, fixtureSpeeches(), opt); err != nil {
		t.Fatal(err)
	}
	keepCopy(t, path)
	return path
}

// keepCopy copies the workbook at path into the -keep folder, if any,
// named after the test.
func keepCopy(t *testing.T, path string) {
	t.Helper()
	if *keep == "" {
		return
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	name := filepath.Join(*keep, filepath.Base(t.Name())+".xlsx")
	if err := os.WriteFile(name, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestWriteSmoke(t *testing.T) {
	writeFixture(t, "")
}
