package report

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/speechledger/speechledger/report/internal/xlsx"
	"github.com/xuri/excelize/v2"
)

// A rowWriter writes the task rows of the speech sheets as SpreadsheetML,
// which writePackage puts into each sheet's part when the workbook is saved.
//
// excelize finds a sheet by comparing its name with every sheet's name on
// each cell it sets, and keeps each cell as a Go value until it saves: a
// ledger of 2,000 speeches spent most of its time and memory there. The
// rows are simple (one style per column, strings, numbers, dates, one
// formula), so they are written here as the bytes they become, and
// excelize lays out the rest of the sheet: merged title, header, column
// widths, data validation, conditional formats, filter, panes and print
// settings.
type rowWriter struct {
	f      *excelize.File // for the ids of styles carried from the previous workbook
	styles styleCache
	props  map[fontID]string // run properties of rich text, by font
	sheets map[string]*sheetRows
	// Rows are compressed on other goroutines, as many at once as busy
	// holds.
	busy chan struct{}
	wg   sync.WaitGroup
	// re is what may be taken from the previous workbook, nil for
	// nothing; whole counts the sheets taken whole, rowsOnly those whose
	// task rows only are taken.
	re       *reuse
	whole    int
	rowsOnly int
	// remember says whether the workbook gets a memo, for which the
	// rows written are read back.
	remember bool
	// cells holds the cells of the row being written, its room kept from
	// row to row rather than grown again for each.
	cells bytes.Buffer
}

// sheetRows are the rows written for one sheet, and what else is
// written into its part when the workbook is saved.
type sheetRows struct {
	z   xlsx.Deflated // the <row> elements, compressed
	err error         // from compressing them
	// frame is what else is written into the part: the first task row
	// (0 for a sheet without tasks, 汇总), the title cells, the page
	// header and footer.
	frame xlsx.Frame
	// memo is what the memo of the workbook will keep of a speech sheet,
	// filled in as it is written; whole is its part taken as it is from
	// the previous workbook, nil when the part is written.
	memo  *memoSheet
	whole *xlsx.Deflated
	// plain says the sheet is a copy of the prepared template sheet, with
	// no columns staff added; skeleton is the XML such a copy has, to be
	// finished instead of what excelize wrote, nil to finish that.
	plain    bool
	skeleton []byte
	// styled are the cells of plain text written in a style carried
	// from the previous workbook, which the memo records with the cells
	// that are not text: the next run reads them cell by cell.
	styled []xlsx.CellAt
}

func newRowWriter(f *excelize.File, styles styleCache) *rowWriter {
	return &rowWriter{f: f, styles: styles, props: map[fontID]string{}, sheets: map[string]*sheetRows{},
		busy: make(chan struct{}, runtime.GOMAXPROCS(0))}
}

// wait waits until the rows written are compressed.
func (w *rowWriter) wait() error {
	w.wg.Wait()
	var errs []error
	for name, r := range w.sheets {
		if r.err != nil {
			errs = append(errs, fmt.Errorf("sheet %q: %w", name, r.err))
		}
	}
	slices.SortFunc(errs, func(a, b error) int { return strings.Compare(a.Error(), b.Error()) })
	return errors.Join(errs...)
}

// release removes the temporary files of the rows compressed, once
// they are written or not wanted; it waits for them first.
func (w *rowWriter) release() {
	w.wg.Wait()
	for _, r := range w.sheets {
		r.z.Remove()
	}
}

// addFonts makes the run properties of the rich texts of the text column
// of lay ready: its font, and its font bold in each mark's colour, as
// richRuns makes them.
func (w *rowWriter) addFonts(lay *layout) error {
	c := lay.colOf[fieldText]
	if c == 0 {
		return nil
	}
	plain := lay.cols[c-1].font
	plain.Bold = false
	fonts := []*excelize.Font{&plain}
	for _, color := range markColors {
		ft := lay.cols[c-1].font
		ft.Bold, ft.Color = true, color
		fonts = append(fonts, &ft)
	}
	var missing []*excelize.Font
	for _, ft := range fonts {
		if _, ok := w.props[fontKey(ft)]; !ok {
			missing = append(missing, ft)
		}
	}
	if len(missing) == 0 {
		return nil
	}
	props, err := xlsx.RunProps(missing)
	if err != nil {
		return err
	}
	for i, ft := range missing {
		w.props[fontKey(ft)] = props[i]
	}
	return nil
}

// A fontID tells apart the fonts of the runs richRuns makes.
type fontID struct {
	family, color string
	size          float64
	bold          bool
}

func fontKey(f *excelize.Font) fontID { return fontID{f.Family, f.Color, f.Size, f.Bold} }

// A sheetPlan is how a speech sheet is written: what its title cells and
// page header and footer say, the digests of what it is written from,
// and what of it the previous workbook's part gives.
type sheetPlan struct {
	titles map[string]string
	hf     []string // placeholder, value, ... as strings.NewReplacer takes them
	memo   memoSheet
	prev   xlsx.Deflated // the part in the previous workbook, if it gives any
	from   *memoSheet    // what the previous workbook's memo keeps of that part
	whole  bool          // the previous part is reused whole
	// skeleton is the XML of a copy of the prepared template sheet, from
	// the memo, when the previous part gives the rows and the rest can be
	// finished from it.
	skeleton []byte
}

// bare reports whether the sheet needs nothing of excelize but its place
// in the workbook: its part is the previous one, or is finished from the
// skeleton.
func (p *sheetPlan) bare() bool { return p.whole || p.skeleton != nil }

// plan works out how the speech sheet sh of ledger l is written, and what
// it reuses of the previous workbook.
func (w *rowWriter) plan(sh *sheet, l *ledger) (*sheetPlan, error) {
	lay := sh.lay
	p := &sheetPlan{titles: map[string]string{}}
	for _, tc := range lay.titleCells {
		p.titles[tc.cell] = cleanText(fillPlaceholders(tc.text, sh.Speech, l))
	}
	p.hf = headerFooterValues(sh.Speech, l)
	if sh.spooled != nil {
		// Its rows are not held, and the memo does not keep them: read
		// back, they would be the workbook's memory many times over.
		return p, nil
	}
	var err error
	if p.memo.Rows, err = w.rowsKey(sh); err != nil {
		return nil, err
	}
	p.memo.Frame = frameKey(p.titles, p.hf, lay.headerRow+1, lay.headerRow+len(sh.Rows), lay.lastCol)
	if len(sh.Extras) > 0 {
		return p, nil
	}
	if prev, from, ok := w.re.entry(sh.Name); ok && from.Rows == p.memo.Rows {
		p.prev, p.from = prev, from
		p.whole = from.Whole && from.Frame == p.memo.Frame
		if !p.whole && from.Whole {
			p.skeleton = w.re.m.Skeleton
		}
	}
	return p, nil
}

// writeRows writes the task rows of the speech sheet sh as planned by p,
// from the row under the header down, and records the texts of its title
// cells and what fills its page header and footer. Rows the previous
// workbook gives are taken from it, compressed as they are.
func (w *rowWriter) writeRows(sh *sheet, l *ledger, p *sheetPlan) error {
	lay := sh.lay
	first := lay.headerRow + 1
	r := &sheetRows{frame: xlsx.Frame{First: first, LastRow: lay.headerRow + sh.rowCount(), LastCol: lay.lastCol,
		Titles: p.titles, HeaderFooter: strings.NewReplacer(p.hf...)}, memo: &p.memo,
		plain: len(sh.Extras) == 0, skeleton: p.skeleton}
	switch {
	case p.whole:
		*r.memo = *p.from
		w.whole++
		r.whole = &p.prev
		w.sheets[sh.Name] = r
		return nil
	case p.from != nil:
		r.z = p.prev.Piece(p.from.Head, p.from.Body)
		r.memo.Body, r.memo.TaskRows, r.memo.Typed, r.memo.Heights = p.from.Body, p.from.TaskRows, p.from.Typed, p.from.Heights
		w.rowsOnly++
		w.sheets[sh.Name] = r
		return nil
	}
	if err := w.addFonts(lay); err != nil {
		return err
	}
	if !w.remember || sh.spooled != nil || sh.Name == combinedSheet {
		// combinedSheet is not kept on any run: its rows, read back,
		// would be most of the workbook in memory, here and in the
		// next run, which reads them from the workbook instead.
		r.memo = nil
	}
	out := w.add(sh.Name, r)
	defer out.close()
	n := first
	return sh.eachRow(l, func(row *row) error {
		if err := w.writeRow(out.next(), lay, n, row); err != nil {
			return fmt.Errorf("row %d: %w", n, err)
		}
		var styled []int
		for _, c := range row.Cells {
			if c.cc.kind == cellText && c.cc.style != nil {
				styled = append(styled, c.col)
			}
		}
		slices.Sort(styled)
		for _, col := range styled {
			r.styled = append(r.styled, xlsx.CellAt{Row: n, Col: col})
		}
		n++
		return nil
	})
}

// rowChunk is about how many bytes of a sheet's rows a rowSink hands
// over at a time: enough to keep the compressor busy, little beside a
// sheet of a hundred thousand rows.
const rowChunk = 1 << 20

// A rowSink takes the XML of one sheet's rows as they are written and
// hands it, some rows at a time, to a goroutine that compresses it and,
// for a speech sheet's memo, reads it back as the fast reader would:
// a sheet of many rows is never held whole, uncompressed.
type rowSink struct {
	buf    *bytes.Buffer // whole rows not handed over yet
	chunks chan []byte   // to the goroutine
	r      *sheetRows
}

// add records r, the rows of sheet, and returns where their XML is
// written; closing it waits for nothing, the rows are compressed on
// another goroutine (wait waits for them).
func (w *rowWriter) add(sheet string, r *sheetRows) *rowSink {
	w.sheets[sheet] = r
	w.busy <- struct{}{}
	s := &rowSink{buf: new(bytes.Buffer), chunks: make(chan []byte, 2), r: r}
	w.wg.Go(func() {
		defer func() { <-w.busy }()
		s.compress()
	})
	return s
}

// addRows is add for rows written already, whole.
func (w *rowWriter) addRows(sheet string, r *sheetRows, rows []byte) {
	s := w.add(sheet, r)
	s.buf = bytes.NewBuffer(rows)
	s.close()
}

// next returns the buffer the next row is written to, after handing over
// the rows before it once they are enough.
func (s *rowSink) next() *bytes.Buffer {
	if s.buf.Len() >= rowChunk {
		s.chunks <- s.buf.Bytes()
		s.buf = bytes.NewBuffer(make([]byte, 0, rowChunk+rowChunk/4))
	}
	return s.buf
}

// close hands over the last rows.
func (s *rowSink) close() {
	if s.buf.Len() > 0 {
		s.chunks <- s.buf.Bytes()
	}
	close(s.chunks)
}

// compress compresses the rows handed over into s.r and reads them back
// for its memo, if it has one; it drains the chunks after an error.
func (s *rowSink) compress() {
	r := s.r
	z := xlsx.NewStream()
	var p xlsx.Sheet
	for chunk := range s.chunks {
		if r.err != nil {
			continue
		}
		if _, r.err = z.Write(chunk); r.err == nil && r.memo != nil {
			r.err = xlsx.ReadMore(&p, chunk, nil)
		}
	}
	var err error
	if r.z, err = z.Close(); r.err != nil || err != nil {
		r.err = cmp.Or(r.err, err)
		return
	}
	if r.memo == nil {
		return
	}
	r.memo.Body = r.z.Sum()
	r.memo.TaskRows, r.memo.Heights = p.Rows, p.Heights
	r.memo.Typed = append(p.Typed, r.styled...)
}

// writeRow writes task row r as row n of a sheet laid out by lay: every
// column's cell in the column's style, and a height that fits the
// wrapped text.
func (w *rowWriter) writeRow(b *bytes.Buffer, lay *layout, n int, r *row) error {
	cells := &w.cells
	cells.Reset()
	lines := 1
	for _, c := range lay.cols {
		ref := cellName(c.col, n)
		if cc, ok := r.Cells.get(c.col); ok {
			if err := w.writeCarried(cells, ref, cc, c.style, n); err != nil {
				return err
			}
			if c.wrap && cc.kind == cellText {
				lines = max(lines, estimateLines(cc.value, c.width, c.font.Size))
			}
			continue
		}
		if !c.known || r.Verbatim {
			xlsx.EmptyCell(cells, ref, c.style)
			continue
		}
		var text string
		switch c.field {
		case fieldSeq:
			if r.Seq > 0 {
				xlsx.NumberCell(cells, ref, c.style, strconv.Itoa(r.Seq))
			} else {
				xlsx.EmptyCell(cells, ref, c.style)
			}
		case fieldDue:
			if !r.Due.IsZero() {
				xlsx.NumberCell(cells, ref, c.style, strconv.FormatInt(excelSerial(r.Due), 10))
				text = r.Due.String()
			} else {
				xlsx.EmptyCell(cells, ref, c.style)
			}
		case fieldTargetValue:
			if r.HasValue {
				xlsx.NumberCell(cells, ref, c.style, strconv.FormatFloat(r.TargetValue, 'f', -1, 64))
				text = formatNumber(r.TargetValue)
			} else {
				xlsx.EmptyCell(cells, ref, c.style)
			}
		case fieldText:
			text = cleanText(r.Text)
			if len(r.Marks) > 0 {
				xlsx.RichCell(cells, ref, c.style, w.runs(richRuns(text, r.Marks, c.font)))
			} else {
				xlsx.StringCell(cells, ref, c.style, text)
			}
		case fieldWarning:
			text = r.Warning
			if f := warningFormula(lay, n); f != "" && !r.Removed {
				xlsx.FormulaCell(cells, ref, c.style, f, text)
			} else {
				xlsx.StringCell(cells, ref, c.style, text)
			}
		default:
			text = cleanText(r.field(c.field))
			xlsx.StringCell(cells, ref, c.style, text)
		}
		if c.wrap {
			lines = max(lines, estimateLines(text, c.width, c.font.Size))
		}
	}
	h := rowHeight(lay, lines)
	if r.Height > 0 {
		h = r.Height
	}
	xlsx.Row(b, n, h, cells.Bytes())
	return nil
}

// cellName returns the reference of the cell at col, row n.
func cellName(col, n int) string {
	name, _ := excelize.ColumnNumberToName(col)
	return name + strconv.Itoa(n)
}

// writeCarried writes the carried cell cc at ref, in its own style or
// else in style; n is the row it is written to, for moving the formula's
// references to its own row.
func (w *rowWriter) writeCarried(b *bytes.Buffer, ref string, cc carriedCell, style, n int) error {
	if cc.style != nil {
		id, err := w.styles.id(w.f, cc.style)
		if err != nil {
			return err
		}
		style = id
	}
	switch cc.kind {
	case cellFormula:
		xlsx.BareFormulaCell(b, ref, style, cc.formulaAt(n))
		return nil
	case cellNumber:
		if v, err := strconv.ParseFloat(cc.value, 64); err == nil {
			xlsx.NumberCell(b, ref, style, strconv.FormatFloat(v, 'f', -1, 64))
			return nil
		}
	case cellBool:
		xlsx.BoolCell(b, ref, style, cc.isTrue())
		return nil
	}
	xlsx.StringCell(b, ref, style, cleanText(cc.value))
	return nil
}

// runs returns the rich text runs with their run properties, which
// addFonts made ready.
func (w *rowWriter) runs(rich []excelize.RichTextRun) []xlsx.Run {
	runs := make([]xlsx.Run, len(rich))
	for i, r := range rich {
		runs[i] = xlsx.Run{Props: w.props[fontKey(r.Font)], Text: r.Text}
	}
	return runs
}
