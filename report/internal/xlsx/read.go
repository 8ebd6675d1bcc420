package xlsx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"unique"

	"github.com/xuri/excelize/v2"
)

// A Reader reads the raw cell values of the worksheets of an xlsx
// package straight from its XML, as excelize's GetRows with RawCellValue
// does but several times faster: reading the previous workbook is most of
// the time of a nightly run where nothing changed. It knows the cells of
// SpreadsheetML: shared strings (their text runs, without phonetic
// guides), inline strings, numbers, booleans, errors and formulas'
// cached values.
type Reader struct {
	zr      *zip.Reader
	ra      io.ReaderAt          // the package
	size    int64                // its length
	byName  map[string]*zip.File // the entries compressed with deflate, by name
	info    *WorkbookInfo
	shared  []string
	creator string
}

// NewReader prepares to read the package in ra, of size bytes, which it
// reads part by part as it needs them: ra must stay open while the
// Reader is in use, and, when it is a file, while the pieces Compressed
// returns are.
func NewReader(ra io.ReaderAt, size int64) (*Reader, error) {
	zr, err := zip.NewReader(ra, size)
	if err != nil {
		return nil, err
	}
	r := &Reader{zr: zr, ra: ra, size: size, byName: map[string]*zip.File{}}
	for _, zf := range zr.File {
		if zf.Method == zip.Deflate {
			r.byName[zf.Name] = zf
		}
	}
	r.info, err = ReadWorkbook(func(name string) []byte {
		b, _ := r.Part(name)
		return b
	})
	if err != nil {
		return nil, err
	}
	core, err := r.Part("docProps/core.xml")
	if err != nil {
		return nil, err
	}
	var props struct {
		Creator string `xml:"creator"`
	}
	if core != nil {
		xml.Unmarshal(core, &props) // a workbook may do without
	}
	r.creator = props.Creator
	sst, err := r.Part("xl/sharedStrings.xml")
	if err != nil {
		return nil, err
	}
	r.shared = SharedStrings(sst)
	return r, nil
}

// Sheets returns the names of the package's sheets, in order.
func (r *Reader) Sheets() []string { return r.info.Sheets }

// DefinedNames returns the package's defined names.
func (r *Reader) DefinedNames() []string { return r.info.Names }

// Creator returns who the document properties say created the package.
func (r *Reader) Creator() string { return r.creator }

// SheetPart returns the package path of the part of sheet, if it has one.
func (r *Reader) SheetPart(sheet string) (string, bool) {
	p, ok := r.info.Parts[sheet]
	return p, ok
}

// SharedStrings returns the strings of the shared strings part sst.
func SharedStrings(sst []byte) []string {
	var shared []string
	for _, si := range elements(sst, "si") {
		shared = append(shared, siText(si))
	}
	return shared
}

// Part returns the content of the part name, or nil if there is none.
func (r *Reader) Part(name string) ([]byte, error) {
	for _, zf := range r.zr.File {
		if strings.EqualFold(zf.Name, name) {
			return readZipFile(zf)
		}
	}
	return nil, nil
}

// Related reports whether the part name has a relationship of type kind
// (comments, hyperlink, drawing: the last element of the type's URI).
func (r *Reader) Related(name, kind string) bool {
	rels, _ := r.Part(relsOf(name))
	return bytes.Contains(rels, []byte("relationships/"+kind))
}

// Compressed returns the part name as it is stored in the package, if it
// is stored compressed with deflate: its compressed bytes (left in the
// package's file, when it is one), the CRC-32 and the length of what
// they hold.
func (r *Reader) Compressed(name string) (Deflated, bool) {
	zf, ok := r.byName[name]
	if !ok {
		return Deflated{}, false
	}
	off, err := zf.DataOffset()
	size := int64(zf.CompressedSize64)
	if err != nil || off < 0 || off+size > r.size {
		return Deflated{}, false
	}
	z := Deflated{CRC: zf.CRC32, N: int64(zf.UncompressedSize64)}
	if f, ok := r.ra.(*os.File); ok {
		z.File, z.Off, z.Len, z.borrowed = f, off, size, true
		return z, true
	}
	z.Data = make([]byte, size)
	if _, err := r.ra.ReadAt(z.Data, off); err != nil {
		return Deflated{}, false
	}
	return z, true
}

// Rows returns what the fast reader reads of sheet: the raw values of
// its cells, by row and column, with trailing empty cells and rows dropped
// as GetRows does, and what ReadSheet finds besides.
func (r *Reader) Rows(sheet string) (*Sheet, error) {
	part, ok := r.info.Parts[sheet]
	if !ok {
		return nil, fmt.Errorf("no sheet %s", sheet)
	}
	p := &Sheet{}
	for _, zf := range r.zr.File {
		if strings.EqualFold(zf.Name, part) {
			if err := p.readFrom(zf, r.shared); err != nil {
				return nil, fmt.Errorf("sheet %s: %w", sheet, err)
			}
			break
		}
	}
	return p, nil
}

// rowEnd ends a <row> element.
var rowEnd = []byte("</row>")

// readFrom reads the rows of the worksheet part zf into p as ReadSheet
// reads them, a megabyte at a time up to a row's end, rather than the
// part whole: a sheet of a hundred thousand rows is a gigabyte of XML.
func (p *Sheet) readFrom(zf *zip.File, shared []string) error {
	rc, err := zf.Open()
	if err != nil {
		return err
	}
	defer rc.Close()
	chunk := make([]byte, 1<<20)
	var buf []byte // read, not parsed
	for {
		n, err := io.ReadFull(rc, chunk)
		buf = append(buf, chunk[:n]...)
		end := errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF)
		if err != nil && !end {
			return err
		}
		cut := len(buf)
		if !end {
			if cut = bytes.LastIndex(buf, rowEnd); cut < 0 {
				continue
			}
			cut += len(rowEnd)
		}
		if err := p.parse(buf[:cut], shared, true); err != nil {
			return err
		}
		if end {
			return nil
		}
		buf = append(buf[:0], buf[cut:]...)
	}
}

// ParseRows reads the <row> elements of worksheet XML b into rows, by row
// and column, as Rows does: a row of b replaces the same row of rows, a
// row without values leaves it as it was. shared are the package's
// shared strings.
func ParseRows(rows [][]string, b []byte, shared []string) ([][]string, error) {
	p, err := parseTyped(rows, b, shared, false)
	if err != nil {
		return nil, err
	}
	return p.Rows, nil
}

// A CellAt is a cell of a sheet: its 1-based row and column.
type CellAt struct{ Row, Col int }

// A Sheet is what ReadSheet reads of a worksheet.
type Sheet struct {
	Rows [][]string // raw cell values by row and column
	// Typed are the cells that are not text (see typedCell), whose raw
	// values do not tell their type.
	Typed   []CellAt
	Heights map[int]float64 // heights of the rows with a custom height, by row
	styles  [][]int32       // the style ids of the cells, by row and column; 0 for none
	next    int             // the row after the last read, 0 for the first
}

// Style returns the style id of the cell at row, col, 0 for none.
func (p *Sheet) Style(row, col int) int32 {
	if row < 1 || row > len(p.styles) || col < 1 || col > len(p.styles[row-1]) {
		return 0
	}
	return p.styles[row-1][col-1]
}

// ReadSheet reads worksheet XML b as ParseRows does, and also finds the
// cells that are not text, the rows' custom heights and the cells'
// styles. shared are the package's shared strings.
func ReadSheet(b []byte, shared []string) (*Sheet, error) {
	return parseTyped(nil, b, shared, true)
}

// ReadMore reads into p, as ReadSheet reads, the rows b that follow those
// p holds: a sheet read piece by piece, each piece whole <row> elements,
// gives what ReadSheet gives for all of it.
func ReadMore(p *Sheet, b []byte, shared []string) error {
	return p.parse(b, shared, true)
}

// parseTyped is ParseRows that, with typed, also finds what ReadSheet
// finds besides.
func parseTyped(rows [][]string, b []byte, shared []string, typed bool) (*Sheet, error) {
	p := &Sheet{Rows: rows}
	if err := p.parse(b, shared, typed); err != nil {
		return nil, err
	}
	return p, nil
}

// parse reads the rows of worksheet XML b into p, as parseTyped does.
//
// The values are interned (unique.Make): a ledger's cells repeat a great
// deal (statuses, bodies, dates, a section's heading on each of its
// tasks, the record of writtenSheet repeating the speech sheets), and a
// run holds the cells of the sheets it reads. Each row's slices are made
// as long as the row before, most rows being as long.
func (p *Sheet) parse(b []byte, shared []string, typed bool) error {
	rows := p.Rows
	next := max(p.next, 1) // the row of a <row> without r
	width, swidth := 0, 0  // of the last row read, its values and styles
	for _, row := range elements(b, "row") {
		open, body := splitElement(row)
		n := next
		if v, ok := attr(open, "r"); ok {
			var err error
			if n, err = strconv.Atoi(v); err != nil || n < 1 {
				return fmt.Errorf("row %q", v)
			}
		}
		next = n + 1
		if h, ok := customHeight(open); ok && typed {
			if p.Heights == nil {
				p.Heights = map[int]float64{}
			}
			p.Heights[n] = h
		}
		var cells []string
		var styles []int32
		if width > 0 {
			cells = make([]string, 0, width)
		}
		if swidth > 0 && typed {
			styles = make([]int32, 0, swidth)
		}
		col := 0
		for _, c := range elements(body, "c") {
			copen, cbody := splitElement(c)
			col++
			if ref, ok := attr(copen, "r"); ok {
				var err error
				if col, _, err = excelize.CellNameToCoordinates(ref); err != nil {
					return fmt.Errorf("cell %q", ref)
				}
			}
			if typed {
				if typedCell(copen, cbody) {
					p.Typed = append(p.Typed, CellAt{n, col})
				}
				if v, ok := attr(copen, "s"); ok {
					if s, err := strconv.ParseInt(v, 10, 32); err == nil && s > 0 {
						for len(styles) < col {
							styles = append(styles, 0)
						}
						styles[col-1] = int32(s)
					}
				}
			}
			v := rawCellValue(copen, cbody, shared)
			if v == "" {
				continue
			}
			for len(cells) < col {
				cells = append(cells, "")
			}
			cells[col-1] = unique.Make(v).Value()
		}
		if len(styles) > 0 {
			swidth = len(styles)
			for len(p.styles) < n {
				p.styles = append(p.styles, nil)
			}
			p.styles[n-1] = styles
		}
		if len(cells) == 0 {
			continue
		}
		width = len(cells)
		for len(rows) < n {
			rows = append(rows, nil)
		}
		rows[n-1] = cells
	}
	p.Rows, p.next = rows, next
	return nil
}

// customHeight returns the height of the row whose start tag is open, if
// it sets one of its own (customHeight="1" or "true").
func customHeight(open []byte) (float64, bool) {
	c, ok := attr(open, "customHeight")
	if !ok || c != "1" && c != "true" {
		return 0, false
	}
	v, ok := attr(open, "ht")
	if !ok {
		return 0, false
	}
	h, err := strconv.ParseFloat(v, 64)
	return h, err == nil && h > 0
}

// typedCell reports whether the cell <c open>body</c> holds a formula, a
// number, a date, a boolean or an error: anything but text.
func typedCell(open, body []byte) bool {
	if len(elements(body, "f")) > 0 {
		return true
	}
	switch t, _ := attr(open, "t"); t {
	case "s", "inlineStr", "str":
		return false
	}
	return len(elements(body, "v")) > 0
}

// rawCellValue returns the raw value of the cell <c open>body</c>.
func rawCellValue(open, body []byte, shared []string) string {
	t, _ := attr(open, "t")
	switch t {
	case "inlineStr":
		if is := elements(body, "is"); len(is) > 0 {
			return siText(is[0])
		}
		return ""
	}
	vs := elements(body, "v")
	if len(vs) == 0 {
		return ""
	}
	_, v := splitElement(vs[0])
	text := unescapeXML(v)
	if t == "s" {
		i, err := strconv.Atoi(strings.TrimSpace(text))
		if err != nil || i < 0 || i >= len(shared) {
			return ""
		}
		return shared[i]
	}
	return text
}

// siText returns the text of a string item: its <t> elements, those of
// phonetic runs (<rPh>) left out.
func siText(si []byte) string {
	var b strings.Builder
	for len(si) > 0 {
		i := bytes.Index(si, []byte("<"))
		if i < 0 {
			break
		}
		si = si[i:]
		switch {
		case hasTag(si, "rPh"):
			end := bytes.Index(si, []byte("</rPh>"))
			if end < 0 {
				return b.String()
			}
			si = si[end:]
		case hasTag(si, "t"):
			open := bytes.IndexByte(si, '>')
			if open < 0 {
				return b.String()
			}
			if si[open-1] == '/' { // <t/>
				si = si[open+1:]
				continue
			}
			end := bytes.Index(si, []byte("</t>"))
			if end < 0 {
				return b.String()
			}
			b.WriteString(unescapeXML(si[open+1 : end]))
			si = si[end:]
		}
		si = si[1:]
	}
	return b.String()
}

// hasTag reports whether b opens with the start tag of name.
func hasTag(b []byte, name string) bool {
	if len(b) < len(name)+2 || b[0] != '<' || string(b[1:1+len(name)]) != name {
		return false
	}
	switch b[1+len(name)] {
	case '>', ' ', '/', '\t', '\n', '\r':
		return true
	}
	return false
}

// elements returns the elements name of b, each from its start tag to
// the end of its end tag (or of the start tag, for an empty element), not
// looking inside them for more.
func elements(b []byte, name string) [][]byte {
	var out [][]byte
	end := []byte("</" + name + ">")
	for {
		i := bytes.Index(b, []byte("<"+name))
		if i < 0 {
			return out
		}
		b = b[i:]
		if !hasTag(b, name) {
			b = b[1:]
			continue
		}
		gt := bytes.IndexByte(b, '>')
		if gt < 0 {
			return out
		}
		if b[gt-1] == '/' {
			out = append(out, b[:gt+1])
			b = b[gt+1:]
			continue
		}
		j := bytes.Index(b, end)
		if j < 0 {
			return out
		}
		out = append(out, b[:j+len(end)])
		b = b[j+len(end):]
	}
}

// splitElement splits an element into its start tag and its content.
func splitElement(e []byte) (open, body []byte) {
	gt := bytes.IndexByte(e, '>')
	if gt < 0 || e[gt-1] == '/' {
		return e, nil
	}
	body = e[gt+1:]
	if lt := bytes.LastIndex(body, []byte("</")); lt >= 0 {
		body = body[:lt]
	}
	return e[:gt+1], body
}

// attr returns the value of the attribute name of a start tag.
func attr(open []byte, name string) (string, bool) {
	for i := 0; ; {
		j := bytes.Index(open[i:], []byte(name+`="`))
		if j < 0 {
			return "", false
		}
		j += i
		if j > 0 && (open[j-1] == ' ' || open[j-1] == '\t' || open[j-1] == '\n' || open[j-1] == '\r') {
			v := open[j+len(name)+2:]
			k := bytes.IndexByte(v, '"')
			if k < 0 {
				return "", false
			}
			return unescapeXML(v[:k]), true
		}
		i = j + 1
	}
}

// unescapeXML replaces the entities and character references of XML text.
func unescapeXML(b []byte) string {
	if bytes.IndexByte(b, '&') < 0 && bytes.IndexByte(b, '\r') < 0 {
		return string(b)
	}
	var out strings.Builder
	for len(b) > 0 {
		i := bytes.IndexAny(b, "&\r")
		if i < 0 {
			out.Write(b)
			break
		}
		out.Write(b[:i])
		b = b[i:]
		if b[0] == '\r' { // XML reads CR LF and CR as LF
			out.WriteByte('\n')
			b = b[1:]
			if len(b) > 0 && b[0] == '\n' {
				b = b[1:]
			}
			continue
		}
		semi := bytes.IndexByte(b, ';')
		if semi < 0 {
			out.Write(b)
			break
		}
		ent := string(b[1:semi])
		switch {
		case ent == "lt":
			out.WriteByte('<')
		case ent == "gt":
			out.WriteByte('>')
		case ent == "amp":
			out.WriteByte('&')
		case ent == "quot":
			out.WriteByte('"')
		case ent == "apos":
			out.WriteByte('\'')
		case strings.HasPrefix(ent, "#x"), strings.HasPrefix(ent, "#X"):
			n, err := strconv.ParseUint(ent[2:], 16, 32)
			if err != nil {
				out.Write(b[:semi+1])
			} else {
				out.WriteRune(rune(n))
			}
		case strings.HasPrefix(ent, "#"):
			n, err := strconv.ParseUint(ent[1:], 10, 32)
			if err != nil {
				out.Write(b[:semi+1])
			} else {
				out.WriteRune(rune(n))
			}
		default:
			out.Write(b[:semi+1])
		}
		b = b[semi+1:]
	}
	return out.String()
}

// SharedRefs returns one more than the highest shared string the cells of
// worksheet XML b refer to, or 0.
func SharedRefs(b []byte) int {
	n := 0
	for _, c := range elements(b, "c") {
		open, body := splitElement(c)
		if t, _ := attr(open, "t"); t != "s" {
			continue
		}
		if vs := elements(body, "v"); len(vs) > 0 {
			_, v := splitElement(vs[0])
			if i, err := strconv.Atoi(string(bytes.TrimSpace(v))); err == nil && i >= n {
				n = i + 1
			}
		}
	}
	return n
}

// HasElement reports whether worksheet XML b has an element name.
func HasElement(b []byte, name string) bool { return len(elements(b, name)) > 0 }

// MergedRanges returns the ranges of the merged cells of worksheet XML b.
func MergedRanges(b []byte) []string {
	var out []string
	for _, m := range elements(b, "mergeCell") {
		open, _ := splitElement(m)
		if ref, ok := attr(open, "ref"); ok {
			out = append(out, ref)
		}
	}
	return out
}

// A Hyperlink is a hyperlink of a worksheet: the cell or range it is on,
// the place in the workbook it goes to, and the relationship of an
// external target ("" for none).
type Hyperlink struct {
	Ref      string `xml:"ref,attr"`
	Location string `xml:"location,attr"`
	RID      string `xml:"id,attr"`
}

// Hyperlinks returns the hyperlinks of worksheet XML b, in order.
func Hyperlinks(b []byte) ([]Hyperlink, error) {
	var out []Hyperlink
	for _, e := range elements(b, "hyperlinks") {
		var hs struct {
			Links []Hyperlink `xml:"hyperlink"`
		}
		if err := xml.Unmarshal(e, &hs); err != nil {
			return nil, err
		}
		out = append(out, hs.Links...)
	}
	return out, nil
}
