package xlsx

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"slices"
	"strconv"
	"unicode/utf8"
)

// The cell writers write the cells of a worksheet's sheet data as the
// SpreadsheetML they are: a cell at ref (A4), in the style whose id is
// style (0 for none), its text inline. A row's cells are written in
// column order, then the row around them with Row.

// Row writes row n holding cells, h points high (0 for the sheet's
// default height).
func Row(b *bytes.Buffer, n int, h float64, cells []byte) {
	b.WriteString(`<row r="`)
	b.WriteString(strconv.Itoa(n))
	if h > 0 {
		b.WriteString(`" ht="`)
		b.WriteString(strconv.FormatFloat(h, 'g', -1, 64))
		b.WriteString(`" customHeight="1`)
	}
	b.WriteString(`">`)
	b.Write(cells)
	b.WriteString("</row>")
}

// openCell writes the start of cell ref, of type typ ("" for a number).
func openCell(b *bytes.Buffer, ref string, style int, typ string) {
	b.WriteString(`<c r="`)
	b.WriteString(ref)
	b.WriteByte('"')
	if style != 0 {
		b.WriteString(` s="`)
		b.WriteString(strconv.Itoa(style))
		b.WriteByte('"')
	}
	if typ != "" {
		b.WriteString(` t="`)
		b.WriteString(typ)
		b.WriteByte('"')
	}
	b.WriteByte('>')
}

// EmptyCell writes a cell with a style and no value; nothing for style 0.
func EmptyCell(b *bytes.Buffer, ref string, style int) {
	if style == 0 {
		return
	}
	b.WriteString(`<c r="`)
	b.WriteString(ref)
	b.WriteString(`" s="`)
	b.WriteString(strconv.Itoa(style))
	b.WriteString(`"/>`)
}

// NumberCell writes a cell holding the number v, as written in XML.
func NumberCell(b *bytes.Buffer, ref string, style int, v string) {
	openCell(b, ref, style, "")
	b.WriteString("<v>")
	b.WriteString(v)
	b.WriteString("</v></c>")
}

// BoolCell writes a cell holding a boolean.
func BoolCell(b *bytes.Buffer, ref string, style int, v bool) {
	s := "0"
	if v {
		s = "1"
	}
	openCell(b, ref, style, "b")
	b.WriteString("<v>" + s + "</v></c>")
}

// StringCell writes a cell holding the text s, inline; an empty s gives
// an empty cell.
func StringCell(b *bytes.Buffer, ref string, style int, s string) {
	if s == "" {
		EmptyCell(b, ref, style)
		return
	}
	openCell(b, ref, style, "inlineStr")
	b.WriteString(`<is><t xml:space="preserve">`)
	EscapeText(b, s)
	b.WriteString("</t></is></c>")
}

// A Run is a run of rich text: its text in the font its run properties
// (an <rPr> element, see RunProps) give.
type Run struct {
	Props string
	Text  string
}

// RichCell writes a cell holding the rich text runs, inline.
func RichCell(b *bytes.Buffer, ref string, style int, runs []Run) {
	openCell(b, ref, style, "inlineStr")
	b.WriteString("<is>")
	for _, run := range runs {
		b.WriteString("<r>")
		b.WriteString(run.Props)
		b.WriteString(`<t xml:space="preserve">`)
		EscapeText(b, run.Text)
		b.WriteString("</t></r>")
	}
	b.WriteString("</is></c>")
}

// FormulaCell writes a cell holding formula, showing the text v until it
// is recalculated.
func FormulaCell(b *bytes.Buffer, ref string, style int, formula, v string) {
	openCell(b, ref, style, "str")
	b.WriteString("<f>")
	EscapeText(b, formula)
	b.WriteString("</f><v>")
	EscapeText(b, v)
	b.WriteString("</v></c>")
}

// BareFormulaCell writes a cell holding formula and no value, which the
// program that opens the workbook calculates.
func BareFormulaCell(b *bytes.Buffer, ref string, style int, formula string) {
	openCell(b, ref, style, "")
	b.WriteString("<f>")
	EscapeText(b, formula)
	b.WriteString("</f></c>")
}

// EscapeText writes s to b escaped for XML character data: &, < and >
// as entities, a carriage return as a character reference so that it
// survives, everything else as it is.
func EscapeText(b *bytes.Buffer, s string) {
	if !utf8.ValidString(s) {
		xml.EscapeText(b, []byte(s)) // writes U+FFFD for bad bytes
		return
	}
	last := 0
	for i := 0; i < len(s); i++ {
		var esc string
		switch s[i] {
		case '&':
			esc = "&amp;"
		case '<':
			esc = "&lt;"
		case '>':
			esc = "&gt;"
		case '\r':
			esc = "&#xD;"
		default:
			continue
		}
		b.WriteString(s[last:i])
		b.WriteString(esc)
		last = i + 1
	}
	b.WriteString(s[last:])
}

// Text returns s escaped for XML character data as encoding/xml escapes
// it, for text written into the XML excelize writes (a page header).
func Text(s string) string {
	var b bytes.Buffer
	xml.EscapeText(&b, []byte(s))
	return b.String()
}

// SetCellText returns the sheet data b with the cell ref holding text, in
// the style it has.
func SetCellText(b []byte, ref, text string) ([]byte, error) {
	start := bytes.Index(b, []byte(`<c r="`+ref+`"`))
	if start < 0 {
		return nil, fmt.Errorf("worksheet: no cell %s", ref)
	}
	open := bytes.IndexByte(b[start:], '>')
	if open < 0 {
		return nil, fmt.Errorf("worksheet: cell %s unterminated", ref)
	}
	tag := b[start : start+open+1]
	end := start + open + 1
	if !bytes.HasSuffix(tag, []byte("/>")) {
		k := bytes.Index(b[end:], []byte("</c>"))
		if k < 0 {
			return nil, fmt.Errorf("worksheet: cell %s unterminated", ref)
		}
		end += k + len("</c>")
	}
	style := 0
	if v, ok := attr(tag, "s"); ok {
		style, _ = strconv.Atoi(v)
	}
	var cell bytes.Buffer
	StringCell(&cell, ref, style, text)
	return slices.Concat(b[:start], cell.Bytes(), b[end:]), nil
}
