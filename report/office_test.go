package report

import (
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/speechledger/speechledger/extract"
)

// needTool returns the path of a program the test needs. When the program
// is missing the test is skipped on a developer's machine, but fails under
// CI (CI set in the environment), where .ci/run installs it.
func needTool(t *testing.T, names ...string) string {
	t.Helper()
	if testing.Short() {
		t.Skip("runs LibreOffice or poppler: skipped under -short")
	}
	for _, name := range names {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	msg := fmt.Sprintf("%s not found (apt-get install libreoffice-calc fonts-noto-cjk poppler-utils)", strings.Join(names, " or "))
	if os.Getenv("CI") != "" {
		t.Fatal(msg)
	}
	t.Skip(msg)
	return ""
}

// soffice converts the workbook at path with LibreOffice headless into
// outDir, to the format filter, using a profile of its own so that it
// neither needs nor disturbs a running LibreOffice.
func soffice(t *testing.T, bin, path, filter, outDir string) {
	t.Helper()
	profile := "file://" + filepath.ToSlash(t.TempDir())
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, "--headless", "--norestore", "-env:UserInstallation="+profile,
		"--convert-to", filter, "--outdir", outDir, path)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("soffice --convert-to %s: %v\n%s", filter, err, out)
	}
}

// longSpeech is a speech with enough tasks to fill several printed pages.
func longSpeech() extract.Speech {
	sp := extract.Speech{Source: "005_fixture.txt", Index: 1, Title: "长篇讲话测试", SpeechDate: date(2010, 1, 4)}
	for i := 1; i <= 60; i++ {
		text := fmt.Sprintf("第%d项：县发改局要在2010年%d月底前完成重点项目建设前期工作，形成可落地的实施方案并报县政府审定。", i, i%12+1)
		sp.Tasks = append(sp.Tasks, extract.Task{
			Seq: i, ID: "t-l" + strconv.Itoa(i), Text: text,
			Times:  []extract.TimeNode{{Text: fmt.Sprintf("2010年%d月底前", i%12+1), Due: extract.NewDate(2010, time.Month(i%12+2), 0)}},
			Bodies: []extract.Body{{Name: "县发改局", Canonical: "县发展和改革局", Role: extract.RoleLead, Span: span(text, "县发改局")}},
		})
	}
	return sp
}

// TestLibreOffice opens the workbook in a real spreadsheet program:
// LibreOffice converts it to PDF and to CSV without error, the text it
// shows is what we wrote (its own recalculation of 预警 included), the
// header repeats on every printed page of a sheet and no cell shows ###.
func TestLibreOffice(t *testing.T) {
	bin := needTool(t, "soffice", "libreoffice")
	pdftotext := needTool(t, "pdftotext")
	dir := t.TempDir()
	path := filepath.Join(dir, "ledger.xlsx")
	speeches := append(fixtureSpeeches(), longSpeech())
	opt := Options{ReportDate: reportDate}
	if err := WriteWorkbook(path, speeches, opt); err != nil {
		t.Fatal(err)
	}
	keepCopy(t, path)
	l := buildLedger(speeches, opt)

	soffice(t, bin, path, "pdf", dir)
	pdf := filepath.Join(dir, "ledger.pdf")
	text, err := exec.Command(pdftotext, "-layout", pdf, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	pages := strings.Split(strings.TrimRight(string(text), "\f"), "\f")
	if len(pages) < len(l.Sheets)+1 {
		t.Errorf("%d pages, want at least one per sheet (%d)", len(pages), len(l.Sheets)+1)
	}
	long := 0
	for i, p := range pages {
		if strings.Contains(p, "###") {
			t.Errorf("page %d shows ###:\n%s", i+1, p)
		}
		if !strings.Contains(p, fmt.Sprintf("第 %d 页，共 %d 页", i+1, len(pages))) {
			t.Errorf("page %d lacks the page footer", i+1)
		}
		if strings.Contains(p, "长篇讲话测试") {
			long++
			if !strings.Contains(p, "工作任务") || !strings.Contains(p, "完成时限") {
				t.Errorf("page %d of the long sheet does not repeat the header row:\n%s", i+1, p)
			}
		}
	}
	if long < 2 {
		t.Errorf("the long sheet printed on %d pages, want several", long)
	}
	for _, want := range []string{"讲话任务督办台账汇总", "在全县教育工作会议上的讲话 任务台账", "县教育局要在年底前完成73所学校的校舍改造任务。", "2009-12-31"} {
		if !strings.Contains(string(text), want) {
			t.Errorf("PDF lacks %q", want)
		}
	}

	// Every sheet as CSV, as LibreOffice computes and formats it.
	csvDir := filepath.Join(dir, "csv")
	soffice(t, bin, path, "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1", csvDir)
	for _, sh := range l.Sheets {
		name := filepath.Join(csvDir, "ledger-"+sh.Name+".csv")
		b, err := os.ReadFile(name)
		if err != nil {
			t.Errorf("sheet %q: %v", sh.Name, err)
			continue
		}
		recs, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		const header = 3 // rows above the first task
		if len(recs) < header+len(sh.Rows) {
			t.Errorf("sheet %q: %d CSV rows, want %d", sh.Name, len(recs), header+len(sh.Rows))
			continue
		}
		for i, r := range sh.Rows {
			rec := recs[header+i]
			want := map[int]string{0: strconv.Itoa(r.Seq), 1: r.ID, 2: cleanText(r.Text), 3: r.Times, 4: r.Due.String(), 5: r.Lead, 11: r.Status, 13: r.Warning}
			for col, w := range want {
				// LibreOffice breaks very long text into lines in CSV.
				if col >= len(rec) || strings.ReplaceAll(rec[col], "\n", "") != strings.ReplaceAll(w, "\n", "") {
					got := ""
					if col < len(rec) {
						got = rec[col]
					}
					t.Errorf("sheet %q row %d col %d: LibreOffice shows %q, want %q", sh.Name, i+1, col+1, shorten(got), shorten(w))
				}
			}
		}
	}
}
