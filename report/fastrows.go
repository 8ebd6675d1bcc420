package report

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// A rawReader reads the raw cell values of the worksheets of an xlsx
// package straight from its XML, as excelize's GetRows with RawCellValue
// does but several times faster: reading the previous workbook is most of
// the time of a nightly run where nothing changed. It knows the cells of
// SpreadsheetML: shared strings (their text runs, without phonetic
// guides), inline strings, numbers, booleans, errors and formulas'
// cached values.
type rawReader struct {
	zr     *zip.Reader
	paths  map[string]string // sheet name -> part
	shared []string
	sheets []string // names, in order
	ledger bool     // whether speechledger wrote it (looksLedger)
}

// newRawReader prepares to read the package b.
func newRawReader(b []byte) (*rawReader, error) {
	zr, err := zipReader(b)
	if err != nil {
		return nil, err
	}
	r := &rawReader{zr: zr}
	info, err := readWorkbook(func(name string) []byte {
		b, _ := r.part(name)
		return b
	})
	if err != nil {
		return nil, err
	}
	r.paths, r.sheets = info.parts, info.sheets
	core, err := r.part("docProps/core.xml")
	if err != nil {
		return nil, err
	}
	var props struct {
		Creator string `xml:"creator"`
	}
	if core != nil {
		xml.Unmarshal(core, &props) // a workbook may do without
	}
	r.ledger = looksLedger(r.sheets, info.names, props.Creator)
	sst, err := r.part("xl/sharedStrings.xml")
	if err != nil {
		return nil, err
	}
	r.shared = sharedStrings(sst)
	return r, nil
}

// sharedStrings returns the strings of the shared strings part sst.
func sharedStrings(sst []byte) []string {
	var shared []string
	for _, si := range elements(sst, "si") {
		shared = append(shared, siText(si))
	}
	return shared
}

// part returns the content of the part name, or nil if there is none.
func (r *rawReader) part(name string) ([]byte, error) {
	for _, zf := range r.zr.File {
		if strings.EqualFold(zf.Name, name) {
			return readZipFile(zf)
		}
	}
	return nil, nil
}

// rows returns what the fast reader reads of sheet: the raw values of
// its cells, by row and column, with trailing empty cells and rows dropped
// as GetRows does, and what parseTyped finds besides.
func (r *rawReader) rows(sheet string) (*parsed, error) {
	part, ok := r.paths[sheet]
	if !ok {
		return nil, fmt.Errorf("no sheet %s", sheet)
	}
	b, err := r.part(part)
	if err != nil || b == nil {
		return &parsed{}, err
	}
	p, err := parseTyped(nil, b, r.shared, true)
	if err != nil {
		return nil, fmt.Errorf("sheet %s: %w", sheet, err)
	}
	return p, nil
}

// parseRows reads the <row> elements of worksheet XML b into rows, by row
// and column, as rows does: a row of b replaces the same row of rows, a
// row without values leaves it as it was. shared are the package's
// shared strings.
func parseRows(rows [][]string, b []byte, shared []string) ([][]string, error) {
	p, err := parseTyped(rows, b, shared, false)
	if err != nil {
		return nil, err
	}
	return p.rows, nil
}

// A cellAt is a cell of a sheet: its 1-based row and column.
type cellAt struct{ Row, Col int }

// parsed is what parseTyped reads of a worksheet.
type parsed struct {
	rows [][]string // raw cell values by row and column
	// typed are the cells that are not text (see typedCell), whose raw
	// values do not tell their type.
	typed   []cellAt
	heights map[int]float64 // heights of the rows with a custom height, by row
	styles  [][]int32       // the style ids of the cells, by row and column; 0 for none
}

// style returns the style id of the cell at row, col, 0 for none.
func (p *parsed) style(row, col int) int32 {
	if row < 1 || row > len(p.styles) || col < 1 || col > len(p.styles[row-1]) {
		return 0
	}
	return p.styles[row-1][col-1]
}

// parseTyped is parseRows that, with typed, also finds the cells that
// are not text, the rows' custom heights and the cells' styles.
func parseTyped(rows [][]string, b []byte, shared []string, typed bool) (*parsed, error) {
	p := &parsed{}
	next := 1 // the row of a <row> without r
	for _, row := range elements(b, "row") {
		open, body := splitElement(row)
		n := next
		if v, ok := attr(open, "r"); ok {
			var err error
			if n, err = strconv.Atoi(v); err != nil || n < 1 {
				return nil, fmt.Errorf("row %q", v)
			}
		}
		next = n + 1
		if h, ok := customHeight(open); ok && typed {
			if p.heights == nil {
				p.heights = map[int]float64{}
			}
			p.heights[n] = h
		}
		var cells []string
		var styles []int32
		col := 0
		for _, c := range elements(body, "c") {
			copen, cbody := splitElement(c)
			col++
			if ref, ok := attr(copen, "r"); ok {
				var err error
				if col, _, err = excelize.CellNameToCoordinates(ref); err != nil {
					return nil, fmt.Errorf("cell %q", ref)
				}
			}
			if typed {
				if typedCell(copen, cbody) {
					p.typed = append(p.typed, cellAt{n, col})
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
			cells[col-1] = v
		}
		if len(styles) > 0 {
			for len(p.styles) < n {
				p.styles = append(p.styles, nil)
			}
			p.styles[n-1] = styles
		}
		if len(cells) == 0 {
			continue
		}
		for len(rows) < n {
			rows = append(rows, nil)
		}
		rows[n-1] = cells
	}
	p.rows = rows
	return p, nil
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
