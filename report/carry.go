package report

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// A styleCache holds the styles of the previous workbook added to the new
// one, so each is added once.
type styleCache map[*excelize.Style]int

// id returns the id in f of st, adding it the first time.
func (c styleCache) id(f *excelize.File, st *excelize.Style) (int, error) {
	if id, ok := c[st]; ok {
		return id, nil
	}
	id, err := f.NewStyle(writableStyle(st))
	if err != nil {
		return 0, err
	}
	c[st] = id
	return id, nil
}

// writableStyle returns a copy of st, read from a workbook another
// program saved, that excelize writes as valid SpreadsheetML. Programs
// write styles excelize reads into values it will not write back:
// openpyxl a pattern fill without a pattern type (none), LibreOffice
// borders without a colour (automatic), some an ARGB colour whose alpha
// is not FF, a gradient of one colour, a border style excelize does not
// name.
func writableStyle(st *excelize.Style) *excelize.Style {
	out := *st
	colors := validColors(st.Fill.Color)
	out.Fill.Color = colors
	switch {
	case out.Fill.Type == "gradient" && len(colors) < 2:
		out.Fill = excelize.Fill{Type: "pattern"}
		if len(colors) == 1 {
			out.Fill.Pattern, out.Fill.Color = 1, colors
		}
	case out.Fill.Type == "pattern" && (out.Fill.Pattern < 0 || out.Fill.Pattern > 18):
		out.Fill.Pattern = 0 // no pattern type means none
	}
	if out.Fill.Type == "pattern" && out.Fill.Pattern == 0 {
		out.Fill.Color = nil
	}
	out.Border = nil
	for _, b := range st.Border {
		if b.Color = validColor(b.Color); b.Color == "" {
			b.Color = "000000" // automatic
		}
		if b.Style < 0 || b.Style > 13 {
			b.Style = 1
		}
		out.Border = append(out.Border, b)
	}
	if st.Font != nil {
		ft := *st.Font
		ft.Color = validColor(ft.Color)
		out.Font = &ft
	}
	return &out
}

// validColor returns the RGB hex colour c, from RRGGBB or AARRGGBB, or ""
// if c is not one.
func validColor(c string) string {
	c = strings.TrimPrefix(c, "#")
	if len(c) == 8 {
		c = c[2:]
	}
	if len(c) != 6 {
		return ""
	}
	for _, r := range c {
		if !strings.ContainsRune("0123456789abcdefABCDEF", r) {
			return ""
		}
	}
	return c
}

// validColors returns the valid colours of cs.
func validColors(cs []string) []string {
	var out []string
	for _, c := range cs {
		if c = validColor(c); c != "" {
			out = append(out, c)
		}
	}
	return out
}

// writeCarried writes the carried cell cc to cell of sheet, in its own
// style or else in style. n is the row the cell is written to, for moving
// the formula's references to its own row; 0 leaves them.
func writeCarried(f *excelize.File, sheet, cell string, cc carriedCell, style, n int, styles styleCache) error {
	if cc.style != nil {
		id, err := styles.id(f, cc.style)
		if err != nil {
			return err
		}
		style = id
	}
	if err := f.SetCellStyle(sheet, cell, cell, style); err != nil {
		return err
	}
	switch cc.kind {
	case cellFormula:
		return f.SetCellFormula(sheet, cell, cc.formulaAt(n))
	case cellNumber:
		if v, err := strconv.ParseFloat(cc.value, 64); err == nil {
			return f.SetCellFloat(sheet, cell, v, -1, 64)
		}
	case cellBool:
		return f.SetCellBool(sheet, cell, cc.isTrue())
	}
	if cc.value == "" {
		return nil
	}
	return f.SetCellStr(sheet, cell, cleanText(cc.value))
}

// formulaAt returns the formula of cc as written on row n: its relative
// references to its own row moved to n; n == 0 leaves them.
func (cc carriedCell) formulaAt(n int) string {
	if n != 0 && cc.row != 0 && n != cc.row {
		return moveRow(cc.formula, cc.row, n)
	}
	return cc.formula
}

// isTrue reports whether the boolean cell cc holds TRUE.
func (cc carriedCell) isTrue() bool {
	return cc.value == "1" || strings.EqualFold(cc.value, "TRUE")
}

// cellRef matches a cell reference in a formula, with what precedes it.
var cellRef = regexp.MustCompile(`(^|[^A-Za-z0-9_.!$'"])(\$?[A-Z]{1,3})(\$?)([0-9]+)\b`)

// moveRow rewrites the relative references of formula to cells of row
// from as references to row to, leaving text in quotes alone: a formula
// staff wrote on a task's row keeps referring to that row when the row
// moves.
func moveRow(formula string, from, to int) string {
	parts := strings.Split(formula, `"`)
	for i := 0; i < len(parts); i += 2 { // outside quotes
		parts[i] = cellRef.ReplaceAllStringFunc(parts[i], func(m string) string {
			sub := cellRef.FindStringSubmatch(m)
			if sub[3] == "$" || sub[4] != strconv.Itoa(from) {
				return m
			}
			return sub[1] + sub[2] + strconv.Itoa(to)
		})
	}
	return strings.Join(parts, `"`)
}

// copySheet copies the cells of sheet, one staff added to the previous
// workbook src, into the sheet of the same name of dst: values, formulas,
// styles, merged cells, column widths and row heights.
func copySheet(src, dst *excelize.File, sheet string, styles styleCache) error {
	rows, err := src.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		return err
	}
	cache := map[int]*excelize.Style{}
	width := 0
	for i, r := range rows {
		width = max(width, len(r))
		for j, v := range r {
			cell, _ := excelize.CoordinatesToCellName(j+1, i+1)
			cc, err := readCell(src, sheet, cell, v, cache)
			if err != nil {
				return err
			}
			if v == "" && cc.formula == "" && cc.style == nil {
				continue
			}
			if err := writeCarried(dst, sheet, cell, cc, 0, 0, styles); err != nil {
				return err
			}
		}
		h, err := src.GetRowHeight(sheet, i+1)
		if err != nil {
			return err
		}
		if err := dst.SetRowHeight(sheet, i+1, h); err != nil {
			return err
		}
	}
	for col := 1; col <= width; col++ {
		name, _ := excelize.ColumnNumberToName(col)
		w, err := src.GetColWidth(sheet, name)
		if err != nil {
			return err
		}
		if err := dst.SetColWidth(sheet, name, name, w); err != nil {
			return err
		}
	}
	merges, err := src.GetMergeCells(sheet)
	if err != nil {
		return err
	}
	for _, m := range merges {
		if err := dst.MergeCell(sheet, m.GetStartAxis(), m.GetEndAxis()); err != nil {
			return err
		}
	}
	return nil
}
