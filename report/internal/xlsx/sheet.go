package xlsx

import (
	"bytes"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// A Frame is what FinishSheet writes into a worksheet part besides its
// rows.
type Frame struct {
	First   int // the first row written; 0 for none that ranges grow from
	LastRow int
	LastCol int
	Titles  map[string]string // text of the title cells, by cell
	// HeaderFooter fills the placeholders of the page header and footer,
	// nil for none.
	HeaderFooter *strings.Replacer
	// Replace says the rows written replace all the cells excelize wrote.
	Replace bool
}

// FinishSheet returns the worksheet part b, as excelize wrote it, cut
// where the rows go at the end of its sheet data, with what else r says
// written in: its dimension grown to hold the rows, the title cells'
// texts, the ranges of the conditional formats, data validations and
// filter grown from the first row to the last, and the page header and
// footer filled in.
func FinishSheet(b []byte, r *Frame) (head, tail []byte, err error) {
	at := bytes.Index(b, []byte("<sheetData/>"))
	open := at >= 0
	if !open {
		if at = bytes.Index(b, []byte("</sheetData>")); at < 0 {
			return nil, nil, fmt.Errorf("worksheet: no sheet data")
		}
	}
	head, tail = b[:at], b[at:]
	if r.Replace && !open {
		// Drop the cells excelize made, such as those MergeCell adds.
		start := bytes.Index(head, []byte("<sheetData>"))
		if start < 0 {
			return nil, nil, fmt.Errorf("worksheet: no sheet data")
		}
		head = head[:start+len("<sheetData>")]
	}
	if head, err = growDimension(head, r.LastCol, r.LastRow); err != nil {
		return nil, nil, err
	}
	refs := slices.Sorted(maps.Keys(r.Titles))
	for _, ref := range refs {
		if head, err = SetCellText(head, ref, r.Titles[ref]); err != nil {
			return nil, nil, err
		}
	}
	if open {
		head = append(head, "<sheetData>"...)
		tail = append([]byte("</sheetData>"), tail[len("<sheetData/>"):]...)
	}
	if last := max(r.LastRow, r.First); r.First > 0 && last > r.First {
		tail = growRanges(tail, r.First, last)
	}
	if i := bytes.Index(tail, []byte("<headerFooter")); i >= 0 && r.HeaderFooter != nil {
		j := bytes.Index(tail[i:], []byte("</headerFooter>"))
		if j >= 0 {
			hf := r.HeaderFooter.Replace(string(tail[i : i+j]))
			tail = slices.Concat(tail[:i], []byte(hf), tail[i+j:])
		}
	}
	return head, tail, nil
}

// growDimension returns head with its dimension covering the cells up to
// lastCol, lastRow.
func growDimension(head []byte, lastCol, lastRow int) ([]byte, error) {
	i := bytes.Index(head, []byte("<dimension "))
	if i < 0 {
		return head, nil
	}
	// <dimension ref="…"/>, or with an end tag as excelize writes it.
	j := bytes.IndexByte(head[i:], '>')
	if j < 0 {
		return nil, fmt.Errorf("worksheet: unterminated dimension")
	}
	end := i + j + 1
	if head[end-2] != '/' {
		const close = "</dimension>"
		if !bytes.HasPrefix(head[end:], []byte(close)) {
			return nil, fmt.Errorf("worksheet: unterminated dimension")
		}
		end += len(close)
	}
	dim := fmt.Sprintf(`<dimension ref="A1:%s%d"/>`, columnName(max(lastCol, 1)), max(lastRow, 1))
	return slices.Concat(head[:i], []byte(dim), head[end:]), nil
}

// rangeAttrs open the attributes holding the ranges that FinishSheet
// grows to a sheet's last task row: of the row formats, the dropdown and
// the filter.
var rangeAttrs = [][]byte{
	[]byte(`<conditionalFormatting sqref="`),
	[]byte(`<autoFilter ref="`),
	[]byte(`<dataValidation `),
}

// growRanges returns the worksheet part tail with every range of the
// conditional formats, data validations and filter that ends on row first
// ending on row last instead.
func growRanges(tail []byte, first, last int) []byte {
	var out bytes.Buffer
	out.Grow(len(tail) + 64)
	for {
		at, open := -1, []byte(nil)
		for _, a := range rangeAttrs {
			if i := bytes.Index(tail, a); i >= 0 && (at < 0 || i < at) {
				at, open = i, a
			}
		}
		if at < 0 {
			break
		}
		v := at + len(open)
		if open[len(open)-1] != '"' { // <dataValidation …: find its sqref
			end := bytes.IndexByte(tail[at:], '>')
			i := bytes.Index(tail[at:], []byte(` sqref="`))
			if end < 0 || i < 0 || i > end {
				out.Write(tail[:v])
				tail = tail[v:]
				continue
			}
			v = at + i + len(` sqref="`)
		}
		q := bytes.IndexByte(tail[v:], '"')
		if q < 0 {
			break
		}
		out.Write(tail[:v])
		ranges := strings.Fields(string(tail[v : v+q]))
		for i, rg := range ranges {
			ranges[i] = growRange(rg, first, last)
		}
		out.WriteString(strings.Join(ranges, " "))
		tail = tail[v+q:]
	}
	out.Write(tail)
	return out.Bytes()
}

// growRange returns the range rg (A4:O4, $A$3:$O$4, or a cell, L4)
// ending on row last if it ends on row first.
func growRange(rg string, first, last int) string {
	from, to, ok := strings.Cut(rg, ":")
	if !ok {
		to = from
	}
	digits := strings.TrimRightFunc(to, func(r rune) bool { return '0' <= r && r <= '9' })
	if to[len(digits):] != strconv.Itoa(first) {
		return rg
	}
	return from + ":" + digits + strconv.Itoa(last)
}

// columnName returns the letters of column col.
func columnName(col int) string {
	name, _ := excelize.ColumnNumberToName(col)
	return name
}
