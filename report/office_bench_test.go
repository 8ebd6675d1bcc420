package report

import (
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

// BenchmarkLibreOfficeOpen times LibreOffice headless opening the
// default ledger of 200, 1,000 and 2,000 speeches (the seeds' speeches
// repeated with new titles), by converting it to CSV. Its profile is made
// beforehand, so that making it is not timed. Besides the wall time it
// reports the CPU time of soffice, which depends less on what else runs
// on the machine, and the load average when it ended: give both with a
// figure. Run one size at a time, for one iteration:
//
//	go test ./report -run '^$' -bench 'LibreOfficeOpen/speeches=200$' -benchtime 1x
func BenchmarkLibreOfficeOpen(b *testing.B) {
	if testing.Short() {
		b.Skip("slow")
	}
	bin, err := exec.LookPath("soffice")
	if err != nil {
		b.Skip("soffice not found")
	}
	for _, n := range []int{200, 1000, 2000} {
		b.Run(fmt.Sprintf("speeches=%d", n), func(b *testing.B) {
			dir := b.TempDir()
			path := filepath.Join(dir, "ledger.xlsx")
			if err := WriteWorkbook(path, benchSpeechCount(b, n), Options{ReportDate: reportDate}); err != nil {
				b.Fatal(err)
			}
			profile := "-env:UserInstallation=file://" + filepath.ToSlash(filepath.Join(dir, "profile"))
			warm := filepath.Join(dir, "warm.csv")
			if err := os.WriteFile(warm, []byte("a\n"), 0o644); err != nil {
				b.Fatal(err)
			}
			var cpu time.Duration
			convert := func(in string) {
				cmd := exec.Command(bin, "--headless", "--norestore", profile, "--convert-to", "csv", "--outdir", filepath.Join(dir, "out"), in)
				out, err := cmd.CombinedOutput()
				if err != nil {
					b.Fatalf("soffice: %v\n%s", err, out)
				}
				cpu += cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
			}
			convert(warm) // makes the profile
			cpu = 0
			b.ResetTimer()
			for b.Loop() {
				convert(path)
			}
			b.ReportMetric(b.Elapsed().Seconds()/float64(b.N), "s/open")
			b.ReportMetric(cpu.Seconds()/float64(b.N), "cpu-s/open")
			sheets := min(n, MaxSpeechSheets)
			if n > MaxSpeechSheets {
				sheets++ // combinedSheet
			}
			b.ReportMetric(float64(sheets), "sheets")
			if load, ok := loadAverage(); ok {
				b.ReportMetric(load, "load")
			}
		})
	}
}

// loadAverage returns the machine's load average over the last minute,
// where /proc/loadavg tells it.
func loadAverage() (float64, bool) {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return 0, false
	}
	f := strings.Fields(string(b))
	if len(f) == 0 {
		return 0, false
	}
	v, err := strconv.ParseFloat(f[0], 64)
	return v, err == nil
}

// benchSpeechCount returns n speeches: the seeds' speeches with tasks,
// repeated with new titles.
func benchSpeechCount(b *testing.B, n int) []extract.Speech {
	b.Helper()
	x := extract.New()
	var seeds []extract.Speech
	names, texts := seedTexts(b)
	for i, name := range names {
		for _, sp := range x.Speeches(name, texts[i], extract.Options{RefDate: extract.NewDate(2021, 9, 1)}) {
			if len(sp.Tasks) > 0 {
				seeds = append(seeds, sp)
			}
		}
	}
	out := make([]extract.Speech, n)
	for i := range out {
		sp := seeds[i%len(seeds)]
		sp.Title = fmt.Sprintf("%s（%d）", sp.Title, i)
		sp.Index = i + 1
		out[i] = sp
	}
	return out
}
