package main

import (
	"encoding/json"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

var updateCycle = flag.Bool("update-cycle", false, "rewrite testdata/cycle from a live run with openpyxl and LibreOffice")

// A cycleReply is how the end-to-end test has a unit fill in its handout,
// and what collect must make of it; testdata/cycle/edits.json holds those
// of the committed replies.
type cycleReply struct {
	Unit    string         `json:"unit"`
	File    string         `json:"file"` // the handout's and the reply's base name
	How     string         `json:"how"`  // openpyxl or libreoffice (edit_reply.py)
	Edits   map[string]any `json:"edits"`
	Expect  []cycleEdit    `json:"expect"`
	Unknown []string       `json:"unknown"` // 任务编号 the ledger does not have
	Added   int            `json:"added"`   // rows without 任务编号
}

// A cycleEdit is a value a reply gives a task, merged or in conflict.
type cycleEdit struct {
	ID       string `json:"id"`
	Field    string `json:"field"`
	Value    string `json:"value,omitempty"`
	Date     string `json:"date,omitempty"`
	Conflict bool   `json:"conflict,omitempty"`
}

// python returns a Python interpreter that imports module, or "".
func python(module string) string {
	for _, p := range []string{"python3", "/usr/bin/python3"} {
		if exec.Command(p, "-c", "import "+module).Run() == nil {
			return p
		}
	}
	return ""
}

// TestCycleEndToEnd runs the office's cycle: the seeds' ledger, handed
// out to a folder, two units' replies, one edited and saved by openpyxl,
// one by LibreOffice (status, progress, dates, a renamed sheet and
// column, re-sorted rows, a row the unit added, an unknown task, and the
// two replies disagreeing on a shared task), collected into the ledger:
// every reply value is in the ledger with its type, 变更记录 has a line
// for each, the conflict and the unknown rows are reported with exit
// status 1, and nothing else in the ledger changes.
//
// The replies committed under testdata/cycle, with the ledger they answer,
// are collected always. Without -short, and with openpyxl, LibreOffice
// and its Python bridge installed, the whole cycle runs live from the
// seeds too (-update-cycle then rewrites testdata/cycle).
func TestCycleEndToEnd(t *testing.T) {
	t.Run("committed", func(t *testing.T) {
		dir := t.TempDir()
		ledger := filepath.Join(dir, "ledger.xlsx")
		if err := copyFile(filepath.Join("testdata", "cycle", "ledger.xlsx"), ledger); err != nil {
			t.Fatal(err)
		}
		b, err := os.ReadFile(filepath.Join("testdata", "cycle", "edits.json"))
		if err != nil {
			t.Fatal(err)
		}
		var replies []cycleReply
		if err := json.Unmarshal(b, &replies); err != nil {
			t.Fatal(err)
		}
		var paths []string
		for _, r := range replies {
			p := filepath.Join(dir, r.File)
			if err := copyFile(filepath.Join("testdata", "cycle", "replies", r.File), p); err != nil {
				t.Fatal(err)
			}
			paths = append(paths, p)
		}
		checkCollect(t, ledger, paths, replies)
	})
	t.Run("live", func(t *testing.T) {
		if testing.Short() {
			t.Skip("LibreOffice is slow; skipped under -short")
		}
		py, uno := python("openpyxl"), python("uno")
		if py == "" || uno == "" {
			t.Skip("needs Python with openpyxl and LibreOffice's Python bridge (apt-get install python3-openpyxl python3-uno)")
		}
		soffice := needSoffice(t)
		dir := t.TempDir()
		ledger := filepath.Join(dir, "ledger.xlsx")
		if _, stderr, code := speechledger(t, "--report-date", "2024-06-01", "--no-cache", "-o", ledger, "testdata/seeds"); code != 0 {
			t.Fatalf("ledger: exit %d: %s", code, stderr)
		}
		out := filepath.Join(dir, "handout")
		if _, stderr, code := speechledger(t, "handout", "-o", out, "--report-date", "2024-06-01", "--from", "县委督查室", ledger); code != 0 {
			t.Fatalf("handout: exit %d: %s", code, stderr)
		}
		handouts, _ := filepath.Glob(filepath.Join(out, "*.xlsx"))
		// Every handout opens in openpyxl; the longest prints in
		// LibreOffice on A4 pages that each repeat the header.
		if o, err := exec.Command(py, append([]string{"-c", "import openpyxl, sys\nfor p in sys.argv[1:]: openpyxl.load_workbook(p)"}, handouts...)...).CombinedOutput(); err != nil {
			t.Fatalf("openpyxl cannot open the handouts: %v\n%s", err, o)
		}
		checkPrinted(t, soffice, longestHandout(t, handouts), dir)

		replies := planReplies(t, out)
		var paths []string
		for i, r := range replies {
			edits := filepath.Join(dir, "edits"+strconv.Itoa(i)+".json")
			b, _ := json.Marshal(r.Edits)
			if err := os.WriteFile(edits, b, 0o644); err != nil {
				t.Fatal(err)
			}
			p := filepath.Join(dir, "replies", r.File)
			os.MkdirAll(filepath.Dir(p), 0o755)
			bin := py
			if r.How == "libreoffice" {
				bin = uno
			}
			if o, err := exec.Command(bin, filepath.Join("testdata", "cycle", "edit_reply.py"), r.How, filepath.Join(out, r.File), p, edits).CombinedOutput(); err != nil {
				t.Fatalf("%s: %v\n%s", r.How, err, o)
			}
			paths = append(paths, p)
		}
		if *updateCycle {
			saveCycle(t, ledger, paths, replies)
		}
		checkCollect(t, ledger, paths, replies)
	})
}

// needSoffice returns LibreOffice's soffice, or skips the test (fails it
// under CI) when it is missing.
func needSoffice(t *testing.T) string {
	t.Helper()
	p, err := exec.LookPath("soffice")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("soffice not found")
		}
		t.Skip("soffice not found (apt-get install libreoffice-calc)")
	}
	return p
}

// longestHandout returns the handout with the most rows.
func longestHandout(t *testing.T, paths []string) string {
	best, most := "", 0
	for _, p := range paths {
		f, err := excelize.OpenFile(p)
		if err != nil {
			t.Fatal(err)
		}
		rows, _ := f.GetRows(f.GetSheetName(0))
		f.Close()
		if len(rows) > most {
			best, most = p, len(rows)
		}
	}
	return best
}

// checkPrinted prints the handout at path to PDF with LibreOffice and
// checks that it has several A4 pages, each with the header row.
func checkPrinted(t *testing.T, soffice, path, dir string) {
	t.Helper()
	pdfDir := filepath.Join(dir, "pdf")
	cmd := exec.Command(soffice, "-env:UserInstallation=file://"+filepath.Join(dir, "profile"), "--headless", "--convert-to", "pdf", "--outdir", pdfDir, path)
	if o, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, o)
	}
	pdf := filepath.Join(pdfDir, strings.TrimSuffix(filepath.Base(path), ".xlsx")+".pdf")
	info, err := exec.Command("pdfinfo", pdf).Output()
	if err != nil {
		t.Skipf("pdfinfo: %v (apt-get install poppler-utils)", err)
	}
	pages := 0
	for _, l := range strings.Split(string(info), "\n") {
		if v, ok := strings.CutPrefix(l, "Pages:"); ok {
			pages, _ = strconv.Atoi(strings.TrimSpace(v))
		}
		if v, ok := strings.CutPrefix(l, "Page size:"); ok && !strings.HasPrefix(strings.TrimSpace(v), "841.89 x 595.") {
			t.Errorf("%s: page size %s, want A4 landscape", pdf, strings.TrimSpace(v))
		}
	}
	if pages < 2 {
		t.Fatalf("%s: %d pages; want a handout long enough to show the header repeated", pdf, pages)
	}
	for p := 1; p <= pages; p++ {
		text, err := exec.Command("pdftotext", "-f", strconv.Itoa(p), "-l", strconv.Itoa(p), pdf, "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(text), "任务编号") || !strings.Contains(string(text), "办理状态") {
			t.Errorf("page %d of %d has no header row", p, pages)
		}
	}
}

// planReplies chooses two units that share a task, from the handouts in
// dir, and what each fills in: the first, with openpyxl, sets statuses,
// progress and a date, adds a row and a row of an unknown task, renames
// its sheet and a column; the second, in LibreOffice, sets progress and
// a date and re-sorts its rows; both set the shared task's status, to
// different values.
func planReplies(t *testing.T, dir string) []cycleReply {
	t.Helper()
	paths, _ := filepath.Glob(filepath.Join(dir, "*.xlsx"))
	sort.Strings(paths)
	ids := map[string][]string{} // file -> its tasks, in order
	for _, p := range paths {
		f, err := excelize.OpenFile(p)
		if err != nil {
			t.Fatal(err)
		}
		rows, _ := f.GetRows(f.GetSheetName(0))
		f.Close()
		for _, r := range rows[4:] {
			ids[filepath.Base(p)] = append(ids[filepath.Base(p)], r[1])
		}
	}
	for _, pa := range paths {
		a := filepath.Base(pa)
		if len(ids[a]) < 4 || !officeName(a) {
			continue
		}
		for _, pb := range paths {
			b := filepath.Base(pb)
			if a == b || len(ids[b]) < 2 || !officeName(b) {
				continue
			}
			for _, shared := range ids[b] {
				if !slices.Contains(ids[a], shared) {
					continue
				}
				var ownA, ownB []string
				for _, id := range ids[a] {
					if !slices.Contains(ids[b], id) {
						ownA = append(ownA, id)
					}
				}
				for _, id := range ids[b] {
					if !slices.Contains(ids[a], id) {
						ownB = append(ownB, id)
					}
				}
				if len(ownA) < 3 || len(ownB) < 1 {
					continue
				}
				unit := func(file string) string { return strings.TrimSuffix(file, "-督办任务.xlsx") }
				ra := cycleReply{Unit: unit(a), File: a, How: "openpyxl",
					Expect: []cycleEdit{
						{ID: shared, Field: "办理状态", Value: "已办结", Conflict: true},
						{ID: ownA[0], Field: "办理状态", Value: "推进中"},
						{ID: ownA[1], Field: "进展情况", Value: "已完成方案起草，正在征求意见"},
						{ID: ownA[2], Field: "办理状态", Value: "已办结"},
						{ID: ownA[2], Field: "完成日期", Date: "2024-05-20"},
					},
					Unknown: []string{"RW-NOSUCHTASK"}, Added: 1}
				rb := cycleReply{Unit: unit(b), File: b, How: "libreoffice",
					Expect: []cycleEdit{
						{ID: shared, Field: "办理状态", Value: "推进中", Conflict: true},
						{ID: ownB[0], Field: "进展情况", Value: "已部署，月底前完成"},
						{ID: ownB[0], Field: "完成日期", Date: "2024-05-31"},
					}}
				ra.Edits = map[string]any{"cells": cells(ra.Expect), "rename_sheet": "我单位反馈", "rename_column": []string{"进展情况", "工作进展"},
					"add": []map[string]string{{"任务编号": "", "工作任务": "我单位补充的任务"}, {"任务编号": "RW-NOSUCHTASK", "工作任务": "别处抄来的任务"}}}
				rb.Edits = map[string]any{"cells": cells(rb.Expect), "sort_desc": true}
				return []cycleReply{ra, rb}
			}
		}
	}
	t.Fatal("no two units of the seeds share a task")
	return nil
}

// officeName reports whether a handout's file name names a unit the way
// offices do (局, 委, 办, 教师…), so that the committed replies read
// like real ones.
func officeName(file string) bool {
	name := []rune(strings.TrimSuffix(file, "-督办任务.xlsx"))
	return len(name) >= 2 && strings.ContainsRune("局委办室院校组部师任府厅处站所心", name[len(name)-1])
}

// cells turns expected values into edit_reply.py's cell edits.
func cells(es []cycleEdit) []map[string]string {
	var out []map[string]string
	for _, e := range es {
		c := map[string]string{"id": e.ID, "field": e.Field}
		if e.Date != "" {
			c["date"] = e.Date
		} else {
			c["value"] = e.Value
		}
		out = append(out, c)
	}
	return out
}

// saveCycle rewrites testdata/cycle with a live run's ledger and replies.
func saveCycle(t *testing.T, ledger string, replies []string, plan []cycleReply) {
	dst := filepath.Join("testdata", "cycle")
	os.RemoveAll(filepath.Join(dst, "replies"))
	must(t, os.MkdirAll(filepath.Join(dst, "replies"), 0o755))
	must(t, copyFile(ledger, filepath.Join(dst, "ledger.xlsx")))
	for _, r := range replies {
		must(t, copyFile(r, filepath.Join(dst, "replies", filepath.Base(r))))
	}
	b, err := json.MarshalIndent(plan, "", "\t")
	must(t, err)
	must(t, os.WriteFile(filepath.Join(dst, "edits.json"), append(b, '\n'), 0o644))
}

// ledgerCells returns the raw value and shown value of every cell of the
// workbook at path, by sheet!cell, and the places of each task's column
// by "任务编号/label" (speeches that overlap share tasks, on each one's
// sheet).
func ledgerCells(t *testing.T, path string) (raw, shown map[string]string, tasks map[string][]string) {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	raw, shown, tasks = map[string]string{}, map[string]string{}, map[string][]string{}
	for _, sh := range f.GetSheetList() {
		rows, err := f.GetRows(sh, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		shownRows, _ := f.GetRows(sh)
		var header []string
		for i, r := range rows {
			for j, v := range r {
				cell, _ := excelize.CoordinatesToCellName(j+1, i+1)
				if v != "" {
					raw[sh+"!"+cell] = v
					shown[sh+"!"+cell] = shownRows[i][j]
				}
			}
			if slices.Contains(r, "任务编号") && slices.Contains(r, "工作任务") {
				header = r
				continue
			}
			if header == nil || len(r) < 2 {
				continue
			}
			id := r[slices.Index(header, "任务编号")]
			for _, l := range []string{"办理状态", "进展情况", "完成日期", "联系人"} {
				if j := slices.Index(header, l); j >= 0 {
					cell, _ := excelize.CoordinatesToCellName(j+1, i+1)
					tasks[id+"/"+l] = append(tasks[id+"/"+l], sh+"!"+cell)
				}
			}
		}
	}
	return raw, shown, tasks
}

// checkCollect collects the replies at paths into ledger and checks the
// result against what the replies say.
func checkCollect(t *testing.T, ledger string, paths []string, replies []cycleReply) {
	t.Helper()
	beforeRaw, _, _ := ledgerCells(t, ledger)
	stdout, stderr, code := speechledger(t, append([]string{"collect", "-o", ledger, "--date", "2024-06-05"}, paths...)...)
	if code != 1 {
		t.Fatalf("collect: exit %d, want 1\n%s%s", code, stdout, stderr)
	}
	raw, shown, tasks := ledgerCells(t, ledger)
	want := map[string]bool{} // cells that must change
	merged := 0
	for _, r := range replies {
		for _, e := range r.Expect {
			keys := tasks[e.ID+"/"+e.Field]
			if e.Conflict {
				if !strings.Contains(stderr, "task "+e.ID+": the replies disagree on "+e.Field) {
					t.Errorf("conflict on %s %s not reported:\n%s", e.ID, e.Field, stderr)
				}
				for _, key := range keys {
					if raw[key] != beforeRaw[key] {
						t.Errorf("%s %s: %q merged despite the conflict", e.ID, e.Field, raw[key])
					}
				}
				continue
			}
			if len(keys) == 0 {
				t.Errorf("%s %s: no such cell in the ledger", e.ID, e.Field)
			}
			for _, key := range keys {
				switch {
				case e.Date != "":
					if _, err := strconv.Atoi(raw[key]); err != nil || shown[key] != e.Date {
						t.Errorf("%s %s: %q shown %q, want the date %s", key, e.Field, raw[key], shown[key], e.Date)
					}
				case raw[key] != e.Value:
					t.Errorf("%s %s: %q, want %q", key, e.Field, raw[key], e.Value)
				}
				want[key] = true
			}
			merged++
			if !strings.Contains(stdout, e.ID) {
				t.Errorf("%s not in the output", e.ID)
			}
		}
		for _, id := range r.Unknown {
			if !strings.Contains(stderr, "task "+id+" is not in the ledger") {
				t.Errorf("unknown task %s not reported:\n%s", id, stderr)
			}
		}
		if n := strings.Count(stderr, filepath.Base(r.File)+": row ") - len(r.Unknown); n != r.Added {
			t.Errorf("%s: %d rows reported besides the unknown tasks, want %d added rows:\n%s", r.File, n, r.Added, stderr)
		}
	}
	if !strings.Contains(stderr, strconv.Itoa(merged)+" values merged") {
		t.Errorf("want %d values merged:\n%s", merged, stderr)
	}
	// 变更记录 has a line for each merged value; no other cell changed but
	// the merged values and the headers of columns added for them.
	var logLines []string
	for k, v := range raw {
		if strings.HasPrefix(k, "变更记录!") && strings.HasPrefix(v, "反馈合并") {
			logLines = append(logLines, v)
		}
	}
	if len(logLines) != merged {
		t.Errorf("变更记录 has %d lines of merged values, want %d: %q", len(logLines), merged, logLines)
	}
	for k, v := range raw {
		if strings.HasPrefix(k, "变更记录!") || beforeRaw[k] == v || want[k] {
			continue
		}
		if v != "完成日期" && v != "联系人" {
			t.Errorf("%s changed: %q -> %q", k, beforeRaw[k], v)
		}
	}
	for k := range beforeRaw {
		if _, ok := raw[k]; !ok {
			t.Errorf("%s emptied", k)
		}
	}
	for k := range want {
		if raw[k] == beforeRaw[k] {
			t.Errorf("%s unchanged", k)
		}
	}
}
