package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/encoding/unicode"
)

// lineBreakSeed is the speech the line-break and encoding cases are made
// from: several speeches, headings with dates, sections and tasks.
const lineBreakSeed = "testdata/seeds/004_ff2848a0e228d2d6.txt"

// Every line separator reads as the same speech, and Chinese UTF-16
// without a byte-order mark is read as UTF-16; UTF-16 that cannot be told
// from binary data is named with the --encoding advice (issue 14).
func TestLineBreaksAndUTF16(t *testing.T) {
	seed, err := os.ReadFile(lineBreakSeed)
	must(t, err)
	lf := strings.ReplaceAll(string(seed), "\r\n", "\n")
	utf16 := func(order unicode.Endianness, s string) string {
		b, err := unicode.UTF16(order, unicode.IgnoreBOM).NewEncoder().String(s)
		must(t, err)
		return b
	}
	want := exportedTasks(t, "lf", []byte(lf))
	if len(want) < 20 {
		t.Fatalf("the LF speech gives %d tasks; the case needs a speech with tasks", len(want))
	}
	for _, tc := range []struct {
		name string
		text string
		// same: the export is the LF one's, line by line; else the
		// speeches' titles and the task texts are.
		same bool
		err  string
	}{
		{name: "CRLF", text: strings.ReplaceAll(lf, "\n", "\r\n"), same: true},
		{name: "CR", text: strings.ReplaceAll(lf, "\n", "\r"), same: true},
		{name: "vertical tab", text: strings.ReplaceAll(lf, "\n", "\v"), same: true},
		{name: "U+2028", text: strings.ReplaceAll(lf, "\n", "\u2028"), same: true},
		{name: "U+2029 and NEL", text: strings.NewReplacer("\n\n", "\u2029", "\n", "\u0085").Replace(lf), same: true},
		{name: "UTF-16LE without BOM", text: utf16(unicode.LittleEndian, lf), same: true},
		{name: "UTF-16BE without BOM", text: utf16(unicode.BigEndian, lf), same: true},
		{name: "UTF-16LE CR without BOM", text: utf16(unicode.LittleEndian, strings.ReplaceAll(lf, "\n", "\r")), same: true},
		{name: "no line breaks", text: strings.ReplaceAll(lf, "\n", "")},
		{name: "no line breaks, spaces", text: strings.ReplaceAll(lf, "\n", " ")},
		// Rare characters (CJK extension A), which binary data could be.
		{name: "UTF-16 or binary", text: utf16(unicode.LittleEndian, rareHan(300)),
			err: "binary file, or UTF-16 text without a byte-order mark; if it is text, name its encoding with --encoding UTF-16LE"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if tc.err != "" {
				dir := t.TempDir()
				path := filepath.Join(dir, "speech.txt")
				must(t, os.WriteFile(path, []byte(tc.text), 0o644))
				_, stderr, code := speechledger(t, "-o", filepath.Join(dir, "out.jsonl"), path, lineBreakSeed)
				if code != 1 || countLines(stderr, path, tc.err) != 1 {
					t.Errorf("exit %d, want 1 and one line naming %s with %q:\n%s", code, path, tc.err, stderr)
				}
				return
			}
			got := exportedTasks(t, tc.name, []byte(tc.text))
			if tc.same {
				if !slices.Equal(got, want) {
					t.Errorf("%d lines differ from the LF speech's %d:\n%s", len(got), len(want), firstDiff(got, want))
				}
				return
			}
			// Run together, the speech loses where its paragraphs and
			// headings ended, which decides some tasks: the titles must
			// be the same, and nearly every task found.
			gotTitles, wantTitles := titles(got), titles(want)
			if !slices.Equal(gotTitles, wantTitles) {
				t.Errorf("titles differ from the LF speech's:\n%s", firstDiff(gotTitles, wantTitles))
			}
			gotTasks, wantTasks := taskTexts(got), taskTexts(want)
			found := 0
			for _, w := range wantTasks {
				if slices.Contains(gotTasks, w) {
					found++
				}
			}
			t.Logf("%d of the LF speech's %d tasks found, of %d", found, len(wantTasks), len(gotTasks))
			if found < len(wantTasks)*9/10 {
				t.Errorf("only %d of the LF speech's %d tasks found", found, len(wantTasks))
			}
		})
	}
}

// rareHan returns n characters of CJK extension A, which no decoding of
// Chinese text takes for common characters.
func rareHan(n int) string {
	rs := make([]rune, n)
	for i := range rs {
		rs[i] = rune(0x3400 + i*37%6000)
	}
	return string(rs)
}

// exportedTasks exports text as speech.txt to JSON lines and returns them.
func exportedTasks(t *testing.T, name string, text []byte) []string {
	t.Helper()
	dir := t.TempDir()
	path := filepath.Join(dir, "speech.txt")
	must(t, os.WriteFile(path, text, 0o644))
	out := filepath.Join(dir, "out.jsonl")
	if _, stderr, code := speechledger(t, "-o", out, path); code != 0 {
		t.Fatalf("%s: exit %d:\n%s", name, code, stderr)
	}
	b, err := os.ReadFile(out)
	must(t, err)
	return strings.Split(strings.TrimSpace(string(b)), "\n")
}

// titles returns the speech titles of JSON lines.
func titles(lines []string) []string { return field(lines, `"type":"speech"`, `"title":"`) }

// taskTexts returns the task texts of JSON lines.
func taskTexts(lines []string) []string { return field(lines, `"type":"task"`, `"text":"`) }

// field returns the string value after key of the JSON lines holding kind.
func field(lines []string, kind, key string) []string {
	var out []string
	for _, l := range lines {
		if !strings.Contains(l, kind) {
			continue
		}
		if _, rest, ok := strings.Cut(l, key); ok {
			v, _, _ := strings.Cut(rest, `"`)
			out = append(out, v)
		}
	}
	return out
}

// firstDiff describes where got and want first differ.
func firstDiff(got, want []string) string {
	for i := range min(len(got), len(want)) {
		if got[i] != want[i] {
			return "got:  " + got[i] + "\nwant: " + want[i]
		}
	}
	return "one is a prefix of the other"
}
