package main

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"html"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/unicode"

	"github.com/speechledger/speechledger/internal/ofdtest"
)

// lineBreakSeed is the speech the line-break and encoding cases are made
// from: several speeches, headings with dates, sections and tasks.
const lineBreakSeed = "testdata/seeds/004_ff2848a0e228d2d6.txt"

// Every line separator reads as the same speech, and Chinese UTF-16
// without a byte-order mark is read as UTF-16; UTF-16 that cannot be told
// from binary data is named with the --encoding advice (issue 14).
func TestLineBreaksAndUTF16(t *testing.T) {
	t.Parallel()
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

// needTool returns the path of a program a test needs. A missing program
// skips the test on a developer's machine, but fails it under CI (CI set
// in the environment), where .ci/run installs it. Slow tools skip under
// -short.
func needTool(t *testing.T, names ...string) string {
	t.Helper()
	if testing.Short() {
		t.Skip("converts with LibreOffice or poppler: skipped under -short")
	}
	for _, name := range names {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	msg := fmt.Sprintf("%s not found (apt-get install libreoffice-writer libreoffice-calc fonts-noto-cjk poppler-utils)", strings.Join(names, " or "))
	if os.Getenv("CI") != "" {
		t.Fatal(msg)
	}
	t.Skip(msg)
	return ""
}

// sofficeConvert converts the file at path with LibreOffice headless to
// the format filter in outDir, with a profile of its own, and returns the
// converted file's path.
func sofficeConvert(t *testing.T, path, filter, outDir string) string {
	t.Helper()
	bin := needTool(t, "soffice", "libreoffice")
	profile := "file://" + filepath.ToSlash(t.TempDir())
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, "--headless", "--norestore", "-env:UserInstallation="+profile,
		"--convert-to", filter, "--outdir", outDir, path)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice --convert-to %s: %v\n%s", filter, err, out)
	}
	ext, _, _ := strings.Cut(filter, ":")
	out := filepath.Join(outDir, strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))+"."+ext)
	if _, err := os.Stat(out); err != nil {
		t.Fatalf("soffice --convert-to %s wrote no %s", filter, out)
	}
	return out
}

// kindSpeeches are the known texts each kind of document is made from: the
// opening lines of a simplified and of a traditional Chinese seed.
var kindSpeeches = []struct {
	name, seed string
	lines      int
}{
	{"simplified", "testdata/seeds/004_ff2848a0e228d2d6.txt", 40},
	{"traditional", "testdata/seeds/002_df9160acd0344ef3.txt", 60},
}

// speechParagraphs returns the non-blank lines of the first n lines of
// the seed at path, trimmed.
func speechParagraphs(t *testing.T, path string, n int) []string {
	t.Helper()
	b, err := os.ReadFile(path)
	must(t, err)
	var out []string
	for i, l := range strings.Split(string(b), "\n") {
		if i == n {
			break
		}
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// sameTasks exports the document at path and the .txt at txt, and checks
// that they give the same speeches and tasks; it logs the figure.
func sameTasks(t *testing.T, kind, path, txt string) {
	t.Helper()
	run := func(p string) []string {
		out := filepath.Join(t.TempDir(), "out.jsonl")
		if _, stderr, code := speechledger(t, "-o", out, p); code != 0 {
			t.Fatalf("%s: exit %d:\n%s", p, code, stderr)
		}
		b, err := os.ReadFile(out)
		must(t, err)
		return strings.Split(strings.TrimSpace(string(b)), "\n")
	}
	got, want := run(path), run(txt)
	gotTasks, wantTasks := taskTexts(got), taskTexts(want)
	same := 0
	for i := range min(len(gotTasks), len(wantTasks)) {
		if gotTasks[i] == wantTasks[i] {
			same++
		}
	}
	t.Logf("%s: %d tasks found, %d identical to the .txt's %d", kind, len(gotTasks), same, len(wantTasks))
	if g, w := titles(got), titles(want); !slices.Equal(g, w) {
		t.Errorf("%s: titles %q, want %q", kind, g, w)
	}
	if same != len(wantTasks) || len(gotTasks) != len(wantTasks) {
		t.Errorf("%s: tasks differ from the .txt's:\n%s", kind, firstDiff(gotTasks, wantTasks))
	}
}

// Each kind of document, made here from known text, gives the tasks the
// .txt of the same text gives (issue 18): PDFs LibreOffice prints from
// the text, and from a laid-out document with an indent, justified lines,
// a running header and page numbers; .doc, and .wps (a .doc by another
// name), LibreOffice saves; OFD the test's own writer lays out.
func TestDocumentKinds(t *testing.T) {
	t.Parallel()
	for _, sp := range kindSpeeches {
		paras := speechParagraphs(t, sp.seed, sp.lines)
		dir := t.TempDir()
		txt := filepath.Join(dir, "speech.txt")
		must(t, os.WriteFile(txt, []byte(strings.Join(paras, "\n")+"\n"), 0o644))
		t.Run(sp.name+"/ofd", func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "speech.ofd")
			must(t, os.WriteFile(path, ofdtest.Write(paras, ofdtest.Options{Indent: 2, Header: "某某县人民政府办公室", PageNumber: true}), 0o644))
			sameTasks(t, "OFD", path, txt)
		})
		t.Run(sp.name+"/pdf", func(t *testing.T) {
			needTool(t, "pdftotext")
			sameTasks(t, "PDF", sofficeConvert(t, txt, "pdf", t.TempDir()), txt)
		})
		t.Run(sp.name+"/pdf laid out", func(t *testing.T) {
			needTool(t, "pdftotext")
			fodt := filepath.Join(t.TempDir(), "speech.fodt")
			must(t, os.WriteFile(fodt, []byte(flatODT(paras)), 0o644))
			sameTasks(t, "PDF laid out", sofficeConvert(t, fodt, "pdf", t.TempDir()), txt)
		})
		t.Run(sp.name+"/doc and wps", func(t *testing.T) {
			doc := sofficeConvert(t, txt, "doc:MS Word 97", t.TempDir())
			sameTasks(t, ".doc", doc, txt)
			wps := filepath.Join(t.TempDir(), "speech.wps")
			b, err := os.ReadFile(doc)
			must(t, err)
			must(t, os.WriteFile(wps, b, 0o644))
			sameTasks(t, ".wps", wps, txt)
		})
	}
}

// flatODT returns a flat OpenDocument text of paragraphs as offices lay
// out documents: 16 pt, a first-line indent of two characters, justified
// lines, a running header and the page number (— 3 —) in the footer.
func flatODT(paras []string) string {
	var body strings.Builder
	for _, p := range paras {
		fmt.Fprintf(&body, `<text:p text:style-name="P1">%s</text:p>`, html.EscapeString(p))
	}
	return `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.text">
<office:automatic-styles>
<style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="2cm" fo:margin-bottom="2cm" fo:margin-left="2.8cm" fo:margin-right="2.6cm"/><style:header-style/><style:footer-style/></style:page-layout>
<style:style style:name="P1" style:family="paragraph"><style:paragraph-properties fo:text-indent="0.85cm" fo:text-align="justify"/><style:text-properties fo:font-size="16pt" style:font-size-asian="16pt"/></style:style>
<style:style style:name="C" style:family="paragraph"><style:paragraph-properties fo:text-align="center"/></style:style>
</office:automatic-styles>
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="pm1">
<style:header><text:p text:style-name="C">某某县人民政府办公室</text:p></style:header>
<style:footer><text:p text:style-name="C">— <text:page-number text:select-page="current"/> —</text:p></style:footer>
</style:master-page></office:master-styles>
<office:body><office:text>` + body.String() + `</office:text></office:body></office:document>`
}

// Each bad input of the kinds issue 18 added gives one line naming it, in
// English and in Chinese, and exit status 1, while the good input beside
// it is exported: with LibreOffice and pdftotext installed, and without
// (PATH emptied), where the message names what to install. Files are
// under testdata/bad, or made here where they are large or generated.
func TestBadInputKinds(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	gen := func(name string, b []byte) string {
		path := filepath.Join(dir, name)
		must(t, os.WriteFile(path, b, 0o644))
		return path
	}
	ofd := ofdtest.Write([]string{"各单位要在6月底前完成任务。"}, ofdtest.Options{})
	// An OLE file's directory, as far as speechledger looks: the root
	// entry and one stream, named in UTF-16.
	ole := func(stream string) []byte {
		b := append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 1016)...)
		for i, c := range []byte("Root Entry") {
			b[512+2*i] = c
		}
		for i, c := range []byte(stream) {
			b[640+2*i] = c
		}
		return b
	}
	big := func(name string) string {
		path := filepath.Join(dir, name)
		f, err := os.Create(path)
		must(t, err)
		must(t, f.Truncate(129<<20)) // sparse: takes no room on disk
		must(t, f.Close())
		return path
	}
	for _, tc := range []struct {
		path string
		// with the tools installed, and without them: no bare message
		// when the tools make no difference, none with them when the
		// file is only bad without them
		en, zh, enBare, zhBare string
		soffice                bool // needs soffice rather than pdftotext
	}{
		{path: "testdata/bad/scan.pdf", en: "PDF without a text layer (a scan?); it needs OCR", zh: "PDF 文件没有文字层（扫描件？），需要先做文字识别（OCR）",
			enBare: "PDF files are read with pdftotext (poppler-utils), which is not installed", zhBare: "读取 PDF 文件需要 pdftotext（poppler-utils），但未安装"},
		{path: "testdata/bad/encrypted.pdf", en: "password-protected PDF file; save a copy without the password", zh: "PDF 文件设有密码",
			enBare: "PDF files are read with pdftotext (poppler-utils), which is not installed", zhBare: "读取 PDF 文件需要 pdftotext"},
		{path: "testdata/bad/damaged.pdf", en: "damaged PDF file (pdftotext: exit status 1: Syntax Error: Couldn't read xref table)", zh: "PDF 文件损坏",
			enBare: "PDF files are read with pdftotext", zhBare: "读取 PDF 文件需要 pdftotext"},
		{path: gen("empty.pdf", nil), en: "empty file (no text)", zh: "空文件"},
		{path: big("huge.pdf"), en: "file too large (over 128 MB)", zh: "文件过大（超过 128 MB）"},
		{path: gen("truncated.ofd", ofd[:len(ofd)/2]), en: "corrupt or truncated .ofd file (zip: not a valid zip file)", zh: ".ofd 文件损坏或不完整"},
		{path: gen("no-document.ofd", zipOf(t, map[string]string{"OFD.xml": "<OFD><DocBody/></OFD>"})), en: "not an OFD document", zh: "不是 OFD 文档"},
		{path: gen("encrypted.ofd", zipOf(t, map[string]string{"OFD.xml": "<OFD><DocBody><DocRoot>D/Document.xml</DocRoot></DocBody></OFD>", "Encryptions.xml": "<Encryptions/>"})), en: "password-protected OFD file", zh: "OFD 文件设有密码"},
		{path: gen("scan.ofd", ofdtest.Write(nil, ofdtest.Options{})), en: "OFD without a text layer (a scan?); it needs OCR", zh: "OFD 文件没有文字层"},
		{path: gen("bomb.ofd", zipOf(t, map[string]string{"OFD.xml": strings.Repeat(" ", 70<<20)})), en: ".ofd file expands to too much data (over 64 MB, or 200 times its size); not read", zh: ".ofd 文件解压后过大"},
		{path: gen("empty.ofd", nil), en: "empty file (no text)", zh: "空文件"},
		{path: big("huge.ofd"), en: "file too large (over 128 MB)", zh: "文件过大"},
		{path: gen("encrypted.docx", ole("EncryptedPackage")), en: "password-protected Office file", zh: "Office 文件设有密码"},
		{path: "testdata/bad/old-word.doc", en: "damaged .doc file (not a whole Word, WPS or Excel file); open it in Word or WPS and save it again", zh: ".doc 文件损坏"},
		{path: "testdata/bad/wps-file.wps", en: "damaged .wps file", zh: ".wps 文件损坏"},
		{path: "testdata/bad/word-named-txt.txt", en: "damaged .doc/.wps file", zh: ".doc/.wps 文件损坏"},
		{path: "testdata/documents/speech.doc", soffice: true,
			enBare: ".doc files are read by converting them with LibreOffice, which is not installed; install LibreOffice, or open the file in Word or WPS and save it as .docx", zhBare: ".doc 文件需要用 LibreOffice 转换后读取，但未安装 LibreOffice"},
		{path: gen("speech.wps", mustRead(t, "testdata/documents/speech.doc")), soffice: true,
			enBare: ".wps files are read by converting them with LibreOffice, which is not installed", zhBare: ".wps 文件需要用 LibreOffice 转换后读取"},
		{path: "testdata/documents/division.xls", soffice: true,
			enBare: ".xls files are read by converting them with LibreOffice, which is not installed; install LibreOffice, or open the file in Excel or WPS and save it as .xlsx", zhBare: ".xls 文件需要用 LibreOffice 转换后读取，但未安装 LibreOffice；请安装 LibreOffice，或用 Excel 或 WPS 打开，另存为 .xlsx"},
		{path: gen("division.et", mustRead(t, "testdata/documents/division.xls")), soffice: true,
			enBare: ".et files are read by converting them with LibreOffice, which is not installed", zhBare: ".et 文件需要用 LibreOffice 转换后读取"},
		{path: gen("damaged.xls", ole("Workbook")[:400]), en: "damaged .xls file (not a whole Word, WPS or Excel file)", zh: ".xls 文件损坏"},
		{path: gen("empty.doc", nil), en: "empty file (no text)", zh: "空文件"},
	} {
		t.Run(filepath.Base(tc.path), func(t *testing.T) {
			type setting struct {
				name, en, zh string
				env          []string
			}
			var settings []setting
			if tc.enBare == "" || !testing.Short() {
				tool := "pdftotext"
				if tc.soffice {
					tool = "soffice"
				}
				if tc.enBare == "" {
					settings = append(settings, setting{"as installed", tc.en, tc.zh, nil})
				} else if _, err := exec.LookPath(tool); tc.en != "" && (err == nil || os.Getenv("CI") != "") {
					settings = append(settings, setting{"with " + tool, tc.en, tc.zh, nil})
				}
			}
			if tc.enBare != "" {
				settings = append(settings, setting{"without tools", tc.enBare, tc.zhBare, []string{"PATH=" + t.TempDir()}})
			}
			for _, s := range settings {
				for _, lang := range []struct{ env, want string }{{"LANG=en_US.UTF-8", s.en}, {"LANG=zh_CN.UTF-8", s.zh}} {
					out := filepath.Join(t.TempDir(), "out.jsonl")
					_, stderr, code := speechledgerWith(t, append([]string{lang.env}, s.env...), "", "-o", out, tc.path, lineBreakSeed)
					if code != 1 || countLines(stderr, tc.path, lang.want) != 1 {
						t.Errorf("%s, %s: exit %d, want 1 and one line naming %s with %q:\n%s", s.name, lang.env, code, tc.path, lang.want, stderr)
					}
					if lines := readJSONL(t, out); !hasSource(lines, filepath.Base(lineBreakSeed)) {
						t.Errorf("%s, %s: the good input was not exported", s.name, lang.env)
					}
				}
			}
		})
	}
}

// mustRead returns the bytes of the file at path.
func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	must(t, err)
	return b
}

// zipOf returns a zip archive of the named files.
func zipOf(t *testing.T, files map[string]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, name := range slices.Sorted(maps.Keys(files)) {
		w, err := zw.Create(name)
		must(t, err)
		_, err = w.Write([]byte(files[name]))
		must(t, err)
	}
	must(t, zw.Close())
	return buf.Bytes()
}

// taskLine is a task of the JSON lines, with the fields a task-division
// sheet fills.
type taskLine struct {
	Type    string `json:"type"`
	Title   string `json:"title"`
	Seq     int    `json:"seq"`
	Text    string `json:"text"`
	Section string `json:"section"`
	Times   []struct {
		Text string `json:"text"`
		Due  string `json:"due"`
	} `json:"times"`
	Bodies []struct {
		Name string `json:"name"`
		Role string `json:"role"`
	} `json:"bodies"`
	Targets []struct {
		Text string `json:"text"`
	} `json:"targets"`
}

// rowOf formats a task as a row of the sheet it came from would read:
// seq|text|lead units|supporting units|deadline due|targets.
func (l taskLine) rowOf() string {
	var lead, support, due, targets []string
	for _, b := range l.Bodies {
		if b.Role == "lead" {
			lead = append(lead, b.Name)
		} else {
			support = append(support, b.Name)
		}
	}
	for _, t := range l.Times {
		due = append(due, t.Text+"="+t.Due)
	}
	for _, t := range l.Targets {
		targets = append(targets, t.Text)
	}
	return fmt.Sprintf("%d|%s|%s|%s|%s|%s|%s", l.Seq, l.Section, l.Text, strings.Join(lead, "、"), strings.Join(support, "、"), strings.Join(due, ","), strings.Join(targets, ","))
}

// exportTasks exports the file at path and returns its speech titles and
// its tasks as rows (see rowOf).
func exportTasks(t *testing.T, path string, args ...string) (titles, rows []string) {
	t.Helper()
	out := filepath.Join(t.TempDir(), "out.jsonl")
	if _, stderr, code := speechledger(t, append(append([]string{"-o", out}, args...), path)...); code != 0 {
		t.Fatalf("%s: exit %d:\n%s", path, code, stderr)
	}
	b, err := os.ReadFile(out)
	must(t, err)
	for _, l := range strings.Split(strings.TrimSpace(string(b)), "\n") {
		var tl taskLine
		must(t, json.Unmarshal([]byte(l), &tl))
		switch tl.Type {
		case "speech":
			titles = append(titles, tl.Title)
		case "task":
			rows = append(rows, tl.rowOf())
		}
	}
	return titles, rows
}

// divisionRows are the rows of the task-division sheet the tests make,
// under a two-row header whose columns are named as offices name them.
var divisionRows = [][]string{
	{"一、经济发展"},
	{"1", "加快重点项目建设，完成固定资产投资50亿元", "县发改局", "县财政局、县自然资源局", "2024年12月底前", "固定资产投资增长10%"},
	{"2", "开展招商引资专项行动", "县商务局", "各乡镇", "2024年6月底前", "引进项目20个"},
	{"3", "持续优化营商环境", "县商务局", "县政务服务中心", "长期坚持", ""},
	{"二、社会民生"},
	{"5", "完成老旧小区改造", "县住建局（牵头）", "各乡镇", "2024年10月底前", "改造小区30个"},
}

// divisionWant is what the rows give: one task per row, each keeping its
// own 序号, its section, units, deadline and targets.
var divisionWant = []string{
	"1|一、经济发展|加快重点项目建设，完成固定资产投资50亿元|县发改局|县财政局、县自然资源局|2024年12月底前=2024-12-31|固定资产投资50亿元,固定资产投资增长10%",
	"2|一、经济发展|开展招商引资专项行动|县商务局|各乡镇|2024年6月底前=2024-06-30|引进项目20个",
	"3|一、经济发展|持续优化营商环境|县商务局|县政务服务中心|长期坚持=|",
	"5|二、社会民生|完成老旧小区改造|县住建局|各乡镇|2024年10月底前=2024-10-31|改造小区30个",
}

// writeDivisionSheet writes the task-division workbook of divisionRows:
// a title merged across the table, a two-row header (责任单位 merged over
// 牵头单位 and 协办单位, the other headings merged down both rows), the
// section rows merged across, and one unit merged down two rows.
func writeDivisionSheet(t *testing.T, path string) {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	s := "Sheet1"
	set := func(cell string, v any) { must(t, f.SetCellValue(s, cell, v)) }
	merge := func(a, b string) { must(t, f.MergeCell(s, a, b)) }
	set("A1", "某某县2024年重点工作任务分工方案")
	merge("A1", "F1")
	for i, h := range []string{"序号", "重点任务", "责任单位", "", "时间节点", "预期目标"} {
		cell, _ := excelize.CoordinatesToCellName(i+1, 2)
		set(cell, h)
	}
	set("C3", "牵头单位")
	set("D3", "协办单位")
	merge("C2", "D2")
	for _, c := range []string{"A", "B", "E", "F"} {
		merge(c+"2", c+"3")
	}
	r := 4
	for _, row := range divisionRows {
		for i, v := range row {
			cell, _ := excelize.CoordinatesToCellName(i+1, r)
			if i == 0 && len(row) > 1 {
				n, _ := strconv.Atoi(v)
				set(cell, n)
			} else {
				set(cell, v)
			}
		}
		if len(row) == 1 {
			merge(fmt.Sprintf("A%d", r), fmt.Sprintf("F%d", r))
		}
		r++
	}
	// 县商务局 leads rows 2 and 3: one cell merged down both.
	must(t, f.SetCellValue(s, "C7", ""))
	merge("C6", "C7")
	must(t, f.SaveAs(path))
}

// A task-division workbook with merged cells, a two-row header and
// renamed columns gives one task per row with its units and deadline
// (issue 18); a workbook that is none, and a ledger speechledger wrote,
// are refused saying why.
func TestTaskSheet(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	path := filepath.Join(dir, "任务分工.xlsx")
	writeDivisionSheet(t, path)
	titles, rows := exportTasks(t, path, "--ref-date", "2024-01-15")
	if want := []string{"某某县2024年重点工作任务分工方案"}; !slices.Equal(titles, want) {
		t.Errorf("titles %q, want %q", titles, want)
	}
	if !slices.Equal(rows, divisionWant) {
		t.Errorf("rows:\n%s\nwant:\n%s", strings.Join(rows, "\n"), strings.Join(divisionWant, "\n"))
	}

	other := filepath.Join(dir, "统计表.xlsx")
	f := excelize.NewFile()
	must(t, f.SetSheetRow("Sheet1", "A1", &[]any{"姓名", "部门", "电话"}))
	must(t, f.SaveAs(other))
	f.Close()
	ledger := filepath.Join(dir, "台账.xlsx")
	if _, stderr, code := speechledger(t, "-o", ledger, lineBreakSeed); code != 0 {
		t.Fatalf("ledger: exit %d:\n%s", code, stderr)
	}
	for _, tc := range []struct{ path, want string }{
		{other, "not a task-division sheet: no sheet has a header row naming a task column"},
		{ledger, "a ledger speechledger wrote (it has the sheets 汇总 and 变更记录), not a task-division sheet; to update it, name it with -o"},
		{gen(t, dir, "damaged.xlsx", []byte("PK\x03\x04 not a workbook")), "corrupt or truncated .xlsx workbook"},
	} {
		out := filepath.Join(t.TempDir(), "out.jsonl")
		_, stderr, code := speechledger(t, "-o", out, tc.path, lineBreakSeed)
		if code != 1 || countLines(stderr, tc.path, tc.want) != 1 {
			t.Errorf("%s: exit %d, want 1 and one line with %q:\n%s", tc.path, code, tc.want, stderr)
		}
	}
	// In a folder, the ledger and the other workbook are skipped (with -v,
	// a note), not errors, as files of other types are.
	folder := filepath.Join(dir, "folder")
	must(t, os.MkdirAll(folder, 0o755))
	must(t, copyFile(ledger, filepath.Join(folder, "台账.xlsx")))
	must(t, copyFile(other, filepath.Join(folder, "统计表.xlsx")))
	must(t, copyFile(path, filepath.Join(folder, "任务分工.xlsx")))
	_, stderr, code := speechledger(t, "-v", "-o", filepath.Join(t.TempDir(), "out.jsonl"), folder)
	if code != 0 || countLines(stderr, "台账.xlsx", "skipped: a ledger speechledger wrote") != 1 ||
		countLines(stderr, "统计表.xlsx", "skipped: a workbook with no task-division header") != 1 {
		t.Errorf("folder: exit %d:\n%s", code, stderr)
	}
}

// gen writes b to name in dir and returns its path.
func gen(t *testing.T, dir, name string, b []byte) string {
	t.Helper()
	path := filepath.Join(dir, name)
	must(t, os.WriteFile(path, b, 0o644))
	return path
}

// divisionDocx returns a Word document holding the division table of
// divisionRows, its columns in another order and worded otherwise
// (序号 | 工作任务 | 完成时限 | 牵头单位 | 配合单位 | 工作目标), a section row
// spanning the table (gridSpan) and a unit merged down two rows (vMerge),
// under a title and a sentence of its own.
func divisionDocx(t *testing.T) []byte {
	t.Helper()
	p := func(s string) string {
		return `<w:p><w:r><w:t>` + html.EscapeString(s) + `</w:t></w:r></w:p>`
	}
	cell := func(s, props string) string {
		return `<w:tc><w:tcPr>` + props + `</w:tcPr>` + p(s) + `</w:tc>`
	}
	var body strings.Builder
	body.WriteString(p("某某县2024年重点工作任务分工方案") + p("各单位要按照分工抓好落实，确保各项任务按期完成。"))
	body.WriteString(`<w:tbl><w:tblPr><w:tblW w:w="8400" w:type="dxa"/></w:tblPr><w:tblGrid>` + strings.Repeat(`<w:gridCol w:w="1400"/>`, 6) + `</w:tblGrid>`)
	body.WriteString(`<w:tr>`)
	for _, h := range []string{"序号", "工作任务", "完成时限", "牵头单位", "配合单位", "工作目标"} {
		body.WriteString(cell(h, ""))
	}
	body.WriteString(`</w:tr>`)
	for i, row := range divisionRows {
		body.WriteString(`<w:tr>`)
		if len(row) == 1 {
			body.WriteString(cell(row[0], `<w:gridSpan w:val="6"/>`))
		} else {
			lead, merge := row[2], ""
			switch i {
			case 2:
				merge = `<w:vMerge w:val="restart"/>`
			case 3:
				lead, merge = "", `<w:vMerge/>`
			}
			body.WriteString(cell(row[0], "") + cell(row[1], "") + cell(row[4], "") + cell(lead, merge) + cell(row[3], "") + cell(row[5], ""))
		}
		body.WriteString(`</w:tr>`)
	}
	body.WriteString(`</w:tbl>`)
	return zipOf(t, map[string]string{
		"[Content_Types].xml": `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
		"_rels/.rels":         `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
		"word/document.xml":   `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` + body.String() + `</w:body></w:document>`,
	})
}

// A Word document's task-division table gives one task per row, each
// column filling its field, as the workbook of the same table does
// (issue 13); so do the workbook saved by LibreOffice as .xls and that
// .xls named .et (a WPS workbook).
func TestTaskTableKinds(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	docx := gen(t, dir, "分工方案.docx", divisionDocx(t))
	check := func(kind, path string) {
		t.Helper()
		titles, rows := exportTasks(t, path, "--ref-date", "2024-01-15")
		same := 0
		for i := range min(len(rows), len(divisionWant)) {
			if rows[i] == divisionWant[i] {
				same++
			}
		}
		t.Logf("%s: %d tasks found, %d identical to the table's %d rows", kind, len(rows), same, len(divisionWant))
		if want := []string{"某某县2024年重点工作任务分工方案"}; !slices.Equal(titles, want) {
			t.Errorf("%s: titles %q, want %q", kind, titles, want)
		}
		if same != len(divisionWant) || len(rows) != len(divisionWant) {
			t.Errorf("%s: rows:\n%s\nwant:\n%s", kind, strings.Join(rows, "\n"), strings.Join(divisionWant, "\n"))
		}
	}
	check(".docx table", docx)
	t.Run("LibreOffice", func(t *testing.T) {
		xlsx := filepath.Join(dir, "任务分工.xlsx")
		writeDivisionSheet(t, xlsx)
		xls := sofficeConvert(t, xlsx, "xls", t.TempDir())
		check(".xls", xls)
		et := gen(t, dir, "任务分工.et", mustRead(t, xls))
		check(".et", et)
	})
}
