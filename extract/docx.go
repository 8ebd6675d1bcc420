package extract

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"strconv"
	"strings"
)

// Errors for .docx files that cannot be read.
var (
	ErrDocxCorrupt = errors.New("corrupt or truncated .docx file")
	ErrDocxBomb    = errors.New(".docx file expands to too much data (a zip bomb?)")
	ErrNotDocx     = errors.New("not a Word .docx document")
)

// Limits on what a .docx may expand to. A real speech's document.xml is a
// few megabytes at most; anything far beyond is an attack or damage.
const (
	docxMaxBytes = 64 << 20 // uncompressed bytes read from all parts together
	docxMaxRatio = 200      // uncompressed/compressed bytes of one part
	docxSlack    = 1 << 20  // bytes any part may expand to regardless of ratio
)

// Docx returns the text of a Word .docx document held in b, one line per
// paragraph in document order: body paragraphs and headings, each table
// cell's paragraphs, text boxes. A line break inside a paragraph starts a
// new line; a tab stays a tab. Automatic list numbering (w:numPr) is
// rendered as Word shows it (一、, 1., (1), ①, …) so that numbered headings
// and items read as in the .txt of the same speech; bullets become •.
// Deleted revisions, field codes, headers, footers and notes are left out.
//
// Docx reads at most 64 MiB of uncompressed data and fails with ErrDocxBomb
// beyond that or when a part expands more than 200-fold, with
// ErrDocxCorrupt for a damaged archive or XML and with ErrNotDocx for a
// zip archive without a Word document.
func Docx(b []byte) (string, error) {
	d, err := readDocx(b)
	return d.text, err
}

// DocxDocument is Docx for a document that may hold task-division tables
// (see TaskHeader): it returns the document's text without those tables,
// and the tables, their rows of cell texts with a cell merged across
// columns (gridSpan) or down rows (vMerge) in each grid cell it covers.
// A cell's paragraphs are joined by line breaks.
func DocxDocument(b []byte) (string, []TaskTable, error) {
	d, err := readDocx(b)
	if err != nil {
		return "", nil, err
	}
	var text strings.Builder
	at := 0
	var tables []TaskTable
	for _, t := range d.tables {
		text.WriteString(d.text[at:t.from])
		at = t.to
		tables = append(tables, TaskTable{Rows: t.rows})
	}
	text.WriteString(d.text[at:])
	return text.String(), tables, nil
}

// docxText is what reading a document gives: its text, and where the
// task-division tables are in it.
type docxText struct {
	text   string
	tables []docxTable
}

// docxTable is a task-division table of a document: its rows, and the
// bytes of the document's text it takes.
type docxTable struct {
	rows     [][]string
	from, to int
}

func readDocx(b []byte) (docxText, error) {
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		return docxText{}, fmt.Errorf("%w: %v", ErrDocxCorrupt, err)
	}
	r := &docxReader{zr: zr, budget: docxMaxBytes}
	main := r.mainPart()
	if main == "" {
		return docxText{}, ErrNotDocx
	}
	dir := path.Dir(main)
	num := newNumbering()
	// Numbering and styles are optional: a document without them, or
	// with broken ones, is still read, unnumbered.
	if data, err := r.read(path.Join(dir, "numbering.xml")); err == nil {
		num.parseNumbering(data)
	} else if errors.Is(err, ErrDocxBomb) {
		return docxText{}, err
	}
	if data, err := r.read(path.Join(dir, "styles.xml")); err == nil {
		num.parseStyles(data)
	} else if errors.Is(err, ErrDocxBomb) {
		return docxText{}, err
	}
	data, err := r.read(main)
	if err != nil {
		if errors.Is(err, errNoPart) {
			return docxText{}, ErrNotDocx
		}
		return docxText{}, err
	}
	return documentText(data, num)
}

var errNoPart = errors.New("part missing")

// docxReader reads parts of a .docx archive within a byte budget.
type docxReader struct {
	zr     *zip.Reader
	budget int64
}

// mainPart returns the name of the main document part: the target of the
// package's officeDocument relationship, or word/document.xml.
func (r *docxReader) mainPart() string {
	if data, err := r.read("_rels/.rels"); err == nil {
		var rels struct {
			Rel []struct {
				Type   string `xml:"Type,attr"`
				Target string `xml:"Target,attr"`
			} `xml:"Relationship"`
		}
		if xml.Unmarshal(data, &rels) == nil {
			for _, rel := range rels.Rel {
				if strings.HasSuffix(rel.Type, "/officeDocument") {
					name := strings.TrimPrefix(path.Clean("/"+rel.Target), "/")
					if r.file(name) != nil {
						return name
					}
				}
			}
		}
	}
	if r.file("word/document.xml") != nil {
		return "word/document.xml"
	}
	return ""
}

func (r *docxReader) file(name string) *zip.File {
	for _, f := range r.zr.File {
		if strings.EqualFold(f.Name, name) {
			return f
		}
	}
	return nil
}

// read returns the uncompressed bytes of the named part, enforcing the
// total budget and the per-part expansion ratio on the bytes actually
// read, not on the sizes the archive claims.
func (r *docxReader) read(name string) ([]byte, error) {
	f := r.file(name)
	if f == nil {
		return nil, errNoPart
	}
	rc, err := f.Open()
	if err != nil {
		return nil, fmt.Errorf("%w: %s: %v", ErrDocxCorrupt, name, err)
	}
	defer rc.Close()
	limit := r.budget
	if ratio := int64(f.CompressedSize64)*docxMaxRatio + docxSlack; f.CompressedSize64 < 1<<40 && ratio < limit {
		limit = ratio
	}
	var buf bytes.Buffer
	n, err := io.Copy(&buf, io.LimitReader(rc, limit+1))
	r.budget -= n
	if n > limit {
		return nil, ErrDocxBomb
	}
	if err != nil {
		return nil, fmt.Errorf("%w: %s: %v", ErrDocxCorrupt, name, err)
	}
	return buf.Bytes(), nil
}

// documentText walks the main document part and returns its text, and
// its task-division tables.
func documentText(data []byte, num *numbering) (docxText, error) {
	d := xml.NewDecoder(bytes.NewReader(data))
	w := &documentWalk{num: num}
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return docxText{}, fmt.Errorf("%w: word/document.xml: %v", ErrDocxCorrupt, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			w.start(t)
		case xml.EndElement:
			w.end(t)
		case xml.CharData:
			if w.inT && w.skip == 0 && len(w.paras) > 0 {
				w.paras[len(w.paras)-1].text.Write(t)
			}
		}
	}
	text := strings.TrimRight(w.out.String(), "\n")
	if text != "" {
		text += "\n"
	}
	return docxText{text: text, tables: outerTables(w.found, len(text))}, nil
}

// documentWalk is where documentText has got to in the document.
type documentWalk struct {
	num    *numbering
	out    strings.Builder
	paras  []*para // open paragraphs: text boxes nest inside them
	skip   int     // depth inside parts whose text is not shown
	inT    bool    // inside w:t
	tables []*table
	found  []docxTable
}

// table returns the innermost open table, or nil.
func (w *documentWalk) table() *table {
	if len(w.tables) > 0 {
		return w.tables[len(w.tables)-1]
	}
	return nil
}

// start reads an opening tag.
func (w *documentWalk) start(t xml.StartElement) {
	if w.skip > 0 {
		w.skip++
		return
	}
	w.startTable(t)
	w.startPara(t)
}

// startTable reads an opening tag of a table's structure: the table, a
// row, a cell, and the spans and merges of a cell.
func (w *documentWalk) startTable(t xml.StartElement) {
	tb := w.table()
	switch t.Name.Local {
	case "tbl":
		w.tables = append(w.tables, &table{from: w.out.Len()})
	case "tr":
		if tb != nil {
			tb.rows = append(tb.rows, nil)
		}
	case "tc":
		if tb != nil {
			tb.cell, tb.inCell, tb.span, tb.vMerge = nil, true, 1, false
		}
	case "gridSpan":
		if tb != nil && tb.inCell {
			if n, err := strconv.Atoi(attr(t, "val")); err == nil && n > 1 && n <= 64 {
				tb.span = n
			}
		}
	case "vMerge":
		if tb != nil && tb.inCell && attr(t, "val") != "restart" {
			tb.vMerge = true
		}
	}
}

// startPara reads an opening tag of a paragraph's content: the paragraph,
// its style and numbering, text, tabs and breaks, and the parts whose text
// is not shown.
func (w *documentWalk) startPara(t xml.StartElement) {
	var p *para
	if len(w.paras) > 0 {
		p = w.paras[len(w.paras)-1]
	}
	switch t.Name.Local {
	case "Fallback", "del", "delText", "instrText", "footnoteReference", "endnoteReference", "commentReference", "rPr", "sectPr", "pPrChange", "rPrChange", "moveFrom":
		// mc:Fallback repeats mc:Choice; deletions and field codes are
		// not the text shown.
		w.skip = 1
	case "p":
		w.paras = append(w.paras, &para{})
	case "pStyle":
		if p != nil {
			p.style = attr(t, "val")
		}
	case "numId":
		if p != nil {
			p.numID, p.hasNum = attr(t, "val"), true
		}
	case "ilvl":
		if p != nil {
			p.ilvl, _ = strconv.Atoi(attr(t, "val"))
		}
	case "t":
		w.inT = true
	case "tab", "ptab":
		if p != nil && !p.inPPr {
			p.text.WriteByte('\t')
		}
	case "br", "cr":
		if p != nil && attr(t, "type") != "page" && attr(t, "type") != "column" {
			p.text.WriteByte('\n')
		}
	case "noBreakHyphen":
		if p != nil {
			p.text.WriteByte('-')
		}
	case "pPr":
		if p != nil {
			p.inPPr = true
		}
	}
}

// end reads a closing tag.
func (w *documentWalk) end(t xml.EndElement) {
	if w.skip > 0 {
		w.skip--
		return
	}
	tb := w.table()
	switch t.Name.Local {
	case "t":
		w.inT = false
	case "pPr":
		if len(w.paras) > 0 {
			w.paras[len(w.paras)-1].inPPr = false
		}
	case "p":
		w.endPara(tb)
	case "tc":
		if tb != nil && tb.inCell {
			tb.endCell()
		}
	case "tbl":
		if tb == nil {
			return
		}
		w.tables = w.tables[:len(w.tables)-1]
		if _, _, ok := TaskHeader(tb.rows); ok {
			w.found = append(w.found, docxTable{rows: tb.rows, from: tb.from, to: w.out.Len()})
		}
	}
}

// endPara closes the innermost open paragraph: its text, after its
// numbering label, goes to the text, and to the cell of tb it is in.
func (w *documentWalk) endPara(tb *table) {
	if len(w.paras) == 0 {
		return
	}
	p := w.paras[len(w.paras)-1]
	w.paras = w.paras[:len(w.paras)-1]
	text := p.text.String()
	label := ""
	if strings.TrimSpace(text) != "" {
		label = w.num.label(p)
	}
	w.out.WriteString(label)
	w.out.WriteString(text)
	w.out.WriteByte('\n')
	if tb != nil && tb.inCell && len(w.paras) == 0 {
		tb.cell = append(tb.cell, strings.TrimSpace(label+text))
	}
}

// outerTables returns the tables of found that no other holds, their ends
// cut to n, the length of the text: a table nested in another's cell is
// the outer one's content.
func outerTables(found []docxTable, n int) []docxTable {
	var top []docxTable
	for _, t := range found {
		if k := len(top); k > 0 && top[k-1].to > t.from {
			continue
		}
		if t.to > n {
			t.to = n
		}
		top = append(top, t)
	}
	return top
}

// table is a table being read: its rows of cell texts so far.
type table struct {
	rows   [][]string
	cell   []string // the open cell's paragraphs
	inCell bool
	span   int  // grid columns the open cell spans
	vMerge bool // the open cell goes on the merged cell above it
	from   int  // where the table's text starts in the document's
}

// endCell adds the open cell to the last row, once per grid column it
// spans; a cell merged with the one above takes its text.
func (tb *table) endCell() {
	tb.inCell = false
	if len(tb.rows) == 0 {
		tb.rows = append(tb.rows, nil)
	}
	r := len(tb.rows) - 1
	row := tb.rows[r]
	text := strings.TrimSpace(strings.Join(tb.cell, "\n"))
	if tb.vMerge && r > 0 && len(row) < len(tb.rows[r-1]) {
		text = tb.rows[r-1][len(row)]
	}
	for range tb.span {
		row = append(row, text)
	}
	tb.rows[r] = row
}

// para is a paragraph being read.
type para struct {
	text   strings.Builder
	style  string
	numID  string
	ilvl   int
	hasNum bool // w:numPr given on the paragraph itself
	inPPr  bool
}

func attr(e xml.StartElement, local string) string {
	for _, a := range e.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// numbering renders Word's automatic list numbers.
type numbering struct {
	abstract map[string]map[int]*level // abstractNumId -> ilvl -> level
	nums     map[string]numDef         // numId -> definition
	styles   map[string]styleNum       // style id -> numbering it carries
	counters map[string][]int          // abstractNumId -> current counter per level
}

type level struct {
	start  int
	format string // w:numFmt, e.g. decimal, chineseCounting
	text   string // w:lvlText, e.g. "%1、"
}

type numDef struct {
	abstract string
	starts   map[int]int // w:lvlOverride/w:startOverride
}

type styleNum struct {
	numID   string
	ilvl    int
	basedOn string
}

func newNumbering() *numbering {
	return &numbering{
		abstract: map[string]map[int]*level{},
		nums:     map[string]numDef{},
		styles:   map[string]styleNum{},
		counters: map[string][]int{},
	}
}

// parseNumbering reads numbering.xml. Errors leave what was read so far.
func (n *numbering) parseNumbering(data []byte) {
	var doc struct {
		Abstract []struct {
			ID  string `xml:"abstractNumId,attr"`
			Lvl []struct {
				Ilvl    string  `xml:"ilvl,attr"`
				Start   valAttr `xml:"start"`
				NumFmt  valAttr `xml:"numFmt"`
				LvlText valAttr `xml:"lvlText"`
			} `xml:"lvl"`
		} `xml:"abstractNum"`
		Num []struct {
			ID       string  `xml:"numId,attr"`
			Abstract valAttr `xml:"abstractNumId"`
			Override []struct {
				Ilvl  string  `xml:"ilvl,attr"`
				Start valAttr `xml:"startOverride"`
			} `xml:"lvlOverride"`
		} `xml:"num"`
	}
	if xml.Unmarshal(data, &doc) != nil {
		return
	}
	for _, a := range doc.Abstract {
		lv := map[int]*level{}
		for _, l := range a.Lvl {
			i, err := strconv.Atoi(l.Ilvl)
			if err != nil || i < 0 || i > 8 {
				continue
			}
			start, err := strconv.Atoi(l.Start.Val)
			if err != nil {
				start = 1
			}
			lv[i] = &level{start: start, format: l.NumFmt.Val, text: l.LvlText.Val}
		}
		n.abstract[a.ID] = lv
	}
	for _, m := range doc.Num {
		def := numDef{abstract: m.Abstract.Val, starts: map[int]int{}}
		for _, o := range m.Override {
			i, err1 := strconv.Atoi(o.Ilvl)
			s, err2 := strconv.Atoi(o.Start.Val)
			if err1 == nil && err2 == nil {
				def.starts[i] = s
			}
		}
		n.nums[m.ID] = def
	}
}

type valAttr struct {
	Val string `xml:"val,attr"`
}

// parseStyles reads the numbering that paragraph styles carry (headings
// numbered through their style).
func (n *numbering) parseStyles(data []byte) {
	var doc struct {
		Style []struct {
			ID      string  `xml:"styleId,attr"`
			BasedOn valAttr `xml:"basedOn"`
			PPr     struct {
				NumPr *struct {
					NumID valAttr  `xml:"numId"`
					Ilvl  *valAttr `xml:"ilvl"`
				} `xml:"numPr"`
			} `xml:"pPr"`
		} `xml:"style"`
	}
	if xml.Unmarshal(data, &doc) != nil {
		return
	}
	for _, s := range doc.Style {
		sn := styleNum{basedOn: s.BasedOn.Val}
		if s.PPr.NumPr != nil {
			sn.numID = s.PPr.NumPr.NumID.Val
			if s.PPr.NumPr.Ilvl != nil {
				sn.ilvl, _ = strconv.Atoi(s.PPr.NumPr.Ilvl.Val)
			}
		}
		n.styles[s.ID] = sn
	}
}

// label returns the list number of paragraph p as Word would show it,
// advancing the counters, or "" for a paragraph outside any list.
func (n *numbering) label(p *para) string {
	numID, ilvl := p.numID, p.ilvl
	if !p.hasNum {
		// Numbering through the paragraph style, following basedOn a
		// few steps.
		style := p.style
		for i := 0; i < 8 && style != ""; i++ {
			s, ok := n.styles[style]
			if !ok {
				break
			}
			if s.numID != "" {
				numID, ilvl = s.numID, s.ilvl
				break
			}
			style = s.basedOn
		}
	}
	if numID == "" || numID == "0" {
		return ""
	}
	def, ok := n.nums[numID]
	if !ok {
		return ""
	}
	levels := n.abstract[def.abstract]
	lv := levels[ilvl]
	if lv == nil || ilvl < 0 || ilvl > 8 {
		return ""
	}
	c := n.counters[def.abstract]
	if c == nil {
		c = make([]int, 9)
		for i := range c {
			c[i] = -1
		}
		n.counters[def.abstract] = c
	}
	startOf := func(i int) int {
		if s, ok := def.starts[i]; ok {
			return s
		}
		if l := levels[i]; l != nil {
			return l.start
		}
		return 1
	}
	if c[ilvl] < 0 {
		c[ilvl] = startOf(ilvl)
	} else {
		c[ilvl]++
	}
	for i := ilvl + 1; i < len(c); i++ {
		c[i] = -1 // deeper levels restart
	}
	if lv.format == "bullet" {
		return "• "
	}
	if lv.format == "none" {
		return ""
	}
	var b strings.Builder
	text := lv.text
	for i := 0; i < len(text); i++ {
		if text[i] == '%' && i+1 < len(text) && text[i+1] >= '1' && text[i+1] <= '9' {
			k := int(text[i+1] - '1')
			v := c[k]
			if v < 0 {
				v = startOf(k)
			}
			f := lv.format
			if k != ilvl {
				if l := levels[k]; l != nil {
					f = l.format
				}
			}
			b.WriteString(formatNumber(v, f))
			i++
			continue
		}
		b.WriteByte(text[i])
	}
	s := b.String()
	if s == "" {
		return ""
	}
	// Word separates the number from the text with a tab or a space; a
	// Chinese 、 needs neither.
	if r := []rune(s); !strings.ContainsRune("、.．:：)）", r[len(r)-1]) {
		return s + " "
	}
	return s
}

// formatNumber writes v in a Word number format (w:numFmt).
func formatNumber(v int, format string) string {
	switch format {
	case "chineseCounting", "chineseCountingThousand", "japaneseCounting", "ideographDigital", "taiwaneseCounting", "taiwaneseCountingThousand":
		if format == "ideographDigital" {
			return digitsHan(v)
		}
		return countingHan(v)
	case "chineseLegalSimplified":
		return strings.NewReplacer("一", "壹", "二", "贰", "三", "叁", "四", "肆", "五", "伍", "六", "陆", "七", "柒", "八", "捌", "九", "玖", "十", "拾", "百", "佰").Replace(countingHan(v))
	case "ideographTraditional":
		if v >= 1 && v <= 10 {
			return string([]rune("甲乙丙丁戊己庚辛壬癸")[v-1])
		}
	case "ideographZodiac":
		if v >= 1 && v <= 12 {
			return string([]rune("子丑寅卯辰巳午未申酉戌亥")[v-1])
		}
	case "decimalEnclosedCircle", "decimalEnclosedCircleChinese":
		if v >= 1 && v <= 20 {
			return string(rune('①' + v - 1))
		}
	case "decimalEnclosedParen":
		return "(" + strconv.Itoa(v) + ")"
	case "decimalFullWidth", "decimalFullWidth2":
		return strings.Map(func(r rune) rune { return r - '0' + '０' }, strconv.Itoa(v))
	case "decimalZero":
		if v < 10 && v >= 0 {
			return "0" + strconv.Itoa(v)
		}
	case "upperLetter", "lowerLetter":
		if v >= 1 {
			s := strings.Repeat(string(rune('A'+(v-1)%26)), (v-1)/26+1)
			if format == "lowerLetter" {
				s = strings.ToLower(s)
			}
			return s
		}
	case "upperRoman", "lowerRoman":
		if v >= 1 && v < 4000 {
			s := roman(v)
			if format == "lowerRoman" {
				s = strings.ToLower(s)
			}
			return s
		}
	}
	return strconv.Itoa(v)
}

// countingHan writes v in Chinese counting numerals: 一, 十, 十一, 二十一, 一百零五.
func countingHan(v int) string {
	const digits = "零一二三四五六七八九"
	d := []rune(digits)
	if v < 0 || v >= 10000 {
		return strconv.Itoa(v)
	}
	if v < 10 {
		return string(d[v])
	}
	if v < 20 {
		if v == 10 {
			return "十"
		}
		return "十" + string(d[v-10])
	}
	var b strings.Builder
	units := []string{"千", "百", "十", ""}
	zero, started := false, false
	for i, p := range []int{1000, 100, 10, 1} {
		k := v / p % 10
		if k == 0 {
			if started {
				zero = true
			}
			continue
		}
		if zero {
			b.WriteRune('零')
			zero = false
		}
		b.WriteRune(d[k])
		b.WriteString(units[i])
		started = true
	}
	return b.String()
}

// digitsHan writes v digit by digit: 一〇五.
func digitsHan(v int) string {
	return strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return []rune("〇一二三四五六七八九")[r-'0']
		}
		return r
	}, strconv.Itoa(v))
}

func roman(v int) string {
	vals := []int{1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1}
	syms := []string{"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"}
	var b strings.Builder
	for i, n := range vals {
		for v >= n {
			b.WriteString(syms[i])
			v -= n
		}
	}
	return b.String()
}
