package extract

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

const wordNS = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"`

// makeZip returns a zip archive of files, in the order given as name,
// content pairs.
func makeZip(t testing.TB, files ...string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for i := 0; i+1 < len(files); i += 2 {
		w, err := zw.Create(files[i])
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(files[i+1])); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// makeDocx returns a .docx whose body is body (w:p and w:tbl elements),
// with the given numbering.xml and styles.xml if not "".
func makeDocx(t testing.TB, body, numbering, styles string) []byte {
	t.Helper()
	files := []string{
		"[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
		"_rels/.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
		"word/document.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ` + wordNS + `><w:body>` + body + `<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>`,
	}
	if numbering != "" {
		files = append(files, "word/numbering.xml", `<?xml version="1.0" encoding="UTF-8"?><w:numbering `+wordNS+`>`+numbering+`</w:numbering>`)
	}
	if styles != "" {
		files = append(files, "word/styles.xml", `<?xml version="1.0" encoding="UTF-8"?><w:styles `+wordNS+`>`+styles+`</w:styles>`)
	}
	return makeZip(t, files...)
}

// paras returns one w:p per line of text, as a plain export would.
func paras(text string) string {
	var b strings.Builder
	for _, l := range strings.Split(strings.TrimSuffix(text, "\n"), "\n") {
		b.WriteString(`<w:p><w:r><w:t xml:space="preserve">`)
		xml.EscapeText(&b, []byte(l))
		b.WriteString(`</w:t></w:r></w:p>`)
	}
	return b.String()
}

// A .docx made from each seed, one paragraph per line, reads back as the
// seed's text and gives the same speeches and tasks.
func TestDocxSeeds(t *testing.T) {
	x := New()
	for _, seed := range []string{"000", "001", "002", "003", "004"} {
		text := strings.ReplaceAll(readSeed(t, seed), "\r\n", "\n")
		got, err := Docx(makeDocx(t, paras(text), "", ""))
		if err != nil {
			t.Fatalf("%s: %v", seed, err)
		}
		if want := strings.TrimRight(text, "\n") + "\n"; got != want {
			t.Errorf("%s: docx text differs from the .txt", seed)
			continue
		}
		a := x.Speeches("s", text, Options{})
		b := x.Speeches("s", got, Options{})
		if len(a) != len(b) {
			t.Fatalf("%s: %d speeches from the .txt, %d from the .docx", seed, len(a), len(b))
		}
		for i := range a {
			if a[i].Title != b[i].Title || !reflect.DeepEqual(a[i].Tasks, b[i].Tasks) {
				t.Errorf("%s: speech %d differs", seed, i+1)
			}
		}
	}
}

const numberingXML = `
<w:abstractNum w:abstractNumId="0">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
  <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="1">
  <w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val=""/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="2">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimalEnclosedCircle"/><w:lvlText w:val="%1"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="3">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="第%1条"/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
<w:num w:numId="3"><w:abstractNumId w:val="2"/></w:num>
<w:num w:numId="4"><w:abstractNumId w:val="3"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="11"/></w:lvlOverride></w:num>`

const stylesXML = `
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="MyHeading"><w:basedOn w:val="Heading1"/></w:style>`

func num(id, lvl, text string) string {
	return `<w:p><w:pPr><w:numPr><w:ilvl w:val="` + lvl + `"/><w:numId w:val="` + id + `"/></w:numPr></w:pPr><w:r><w:t>` + text + `</w:t></w:r></w:p>`
}

func TestDocxStructure(t *testing.T) {
	body := `<w:p><w:pPr><w:pStyle w:val="Title"/><w:tabs><w:tab w:val="left" w:pos="420"/></w:tabs><w:rPr><w:b/></w:rPr></w:pPr><w:r><w:t>在全市教育工作会议上的讲话</w:t></w:r></w:p>` +
		`<w:p><w:r><w:t xml:space="preserve">同志们</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>：</w:t></w:r></w:p>` +
		`<w:p/>` +
		`<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>加强领导</w:t></w:r></w:p>` +
		num("1", "1", "明确责任") +
		num("1", "2", "各校要在3月底前完成自查。") +
		num("1", "2", "教育局要加强督导。") +
		num("1", "1", "强化考核") +
		num("1", "2", "年底前完成考核。") +
		`<w:p><w:pPr><w:pStyle w:val="MyHeading"/></w:pPr><w:r><w:t>保障措施</w:t></w:r></w:p>` +
		num("2", "0", "经费保障") +
		num("3", "0", "第一项") +
		num("3", "0", "第二项") +
		num("4", "0", "附则") +
		`<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="0"/></w:numPr></w:pPr><w:r><w:t>不编号</w:t></w:r></w:p>` +
		`<w:tbl><w:tr><w:tc><w:p><w:r><w:t>任务</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>责任单位</w:t></w:r></w:p><w:p><w:r><w:t>第二段</w:t></w:r></w:p></w:tc></w:tr></w:tbl>` +
		`<w:p><w:r><w:t>第一行</w:t><w:br/><w:t>第二行</w:t><w:tab/><w:t>制表</w:t><w:br w:type="page"/></w:r></w:p>` +
		`<w:p><w:r><w:t>保留</w:t></w:r><w:del><w:r><w:delText>删除</w:delText></w:r></w:del><w:ins><w:r><w:t>插入</w:t></w:r></w:ins></w:p>` +
		`<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>3</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>` +
		`<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><w:txbxContent><w:p><w:r><w:t>文本框</w:t></w:r></w:p></w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>文本框</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r><w:r><w:t>正文</w:t></w:r></w:p>`
	got, err := Docx(makeDocx(t, body, numberingXML, stylesXML))
	if err != nil {
		t.Fatal(err)
	}
	want := strings.Join([]string{
		"在全市教育工作会议上的讲话",
		"同志们：",
		"",
		"一、加强领导",
		"（一）明确责任",
		"1.各校要在3月底前完成自查。",
		"2.教育局要加强督导。",
		"（二）强化考核",
		"1.年底前完成考核。",
		"二、保障措施",
		"• 经费保障",
		"① 第一项",
		"② 第二项",
		"第11条 附则",
		"不编号",
		"任务",
		"责任单位",
		"第二段",
		"第一行",
		"第二行\t制表",
		"保留插入",
		"3",
		"文本框",
		"正文",
	}, "\n") + "\n"
	if got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

func TestDocxErrors(t *testing.T) {
	good := makeDocx(t, paras("要加强领导。"), "", "")
	crc := bytes.Clone(good)
	// Flip a byte of the stored document's compressed data: the CRC or the
	// inflater catches it.
	if i := bytes.Index(crc, []byte("word/document.xml")); i > 0 {
		crc[i+len("word/document.xml")+5] ^= 0xFF
	}
	bomb := func(n int) []byte {
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		w, _ := zw.Create("word/document.xml")
		w.Write([]byte(`<w:document ` + wordNS + `><w:body><w:p><w:r><w:t>`))
		chunk := bytes.Repeat([]byte(" "), 1<<20)
		for i := 0; i < n; i++ {
			w.Write(chunk)
		}
		w.Write([]byte(`</w:t></w:r></w:p></w:body></w:document>`))
		zw.Close()
		return buf.Bytes()
	}
	for _, tc := range []struct {
		name string
		in   []byte
		err  error
	}{
		{"empty", nil, ErrDocxCorrupt},
		{"text", []byte("要加强领导。"), ErrDocxCorrupt},
		{"truncated", good[:len(good)/2], ErrDocxCorrupt},
		{"truncated end", good[:len(good)-10], ErrDocxCorrupt},
		{"corrupt data", crc, ErrDocxCorrupt},
		{"bad xml", makeZip(t, "word/document.xml", `<w:document `+wordNS+`><w:body><w:p><w:r><w:t>要</w:r></w:p>`), ErrDocxCorrupt},
		{"no document", makeZip(t, "xl/workbook.xml", `<workbook/>`), ErrNotDocx},
		{"empty zip", makeZip(t), ErrNotDocx},
		{"zip bomb", bomb(70), ErrDocxBomb},
		{"expands 1000-fold", bomb(3), ErrDocxBomb},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Docx(tc.in)
			if !errors.Is(err, tc.err) {
				t.Errorf("error %v, want %v", err, tc.err)
			}
		})
	}
	// An empty document is not an error: the caller says it is empty.
	if text, err := Docx(makeDocx(t, "", "", "")); err != nil || text != "" {
		t.Errorf("empty document: %q, %v", text, err)
	}
	// A broken numbering.xml leaves the text unnumbered.
	if text, err := Docx(makeDocx(t, num("1", "0", "要"), "<w:abstractNum", "<")); err != nil || text != "要\n" {
		t.Errorf("broken numbering: %q, %v", text, err)
	}
}

func TestFormatNumber(t *testing.T) {
	for _, tc := range []struct {
		v    int
		f    string
		want string
	}{
		{1, "chineseCounting", "一"}, {10, "chineseCounting", "十"}, {11, "chineseCounting", "十一"},
		{20, "chineseCounting", "二十"}, {21, "chineseCountingThousand", "二十一"}, {105, "chineseCounting", "一百零五"},
		{110, "chineseCounting", "一百一十"}, {1001, "chineseCounting", "一千零一"},
		{3, "ideographTraditional", "丙"}, {2, "lowerLetter", "b"}, {28, "upperLetter", "BB"},
		{4, "upperRoman", "IV"}, {9, "lowerRoman", "ix"}, {7, "decimal", "7"}, {3, "decimalZero", "03"},
		{12, "decimalFullWidth", "１２"}, {3, "chineseLegalSimplified", "叁"}, {105, "ideographDigital", "一〇五"},
		{25, "decimalEnclosedCircle", "25"},
	} {
		if got := formatNumber(tc.v, tc.f); got != tc.want {
			t.Errorf("formatNumber(%d, %s) = %q, want %q", tc.v, tc.f, got, tc.want)
		}
	}
}

func FuzzDocx(f *testing.F) {
	f.Add(makeDocx(f, paras("第一篇:在全市工作会议上的讲话\n同志们:\n一、要加强领导。"), numberingXML, stylesXML))
	text := readSeed(f, "004")
	f.Add(makeDocx(f, paras(text[:strings.Index(text[2000:], "\n")+2000]), "", ""))
	f.Add(makeDocx(f, num("1", "1", "明确责任")+num("4", "0", "附则")+`<w:tbl><w:tr><w:tc><w:p><w:r><w:t>甲</w:t><w:br/></w:r></w:p></w:tc></w:tr></w:tbl>`, numberingXML, stylesXML))
	f.Add(makeZip(f, "word/document.xml", "<w:p>"))
	f.Add([]byte("PK\x03\x04"))
	f.Fuzz(func(t *testing.T, b []byte) {
		text, err := Docx(b)
		if err != nil {
			if !errors.Is(err, ErrDocxCorrupt) && !errors.Is(err, ErrDocxBomb) && !errors.Is(err, ErrNotDocx) {
				t.Errorf("unexpected error %v", err)
			}
			return
		}
		if !utf8.ValidString(text) {
			t.Errorf("invalid UTF-8 %q", text)
		}
	})
}

// The byte budget covers all parts together, counting the bytes really
// read.
func TestDocxBudget(t *testing.T) {
	b := makeDocx(t, paras(strings.Repeat("要加强领导，落实责任。\n", 100)), numberingXML, stylesXML)
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	r := &docxReader{zr: zr, budget: 4000}
	if _, err := r.read("word/numbering.xml"); err != nil {
		t.Fatal(err)
	}
	if _, err := r.read("word/document.xml"); !errors.Is(err, ErrDocxBomb) {
		t.Errorf("over budget: %v", err)
	}
}
